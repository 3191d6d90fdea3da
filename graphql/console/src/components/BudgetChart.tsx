// Committed and remaining budget per kind as horizontal bars, drawn in SVG by the
// console itself (no chart library: two rectangles per row). The chart is an image
// with a text alternative; the table next to it holds the same figures.
import { useTranslation } from "react-i18next";

import { formatEuros } from "../i18n";

export type BudgetRow = { kind: string; label: string; budget: string; committed: string; remaining: string };

export function BudgetChart({ rows, title }: { rows: BudgetRow[]; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const max = Math.max(1, ...rows.map((r) => Math.max(Number(r.budget), Number(r.committed))));
  const bar = 28;
  const gap = 18;
  const labelWidth = 220;
  const width = 760;
  const scale = (n: number) => ((width - labelWidth - 10) * n) / max;
  const height = rows.length * (bar + gap) + 30;
  const summary = rows
    .map((r) =>
      t("budgets.alt", {
        kind: r.label,
        committed: formatEuros(r.committed, lang),
        budget: formatEuros(r.budget, lang),
        remaining: formatEuros(r.remaining, lang),
      }),
    )
    .join(" ");
  return (
    <figure className="ww-chart">
      <svg role="img" aria-label={`${title}. ${summary}`} viewBox={`0 0 ${width} ${height}`} width="100%">
        {rows.map((r, i) => {
          const y = i * (bar + gap);
          const committed = scale(Math.min(Number(r.committed), max));
          const budget = scale(Number(r.budget));
          return (
            <g key={r.kind} transform={`translate(0 ${y})`}>
              <text x={0} y={bar / 2 + 5} className="ww-chart__label">
                {r.label}
              </text>
              <rect x={labelWidth} y={0} width={Math.max(budget, 1)} height={bar} className="ww-chart__budget" />
              <rect x={labelWidth} y={0} width={committed} height={bar} className="ww-chart__committed" />
            </g>
          );
        })}
        <g transform={`translate(${labelWidth} ${rows.length * (bar + gap) + 10})`}>
          <rect width={14} height={14} className="ww-chart__committed" />
          <text x={20} y={12} className="ww-chart__label">
            {t("budgets.committed")}
          </text>
          <rect x={180} width={14} height={14} className="ww-chart__budget" />
          <text x={200} y={12} className="ww-chart__label">
            {t("budgets.remaining")}
          </text>
        </g>
      </svg>
      <figcaption className="kern-body kern-body--small">{title}</figcaption>
    </figure>
  );
}
