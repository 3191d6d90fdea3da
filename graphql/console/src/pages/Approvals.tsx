import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { REFRESH_ON } from "../api";
import { ActionForm } from "../components/ActionForm";
import { BudgetChart } from "../components/BudgetChart";
import { DataTable } from "../components/DataTable";
import { InputField } from "../components/Form";
import { graphql } from "../gql";
import { formatEuros } from "../i18n";
import { useReferences } from "../references";
import { ErrorNote } from "./ErrorNote";

const RequestsQuery = graphql(`
  query ConsoleGuaranteeRequests {
    guarantees(first: 100, status: REQUESTED) {
      totalCount
      nodes { id householdId kind amount justification budgetYear offerId matchId version }
    }
  }
`);

const BudgetsQuery = graphql(`
  query ConsoleBudgets($year: Int!) {
    guaranteeBudgets(year: $year) { year kind budget committed remaining version }
  }
`);

const Decide = graphql(`
  mutation ConsoleDecideGuarantee($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {
    decideGuarantee(id: $id, version: $version, approve: $approve, reason: $reason) {
      id status decidedOn decisionReason version
    }
  }
`);

export default function Approvals() {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("approvals.title")}</h1>
      <Requests />
      <Budgets year={year} />
    </div>
  );
}

function Requests() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({ query: RequestsQuery, context: REFRESH_ON.guarantee });
  const reference = useReferences(data?.guarantees.nodes.map((g) => g.householdId) ?? []);
  const [, decide] = useMutation(Decide);
  return (
    <section aria-labelledby="ww-requests" className="ww-stack">
      <h2 className="kern-heading-medium" id="ww-requests">
        {t("approvals.requests")}
      </h2>
      {error && <ErrorNote error={error} />}
      {data && (
        <p className="kern-body" role="status">
          {t("approvals.count", { count: data.guarantees.totalCount })}
        </p>
      )}
      {data?.guarantees.nodes.map((g) => {
        const ref = reference(g.householdId);
        return (
          <article key={g.id} className="ww-card ww-stack" aria-labelledby={`ww-g-${g.id}`}>
            <h3 className="kern-heading-small" id={`ww-g-${g.id}`}>
              {t(`guaranteeKind.${g.kind}`)} {formatEuros(g.amount, lang)} –{" "}
              <Link href={`/households/${g.householdId}`} className="kern-link">
                {ref}
              </Link>
            </h3>
            <p className="kern-body">
              {t("approvals.justification")}: {g.justification}
            </p>
            {g.offerId && (
              <p className="kern-body">
                <Link href={`/offers/${g.offerId}`} className="kern-link">
                  {t("approvals.toOffer")}
                </Link>
              </p>
            )}
            <div className="ww-actions">
              <ActionForm
                legend={t("approvals.approveLegend", { reference: ref })}
                submit={t("approvals.approve")}
                run={() => decide({ id: g.id, version: g.version, approve: true, reason: null })}
              />
              <ActionForm
                legend={t("approvals.rejectLegend", { reference: ref })}
                submit={t("approvals.reject")}
                kind="secondary"
                run={(v) => decide({ id: g.id, version: g.version, approve: false, reason: v.reason ?? null })}
              >
                {(error) => <InputField field="reason" error={error} label={t("approvals.reason")} name="reason" required />}
              </ActionForm>
            </div>
          </article>
        );
      })}
    </section>
  );
}

function Budgets({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({ query: BudgetsQuery, variables: { year }, context: REFRESH_ON.guarantee });
  const rows = (data?.guaranteeBudgets ?? []).map((b) => ({ ...b, label: t(`guaranteeKind.${b.kind}`) }));
  return (
    <section aria-labelledby="ww-budgets" className="ww-stack">
      <h2 className="kern-heading-medium" id="ww-budgets">
        {t("budgets.title", { year })}
      </h2>
      {error && <ErrorNote error={error} />}
      {data && rows.length === 0 && <p className="kern-body">{t("budgets.none")}</p>}
      {rows.length > 0 && (
        <>
          <BudgetChart rows={rows} title={t("budgets.chart", { year })} />
          <DataTable
            caption={t("budgets.title", { year })}
            rows={rows}
            rowKey={(r) => r.kind}
            columns={[
              { header: t("budgets.kind"), rowHeader: true, cell: (r) => r.label },
              { header: t("budgets.budget"), numeric: true, cell: (r) => formatEuros(r.budget, lang) },
              { header: t("budgets.committed"), numeric: true, cell: (r) => formatEuros(r.committed, lang) },
              { header: t("budgets.remaining"), numeric: true, cell: (r) => formatEuros(r.remaining, lang) },
            ]}
          />
        </>
      )}
    </section>
  );
}
