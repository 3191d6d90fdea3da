import { Suspense, lazy, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Provider, useMutation, useQuery } from "urql";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";

import { client } from "./api";
import { graphql } from "./gql";
import { LANGUAGES, type Language, chooseLanguage, savedLanguage } from "./i18n";
import { ErrorNote } from "./pages/ErrorNote";
import { SignIn } from "./pages/SignIn";
import { type Session, loadSession, signOut } from "./session";
import { AREAS, type Viewer, ViewerContext, may } from "./viewer";

const Worklist = lazy(() => import("./pages/Worklist"));
const Households = lazy(() => import("./pages/Households"));
const HouseholdPage = lazy(() => import("./pages/Household"));
const NewHousehold = lazy(() => import("./pages/NewHousehold"));
const Offers = lazy(() => import("./pages/Offers"));
const OfferPage = lazy(() => import("./pages/Offer"));
const Approvals = lazy(() => import("./pages/Approvals"));
const Admin = lazy(() => import("./pages/Admin"));
const Register = lazy(() => import("./pages/Register"));
const Audit = lazy(() => import("./pages/Audit"));
const Courses = lazy(() => import("./pages/Courses"));
const CourseRunPage = lazy(() => import("./pages/CourseRun"));
const CataloguePage = lazy(() => import("./pages/Catalogue"));
const CourseEvaluationPage = lazy(() => import("./pages/CourseEvaluation"));
const ProgrammesPage = lazy(() => import("./pages/Programmes"));
const ReportsPage = lazy(() => import("./pages/Reports"));
const DashboardPage = lazy(() => import("./pages/Dashboard"));
const BenchmarkPage = lazy(() => import("./pages/Benchmark"));
const SharingPage = lazy(() => import("./pages/Sharing"));
const StateProgramsPage = lazy(() => import("./pages/StatePrograms"));

const ViewerQuery = graphql(`
  query ConsoleViewer {
    viewer { id displayName language roles organisation { name } }
  }
`);

const SetLanguage = graphql(`
  mutation ConsoleSetLanguage($language: String!) {
    setMyLanguage(language: $language) { id language }
  }
`);

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
      <Shell session={null} viewer={null}>
        <SignIn />
      </Shell>
    );
  }
  return (
    <Provider value={client(state.session)}>
      <SignedIn session={state.session} />
    </Provider>
  );
}

function SignedIn({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: ViewerQuery });
  const [, setLanguage] = useMutation(SetLanguage);
  // The language kept with the user wins over this browser's (it follows them).
  const kept = data?.viewer.language;
  useEffect(() => {
    if (kept === "de" || kept === "en") chooseLanguage(session.user, kept);
  }, [kept, session.user]);
  const persist = (lang: Language) => void setLanguage({ language: lang });
  if (error) {
    return (
      <Shell session={session} viewer={null} persist={persist}>
        <ErrorNote error={error} />
      </Shell>
    );
  }
  if (!data) return <p className="kern-body ww-main">{t("app.loading")}</p>;
  const v = data.viewer;
  const viewer: Viewer = { id: v.id, displayName: v.displayName, roles: v.roles, organisation: v.organisation?.name ?? null };
  const home = may(viewer, "worklist")
    ? "/worklist"
    : viewer.roles.includes("STATE_OFFICER")
      ? "/benchmark"
      : may(viewer, "admin")
        ? "/admin"
        : may(viewer, "catalogue")
          ? "/catalogue"
          : "/households";
  const gated = (area: keyof typeof AREAS, page: React.ReactNode) => (may(viewer, area) ? page : <Unavailable />);
  return (
    <ViewerContext.Provider value={viewer}>
      <Shell session={session} viewer={viewer} persist={persist}>
        <Suspense fallback={<p className="kern-body">{t("app.loading")}</p>}>
          <Switch>
            <Route path="/">
              <Redirect to={home} />
            </Route>
            <Route path="/signin">
              <Redirect to={home} />
            </Route>
            <Route path="/worklist">{gated("worklist", <Worklist />)}</Route>
            <Route path="/households">{gated("households", <Households />)}</Route>
            <Route path="/households/new">{gated("cityStaff", <NewHousehold />)}</Route>
            <Route path="/households/:id">{(p) => gated("households", <HouseholdPage id={p.id} />)}</Route>
            <Route path="/offers">{gated("offers", <Offers />)}</Route>
            <Route path="/offers/:id">{(p) => gated("offers", <OfferPage id={p.id} />)}</Route>
            <Route path="/courses">{gated("courses", <Courses />)}</Route>
            <Route path="/courses/runs/:id">{(p) => gated("courses", <CourseRunPage id={p.id} />)}</Route>
            <Route path="/courses/:id/evaluation">{(p) => gated("cityStaff", <CourseEvaluationPage id={p.id} />)}</Route>
            <Route path="/programmes">{gated("programmes", <ProgrammesPage />)}</Route>
            <Route path="/reports">{gated("reports", <ReportsPage />)}</Route>
            <Route path="/dashboard">{gated("cityStaff", <DashboardPage />)}</Route>
            <Route path="/benchmark">{gated("benchmark", <BenchmarkPage />)}</Route>
            <Route path="/sharing">{gated("approvals", <SharingPage />)}</Route>
            <Route path="/catalogue">{gated("catalogue", <CataloguePage />)}</Route>
            <Route path="/state-programmes">{gated("catalogue", <StateProgramsPage />)}</Route>
            <Route path="/approvals">{gated("approvals", <Approvals />)}</Route>
            <Route path="/register">{gated("register", <Register />)}</Route>
            <Route path="/admin">{gated("admin", <Admin />)}</Route>
            <Route path="/audit">{gated("audit", <Audit />)}</Route>
            <Route>
              <Unavailable />
            </Route>
          </Switch>
        </Suspense>
      </Shell>
    </ViewerContext.Provider>
  );
}

