import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Link } from "wouter";

import { graphql } from "../gql";
import { formatDate, formatEuros } from "../i18n";
import { ErrorNote } from "./ErrorNote";

const WorklistQuery = graphql(`
  query ConsoleWorklist {
    worklist {
      followUps { ...Item }
      overdueSteps { ...Item }
      incomingTransfers { ...Item }
      permitsExpiring { ...Item }
      benefitSwitches { ...Item }
      inCoaching { ...Item }
      guaranteeRequests { id householdId kind amount }
      scheduledMoves { id householdId moveInOn }
    }
  }
  fragment Item on WorkItem { householdId reference on overdue detail subjectId }
`);

type Item = { householdId: string; reference: string; on: string; overdue: boolean; detail: string; subjectId: string };

const SECTIONS = ["followUps", "overdueSteps", "incomingTransfers", "permitsExpiring", "benefitSwitches", "inCoaching"] as const;

export default function Worklist() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: WorklistQuery });
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("worklist.title")}</h1>
      {fetching && <p className="kern-body">{t("app.loading")}</p>}
      {error && <ErrorNote error={error} />}
      {data &&
        SECTIONS.map((s) => {
          const items = data.worklist[s] as Item[];
          return (
            <section key={s} aria-labelledby={`ww-${s}`} className="ww-stack">
              <h2 className="kern-heading-medium" id={`ww-${s}`}>
                {t(`worklist.${s}`)} <span className="kern-badge kern-badge--info">{items.length}</span>
              </h2>
              {items.length === 0 ? (
                <p className="kern-body--muted">{t("worklist.empty")}</p>
              ) : (
                <div className="ww-table-wrap">
                  <table className="kern-table kern-table--small">
                    <thead className="kern-table__head">
                      <tr className="kern-table__row">
                        <th scope="col" className="kern-table__header">{t("worklist.reference")}</th>
                        <th scope="col" className="kern-table__header">{t("worklist.on")}</th>
                        <th scope="col" className="kern-table__header">{t("worklist.detail")}</th>
                      </tr>
                    </thead>
                    <tbody className="kern-table__body">
                      {items.map((i) => (
                        <tr key={`${s}/${i.subjectId}`} className="kern-table__row">
                          <td className="kern-table__cell">
                            <Link href={`/households/${i.householdId}`} className="kern-link">
                              {i.reference}
                            </Link>
                          </td>
                          <td className="kern-table__cell">
                            {formatDate(i.on, i18n.language)}
                            {i.overdue && <> <span className="kern-badge kern-badge--danger">{t("worklist.overdue")}</span></>}
                          </td>
                          <td className="kern-table__cell">{i.detail}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
      {data && data.worklist.guaranteeRequests.length > 0 && (
        <section aria-labelledby="ww-guarantees" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-guarantees">
            {t("worklist.guaranteeRequests")}{" "}
            <span className="kern-badge kern-badge--info">{data.worklist.guaranteeRequests.length}</span>
          </h2>
          <ul className="kern-list">
            {data.worklist.guaranteeRequests.map((g) => (
              <li key={g.id}>
                <Link href={`/households/${g.householdId}`} className="kern-link">
                  {formatEuros(g.amount, i18n.language)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
