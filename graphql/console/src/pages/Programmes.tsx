// The carriers' programmes: per programme its contract period, households in scope,
// filled and vacant full-time equivalents and caseload per filled FTE; its funding
// sources, positions and this year's targets against their pro-rata path (table and
// chart). City coordinators create programmes, add funding and positions, mark a
// position filled or vacant, and set targets; a carrier's caseworker sees its own.
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { Disclosure } from "../components/Disclosure";
import { CheckboxGroup, InputField, SelectField } from "../components/Form";
import { ShareChart } from "../components/ShareChart";
import { REFRESH_ON, today } from "../api";
import { graphql } from "../gql";
import type { FundingKind, ProgrammesPageQuery, TargetKind } from "../gql/graphql";
import { formatDate, formatEuros, formatNumber } from "../i18n";
import { may, useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const ProgrammesQuery = graphql(`
  query ProgrammesPage {
    programmes {
      id organisationId organisationName title startsOn endsOn caseloadLimit version
      funding { id kind name amount startsOn endsOn paysFor spent }
      positions { id title fte permanent endsOn fundingId filled since version }
      targets { year kind target actual expectedByNow behind }
      households filledFte vacantFte caseloadPerFte
    }
  }
`);
const OrganisationsQuery = graphql(`
  query ProgrammeOrganisations {
    viewer { organisation { id name } }
    carriers { id name }
  }
`);
const Create = graphql(`
  mutation ConsoleCreateProgramme($input: ProgrammeInput!) {
    createProgramme(input: $input) { id }
  }
`);
const AddFunding = graphql(`
  mutation ConsoleAddFunding($programmeId: ID!, $input: FundingInput!) {
    addFundingSource(programmeId: $programmeId, input: $input) { id funding { id } }
  }
`);
const AddPosition = graphql(`
  mutation ConsoleAddPosition($programmeId: ID!, $input: PositionInput!) {
    addPosition(programmeId: $programmeId, input: $input) { id positions { id } }
  }
`);
const Fill = graphql(`
  mutation ConsoleSetPositionFilled($positionId: ID!, $version: Int!, $filled: Boolean!, $since: Date!) {
    setPositionFilled(positionId: $positionId, version: $version, filled: $filled, since: $since) { id positions { id filled since version } }
  }
`);
const Spend = graphql(`
  mutation ConsoleRecordSpending($fundingId: ID!, $amount: Decimal!, $spentOn: Date!, $note: String!) {
    recordFundingSpending(fundingId: $fundingId, amount: $amount, spentOn: $spentOn, note: $note) { id funding { id spent } }
  }
`);
const SetTarget = graphql(`
  mutation ConsoleSetTarget($programmeId: ID!, $year: Int!, $kind: TargetKind!, $target: Int!) {
    setProgrammeTarget(programmeId: $programmeId, year: $year, kind: $kind, target: $target) { id targets { year kind target } }
  }
`);

type Programme = ProgrammesPageQuery["programmes"][number];

const FUNDING_KINDS: FundingKind[] = ["CITY_BUDGET", "KIM", "OTHER"];
const TARGET_KINDS: TargetKind[] = ["MOVE_OUTS", "COURSE_COMPLETIONS", "AFTERCARE_CONTACTS", "LANDLORDS_WON"];

export default function Programmes() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: ProgrammesQuery, context: REFRESH_ON.programmes });
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const coordinator = may(viewer, "approvals");
  return (
    <div className="ww-stack">
      <h1 className="kern-heading-large">{t("programmes.title")}</h1>
      <p className="kern-body">{t("programmes.intro")}</p>
      {data.programmes.length === 0 && <p className="kern-body">{t("programmes.none")}</p>}
      {data.programmes.length > 0 && (
        <nav aria-label={t("programmes.title")}>
          <ul className="ww-inline-list">
            {data.programmes.map((p) => (
              <li key={p.id}>
                <a className="kern-link" href={`#ww-programme-${p.id}`}>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {data.programmes.map((p) => (
        <ProgrammeCard key={p.id} p={p} coordinator={coordinator} />
      ))}
      {coordinator && (
        <Disclosure summary={t("programmes.create")}>
          <CreateForm />
        </Disclosure>
      )}
    </div>
  );
}

function ProgrammeCard({ p, coordinator }: { p: Programme; coordinator: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [, fill] = useMutation(Fill);
  const heading = `ww-programme-${p.id}`;
  const fte = (n: number) => formatNumber(n, lang);
  const fundingName = (id: string | null | undefined) => p.funding.find((f) => f.id === id)?.name ?? "–";
  const year = new Date().getFullYear();
  const thisYear = p.targets.filter((x) => x.year === year);
  return (
    <section className="ww-card ww-stack" aria-labelledby={heading}>
      <h2 className="kern-heading-medium" id={heading}>
        {p.title} – {p.organisationName}
      </h2>
      <dl className="kern-body ww-facts">
        <dt className="kern-label">{t("programmes.period")}</dt>
        <dd>
          {formatDate(p.startsOn, lang)} – {p.endsOn ? formatDate(p.endsOn, lang) : t("programmes.openEnded")}
        </dd>
        <dt className="kern-label">{t("programmes.households")}</dt>
        <dd>{p.households}</dd>
        <dt className="kern-label">{t("programmes.fte")}</dt>
        <dd>{t("programmes.fteText", { filled: fte(p.filledFte), vacant: fte(p.vacantFte) })}</dd>
        <dt className="kern-label">{t("programmes.caseload")}</dt>
        <dd>
          {p.caseloadPerFte == null ? "–" : formatNumber(Math.round(p.caseloadPerFte * 10) / 10, lang)}
          {p.caseloadLimit != null && ` (${t("programmes.limit", { limit: p.caseloadLimit })})`}
        </dd>
      </dl>

      {p.funding.length === 0 && <p className="kern-body">{t("programmes.noFunding")}</p>}
      {p.funding.length > 0 && <DataTable
        caption={t("programmes.fundingCaption", { title: p.title })}
        rows={p.funding}
        rowKey={(f) => f.id}
        columns={[
          { header: t("programmes.source"), rowHeader: true, cell: (f) => f.name },
          { header: t("programmes.kind"), cell: (f) => t(`fundingKind.${f.kind}`) },
          { header: t("programmes.amount"), numeric: true, cell: (f) => formatEuros(f.amount, lang) },
          { header: t("programmes.spent"), numeric: true, cell: (f) => formatEuros(f.spent, lang) },
          { header: t("programmes.period"), cell: (f) => `${formatDate(f.startsOn, lang)} – ${formatDate(f.endsOn, lang)}` },
          { header: t("programmes.paysFor"), cell: (f) => f.paysFor },
        ]}
      />}

      {p.positions.length === 0 && <p className="kern-body">{t("programmes.noPositions")}</p>}
      {p.positions.length > 0 && <DataTable
        caption={t("programmes.positionsCaption", { title: p.title })}
        rows={p.positions}
        rowKey={(x) => x.id}
        columns={[
          { header: t("programmes.position"), rowHeader: true, cell: (x) => x.title },
          { header: t("programmes.fteShort"), numeric: true, cell: (x) => fte(x.fte) },
          { header: t("programmes.term"), cell: (x) => (x.permanent ? t("programmes.permanent") : t("programmes.fixedTerm", { date: formatDate(x.endsOn ?? "", lang) })) },
          { header: t("programmes.fundedBy"), cell: (x) => fundingName(x.fundingId) },
          { header: t("programmes.status"), cell: (x) => t(x.filled ? "programmes.filledSince" : "programmes.vacantSince", { date: formatDate(x.since, lang) }) },
          ...(coordinator
            ? [
                {
                  header: t("programmes.change"),
                  cell: (x: Programme["positions"][number]) => (
                    <Disclosure summary={t("programmes.changeStaffing")}>
                    <ActionForm
                      legend={t(x.filled ? "programmes.markVacant" : "programmes.markFilled", { title: x.title })}
                      submit={t(x.filled ? "programmes.markVacantButton" : "programmes.markFilledButton")}
                      kind="secondary"
                      run={(v) => fill({ positionId: x.id, version: x.version, filled: !x.filled, since: v.since ?? "" }, REFRESH_ON.programmes)}
                    >
                      {(e) => <InputField field="since" error={e} label={t("programmes.since")} name="since" type="date" defaultValue={today()} required />}
                    </ActionForm>
                    </Disclosure>
                  ),
                },
              ]
            : []),
        ]}
      />}

      {p.targets.length === 0 && <p className="kern-body">{t("programmes.noTargets")}</p>}
      {p.targets.length > 0 && <DataTable
        caption={t("programmes.targetsCaption", { title: p.title })}
        rows={p.targets}
        rowKey={(x) => `${x.year}-${x.kind}`}
        columns={[
          { header: t("programmes.target"), rowHeader: true, cell: (x) => `${t(`targetKind.${x.kind}`)} ${x.year}` },
          { header: t("programmes.goal"), numeric: true, cell: (x) => x.target },
          { header: t("programmes.actual"), numeric: true, cell: (x) => x.actual ?? "–" },
          { header: t("programmes.expected"), numeric: true, cell: (x) => (x.actual == null ? "–" : x.expectedByNow) },
          { header: t("programmes.standing"), cell: (x) => (x.actual == null ? "–" : t(x.behind ? "programmes.behind" : "programmes.onTrack")) },
        ]}
      />}
      {thisYear.length > 0 && (
        <ShareChart
          title={t("programmes.chartTitle", { title: p.title, year })}
          rows={thisYear.map((x) => ({
            key: x.kind,
            label: t(`targetKind.${x.kind}`),
            first: x.target > 0 ? (x.actual ?? 0) / x.target : 0,
            second: x.target > 0 ? x.expectedByNow / x.target : 0,
            flagged: x.behind,
          }))}
          firstLabel={t("programmes.actualShare")}
          secondLabel={t("programmes.expectedShare")}
          lang={lang}
          alt={(r) => t("programmes.chartAlt", { label: r.label, first: Math.round(r.first * 100), second: Math.round(r.second * 100) })}
        />
      )}

      {coordinator && (
        <div className="ww-stack">
          <Disclosure summary={t("programmes.addFunding")}>
            <FundingForm programmeId={p.id} />
          </Disclosure>
          {p.funding.length > 0 && (
            <Disclosure summary={t("programmes.recordSpending")}>
              <SpendingForm p={p} />
            </Disclosure>
          )}
          <Disclosure summary={t("programmes.addPosition")}>
            <PositionForm p={p} />
          </Disclosure>
          <Disclosure summary={t("programmes.setTarget")}>
            <TargetForm programmeId={p.id} />
          </Disclosure>
        </div>
      )}
    </section>
  );
}

function CreateForm() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: OrganisationsQuery });
  const [, create] = useMutation(Create);
  const orgs = [...(data?.viewer.organisation ? [data.viewer.organisation] : []), ...(data?.carriers ?? [])];
  return (
    <ActionForm
      legend={t("programmes.create")}
      submit={t("programmes.createButton")}
      reset
      run={(v) =>
        create(
          {
            input: {
              organisationId: v.organisationId ?? "",
              title: v.title ?? "",
              startsOn: v.startsOn ?? "",
              endsOn: v.endsOn || null,
              caseloadLimit: v.caseloadLimit ? Number(v.caseloadLimit) : null,
            },
          },
          REFRESH_ON.programmes,
        )
      }
    >
      {(e) => (
        <>
          <SelectField field="input.organisationId" error={e} label={t("programmes.organisation")} name="organisationId" options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          <InputField field="input.title" error={e} label={t("programmes.titleField")} name="title" required />
          <InputField field="input.startsOn" error={e} label={t("programmes.startsOn")} name="startsOn" type="date" required />
          <InputField field="input.endsOn" error={e} label={t("programmes.endsOn")} name="endsOn" type="date" hint={t("programmes.endsOnHint")} />
          <InputField field="input.caseloadLimit" error={e} label={t("programmes.caseloadLimit")} name="caseloadLimit" type="number" hint={t("programmes.caseloadLimitHint")} />
        </>
      )}
    </ActionForm>
  );
}

function FundingForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddFunding);
  return (
    <ActionForm
      legend={t("programmes.addFunding")}
      submit={t("programmes.add")}
      reset
      run={(v) =>
        add(
          {
            programmeId,
            input: {
              kind: (v.kind ?? "CITY_BUDGET") as FundingKind,
              name: v.name ?? "",
              amount: v.amount ?? "",
              startsOn: v.startsOn ?? "",
              endsOn: v.endsOn ?? "",
              paysFor: v.paysFor ?? "",
            },
          },
          REFRESH_ON.programmes,
        )
      }
    >
      {(e) => (
        <>
          <SelectField field="input.kind" error={e} label={t("programmes.kind")} name="kind" options={FUNDING_KINDS.map((k) => ({ value: k, label: t(`fundingKind.${k}`) }))} />
          <InputField field="input.name" error={e} label={t("programmes.source")} name="name" required />
          <InputField field="input.amount" error={e} label={t("programmes.amountEuros")} name="amount" required />
          <InputField field="input.startsOn" error={e} label={t("programmes.startsOn")} name="startsOn" type="date" required />
          <InputField field="input.endsOn" error={e} label={t("programmes.lastDay")} name="endsOn" type="date" required />
          <InputField field="input.paysFor" error={e} label={t("programmes.paysFor")} name="paysFor" required />
        </>
      )}
    </ActionForm>
  );
}