function Unavailable() {
  const { t } = useTranslation();
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("app.unavailable")}</h1>
      <p className="kern-body">{t("app.unavailableText")}</p>
    </div>
  );
}

function Shell({
  session,
  viewer,
  persist,
  children,
}: {
  session: Session | null;
  viewer: Viewer | null;
  /** Keeps a chosen language with the signed-in user. */
  persist?: (lang: Language) => void;
  children: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const nav = (
    [
      ["/worklist", t("nav.worklist"), "worklist"],
      ["/households", t("nav.households"), "households"],
      ["/offers", t("nav.offers"), "offers"],
      ["/courses", t("nav.courses"), "courses"],
      ["/programmes", t("nav.programmes"), "programmes"],
      ["/reports", t("nav.reports"), "reports"],
      ["/dashboard", t("nav.dashboard"), "cityStaff"],
      ["/benchmark", t("nav.benchmark"), "benchmark"],
      ["/sharing", t("nav.sharing"), "approvals"],
      ["/catalogue", t("nav.catalogue"), "catalogue"],
      ["/state-programmes", t("nav.statePrograms"), "catalogue"],
      ["/approvals", t("nav.approvals"), "approvals"],
      ["/register", t("nav.register"), "register"],
      ["/admin", t("nav.admin"), "admin"],
      ["/audit", t("nav.audit"), "audit"],
    ] as const
  ).filter(([, , area]) => viewer && may(viewer, area));
  return (
    <>
      <a className="ww-skip kern-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="ww-header">
        <p className="kern-title">
          {t("app.name")} <span className="kern-body--muted">{t("app.tagline")}</span>
        </p>
        {nav.length > 0 && (
          <nav aria-label={t("app.nav")}>
            <ul>
              {nav.map(([href, label]) => (
                <li key={href}>
                  <Link
                    href={href}
                    className="kern-link"
                    aria-current={location === href || location.startsWith(`${href}/`) ? "page" : undefined}
                  >
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="ww-user">
          {viewer && (
            <p className="kern-body">
              {t("app.signedInAs", { name: viewer.displayName })}
              {viewer.organisation && <span className="kern-body--muted"> · {viewer.organisation}</span>}
            </p>
          )}
          <label className="kern-label" htmlFor="ww-language">
            {t("app.language")}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="ww-language"
              className="kern-form-input__select"
              value={i18n.language}
              onChange={(e) => {
                const lang = e.target.value as Language;
                chooseLanguage(session?.user ?? null, lang);
                persist?.(lang);
              }}
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
