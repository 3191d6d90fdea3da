//! The lease and the move it makes: [`Housing::sign_lease`] lets the offer and, on the
//! move-in day, frees the household's place, counts the placement and moves its case
//! out — or, with a move-in date ahead, schedules the move ([`crate::scheduled`]), which
//! takes effect through the same `complete_move`.

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::{CaseState, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{matched, occupancy, offer};
use crate::types::{MatchStatus, OfferStatus};
use crate::workflow::{
    MatchView, find_match, locate, lock_offer, set_offer, set_status, status, view,
};

impl Housing {
    /// The lease is signed and the household has moved in: one transaction lets the
    /// offer, ends the household's occupancy (freeing the place), moves the case to
    /// "moved out" and schedules its aftercare. If any step fails, nothing changes.
    pub async fn sign_lease(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        signed_on: NaiveDate,
        move_in_on: NaiveDate,
    ) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        // The move changes the city's register and lets the offer: city staff.
        access.require_city()?;
        let today = Utc::now().date_naive();
        date_in_range("signedOn", signed_on, today, 0)?;
        // A lease may be signed up to a year ahead of the move-in: a scheduled move.
        date_in_range("moveInOn", move_in_on, today, 1)?;
        if move_in_on < signed_on {
            return Err(Error::bad_input(
                "moveInOn",
                "must not lie before the lease was signed",
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let m = locate(&tx, &access, id).await?;
        lookup::lock_household(&tx, m.household_id).await?;
        let o = lock_offer(&tx, m.offer_id).await?;
        let m = find_match(&tx, &access, id).await?;
        if status(&m)? != MatchStatus::LandlordAccepted {
            return Err(Error::bad_input(
                "id",
                "a lease needs the landlord's acceptance first",
            ));
        }
        if o.status != OfferStatus::Reserved.code() {
            return Err(Error::Conflict {
                message: "the offer is no longer reserved for this match".into(),
            });
        }
        crate::benefit_office::require_acceptance(&tx, &m).await?;
        let cur = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::HouseholdId.eq(m.household_id))
            .filter(occupancy::Column::UntilOn.is_null())
            .one(tx.conn())
            .await?;
        if cur.as_ref().is_some_and(|c| move_in_on < c.since) {
            return Err(Error::bad_input(
                "moveInOn",
                "must not lie before the household moved into its accommodation",
            ));
        }
        if move_in_on > today {
            // Signed ahead of the move-in: the household keeps its place until the
            // date, when the scheduled move takes effect (see `crate::scheduled`).
            set_status(&tx, &m, Some(version), MatchStatus::LeaseSigned, |q| {
                q.col_expr(matched::Column::LeaseSignedOn, Expr::value(signed_on))
                    .col_expr(matched::Column::MoveInOn, Expr::value(move_in_on))
            })
            .await?;
            set_offer(&tx, m.offer_id, OfferStatus::Let, signed_on).await?;
            crate::scheduled::create(&tx, ctx, &m, signed_on, move_in_on).await?;
            audit::append_many(
                &tx,
                ctx,
                &[
                    AuditEntry::new(
                        "match",
                        id,
                        "sign_lease",
                        &["status", "lease_signed_on", "move_in_on"],
                    ),
                    AuditEntry::new("offer", m.offer_id, "set_status", &["status", "status_on"]),
                ],
            )
            .await?;
            let row = find_match(&tx, &access, id).await?;
            tx.commit().await?;
            return view(&row);
        }
        // 1. The match.
        set_status(&tx, &m, Some(version), MatchStatus::MovedIn, |q| {
            q.col_expr(matched::Column::LeaseSignedOn, Expr::value(signed_on))
                .col_expr(matched::Column::MoveInOn, Expr::value(move_in_on))
        })
        .await?;
        // 2. The offer is let.
        set_offer(&tx, m.offer_id, OfferStatus::Let, signed_on).await?;
        let mut entries = vec![
            AuditEntry::new(
                "match",
                id,
                "sign_lease",
                &["status", "lease_signed_on", "move_in_on"],
            ),
            AuditEntry::new("offer", m.offer_id, "set_status", &["status", "status_on"]),
        ];
        complete_move(
            &tx,
            ctx,
            &m,
            &o,
            cur.as_ref(),
            move_in_on,
            today,
            &mut entries,
        )
        .await?;
        audit::append_many(&tx, ctx, &entries).await?;
        let row = find_match(&tx, &access, id).await?;
        tx.commit().await?;
        view(&row)
    }
}

/// The move of a signed lease: the place in the register ends, the placement is
/// counted, the case moves out on `move_in_on` (aftercare scheduled by casework) — on
/// the signing day, or on the move-in date of a scheduled move (`today` is that day).
/// Appends the audit entries of the place to `entries`; returns the placement.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn complete_move(
    tx: &TenantTx,
    ctx: &Ctx,
    m: &matched::Model,
    o: &offer::Model,
    cur: Option<&occupancy::Model>,
    move_in_on: NaiveDate,
    today: NaiveDate,
    entries: &mut Vec<AuditEntry<'static>>,
) -> Result<crate::entity::placement::Model> {
    // 3. The place in the register is freed.
    if let Some(cur) = cur {
        crate::register::end(tx, cur, move_in_on, "moved into a flat of its own").await?;
        entries.push(AuditEntry::new(
            "occupancy",
            cur.id,
            "move_out",
            &["until_on", "end_reason"],
        ));
    }
    // 4. The placement, counted once by every figure.
    let landlord_kind = tx
        .find::<crate::entity::landlord::Entity>()
        .filter(crate::entity::landlord::Column::Id.eq(o.landlord_id))
        .one(tx.conn())
        .await?
        .and_then(|l| crate::types::LandlordKind::from_code(&l.kind))
        .unwrap_or(crate::types::LandlordKind::Other);
    let placement = crate::moves::record(
        tx,
        ctx,
        crate::moves::NewPlacement {
            household_id: m.household_id,
            source: crate::types::PlacementSource::Match,
            match_id: Some(m.id),
            accommodation_id: None,
            landlord_id: Some(o.landlord_id),
            landlord_kind,
            district: &o.district,
            rooms_tenths: o.rooms_tenths,
            space_tenths: o.space_tenths,
            gross_rent_cents: o.cold_rent_cents.saturating_add(o.service_cents),
            move_in_on,
        },
    )
    .await?;
    // 5. The case: moved out, aftercare scheduled (audited by casework).
    lookup::advance_at(
        tx,
        ctx,
        m.household_id,
        CaseState::MovedOut,
        "lease signed, moved in",
        move_in_on,
        today,
    )
    .await?;
    Ok(placement)
}
