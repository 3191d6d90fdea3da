// Journey 4, keyboard only: Köln's city administrator invites a new caseworker into
// the housing office, grants her the coordinator role as well, and checks the audit
// log and its chain. A carrier administrator (Caritas) sees only Caritas. Every page
// gets an axe-core audit.
//
// Usage: node journey-admin.mjs BASE_URL

import { journey } from "./lib.mjs";

await journey("admin", async ({ newPage, audit, heading, press, signIn, step }) => {
  const page = await newPage();
  await signIn(page, "Greta Testfeld");
  await heading(page, "Verwaltung");
  if (await page.getByRole("link", { name: "Haushalte", exact: true }).count()) throw new Error("an administrator's navigation offers households");
  step("Greta Testfeld (Köln city admin) lands on the administration");
  await audit(page, "admin");

  await press(page.getByText("Person einladen", { exact: true }).first());
  const form = page.getByRole("group", { name: "Person einladen" });
  const office = await form.getByLabel("Organisation").locator("option", { hasText: "Amt für Wohnungswesen" }).getAttribute("value");
  await form.getByLabel("Organisation").selectOption(office);
  await form.getByLabel("Name", { exact: true }).fill("Paula Neumann");
  await form.getByLabel("E-Mail-Adresse").fill("paula.neumann@koeln.example");
  await form.getByRole("group", { name: "Rollen" }).getByLabel("Fallbearbeitung der Stadt").check();
  await press(form.getByRole("button", { name: "Einladen" }));
  const row = page.getByRole("row").filter({ hasText: "paula.neumann@koeln.example" });
  await row.getByText("Fallbearbeitung der Stadt").waitFor();
  step("invited Paula Neumann as a city caseworker");

  await press(row.getByText("Paula Neumann ändern"));
  const grant = row.getByRole("group", { name: "Rolle für Paula Neumann vergeben" });
  await grant.getByLabel("Rolle").selectOption("CITY_COORDINATOR");
  await press(grant.getByRole("button", { name: "Rolle vergeben" }));
  await row.getByText("Koordination der Stadt").waitFor();
  step("granted her the coordinator role");
  await audit(page, "admin-granted");

  // A bad e-mail address is refused next to its field.
  const form2 = page.getByRole("group", { name: "Person einladen" });
  await form2.getByLabel("Name", { exact: true }).fill("Ohne Adresse");
  await form2.getByLabel("E-Mail-Adresse").fill("keine-adresse");
  await form2.getByRole("group", { name: "Rollen" }).getByLabel("Fallbearbeitung der Stadt").check();
  await press(form2.getByRole("button", { name: "Einladen" }));
  await form2.getByText("Bitte prüfen Sie diese Angabe.").waitFor();
  if ((await form2.getByLabel("E-Mail-Adresse").getAttribute("aria-invalid")) !== "true") throw new Error("the e-mail field is not marked");
  step("an invitation without a valid e-mail address is refused next to the field");

  await press(page.getByRole("link", { name: "Protokoll", exact: true }));
  await heading(page, "Protokoll");
  await page.getByRole("status").filter({ hasText: /\d+ Einträge?/ }).waitFor();
  await press(page.getByRole("button", { name: "Kette prüfen" }));
  await page.getByText(/^Die Kette ist unversehrt/).waitFor();
  step("the audit log lists the entries and its chain is intact");
  await audit(page, "audit");

  const carrier = await newPage();
  await signIn(carrier, "Clara Hilfreich");
  await heading(carrier, "Verwaltung");
  const orgs = carrier.getByRole("table", { name: "Organisationen" }).getByRole("row");
  if ((await orgs.count()) !== 2) throw new Error(`a carrier admin sees ${(await orgs.count()) - 1} organisations`);
  await orgs.filter({ hasText: "Caritasverband für die Stadt Köln" }).waitFor();
  if (await carrier.getByText("Organisation anlegen").count()) throw new Error("a carrier admin may create organisations");
  step("Clara Hilfreich (Caritas admin) sees Caritas only, and cannot create organisations");
  await audit(carrier, "admin-carrier");
});
