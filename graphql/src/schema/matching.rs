//! GraphQL surface of matching (households ranked for an offer, offers for a
//! household, with their explanations) and of the match workflow from proposal to the
//! signed lease.

use super::scalars::Date;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use wohnweg_casework::types::Text;
use wohnweg_kernel::Error;
use wohnweg_kernel::page::PageRequest;

use super::housing::{Offer, housing};
use super::{Counted, connection, counted, gql_enum, request_ctx, uuid};
use crate::error::GqlResultExt;

/// One hard rule's outcome.
#[derive(SimpleObject)]
pub struct MatchRule {
    /// Rule code (`FLAT_SIZE`, `LANDLORD_LIMIT`, `RENT_CAP`, `SPACE_CAP`, `WBS`,
    /// `ACCESSIBILITY`, `LANDLORD_CONSENT`, `READINESS`).
    pub rule: String,
    /// Whether it passed.
    pub passed: bool,
    /// Why, in numbers.
    pub detail: String,
}

/// One part of a score.
#[derive(SimpleObject)]
pub struct MatchScorePart {
    /// Part code (`READINESS`, `WAITING`, `DISTRICT`, `SIZE_FIT`, `CERTIFICATE`).
    pub part: String,
    /// Points.
    pub points: f64,
    /// Why.
    pub detail: String,
}

/// Why a candidate ranks where it does: every rule, every score part.
#[derive(SimpleObject)]
pub struct MatchExplanation {
    /// Every hard rule.
    pub rules: Vec<MatchRule>,
    /// The rules that failed (empty for an eligible candidate).
    pub failed_rules: Vec<String>,
    /// Score parts (empty when excluded).
    pub parts: Vec<MatchScorePart>,
}

impl From<wohnweg_housing::Explanation> for MatchExplanation {
    fn from(e: wohnweg_housing::Explanation) -> Self {
        Self {
            failed_rules: e.failed().into_iter().map(str::to_owned).collect(),
            rules: e
                .rules
                .into_iter()
                .map(|r| MatchRule {
                    rule: r.rule.to_owned(),
                    passed: r.passed,
                    detail: r.detail,
                })
                .collect(),
            parts: e
                .parts
                .into_iter()
                .map(|p| MatchScorePart {
                    part: p.part.to_owned(),
                    points: p.points,
                    detail: p.detail,
                })
                .collect(),
        }
    }
}

/// A household ranked for an offer.
#[derive(SimpleObject)]
pub struct HouseholdMatch {
    /// Household id.
    pub household_id: ID,
    /// Reference number.
    pub reference: String,
    /// Members.
    pub size: i32,
    /// Score (none when excluded: an excluded candidate is not ranked).
    pub score: Option<f64>,
    /// Whether every hard rule passed.
    pub eligible: bool,
    /// Why.
    pub explanation: MatchExplanation,
}

/// An offer ranked for a household.
#[derive(SimpleObject)]
pub struct OfferMatch {
    /// The offer.
    pub offer: Offer,
    /// Score (none when excluded: an excluded offer is not ranked).
    pub score: Option<f64>,
    /// Whether every hard rule passed.
    pub eligible: bool,
    /// Why.
    pub explanation: MatchExplanation,
}

/// A ranking's `offset` (the candidates to skip): not negative.
fn skip(offset: i32) -> Result<usize, Error> {
    usize::try_from(offset).map_err(|_| Error::bad_input("offset", "must be 0–100000"))
}

/// Matching queries.
#[derive(Default)]
pub struct MatchingQuery;

#[Object]
impl MatchingQuery {
    /// The households looking for a flat, ranked for an offer (best first, `first`
    /// of them after skipping `offset`). With `includeExcluded`, the excluded ones
    /// follow with the rules they fail. Carrier caseworkers rank their own households
    /// for open offers.
    async fn rank_households_for_offer(
        &self,
        ctx: &Context<'_>,
        offer_id: ID,
        #[graphql(default = 50)] first: i32,
        #[graphql(default = 0)] offset: i32,
        include_excluded: Option<bool>,
    ) -> async_graphql::Result<Vec<HouseholdMatch>> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("offerId", &offer_id).gql()?;
        let first = usize::try_from(first)
            .map_err(|_| Error::bad_input("first", "must be 1–500"))
            .gql()?;
        let offset = skip(offset).gql()?;
        Ok(housing(ctx)?
            .rank_households(&rctx, id, first, offset, include_excluded.unwrap_or(false))
            .await
            .gql()?
            .into_iter()
            .map(|c| HouseholdMatch {
                household_id: ID(c.household.id.to_string()),
                reference: c.household.reference,
                size: c.household.size,
                score: c.eligible.then_some(c.score),
                eligible: c.eligible,
                explanation: c.explanation.into(),
            })
            .collect())
    }

    /// The open offers ranked for a household looking for a flat (best first,
    /// `first` of them after skipping `offset`; with `includeExcluded` the excluded
    /// ones follow).
    async fn rank_offers_for_household(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        #[graphql(default = 50)] first: i32,
        #[graphql(default = 0)] offset: i32,
        include_excluded: Option<bool>,
    ) -> async_graphql::Result<Vec<OfferMatch>> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("householdId", &household_id).gql()?;
        let first = usize::try_from(first)
            .map_err(|_| Error::bad_input("first", "must be 1–500"))
            .gql()?;
        let offset = skip(offset).gql()?;
        Ok(housing(ctx)?
            .rank_offers(&rctx, id, first, offset, include_excluded.unwrap_or(false))
            .await
            .gql()?
            .into_iter()
            .map(|c| OfferMatch {
                offer: c.offer.into(),
                score: c.eligible.then_some(c.score),
                eligible: c.eligible,
                explanation: c.explanation.into(),
            })
            .collect())
    }
}

