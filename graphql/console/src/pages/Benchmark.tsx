// Cities side by side (state officers and city staff): one measure at a time over
// eight quarters, as a line chart per city and a bar chart of the latest quarter —
// each an image with its values as text — and the same figures as a table, where a
// withheld figure shows "—" with its reason. Every figure passed disclosure control on
// the server; the page only draws what it got. CSV and chart-ready JSON to download.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";

import { DataTable } from "../components/DataTable";
import { Button } from "../components/Form";
import { graphql } from "../gql";
import type { WithheldReason } from "../gql/graphql";
import { ErrorNote } from "./ErrorNote";

const BenchmarkQuery = graphql(`
  query Benchmark {
    benchmark(quarters: 8) {
      quarters threshold programme csv csvSemicolon chartJson
      measures {
        measure { code label labelEn kind numerator denominator period exclusions }
        cities { city own points { quarter value of percent median p75 ratio withheld display } }
      }
    }
  }
`);

function download(parts: BlobPart[], type: string, name: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

type Point = { quarter: string; value?: number | null; percent?: number | null; median?: number | null; ratio?: number | null; withheld?: WithheldReason | null; display: string };
type City = { city: string; own: boolean; points: Point[] };

/** What the charts draw for a point: a count, a share in per cent, median days, or households per position. */
function charted(kind: string, p: Point): number | null {
  if (p.withheld) return null;
  if (kind === "SHARE") return p.percent ?? null;
  if (kind === "DAYS") return p.median ?? null;
  if (kind === "PER_FTE") return p.ratio ?? null;
  return p.value ?? null;
}

const MARK: Record<WithheldReason, string> = { SMALL: "¹", PENDING: "²", SMALL_NUMERATOR: "³" };

// Dash patterns tell the cities apart without colour.
const DASHES = ["", "6 4", "2 3", "10 3 2 3", "1 5"];

function Lines({ title, quarters, cities, kind }: { title: string; quarters: string[]; cities: City[]; kind: string }) {
  const { t } = useTranslation();
  const width = 640;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const values = cities.flatMap((c) => c.points.map((p) => charted(kind, p)).filter((v): v is number => v !== null));
  const max = Math.max(1, ...values);
  const x = (i: number) => left + ((width - left - 20) * i) / Math.max(1, quarters.length - 1);
  const y = (v: number) => height - bottom - ((height - bottom - 20) * v) / max;
  const alt = cities
    .map((c) => `${c.city}: ${c.points.map((p) => `${p.quarter} ${p.withheld ? t("benchmark.withheldShort") : (charted(kind, p) ?? "–")}`).join(", ")}`)
    .join(". ");
  return (
    <figure className="ww-chart">
      <svg role="img" aria-label={`${title}. ${alt}`} viewBox={`0 0 ${width} ${height}`} width="100%">
        <line x1={left} y1={height - bottom} x2={width - 10} y2={height - bottom} stroke="#1a1a1a" />
        <text x={4} y={24} className="ww-chart__label">
          {max}
        </text>
        {quarters.map((q, i) => (
          <text key={q} x={x(i)} y={height - 10} textAnchor="middle" className="ww-chart__label">
            {q.replace(/^20/, "")}
          </text>
        ))}
        {cities.map((c, ci) => {
          // Withheld points break the line: no figure is drawn where none was published.
          const segments: string[][] = [[]];
          c.points.forEach((p, i) => {
            const v = charted(kind, p);
            if (v === null) segments.push([]);
            else segments[segments.length - 1].push(`${x(i)},${y(v)}`);
          });
          return (
            <g key={c.city}>
              {segments
                .filter((s) => s.length > 0)
                .map((s, si) =>
                  s.length === 1 ? (
                    <circle key={si} cx={s[0].split(",")[0]} cy={s[0].split(",")[1]} r={4} fill="#1d4f91" />
                  ) : (
                    <polyline key={si} points={s.join(" ")} fill="none" stroke="#1d4f91" strokeWidth={c.own ? 3 : 2} strokeDasharray={DASHES[ci % DASHES.length]} />
                  ),
                )}
            </g>
          );
        })}
      </svg>
      <figcaption className="kern-body kern-body--small">
        {title} {t("benchmark.legend")}{" "}
        {cities.map((c, ci) => (
          <span key={c.city} className="ww-legend">
            <svg aria-hidden="true" width="28" height="10">
              <line x1="0" y1="5" x2="28" y2="5" stroke="#1d4f91" strokeWidth={c.own ? 3 : 2} strokeDasharray={DASHES[ci % DASHES.length]} />
            </svg>{" "}
            {c.city}
            {c.own ? ` (${t("benchmark.own")})` : ""}{" "}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function Bars({ title, cities, kind }: { title: string; cities: City[]; kind: string }) {
  const { t } = useTranslation();
  const width = 640;
  const row = 28;
  const left = 200;
  const latest = cities.map((c) => ({ city: c.city, point: c.points[c.points.length - 1] }));
  const max = Math.max(1, ...latest.map((l) => charted(kind, l.point) ?? 0));
  const height = row * latest.length + 10;
  return (
    <figure className="ww-chart">
      <svg
        role="img"
        aria-label={`${title}. ${latest.map((l) => `${l.city}: ${l.point.withheld ? t("benchmark.withheldShort") : l.point.display}`).join(". ")}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        {latest.map((l, i) => {
          const v = charted(kind, l.point);
          const w = v === null ? 0 : ((width - left - 120) * v) / max;
          return (
            <g key={l.city}>
              <text x={0} y={i * row + 19} className="ww-chart__label">
                {l.city.length > 24 ? `${l.city.slice(0, 23)}…` : l.city}
              </text>
              <rect x={left} y={i * row + 6} width={w} height={18} className="ww-chart__committed" />
              <text x={left + w + 6} y={i * row + 19} className="ww-chart__label">
                {v === null ? "—" : v}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="kern-body kern-body--small">{title}</figcaption>
    </figure>
  );
}

export default function Benchmark() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [{ data, error }] = useQuery({ query: BenchmarkQuery });
  const [code, setCode] = useState<string | null>(null);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const b = data.benchmark;
  const chosen = b.measures.find((m) => m.measure.code === code) ?? b.measures[0];
  const label = (m: (typeof b.measures)[number]) => (en ? m.measure.labelEn : m.measure.label);
  const latest = b.quarters[b.quarters.length - 1];
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("benchmark.title")}</h1>
      <p className="kern-body">{b.programme ? t("benchmark.introOfficer", { programme: b.programme }) : t("benchmark.introCity")}</p>
      <p className="kern-body">{t("benchmark.disclosure", { threshold: b.threshold })}</p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="ww-measure">
          {t("benchmark.measure")}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select id="ww-measure" className="kern-form-input__select" value={chosen?.measure.code} onChange={(e) => setCode(e.target.value)}>
            {b.measures.map((m) => (
              <option key={m.measure.code} value={m.measure.code}>
                {label(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="ww-actions">
        <Button kind="secondary" type="button" onClick={() => download(["\uFEFF", b.csvSemicolon], "text/csv;charset=utf-8", "Staedtevergleich.csv")}>
          {t("benchmark.csvSemicolon")}
        </Button>
        <Button kind="tertiary" type="button" onClick={() => download(["\uFEFF", b.csv], "text/csv;charset=utf-8", "Staedtevergleich-rfc4180.csv")}>
          {t("benchmark.csv")}
        </Button>
        <Button kind="tertiary" type="button" onClick={() => download([b.chartJson], "application/json", "Staedtevergleich.json")}>
          {t("benchmark.json")}
        </Button>
      </div>
      {chosen && (
        <section aria-labelledby="ww-bench-measure" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-bench-measure">
            {label(chosen)}
          </h2>
          <dl className="ww-facts">
            <dt className="kern-label">{t("benchmark.numerator")}</dt>
            <dd>{chosen.measure.numerator}</dd>
            <dt className="kern-label">{t("benchmark.denominator")}</dt>
            <dd>{chosen.measure.denominator}</dd>
            <dt className="kern-label">{t("benchmark.period")}</dt>
            <dd>{chosen.measure.period}</dd>
            <dt className="kern-label">{t("benchmark.exclusions")}</dt>
            <dd>{chosen.measure.exclusions}</dd>
          </dl>
          {chosen.cities.length === 0 ? (
            <p className="kern-body">{t("benchmark.noCities")}</p>
          ) : (
            <>
              <Lines title={t("benchmark.linesTitle", { measure: label(chosen) })} quarters={b.quarters} cities={chosen.cities} kind={chosen.measure.kind} />
              <Bars title={t("benchmark.barsTitle", { measure: label(chosen), quarter: latest })} cities={chosen.cities} kind={chosen.measure.kind} />
              <DataTable
                caption={t("benchmark.table", { measure: label(chosen) })}
                captionVisible
                rows={chosen.cities}
                rowKey={(c) => c.city}
                columns={[
                  { header: t("benchmark.city"), rowHeader: true, cell: (c) => (c.own ? `${c.city} (${t("benchmark.own")})` : c.city) },
                  ...b.quarters.map((q, i) => ({
                    header: q,
                    numeric: true,
                    cell: (c: City) => {
                      const p = c.points[i];
                      return p.withheld ? (
                        <span>
                          —<span className="kern-sr-only"> {t(`benchmark.withheld.${p.withheld}`)}</span>
                          <sup aria-hidden="true">{MARK[p.withheld]}</sup>
                        </span>
                      ) : (
                        p.display
                      );
                    },
                  })),
                ]}
              />
              <p className="kern-body kern-body--small">
                ¹ {t("benchmark.withheld.SMALL")} · ² {t("benchmark.withheld.PENDING")} · ³ {t("benchmark.withheld.SMALL_NUMERATOR")}
              </p>
            </>
          )}
        </section>
      )}
    </div>
  );
}
