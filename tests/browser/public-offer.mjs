// The landlord's offer form as a public page (no sign-in): German, accessible, and
// working with JavaScript switched off. A landlord fills it by keyboard, sends a
// postal code with four digits (refused next to the field, values kept), corrects it
// and gets a receipt. Then a Köln coordinator finds the offer among the received ones
// in the console. The form and the refused form get an axe-core audit (run in a
// second, script-enabled window: axe is a script).
//
// Usage: node public-offer.mjs BASE_URL

import { journey } from "./lib.mjs";

await journey("public", async ({ base, newPage, audit, heading, press, signIn, step, expected }) => {
  const url = `${base}/public/koeln/offer-form`;
  // The refused form answers 400, which the browser logs.
  expected.push((text, at) => text.includes("status of 400") && at === url);
  const landlord = await newPage({ javaScript: false });
  await landlord.goto(url);
  await heading(landlord, "Wohnung anbieten");
  step("JavaScript off: the offer form is a German page");
  const fill = async (page) => {
    await page.getByLabel("Name oder Unternehmen").fill("Hausverwaltung Rheinblick");
    await page.getByLabel("So erreicht die Stadt Sie").fill("Tel. 0221 987654");
    await page.getByLabel("Straße und Hausnummer").fill("Rheinuferstraße 12");
    await page.getByLabel("Postleitzahl").fill("5067");
    await page.getByLabel("Stadtteil").fill("Deutz");
    await page.getByLabel("Zimmer").fill("2,5");
    await page.getByLabel("Wohnfläche in m²").fill("61,5");
    await page.getByLabel("Frei ab").fill(new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10));
    await page.getByLabel("Stufenlos erreichbar").check();
    await page.getByLabel("Kaltmiete in Euro").fill("480,00");
    await page.getByLabel("Nebenkosten in Euro").fill("120");
    await page.getByLabel("Heizkosten in Euro").fill("70");
    await page.getByLabel("Kaution in Euro").fill("1440");
  };
  await fill(landlord);
  await press(landlord.getByRole("button", { name: "Angebot senden" }));
  await landlord.getByText("Bitte geben Sie eine Postleitzahl mit fünf Ziffern an.").first().waitFor();
  if ((await landlord.getByLabel("Stadtteil").inputValue()) !== "Deutz") throw new Error("typed values were lost");
  step("a four-digit postal code is refused next to the field; the other values are kept");
  await landlord.getByLabel("Postleitzahl").fill("50679");
  await press(landlord.getByRole("button", { name: "Angebot senden" }));
  await heading(landlord, "Vielen Dank");
  const receipt = await landlord.getByText(/Ihre Eingangsnummer/).innerText();
  step(`sent without JavaScript: "${receipt}"`);

  // The audit, in a window where axe can run.
  const auditor = await newPage();
  await auditor.goto(url);
  await heading(auditor, "Wohnung anbieten");
  await audit(auditor, "offer-form");
  await fill(auditor);
  await press(auditor.getByRole("button", { name: "Angebot senden" }));
  await auditor.getByText("Bitte prüfen Sie Ihre Angaben").waitFor();
  await audit(auditor, "offer-form-refused");

  // The city sees it among the received offers.
  const staff = await newPage();
  await signIn(staff, "Ole Leitstelle", "/offers");
  await heading(staff, "Wohnungsangebote");
  await staff.getByLabel("Status").selectOption("RECEIVED");
  await press(staff.getByRole("button", { name: "Suchen" }));
  await staff.getByRole("row").filter({ hasText: "Rheinuferstraße 12" }).filter({ hasText: "Hausverwaltung Rheinblick" }).waitFor();
  step("the Köln coordinator finds it among the received offers");
  await audit(staff, "received-offers");
});
