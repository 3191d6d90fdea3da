import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";

import { ActionForm } from "../components/ActionForm";
import { DataTable } from "../components/DataTable";
import { NotFound } from "../components/NotFound";
import { InputField, SelectField } from "../components/Form";
import { REFRESH_ON, errorCode, today } from "../api";
import { graphql } from "../gql";
import type { DeclineReason, MatchStatus } from "../gql/graphql";
import { formatDate, formatEuros, formatNumber } from "../i18n";
import { useReferences } from "../references";
import { may, useViewer } from "../viewer";
import { ErrorNote } from "./ErrorNote";

const OfferQuery = graphql(`
  query ConsoleOffer($id: ID!) {
    offer(id: $id) {
      id street postalCode district rooms livingSpace coldRent serviceCharges heating grossColdRent deposit
      availableFrom wbsRequired stepFree lift floor maxPersons petsAllowed notes channel status statusOn version
      landlordName landlordContact
    }
  }
`);

const OfferMatchesQuery = graphql(`
  query ConsoleOfferMatches($offerId: ID!) {
    matches(first: 50, filter: { offerId: $offerId }) {
      nodes {
        id householdId status score viewingOn declineReason declinedBy leaseSignedOn moveInOn
        benefitOffice benefitOfficeOn version
      }
    }
  }
`);

const RankingQuery = graphql(`
  query ConsoleRanking($offerId: ID!) {
    rankHouseholdsForOffer(offerId: $offerId, first: 20, includeExcluded: true) {
      householdId reference size score eligible
      explanation { rules { rule passed detail } parts { part points detail } }
    }
  }
`);

const MatchGuaranteesQuery = graphql(`
  query ConsoleMatchGuarantees($householdId: ID!) {
    guarantees(first: 50, householdId: $householdId) {
      nodes { id kind amount status matchId decidedOn decisionReason }
    }
  }
`);

const Propose = graphql(`
  mutation ConsoleProposeMatch($offerId: ID!, $householdId: ID!) {
    proposeMatch(offerId: $offerId, householdId: $householdId) { id status version }
  }
`);
const Viewing = graphql(`
  mutation ConsoleScheduleViewing($id: ID!, $version: Int!, $on: Date!) {
    scheduleViewing(id: $id, version: $version, on: $on) { id status viewingOn version }
  }
`);
const Accepted = graphql(`
  mutation ConsoleLandlordAccepted($id: ID!, $version: Int!) {
    recordLandlordAcceptance(id: $id, version: $version) { id status version }
  }
`);
const BenefitOffice = graphql(`
  mutation ConsoleBenefitOffice($id: ID!, $version: Int!, $decision: BenefitOfficeDecision!, $decidedOn: Date!, $reason: String) {
    recordBenefitOfficeDecision(id: $id, version: $version, decision: $decision, decidedOn: $decidedOn, reason: $reason) {
      id benefitOffice benefitOfficeOn version
    }
  }
`);
const Decline = graphql(`
  mutation ConsoleDeclineMatch($id: ID!, $version: Int!, $reason: DeclineReason!, $text: String) {
    declineMatch(id: $id, version: $version, reason: $reason, text: $text) { id status declineReason version }
  }
`);
const Lease = graphql(`
  mutation ConsoleSignLease($id: ID!, $version: Int!, $signedOn: Date!, $moveInOn: Date!) {
    signLease(id: $id, version: $version, signedOn: $signedOn, moveInOn: $moveInOn) {
      id status leaseSignedOn moveInOn version
    }
  }
`);
const RequestGuarantee = graphql(`
  mutation ConsoleRequestGuarantee($householdId: ID!, $input: GuaranteeInput!) {
    requestGuarantee(householdId: $householdId, input: $input) { id kind amount status matchId }
  }
`);

const DECLINE_REASONS: DeclineReason[] = [
  "HOUSEHOLD_REFUSED_AREA", "HOUSEHOLD_REFUSED_FLAT", "HOUSEHOLD_UNREACHABLE", "LANDLORD_CHOSE_OTHER",
  "INCOME_DOCUMENTS_MISSING", "BENEFIT_OFFICE_REFUSED", "LANDLORD_NO_REASON", "OTHER",
];
const LIVE: MatchStatus[] = ["PROPOSED", "VIEWING_SCHEDULED", "LANDLORD_ACCEPTED"];

