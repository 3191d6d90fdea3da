//! GraphQL surface of tenancy coaching (*Wohnungscoaching*) as a record: start a period
//! (provider, coach, reasons), end it with an outcome. An "at risk" follow-up opens one
//! for the city; the household's `tenancyCoachings` lists them.

use super::scalars::Date;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use wohnweg_casework::Casework;
use wohnweg_casework::coaching::{CoachingView, NewCoaching};
use wohnweg_kernel::{OrganisationId, UserId};

use super::{Services, gql_enum, parse_id, request_ctx, uuid};
use crate::error::GqlResultExt;

gql_enum!(/// Why a household is in tenancy coaching.
    CoachingReasonCode => "wohnweg_casework::types::CoachingReason", "CoachingReason" {
    Arrears, Conflict, HouseRules, Paperwork, Other });
gql_enum!(/// How a period of tenancy coaching ended.
    CoachingOutcomeCode => "wohnweg_casework::types::CoachingOutcome", "CoachingOutcome" {
    Stabilised, TenancyEnded, ReturnedToShelter, Declined, Other });

fn casework<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Casework> {
    Ok(&ctx.data::<Services>()?.casework)
}

/// A period of tenancy coaching.
#[derive(SimpleObject)]
pub struct TenancyCoaching {
    /// Id.
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// The carrier providing it; null: the city.
    pub provider_id: Option<ID>,
    /// The coach.
    pub coach_id: Option<ID>,
    /// Why.
    pub reasons: Vec<CoachingReasonCode>,
    /// Started on (YYYY-MM-DD).
    pub started_on: Date,
    /// Ended on.
    pub ended_on: Option<Date>,
    /// How it ended.
    pub outcome: Option<CoachingOutcomeCode>,
    /// Version.
    pub version: i32,
}

impl From<CoachingView> for TenancyCoaching {
    fn from(c: CoachingView) -> Self {
        Self {
            id: ID(c.id.to_string()),
            household_id: ID(c.household_id.to_string()),
            provider_id: c.provider.map(|o| ID(o.to_string())),
            coach_id: c.coach.map(|u| ID(u.to_string())),
            reasons: c.reasons.into_iter().map(Into::into).collect(),
            started_on: Date(c.started_on),
            ended_on: c.ended_on.map(Date),
            outcome: c.outcome.map(Into::into),
            version: c.version,
        }
    }
}

/// A period of tenancy coaching to start.
#[derive(InputObject)]
pub struct TenancyCoachingInput {
    /// The carrier providing it; omitted: the city.
    pub provider_id: Option<ID>,
    /// The coach: a caseworker of the provider.
    pub coach_id: Option<ID>,
    /// Why (at least one).
    pub reasons: Vec<CoachingReasonCode>,
    /// Starts on (YYYY-MM-DD, not in the future).
    pub started_on: Date,
}

/// Tenancy-coaching mutations.
#[derive(Default)]
pub struct CoachingMutation;

#[Object]
impl CoachingMutation {
    /// Starts tenancy coaching for a household in a flat of its own (city or carrier
    /// caseworkers); one open period per household.
    async fn start_tenancy_coaching(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: TenancyCoachingInput,
    ) -> async_graphql::Result<TenancyCoaching> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let new = NewCoaching {
            provider: input
                .provider_id
                .as_ref()
                .map(|p| parse_id::<OrganisationId>("input.providerId", p))
                .transpose()
                .gql()?,
            coach: input
                .coach_id
                .as_ref()
                .map(|c| parse_id::<UserId>("input.coachId", c))
                .transpose()
                .gql()?,
            reasons: input.reasons.into_iter().map(Into::into).collect(),
            started_on: input.started_on.0,
        };
        Ok(casework(ctx)?
            .start_coaching(&rctx, h, new)
            .await
            .gql()?
            .into())
    }

    /// Ends a period of tenancy coaching with its outcome.
    async fn end_tenancy_coaching(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        ended_on: Date,
        outcome: CoachingOutcomeCode,
    ) -> async_graphql::Result<TenancyCoaching> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let on = ended_on.0;
        Ok(casework(ctx)?
            .end_coaching(&rctx, id, version, on, outcome.into())
            .await
            .gql()?
            .into())
    }
}
