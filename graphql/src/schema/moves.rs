//! GraphQL surface of the ways out: a flat the household found itself, the takeover of
//! a city-rented flat's lease, and the placements every move-out records (a move
//! through a match is `signLease`, in the match workflow), and the segregation
//! indicator over the placements.

use super::scalars::{Date, Decimal, euros};
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::NaiveDate;
use wohnweg_casework::types::Text;
use wohnweg_housing::types::{cents, tenths};
use wohnweg_housing::{FlatFacts, LeaseTerms, PlacementFilter, PlacementView};
use wohnweg_kernel::page::PageRequest;

use super::housing::{LandlordKindCode, housing};
use super::{Counted, Services, connection, counted, gql_enum, request_ctx, uuid};
use crate::error::GqlResultExt;

gql_enum!(/// Why a household came back to a shelter.
    ReturnReasonCode => "wohnweg_housing::types::ReturnReason", "ReturnReason" {
    RentArrears, Conflict, Eviction, GaveUpFlat, Other });
gql_enum!(/// How a household moved out into a home of its own.
    PlacementSourceCode => "wohnweg_housing::types::PlacementSource", "PlacementSource" {
    Match, SelfFound, LeaseTakeover });

/// A move-out into a home of the household's own, counted once by every figure.
#[derive(SimpleObject)]
pub struct Placement {
    /// Id.
    pub id: ID,
    /// Household.
    pub household_id: ID,
    /// How the household moved out.
    pub source: PlacementSourceCode,
    /// The match, for a move through one.
    pub match_id: Option<ID>,
    /// The city-rented flat whose lease was taken over.
    pub accommodation_id: Option<ID>,
    /// Who the landlord is.
    pub landlord_kind: LandlordKindCode,
    /// District of the flat.
    pub district: String,
    /// Rooms.
    pub rooms: f64,
    /// Living space in m².
    pub living_space: f64,
    /// Gross cold rent in euros.
    pub gross_cold_rent: Decimal,
    /// Move-in date.
    pub move_in_on: Date,
    /// When the household came back to a shelter, if it did.
    pub returned_on: Option<Date>,
    /// Why it came back.
    pub return_reason: Option<ReturnReasonCode>,
    /// Days the tenancy held: to the return, or to today.
    pub days_held: i64,
}

impl From<PlacementView> for Placement {
    fn from(p: PlacementView) -> Self {
        Self {
            id: ID(p.id.to_string()),
            household_id: ID(p.household_id.to_string()),
            source: p.source.into(),
            match_id: p.match_id.map(|m| ID(m.to_string())),
            accommodation_id: p.accommodation_id.map(|a| ID(a.to_string())),
            landlord_kind: p.landlord_kind.into(),
            district: p.district,
            rooms: f64::from(p.rooms_tenths) / 10.0,
            living_space: f64::from(p.space_tenths) / 10.0,
            gross_cold_rent: euros(p.gross_rent_cents),
            move_in_on: Date(p.move_in_on),
            returned_on: p.returned_on.map(Date),
            return_reason: p.return_reason.map(Into::into),
            days_held: (p
                .returned_on
                .unwrap_or_else(|| chrono::Utc::now().date_naive())
                - p.move_in_on)
                .num_days()
                .max(0),
        }
    }
}

/// A flat the household found itself.
#[derive(InputObject)]
pub struct SelfFoundMoveInput {
    /// District of the flat.
    pub district: String,
    /// Who the landlord is.
    pub landlord_kind: LandlordKindCode,
    /// Rooms (one decimal).
    pub rooms: f64,
    /// Living space in m² (one decimal).
    pub living_space: f64,
    /// Gross cold rent in euros (cold rent plus service charges).
    pub gross_cold_rent: Decimal,
    /// Move-in date (today or earlier).
    pub move_in_on: Date,
}

/// The lease of a city-rented flat the household takes over.
#[derive(InputObject)]
pub struct LeaseTakeoverInput {
    /// Who the landlord is.
    pub landlord_kind: LandlordKindCode,
    /// Rooms (one decimal).
    pub rooms: f64,
    /// Living space in m² (one decimal).
    pub living_space: f64,
    /// Gross cold rent in euros.
    pub gross_cold_rent: Decimal,
    /// The day the lease passed to the household (today or earlier).
    pub taken_over_on: Date,
}