gql_enum!(/// Where a match stands.
    MatchStatusCode => "wohnweg_housing::types::MatchStatus", "MatchStatus" {
    Proposed, ViewingScheduled, LandlordAccepted, Declined, Withdrawn, LeaseSigned, MovedIn });
gql_enum!(/// Who took a countable decision.
    DecisionActorCode => "wohnweg_casework::types::DecisionActor", "DecisionActor" {
    Landlord, Household, Carrier, City });
gql_enum!(/// Why a match was declined, from either side.
    DeclineReasonCode => "wohnweg_housing::types::DeclineReason", "DeclineReason" {
    HouseholdRefusedArea, HouseholdRefusedFlat, HouseholdUnreachable, LandlordChoseOther,
    IncomeDocumentsMissing, BenefitOfficeRefused, LandlordNoReason, Other });
gql_enum!(/// The benefit office's decision on a flat's rent.
    BenefitOfficeDecisionCode => "wohnweg_housing::types::BenefitOfficeDecision", "BenefitOfficeDecision" {
    Accepted, Refused });

/// A coordinator's override of failed hard rules when proposing.
#[derive(async_graphql::InputObject)]
pub struct RuleOverrideInput {
    /// Exactly the rules that fail, as the explanation names them (e.g. `RENT_CAP`);
    /// `LANDLORD_CONSENT` can never be overridden.
    pub rules: Vec<String>,
    /// Why (shown with the match, audited).
    pub reason: String,
}

/// A match between an offer and a household.
#[derive(SimpleObject)]
pub struct Match {
    /// Id (a global id: `node(id:)` reads it back).
    #[graphql(owned)]
    pub id: ID,
    /// Offer.
    pub offer_id: ID,
    /// Household.
    pub household_id: ID,
    /// Status.
    pub status: MatchStatusCode,
    /// Score when proposed.
    pub score: f64,
    /// Viewing date.
    pub viewing_on: Option<Date>,
    /// Why declined.
    pub decline_reason: Option<DeclineReasonCode>,
    /// More on the decline or withdrawal.
    pub decline_text: Option<String>,
    /// Who declined or withdrew it (countable with the reason).
    pub declined_by: Option<DecisionActorCode>,
    /// Lease signed on.
    pub lease_signed_on: Option<Date>,
    /// Moved in on.
    pub move_in_on: Option<Date>,
    /// Hard rules a coordinator overrode when proposing (empty when none).
    pub overridden_rules: Vec<String>,
    /// Why they were overridden.
    pub override_reason: Option<String>,
    /// The benefit office's decision on the rent (needed before the lease when a
    /// member draws SGB II or SGB XII).
    pub benefit_office: Option<BenefitOfficeDecisionCode>,
    /// When the benefit office decided.
    pub benefit_office_on: Option<Date>,
    /// Why it refused (or a note on its acceptance).
    pub benefit_office_reason: Option<String>,
    /// Version.
    pub version: i32,
}

impl From<wohnweg_housing::MatchView> for Match {
    fn from(m: wohnweg_housing::MatchView) -> Self {
        Self {
            id: ID(m.id.to_string()),
            offer_id: ID(m.offer_id.to_string()),
            household_id: ID(m.household_id.to_string()),
            status: m.status.into(),
            score: m.score,
            viewing_on: m.viewing_on.map(Date),
            decline_reason: m.decline_reason.map(Into::into),
            decline_text: m.decline_text,
            declined_by: m.declined_by.map(Into::into),
            lease_signed_on: m.lease_signed_on.map(Date),
            move_in_on: m.move_in_on.map(Date),
            overridden_rules: m.overridden,
            override_reason: m.override_reason,
            benefit_office: m.benefit_office.map(Into::into),
            benefit_office_on: m.benefit_office_on.map(Date),
            benefit_office_reason: m.benefit_office_reason,
            version: m.version,
        }
    }
}

