//! Carrier assignment and transfers: the first assignment by city staff, proposals,
//! the receiving carrier's decision, and the carrier's caseworker.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, TenantTx, UserId};

use crate::Casework;
use crate::access::{Access, Scope};
use crate::entity::{assignment, household};
use crate::model::AssignmentView;
use crate::read::{assignment_view, find_household_for_write};
use crate::types::{AssignmentStatus, Text, TransferRejection};
use crate::write::{
    bump, closed_check, require_carrier, require_caseworker, require_share_consent,
};

impl Casework {
    /// Assigns a first carrier (and optionally its caseworker). City staff only; needs
    /// the consent to share with a carrier.
    pub async fn assign_carrier(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        version: i32,
        org: OrganisationId,
        caseworker: Option<UserId>,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        if h.carrier_org.is_some() {
            return Err(Error::Conflict {
                message: "the household already has a carrier; propose a transfer instead".into(),
            });
        }
        require_carrier(&tx, org).await?;
        require_caseworker(&tx, org, caseworker).await?;
        // Change (and so lock) the household first, then check the consent: a
        // withdrawal locks the same row, so the two cannot interleave.
        bump(&tx, h.id, Some(version), |q| {
            q.col_expr(household::Column::CarrierOrg, Expr::value(org.uuid()))
                .col_expr(
                    household::Column::CarrierCaseworker,
                    Expr::value(caseworker.map(UserId::uuid)),
                )
        })
        .await?;
        require_share_consent(&tx, h.id).await?;
        let now = Utc::now();
        let a = assignment::Entity::secure_insert(
            &tx,
            assignment::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                organisation_id: Set(org.uuid()),
                caseworker_id: Set(caseworker.map(UserId::uuid)),
                status: Set(AssignmentStatus::Active.code().to_owned()),
                reason: Set(None),
                decision_reason: Set(None),
                proposed_by: Set(access.user.uuid()),
                proposed_at: Set(now),
                decided_by: Set(Some(access.user.uuid())),
                decided_at: Set(Some(now)),
                ended_at: Set(None),
                version: Set(1),
                reject_code: Set(None),
                rejected_by: Set(None),
            },
        )
        .await?;
        audit::append_many(
            &tx,
            ctx,
            &[
                AuditEntry::new(
                    "household",
                    h.id,
                    "assign_carrier",
                    &["carrier_org", "carrier_caseworker"],
                ),
                AuditEntry::new(
                    "carrier_assignment",
                    a.id,
                    "create",
                    &["organisation_id", "caseworker_id", "status"],
                ),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(h.id)
    }

    /// Proposes handing the household to another carrier: city staff, or the current
    /// carrier. The receiving carrier accepts or rejects.
    pub async fn propose_transfer(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        org: OrganisationId,
        reason: Text,
    ) -> Result<AssignmentView> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let Some(current) = h.carrier_org else {
            return Err(Error::bad_input(
                "householdId",
                "the household has no carrier yet; assign one",
            ));
        };
        if current == org.uuid() {
            return Err(Error::bad_input(
                "organisationId",
                "is already the household's carrier",
            ));
        }
        require_carrier(&tx, org).await?;
        // Serialise on the household row, then check consent and pending proposals.
        require_share_consent(&tx, h.id).await?;
        let pending = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.eq(h.id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Proposed.code()))
            .one(tx.conn())
            .await?;
        if pending.is_some() {
            return Err(Error::Conflict {
                message: "a transfer of this household is already pending".into(),
            });
        }
        let a = assignment::Entity::secure_insert(
            &tx,
            assignment::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                organisation_id: Set(org.uuid()),
                caseworker_id: Set(None),
                status: Set(AssignmentStatus::Proposed.code().to_owned()),
                reason: Set(Some(reason.into_string())),
                decision_reason: Set(None),
                proposed_by: Set(access.user.uuid()),
                proposed_at: Set(Utc::now()),
                decided_by: Set(None),
                decided_at: Set(None),
                ended_at: Set(None),
                version: Set(1),
                reject_code: Set(None),
                rejected_by: Set(None),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "carrier_assignment",
                a.id,
                "propose_transfer",
                &["organisation_id", "reason", "status"],
            ),
        )
        .await?;
        tx.commit().await?;
        assignment_view(&a)
    }

    /// The receiving carrier accepts a transfer: from now on it sees the household and
    /// the previous carrier does not.
    pub async fn accept_transfer(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        caseworker: Option<UserId>,
    ) -> Result<AssignmentView> {
        let access = Access::of(ctx)?;
        let (tx, a) = self.receiving(&access, id).await?;
        require_caseworker(
            &tx,
            OrganisationId::from_uuid(a.organisation_id),
            caseworker,
        )
        .await?;
        require_share_consent(&tx, a.household_id).await?;
        let now = Utc::now();
        decide(
            &tx,
            &a,
            version,
            AssignmentStatus::Active,
            None,
            caseworker,
            access.user,
        )
        .await?;
        let previous = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.eq(a.household_id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Active.code()))
            .filter(assignment::Column::Id.ne(a.id))
            .all(tx.conn())
            .await?;
        for p in &previous {
            assignment::Entity::secure_update_many(&tx)
                .col_expr(
                    assignment::Column::Status,
                    Expr::value(AssignmentStatus::Ended.code()),
                )
                .col_expr(assignment::Column::EndedAt, Expr::value(Some(now)))
                .col_expr(
                    assignment::Column::Version,
                    Expr::col(assignment::Column::Version).add(1),
                )
                .filter(assignment::Column::Id.eq(p.id))
                .exec(tx.conn())
                .await?;
        }
        bump(&tx, a.household_id, None, |q| {
            q.col_expr(
                household::Column::CarrierOrg,
                Expr::value(a.organisation_id),
            )
            .col_expr(
                household::Column::CarrierCaseworker,
                Expr::value(caseworker.map(UserId::uuid)),
            )
        })
        .await?;
        let mut entries = vec![
            AuditEntry::new(
                "carrier_assignment",
                a.id,
                "accept_transfer",
                &[
                    "status",
                    "caseworker_id",
                    "decided_by",
                    "decided_at",
                    "version",
                ],
            ),
            AuditEntry::new(
                "household",
                a.household_id,
                "assign_carrier",
                &["carrier_org", "carrier_caseworker"],
            ),
        ];
        entries.extend(
            previous.iter().map(|p| {
                AuditEntry::new("carrier_assignment", p.id, "end", &["status", "ended_at"])
            }),
        );
        audit::append_many(&tx, ctx, &entries).await?;
        let row = reload_assignment(&tx, a.id).await?;
        tx.commit().await?;
        assignment_view(&row)
    }

    /// The receiving carrier rejects a transfer, with a reason.
    pub async fn reject_transfer(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        code: TransferRejection,
        reason: Text,
    ) -> Result<AssignmentView> {
        let access = Access::of(ctx)?;
        let (tx, a) = self.receiving(&access, id).await?;
        decide(
            &tx,
            &a,
            version,
            AssignmentStatus::Rejected,
            Some(reason),
            None,
            access.user,
        )
        .await?;
        assignment::Entity::secure_update_many(&tx)
            .col_expr(assignment::Column::RejectCode, Expr::value(code.code()))
            .col_expr(
                assignment::Column::RejectedBy,
                Expr::value(code.actor().code()),
            )
            .filter(assignment::Column::Id.eq(a.id))
            .exec(tx.conn())
            .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "carrier_assignment",
                a.id,
                "reject_transfer",
                &[
                    "status",
                    "reject_code",
                    "rejected_by",
                    "decision_reason",
                    "decided_by",
                    "decided_at",
                    "version",
                ],
            ),
        )
        .await?;
        let row = reload_assignment(&tx, a.id).await?;
        tx.commit().await?;
        assignment_view(&row)
    }

    /// A pending transfer to the caller's own carrier, or `NOT_FOUND`.
    async fn receiving(&self, access: &Access, id: Uuid) -> Result<(TenantTx, assignment::Model)> {
        let Scope::Carrier(org) = access.scope else {
            return Err(Error::Forbidden);
        };
        let tx = self.db.begin_tenant(access.tenant).await?;
        let a = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::Id.eq(id))
            .filter(assignment::Column::OrganisationId.eq(org.uuid()))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "transfer" })?;
        // Lock the household, then re-read the proposal: a withdrawal of consent or
        // the closing of the case decides it first.
        crate::lookup::lock_household(&tx, a.household_id).await?;
        let a = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "transfer" })?;
        if a.status != AssignmentStatus::Proposed.code() {
            return Err(Error::Conflict {
                message: "the transfer has already been decided".into(),
            });
        }
        Ok((tx, a))
    }

    /// Names (or clears) the carrier's caseworker of a household: city staff, or the
    /// assigned carrier's administrator.
    pub async fn set_caseworker(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        version: i32,
        caseworker: Option<UserId>,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        if !access.is_city() && !access.carrier_admin {
            return Err(Error::Forbidden);
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let Some(org) = h.carrier_org else {
            return Err(Error::bad_input(
                "householdId",
                "the household has no carrier",
            ));
        };
        require_caseworker(&tx, OrganisationId::from_uuid(org), caseworker).await?;
        bump(&tx, h.id, Some(version), |q| {
            q.col_expr(
                household::Column::CarrierCaseworker,
                Expr::value(caseworker.map(UserId::uuid)),
            )
        })
        .await?;
        assignment::Entity::secure_update_many(&tx)
            .col_expr(
                assignment::Column::CaseworkerId,
                Expr::value(caseworker.map(UserId::uuid)),
            )
            .col_expr(
                assignment::Column::Version,
                Expr::col(assignment::Column::Version).add(1),
            )
            .filter(assignment::Column::HouseholdId.eq(h.id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Active.code()))
            .exec(tx.conn())
            .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("household", h.id, "set_caseworker", &["carrier_caseworker"]),
        )
        .await?;
        tx.commit().await?;
        Ok(h.id)
    }
}

