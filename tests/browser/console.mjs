// The staff console as a Köln coordinator first meets it: the sign-in page (German),
// demo sign-in, the worklist, the households by keyboard, an umlaut-tolerant search
// with its count, a household's page (residence only after naming a purpose) with a
// data-subject export, a made-up household URL ("not found"), a page kept across
// signing in again, and journey 5: the switch to English, which persists across a
// reload and follows the user into another browser. Every page gets an axe-core
// audit (WCAG 2.1 A/AA: 0 violations) and a screenshot.
//
// Usage: node console.mjs BASE_URL

import { readFileSync } from "node:fs";

import { journey } from "./lib.mjs";

await journey("console", async ({ base, newPage, audit, heading, press, step }) => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await heading(page, "Anmelden");
  step("not signed in: the console shows its German sign-in page");
  await page.getByRole("heading", { name: "Als Demo-Person anmelden" }).waitFor();
  await audit(page, "signin");

  await press(page.getByRole("button", { name: "Als Ole Leitstelle anmelden" }));
  await page.waitForURL(`${base}/worklist`);
  await heading(page, "Arbeitsliste");
  await page.getByRole("heading", { level: 2, name: /Überfällige Schritte/ }).waitFor();
  step("signed in as Ole Leitstelle (Köln coordinator): the worklist");
  // What each item is about reads as German, not as the API's codes.
  const about = await page.locator("main td").allInnerTexts();
  const raw = about.filter((x) => /^[a-z0-9]+(_[a-z0-9]+)*$/.test(x.trim()) || /\d+ Monate$/.test(x.trim()));
  if (raw.length) throw new Error(`worklist shows codes: ${raw.join(", ")}`);
  if (!about.some((x) => /^Nach \d+ Monat(en)?$/.test(x.trim()))) throw new Error(`no follow-up named by its months: ${about.join(" | ")}`);
  await audit(page, "worklist");

  await press(page.getByRole("link", { name: "Haushalte", exact: true }));
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
  await press(first);
  await heading(page, reference);
  await page.getByRole("heading", { level: 2, name: "Mitglieder" }).waitFor();
  step(`household ${reference}: its page with members`);
  const householdUrl = page.url();

  // Residence and benefit only after naming a purpose.
  if (await page.getByRole("columnheader", { name: "Aufenthalt" }).count()) throw new Error("residence shown without a purpose");
  await page.getByLabel("Zweck des Zugriffs").selectOption("CASE_WORK");
  await press(page.getByRole("button", { name: "Aufenthalt und Leistungen anzeigen" }));
  await page.getByRole("columnheader", { name: "Aufenthalt" }).waitFor();
  step("residence and benefit shown after choosing the purpose 'Fallbearbeitung'");
  await audit(page, "household");

  // A data-subject request: the member's data as a JSON download.
  const exportButton = page.getByRole("button", { name: /^Auskunft für .* herunterladen$/ }).first();
  const who = (await exportButton.innerText()).replace(/^Auskunft für (.*) herunterladen$/, "$1");
  const [download] = await Promise.all([page.waitForEvent("download"), press(exportButton)]);
  const text = readFileSync(await download.path(), "utf8");
  const data = JSON.parse(text);
  if (!text.includes(who.split(" ").at(-1))) throw new Error(`the export does not name ${who}`);
  step(`exported the data of ${who} as ${download.suggestedFilename()} (${Object.keys(data).length} parts)`);

  await page.goto(`${base}/households/0190a0c0-0000-7000-8000-000000000000`);
  await page.getByText("Diesen Haushalt gibt es nicht, oder Sie dürfen ihn nicht sehen.").waitFor();
  step("a made-up household URL: not found");
  await audit(page, "household-not-found");

  // Signed out, the household's URL asks for sign-in and comes back to it.
  await press(page.getByRole("button", { name: "Abmelden" }));
  await heading(page, "Anmelden");
  await page.goto(householdUrl);
  await heading(page, "Anmelden");
  await press(page.getByRole("button", { name: "Als Ole Leitstelle anmelden" }));
  await heading(page, reference);
  step("signed out, the household's URL led to sign-in and back to the household");

  // The language switch, kept for this user across a reload.
  await page.goto(`${base}/households`);
  await heading(page, "Haushalte");
  // The choice is kept with the user: wait for the server to take it before reloading.
  const kept = page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() || "").includes('"language":"en"'));
  await page.getByLabel("Sprache").selectOption("en");
  await heading(page, "Households");
  if ((await kept).status() !== 200) throw new Error("the language was not kept");
  await page.reload();
  await heading(page, "Households");
  if ((await page.locator("html").getAttribute("lang")) !== "en") throw new Error("html lang is not en");
  step("switched to English; still English after a reload");
  await audit(page, "households-en");

  // Kept with the user, not only in this browser: another browser, same user.
  const elsewhere = await newPage();
  await elsewhere.goto(`${base}/households`);
  await heading(elsewhere, "Anmelden");
  await press(elsewhere.getByRole("button", { name: "Als Ole Leitstelle anmelden" }));
  await heading(elsewhere, "Households");
  step("signed in from another browser: English, as the user chose");
  await elsewhere.getByLabel("Language").selectOption("de");
  await heading(elsewhere, "Haushalte");
});
