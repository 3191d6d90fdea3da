//! Aftercare (*Nachbetreuung*) and the tenant's casework settings. Moving a case to
//! `moved_out` schedules the follow-ups the tenant configured (months after the move);
//! each follow-up records an outcome, and "at risk" opens tenancy coaching
//! (*Wohnungscoaching*) on the household until a later follow-up finds it stable.

use chrono::{Months, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, Result, Role, TenantTx};

use crate::Casework;
use crate::access::Access;
use crate::entity::{followup, settings};
use crate::model::{FollowUpInput, FollowUpView, Settings};
use crate::read::{find_household_for_write, followup_view};
use crate::types::{FollowUpOutcome, Text, date_in_range};

/// The tenant's settings, or the defaults.
pub(crate) async fn load_settings(tx: &TenantTx) -> Result<Settings> {
    let Some(row) = tx.find::<settings::Entity>().one(tx.conn()).await? else {
        return Ok(Settings::default());
    };
    let months = row
        .aftercare_months
        .split(',')
        .filter(|m| !m.is_empty())
        .map(|m| {
            m.parse::<u32>()
                .map_err(|_| Error::internal(std::io::Error::other("bad stored aftercare months")))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Settings {
        aftercare_months: months,
        retention_years: u32::try_from(row.retention_years).unwrap_or(0),
        version: row.version,
    })
}

/// Schedules the follow-ups of a move on `moved_on`; returns their ids for the audit.
pub(crate) async fn schedule(
    tx: &TenantTx,
    household_id: Uuid,
    moved_on: NaiveDate,
) -> Result<Vec<Uuid>> {
    let settings = load_settings(tx).await?;
    let mut ids = Vec::new();
    for m in settings.aftercare_months {
        let due = moved_on
            .checked_add_months(Months::new(m))
            .unwrap_or(moved_on);
        let row = followup::Entity::secure_insert(
            tx,
            followup::ActiveModel {
                tenant_id: Set(Uuid::nil()),
                id: Set(Uuid::now_v7()),
                household_id: Set(household_id),
                due_on: Set(due),
                months: Set(i32::try_from(m).unwrap_or(i32::MAX)),
                outcome: Set(None),
                risk: Set(None),
                notes: Set(None),
                recorded_on: Set(None),
                recorded_by: Set(None),
                version: Set(1),
            },
        )
        .await?;
        ids.push(row.id);
    }
    Ok(ids)
}

/// Validates a settings change.
pub fn check_settings(aftercare_months: &[i32], retention_years: i32) -> Result<(Vec<u32>, u32)> {
    if aftercare_months.is_empty() || aftercare_months.len() > 8 {
        return Err(Error::bad_input("aftercareMonths", "give 1–8 intervals"));
    }
    let mut months = Vec::with_capacity(aftercare_months.len());
    for m in aftercare_months {
        match u32::try_from(*m) {
            Ok(v @ 1..=36) if !months.contains(&v) => months.push(v),
            _ => {
                return Err(Error::bad_input(
                    "aftercareMonths",
                    "each interval must be 1–36 months, without repeats",
                ));
            }
        }
    }
    months.sort_unstable();
    let years = match u32::try_from(retention_years) {
        Ok(y @ 1..=30) => y,
        _ => return Err(Error::bad_input("retentionYears", "must be 1–30 years")),
    };
    Ok((months, years))
}

impl Casework {
    /// The tenant's casework settings (city staff and city administrators).
    pub async fn settings(&self, ctx: &Ctx) -> Result<Settings> {
        let tenant = ctx.tenant()?;
        let p = ctx.principal();
        if !(p.has_role(Role::CityAdmin) || Access::of(ctx).is_ok_and(|a| a.is_city())) {
            return Err(Error::Forbidden);
        }
        let tx = self.db.begin_tenant(tenant).await?;
        let s = load_settings(&tx).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Changes the tenant's settings (`city_admin`). `version` is 0 while the defaults
    /// apply.
    pub async fn update_settings(
        &self,
        ctx: &Ctx,
        version: i32,
        aftercare_months: &[i32],
        retention_years: i32,
    ) -> Result<Settings> {
        let tenant = ctx.tenant()?;
        if !ctx.principal().has_role(Role::CityAdmin) {
            return Err(Error::Forbidden);
        }
        let (months, years) = check_settings(aftercare_months, retention_years)?;
        let stored_months = months
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let tx = self.db.begin_tenant(tenant).await?;
        let current = tx.find::<settings::Entity>().one(tx.conn()).await?;
        let id = match current {
            None if version == 0 => {
                let row = settings::Entity::secure_insert(
                    &tx,
                    settings::ActiveModel {
                        tenant_id: Set(Uuid::nil()),
                        id: Set(Uuid::now_v7()),
                        aftercare_months: Set(stored_months),
                        retention_years: Set(i32::try_from(years).unwrap_or(30)),
                        version: Set(1),
                        updated_at: Set(Utc::now()),
                    },
                )
                .await
                .map_err(|_| Error::Conflict {
                    message: "the settings were changed by someone else; reload and try again"
                        .into(),
                })?;
                row.id
            }
            Some(row) if row.version == version => {
                let res = settings::Entity::secure_update_many(&tx)
                    .col_expr(
                        settings::Column::AftercareMonths,
                        Expr::value(stored_months),
                    )
                    .col_expr(
                        settings::Column::RetentionYears,
                        Expr::value(i32::try_from(years).unwrap_or(30)),
                    )
                    .col_expr(
                        settings::Column::Version,
                        Expr::value(version.saturating_add(1)),
                    )
                    .col_expr(settings::Column::UpdatedAt, Expr::value(Utc::now()))
                    .filter(settings::Column::Id.eq(row.id))
                    .filter(settings::Column::Version.eq(version))
                    .exec(tx.conn())
                    .await?;
                if res.rows_affected != 1 {
                    return Err(Error::Conflict {
                        message: "the settings were changed by someone else; reload and try again"
                            .into(),
                    });
                }
                row.id
            }
            _ => {
                return Err(Error::Conflict {
                    message: "the settings were changed by someone else; reload and try again"
                        .into(),
                });
            }
        };
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new(
                "casework_settings",
                id,
                "update",
                &["aftercare_months", "retention_years"],
            ),
        )
        .await?;
        let s = load_settings(&tx).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Records the outcome of a follow-up. "At risk" needs a risk and opens tenancy
    /// coaching; any other outcome closes it.
    pub async fn record_follow_up(
        &self,
        ctx: &Ctx,
        id: Uuid,
        version: i32,
        input: FollowUpInput,
    ) -> Result<FollowUpView> {
        let access = Access::of(ctx)?;
        access.require_casework()?;
        date_in_range(
            "input.recordedOn",
            input.recorded_on,
            Utc::now().date_naive(),
            0,
        )?;
        if matches!(
            input.outcome,
            FollowUpOutcome::ReturnedToShelter | FollowUpOutcome::Cancelled
        ) {
            return Err(Error::bad_input(
                "input.outcome",
                "a return is recorded with recordReturnToShelter, which gives the household a \
                 place again, reopens its case and records this outcome",
            ));
        }
        match (input.outcome, input.risk) {
            (FollowUpOutcome::AtRisk, None) => {
                return Err(Error::bad_input(
                    "input.risk",
                    "name what puts the tenancy at risk",
                ));
            }
            (o, Some(_)) if o != FollowUpOutcome::AtRisk => {
                return Err(Error::bad_input(
                    "input.risk",
                    "only an at-risk tenancy has a risk",
                ));
            }
            _ => {}
        }
        let tx = self.db.begin_tenant(access.tenant).await?;
        let f = tx
            .find::<followup::Entity>()
            .filter(followup::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "follow-up",
            })?;
        let h = find_household_for_write(&tx, &access, f.household_id)
            .await
            .map_err(|_| Error::NotFound {
                entity: "follow-up",
            })?;
        crate::write::closed_check(&h)?;
        // Not before the move the follow-up belongs to.
        let moved_on = f
            .due_on
            .checked_sub_months(Months::new(u32::try_from(f.months).unwrap_or(0)))
            .unwrap_or(f.due_on);
        if input.recorded_on < moved_on {
            return Err(Error::bad_input(
                "input.recordedOn",
                "must not lie before the move",
            ));
        }
        let res = followup::Entity::secure_update_many(&tx)
            .col_expr(followup::Column::Outcome, Expr::value(input.outcome.code()))
            .col_expr(
                followup::Column::Risk,
                Expr::value(input.risk.map(|r| r.code())),
            )
            .col_expr(
                followup::Column::Notes,
                Expr::value(input.notes.map(Text::into_string)),
            )
            .col_expr(followup::Column::RecordedOn, Expr::value(input.recorded_on))
            .col_expr(
                followup::Column::RecordedBy,
                Expr::value(access.user.uuid()),
            )
            .col_expr(
                followup::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(followup::Column::Id.eq(id))
            .filter(followup::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected != 1 {
            return Err(Error::stale("follow-up"));
        }
        // Coaching follows the latest follow-up (by due date) that has an outcome, so
        // a late record of an earlier one does not overrule a newer finding.
        let latest = tx
            .find::<followup::Entity>()
            .filter(followup::Column::HouseholdId.eq(f.household_id))
            .filter(followup::Column::Outcome.is_not_null())
            .order_by_desc(followup::Column::DueOn)
            .one(tx.conn())
            .await?;
        let outcome = latest.as_ref().and_then(|l| l.outcome.as_deref());
        let at_risk = if outcome == Some(FollowUpOutcome::AtRisk.code()) {
            latest
                .as_ref()
                .and_then(|l| l.risk.as_deref())
                .and_then(crate::types::TenancyRisk::from_code)
                .or(Some(crate::types::TenancyRisk::Other))
        } else {
            None
        };
        // Only the newest finding moves coaching: recording an earlier follow-up late
        // neither opens nor ends a period (nor one staff started since).
        if latest.as_ref().is_some_and(|l| l.id == id) {
            crate::coaching::follow(
                &tx,
                ctx,
                f.household_id,
                at_risk,
                outcome == Some(FollowUpOutcome::Stable.code()),
                input.recorded_on,
            )
            .await?;
        }
        audit::append_many(
            &tx,
            ctx,
            &[AuditEntry::new(
                "aftercare_followup",
                id,
                "record",
                &["outcome", "risk", "notes", "recorded_on"],
            )],
        )
        .await?;
        let row = tx
            .find::<followup::Entity>()
            .filter(followup::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "follow-up",
            })?;
        tx.commit().await?;
        followup_view(&row, Utc::now().date_naive())
    }
}
