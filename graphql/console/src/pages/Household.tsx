import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Link } from "wouter";

import { errorCode } from "../api";
import { graphql } from "../gql";
import { formatDate } from "../i18n";
import { ErrorNote } from "./ErrorNote";

const HouseholdQuery = graphql(`
  query ConsoleHousehold($id: ID!) {
    household(id: $id) {
      id reference state stateSince size readiness carrier { name }
      members { id givenName familyName relation }
    }
  }
`);

export default function HouseholdPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: HouseholdQuery, variables: { id } });
  const back = (
    <Link href="/households" className="kern-link">
      {t("households.back")}
    </Link>
  );
  if (error && ["NOT_FOUND", "BAD_USER_INPUT"].includes(errorCode(error))) {
    return (
      <div className="ww-stack">
        <h1 className="kern-heading-large">{t("households.title")}</h1>
        <div className="kern-alert kern-alert--warning" role="alert">
          <div className="kern-alert__header">
            <span className="kern-title">{t("households.notFound")}</span>
          </div>
        </div>
        {back}
      </div>
    );
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return fetching ? <p className="kern-body">{t("app.loading")}</p> : null;
  const h = data.household;
  return (
    <div className="ww-stack">
      {back}
      <h1 className="kern-heading-large">{h.reference}</h1>
      <dl className="kern-body">
        <dt className="kern-label">{t("households.state")}</dt>
        <dd>
          {t(`state.${h.state}`)} ({formatDate(h.stateSince, i18n.language)})
        </dd>
        <dt className="kern-label">{t("households.readiness")}</dt>
        <dd>{t(`readiness.${h.readiness ?? "none"}`)}</dd>
        <dt className="kern-label">{t("households.carrier")}</dt>
        <dd>{h.carrier?.name ?? "–"}</dd>
      </dl>
      <h2 className="kern-heading-medium">{t("households.members")}</h2>
      <ul className="kern-list">
        {h.members.map((m) => (
          <li key={m.id}>
            {m.givenName} {m.familyName}
          </li>
        ))}
      </ul>
    </div>
  );
}
