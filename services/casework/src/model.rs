//! What the service takes (validated inputs) and gives (views). Inputs hold domain
//! types only, so a value that reaches the service is already valid.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wohnweg_identity::OrganisationRef;
use wohnweg_kernel::{OrganisationId, UserId};

use crate::types::{
    AssignmentStatus, Barrier, BenefitFramework, CaseState, ConsentScope, FollowUpOutcome,
    LanguageLevel, Languages, Nationality, Occupation, Rating, ReadinessLevel, Reference, Relation,
    ResidenceStatus, StepOwner, TenancyRisk, Text, Topic,
};

/// A person's data, new or replacing the old.
#[derive(Clone, Debug)]
pub struct PersonInput {
    /// Given name.
    pub given_name: Text,
    /// Family name.
    pub family_name: Text,
    /// Date of birth, where known.
    pub date_of_birth: Option<NaiveDate>,
    /// Relation to the head.
    pub relation: Relation,
    /// Nationality.
    pub nationality: Option<Nationality>,
    /// Residence prospects.
    pub residence: ResidenceStatus,
    /// When the residence permit expires.
    pub permit_expires_on: Option<NaiveDate>,
    /// Benefit framework.
    pub benefit: BenefitFramework,
    /// When the benefit framework changes (e.g. AsylbLG → SGB II).
    pub benefit_changes_on: Option<NaiveDate>,
    /// German level.
    pub language_level: LanguageLevel,
    /// Employment or training.
    pub occupation: Occupation,
}

/// A new household with its members.
#[derive(Clone, Debug)]
pub struct NewHousehold {
    /// Reference number, unique in the tenant.
    pub reference: Reference,
    /// Languages spoken.
    pub languages: Languages,
    /// Notes.
    pub notes: Option<Text>,
    /// Current place (free text until the accommodation register).
    pub accommodation: Option<Text>,
    /// Members; at least one.
    pub members: Vec<PersonInput>,
    /// Which member is the primary contact (index into `members`).
    pub primary_contact: usize,
}

/// Changes to a household's own fields; `None` keeps the value.
#[derive(Clone, Debug, Default)]
pub struct HouseholdPatch {
    /// Languages.
    pub languages: Option<Languages>,
    /// Notes (`Some(None)` clears).
    pub notes: Option<Option<Text>>,
    /// Current place (`Some(None)` clears).
    pub accommodation: Option<Option<Text>>,
    /// Primary contact: a member's id.
    pub primary_contact: Option<Uuid>,
    /// Valid until of a housing entitlement certificate (`Some(None)` clears).
    pub wbs_until: Option<Option<NaiveDate>>,
    /// Needs step-free access.
    pub needs_step_free: Option<bool>,
    /// Preferred districts (at most 10, each 1–100 characters, no `|`).
    pub preferred_districts: Option<Vec<String>>,
    /// Family members expected to join (`Some(None)` clears).
    pub expected_to_join: Option<Option<Joining>>,
}

/// Family members expected to join the household (family reunification): they count
/// towards its size when matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Joining {
    /// How many (1–10).
    pub count: i32,
    /// When they are expected.
    pub on: NaiveDate,
}

impl Joining {
    /// Checks a count (1–10) and a date (today to three years ahead).
    pub fn parse(count: i32, on: NaiveDate) -> wohnweg_kernel::Result<Self> {
        if !(1..=10).contains(&count) {
            return Err(wohnweg_kernel::Error::bad_input(
                "input.expectedToJoin",
                "must be 0 (none) to 10 persons",
            ));
        }
        let today = chrono::Utc::now().date_naive();
        if on < today {
            return Err(wohnweg_kernel::Error::bad_input(
                "input.expectedToJoinOn",
                "must not lie in the past",
            ));
        }
        crate::types::date_in_range("input.expectedToJoinOn", on, today, 3)?;
        Ok(Self { count, on })
    }
}

