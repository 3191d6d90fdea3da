//! What casework takes in, and its parsing into domain types (`BAD_USER_INPUT`
//! naming the field by its path from the argument).

use super::*;

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
    pub accommodation_kind: Option<crate::schema::housing::AccommodationKindCode>,
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

pub(super) fn person_input(prefix: &'static str, p: &PersonInput) -> Result<DomainPerson, Error> {
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
pub(super) fn joining(
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

pub(super) fn step_input(prefix: String, s: &GoalStepInput) -> Result<NewStep, Error> {
    Ok(NewStep {
        description: Text::parse(format!("{prefix}.description"), &s.description, 500, false)?,
        owner: s.owner.into(),
        due_on: s.due_on.0,
    })
}