function SpendingForm({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const [, spend] = useMutation(Spend);
  return (
    <ActionForm
      legend={t("programmes.recordSpending")}
      submit={t("programmes.book")}
      reset
      run={(v) => spend({ fundingId: v.fundingId ?? "", amount: v.amount ?? "", spentOn: v.spentOn ?? "", note: v.note ?? "" }, REFRESH_ON.programmes)}
    >
      {(e) => (
        <>
          <SelectField field="fundingId" error={e} label={t("programmes.source")} name="fundingId" options={p.funding.map((f) => ({ value: f.id, label: f.name }))} />
          <InputField field="amount" error={e} label={t("programmes.amountEuros")} name="amount" required />
          <InputField field="spentOn" error={e} label={t("programmes.spentOn")} name="spentOn" type="date" defaultValue={today()} required />
          <InputField field="note" error={e} label={t("programmes.note")} name="note" required />
        </>
      )}
    </ActionForm>
  );
}

function PositionForm({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const [, add] = useMutation(AddPosition);
  return (
    <ActionForm
      legend={t("programmes.addPosition")}
      submit={t("programmes.add")}
      reset
      run={(v) =>
        add(
          {
            programmeId: p.id,
            input: {
              title: v.title ?? "",
              fte: Number((v.fte ?? "").replace(",", ".")),
              permanent: v.term !== "fixed",
              endsOn: v.term === "fixed" ? v.endsOn || null : null,
              fundingId: v.fundingId || null,
              filled: v.filled === "on",
              since: v.since ?? "",
            },
          },
          REFRESH_ON.programmes,
        )
      }
    >
      {(e) => (
        <>
          <InputField field="input.title" error={e} label={t("programmes.position")} name="title" hint={t("programmes.positionHint")} required />
          <InputField field="input.fte" error={e} label={t("programmes.fteShort")} name="fte" defaultValue="1" required />
          <SelectField
            field="input.permanent"
            error={e}
            label={t("programmes.term")}
            name="term"
            options={[
              { value: "permanent", label: t("programmes.permanent") },
              { value: "fixed", label: t("programmes.fixedTermPlain") },
            ]}
          />
          <InputField field="input.endsOn" error={e} label={t("programmes.fixedTermEnds")} name="endsOn" type="date" hint={t("programmes.fixedTermEndsHint")} />
          <SelectField field="input.fundingId" error={e} label={t("programmes.fundedBy")} name="fundingId" options={[{ value: "", label: "–" }, ...p.funding.map((f) => ({ value: f.id, label: f.name }))]} />
          <CheckboxGroup field="input.filled" error={e} legend={t("programmes.status")} name="filled" options={[{ value: "on", label: t("programmes.filled") }]} />
          <InputField field="input.since" error={e} label={t("programmes.since")} name="since" type="date" defaultValue={today()} required />
        </>
      )}
    </ActionForm>
  );
}

function TargetForm({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [, set] = useMutation(SetTarget);
  return (
    <ActionForm
      legend={t("programmes.setTarget")}
      submit={t("programmes.setTargetButton")}
      run={(v) =>
        set({ programmeId, year: Number(v.year ?? 0), kind: (v.kind ?? "MOVE_OUTS") as TargetKind, target: Number(v.target ?? -1) }, REFRESH_ON.programmes)
      }
    >
      {(e) => (
        <>
          <InputField field="year" error={e} label={t("programmes.year")} name="year" type="number" defaultValue={String(new Date().getFullYear())} required />
          <SelectField field="kind" error={e} label={t("programmes.target")} name="kind" options={TARGET_KINDS.map((k) => ({ value: k, label: t(`targetKind.${k}`) }))} />
          <InputField field="target" error={e} label={t("programmes.goal")} name="target" type="number" required />
        </>
      )}
    </ActionForm>
  );
}