/// Filters of the household list.
#[derive(Clone, Debug, Default)]
pub struct HouseholdFilter {
    /// Name or reference words, umlaut-tolerant; every word must match.
    pub search: Option<String>,
    /// Exact reference.
    pub reference: Option<String>,
    /// Case state.
    pub state: Option<CaseState>,
    /// Assigned carrier.
    pub carrier: Option<OrganisationId>,
    /// Latest readiness level.
    pub readiness: Option<ReadinessLevel>,
    /// Only the caller's own cases (city: the city caseworker; carrier: the carrier's
    /// caseworker).
    pub mine: bool,
    /// Living in a place of this kind (a code of another service's register, checked
    /// at the edge; answered by the registered [`crate::parts::HouseholdPart`]s).
    pub place_kind: Option<String>,
    /// A member has this residence status (audited as a residence read).
    pub residence: Option<ResidenceStatus>,
    /// A member is on this benefit framework (audited as a residence read).
    pub benefit: Option<BenefitFramework>,
    /// A member's residence permit expires on or before this day (audited).
    pub permit_expires_before: Option<NaiveDate>,
    /// A member's benefit framework changes between today and this day (audited).
    pub benefit_switch_before: Option<NaiveDate>,
    /// In tenancy coaching (or not).
    pub in_coaching: Option<bool>,
    /// An open aftercare follow-up falls due on or before this day.
    pub follow_up_due_before: Option<NaiveDate>,
}

impl HouseholdFilter {
    /// Whether the filter selects by residence or benefit data, so that the result
    /// reveals it (the read is audited, and closed to those who do not work cases).
    #[must_use]
    pub fn touches_residence(&self) -> bool {
        self.residence.is_some()
            || self.benefit.is_some()
            || self.permit_expires_before.is_some()
            || self.benefit_switch_before.is_some()
    }
}

/// What a read should load besides the household itself. Every part costs one
/// statement for the whole page, however many households it holds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Want {
    /// Members (names, relation, language, occupation).
    pub members: bool,
    /// Members' residence, benefit framework and nationality: audited.
    pub residence: bool,
    /// Workflow history.
    pub history: bool,
    /// Readiness assessments (dated versions): audited.
    pub readiness: bool,
    /// Consents.
    pub consents: bool,
    /// Carrier assignments and transfers.
    pub assignments: bool,
    /// Counselling sessions (barriers and notes): audited.
    pub counselling: bool,
    /// Goals and steps.
    pub goals: bool,
    /// Aftercare follow-ups.
    pub aftercare: bool,
    /// Tenancy coaching periods.
    pub coaching: bool,
}

/// A household as its readers see it.
#[derive(Clone, Debug)]
pub struct HouseholdView {
    /// Id.
    pub id: Uuid,
    /// Reference number.
    pub reference: String,
    /// Primary contact (a member's id).
    pub primary_contact: Option<Uuid>,
    /// Languages.
    pub languages: Vec<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Current place.
    pub accommodation: Option<String>,
    /// Case state.
    pub state: CaseState,
    /// Since when.
    pub state_since: NaiveDate,
    /// Assigned carrier.
    pub carrier: Option<OrganisationRef>,
    /// The carrier's caseworker.
    pub carrier_caseworker: Option<UserId>,
    /// The responsible city caseworker.
    pub city_caseworker: Option<UserId>,
    /// Family members expected to join.
    pub expected_to_join: Option<Joining>,
    /// Latest readiness level.
    pub readiness: Option<ReadinessLevel>,
    /// Date of the latest assessment.
    pub readiness_on: Option<NaiveDate>,
    /// Number of members.
    pub size: i32,
    /// Tenancy coaching is open (the latest follow-up found the tenancy at risk).
    pub tenancy_coaching: bool,
    /// Housing entitlement certificate valid until.
    pub wbs_until: Option<NaiveDate>,
    /// Needs step-free access.
    pub needs_step_free: bool,
    /// Preferred districts.
    pub preferred_districts: Vec<String>,
    /// Erased (pseudonymised) under data-protection rules.
    pub erased: bool,
    /// Optimistic-concurrency version.
    pub version: i32,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Loaded parts (`None` where not wanted).
    pub members: Option<Vec<PersonView>>,
    /// Workflow history, oldest first.
    pub history: Option<Vec<TransitionView>>,
    /// Readiness assessments, newest first.
    pub assessments: Option<Vec<AssessmentView>>,
    /// Consents, newest first.
    pub consents: Option<Vec<ConsentView>>,
    /// Assignments and transfers, newest first.
    pub assignments: Option<Vec<AssignmentView>>,
    /// Counselling sessions, newest first.
    pub sessions: Option<Vec<SessionView>>,
    /// Goals with their steps.
    pub goals: Option<Vec<GoalView>>,
    /// Aftercare follow-ups by due date.
    pub followups: Option<Vec<FollowUpView>>,
    /// Tenancy coaching periods, newest first.
    pub coachings: Option<Vec<crate::coaching::CoachingView>>,
}

