//! The match workflow and the move.
//!
//! proposed → viewing scheduled → landlord accepted → moved in (lease signed), and
//! from any open state declined (with a coded reason from either side) or withdrawn.
//! A proposal needs an open offer and a household that passes every hard rule; it
//! moves the case to "offer in progress". The landlord's acceptance reserves the offer
//! (a reserved offer cannot be matched again), declines the offer's other candidates
//! and withdraws the household's other matches. A case with no open match left goes
//! back to "searching".
//!
//! **The move** (`sign_lease`) is one transaction: the match, the offer (let), the
//! household's occupancy in the register (ended, the place freed) and the case (moved
//! out, aftercare scheduled) change together — or, if any step fails, none does.

use chrono::{Days, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_casework::lookup::{self, PoolQuery};
use wohnweg_casework::types::{CaseState, DecisionActor, Text, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::{matched, offer};
use crate::matching::{caps_on, rent_day, rules, score, total};
use crate::types::{BenefitOfficeDecision, DeclineReason, MatchStatus, OfferStatus};

/// A match.
#[derive(Clone, Debug)]
pub struct MatchView {
    /// Id.
    pub id: Uuid,
    /// Offer.
    pub offer_id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// Status.
    pub status: MatchStatus,
    /// Score when proposed.
    pub score: f64,
    /// Viewing date.
    pub viewing_on: Option<NaiveDate>,
    /// Why declined.
    pub decline_reason: Option<DeclineReason>,
    /// More on the decline or withdrawal.
    pub decline_text: Option<String>,
    /// Who declined or withdrew it.
    pub declined_by: Option<DecisionActor>,
    /// Lease signed on.
    pub lease_signed_on: Option<NaiveDate>,
    /// Moved in on.
    pub move_in_on: Option<NaiveDate>,
    /// Hard rules a coordinator overrode when proposing.
    pub overridden: Vec<String>,
    /// Why.
    pub override_reason: Option<String>,
    /// The benefit office's decision on the rent (SGB II / SGB XII households).
    pub benefit_office: Option<BenefitOfficeDecision>,
    /// When the benefit office decided.
    pub benefit_office_on: Option<NaiveDate>,
    /// Why the benefit office refused (or a note on its acceptance).
    pub benefit_office_reason: Option<String>,
    /// Version.
    pub version: i32,
}

/// Filters of the match list.
#[derive(Clone, Debug, Default)]
pub struct MatchFilter {
    /// Offer.
    pub offer_id: Option<Uuid>,
    /// Household.
    pub household_id: Option<Uuid>,
    /// Status.
    pub status: Option<MatchStatus>,
}

pub(crate) fn view(m: &matched::Model) -> Result<MatchView> {
    let bad = || Error::internal(std::io::Error::other("unknown stored match code"));
    Ok(MatchView {
        id: m.id,
        offer_id: m.offer_id,
        household_id: m.household_id,
        status: MatchStatus::from_code(&m.status).ok_or_else(bad)?,
        score: f64::from(m.score_tenths) / 10.0,
        viewing_on: m.viewing_on,
        decline_reason: m
            .decline_reason
            .as_deref()
            .map(|r| DeclineReason::from_code(r).ok_or_else(bad))
            .transpose()?,
        decline_text: m.decline_text.clone(),
        declined_by: m
            .declined_by
            .as_deref()
            .map(|c| {
                DecisionActor::from_code(c).ok_or_else(|| {
                    Error::internal(std::io::Error::other("unknown stored decision actor"))
                })
            })
            .transpose()?,
        lease_signed_on: m.lease_signed_on,
        move_in_on: m.move_in_on,
        overridden: m
            .override_rules
            .as_deref()
            .map(|r| r.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
        override_reason: m.override_reason.clone(),
        benefit_office: m
            .benefit_office
            .as_deref()
            .map(|c| BenefitOfficeDecision::from_code(c).ok_or_else(bad))
            .transpose()?,
        benefit_office_on: m.benefit_office_on,
        benefit_office_reason: m.benefit_office_reason.clone(),
        version: m.version,
    })
}

pub(crate) async fn lock_offer(tx: &TenantTx, id: Uuid) -> Result<offer::Model> {
    let mut q = tx.find::<offer::Entity>().filter(offer::Column::Id.eq(id));
    q = tx.for_update(q);
    q.one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "offer" })
}

/// The match `id` in the caller's reach (carriers: their households').
fn match_query(tx: &TenantTx, access: &Access, id: Uuid) -> sea_orm::Select<matched::Entity> {
    let mut q = tx
        .find::<matched::Entity>()
        .filter(matched::Column::Id.eq(id));
    if let Some(c) = access.carrier {
        q = q.filter(
            matched::Column::HouseholdId.in_subquery(lookup::carrier_households(
                tx,
                c,
                access.user,
            )),
        );
    }
    q
}

/// The match `id` in the caller's reach, locked.
///
/// **Lock order.** Every change in this module takes its row locks in one order —
/// the households (by id), then the offer, then the matches — so two decisions on
/// the same offer or household queue instead of deadlocking. So a change first
/// [`locate`]s the match without a lock, locks its household (and offer), and only
/// then re-reads the match with this.
pub(crate) async fn find_match(tx: &TenantTx, access: &Access, id: Uuid) -> Result<matched::Model> {
    tx.for_update(match_query(tx, access, id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "match" })
}

/// The match `id` in the caller's reach, read without a lock: which household and
/// offer to lock before it (see [`find_match`]).
pub(crate) async fn locate(tx: &TenantTx, access: &Access, id: Uuid) -> Result<matched::Model> {
    match_query(tx, access, id)
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "match" })
}

