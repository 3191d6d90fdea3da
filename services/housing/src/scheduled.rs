//! Scheduled moves: a lease signed today for a move-in weeks ahead
//! ([`Housing::sign_lease`] with a future `moveInOn`). Until the date the household keeps
//! its place, the match stands at "lease signed" and the offer is let. On the date
//! [`Housing::apply_due_moves`] (run by the server every hour and by `wohnweg moves`)
//! makes the move like any other, through the same code as a lease signed on the day
//! of the move: the place ends, the placement is counted, the case moves out, aftercare
//! starts. While pending, city staff may cancel it with a reason: the match is
//! withdrawn, the offer opens again and a case with no open match left searches again.
//! A case that leaves the active work (closed, paused, contact lost) cancels its pending
//! move the same way.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::Text;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Principal, PrincipalKind, Result, TenantId, TenantTx, UserId};

use crate::Housing;
use crate::access::Access;
use crate::entity::{matched, occupancy, scheduled_move};
use crate::lease::complete_move;
use crate::types::{MatchStatus, OfferStatus, ScheduledMoveStatus};
use crate::workflow::{lock_offer, set_offer, set_status};

/// One scheduled move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduledMoveView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// The match whose lease was signed.
    pub match_id: Uuid,
    /// When the lease was signed.
    pub signed_on: NaiveDate,
    /// When the household moves in (and out of the city's accommodation).
    pub move_in_on: NaiveDate,
    /// Where it stands.
    pub status: ScheduledMoveStatus,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// The placement the move recorded, once done.
    pub placement_id: Option<Uuid>,
    /// Version.
    pub version: i32,
}

fn view(r: &scheduled_move::Model) -> Result<ScheduledMoveView> {
    Ok(ScheduledMoveView {
        id: r.id,
        household_id: r.household_id,
        match_id: r.match_id,
        signed_on: r.signed_on,
        move_in_on: r.move_in_on,
        status: ScheduledMoveStatus::from_code(&r.status).ok_or_else(|| {
            Error::internal(std::io::Error::other(
                "unknown stored scheduled move status",
            ))
        })?,
        cancel_reason: r.cancel_reason.clone(),
        placement_id: r.placement_id,
        version: r.version,
    })
}

/// The household's pending scheduled move, if any.
pub(crate) async fn pending_for(
    tx: &TenantTx,
    household_id: Uuid,
) -> Result<Option<scheduled_move::Model>> {
    Ok(tx
        .find::<scheduled_move::Entity>()
        .filter(scheduled_move::Column::HouseholdId.eq(household_id))
        .filter(scheduled_move::Column::Status.eq(ScheduledMoveStatus::Pending.code()))
        .one(tx.conn())
        .await?)
}

/// Schedules the move of a lease signed ahead of `move_in_on` (the caller holds the
/// household's lock and has set the match and offer).
pub(crate) async fn create(
    tx: &TenantTx,
    ctx: &Ctx,
    m: &matched::Model,
    signed_on: NaiveDate,
    move_in_on: NaiveDate,
) -> Result<scheduled_move::Model> {
    if pending_for(tx, m.household_id).await?.is_some() {
        return Err(Error::bad_input(
            "id",
            "a move is already scheduled for this household; cancel it first",
        ));
    }
    let row = scheduled_move::Entity::secure_insert(
        tx,
        scheduled_move::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            household_id: Set(m.household_id),
            match_id: Set(m.id),
            signed_on: Set(signed_on),
            move_in_on: Set(move_in_on),
            status: Set(ScheduledMoveStatus::Pending.code().to_owned()),
            cancel_reason: Set(None),
            placement_id: Set(None),
            created_by: Set(ctx.principal().user_id.uuid()),
            created_at: Set(Utc::now()),
            decided_at: Set(None),
            version: Set(1),
        },
    )
    .await?;
    audit::append(
        tx,
        ctx,
        &AuditEntry::new(
            "scheduled_move",
            row.id,
            "create",
            &["household_id", "match_id", "signed_on", "move_in_on"],
        ),
    )
    .await?;
    Ok(row)
}

