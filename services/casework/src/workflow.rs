//! The case workflow: transitions with their history (a move out or back only
//! through housing's moves), and the dated housing-readiness assessments that gate
//! searching.

use chrono::{NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Casework;
use crate::access::Access;
use crate::entity::{assignment, household, readiness, transition};
use crate::model::{AssessmentView, NewAssessment};
use crate::read::{assessment_view, find_household_for_write};
use crate::types::{AssignmentStatus, CaseState, ReadinessLevel, Text, stored};
use crate::write::{bump, closed_check, not_future};

impl Casework {
    /// Moves the case to `to`, if the workflow allows it from where it stands.
    pub async fn transition(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        to: CaseState,
        reason: Text,
        effective_on: NaiveDate,
    ) -> Result<Uuid> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        if let Some(why) = CaseState::Intake.move_needed_for(to) {
            return Err(Error::bad_input("to", why));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, id).await?;
        if let Some(why) = stored(&h.state, CaseState::from_code)?.move_needed_for(to) {
            return Err(Error::bad_input("to", why));
        }
        apply_transition(&tx, ctx, &h, Some(version), to, reason, effective_on).await?;
        // Other services end their open business for a case that left the work
        // (housing: open matches withdrawn, reserved offers reopened), in this
        // transaction.
        if crate::parts::leaves_work(to) {
            for part in self.parts.iter() {
                part.case_left_work(&tx, ctx, h.id, to).await?;
            }
        }
        tx.commit().await?;
        Ok(h.id)
    }

    /// Records a readiness assessment; the latest by date becomes the household's level.
    pub async fn record_readiness(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        a: NewAssessment,
    ) -> Result<AssessmentView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        not_future("input.assessedOn", a.assessed_on)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        let row = readiness::Entity::secure_insert(
            &tx,
            readiness::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(h.id),
                assessed_on: Set(a.assessed_on),
                assessor: Set(access.user.uuid()),
                rent_payment: Set(a.rent_payment.code().to_owned()),
                household_management: Set(a.household_management.code().to_owned()),
                neighbourhood: Set(a.neighbourhood.code().to_owned()),
                tenancy_language: Set(a.tenancy_language.code().to_owned()),
                id_document: Set(a.id_document),
                income_proof: Set(a.income_proof),
                schufa: Set(a.schufa),
                overall: Set(a.overall.code().to_owned()),
                notes: Set(a.notes.map(Text::into_string)),
                created_at: Set(Utc::now()),
            },
        )
        .await?;
        // The latest assessment by date is the household's level; the date test is in
        // the statement, so a racing older assessment cannot overwrite a newer one.
        household::Entity::secure_update_many(&tx)
            .col_expr(household::Column::Readiness, Expr::value(a.overall.code()))
            .col_expr(household::Column::ReadinessOn, Expr::value(a.assessed_on))
            .filter(household::Column::Id.eq(h.id))
            .filter(
                sea_orm::Condition::any()
                    .add(household::Column::ReadinessOn.is_null())
                    .add(household::Column::ReadinessOn.lte(a.assessed_on)),
            )
            .exec(tx.conn())
            .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "readiness_assessment",
                row.id,
                "create",
                &[
                    "household_id",
                    "assessed_on",
                    "rent_payment",
                    "household_management",
                    "neighbourhood",
                    "tenancy_language",
                    "id_document",
                    "income_proof",
                    "schufa",
                    "overall",
                    "notes",
                ],
            ),
        )
        .await?;
        tx.commit().await?;
        assessment_view(&row)
    }
}

/// Moves `h` to `to` inside `tx`: the workflow's rules, the history entry, closing
/// pending transfers, scheduling aftercare on a move, and the audit entries. With
/// `expected_version`, a stale version is `CONFLICT`.
pub(crate) async fn apply_transition(
    tx: &TenantTx,
    ctx: &Ctx,
    h: &household::Model,
    expected_version: Option<i32>,
    to: CaseState,
    reason: Text,
    effective_on: NaiveDate,
) -> Result<()> {
    let today = chrono::Utc::now().date_naive();
    apply_transition_at(
        tx,
        ctx,
        h,
        expected_version,
        to,
        reason,
        effective_on,
        today,
    )
    .await
}

