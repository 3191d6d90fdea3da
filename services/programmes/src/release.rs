//! The city releases its joint report to the carriers: a period and the cut-off that
//! fixes its figures (as far as [`crate::report`] says they are fixed). A carrier's
//! caseworker may then read that joint report — the same period with the same
//! cut-off — and no other.

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, TenantTx};

use crate::Programmes;
use crate::access::Access;
use crate::entity::release;
use crate::report::check_period;

/// A released joint report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    /// Id.
    pub id: Uuid,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The cut-off that fixes its figures.
    pub cut_off: DateTime<Utc>,
    /// When it was released.
    pub released_at: DateTime<Utc>,
}

fn view(r: release::Model) -> Release {
    Release {
        id: r.id,
        from: r.from_on,
        to: r.to_on,
        cut_off: r.cut_off,
        released_at: r.released_at,
    }
}

/// Whether the joint report for `from..=to` as of `cut_off` was released (one
/// statement).
pub(crate) async fn released(
    tx: &TenantTx,
    from: NaiveDate,
    to: NaiveDate,
    cut_off: DateTime<Utc>,
) -> Result<bool> {
    Ok(tx
        .find::<release::Entity>()
        .filter(release::Column::FromOn.eq(from))
        .filter(release::Column::ToOn.eq(to))
        .all(tx.conn())
        .await?
        .iter()
        .any(|r| r.cut_off == cut_off.trunc_subsecs(6)))
}

impl Programmes {
    /// Releases the city's joint report for `from..=to` as of `cut_off` to its
    /// carriers (city coordinators). Releasing it again is `CONFLICT`.
    pub async fn release_joint_report(
        &self,
        ctx: &Ctx,
        from: NaiveDate,
        to: NaiveDate,
        cut_off: DateTime<Utc>,
    ) -> Result<Release> {
        let access = Access::of(ctx)?;
        access.require_coordinator()?;
        check_period(from, to)?;
        if cut_off > Utc::now() {
            return Err(Error::bad_input("cutOff", "must not lie in the future"));
        }
        if to > cut_off.date_naive() {
            return Err(Error::bad_input(
                "to",
                "must not lie after the cut-off's day",
            ));
        }
        // Stored as the database keeps it, so the carrier's request matches exactly.
        let cut_off = cut_off.trunc_subsecs(6);
        let tx = self.db.begin_tenant(access.tenant).await?;
        if released(&tx, from, to, cut_off).await? {
            return Err(Error::Conflict {
                message: "this report is released already".into(),
            });
        }
        let row = release::Entity::secure_insert(
            &tx,
            release::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                from_on: Set(from),
                to_on: Set(to),
                cut_off: Set(cut_off),
                released_by: Set(access.user.uuid()),
                released_at: Set(Utc::now()),
            },
        )
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("report_release", row.id, "release", &["period", "cut_off"]),
        )
        .await?;
        tx.commit().await?;
        Ok(view(row))
    }

    /// The city's released joint reports, newest first (city staff and carriers).
    pub async fn released_reports(&self, ctx: &Ctx) -> Result<Vec<Release>> {
        let access = Access::of(ctx)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let rows = tx
            .find::<release::Entity>()
            .order_by_desc(release::Column::ReleasedAt)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(view).collect())
    }
}
