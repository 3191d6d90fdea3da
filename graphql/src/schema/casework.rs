//! GraphQL surface of casework. Resolvers parse input into domain types
//! (`BAD_USER_INPUT` naming the field), call `wohnweg_casework::Casework` and map the
//! views. What a read loads is derived from the selection (look-ahead), so a page of
//! households costs one statement per selected part, and residence, readiness and
//! counselling data are fetched — and audited — only when a client asks for them.

use super::scalars::Date;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, SimpleObject};
use chrono::NaiveDate;
use uuid::Uuid;
use wohnweg_casework::types::{self as t, Languages, Nationality, Reference, Text};
use wohnweg_casework::{
    AssessmentView, AssignmentView, Casework, ConsentView, GoalView, HouseholdFilter,
    HouseholdPatch, HouseholdView, NewAssessment, NewConsent, NewHousehold, NewSession, NewStep,
    PersonInput as DomainPerson, PersonView, SessionView, StepView, TransitionView, Want,
};
use wohnweg_kernel::page::PageRequest;
use wohnweg_kernel::{Error, OrganisationId, UserId};

use super::housing::CurrentAccommodation;
use super::{Counted, Services, connection, counted, gql_enum, parse_id, request_ctx, uuid};
use crate::error::{GqlResultExt, under_input};

fn casework<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Casework> {
    Ok(&ctx.data::<Services>()?.casework)
}

/// Preferred districts: at most 10, each 1–100 characters without `|`.
fn districts(raw: &[String]) -> Result<Vec<String>, Error> {
    if raw.len() > 10 {
        return Err(Error::bad_input(
            "input.preferredDistricts",
            "at most 10 districts",
        ));
    }
    raw.iter()
        .map(|d| {
            let t = Text::parse("input.preferredDistricts", d, 100, false)?;
            if t.as_str().contains('|') {
                return Err(Error::bad_input(
                    "input.preferredDistricts",
                    "must not contain |",
                ));
            }
            Ok(t.into_string())
        })
        .collect()
}

gql_enum!(/// Why a receiving carrier rejected a transfer.
    TransferRejectionCode => "wohnweg_casework::types::TransferRejection", "TransferRejectionReason" {
    NoCapacity, OutsideArea, LanguageNotCovered, HouseholdRefused, Other });
gql_enum!(/// Case state. 
    CaseStateCode => "wohnweg_casework::types::CaseState", "CaseState" {
    Intake, Active, Searching, OfferInProgress, MovedOut, Aftercare, Closed, Paused, ContactLost });
gql_enum!(/// Residence prospects (Bleibeperspektive).
    ResidenceCode => "wohnweg_casework::types::ResidenceStatus", "ResidenceStatus" {
    AsylumPending, RecognisedRefugee, SubsidiaryProtection, DeportationBan, TemporaryProtection,
    Toleration, EuCitizen, Settled, Other });
gql_enum!(/// Benefit framework (Rechtskreis).
    BenefitCode => "wohnweg_casework::types::BenefitFramework", "BenefitFramework" {
    Asylblg, Sgb2 = "SGB2", Sgb12 = "SGB12", Other, None });
gql_enum!(/// German language level (CEFR).
    LanguageLevelCode => "wohnweg_casework::types::LanguageLevel", "LanguageLevel" {
    A0 = "A0", A1 = "A1", A2 = "A2", B1 = "B1", B2 = "B2", C1 = "C1", C2 = "C2" });
gql_enum!(/// Employment or training status.
    OccupationCode => "wohnweg_casework::types::Occupation", "Occupation" {
    Employed, MarginalEmployment, Training, Course, School, Unemployed, NotAvailable, Child });
gql_enum!(/// Relation to the head of the household.
    RelationCode => "wohnweg_casework::types::Relation", "Relation" {
    Head, Partner, Child, Parent, Sibling, Other });
gql_enum!(/// Rating of a readiness dimension.
    RatingCode => "wohnweg_casework::types::Rating", "Rating" { NotMet, Partly, Met });
gql_enum!(/// Overall housing readiness (Wohnfähigkeit).
    ReadinessCode => "wohnweg_casework::types::ReadinessLevel", "ReadinessLevel" {
    NotReady, ReadyWithSupport, Ready });
gql_enum!(/// What a consent allows.
    ConsentScopeCode => "wohnweg_casework::types::ConsentScope", "ConsentScope" {
    ShareWithCarrier, ShareWithLandlords, Evaluation });
gql_enum!(/// Counselling topic.
    TopicCode => "wohnweg_casework::types::Topic", "CounsellingTopic" {
    FlatSearch, TenancyRights, Documents, Budget, Benefits, HouseholdManagement, Language, Work,
    Health, Family, Other });
gql_enum!(/// Barrier, fear or need.
    BarrierCode => "wohnweg_casework::types::Barrier", "Barrier" {
    Debts, MissingDocuments, Language, Health, MentalHealth, Accessibility, Childcare,
    Discrimination, FearOfIsolation, FearOfCosts, Other });
gql_enum!(/// Who owns a goal step.
    StepOwnerCode => "wohnweg_casework::types::StepOwner", "StepOwner" {
    Household, Caseworker, Carrier, City, Other });
gql_enum!(/// Outcome of an aftercare follow-up.
    FollowUpOutcomeCode => "wohnweg_casework::types::FollowUpOutcome", "FollowUpOutcome" {
    Stable, AtRisk, Lost, ReturnedToShelter, Cancelled });
gql_enum!(/// What puts a tenancy at risk.
    TenancyRiskCode => "wohnweg_casework::types::TenancyRisk", "TenancyRisk" {
    Arrears, Conflict, Other });
gql_enum!(/// Why personal data is read; recorded with audited reads and exports.
    AccessPurposeCode => "wohnweg_casework::types::AccessPurpose", "AccessPurpose" {
    CaseWork, DataSubjectRequest, TransferReview, Supervision, LegalObligation });
gql_enum!(/// Status of a carrier assignment or transfer.
    AssignmentStatusCode => "wohnweg_casework::types::AssignmentStatus", "AssignmentStatus" {
    Proposed, Active, Rejected, Ended });

/// A household: the unit of a case. The second part is where it lives now, from the
/// accommodation register, when the selection asks for it.
pub struct Household(HouseholdView, Option<Option<CurrentAccommodation>>);

/// Attaches where each household lives now (one call for the whole page) when
/// `selected`.
pub(crate) async fn with_places(
    ctx: &Context<'_>,
    rctx: &wohnweg_kernel::Ctx,
    views: Vec<HouseholdView>,
    selected: bool,
) -> async_graphql::Result<Vec<Household>> {
    if !selected {
        return Ok(views.into_iter().map(|v| Household(v, None)).collect());
    }
    let ids: Vec<Uuid> = views.iter().map(|v| v.id).collect();
    let mut places = ctx
        .data::<Services>()?
        .housing
        .current_places(rctx, &ids)
        .await
        .gql()?;
    Ok(views
        .into_iter()
        .map(|v| {
            let p = places.remove(&v.id).map(CurrentAccommodation::from);
            Household(v, Some(p))
        })
        .collect())
}

