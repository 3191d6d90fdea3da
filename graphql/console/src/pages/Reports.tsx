// Reports by period: the city's joint report or a carrier's, counted from the event
// history as recorded by a stated cut-off (the same period and cut-off give the same
// figures), as tables and as CSV to download (commas, or semicolons for German
// spreadsheet programs). A carrier's caseworker gets its own carrier's report; small
// cells of carrier reports show as "<3".
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient, useMutation, useQuery } from "urql";

import { ActionForm } from "../components/ActionForm";

import { DataTable } from "../components/DataTable";
import { Button, InputField, SelectField } from "../components/Form";
import { today } from "../api";
import { graphql } from "../gql";
import { formatDate } from "../i18n";
import { useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const ScopesQuery = graphql(`
  query ReportScopes {
    viewer { organisation { id name } }
    carriers { id name }
  }
`);
const ReportQuery = graphql(`
  query ReportPage($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {
    programmeReport(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) {
      from to cutOff releasedAt scopeName carrierLevel csv csvSemicolon
      sections { key title figures { key label display suppressed } }
    }
  }
`);

const PdfQuery = graphql(`
  query ReportPdf($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {
    programmeReportPdf(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) { fileName base64 }
  }
`);

const ReleasedQuery = graphql(`
  query ReleasedReports {
    releasedReports { id from to cutOff releasedAt }
  }
`);
const Release = graphql(`
  mutation ReleaseJointReport($from: Date!, $to: Date!, $cutOff: DateTime!) {
    releaseJointReport(from: $from, to: $to, cutOff: $cutOff) { id }
  }
`);
const REFRESH_RELEASES = { additionalTypenames: ["ReportRelease"] };

type Asked = { from: string; to: string; organisationId: string | null; cutOff?: string };

function download(parts: BlobPart[], type: string, name: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function Reports() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const carrier = viewer.roles.includes("CARRIER_CASEWORKER") && !viewer.roles.some((r) => r === "CITY_CASEWORKER" || r === "CITY_COORDINATOR");
  const [{ data: scopes }] = useQuery({ query: ScopesQuery });
  const [asked, setAsked] = useState<Asked | null>(null);
  const year = new Date().getFullYear();
  const options = carrier
    ? (scopes?.viewer.organisation ? [{ value: scopes.viewer.organisation.id, label: scopes.viewer.organisation.name }] : [])
    : [{ value: "", label: t("reports.joint") }, ...(scopes?.carriers ?? []).map((c) => ({ value: c.id, label: c.name }))];
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("reports.title")}</h1>
      <p className="kern-body">{t("reports.intro")}</p>
      <form
        className="kern-form ww-stack"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setAsked({ from: String(f.get("from") ?? ""), to: String(f.get("to") ?? ""), organisationId: String(f.get("scope") ?? "") || null });
        }}
      >
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t("reports.ask")}</legend>
          <div className="kern-fieldset__body">
            <InputField field="from" label={t("reports.from")} name="from" type="date" defaultValue={`${year}-01-01`} required />
            <InputField field="to" label={t("reports.to")} name="to" type="date" defaultValue={today()} required />
            <SelectField field="organisationId" label={t("reports.scope")} name="scope" options={options} />
          </div>
        </fieldset>
        <Button type="submit">{t("reports.show")}</Button>
      </form>
      <Released onOpen={setAsked} />
      {asked && <ReportView key={JSON.stringify(asked)} asked={asked} />}
    </div>
  );
}

/** The joint reports the city released to its carriers, to open as released. */
function Released({ onOpen }: { onOpen: (a: Asked) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data }] = useQuery({ query: ReleasedQuery, context: REFRESH_RELEASES });
  if (!data || data.releasedReports.length === 0) return null;
  return (
    <DataTable
      caption={t("reports.released")}
      captionVisible
      rows={data.releasedReports}
      rowKey={(r) => r.id}
      columns={[
        { header: t("reports.period"), rowHeader: true, cell: (r) => `${formatDate(r.from, lang)} – ${formatDate(r.to, lang)}` },
        { header: t("reports.cutOffHeader"), cell: (r) => new Date(r.cutOff).toLocaleString(lang === "en" ? "en-GB" : "de-DE") },
        {
          header: t("reports.open"),
          cell: (r) => (
            <Button kind="tertiary" type="button" onClick={() => onOpen({ from: r.from, to: r.to, organisationId: null, cutOff: r.cutOff })}>
              {t("reports.openButton", { from: formatDate(r.from, lang), to: formatDate(r.to, lang) })}
            </Button>
          ),
        },
      ]}
    />
  );
}

