/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why a participant missed a session. */
export type AbsenceReason =
  | 'APPOINTMENT'
  | 'CHILDCARE'
  | 'ILLNESS'
  | 'OTHER'
  | 'UNEXCUSED'
  | 'WORK';

/** Why personal data is read; recorded with audited reads and exports. */
export type AccessPurpose =
  | 'CASE_WORK'
  | 'DATA_SUBJECT_REQUEST'
  | 'LEGAL_OBLIGATION'
  | 'SUPERVISION'
  | 'TRANSFER_REVIEW';

/** A new accommodation. */
export type AccommodationInput = {
  /** Places. */
  capacity: number;
  /** District. */
  district: string;
  /** Kind. */
  kind: AccommodationKind;
  /** Name, unique in the city. */
  name: string;
  /** Postal code. */
  postalCode: string;
  /** Street and number. */
  street: string;
};

/** Kind of accommodation. */
export type AccommodationKind =
  | 'CITY_RENTED_FLAT'
  | 'EMERGENCY'
  | 'SHELTER';

/** Status of a carrier assignment or transfer. */
export type AssignmentStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'PROPOSED'
  | 'REJECTED';

/** One participant's mark. */
export type AttendanceMarkInput = {
  /** Why absent. */
  absenceReason?: AbsenceReason | null | undefined;
  /** Enrolment. */
  enrolmentId: string | number;
  /** Present. */
  present: boolean;
};

/** Barrier, fear or need. */
export type Barrier =
  | 'ACCESSIBILITY'
  | 'CHILDCARE'
  | 'DEBTS'
  | 'DISCRIMINATION'
  | 'FEAR_OF_COSTS'
  | 'FEAR_OF_ISOLATION'
  | 'HEALTH'
  | 'LANGUAGE'
  | 'MENTAL_HEALTH'
  | 'MISSING_DOCUMENTS'
  | 'OTHER';

/** Benefit framework (Rechtskreis). */
export type BenefitFramework =
  | 'ASYLBLG'
  | 'NONE'
  | 'OTHER'
  | 'SGB2'
  | 'SGB12';

/** The benefit office's decision on a flat's rent. */
export type BenefitOfficeDecision =
  | 'ACCEPTED'
  | 'REFUSED';

/** Case state. */
export type CaseState =
  | 'ACTIVE'
  | 'AFTERCARE'
  | 'CLOSED'
  | 'CONTACT_LOST'
  | 'INTAKE'
  | 'MOVED_OUT'
  | 'OFFER_IN_PROGRESS'
  | 'PAUSED'
  | 'SEARCHING';

/** Why a certificate was revoked. */
export type CertificateRevokeReason =
  | 'ISSUED_IN_ERROR'
  | 'KEY_COMPROMISED'
  | 'REISSUED';

/** How a period of tenancy coaching ended. */
export type CoachingOutcome =
  | 'DECLINED'
  | 'OTHER'
  | 'RETURNED_TO_SHELTER'
  | 'STABILISED'
  | 'TENANCY_ENDED';

/** Why a household is in tenancy coaching. */
export type CoachingReason =
  | 'ARREARS'
  | 'CONFLICT'
  | 'HOUSE_RULES'
  | 'OTHER'
  | 'PAPERWORK';

/** How a course is completed. */
export type CompletionRuleKind =
  | 'ALL_MANDATORY'
  | 'N_OF_M';

/** A consent. */
export type ConsentInput = {
  /** Given on (YYYY-MM-DD). */
  givenOn: string;
  /** Note (e.g. where the signed form is filed). */
  note?: string | null | undefined;
  /** What it allows. */
  scope: ConsentScope;
};

/** What a consent allows. */
export type ConsentScope =
  | 'EVALUATION'
  | 'SHARE_WITH_CARRIER'
  | 'SHARE_WITH_LANDLORDS';

/** A counselling session. */
export type CounsellingInput = {
  /** Barriers, fears and needs. */
  barriers?: Array<Barrier>;
  /** Held on (YYYY-MM-DD). */
  heldOn: string;
  /** Agreed next steps. */
  nextSteps?: string | null | undefined;
  /** Free text on barriers, fears and needs. */
  notes?: string | null | undefined;
  /** Who took part. */
  participants: string;
  /** Topics; at least one. */
  topics: Array<CounsellingTopic>;
};

/** Counselling topic. */
export type CounsellingTopic =
  | 'BENEFITS'
  | 'BUDGET'
  | 'DOCUMENTS'
  | 'FAMILY'
  | 'FLAT_SEARCH'
  | 'HEALTH'
  | 'HOUSEHOLD_MANAGEMENT'
  | 'LANGUAGE'
  | 'OTHER'
  | 'TENANCY_RIGHTS'
  | 'WORK';

/** A module to publish. */
export type CourseModuleInput = {
  /** Learning goals (German). */
  goalsDe: string;
  /** Key (`heating_airing`). */
  key: string;
  /** Mandatory. */
  mandatory: boolean;
  /** Minutes (15–600). */
  minutes: number;
  /** German title. */
  titleDe: string;
  /** English title. */
  titleEn: string;
};

/** A run to schedule. */
export type CourseRunInput = {
  /** Places (1–200). */
  capacity: number;
  /** Delivering organisation (a carrier); omitted: the city. */
  deliveringOrgId?: string | number | null | undefined;
  /** District. */
  district: string;
  /** Interpreted into. */
  interpreterLanguage?: string | null | undefined;
  /** Language of instruction (ISO 639-1). */
  language: string;
  /** Place. */
  place: string;
  /** Sessions (1–30) in date order. */
  sessions: Array<CourseSessionInput>;
  /** Trainer. */
  trainer: string;
};

/** A session to schedule. */
export type CourseSessionInput = {
  /** Keys of the modules it covers. */
  modules: Array<string>;
  /** Date. */
  onDate: string;
  /** Place; omitted: the run's. */
  place?: string | null | undefined;
  /** Start, HH:MM. */
  startsAt: string;
};

/** A template to publish. */
export type CourseTemplateInput = {
  /** Key; a known key publishes its next version. */
  key: string;
  /** Languages (ISO 639-1). */
  languages: Array<string>;
  /** Share of sessions to attend, in percent. */
  minAttendancePercent: number;
  /** For N of M: N. */
  minModules?: number;
  /** Modules in order. */
  modules: Array<CourseModuleInput>;
  /** Rule. */
  ruleKind: CompletionRuleKind;
  /** Summary (German). */
  summaryDe: string;
  /** German title. */
  titleDe: string;
  /** English title. */
  titleEn: string;
};

/** Where a catalogue template stands. */
export type CourseTemplateStatus =
  | 'PUBLISHED'
  | 'REJECTED'
  | 'SUBMITTED';

/** A new household. */
export type CreateHouseholdInput = {
  /** Current place (free text until the accommodation register). */
  accommodation?: string | null | undefined;
  /** Languages (ISO 639-1). */
  languages?: Array<string>;
  /** Members: at least one, exactly one of them the head. */
  members: Array<PersonInput>;
  /** Notes. */
  notes?: string | null | undefined;
  /** Index of the primary contact among `members` (default 0). */
  primaryContact?: number;
  /** Reference number, unique in the city. */
  reference: string;
};

/** A new organisation. */
export type CreateOrganisationInput = {
  /** Contact details. */
  contact?: string | null | undefined;
  /** Department or carrier. */
  kind: OrganisationKind;
  /** Name. */
  name: string;
  /** Slug, unique in the tenant. */
  slug: string;
};

/** Who took a countable decision. */
export type DecisionActor =
  | 'CARRIER'
  | 'CITY'
  | 'HOUSEHOLD'
  | 'LANDLORD';

/** Why a match was declined, from either side. */
export type DeclineReason =
  | 'BENEFIT_OFFICE_REFUSED'
  | 'HOUSEHOLD_REFUSED_AREA'
  | 'HOUSEHOLD_REFUSED_FLAT'
  | 'HOUSEHOLD_UNREACHABLE'
  | 'INCOME_DOCUMENTS_MISSING'
  | 'LANDLORD_CHOSE_OTHER'
  | 'LANDLORD_NO_REASON'
  | 'OTHER';

/** Why a participant left a run. */
export type DropReason =
  | 'CHILDCARE'
  | 'ILLNESS'
  | 'MOVED_AWAY'
  | 'NO_CONTACT'
  | 'OTHER'
  | 'WORK';

/** Who to enrol: a household member (`personId`) or a walk-in (`printedName`). */
export type EnrolmentInput = {
  /** Language they follow the course in (ISO 639-1). */
  language: string;
  /** A household member. */
  personId?: string | number | null | undefined;
  /** A walk-in's name as the certificate should print it. */
  printedName?: string | null | undefined;
};

/** Where a participant stands. */
export type EnrolmentStatus =
  | 'COMPLETED'
  | 'DROPPED_OUT'
  | 'ENROLLED'
  | 'WAITING';

/** The outcome of a follow-up. */
export type FollowUpInput = {
  /** Notes. */
  notes?: string | null | undefined;
  /** Outcome. */
  outcome: FollowUpOutcome;
  /** When the follow-up took place (YYYY-MM-DD; default today). */
  recordedOn?: string | null | undefined;
  /** What puts the tenancy at risk (required when at risk). */
  risk?: TenancyRisk | null | undefined;
};

/** Outcome of an aftercare follow-up. */
export type FollowUpOutcome =
  | 'AT_RISK'
  | 'CANCELLED'
  | 'LOST'
  | 'RETURNED_TO_SHELTER'
  | 'STABLE';

/** A new funding source. */
export type FundingInput = {
  /** Amount for the whole period, in euros (up to 20 000 000). */
  amount: string;
  /** Last day. */
  endsOn: string;
  /** Kind. */
  kind: FundingKind;
  /** Name. */
  name: string;
  /** What it pays for. */
  paysFor: string;
  /** First day. */
  startsOn: string;
};

/** Where a programme's money comes from. */
export type FundingKind =
  | 'CITY_BUDGET'
  | 'KIM'
  | 'OTHER';

/** A goal with its first steps. */
export type GoalInput = {
  /** Steps. */
  steps?: Array<GoalStepInput>;
  /** Title. */
  title: string;
};

/** A goal step. */
export type GoalStepInput = {
  /** What. */
  description: string;
  /** By when (YYYY-MM-DD). */
  dueOn: string;
  /** Who. */
  owner: StepOwner;
};

/**
 * A guarantee request. It names exactly one of `matchId` and `offerId`: what it
 * secures, whose rent bounds the amount.
 */
export type GuaranteeInput = {
  /** Amount, euros. */
  amount: string;
  /** Why. */
  justification: string;
  /** Kind. */
  kind: GuaranteeKind;
  /** The household's match it secures. */
  matchId?: string | number | null | undefined;
  /** The offer it secures, before there is a match. */
  offerId?: string | number | null | undefined;
};

/** What the city guarantees. */
export type GuaranteeKind =
  | 'DEPOSIT'
  | 'RELEASE'
  | 'RENT_ASSUMPTION'
  | 'SECURITY_GUARANTEE';

/** Where a guarantee request stands. */
export type GuaranteeStatus =
  | 'APPROVED'
  | 'REJECTED'
  | 'REQUESTED';

/** Filters of the household list. */
export type HouseholdFilterInput = {
  /** Living now in a place of this kind. */
  accommodationKind?: AccommodationKind | null | undefined;
  /** A member is on this benefit framework (audited). */
  benefitFramework?: BenefitFramework | null | undefined;
  /** A member's benefit framework changes between today and this day (audited). */
  benefitSwitchBefore?: string | null | undefined;
  /** Assigned carrier. */
  carrierId?: string | number | null | undefined;
  /** An open aftercare follow-up falls due on or before this day. */
  followUpDueBefore?: string | null | undefined;
  /** In tenancy coaching (or, with false, not). */
  inTenancyCoaching?: boolean | null | undefined;
  /**
   * Only the caller's own cases (city: the responsible city caseworker; carrier: the
   * carrier's caseworker).
   */
  mine?: boolean | null | undefined;
  /** A member's residence permit expires on or before this day (YYYY-MM-DD; audited). */
  permitExpiresBefore?: string | null | undefined;
  /** Latest readiness level. */
  readiness?: ReadinessLevel | null | undefined;
  /** Exact reference. */
  reference?: string | null | undefined;
  /** A member has this residence status (audited as a read of residence data). */
  residenceStatus?: ResidenceStatus | null | undefined;
  /** Name or reference words; umlaut-tolerant (Müller = Mueller = muller). */
  search?: string | null | undefined;
  /** Case state. */
  state?: CaseState | null | undefined;
};

