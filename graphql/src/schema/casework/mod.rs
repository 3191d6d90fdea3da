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

mod inputs;
mod types;
pub use inputs::*;
pub use types::*;

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
