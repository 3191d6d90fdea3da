import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Link } from "wouter";

import { graphql } from "../gql";
import type { CaseState } from "../gql/graphql";
import { may, useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const HouseholdsQuery = graphql(`
  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {
    households(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id reference state size readiness carrier { name } } }
    }
  }
`);

const STATES: CaseState[] = [
  "INTAKE", "ACTIVE", "SEARCHING", "OFFER_IN_PROGRESS", "MOVED_OUT", "AFTERCARE", "CLOSED", "PAUSED", "CONTACT_LOST",
];
const PAGE = 25;

export default function Households() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [filter, setFilter] = useState<{ search?: string; state?: CaseState }>({});
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const search = String(f.get("search") ?? "").trim();
    const state = String(f.get("state") ?? "") as CaseState | "";
    setFilter({ search: search || undefined, state: state || undefined });
    setPages([null]);
  };
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("households.title")}</h1>
      {may(viewer, "cityStaff") && (
        <p className="kern-body">
          <Link href="/households/new" className="kern-link">
            {t("intake.title")}
          </Link>
        </p>
      )}
      <form role="search" className="ww-filters" onSubmit={submit}>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="ww-search">
            {t("households.search")}
          </label>
          <input className="kern-form-input__input" id="ww-search" name="search" type="search" />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="ww-state">
            {t("households.state")}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select className="kern-form-input__select" id="ww-state" name="state" defaultValue="">
              <option value="">{t("households.anyState")}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`state.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">{t("households.apply")}</span>
        </button>
      </form>
      {pages.map((after, i) => (
        <Page
          key={`${JSON.stringify(filter)}/${after ?? ""}`}
          filter={filter}
          after={after}
          first={i === 0}
          last={i === pages.length - 1}
          onMore={(cursor) => setPages((p) => [...p, cursor])}
        />
      ))}
    </div>
  );
}

function Page(props: {
  filter: { search?: string; state?: CaseState };
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: HouseholdsQuery,
    variables: { first: PAGE, after: props.after, filter: props.filter },
  });
  if (error) return <ErrorNote error={error} />;
  if (!data) return fetching ? <p className="kern-body">{t("app.loading")}</p> : null;
  const c = data.households;
  return (
    <>
      {props.first && (
        <p className="kern-body" role="status">
          {t("households.count", { count: c.totalCount ?? 0 })}
        </p>
      )}
      {props.first && c.edges.length === 0 && <p className="kern-body">{t("households.none")}</p>}
      {c.edges.length > 0 && (
        <div className="ww-table-wrap">
          <table className="kern-table kern-table--striped">
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">{t("households.reference")}</th>
                <th scope="col" className="kern-table__header">{t("households.state")}</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">{t("households.size")}</th>
                <th scope="col" className="kern-table__header">{t("households.readiness")}</th>
                <th scope="col" className="kern-table__header">{t("households.carrier")}</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {c.edges.map(({ node: h }) => (
                <tr key={h.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    <Link href={`/households/${h.id}`} className="kern-link">
                      {h.reference}
                    </Link>
                  </td>
                  <td className="kern-table__cell">{t(`state.${h.state}`)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{h.size}</td>
                  <td className="kern-table__cell">{t(`readiness.${h.readiness ?? "none"}`)}</td>
                  <td className="kern-table__cell">{h.carrier?.name ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.last && c.pageInfo.hasNextPage && c.pageInfo.endCursor && (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => props.onMore(c.pageInfo.endCursor as string)}
        >
          <span className="kern-label">{t("households.more")}</span>
        </button>
      )}
    </>
  );
}
