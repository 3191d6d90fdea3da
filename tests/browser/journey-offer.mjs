// Journey 1: a Köln coordinator takes an offer from GAG to a signed lease in the
// console, keyboard only. The offer's ranked households with their reasons (rules
// with numbers, score parts), a proposal, the viewing, the landlord's acceptance, the
// benefit office's decision on the rent, a deposit loan requested and approved on the
// approvals page (budget chart), the lease, and the household moved out with its
// aftercare follow-ups (the first one recorded; a consent given and withdrawn). Then
// the register (the move in the spread across districts, a district's housing stock,
// a new shelter) and the intake of a new household. Every page gets an axe-core audit
// and a screenshot.
//
// Usage: node journey-offer.mjs BASE_URL

import { journey } from "./lib.mjs";

await journey("offer", async ({ base, newPage, audit, heading, press, signIn, step }) => {
  const page = await newPage();
  await signIn(page, "Ole Leitstelle");
  await heading(page, "Arbeitsliste");
  step("signed in as Ole Leitstelle (Köln coordinator)");

  await press(page.getByRole("link", { name: "Angebote", exact: true }));
  await heading(page, "Wohnungsangebote");
  await page.getByRole("status").filter({ hasText: /\d+ Angebote?/ }).waitFor();
  await audit(page, "offers");
  const gag = page.getByRole("row").filter({ hasText: "GAG Immobilien AG" }).first();
  const address = (await gag.getByRole("link").innerText()).trim();
  await press(gag.getByRole("link"));
  await heading(page, new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  const offerUrl = page.url();
  const channel = page.getByRole("term").filter({ hasText: /^Eingang$/ });
  await channel.waitFor();
  step(`open offers: chose GAG's flat at ${address}, which came in as "${(await page.locator("dt:text-is('Eingang') + dd").innerText()).trim()}"`);

  // The ranking: an eligible household first, with its reasons.
  await page.getByRole("heading", { level: 2, name: "Passende Haushalte" }).waitFor();
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: / vorschlagen$/ }) }).first();
  const reference = (await row.getByRole("link").first().innerText()).trim();
  await press(row.getByText(`Begründung für ${reference}`));
  await row.getByText("Mietobergrenze:").waitFor();
  const rules = await row.getByRole("listitem").allInnerTexts();
  if (!rules.some((r) => /^erfüllt Mietobergrenze: .*\d/.test(r))) throw new Error(`no rent-cap reason with numbers: ${rules.join(" | ")}`);
  if (!rules.some((r) => /Punkte/.test(r))) throw new Error(`no score parts: ${rules.join(" | ")}`);
  step(`ranked households: ${reference} first eligible; ${rules.length} reasons shown, e.g. "${rules[0]}"`);
  await audit(page, "offer-ranking");

  await press(row.getByRole("button", { name: `${reference} vorschlagen` }));
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^${reference} – `) }) });
  await card.getByRole("heading", { name: `${reference} – Vorgeschlagen` }).waitFor();
  step(`proposed ${reference}`);

  await press(card.getByRole("button", { name: "Besichtigung speichern" }));
  await card.getByRole("heading", { name: `${reference} – Besichtigung geplant` }).waitFor();
  step("viewing scheduled for today");

  await press(card.getByRole("button", { name: "Zusage des Vermieters erfassen" }));
  await card.getByRole("heading", { name: `${reference} – Vermieter hat zugesagt` }).waitFor();
  step("the landlord accepted; the offer is reserved");

  // A bad amount is refused next to its field, in German, and changes nothing.
  const amount = card.getByLabel("Betrag");
  const deposit = await amount.inputValue();
  await amount.fill("999999");
  await card.getByLabel("Begründung des Antrags").fill("Kaution für die Wohnung von GAG");
  await press(card.getByRole("button", { name: "Antrag stellen" }));
  await card.getByText("Bitte prüfen Sie diese Angabe.").waitFor();
  if ((await amount.getAttribute("aria-invalid")) !== "true") throw new Error("the amount is not marked invalid");
  step("a deposit of 999999 € is refused next to the amount field");
  await audit(page, "offer-error");
  await amount.fill(deposit);
  await press(card.getByRole("button", { name: "Antrag stellen" }));
  await card.getByText(/Kautionsdarlehen.*Beantragt/).waitFor();
  step(`deposit loan of ${deposit} € requested`);

  await card.getByLabel("Entscheidung", { exact: true }).selectOption("ACCEPTED");
  await press(card.getByRole("button", { name: "Entscheidung speichern" }));
  await card.getByText(/^Miete anerkannt \(/).waitFor();
  step("the Jobcenter accepted the rent");
  await audit(page, "offer-accepted");

  await press(page.getByRole("link", { name: "Freigaben", exact: true }));
  await heading(page, "Freigaben");
  await page.getByRole("img", { name: /Gebunden und verbleibend/ }).waitFor();
  const request = page
    .getByRole("article")
    .filter({ has: page.getByRole("link", { name: reference }) })
    .filter({ hasText: "Kaution für die Wohnung von GAG" });
  await request.waitFor();
  await audit(page, "approvals");
  await press(request.getByRole("button", { name: "Bewilligen" }));
  await request.waitFor({ state: "detached" });
  step(`approved the deposit loan for ${reference}; the budget chart shows it`);

  await page.goto(offerUrl);
  await card.getByText(/Kautionsdarlehen.*Bewilligt/).waitFor();
  await press(card.getByRole("button", { name: "Mietvertrag erfassen" }));
  await card.getByRole("heading", { name: new RegExp(`^${reference} – (Mietvertrag unterschrieben|Eingezogen)$`) }).waitFor();
  step("lease recorded, moving in today");
  await audit(page, "offer-let");

  await press(card.getByRole("link", { name: reference }));
  await heading(page, reference);
  await page.getByText(/^(Ausgezogen|Nachbetreuung) \(/).waitFor();
  const followUps = page.getByRole("table", { name: "Termine der Nachbetreuung" });
  await followUps.waitFor();
  const n = (await followUps.getByRole("row").count()) - 1;
  if (n < 1) throw new Error("no aftercare follow-ups");
  step(`${reference} has moved out, with ${n} aftercare follow-ups`);
  await audit(page, "household-moved-out");

  // The first follow-up's outcome, and a consent recorded and withdrawn.
  await press(page.getByText(/^Ergebnis nach \d+ Monat(en)? erfassen$/).first());
  const followUp = page.getByRole("group", { name: /^Ergebnis nach \d+ Monat(en)? erfassen$/ });
  await followUp.getByLabel("Ergebnis").selectOption("STABLE");
  await followUp.getByLabel("Notizen").fill("Miete pünktlich, Kinder in der Kita angemeldet");
  await press(followUp.getByRole("button", { name: "Ergebnis speichern" }));
  await followUps.getByRole("row").filter({ hasText: "Stabil" }).waitFor();
  step("recorded the first aftercare follow-up: stable");
  await press(page.getByText("Einwilligung erfassen", { exact: true }).first());
  const consent = page.getByRole("group", { name: "Einwilligung erfassen" });
  await consent.getByLabel("Wofür").selectOption("EVALUATION");
  await press(consent.getByRole("button", { name: "Einwilligung speichern" }));
  const withdraw = page.getByRole("button", { name: "Auswertung widerrufen" });
  await withdraw.waitFor();
  await press(withdraw);
  await withdraw.waitFor({ state: "detached" });
  step("recorded the consent to evaluation, then withdrew it");

  // The register: the move shows in the spread across districts; a new shelter.
  await press(page.getByRole("link", { name: "Register", exact: true }));
  await heading(page, "Register");
  const spread = page.getByRole("table", { name: "Anteil der Umzüge und des Wohnungsbestands je Stadtteil" });
  const kalk = spread.getByRole("row").filter({ hasText: "Kalk" });
  await kalk.waitFor();
  const moves = Number((await kalk.getByRole("cell").first().innerText()).trim());
  if (!(moves >= 1)) throw new Error(`Kalk shows ${moves} moves`);
  await page.getByRole("img", { name: /Anteil der Umzüge.*Kalk:/ }).waitFor();
  step(`register: Kalk counts ${moves} move(s) in the last year, drawn and tabled`);
  await press(page.getByText("Wohnungsbestand eines Stadtteils eintragen", { exact: true }).first());
  const stock = page.getByRole("group", { name: "Wohnungsbestand eines Stadtteils eintragen" });
  await stock.getByLabel("Stadtteil").fill("Kalk");
  await stock.getByLabel("Zahl der Wohnungen").fill("12000");
  await press(stock.getByRole("button", { name: "Speichern" }));
  await kalk.filter({ hasText: "12000" }).waitFor();
  step("entered Kalk's 12000 dwellings; its share of the housing is shown against its moves");
  await press(page.getByText("Unterkunft anlegen", { exact: true }).first());
  const shelter = page.getByRole("group", { name: "Unterkunft anlegen" });
  await shelter.getByLabel("Name", { exact: true }).fill("Übergangswohnheim Deutz");
  await shelter.getByLabel("Art").selectOption("SHELTER");
  await shelter.getByLabel("Straße und Hausnummer").fill("Deutzer Freiheit 5");
  await shelter.getByLabel("Postleitzahl").fill("50679");
  await shelter.getByLabel("Stadtteil").fill("Deutz");
  await shelter.getByLabel("Plätze").fill("40");
  await press(shelter.getByRole("button", { name: "Speichern" }));
  await page.getByRole("grid", { name: "Unterkünfte" }).getByRole("row").filter({ hasText: "Übergangswohnheim Deutz" }).waitFor();
  step("registered a new shelter in Deutz with 40 places");
  await audit(page, "register");

  // The accommodations sort by keyboard: free places, most first.
  const places = page.getByRole("grid", { name: "Unterkünfte" });
  const free = places.getByRole("columnheader", { name: /^Frei/ });
  await press(free);
  await press(free);
  if ((await free.getAttribute("aria-sort")) !== "descending") throw new Error(`aria-sort is ${await free.getAttribute("aria-sort")}`);
  const top = (await places.getByRole("row").nth(1).getByRole("rowheader").innerText()).trim();
  if (top !== "Übergangsheim Kalk") throw new Error(`most free places: ${top}`);
  step(`accommodations sorted by free places by keyboard: ${top} first`);
  await audit(page, "register-sorted");

  // Intake: a household of two; a missing family name is refused next to its field.
  await press(page.getByRole("link", { name: "Haushalte", exact: true }));
  await heading(page, "Haushalte");
  await press(page.getByRole("link", { name: "Haushalt aufnehmen" }));
  await heading(page, "Haushalt aufnehmen");
  await page.getByLabel("Aktenzeichen").fill("K-2026-0777");
  await page.getByLabel("Sprachen").fill("ar, de");
  const head = page.getByRole("group", { name: "Haushaltsvorstand" });
  await head.getByLabel("Vorname").fill("Samira");
  await head.getByLabel("Familienname").fill("Haddad");
  await head.getByLabel("Aufenthalt", { exact: true }).selectOption("RECOGNISED_REFUGEE");
  await head.getByLabel("Leistungen", { exact: true }).selectOption("SGB2");
  await press(page.getByRole("button", { name: "Weiteres Mitglied" }));
  const child = page.getByRole("group", { name: "Mitglied 2" });
  await child.getByLabel("Vorname").fill("Yara");
  await child.getByLabel("Familienname").fill("Haddad");
  // Two heads: an error about the members as a whole shows above the button.
  await child.getByLabel("Beziehung").selectOption("HEAD");
  await press(page.getByRole("button", { name: "Haushalt aufnehmen" }));
  await page.getByRole("alert").filter({ hasText: "exactly one member must be the head" }).waitFor();
  step("intake: two heads are refused above the button (no single field to put it next to)");
  await child.getByLabel("Beziehung").selectOption("CHILD");
  await child.getByLabel("Familienname").fill("");
  await press(page.getByRole("button", { name: "Haushalt aufnehmen" }));
  await child.getByText("Bitte prüfen Sie diese Angabe.").waitFor();
  step("intake: the child's missing family name is refused next to that field");
  await audit(page, "intake-error");
  await child.getByLabel("Familienname").fill("Haddad");
  await press(page.getByRole("button", { name: "Haushalt aufnehmen" }));
  await heading(page, "K-2026-0777");
  await page.getByText(/^Aufnahme \(/).waitFor();
  step("intake: K-2026-0777 taken in with two members, state 'Aufnahme'");

  // With the consent to share, the household goes to a carrier.
  await press(page.getByText("Einwilligung erfassen", { exact: true }).first());
  const share = page.getByRole("group", { name: "Einwilligung erfassen" });
  await share.getByLabel("Wofür").selectOption("SHARE_WITH_CARRIER");
  await press(share.getByRole("button", { name: "Einwilligung speichern" }));
  await page.getByRole("button", { name: "Weitergabe an den Träger widerrufen" }).waitFor();
  await press(page.getByText("Einem Träger zuweisen", { exact: true }).first());
  const assign = page.getByRole("group", { name: "Einem Träger zuweisen" });
  await assign.getByLabel("Träger").selectOption({ label: "Caritasverband für die Stadt Köln" });
  await press(assign.getByRole("button", { name: "Zuweisen" }));
  await page.getByRole("definition").filter({ hasText: "Caritasverband für die Stadt Köln" }).waitFor();
  step("K-2026-0777: consent to share recorded, assigned to Caritas");
  await audit(page, "household-assigned");
});
