// Two shares per row (e.g. a district's share of placements against its share of the
// city's housing) as paired horizontal bars in SVG, drawn by the console. The chart
// is an image with a text alternative; a table next to it holds the same figures.
import { formatNumber } from "../i18n";

export type ShareRow = { key: string; label: string; first: number; second: number; flagged?: boolean };

export function ShareChart(props: {
  title: string;
  rows: ShareRow[];
  firstLabel: string;
  secondLabel: string;
  lang: string;
  alt: (row: ShareRow) => string;
}) {
  const bar = 14;
  const group = bar * 2 + 16;
  const labelWidth = 200;
  const width = 760;
  const max = Math.max(0.01, ...props.rows.flatMap((r) => [r.first, r.second]));
  const scale = (n: number) => ((width - labelWidth - 70) * n) / max;
  const height = props.rows.length * group + 30;
  const pct = (n: number) => `${formatNumber(Math.round(n * 1000) / 10, props.lang)} %`;
  return (
    <figure className="ww-chart">
      <svg role="img" aria-label={`${props.title}. ${props.rows.map(props.alt).join(" ")}`} viewBox={`0 0 ${width} ${height}`} width="100%">
        {props.rows.map((r, i) => (
          <g key={r.key} transform={`translate(0 ${i * group})`}>
            <text x={0} y={bar + 4} className="ww-chart__label">
              {r.label}
              {r.flagged ? " ⚠" : ""}
            </text>
            <rect x={labelWidth} y={0} width={scale(r.first)} height={bar} className="ww-chart__committed" />
            <text x={labelWidth + scale(r.first) + 6} y={bar - 2} className="ww-chart__label">
              {pct(r.first)}
            </text>
            <rect x={labelWidth} y={bar + 2} width={scale(r.second)} height={bar} className="ww-chart__budget" />
            <text x={labelWidth + scale(r.second) + 6} y={bar * 2} className="ww-chart__label">
              {pct(r.second)}
            </text>
          </g>
        ))}
        <g transform={`translate(${labelWidth} ${props.rows.length * group + 8})`}>
          <rect width={14} height={14} className="ww-chart__committed" />
          <text x={20} y={12} className="ww-chart__label">
            {props.firstLabel}
          </text>
          <rect x={260} width={14} height={14} className="ww-chart__budget" />
          <text x={280} y={12} className="ww-chart__label">
            {props.secondLabel}
          </text>
        </g>
      </svg>
      <figcaption className="kern-body kern-body--small">{props.title}</figcaption>
    </figure>
  );
}