/// [`apply_transition`] on the day `today`: a job that applies what fell due on a
/// day (a scheduled move) passes that day, so "not in the future" means "not after
/// it".
#[allow(clippy::too_many_arguments)]
pub(crate) async fn apply_transition_at(
    tx: &TenantTx,
    ctx: &Ctx,
    h: &household::Model,
    expected_version: Option<i32>,
    to: CaseState,
    reason: Text,
    effective_on: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let from = stored(&h.state, CaseState::from_code)?;
    if !from.can_move_to(to) {
        return Err(Error::bad_input(
            "to",
            format!("a case cannot move from {} to {}", from.code(), to.code()),
        ));
    }
    if to == CaseState::Searching {
        let ready = h.readiness.as_deref().and_then(ReadinessLevel::from_code);
        if !matches!(
            ready,
            Some(ReadinessLevel::Ready | ReadinessLevel::ReadyWithSupport)
        ) {
            return Err(Error::bad_input(
                "to",
                "searching needs a housing-readiness assessment of at least 'ready with support'",
            ));
        }
    }
    crate::types::date_in_range("effectiveOn", effective_on, today, 0)?;
    if effective_on < h.state_since {
        return Err(Error::bad_input(
            "effectiveOn",
            "must not lie before the current state began",
        ));
    }
    bump(tx, h.id, expected_version, |q| {
        q.col_expr(household::Column::State, Expr::value(to.code()))
            .col_expr(household::Column::StateSince, Expr::value(effective_on))
    })
    .await?;
    let t = transition::Entity::secure_insert(
        tx,
        transition::ActiveModel {
            tenant_id: Set(Uuid::nil()),
            id: Set(Uuid::now_v7()),
            household_id: Set(h.id),
            from_state: Set(Some(from.code().to_owned())),
            to_state: Set(to.code().to_owned()),
            reason: Set(reason.into_string()),
            effective_on: Set(effective_on),
            at: Set(Utc::now()),
            actor: Set(ctx.principal().user_id.uuid()),
        },
    )
    .await?;
    // Closing a case decides its pending transfer.
    let mut closed_proposals = Vec::new();
    if to == CaseState::Closed {
        let pending = tx
            .find::<assignment::Entity>()
            .filter(assignment::Column::HouseholdId.eq(h.id))
            .filter(assignment::Column::Status.eq(AssignmentStatus::Proposed.code()))
            .all(tx.conn())
            .await?;
        for p in pending {
            assignment::Entity::secure_update_many(tx)
                .col_expr(
                    assignment::Column::Status,
                    Expr::value(AssignmentStatus::Rejected.code()),
                )
                .col_expr(
                    assignment::Column::DecisionReason,
                    Expr::value("case closed"),
                )
                .col_expr(assignment::Column::DecidedAt, Expr::value(Some(Utc::now())))
                .col_expr(
                    assignment::Column::Version,
                    Expr::col(assignment::Column::Version).add(1),
                )
                .filter(assignment::Column::Id.eq(p.id))
                .exec(tx.conn())
                .await?;
            closed_proposals.push(p.id);
        }
    }
    // A move schedules the aftercare follow-ups.
    let scheduled = if to == CaseState::MovedOut {
        crate::aftercare::schedule(tx, h.id, effective_on).await?
    } else {
        Vec::new()
    };
    let mut entries = vec![
        AuditEntry::new("household", h.id, "transition", &["state", "state_since"]),
        AuditEntry::new(
            "case_transition",
            t.id,
            "create",
            &["from_state", "to_state", "reason", "effective_on"],
        ),
    ];
    entries.extend(closed_proposals.iter().map(|p| {
        AuditEntry::new(
            "carrier_assignment",
            *p,
            "reject_transfer",
            &["status", "decision_reason", "decided_at", "version"],
        )
    }));
    entries.extend(
        scheduled
            .iter()
            .map(|f| AuditEntry::new("aftercare_followup", *f, "schedule", &["due_on", "months"])),
    );
    audit::append_many(tx, ctx, &entries).await?;
    Ok(())
}