/// A household's return to a shelter.
#[derive(InputObject)]
pub struct ReturnInput {
    /// The accommodation that takes it in.
    pub accommodation_id: ID,
    /// The day it came back (today or earlier).
    pub returned_on: Date,
    /// Why.
    pub reason: ReturnReasonCode,
    /// Why the accommodation takes it beyond its capacity, if it must.
    pub over_capacity_reason: Option<String>,
}

/// Placements.
#[derive(Default)]
pub struct MovesQuery;

#[Object]
impl MovesQuery {
    /// Every move-out into a home of the household's own, newest first: through a
    /// match, into a self-found flat, or by a lease takeover (city staff; carriers see
    /// their households').
    async fn placements(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        household_id: Option<ID>,
        from: Option<Date>,
        to: Option<Date>,
    ) -> async_graphql::Result<Connection<String, Placement, Counted>> {
        let rctx = request_ctx(ctx).await?;
        let page = PageRequest::parse(first, after.as_deref())
            .gql()?
            .counting(counted(ctx));
        let filter = PlacementFilter {
            household_id: household_id
                .as_ref()
                .map(|h| uuid("householdId", h))
                .transpose()
                .gql()?,
            from: from.map(NaiveDate::from),
            to: to.map(NaiveDate::from),
        };
        let items = ctx
            .data::<Services>()?
            .housing
            .placements(&rctx, &filter, page)
            .await
            .gql()?;
        Ok(connection(
            items,
            page.after.is_some(),
            |p| p.id.to_string(),
            Placement::from,
        ))
    }
}

/// The ways out other than a match.
#[derive(Default)]
pub struct MovesMutation;

#[Object]
impl MovesMutation {
    /// The household moved into a flat it found itself (city staff): its place in the
    /// register ends on the move-in date, open matches are withdrawn, the placement is
    /// counted, the case moves out and aftercare is scheduled — all or nothing.
    async fn record_self_found_move(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: SelfFoundMoveInput,
    ) -> async_graphql::Result<Placement> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let flat = FlatFacts {
            district: Text::parse("input.district", &input.district, 100, false).gql()?,
            landlord_kind: input.landlord_kind.into(),
            rooms_tenths: tenths("input.rooms", input.rooms, 200).gql()?,
            space_tenths: tenths("input.livingSpace", input.living_space, 5000).gql()?,
            gross_rent_cents: cents("input.grossColdRent", &input.gross_cold_rent).gql()?,
        };
        let on = input.move_in_on.0;
        Ok(ctx
            .data::<Services>()?
            .housing
            .record_self_found_move(&rctx, h, flat, on)
            .await
            .gql()?
            .into())
    }

    /// A household that moved out came back to a shelter (city staff): a place in the
    /// register again, the return recorded on its placement (date, reason), its open
    /// aftercare ended, its case active again to be worked anew — all or nothing.
    async fn record_return_to_shelter(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: ReturnInput,
    ) -> async_graphql::Result<Placement> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let a = uuid("input.accommodationId", &input.accommodation_id).gql()?;
        let on = input.returned_on.0;
        let over = Text::parse_opt(
            "input.overCapacityReason",
            input.over_capacity_reason.as_deref(),
            500,
            false,
        )
        .gql()?;
        Ok(ctx
            .data::<Services>()?
            .housing
            .record_return(&rctx, h, a, on, input.reason.into(), over)
            .await
            .gql()?
            .into())
    }

    /// The household took over the lease of the city-rented flat it lives in (city
    /// staff): the flat leaves the register (kept in history), the household moves out
    /// in place, the placement is counted in the flat's district, aftercare starts.
    async fn take_over_lease(
        &self,
        ctx: &Context<'_>,
        household_id: ID,
        input: LeaseTakeoverInput,
    ) -> async_graphql::Result<Placement> {
        let rctx = request_ctx(ctx).await?;
        let h = uuid("householdId", &household_id).gql()?;
        let terms = LeaseTerms {
            landlord_kind: input.landlord_kind.into(),
            rooms_tenths: tenths("input.rooms", input.rooms, 200).gql()?,
            space_tenths: tenths("input.livingSpace", input.living_space, 5000).gql()?,
            gross_rent_cents: cents("input.grossColdRent", &input.gross_cold_rent).gql()?,
        };
        let on = input.taken_over_on.0;
        Ok(ctx
            .data::<Services>()?
            .housing
            .take_over_lease(&rctx, h, terms, on)
            .await
            .gql()?
            .into())
    }
}

