//! Guarantee approvals (Cologne's coordinator): requests for deposit assumption, rent
//! assumption, security guarantee and release, with amount, justification and
//! requester; the `city_coordinator` approves or rejects with a reason. Each kind has
//! an annual budget per tenant; an approval that would exceed it is refused (the budget
//! row is locked, so two approvals cannot both slip under it). Deposit loans track their
//! repayment: instalments agreed against amounts received.
//!
//! **What a guarantee secures.** Every request names the match (or, before there is
//! one, the offer) it secures, and its amount is checked against that flat's rent —
//! when requested and again when approved, as the rent may change in between:
//!
//! | kind | at most |
//! | --- | --- |
//! | deposit | three net cold rents (§ 551 BGB), and no more than the deposit the offer asks |
//! | security guarantee | three net cold rents (§ 551 BGB caps every rental security) |
//! | rent assumption, release | twelve gross rents (cold rent, service charges, heating) |
//!
//! A declined or withdrawn match, or an offer let to someone else or withdrawn, secures
//! nothing: no request names it, and a pending request on it cannot be approved (only
//! rejected). An offer let to the household itself still secures its request.

use chrono::{Datelike, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::{Text, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{budget, guarantee, matched, offer, repayment};
use crate::types::{GuaranteeKind, GuaranteeStatus, MatchStatus, OfferStatus, euros};

/// What a guarantee request secures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secured {
    /// A match of the household (its offer's rent bounds the amount).
    Match(Uuid),
    /// An offer, before there is a match.
    Offer(Uuid),
}

/// A guarantee request.
#[derive(Clone, Debug)]
pub struct GuaranteeView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Kind.
    pub kind: GuaranteeKind,
    /// Amount, cents.
    pub amount_cents: i32,
    /// Why.
    pub justification: String,
    /// Budget year.
    pub budget_year: i32,
    /// Status.
    pub status: GuaranteeStatus,
    /// Decided on.
    pub decided_on: Option<NaiveDate>,
    /// Why rejected (or a note on the approval).
    pub decision_reason: Option<String>,
    /// The offer it secures (none for requests made before requests named one).
    pub offer_id: Option<Uuid>,
    /// The match it secures, when it names one.
    pub match_id: Option<Uuid>,
    /// Agreed instalment, cents (deposit loans).
    pub instalment_cents: Option<i32>,
    /// Agreed number of instalments.
    pub instalments: Option<i32>,
    /// Repaid so far, cents.
    pub repaid_cents: i32,
    /// Version.
    pub version: i32,
}

/// A kind's budget for a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetView {
    /// Year.
    pub year: i32,
    /// Kind.
    pub kind: GuaranteeKind,
    /// Budget, cents (0 when none is set).
    pub budget_cents: i32,
    /// Approved so far, cents.
    pub committed_cents: i64,
    /// Version (0 when none is set).
    pub version: i32,
}

fn view(g: &guarantee::Model, repaid: i32) -> Result<GuaranteeView> {
    let bad = || Error::internal(std::io::Error::other("unknown stored guarantee code"));
    Ok(GuaranteeView {
        id: g.id,
        household_id: g.household_id,
        kind: GuaranteeKind::from_code(&g.kind).ok_or_else(bad)?,
        amount_cents: g.amount_cents,
        justification: g.justification.clone(),
        budget_year: g.budget_year,
        status: GuaranteeStatus::from_code(&g.status).ok_or_else(bad)?,
        decided_on: g.decided_on,
        decision_reason: g.decision_reason.clone(),
        offer_id: g.offer_id,
        match_id: g.match_id,
        instalment_cents: g.instalment_cents,
        instalments: g.instalments,
        repaid_cents: repaid,
        version: g.version,
    })
}