/** A user to invite. */
export type InviteUserInput = {
  /** Name. */
  displayName: string;
  /** E-mail, unique in the tenant. */
  email: string;
  /** Their organisation. */
  organisationId: string | number;
  /** Roles. */
  roles: Array<Role>;
};

/** A landlord's data. */
export type LandlordInput = {
  /** Flats promised per year (companies and cooperatives). */
  annualQuota?: number | null | undefined;
  /** Contact. */
  contact?: string | null | undefined;
  /** Kind. */
  kind: LandlordKind;
  /** Name. */
  name: string;
  /** Partner status. */
  partnerStatus: PartnerStatus;
};

/** Kind of landlord. */
export type LandlordKind =
  | 'COOPERATIVE'
  | 'HOUSING_COMPANY'
  | 'OTHER'
  | 'PRIVATE';

/** German language level (CEFR). */
export type LanguageLevel =
  | 'A0'
  | 'A1'
  | 'A2'
  | 'B1'
  | 'B2'
  | 'C1'
  | 'C2';

/** A local module to add. */
export type LocalModuleInput = {
  /** Learning goals. */
  goals: string;
  /** Mandatory. */
  mandatory: boolean;
  /** Minutes (15–600). */
  minutes: number;
  /** Title. */
  title: string;
};

/** Where a match stands. */
export type MatchStatus =
  | 'DECLINED'
  | 'LANDLORD_ACCEPTED'
  | 'LEASE_SIGNED'
  | 'MOVED_IN'
  | 'PROPOSED'
  | 'VIEWING_SCHEDULED'
  | 'WITHDRAWN';

/** How a measure is published. */
export type MeasureKind =
  /** A count of households (or of events, each with its household). */
  | 'COUNT'
  /** Median and 75th percentile of days. */
  | 'DAYS'
  /** Households per filled full-time position. */
  | 'PER_FTE'
  /** A share of another measure's households. */
  | 'SHARE'
  /** A sum over the households of another measure (persons, euros). */
  | 'SUM';

/** Employment or training status. */
export type Occupation =
  | 'CHILD'
  | 'COURSE'
  | 'EMPLOYED'
  | 'MARGINAL_EMPLOYMENT'
  | 'NOT_AVAILABLE'
  | 'SCHOOL'
  | 'TRAINING'
  | 'UNEMPLOYED';

/** How an offer reached the city. */
export type OfferChannel =
  | 'CARRIER'
  | 'HOUSEHOLD'
  | 'LANDLORD_DIRECT'
  | 'LISTING'
  | 'OTHER'
  | 'PARTNER_COMPANY'
  | 'PUBLIC_FORM';

/** Filters of the offer list. */
export type OfferFilterInput = {
  /** District. */
  district?: string | null | undefined;
  /** Landlord. */
  landlordId?: string | number | null | undefined;
  /** Status. */
  status?: OfferStatus | null | undefined;
};

/** Status of an offer. */
export type OfferStatus =
  | 'LET'
  | 'OPEN'
  | 'RECEIVED'
  | 'RESERVED'
  | 'WITHDRAWN';

/** Department or carrier. */
export type OrganisationKind =
  /** A carrier (Träger). */
  | 'CARRIER'
  /** A department of the city. */
  | 'CITY_DEPARTMENT';

/** Where the city stands with a landlord. */
export type PartnerStatus =
  | 'ENDED'
  | 'PARTNER'
  | 'PAUSED'
  | 'PROSPECT';

/** A person's data. */
export type PersonInput = {
  /** When the benefit framework changes (YYYY-MM-DD). */
  benefitChangesOn?: string | null | undefined;
  /** Benefit framework. */
  benefitFramework: BenefitFramework;
  /** Date of birth (YYYY-MM-DD). */
  dateOfBirth?: string | null | undefined;
  /** Family name. */
  familyName: string;
  /** Given name. */
  givenName: string;
  /** German level. */
  languageLevel: LanguageLevel;
  /** Nationality (ISO 3166 alpha-2; XX when stateless or unknown). */
  nationality?: string | null | undefined;
  /** Employment or training. */
  occupation: Occupation;
  /** When the residence permit expires (YYYY-MM-DD). */
  permitExpiresOn?: string | null | undefined;
  /** Relation to the head. */
  relation: Relation;
  /** Residence prospects. */
  residenceStatus: ResidenceStatus;
};

/** A new position. */
export type PositionInput = {
  /** A fixed-term position's last day. */
  endsOn?: string | null | undefined;
  /** Filled or vacant … */
  filled: boolean;
  /** Full-time equivalent (above 0, at most 5, two decimals). */
  fte: number;
  /** One of the programme's funding sources. */
  fundingId?: string | number | null | undefined;
  /** Permanent (no last day) or fixed-term (`endsOn` required). */
  permanent: boolean;
  /** … since this day. */
  since: string;
  /** Title (a role, never a person's name). */
  title: string;
};

/** A new programme. */
export type ProgrammeInput = {
  /** Households per filled full-time position, at most. */
  caseloadLimit?: number | null | undefined;
  /** Last day (omit: open-ended). */
  endsOn?: string | null | undefined;
  /** The organisation of the city that runs it (a carrier or the city's department). */
  organisationId: string | number;
  /** First day of the contract period. */
  startsOn: string;
  /** Title. */
  title: string;
};

/** What a programme warning is about. */
export type ProgrammeWarningKind =
  | 'CASELOAD_ABOVE_LIMIT'
  | 'FUNDING_ENDING'
  | 'POSITION_ENDING'
  | 'POSITION_VACANT'
  | 'TARGET_BEHIND';

/** Rating of a readiness dimension. */
export type Rating =
  | 'MET'
  | 'NOT_MET'
  | 'PARTLY';

/** A readiness assessment. */
export type ReadinessInput = {
  /** Date (YYYY-MM-DD). */
  assessedOn: string;
  /** Running a household. */
  householdManagement: Rating;
  /** ID document at hand. */
  idDocument: boolean;
  /** Income proof at hand. */
  incomeProof: boolean;
  /** Neighbourhood, house rules. */
  neighbourhood: Rating;
  /** Notes. */
  notes?: string | null | undefined;
  /** Overall level. */
  overall: ReadinessLevel;
  /** Paying rent reliably. */
  rentPayment: Rating;
  /** SCHUFA report at hand. */
  schufa: boolean;
  /** Language for tenancy matters. */
  tenancyLanguage: Rating;
};

/** Overall housing readiness (Wohnfähigkeit). */
export type ReadinessLevel =
  | 'NOT_READY'
  | 'READY'
  | 'READY_WITH_SUPPORT';

/** Relation to the head of the household. */
export type Relation =
  | 'CHILD'
  | 'HEAD'
  | 'OTHER'
  | 'PARENT'
  | 'PARTNER'
  | 'SIBLING';

/** A new rent cap. */
export type RentCapInput = {
  /** Household size, 1–12 (12 stands for 12 and more). */
  householdSize: number;
  /** Highest gross cold rent, euros. */
  maxGrossColdRent: string;
  /** Largest living space, m². */
  maxLivingSpace?: number | null | undefined;
  /** Valid from (YYYY-MM-DD). */
  validFrom: string;
  /** Valid until (YYYY-MM-DD; open when none). */
  validUntil?: string | null | undefined;
};

/** Residence prospects (Bleibeperspektive). */
export type ResidenceStatus =
  | 'ASYLUM_PENDING'
  | 'DEPORTATION_BAN'
  | 'EU_CITIZEN'
  | 'OTHER'
  | 'RECOGNISED_REFUGEE'
  | 'SETTLED'
  | 'SUBSIDIARY_PROTECTION'
  | 'TEMPORARY_PROTECTION'
  | 'TOLERATION';

/** A role, by its stable code. */
export type Role =
  /** Carrier administrator. */
  | 'CARRIER_ADMIN'
  /** Carrier caseworker. */
  | 'CARRIER_CASEWORKER'
  /** City administrator. */
  | 'CITY_ADMIN'
  /** City caseworker. */
  | 'CITY_CASEWORKER'
  /** City coordinator. */
  | 'CITY_COORDINATOR'
  /** Platform operator. */
  | 'PLATFORM_OPERATOR'
  /** State programme officer. */
  | 'STATE_OFFICER';

/** Who owns a goal step. */
export type StepOwner =
  | 'CARRIER'
  | 'CASEWORKER'
  | 'CITY'
  | 'HOUSEHOLD'
  | 'OTHER';

/** What a yearly target counts. */
export type TargetKind =
  | 'AFTERCARE_CONTACTS'
  | 'COURSE_COMPLETIONS'
  | 'LANDLORDS_WON'
  | 'MOVE_OUTS';

/** What puts a tenancy at risk. */
export type TenancyRisk =
  | 'ARREARS'
  | 'CONFLICT'
  | 'OTHER';

/** Why a receiving carrier rejected a transfer. */
export type TransferRejectionReason =
  | 'HOUSEHOLD_REFUSED'
  | 'LANGUAGE_NOT_COVERED'
  | 'NO_CAPACITY'
  | 'OTHER'
  | 'OUTSIDE_AREA';

/** Why a figure is not shown. */
export type WithheldReason =
  /** A share whose follow-up window has not closed yet. */
  | 'PENDING'
  /** Fewer households than the minimum publishable count. */
  | 'SMALL'
  /** A share whose numerator is below the minimum publishable count. */
  | 'SMALL_NUMERATOR';

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', id: string, displayName: string, language: string | null, roles: Array<Role>, organisation: { __typename: 'Organisation', name: string } | null } };

export type ConsoleSetLanguageMutationVariables = Exact<{
  language: string;
}>;


export type ConsoleSetLanguageMutation = { __typename: 'Mutation', setMyLanguage: { __typename: 'Viewer', id: string, language: string | null } };

export type ConsoleCertificatePdfQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCertificatePdfQuery = { __typename: 'Query', certificatePdf: { __typename: 'CertificatePdf', fileName: string, base64: string } };

export type ConsoleHouseholdCertificatesQueryVariables = Exact<{
  householdId: string | number;
}>;


export type ConsoleHouseholdCertificatesQuery = { __typename: 'Query', householdCertificates: Array<{ __typename: 'Certificate', id: string, number: string, printedName: string, courseTitle: string, issuedOn: string, revokedAt: string | null, revokeReason: CertificateRevokeReason | null, verificationUrl: string }>, courseRuns: Array<{ __typename: 'CourseRun', id: string, courseTitle: string, place: string, language: string, capacity: number, sessions: Array<{ __typename: 'CourseSession', onDate: string }>, figures: { __typename: 'CourseRunFigures', enrolled: number } }> };

export type ConsoleEnrolMemberMutationVariables = Exact<{
  runId: string | number;
  input: EnrolmentInput;
}>;


export type ConsoleEnrolMemberMutation = { __typename: 'Mutation', enrolInCourseRun: { __typename: 'CourseParticipant', id: string, status: EnrolmentStatus } };

export type ConsoleAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAdminQuery = { __typename: 'Query', organisations: { __typename: 'OrganisationConnection', nodes: Array<{ __typename: 'Organisation', id: string, slug: string, name: string, kind: OrganisationKind, contact: string | null }> }, users: { __typename: 'UserConnection', totalCount: number, nodes: Array<{ __typename: 'User', id: string, displayName: string, email: string, organisationId: string, roles: Array<Role>, active: boolean, version: number }> } };

export type ConsoleInviteUserMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type ConsoleInviteUserMutation = { __typename: 'Mutation', inviteUser: { __typename: 'User', id: string, displayName: string, email: string, organisationId: string, roles: Array<Role>, active: boolean, version: number } };

export type ConsoleGrantRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type ConsoleGrantRoleMutation = { __typename: 'Mutation', grantRole: { __typename: 'User', id: string, roles: Array<Role>, version: number } };

export type ConsoleRevokeRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type ConsoleRevokeRoleMutation = { __typename: 'Mutation', revokeRole: { __typename: 'User', id: string, roles: Array<Role>, version: number } };

export type ConsoleDeactivateUserMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type ConsoleDeactivateUserMutation = { __typename: 'Mutation', deactivateUser: { __typename: 'User', id: string, active: boolean, version: number } };

export type ConsoleCreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type ConsoleCreateOrganisationMutation = { __typename: 'Mutation', createOrganisation: { __typename: 'Organisation', id: string, slug: string, name: string, kind: OrganisationKind, contact: string | null } };

export type ConsoleGuaranteeRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleGuaranteeRequestsQuery = { __typename: 'Query', guarantees: { __typename: 'GuaranteeConnection', totalCount: number, nodes: Array<{ __typename: 'Guarantee', id: string, householdId: string, kind: GuaranteeKind, amount: string, justification: string, budgetYear: number, offerId: string | null, matchId: string | null, version: number }> } };

export type ConsoleBudgetsQueryVariables = Exact<{
  year: number;
}>;


