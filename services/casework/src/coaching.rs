//! Tenancy coaching (*Wohnungscoaching*) as a record: who provides it (the city, or a
//! carrier), the coach, coded reasons, start, end and outcome. At most one period is
//! open per household; the household's `tenancy_coaching` flag marks it for the fast
//! reads (worklist, filter). An "at risk" follow-up opens a period (the city's, for
//! the risk found) when none is open; a later follow-up that finds the tenancy stable
//! ends it as stabilised.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_identity::directory;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantTx, UserId};

use crate::Casework;
use crate::access::Access;
use crate::entity::{coaching, household};
use crate::read::find_household_for_write;
use crate::types::{
    CaseState, CoachingOutcome, CoachingReason, TenancyRisk, date_in_range, load_codes,
    store_codes, stored,
};

/// A period of tenancy coaching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoachingView {
    /// Id.
    pub id: Uuid,
    /// Household.
    pub household_id: Uuid,
    /// The carrier providing it; `None`: the city.
    pub provider: Option<OrganisationId>,
    /// The coach.
    pub coach: Option<UserId>,
    /// Why.
    pub reasons: Vec<CoachingReason>,
    /// Started on.
    pub started_on: NaiveDate,
    /// Ended on.
    pub ended_on: Option<NaiveDate>,
    /// How it ended.
    pub outcome: Option<CoachingOutcome>,
    /// Version.
    pub version: i32,
}

/// A period to start.
#[derive(Clone, Debug)]
pub struct NewCoaching {
    /// The carrier providing it; `None`: the city.
    pub provider: Option<OrganisationId>,
    /// The coach: a caseworker of the provider.
    pub coach: Option<UserId>,
    /// Why (at least one).
    pub reasons: Vec<CoachingReason>,
    /// Starts on (not in the future).
    pub started_on: NaiveDate,
}

pub(crate) fn view(c: &coaching::Model) -> Result<CoachingView> {
    Ok(CoachingView {
        id: c.id,
        household_id: c.household_id,
        provider: c.provider_org.map(OrganisationId::from_uuid),
        coach: c.coach.map(UserId::from_uuid),
        reasons: load_codes(&c.reasons, CoachingReason::from_code)?,
        started_on: c.started_on,
        ended_on: c.ended_on,
        outcome: c
            .outcome
            .as_deref()
            .map(|o| stored(o, CoachingOutcome::from_code))
            .transpose()?,
        version: c.version,
    })
}

/// The household's open period, if any.
pub(crate) async fn open_for(tx: &TenantTx, household_id: Uuid) -> Result<Option<coaching::Model>> {
    Ok(tx
        .find::<coaching::Entity>()
        .filter(coaching::Column::HouseholdId.eq(household_id))
        .filter(coaching::Column::EndedOn.is_null())
        .one(tx.conn())
        .await?)
}

async fn insert(
    tx: &TenantTx,
    ctx: &Ctx,
    household_id: Uuid,
    new: &NewCoaching,
) -> Result<coaching::Model> {
    let row = coaching::Entity::secure_insert(
        tx,
        coaching::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            household_id: Set(household_id),
            provider_org: Set(new.provider.map(OrganisationId::uuid)),
            coach: Set(new.coach.map(UserId::uuid)),
            reasons: Set(store_codes(&new.reasons, CoachingReason::code)),
            started_on: Set(new.started_on),
            ended_on: Set(None),
            outcome: Set(None),
            created_by: Set(ctx.principal().user_id.uuid()),
            created_at: Set(Utc::now()),
            version: Set(1),
        },
    )
    .await?;
    flag(tx, household_id, true).await?;
    audit::append_many(
        tx,
        ctx,
        &[
            AuditEntry::new(
                "tenancy_coaching",
                row.id,
                "start",
                &["provider_org", "coach", "reasons", "started_on"],
            ),
            AuditEntry::new("household", household_id, "update", &["tenancy_coaching"]),
        ],
    )
    .await?;
    Ok(row)
}

async fn end(
    tx: &TenantTx,
    ctx: &Ctx,
    c: &coaching::Model,
    version: Option<i32>,
    on: NaiveDate,
    outcome: CoachingOutcome,
) -> Result<()> {
    let mut q = coaching::Entity::secure_update_many(tx)
        .col_expr(coaching::Column::EndedOn, Expr::value(on))
        .col_expr(coaching::Column::Outcome, Expr::value(outcome.code()))
        .col_expr(
            coaching::Column::Version,
            Expr::col(coaching::Column::Version).add(1),
        )
        .filter(coaching::Column::Id.eq(c.id))
        .filter(coaching::Column::EndedOn.is_null());
    if let Some(v) = version {
        q = q.filter(coaching::Column::Version.eq(v));
    }
    if q.exec(tx.conn()).await?.rows_affected != 1 {
        return Err(Error::stale("tenancy coaching"));
    }
    flag(tx, c.household_id, false).await?;
    audit::append_many(
        tx,
        ctx,
        &[
            AuditEntry::new("tenancy_coaching", c.id, "end", &["ended_on", "outcome"]),
            AuditEntry::new("household", c.household_id, "update", &["tenancy_coaching"]),
        ],
    )
    .await
}