/// An aftercare follow-up.
#[derive(Clone, Debug)]
pub struct FollowUpView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Months after the move.
    pub months: i32,
    /// Due on.
    pub due_on: NaiveDate,
    /// Outcome, once recorded.
    pub outcome: Option<FollowUpOutcome>,
    /// What puts the tenancy at risk.
    pub risk: Option<TenancyRisk>,
    /// Notes.
    pub notes: Option<String>,
    /// Recorded on.
    pub recorded_on: Option<NaiveDate>,
    /// Not recorded and past due.
    pub overdue: bool,
    /// Version.
    pub version: i32,
}

/// The outcome of a follow-up.
#[derive(Clone, Debug)]
pub struct FollowUpInput {
    /// Outcome.
    pub outcome: FollowUpOutcome,
    /// Required when at risk, refused otherwise.
    pub risk: Option<TenancyRisk>,
    /// Notes.
    pub notes: Option<Text>,
    /// When the follow-up took place.
    pub recorded_on: NaiveDate,
}

/// An organisation's own-cases setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visibility {
    /// The organisation (a city department or a carrier).
    pub organisation: OrganisationId,
    /// Its caseworkers see only the households they are responsible for.
    pub own_cases_only: bool,
    /// Version (0 while the default, the organisation's cases, applies).
    pub version: i32,
}

/// A tenant's casework settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Months after the move at which follow-ups fall due.
    pub aftercare_months: Vec<u32>,
    /// Years after closing after which a case is erased.
    pub retention_years: u32,
    /// Version (0 while the defaults apply).
    pub version: i32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            aftercare_months: vec![1, 3, 6, 12],
            retention_years: 5,
            version: 0,
        }
    }
}

/// Residence and benefit data of a person: special-category, read with an audit entry.
#[derive(Clone, Debug)]
pub struct Residence {
    /// Nationality.
    pub nationality: Option<String>,
    /// Residence prospects.
    pub status: ResidenceStatus,
    /// Permit expiry.
    pub permit_expires_on: Option<NaiveDate>,
    /// Benefit framework.
    pub benefit: BenefitFramework,
    /// When it changes.
    pub benefit_changes_on: Option<NaiveDate>,
}

/// A person.
#[derive(Clone, Debug)]
pub struct PersonView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Date of birth.
    pub date_of_birth: Option<NaiveDate>,
    /// Relation to the head.
    pub relation: Relation,
    /// German level.
    pub language_level: LanguageLevel,
    /// Employment or training.
    pub occupation: Occupation,
    /// Residence data, when asked for (and audited).
    pub residence: Option<Residence>,
    /// Version.
    pub version: i32,
}

/// One step of the workflow.
#[derive(Clone, Debug)]
pub struct TransitionView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// From (none for the intake).
    pub from: Option<CaseState>,
    /// To.
    pub to: CaseState,
    /// Why.
    pub reason: String,
    /// Effective date.
    pub effective_on: NaiveDate,
    /// Recorded at.
    pub at: DateTime<Utc>,
    /// By whom.
    pub actor: UserId,
}

/// A new readiness assessment.
#[derive(Clone, Debug)]
pub struct NewAssessment {
    /// Date.
    pub assessed_on: NaiveDate,
    /// Paying rent reliably.
    pub rent_payment: Rating,
    /// Running a household.
    pub household_management: Rating,
    /// Getting on with neighbours, house rules.
    pub neighbourhood: Rating,
    /// Language for tenancy matters.
    pub tenancy_language: Rating,
    /// ID document at hand.
    pub id_document: bool,
    /// Proof of income at hand.
    pub income_proof: bool,
    /// SCHUFA report at hand.
    pub schufa: bool,
    /// Overall level.
    pub overall: ReadinessLevel,
    /// Notes.
    pub notes: Option<Text>,
}