async fn repaid(tx: &TenantTx, ids: &[Uuid]) -> Result<std::collections::HashMap<Uuid, i32>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows: Vec<(Uuid, Option<i64>)> = tx
        .find::<repayment::Entity>()
        .select_only()
        .column(repayment::Column::GuaranteeId)
        .column_as(repayment::Column::AmountCents.sum(), "paid")
        .filter(repayment::Column::GuaranteeId.is_in(ids.iter().copied()))
        .group_by(repayment::Column::GuaranteeId)
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, i32::try_from(n.unwrap_or(0)).unwrap_or(i32::MAX)))
        .collect())
}

/// The guarantee `id` in the caller's reach (carriers: their households'), locked
/// when `lock`.
async fn find(tx: &TenantTx, access: &Access, id: Uuid, lock: bool) -> Result<guarantee::Model> {
    let mut q = tx
        .find::<guarantee::Entity>()
        .filter(guarantee::Column::Id.eq(id));
    if let Some(c) = access.carrier {
        q = q.filter(
            guarantee::Column::HouseholdId.in_subquery(lookup::carrier_households(
                tx,
                c,
                access.user,
            )),
        );
    }
    if lock {
        q = tx.for_update(q);
    }
    q.one(tx.conn()).await?.ok_or(Error::NotFound {
        entity: "guarantee",
    })
}

/// Guarantee `id` for a change: its household is locked first (locks are always
/// taken household → guarantee → budget, so concurrent changes queue instead of
/// deadlocking) and must be an open case — a closed or erased case takes no decision,
/// repayment plan or payment. Then the guarantee is re-read, locked.
async fn find_open(tx: &TenantTx, access: &Access, id: Uuid) -> Result<guarantee::Model> {
    let mut q = tx
        .find::<guarantee::Entity>()
        .filter(guarantee::Column::Id.eq(id));
    if let Some(c) = access.carrier {
        q = q.filter(
            guarantee::Column::HouseholdId.in_subquery(lookup::carrier_households(
                tx,
                c,
                access.user,
            )),
        );
    }
    let g = q.one(tx.conn()).await?.ok_or(Error::NotFound {
        entity: "guarantee",
    })?;
    lookup::lock_open_household(tx, g.household_id, "id").await?;
    find(tx, access, id, true).await
}

/// Rejects the household's pending guarantee requests because its case was closed
/// (inside casework's transition, which holds the household's lock).
pub(crate) async fn reject_pending(tx: &TenantTx, ctx: &Ctx, household_id: Uuid) -> Result<()> {
    let pending = tx
        .for_update(
            tx.find::<guarantee::Entity>()
                .filter(guarantee::Column::HouseholdId.eq(household_id))
                .filter(guarantee::Column::Status.eq(GuaranteeStatus::Requested.code())),
        )
        .all(tx.conn())
        .await?;
    if pending.is_empty() {
        return Ok(());
    }
    guarantee::Entity::secure_update_many(tx)
        .col_expr(
            guarantee::Column::Status,
            Expr::value(GuaranteeStatus::Rejected.code()),
        )
        .col_expr(
            guarantee::Column::DecidedBy,
            Expr::value(Some(ctx.principal().user_id.uuid())),
        )
        .col_expr(
            guarantee::Column::DecidedOn,
            Expr::value(Some(Utc::now().date_naive())),
        )
        .col_expr(
            guarantee::Column::DecisionReason,
            Expr::value("case closed"),
        )
        .col_expr(
            guarantee::Column::Version,
            Expr::col(guarantee::Column::Version).add(1),
        )
        .filter(guarantee::Column::Id.is_in(pending.iter().map(|g| g.id)))
        .exec(tx.conn())
        .await?;
    let entries: Vec<AuditEntry<'_>> = pending
        .iter()
        .map(|g| {
            AuditEntry::new(
                "guarantee",
                g.id,
                "reject",
                &["status", "decided_by", "decided_on", "decision_reason"],
            )
        })
        .collect();
    audit::append_many(tx, ctx, &entries).await
}

