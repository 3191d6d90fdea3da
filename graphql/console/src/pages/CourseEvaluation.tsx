// Hagen's evaluation of a course: per run the figures (enrolled, attended share,
// completed, dropped out and after which session), and the households of completers
// against comparable households that never took part — moved out within 6 and 12
// months of the run's end, tenancy still held 12 months after the move-in — as tables
// and a chart. Counts only, no names.
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { Link } from "wouter";

import { DataTable } from "../components/DataTable";
import { NotFound } from "../components/NotFound";
import { ShareChart } from "../components/ShareChart";
import { REFRESH_ON, errorCode } from "../api";
import { graphql } from "../gql";
import type { CourseEvaluationPageQuery } from "../gql/graphql";
import { formatDate, formatNumber } from "../i18n";
import { ErrorNote } from "./ErrorNote";

const EvaluationQuery = graphql(`
  query CourseEvaluationPage($courseId: ID!) {
    courseEvaluation(courseId: $courseId) {
      courseId title asOf
      runs { runId endedOn comparison { ...Comparison } }
      overall { ...Comparison }
    }
    courseRuns(courseId: $courseId) {
      id place language capacity
      figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }
    }
  }
  fragment Comparison on CourseComparison {
    housedAtCompletion
    completers { ...Group }
    comparison { ...Group }
  }
  fragment Group on OutcomeGroup {
    households
    movedWithin { ...Share }
    tenancyHeld { ...Share }
  }
  fragment Share on OutcomeShare { months observed yes rate pending pendingYes }
`);

type Evaluation = CourseEvaluationPageQuery["courseEvaluation"];
type Comparison = Evaluation["overall"];
type Share = { months: number; observed: number; yes: number; rate?: number | null; pending: number; pendingYes: number };

export default function CourseEvaluationPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({ query: EvaluationQuery, variables: { courseId: id }, context: REFRESH_ON.learning });
  const back = (
    <Link href="/courses" className="kern-link">
      {t("courses.back")}
    </Link>
  );
  if (error && ["NOT_FOUND", "BAD_USER_INPUT"].includes(errorCode(error))) {
    return <NotFound title={t("evaluation.title")} text={t("evaluation.notFound")} back={back} />;
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const e = data.courseEvaluation;
  const runs = data.courseRuns;
  const runLabel = (runId: string) => {
    const r = runs.find((x) => x.id === runId);
    return r ? `${r.place} (${r.language})` : runId;
  };
  return (
    <div className="ww-stack">
      {back}
      <h1 className="kern-heading-large">{t("evaluation.heading", { title: e.title })}</h1>
      <p className="kern-body">{t("evaluation.intro")}</p>

      <section aria-labelledby="ww-eval-runs" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-eval-runs">{t("evaluation.runs")}</h2>
        {runs.length === 0 ? (
          <p className="kern-body">{t("courses.noRuns")}</p>
        ) : (
          <DataTable
            caption={t("evaluation.runs")}
            rows={runs}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t("courses.run"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/courses/runs/${r.id}`} className="kern-link">
                    {runLabel(r.id)}
                  </Link>
                ),
              },
              { header: t("evaluation.endedOn"), cell: (r) => dateOf(e.runs.find((x) => x.runId === r.id)?.endedOn, lang) },
              { header: t("courses.enrolled"), numeric: true, cell: (r) => `${r.figures.enrolled} / ${r.capacity}` },
              { header: t("courses.attended"), numeric: true, cell: (r) => (r.figures.attendedPercent == null ? "–" : `${r.figures.attendedPercent} %`) },
              { header: t("courses.completed"), numeric: true, cell: (r) => r.figures.completed },
              { header: t("courses.droppedOut"), numeric: true, cell: (r) => r.figures.droppedOut },
              {
                header: t("courses.droppedAfter"),
                cell: (r) =>
                  r.figures.droppedAfter.length === 0
                    ? "–"
                    : r.figures.droppedAfter.map((d) => t("evaluation.afterSession", { n: d.afterSession, count: d.count })).join(", "),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="ww-eval-overall" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-eval-overall">{t("evaluation.overall")}</h2>
        <p className="kern-body">{t("evaluation.asOf", { date: formatDate(e.asOf, lang) })}</p>
        <ComparisonView comparison={e.overall} caption={t("evaluation.overall")} lang={lang} />
      </section>

      {e.runs.map((r) => {
        const heading = `ww-eval-run-${r.runId}`;
        return (
          <section key={r.runId} aria-labelledby={heading} className="ww-stack">
            <h2 className="kern-heading-medium" id={heading}>
              {t("evaluation.runHeading", { run: runLabel(r.runId) })}
            </h2>
            {r.comparison ? (
              <ComparisonView comparison={r.comparison} caption={t("evaluation.runHeading", { run: runLabel(r.runId) })} lang={lang} />
            ) : (
              <p className="kern-body">{t("evaluation.notEnded", { date: dateOf(r.endedOn, lang) })}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

function dateOf(d: string | null | undefined, lang: string) {
  return d ? formatDate(d, lang) : "–";
}

function ComparisonView({ comparison, caption, lang }: { comparison: Comparison; caption: string; lang: string }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; completers: Share; others: Share }[] = [
    ...comparison.completers.movedWithin.map((s, i) => ({
      key: `moved-${s.months}`,
      label: t("evaluation.movedWithin", { months: s.months }),
      completers: s,
      others: comparison.comparison.movedWithin[i] ?? s,
    })),
    {
      key: "tenancy",
      label: t("evaluation.tenancyHeld", { months: comparison.completers.tenancyHeld.months }),
      completers: comparison.completers.tenancyHeld,
      others: comparison.comparison.tenancyHeld,
    },
  ];
  const cell = (s: Share) =>
    s.observed === 0
      ? t("evaluation.noneObserved")
      : t("evaluation.ofObserved", { yes: s.yes, observed: s.observed, rate: percent(s.rate, lang) });
  const pending = (s: Share) => (s.pending === 0 ? "–" : t("evaluation.pendingText", { pending: s.pending, yes: s.pendingYes }));
  const charted = rows.filter((r) => r.completers.observed > 0 || r.others.observed > 0);
  return (
    <div className="ww-stack">
      <p className="kern-body">
        {t("evaluation.groups", {
          completers: comparison.completers.households,
          comparison: comparison.comparison.households,
          housed: comparison.housedAtCompletion,
        })}
      </p>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: t("evaluation.outcome"), rowHeader: true, cell: (r) => r.label },
          { header: t("evaluation.completers"), cell: (r) => cell(r.completers) },
          { header: t("evaluation.completersPending"), cell: (r) => pending(r.completers) },
          { header: t("evaluation.comparison"), cell: (r) => cell(r.others) },
          { header: t("evaluation.comparisonPending"), cell: (r) => pending(r.others) },
        ]}
      />
      {charted.length > 0 && (
        <ShareChart
          title={t("evaluation.chartTitle", { caption })}
          rows={charted.map((r) => ({ key: r.key, label: r.label, first: r.completers.rate ?? 0, second: r.others.rate ?? 0 }))}
          firstLabel={t("evaluation.completers")}
          secondLabel={t("evaluation.comparison")}
          lang={lang}
          alt={(r) => t("evaluation.chartAlt", { label: r.label, first: percent(r.first, lang), second: percent(r.second, lang) })}
        />
      )}
    </div>
  );
}

function percent(rate: number | null | undefined, lang: string) {
  return rate == null ? "–" : `${formatNumber(Math.round(rate * 1000) / 10, lang)} %`;
}
