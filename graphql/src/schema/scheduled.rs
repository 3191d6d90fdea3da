//! GraphQL surface of scheduled moves: a lease signed ahead of the move-in
//! (`signLease` with a future `moveInOn`) waits here until its date.

use super::scalars::Date;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, Object, SimpleObject};
use wohnweg_casework::types::Text;
use wohnweg_housing::ScheduledMoveView;
use wohnweg_kernel::page::PageRequest;

use super::housing::housing;
use super::{Counted, connection, counted, gql_enum, request_ctx, uuid};
use crate::error::GqlResultExt;

gql_enum!(/// Where a scheduled move stands.
    ScheduledMoveStatusCode => "wohnweg_housing::types::ScheduledMoveStatus", "ScheduledMoveStatus" {
    Pending, Done, Cancelled });

/// A lease signed ahead of the move-in: the household keeps its place until
/// `moveInOn`, when the move takes effect (place ends, placement counted, case moved
/// out, aftercare scheduled).
#[derive(SimpleObject)]
pub struct ScheduledMove {
    /// Id.
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// The match whose lease was signed.
    pub match_id: ID,
    /// When the lease was signed (YYYY-MM-DD).
    pub signed_on: Date,
    /// When the household moves in (YYYY-MM-DD).
    pub move_in_on: Date,
    /// Where it stands.
    pub status: ScheduledMoveStatusCode,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// The placement the move recorded, once done.
    pub placement_id: Option<ID>,
    /// Version.
    pub version: i32,
}

impl From<ScheduledMoveView> for ScheduledMove {
    fn from(m: ScheduledMoveView) -> Self {
        Self {
            id: ID(m.id.to_string()),
            household_id: ID(m.household_id.to_string()),
            match_id: ID(m.match_id.to_string()),
            signed_on: Date(m.signed_on),
            move_in_on: Date(m.move_in_on),
            status: m.status.into(),
            cancel_reason: m.cancel_reason,
            placement_id: m.placement_id.map(|p| ID(p.to_string())),
            version: m.version,
        }
    }
}

/// Scheduled-move queries.
#[derive(Default)]
pub struct ScheduledQuery;

#[Object]
impl ScheduledQuery {
    /// Scheduled moves in id order (city staff; carriers see their households').
    async fn scheduled_moves(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<ScheduledMoveStatusCode>,
        household_id: Option<ID>,
    ) -> async_graphql::Result<Connection<String, ScheduledMove, Counted>> {
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
            .scheduled_moves(&rctx, status.map(Into::into), h, page)
            .await
            .gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |m| m.id.to_string(),
            ScheduledMove::from,
        ))
    }
}

/// Scheduled-move mutations.
#[derive(Default)]
pub struct ScheduledMutation;

#[Object]
impl ScheduledMutation {
    /// Cancels a pending move with a reason (city staff): the match is withdrawn, the
    /// offer opens again and the case searches again.
    async fn cancel_scheduled_move(
        &self,
        ctx: &Context<'_>,
        id: ID,
        version: i32,
        reason: String,
    ) -> async_graphql::Result<ScheduledMove> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        let reason = Text::parse("reason", &reason, 500, false).gql()?;
        Ok(housing(ctx)?
            .cancel_scheduled_move(&rctx, id, version, &reason)
            .await
            .gql()?
            .into())
    }
}
