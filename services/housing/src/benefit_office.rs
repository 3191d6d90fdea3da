//! The benefit office's acceptance of the rent, as a step of a match.
//!
//! A household on SGB II (Jobcenter) or SGB XII (social welfare office) has its
//! housing costs paid by that office, which must accept the flat's rent as
//! appropriate before the lease is signed (the *Mietangebot*). Staff record the
//! office's decision on the open match — accepted, or refused with a reason — with the
//! date it decided. [`Housing::sign_lease`] refuses a lease for such a household until
//! the match holds an acceptance; a later decision replaces an earlier one (a refusal
//! followed by an acceptance after the landlord lowered the rent), each one audited.
//!
//! Who may record it: whoever may advance the match (city staff; a carrier caseworker
//! for its own households).

use chrono::{Days, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_casework::lookup;
use wohnweg_casework::types::{Text, date_in_range};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Housing;
use crate::access::Access;
use crate::entity::matched;
use crate::types::{BenefitOfficeDecision, MatchStatus};
use crate::workflow::{MatchView, find_match, locate, status, view};

/// Refuses a lease on match `m` while its household's rent needs the benefit office's
/// acceptance and the match holds none (called by `sign_lease`, household locked).
pub(crate) async fn require_acceptance(tx: &TenantTx, m: &matched::Model) -> Result<()> {
    if m.benefit_office.as_deref() == Some(BenefitOfficeDecision::Accepted.code()) {
        return Ok(());
    }
    if !lookup::rent_needs_benefit_office(tx, m.household_id).await? {
        return Ok(());
    }
    Err(Error::bad_input(
        "id",
        if m.benefit_office.is_some() {
            "the benefit office refused the rent; record its acceptance \
             (recordBenefitOfficeDecision) before the lease, or decline the match"
        } else {
            "the household draws SGB II or SGB XII: the benefit office must accept the \
             rent before the lease (recordBenefitOfficeDecision)"
        },
    ))
}

impl Housing {
    /// Records the benefit office's decision on the rent of an open match: accepted, or
    /// refused with a reason, on `decided_on` (today or up to 90 days back, not before
    /// the match was proposed). Replaces an earlier decision.
    pub async fn record_benefit_office_decision(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        decision: BenefitOfficeDecision,
        decided_on: NaiveDate,
        reason: Option<Text>,
    ) -> Result<MatchView> {
        let access = Access::of(ctx)?;
        let today = Utc::now().date_naive();
        date_in_range("decidedOn", decided_on, today, 0)?;
        if decided_on > today {
            return Err(Error::bad_input("decidedOn", "must not lie ahead"));
        }
        if decided_on < today.checked_sub_days(Days::new(90)).unwrap_or(today) {
            return Err(Error::bad_input("decidedOn", "lies more than 90 days back"));
        }
        if decision == BenefitOfficeDecision::Refused && reason.is_none() {
            return Err(Error::bad_input("reason", "a refusal needs a reason"));
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let m = locate(&tx, &access, id).await?;
        lookup::lock_open_household(&tx, m.household_id, "id").await?;
        let m = find_match(&tx, &access, id).await?;
        if !matches!(
            status(&m)?,
            MatchStatus::Proposed | MatchStatus::ViewingScheduled | MatchStatus::LandlordAccepted
        ) {
            return Err(Error::bad_input(
                "id",
                format!(
                    "a {} match takes no benefit office decision: only an open one",
                    m.status
                ),
            ));
        }
        if decided_on < m.created_at.date_naive() {
            return Err(Error::bad_input(
                "decidedOn",
                "must not lie before the match was proposed",
            ));
        }
        let res = matched::Entity::secure_update_many(&tx)
            .col_expr(matched::Column::BenefitOffice, Expr::value(decision.code()))
            .col_expr(matched::Column::BenefitOfficeOn, Expr::value(decided_on))
            .col_expr(
                matched::Column::BenefitOfficeReason,
                Expr::value(reason.map(Text::into_string)),
            )
            .col_expr(matched::Column::UpdatedAt, Expr::value(Utc::now()))
            .col_expr(
                matched::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(matched::Column::Id.eq(id))
            .filter(matched::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("match"));
        }
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "match",
                id,
                "benefit_office",
                &[
                    "benefit_office",
                    "benefit_office_on",
                    "benefit_office_reason",
                ],
            ),
        )
        .await?;
        let row = find_match(&tx, &access, id).await?;
        tx.commit().await?;
        view(&row)
    }
}
