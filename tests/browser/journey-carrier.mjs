// Journeys 2 and 3, keyboard only. (2) A Caritas caseworker sees only Caritas'
// households, no approvals, and a DRK household's URL (taken from the city's view)
// shows "not found". (3) On one of Caritas' households, the caseworker records a
// counselling session, a goal with its first step, and a readiness assessment, and
// sees each in the household's page. The carrier a transfer is proposed to takes the
// household over from its worklist. Every page gets an axe-core audit.
//
// Usage: node journey-carrier.mjs BASE_URL

import { journey } from "./lib.mjs";

const CARITAS = "Caritasverband für die Stadt Köln";
const DRK = "Deutsches Rotes Kreuz Köln";

await journey("carrier", async ({ base, newPage, audit, heading, press, signIn, step }) => {
  // The city's view names a household DRK looks after.
  const city = await newPage();
  await signIn(city, "Ole Leitstelle", "/households");
  await heading(city, "Haushalte");
  const drkRow = city.getByRole("row").filter({ hasText: DRK }).first();
  const drkHref = await drkRow.getByRole("link").getAttribute("href");
  const drkReference = await drkRow.getByRole("link").innerText();
  step(`the city sees DRK's household ${drkReference}`);
  await city.close();

  const page = await newPage();
  await signIn(page, "Milan Wegweiser");
  await heading(page, "Arbeitsliste");
  if (await page.getByRole("link", { name: "Freigaben" }).count()) throw new Error("a carrier's navigation offers approvals");
  await press(page.getByRole("link", { name: "Haushalte", exact: true }));
  await heading(page, "Haushalte");
  const count = await page.getByRole("status").innerText();
  const rows = page.getByRole("row");
  const n = (await rows.count()) - 1;
  if (n < 1) throw new Error("Caritas sees no households");
  for (let i = 1; i <= n; i += 1) {
    const text = await rows.nth(i).innerText();
    if (!text.includes(CARITAS)) throw new Error(`a household of another carrier is listed: ${text}`);
  }
  step(`Milan Wegweiser (Caritas) sees "${count}", every one Caritas'; no approvals in the navigation`);
  await audit(page, "households");

  await page.goto(`${base}${drkHref}`);
  await page.getByText("Diesen Haushalt gibt es nicht, oder Sie dürfen ihn nicht sehen.").waitFor();
  step(`DRK's household ${drkReference} by its URL: not found`);
  await audit(page, "drk-not-found");

  await page.goto(`${base}/approvals`);
  await heading(page, "Nicht verfügbar");
  step("the approvals URL: not available for a carrier");

  // Journey 3 on the first Caritas household.
  await page.goto(`${base}/households`);
  await heading(page, "Haushalte");
  const link = page.getByRole("row").nth(1).getByRole("link");
  const reference = await link.innerText();
  await press(link);
  await heading(page, reference);

  await press(page.getByText("Beratungsgespräch erfassen", { exact: true }).first());
  const session = page.getByRole("group", { name: "Beratungsgespräch erfassen" });
  await session.getByLabel("Teilnehmende").fill("Frau A., Herr A., Milan Wegweiser");
  await session.getByRole("group", { name: "Themen" }).getByLabel("Wohnungssuche").check();
  await session.getByRole("group", { name: "Themen" }).getByLabel("Haushaltsgeld").check();
  await session.getByRole("group", { name: "Hürden" }).getByLabel("Fehlende Unterlagen").check();
  await session.getByLabel("Nächste Schritte").fill("SCHUFA-Auskunft beantragen");
  await press(session.getByRole("button", { name: "Gespräch speichern" }));
  const sessions = page.getByRole("table", { name: "Beratung und Ziele" });
  await sessions.getByRole("row").filter({ hasText: "Frau A., Herr A., Milan Wegweiser" }).waitFor();
  await sessions.getByRole("row").filter({ hasText: "Wohnungssuche, Haushaltsgeld" }).waitFor();
  step(`${reference}: counselling session recorded with two topics and a barrier`);

  await press(page.getByText("Ziel hinzufügen", { exact: true }).first());
  const goal = page.getByRole("group", { name: "Ziel hinzufügen" });
  await goal.getByLabel("Ziel", { exact: true }).fill("Unterlagen für die Wohnungssuche vollständig");
  await goal.getByLabel("Erster Schritt").fill("SCHUFA-Auskunft anfordern");
  await goal.getByLabel("Zuständig").selectOption("HOUSEHOLD");
  await press(goal.getByRole("button", { name: "Ziel speichern" }));
  const plan = page.getByRole("table", { name: /^Unterlagen für die Wohnungssuche vollständig/ });
  await plan.getByRole("row").filter({ hasText: "SCHUFA-Auskunft anfordern" }).waitFor();
  step("goal with its first step added to the plan");

  await press(page.getByText("Neue Einschätzung der Wohnfähigkeit", { exact: true }).first());
  const assessment = page.getByRole("group", { name: "Neue Einschätzung der Wohnfähigkeit" });
  await assessment.getByLabel("Mietzahlung").selectOption("MET");
  await assessment.getByLabel("Sprache für Mietfragen").selectOption("NOT_MET");
  await assessment.getByLabel("Ausweisdokument liegt vor").check();
  await assessment.getByLabel("Gesamteinschätzung").selectOption("READY_WITH_SUPPORT");
  await press(assessment.getByRole("button", { name: "Einschätzung speichern" }));
  const readiness = page.getByRole("table", { name: "Wohnfähigkeit" });
  await readiness.getByRole("row").filter({ hasText: "Bereit mit Unterstützung" }).filter({ hasText: "Nicht erfüllt" }).first().waitFor();
  await page.getByText(/^Bereit mit Unterstützung \(/).waitFor();
  step("readiness assessment recorded; the overview shows the new level");
  await audit(page, "household-casework");

  // The carrier proposes handing the household to DRK.
  await press(page.getByText("Übergabe an einen anderen Träger vorschlagen", { exact: true }).first());
  const transfer = page.getByRole("group", { name: "Übergabe an einen anderen Träger vorschlagen" });
  await transfer.getByLabel("An", { exact: true }).selectOption({ label: DRK });
  await transfer.getByLabel("Grund").fill("Familie zieht in den Stadtteil, den das DRK betreut");
  await press(transfer.getByRole("button", { name: "Vorschlagen" }));
  await page.getByRole("table", { name: "Träger und Übergaben" }).getByRole("row").filter({ hasText: "Vorgeschlagen" }).waitFor();
  step(`${reference}: Caritas proposed a transfer to DRK; the history shows it`);

  // The demo's pending transfer: its receiving carrier takes the household over from
  // its worklist, and then finds it among its households.
  let receiver = null;
  for (const name of ["Milan Wegweiser", "Kian Beistand", "Yusuf Brückenbau"]) {
    const p = await newPage();
    await signIn(p, name);
    await heading(p, "Arbeitsliste");
    await p.getByRole("heading", { level: 2, name: /Eingehende Übergaben/ }).waitFor();
    // The decisions load after the worklist: give them a moment before moving on.
    const decision = p.getByText(/^Übergabe von .* entscheiden$/).first();
    if (await decision.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      receiver = { name, page: p };
      break;
    }
    await p.close();
  }
  if (!receiver) throw new Error("no carrier has the demo's pending transfer");
  const inbox = receiver.page;
  const decide = inbox.getByText(/^Übergabe von .* entscheiden$/).first();
  const moved = (await decide.innerText()).replace(/^Übergabe von (.*) entscheiden$/, "$1");
  await press(decide);
  await audit(inbox, "transfer");
  await press(inbox.getByRole("group", { name: `${moved} übernehmen` }).getByRole("button", { name: "Übernehmen" }));
  await decide.waitFor({ state: "detached" });
  await press(inbox.getByRole("link", { name: "Haushalte", exact: true }));
  await heading(inbox, "Haushalte");
  await inbox.getByRole("link", { name: moved }).waitFor();
  step(`${receiver.name} took over ${moved} from the worklist; it is among their households now`);
});