export default function OfferPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({ query: OfferQuery, variables: { id } });
  const back = (
    <Link href="/offers" className="kern-link">
      {t("offers.back")}
    </Link>
  );
  if (error && ["NOT_FOUND", "BAD_USER_INPUT"].includes(errorCode(error))) {
    return <NotFound title={t("offers.title")} text={t("offers.notFound")} back={back} />;
  }
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p className="kern-body">{t("app.loading")}</p>;
  const o = data.offer;
  const yes = (b: boolean | null | undefined) => (b == null ? "–" : b ? t("common.yes") : t("common.no"));
  return (
    <div className="ww-stack">
      {back}
      <h1 className="kern-heading-large">
        {o.street}, {o.postalCode} {o.district}
      </h1>
      <p className="kern-body">
        {t(`offerStatus.${o.status}`)} ({formatDate(o.statusOn, lang)}) · {o.landlordName ?? "–"}
        {o.landlordContact && ` · ${o.landlordContact}`}
      </p>
      <dl className="kern-body ww-facts">
        <dt className="kern-label">{t("offers.rooms")}</dt>
        <dd>{formatNumber(o.rooms, lang)}</dd>
        <dt className="kern-label">{t("offers.space")}</dt>
        <dd>{formatNumber(o.livingSpace, lang)} m²</dd>
        <dt className="kern-label">{t("offers.coldRent")}</dt>
        <dd>{formatEuros(o.coldRent, lang)}</dd>
        <dt className="kern-label">{t("offers.serviceCharges")}</dt>
        <dd>{formatEuros(o.serviceCharges, lang)}</dd>
        <dt className="kern-label">{t("offers.heating")}</dt>
        <dd>{formatEuros(o.heating, lang)}</dd>
        <dt className="kern-label">{t("offers.grossColdRent")}</dt>
        <dd>{formatEuros(o.grossColdRent, lang)}</dd>
        <dt className="kern-label">{t("offers.deposit")}</dt>
        <dd>{formatEuros(o.deposit, lang)}</dd>
        <dt className="kern-label">{t("offers.availableFrom")}</dt>
        <dd>{formatDate(o.availableFrom, lang)}</dd>
        <dt className="kern-label">{t("offers.floor")}</dt>
        <dd>{o.floor}</dd>
        <dt className="kern-label">{t("offers.wbsRequired")}</dt>
        <dd>{yes(o.wbsRequired)}</dd>
        <dt className="kern-label">{t("offers.stepFree")}</dt>
        <dd>{yes(o.stepFree)}</dd>
        <dt className="kern-label">{t("offers.lift")}</dt>
        <dd>{yes(o.lift)}</dd>
        <dt className="kern-label">{t("offers.maxPersons")}</dt>
        <dd>{o.maxPersons ?? "–"}</dd>
        <dt className="kern-label">{t("offers.pets")}</dt>
        <dd>{yes(o.petsAllowed)}</dd>
        <dt className="kern-label">{t("offers.channel")}</dt>
        <dd>{o.channel ? t(`offers.channels.${o.channel}`) : t("offers.channelNone")}</dd>
      </dl>
      {o.notes && <p className="kern-body">{o.notes}</p>}
      <Matches offerId={o.id} deposit={o.deposit} />
      {o.status === "OPEN" && <Ranking offerId={o.id} />}
    </div>
  );
}

function Matches({ offerId, deposit }: { offerId: string; deposit: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: OfferMatchesQuery, variables: { offerId }, context: REFRESH_ON.match });
  const reference = useReferences(data?.matches.nodes.map((m) => m.householdId) ?? []);
  return (
    <section aria-labelledby="ww-matches" className="ww-stack">
      <h2 className="kern-heading-medium" id="ww-matches">
        {t("matches.title")}
      </h2>
      {error && <ErrorNote error={error} />}
      {data && data.matches.nodes.length === 0 && <p className="kern-body">{t("matches.none")}</p>}
      {data?.matches.nodes.map((m) => (
        <MatchPanel key={m.id} match={m} reference={reference(m.householdId)} deposit={deposit} />
      ))}
    </section>
  );
}

type MatchRow = {
  id: string;
  householdId: string;
  status: MatchStatus;
  score: number;
  viewingOn?: string | null;
  declineReason?: string | null;
  leaseSignedOn?: string | null;
  moveInOn?: string | null;
  benefitOffice?: string | null;
  benefitOfficeOn?: string | null;
  version: number;
};