fn loaded<T: Clone>(part: Option<&Vec<T>>) -> async_graphql::Result<Vec<T>> {
    // The look-ahead decides what is loaded; a selection it missed is a bug, not an
    // empty list.
    part.cloned()
        .ok_or_else(|| Error::internal(std::io::Error::other("part not loaded")))
        .gql()
}

#[Object]
impl Household {
    pub(crate) async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Reference number, unique in the city.
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    /// Number of members.
    async fn size(&self) -> i32 {
        self.0.size
    }
    /// Languages (ISO 639-1).
    async fn languages(&self) -> &[String] {
        &self.0.languages
    }
    /// Notes.
    async fn notes(&self) -> Option<&str> {
        self.0.notes.as_deref()
    }
    /// Current place as free text, from before the accommodation register.
    #[graphql(deprecation = "use currentAccommodation (the accommodation register)")]
    async fn accommodation(&self) -> Option<&str> {
        self.0.accommodation.as_deref()
    }
    /// Where the household lives now, from the accommodation register.
    async fn current_accommodation(&self) -> async_graphql::Result<Option<CurrentAccommodation>> {
        self.1
            .clone()
            .ok_or_else(|| Error::internal(std::io::Error::other("place not loaded")))
            .gql()
    }
    /// Case state.
    async fn state(&self) -> CaseStateCode {
        self.0.state.into()
    }
    /// Since when (effective date of the last transition).
    async fn state_since(&self) -> Date {
        Date(self.0.state_since)
    }
    /// States the case may move to next.
    async fn next_states(&self) -> Vec<CaseStateCode> {
        self.0
            .state
            .next_by_transition()
            .into_iter()
            .map(Into::into)
            .collect()
    }
    /// The assigned carrier.
    async fn carrier(&self) -> Option<Carrier> {
        self.0.carrier.as_ref().map(|c| Carrier {
            id: ID(c.id.to_string()),
            name: c.name.clone(),
        })
    }
    /// The carrier's caseworker.
    async fn carrier_caseworker_id(&self) -> Option<ID> {
        self.0.carrier_caseworker.map(|u| ID(u.to_string()))
    }
    /// The responsible city caseworker.
    async fn city_caseworker_id(&self) -> Option<ID> {
        self.0.city_caseworker.map(|u| ID(u.to_string()))
    }
    /// Latest housing-readiness level.
    async fn readiness(&self) -> Option<ReadinessCode> {
        self.0.readiness.map(Into::into)
    }
    /// Date of the latest readiness assessment.
    async fn readiness_on(&self) -> Option<Date> {
        self.0.readiness_on.map(Date)
    }
    /// The primary contact (a member's id).
    async fn primary_contact_id(&self) -> Option<ID> {
        self.0.primary_contact.map(|p| ID(p.to_string()))
    }
    /// Version, for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// Housing entitlement certificate (WBS) valid until.
    async fn wbs_valid_until(&self) -> Option<Date> {
        self.0.wbs_until.map(Date)
    }
    /// Needs step-free access.
    async fn needs_step_free(&self) -> bool {
        self.0.needs_step_free
    }
    /// Family members expected to join (counted in matching); 0 when none.
    async fn expected_to_join(&self) -> i32 {
        self.0.expected_to_join.map_or(0, |j| j.count)
    }
    /// When they are expected.
    async fn expected_to_join_on(&self) -> Option<Date> {
        self.0.expected_to_join.map(|j| j.on).map(Date)
    }
    /// Preferred districts.
    async fn preferred_districts(&self) -> &[String] {
        &self.0.preferred_districts
    }
    /// Tenancy coaching is open: the latest follow-up found the tenancy at risk.
    async fn tenancy_coaching(&self) -> bool {
        self.0.tenancy_coaching
    }
    /// Erased under data-protection rules (personal fields removed).
    async fn erased(&self) -> bool {
        self.0.erased
    }
    /// Aftercare follow-ups by due date.
    async fn follow_ups(&self) -> async_graphql::Result<Vec<FollowUp>> {
        Ok(loaded(self.0.followups.as_ref())?
            .into_iter()
            .map(FollowUp::from)
            .collect())
    }
    /// Tenancy coaching periods, newest first.
    async fn tenancy_coachings(
        &self,
    ) -> async_graphql::Result<Vec<super::coaching::TenancyCoaching>> {
        Ok(loaded(self.0.coachings.as_ref())?
            .into_iter()
            .map(Into::into)
            .collect())
    }
    /// Members. Their residence fields are audited when selected.
    async fn members(&self) -> async_graphql::Result<Vec<Person>> {
        Ok(loaded(self.0.members.as_ref())?
            .into_iter()
            .map(Person)
            .collect())
    }
    /// The workflow history, oldest first.
    async fn state_history(&self) -> async_graphql::Result<Vec<Transition>> {
        Ok(loaded(self.0.history.as_ref())?
            .into_iter()
            .map(Transition::from)
            .collect())
    }
    /// Housing-readiness assessments, newest first (audited).
    async fn readiness_history(&self) -> async_graphql::Result<Vec<ReadinessAssessment>> {
        Ok(loaded(self.0.assessments.as_ref())?
            .into_iter()
            .map(ReadinessAssessment::from)
            .collect())
    }
    /// Consents, newest first.
    async fn consents(&self) -> async_graphql::Result<Vec<Consent>> {
        Ok(loaded(self.0.consents.as_ref())?
            .into_iter()
            .map(Consent::from)
            .collect())
    }
    /// Carrier assignments and transfers, newest first (a carrier sees its own only).
    async fn carrier_history(&self) -> async_graphql::Result<Vec<CarrierAssignment>> {
        Ok(loaded(self.0.assignments.as_ref())?
            .into_iter()
            .map(CarrierAssignment::from)
            .collect())
    }
    /// Counselling sessions, newest first (audited).
    async fn counselling_sessions(&self) -> async_graphql::Result<Vec<CounsellingSession>> {
        Ok(loaded(self.0.sessions.as_ref())?
            .into_iter()
            .map(CounsellingSession::from)
            .collect())
    }
    /// The goal plan.
    async fn goals(&self) -> async_graphql::Result<Vec<Goal>> {
        Ok(loaded(self.0.goals.as_ref())?
            .into_iter()
            .map(Goal::from)
            .collect())
    }
}

/// An aftercare follow-up.
#[derive(SimpleObject)]
pub struct FollowUp {
    /// Id.
    pub id: ID,
    /// Months after the move.
    pub months: i32,
    /// Due on.
    pub due_on: Date,
    /// Outcome, once recorded.
    pub outcome: Option<FollowUpOutcomeCode>,
    /// What puts the tenancy at risk.
    pub risk: Option<TenancyRiskCode>,
    /// Notes.
    pub notes: Option<String>,
    /// Recorded on.
    pub recorded_on: Option<Date>,
    /// Not recorded and past due.
    pub overdue: bool,
    /// Version.
    pub version: i32,
}