/// The most a guarantee of `kind` may come to for offer `o` (see the module docs),
/// with the words that say why.
fn ceiling(kind: GuaranteeKind, o: &offer::Model) -> (i64, String) {
    let cold = i64::from(o.cold_rent_cents);
    let gross = cold + i64::from(o.service_cents) + i64::from(o.heating_cents);
    let as_euros = |c: i64| euros(i32::try_from(c).unwrap_or(i32::MAX));
    match kind {
        GuaranteeKind::Deposit if o.deposit_cents > 0 && i64::from(o.deposit_cents) < 3 * cold => (
            i64::from(o.deposit_cents),
            format!("the deposit the offer asks ({} €)", euros(o.deposit_cents)),
        ),
        GuaranteeKind::Deposit | GuaranteeKind::SecurityGuarantee => (
            3 * cold,
            format!("three net cold rents of {} €", as_euros(cold)),
        ),
        GuaranteeKind::RentAssumption | GuaranteeKind::Release => (
            12 * gross,
            format!("twelve gross rents of {} €", as_euros(gross)),
        ),
    }
}

/// Checks `amount` against the offer and that the match (if any) and the offer still
/// secure something. A refused request names the input at fault; a refused approval
/// names the request (`id`).
fn check_secured(
    kind: GuaranteeKind,
    amount_cents: i32,
    o: &offer::Model,
    m: Option<&matched::Model>,
    requesting: bool,
) -> Result<()> {
    let field = |input: &'static str| if requesting { input } else { "id" };
    if let Some(m) = m {
        if m.status == MatchStatus::Declined.code() || m.status == MatchStatus::Withdrawn.code() {
            return Err(Error::bad_input(
                field("input.matchId"),
                format!("the match it secures is {}", m.status),
            ));
        }
    } else if o.status == OfferStatus::Let.code() || o.status == OfferStatus::Withdrawn.code() {
        return Err(Error::bad_input(
            field("input.offerId"),
            format!("the offer it secures is {}", o.status),
        ));
    }
    let (max, why) = ceiling(kind, o);
    if i64::from(amount_cents) > max {
        return Err(Error::bad_input(
            field("input.amount"),
            format!(
                "more than the flat allows: at most {} € ({why})",
                euros(i32::try_from(max).unwrap_or(i32::MAX))
            ),
        ));
    }
    Ok(())
}

/// The offer and match `secured` names, for household `household_id`, in the caller's
/// reach: a match of another household, or (for a carrier) an offer that is not open,
/// is missing.
async fn secured_rows(
    tx: &TenantTx,
    access: &Access,
    household_id: Uuid,
    secured: Secured,
) -> Result<(offer::Model, Option<matched::Model>)> {
    let m = match secured {
        Secured::Match(id) => Some(
            tx.find::<matched::Entity>()
                .filter(matched::Column::Id.eq(id))
                .filter(matched::Column::HouseholdId.eq(household_id))
                .one(tx.conn())
                .await?
                .ok_or(Error::NotFound { entity: "match" })?,
        ),
        Secured::Offer(_) => None,
    };
    let offer_id = match (secured, &m) {
        (_, Some(m)) => m.offer_id,
        (Secured::Offer(id) | Secured::Match(id), None) => id,
    };
    let mut q = tx
        .find::<offer::Entity>()
        .filter(offer::Column::Id.eq(offer_id));
    if access.carrier.is_some() && m.is_none() {
        q = q.filter(offer::Column::Status.eq(OfferStatus::Open.code()));
    }
    let o = q
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "offer" })?;
    let m = match m {
        Some(m) => Some(m),
        None => own_lease(tx, household_id, &o).await?,
    };
    Ok((o, m))
}

/// An offer that was let to the household itself (through its match) still secures
/// its guarantee: that match, signed or moved in, if the offer is let.
async fn own_lease(
    tx: &TenantTx,
    household_id: Uuid,
    o: &offer::Model,
) -> Result<Option<matched::Model>> {
    if o.status != OfferStatus::Let.code() {
        return Ok(None);
    }
    Ok(tx
        .find::<matched::Entity>()
        .filter(matched::Column::OfferId.eq(o.id))
        .filter(matched::Column::HouseholdId.eq(household_id))
        .filter(
            matched::Column::Status
                .is_in([MatchStatus::LeaseSigned.code(), MatchStatus::MovedIn.code()]),
        )
        .one(tx.conn())
        .await?)
}

