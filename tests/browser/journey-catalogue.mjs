// The shared catalogue across cities, keyboard only. Bergisch Gladbach's coordinator
// offers the city's course (with its own waste-rules module) to the catalogue; the
// platform operator reviews and publishes it; Köln's caseworker finds it in the
// catalogue and adopts it, with Bergisch Gladbach's module and none of its people.
// Every page gets an axe-core audit.
//
// Usage: node journey-catalogue.mjs BASE_URL

import { journey } from "./lib.mjs";

const SUMMARY = "Mietführerschein mit dem Abfallkalender von Bergisch Gladbach";

await journey("catalogue", async ({ newPage, audit, heading, press, signIn, step }) => {
  const coord = await newPage();
  await signIn(coord, "Tarek Vorlage", "/courses");
  await heading(coord, "Kurse (Mietführerschein)");
  await press(coord.getByText("Kurs für den gemeinsamen Katalog vorschlagen", { exact: true }).first());
  const offer = coord.getByRole("group", { name: "Kurs für den gemeinsamen Katalog vorschlagen" });
  await offer.getByLabel("Kennung").fill("Bergisch Gladbach");
  await offer.getByLabel("Kurzbeschreibung").fill(SUMMARY);
  await press(offer.getByRole("button", { name: "Vorschlagen" }));
  await offer.getByText("Bitte prüfen Sie diese Angabe.").waitFor();
  step("a key with capitals and a space is refused next to the field");
  await audit(coord, "submit-error");
  await offer.getByLabel("Kennung").fill("bergisch-gladbach-mfs");
  await press(offer.getByRole("button", { name: "Vorschlagen" }));
  await offer.getByText("Gespeichert.").waitFor();
  await coord.getByRole("article").filter({ hasText: SUMMARY }).filter({ hasText: "zur Prüfung vorgeschlagen" }).waitFor();
  step("Bergisch Gladbach's coordinator offered the course; it waits for review");
  await audit(coord, "submitted");

  const op = await newPage();
  await signIn(op, "Paula Plattform");
  await heading(op, "Gemeinsamer Kurskatalog");
  const sub = op.getByRole("article").filter({ hasText: SUMMARY });
  await sub.getByText("Abfallkalender Bergisch Gladbach").waitFor();
  await sub.getByText("Vorgeschlagen von: Bergisch Gladbach", { exact: true }).waitFor();
  step("the operator's review names the city that offered the course");
  await audit(op, "operator-review");
  await sub.getByLabel("Entscheidung").selectOption("publish");
  await sub.getByLabel("Hinweis an die Stadt").fill("Danke – für alle Städte freigegeben");
  await press(sub.getByRole("button", { name: "Entscheidung speichern" }));
  await sub.waitFor({ state: "detached" });
  await op.getByText("Keine offenen Vorschläge.").waitFor();
  step("the operator published it; no submission is left open");
  await audit(op, "operator-published");

  const koeln = await newPage();
  await signIn(koeln, "Emil Fallweg", "/courses");
  await heading(koeln, "Kurse (Mietführerschein)");
  const template = koeln.getByRole("article").filter({ hasText: SUMMARY });
  await template.getByText("veröffentlicht").waitFor();
  await press(template.getByRole("button", { name: "Übernehmen" }));
  await template.getByText("Gespeichert.").waitFor();
  const course = koeln.getByRole("article").filter({ has: koeln.getByRole("heading", { level: 3, name: "Mietführerschein – Version 1" }) }).filter({ hasText: "Abfallkalender Bergisch Gladbach" });
  await course.first().waitFor();
  step("Köln adopted Bergisch Gladbach's course from the catalogue");
  await audit(koeln, "koeln-adopted");
});
