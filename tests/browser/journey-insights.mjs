// Cities compared in the console, keyboard only. The NRW programme's state officer
// opens the comparison: Bergisch Gladbach, Hagen, Köln and Wuppertal, which share
// their measures with the programme, side by side as charts and a table; Solingen and
// Mülheim an der Ruhr, which share nothing, are absent; small figures show "—" with their reason; the CSV downloads. Köln's
// coordinator stops sharing one measure with the other cities, then compares Köln
// with its peers. The platform operator finds the programme with its cities and
// officer and sets up another. Every page gets an axe-core audit.
//
// Usage: node journey-insights.mjs BASE_URL

import { journey } from "./lib.mjs";

await journey("insights", async ({ newPage, audit, heading, press, signIn, step }) => {
  const officer = await newPage();
  await signIn(officer, "Stefan Landesblick", "/");
  await heading(officer, "Städtevergleich");
  await officer.getByText(/^Die Städte des Programms „NRW – Kommunales Integrationsmanagement \(KIM\)“/).waitFor();
  await officer.getByLabel("Kennzahl").selectOption({ label: "Haushalte im Auszugsmanagement" });
  await officer.getByRole("heading", { level: 2, name: "Haushalte im Auszugsmanagement" }).waitFor();
  const table = officer.getByRole("table", { name: "Haushalte im Auszugsmanagement je Quartal" });
  const rows = await table.getByRole("row").allInnerTexts();
  const cities = rows.slice(1).map((r) => r.split("\t")[0].trim());
  if (cities.join("|") !== "Bergisch Gladbach|Hagen|Köln|Wuppertal") throw new Error(`the officer sees: ${cities.join(", ")}`);
  await officer.getByRole("img", { name: /^Haushalte im Auszugsmanagement je Quartal und Stadt\./ }).waitFor();
  await officer.getByRole("img", { name: /^Haushalte im Auszugsmanagement im Quartal .* je Stadt\./ }).waitFor();
  step(`the officer compares ${cities.join(", ")}; Solingen and Mülheim, sharing nothing, are absent; per quarter: ${rows.slice(1).map((r) => r.replace(/\s+/g, " ")).join(" | ")}`);
  await officer.getByLabel("Kennzahl").selectOption({ label: "Rückkehr in eine Unterkunft binnen 12 Monaten" });
  const withheld = officer.getByRole("table", { name: "Rückkehr in eine Unterkunft binnen 12 Monaten je Quartal" }).getByRole("cell").filter({ hasText: "Beobachtungszeitraum noch nicht abgeschlossen" });
  await withheld.first().waitFor();
  step(`withheld figures show "—" with their reason (${await withheld.count()} cells)`);
  const saved = officer.waitForEvent("download");
  await press(officer.getByRole("button", { name: "CSV für Excel herunterladen" }));
  const csv = Buffer.concat(await (await (await saved).createReadStream()).toArray()).toString("utf8");
  if (!csv.startsWith("\uFEFFKennzahl;Schlüssel;Stadt;Quartal;Wert") || csv.includes("Solingen") || csv.includes("Mülheim")) throw new Error(`the CSV: ${csv.slice(0, 160)}`);
  step(`saved the comparison as CSV (${csv.split("\r\n").length - 2} rows, neither Solingen nor Mülheim)`);
  await audit(officer, "benchmark-officer");
  if ((await officer.getByRole("link", { name: "Haushalte", exact: true }).count()) !== 0) throw new Error("the officer is offered households");

  const coordinator = await newPage();
  await signIn(coordinator, "Ole Leitstelle", "/sharing");
  await heading(coordinator, "Kennzahlen teilen");
  const box = coordinator.getByRole("checkbox", { name: "Kontakt verloren teilen mit: Andere Städte" });
  if (!(await box.isChecked())) throw new Error("the demo shares every measure of Köln with its peers");
  await box.focus();
  await coordinator.keyboard.press("Space");
  await coordinator.getByRole("status").filter({ hasText: "Kontakt verloren wird nicht mehr geteilt mit: Andere Städte." }).waitFor();
  step("Köln's coordinator stopped sharing one measure with the other cities");
  await audit(coordinator, "sharing");
  await press(coordinator.getByRole("link", { name: "Städtevergleich", exact: true }));
  await heading(coordinator, "Städtevergleich");
  await coordinator.getByLabel("Kennzahl").selectOption({ label: "Auszüge in eigenen Wohnraum (Haushalte)" });
  const own = coordinator.getByRole("table", { name: "Auszüge in eigenen Wohnraum (Haushalte) je Quartal" }).getByRole("rowheader");
  const names = await own.allInnerTexts();
  if (names.join("|") !== "Köln (Ihre Stadt)|Bergisch Gladbach|Wuppertal") throw new Error(`Köln compares with: ${names.join(", ")}`);
  step(`Köln compares with its peers: ${names.join(", ")}`);
  await audit(coordinator, "benchmark-city");

  const operator = await newPage();
  await signIn(operator, "Paula Plattform", "/state-programmes");
  await heading(operator, "Landesprogramme");
  const list = operator.getByRole("table", { name: "Landesprogramme" });
  await list.getByRole("row").filter({ hasText: "NRW – Kommunales Integrationsmanagement (KIM)" }).filter({ hasText: "Stefan Landesblick" }).waitFor();
  const form = operator.getByRole("group", { name: "Landesprogramm anlegen" });
  await form.getByLabel("Name").fill("Modellprogramm Wohnen");
  await form.getByRole("checkbox", { name: "Solingen" }).check();
  await press(form.getByRole("button", { name: "Anlegen" }));
  await list.getByRole("row").filter({ hasText: "Modellprogramm Wohnen" }).filter({ hasText: "Solingen" }).waitFor();
  step("the operator finds the NRW programme with its officer and sets up another for Solingen");
  await audit(operator, "state-programmes");
});