pub(crate) async fn reload_assignment(tx: &TenantTx, id: Uuid) -> Result<assignment::Model> {
    tx.find::<assignment::Entity>()
        .filter(assignment::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound { entity: "transfer" })
}

pub(crate) async fn decide(
    tx: &TenantTx,
    a: &assignment::Model,
    version: i32,
    status: AssignmentStatus,
    reason: Option<Text>,
    caseworker: Option<UserId>,
    by: UserId,
) -> Result<()> {
    let res = assignment::Entity::secure_update_many(tx)
        .col_expr(assignment::Column::Status, Expr::value(status.code()))
        .col_expr(
            assignment::Column::DecisionReason,
            Expr::value(reason.map(Text::into_string)),
        )
        .col_expr(
            assignment::Column::CaseworkerId,
            Expr::value(caseworker.map(UserId::uuid)),
        )
        .col_expr(assignment::Column::DecidedBy, Expr::value(Some(by.uuid())))
        .col_expr(assignment::Column::DecidedAt, Expr::value(Some(Utc::now())))
        .col_expr(
            assignment::Column::Version,
            Expr::value(version.saturating_add(1)),
        )
        .filter(assignment::Column::Id.eq(a.id))
        .filter(assignment::Column::Version.eq(version))
        .exec(tx.conn())
        .await?;
    if res.rows_affected == 1 {
        Ok(())
    } else {
        Err(Error::stale("transfer"))
    }
}
