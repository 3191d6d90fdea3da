// What every console journey shares: Debian's Chromium offline (a request to any
// other host fails the run), the page's CSP left on (a refused script or style is a
// console error, which fails the run), no missing translation key, no GraphQL
// document sent (trusted documents only), an axe-core audit and a screenshot of each
// page, and keyboard-only helpers.
//
// CHROME_PATH overrides the browser (default /usr/bin/chromium); ARTIFACTS the folder
// for screenshots (default target/browser-artifacts).

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export async function journey(name, run) {
  const base = process.argv[2];
  if (!base) {
    console.error(`usage: node ${name}.mjs BASE_URL`);
    process.exit(2);
  }
  const artifacts = process.env.ARTIFACTS || new URL("../../target/browser-artifacts", import.meta.url).pathname;
  mkdirSync(artifacts, { recursive: true });
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const foreign = [];
  const problems = [];
  const step = (what) => console.log(`- ${what}`);
  // Answers the browser logs as errors although the page handles them: no session
  // yet (401 from /auth/session) and a made-up id (404 from the console's routes).
  // A journey adds its own as predicates on (message, url).
  const expected = [];
  // Other hosts a page that is not ours may ask for (the test OpenID provider's own
  // login form asks for a web font): predicates on (url, the asking frame's url).
  // Such requests fail like any other; they only do not count against our pages.
  const tolerated = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--lang=de-DE", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let graphqlRequests = 0;

  async function audit(page, label) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    for (const v of result.violations) {
      problems.push(`axe on ${label}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    await page.screenshot({ path: `${artifacts}/${name}-${label}.png`, fullPage: true });
    step(`${label}: axe ${result.violations.length} violations, ${result.passes.length} rules passed; screenshot saved`);
  }

  async function newPage({ javaScript = true } = {}) {
    const context = await browser.newContext({ locale: "de-DE", javaScriptEnabled: javaScript });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === "data:" || url.protocol === "blob:" || LOCAL.has(url.hostname)) return route.continue();
      const from = route.request().frame()?.url() ?? "";
      if (!from.startsWith(base) && tolerated.some((t) => t(url, from))) return route.abort("internetdisconnected");
      foreign.push(url.href);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
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
      const ok =
        (url.endsWith("/auth/session") && m.text().includes("status of 401")) ||
        m.text().includes("status of 404") ||
        expected.some((e) => e(m.text(), url));
      if (!ok) problems.push(`console error: ${m.text()} (${url})`);
    });
    return page;
  }

  /** Waits for the page's level-1 heading. */
  async function heading(page, text) {
    await page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15000 });
  }

  /** Keyboard only: focus and press Enter (links, buttons, summaries). */
  async function press(locator) {
    await locator.focus();
    await locator.page().keyboard.press("Enter");
  }

  /** Signs in on the demo page as `name`, by keyboard. */
  async function signIn(page, name, path = "/") {
    await page.goto(`${base}${path}`);
    await heading(page, "Anmelden");
    await press(page.getByRole("button", { name: `Als ${name} anmelden` }));
  }

  try {
    await run({ base, newPage, audit, heading, press, signIn, step, problems, expected, tolerated });
  } catch (e) {
    problems.push(`${e.message}`);
  } finally {
    await browser.close();
  }
  if (foreign.length) problems.push(`requests to other hosts: ${foreign.join(", ")}`);
  step(`${graphqlRequests} GraphQL requests, each naming a trusted document by its hash`);
  if (problems.length) {
    console.error(problems.map((p) => `FAIL ${p}`).join("\n"));
    process.exit(1);
  }
  step("no request left this machine; every check held");
}