/// Sets a pending move's outcome under its version (`None`: whatever it is).
async fn decide(
    tx: &TenantTx,
    r: &scheduled_move::Model,
    version: Option<i32>,
    to: ScheduledMoveStatus,
    reason: Option<&str>,
    placement: Option<Uuid>,
) -> Result<()> {
    let mut q = scheduled_move::Entity::secure_update_many(tx)
        .col_expr(scheduled_move::Column::Status, Expr::value(to.code()))
        .col_expr(scheduled_move::Column::CancelReason, Expr::value(reason))
        .col_expr(scheduled_move::Column::PlacementId, Expr::value(placement))
        .col_expr(scheduled_move::Column::DecidedAt, Expr::value(Utc::now()))
        .col_expr(
            scheduled_move::Column::Version,
            Expr::col(scheduled_move::Column::Version).add(1),
        )
        .filter(scheduled_move::Column::Id.eq(r.id))
        .filter(scheduled_move::Column::Status.eq(ScheduledMoveStatus::Pending.code()));
    if let Some(v) = version {
        q = q.filter(scheduled_move::Column::Version.eq(v));
    }
    if q.exec(tx.conn()).await?.rows_affected != 1 {
        return Err(Error::stale("scheduled move"));
    }
    Ok(())
}

/// Cancels the pending move `r` with `reason` (the caller holds the household's lock):
/// the match is withdrawn, its offer opens again, and a case left with no open match
/// searches again unless `keep_case` (the case is leaving the work on its own).
pub(crate) async fn cancel(
    tx: &TenantTx,
    ctx: &Ctx,
    r: &scheduled_move::Model,
    version: Option<i32>,
    reason: &str,
    keep_case: bool,
) -> Result<()> {
    let m = tx
        .find::<matched::Entity>()
        .filter(matched::Column::Id.eq(r.match_id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "match" })?;
    lock_offer(tx, m.offer_id).await?;
    decide(
        tx,
        r,
        version,
        ScheduledMoveStatus::Cancelled,
        Some(reason),
        None,
    )
    .await?;
    set_status(tx, &m, None, MatchStatus::Withdrawn, |q| {
        q.col_expr(matched::Column::DeclineText, Expr::value(reason))
            .col_expr(
                matched::Column::DeclinedBy,
                Expr::value(crate::workflow::side(ctx).code()),
            )
    })
    .await?;
    set_offer(tx, m.offer_id, OfferStatus::Open, Utc::now().date_naive()).await?;
    audit::append_many(
        tx,
        ctx,
        &[
            AuditEntry::new(
                "scheduled_move",
                r.id,
                "cancel",
                &["status", "cancel_reason"],
            ),
            AuditEntry::new("match", m.id, "withdraw", &["status", "decline_text"]),
            AuditEntry::new("offer", m.offer_id, "set_status", &["status", "status_on"]),
        ],
    )
    .await?;
    if !keep_case {
        crate::workflow::back_to_searching(tx, ctx, r.household_id).await?;
    }
    Ok(())
}

/// What a run of [`Housing::apply_due_moves`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppliedMoves {
    /// Moves that took effect.
    pub applied: u64,
    /// Moves that could not (left pending), with their error code, for the job's log.
    pub failed: Vec<(Uuid, &'static str)>,
}