export type ConsoleBudgetsQuery = { __typename: 'Query', guaranteeBudgets: Array<{ __typename: 'GuaranteeBudget', year: number, kind: GuaranteeKind, budget: string, committed: string, remaining: string, version: number }> };

export type ConsoleDecideGuaranteeMutationVariables = Exact<{
  id: string | number;
  version: number;
  approve: boolean;
  reason?: string | null | undefined;
}>;


export type ConsoleDecideGuaranteeMutation = { __typename: 'Mutation', decideGuarantee: { __typename: 'Guarantee', id: string, status: GuaranteeStatus, decidedOn: string | null, decisionReason: string | null, version: number } };

export type ConsoleAuditLogQueryVariables = Exact<{
  after?: string | null | undefined;
  entityId?: string | number | null | undefined;
}>;


export type ConsoleAuditLogQuery = { __typename: 'Query', auditLog: { __typename: 'AuditEntryConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'AuditEntry', id: string, seq: number, at: string, actorUserId: string, entity: string, entityId: string, action: string, fields: Array<string>, purpose: string | null }> }, users: { __typename: 'UserConnection', nodes: Array<{ __typename: 'User', id: string, displayName: string }> } };

export type ConsoleVerifyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleVerifyChainQuery = { __typename: 'Query', verifyAuditChain: { __typename: 'AuditChainReport', intact: boolean, entries: number, firstBrokenSeq: number | null } };

export type BenchmarkQueryVariables = Exact<{ [key: string]: never; }>;


export type BenchmarkQuery = { __typename: 'Query', benchmark: { __typename: 'Benchmark', quarters: Array<string>, threshold: number, programme: string | null, csv: string, csvSemicolon: string, chartJson: string, measures: Array<{ __typename: 'BenchmarkMeasure', measure: { __typename: 'InsightMeasure', code: string, label: string, labelEn: string, kind: MeasureKind, numerator: string, denominator: string, period: string, exclusions: string }, cities: Array<{ __typename: 'BenchmarkCity', city: string, own: boolean, points: Array<{ __typename: 'BenchmarkPoint', quarter: string, value: number | null, of: number | null, percent: number | null, median: number | null, p75: number | null, ratio: number | null, withheld: WithheldReason | null, display: string }> }> }> } };

export type ConsoleOperatorCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOperatorCatalogueQuery = { __typename: 'Query', courseCatalogue: Array<{ __typename: 'CourseTemplate', id: string, key: string, version: number, titleDe: string, titleEn: string, summaryDe: string, languages: Array<string>, status: CourseTemplateStatus, reviewNote: string | null, submittedByCity: string | null, rule: { __typename: 'CompletionRule', kind: CompletionRuleKind, minModules: number, minAttendancePercent: number }, modules: Array<{ __typename: 'CourseModule', key: string, titleDe: string, mandatory: boolean, minutes: number }> }> };

export type ConsoleReviewSubmissionMutationVariables = Exact<{
  id: string | number;
  publish: boolean;
  note?: string | null | undefined;
}>;


export type ConsoleReviewSubmissionMutation = { __typename: 'Mutation', reviewCourseSubmission: { __typename: 'CourseTemplate', id: string, status: CourseTemplateStatus } };

export type ConsolePublishTemplateMutationVariables = Exact<{
  input: CourseTemplateInput;
}>;


export type ConsolePublishTemplateMutation = { __typename: 'Mutation', publishCourseTemplate: { __typename: 'CourseTemplate', id: string, version: number } };

export type CourseEvaluationPageQueryVariables = Exact<{
  courseId: string | number;
}>;


export type CourseEvaluationPageQuery = { __typename: 'Query', courseEvaluation: { __typename: 'CourseEvaluation', courseId: string, title: string, asOf: string, runs: Array<{ __typename: 'RunEvaluation', runId: string, endedOn: string | null, comparison: { __typename: 'CourseComparison', housedAtCompletion: number, completers: { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } }, comparison: { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } } } | null }>, overall: { __typename: 'CourseComparison', housedAtCompletion: number, completers: { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } }, comparison: { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } } } }, courseRuns: Array<{ __typename: 'CourseRun', id: string, place: string, language: string, capacity: number, figures: { __typename: 'CourseRunFigures', enrolled: number, waiting: number, completed: number, droppedOut: number, attendedPercent: number | null, droppedAfter: Array<{ __typename: 'DropOutCount', afterSession: number, count: number }> } }> };

export type ComparisonFragment = { __typename: 'CourseComparison', housedAtCompletion: number, completers: { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } }, comparison: { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } } };

export type GroupFragment = { __typename: 'OutcomeGroup', households: number, movedWithin: Array<{ __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number }>, tenancyHeld: { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number } };

export type ShareFragment = { __typename: 'OutcomeShare', months: number, observed: number, yes: number, rate: number | null, pending: number, pendingYes: number };

export type ConsoleCourseRunQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCourseRunQuery = { __typename: 'Query', courseRun: { __typename: 'CourseRunDetail', run: { __typename: 'CourseRun', id: string, courseTitle: string, language: string, interpreterLanguage: string | null, trainer: string, place: string, district: string, capacity: number, sessions: Array<{ __typename: 'CourseSession', id: string, position: number, onDate: string, startsAt: string, place: string, modules: Array<string> }>, figures: { __typename: 'CourseRunFigures', enrolled: number, waiting: number, completed: number, droppedOut: number, attendedPercent: number | null, droppedAfter: Array<{ __typename: 'DropOutCount', afterSession: number, count: number }> } }, modules: Array<{ __typename: 'CourseModule', key: string, titleDe: string, mandatory: boolean }>, participants: Array<{ __typename: 'CourseParticipant', id: string, printedName: string, language: string, status: EnrolmentStatus, householdId: string | null, dropReason: DropReason | null, droppedAfter: number | null, completedOn: string | null, version: number, progress: { __typename: 'CourseProgress', attended: number, sessions: number, complete: boolean, missing: Array<string> }, marks: Array<{ __typename: 'AttendanceMark', sessionId: string, present: boolean, absenceReason: AbsenceReason | null }>, certificates: Array<{ __typename: 'CertificateBrief', id: string, number: string, issuedOn: string, revoked: boolean }> }> } };

export type ConsoleEnrolMutationVariables = Exact<{
  runId: string | number;
  input: EnrolmentInput;
}>;


export type ConsoleEnrolMutation = { __typename: 'Mutation', enrolInCourseRun: { __typename: 'CourseParticipant', id: string, status: EnrolmentStatus } };

export type ConsoleAttendanceMutationVariables = Exact<{
  runId: string | number;
  sessionId: string | number;
  marks: Array<AttendanceMarkInput> | AttendanceMarkInput;
}>;


export type ConsoleAttendanceMutation = { __typename: 'Mutation', recordCourseAttendance: { __typename: 'CourseRunDetail', run: { __typename: 'CourseRun', id: string } } };

export type ConsoleDropOutMutationVariables = Exact<{
  enrolmentId: string | number;
  version: number;
  reason: DropReason;
}>;


export type ConsoleDropOutMutation = { __typename: 'Mutation', dropOutOfCourse: { __typename: 'CourseRunDetail', run: { __typename: 'CourseRun', id: string } } };

export type ConsoleIssueCertificateMutationVariables = Exact<{
  enrolmentId: string | number;
}>;


export type ConsoleIssueCertificateMutation = { __typename: 'Mutation', issueCertificate: { __typename: 'Certificate', id: string, number: string } };

export type ConsoleRevokeCertificateMutationVariables = Exact<{
  id: string | number;
  reason: CertificateRevokeReason;
}>;


export type ConsoleRevokeCertificateMutation = { __typename: 'Mutation', revokeCertificate: { __typename: 'Certificate', id: string, revokedAt: string | null } };

export type ConsoleReissueCertificateMutationVariables = Exact<{
  id: string | number;
  printedName?: string | null | undefined;
}>;


export type ConsoleReissueCertificateMutation = { __typename: 'Mutation', reissueCertificate: { __typename: 'Certificate', id: string, number: string } };

export type ConsoleCoursesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCoursesQuery = { __typename: 'Query', courses: Array<{ __typename: 'Course', id: string, title: string, version: number, template: { __typename: 'CourseTemplate', id: string, key: string, version: number, titleDe: string, languages: Array<string>, rule: { __typename: 'CompletionRule', kind: CompletionRuleKind, minModules: number, minAttendancePercent: number }, modules: Array<{ __typename: 'CourseModule', key: string, titleDe: string, mandatory: boolean, minutes: number }> }, newerVersion: { __typename: 'TemplateVersion', id: string, version: number } | null, localModules: Array<{ __typename: 'CourseModule', key: string, titleDe: string, mandatory: boolean, minutes: number }> }>, courseRuns: Array<{ __typename: 'CourseRun', id: string, courseId: string, courseTitle: string, language: string, interpreterLanguage: string | null, place: string, district: string, capacity: number, deliveringOrgId: string | null, sessions: Array<{ __typename: 'CourseSession', id: string, onDate: string }>, figures: { __typename: 'CourseRunFigures', enrolled: number, waiting: number, completed: number, droppedOut: number, attendedPercent: number | null } }>, carriers: Array<{ __typename: 'Carrier', id: string, name: string }> };

export type ConsoleCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCatalogueQuery = { __typename: 'Query', courseCatalogue: Array<{ __typename: 'CourseTemplate', id: string, key: string, version: number, titleDe: string, summaryDe: string, languages: Array<string>, status: CourseTemplateStatus, ownSubmission: boolean, reviewNote: string | null, modules: Array<{ __typename: 'CourseModule', key: string, titleDe: string }> }> };

export type ConsoleAdoptCourseMutationVariables = Exact<{
  templateId: string | number;
}>;


export type ConsoleAdoptCourseMutation = { __typename: 'Mutation', adoptCourse: { __typename: 'Course', id: string, title: string } };

export type ConsoleAdoptCourseVersionMutationVariables = Exact<{
  courseId: string | number;
  version: number;
  templateId: string | number;
}>;


export type ConsoleAdoptCourseVersionMutation = { __typename: 'Mutation', adoptCourseVersion: { __typename: 'Course', id: string, version: number } };

export type ConsoleAddLocalModuleMutationVariables = Exact<{
  courseId: string | number;
  input: LocalModuleInput;
}>;


export type ConsoleAddLocalModuleMutation = { __typename: 'Mutation', addLocalModule: { __typename: 'Course', id: string, localModules: Array<{ __typename: 'CourseModule', key: string }> } };

export type ConsoleScheduleRunMutationVariables = Exact<{
  courseId: string | number;
  input: CourseRunInput;
}>;


export type ConsoleScheduleRunMutation = { __typename: 'Mutation', scheduleCourseRun: { __typename: 'CourseRun', id: string } };

export type ConsoleSubmitCourseMutationVariables = Exact<{
  courseId: string | number;
  key: string;
  summaryDe: string;
}>;


export type ConsoleSubmitCourseMutation = { __typename: 'Mutation', submitCourseToCatalogue: { __typename: 'CourseTemplate', id: string, status: CourseTemplateStatus } };

export type ConsoleSigningKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSigningKeysQuery = { __typename: 'Query', signingKeys: Array<{ __typename: 'SigningKey', id: string, publicKey: string, createdAt: string, retiredAt: string | null, revokedFrom: string | null }> };

export type ConsoleRotateKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleRotateKeyMutation = { __typename: 'Mutation', rotateSigningKey: { __typename: 'SigningKey', id: string } };

export type ConsoleRevokeKeyMutationVariables = Exact<{
  id: string | number;
  from: string;
  reason: string;
}>;


export type ConsoleRevokeKeyMutation = { __typename: 'Mutation', revokeSigningKey: { __typename: 'SigningKey', id: string, revokedFrom: string | null } };

export type CityDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type CityDashboardQuery = { __typename: 'Query', cityDashboard: Array<{ __typename: 'DashboardQuarter', label: string, from: string, to: string, intakes: number, moves: number, followups: number, returns: number, completions: number }> };

