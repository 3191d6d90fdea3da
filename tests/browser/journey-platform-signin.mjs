// A platform operator signs in through the platform's own OpenID provider (the test
// provider, a real oidc-provider): the sign-in page offers the platform account
// beside the city's, the provider's form takes the login name, and the console opens
// on the catalogue the operator asked for. axe-core audits the sign-in page.
//
// Usage: node journey-platform-signin.mjs BASE_URL LOGIN

import { journey } from "./lib.mjs";

const login = process.argv[3];

await journey("platform-signin", async ({ base, newPage, audit, heading, press, step, expected, tolerated }) => {
  // The test provider's login form (its page, not ours) asks for a web font.
  tolerated.push((url) => url.hostname === "fonts.googleapis.com");
  expected.push((message, url) => url.startsWith("https://fonts.googleapis.com/") && message.includes("ERR_INTERNET_DISCONNECTED"));
  const page = await newPage();
  await page.goto(`${base}/catalogue`);
  await heading(page, "Anmelden");
  const button = page.getByRole("button", { name: "Mit dem Plattform-Konto anmelden" });
  await button.waitFor();
  await page.getByRole("heading", { level: 2, name: "Für Plattform und Land" }).waitFor();
  step("the sign-in page offers the platform account beside the city's");
  await audit(page, "signin");

  await press(button);
  // The provider's own login form (not ours: it is only filled in).
  await page.locator('input[name="login"]').waitFor({ timeout: 15000 });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('input[name="password"]').press("Enter");
  await heading(page, "Gemeinsamer Kurskatalog");
  if (new URL(page.url()).pathname !== "/catalogue") throw new Error(`landed on ${page.url()}`);
  await page.getByText("Angemeldet als Paula Plattform").waitFor();
  step("signed in at the platform's provider; back on the catalogue as Paula Plattform");
  await audit(page, "catalogue");
});
