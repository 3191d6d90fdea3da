// GraphiQL as a city caseworker uses it, offline: Debian's Chromium (headless) with
// every request to a host other than this machine blocked and recorded. Signs in on
// /auth/dev, waits for GraphiQL and its schema, checks that autocompletion offers
// `viewer`, runs a mutation with the execute button and reads its result.
//
// Usage: node graphiql.mjs BASE_URL
// Prints one line per step; exits 0 when every check held, 1 otherwise (with why).
// CHROME_PATH overrides the browser (default /usr/bin/chromium).

import { chromium } from "playwright-core";

const base = process.argv[2];
if (!base) {
  console.error("usage: node graphiql.mjs BASE_URL");
  process.exit(2);
}

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const foreign = [];
const problems = [];

function step(what) {
  console.log(`- ${what}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const context = await browser.newContext({ locale: "de-DE" });
  // Offline, as many city networks are: only this machine answers.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL.has(url.hostname)) {
      return route.continue();
    }
    foreign.push(url.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });

  await page.goto(`${base}/auth/dev`);
  step("demo sign-in page loaded");
  // A city caseworker of the first city.
  const row = page.locator("tr", { hasText: "Fallbearbeitung Kommune" }).first();
  const schemaLoaded = page.waitForResponse(
    (r) => r.url().endsWith("/graphql") && (r.request().postData() || "").includes("IntrospectionQuery"),
  );
  await row.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(`${base}/graphql`);
  step("signed in, redirected to /graphql");
  const introspection = await schemaLoaded;
  const schema = await introspection.json();
  if (introspection.status() !== 200 || schema.errors || !schema.data?.__schema) {
    throw new Error(`GraphiQL's introspection failed: ${JSON.stringify(schema).slice(0, 300)}`);
  }
  step(`GraphiQL loaded the schema (${schema.data.__schema.types.length} types)`);
  await page.locator(".graphiql-query-editor .CodeMirror").waitFor();

  // Autocompletion: type the start of a field, as a person would.
  await page.locator(".graphiql-query-editor .CodeMirror").click();
  await page.evaluate(() => {
    const cm = document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror;
    cm.setValue("{\n  vi");
    cm.setCursor({ line: 1, ch: 4 });
  });
  await page.keyboard.type("e");
  const hints = page.locator(".CodeMirror-hints");
  await hints.waitFor({ timeout: 10000 });
  const offered = await hints.innerText();
  if (!offered.includes("viewer")) {
    throw new Error(`autocompletion did not offer viewer: ${offered}`);
  }
  step("autocompletion offers viewer");
  await page.keyboard.press("Escape");

  // A mutation, run with the execute button as a person would.
  const name = `Browsertest ${Date.now()}`;
  await page.evaluate((n) => {
    const cm = document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror;
    cm.setValue(
      `mutation Neu {\n  createLandlord(input: { kind: HOUSING_COMPANY, name: "${n}", partnerStatus: PARTNER }) {\n    id\n    name\n  }\n}\n`,
    );
  }, name);
  // GraphiQL picks up the operation's name from the edited text a moment later.
  await page.waitForTimeout(1000);
  const ran = page.waitForResponse(
    (r) => r.url().endsWith("/graphql") && (r.request().postData() || "").includes("createLandlord"),
  );
  await page.locator(".graphiql-execute-button").click();
  const response = await ran;
  const sent = response.request().headers();
  if (!sent["x-csrf-token"]) throw new Error("the mutation went without x-csrf-token");
  const result = await response.json();
  if (response.status() !== 200 || result.errors || result.data?.createLandlord?.name !== name) {
    throw new Error(`the mutation failed (${response.status()}): ${JSON.stringify(result).slice(0, 300)}`);
  }
  await page.locator(".result-window").getByText(name).first().waitFor({ timeout: 10000 });
  step("the mutation ran with the session's CSRF token and its result is shown");
} catch (e) {
  problems.push(String(e && e.stack ? e.stack : e));
} finally {
  await browser.close();
}

if (foreign.length) problems.push(`requests to other hosts were attempted: ${foreign.join(", ")}`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
step("no request left this machine");
console.log("ok");