impl From<wohnweg_casework::FollowUpView> for FollowUp {
    fn from(v: wohnweg_casework::FollowUpView) -> Self {
        Self {
            id: ID(v.id.to_string()),
            months: v.months,
            due_on: Date(v.due_on),
            outcome: v.outcome.map(Into::into),
            risk: v.risk.map(Into::into),
            notes: v.notes,
            recorded_on: v.recorded_on.map(Date),
            overdue: v.overdue,
            version: v.version,
        }
    }
}

/// A city's casework settings.
#[derive(SimpleObject)]
pub struct CaseworkSettings {
    /// Months after the move at which aftercare follow-ups fall due.
    pub aftercare_months: Vec<i32>,
    /// Years after closing after which a case is erased.
    pub retention_years: i32,
    /// Version (0 while the defaults apply).
    pub version: i32,
}

impl From<wohnweg_casework::Settings> for CaseworkSettings {
    fn from(s: wohnweg_casework::Settings) -> Self {
        Self {
            aftercare_months: s
                .aftercare_months
                .into_iter()
                .map(|m| i32::try_from(m).unwrap_or(i32::MAX))
                .collect(),
            retention_years: i32::try_from(s.retention_years).unwrap_or(i32::MAX),
            version: s.version,
        }
    }
}

/// The outcome of a follow-up.
#[derive(InputObject)]
pub struct FollowUpInput {
    /// Outcome.
    pub outcome: FollowUpOutcomeCode,
    /// What puts the tenancy at risk (required when at risk).
    pub risk: Option<TenancyRiskCode>,
    /// Notes.
    pub notes: Option<String>,
    /// When the follow-up took place (YYYY-MM-DD; default today).
    pub recorded_on: Option<Date>,
}

/// A carrier, as a household shows it.
#[derive(SimpleObject)]
pub struct Carrier {
    /// Organisation id.
    pub id: ID,
    /// Name.
    pub name: String,
}

/// A member of a household.
pub struct Person(PersonView);

