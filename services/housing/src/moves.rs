//! Every way out of the city's accommodation, through one path that keeps the register
//! true: a household moves out **only** together with the end of its place in the
//! register, a placement (`entity::placement`) that every figure counts once,
//! the move of its case to "moved out" (which schedules aftercare) and the audit — in
//! one transaction. The ways:
//!
//! - **through a match**: [`Housing::sign_lease`](crate::Housing::sign_lease) records
//!   its placement with `record`;
//! - **a flat the household found itself**: [`Housing::record_self_found_move`], with
//!   the flat's district, landlord kind, rooms, size, rent and move-in date;
//! - **a lease takeover**: [`Housing::take_over_lease`] — the household takes over the
//!   lease of the city-rented flat it lives in; the flat leaves the register (kept in
//!   history, inactive) and the household moves out in place.
//!
//! And the way back: [`Housing::record_return`] — a household whose tenancy failed
//! comes back to a shelter: it gets a place in the register again, its placement
//! records the return (date and coded reason, so returns within 6/12/24 months count),
//! its open aftercare ends, and its case is active again to be worked anew.
//!
//! Bare transitions to "moved out", and from a move back to "active", are refused by
//! casework for this reason.
//! Moves change the city's register: city staff record them.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::{CaseState, Text, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{accommodation, occupancy, placement};
use crate::types::{AccommodationKind, LandlordKind, PlacementSource, ReturnReason};

/// The flat a household moved into, as the city records it.
#[derive(Clone, Debug)]
pub struct FlatFacts {
    /// District.
    pub district: Text,
    /// Who the landlord is.
    pub landlord_kind: LandlordKind,
    /// Rooms, in tenths.
    pub rooms_tenths: i32,
    /// Living space, in tenths of m².
    pub space_tenths: i32,
    /// Gross cold rent (cold rent plus service charges), in cents.
    pub gross_rent_cents: i32,
}

/// One placement.
#[derive(Clone, Debug)]
pub struct PlacementView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// How the household moved out.
    pub source: PlacementSource,
    /// The match, for a move through one.
    pub match_id: Option<Uuid>,
    /// The city-rented flat, for a lease takeover.
    pub accommodation_id: Option<Uuid>,
    /// Landlord kind.
    pub landlord_kind: LandlordKind,
    /// District.
    pub district: String,
    /// Rooms, in tenths.
    pub rooms_tenths: i32,
    /// Living space, in tenths of m².
    pub space_tenths: i32,
    /// Gross cold rent, in cents.
    pub gross_rent_cents: i32,
    /// Move-in date.
    pub move_in_on: NaiveDate,
    /// When the household came back to a shelter, if it did.
    pub returned_on: Option<NaiveDate>,
    /// Why it came back.
    pub return_reason: Option<ReturnReason>,
}

fn view(p: &placement::Model) -> Result<PlacementView> {
    let bad = || Error::internal(std::io::Error::other("unknown stored placement code"));
    Ok(PlacementView {
        id: p.id,
        household_id: p.household_id,
        source: PlacementSource::from_code(&p.source).ok_or_else(bad)?,
        match_id: p.match_id,
        accommodation_id: p.accommodation_id,
        landlord_kind: LandlordKind::from_code(&p.landlord_kind).ok_or_else(bad)?,
        district: p.district.clone(),
        rooms_tenths: p.rooms_tenths,
        space_tenths: p.space_tenths,
        gross_rent_cents: p.gross_rent_cents,
        move_in_on: p.move_in_on,
        returned_on: p.returned_on,
        return_reason: p
            .return_reason
            .as_deref()
            .map(|r| ReturnReason::from_code(r).ok_or_else(bad))
            .transpose()?,
    })
}

/// A placement to record.
pub(crate) struct NewPlacement<'a> {
    pub household_id: Uuid,
    pub source: PlacementSource,
    pub match_id: Option<Uuid>,
    pub accommodation_id: Option<Uuid>,
    pub landlord_id: Option<Uuid>,
    pub landlord_kind: LandlordKind,
    pub district: &'a str,
    pub rooms_tenths: i32,
    pub space_tenths: i32,
    pub gross_rent_cents: i32,
    pub move_in_on: NaiveDate,
}