export type ConsoleHouseholdQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleHouseholdQuery = { __typename: 'Query', household: { __typename: 'Household', id: string, reference: string, state: CaseState, stateSince: string, nextStates: Array<CaseState>, size: number, readiness: ReadinessLevel | null, readinessOn: string | null, version: number, languages: Array<string>, notes: string | null, wbsValidUntil: string | null, needsStepFree: boolean, expectedToJoin: number, preferredDistricts: Array<string>, tenancyCoaching: boolean, erased: boolean, currentAccommodation: { __typename: 'CurrentAccommodation', name: string, district: string, since: string } | null, carrier: { __typename: 'Carrier', id: string, name: string } | null, members: Array<{ __typename: 'Person', id: string, givenName: string, familyName: string, relation: Relation, dateOfBirth: string | null }>, stateHistory: Array<{ __typename: 'Transition', id: string, fromState: CaseState | null, toState: CaseState, reason: string, effectiveOn: string }>, readinessHistory: Array<{ __typename: 'ReadinessAssessment', id: string, assessedOn: string, overall: ReadinessLevel, rentPayment: Rating, householdManagement: Rating, neighbourhood: Rating, tenancyLanguage: Rating, notes: string | null }>, consents: Array<{ __typename: 'Consent', id: string, scope: ConsentScope, givenOn: string, withdrawnOn: string | null, version: number }>, carrierHistory: Array<{ __typename: 'CarrierAssignment', id: string, status: AssignmentStatus, reason: string | null, proposedAt: string, decidedAt: string | null }>, counsellingSessions: Array<{ __typename: 'CounsellingSession', id: string, heldOn: string, participants: string, topics: Array<CounsellingTopic>, barriers: Array<Barrier>, notes: string | null, nextSteps: string | null }>, goals: Array<{ __typename: 'Goal', id: string, title: string, overdueSteps: number, steps: Array<{ __typename: 'GoalStep', id: string, description: string, owner: StepOwner, dueOn: string, doneOn: string | null, overdue: boolean }> }>, followUps: Array<{ __typename: 'FollowUp', id: string, months: number, dueOn: string, outcome: FollowUpOutcome | null, risk: TenancyRisk | null, recordedOn: string | null, overdue: boolean, version: number }>, tenancyCoachings: Array<{ __typename: 'TenancyCoaching', id: string, startedOn: string, endedOn: string | null, outcome: CoachingOutcome | null, reasons: Array<CoachingReason> }> }, matches: { __typename: 'MatchConnection', nodes: Array<{ __typename: 'Match', id: string, offerId: string, status: MatchStatus, viewingOn: string | null, leaseSignedOn: string | null, moveInOn: string | null }> }, guarantees: { __typename: 'GuaranteeConnection', nodes: Array<{ __typename: 'Guarantee', id: string, kind: GuaranteeKind, amount: string, status: GuaranteeStatus, decidedOn: string | null }> } };

export type ConsoleHouseholdResidenceQueryVariables = Exact<{
  id: string | number;
  purpose: AccessPurpose;
}>;


export type ConsoleHouseholdResidenceQuery = { __typename: 'Query', household: { __typename: 'Household', id: string, members: Array<{ __typename: 'Person', id: string, nationality: string | null, residenceStatus: ResidenceStatus, permitExpiresOn: string | null, benefitFramework: BenefitFramework, benefitChangesOn: string | null }> } };

export type ConsoleTransitionMutationVariables = Exact<{
  id: string | number;
  version: number;
  to: CaseState;
  reason: string;
  effectiveOn?: string | null | undefined;
}>;


export type ConsoleTransitionMutation = { __typename: 'Mutation', transitionCase: { __typename: 'Household', id: string, state: CaseState, stateSince: string, nextStates: Array<CaseState>, version: number, stateHistory: Array<{ __typename: 'Transition', id: string, fromState: CaseState | null, toState: CaseState, reason: string, effectiveOn: string }> } };

export type ConsoleReadinessMutationVariables = Exact<{
  id: string | number;
  input: ReadinessInput;
}>;


export type ConsoleReadinessMutation = { __typename: 'Mutation', recordReadinessAssessment: { __typename: 'ReadinessAssessment', id: string, assessedOn: string, overall: ReadinessLevel } };

export type ConsoleCounsellingMutationVariables = Exact<{
  id: string | number;
  input: CounsellingInput;
}>;


export type ConsoleCounsellingMutation = { __typename: 'Mutation', recordCounsellingSession: { __typename: 'CounsellingSession', id: string, heldOn: string } };

export type ConsoleAddGoalMutationVariables = Exact<{
  id: string | number;
  input: GoalInput;
}>;


export type ConsoleAddGoalMutation = { __typename: 'Mutation', addGoal: { __typename: 'Goal', id: string, title: string } };

export type ConsoleExportPersonMutationVariables = Exact<{
  personId: string | number;
}>;


export type ConsoleExportPersonMutation = { __typename: 'Mutation', exportPersonData: unknown };

export type ConsoleEraseHouseholdMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type ConsoleEraseHouseholdMutation = { __typename: 'Mutation', eraseHousehold: { __typename: 'Household', id: string, erased: boolean, state: CaseState, version: number } };

export type ConsoleCarriersQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCarriersQuery = { __typename: 'Query', carriers: Array<{ __typename: 'Carrier', id: string, name: string }> };

export type ConsoleAssignCarrierMutationVariables = Exact<{
  id: string | number;
  version: number;
  organisationId: string | number;
}>;


export type ConsoleAssignCarrierMutation = { __typename: 'Mutation', assignCarrier: { __typename: 'Household', id: string, version: number, carrier: { __typename: 'Carrier', id: string, name: string } | null, carrierHistory: Array<{ __typename: 'CarrierAssignment', id: string, status: AssignmentStatus, reason: string | null, proposedAt: string, decidedAt: string | null }> } };

export type ConsoleProposeTransferMutationVariables = Exact<{
  id: string | number;
  organisationId: string | number;
  reason: string;
}>;


export type ConsoleProposeTransferMutation = { __typename: 'Mutation', proposeTransfer: { __typename: 'CarrierAssignment', id: string, status: AssignmentStatus, householdId: string } };

export type ConsoleRecordFollowUpMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: FollowUpInput;
}>;


export type ConsoleRecordFollowUpMutation = { __typename: 'Mutation', recordFollowUp: { __typename: 'FollowUp', id: string, outcome: FollowUpOutcome | null, risk: TenancyRisk | null, recordedOn: string | null, version: number } };

export type ConsoleRecordConsentMutationVariables = Exact<{
  id: string | number;
  input: ConsentInput;
}>;


export type ConsoleRecordConsentMutation = { __typename: 'Mutation', recordConsent: { __typename: 'Consent', id: string, scope: ConsentScope, givenOn: string, withdrawnOn: string | null, version: number } };

export type ConsoleWithdrawConsentMutationVariables = Exact<{
  id: string | number;
  version: number;
  withdrawnOn?: string | null | undefined;
}>;


export type ConsoleWithdrawConsentMutation = { __typename: 'Mutation', withdrawConsent: { __typename: 'Consent', id: string, withdrawnOn: string | null, version: number } };

export type ConsoleHouseholdsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: HouseholdFilterInput | null | undefined;
}>;


export type ConsoleHouseholdsQuery = { __typename: 'Query', households: { __typename: 'HouseholdConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'HouseholdEdge', node: { __typename: 'Household', id: string, reference: string, state: CaseState, size: number, readiness: ReadinessLevel | null, carrier: { __typename: 'Carrier', name: string } | null } }> } };

export type ConsoleCreateHouseholdMutationVariables = Exact<{
  input: CreateHouseholdInput;
}>;


export type ConsoleCreateHouseholdMutation = { __typename: 'Mutation', createHousehold: { __typename: 'Household', id: string, reference: string } };

export type ConsoleOfferQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleOfferQuery = { __typename: 'Query', offer: { __typename: 'Offer', id: string, street: string, postalCode: string, district: string, rooms: number, livingSpace: number, coldRent: string, serviceCharges: string, heating: string, grossColdRent: string, deposit: string, availableFrom: string, wbsRequired: boolean, stepFree: boolean, lift: boolean, floor: number, maxPersons: number | null, petsAllowed: boolean | null, notes: string | null, channel: OfferChannel | null, status: OfferStatus, statusOn: string, version: number, landlordName: string | null, landlordContact: string | null } };

export type ConsoleOfferMatchesQueryVariables = Exact<{
  offerId: string | number;
}>;


export type ConsoleOfferMatchesQuery = { __typename: 'Query', matches: { __typename: 'MatchConnection', nodes: Array<{ __typename: 'Match', id: string, householdId: string, status: MatchStatus, score: number, viewingOn: string | null, declineReason: DeclineReason | null, declinedBy: DecisionActor | null, leaseSignedOn: string | null, moveInOn: string | null, benefitOffice: BenefitOfficeDecision | null, benefitOfficeOn: string | null, version: number }> } };

export type ConsoleRankingQueryVariables = Exact<{
  offerId: string | number;
}>;


export type ConsoleRankingQuery = { __typename: 'Query', rankHouseholdsForOffer: Array<{ __typename: 'HouseholdMatch', householdId: string, reference: string, size: number, score: number | null, eligible: boolean, explanation: { __typename: 'MatchExplanation', rules: Array<{ __typename: 'MatchRule', rule: string, passed: boolean, detail: string }>, parts: Array<{ __typename: 'MatchScorePart', part: string, points: number, detail: string }> } }> };

export type ConsoleMatchGuaranteesQueryVariables = Exact<{
  householdId: string | number;
}>;


export type ConsoleMatchGuaranteesQuery = { __typename: 'Query', guarantees: { __typename: 'GuaranteeConnection', nodes: Array<{ __typename: 'Guarantee', id: string, kind: GuaranteeKind, amount: string, status: GuaranteeStatus, matchId: string | null, decidedOn: string | null, decisionReason: string | null }> } };

export type ConsoleProposeMatchMutationVariables = Exact<{
  offerId: string | number;
  householdId: string | number;
}>;


export type ConsoleProposeMatchMutation = { __typename: 'Mutation', proposeMatch: { __typename: 'Match', id: string, status: MatchStatus, version: number } };

export type ConsoleScheduleViewingMutationVariables = Exact<{
  id: string | number;
  version: number;
  on: string;
}>;


export type ConsoleScheduleViewingMutation = { __typename: 'Mutation', scheduleViewing: { __typename: 'Match', id: string, status: MatchStatus, viewingOn: string | null, version: number } };

export type ConsoleLandlordAcceptedMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type ConsoleLandlordAcceptedMutation = { __typename: 'Mutation', recordLandlordAcceptance: { __typename: 'Match', id: string, status: MatchStatus, version: number } };

export type ConsoleBenefitOfficeMutationVariables = Exact<{
  id: string | number;
  version: number;
  decision: BenefitOfficeDecision;
  decidedOn: string;
  reason?: string | null | undefined;
}>;


export type ConsoleBenefitOfficeMutation = { __typename: 'Mutation', recordBenefitOfficeDecision: { __typename: 'Match', id: string, benefitOffice: BenefitOfficeDecision | null, benefitOfficeOn: string | null, version: number } };

export type ConsoleDeclineMatchMutationVariables = Exact<{
  id: string | number;
  version: number;
  reason: DeclineReason;
  text?: string | null | undefined;
}>;


export type ConsoleDeclineMatchMutation = { __typename: 'Mutation', declineMatch: { __typename: 'Match', id: string, status: MatchStatus, declineReason: DeclineReason | null, version: number } };

export type ConsoleSignLeaseMutationVariables = Exact<{
  id: string | number;
  version: number;
  signedOn: string;
  moveInOn: string;
}>;


export type ConsoleSignLeaseMutation = { __typename: 'Mutation', signLease: { __typename: 'Match', id: string, status: MatchStatus, leaseSignedOn: string | null, moveInOn: string | null, version: number } };

export type ConsoleRequestGuaranteeMutationVariables = Exact<{
  householdId: string | number;
  input: GuaranteeInput;
}>;


export type ConsoleRequestGuaranteeMutation = { __typename: 'Mutation', requestGuarantee: { __typename: 'Guarantee', id: string, kind: GuaranteeKind, amount: string, status: GuaranteeStatus, matchId: string | null } };

export type ConsoleOffersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: OfferFilterInput | null | undefined;
}>;


export type ConsoleOffersQuery = { __typename: 'Query', offers: { __typename: 'OfferConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Offer', id: string, street: string, postalCode: string, district: string, rooms: number, livingSpace: number, grossColdRent: string, availableFrom: string, status: OfferStatus, landlordName: string | null }> } };

export type ProgrammesPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgrammesPageQuery = { __typename: 'Query', programmes: Array<{ __typename: 'Programme', id: string, organisationId: string, organisationName: string, title: string, startsOn: string, endsOn: string | null, caseloadLimit: number | null, version: number, households: number, filledFte: number, vacantFte: number, caseloadPerFte: number | null, funding: Array<{ __typename: 'FundingSource', id: string, kind: FundingKind, name: string, amount: string, startsOn: string, endsOn: string, paysFor: string, spent: string }>, positions: Array<{ __typename: 'Position', id: string, title: string, fte: number, permanent: boolean, endsOn: string | null, fundingId: string | null, filled: boolean, since: string, version: number }>, targets: Array<{ __typename: 'ProgrammeTarget', year: number, kind: TargetKind, target: number, actual: number | null, expectedByNow: number, behind: boolean }> }> };