function ReportView({ asked }: { asked: Asked }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const viewer = useViewer();
  const [, release] = useMutation(Release);
  // The cut-off is fixed when the report is asked for, so reloading it repeats it.
  const [cutOff] = useState(() => asked.cutOff ?? new Date().toISOString());
  const client = useClient();
  const [pdfBusy, setPdfBusy] = useState(false);
  const [pdfError, setPdfError] = useState<Parameters<typeof ErrorNote>[0]["error"] | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: ReportQuery,
    variables: { from: asked.from, to: asked.to, organisationId: asked.organisationId, cutOff },
  });
  if (error) return <ErrorNote error={error} />;
  if (fetching || !data) return <p className="kern-body">{t("app.loading")}</p>;
  const r = data.programmeReport;
  const savePdf = async () => {
    setPdfBusy(true);
    setPdfError(null);
    const p = await client
      .query(PdfQuery, { from: asked.from, to: asked.to, organisationId: asked.organisationId, cutOff }, { requestPolicy: "network-only" })
      .toPromise();
    setPdfBusy(false);
    if (p.error || !p.data) {
      if (p.error) setPdfError(p.error);
      return;
    }
    const raw = atob(p.data.programmeReportPdf.base64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    download([bytes], "application/pdf", p.data.programmeReportPdf.fileName);
  };
  const file = `Bericht-${r.scopeName.replace(/[^A-Za-z0-9ÄÖÜäöüß-]+/g, "_")}-${r.from}-${r.to}`;
  return (
    <section aria-labelledby="ww-report" className="ww-stack">
      <h2 className="kern-heading-medium" id="ww-report">
        {t("reports.heading", { scope: r.scopeName, from: formatDate(r.from, lang), to: formatDate(r.to, lang) })}
      </h2>
      <p className="kern-body">
        {t("reports.cutOff", { at: new Date(r.cutOff).toLocaleString(lang === "en" ? "en-GB" : "de-DE") })}
        {r.carrierLevel && ` ${t("reports.small")}`}
      </p>
      {r.releasedAt && (
        <p className="kern-body">
          {t("reports.releasedAt", { at: new Date(r.releasedAt).toLocaleString(lang === "en" ? "en-GB" : "de-DE") })}
        </p>
      )}
      <div className="ww-actions">
        <Button kind="secondary" type="button" disabled={pdfBusy} onClick={() => void savePdf()}>
          {pdfBusy ? t("app.loading") : t("reports.pdf")}
        </Button>
        {/* A byte-order mark lets spreadsheet programs read the umlauts as UTF-8. */}
        <Button kind="secondary" type="button" onClick={() => download(["\uFEFF", r.csvSemicolon], "text/csv;charset=utf-8", `${file}.csv`)}>
          {t("reports.csvSemicolon")}
        </Button>
        <Button kind="tertiary" type="button" onClick={() => download(["\uFEFF", r.csv], "text/csv;charset=utf-8", `${file}-rfc4180.csv`)}>
          {t("reports.csv")}
        </Button>
      </div>
      {pdfError && <ErrorNote error={pdfError} />}
      {!r.carrierLevel && viewer.roles.includes("CITY_COORDINATOR") && !asked.cutOff && (
        <ActionForm
          legend={t("reports.release")}
          submit={t("reports.releaseButton")}
          kind="secondary"
          run={() => release({ from: r.from, to: r.to, cutOff: r.cutOff }, REFRESH_RELEASES)}
        >
          {() => <p className="kern-body">{t("reports.releaseHint")}</p>}
        </ActionForm>
      )}
      {r.sections.map((s) => (
        <DataTable
          key={s.key}
          caption={s.title}
          captionVisible
          rows={s.figures}
          rowKey={(f) => f.key}
          columns={[
            { header: t("reports.figure"), rowHeader: true, cell: (f) => f.label },
            { header: t("reports.value"), numeric: true, cell: (f) => f.display },
          ]}
        />
      ))}
    </section>
  );
}