/// One district in the segregation indicator.
#[derive(SimpleObject)]
pub struct DistrictPlacementRow {
    /// District.
    pub district: String,
    /// Placements in the window.
    pub placements: i32,
    /// Share of all placements (0–1).
    pub placement_share: f64,
    /// Dwellings entered for the district.
    pub dwellings: i32,
    /// Share of the city's dwellings (0–1).
    pub housing_share: f64,
    /// Placement share ÷ housing share (none without stock).
    pub ratio: Option<f64>,
    /// Placements cluster here (at least 3, and 1.5 times the housing share or more).
    pub clustering: bool,
}

/// Returns to a shelter within one window after the move.
#[derive(SimpleObject)]
pub struct ReturnWindowRow {
    /// Months after the move-in (6, 12 or 24).
    pub months: i32,
    /// One way out, or null for all placements.
    pub source: Option<PlacementSourceCode>,
    /// Placements whose whole window has passed.
    pub observed: i32,
    /// Of those, returned to a shelter within the window.
    pub returned: i32,
    /// returned ÷ observed (null while nothing is observed).
    pub rate: Option<f64>,
    /// Placements still inside the window.
    pub pending: i32,
    /// Of those, returned already.
    pub pending_returned: i32,
}

/// Segregation queries.
#[derive(Default)]
pub struct SegregationQuery;

#[Object]
impl SegregationQuery {
    /// Where households were placed from `from` to `to` (YYYY-MM-DD), per district,
    /// against each district's share of the city's housing (city staff).
    async fn segregation_indicator(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
    ) -> async_graphql::Result<Vec<DistrictPlacementRow>> {
        let rctx = request_ctx(ctx).await?;
        let from = from.0;
        let to = to.0;
        Ok(housing(ctx)?
            .segregation(&rctx, from, to)
            .await
            .gql()?
            .into_iter()
            .map(|d| DistrictPlacementRow {
                district: d.district,
                placements: i32::try_from(d.placements).unwrap_or(i32::MAX),
                placement_share: d.placement_share,
                dwellings: d.dwellings,
                housing_share: d.housing_share,
                ratio: d.ratio,
                clustering: d.clustering,
            })
            .collect())
    }

    /// Do the moves last: returns to a shelter within 6, 12 and 24 months of the moves
    /// whose move-in lies from `from` to `to` (YYYY-MM-DD, both optional), for all
    /// placements and per way out. A window counts only placements it has seen through
    /// (city staff; a carrier caseworker sees its households').
    async fn returns_after_moves(
        &self,
        ctx: &Context<'_>,
        from: Option<Date>,
        to: Option<Date>,
    ) -> async_graphql::Result<Vec<ReturnWindowRow>> {
        let rctx = request_ctx(ctx).await?;
        let from = from.map(NaiveDate::from);
        let to = to.map(NaiveDate::from);
        let n = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
        Ok(housing(ctx)?
            .returns_after_moves(&rctx, from, to)
            .await
            .gql()?
            .into_iter()
            .map(|w| ReturnWindowRow {
                months: i32::try_from(w.months).unwrap_or(i32::MAX),
                source: w.source.map(Into::into),
                observed: n(w.observed),
                returned: n(w.returned),
                rate: w.rate,
                pending: n(w.pending),
                pending_returned: n(w.pending_returned),
            })
            .collect())
    }
}

/// Segregation mutations.
#[derive(Default)]
pub struct SegregationMutation;

#[Object]
impl SegregationMutation {
    /// Enters the number of dwellings of a district (city statistics).
    async fn set_district_housing_stock(
        &self,
        ctx: &Context<'_>,
        district: String,
        dwellings: i32,
    ) -> async_graphql::Result<bool> {
        let rctx = request_ctx(ctx).await?;
        let district = Text::parse("district", &district, 100, false).gql()?;
        housing(ctx)?
            .set_district_stock(&rctx, district, dwellings)
            .await
            .gql()?;
        Ok(true)
    }
}
