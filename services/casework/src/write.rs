//! What every casework write shares: the transaction discipline (scope check,
//! validation against the stored state, the change, its audit entries — all or
//! nothing), the household's version bump (`CONFLICT` when it moved), the closed-case
//! rule, consent and carrier checks, and unique-index races as `CONFLICT`. The writes
//! themselves live by sub-domain: [`crate::households`], [`crate::workflow`],
//! [`crate::consents`], [`crate::transfers`], [`crate::goals`].

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, UpdateMany};
use uuid::Uuid;
use wohnweg_identity::{OrganisationKind, directory};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Error, OrganisationId, Result, Role, TenantTx, UserId};

use crate::entity::{consent, household};
use crate::types::{CaseState, ConsentScope, date_in_range};

/// Most members a household may have.
pub(crate) const MAX_MEMBERS: usize = 20;
/// Most steps a goal may be created with.
pub(crate) const MAX_STEPS: usize = 20;

pub(crate) fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub(crate) fn not_future(field: &'static str, d: NaiveDate) -> Result<NaiveDate> {
    date_in_range(field, d, today(), 0)
}

/// `UPDATE households … SET version = version + 1 WHERE id = $id AND version = $v`;
/// `CONFLICT` when the version moved.
pub(crate) async fn bump(
    tx: &TenantTx,
    id: Uuid,
    expected: Option<i32>,
    change: impl FnOnce(UpdateMany<household::Entity>) -> UpdateMany<household::Entity>,
) -> Result<()> {
    let mut q = household::Entity::secure_update_many(tx)
        .col_expr(
            household::Column::Version,
            Expr::col(household::Column::Version).add(1),
        )
        .col_expr(household::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(household::Column::Id.eq(id));
    if let Some(v) = expected {
        q = q.filter(household::Column::Version.eq(v));
    }
    let res = change(q).exec(tx.conn()).await?;
    if res.rows_affected == 1 {
        Ok(())
    } else {
        Err(Error::stale("household"))
    }
}

/// Whether the household has an active (not withdrawn) consent of `scope`.
pub(crate) async fn has_consent(
    tx: &TenantTx,
    household_id: Uuid,
    scope: ConsentScope,
) -> Result<bool> {
    Ok(tx
        .find::<consent::Entity>()
        .filter(consent::Column::HouseholdId.eq(household_id))
        .filter(consent::Column::Scope.eq(scope.code()))
        .filter(consent::Column::WithdrawnOn.is_null())
        .one(tx.conn())
        .await?
        .is_some())
}

pub(crate) async fn require_share_consent(tx: &TenantTx, household_id: Uuid) -> Result<()> {
    if has_consent(tx, household_id, ConsentScope::ShareWithCarrier).await? {
        Ok(())
    } else {
        Err(Error::bad_input(
            "householdId",
            "the household has not consented to sharing its case with a carrier",
        ))
    }
}

/// The carrier `org` of this tenant, or `NOT_FOUND` / `BAD_USER_INPUT`.
pub(crate) async fn require_carrier(tx: &TenantTx, org: OrganisationId) -> Result<()> {
    match directory::organisation(tx, org).await? {
        None => Err(Error::NotFound {
            entity: "organisation",
        }),
        Some(o) if o.kind != OrganisationKind::Carrier => {
            Err(Error::bad_input("organisationId", "is not a carrier"))
        }
        Some(_) => Ok(()),
    }
}

pub(crate) async fn require_caseworker(
    tx: &TenantTx,
    org: OrganisationId,
    cw: Option<UserId>,
) -> Result<()> {
    if let Some(cw) = cw
        && !directory::is_member_with_role(tx, org, cw, Role::CarrierCaseworker).await?
    {
        return Err(Error::bad_input(
            "caseworkerId",
            "is not an active caseworker of that carrier",
        ));
    }
    Ok(())
}

/// A closed (or erased) case is read-only, except for consent withdrawal and erasure.
pub(crate) fn closed_check(h: &household::Model) -> Result<()> {
    if h.state == CaseState::Closed.code() || h.erased_at.is_some() {
        Err(Error::bad_input("householdId", "the case is closed"))
    } else {
        Ok(())
    }
}

/// A unique-index violation (a racing insert) as `CONFLICT`; anything else unchanged.
pub(crate) fn unique_conflict(e: Error, message: &'static str) -> Error {
    let unique = e
        .internal_cause()
        .and_then(|c| c.downcast_ref::<sea_orm::DbErr>())
        .and_then(sea_orm::DbErr::sql_err)
        .is_some_and(|s| matches!(s, sea_orm::SqlErr::UniqueConstraintViolation(_)));
    if unique {
        Error::Conflict {
            message: message.into(),
        }
    } else {
        e
    }
}
