//! Who is responsible for a case, and how far a caseworker's reach goes: the city
//! caseworker named on a household, and each organisation's own-cases setting (see
//! [`crate::access`]).

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;
use wohnweg_identity::directory;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{Ctx, Error, OrganisationId, Result, Role, TenantTx, UserId};

use crate::Casework;
use crate::access::Access;
use crate::entity::{household, visibility};
use crate::model::{HouseholdView, Visibility, Want};
use crate::read::find_household_for_write;
use crate::write::{bump, closed_check};

const STALE: &str = "the setting was changed by someone else; reload and try again";

async fn load(tx: &TenantTx, org: OrganisationId) -> Result<Visibility> {
    let row = tx
        .find::<visibility::Entity>()
        .filter(visibility::Column::OrganisationId.eq(org.uuid()))
        .one(tx.conn())
        .await?;
    Ok(Visibility {
        organisation: org,
        own_cases_only: row.as_ref().is_some_and(|r| r.own_cases_only),
        version: row.map_or(0, |r| r.version),
    })
}

impl Casework {
    /// Names (or clears) the household's responsible city caseworker (city staff). The
    /// person named must be an active city caseworker or coordinator of the tenant.
    /// Returns the household with `want`, read in the same transaction: a caseworker who
    /// hands a case on under the own-cases setting no longer reaches it afterwards.
    pub async fn set_city_caseworker(
        &self,
        ctx: &Ctx,
        household_id: Uuid,
        version: i32,
        caseworker: Option<UserId>,
        want: Want,
    ) -> Result<HouseholdView> {
        let access = Access::of(ctx)?;
        access.require_city()?;
        crate::read::check_want(&access, want)?;
        let tx = self.db.begin_tenant(access.tenant).await?;
        let h = find_household_for_write(&tx, &access, household_id).await?;
        closed_check(&h)?;
        if let Some(cw) = caseworker
            && !directory::has_any_role(&tx, cw, &[Role::CityCaseworker, Role::CityCoordinator])
                .await?
        {
            return Err(Error::bad_input(
                "caseworkerId",
                "is not an active city caseworker",
            ));
        }
        bump(&tx, h.id, Some(version), |q| {
            q.col_expr(
                household::Column::CityCaseworker,
                Expr::value(caseworker.map(UserId::uuid)),
            )
        })
        .await?;
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("household", h.id, "set_caseworker", &["city_caseworker"]),
        )
        .await?;
        let row = tx
            .find::<household::Entity>()
            .filter(household::Column::Id.eq(h.id))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "household",
            })?;
        let mut views = crate::read::load(&tx, ctx, &access, vec![row], want, None).await?;
        tx.commit().await?;
        views.pop().ok_or(Error::NotFound {
            entity: "household",
        })
    }

    /// An organisation's own-cases setting: a city administrator for any organisation
    /// of the tenant, a carrier administrator for its own.
    pub async fn visibility(&self, ctx: &Ctx, org: OrganisationId) -> Result<Visibility> {
        let tenant = may_set(ctx, org)?;
        let tx = self.db.begin_tenant(tenant).await?;
        if directory::organisation(&tx, org).await?.is_none() {
            return Err(Error::NotFound {
                entity: "organisation",
            });
        }
        let v = load(&tx, org).await?;
        tx.commit().await?;
        Ok(v)
    }

    /// Changes an organisation's own-cases setting (audited). `version` is 0 while the
    /// default (the organisation's cases) applies.
    pub async fn set_visibility(
        &self,
        ctx: &Ctx,
        org: OrganisationId,
        version: i32,
        own_cases_only: bool,
    ) -> Result<Visibility> {
        let tenant = may_set(ctx, org)?;
        let tx = self.db.begin_tenant(tenant).await?;
        if directory::organisation(&tx, org).await?.is_none() {
            return Err(Error::NotFound {
                entity: "organisation",
            });
        }
        let current = tx
            .find::<visibility::Entity>()
            .filter(visibility::Column::OrganisationId.eq(org.uuid()))
            .one(tx.conn())
            .await?;
        let id = match current {
            None if version == 0 => {
                visibility::Entity::secure_insert(
                    &tx,
                    visibility::ActiveModel {
                        tenant_id: Set(Uuid::nil()),
                        id: Set(Uuid::now_v7()),
                        organisation_id: Set(org.uuid()),
                        own_cases_only: Set(own_cases_only),
                        version: Set(1),
                        updated_at: Set(Utc::now()),
                    },
                )
                .await
                .map_err(|_| Error::Conflict {
                    message: STALE.into(),
                })?
                .id
            }
            Some(row) if row.version == version => {
                let res = visibility::Entity::secure_update_many(&tx)
                    .col_expr(
                        visibility::Column::OwnCasesOnly,
                        Expr::value(own_cases_only),
                    )
                    .col_expr(
                        visibility::Column::Version,
                        Expr::value(version.saturating_add(1)),
                    )
                    .col_expr(visibility::Column::UpdatedAt, Expr::value(Utc::now()))
                    .filter(visibility::Column::Id.eq(row.id))
                    .filter(visibility::Column::Version.eq(version))
                    .exec(tx.conn())
                    .await?;
                if res.rows_affected != 1 {
                    return Err(Error::Conflict {
                        message: STALE.into(),
                    });
                }
                row.id
            }
            _ => {
                return Err(Error::Conflict {
                    message: STALE.into(),
                });
            }
        };
        audit::append(
            &tx,
            ctx,
            &AuditEntry::new("case_visibility", id, "update", &["own_cases_only"]),
        )
        .await?;
        let v = load(&tx, org).await?;
        tx.commit().await?;
        Ok(v)
    }
}

/// A city administrator may set any organisation's; a carrier administrator its own.
/// Another organisation looks missing to a carrier administrator.
fn may_set(ctx: &Ctx, org: OrganisationId) -> Result<wohnweg_kernel::TenantId> {
    let tenant = ctx.tenant()?;
    let p = ctx.principal();
    if p.has_role(Role::CityAdmin) {
        return Ok(tenant);
    }
    if p.has_role(Role::CarrierAdmin) {
        return if p.organisation == Some(org) {
            Ok(tenant)
        } else {
            Err(Error::NotFound {
                entity: "organisation",
            })
        };
    }
    Err(Error::Forbidden)
}