impl Housing {
    /// Scheduled moves, soonest first; carriers see their households' only.
    pub async fn scheduled_moves(
        &self,
        ctx: &Ctx,
        status: Option<ScheduledMoveStatus>,
        household: Option<Uuid>,
        page: PageRequest,
    ) -> Result<Page<ScheduledMoveView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<scheduled_move::Entity>()
            .order_by_asc(scheduled_move::Column::Id);
        if let Some(c) = access.carrier {
            q = q.filter(
                scheduled_move::Column::HouseholdId.in_subquery(lookup::carrier_households(
                    &tx,
                    c,
                    access.user,
                )),
            );
        }
        if let Some(s) = status {
            q = q.filter(scheduled_move::Column::Status.eq(s.code()));
        }
        if let Some(h) = household {
            q = q.filter(scheduled_move::Column::HouseholdId.eq(h));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(scheduled_move::Column::Id.gt(after));
        }
        let rows = q.limit(page.first + 1).all(tx.conn()).await?;
        tx.commit().await?;
        let rows = Page::from_overfetch(rows, page);
        Ok(Page {
            items: rows.items.iter().map(view).collect::<Result<_>>()?,
            has_next: rows.has_next,
            total,
        })
    }

    /// Pending moves, soonest first (at most 200): a worklist section.
    pub async fn pending_moves(&self, ctx: &Ctx) -> Result<Vec<ScheduledMoveView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<scheduled_move::Entity>()
            .filter(scheduled_move::Column::Status.eq(ScheduledMoveStatus::Pending.code()))
            .order_by_asc(scheduled_move::Column::MoveInOn)
            .order_by_asc(scheduled_move::Column::Id);
        if let Some(c) = access.carrier {
            q = q.filter(
                scheduled_move::Column::HouseholdId.in_subquery(lookup::carrier_households(
                    &tx,
                    c,
                    access.user,
                )),
            );
        }
        let rows = q.limit(200).all(tx.conn()).await?;
        tx.commit().await?;
        rows.iter().map(view).collect()
    }

    /// Cancels a pending move with a reason (city staff): the match is withdrawn, the
    /// offer opens again, the case searches again.
    pub async fn cancel_scheduled_move(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        reason: &Text,
    ) -> Result<ScheduledMoveView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let found = |tx: &TenantTx| {
            tx.find::<scheduled_move::Entity>()
                .filter(scheduled_move::Column::Id.eq(id))
        };
        let r = found(&tx).one(tx.conn()).await?.ok_or(Error::NotFound {
            entity: "scheduled move",
        })?;
        lookup::lock_household(&tx, r.household_id).await?;
        let r = found(&tx).one(tx.conn()).await?.ok_or(Error::NotFound {
            entity: "scheduled move",
        })?;
        if r.status != ScheduledMoveStatus::Pending.code() {
            return Err(Error::bad_input("id", "the move is no longer pending"));
        }
        cancel(&tx, ctx, &r, Some(version), reason.as_str(), false).await?;
        let r = found(&tx).one(tx.conn()).await?.ok_or(Error::NotFound {
            entity: "scheduled move",
        })?;
        tx.commit().await?;
        view(&r)
    }

    /// Makes every pending move of `tenant` due on or before `as_of` take effect, each
    /// in its own transaction (one that fails stays pending and is counted). Runs as the
    /// system (audited with the nil user id).
    pub async fn apply_due_moves(
        &self,
        tenant: TenantId,
        as_of: NaiveDate,
    ) -> Result<AppliedMoves> {
        let ctx = Ctx::new(Principal {
            user_id: UserId::from_uuid(Uuid::nil()),
            kind: PrincipalKind::TenantUser,
            tenant: Some(tenant),
            organisation: None,
            roles: std::collections::BTreeSet::new(),
        });
        let tx = self.db.begin_tenant(tenant).await?;
        let due: Vec<Uuid> = tx
            .find::<scheduled_move::Entity>()
            .filter(scheduled_move::Column::Status.eq(ScheduledMoveStatus::Pending.code()))
            .filter(scheduled_move::Column::MoveInOn.lte(as_of))
            .order_by_asc(scheduled_move::Column::MoveInOn)
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        tx.commit().await?;
        let mut done = AppliedMoves::default();
        for id in due {
            match self.apply_one(&ctx, tenant, id, as_of).await {
                Ok(true) => done.applied += 1,
                Ok(false) => {}
                Err(e) => done.failed.push((id, e.code().as_str())),
            }
        }
        Ok(done)
    }

    async fn apply_one(
        &self,
        ctx: &Ctx,
        tenant: TenantId,
        id: Uuid,
        as_of: NaiveDate,
    ) -> Result<bool> {
        let tx = self.db.begin_tenant(tenant).await?;
        let found = |tx: &TenantTx| {
            tx.find::<scheduled_move::Entity>()
                .filter(scheduled_move::Column::Id.eq(id))
        };
        let Some(r) = found(&tx).one(tx.conn()).await? else {
            return Ok(false);
        };
        lookup::lock_household(&tx, r.household_id).await?;
        let Some(r) = found(&tx).one(tx.conn()).await? else {
            return Ok(false);
        };
        if r.status != ScheduledMoveStatus::Pending.code() {
            // Cancelled or applied meanwhile.
            return Ok(false);
        }
        let m = tx
            .find::<matched::Entity>()
            .filter(matched::Column::Id.eq(r.match_id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "match" })?;
        let o = lock_offer(&tx, m.offer_id).await?;
        let cur = tx
            .find::<occupancy::Entity>()
            .filter(occupancy::Column::HouseholdId.eq(r.household_id))
            .filter(occupancy::Column::UntilOn.is_null())
            .one(tx.conn())
            .await?;
        set_status(&tx, &m, None, MatchStatus::MovedIn, |q| q).await?;
        let mut entries = vec![AuditEntry::new("match", m.id, "move_in", &["status"])];
        let placement = complete_move(
            &tx,
            ctx,
            &m,
            &o,
            cur.as_ref(),
            r.move_in_on,
            as_of,
            &mut entries,
        )
        .await?;
        decide(
            &tx,
            &r,
            None,
            ScheduledMoveStatus::Done,
            None,
            Some(placement.id),
        )
        .await?;
        entries.push(AuditEntry::new(
            "scheduled_move",
            r.id,
            "apply",
            &["status", "placement_id"],
        ));
        audit::append_many(&tx, ctx, &entries).await?;
        tx.commit().await?;
        Ok(true)
    }
}