/// A readiness assessment.
#[derive(Clone, Debug)]
pub struct AssessmentView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Assessor.
    pub assessor: UserId,
    /// The ratings.
    pub input: AssessmentData,
}

/// The stored content of an assessment.
#[derive(Clone, Debug)]
pub struct AssessmentData {
    /// Date.
    pub assessed_on: NaiveDate,
    /// Rent payment.
    pub rent_payment: Rating,
    /// Household management.
    pub household_management: Rating,
    /// Neighbourhood.
    pub neighbourhood: Rating,
    /// Tenancy language.
    pub tenancy_language: Rating,
    /// ID document.
    pub id_document: bool,
    /// Income proof.
    pub income_proof: bool,
    /// SCHUFA.
    pub schufa: bool,
    /// Overall.
    pub overall: ReadinessLevel,
    /// Notes.
    pub notes: Option<String>,
}

/// A new consent.
#[derive(Clone, Debug)]
pub struct NewConsent {
    /// What it allows.
    pub scope: ConsentScope,
    /// Given on.
    pub given_on: NaiveDate,
    /// Note.
    pub note: Option<Text>,
}

/// A consent.
#[derive(Clone, Debug)]
pub struct ConsentView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Scope.
    pub scope: ConsentScope,
    /// Given on.
    pub given_on: NaiveDate,
    /// Withdrawn on.
    pub withdrawn_on: Option<NaiveDate>,
    /// Note.
    pub note: Option<String>,
    /// Version.
    pub version: i32,
}

/// A carrier assignment or transfer.
#[derive(Clone, Debug)]
pub struct AssignmentView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// The carrier.
    pub organisation: OrganisationId,
    /// Its caseworker.
    pub caseworker: Option<UserId>,
    /// Status.
    pub status: AssignmentStatus,
    /// Why proposed.
    pub reason: Option<String>,
    /// Why rejected.
    pub decision_reason: Option<String>,
    /// Proposed at.
    pub proposed_at: DateTime<Utc>,
    /// Decided at.
    pub decided_at: Option<DateTime<Utc>>,
    /// Ended at.
    pub ended_at: Option<DateTime<Utc>>,
    /// Version.
    /// Why the receiving carrier rejected it (a code).
    pub reject_code: Option<crate::types::TransferRejection>,
    /// Who rejected it (the carrier, or the household refusing the carrier).
    pub rejected_by: Option<crate::types::DecisionActor>,
    pub version: i32,
}

/// A new counselling session.
#[derive(Clone, Debug)]
pub struct NewSession {
    /// Held on.
    pub held_on: NaiveDate,
    /// Who took part (roles or names as the caseworker writes them).
    pub participants: Text,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Barriers, fears and needs.
    pub barriers: Vec<Barrier>,
    /// Free text on barriers, fears and needs.
    pub notes: Option<Text>,
    /// Agreed next steps.
    pub next_steps: Option<Text>,
}

/// A counselling session.
#[derive(Clone, Debug)]
pub struct SessionView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Held on.
    pub held_on: NaiveDate,
    /// Participants.
    pub participants: String,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Barriers.
    pub barriers: Vec<Barrier>,
    /// Notes.
    pub notes: Option<String>,
    /// Next steps.
    pub next_steps: Option<String>,
    /// Recorded by.
    pub recorded_by: UserId,
}

/// A new goal step.
#[derive(Clone, Debug)]
pub struct NewStep {
    /// What.
    pub description: Text,
    /// Who.
    pub owner: StepOwner,
    /// By when.
    pub due_on: NaiveDate,
}

/// A goal step.
#[derive(Clone, Debug)]
pub struct StepView {
    /// Id.
    pub id: Uuid,
    /// Goal.
    pub goal_id: Uuid,
    /// What.
    pub description: String,
    /// Who.
    pub owner: StepOwner,
    /// By when.
    pub due_on: NaiveDate,
    /// Done on.
    pub done_on: Option<NaiveDate>,
    /// Not done and past due.
    pub overdue: bool,
    /// Version.
    pub version: i32,
}

/// A goal with its steps.
#[derive(Clone, Debug)]
pub struct GoalView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Title.
    pub title: String,
    /// Steps, by due date.
    pub steps: Vec<StepView>,
    /// Created.
    pub created_at: DateTime<Utc>,
}
