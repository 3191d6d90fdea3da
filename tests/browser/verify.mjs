// The public certificate check, as a landlord's browser runs it: a valid certificate
// (its QR link), a revoked one, one whose name was altered, and one signed by another
// city's key. German, no sign-in, axe-core 0 violations; without JavaScript the page
// says what it needs. The page fetches only the city's key list and revocation list —
// never anything that names the certificate.
//
// Usage: node verify.mjs BASE_URL VALID_LINK REVOKED_LINK TAMPERED_LINK FOREIGN_LINK

import { journey } from "./lib.mjs";

const [valid, revoked, tampered, foreign] = process.argv.slice(3);

await journey("verify", async ({ newPage, audit, heading, step }) => {
  const check = async (link, label) => {
    const page = await newPage();
    const fetched = [];
    page.on("request", (r) => fetched.push(new URL(r.url())));
    await page.goto(link);
    await heading(page, "Teilnahmebestätigung prüfen");
    const status = page.locator("#result [role=status]");
    await status.waitFor({ timeout: 15000 });
    const outcome = await status.getAttribute("data-outcome");
    const text = await page.locator("#result").innerText();
    const credential = link.split("#")[1];
    for (const u of fetched) {
      if (u.href.includes(credential.slice(-40))) throw new Error(`${label}: a request carried the credential: ${u.href}`);
      const ok = u.pathname === "/verify" || u.pathname.startsWith("/assets/") || /^\/public\/[a-z0-9-]+\/(keys\.json|status)$/.test(u.pathname);
      if (!ok) throw new Error(`${label}: the page fetched ${u.pathname}`);
    }
    await audit(page, label);
    await page.close();
    return { outcome, text };
  };

  const a = await check(valid, "valid");
  if (a.outcome !== "valid" || !a.text.includes("Gültig") || !a.text.includes("Ğülay Müller-Straß") || !a.text.includes("Mietführerschein")) {
    throw new Error(`the valid certificate: ${a.outcome}\n${a.text}`);
  }
  step("valid: „Gültig“ with the name as printed (Ğülay Müller-Straß), the course and its modules");

  const b = await check(revoked, "revoked");
  if (b.outcome !== "revoked" || !b.text.includes("Widerrufen") || !b.text.includes("widerrufen")) {
    throw new Error(`the revoked certificate: ${b.outcome}\n${b.text}`);
  }
  step("revoked: „Widerrufen“, from the city's status list");

  const c = await check(tampered, "tampered");
  if (c.outcome !== "bad_signature" || !c.text.includes("verändert") || c.text.includes("Max Mustermann")) {
    throw new Error(`the altered certificate: ${c.outcome}\n${c.text}`);
  }
  step("name altered: „Nicht gültig“ – changed after it was issued; the false name is not shown");

  const d = await check(foreign, "foreign-key");
  if (d.outcome !== "foreign_key" || !d.text.includes("anderen Stelle")) {
    throw new Error(`another city's key: ${d.outcome}\n${d.text}`);
  }
  step("another city's key: „Nicht gültig“ – signed by another issuer");

  // Without JavaScript the page still explains itself.
  const plain = await newPage({ javaScript: false });
  await plain.goto(valid);
  await heading(plain, "Teilnahmebestätigung prüfen");
  const noscript = await plain.locator("noscript").count();
  const body = await plain.locator("main").innerText();
  if (!noscript || !body.includes("wohnweg verify")) throw new Error(`without JavaScript: ${body}`);
  await plain.close();
  step("without JavaScript: the page names what it needs and the offline check (audited above, with JavaScript)");
});