#[Object]
impl Person {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// Given name.
    async fn given_name(&self) -> &str {
        &self.0.given_name
    }
    /// Family name.
    async fn family_name(&self) -> &str {
        &self.0.family_name
    }
    /// Date of birth.
    async fn date_of_birth(&self) -> Option<Date> {
        self.0.date_of_birth.map(Date)
    }
    /// Relation to the head.
    async fn relation(&self) -> RelationCode {
        self.0.relation.into()
    }
    /// German level.
    async fn language_level(&self) -> LanguageLevelCode {
        self.0.language_level.into()
    }
    /// Employment or training.
    async fn occupation(&self) -> OccupationCode {
        self.0.occupation.into()
    }
    /// Nationality (ISO 3166 alpha-2). Audited.
    async fn nationality(&self) -> async_graphql::Result<Option<String>> {
        Ok(self.residence()?.nationality.clone())
    }
    /// Residence prospects. Audited.
    async fn residence_status(&self) -> async_graphql::Result<ResidenceCode> {
        Ok(self.residence()?.status.into())
    }
    /// When the residence permit expires. Audited.
    async fn permit_expires_on(&self) -> async_graphql::Result<Option<Date>> {
        Ok(self.residence()?.permit_expires_on.map(Date))
    }
    /// Benefit framework. Audited.
    async fn benefit_framework(&self) -> async_graphql::Result<BenefitCode> {
        Ok(self.residence()?.benefit.into())
    }
    /// When the benefit framework changes. Audited.
    async fn benefit_changes_on(&self) -> async_graphql::Result<Option<Date>> {
        Ok(self.residence()?.benefit_changes_on.map(Date))
    }
    /// Version, for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

impl Person {
    fn residence(&self) -> async_graphql::Result<&wohnweg_casework::Residence> {
        self.0
            .residence
            .as_ref()
            .ok_or_else(|| Error::internal(std::io::Error::other("residence not loaded")))
            .gql()
    }
}

/// One step of a case's workflow.
#[derive(SimpleObject)]
pub struct Transition {
    /// Id.
    pub id: ID,
    /// From (none for the intake).
    pub from_state: Option<CaseStateCode>,
    /// To.
    pub to_state: CaseStateCode,
    /// Why.
    pub reason: String,
    /// Effective date.
    pub effective_on: Date,
    /// Recorded at.
    pub at: chrono::DateTime<chrono::Utc>,
    /// By whom.
    pub actor_user_id: ID,
}

impl From<TransitionView> for Transition {
    fn from(v: TransitionView) -> Self {
        Self {
            id: ID(v.id.to_string()),
            from_state: v.from.map(Into::into),
            to_state: v.to.into(),
            reason: v.reason,
            effective_on: Date(v.effective_on),
            at: v.at,
            actor_user_id: ID(v.actor.to_string()),
        }
    }
}

/// A dated housing-readiness assessment.
#[derive(SimpleObject)]
pub struct ReadinessAssessment {
    /// Id.
    pub id: ID,
    /// Date.
    pub assessed_on: Date,
    /// Assessor.
    pub assessor_user_id: ID,
    /// Paying rent reliably.
    pub rent_payment: RatingCode,
    /// Running a household.
    pub household_management: RatingCode,
    /// Neighbourhood, house rules.
    pub neighbourhood: RatingCode,
    /// Language for tenancy matters.
    pub tenancy_language: RatingCode,
    /// ID document at hand.
    pub id_document: bool,
    /// Income proof at hand.
    pub income_proof: bool,
    /// SCHUFA report at hand.
    pub schufa: bool,
    /// Overall level.
    pub overall: ReadinessCode,
    /// Notes.
    pub notes: Option<String>,
}

impl From<AssessmentView> for ReadinessAssessment {
    fn from(v: AssessmentView) -> Self {
        let a = v.input;
        Self {
            id: ID(v.id.to_string()),
            assessed_on: Date(a.assessed_on),
            assessor_user_id: ID(v.assessor.to_string()),
            rent_payment: a.rent_payment.into(),
            household_management: a.household_management.into(),
            neighbourhood: a.neighbourhood.into(),
            tenancy_language: a.tenancy_language.into(),
            id_document: a.id_document,
            income_proof: a.income_proof,
            schufa: a.schufa,
            overall: a.overall.into(),
            notes: a.notes,
        }
    }
}

/// A consent.
#[derive(SimpleObject)]
pub struct Consent {
    /// Id.
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// Scope.
    pub scope: ConsentScopeCode,
    /// Given on.
    pub given_on: Date,
    /// Withdrawn on.
    pub withdrawn_on: Option<Date>,
    /// Note.
    pub note: Option<String>,
    /// Version.
    pub version: i32,
}

impl From<ConsentView> for Consent {
    fn from(v: ConsentView) -> Self {
        Self {
            id: ID(v.id.to_string()),
            household_id: ID(v.household_id.to_string()),
            scope: v.scope.into(),
            given_on: Date(v.given_on),
            withdrawn_on: v.withdrawn_on.map(Date),
            note: v.note,
            version: v.version,
        }
    }
}

/// A carrier assignment or a proposed transfer.
#[derive(SimpleObject)]
pub struct CarrierAssignment {
    /// Id.
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// The carrier.
    pub organisation_id: ID,
    /// The carrier's caseworker.
    pub caseworker_id: Option<ID>,
    /// Status.
    pub status: AssignmentStatusCode,
    /// Why the transfer was proposed.
    pub reason: Option<String>,
    /// Why it was rejected (free text).
    pub decision_reason: Option<String>,
    /// Why it was rejected (a code, countable).
    pub rejection_reason: Option<TransferRejectionCode>,
    /// Who rejected it: the carrier, or the household refusing the carrier.
    pub rejected_by: Option<super::matching::DecisionActorCode>,
    /// Proposed at.
    pub proposed_at: chrono::DateTime<chrono::Utc>,
    /// Decided at.
    pub decided_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Ended at.
    pub ended_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Version.
    pub version: i32,
}

impl From<AssignmentView> for CarrierAssignment {
    fn from(v: AssignmentView) -> Self {
        Self {
            id: ID(v.id.to_string()),
            household_id: ID(v.household_id.to_string()),
            organisation_id: ID(v.organisation.to_string()),
            caseworker_id: v.caseworker.map(|u| ID(u.to_string())),
            status: v.status.into(),
            reason: v.reason,
            decision_reason: v.decision_reason,
            rejection_reason: v.reject_code.map(Into::into),
            rejected_by: v.rejected_by.map(Into::into),
            proposed_at: v.proposed_at,
            decided_at: v.decided_at,
            ended_at: v.ended_at,
            version: v.version,
        }
    }
}

/// A counselling session (Einzelfallberatung).
#[derive(SimpleObject)]
pub struct CounsellingSession {
    /// Id.
    pub id: ID,
    /// Held on.
    pub held_on: Date,
    /// Participants.
    pub participants: String,
    /// Topics.
    pub topics: Vec<TopicCode>,
    /// Barriers, fears and needs.
    pub barriers: Vec<BarrierCode>,
    /// Free text on barriers, fears and needs.
    pub notes: Option<String>,
    /// Agreed next steps.
    pub next_steps: Option<String>,
    /// Recorded by.
    pub recorded_by_user_id: ID,
}

impl From<SessionView> for CounsellingSession {
    fn from(v: SessionView) -> Self {
        Self {
            id: ID(v.id.to_string()),
            held_on: Date(v.held_on),
            participants: v.participants,
            topics: v.topics.into_iter().map(Into::into).collect(),
            barriers: v.barriers.into_iter().map(Into::into).collect(),
            notes: v.notes,
            next_steps: v.next_steps,
            recorded_by_user_id: ID(v.recorded_by.to_string()),
        }
    }
}

/// A goal with its steps.
#[derive(SimpleObject)]
pub struct Goal {
    /// Id.
    pub id: ID,
    /// Title.
    pub title: String,
    /// Steps by due date.
    pub steps: Vec<GoalStep>,
    /// Steps not done and past due.
    pub overdue_steps: i32,
}

impl From<GoalView> for Goal {
    fn from(v: GoalView) -> Self {
        let overdue = v.steps.iter().filter(|s| s.overdue).count();
        Self {
            id: ID(v.id.to_string()),
            title: v.title,
            overdue_steps: i32::try_from(overdue).unwrap_or(i32::MAX),
            steps: v.steps.into_iter().map(GoalStep::from).collect(),
        }
    }
}

/// A concrete step towards a goal.
#[derive(SimpleObject)]
pub struct GoalStep {
    /// Id.
    pub id: ID,
    /// What.
    pub description: String,
    /// Who.
    pub owner: StepOwnerCode,
    /// By when.
    pub due_on: Date,
    /// Done on.
    pub done_on: Option<Date>,
    /// Not done and past due.
    pub overdue: bool,
    /// Version.
    pub version: i32,
}

impl From<StepView> for GoalStep {
    fn from(v: StepView) -> Self {
        Self {
            id: ID(v.id.to_string()),
            description: v.description,
            owner: v.owner.into(),
            due_on: Date(v.due_on),
            done_on: v.done_on.map(Date),
            overdue: v.overdue,
            version: v.version,
        }
    }
}

/// Filters of the household list.
#[derive(InputObject, Default)]
pub struct HouseholdFilterInput {
    /// Name or reference words; umlaut-tolerant (Müller = Mueller = muller).
    pub search: Option<String>,
    /// Exact reference.
    pub reference: Option<String>,
    /// Case state.
    pub state: Option<CaseStateCode>,
    /// Assigned carrier.
    pub carrier_id: Option<ID>,
    /// Latest readiness level.
    pub readiness: Option<ReadinessCode>,
    /// Only the caller's own cases (city: the responsible city caseworker; carrier: the
    /// carrier's caseworker).
    pub mine: Option<bool>,
    /// Living now in a place of this kind.
    pub accommodation_kind: Option<super::housing::AccommodationKindCode>,
    /// A member has this residence status (audited as a read of residence data).
    pub residence_status: Option<ResidenceCode>,
    /// A member is on this benefit framework (audited).
    pub benefit_framework: Option<BenefitCode>,
    /// A member's residence permit expires on or before this day (YYYY-MM-DD; audited).
    pub permit_expires_before: Option<Date>,
    /// A member's benefit framework changes between today and this day (audited).
    pub benefit_switch_before: Option<Date>,
    /// In tenancy coaching (or, with false, not).
    pub in_tenancy_coaching: Option<bool>,
    /// An open aftercare follow-up falls due on or before this day.
    pub follow_up_due_before: Option<Date>,
}

/// A person's data.
#[derive(InputObject)]
pub struct PersonInput {
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Date of birth (YYYY-MM-DD).
    pub date_of_birth: Option<Date>,
    /// Relation to the head.
    pub relation: RelationCode,
    /// Nationality (ISO 3166 alpha-2; XX when stateless or unknown).
    pub nationality: Option<String>,
    /// Residence prospects.
    pub residence_status: ResidenceCode,
    /// When the residence permit expires (YYYY-MM-DD).
    pub permit_expires_on: Option<Date>,
    /// Benefit framework.
    pub benefit_framework: BenefitCode,
    /// When the benefit framework changes (YYYY-MM-DD).
    pub benefit_changes_on: Option<Date>,
    /// German level.
    pub language_level: LanguageLevelCode,
    /// Employment or training.
    pub occupation: OccupationCode,
}

fn person_input(prefix: &'static str, p: &PersonInput) -> Result<DomainPerson, Error> {
    // Field names in errors are the API's, prefixed with where the input sits.
    let f = |name: &'static str| -> std::borrow::Cow<'static, str> {
        format!("{prefix}.{name}").into()
    };
    Ok(DomainPerson {
        given_name: Text::parse(f("givenName"), &p.given_name, 100, false)?,
        family_name: Text::parse(f("familyName"), &p.family_name, 100, false)?,
        date_of_birth: p.date_of_birth.map(NaiveDate::from),
        relation: p.relation.into(),
        nationality: p
            .nationality
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|n| Nationality::parse(f("nationality"), n))
            .transpose()?,
        residence: p.residence_status.into(),
        permit_expires_on: p.permit_expires_on.map(NaiveDate::from),
        benefit: p.benefit_framework.into(),
        benefit_changes_on: p.benefit_changes_on.map(NaiveDate::from),
        language_level: p.language_level.into(),
        occupation: p.occupation.into(),
    })
}

