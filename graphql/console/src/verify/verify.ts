// The public certificate check, run entirely in the landlord's browser.
//
// The credential arrives in the URL fragment (the QR code's link), which browsers
// never send to a server. The page fetches only the issuing city's two published
// documents — its public keys (keys.json) and its revocation list (status) — which
// are the same for every certificate of that city, so the server learns nothing
// about which certificate is checked. The checks mirror the Rust verifier
// (services/learning/src/credential.rs): the issuer must be a city on this platform,
// the signing key must belong to that city, be published and not revoked, the
// Ed25519 signature must cover exactly these bytes, and the city's status list must
// not have the certificate's bit set.

type Json = Record<string, unknown>;

/** The status list's size: 131 072 bits, as the Rust side writes it. */
const STATUS_LIST_BYTES = 131_072 / 8;

type Outcome =
  | { ok: true; statement: Statement }
  | { ok: false; reason: Reason; date?: string; statement?: Statement };

type Reason =
  | "malformed"
  | "foreign_issuer"
  | "wrong_key_set"
  | "foreign_key"
  | "unknown_key"
  | "key_revoked"
  | "bad_signature"
  | "status_unavailable"
  | "revoked"
  | "unreachable";

interface Statement {
  name: string;
  course: string;
  modules: string[];
  issuedOn: string;
  issuerName: string;
  deliveredBy: string;
  number: string;
}

interface PublishedKey {
  kid: string;
  x: string;
  revokedFrom?: string | null;
}

const REASONS: Record<Reason, string> = {
  malformed: "Das ist keine lesbare Wohnweg-Bescheinigung.",
  foreign_issuer: "Die Bescheinigung nennt keine Stadt dieser Plattform als Ausstellerin.",
  wrong_key_set: "Die Schlüssel der genannten Stadt passen nicht zur Bescheinigung.",
  foreign_key: "Die Bescheinigung wurde mit dem Schlüssel einer anderen Stelle unterschrieben, nicht von der genannten Stadt.",
  unknown_key: "Die Bescheinigung wurde mit einem Schlüssel unterschrieben, den die Stadt nicht veröffentlicht hat.",
  key_revoked: "Die Bescheinigung wurde mit einem Schlüssel unterschrieben, den die Stadt gesperrt hat",
  bad_signature: "Die Unterschrift passt nicht: Die Bescheinigung wurde nach der Ausstellung verändert.",
  status_unavailable: "Die Sperrliste der Stadt kann nicht geprüft werden.",
  revoked: "Die Stadt hat diese Bescheinigung widerrufen.",
  unreachable: "Die veröffentlichten Schlüssel der Stadt sind gerade nicht erreichbar. Bitte später erneut versuchen.",
};

/** Strict base64url without padding, as the Rust verifier reads it: no other
 *  characters, no padding, no stray trailing bits (the text must be the one
 *  encoding of its bytes). */
function b64url(s: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error("not base64url");
  const padded = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  const bin = atob(padded);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  const again = btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  if (again !== s) throw new Error("not canonical base64url");
  return out;
}

function parseJson(bytes: Uint8Array): Json {
  const v: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  if (typeof v !== "object" || v === null) throw new Error("not an object");
  return v as Json;
}

function str(v: unknown): string {
  if (typeof v !== "string") throw new Error("not a string");
  return v;
}