function MatchPanel({ match: m, reference, deposit }: { match: MatchRow; reference: string; deposit: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const viewer = useViewer();
  const [, viewing] = useMutation(Viewing);
  const [, accepted] = useMutation(Accepted);
  const [, benefit] = useMutation(BenefitOffice);
  const [, decline] = useMutation(Decline);
  const [, lease] = useMutation(Lease);
  const [, request] = useMutation(RequestGuarantee);
  const [g] = useQuery({
    query: MatchGuaranteesQuery,
    variables: { householdId: m.householdId },
    context: REFRESH_ON.guarantee,
  });
  const guarantees = (g.data?.guarantees.nodes ?? []).filter((x) => x.matchId === m.id);
  const headingId = `ww-match-${m.id}`;
  const live = LIVE.includes(m.status);
  return (
    <article className="ww-card ww-stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        <Link href={`/households/${m.householdId}`} className="kern-link">
          {reference}
        </Link>{" "}
        – {t(`matchStatus.${m.status}`)}
      </h3>
      <dl className="kern-body ww-facts">
        <dt className="kern-label">{t("matches.score")}</dt>
        <dd>{formatNumber(m.score, lang)}</dd>
        <dt className="kern-label">{t("matches.viewingOn")}</dt>
        <dd>{m.viewingOn ? formatDate(m.viewingOn, lang) : "–"}</dd>
        <dt className="kern-label">{t("matches.benefitOffice")}</dt>
        <dd>
          {m.benefitOffice ? `${t(`benefitOffice.${m.benefitOffice}`)} (${formatDate(m.benefitOfficeOn ?? "", lang)})` : "–"}
        </dd>
        {m.leaseSignedOn && (
          <>
            <dt className="kern-label">{t("matches.leaseSignedOn")}</dt>
            <dd>{formatDate(m.leaseSignedOn, lang)}</dd>
            <dt className="kern-label">{t("matches.moveInOn")}</dt>
            <dd>{m.moveInOn ? formatDate(m.moveInOn, lang) : "–"}</dd>
          </>
        )}
        {m.declineReason && (
          <>
            <dt className="kern-label">{t("matches.declineReason")}</dt>
            <dd>{t(`declineReason.${m.declineReason}`)}</dd>
          </>
        )}
        {guarantees.map((x) => (
          <Fragment key={x.id}>
            <dt className="kern-label">{t(`guaranteeKind.${x.kind}`)}</dt>
            <dd>
              {formatEuros(x.amount, lang)} – {t(`guaranteeStatus.${x.status}`)}
              {x.decidedOn && ` (${formatDate(x.decidedOn, lang)})`}
            </dd>
          </Fragment>
        ))}
      </dl>
      {live && (
        <div className="ww-actions">
          {(m.status === "PROPOSED" || m.status === "VIEWING_SCHEDULED") && (
            <ActionForm
              legend={t("matches.scheduleViewing")}
              submit={t("matches.saveViewing")}
              run={(v) => viewing({ id: m.id, version: m.version, on: v.on ?? "" })}
            >
              {(error) => (
                <InputField field="on" error={error} label={t("matches.viewingDate")} name="on" type="date" required defaultValue={m.viewingOn ?? today()} />
              )}
            </ActionForm>
          )}
          {m.status === "VIEWING_SCHEDULED" && (
            <ActionForm
              legend={t("matches.landlordAccepts")}
              submit={t("matches.recordAcceptance")}
              run={() => accepted({ id: m.id, version: m.version })}
            />
          )}
          {m.status === "LANDLORD_ACCEPTED" && may(viewer, "cityStaff") && (
            <ActionForm
              legend={t("matches.benefitOfficeDecision")}
              submit={t("matches.saveDecision")}
              kind="secondary"
              run={(v) =>
                benefit({
                  id: m.id,
                  version: m.version,
                  decision: v.decision === "REFUSED" ? "REFUSED" : "ACCEPTED",
                  decidedOn: v.decidedOn ?? "",
                  reason: v.reason ?? null,
                })
              }
            >
              {(error) => (
                <>
                  <SelectField
                    field="decision"
                    error={error}
                    label={t("matches.decision")}
                    name="decision"
                    options={(["ACCEPTED", "REFUSED"] as const).map((d) => ({ value: d, label: t(`benefitOffice.${d}`) }))}
                  />
                  <InputField field="decidedOn" error={error} label={t("matches.decidedOn")} name="decidedOn" type="date" required defaultValue={today()} />
                  <InputField field="reason" error={error} label={t("matches.reason")} name="reason" />
                </>
              )}
            </ActionForm>
          )}
          {m.status === "LANDLORD_ACCEPTED" && (
            <ActionForm
              legend={t("matches.requestDeposit")}
              submit={t("matches.sendRequest")}
              kind="secondary"
              run={(v) =>
                request({
                  householdId: m.householdId,
                  input: {
                    kind: (v.kind as "DEPOSIT") ?? "DEPOSIT",
                    amount: v.amount ?? "",
                    justification: v.justification ?? "",
                    matchId: m.id,
                  },
                })
              }
            >
              {(error) => (
                <>
                  <SelectField
                    field="input.kind"
                    error={error}
                    label={t("matches.guaranteeKind")}
                    name="kind"
                    options={(["DEPOSIT", "RENT_ASSUMPTION", "SECURITY_GUARANTEE", "RELEASE"] as const).map((k) => ({
                      value: k,
                      label: t(`guaranteeKind.${k}`),
                    }))}
                  />
                  <InputField field="input.amount" error={error} label={t("matches.amount")} name="amount" type="text" required defaultValue={deposit} hint={t("matches.amountHint")} />
                  <InputField field="input.justification" error={error} label={t("matches.justification")} name="justification" required />
                </>
              )}
            </ActionForm>
          )}
          {m.status === "LANDLORD_ACCEPTED" && may(viewer, "cityStaff") && (
            <ActionForm
              legend={t("matches.lease")}
              submit={t("matches.signLease")}
              run={(v) => lease({ id: m.id, version: m.version, signedOn: v.signedOn ?? "", moveInOn: v.moveInOn ?? "" })}
            >
              {(error) => (
                <>
                  <InputField field="signedOn" error={error} label={t("matches.leaseSignedOn")} name="signedOn" type="date" required defaultValue={today()} />
                  <InputField field="moveInOn" error={error} label={t("matches.moveInOn")} name="moveInOn" type="date" required defaultValue={today()} />
                </>
              )}
            </ActionForm>
          )}
          <ActionForm
            legend={t("matches.decline")}
            submit={t("matches.declineSubmit")}
            kind="secondary"
            run={(v) => decline({ id: m.id, version: m.version, reason: (v.reason ?? "OTHER") as DeclineReason, text: v.text ?? null })}
          >
            {(error) => (
              <>
                <SelectField
                  field="reason"
                  error={error}
                  label={t("matches.declineReason")}
                  name="reason"
                  options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`declineReason.${r}`) }))}
                />
                <InputField field="text" error={error} label={t("matches.declineText")} name="text" />
              </>
            )}
          </ActionForm>
        </div>
      )}
    </article>
  );
}

