//! GraphQL surface of guarantee approvals: requests, the coordinator's decisions
//! within the year's budget per kind, budgets, and deposit-loan repayments.

use super::scalars::{Date, Decimal, euros};
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use wohnweg_casework::types::Text;
use wohnweg_housing::guarantees::Secured;
use wohnweg_housing::types::cents;
use wohnweg_kernel::Error;
use wohnweg_kernel::page::PageRequest;

use super::housing::housing;
use super::{Counted, connection, counted, gql_enum, request_ctx, uuid};
use crate::error::GqlResultExt;

gql_enum!(/// What the city guarantees.
    GuaranteeKindCode => "wohnweg_housing::types::GuaranteeKind", "GuaranteeKind" {
    Deposit, RentAssumption, SecurityGuarantee, Release });
gql_enum!(/// Where a guarantee request stands.
    GuaranteeStatusCode => "wohnweg_housing::types::GuaranteeStatus", "GuaranteeStatus" {
    Requested, Approved, Rejected });

/// A guarantee request.
#[derive(SimpleObject)]
pub struct Guarantee {
    /// Id (a global id: `node(id:)` reads it back).
    #[graphql(owned)]
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// Kind.
    pub kind: GuaranteeKindCode,
    /// Amount, euros.
    pub amount: Decimal,
    /// Why.
    pub justification: String,
    /// Budget year.
    pub budget_year: i32,
    /// Status.
    pub status: GuaranteeStatusCode,
    /// Decided on.
    pub decided_on: Option<Date>,
    /// Why rejected (or a note on the approval).
    pub decision_reason: Option<String>,
    /// The offer it secures (null only for requests older than this field).
    pub offer_id: Option<ID>,
    /// The match it secures, when it names one.
    pub match_id: Option<ID>,
    /// Agreed instalment, euros (deposit loans).
    pub instalment: Option<Decimal>,
    /// Agreed number of instalments.
    pub instalments: Option<i32>,
    /// Repaid so far, euros.
    pub repaid: Decimal,
    /// Still owed, euros (deposit loans with an agreed repayment).
    pub outstanding: Option<Decimal>,
    /// Version.
    pub version: i32,
}

impl From<wohnweg_housing::GuaranteeView> for Guarantee {
    fn from(g: wohnweg_housing::GuaranteeView) -> Self {
        Self {
            id: ID(g.id.to_string()),
            household_id: ID(g.household_id.to_string()),
            kind: g.kind.into(),
            amount: euros(g.amount_cents),
            justification: g.justification,
            budget_year: g.budget_year,
            status: g.status.into(),
            decided_on: g.decided_on.map(Date),
            decision_reason: g.decision_reason,
            offer_id: g.offer_id.map(|id| ID(id.to_string())),
            match_id: g.match_id.map(|id| ID(id.to_string())),
            instalment: g.instalment_cents.map(euros),
            instalments: g.instalments,
            repaid: euros(g.repaid_cents),
            outstanding: g
                .instalments
                .map(|_| euros(g.amount_cents - g.repaid_cents)),
            version: g.version,
        }
    }
}

/// A kind's budget for a year.
#[derive(SimpleObject)]
pub struct GuaranteeBudget {
    /// Year.
    pub year: i32,
    /// Kind.
    pub kind: GuaranteeKindCode,
    /// Budget, euros ("0.00" when none is set).
    pub budget: Decimal,
    /// Approved so far, euros.
    pub committed: Decimal,
    /// Left, euros.
    pub remaining: Decimal,
    /// Version (0 when none is set).
    pub version: i32,
}

impl From<wohnweg_housing::BudgetView> for GuaranteeBudget {
    fn from(b: wohnweg_housing::BudgetView) -> Self {
        let committed = i32::try_from(b.committed_cents).unwrap_or(i32::MAX);
        Self {
            year: b.year,
            kind: b.kind.into(),
            budget: euros(b.budget_cents),
            committed: euros(committed),
            remaining: euros(b.budget_cents.saturating_sub(committed)),
            version: b.version,
        }
    }
}