/// Filters of the match list.
#[derive(InputObject, Default)]
pub struct MatchFilterInput {
    /// Offer.
    pub offer_id: Option<ID>,
    /// Household.
    pub household_id: Option<ID>,
    /// Status.
    pub status: Option<MatchStatusCode>,
}

/// Match queries.
#[derive(Default)]
pub struct MatchQuery;

#[Object]
impl MatchQuery {
    /// Matches; carrier caseworkers see their households' only.
    async fn matches(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<MatchFilterInput>,
    ) -> async_graphql::Result<Connection<String, Match, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let f = filter.unwrap_or_default();
        let filter = wohnweg_housing::MatchFilter {
            offer_id: f
                .offer_id
                .as_ref()
                .map(|i| uuid("filter.offerId", i))
                .transpose()
                .gql()?,
            household_id: f
                .household_id
                .as_ref()
                .map(|i| uuid("filter.householdId", i))
                .transpose()
                .gql()?,
            status: f.status.map(Into::into),
        };
        let items = housing(ctx)?.matches(&rctx, &filter, page).await.gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |m| m.id.to_string(),
            Match::from,
        ))
    }
}

/// Match mutations.
#[derive(Default)]
pub struct MatchMutation;

#[Object]
impl MatchMutation {
    /// Proposes a household for an open offer; it must pass every hard rule. The case
    /// moves to "offer in progress".
    async fn propose_match(
        &self,
        ctx: &Context<'_>,
        offer_id: ID,
        household_id: ID,
        #[graphql(name = "override")] rule_override: Option<RuleOverrideInput>,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let o = uuid("offerId", &offer_id).gql()?;
        let h = uuid("householdId", &household_id).gql()?;
        let over = rule_override
            .map(|r| {
                wohnweg_housing::RuleOverride::new(
                    r.rules,
                    Text::parse("override.reason", &r.reason, 500, false)?,
                )
            })
            .transpose()
            .gql()?;
        Ok(housing(ctx)?
            .propose_match_overriding(&rctx, o, h, over.as_ref())
            .await
            .gql()?
            .into())
    }

    /// Schedules (or moves) the viewing.
    async fn schedule_viewing(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        on: Date,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let on = on.0;
        Ok(housing(ctx)?
            .schedule_viewing(&rctx, id, version, on)
            .await
            .gql()?
            .into())
    }

    /// Records that the landlord accepted the household: the offer is reserved, its
    /// other candidates declined, the household's other matches withdrawn.
    async fn record_landlord_acceptance(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        Ok(housing(ctx)?
            .landlord_accepts(&rctx, id, version)
            .await
            .gql()?
            .into())
    }

    /// Records the benefit office's decision on the match's rent (Jobcenter for SGB II,
    /// social welfare office for SGB XII): accepted, or refused with a reason, on the
    /// day it decided. A lease for such a household needs an acceptance first.
    async fn record_benefit_office_decision(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        decision: BenefitOfficeDecisionCode,
        decided_on: Date,
        reason: Option<String>,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let on = decided_on.0;
        let reason = Text::parse_opt("reason", reason.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .record_benefit_office_decision(&rctx, id, version, decision.into(), on, reason)
            .await
            .gql()?
            .into())
    }

    /// Declines a match with a coded reason from either side (and text).
    async fn decline_match(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        reason: DeclineReasonCode,
        actor: Option<DecisionActorCode>,
        text: Option<String>,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let text = Text::parse_opt("text", text.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .close_match(
                &rctx,
                id,
                version,
                Some(reason.into()),
                actor.map(Into::into),
                text,
            )
            .await
            .gql()?
            .into())
    }

    /// Withdraws a match (e.g. staff end it).
    async fn withdraw_match(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        text: Option<String>,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let text = Text::parse_opt("text", text.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .close_match(&rctx, id, version, None, None, text)
            .await
            .gql()?
            .into())
    }

    /// Records the signed lease and the move: the offer is let, the household's place
    /// in the register freed, its case moved out with aftercare scheduled — all at
    /// once or not at all. Needs the landlord's acceptance and, when a member draws
    /// SGB II or SGB XII, the benefit office's acceptance of the rent.
    async fn sign_lease(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        signed_on: Date,
        move_in_on: Date,
    ) -> async_graphql::Result<Match> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let signed = signed_on.0;
        let moved = move_in_on.0;
        Ok(housing(ctx)?
            .sign_lease(&rctx, id, version, signed, moved)
            .await
            .gql()?
            .into())
    }
}