/// Records a placement in `tx` (the caller moves the case and frees the place).
pub(crate) async fn record(
    tx: &TenantTx,
    ctx: &Ctx,
    p: NewPlacement<'_>,
) -> Result<placement::Model> {
    let row = placement::Entity::secure_insert(
        tx,
        placement::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            household_id: Set(p.household_id),
            source: Set(p.source.code().to_owned()),
            match_id: Set(p.match_id),
            accommodation_id: Set(p.accommodation_id),
            landlord_id: Set(p.landlord_id),
            landlord_kind: Set(p.landlord_kind.code().to_owned()),
            district: Set(p.district.to_owned()),
            rooms_tenths: Set(p.rooms_tenths),
            space_tenths: Set(p.space_tenths),
            gross_rent_cents: Set(p.gross_rent_cents),
            move_in_on: Set(p.move_in_on),
            recorded_at: Set(Utc::now()),
            actor: Set(ctx.principal().user_id.uuid()),
            returned_on: Set(None),
            return_reason: Set(None),
        },
    )
    .await?;
    audit::append(
        tx,
        ctx,
        &AuditEntry::new(
            "placement",
            row.id,
            "create",
            &[
                "household_id",
                "source",
                "district",
                "landlord_kind",
                "rooms",
                "space",
                "rent",
                "move_in_on",
            ],
        ),
    )
    .await?;
    Ok(row)
}

/// The household's current place in the register, if any.
async fn current_place(tx: &TenantTx, household_id: Uuid) -> Result<Option<occupancy::Model>> {
    Ok(tx
        .find::<occupancy::Entity>()
        .filter(occupancy::Column::HouseholdId.eq(household_id))
        .filter(occupancy::Column::UntilOn.is_null())
        .one(tx.conn())
        .await?)
}

/// The household, locked, in the caller's reach and able to move out now.
async fn movable(tx: &TenantTx, household_id: Uuid) -> Result<lookup::HouseholdBrief> {
    let h = lookup::lock_open_household(tx, household_id, "householdId").await?;
    if matches!(h.state, CaseState::MovedOut | CaseState::Aftercare) {
        return Err(Error::bad_input(
            "householdId",
            "the household has moved out already",
        ));
    }
    if crate::scheduled::pending_for(tx, household_id)
        .await?
        .is_some()
    {
        return Err(Error::bad_input(
            "householdId",
            "a move is scheduled for this household; cancel it first",
        ));
    }
    if !h.state.can_move_to(CaseState::MovedOut) {
        return Err(Error::bad_input(
            "householdId",
            format!(
                "a case in state {} cannot move out; make it active first",
                h.state.code()
            ),
        ));
    }
    Ok(h)
}

/// Moves the case of `household_id` to `to` on `on`, naming the caller's date field
/// when the workflow refuses the date (before the case's current state began).
async fn advance_on(
    tx: &TenantTx,
    ctx: &Ctx,
    household_id: Uuid,
    to: CaseState,
    why: &str,
    on: NaiveDate,
    date_field: &'static str,
) -> Result<()> {
    lookup::advance(tx, ctx, household_id, to, why, on)
        .await
        .map_err(|e| match e {
            Error::BadUserInput { field, message } if field == "effectiveOn" => {
                Error::bad_input(date_field, message)
            }
            e => e,
        })
}

/// Ends the place, withdraws open matches, records the placement and moves the case
/// out — the common tail of a self-found move and a lease takeover.
async fn move_out_with(
    tx: &TenantTx,
    ctx: &Ctx,
    place: Option<&occupancy::Model>,
    placement: NewPlacement<'_>,
    why: &'static str,
    date_field: &'static str,
) -> Result<placement::Model> {
    let mut entries = Vec::new();
    if let Some(cur) = place {
        if placement.move_in_on < cur.since {
            return Err(Error::bad_input(
                date_field,
                "must not lie before the household moved into its accommodation",
            ));
        }
        crate::register::end(tx, cur, placement.move_in_on, why).await?;
        entries.push(AuditEntry::new(
            "occupancy",
            cur.id,
            "move_out",
            &["until_on", "end_reason"],
        ));
    }
    crate::workflow::withdraw_open_matches(tx, ctx, placement.household_id, why).await?;
    let household_id = placement.household_id;
    let on = placement.move_in_on;
    let row = record(tx, ctx, placement).await?;
    advance_on(
        tx,
        ctx,
        household_id,
        CaseState::MovedOut,
        why,
        on,
        date_field,
    )
    .await?;
    audit::append_many(tx, ctx, &entries).await?;
    Ok(row)
}