function Ranking({ offerId }: { offerId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [{ data, error }] = useQuery({
    query: RankingQuery,
    variables: { offerId },
    context: REFRESH_ON.match,
  });
  const [proposal, propose] = useMutation(Propose);
  return (
    <section aria-labelledby="ww-ranking" className="ww-stack">
      <h2 className="kern-heading-medium" id="ww-ranking">
        {t("ranking.title")}
      </h2>
      <p className="kern-body">{t("ranking.intro")}</p>
      {error && <ErrorNote error={error} />}
      {proposal.error && <ErrorNote error={proposal.error} />}
      {data && data.rankHouseholdsForOffer.length === 0 && <p className="kern-body">{t("ranking.none")}</p>}
      {data && data.rankHouseholdsForOffer.length > 0 && (
        <DataTable
          caption={t("ranking.title")}
          rows={data.rankHouseholdsForOffer}
          rowKey={(r) => r.householdId}
          columns={[
            {
              header: t("households.reference"),
              rowHeader: true,
              cell: (r) => (
                <Link href={`/households/${r.householdId}`} className="kern-link">
                  {r.reference}
                </Link>
              ),
            },
            { header: t("households.size"), numeric: true, cell: (r) => r.size },
            { header: t("ranking.score"), numeric: true, cell: (r) => (r.score == null ? "–" : formatNumber(r.score, lang)) },
            { header: t("ranking.eligible"), cell: (r) => (r.eligible ? t("common.yes") : t("common.no")) },
            {
              header: t("ranking.why"),
              cell: (r) => (
                <details className="ww-why">
                  <summary className="kern-link">{t("ranking.showWhy", { reference: r.reference })}</summary>
                  <h4 className="kern-label">{t("ranking.rules")}</h4>
                  <ul className="kern-list">
                    {r.explanation.rules.map((x) => (
                      <li key={x.rule}>
                        <span className={x.passed ? "ww-pass" : "ww-fail"}>
                          {x.passed ? t("ranking.passed") : t("ranking.failed")}
                        </span>{" "}
                        {t(`rule.${x.rule}`, { defaultValue: x.rule })}: <span lang="en">{x.detail}</span>
                      </li>
                    ))}
                  </ul>
                  {r.explanation.parts.length > 0 && (
                    <>
                      <h4 className="kern-label">{t("ranking.parts")}</h4>
                      <ul className="kern-list">
                        {r.explanation.parts.map((x) => (
                          <li key={x.part}>
                            {t(`scorePart.${x.part}`, { defaultValue: x.part })}: {formatNumber(x.points, lang)}{" "}
                            {t("ranking.points")} – <span lang="en">{x.detail}</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </details>
              ),
            },
            {
              header: <span className="kern-sr-only">{t("ranking.propose")}</span>,
              cell: (r) =>
                r.eligible ? (
                  <button
                    type="button"
                    className="kern-btn kern-btn--secondary kern-btn--x-small"
                    disabled={proposal.fetching}
                    onClick={() => void propose({ offerId, householdId: r.householdId })}
                  >
                    <span className="kern-label">{t("ranking.proposeFor", { reference: r.reference })}</span>
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