/// Approved amounts for `year` and `kind` (one statement).
async fn committed(tx: &TenantTx, year: i32, kind: GuaranteeKind) -> Result<i64> {
    let sum: Option<Option<i64>> = tx
        .find::<guarantee::Entity>()
        .select_only()
        .column_as(guarantee::Column::AmountCents.sum(), "total")
        .filter(guarantee::Column::BudgetYear.eq(year))
        .filter(guarantee::Column::Kind.eq(kind.code()))
        .filter(guarantee::Column::Status.eq(GuaranteeStatus::Approved.code()))
        .into_tuple()
        .one(tx.conn())
        .await?;
    Ok(sum.flatten().unwrap_or(0))
}

impl Housing {
    /// Requests a guarantee for a household (city staff; carrier caseworkers for their
    /// own households). Counted against the budget of the current year.
    pub async fn request_guarantee(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        kind: GuaranteeKind,
        amount_cents: i32,
        justification: Text,
        secured: Secured,
    ) -> Result<GuaranteeView> {
        let access = Access::of(ctx)?;
        if amount_cents < 1 {
            return Err(Error::bad_input("input.amount", "must be more than 0"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = lookup::households(&tx, &[household_id], access.carrier)
            .await?
            .pop()
            .ok_or(Error::NotFound {
                entity: "household",
            })?;
        lookup::lock_open_household(&tx, h.id, "householdId").await?;
        let (o, m) = secured_rows(&tx, &access, h.id, secured).await?;
        check_secured(kind, amount_cents, &o, m.as_ref(), true)?;
        let row = guarantee::Entity::secure_insert(
            &tx,
            guarantee::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(household_id),
                kind: Set(kind.code().to_owned()),
                amount_cents: Set(amount_cents),
                justification: Set(justification.into_string()),
                budget_year: Set(Utc::now().date_naive().year()),
                status: Set(GuaranteeStatus::Requested.code().to_owned()),
                requested_by: Set(access.user.uuid()),
                decided_by: Set(None),
                decided_on: Set(None),
                decision_reason: Set(None),
                instalment_cents: Set(None),
                instalments: Set(None),
                version: Set(1),
                created_at: Set(Utc::now()),
                offer_id: Set(Some(o.id)),
                match_id: Set(m.map(|m| m.id)),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "guarantee",
                row.id,
                "request",
                &[
                    "household_id",
                    "kind",
                    "amount",
                    "justification",
                    "offer_id",
                    "match_id",
                ],
            ),
        )
        .await?;
        tx.commit().await?;
        view(&row, 0)
    }

    /// The coordinator approves (within the year's budget for the kind) or rejects
    /// (with a reason) a requested guarantee.
    pub async fn decide_guarantee(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        approve: bool,
        reason: Option<Text>,
    ) -> Result<GuaranteeView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        if !approve && reason.is_none() {
            return Err(Error::bad_input("reason", "a rejection needs a reason"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let g = find_open(&tx, &access, id).await?;
        if g.status != GuaranteeStatus::Requested.code() {
            return Err(Error::bad_input(
                "id",
                format!("the request is {} already", g.status),
            ));
        }
        let kind = GuaranteeKind::from_code(&g.kind).ok_or_else(|| {
            Error::internal(std::io::Error::other("unknown stored guarantee kind"))
        })?;
        if approve && let Some(offer_id) = g.offer_id {
            // The flat's rent may have changed, or the match ended, since the request.
            // (Decisions are the coordinator's: the whole city is in reach.)
            let secured = g.match_id.map_or(Secured::Offer(offer_id), Secured::Match);
            let (o, m) = secured_rows(&tx, &access, g.household_id, secured).await?;
            check_secured(kind, g.amount_cents, &o, m.as_ref(), false)?;
        }
        if approve {
            // Lock the budget so approvals line up; then check what is left.
            let mut bq = tx
                .find::<budget::Entity>()
                .filter(budget::Column::BudgetYear.eq(g.budget_year))
                .filter(budget::Column::Kind.eq(kind.code()));
            bq = tx.for_update(bq);
            let Some(b) = bq.one(tx.conn()).await? else {
                return Err(Error::bad_input(
                    "id",
                    format!("no {} budget is set for {}", kind.code(), g.budget_year),
                ));
            };
            let used = committed(&tx, g.budget_year, kind).await?;
            let left = i64::from(b.amount_cents) - used;
            if i64::from(g.amount_cents) > left {
                return Err(Error::bad_input(
                    "id",
                    format!(
                        "over budget: {} € requested, {} € left",
                        euros(g.amount_cents),
                        euros(i32::try_from(Ord::max(left, 0)).unwrap_or(i32::MAX))
                    ),
                ));
            }
        }
        let to = if approve {
            GuaranteeStatus::Approved
        } else {
            GuaranteeStatus::Rejected
        };
        let res = guarantee::Entity::secure_update_many(&tx)
            .col_expr(guarantee::Column::Status, Expr::value(to.code()))
            .col_expr(
                guarantee::Column::DecidedBy,
                Expr::value(Some(access.user.uuid())),
            )
            .col_expr(
                guarantee::Column::DecidedOn,
                Expr::value(Some(Utc::now().date_naive())),
            )
            .col_expr(
                guarantee::Column::DecisionReason,
                Expr::value(reason.map(Text::into_string)),
            )
            .col_expr(
                guarantee::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(guarantee::Column::Id.eq(id))
            .filter(guarantee::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("request"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "guarantee",
                id,
                if approve { "approve" } else { "reject" },
                &["status", "decided_by", "decided_on", "decision_reason"],
            ),
        )
        .await?;
        let row = find(&tx, &access, id, true).await?;
        let paid = repaid(&tx, &[id]).await?.get(&id).copied().unwrap_or(0);
        tx.commit().await?;
        view(&row, paid)
    }

    /// Sets the year's budget for a kind (coordinator). `version` 0 creates it.
    pub async fn set_budget(
        &self,
        ctx: &Ctx,
        year: i32,
        kind: GuaranteeKind,
        amount_cents: i32,
        version: i32,
    ) -> Result<BudgetView> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        let this_year = Utc::now().date_naive().year();
        if !(this_year - 1..=this_year + 1).contains(&year) {
            return Err(Error::bad_input("year", "must be last, this or next year"));
        }
        if amount_cents < 0 {
            return Err(Error::bad_input("amount", "must not be negative"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        // Lock the budget first: an approval running now waits, or has committed.
        let mut lq = tx
            .find::<budget::Entity>()
            .filter(budget::Column::BudgetYear.eq(year))
            .filter(budget::Column::Kind.eq(kind.code()));
        lq = tx.for_update(lq);
        lq.one(tx.conn()).await?;
        let used = committed(&tx, year, kind).await?;
        if i64::from(amount_cents) < used {
            return Err(Error::bad_input(
                "amount",
                format!(
                    "{} € are committed already",
                    euros(i32::try_from(used).unwrap_or(i32::MAX))
                ),
            ));
        }
        let current = tx
            .find::<budget::Entity>()
            .filter(budget::Column::BudgetYear.eq(year))
            .filter(budget::Column::Kind.eq(kind.code()))
            .one(tx.conn())
            .await?;
        let stale = || Error::stale("budget");
        let id = match current {
            None if version == 0 => {
                budget::Entity::secure_insert(
                    &tx,
                    budget::ActiveModel {
                        tenant_id: Set(Uuid::nil()),
                        id: Set(Uuid::now_v7()),
                        budget_year: Set(year),
                        kind: Set(kind.code().to_owned()),
                        amount_cents: Set(amount_cents),
                        version: Set(1),
                    },
                )
                .await
                .map_err(|e| {
                    wohnweg_casework::write_unique_conflict(
                        e,
                        "the budget was set by someone else; reload",
                    )
                })?
                .id
            }
            Some(b) if b.version == version => {
                let res = budget::Entity::secure_update_many(&tx)
                    .col_expr(budget::Column::AmountCents, Expr::value(amount_cents))
                    .col_expr(
                        budget::Column::Version,
                        Expr::col(budget::Column::Version).add(1),
                    )
                    .filter(budget::Column::Id.eq(b.id))
                    .filter(budget::Column::Version.eq(version))
                    .exec(tx.conn())
                    .await?;
                if res.rows_affected != 1 {
                    return Err(stale());
                }
                b.id
            }
            _ => return Err(stale()),
        };
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "guarantee_budget",
                id,
                "set",
                &["budget_year", "kind", "amount"],
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(BudgetView {
            year,
            kind,
            budget_cents: amount_cents,
            committed_cents: used,
            version: Ord::max(version.saturating_add(1), 1),
        })
    }

    /// Budget, committed and remaining per kind for `year` (city staff).
    pub async fn budgets(&self, ctx: &Ctx, year: i32) -> Result<Vec<BudgetView>> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let next = Utc::now().date_naive().year().saturating_add(1);
        if !(2000..=next).contains(&year) {
            return Err(Error::bad_input(
                "year",
                format!("must be between 2000 and {next}"),
            ));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let set = tx
            .find::<budget::Entity>()
            .filter(budget::Column::BudgetYear.eq(year))
            .all(tx.conn())
            .await?;
        let sums: Vec<(String, Option<i64>)> = tx
            .find::<guarantee::Entity>()
            .select_only()
            .column(guarantee::Column::Kind)
            .column_as(guarantee::Column::AmountCents.sum(), "total")
            .filter(guarantee::Column::BudgetYear.eq(year))
            .filter(guarantee::Column::Status.eq(GuaranteeStatus::Approved.code()))
            .group_by(guarantee::Column::Kind)
            .into_tuple()
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(GuaranteeKind::ALL
            .iter()
            .map(|k| {
                let b = set.iter().find(|b| b.kind == k.code());
                BudgetView {
                    year,
                    kind: *k,
                    budget_cents: b.map_or(0, |b| b.amount_cents),
                    committed_cents: sums
                        .iter()
                        .find(|(kk, _)| kk == k.code())
                        .and_then(|(_, s)| *s)
                        .unwrap_or(0),
                    version: b.map_or(0, |b| b.version),
                }
            })
            .collect())
    }

    /// The guarantee requests awaiting a coordinator's decision, oldest first (at most
    /// 200): a coordinator's worklist section; nothing for anyone else.
    pub async fn guarantees_to_decide(&self, ctx: &Ctx) -> Result<Vec<GuaranteeView>> {
        let access = Access::of(ctx)?;
        if !access.coordinator {
            return Ok(Vec::new());
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let rows = tx
            .find::<guarantee::Entity>()
            .filter(guarantee::Column::Status.eq(GuaranteeStatus::Requested.code()))
            .order_by_asc(guarantee::Column::Id)
            .limit(200)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        rows.iter().map(|g| view(g, 0)).collect()
    }

    /// One guarantee request; `NOT_FOUND` for another city's and, for a carrier,
    /// another carrier's household's.
    pub async fn guarantee(&self, ctx: &Ctx, id: Uuid) -> Result<GuaranteeView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let g = find(&tx, &access, id, false).await?;
        let paid = repaid(&tx, &[g.id]).await?;
        tx.commit().await?;
        view(&g, paid.get(&g.id).copied().unwrap_or(0))
    }

    /// Guarantee requests, in id order; carriers see their households' only.
    pub async fn guarantees(
        &self,
        ctx: &Ctx,
        status: Option<GuaranteeStatus>,
        household: Option<Uuid>,
        page: PageRequest,
    ) -> Result<Page<GuaranteeView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<guarantee::Entity>()
            .order_by_asc(guarantee::Column::Id);
        if let Some(c) = access.carrier {
            q = q.filter(
                guarantee::Column::HouseholdId.in_subquery(lookup::carrier_households(
                    &tx,
                    c,
                    access.user,
                )),
            );
        }
        if let Some(s) = status {
            q = q.filter(guarantee::Column::Status.eq(s.code()));
        }
        if let Some(h) = household {
            q = q.filter(guarantee::Column::HouseholdId.eq(h));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(guarantee::Column::Id.gt(after));
        }
        let rows = Page::from_overfetch(q.limit(page.first + 1).all(tx.conn()).await?, page);
        let ids: Vec<Uuid> = rows.items.iter().map(|g| g.id).collect();
        let paid = repaid(&tx, &ids).await?;
        tx.commit().await?;
        Ok(Page {
            items: rows
                .items
                .iter()
                .map(|g| view(g, paid.get(&g.id).copied().unwrap_or(0)))
                .collect::<Result<_>>()?,
            has_next: rows.has_next,
            total,
        })
    }

    /// Agrees the repayment of an approved deposit loan: instalments of an amount.
    pub async fn agree_repayment(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        instalment_cents: i32,
        instalments: i32,
    ) -> Result<GuaranteeView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        if !(1..=120).contains(&instalments) {
            return Err(Error::bad_input("instalments", "must be 1–120"));
        }
        if instalment_cents < 1 {
            return Err(Error::bad_input("instalment", "must be more than 0"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let g = find_open(&tx, &access, id).await?;
        if g.kind != GuaranteeKind::Deposit.code() || g.status != GuaranteeStatus::Approved.code() {
            return Err(Error::bad_input(
                "id",
                "only an approved deposit loan is repaid",
            ));
        }
        if i64::from(instalment_cents) * i64::from(instalments) < i64::from(g.amount_cents) {
            return Err(Error::bad_input(
                "instalments",
                "the instalments do not cover the loan",
            ));
        }
        let res = guarantee::Entity::secure_update_many(&tx)
            .col_expr(
                guarantee::Column::InstalmentCents,
                Expr::value(Some(instalment_cents)),
            )
            .col_expr(
                guarantee::Column::Instalments,
                Expr::value(Some(instalments)),
            )
            .col_expr(
                guarantee::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(guarantee::Column::Id.eq(id))
            .filter(guarantee::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("request"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "guarantee",
                id,
                "agree_repayment",
                &["instalment", "instalments"],
            ),
        )
        .await?;
        let row = find(&tx, &access, id, true).await?;
        let paid = repaid(&tx, &[id]).await?.get(&id).copied().unwrap_or(0);
        tx.commit().await?;
        view(&row, paid)
    }

    /// Records a repayment received on a deposit loan (never more than is owed).
    pub async fn record_repayment(
        &self,
        ctx: &Ctx,
        id: Uuid,
        received_on: NaiveDate,
        amount_cents: i32,
    ) -> Result<GuaranteeView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        date_in_range("receivedOn", received_on, Utc::now().date_naive(), 0)?;
        if amount_cents < 1 {
            return Err(Error::bad_input("amount", "must be more than 0"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let g = find_open(&tx, &access, id).await?;
        if g.instalments.is_none() {
            return Err(Error::bad_input("id", "agree the repayment first"));
        }
        let paid = repaid(&tx, &[id]).await?.get(&id).copied().unwrap_or(0);
        if paid.saturating_add(amount_cents) > g.amount_cents {
            return Err(Error::bad_input(
                "amount",
                format!("only {} € are still owed", euros(g.amount_cents - paid)),
            ));
        }
        let r = repayment::Entity::secure_insert(
            &tx,
            repayment::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                guarantee_id: Set(id),
                received_on: Set(received_on),
                amount_cents: Set(amount_cents),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "repayment",
                r.id,
                "create",
                &["guarantee_id", "received_on", "amount"],
            ),
        )
        .await?;
        tx.commit().await?;
        view(&g, paid + amount_cents)
    }
}
