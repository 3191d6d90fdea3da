//! The objects casework answers with: a household and what hangs off it.

use super::*;

/// A household: the unit of a case. The second part is where it lives now, from the
/// accommodation register, when the selection asks for it.
pub struct Household(
    pub(crate) HouseholdView,
    pub(crate) Option<Option<CurrentAccommodation>>,
);

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

pub(super) fn loaded<T: Clone>(part: Option<&Vec<T>>) -> async_graphql::Result<Vec<T>> {
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
    ) -> async_graphql::Result<Vec<crate::schema::coaching::TenancyCoaching>> {
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
pub struct Person(pub(crate) PersonView);

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
    pub rejected_by: Option<crate::schema::matching::DecisionActorCode>,
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