/// A coordinator's override of failed hard rules, with the reason.
#[derive(Clone, Debug)]
pub struct RuleOverride {
    /// The rules overridden (codes as the explanation names them).
    pub rules: Vec<String>,
    /// Why.
    pub reason: Text,
}

impl RuleOverride {
    /// The rules that may never be overridden.
    pub const FIXED: [&'static str; 1] = ["LANDLORD_CONSENT"];

    /// Checks the codes: known, not fixed, no repeats.
    pub fn new(rules: Vec<String>, reason: Text) -> Result<Self> {
        const KNOWN: [&str; 8] = [
            "FLAT_SIZE",
            "LANDLORD_LIMIT",
            "RENT_CAP",
            "SPACE_CAP",
            "WBS",
            "ACCESSIBILITY",
            "LANDLORD_CONSENT",
            "READINESS",
        ];
        if rules.is_empty() {
            return Err(Error::bad_input(
                "override.rules",
                "name the rules to override",
            ));
        }
        let mut seen: Vec<String> = Vec::new();
        for r in rules {
            if !KNOWN.contains(&r.as_str()) {
                return Err(Error::bad_input(
                    "override.rules",
                    format!("{r} is not a rule"),
                ));
            }
            if Self::FIXED.contains(&r.as_str()) {
                return Err(Error::bad_input(
                    "override.rules",
                    format!(
                        "{r} cannot be overridden: the household has not agreed to share its profile"
                    ),
                ));
            }
            if !seen.contains(&r) {
                seen.push(r);
            }
        }
        seen.sort();
        Ok(Self {
            rules: seen,
            reason,
        })
    }

    /// Whether the override names exactly the rules that fail.
    fn covers(&self, failed: &[&str]) -> Result<()> {
        if let Some(f) = failed.iter().find(|f| !self.rules.iter().any(|r| r == *f)) {
            return Err(Error::bad_input(
                "householdId",
                format!("the household also fails {f}, which the override does not name"),
            ));
        }
        if let Some(r) = self.rules.iter().find(|r| !failed.contains(&r.as_str())) {
            return Err(Error::bad_input(
                "override.rules",
                format!("{r} passes: override only the rules that fail"),
            ));
        }
        Ok(())
    }
}

/// The side a staff member decides for: the city, or a carrier.
pub(crate) fn side(ctx: &Ctx) -> DecisionActor {
    let p = ctx.principal();
    if p.has_role(wohnweg_kernel::Role::CarrierCaseworker)
        && !p.has_role(wohnweg_kernel::Role::CityCaseworker)
        && !p.has_role(wohnweg_kernel::Role::CityCoordinator)
    {
        DecisionActor::Carrier
    } else {
        DecisionActor::City
    }
}

pub(crate) fn status(m: &matched::Model) -> Result<MatchStatus> {
    MatchStatus::from_code(&m.status)
        .ok_or_else(|| Error::internal(std::io::Error::other("unknown stored match status")))
}

/// Sets a match's status (and more) under its version.
pub(crate) async fn set_status(
    tx: &TenantTx,
    m: &matched::Model,
    version: Option<i32>,
    to: MatchStatus,
    more: impl FnOnce(sea_orm::UpdateMany<matched::Entity>) -> sea_orm::UpdateMany<matched::Entity>,
) -> Result<()> {
    let mut q = matched::Entity::secure_update_many(tx)
        .col_expr(matched::Column::Status, Expr::value(to.code()))
        .col_expr(matched::Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(
            matched::Column::Version,
            Expr::col(matched::Column::Version).add(1),
        )
        .filter(matched::Column::Id.eq(m.id));
    if let Some(v) = version {
        q = q.filter(matched::Column::Version.eq(v));
    }
    if more(q).exec(tx.conn()).await?.rows_affected != 1 {
        return Err(Error::stale("match"));
    }
    Ok(())
}

pub(crate) async fn set_offer(
    tx: &TenantTx,
    id: Uuid,
    to: OfferStatus,
    on: NaiveDate,
) -> Result<()> {
    offer::Entity::secure_update_many(tx)
        .col_expr(offer::Column::Status, Expr::value(to.code()))
        .col_expr(offer::Column::StatusOn, Expr::value(on))
        .col_expr(
            offer::Column::Version,
            Expr::col(offer::Column::Version).add(1),
        )
        .filter(offer::Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

const OPEN: [&str; 3] = ["proposed", "viewing_scheduled", "landlord_accepted"];

/// Sends a case with no open match left back to "searching".
pub(crate) async fn back_to_searching(tx: &TenantTx, ctx: &Ctx, household_id: Uuid) -> Result<()> {
    let open = tx
        .find::<matched::Entity>()
        .filter(matched::Column::HouseholdId.eq(household_id))
        .filter(matched::Column::Status.is_in(OPEN))
        .one(tx.conn())
        .await?;
    if open.is_none() {
        let h = lookup::household(tx, household_id).await?;
        if h.is_some_and(|h| h.state == CaseState::OfferInProgress) {
            lookup::advance(
                tx,
                ctx,
                household_id,
                CaseState::Searching,
                "no open match left",
                Utc::now().date_naive(),
            )
            .await?;
        }
    }
    Ok(())
}

/// Ends the household's open matches because its case left the active work (closed,
/// paused, contact lost): each is withdrawn with `why`, and an offer reserved for it
/// opens again. Runs inside casework's transition, which holds the household's lock;
/// offers are locked before matches (see [`find_match`]).
pub(crate) async fn withdraw_open_matches(
    tx: &TenantTx,
    ctx: &Ctx,
    household_id: Uuid,
    why: &'static str,
) -> Result<()> {
    let today = Utc::now().date_naive();
    let open = tx
        .find::<matched::Entity>()
        .filter(matched::Column::HouseholdId.eq(household_id))
        .filter(matched::Column::Status.is_in(OPEN))
        .all(tx.conn())
        .await?;
    let mut reserved: Vec<Uuid> = open
        .iter()
        .filter(|m| m.status == MatchStatus::LandlordAccepted.code())
        .map(|m| m.offer_id)
        .collect();
    reserved.sort_unstable();
    for o in &reserved {
        lock_offer(tx, *o).await?;
    }
    let mut entries = Vec::with_capacity(open.len() + reserved.len());
    for m in &open {
        set_status(tx, m, None, MatchStatus::Withdrawn, |q| {
            q.col_expr(matched::Column::DeclineText, Expr::value(why))
                .col_expr(matched::Column::DeclinedBy, Expr::value(side(ctx).code()))
        })
        .await?;
        entries.push(AuditEntry::new(
            "match",
            m.id,
            "withdraw",
            &["status", "decline_text"],
        ));
    }
    for o in &reserved {
        set_offer(tx, *o, OfferStatus::Open, today).await?;
        entries.push(AuditEntry::new(
            "offer",
            *o,
            "set_status",
            &["status", "status_on"],
        ));
    }
    audit::append_many(tx, ctx, &entries).await
}

impl Housing {
    /// Matches, newest first by id order; carriers see their households' only.
    pub async fn matches(
        &self,
        ctx: &Ctx,
        filter: &MatchFilter,
        page: PageRequest,
    ) -> Result<Page<MatchView>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut q = tx
            .find::<matched::Entity>()
            .order_by_asc(matched::Column::Id);
        if let Some(c) = access.carrier {
            q = q.filter(
                matched::Column::HouseholdId.in_subquery(lookup::carrier_households(
                    &tx,
                    c,
                    access.user,
                )),
            );
        }
        if let Some(o) = filter.offer_id {
            q = q.filter(matched::Column::OfferId.eq(o));
        }
        if let Some(h) = filter.household_id {
            q = q.filter(matched::Column::HouseholdId.eq(h));
        }
        if let Some(s) = filter.status {
            q = q.filter(matched::Column::Status.eq(s.code()));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(matched::Column::Id.gt(after));
        }
        let rows = Page::from_overfetch(q.limit(page.first + 1).all(tx.conn()).await?, page);
        tx.commit().await?;
        Ok(Page {
            items: rows.items.iter().map(view).collect::<Result<_>>()?,
            has_next: rows.has_next,
            total,
        })
    }

    /// One match; `NOT_FOUND` for another city's and, for a carrier, another
    /// carrier's household's.
    pub async fn match_by_id(&self, ctx: &Ctx, id: Uuid) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let m = locate(&tx, &access, id).await?;
        tx.commit().await?;
        view(&m)
    }

    /// Proposes a household for an offer. The offer must be open and the household
    /// must pass every hard rule; its case moves to "offer in progress".
    pub async fn propose_match(
        &self,
        ctx: &Ctx,
        offer_id: Uuid,
        household_id: Uuid,
    ) -> Result<MatchView> {
        self.propose_match_overriding(ctx, offer_id, household_id, None)
            .await
    }

    /// [`Housing::propose_match`], where a coordinator may override failed hard rules
    /// with a reason: `over` names exactly the rules that fail (never the household's
    /// consent to share its profile with landlords). The match keeps the rules and the
    /// reason; the audit names them.
    pub async fn propose_match_overriding(
        &self,
        ctx: &Ctx,
        offer_id: Uuid,
        household_id: Uuid,
        over: Option<&RuleOverride>,
    ) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        if over.is_some() && !access.coordinator {
            return Err(Error::Forbidden);
        }
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let mut oq = tx
            .find::<offer::Entity>()
            .filter(offer::Column::Id.eq(offer_id));
        if !access.city {
            oq = oq.filter(offer::Column::Status.eq(OfferStatus::Open.code()));
        }
        oq.one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "offer" })?;
        if lookup::households(&tx, &[household_id], access.carrier)
            .await?
            .is_empty()
        {
            return Err(Error::NotFound {
                entity: "household",
            });
        }
        lookup::lock_household(&tx, household_id).await?;
        let o = lock_offer(&tx, offer_id).await?;
        if o.status != OfferStatus::Open.code() {
            return Err(Error::Conflict {
                message: "the offer is not open (reserved, let or withdrawn)".into(),
            });
        }
        let accepted = tx
            .find::<matched::Entity>()
            .filter(matched::Column::HouseholdId.eq(household_id))
            .filter(matched::Column::Status.eq(MatchStatus::LandlordAccepted.code()))
            .one(tx.conn())
            .await?;
        if accepted.is_some() {
            return Err(Error::Conflict {
                message: "a landlord has accepted this household for another offer".into(),
            });
        }
        let h = lookup::pool(
            &tx,
            &PoolQuery {
                carrier: access.carrier,
                household: Some(household_id),
                in_progress_too: true,
                rank: None,
                certified: Some(wohnweg_learning::certificates::certified_households(&tx)),
            },
        )
        .await?
        .pop();
        let Some(h) = h else {
            // Missing, out of reach, or not looking for a flat: tell which.
            return match lookup::households(&tx, &[household_id], access.carrier)
                .await?
                .pop()
            {
                None => Err(Error::NotFound {
                    entity: "household",
                }),
                Some(_) => Err(Error::bad_input(
                    "householdId",
                    "the household is not looking for a flat",
                )),
            };
        };
        let caps = caps_on(&tx, rent_day(&o, today)).await?;
        let failed: Vec<&str> = rules(&h, &o, &caps, today)
            .into_iter()
            .filter(|r| !r.passed)
            .map(|r| r.rule)
            .collect();
        match over {
            None if !failed.is_empty() => {
                return Err(Error::bad_input(
                    "householdId",
                    format!(
                        "the household does not fit the offer: {}",
                        failed.join(", ")
                    ),
                ));
            }
            None => {}
            Some(o) => o.covers(&failed)?,
        }
        let dup = tx
            .find::<matched::Entity>()
            .filter(matched::Column::OfferId.eq(offer_id))
            .filter(matched::Column::HouseholdId.eq(household_id))
            .filter(matched::Column::Status.is_in(OPEN))
            .one(tx.conn())
            .await?;
        if dup.is_some() {
            return Err(Error::Conflict {
                message: "this household is already proposed for this offer".into(),
            });
        }
        let points = total(&score(&h, &o, today));
        let now = Utc::now();
        let row = matched::Entity::secure_insert(
            &tx,
            matched::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                offer_id: Set(offer_id),
                household_id: Set(household_id),
                status: Set(MatchStatus::Proposed.code().to_owned()),
                #[allow(clippy::cast_possible_truncation)] // a score is at most 100
                score_tenths: Set((points * 10.0).round() as i32),
                viewing_on: Set(None),
                decline_reason: Set(None),
                decline_text: Set(None),
                lease_signed_on: Set(None),
                move_in_on: Set(None),
                proposed_by: Set(access.user.uuid()),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                declined_by: Set(None),
                override_rules: Set(over.map(|o| o.rules.join(","))),
                override_reason: Set(over.map(|o| o.reason.as_str().to_owned())),
                benefit_office: Set(None),
                benefit_office_on: Set(None),
                benefit_office_reason: Set(None),
            },
        )
        .await?;
        if over.is_some() {
            audit::append(
                &tx,
                ctx,
                &AuditEntry::new(
                    "match",
                    row.id,
                    "override_rules",
                    &["override_rules", "override_reason"],
                ),
            )
            .await?;
        }
        let state = lookup::household(&tx, household_id).await?.map(|b| b.state);
        if state == Some(CaseState::Searching) {
            lookup::advance(
                &tx,
                ctx,
                household_id,
                CaseState::OfferInProgress,
                "proposed for an offer",
                today,
            )
            .await?;
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "match",
                row.id,
                "propose",
                &["offer_id", "household_id", "status", "score"],
            ),
        )
        .await?;
        tx.commit().await?;
        view(&row)
    }

    /// Schedules (or moves) the viewing.
    pub async fn schedule_viewing(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        on: NaiveDate,
    ) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        let today = Utc::now().date_naive();
        date_in_range("on", on, today, 1)?;
        if on < today.checked_sub_days(Days::new(90)).unwrap_or(today) {
            return Err(Error::bad_input("on", "lies more than 90 days back"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let m = locate(&tx, &access, id).await?;
        lookup::lock_household(&tx, m.household_id).await?;
        let m = find_match(&tx, &access, id).await?;
        if !matches!(
            status(&m)?,
            MatchStatus::Proposed | MatchStatus::ViewingScheduled
        ) {
            return Err(Error::bad_input(
                "id",
                format!("a {} match has no viewing to schedule", m.status),
            ));
        }
        set_status(&tx, &m, Some(version), MatchStatus::ViewingScheduled, |q| {
            q.col_expr(matched::Column::ViewingOn, Expr::value(on))
        })
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("match", id, "schedule_viewing", &["status", "viewing_on"]),
        )
        .await?;
        let row = find_match(&tx, &access, id).await?;
        tx.commit().await?;
        view(&row)
    }

    /// The landlord accepts the household: the offer is reserved, its other
    /// candidates declined, the household's other matches withdrawn.
    pub async fn landlord_accepts(&self, ctx: &Ctx, id: Uuid, version: i32) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let m = locate(&tx, &access, id).await?;
        // The offer's other candidates go back to searching below: lock their
        // households too, all in id order, before the offer (see `find_match`).
        let mut households: Vec<Uuid> = tx
            .find::<matched::Entity>()
            .filter(matched::Column::OfferId.eq(m.offer_id))
            .filter(matched::Column::Status.is_in(OPEN))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|r| r.household_id)
            .chain([m.household_id])
            .collect();
        households.sort_unstable();
        households.dedup();
        for h in &households {
            lookup::lock_household(&tx, *h).await?;
        }
        let o = lock_offer(&tx, m.offer_id).await?;
        let m = find_match(&tx, &access, id).await?;
        // A rival was accepted meanwhile (and this match declined with it): the loser
        // of that race hears CONFLICT, not that its match is closed.
        if o.status != OfferStatus::Open.code() && status(&m)? != MatchStatus::LandlordAccepted {
            return Err(Error::Conflict {
                message: "the offer is already reserved for another household".into(),
            });
        }
        if !matches!(
            status(&m)?,
            MatchStatus::Proposed | MatchStatus::ViewingScheduled
        ) {
            return Err(Error::bad_input(
                "id",
                format!("a {} match cannot be accepted", m.status),
            ));
        }
        let accepted_elsewhere = tx
            .find::<matched::Entity>()
            .filter(matched::Column::HouseholdId.eq(m.household_id))
            .filter(matched::Column::Status.eq(MatchStatus::LandlordAccepted.code()))
            .one(tx.conn())
            .await?;
        if accepted_elsewhere.is_some() {
            return Err(Error::Conflict {
                message: "a landlord has accepted this household for another offer".into(),
            });
        }
        set_status(&tx, &m, Some(version), MatchStatus::LandlordAccepted, |q| q).await?;
        set_offer(&tx, o.id, OfferStatus::Reserved, today).await?;
        let mut entries = vec![
            AuditEntry::new("match", id, "landlord_accept", &["status"]),
            AuditEntry::new("offer", o.id, "set_status", &["status", "status_on"]),
        ];
        // The offer's other candidates: the landlord chose another applicant.
        let rivals = tx
            .find::<matched::Entity>()
            .filter(matched::Column::OfferId.eq(o.id))
            .filter(matched::Column::Id.ne(id))
            .filter(matched::Column::Status.is_in(OPEN))
            .all(tx.conn())
            .await?;
        // The household's other matches: it takes this flat.
        let others = tx
            .find::<matched::Entity>()
            .filter(matched::Column::HouseholdId.eq(m.household_id))
            .filter(matched::Column::Id.ne(id))
            .filter(matched::Column::Status.is_in(OPEN))
            .all(tx.conn())
            .await?;
        for r in &rivals {
            set_status(&tx, r, None, MatchStatus::Declined, |q| {
                q.col_expr(
                    matched::Column::DeclineReason,
                    Expr::value(DeclineReason::LandlordChoseOther.code()),
                )
                .col_expr(
                    matched::Column::DeclinedBy,
                    Expr::value(DecisionActor::Landlord.code()),
                )
            })
            .await?;
            entries.push(AuditEntry::new(
                "match",
                r.id,
                "decline",
                &["status", "decline_reason"],
            ));
        }
        for r in &others {
            set_status(&tx, r, None, MatchStatus::Withdrawn, |q| {
                q.col_expr(
                    matched::Column::DeclineText,
                    Expr::value("accepted for another offer"),
                )
                .col_expr(
                    matched::Column::DeclinedBy,
                    Expr::value(DecisionActor::Household.code()),
                )
            })
            .await?;
            entries.push(AuditEntry::new(
                "match",
                r.id,
                "withdraw",
                &["status", "decline_text"],
            ));
        }
        for r in &rivals {
            back_to_searching(&tx, ctx, r.household_id).await?;
        }
        audit::append_many(&tx, ctx, &entries).await?;
        let row = find_match(&tx, &access, id).await?;
        tx.commit().await?;
        view(&row)
    }

    /// Declines (coded reason from either side) or withdraws an open match. An offer
    /// reserved for it opens again; a case with no open match left searches again.
    pub async fn close_match(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        decline: Option<DeclineReason>,
        actor: Option<DecisionActor>,
        text: Option<Text>,
    ) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        if decline == Some(DeclineReason::Other) && text.is_none() {
            return Err(Error::bad_input("text", "say why when the reason is OTHER"));
        }
        // Who decided: the reason's side, or the actor named; a withdrawal is the
        // caller's side.
        let by = match decline {
            None => {
                if actor.is_some() {
                    return Err(Error::bad_input(
                        "actor",
                        "a withdrawal is the caller's own decision",
                    ));
                }
                if access.city {
                    DecisionActor::City
                } else {
                    DecisionActor::Carrier
                }
            }
            Some(reason) => match (reason.actor(), actor) {
                (Some(implied), Some(named)) if implied != named => {
                    return Err(Error::bad_input(
                        "actor",
                        format!(
                            "a decline for {} is the {}'s",
                            reason.code(),
                            implied.code()
                        ),
                    ));
                }
                (Some(implied), _) => implied,
                (None, Some(named)) => named,
                (None, None) => {
                    return Err(Error::bad_input(
                        "actor",
                        format!("say who declined for {}", reason.code()),
                    ));
                }
            },
        };
        let today = Utc::now().date_naive();
        let tx = self.db.begin_tenant(access.tenant).await?;
        let m = locate(&tx, &access, id).await?;
        lookup::lock_household(&tx, m.household_id).await?;
        // Its offer opens again if the landlord had accepted: lock it before the match.
        lock_offer(&tx, m.offer_id).await?;
        let m = find_match(&tx, &access, id).await?;
        let was = status(&m)?;
        if !was.is_open() {
            return Err(Error::bad_input(
                "id",
                format!("a {} match is closed already", m.status),
            ));
        }
        let to = if decline.is_some() {
            MatchStatus::Declined
        } else {
            MatchStatus::Withdrawn
        };
        set_status(&tx, &m, Some(version), to, |q| {
            q.col_expr(
                matched::Column::DeclineReason,
                Expr::value(decline.map(DeclineReason::code)),
            )
            .col_expr(
                matched::Column::DeclineText,
                Expr::value(text.map(Text::into_string)),
            )
            .col_expr(matched::Column::DeclinedBy, Expr::value(by.code()))
        })
        .await?;
        let mut entries = vec![AuditEntry::new(
            "match",
            id,
            if decline.is_some() {
                "decline"
            } else {
                "withdraw"
            },
            &["status", "decline_reason", "declined_by", "decline_text"],
        )];
        if was == MatchStatus::LandlordAccepted {
            set_offer(&tx, m.offer_id, OfferStatus::Open, today).await?;
            entries.push(AuditEntry::new(
                "offer",
                m.offer_id,
                "set_status",
                &["status", "status_on"],
            ));
        }
        back_to_searching(&tx, ctx, m.household_id).await?;
        audit::append_many(&tx, ctx, &entries).await?;
        let row = find_match(&tx, &access, id).await?;
        tx.commit().await?;
        view(&row)
    }
}
