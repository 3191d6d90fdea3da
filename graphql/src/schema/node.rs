//! Relay's object identification: the `Node` interface and `node(id:)` /
//! `nodes(ids:)`.
//!
//! Every id Wohnweg hands out is a UUID, unique across all tables, so the ids the
//! types already have are the global ids: nothing to encode, and no id a client holds
//! changes. To load one, each service says which of its records the id names in the
//! caller's city (one statement per service, casework first), and that record's own
//! read loads it — with the same scoping, auditing and errors as `household(id:)`,
//! `offer(id:)` and the others. An id of another city, or outside a carrier's reach,
//! is `null`, exactly like an id that does not exist.

use async_graphql::{Context, ID, Interface, Object};
use uuid::Uuid;
use wohnweg_casework::CaseworkKind;
use wohnweg_housing::HousingKind;
use wohnweg_kernel::{Ctx, Error};

use super::casework::{Household, load_household};
use super::guarantees::Guarantee;
use super::housing::{Accommodation, Landlord, Offer, housing, load_accommodation};
use super::matching::Match;
use super::{Services, request_ctx, uuid};
use crate::error::GqlResultExt;

/// The most ids one `nodes(ids:)` loads.
pub const MAX_NODES: usize = 100;

/// An object with a global id that `node(id:)` reads back.
// One value per node in a response, built and dropped within it: boxing the larger
// variants would only add an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "The global id."))]
pub enum Node {
    /// A household.
    Household(Household),
    /// An accommodation.
    Accommodation(Accommodation),
    /// A housing offer.
    Offer(Offer),
    /// A landlord.
    Landlord(Landlord),
    /// A match.
    Match(Match),
    /// A guarantee request.
    Guarantee(Guarantee),
}

/// `node` and `nodes`.
#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// The object with this global id, or `null` when there is none the caller may
    /// see (another city's id included).
    async fn node(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Node>> {
        let rctx = request_ctx(ctx).await?;
        let id = uuid("id", &id).gql()?;
        load(ctx, &rctx, id).await
    }

    /// The objects with these global ids, in the same order; `null` where
    /// `node(id:)` would be. At most 100 ids. Where `node(id:)` would answer an error
    /// (a carrier asking for a city-only record: `FORBIDDEN`), the list does.
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        ids: Vec<ID>,
    ) -> async_graphql::Result<Vec<Option<Node>>> {
        let rctx = request_ctx(ctx).await?;
        if ids.len() > MAX_NODES {
            return Err(Error::bad_input("ids", "may name at most 100 ids")).gql();
        }
        let ids = ids
            .iter()
            .map(|id| uuid("ids", id))
            .collect::<Result<Vec<_>, _>>()
            .gql()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(load(ctx, &rctx, id).await?);
        }
        Ok(out)
    }
}

async fn load(ctx: &Context<'_>, rctx: &Ctx, id: Uuid) -> async_graphql::Result<Option<Node>> {
    let services = ctx.data::<Services>()?;
    let loaded = match services.casework.which(rctx, id).await.gql()? {
        Some(CaseworkKind::Household) => load_household(ctx, rctx, id, None)
            .await
            .map(Node::Household),
        None => match services.housing.which(rctx, id).await.gql()? {
            None => return Ok(None),
            Some(kind) => load_housing(ctx, rctx, id, kind).await,
        },
    };
    match loaded {
        Ok(node) => Ok(Some(node)),
        // Outside the caller's reach (a carrier's view), or gone since the lookup.
        Err(e) if is_not_found(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

async fn load_housing(
    ctx: &Context<'_>,
    rctx: &Ctx,
    id: Uuid,
    kind: HousingKind,
) -> async_graphql::Result<Node> {
    let h = housing(ctx)?;
    Ok(match kind {
        HousingKind::Accommodation => Node::Accommodation(load_accommodation(ctx, rctx, id).await?),
        HousingKind::Offer => Node::Offer(h.offer(rctx, id).await.gql()?.into()),
        HousingKind::Landlord => Node::Landlord(h.landlord(rctx, id).await.gql()?.into()),
        HousingKind::Match => Node::Match(h.match_by_id(rctx, id).await.gql()?.into()),
        HousingKind::Guarantee => Node::Guarantee(h.guarantee(rctx, id).await.gql()?.into()),
    })
}

fn is_not_found(e: &async_graphql::Error) -> bool {
    e.extensions
        .as_ref()
        .and_then(|x| x.get("code"))
        .is_some_and(|c| *c == async_graphql::Value::from("NOT_FOUND"))
}