/// A guarantee request. It names exactly one of `matchId` and `offerId`: what it
/// secures, whose rent bounds the amount.
#[derive(InputObject)]
pub struct GuaranteeInput {
    /// Kind.
    pub kind: GuaranteeKindCode,
    /// Amount, euros.
    pub amount: Decimal,
    /// Why.
    pub justification: String,
    /// The household's match it secures.
    pub match_id: Option<ID>,
    /// The offer it secures, before there is a match.
    pub offer_id: Option<ID>,
}

/// Guarantee queries.
#[derive(Default)]
pub struct GuaranteeQuery;

#[Object]
impl GuaranteeQuery {
    /// Guarantee requests; carriers see their households' only.
    async fn guarantees(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<GuaranteeStatusCode>,
        household_id: Option<ID>,
    ) -> async_graphql::Result<Connection<String, Guarantee, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let h = household_id
            .as_ref()
            .map(|h| uuid("householdId", h))
            .transpose()
            .gql()?;
        let items = housing(ctx)?
            .guarantees(&rctx, status.map(Into::into), h, page)
            .await
            .gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |g| g.id.to_string(),
            Guarantee::from,
        ))
    }

    /// Budget, committed and remaining per kind for a year (city staff).
    async fn guarantee_budgets(
        &self,
        ctx: &Context<'_>,
        year: i32,
    ) -> async_graphql::Result<Vec<GuaranteeBudget>> {
        let rctx = request_ctx(ctx).await?;
        Ok(housing(ctx)?
            .budgets(&rctx, year)
            .await
            .gql()?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

/// Guarantee mutations.
#[derive(Default)]
pub struct GuaranteeMutation;

#[Object]
impl GuaranteeMutation {
    /// Requests a guarantee for a household, for the match or offer it secures; the
    /// amount is checked against that flat's rent.
    async fn request_guarantee(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: GuaranteeInput,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let amount = cents("input.amount", &input.amount).gql()?;
        let why = Text::parse("input.justification", &input.justification, 2000, true).gql()?;
        let secured = match (&input.match_id, &input.offer_id) {
            (Some(m), None) => Secured::Match(uuid("input.matchId", m).gql()?),
            (None, Some(o)) => Secured::Offer(uuid("input.offerId", o).gql()?),
            _ => {
                return Err(Error::bad_input(
                    "input.matchId",
                    "name exactly one of matchId and offerId: what the guarantee secures",
                ))
                .gql();
            }
        };
        Ok(housing(ctx)?
            .request_guarantee(&rctx, h, input.kind.into(), amount, why, secured)
            .await
            .gql()?
            .into())
    }

    /// The coordinator approves (within the budget) or rejects (with a reason).
    async fn decide_guarantee(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        approve: bool,
        reason: Option<String>,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let reason = Text::parse_opt("reason", reason.as_deref(), 500, false).gql()?;
        Ok(housing(ctx)?
            .decide_guarantee(&rctx, id, version, approve, reason)
            .await
            .gql()?
            .into())
    }

    /// Sets a year's budget for a kind (coordinator; `version` 0 creates it).
    async fn set_guarantee_budget(
        &self,
        ctx: &Context<'_>,
        year: i32,
        kind: GuaranteeKindCode,
        amount: Decimal,
        version: Option<i32>,
    ) -> async_graphql::Result<GuaranteeBudget> {
        let rctx = request_ctx(ctx).await?;
        let amount = cents("amount", &amount).gql()?;
        Ok(housing(ctx)?
            .set_budget(&rctx, year, kind.into(), amount, version.unwrap_or(0))
            .await
            .gql()?
            .into())
    }

    /// Agrees the repayment of an approved deposit loan.
    async fn agree_repayment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        instalment: Decimal,
        instalments: i32,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let instalment = cents("instalment", &instalment).gql()?;
        Ok(housing(ctx)?
            .agree_repayment(&rctx, id, version, instalment, instalments)
            .await
            .gql()?
            .into())
    }

    /// Records a repayment received on a deposit loan.
    async fn record_repayment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        amount: Decimal,
        received_on: Option<Date>,
    ) -> async_graphql::Result<Guarantee> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let amount = cents("amount", &amount).gql()?;
        let on = received_on
            .map(NaiveDate::from)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        Ok(housing(ctx)?
            .record_repayment(&rctx, id, on, amount)
            .await
            .gql()?
            .into())
    }
}
