//! Consents: given and withdrawn; withdrawing the consent to share with a carrier
//! ends the carrier's access at once.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result};

use crate::Casework;
use crate::access::Access;
use crate::entity::{assignment, consent, household};
use crate::model::{ConsentView, NewConsent};
use crate::read::{consent_view, find_household_for_write};
use crate::types::{AssignmentStatus, ConsentScope, Text};
use crate::write::{bump, closed_check, has_consent, not_future};

impl Casework {
    /// Records a consent. One active consent per scope.
    pub async fn record_consent(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        c: NewConsent,
    ) -> Result<ConsentView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("input.givenOn", c.given_on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        if has_consent(&tx, h.id, c.scope).await? {
            return Err(Error::Conflict {
                message: "an active consent of this scope exists".into(),
            });
        }
        let row = consent::Entity::secure_insert(
            &tx,
            consent::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                scope: Set(c.scope.code().to_owned()),
                given_on: Set(c.given_on),
                withdrawn_on: Set(None),
                note: Set(c.note.map(Text::into_string)),
                recorded_by: Set(access.user.uuid()),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "consent",
                row.id,
                "create",
                &["household_id", "scope", "given_on", "note"],
            ),
        )
        .await?;
        tx.commit().await?;
        consent_view(&row)
    }

    /// Withdraws a consent. Withdrawing the consent to share with a carrier ends the
    /// carrier's assignment and any pending transfer at once: from then on no carrier
    /// sees the household.
    pub async fn withdraw_consent(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        withdrawn_on: NaiveDate,
    ) -> Result<ConsentView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("withdrawnOn", withdrawn_on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let c = tx
            .find::<consent::Entity>()
            .filter(consent::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "consent" })?;
        let h = find_household_for_write(&tx, &access, c.household_id)
            .await
            .map_err(|_| Error::NotFound { entity: "consent" })?;
        if c.withdrawn_on.is_some() {
            return Err(Error::Conflict {
                message: "the consent is already withdrawn".into(),
            });
        }
        if withdrawn_on < c.given_on {
            return Err(Error::bad_input(
                "withdrawnOn",
                "must not lie before the consent was given",
            ));
        }
        let res = consent::Entity::secure_update_many(&tx)
            .col_expr(consent::Column::WithdrawnOn, Expr::value(withdrawn_on))
            .col_expr(
                consent::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(consent::Column::Id.eq(id))
            .filter(consent::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("consent"));
        }
        let mut entries = vec![AuditEntry::new(
            "consent",
            id,
            "withdraw",
            &["withdrawn_on"],
        )];
        let mut ended: Vec<Uuid> = Vec::new();
        if c.scope == ConsentScope::ShareWithCarrier.code() {
            let now = Utc::now();
            let open = tx
                .find::<assignment::Entity>()
                .filter(assignment::Column::HouseholdId.eq(h.id))
                .filter(assignment::Column::Status.is_in([
                    AssignmentStatus::Active.code(),
                    AssignmentStatus::Proposed.code(),
                ]))
                .all(tx.conn())
                .await?;
            for a in &open {
                let (status, reason) = if a.status == AssignmentStatus::Active.code() {
                    (AssignmentStatus::Ended, None)
                } else {
                    (AssignmentStatus::Rejected, Some("consent withdrawn"))
                };
                assignment::Entity::secure_update_many(&tx)
                    .col_expr(assignment::Column::Status, Expr::value(status.code()))
                    .col_expr(assignment::Column::EndedAt, Expr::value(Some(now)))
                    .col_expr(
                        assignment::Column::DecisionReason,
                        Expr::value(
                            reason
                                .map(str::to_owned)
                                .or_else(|| a.decision_reason.clone()),
                        ),
                    )
                    .col_expr(
                        assignment::Column::Version,
                        Expr::col(assignment::Column::Version).add(1),
                    )
                    .filter(assignment::Column::Id.eq(a.id))
                    .exec(tx.conn())
                    .await?;
                ended.push(a.id);
            }
            if h.carrier_org.is_some() {
                bump(&tx, h.id, None, |q| {
                    q.col_expr(
                        household::Column::CarrierOrg,
                        Expr::value(Option::<Uuid>::None),
                    )
                    .col_expr(
                        household::Column::CarrierCaseworker,
                        Expr::value(Option::<Uuid>::None),
                    )
                })
                .await?;
                entries.push(AuditEntry::new(
                    "household",
                    h.id,
                    "unassign_carrier",
                    &["carrier_org", "carrier_caseworker"],
                ));
            }
        }
        entries.extend(
            ended
                .iter()
                .map(|a| AuditEntry::new("carrier_assignment", *a, "end", &["status", "ended_at"])),
        );
        audit::append_many(&tx, ctx, &entries).await?;
        let row = tx
            .find::<consent::Entity>()
            .filter(consent::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "consent" })?;
        tx.commit().await?;
        consent_view(&row)
    }
}
