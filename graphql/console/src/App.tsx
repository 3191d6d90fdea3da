import { Suspense, lazy, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Provider } from "urql";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";

import { client } from "./api";
import { LANGUAGES, type Language, chooseLanguage, savedLanguage } from "./i18n";
import { type Session, loadSession, signOut } from "./session";
import { SignIn } from "./pages/SignIn";

const Worklist = lazy(() => import("./pages/Worklist"));
const Households = lazy(() => import("./pages/Households"));
const HouseholdPage = lazy(() => import("./pages/Household"));

type State = { kind: "loading" } | { kind: "signedOut" } | { kind: "signedIn"; session: Session };

export function App() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const { t } = useTranslation();
  useEffect(() => {
    loadSession()
      .then((s) => {
        chooseLanguage(s?.user ?? null, savedLanguage(s?.user ?? null));
        setState(s ? { kind: "signedIn", session: s } : { kind: "signedOut" });
      })
      .catch(() => setState({ kind: "signedOut" }));
  }, []);
  if (state.kind === "loading") return <p className="kern-body ww-main">{t("app.loading")}</p>;
  if (state.kind === "signedOut") {
    return (
      <Shell session={null}>
        <SignIn />
      </Shell>
    );
  }
  return (
    <Provider value={client(state.session)}>
      <Shell session={state.session}>
        <Suspense fallback={<p className="kern-body">{t("app.loading")}</p>}>
          <Switch>
            <Route path="/">
              <Redirect to="/worklist" />
            </Route>
            <Route path="/signin">
              <Redirect to="/worklist" />
            </Route>
            <Route path="/worklist" component={Worklist} />
            <Route path="/households" component={Households} />
            <Route path="/households/:id">{(p) => <HouseholdPage id={p.id} />}</Route>
          </Switch>
        </Suspense>
      </Shell>
    </Provider>
  );
}

function Shell({ session, children }: { session: Session | null; children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const nav = [
    ["/worklist", t("nav.worklist")],
    ["/households", t("nav.households")],
  ] as const;
  return (
    <>
      <a className="ww-skip kern-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="ww-header">
        <p className="kern-title">
          {t("app.name")} <span className="kern-body--muted">{t("app.tagline")}</span>
        </p>
        {session && (
          <nav aria-label={t("app.nav")}>
            <ul>
              {nav.map(([href, label]) => (
                <li key={href}>
                  <Link
                    href={href}
                    className="kern-link"
                    aria-current={location.startsWith(href) ? "page" : undefined}
                  >
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="ww-user">
          <label className="kern-label" htmlFor="ww-language">
            {t("app.language")}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="ww-language"
              className="kern-form-input__select"
              value={i18n.language}
              onChange={(e) => chooseLanguage(session?.user ?? null, e.target.value as Language)}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {l === "de" ? "Deutsch" : "English"}
                </option>
              ))}
            </select>
          </div>
          {session && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void signOut(session)}>
              <span className="kern-label">{t("app.signOut")}</span>
            </button>
          )}
        </div>
      </header>
      <main id="main" className="ww-main">
        {children}
      </main>
    </>
  );
}