/// A new household.
#[derive(InputObject)]
pub struct CreateHouseholdInput {
    /// Reference number, unique in the city.
    pub reference: String,
    /// Languages (ISO 639-1).
    #[graphql(default)]
    pub languages: Vec<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Current place (free text until the accommodation register).
    pub accommodation: Option<String>,
    /// Members: at least one, exactly one of them the head.
    pub members: Vec<PersonInput>,
    /// Index of the primary contact among `members` (default 0).
    #[graphql(default)]
    pub primary_contact: i32,
}

/// Changes to a household; omitted fields stay, an empty string clears.
#[derive(InputObject, Default)]
pub struct UpdateHouseholdInput {
    /// Languages.
    pub languages: Option<Vec<String>>,
    /// Notes.
    pub notes: Option<String>,
    /// Current place.
    pub accommodation: Option<String>,
    /// Primary contact: a member's id.
    pub primary_contact_id: Option<ID>,
    /// Housing entitlement certificate (WBS) valid until; `null` clears.
    pub wbs_valid_until: MaybeUndefined<Date>,
    /// Needs step-free access.
    pub needs_step_free: Option<bool>,
    /// Preferred districts (at most 10).
    pub preferred_districts: Option<Vec<String>>,
    /// Family members expected to join (family reunification), 1–10; they count towards
    /// the household's size in matching. 0 clears.
    pub expected_to_join: Option<i32>,
    /// When they are expected (YYYY-MM-DD; required with a count above 0).
    pub expected_to_join_on: Option<Date>,
}

/// The family-reunification part of an update.
fn joining(
    count: Option<i32>,
    on: Option<Date>,
) -> Result<Option<Option<wohnweg_casework::Joining>>, Error> {
    match (count, on) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(Error::bad_input(
            "input.expectedToJoin",
            "give the number of persons with the date",
        )),
        (Some(0), _) => Ok(Some(None)),
        (Some(_), None) => Err(Error::bad_input(
            "input.expectedToJoinOn",
            "give the date they are expected",
        )),
        (Some(n), Some(d)) => Ok(Some(Some(wohnweg_casework::Joining::parse(n, d.0)?))),
    }
}

/// A readiness assessment.
#[derive(InputObject)]
pub struct ReadinessInput {
    /// Date (YYYY-MM-DD).
    pub assessed_on: Date,
    /// Paying rent reliably.
    pub rent_payment: RatingCode,
    /// Running a household.
    pub household_management: RatingCode,
    /// Neighbourhood, house rules.
    pub neighbourhood: RatingCode,
    /// Language for tenancy matters.
    pub tenancy_language: RatingCode,
    /// ID document at hand.
    pub id_document: bool,
    /// Income proof at hand.
    pub income_proof: bool,
    /// SCHUFA report at hand.
    pub schufa: bool,
    /// Overall level.
    pub overall: ReadinessCode,
    /// Notes.
    pub notes: Option<String>,
}

/// A consent.
#[derive(InputObject)]
pub struct ConsentInput {
    /// What it allows.
    pub scope: ConsentScopeCode,
    /// Given on (YYYY-MM-DD).
    pub given_on: Date,
    /// Note (e.g. where the signed form is filed).
    pub note: Option<String>,
}

/// A counselling session.
#[derive(InputObject)]
pub struct CounsellingInput {
    /// Held on (YYYY-MM-DD).
    pub held_on: Date,
    /// Who took part.
    pub participants: String,
    /// Topics; at least one.
    pub topics: Vec<TopicCode>,
    /// Barriers, fears and needs.
    #[graphql(default)]
    pub barriers: Vec<BarrierCode>,
    /// Free text on barriers, fears and needs.
    pub notes: Option<String>,
    /// Agreed next steps.
    pub next_steps: Option<String>,
}

/// A goal step.
#[derive(InputObject)]
pub struct GoalStepInput {
    /// What.
    pub description: String,
    /// Who.
    pub owner: StepOwnerCode,
    /// By when (YYYY-MM-DD).
    pub due_on: Date,
}

/// A goal with its first steps.
#[derive(InputObject)]
pub struct GoalInput {
    /// Title.
    pub title: String,
    /// Steps.
    #[graphql(default)]
    pub steps: Vec<GoalStepInput>,
}

fn step_input(prefix: String, s: &GoalStepInput) -> Result<NewStep, Error> {
    Ok(NewStep {
        description: Text::parse(format!("{prefix}.description"), &s.description, 500, false)?,
        owner: s.owner.into(),
        due_on: s.due_on.0,
    })
}

/// What a selection asks to load. `look` is the `Household` selection.
pub(crate) fn want_of(look: &async_graphql::Lookahead<'_>) -> Want {
    let members = look.field("members");
    let residence = [
        "nationality",
        "residenceStatus",
        "permitExpiresOn",
        "benefitFramework",
        "benefitChangesOn",
    ]
    .iter()
    .any(|f| members.field(f).exists());
    Want {
        members: members.exists(),
        residence,
        history: look.field("stateHistory").exists(),
        readiness: look.field("readinessHistory").exists(),
        consents: look.field("consents").exists(),
        assignments: look.field("carrierHistory").exists(),
        counselling: look.field("counsellingSessions").exists(),
        goals: look.field("goals").exists(),
        aftercare: look.field("followUps").exists(),
        coaching: look.field("tenancyCoachings").exists(),
    }
}

fn merge(a: Want, b: Want) -> Want {
    Want {
        members: a.members || b.members,
        residence: a.residence || b.residence,
        history: a.history || b.history,
        readiness: a.readiness || b.readiness,
        consents: a.consents || b.consents,
        assignments: a.assignments || b.assignments,
        counselling: a.counselling || b.counselling,
        goals: a.goals || b.goals,
        aftercare: a.aftercare || b.aftercare,
        coaching: a.coaching || b.coaching,
    }
}

