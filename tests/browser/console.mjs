// The staff console as a Köln coordinator uses it, offline, in Debian's Chromium:
// every request to a host other than this machine is blocked and fails the run. The
// page's own CSP stays on (a refused inline script or style shows as a console
// error, which fails the run), and so does any missing translation key.
//
// The server runs with graphql.trusted_documents_only, as in production, and no
// GraphQL request may carry a document: only the hash from the console's manifest.
//
// Steps: the sign-in page (German), demo sign-in as the coordinator, the worklist,
// the households by keyboard, an umlaut-tolerant search with its count, a household's
// page, a made-up household URL ("not found"), the switch to English that persists
// across a reload. Every page gets an axe-core audit (WCAG 2.1 A/AA: 0 violations)
// and a screenshot in ARTIFACTS (default: target/browser-artifacts).
//
// Usage: node console.mjs BASE_URL
// CHROME_PATH overrides the browser (default /usr/bin/chromium).

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const base = process.argv[2];
if (!base) {
  console.error("usage: node console.mjs BASE_URL");
  process.exit(2);
}
const artifacts = process.env.ARTIFACTS || new URL("../../target/browser-artifacts", import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const foreign = [];
const problems = [];
const step = (what) => console.log(`- ${what}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** axe-core on the page as it is now (run through the debugger, which the CSP does not govern). */
async function audit(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  for (const v of result.violations) {
    problems.push(`axe on ${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  await page.screenshot({ path: `${artifacts}/console-${name}.png`, fullPage: true });
  step(`${name}: axe ${result.violations.length} violations, ${result.passes.length} rules passed; screenshot saved`);
}

async function heading(page, text) {
  await page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15000 });
}

try {
  const context = await browser.newContext({ locale: "de-DE" });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL.has(url.hostname)) return route.continue();
    foreign.push(url.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  // Trusted documents: the console sends a hash from its manifest, never a document.
  let graphqlRequests = 0;
  page.on("request", (r) => {
    if (!r.url().endsWith("/graphql")) return;
    graphqlRequests += 1;
    const body = r.postData() || "";
    if (body.includes('"query"')) problems.push(`the console sent a document: ${body.slice(0, 120)}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const url = m.location()?.url ?? "";
    // Expected answers the browser reports as errors: no session yet (401 from
    // /auth/session) and the made-up household (the page shows "not found").
    const expected =
      (url.endsWith("/auth/session") && m.text().includes("status of 401")) ||
      m.text().includes("status of 404");
    if (!expected) problems.push(`console error: ${m.text()} (${url})`);
  });

  await page.goto(`${base}/`);
  await heading(page, "Anmelden");
  step("not signed in: the console shows its German sign-in page");
  await page.getByRole("heading", { name: "Als Demo-Person anmelden" }).waitFor();
  await audit(page, "signin");

  // Keyboard only: focus the coordinator's button and press Enter.
  const button = page.getByRole("button", { name: "Als Ole Leitstelle anmelden" });
  await button.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(`${base}/worklist`);
  await heading(page, "Arbeitsliste");
  await page.getByRole("heading", { level: 2, name: /Überfällige Schritte/ }).waitFor();
  step("signed in as Ole Leitstelle (Köln coordinator): the worklist");
  await audit(page, "worklist");

  await page.getByRole("link", { name: "Haushalte" }).focus();
  await page.keyboard.press("Enter");
  await heading(page, "Haushalte");
  const count = page.getByRole("status");
  await count.waitFor();
  const all = await count.innerText();
  if (!/^\d+ Haushalte?$/.test(all)) throw new Error(`the count reads "${all}"`);
  step(`households: "${all}"`);
  await audit(page, "households");

  // Umlaut folding: "muller" finds Müller-Ahmadi and Mueller.
  await page.getByLabel("Suche nach Name oder Aktenzeichen").fill("muller");
  await page.getByLabel("Suche nach Name oder Aktenzeichen").press("Enter");
  await page.getByRole("status").filter({ hasText: "2 Haushalte" }).waitFor();
  step('search "muller": 2 Haushalte');
  const first = page.getByRole("row").nth(1).getByRole("link");
  const reference = await first.innerText();
  await first.focus();
  await page.keyboard.press("Enter");
  await heading(page, reference);
  await page.getByRole("heading", { level: 2, name: "Mitglieder" }).waitFor();
  step(`household ${reference}: its page with members`);
  await audit(page, "household");

  await page.goto(`${base}/households/0190a0c0-0000-7000-8000-000000000000`);
  await page.getByText("Diesen Haushalt gibt es nicht, oder Sie dürfen ihn nicht sehen.").waitFor();
  step("a made-up household URL: not found");
  await audit(page, "household-not-found");

  // The language switch, kept for this user across a reload.
  await page.goto(`${base}/households`);
  await heading(page, "Haushalte");
  await page.getByLabel("Sprache").selectOption("en");
  await heading(page, "Households");
  await page.reload();
  await heading(page, "Households");
  if ((await page.locator("html").getAttribute("lang")) !== "en") throw new Error("html lang is not en");
  step("switched to English; still English after a reload");
  await audit(page, "households-en");
  step(`${graphqlRequests} GraphQL requests, each naming a trusted document by its hash`);
} catch (e) {
  problems.push(`${e.message}`);
} finally {
  await browser.close();
}
if (foreign.length) problems.push(`requests to other hosts: ${foreign.join(", ")}`);
if (problems.length) {
  console.error(problems.map((p) => `FAIL ${p}`).join("\n"));
  process.exit(1);
}
step("no request left this machine; every check held");