export type ProgrammeOrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgrammeOrganisationsQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', organisation: { __typename: 'Organisation', id: string, name: string } | null }, carriers: Array<{ __typename: 'Carrier', id: string, name: string }> };

export type ConsoleCreateProgrammeMutationVariables = Exact<{
  input: ProgrammeInput;
}>;


export type ConsoleCreateProgrammeMutation = { __typename: 'Mutation', createProgramme: { __typename: 'Programme', id: string } };

export type ConsoleAddFundingMutationVariables = Exact<{
  programmeId: string | number;
  input: FundingInput;
}>;


export type ConsoleAddFundingMutation = { __typename: 'Mutation', addFundingSource: { __typename: 'Programme', id: string, funding: Array<{ __typename: 'FundingSource', id: string }> } };

export type ConsoleAddPositionMutationVariables = Exact<{
  programmeId: string | number;
  input: PositionInput;
}>;


export type ConsoleAddPositionMutation = { __typename: 'Mutation', addPosition: { __typename: 'Programme', id: string, positions: Array<{ __typename: 'Position', id: string }> } };

export type ConsoleSetPositionFilledMutationVariables = Exact<{
  positionId: string | number;
  version: number;
  filled: boolean;
  since: string;
}>;


export type ConsoleSetPositionFilledMutation = { __typename: 'Mutation', setPositionFilled: { __typename: 'Programme', id: string, positions: Array<{ __typename: 'Position', id: string, filled: boolean, since: string, version: number }> } };

export type ConsoleRecordSpendingMutationVariables = Exact<{
  fundingId: string | number;
  amount: string;
  spentOn: string;
  note: string;
}>;


export type ConsoleRecordSpendingMutation = { __typename: 'Mutation', recordFundingSpending: { __typename: 'Programme', id: string, funding: Array<{ __typename: 'FundingSource', id: string, spent: string }> } };

export type ConsoleSetTargetMutationVariables = Exact<{
  programmeId: string | number;
  year: number;
  kind: TargetKind;
  target: number;
}>;


export type ConsoleSetTargetMutation = { __typename: 'Mutation', setProgrammeTarget: { __typename: 'Programme', id: string, targets: Array<{ __typename: 'ProgrammeTarget', year: number, kind: TargetKind, target: number }> } };

export type ConsoleRegisterQueryVariables = Exact<{
  on: string;
}>;


export type ConsoleRegisterQuery = { __typename: 'Query', accommodations: { __typename: 'AccommodationConnection', totalCount: number, nodes: Array<{ __typename: 'Accommodation', id: string, name: string, kind: AccommodationKind, street: string, postalCode: string, district: string, capacity: number, occupied: number, freePlaces: number, active: boolean }> }, occupancyByDistrict: Array<{ __typename: 'DistrictOccupancyRow', district: string, accommodations: number, capacity: number, occupied: number }>, landlords: { __typename: 'LandlordConnection', nodes: Array<{ __typename: 'Landlord', id: string, kind: LandlordKind, name: string, contact: string | null, partnerStatus: PartnerStatus, annualQuota: number | null, deliveredThisYear: number }> }, rentCaps: Array<{ __typename: 'RentCap', id: string, householdSize: number, maxGrossColdRent: string, maxLivingSpace: number | null, validFrom: string, validUntil: string | null }> };

export type ConsoleSegregationQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConsoleSegregationQuery = { __typename: 'Query', segregationIndicator: Array<{ __typename: 'DistrictPlacementRow', district: string, placements: number, placementShare: number, dwellings: number, housingShare: number, ratio: number | null, clustering: boolean }> };

export type ConsoleHousingStockMutationVariables = Exact<{
  district: string;
  dwellings: number;
}>;


export type ConsoleHousingStockMutation = { __typename: 'Mutation', setDistrictHousingStock: boolean };

export type ConsoleCreateAccommodationMutationVariables = Exact<{
  input: AccommodationInput;
}>;


export type ConsoleCreateAccommodationMutation = { __typename: 'Mutation', createAccommodation: { __typename: 'Accommodation', id: string, name: string } };

export type ConsoleCreateLandlordMutationVariables = Exact<{
  input: LandlordInput;
}>;


export type ConsoleCreateLandlordMutation = { __typename: 'Mutation', createLandlord: { __typename: 'Landlord', id: string, name: string } };

export type ConsoleAddRentCapMutationVariables = Exact<{
  input: RentCapInput;
}>;


export type ConsoleAddRentCapMutation = { __typename: 'Mutation', addRentCap: { __typename: 'RentCap', id: string, householdSize: number } };

export type ReportScopesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportScopesQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', organisation: { __typename: 'Organisation', id: string, name: string } | null }, carriers: Array<{ __typename: 'Carrier', id: string, name: string }> };

export type ReportPageQueryVariables = Exact<{
  from: string;
  to: string;
  organisationId?: string | number | null | undefined;
  cutOff?: string | null | undefined;
}>;


export type ReportPageQuery = { __typename: 'Query', programmeReport: { __typename: 'ProgrammeReport', from: string, to: string, cutOff: string, releasedAt: string | null, scopeName: string, carrierLevel: boolean, csv: string, csvSemicolon: string, sections: Array<{ __typename: 'ReportSection', key: string, title: string, figures: Array<{ __typename: 'ReportFigure', key: string, label: string, display: string, suppressed: boolean }> }> } };

export type ReportPdfQueryVariables = Exact<{
  from: string;
  to: string;
  organisationId?: string | number | null | undefined;
  cutOff?: string | null | undefined;
}>;


export type ReportPdfQuery = { __typename: 'Query', programmeReportPdf: { __typename: 'ReportPdf', fileName: string, base64: string } };

export type ReleasedReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReleasedReportsQuery = { __typename: 'Query', releasedReports: Array<{ __typename: 'ReportRelease', id: string, from: string, to: string, cutOff: string, releasedAt: string }> };

export type ReleaseJointReportMutationVariables = Exact<{
  from: string;
  to: string;
  cutOff: string;
}>;


export type ReleaseJointReportMutation = { __typename: 'Mutation', releaseJointReport: { __typename: 'ReportRelease', id: string } };

export type InsightSharingQueryVariables = Exact<{ [key: string]: never; }>;


export type InsightSharingQuery = { __typename: 'Query', insightSharing: Array<{ __typename: 'MeasureSharing', peers: boolean, measure: { __typename: 'InsightMeasure', code: string, label: string, labelEn: string }, programmes: Array<{ __typename: 'ProgrammeShare', id: string, name: string, shared: boolean }> }> };

export type SetInsightSharingMutationVariables = Exact<{
  measure: string;
  programmeId?: string | number | null | undefined;
  shared: boolean;
}>;


export type SetInsightSharingMutation = { __typename: 'Mutation', setInsightSharing: { __typename: 'MeasureSharing', peers: boolean, measure: { __typename: 'InsightMeasure', code: string }, programmes: Array<{ __typename: 'ProgrammeShare', id: string, shared: boolean }> } };

export type ConsoleStateProgrammesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleStateProgrammesQuery = { __typename: 'Query', stateProgrammes: Array<{ __typename: 'StateProgramme', id: string, name: string, cities: Array<string> }>, stateOfficers: Array<{ __typename: 'StateOfficer', id: string, name: string, programme: string | null }>, tenants: { __typename: 'TenantConnection', nodes: Array<{ __typename: 'Tenant', slug: string, name: string }> } };

export type ConsoleCreateStateProgrammeMutationVariables = Exact<{
  name: string;
  citySlugs: Array<string> | string;
}>;


export type ConsoleCreateStateProgrammeMutation = { __typename: 'Mutation', createStateProgramme: { __typename: 'StateProgramme', id: string } };

export type ConsoleAssignStateOfficerMutationVariables = Exact<{
  programmeId: string | number;
  userId: string | number;
}>;


export type ConsoleAssignStateOfficerMutation = { __typename: 'Mutation', assignStateOfficer: boolean };

export type ConsoleWorklistQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWorklistQuery = { __typename: 'Query', worklist: { __typename: 'Worklist', followUps: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, overdueSteps: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, incomingTransfers: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, permitsExpiring: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, benefitSwitches: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, inCoaching: Array<{ __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string }>, guaranteeRequests: Array<{ __typename: 'Guarantee', id: string, householdId: string, kind: GuaranteeKind, amount: string }>, scheduledMoves: Array<{ __typename: 'ScheduledMove', id: string, householdId: string, moveInOn: string }>, programmeWarnings: Array<{ __typename: 'ProgrammeWarning', kind: ProgrammeWarningKind, programmeId: string, organisationName: string, subject: string, on: string | null, paysFor: string | null, fundedPositions: Array<string>, fte: number | null, households: number | null, caseloadLimit: number | null, actual: number | null, target: number | null, expectedByNow: number | null }> } };

export type ItemFragment = { __typename: 'WorkItem', householdId: string, reference: string, on: string, overdue: boolean, detail: string, subjectId: string };

export type ConsoleIncomingTransfersQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleIncomingTransfersQuery = { __typename: 'Query', incomingTransfers: Array<{ __typename: 'CarrierAssignment', id: string, householdId: string, reason: string | null, version: number }> };

export type ConsoleAcceptTransferMutationVariables = Exact<{
  id: string | number;
  version: number;
}>;


export type ConsoleAcceptTransferMutation = { __typename: 'Mutation', acceptTransfer: { __typename: 'CarrierAssignment', id: string, status: AssignmentStatus, version: number } };

export type ConsoleRejectTransferMutationVariables = Exact<{
  id: string | number;
  version: number;
  reasonCode?: TransferRejectionReason | null | undefined;
  reason: string;
}>;


export type ConsoleRejectTransferMutation = { __typename: 'Mutation', rejectTransfer: { __typename: 'CarrierAssignment', id: string, status: AssignmentStatus, version: number } };

export type ConsoleReferencesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ConsoleReferencesQuery = { __typename: 'Query', nodes: Array<
    | { __typename: 'Accommodation', id: string }
    | { __typename: 'Guarantee', id: string }
    | { __typename: 'Household', reference: string, id: string }
    | { __typename: 'Landlord', id: string }
    | { __typename: 'Match', id: string }
    | { __typename: 'Offer', id: string }
   | null> };

