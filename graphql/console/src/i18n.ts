// Every string of the console lives in the message catalogues (German first, English
// second). The language is chosen per signed-in user: kept with the user on the server
// (it follows them to another browser) and in this browser for the moment before the
// server answers, and for the sign-in page.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";

import de from "./locales/de.json";
import en from "./locales/en.json";

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const key = (user: string | null) => `wohnweg.language.${user ?? "anonymous"}`;

export function savedLanguage(user: string | null): Language {
  const v = window.localStorage.getItem(key(user));
  return v === "en" ? "en" : "de";
}

export function chooseLanguage(user: string | null, lang: Language) {
  window.localStorage.setItem(key(user), lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: "de",
  fallbackLng: "de",
  interpolation: { escapeValue: false },
  // A missing key is a bug: the browser tests fail on this message.
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, k) => console.error(`missing translation: ${k}`),
});

/** A `YYYY-MM-DD` date as the language writes it (31.03.2026 in German). */
export function formatDate(d: string, lang: string): string {
  const [y, m, day] = d.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "de-DE", { timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, day)),
  );
}

/** An amount in euros (a `Decimal` string) as the language writes it. */
export function formatEuros(amount: string, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "de-DE", {
    style: "currency",
    currency: "EUR",
  }).format(Number(amount));
}

/** A number as the language writes it (2,5 in German). */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "de-DE", { maximumFractionDigits: 2 }).format(n);
}

export default i18next;