/// Refuses, before anything is written, a mutation whose selection the caller may not
/// read (so a `FORBIDDEN` never follows a saved change).
fn precheck(ctx: &Context<'_>, rctx: &wohnweg_kernel::Ctx) -> async_graphql::Result<()> {
    casework(ctx)?
        .check_read(rctx, want_of(&ctx.look_ahead()))
        .gql()
}

/// Reloads a household after a write, with what the mutation's selection asks for.
async fn reload(
    ctx: &Context<'_>,
    rctx: &wohnweg_kernel::Ctx,
    id: Uuid,
) -> async_graphql::Result<Household> {
    load_household(ctx, rctx, id, None).await
}

/// One household with what the current field selects (`household(id:)` and
/// `node(id:)`); `NOT_FOUND` when it is outside the caller's reach.
pub(crate) async fn load_household(
    ctx: &Context<'_>,
    rctx: &wohnweg_kernel::Ctx,
    id: Uuid,
    purpose: Option<AccessPurposeCode>,
) -> async_graphql::Result<Household> {
    let look = ctx.look_ahead();
    let view = casework(ctx)?
        .household(rctx, id, want_of(&look), purpose.map(Into::into))
        .await
        .gql()?;
    let selected = look.field("currentAccommodation").exists();
    let mut one = with_places(ctx, rctx, vec![view], selected).await?;
    one.pop()
        .ok_or_else(|| Error::NotFound {
            entity: "household",
        })
        .gql()
}

/// Casework queries.
#[derive(Default)]
pub struct CaseworkQuery;