function get(o: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = o;
  for (const p of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

class Rejected extends Error {
  constructor(
    readonly reason: Reason,
    readonly date?: string,
  ) {
    super(reason);
  }
}

interface Jws {
  header: Json;
  payload: Json;
  signed: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

function splitJws(jws: string): Jws {
  const parts = jws.trim().split(".");
  if (parts.length !== 3) throw new Rejected("malformed");
  try {
    return {
      header: parseJson(b64url(parts[0])),
      payload: parseJson(b64url(parts[1])),
      signed: new TextEncoder().encode(`${parts[0]}.${parts[1]}`) as Uint8Array<ArrayBuffer>,
      signature: b64url(parts[2]),
    };
  } catch {
    throw new Rejected("malformed");
  }
}

/** Checks a JWS against the issuer's keys, as the Rust `check` does. */
async function check(jws: Jws, issuer: string, keySet: Json): Promise<void> {
  if (jws.header.alg !== "EdDSA") throw new Rejected("malformed");
  const kid = jws.header.kid;
  if (typeof kid !== "string") throw new Rejected("malformed");
  if (keySet.issuer !== issuer) throw new Rejected("wrong_key_set");
  const hash = kid.lastIndexOf("#");
  if (hash < 0) throw new Rejected("malformed");
  if (kid.slice(0, hash) !== issuer) throw new Rejected("foreign_key");
  const keys = Array.isArray(keySet.keys) ? (keySet.keys as PublishedKey[]) : [];
  const key = keys.find((k) => k.kid === kid);
  if (!key) throw new Rejected("unknown_key");
  let valid = false;
  try {
    const publicKey = await crypto.subtle.importKey(
      "jwk",
      { kty: "OKP", crv: "Ed25519", x: key.x },
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    valid = await crypto.subtle.verify({ name: "Ed25519" }, publicKey, jws.signature, jws.signed);
  } catch {
    valid = false;
  }
  if (!valid) throw new Rejected("bad_signature");
  if (key.revokedFrom) throw new Rejected("key_revoked", key.revokedFrom.slice(0, 10));
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function revokedBit(statusJws: string, issuer: string, keySet: Json, index: number): Promise<boolean> {
  let list: Jws;
  try {
    list = splitJws(statusJws);
    await check(list, issuer, keySet);
  } catch {
    throw new Rejected("status_unavailable");
  }
  if (list.payload.issuer !== issuer) throw new Rejected("status_unavailable");
  if (get(list.payload, "credentialSubject", "statusPurpose") !== "revocation") throw new Rejected("status_unavailable");
  const encoded = get(list.payload, "credentialSubject", "encodedList");
  if (typeof encoded !== "string" || !encoded.startsWith("u")) throw new Rejected("status_unavailable");
  let bits: Uint8Array;
  try {
    bits = await gunzip(b64url(encoded.slice(1)));
  } catch {
    throw new Rejected("status_unavailable");
  }
  // The list is exactly 131 072 bits (16 KiB): shorter or longer is not the city's.
  if (bits.length !== STATUS_LIST_BYTES) throw new Rejected("status_unavailable");
  const byte = bits[Math.floor(index / 8)];
  if (byte === undefined) throw new Rejected("status_unavailable");
  return (byte & (0x80 >> index % 8)) !== 0;
}

function statementOf(payload: Json): Statement {
  const narrative = str(get(payload, "credentialSubject", "achievement", "criteria", "narrative"));
  return {
    name: str(get(payload, "credentialSubject", "name")),
    course: str(get(payload, "credentialSubject", "achievement", "name")),
    modules: narrative.split("\n").filter((m) => m.length > 0),
    issuedOn: str(payload.validFrom).slice(0, 10),
    issuerName: str(get(payload, "issuer", "name")),
    deliveredBy: str(get(payload, "credentialSubject", "source", "name")),
    number: str(get(payload, "credentialSubject", "identifier", 0, "identityHash")),
  };
}

async function fetchText(path: string): Promise<string> {
  const r = await fetch(path, { credentials: "omit", cache: "default" });
  if (!r.ok) throw new Rejected("unreachable");
  return r.text();
}

async function verify(credential: string): Promise<Outcome> {
  try {
    const jws = splitJws(credential);
    const issuer = get(jws.payload, "issuer", "id");
    if (typeof issuer !== "string") throw new Rejected("malformed");
    // Only a city of this platform, on this page's own origin: a credential naming
    // another host cannot make the page trust that host's keys.
    const prefix = `${location.origin}/public/`;
    const city = issuer.startsWith(prefix) ? issuer.slice(prefix.length) : "";
    if (!/^[a-z0-9-]{1,63}$/.test(city)) throw new Rejected("foreign_issuer");
    let keySet: Json;
    try {
      keySet = JSON.parse(await fetchText(`/public/${city}/keys.json`)) as Json;
    } catch {
      throw new Rejected("unreachable");
    }
    await check(jws, issuer, keySet);
    // What it states is read only once its signature holds, as in Rust.
    let statement: Statement;
    try {
      statement = statementOf(jws.payload);
    } catch {
      throw new Rejected("malformed");
    }
    const entry = jws.payload.credentialStatus;
    const raw = get(entry, "statusListIndex");
    if (typeof raw !== "string" || !/^(0|[1-9][0-9]{0,8})$/.test(raw)) throw new Rejected("malformed");
    const index = Number(raw);
    if (get(entry, "statusListCredential") !== `${issuer}/status`) throw new Rejected("status_unavailable");
    let status: string;
    try {
      status = await fetchText(`/public/${city}/status`);
    } catch {
      throw new Rejected("status_unavailable");
    }
    if (await revokedBit(status, issuer, keySet, index)) {
      return { ok: false, reason: "revoked", statement };
    }
    return { ok: true, statement };
  } catch (e) {
    if (e instanceof Rejected) return { ok: false, reason: e.reason, date: e.date };
    return { ok: false, reason: "malformed" };
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function germanDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return d && m && y ? `${d}.${m}.${y}` : iso;
}

function render(outcome: Outcome): void {
  const out = document.getElementById("result");
  if (!out) return;
  out.replaceChildren();
  const banner = el("div", undefined, outcome.ok ? "ww-verify-valid" : "ww-verify-invalid");
  banner.setAttribute("role", "status");
  banner.dataset.outcome = outcome.ok ? "valid" : outcome.reason;
  banner.append(el("h2", outcome.ok ? "Gültig" : outcome.reason === "revoked" ? "Widerrufen" : "Nicht gültig"));
  if (outcome.ok) {
    banner.append(el("p", "Die Unterschrift der Stadt ist echt, und die Stadt hat die Bescheinigung nicht widerrufen."));
  } else {
    const date = outcome.date ? ` (am ${germanDate(outcome.date)}).` : "";
    banner.append(el("p", REASONS[outcome.reason].replace(/\.$/, "") + (date || ".")));
  }
  out.append(banner);
  const s = outcome.statement;
  if (s && (outcome.ok || outcome.reason === "revoked")) {
    out.append(el("h2", "Was die Bescheinigung aussagt"));
    const dl = el("dl", undefined, "ww-verify-facts");
    const row = (term: string, value: string) => {
      dl.append(el("dt", term), el("dd", value));
    };
    row("Name", s.name);
    row("Kurs", s.course);
    row("Ausgestellt am", germanDate(s.issuedOn));
    row("Ausgestellt von", s.issuerName);
    row("Durchgeführt von", s.deliveredBy);
    row("Nummer", s.number);
    out.append(dl);
    if (s.modules.length > 0) {
      out.append(el("h3", "Kursinhalte"));
      const ul = el("ul");
      for (const m of s.modules) ul.append(el("li", m));
      out.append(ul);
    }
  }
  out.focus();
}

async function run(): Promise<void> {
  const form = document.getElementById("paste") as HTMLFormElement | null;
  form?.removeAttribute("hidden");
  form?.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = (document.getElementById("credential") as HTMLTextAreaElement | null)?.value.trim() ?? "";
    if (text) {
      // The fragment: reloading keeps it in the browser only.
      history.replaceState(null, "", `#${text}`);
      void show(text);
    }
  });
  const fromLink = decodeURIComponent(location.hash.slice(1));
  if (fromLink) await show(fromLink);
}

async function show(credential: string): Promise<void> {
  const out = document.getElementById("result");
  if (out) out.textContent = "Wird geprüft …";
  render(await verify(credential));
}

void run();
