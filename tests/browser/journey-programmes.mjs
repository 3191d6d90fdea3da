// Köln's carrier programmes in the console, keyboard only. The coordinator finds the
// DRK's ending KIM funding and its vacant position on the worklist, opens the
// programmes (funding, positions, targets as table and chart), reports the vacant
// position filled, and the vacancy leaves the worklist. The DRK's caseworker sees the
// DRK's programme only. The coordinator creates the joint report, saves it as CSV and
// PDF and releases it; the DRK's caseworker creates the DRK's report and opens the
// released joint one. Every page gets an axe-core audit.
//
// Usage: node journey-programmes.mjs BASE_URL

import { journey } from "./lib.mjs";

await journey("programmes", async ({ newPage, audit, heading, press, signIn, step }) => {
  const page = await newPage();
  await signIn(page, "Ole Leitstelle", "/worklist");
  await heading(page, "Arbeitsliste");
  const warnings = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: /^Programme/ }) });
  const funding = warnings.getByRole("listitem").filter({ hasText: "Finanzierung „KIM – Kommunales Integrationsmanagement NRW“ endet am" }).filter({ hasText: "Deutsches Rotes Kreuz Köln" });
  await funding.waitFor();
  step(`worklist: ${(await funding.innerText()).replace(/\s+/g, " ")}`);
  const vacancy = warnings.getByRole("listitem").filter({ hasText: "(befristet 1)“ (1 VZÄ) ist seit" });
  await vacancy.waitFor();
  step(`worklist: ${(await vacancy.innerText()).replace(/\s+/g, " ")}`);
  await audit(page, "worklist");

  await press(funding.getByRole("link", { name: "Deutsches Rotes Kreuz Köln" }));
  await heading(page, "Programme der Träger");
  const drk = page.getByRole("region", { name: "Auszugsmanagement DRK – Deutsches Rotes Kreuz Köln" });
  await drk.getByRole("table", { name: "Finanzierung – Auszugsmanagement DRK" }).getByRole("row").filter({ hasText: "KIM (Land NRW)" }).waitFor();
  const positions = drk.getByRole("table", { name: "Stellen – Auszugsmanagement DRK" });
  const open = positions.getByRole("row").filter({ hasText: "frei seit" });
  await open.waitFor();
  await drk.getByRole("table", { name: "Ziele – Auszugsmanagement DRK" }).getByRole("row").filter({ hasText: "Auszüge" }).waitFor();
  await drk.getByRole("img", { name: /^Ziele \d{4} – Auszugsmanagement DRK/ }).waitFor();
  step("the DRK's programme lists its funding, positions (one vacant) and targets with a chart");
  await audit(page, "programmes");

  // Report the vacant position filled, by keyboard.
  await press(open.getByText("Besetzung ändern"));
  const form = open.getByRole("group", { name: /als besetzt melden$/ });
  await press(form.getByRole("button", { name: "Als besetzt melden" }));
  await positions.getByRole("row").filter({ hasText: "(befristet 1)" }).filter({ hasText: "besetzt seit" }).waitFor();
  step("reported the vacant position filled");
  // Book what the first funding source paid out.
  await press(drk.locator("summary", { hasText: "Ausgabe buchen" }));
  const booking = drk.getByRole("group", { name: "Ausgabe buchen" });
  await booking.getByLabel("Betrag in Euro").fill("1500");
  await booking.getByLabel("Wofür").fill("Personalkosten November");
  await press(booking.getByRole("button", { name: "Buchen" }));
  await drk.getByRole("table", { name: "Finanzierung – Auszugsmanagement DRK" }).getByRole("row").filter({ hasText: "1.500,00 €" }).waitFor();
  step("booked 1.500,00 € against the DRK's first funding source");
  await audit(page, "programmes-filled");

  await press(page.getByRole("link", { name: "Arbeitsliste", exact: true }));
  await heading(page, "Arbeitsliste");
  await funding.waitFor();
  await vacancy.waitFor({ state: "detached", timeout: 15000 });
  step("the vacancy left the worklist; the funding end stays");

  // The city's joint report for this year, as tables and as CSV for Excel.
  await press(page.getByRole("link", { name: "Berichte", exact: true }));
  await heading(page, "Berichte");
  await page.getByLabel("Bericht", { exact: true }).selectOption({ label: "Gemeinsamer Bericht der Stadt" });
  await press(page.getByRole("button", { name: "Bericht erstellen" }));
  const cases = page.getByRole("table", { name: "Fälle" });
  const intakes = cases.getByRole("row").filter({ hasText: "Neu aufgenommene Haushalte" });
  await intakes.waitFor();
  await page.getByRole("table", { name: "Auszüge" }).getByRole("row").filter({ hasText: "Auszüge in eigenen Wohnraum: Haushalte" }).waitFor();
  await page.getByText(/^Datenstand: /).waitFor();
  step(`joint report: ${(await intakes.innerText()).replace(/\s+/g, " ")}`);
  const offers = page.getByRole("table", { name: "Vermittlung" }).getByRole("row").filter({ hasText: "Eingegangene Wohnungsangebote" });
  await offers.waitFor();
  step(`offers by channel: ${(await offers.innerText()).replace(/\s+/g, " ")}`);
  const saved = page.waitForEvent("download");
  await press(page.getByRole("button", { name: "CSV für Excel herunterladen" }));
  const csvFile = await saved;
  const csvText = Buffer.concat(await (await csvFile.createReadStream()).toArray()).toString("utf8");
  if (!csvText.startsWith("\uFEFFZeitraum;") || !csvText.includes("Abschnitt;Schlüssel;Kennzahl;Wert;Anzahl;von")) {
    throw new Error(`the CSV starts: ${csvText.slice(0, 120)}`);
  }
  step(`saved ${csvFile.suggestedFilename()} (${csvText.split("\r\n").length - 1} rows)`);
  const pdfSaved = page.waitForEvent("download");
  await press(page.getByRole("button", { name: "PDF für den Ausschuss herunterladen" }));
  const pdfFile = await pdfSaved;
  const pdfHead = Buffer.concat(await (await pdfFile.createReadStream()).toArray()).subarray(0, 5).toString();
  if (pdfHead !== "%PDF-" || !pdfFile.suggestedFilename().endsWith(".pdf")) throw new Error(`the PDF download: ${pdfFile.suggestedFilename()} ${pdfHead}`);
  step(`saved ${pdfFile.suggestedFilename()}`);
  await audit(page, "report");
  await press(page.getByRole("button", { name: "Für die Träger freigeben" }));
  await page.getByRole("table", { name: "Für die Träger freigegebene gemeinsame Berichte" }).getByRole("row").nth(1).waitFor();
  step("released the joint report to the carriers");

  // The city's figures per quarter, as charts and a table.
  await press(page.getByRole("link", { name: "Kennzahlen", exact: true }));
  await heading(page, "Kennzahlen der Stadt");
  await page.getByRole("img", { name: /^Auszüge in eigenen Wohnraum \(Haushalte\) je Quartal\./ }).waitFor();
  const table = page.getByRole("table", { name: "Alle Kennzahlen je Quartal" });
  const rows = await table.getByRole("row").count();
  if (rows !== 9) throw new Error(`the dashboard table has ${rows} rows`);
  step("the dashboard charts eight quarters and lists them in a table");
  await audit(page, "dashboard");

  const carrier = await newPage();
  await signIn(carrier, "Kian Beistand", "/programmes");
  await heading(carrier, "Programme der Träger");
  await carrier.getByRole("region", { name: "Auszugsmanagement DRK – Deutsches Rotes Kreuz Köln" }).waitFor();
  const regions = await carrier.getByRole("region").count();
  if (regions !== 1) throw new Error(`the carrier sees ${regions} programmes`);
  if ((await carrier.getByText("Programm anlegen").count()) !== 0) throw new Error("the carrier is offered to create a programme");
  if ((await carrier.getByRole("link", { name: "Kennzahlen", exact: true }).count()) !== 0) throw new Error("the carrier is offered the city's dashboard");
  step("the DRK's caseworker sees the DRK's programme only, without forms");
  await audit(carrier, "programmes-carrier");

  // Its report: the DRK's only.
  await press(carrier.getByRole("link", { name: "Berichte", exact: true }));
  await heading(carrier, "Berichte");
  await carrier.getByLabel("Bericht", { exact: true }).locator("option").first().waitFor({ state: "attached" });
  const choices = await carrier.getByLabel("Bericht", { exact: true }).locator("option").allInnerTexts();
  if (choices.join("|") !== "Deutsches Rotes Kreuz Köln") throw new Error(`the carrier may choose: ${choices.join(", ")}`);
  await press(carrier.getByRole("button", { name: "Bericht erstellen" }));
  await carrier.getByRole("heading", { level: 2, name: /^Deutsches Rotes Kreuz Köln: / }).waitFor();
  await carrier.getByText("Kleine Werte (1 oder 2) sind als „<3“ ausgewiesen.", { exact: false }).waitFor();
  step("the DRK's caseworker creates the DRK's report, small cells withheld");
  await audit(carrier, "report-carrier");
  await press(carrier.getByRole("button", { name: /^Bericht .* anzeigen$/ }));
  await carrier.getByRole("heading", { level: 2, name: /^Köln: / }).waitFor();
  await carrier.getByRole("table", { name: "Fälle" }).getByRole("row").filter({ hasText: "Neu aufgenommene Haushalte" }).waitFor();
  await carrier.getByText(/^Freigegeben am .*festgehaltenen Zahlen/).waitFor();
  step("the DRK's caseworker opens the joint report as the city released it, with the figures kept at the release");
  await audit(carrier, "report-joint-released");
});