/// Filters of the placement list.
#[derive(Clone, Debug, Default)]
pub struct PlacementFilter {
    /// One household's.
    pub household_id: Option<Uuid>,
    /// Moved in on or after.
    pub from: Option<NaiveDate>,
    /// Moved in on or before.
    pub to: Option<NaiveDate>,
}

impl Housing {
    /// Records that a household moved into a flat it found itself: its place in the
    /// register ends on the move-in date, its open matches are withdrawn, the
    /// placement is counted, the case moves out and aftercare is scheduled.
    pub async fn record_self_found_move(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        flat: FlatFacts,
        move_in_on: NaiveDate,
    ) -> Result<PlacementView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        date_in_range("input.moveInOn", move_in_on, Utc::now().date_naive(), 0)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        movable(&tx, household_id).await?;
        let place = current_place(&tx, household_id).await?;
        let row = move_out_with(
            &tx,
            ctx,
            place.as_ref(),
            NewPlacement {
                household_id,
                source: PlacementSource::SelfFound,
                match_id: None,
                accommodation_id: None,
                landlord_id: None,
                landlord_kind: flat.landlord_kind,
                district: flat.district.as_str(),
                rooms_tenths: flat.rooms_tenths,
                space_tenths: flat.space_tenths,
                gross_rent_cents: flat.gross_rent_cents,
                move_in_on,
            },
            "moved into a flat it found itself",
            "input.moveInOn",
        )
        .await?;
        tx.commit().await?;
        view(&row)
    }

    /// Records that a household took over the lease of the city-rented flat it lives
    /// in: the flat leaves the register (inactive, kept in history), the household
    /// moves out in place, the placement is counted in the flat's district, aftercare
    /// is scheduled. Only a city-rented flat the household lives in alone qualifies.
    pub async fn take_over_lease(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        flat: LeaseTerms,
        on: NaiveDate,
    ) -> Result<PlacementView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        date_in_range("input.takenOverOn", on, Utc::now().date_naive(), 0)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        movable(&tx, household_id).await?;
        let place = current_place(&tx, household_id).await?.ok_or_else(|| {
            Error::bad_input(
                "householdId",
                "the household lives in no city-rented flat of the register",
            )
        })?;
        let flat_row = tx
            .for_update(
                tx.find::<accommodation::Entity>()
                    .filter(accommodation::Column::Id.eq(place.accommodation_id)),
            )
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "accommodation",
            })?;
        if flat_row.kind != AccommodationKind::CityRentedFlat.code() {
            return Err(Error::bad_input(
                "householdId",
                "only the lease of a city-rented flat can be taken over; this is a shelter",
            ));
        }
        let others = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::AccommodationId.eq(flat_row.id))
            .filter(occupancy::Column::UntilOn.is_null())
            .filter(occupancy::Column::HouseholdId.ne(household_id))
            .select_only()
            .column(occupancy::Column::Id)
            .into_tuple::<Uuid>()
            .all(tx.conn())
            .await?;
        if !others.is_empty() {
            return Err(Error::bad_input(
                "householdId",
                "other households live in this flat; move them first",
            ));
        }
        let row = move_out_with(
            &tx,
            ctx,
            Some(&place),
            NewPlacement {
                household_id,
                source: PlacementSource::LeaseTakeover,
                match_id: None,
                accommodation_id: Some(flat_row.id),
                landlord_id: None,
                landlord_kind: flat.landlord_kind,
                district: &flat_row.district,
                rooms_tenths: flat.rooms_tenths,
                space_tenths: flat.space_tenths,
                gross_rent_cents: flat.gross_rent_cents,
                move_in_on: on,
            },
            "took over the lease of the flat",
            "input.takenOverOn",
        )
        .await?;
        // The flat is the household's now: it leaves the city's register.
        accommodation::Entity::secure_update_many(&tx)
            .col_expr(accommodation::Column::Active, Expr::value(false))
            .col_expr(
                accommodation::Column::Version,
                Expr::col(accommodation::Column::Version).add(1),
            )
            .filter(accommodation::Column::Id.eq(flat_row.id))
            .exec(tx.conn())
            .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "accommodation",
                flat_row.id,
                "lease_taken_over",
                &["active"],
            ),
        )
        .await?;
        tx.commit().await?;
        view(&row)
    }

    /// A household that moved out came back to a shelter (city staff): it gets a place
    /// in `accommodation_id` from `on` (beyond capacity only with a reason), its last
    /// placement records the return and why, its open follow-ups end (the first with
    /// the outcome "returned to shelter"), and its case is active again — all at once.
    pub async fn record_return(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        accommodation_id: Uuid,
        on: NaiveDate,
        reason: ReturnReason,
        over_capacity_reason: Option<Text>,
    ) -> Result<PlacementView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        date_in_range("input.returnedOn", on, Utc::now().date_naive(), 0)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = lookup::lock_open_household(&tx, household_id, "householdId").await?;
        if !matches!(h.state, CaseState::MovedOut | CaseState::Aftercare) {
            return Err(Error::bad_input(
                "householdId",
                format!(
                    "only a household that moved out can return; this case is {}",
                    h.state.code()
                ),
            ));
        }
        let a = crate::register::find_locked(&tx, accommodation_id).await?;
        if !a.active {
            return Err(Error::bad_input(
                "input.accommodationId",
                "the accommodation is not in use",
            ));
        }
        let last = tx
            .for_update(
                tx.find::<placement::Entity>()
                    .filter(placement::Column::HouseholdId.eq(household_id))
                    .order_by_desc(placement::Column::MoveInOn)
                    .order_by_desc(placement::Column::Id),
            )
            .one(tx.conn())
            .await?
            .ok_or_else(|| {
                Error::bad_input("householdId", "the household has no recorded move-out")
            })?;
        if last.returned_on.is_some() {
            return Err(Error::Conflict {
                message: "the return was recorded already".into(),
            });
        }
        if on < last.move_in_on {
            return Err(Error::bad_input(
                "input.returnedOn",
                "must not lie before the move it ends",
            ));
        }
        placement::Entity::secure_update_many(&tx)
            .col_expr(placement::Column::ReturnedOn, Expr::value(Some(on)))
            .col_expr(placement::Column::ReturnReason, Expr::value(reason.code()))
            .filter(placement::Column::Id.eq(last.id))
            .exec(tx.conn())
            .await?;
        let place =
            crate::register::occupy(&tx, &a, household_id, h.size, on, over_capacity_reason)
                .await?;
        lookup::end_aftercare_on_return(&tx, ctx, household_id, on).await?;
        advance_on(
            &tx,
            ctx,
            household_id,
            CaseState::Active,
            "returned to a shelter",
            on,
            "input.returnedOn",
        )
        .await?;
        audit::append_many(
            &tx,
            ctx,
            &[
                AuditEntry::new(
                    "placement",
                    last.id,
                    "return",
                    &["returned_on", "return_reason"],
                ),
                AuditEntry::new(
                    "occupancy",
                    place.id,
                    "move_in",
                    crate::register::MOVE_IN_FIELDS,
                ),
            ],
        )
        .await?;
        let row = tx
            .find::<placement::Entity>()
            .filter(placement::Column::Id.eq(last.id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "placement",
            })?;
        tx.commit().await?;
        view(&row)
    }

    /// Placements, newest move first (city staff; carriers see their households').
    pub async fn placements(
        &self,
        ctx: &Ctx,
        filter: &PlacementFilter,
        page: PageRequest,
    ) -> Result<Page<PlacementView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<placement::Entity>()
            .order_by_desc(placement::Column::Id);
        if let Some(c) = access.carrier {
            q = q.filter(
                placement::Column::HouseholdId.in_subquery(lookup::carrier_households(
                    &tx,
                    c,
                    access.user,
                )),
            );
        } else {
            access.require_city()?;
        }
        if let Some(h) = filter.household_id {
            q = q.filter(placement::Column::HouseholdId.eq(h));
        }
        if let Some(f) = filter.from {
            q = q.filter(placement::Column::MoveInOn.gte(f));
        }
        if let Some(t) = filter.to {
            q = q.filter(placement::Column::MoveInOn.lte(t));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(placement::Column::Id.lt(after));
        }
        let rows = q.limit(page.first + 1).all(tx.conn()).await?;
        tx.commit().await?;
        let page = Page::from_overfetch(rows, page);
        Ok(Page {
            items: page.items.iter().map(view).collect::<Result<_>>()?,
            has_next: page.has_next,
            total,
        })
    }
}

/// What the city records of a flat whose lease the household took over (the register
/// knows its district, not its rooms, size or rent).
#[derive(Clone, Copy, Debug)]
pub struct LeaseTerms {
    /// Who the landlord is.
    pub landlord_kind: LandlordKind,
    /// Rooms, in tenths.
    pub rooms_tenths: i32,
    /// Living space, in tenths of m².
    pub space_tenths: i32,
    /// Gross cold rent, in cents.
    pub gross_rent_cents: i32,
}
