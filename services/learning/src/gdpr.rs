//! Learning's part of a household's record ([`wohnweg_casework::parts`]): a member's
//! enrolments (with attendance) and certificates go into the export; erasure of a
//! closed case clears the printed names and the stored credentials (the holder keeps
//! their certificate, and it stays verifiable); a case that leaves the active work
//! leaves the runs it had a place or a waiting-list spot in.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use serde_json::Value;
use uuid::Uuid;
use wohnweg_casework::parts::{HouseholdPart, PartFuture};
use wohnweg_casework::types::CaseState;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, TenantTx};

use crate::entity::{attendance, certificate, enrolment};
use crate::types::{DropReason, EnrolmentStatus};

const ERASED: &str = "—";

const ERASED_FIELDS: &[&str] = &["course_enrolments.printed_name", "certificates.credential"];

/// Learning's [`HouseholdPart`]; register it with `Casework::with_part`.
#[derive(Clone, Copy, Debug, Default)]
pub struct LearningPart;

fn enrolments_of(tx: &TenantTx, household: Uuid) -> sea_orm::Select<enrolment::Entity> {
    tx.find::<enrolment::Entity>()
        .filter(enrolment::Column::HouseholdId.eq(household))
}

fn ids_of(tx: &TenantTx, household: Uuid) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::Query;
    Query::select()
        .column(enrolment::Column::Id)
        .from(enrolment::Entity)
        .and_where(enrolment::Column::TenantId.eq(tx.tenant().uuid()))
        .and_where(enrolment::Column::HouseholdId.eq(household))
        .to_owned()
}

impl HouseholdPart for LearningPart {
    fn export<'a>(
        &'a self,
        tx: &'a TenantTx,
        household: Uuid,
    ) -> PartFuture<'a, Vec<(&'static str, Value)>> {
        Box::pin(async move {
            let enrolments = enrolments_of(tx, household)
                .order_by_asc(enrolment::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            let marks = tx
                .find::<attendance::Entity>()
                .filter(attendance::Column::EnrolmentId.in_subquery(ids_of(tx, household)))
                .order_by_asc(attendance::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            let certificates = tx
                .find::<certificate::Entity>()
                .filter(certificate::Column::EnrolmentId.in_subquery(ids_of(tx, household)))
                .order_by_asc(certificate::Column::Id)
                .into_json()
                .all(tx.conn())
                .await?;
            Ok(vec![
                ("courseEnrolments", Value::Array(enrolments)),
                ("courseAttendance", Value::Array(marks)),
                ("certificates", Value::Array(certificates)),
            ])
        })
    }

    fn erase<'a>(
        &'a self,
        tx: &'a TenantTx,
        household: Uuid,
    ) -> PartFuture<'a, &'static [&'static str]> {
        Box::pin(async move {
            certificate::Entity::secure_update_many(tx)
                .col_expr(certificate::Column::Credential, Expr::value(ERASED))
                .filter(certificate::Column::EnrolmentId.in_subquery(ids_of(tx, household)))
                .exec(tx.conn())
                .await?;
            enrolment::Entity::secure_update_many(tx)
                .col_expr(enrolment::Column::PrintedName, Expr::value(ERASED))
                .filter(enrolment::Column::HouseholdId.eq(household))
                .exec(tx.conn())
                .await?;
            Ok(ERASED_FIELDS)
        })
    }

    fn case_left_work<'a>(
        &'a self,
        tx: &'a TenantTx,
        ctx: &'a Ctx,
        household: Uuid,
        to: CaseState,
    ) -> PartFuture<'a, ()> {
        Box::pin(async move {
            let open = enrolments_of(tx, household)
                .filter(enrolment::Column::Status.is_in([
                    EnrolmentStatus::Enrolled.code(),
                    EnrolmentStatus::Waiting.code(),
                ]))
                .all(tx.conn())
                .await?;
            if open.is_empty() {
                return Ok(());
            }
            let reason = if to == CaseState::ContactLost {
                DropReason::NoContact
            } else {
                DropReason::Other
            };
            enrolment::Entity::secure_update_many(tx)
                .col_expr(
                    enrolment::Column::Status,
                    Expr::value(EnrolmentStatus::DroppedOut.code()),
                )
                .col_expr(enrolment::Column::DropReason, Expr::value(reason.code()))
                .col_expr(
                    enrolment::Column::Version,
                    Expr::col(enrolment::Column::Version).add(1),
                )
                .filter(enrolment::Column::Id.is_in(open.iter().map(|e| e.id)))
                .exec(tx.conn())
                .await?;
            let entries: Vec<AuditEntry<'_>> = open
                .iter()
                .map(|e| {
                    AuditEntry::new(
                        "course_enrolment",
                        e.id,
                        "drop_out",
                        &["status", "drop_reason"],
                    )
                })
                .collect();
            audit::append_many(tx, ctx, &entries).await
        })
    }
}