#[Object]
impl CaseworkQuery {
    /// The caller's households: a city's caseworkers see all of the city, a carrier the
    /// households assigned to it. `purpose` is recorded with audited reads.
    async fn households(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<HouseholdFilterInput>,
        purpose: Option<AccessPurposeCode>,
    ) -> async_graphql::Result<Connection<String, Household, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let f = filter.unwrap_or_default();
        let filter = HouseholdFilter {
            search: f.search.filter(|s| !s.trim().is_empty()),
            reference: f.reference,
            state: f.state.map(Into::into),
            carrier: f
                .carrier_id
                .as_ref()
                .map(|id| parse_id::<OrganisationId>("filter.carrierId", id))
                .transpose()
                .gql()?,
            readiness: f.readiness.map(Into::into),
            mine: f.mine.unwrap_or(false),
            place_kind: f.accommodation_kind.map(|k| {
                wohnweg_housing::types::AccommodationKind::from(k)
                    .code()
                    .to_owned()
            }),
            residence: f.residence_status.map(Into::into),
            benefit: f.benefit_framework.map(Into::into),
            permit_expires_before: f.permit_expires_before.map(NaiveDate::from),
            benefit_switch_before: f.benefit_switch_before.map(NaiveDate::from),
            in_coaching: f.in_tenancy_coaching,
            follow_up_due_before: f.follow_up_due_before.map(NaiveDate::from),
        };
        let look = ctx.look_ahead();
        let want = merge(
            want_of(&look.field("edges").field("node")),
            want_of(&look.field("nodes")),
        );
        let items = casework(ctx)?
            .households(&rctx, &filter, page, want, purpose.map(Into::into))
            .await
            .gql()?;
        let selected = look
            .field("edges")
            .field("node")
            .field("currentAccommodation")
            .exists()
            || look.field("nodes").field("currentAccommodation").exists();
        let (has_next, total) = (items.has_next, items.total);
        let households = with_places(ctx, &rctx, items.items, selected).await?;
        Ok(connection(
            wohnweg_kernel::page::Page {
                items: households,
                has_next,
                total,
            },
            page.after.is_some(),
            |h| h.0.id.to_string(),
            |h| h,
        ))
    }

    /// One household; `NOT_FOUND` when it does not exist or is outside the caller's
    /// reach. `purpose` is recorded with audited reads.
    async fn household(
        &self,
        ctx: &Context<'_>,
        id: ID,
        purpose: Option<AccessPurposeCode>,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        load_household(ctx, &rctx, id, purpose).await
    }

    /// The city's casework settings (city staff and administrators).
    async fn casework_settings(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<CaseworkSettings> {
        let rctx = request_ctx(ctx).await?;
        Ok(casework(ctx)?.settings(&rctx).await.gql()?.into())
    }

    /// Everything held about a person, as JSON (GDPR Art. 15). Kept for one release:
    /// an export writes to the audit log, so it is a mutation now.
    #[graphql(deprecation = "use the mutation exportPersonData: an export is recorded")]
    async fn export_person_data(
        &self,
        ctx: &Context<'_>,
        person_id: ID,
        purpose: Option<AccessPurposeCode>,
    ) -> async_graphql::Result<async_graphql::Json<serde_json::Value>> {
        export_person(ctx, &person_id, purpose).await
    }

    /// The city's carriers by name (id and name): whom a household can be assigned
    /// or transferred to. City staff and carrier staff; one statement.
    async fn carriers(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Carrier>> {
        let rctx = request_ctx(ctx).await?;
        let list = casework(ctx)?.carriers(&rctx).await.gql()?;
        Ok(list
            .into_iter()
            .map(|o| Carrier {
                id: ID(o.id.to_string()),
                name: o.name,
            })
            .collect())
    }

    /// Transfers proposed to the caller's carrier, awaiting its decision.
    async fn incoming_transfers(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<CarrierAssignment>> {
        let rctx = request_ctx(ctx).await?;
        let items = casework(ctx)?.incoming_transfers(&rctx).await.gql()?;
        Ok(items.into_iter().map(CarrierAssignment::from).collect())
    }
}

async fn export_person(
    ctx: &Context<'_>,
    person_id: &ID,
    purpose: Option<AccessPurposeCode>,
) -> async_graphql::Result<async_graphql::Json<serde_json::Value>> {
    let rctx = request_ctx(ctx).await?;
    let id = uuid("personId", person_id).gql()?;
    Ok(async_graphql::Json(
        casework(ctx)?
            .export_person(&rctx, id, purpose.map(Into::into))
            .await
            .gql()?,
    ))
}

/// Casework mutations.
#[derive(Default)]
pub struct CaseworkMutation;

#[Object]
impl CaseworkMutation {
    /// Everything held about a person, as JSON (GDPR Art. 15): their record, the
    /// case, what other services hold about the household (matches, guarantees,
    /// repayments, occupancies) and who accessed it. City caseworkers and
    /// coordinators; recorded in the audit log as an export with its purpose.
    async fn export_person_data(
        &self,
        ctx: &Context<'_>,
        person_id: ID,
        purpose: Option<AccessPurposeCode>,
    ) -> async_graphql::Result<async_graphql::Json<serde_json::Value>> {
        export_person(ctx, &person_id, purpose).await
    }

    /// Takes in a household (state `INTAKE`). City caseworkers and coordinators.
    async fn create_household(
        &self,
        ctx: &Context<'_>,
        input: CreateHouseholdInput,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        precheck(ctx, &rctx)?;
        let new = (|| -> Result<NewHousehold, Error> {
            const PREFIXES: [&str; 20] = [
                "input.members.0",
                "input.members.1",
                "input.members.2",
                "input.members.3",
                "input.members.4",
                "input.members.5",
                "input.members.6",
                "input.members.7",
                "input.members.8",
                "input.members.9",
                "input.members.10",
                "input.members.11",
                "input.members.12",
                "input.members.13",
                "input.members.14",
                "input.members.15",
                "input.members.16",
                "input.members.17",
                "input.members.18",
                "input.members.19",
            ];
            if input.members.is_empty() || input.members.len() > PREFIXES.len() {
                return Err(Error::bad_input("input.members", "give 1–20 members"));
            }
            Ok(NewHousehold {
                reference: Reference::parse("input.reference", &input.reference)?,
                languages: Languages::parse("input.languages", &input.languages)?,
                notes: Text::parse_opt("input.notes", input.notes.as_deref(), 4000, true)?,
                accommodation: Text::parse_opt(
                    "input.accommodation",
                    input.accommodation.as_deref(),
                    200,
                    false,
                )?,
                members: input
                    .members
                    .iter()
                    .zip(PREFIXES)
                    .map(|(m, p)| person_input(p, m))
                    .collect::<Result<_, _>>()?,
                primary_contact: usize::try_from(input.primary_contact).map_err(|_| {
                    Error::bad_input("input.primaryContact", "must be the index of a member")
                })?,
            })
        })()
        .gql()?;
        let id = casework(ctx)?
            .create_household(&rctx, new)
            .await
            .map_err(under_input)
            .gql()?;
        reload(ctx, &rctx, id).await
    }

    /// Changes a household's own fields.
    async fn update_household(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: UpdateHouseholdInput,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        precheck(ctx, &rctx)?;
        let id = uuid("id", &id).gql()?;
        let patch = (|| -> Result<HouseholdPatch, Error> {
            Ok(HouseholdPatch {
                languages: input
                    .languages
                    .as_deref()
                    .map(|l| Languages::parse("input.languages", l))
                    .transpose()?,
                notes: input
                    .notes
                    .as_deref()
                    .map(|n| Text::parse_opt("input.notes", Some(n), 4000, true))
                    .transpose()?,
                accommodation: input
                    .accommodation
                    .as_deref()
                    .map(|a| Text::parse_opt("input.accommodation", Some(a), 200, false))
                    .transpose()?,
                primary_contact: input
                    .primary_contact_id
                    .as_ref()
                    .map(|p| uuid("input.primaryContactId", p))
                    .transpose()?,
                wbs_until: match &input.wbs_valid_until {
                    MaybeUndefined::Undefined => None,
                    MaybeUndefined::Null => Some(None),
                    MaybeUndefined::Value(d) => Some(Some(d.0)),
                },
                needs_step_free: input.needs_step_free,
                preferred_districts: input
                    .preferred_districts
                    .as_ref()
                    .map(|d| districts(d))
                    .transpose()?,
                expected_to_join: joining(input.expected_to_join, input.expected_to_join_on)?,
            })
        })()
        .gql()?;
        casework(ctx)?
            .update_household(&rctx, id, version, patch)
            .await
            .gql()?;
        reload(ctx, &rctx, id).await
    }

    /// Adds a member to a household.
    async fn add_person(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: PersonInput,
    ) -> async_graphql::Result<Person> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let p = person_input("input", &input).gql()?;
        Ok(Person(
            casework(ctx)?.add_person(&rctx, hid, p).await.gql()?,
        ))
    }

    /// Replaces a member's data.
    async fn update_person(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: PersonInput,
    ) -> async_graphql::Result<Person> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let p = person_input("input", &input).gql()?;
        Ok(Person(
            casework(ctx)?
                .update_person(&rctx, id, version, p)
                .await
                .gql()?,
        ))
    }

    /// Moves a case to another state, if the workflow allows it; the history keeps
    /// every step with its reason and effective date.
    async fn transition_case(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        version: i32,
        to: CaseStateCode,
        reason: String,
        effective_on: Option<Date>,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        precheck(ctx, &rctx)?;
        let hid = uuid("householdId", &household_id).gql()?;
        let reason = Text::parse("reason", &reason, 500, false).gql()?;
        let on = effective_on
            .map(NaiveDate::from)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        casework(ctx)?
            .transition(&rctx, hid, version, to.into(), reason, on)
            .await
            .gql()?;
        reload(ctx, &rctx, hid).await
    }

    /// Records a housing-readiness assessment.
    async fn record_readiness_assessment(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: ReadinessInput,
    ) -> async_graphql::Result<ReadinessAssessment> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let a = (|| -> Result<NewAssessment, Error> {
            Ok(NewAssessment {
                assessed_on: input.assessed_on.0,
                rent_payment: input.rent_payment.into(),
                household_management: input.household_management.into(),
                neighbourhood: input.neighbourhood.into(),
                tenancy_language: input.tenancy_language.into(),
                id_document: input.id_document,
                income_proof: input.income_proof,
                schufa: input.schufa,
                overall: input.overall.into(),
                notes: Text::parse_opt("input.notes", input.notes.as_deref(), 4000, true)?,
            })
        })()
        .gql()?;
        Ok(casework(ctx)?
            .record_readiness(&rctx, hid, a)
            .await
            .gql()?
            .into())
    }

    /// Records a consent.
    async fn record_consent(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: ConsentInput,
    ) -> async_graphql::Result<Consent> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let c = (|| -> Result<NewConsent, Error> {
            Ok(NewConsent {
                scope: input.scope.into(),
                given_on: input.given_on.0,
                note: Text::parse_opt("input.note", input.note.as_deref(), 500, false)?,
            })
        })()
        .gql()?;
        Ok(casework(ctx)?
            .record_consent(&rctx, hid, c)
            .await
            .gql()?
            .into())
    }

    /// Withdraws a consent. Withdrawing the consent to share with a carrier ends the
    /// carrier's access at once.
    async fn withdraw_consent(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        withdrawn_on: Option<Date>,
    ) -> async_graphql::Result<Consent> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let on = withdrawn_on
            .map(NaiveDate::from)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        Ok(casework(ctx)?
            .withdraw_consent(&rctx, id, version, on)
            .await
            .gql()?
            .into())
    }

    /// Assigns a household to a carrier (and optionally its caseworker). City staff;
    /// needs the household's consent to share with a carrier.
    async fn assign_carrier(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        version: i32,
        organisation_id: ID,
        caseworker_id: Option<ID>,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        precheck(ctx, &rctx)?;
        let hid = uuid("householdId", &household_id).gql()?;
        let org = parse_id::<OrganisationId>("organisationId", &organisation_id).gql()?;
        let cw = caseworker_id
            .as_ref()
            .map(|c| parse_id::<UserId>("caseworkerId", c))
            .transpose()
            .gql()?;
        casework(ctx)?
            .assign_carrier(&rctx, hid, version, org, cw)
            .await
            .gql()?;
        reload(ctx, &rctx, hid).await
    }

    /// Proposes handing a household to another carrier, which accepts or rejects.
    async fn propose_transfer(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        organisation_id: ID,
        reason: String,
    ) -> async_graphql::Result<CarrierAssignment> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let org = parse_id::<OrganisationId>("organisationId", &organisation_id).gql()?;
        let reason = Text::parse("reason", &reason, 500, false).gql()?;
        Ok(casework(ctx)?
            .propose_transfer(&rctx, hid, org, reason)
            .await
            .gql()?
            .into())
    }

    /// The receiving carrier accepts a transfer (optionally naming its caseworker).
    async fn accept_transfer(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        caseworker_id: Option<ID>,
    ) -> async_graphql::Result<CarrierAssignment> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let cw = caseworker_id
            .as_ref()
            .map(|c| parse_id::<UserId>("caseworkerId", c))
            .transpose()
            .gql()?;
        Ok(casework(ctx)?
            .accept_transfer(&rctx, id, version, cw)
            .await
            .gql()?
            .into())
    }

    /// The receiving carrier rejects a transfer, with a coded reason (countable; without
    /// one it counts as OTHER; the household refusing the carrier is recorded as the
    /// household's decision) and text.
    async fn reject_transfer(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        reason_code: Option<TransferRejectionCode>,
        reason: String,
    ) -> async_graphql::Result<CarrierAssignment> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let reason = Text::parse("reason", &reason, 500, false).gql()?;
        Ok(casework(ctx)?
            .reject_transfer(
                &rctx,
                id,
                version,
                reason_code.map_or(
                    wohnweg_casework::types::TransferRejection::Other,
                    Into::into,
                ),
                reason,
            )
            .await
            .gql()?
            .into())
    }

    /// Names (or, with no id, clears) the carrier's caseworker of a household.
    async fn set_carrier_caseworker(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        version: i32,
        caseworker_id: Option<ID>,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        precheck(ctx, &rctx)?;
        let hid = uuid("householdId", &household_id).gql()?;
        let cw = caseworker_id
            .as_ref()
            .map(|c| parse_id::<UserId>("caseworkerId", c))
            .transpose()
            .gql()?;
        casework(ctx)?
            .set_caseworker(&rctx, hid, version, cw)
            .await
            .gql()?;
        reload(ctx, &rctx, hid).await
    }

    /// Records a counselling session.
    async fn record_counselling_session(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: CounsellingInput,
    ) -> async_graphql::Result<CounsellingSession> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let s = (|| -> Result<NewSession, Error> {
            Ok(NewSession {
                held_on: input.held_on.0,
                participants: Text::parse("input.participants", &input.participants, 500, false)?,
                topics: input.topics.iter().map(|t| t::Topic::from(*t)).collect(),
                barriers: input
                    .barriers
                    .iter()
                    .map(|b| t::Barrier::from(*b))
                    .collect(),
                notes: Text::parse_opt("input.notes", input.notes.as_deref(), 4000, true)?,
                next_steps: Text::parse_opt(
                    "input.nextSteps",
                    input.next_steps.as_deref(),
                    4000,
                    true,
                )?,
            })
        })()
        .gql()?;
        Ok(casework(ctx)?
            .record_counselling(&rctx, hid, s)
            .await
            .gql()?
            .into())
    }

    /// Adds a goal with its first steps to a household's plan.
    async fn add_goal(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: GoalInput,
    ) -> async_graphql::Result<Goal> {
        let rctx = request_ctx(ctx).await?;
        let hid = uuid("householdId", &household_id).gql()?;
        let title = Text::parse("input.title", &input.title, 200, false).gql()?;
        let steps = input
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| step_input(format!("input.steps.{i}"), s))
            .collect::<Result<Vec<_>, _>>()
            .gql()?;
        Ok(casework(ctx)?
            .add_goal(&rctx, hid, title, steps)
            .await
            .gql()?
            .into())
    }

    /// Adds a step to a goal.
    async fn add_goal_step(
        &self,
        ctx: &Context<'_>,
        goal_id: ID,
        input: GoalStepInput,
    ) -> async_graphql::Result<GoalStep> {
        let rctx = request_ctx(ctx).await?;
        let gid = uuid("goalId", &goal_id).gql()?;
        let s = step_input("input".to_owned(), &input).gql()?;
        Ok(casework(ctx)?
            .add_goal_step(&rctx, gid, s)
            .await
            .gql()?
            .into())
    }

    /// Changes the city's aftercare schedule and retention period (`city_admin`).
    async fn update_casework_settings(
        &self,
        ctx: &Context<'_>,
        version: i32,
        aftercare_months: Vec<i32>,
        retention_years: i32,
    ) -> async_graphql::Result<CaseworkSettings> {
        let rctx = request_ctx(ctx).await?;
        Ok(casework(ctx)?
            .update_settings(&rctx, version, &aftercare_months, retention_years)
            .await
            .gql()?
            .into())
    }

    /// Records the outcome of an aftercare follow-up; "at risk" opens tenancy coaching.
    async fn record_follow_up(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        input: FollowUpInput,
    ) -> async_graphql::Result<FollowUp> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let f = (|| -> Result<wohnweg_casework::FollowUpInput, Error> {
            Ok(wohnweg_casework::FollowUpInput {
                outcome: input.outcome.into(),
                risk: input.risk.map(Into::into),
                notes: Text::parse_opt("input.notes", input.notes.as_deref(), 4000, true)?,
                recorded_on: input
                    .recorded_on
                    .map(NaiveDate::from)
                    .unwrap_or_else(|| chrono::Utc::now().date_naive()),
            })
        })()
        .gql()?;
        Ok(casework(ctx)?
            .record_follow_up(&rctx, id, version, f)
            .await
            .gql()?
            .into())
    }

    /// Erases a closed case (GDPR Art. 17): personal fields are removed, the coded
    /// facts that counts need stay. City caseworkers and coordinators.
    async fn erase_household(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> async_graphql::Result<Household> {
        let rctx = request_ctx(ctx).await?;
        precheck(ctx, &rctx)?;
        let id = uuid("id", &id).gql()?;
        casework(ctx)?
            .erase_household(&rctx, id, version)
            .await
            .gql()?;
        reload(ctx, &rctx, id).await
    }

    /// Marks a goal step done (with the date) or, with no date, not done.
    async fn set_goal_step_done(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        done_on: Option<Date>,
    ) -> async_graphql::Result<GoalStep> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let on = done_on.map(NaiveDate::from);
        Ok(casework(ctx)?
            .set_step_done(&rctx, id, version, on)
            .await
            .gql()?
            .into())
    }
}
