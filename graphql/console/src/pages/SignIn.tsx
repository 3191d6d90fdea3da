import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** A demo user as `GET /auth/dev` lists them (demo mode only). */
type DemoUser = {
  tenant: string;
  user: string;
  tenantName: string;
  organisationName: string;
  displayName: string;
  roles: string[];
};

export function SignIn() {
  const { t } = useTranslation();
  const [demo, setDemo] = useState<DemoUser[] | null>(null);
  const [platform, setPlatform] = useState(false);
  // Where sign-in was asked for (an expired session keeps its page); the gateway
  // accepts local paths only.
  const path = window.location.pathname;
  const asked =
    path === "/signin" || path === "/"
      ? new URLSearchParams(window.location.search).get("next")
      : path + window.location.search;
  const next = asked && asked.startsWith("/") && !asked.startsWith("//") ? asked : "/";
  useEffect(() => {
    fetch("/auth/dev", { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<DemoUser[]>) : null))
      .then(setDemo)
      .catch(() => setDemo(null));
    fetch("/auth/options", { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<{ platform: boolean }>) : null))
      .then((o) => setPlatform(o?.platform === true))
      .catch(() => setPlatform(false));
  }, []);
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("signIn.title")}</h1>
      <form method="get" action="/auth/login" className="kern-form ww-stack">
        <p className="kern-body">{t("signIn.intro")}</p>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="ww-city">
            {t("signIn.city")}
          </label>
          <div className="kern-hint" id="ww-city-hint">
            {t("signIn.cityHint")}
          </div>
          <input
            className="kern-form-input__input"
            id="ww-city"
            name="tenant"
            required
            autoComplete="organization"
            aria-describedby="ww-city-hint"
          />
        </div>
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">{t("signIn.submit")}</span>
        </button>
      </form>
      {platform && (
        <section aria-labelledby="ww-platform" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-platform">
            {t("signIn.platformTitle")}
          </h2>
          <p className="kern-body">{t("signIn.platformIntro")}</p>
          <form method="get" action="/auth/platform-login">
            <input type="hidden" name="next" value={next} />
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{t("signIn.platformSubmit")}</span>
            </button>
          </form>
        </section>
      )}
      {demo && demo.length > 0 && (
        <section aria-labelledby="ww-demo" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-demo">
            {t("signIn.demoTitle")}
          </h2>
          <p className="kern-body">{t("signIn.demoIntro")}</p>
          <div className="ww-table-wrap">
            <table className="kern-table kern-table--striped">
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">{t("signIn.city_col")}</th>
                  <th scope="col" className="kern-table__header">{t("signIn.organisation")}</th>
                  <th scope="col" className="kern-table__header">{t("signIn.name")}</th>
                  <th scope="col" className="kern-table__header">{t("signIn.roles")}</th>
                  <th scope="col" className="kern-table__header">
                    <span className="kern-sr-only">{t("signIn.title")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {demo.map((u) => (
                  <tr key={`${u.tenant}/${u.user}`} className="kern-table__row">
                    <td className="kern-table__cell">{u.tenantName}</td>
                    <td className="kern-table__cell">{u.organisationName}</td>
                    <td className="kern-table__cell">{u.displayName}</td>
                    <td className="kern-table__cell">{u.roles.join(", ")}</td>
                    <td className="kern-table__cell">
                      <form method="post" action="/auth/dev">
                        <input type="hidden" name="tenant" value={u.tenant} />
                        <input type="hidden" name="user" value={u.user} />
                        <input type="hidden" name="next" value={next} />
                        <button type="submit" className="kern-btn kern-btn--secondary kern-btn--x-small">
                          <span className="kern-label">{t("signIn.as", { name: u.displayName })}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
