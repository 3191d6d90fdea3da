// The city's own figures over time, quarter by quarter (city staff): households taken
// in, moves into a home of their own, aftercare contacts, returns to a shelter and
// course completions — each quarter the joint report for it. One bar chart per figure
// (an image with its values as text), and the same figures as a table.
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";

import { DataTable } from "../components/DataTable";
import { graphql } from "../gql";
import { ErrorNote } from "./ErrorNote";

const DashboardQuery = graphql(`
  query CityDashboard {
    cityDashboard(quarters: 8) { label from to intakes moves followups returns completions }
  }
`);

const SERIES = ["intakes", "moves", "followups", "returns", "completions"] as const;
type Series = (typeof SERIES)[number];

function QuarterBars({ title, points }: { title: string; points: { label: string; value: number }[] }) {
  const { t } = useTranslation();
  const width = 640;
  const height = 180;
  const bottom = 30;
  const max = Math.max(1, ...points.map((p) => p.value));
  const slot = width / Math.max(1, points.length);
  const bar = Math.min(48, slot * 0.6);
  const scale = (v: number) => ((height - bottom - 20) * v) / max;
  return (
    <figure className="ww-chart">
      <svg
        role="img"
        aria-label={`${title}. ${points.map((p) => t("dashboard.alt", { quarter: p.label, value: p.value })).join(" ")}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        {points.map((p, i) => {
          const x = i * slot + (slot - bar) / 2;
          const h = scale(p.value);
          return (
            <g key={p.label}>
              <rect x={x} y={height - bottom - h} width={bar} height={h} className="ww-chart__committed" />
              <text x={x + bar / 2} y={height - bottom - h - 4} textAnchor="middle" className="ww-chart__label">
                {p.value}
              </text>
              <text x={x + bar / 2} y={height - 10} textAnchor="middle" className="ww-chart__label">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="kern-body kern-body--small">{title}</figcaption>
    </figure>
  );
}

export default function Dashboard() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: DashboardQuery });
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const quarters = data.cityDashboard;
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("dashboard.title")}</h1>
      <p className="kern-body">{t("dashboard.intro")}</p>
      <div className="ww-stack">
        {SERIES.map((s: Series) => (
          <section key={s} aria-labelledby={`ww-dash-${s}`} className="ww-stack">
            <h2 className="kern-heading-small" id={`ww-dash-${s}`}>
              {t(`dashboard.${s}`)}
            </h2>
            <QuarterBars title={t("dashboard.chartTitle", { figure: t(`dashboard.${s}`) })} points={quarters.map((q) => ({ label: q.label, value: q[s] }))} />
          </section>
        ))}
      </div>
      <DataTable
        caption={t("dashboard.table")}
        captionVisible
        rows={quarters}
        rowKey={(q) => q.label}
        columns={[
          { header: t("dashboard.quarter"), rowHeader: true, cell: (q) => q.label },
          // Short headers keep the table within the page (the charts carry the long names).
          ...SERIES.map((s) => ({ header: t(`dashboard.short.${s}`), numeric: true, cell: (q: (typeof quarters)[number]) => q[s] })),
        ]}
      />
    </div>
  );
}