export const ShareFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Share"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"yes"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"pendingYes"}}]}}]} as unknown as DocumentNode<ShareFragment, unknown>;
export const GroupFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Group"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"movedWithin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenancyHeld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Share"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Share"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"yes"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"pendingYes"}}]}}]} as unknown as DocumentNode<GroupFragment, unknown>;
export const ComparisonFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"housedAtCompletion"}},{"kind":"Field","name":{"kind":"Name","value":"completers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Group"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Group"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Share"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"yes"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"pendingYes"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Group"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"movedWithin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenancyHeld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Share"}}]}}]}}]} as unknown as DocumentNode<ComparisonFragment, unknown>;
export const ItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}}]} as unknown as DocumentNode<ItemFragment, unknown>;
export const ConsoleViewerDocument = {"__meta__":{"hash":"sha256:1b8f2e502f17fa6effd8c1ae8b9bac20aadc0fdd7dc128857d1d3229d4c410d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleSetLanguageDocument = {"__meta__":{"hash":"sha256:54a7921f3a43a3c479beaaad56a409c4930fc4a7a46c8cc028d1bb13e2ad02a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetLanguage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setMyLanguage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]} as unknown as DocumentNode<ConsoleSetLanguageMutation, ConsoleSetLanguageMutationVariables>;
export const ConsoleCertificatePdfDocument = {"__meta__":{"hash":"sha256:c654e4d4931c25cd94555fb9ab10bc7f705b720fb635067578153a948ce262a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCertificatePdf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"certificatePdf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"base64"}}]}}]}}]} as unknown as DocumentNode<ConsoleCertificatePdfQuery, ConsoleCertificatePdfQueryVariables>;
export const ConsoleHouseholdCertificatesDocument = {"__meta__":{"hash":"sha256:1b00c295f04b93ff077a9668b71747a5a654c9ed196756e09f5eda1b3744e3c8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHouseholdCertificates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"householdCertificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"printedName"}},{"kind":"Field","name":{"kind":"Name","value":"courseTitle"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokeReason"}},{"kind":"Field","name":{"kind":"Name","value":"verificationUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"courseRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"courseTitle"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"onDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleHouseholdCertificatesQuery, ConsoleHouseholdCertificatesQueryVariables>;
export const ConsoleEnrolMemberDocument = {"__meta__":{"hash":"sha256:ffde93c234d895ee6edd14c6f6d961ab0aebc395a5a03ae45a1aa5b93a34c548"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleEnrolMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrolmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enrolInCourseRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleEnrolMemberMutation, ConsoleEnrolMemberMutationVariables>;
export const ConsoleAdminDocument = {"__meta__":{"hash":"sha256:85f77bf5ce3ed0d7123307bc60e4f4e76236ca8fb673d7eceb9ccc5ad167f702"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAdminQuery, ConsoleAdminQueryVariables>;
export const ConsoleInviteUserDocument = {"__meta__":{"hash":"sha256:e19892c5234b0981491cbee6cfd3935026b5b3b25d8d06a549a968c282c98ad7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleInviteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"inviteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleInviteUserMutation, ConsoleInviteUserMutationVariables>;
export const ConsoleGrantRoleDocument = {"__meta__":{"hash":"sha256:753bde4e7b400e67acbc9f725a8ca735cc24ba184ef63bd3cf427cd2b470c7f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleGrantRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"grantRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleGrantRoleMutation, ConsoleGrantRoleMutationVariables>;
export const ConsoleRevokeRoleDocument = {"__meta__":{"hash":"sha256:37f1fcf4c226f3d7eaa9e620cda61d8abad3b3f7e664c6316a43e15ffeacc4d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRevokeRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleRevokeRoleMutation, ConsoleRevokeRoleMutationVariables>;
export const ConsoleDeactivateUserDocument = {"__meta__":{"hash":"sha256:712139078ca63a47dc788d83f5228a576395855ade041cd42677def5012b3b51"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeactivateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deactivateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleDeactivateUserMutation, ConsoleDeactivateUserMutationVariables>;
export const ConsoleCreateOrganisationDocument = {"__meta__":{"hash":"sha256:75c60dbefc532ac51220cba3e6cce4bc070c5904d04ac4d0e42d6e1335466530"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateOrganisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateOrganisationMutation, ConsoleCreateOrganisationMutationVariables>;
export const ConsoleGuaranteeRequestsDocument = {"__meta__":{"hash":"sha256:b54366ec0ab6c7bb8aa64b210f1e9d3bb97343bf0185c3d4b1bee47b6fe1dbfe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleGuaranteeRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"guarantees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"REQUESTED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"budgetYear"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"matchId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleGuaranteeRequestsQuery, ConsoleGuaranteeRequestsQueryVariables>;
export const ConsoleBudgetsDocument = {"__meta__":{"hash":"sha256:e44c6b2bd6d9d86ad1984e1be26a90742a2683e7d3bcf032e77bc7ca4b5e11f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleBudgets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"guaranteeBudgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"budget"}},{"kind":"Field","name":{"kind":"Name","value":"committed"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleBudgetsQuery, ConsoleBudgetsQueryVariables>;
export const ConsoleDecideGuaranteeDocument = {"__meta__":{"hash":"sha256:d1b051ac090bbbfe458ca581c1d2962312494595fcce9de7c58a70f4e621cf55"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDecideGuarantee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"decideGuarantee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleDecideGuaranteeMutation, ConsoleDecideGuaranteeMutationVariables>;
export const ConsoleAuditLogDocument = {"__meta__":{"hash":"sha256:051d88d73ee52f1c009cbdc75c0bb2740068da0ef5302ca7c02efdb0e619881b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorUserId"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAuditLogQuery, ConsoleAuditLogQueryVariables>;
export const ConsoleVerifyChainDocument = {"__meta__":{"hash":"sha256:a1f661ae5b6614b583d4c23f2e0992a0eda20d07676a0a9f07fb1082fdaaeab1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleVerifyChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuditChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"intact"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"firstBrokenSeq"}}]}}]}}]} as unknown as DocumentNode<ConsoleVerifyChainQuery, ConsoleVerifyChainQueryVariables>;
export const BenchmarkDocument = {"__meta__":{"hash":"sha256:3560e165938cae7676cb3d283c3d03b7a10cedafa4e3fa67a2ef5a78b72883a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quarters"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quarters"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"csvSemicolon"}},{"kind":"Field","name":{"kind":"Name","value":"chartJson"}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"own"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"of"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"p75"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BenchmarkQuery, BenchmarkQueryVariables>;
export const ConsoleOperatorCatalogueDocument = {"__meta__":{"hash":"sha256:95649385c20d9ccbb63bd8b47631eb73894b1b7f07af454f5b52e854f6dd3023"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOperatorCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"courseCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"summaryDe"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reviewNote"}},{"kind":"Field","name":{"kind":"Name","value":"submittedByCity"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"minModules"}},{"kind":"Field","name":{"kind":"Name","value":"minAttendancePercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOperatorCatalogueQuery, ConsoleOperatorCatalogueQueryVariables>;
export const ConsoleReviewSubmissionDocument = {"__meta__":{"hash":"sha256:732ef906ed2707affc2f9cb7a054dc67396f68859770b887ff48348e53e1d130"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReviewSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"publish"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reviewCourseSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"publish"},"value":{"kind":"Variable","name":{"kind":"Name","value":"publish"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleReviewSubmissionMutation, ConsoleReviewSubmissionMutationVariables>;
export const ConsolePublishTemplateDocument = {"__meta__":{"hash":"sha256:182c2412bd861c321a6cddf7b304e9fa18733100ba7c9b1a272213129daedca0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsolePublishTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CourseTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishCourseTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsolePublishTemplateMutation, ConsolePublishTemplateMutationVariables>;
export const CourseEvaluationPageDocument = {"__meta__":{"hash":"sha256:959a28264bef2c9659c471e7d4aaa0cac6bd83b4a9ab4e5f772f3a9f0b6d68d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CourseEvaluationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"courseEvaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"courseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"courseId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Comparison"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"courseRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"courseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"droppedOut"}},{"kind":"Field","name":{"kind":"Name","value":"attendedPercent"}},{"kind":"Field","name":{"kind":"Name","value":"droppedAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"afterSession"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Share"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeShare"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"yes"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"pendingYes"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Group"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OutcomeGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"movedWithin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenancyHeld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Share"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Comparison"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CourseComparison"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"housedAtCompletion"}},{"kind":"Field","name":{"kind":"Name","value":"completers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Group"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Group"}}]}}]}}]} as unknown as DocumentNode<CourseEvaluationPageQuery, CourseEvaluationPageQueryVariables>;
export const ConsoleCourseRunDocument = {"__meta__":{"hash":"sha256:62c0816da9c04916fc22788e1f942d160bc798f55857e2befb1ce1e2f7255257"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCourseRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"courseRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"courseTitle"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"trainer"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"onDate"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"modules"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"droppedOut"}},{"kind":"Field","name":{"kind":"Name","value":"attendedPercent"}},{"kind":"Field","name":{"kind":"Name","value":"droppedAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"afterSession"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printedName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"dropReason"}},{"kind":"Field","name":{"kind":"Name","value":"droppedAfter"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attended"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"missing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"present"}},{"kind":"Field","name":{"kind":"Name","value":"absenceReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"issuedOn"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCourseRunQuery, ConsoleCourseRunQueryVariables>;
export const ConsoleEnrolDocument = {"__meta__":{"hash":"sha256:65f8ee0a50a6f1528ffb2d8395e36326ef7cb6ba707385d40ccb3c5c0dab1432"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleEnrol"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrolmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enrolInCourseRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleEnrolMutation, ConsoleEnrolMutationVariables>;
export const ConsoleAttendanceDocument = {"__meta__":{"hash":"sha256:50d13cda6d99a082e4e97e4ec0cceb37a4a9c5977ea72bc39caeb55e76ec8b01"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"marks"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttendanceMarkInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordCourseAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"marks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"marks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAttendanceMutation, ConsoleAttendanceMutationVariables>;
export const ConsoleDropOutDocument = {"__meta__":{"hash":"sha256:5e9abcc4b32dea8e4d37c9c5e77a6f7b01c15f2819002547a0fb95cf1f61b9db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDropOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DropReason"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dropOutOfCourse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrolmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDropOutMutation, ConsoleDropOutMutationVariables>;
export const ConsoleIssueCertificateDocument = {"__meta__":{"hash":"sha256:448789e6dd74bede43980fde93b3d7baffb4bb4e4b69ebcaa7bc2ec16cdc4ac1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleIssueCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"issueCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrolmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrolmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<ConsoleIssueCertificateMutation, ConsoleIssueCertificateMutationVariables>;
export const ConsoleRevokeCertificateDocument = {"__meta__":{"hash":"sha256:3302eba3e99330a59eb62bee072ac22a3a758b802eb2c66186a2d46acfa085e5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRevokeCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateRevokeReason"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleRevokeCertificateMutation, ConsoleRevokeCertificateMutationVariables>;
export const ConsoleReissueCertificateDocument = {"__meta__":{"hash":"sha256:2c9e149eab97251f36b5e0d01486fd0b531c0c891df74d11eee1d41537b13638"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReissueCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"printedName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reissueCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"printedName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printedName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<ConsoleReissueCertificateMutation, ConsoleReissueCertificateMutationVariables>;
export const ConsoleCoursesDocument = {"__meta__":{"hash":"sha256:a3d4277d3f2aae2a732b8b58f8e1b3cdd7c71345352449605b6fbdac5ed3b758"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCourses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"courses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"template"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"minModules"}},{"kind":"Field","name":{"kind":"Name","value":"minAttendancePercent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"newerVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"localModules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"minutes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"courseRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"courseId"}},{"kind":"Field","name":{"kind":"Name","value":"courseTitle"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"interpreterLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"deliveringOrgId"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"onDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"droppedOut"}},{"kind":"Field","name":{"kind":"Name","value":"attendedPercent"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"carriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleCoursesQuery, ConsoleCoursesQueryVariables>;
export const ConsoleCatalogueDocument = {"__meta__":{"hash":"sha256:bf3c50cd474e76ab16c36480a960fe8aa87cbccbae25b24bfe89d59c45181043"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"courseCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}},{"kind":"Field","name":{"kind":"Name","value":"summaryDe"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"ownSubmission"}},{"kind":"Field","name":{"kind":"Name","value":"reviewNote"}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"titleDe"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCatalogueQuery, ConsoleCatalogueQueryVariables>;
export const ConsoleAdoptCourseDocument = {"__meta__":{"hash":"sha256:4c5b5f73dbaa663b98529f41bae5d15ed45e34599c0b874def4e78e39e53e085"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAdoptCourse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"adoptCourse"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdoptCourseMutation, ConsoleAdoptCourseMutationVariables>;
export const ConsoleAdoptCourseVersionDocument = {"__meta__":{"hash":"sha256:dd12f4fc2b8bb06ee1f18d8485bb0e2873e7f50e654cd08a2725634b9ad8e5ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAdoptCourseVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"adoptCourseVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"courseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"templateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"templateId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdoptCourseVersionMutation, ConsoleAdoptCourseVersionMutationVariables>;
export const ConsoleAddLocalModuleDocument = {"__meta__":{"hash":"sha256:952fe216f7397c516717a194d44e6c18a6f8449eb3b37fea01e6ad6bdaeaefa2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddLocalModule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalModuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addLocalModule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"courseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"localModules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAddLocalModuleMutation, ConsoleAddLocalModuleMutationVariables>;
export const ConsoleScheduleRunDocument = {"__meta__":{"hash":"sha256:b9f44f8b3c6714305d23ea925f96a651def13deb500f68e86090c487d8a9f8b9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleScheduleRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CourseRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleCourseRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"courseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleScheduleRunMutation, ConsoleScheduleRunMutationVariables>;
export const ConsoleSubmitCourseDocument = {"__meta__":{"hash":"sha256:52851f6c7f17aff1c549fae3188e67b03ac2b4e6607a03eded6c90c209bc466e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSubmitCourse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"summaryDe"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"submitCourseToCatalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"courseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"courseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"summaryDe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"summaryDe"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleSubmitCourseMutation, ConsoleSubmitCourseMutationVariables>;
export const ConsoleSigningKeysDocument = {"__meta__":{"hash":"sha256:f1fac915e5e1460354e4f25582d206bba42edd792aab321afb6cd771cbfb3785"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSigningKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signingKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedFrom"}}]}}]}}]} as unknown as DocumentNode<ConsoleSigningKeysQuery, ConsoleSigningKeysQueryVariables>;
export const ConsoleRotateKeyDocument = {"__meta__":{"hash":"sha256:4f7dbc58e96a878df1a864bb0f2567d14f61e902266f15709babfa17a9a64882"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRotateKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotateSigningKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleRotateKeyMutation, ConsoleRotateKeyMutationVariables>;
export const ConsoleRevokeKeyDocument = {"__meta__":{"hash":"sha256:7aaef1e0b0032fa8ca525e71546380cd3414779432d2e46191269c732f0bb69a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRevokeKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokeSigningKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedFrom"}}]}}]}}]} as unknown as DocumentNode<ConsoleRevokeKeyMutation, ConsoleRevokeKeyMutationVariables>;
export const CityDashboardDocument = {"__meta__":{"hash":"sha256:9f611d224d9240f7594182a48944d097fc3385d613f3e47742ccec327a220735"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CityDashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cityDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quarters"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"intakes"}},{"kind":"Field","name":{"kind":"Name","value":"moves"}},{"kind":"Field","name":{"kind":"Name","value":"followups"}},{"kind":"Field","name":{"kind":"Name","value":"returns"}},{"kind":"Field","name":{"kind":"Name","value":"completions"}}]}}]}}]} as unknown as DocumentNode<CityDashboardQuery, CityDashboardQueryVariables>;
export const ConsoleHouseholdDocument = {"__meta__":{"hash":"sha256:2526a710a88796488c5521b38395fe4988bf838d6b617fac26f8e4a89193f7e4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateSince"}},{"kind":"Field","name":{"kind":"Name","value":"nextStates"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"readiness"}},{"kind":"Field","name":{"kind":"Name","value":"readinessOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"wbsValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"needsStepFree"}},{"kind":"Field","name":{"kind":"Name","value":"expectedToJoin"}},{"kind":"Field","name":{"kind":"Name","value":"preferredDistricts"}},{"kind":"Field","name":{"kind":"Name","value":"tenancyCoaching"}},{"kind":"Field","name":{"kind":"Name","value":"erased"}},{"kind":"Field","name":{"kind":"Name","value":"currentAccommodation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stateHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readinessHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"overall"}},{"kind":"Field","name":{"kind":"Name","value":"rentPayment"}},{"kind":"Field","name":{"kind":"Name","value":"householdManagement"}},{"kind":"Field","name":{"kind":"Name","value":"neighbourhood"}},{"kind":"Field","name":{"kind":"Name","value":"tenancyLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"givenOn"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"carrierHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counsellingSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"participants"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"barriers"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"overdueSteps"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"doneOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"months"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"risk"}},{"kind":"Field","name":{"kind":"Name","value":"recordedOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenancyCoachings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewingOn"}},{"kind":"Field","name":{"kind":"Name","value":"leaseSignedOn"}},{"kind":"Field","name":{"kind":"Name","value":"moveInOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"guarantees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleHouseholdQuery, ConsoleHouseholdQueryVariables>;
export const ConsoleHouseholdResidenceDocument = {"__meta__":{"hash":"sha256:24726fc4c3e19af9b0325ec243681a7288cbdd1a4b6f044e4c35261f2b2bdedb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHouseholdResidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccessPurpose"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"residenceStatus"}},{"kind":"Field","name":{"kind":"Name","value":"permitExpiresOn"}},{"kind":"Field","name":{"kind":"Name","value":"benefitFramework"}},{"kind":"Field","name":{"kind":"Name","value":"benefitChangesOn"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleHouseholdResidenceQuery, ConsoleHouseholdResidenceQueryVariables>;
export const ConsoleTransitionDocument = {"__meta__":{"hash":"sha256:871f1369e125adc58d24df72c39bbe990c292ff45ba48066f11169316f5892c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleTransition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseState"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"effectiveOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"transitionCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"effectiveOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"effectiveOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"stateSince"}},{"kind":"Field","name":{"kind":"Name","value":"nextStates"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"stateHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromState"}},{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTransitionMutation, ConsoleTransitionMutationVariables>;
export const ConsoleReadinessDocument = {"__meta__":{"hash":"sha256:f15290e795126b5f59c3110339e2eb6566366f0b8599404368e7de2fef225204"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleReadiness"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReadinessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordReadinessAssessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assessedOn"}},{"kind":"Field","name":{"kind":"Name","value":"overall"}}]}}]}}]} as unknown as DocumentNode<ConsoleReadinessMutation, ConsoleReadinessMutationVariables>;
export const ConsoleCounsellingDocument = {"__meta__":{"hash":"sha256:c7874f9a2a358abf0b8fae7496747f9b9297deeff0a65cfa765880e5a4d667bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCounselling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CounsellingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordCounsellingSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}}]}}]}}]} as unknown as DocumentNode<ConsoleCounsellingMutation, ConsoleCounsellingMutationVariables>;
export const ConsoleAddGoalDocument = {"__meta__":{"hash":"sha256:50b818d8e92a5bd8de40eb5aea46ad415946ee3959196b5c1fbd97100cad93d3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GoalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddGoalMutation, ConsoleAddGoalMutationVariables>;
export const ConsoleExportPersonDocument = {"__meta__":{"hash":"sha256:8e1724525648f46b42d021423ec21fd67fb0efd0b4003fc7c0a643795be56ec4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleExportPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"exportPersonData"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"EnumValue","value":"DATA_SUBJECT_REQUEST"}}]}]}}]} as unknown as DocumentNode<ConsoleExportPersonMutation, ConsoleExportPersonMutationVariables>;
export const ConsoleEraseHouseholdDocument = {"__meta__":{"hash":"sha256:2ae0250f5c31da82fd39c8d4b6044372972b54775db76b735ea6a119c338fbfc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleEraseHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eraseHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"erased"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleEraseHouseholdMutation, ConsoleEraseHouseholdMutationVariables>;
export const ConsoleCarriersDocument = {"__meta__":{"hash":"sha256:0013d1481a3461d8e980e20cc5f0209a8a2294efa8dcfe4664ea9fc076af5519"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCarriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"carriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleCarriersQuery, ConsoleCarriersQueryVariables>;
export const ConsoleAssignCarrierDocument = {"__meta__":{"hash":"sha256:a172b9118043e3e1939acc65e8d4f161741348e8e0b024f83cbcfa0bd1cac905"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAssignCarrier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assignCarrier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"carrierHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAssignCarrierMutation, ConsoleAssignCarrierMutationVariables>;
export const ConsoleProposeTransferDocument = {"__meta__":{"hash":"sha256:24c87b50dab4b1941d81bb061c2eb3f3f63ec3d2845cfebc0ac29a96d8979dd4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleProposeTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"proposeTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}}]}}]}}]} as unknown as DocumentNode<ConsoleProposeTransferMutation, ConsoleProposeTransferMutationVariables>;
export const ConsoleRecordFollowUpDocument = {"__meta__":{"hash":"sha256:8e23569c650e2fd72d4288141867f3fa43b3c4af2840fd2a243e1a0689237e1c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRecordFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"risk"}},{"kind":"Field","name":{"kind":"Name","value":"recordedOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleRecordFollowUpMutation, ConsoleRecordFollowUpMutationVariables>;
export const ConsoleRecordConsentDocument = {"__meta__":{"hash":"sha256:4893d7b4a98cf8da15db54420904945bb91c30c5e088de41808f93ccdedd3952"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"givenOn"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleRecordConsentMutation, ConsoleRecordConsentMutationVariables>;
export const ConsoleWithdrawConsentDocument = {"__meta__":{"hash":"sha256:fe7b2b3f05423bbbdff91674765e98c5a68b830f89f12a4451de7a7f54c051fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withdrawnOn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"withdrawnOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withdrawnOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawConsentMutation, ConsoleWithdrawConsentMutationVariables>;
export const ConsoleHouseholdsDocument = {"__meta__":{"hash":"sha256:d88f9d004ccafe56321bd2a6ab32a7b83dc6af0c31ed511d93789114165a14e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHouseholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"HouseholdFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"readiness"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleHouseholdsQuery, ConsoleHouseholdsQueryVariables>;
export const ConsoleCreateHouseholdDocument = {"__meta__":{"hash":"sha256:beaaa8903784b7b57aa0e889e97db91c33a6926df4c185fa05805eda5425a458"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateHousehold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateHouseholdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createHousehold"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateHouseholdMutation, ConsoleCreateHouseholdMutationVariables>;
export const ConsoleOfferDocument = {"__meta__":{"hash":"sha256:359ee1339f8bdd2d3d66636ed91461e1bb7f589a8a96dcad4cef4a28a3cde048"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"rooms"}},{"kind":"Field","name":{"kind":"Name","value":"livingSpace"}},{"kind":"Field","name":{"kind":"Name","value":"coldRent"}},{"kind":"Field","name":{"kind":"Name","value":"serviceCharges"}},{"kind":"Field","name":{"kind":"Name","value":"heating"}},{"kind":"Field","name":{"kind":"Name","value":"grossColdRent"}},{"kind":"Field","name":{"kind":"Name","value":"deposit"}},{"kind":"Field","name":{"kind":"Name","value":"availableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"wbsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"stepFree"}},{"kind":"Field","name":{"kind":"Name","value":"lift"}},{"kind":"Field","name":{"kind":"Name","value":"floor"}},{"kind":"Field","name":{"kind":"Name","value":"maxPersons"}},{"kind":"Field","name":{"kind":"Name","value":"petsAllowed"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"landlordName"}},{"kind":"Field","name":{"kind":"Name","value":"landlordContact"}}]}}]}}]} as unknown as DocumentNode<ConsoleOfferQuery, ConsoleOfferQueryVariables>;
export const ConsoleOfferMatchesDocument = {"__meta__":{"hash":"sha256:21b29d9eae725635b7c89738c9e87b643589316087500d6099958b4eb87c9af9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOfferMatches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"offerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"viewingOn"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"declinedBy"}},{"kind":"Field","name":{"kind":"Name","value":"leaseSignedOn"}},{"kind":"Field","name":{"kind":"Name","value":"moveInOn"}},{"kind":"Field","name":{"kind":"Name","value":"benefitOffice"}},{"kind":"Field","name":{"kind":"Name","value":"benefitOfficeOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOfferMatchesQuery, ConsoleOfferMatchesQueryVariables>;
export const ConsoleRankingDocument = {"__meta__":{"hash":"sha256:9d4e0351fa68d9fe6bcd1a5d943a0656d8d592cf4b6e69c69409ffc23d4204de"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleRanking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rankHouseholdsForOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"includeExcluded"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRankingQuery, ConsoleRankingQueryVariables>;
export const ConsoleMatchGuaranteesDocument = {"__meta__":{"hash":"sha256:ce0c9e2c591dd3181bd37d733a7826805b5f6051c973fa24bb94b3b8f20c8f0c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMatchGuarantees"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"guarantees"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"matchId"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMatchGuaranteesQuery, ConsoleMatchGuaranteesQueryVariables>;
export const ConsoleProposeMatchDocument = {"__meta__":{"hash":"sha256:4a45871149104f61fd99ebcefb07cb6df27d62c48358e994836f1a8c0db3d136"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleProposeMatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"proposeMatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleProposeMatchMutation, ConsoleProposeMatchMutationVariables>;
export const ConsoleScheduleViewingDocument = {"__meta__":{"hash":"sha256:f4504943cd9618260eacfb4884b4f43103e61a5fc92d3b28b130115db8cad609"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleScheduleViewing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleViewing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewingOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleScheduleViewingMutation, ConsoleScheduleViewingMutationVariables>;
export const ConsoleLandlordAcceptedDocument = {"__meta__":{"hash":"sha256:a64dd7006a83d4ec5f023ddb7ce323a4e54f4d8269ceb6a8379b288be537be0f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleLandlordAccepted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordLandlordAcceptance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleLandlordAcceptedMutation, ConsoleLandlordAcceptedMutationVariables>;
export const ConsoleBenefitOfficeDocument = {"__meta__":{"hash":"sha256:a13ffe57bf268352848a81be6a73eed8e22fbec93eabe5a9e28dfe55ebac1ee1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleBenefitOffice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decision"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BenefitOfficeDecision"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decidedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordBenefitOfficeDecision"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"decision"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decision"}}},{"kind":"Argument","name":{"kind":"Name","value":"decidedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decidedOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"benefitOffice"}},{"kind":"Field","name":{"kind":"Name","value":"benefitOfficeOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleBenefitOfficeMutation, ConsoleBenefitOfficeMutationVariables>;
export const ConsoleDeclineMatchDocument = {"__meta__":{"hash":"sha256:a1c52894fd0fde525cf7324ad9d09d1212c9b7e41ce4bb4ebf7d087342797cce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeclineMatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineReason"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"declineMatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleDeclineMatchMutation, ConsoleDeclineMatchMutationVariables>;
export const ConsoleSignLeaseDocument = {"__meta__":{"hash":"sha256:19525aa8fd4fa5e72cadf1a580298c11c6260a881de04e9da0bbc00ed6771596"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSignLease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"signedOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"moveInOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signLease"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"signedOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"signedOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"moveInOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"moveInOn"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"leaseSignedOn"}},{"kind":"Field","name":{"kind":"Name","value":"moveInOn"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleSignLeaseMutation, ConsoleSignLeaseMutationVariables>;
export const ConsoleRequestGuaranteeDocument = {"__meta__":{"hash":"sha256:82445f55cb4e449ec4fc75687e53045216734e40ba634bd78d7459baee40aeb5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestGuarantee"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GuaranteeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestGuarantee"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"householdId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"householdId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"matchId"}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestGuaranteeMutation, ConsoleRequestGuaranteeMutationVariables>;
export const ConsoleOffersDocument = {"__meta__":{"hash":"sha256:9b70d543c2b7e7ab6a737bb434ba908cbe94e78f25f6ce8b36460500cc8d3125"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"rooms"}},{"kind":"Field","name":{"kind":"Name","value":"livingSpace"}},{"kind":"Field","name":{"kind":"Name","value":"grossColdRent"}},{"kind":"Field","name":{"kind":"Name","value":"availableFrom"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"landlordName"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleOffersQuery, ConsoleOffersQueryVariables>;
export const ProgrammesPageDocument = {"__meta__":{"hash":"sha256:ac8dc6603b159b6f5e854f51fe1cc106ee578726b04d3c2064d00e6caacc4a82"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgrammesPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programmes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"caseloadLimit"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"paysFor"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"fte"}},{"kind":"Field","name":{"kind":"Name","value":"permanent"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"fundingId"}},{"kind":"Field","name":{"kind":"Name","value":"filled"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"expectedByNow"}},{"kind":"Field","name":{"kind":"Name","value":"behind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"filledFte"}},{"kind":"Field","name":{"kind":"Name","value":"vacantFte"}},{"kind":"Field","name":{"kind":"Name","value":"caseloadPerFte"}}]}}]}}]} as unknown as DocumentNode<ProgrammesPageQuery, ProgrammesPageQueryVariables>;
export const ProgrammeOrganisationsDocument = {"__meta__":{"hash":"sha256:175909d5f65ec999f9502bb12eee389126b322ad9cd631856167625298e7a7f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgrammeOrganisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"carriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProgrammeOrganisationsQuery, ProgrammeOrganisationsQueryVariables>;
export const ConsoleCreateProgrammeDocument = {"__meta__":{"hash":"sha256:92f0651ac2ff92cf95d239b8e85efb2ade489675693cd2542715ac95f568eb86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateProgramme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProgrammeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createProgramme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateProgrammeMutation, ConsoleCreateProgrammeMutationVariables>;
export const ConsoleAddFundingDocument = {"__meta__":{"hash":"sha256:bc8c826e043d59cf7e99b135e5acb8862e4ef4a32cf5f2dda742852bf40bdb69"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddFunding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addFundingSource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAddFundingMutation, ConsoleAddFundingMutationVariables>;
export const ConsoleAddPositionDocument = {"__meta__":{"hash":"sha256:cf630bf1e35102d8c919eece7eb4c5e77b82ab9ea3cbdc199c39c4afa5773d3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddPosition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PositionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addPosition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleAddPositionMutation, ConsoleAddPositionMutationVariables>;
export const ConsoleSetPositionFilledDocument = {"__meta__":{"hash":"sha256:cb7992f2f95385626ad5cbe6ca8052e0df82f619782ff8ca42a99bb4737a7fe2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetPositionFilled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"positionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setPositionFilled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"positionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"positionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"filled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filled"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filled"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleSetPositionFilledMutation, ConsoleSetPositionFilledMutationVariables>;
export const ConsoleRecordSpendingDocument = {"__meta__":{"hash":"sha256:6e1a2c24fe1acdf2d67842e47102493ca5c690007c8a40b32ac33067a707d613"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRecordSpending"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fundingId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spentOn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordFundingSpending"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fundingId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fundingId"}}},{"kind":"Argument","name":{"kind":"Name","value":"amount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amount"}}},{"kind":"Argument","name":{"kind":"Name","value":"spentOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spentOn"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRecordSpendingMutation, ConsoleRecordSpendingMutationVariables>;
export const ConsoleSetTargetDocument = {"__meta__":{"hash":"sha256:8ce50e4379620ef2cf8db896984ef367211b4f76587cb954262ef7b5d5691ec7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSetTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TargetKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"target"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setProgrammeTarget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"target"},"value":{"kind":"Variable","name":{"kind":"Name","value":"target"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleSetTargetMutation, ConsoleSetTargetMutationVariables>;
export const ConsoleRegisterDocument = {"__meta__":{"hash":"sha256:27cdfde28835fb5cb27516fd01cf7e8eb1f3618d02bd67e99117d2e7aa5eab94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accommodations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"occupied"}},{"kind":"Field","name":{"kind":"Name","value":"freePlaces"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"occupancyByDistrict"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"accommodations"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"occupied"}}]}},{"kind":"Field","name":{"kind":"Name","value":"landlords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"contact"}},{"kind":"Field","name":{"kind":"Name","value":"partnerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"annualQuota"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredThisYear"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rentCaps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"maxGrossColdRent"}},{"kind":"Field","name":{"kind":"Name","value":"maxLivingSpace"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]} as unknown as DocumentNode<ConsoleRegisterQuery, ConsoleRegisterQueryVariables>;
export const ConsoleSegregationDocument = {"__meta__":{"hash":"sha256:5e35637cc00d81c7759e6a7a2fd5d167ac09fb079f02f3fc6a59bb183b2fa19f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSegregation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"segregationIndicator"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"placements"}},{"kind":"Field","name":{"kind":"Name","value":"placementShare"}},{"kind":"Field","name":{"kind":"Name","value":"dwellings"}},{"kind":"Field","name":{"kind":"Name","value":"housingShare"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"clustering"}}]}}]}}]} as unknown as DocumentNode<ConsoleSegregationQuery, ConsoleSegregationQueryVariables>;
export const ConsoleHousingStockDocument = {"__meta__":{"hash":"sha256:ae82b48cefab7f6934445a6550e92b6d5eaefd0d7bfc56bfdaf3eff83a1a7ebf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleHousingStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"district"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dwellings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setDistrictHousingStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"district"},"value":{"kind":"Variable","name":{"kind":"Name","value":"district"}}},{"kind":"Argument","name":{"kind":"Name","value":"dwellings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dwellings"}}}]}]}}]} as unknown as DocumentNode<ConsoleHousingStockMutation, ConsoleHousingStockMutationVariables>;
export const ConsoleCreateAccommodationDocument = {"__meta__":{"hash":"sha256:18e96a3adca59349fc0f909652a705c8cd3d245865727ab3c48a67cc485832dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateAccommodation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AccommodationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createAccommodation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateAccommodationMutation, ConsoleCreateAccommodationMutationVariables>;
export const ConsoleCreateLandlordDocument = {"__meta__":{"hash":"sha256:a86950a48d1f402016f68bbe16ca559410c83682654d962b641d135769d4c050"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateLandlord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LandlordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createLandlord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateLandlordMutation, ConsoleCreateLandlordMutationVariables>;
export const ConsoleAddRentCapDocument = {"__meta__":{"hash":"sha256:77efbe23d2b4e5876d1c42938894769425fc7f4bffb9173dd9e4843253057c2c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddRentCap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RentCapInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addRentCap"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddRentCapMutation, ConsoleAddRentCapMutationVariables>;
export const ReportScopesDocument = {"__meta__":{"hash":"sha256:6a58a71c1922f9b214282390407286e431fade8cdd29d23508bb2b93454c65d5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportScopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"carriers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ReportScopesQuery, ReportScopesQueryVariables>;
export const ReportPageDocument = {"__meta__":{"hash":"sha256:3016023284ed3833c828fbfc5c3a65472539e3cc5151fd8d5ae36dd0885c5c6b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cutOff"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programmeReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cutOff"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cutOff"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"cutOff"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scopeName"}},{"kind":"Field","name":{"kind":"Name","value":"carrierLevel"}},{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"csvSemicolon"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"display"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportPageQuery, ReportPageQueryVariables>;
export const ReportPdfDocument = {"__meta__":{"hash":"sha256:9368cf46148be0bbacfa2e945037860c612462217aa34b45292d35f17643438d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportPdf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cutOff"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programmeReportPdf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cutOff"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cutOff"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"base64"}}]}}]}}]} as unknown as DocumentNode<ReportPdfQuery, ReportPdfQueryVariables>;
export const ReleasedReportsDocument = {"__meta__":{"hash":"sha256:2407d335754ad755e634e3ff4456e1cddd74f190ffc847d9c5b76ea939c43137"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleasedReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"releasedReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"cutOff"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}}]}}]}}]} as unknown as DocumentNode<ReleasedReportsQuery, ReleasedReportsQueryVariables>;
export const ReleaseJointReportDocument = {"__meta__":{"hash":"sha256:8a8a137d8b939c0554ac165ea700b05b57d4e59dcfec3717aabcf3f16f3f2118"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleaseJointReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cutOff"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"releaseJointReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"cutOff"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cutOff"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReleaseJointReportMutation, ReleaseJointReportMutationVariables>;
export const InsightSharingDocument = {"__meta__":{"hash":"sha256:712bca2a0545d62adc2f1e128d399ad017bddcc77bf6bd203545037250843646"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InsightSharing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"insightSharing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labelEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peers"}},{"kind":"Field","name":{"kind":"Name","value":"programmes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}}]}}]}}]}}]} as unknown as DocumentNode<InsightSharingQuery, InsightSharingQueryVariables>;
export const SetInsightSharingDocument = {"__meta__":{"hash":"sha256:401daca1b940bc35770fa0380384872b4fb63493b48a0be1c952db8a0869f554"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetInsightSharing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shared"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setInsightSharing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"shared"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shared"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"measure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"peers"}},{"kind":"Field","name":{"kind":"Name","value":"programmes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}}]}}]}}]}}]} as unknown as DocumentNode<SetInsightSharingMutation, SetInsightSharingMutationVariables>;
export const ConsoleStateProgrammesDocument = {"__meta__":{"hash":"sha256:513032f90d5310933eac94c7763f99a2608efb673066e3c456060e28013eb6fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleStateProgrammes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stateProgrammes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cities"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stateOfficers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programme"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleStateProgrammesQuery, ConsoleStateProgrammesQueryVariables>;
export const ConsoleCreateStateProgrammeDocument = {"__meta__":{"hash":"sha256:95266f03244433b397956ab67002b3be3619ee23f464fbcb1ee21f9af8f2096c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCreateStateProgramme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"citySlugs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createStateProgramme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"citySlugs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citySlugs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleCreateStateProgrammeMutation, ConsoleCreateStateProgrammeMutationVariables>;
export const ConsoleAssignStateOfficerDocument = {"__meta__":{"hash":"sha256:24a42f66b49f9641dd650f85f5996d0d291cd1361166768ebb7a51c27f796ddd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAssignStateOfficer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"assignStateOfficer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<ConsoleAssignStateOfficerMutation, ConsoleAssignStateOfficerMutationVariables>;
export const ConsoleWorklistDocument = {"__meta__":{"hash":"sha256:c167d7ca7bfcd1a0f5e3636fd4c48647ac906fdaba9c3491be813ff52ac65374"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleWorklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"worklist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomingTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permitsExpiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefitSwitches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inCoaching"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Item"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guaranteeRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scheduledMoves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"moveInOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programmeWarnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"programmeId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"paysFor"}},{"kind":"Field","name":{"kind":"Name","value":"fundedPositions"}},{"kind":"Field","name":{"kind":"Name","value":"fte"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"caseloadLimit"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"expectedByNow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Item"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}}]} as unknown as DocumentNode<ConsoleWorklistQuery, ConsoleWorklistQueryVariables>;
export const ConsoleIncomingTransfersDocument = {"__meta__":{"hash":"sha256:768569fe47d961e6053f9251e33b509b70c7991a42bf7312e3c4799f313e846b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleIncomingTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"incomingTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleIncomingTransfersQuery, ConsoleIncomingTransfersQueryVariables>;
export const ConsoleAcceptTransferDocument = {"__meta__":{"hash":"sha256:b12b5fc815e4dd9d44ef6310c5fa537c6d75ee17ecec2b99508d4990b4753416"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAcceptTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acceptTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleAcceptTransferMutation, ConsoleAcceptTransferMutationVariables>;
export const ConsoleRejectTransferDocument = {"__meta__":{"hash":"sha256:78d6ee0d81469ef1fb3d423a31bc0521e5f299834d0ea03a7fe9a2b01e4c6b53"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRejectTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reasonCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferRejectionReason"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"reasonCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reasonCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<ConsoleRejectTransferMutation, ConsoleRejectTransferMutationVariables>;
export const ConsoleReferencesDocument = {"__meta__":{"hash":"sha256:b6d52dad43102e1bd934265f363d4415b659346ee138f3c05becfcea35cba33a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleReferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Household"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleReferencesQuery, ConsoleReferencesQueryVariables>;