async fn flag(tx: &TenantTx, household_id: Uuid, on: bool) -> Result<()> {
    household::Entity::secure_update_many(tx)
        .col_expr(household::Column::TenancyCoaching, Expr::value(on))
        .filter(household::Column::Id.eq(household_id))
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Follows a follow-up's finding (inside its transaction): at risk opens the city's
/// period for the risk found when none is open; any other finding ends an open one
/// (`stable`: stabilised; otherwise as `other`).
pub(crate) async fn follow(
    tx: &TenantTx,
    ctx: &Ctx,
    household_id: Uuid,
    at_risk: Option<TenancyRisk>,
    stable: bool,
    on: NaiveDate,
) -> Result<()> {
    let open = open_for(tx, household_id).await?;
    match (at_risk, open) {
        (Some(risk), None) => {
            let reason = match risk {
                TenancyRisk::Arrears => CoachingReason::Arrears,
                TenancyRisk::Conflict => CoachingReason::Conflict,
                TenancyRisk::Other => CoachingReason::Other,
            };
            insert(
                tx,
                ctx,
                household_id,
                &NewCoaching {
                    provider: None,
                    coach: None,
                    reasons: vec![reason],
                    started_on: on,
                },
            )
            .await?;
        }
        (None, Some(c)) => {
            let on = std::cmp::Ord::max(on, c.started_on);
            let outcome = if stable {
                CoachingOutcome::Stabilised
            } else {
                CoachingOutcome::Other
            };
            end(tx, ctx, &c, None, on, outcome).await?;
        }
        _ => {}
    }
    Ok(())
}

impl Casework {
    /// Starts tenancy coaching for a household that has moved out (city or carrier
    /// caseworkers). The provider is the city or a carrier; the coach, when named, is
    /// an active caseworker of the provider.
    pub async fn start_coaching(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        new: NewCoaching,
    ) -> Result<CoachingView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        if new.reasons.is_empty() {
            return Err(Error::bad_input(
                "input.reasons",
                "name at least one reason",
            ));
        }
        date_in_range(
            "input.startedOn",
            new.started_on,
            Utc::now().date_naive(),
            0,
        )?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        crate::write::closed_check(&h)?;
        let state = stored(&h.state, CaseState::from_code)?;
        if !matches!(state, CaseState::MovedOut | CaseState::Aftercare) {
            return Err(Error::bad_input(
                "householdId",
                "tenancy coaching is for households in a flat of their own",
            ));
        }
        if new.started_on < h.state_since {
            return Err(Error::bad_input(
                "input.startedOn",
                "must not lie before the move",
            ));
        }
        if open_for(&tx, h.id).await?.is_some() {
            return Err(Error::bad_input(
                "householdId",
                "the household is in tenancy coaching already; end that first",
            ));
        }
        match new.provider {
            Some(org) => {
                let o = directory::organisation(&tx, org).await?;
                if !o.is_some_and(|o| o.kind == wohnweg_identity::OrganisationKind::Carrier) {
                    return Err(Error::bad_input("input.providerId", "is not a carrier"));
                }
                if let Some(cw) = new.coach
                    && !directory::is_member_with_role(&tx, org, cw, Role::CarrierCaseworker)
                        .await?
                {
                    return Err(Error::bad_input(
                        "input.coachId",
                        "is not an active caseworker of that carrier",
                    ));
                }
            }
            None => {
                if let Some(cw) = new.coach
                    && !directory::has_any_role(
                        &tx,
                        cw,
                        &[Role::CityCaseworker, Role::CityCoordinator],
                    )
                    .await?
                {
                    return Err(Error::bad_input(
                        "input.coachId",
                        "is not an active city caseworker",
                    ));
                }
            }
        }
        let row = insert(&tx, ctx, h.id, &new).await?;
        tx.commit().await?;
        view(&row)
    }

    /// Ends a household's open coaching with its outcome.
    pub async fn end_coaching(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        ended_on: NaiveDate,
        outcome: CoachingOutcome,
    ) -> Result<CoachingView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        date_in_range("endedOn", ended_on, Utc::now().date_naive(), 0)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let find = |tx: &TenantTx| {
            tx.find::<coaching::Entity>()
                .filter(coaching::Column::Id.eq(id))
        };
        let missing = || Error::NotFound {
            entity: "tenancy coaching",
        };
        let c = find(&tx).one(tx.conn()).await?.ok_or_else(missing)?;
        // Another carrier's or city's household: the coaching looks missing too.
        find_household_for_write(&tx, &access, c.household_id)
            .await
            .map_err(|_| missing())?;
        let c = find(&tx).one(tx.conn()).await?.ok_or_else(missing)?;
        if c.ended_on.is_some() {
            return Err(Error::bad_input("id", "the coaching has ended already"));
        }
        if ended_on < c.started_on {
            return Err(Error::bad_input("endedOn", "must not lie before the start"));
        }
        end(&tx, ctx, &c, Some(version), ended_on, outcome).await?;
        let c = find(&tx).one(tx.conn()).await?.ok_or_else(missing)?;
        tx.commit().await?;
        view(&c)
    }
}
