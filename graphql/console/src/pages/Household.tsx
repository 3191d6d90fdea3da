import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { NotFound } from "../components/NotFound";
import { Disclosure } from "../components/Disclosure";
import { HouseholdCourses } from "../components/HouseholdCourses";
import { Checkbox, CheckboxGroup, InputField, SelectField } from "../components/Form";
import { REFRESH_ON, errorCode, today } from "../api";
import { graphql } from "../gql";
import type {
  AccessPurpose, Barrier, CaseState, ConsentScope, CounsellingTopic, FollowUpOutcome, Rating, ReadinessLevel, StepOwner,
  TenancyRisk,
} from "../gql/graphql";
import { formatDate, formatEuros } from "../i18n";
import { PURPOSES } from "../purposes";
import { may, useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const HouseholdQuery = graphql(`
  query ConsoleHousehold($id: ID!) {
    household(id: $id) {
      id reference state stateSince nextStates size readiness readinessOn version languages notes
      wbsValidUntil needsStepFree expectedToJoin preferredDistricts tenancyCoaching erased
      currentAccommodation { name district since }
      carrier { id name }
      members { id givenName familyName relation dateOfBirth }
      stateHistory { id fromState toState reason effectiveOn }
      readinessHistory { id assessedOn overall rentPayment householdManagement neighbourhood tenancyLanguage notes }
      consents { id scope givenOn withdrawnOn version }
      carrierHistory { id status reason proposedAt decidedAt }
      counsellingSessions { id heldOn participants topics barriers notes nextSteps }
      goals { id title overdueSteps steps { id description owner dueOn doneOn overdue } }
      followUps { id months dueOn outcome risk recordedOn overdue version }
      tenancyCoachings { id startedOn endedOn outcome reasons }
    }
    matches(first: 50, filter: { householdId: $id }) {
      nodes { id offerId status viewingOn leaseSignedOn moveInOn }
    }
    guarantees(first: 50, householdId: $id) {
      nodes { id kind amount status decidedOn }
    }
  }
`);

const ResidenceQuery = graphql(`
  query ConsoleHouseholdResidence($id: ID!, $purpose: AccessPurpose!) {
    household(id: $id, purpose: $purpose) {
      id
      members { id nationality residenceStatus permitExpiresOn benefitFramework benefitChangesOn }
    }
  }
`);

const Transition = graphql(`
  mutation ConsoleTransition($id: ID!, $version: Int!, $to: CaseState!, $reason: String!, $effectiveOn: Date) {
    transitionCase(householdId: $id, version: $version, to: $to, reason: $reason, effectiveOn: $effectiveOn) {
      id state stateSince nextStates version
      stateHistory { id fromState toState reason effectiveOn }
    }
  }
`);

const Readiness = graphql(`
  mutation ConsoleReadiness($id: ID!, $input: ReadinessInput!) {
    recordReadinessAssessment(householdId: $id, input: $input) { id assessedOn overall }
  }
`);

const Counselling = graphql(`
  mutation ConsoleCounselling($id: ID!, $input: CounsellingInput!) {
    recordCounsellingSession(householdId: $id, input: $input) { id heldOn }
  }
`);

const AddGoal = graphql(`
  mutation ConsoleAddGoal($id: ID!, $input: GoalInput!) {
    addGoal(householdId: $id, input: $input) { id title }
  }
`);

const ExportPerson = graphql(`
  mutation ConsoleExportPerson($personId: ID!) {
    exportPersonData(personId: $personId, purpose: DATA_SUBJECT_REQUEST)
  }
`);

const Erase = graphql(`
  mutation ConsoleEraseHousehold($id: ID!, $version: Int!) {
    eraseHousehold(id: $id, version: $version) { id erased state version }
  }
`);

const CarriersQuery = graphql(`
  query ConsoleCarriers { carriers { id name } }
`);

const AssignCarrier = graphql(`
  mutation ConsoleAssignCarrier($id: ID!, $version: Int!, $organisationId: ID!) {
    assignCarrier(householdId: $id, version: $version, organisationId: $organisationId) {
      id version carrier { id name }
      carrierHistory { id status reason proposedAt decidedAt }
    }
  }
`);

const ProposeTransfer = graphql(`
  mutation ConsoleProposeTransfer($id: ID!, $organisationId: ID!, $reason: String!) {
    proposeTransfer(householdId: $id, organisationId: $organisationId, reason: $reason) { id status householdId }
  }
`);

const FollowUpMutation = graphql(`
  mutation ConsoleRecordFollowUp($id: ID!, $version: Int!, $input: FollowUpInput!) {
    recordFollowUp(id: $id, version: $version, input: $input) { id outcome risk recordedOn version }
  }
`);

const RecordConsent = graphql(`
  mutation ConsoleRecordConsent($id: ID!, $input: ConsentInput!) {
    recordConsent(householdId: $id, input: $input) { id scope givenOn withdrawnOn version }
  }
`);

const WithdrawConsent = graphql(`
  mutation ConsoleWithdrawConsent($id: ID!, $version: Int!, $withdrawnOn: Date) {
    withdrawConsent(id: $id, version: $version, withdrawnOn: $withdrawnOn) { id withdrawnOn version }
  }
`);

const OUTCOMES: FollowUpOutcome[] = ["STABLE", "AT_RISK", "LOST", "RETURNED_TO_SHELTER", "CANCELLED"];
const RISKS: TenancyRisk[] = ["ARREARS", "CONFLICT", "OTHER"];
const SCOPES: ConsentScope[] = ["SHARE_WITH_CARRIER", "SHARE_WITH_LANDLORDS", "EVALUATION"];

const RATINGS: Rating[] = ["NOT_MET", "PARTLY", "MET"];
const LEVELS: ReadinessLevel[] = ["NOT_READY", "READY_WITH_SUPPORT", "READY"];
const TOPICS: CounsellingTopic[] = [
  "FLAT_SEARCH", "TENANCY_RIGHTS", "DOCUMENTS", "BUDGET", "BENEFITS", "HOUSEHOLD_MANAGEMENT", "LANGUAGE", "WORK", "HEALTH", "FAMILY", "OTHER",
];
const BARRIERS: Barrier[] = [
  "DEBTS", "MISSING_DOCUMENTS", "LANGUAGE", "HEALTH", "MENTAL_HEALTH", "ACCESSIBILITY", "CHILDCARE", "DISCRIMINATION", "FEAR_OF_ISOLATION", "FEAR_OF_COSTS", "OTHER",
];
const OWNERS: StepOwner[] = ["HOUSEHOLD", "CASEWORKER", "CARRIER", "CITY", "OTHER"];
const DIMENSIONS = ["rentPayment", "householdManagement", "neighbourhood", "tenancyLanguage"] as const;

export default function HouseholdPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const lang = i18n.language;
  const date = (d: string | null | undefined) => (d ? formatDate(d, lang) : "–");
  const [{ data, fetching, error }] = useQuery({
    query: HouseholdQuery,
    variables: { id },
    context: REFRESH_ON.casework,
  });
  const back = (
    <Link href="/households" className="kern-link">
      {t("households.back")}
    </Link>
  );
  if (error && ["NOT_FOUND", "BAD_USER_INPUT"].includes(errorCode(error))) {
    return <NotFound title={t("households.title")} text={t("households.notFound")} back={back} />;
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return fetching ? <p className="kern-body">{t("app.loading")}</p> : null;
  const h = data.household;
  const sections = [
    ["overview", t("household.overview")],
    ["members", t("households.members")],
    ["case", t("household.case")],
    ["readiness", t("household.readiness")],
    ["counselling", t("household.counselling")],
    ["housing", t("household.housing")],
    ["aftercare", t("household.aftercare")],
    ["consents", t("household.consents")],
    ["courses", t("courses.householdSection")],
    ...(may(viewer, "cityStaff") ? ([["privacy", t("household.privacy")]] as const) : []),
  ] as const;
  return (
    <div className="ww-stack">
      {back}
      <h1 className="kern-heading-large">{h.reference}</h1>
      <nav aria-label={t("household.sections")}>
        <ul className="ww-inline-list">
          {sections.map(([k, label]) => (
            <li key={k}>
              <a className="kern-link" href={`#ww-${k}`}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="ww-overview" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-overview">
          {t("household.overview")}
        </h2>
        <dl className="kern-body ww-facts">
          <dt className="kern-label">{t("households.state")}</dt>
          <dd>
            {t(`state.${h.state}`)} ({date(h.stateSince)})
          </dd>
          <dt className="kern-label">{t("households.readiness")}</dt>
          <dd>
            {t(`readiness.${h.readiness ?? "none"}`)}
            {h.readinessOn && ` (${date(h.readinessOn)})`}
          </dd>
          <dt className="kern-label">{t("households.carrier")}</dt>
          <dd>{h.carrier?.name ?? "–"}</dd>
          <dt className="kern-label">{t("households.size")}</dt>
          <dd>
            {h.size}
            {h.expectedToJoin > 0 && ` ${t("household.expected", { count: h.expectedToJoin })}`}
          </dd>
          <dt className="kern-label">{t("household.livesIn")}</dt>
          <dd>
            {h.currentAccommodation
              ? `${h.currentAccommodation.name}, ${h.currentAccommodation.district} (${t("household.since", { date: date(h.currentAccommodation.since) })})`
              : "–"}
          </dd>
          <dt className="kern-label">{t("household.languages")}</dt>
          <dd>{h.languages.join(", ") || "–"}</dd>
          <dt className="kern-label">{t("household.districts")}</dt>
          <dd>{h.preferredDistricts.join(", ") || "–"}</dd>
          <dt className="kern-label">{t("household.wbs")}</dt>
          <dd>{date(h.wbsValidUntil)}</dd>
          <dt className="kern-label">{t("household.stepFree")}</dt>
          <dd>{h.needsStepFree ? t("common.yes") : t("common.no")}</dd>
        </dl>
        {h.notes && <p className="kern-body">{h.notes}</p>}
      </section>

      <section aria-labelledby="ww-members" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-members">
          {t("households.members")}
        </h2>
        <Members id={h.id} members={h.members} />
      </section>

      <section aria-labelledby="ww-case" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-case">
          {t("household.case")}
        </h2>
        <DataTable
          caption={t("household.history")}
          captionVisible
          rows={h.stateHistory}
          rowKey={(x) => x.id}
          columns={[
            { header: t("household.effectiveOn"), rowHeader: true, cell: (x) => date(x.effectiveOn) },
            { header: t("household.from"), cell: (x) => (x.fromState ? t(`state.${x.fromState}`) : "–") },
            { header: t("household.to"), cell: (x) => t(`state.${x.toState}`) },
            { header: t("household.reason"), cell: (x) => x.reason },
          ]}
        />
        {h.nextStates.length > 0 && (
          <Disclosure summary={t("household.transition")}>
            <TransitionForm id={h.id} version={h.version} next={h.nextStates} />
          </Disclosure>
        )}
        <CarrierForms id={h.id} version={h.version} carrier={h.carrier ?? null} />
        {h.carrierHistory.length > 0 && (
          <DataTable
            caption={t("household.carrierHistory")}
            captionVisible
            rows={h.carrierHistory}
            rowKey={(x) => x.id}
            columns={[
              { header: t("household.proposedAt"), rowHeader: true, cell: (x) => date(x.proposedAt.slice(0, 10)) },
              { header: t("household.assignment"), cell: (x) => t(`assignment.${x.status}`) },
              { header: t("household.reason"), cell: (x) => x.reason ?? "–" },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="ww-readiness" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-readiness">
          {t("household.readiness")}
        </h2>
        {h.readinessHistory.length === 0 ? (
          <p className="kern-body">{t("household.noneYet")}</p>
        ) : (
          <DataTable
            caption={t("household.readiness")}
            rows={h.readinessHistory}
            rowKey={(x) => x.id}
            columns={[
              { header: t("household.assessedOn"), rowHeader: true, cell: (x) => date(x.assessedOn) },
              ...DIMENSIONS.map((d) => ({ header: t(`dimension.${d}`), cell: (x: (typeof h.readinessHistory)[number]) => t(`rating.${x[d]}`) })),
              { header: t("household.overall"), cell: (x) => t(`readiness.${x.overall}`) },
            ]}
          />
        )}
        <Disclosure summary={t("household.newAssessment")}>
          <ReadinessForm id={h.id} />
        </Disclosure>
      </section>

      <section aria-labelledby="ww-counselling" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-counselling">
          {t("household.counselling")}
        </h2>
        {h.counsellingSessions.length === 0 ? (
          <p className="kern-body">{t("household.noneYet")}</p>
        ) : (
          <DataTable
            caption={t("household.counselling")}
            rows={h.counsellingSessions}
            rowKey={(x) => x.id}
            columns={[
              { header: t("household.heldOn"), rowHeader: true, cell: (x) => date(x.heldOn) },
              { header: t("household.participants"), cell: (x) => x.participants },
              { header: t("household.topics"), cell: (x) => x.topics.map((k) => t(`topic.${k}`)).join(", ") },
              { header: t("household.barriers"), cell: (x) => x.barriers.map((k) => t(`barrier.${k}`)).join(", ") || "–" },
              { header: t("household.nextSteps"), cell: (x) => x.nextSteps ?? "–" },
            ]}
          />
        )}
        <Disclosure summary={t("household.newSession")}>
          <CounsellingForm id={h.id} />
        </Disclosure>
        <h3 className="kern-heading-small">{t("household.goals")}</h3>
        {h.goals.length === 0 && <p className="kern-body">{t("household.noneYet")}</p>}
        {h.goals.map((g) => (
          <DataTable
            key={g.id}
            caption={g.overdueSteps > 0 ? `${g.title} (${t("household.overdueSteps", { count: g.overdueSteps })})` : g.title}
            captionVisible
            rows={g.steps}
            rowKey={(s) => s.id}
            columns={[
              { header: t("household.step"), rowHeader: true, cell: (s) => s.description },
              { header: t("household.owner"), cell: (s) => t(`owner.${s.owner}`) },
              { header: t("household.dueOn"), cell: (s) => `${date(s.dueOn)}${s.overdue ? ` – ${t("worklist.overdue")}` : ""}` },
              { header: t("household.doneOn"), cell: (s) => date(s.doneOn) },
            ]}
          />
        ))}
        <Disclosure summary={t("household.newGoal")}>
          <GoalForm id={h.id} />
        </Disclosure>
      </section>

      <section aria-labelledby="ww-housing" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-housing">
          {t("household.housing")}
        </h2>
        {data.matches.nodes.length === 0 ? (
          <p className="kern-body">{t("matches.none")}</p>
        ) : (
          <DataTable
            caption={t("matches.title")}
            captionVisible
            rows={data.matches.nodes}
            rowKey={(m) => m.id}
            columns={[
              {
                header: t("household.offer"),
                rowHeader: true,
                cell: (m) => (
                  <Link href={`/offers/${m.offerId}`} className="kern-link">
                    {t("household.toOffer")}
                  </Link>
                ),
              },
              { header: t("offers.status"), cell: (m) => t(`matchStatus.${m.status}`) },
              { header: t("matches.viewingOn"), cell: (m) => date(m.viewingOn) },
              { header: t("matches.leaseSignedOn"), cell: (m) => date(m.leaseSignedOn) },
              { header: t("matches.moveInOn"), cell: (m) => date(m.moveInOn) },
            ]}
          />
        )}
        {data.guarantees.nodes.length > 0 && (
          <DataTable
            caption={t("household.guarantees")}
            captionVisible
            rows={data.guarantees.nodes}
            rowKey={(g) => g.id}
            columns={[
              { header: t("matches.guaranteeKind"), rowHeader: true, cell: (g) => t(`guaranteeKind.${g.kind}`) },
              { header: t("matches.amount"), numeric: true, cell: (g) => formatEuros(g.amount, lang) },
              { header: t("offers.status"), cell: (g) => t(`guaranteeStatus.${g.status}`) },
              { header: t("matches.decidedOn"), cell: (g) => date(g.decidedOn) },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="ww-aftercare" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-aftercare">
          {t("household.aftercare")}
        </h2>
        {h.followUps.length === 0 ? (
          <p className="kern-body">{t("household.noFollowUps")}</p>
        ) : (
          <DataTable
            caption={t("household.followUps")}
            captionVisible
            rows={h.followUps}
            rowKey={(f) => f.id}
            columns={[
              { header: t("household.afterMonths"), rowHeader: true, cell: (f) => t("household.months", { count: f.months }) },
              { header: t("household.dueOn"), cell: (f) => `${date(f.dueOn)}${f.overdue ? ` – ${t("worklist.overdue")}` : ""}` },
              { header: t("household.outcome"), cell: (f) => (f.outcome ? t(`followUp.${f.outcome}`) : t("household.open")) },
              { header: t("household.recordedOn"), cell: (f) => date(f.recordedOn) },
            ]}
          />
        )}
        {h.followUps
          .filter((f) => !f.outcome)
          .slice(0, 1)
          .map((f) => (
            <Disclosure key={f.id} summary={t("household.recordFollowUp", { count: f.months })}>
              <FollowUpForm id={f.id} version={f.version} months={f.months} />
            </Disclosure>
          ))}
        {h.tenancyCoachings.length > 0 && (
          <DataTable
            caption={t("household.coaching")}
            captionVisible
            rows={h.tenancyCoachings}
            rowKey={(c) => c.id}
            columns={[
              { header: t("household.startedOn"), rowHeader: true, cell: (c) => date(c.startedOn) },
              { header: t("household.endedOn"), cell: (c) => date(c.endedOn) },
              { header: t("household.coachingReasons"), cell: (c) => c.reasons.map((r) => t(`coachingReason.${r}`)).join(", ") },
              { header: t("household.outcome"), cell: (c) => (c.outcome ? t(`coachingOutcome.${c.outcome}`) : t("household.open")) },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="ww-consents" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-consents">
          {t("household.consents")}
        </h2>
        {h.consents.length === 0 ? (
          <p className="kern-body">{t("household.noneYet")}</p>
        ) : (
          <DataTable
            caption={t("household.consents")}
            rows={h.consents}
            rowKey={(c) => c.id}
            columns={[
              { header: t("household.scope"), rowHeader: true, cell: (c) => t(`consent.${c.scope}`) },
              { header: t("household.givenOn"), cell: (c) => date(c.givenOn) },
              { header: t("household.withdrawnOn"), cell: (c) => date(c.withdrawnOn) },
              {
                header: <span className="kern-sr-only">{t("household.withdraw")}</span>,
                cell: (c) => (c.withdrawnOn ? null : <WithdrawButton id={c.id} version={c.version} scope={c.scope} />),
              },
            ]}
          />
        )}
        <Disclosure summary={t("household.newConsent")}>
          <ConsentForm id={h.id} />
        </Disclosure>
      </section>

      <section aria-labelledby="ww-courses" className="ww-stack">
        <h2 className="kern-heading-medium" id="ww-courses">
          {t("courses.householdSection")}
        </h2>
        <HouseholdCourses householdId={h.id} members={h.members} languages={h.languages} />
      </section>

      {may(viewer, "cityStaff") && (
        <section aria-labelledby="ww-privacy" className="ww-stack">
          <h2 className="kern-heading-medium" id="ww-privacy">
            {t("household.privacy")}
          </h2>
          <Privacy id={h.id} version={h.version} state={h.state} erased={h.erased} reference={h.reference} members={h.members} />
        </section>
      )}
    </div>
  );
}

/** Data-subject requests: a member's data as a JSON download (Art. 15, recorded with
 *  its purpose), and erasing a closed case (Art. 17) after a confirmation. */
function Privacy(props: { id: string; version: number; state: CaseState; erased: boolean; reference: string; members: Member[] }) {
  const { t } = useTranslation();
  const [exported, exportPerson] = useMutation(ExportPerson);
  const [, erase] = useMutation(Erase);
  const download = async (m: Member) => {
    const r = await exportPerson({ personId: m.id });
    if (r.error || r.data === undefined) return;
    const blob = new Blob([JSON.stringify(r.data.exportPersonData, null, 2)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `auskunft-${props.reference}-${m.givenName}-${m.familyName}.json`.replace(/[^\p{L}\p{N}.-]+/gu, "_");
    a.click();
    URL.revokeObjectURL(a.href);
  };
  if (props.erased) return <p className="kern-body">{t("household.erased")}</p>;
  return (
    <>
      <p className="kern-body">{t("household.exportIntro")}</p>
      <ul className="kern-list">
        {props.members.map((m) => (
          <li key={m.id}>
            <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" disabled={exported.fetching} onClick={() => void download(m)}>
              <span className="kern-label">{t("household.export", { name: `${m.givenName} ${m.familyName}` })}</span>
            </button>
          </li>
        ))}
      </ul>
      {exported.error && <ErrorNote error={exported.error} />}
      {props.state === "CLOSED" ? (
        <Disclosure summary={t("household.erase")}>
          <ActionForm
            legend={t("household.erase")}
            submit={t("household.eraseSubmit")}
            kind="secondary"
            confirm={t("household.eraseConfirm", { reference: props.reference })}
            run={() => erase({ id: props.id, version: props.version })}
          />
        </Disclosure>
      ) : (
        <p className="kern-body">{t("household.eraseOnlyClosed")}</p>
      )}
    </>
  );
}

type Member = { id: string; givenName: string; familyName: string; relation: string; dateOfBirth?: string | null };

/** Members; their residence and benefit data only after naming a purpose (audited). */
function Members({ id, members }: { id: string; members: Member[] }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null | undefined) => (d ? formatDate(d, i18n.language) : "–");
  const [purpose, setPurpose] = useState<AccessPurpose | null>(null);
  const [residence] = useQuery({
    query: ResidenceQuery,
    variables: { id, purpose: purpose ?? "CASE_WORK" },
    pause: purpose === null,
    requestPolicy: "network-only",
  });
  const more = new Map((residence.data?.household.members ?? []).map((m) => [m.id, m]));
  const shown = purpose !== null && residence.data !== undefined;
  return (
    <>
      <DataTable
        caption={t("households.members")}
        rows={members}
        rowKey={(m) => m.id}
        columns={[
          { header: t("household.name"), rowHeader: true, cell: (m) => `${m.givenName} ${m.familyName}` },
          { header: t("household.relation"), cell: (m) => t(`relation.${m.relation}`) },
          { header: t("household.born"), cell: (m) => date(m.dateOfBirth) },
          ...(shown
            ? [
                { header: t("household.nationality"), cell: (m: Member) => more.get(m.id)?.nationality ?? "–" },
                {
                  header: t("household.residence"),
                  cell: (m: Member) => {
                    const r = more.get(m.id);
                    return r ? `${t(`residence.${r.residenceStatus}`)}${r.permitExpiresOn ? ` (${t("household.until", { date: date(r.permitExpiresOn) })})` : ""}` : "–";
                  },
                },
                {
                  header: t("household.benefit"),
                  cell: (m: Member) => {
                    const r = more.get(m.id);
                    return r ? `${t(`benefit.${r.benefitFramework}`)}${r.benefitChangesOn ? ` (${t("household.changesOn", { date: date(r.benefitChangesOn) })})` : ""}` : "–";
                  },
                },
              ]
            : []),
        ]}
      />
      {residence.error && <ErrorNote error={residence.error} />}
      {!shown && (
        <form
          className="ww-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setPurpose(String(new FormData(e.currentTarget).get("purpose")) as AccessPurpose);
          }}
        >
          <SelectField
            field="purpose"
            label={t("household.purpose")}
            hint={t("household.purposeHint")}
            name="purpose"
            options={PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
          />
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t("household.reveal")}</span>
          </button>
        </form>
      )}
    </>
  );
}

function TransitionForm({ id, version, next }: { id: string; version: number; next: readonly CaseState[] }) {
  const { t } = useTranslation();
  const [, run] = useMutation(Transition);
  return (
    <ActionForm
      legend={t("household.transition")}
      submit={t("household.transitionSubmit")}
      reset
      run={(v) => run({ id, version, to: (v.to ?? next[0]) as CaseState, reason: v.reason ?? "", effectiveOn: v.effectiveOn ?? null })}
    >
      {(error) => (
        <>
          <SelectField field="to" error={error} label={t("household.to")} name="to" options={next.map((s) => ({ value: s, label: t(`state.${s}`) }))} />
          <InputField field="reason" error={error} label={t("household.reason")} name="reason" required />
          <InputField field="effectiveOn" error={error} label={t("household.effectiveOn")} name="effectiveOn" type="date" defaultValue={today()} />
        </>
      )}
    </ActionForm>
  );
}

function ReadinessForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [, run] = useMutation(Readiness);
  return (
    <ActionForm
      legend={t("household.newAssessment")}
      submit={t("household.saveAssessment")}
      reset
      run={(v) =>
        run({
          id,
          input: {
            assessedOn: v.assessedOn ?? "",
            rentPayment: (v.rentPayment ?? "PARTLY") as Rating,
            householdManagement: (v.householdManagement ?? "PARTLY") as Rating,
            neighbourhood: (v.neighbourhood ?? "PARTLY") as Rating,
            tenancyLanguage: (v.tenancyLanguage ?? "PARTLY") as Rating,
            idDocument: v.idDocument === "on",
            incomeProof: v.incomeProof === "on",
            schufa: v.schufa === "on",
            overall: (v.overall ?? "READY_WITH_SUPPORT") as ReadinessLevel,
            notes: v.notes ?? null,
          },
        })
      }
    >
      {(error) => (
        <>
          <InputField field="input.assessedOn" error={error} label={t("household.assessedOn")} name="assessedOn" type="date" required defaultValue={today()} />
          {DIMENSIONS.map((d) => (
            <SelectField
              key={d}
              field={`input.${d}`}
              error={error}
              label={t(`dimension.${d}`)}
              name={d}
              defaultValue="PARTLY"
              options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))}
            />
          ))}
          <Checkbox label={t("household.idDocument")} name="idDocument" />
          <Checkbox label={t("household.incomeProof")} name="incomeProof" />
          <Checkbox label={t("household.schufa")} name="schufa" />
          <SelectField
            field="input.overall"
            error={error}
            label={t("household.overall")}
            name="overall"
            defaultValue="READY_WITH_SUPPORT"
            options={LEVELS.map((l) => ({ value: l, label: t(`readiness.${l}`) }))}
          />
          <InputField field="input.notes" error={error} label={t("household.notes")} name="notes" />
        </>
      )}
    </ActionForm>
  );
}

function CounsellingForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [, run] = useMutation(Counselling);
  return (
    <ActionForm
      legend={t("household.newSession")}
      submit={t("household.saveSession")}
      reset
      run={(v, all) =>
        run({
          id,
          input: {
            heldOn: v.heldOn ?? "",
            participants: v.participants ?? "",
            topics: all.getAll("topics").map(String) as CounsellingTopic[],
            barriers: all.getAll("barriers").map(String) as Barrier[],
            notes: v.notes ?? null,
            nextSteps: v.nextSteps ?? null,
          },
        })
      }
    >
      {(error) => (
        <>
          <InputField field="input.heldOn" error={error} label={t("household.heldOn")} name="heldOn" type="date" required defaultValue={today()} />
          <InputField field="input.participants" error={error} label={t("household.participants")} name="participants" required />
          <CheckboxGroup field="input.topics" error={error} legend={t("household.topics")} name="topics" options={TOPICS.map((k) => ({ value: k, label: t(`topic.${k}`) }))} />
          <CheckboxGroup field="input.barriers" error={error} legend={t("household.barriers")} name="barriers" options={BARRIERS.map((k) => ({ value: k, label: t(`barrier.${k}`) }))} />
          <InputField field="input.notes" error={error} label={t("household.notes")} name="notes" />
          <InputField field="input.nextSteps" error={error} label={t("household.nextSteps")} name="nextSteps" />
        </>
      )}
    </ActionForm>
  );
}

function GoalForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [, run] = useMutation(AddGoal);
  return (
    <ActionForm
      legend={t("household.newGoal")}
      submit={t("household.saveGoal")}
      reset
      run={(v) =>
        run({
          id,
          input: {
            title: v.title ?? "",
            steps: v.step ? [{ description: v.step, owner: (v.owner ?? "HOUSEHOLD") as StepOwner, dueOn: v.dueOn ?? "" }] : [],
          },
        })
      }
    >
      {(error) => (
        <>
          <InputField field="input.title" error={error} label={t("household.goalTitle")} name="title" required />
          <InputField field="input.steps.0.description" error={error} label={t("household.firstStep")} name="step" />
          <SelectField field="input.steps.0.owner" error={error} label={t("household.owner")} name="owner" options={OWNERS.map((o) => ({ value: o, label: t(`owner.${o}`) }))} />
          <InputField field="input.steps.0.dueOn" error={error} label={t("household.dueOn")} name="dueOn" type="date" defaultValue={today()} />
        </>
      )}
    </ActionForm>
  );
}

function FollowUpForm({ id, version, months }: { id: string; version: number; months: number }) {
  const { t } = useTranslation();
  const [, run] = useMutation(FollowUpMutation);
  return (
    <ActionForm
      legend={t("household.recordFollowUp", { count: months })}
      submit={t("household.saveFollowUp")}
      run={(v) =>
        run({
          id,
          version,
          input: {
            outcome: (v.outcome ?? "STABLE") as FollowUpOutcome,
            risk: v.risk ? (v.risk as TenancyRisk) : null,
            notes: v.notes ?? null,
            recordedOn: v.recordedOn ?? null,
          },
        })
      }
    >
      {(error) => (
        <>
          <SelectField field="input.outcome" error={error} label={t("household.outcome")} name="outcome" options={OUTCOMES.map((o) => ({ value: o, label: t(`followUp.${o}`) }))} />
          <SelectField
            field="input.risk"
            error={error}
            label={t("household.risk")}
            name="risk"
            hint={t("household.riskHint")}
            options={[{ value: "", label: t("household.noRisk") }, ...RISKS.map((r) => ({ value: r, label: t(`risk.${r}`) }))]}
          />
          <InputField field="input.notes" error={error} label={t("household.notes")} name="notes" />
          <InputField field="input.recordedOn" error={error} label={t("household.recordedOn")} name="recordedOn" type="date" defaultValue={today()} />
        </>
      )}
    </ActionForm>
  );
}

function ConsentForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [, run] = useMutation(RecordConsent);
  return (
    <ActionForm
      legend={t("household.newConsent")}
      submit={t("household.saveConsent")}
      reset
      run={(v) =>
        run(
          { id, input: { scope: (v.scope ?? "EVALUATION") as ConsentScope, givenOn: v.givenOn ?? "", note: v.note ?? null } },
          { additionalTypenames: ["Consent"] },
        )
      }
    >
      {(error) => (
        <>
          <SelectField field="input.scope" error={error} label={t("household.scope")} name="scope" options={SCOPES.map((c) => ({ value: c, label: t(`consent.${c}`) }))} />
          <InputField field="input.givenOn" error={error} label={t("household.givenOn")} name="givenOn" type="date" required defaultValue={today()} />
          <InputField field="input.note" error={error} label={t("household.notes")} name="note" />
        </>
      )}
    </ActionForm>
  );
}

function WithdrawButton({ id, version, scope }: { id: string; version: number; scope: ConsentScope }) {
  const { t } = useTranslation();
  const [state, run] = useMutation(WithdrawConsent);
  return (
    <>
      <button
        type="button"
        className="kern-btn kern-btn--tertiary kern-btn--x-small"
        disabled={state.fetching}
        onClick={() => void run({ id, version, withdrawnOn: today() })}
      >
        <span className="kern-label">{t("household.withdrawScope", { scope: t(`consent.${scope}`) })}</span>
      </button>
      {state.error && <ErrorNote error={state.error} />}
    </>
  );
}

/** Assigning a carrier (city staff) or proposing a transfer to another one. */
function CarrierForms(props: { id: string; version: number; carrier: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [{ data }] = useQuery({ query: CarriersQuery });
  const [, assign] = useMutation(AssignCarrier);
  const [, propose] = useMutation(ProposeTransfer);
  const others = (data?.carriers ?? []).filter((c) => c.id !== props.carrier?.id);
  if (others.length === 0) return null;
  const options = others.map((c) => ({ value: c.id, label: c.name }));
  if (!props.carrier) {
    if (!may(viewer, "cityStaff")) return null;
    return (
      <Disclosure summary={t("household.assignCarrier")}>
        <ActionForm
          legend={t("household.assignCarrier")}
          submit={t("household.assign")}
          run={(v) => assign({ id: props.id, version: props.version, organisationId: v.organisationId ?? "" })}
        >
          {(e) => <SelectField field="organisationId" error={e} label={t("households.carrier")} name="organisationId" options={options} />}
        </ActionForm>
      </Disclosure>
    );
  }
  return (
    <Disclosure summary={t("household.proposeTransfer")}>
      <ActionForm
        legend={t("household.proposeTransfer")}
        submit={t("household.propose")}
        run={(v) =>
          propose(
            { id: props.id, organisationId: v.organisationId ?? "", reason: v.reason ?? "" },
            { additionalTypenames: ["CarrierAssignment", "Household"] },
          )
        }
      >
        {(e) => (
          <>
            <SelectField field="organisationId" error={e} label={t("household.toCarrier")} name="organisationId" options={options} />
            <InputField field="reason" error={e} label={t("household.reason")} name="reason" required />
          </>
        )}
      </ActionForm>
    </Disclosure>
  );
}
