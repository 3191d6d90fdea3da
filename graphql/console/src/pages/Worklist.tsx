import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { graphql } from "../gql";
import { formatDate, formatEuros, formatNumber } from "../i18n";
import { ActionForm } from "../components/ActionForm";
import { Disclosure } from "../components/Disclosure";
import { InputField, SelectField } from "../components/Form";
import type { TransferRejectionReason } from "../gql/graphql";
import { may, useViewer } from "../viewer";
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
      programmeWarnings { kind programmeId organisationName subject on paysFor fundedPositions fte households caseloadLimit actual target expectedByNow }
    }
  }
  fragment Item on WorkItem { householdId reference on overdue detail subjectId }
`);

const IncomingQuery = graphql(`
  query ConsoleIncomingTransfers {
    incomingTransfers { id householdId reason version }
  }
`);
const Accept = graphql(`
  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {
    acceptTransfer(id: $id, version: $version) { id status version }
  }
`);
const Reject = graphql(`
  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {
    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }
  }
`);
const REJECTIONS: TransferRejectionReason[] = ["NO_CAPACITY", "OUTSIDE_AREA", "LANGUAGE_NOT_COVERED", "HOUSEHOLD_REFUSED", "OTHER"];
const REFRESH_WORKLIST = { additionalTypenames: ["CarrierAssignment", "WorkItem", "Household"] };

/** The receiving carrier accepts or rejects each transfer proposed to it. */
function TransferDecisions({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: IncomingQuery, context: REFRESH_WORKLIST });
  const [, accept] = useMutation(Accept);
  const [, reject] = useMutation(Reject);
  if (error) return <ErrorNote error={error} />;
  const reference = new Map(items.map((i) => [i.householdId, i.reference]));
  return (
    <div className="ww-stack">
      {(data?.incomingTransfers ?? []).map((a) => {
        const ref = reference.get(a.householdId) ?? "…";
        return (
          <Disclosure key={a.id} summary={t("transfer.decide", { reference: ref })}>
            {a.reason && (
              <p className="kern-body">
                {t("transfer.reason")}: {a.reason}
              </p>
            )}
            <div className="ww-actions">
              <ActionForm
                legend={t("transfer.acceptLegend", { reference: ref })}
                submit={t("transfer.accept")}
                run={() => accept({ id: a.id, version: a.version }, REFRESH_WORKLIST)}
              />
              <ActionForm
                legend={t("transfer.rejectLegend", { reference: ref })}
                submit={t("transfer.reject")}
                kind="secondary"
                run={(v) =>
                  reject(
                    {
                      id: a.id,
                      version: a.version,
                      reasonCode: (v.reasonCode ?? "OTHER") as TransferRejectionReason,
                      reason: v.reason ?? "",
                    },
                    REFRESH_WORKLIST,
                  )
                }
              >
                {(e) => (
                  <>
                    <SelectField
                      field="reasonCode"
                      error={e}
                      label={t("transfer.reasonCode")}
                      name="reasonCode"
                      options={REJECTIONS.map((r) => ({ value: r, label: t(`rejection.${r}`) }))}
                    />
                    <InputField field="reason" error={e} label={t("transfer.explanation")} name="reason" required />
                  </>
                )}
              </ActionForm>
            </div>
          </Disclosure>
        );
      })}
    </div>
  );
}

type Item = { householdId: string; reference: string; on: string; overdue: boolean; detail: string; subjectId: string };

const SECTIONS = ["followUps", "overdueSteps", "incomingTransfers", "permitsExpiring", "benefitSwitches", "inCoaching"] as const;

export default function Worklist() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  // What an item is about, in the user's language: the API names follow-ups by
  // months ("12 Monate") and permits and benefit switches by their codes.
  const describe = (section: (typeof SECTIONS)[number], detail: string) => {
    if (section === "followUps") {
      const months = Number.parseInt(detail, 10);
      return Number.isNaN(months) ? detail : t("worklist.afterMonths", { count: months });
    }
    const prefix = section === "permitsExpiring" ? "residence" : section === "benefitSwitches" ? "benefit" : null;
    if (prefix && i18n.exists(`${prefix}.${detail.toUpperCase()}`)) return t(`${prefix}.${detail.toUpperCase()}`);
    return detail || "–";
  };
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
                          <td className="kern-table__cell">{describe(s, i.detail)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {s === "incomingTransfers" && items.length > 0 && may(viewer, "transfers") && <TransferDecisions items={items} />}
            </section>
          );
        })}
      {data && data.worklist.programmeWarnings.length > 0 && (
        <section aria-labelledby="ww-programme-warnings" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-programme-warnings">
            {t("worklist.programmeWarnings")}{" "}
            <span className="kern-badge kern-badge--warning">{data.worklist.programmeWarnings.length}</span>
          </h2>
          <ul className="kern-list">
            {data.worklist.programmeWarnings.map((w, i) => (
              <li key={`${w.programmeId}-${w.kind}-${i}`}>
                <Link href="/programmes" className="kern-link">
                  {w.organisationName}
                </Link>
                {": "}
                {programmeWarning(t, w, i18n.language)}
              </li>
            ))}
          </ul>
        </section>
      )}
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

type ProgrammeWarning = {
  kind: string;
  subject: string;
  on?: string | null;
  paysFor?: string | null;
  fundedPositions: readonly string[];
  fte?: number | null;
  households?: number | null;
  caseloadLimit?: number | null;
  actual?: number | null;
  target?: number | null;
  expectedByNow?: number | null;
};

/** A programme warning as a sentence, German first. */
function programmeWarning(t: TFunction, w: ProgrammeWarning, lang: string): string {
  const date = w.on ? formatDate(w.on, lang) : "";
  const fte = w.fte == null ? "" : formatNumber(w.fte, lang);
  switch (w.kind) {
    case "FUNDING_ENDING":
      return t("programmeWarning.FUNDING_ENDING", {
        name: w.subject,
        date,
        paysFor: w.paysFor ?? "",
        positions: w.fundedPositions.length ? ` (${w.fundedPositions.join(", ")})` : "",
      });
    case "POSITION_ENDING":
      return t("programmeWarning.POSITION_ENDING", { title: w.subject, date, fte });
    case "POSITION_VACANT":
      return t("programmeWarning.POSITION_VACANT", { title: w.subject, date, fte });
    case "CASELOAD_ABOVE_LIMIT":
      return t("programmeWarning.CASELOAD_ABOVE_LIMIT", { households: w.households ?? 0, fte, limit: w.caseloadLimit ?? 0 });
    default:
      return t("programmeWarning.TARGET_BEHIND", {
        kind: t(`targetKind.${w.subject.toUpperCase()}`),
        actual: w.actual ?? 0,
        target: w.target ?? 0,
        expected: w.expectedByNow ?? 0,
      });
  }
}
