// The renter's-licence course in the console, keyboard only (Bergisch Gladbach's
// demo run: three sessions in Arabic with a German interpreter). A caseworker opens
// the run, ticks the walk-in participant present at the sessions she missed (she
// completes), issues her certificate and saves its PDF; enrols a member of a household
// in a new run from the household page, where the household's certificates show with
// their check page. The coordinator sees the city's signing keys. Every page gets an
// axe-core audit. The coordinator also opens the course's evaluation (Hagen).
//
// Usage: node journey-courses.mjs BASE_URL

import { journey } from "./lib.mjs";

await journey("courses", async ({ base, newPage, audit, heading, press, signIn, step }) => {
  const page = await newPage();
  await signIn(page, "Jonas Muster");
  await press(page.getByRole("link", { name: "Kurse", exact: true }));
  await heading(page, "Kurse (Mietführerschein)");
  const runs = page.getByRole("table", { name: "Durchgänge" });
  const row = runs.getByRole("row").filter({ hasText: "Stadtteilhaus Gronau" });
  await row.waitFor();
  step(`runs: ${(await row.innerText()).replace(/\s+/g, " ")}`);
  await page.getByRole("heading", { name: /Mietführerschein – Version 1/ }).first().waitFor();
  await audit(page, "courses");

  await press(row.getByRole("link"));
  await heading(page, "Mietführerschein, Stadtteilhaus Gronau, Hauptstraße 250");
  const people = page.getByRole("table", { name: "Teilnehmende" });
  await people.getByRole("row").filter({ hasText: "Amal Al-Hassan" }).filter({ hasText: "abgeschlossen" }).waitFor();
  await people.getByRole("row").filter({ hasText: "Ğülsüm Weiß" }).filter({ hasText: "1 von 3 Terminen" }).waitFor();
  step("the run lists its participants: two completed, Ğülsüm Weiß at 1 of 3 sessions");
  await audit(page, "run");

  // The attendance lists of sessions 2 and 3: tick her present (Space), save.
  for (const n of [2, 3]) {
    await press(page.getByText(new RegExp(`^Termin ${n} – `)));
    const form = page.getByRole("group", { name: new RegExp(`^Anwesenheit – Termin ${n} am `) });
    const box = form.getByRole("checkbox", { name: "Ğülsüm Weiß" });
    await box.focus();
    await page.keyboard.press("Space");
    if (!(await box.isChecked())) throw new Error("the tick did not take");
    // Present needs no reason: the one recorded for her absence is cleared.
    const reason = form.getByRole("combobox", { name: "Grund des Fehlens: Ğülsüm Weiß" });
    if ((await reason.inputValue()) !== "") throw new Error(`the absence reason stayed: ${await reason.inputValue()}`);
    await press(form.getByRole("button", { name: "Anwesenheit speichern" }));
    await form.getByText("Gespeichert.").waitFor();
  }
  await people.getByRole("row").filter({ hasText: "Ğülsüm Weiß" }).filter({ hasText: "abgeschlossen" }).waitFor();
  step("ticked present at sessions 2 and 3 by keyboard: Ğülsüm Weiß completes");
  await audit(page, "run-attendance");

  await press(page.getByText("Für Ğülsüm Weiß", { exact: true }));
  const mine = page.getByRole("group", { name: "Teilnahmebestätigung ausstellen" });
  await press(mine.getByRole("button", { name: "Ausstellen" }));
  const save = page.getByRole("button", { name: /^Bescheinigung BG-\d{4}-\d{5} als PDF$/ });
  await save.waitFor();
  const number = (await save.innerText()).match(/BG-\d{4}-\d{5}/)[0];
  const download = page.waitForEvent("download");
  await press(save);
  const file = await download;
  if (!file.suggestedFilename().endsWith(`${number}.pdf`)) throw new Error(`the PDF is named ${file.suggestedFilename()}`);
  const bytes = await (await file.createReadStream()).toArray();
  const head = Buffer.concat(bytes).subarray(0, 5).toString();
  if (head !== "%PDF-") throw new Error(`the download is not a PDF: ${head}`);
  step(`issued ${number} and saved it as ${file.suggestedFilename()}`);
  await audit(page, "run-certificate");

  // A household's page: its certificates with the check page, and enrolment in a run.
  await press(people.getByRole("row").filter({ hasText: "Amal Al-Hassan" }).getByRole("link"));
  await page.getByRole("heading", { level: 2, name: "Kurse und Bescheinigungen" }).waitFor();
  const certs = page.getByRole("table", { name: "Teilnahmebestätigungen" });
  await certs.getByRole("row").filter({ hasText: "gültig" }).waitFor();
  const check = certs.getByRole("link", { name: "Prüfseite" }).first();
  const href = await check.getAttribute("href");
  if (!href.startsWith(`${base}/verify#eyJ`)) throw new Error(`the check link: ${href}`);
  step("the household page lists Amal Al-Hassan's certificate with its check page");
  await audit(page, "household-courses");

  // The coordinator's view adds the signing keys.
  const coord = await newPage();
  await signIn(coord, "Tarek Vorlage", "/courses");
  await heading(coord, "Kurse (Mietführerschein)");
  await coord.getByRole("table", { name: "Signaturschlüssel" }).waitFor();
  step("the coordinator sees the city's signing key");
  await audit(coord, "courses-coordinator");

  // Hagen's evaluation: the run's figures and completers against non-participants.
  await press(coord.getByRole("link", { name: "Auswertung: Mietführerschein" }));
  await heading(coord, "Auswertung: Mietführerschein");
  const evalRuns = coord.getByRole("table", { name: "Durchgänge" });
  const evalRow = evalRuns.getByRole("row").filter({ hasText: "Stadtteilhaus Gronau" });
  await evalRow.waitFor();
  step(`evaluation: ${(await evalRow.innerText()).replace(/\s+/g, " ")}`);
  const overall = coord.getByRole("table", { name: "Alle beendeten Durchgänge" });
  await overall.getByRole("row").filter({ hasText: "Ausgezogen innerhalb von 6 Monaten" }).waitFor();
  await overall.getByRole("row").filter({ hasText: "Mietverhältnis 12 Monate nach Einzug noch bestehend" }).waitFor();
  const groups = await coord.getByText(/^Haushalte mit Abschluss: \d+/).first().innerText();
  step(`evaluation groups: ${groups}`);
  await audit(coord, "course-evaluation");
});
