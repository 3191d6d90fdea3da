//! The city releases its joint report to the carriers: a period and the cut-off. The
//! release keeps the report's figures as they were counted then, so the released
//! report reads the same ever after — even where an entry that carries only the day
//! it is about (a follow-up, a return, a course result) is back-dated later. A
//! carrier's caseworker may then read that joint report — the same period with the
//! same cut-off — and no other; city staff asking for it read the kept figures too.

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
use crate::report::{Figure, Report, Scope, check_period, compute, load, section};

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

/// The release of the joint report for `from..=to` as of `cut_off`, if any (one
/// statement).
pub(crate) async fn find(
    tx: &TenantTx,
    from: NaiveDate,
    to: NaiveDate,
    cut_off: DateTime<Utc>,
) -> Result<Option<release::Model>> {
    Ok(tx
        .find::<release::Entity>()
        .filter(release::Column::FromOn.eq(from))
        .filter(release::Column::ToOn.eq(to))
        .all(tx.conn())
        .await?
        .into_iter()
        .find(|r| r.cut_off == cut_off.trunc_subsecs(6)))
}

/// What a release keeps of a report.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    scope_name: String,
    sections: Vec<KeptSection>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct KeptSection {
    key: String,
    figures: Vec<Figure>,
}

fn freeze(r: &Report) -> Result<String> {
    serde_json::to_string(&Kept {
        scope_name: r.scope_name.clone(),
        sections: r
            .sections
            .iter()
            .map(|s| KeptSection {
                key: s.key.to_owned(),
                figures: s.figures.clone(),
            })
            .collect(),
    })
    .map_err(Error::internal)
}

/// The joint report as `r` kept it.
pub(crate) fn thaw(r: &release::Model) -> Result<Report> {
    let kept: Kept =
        serde_json::from_str(r.figures.as_deref().unwrap_or_default()).map_err(Error::internal)?;
    let sections = kept
        .sections
        .into_iter()
        .map(|s| {
            section(&s.key, s.figures).ok_or_else(|| {
                Error::internal(std::io::Error::other(format!(
                    "a kept report names section {:?}",
                    s.key
                )))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Report {
        from: r.from_on,
        to: r.to_on,
        cut_off: r.cut_off,
        scope: Scope::City,
        scope_name: kept.scope_name,
        sections,
        released_at: Some(r.released_at),
    })
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
        if find(&tx, from, to, cut_off).await?.is_some() {
            return Err(Error::Conflict {
                message: "this report is released already".into(),
            });
        }
        let (name, facts) = load(&tx, Scope::City).await?;
        let figures = freeze(&compute(&facts, Scope::City, &name, from, to, cut_off))?;
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
                figures: Set(Some(figures)),
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
