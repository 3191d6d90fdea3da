//! Creating tenants, organisations and users outside a request: demo data, tests and
//! the CLI. Inputs are domain types, so they are valid; the checks here are the
//! cross-record rules (a carrier's users hold only carrier roles, and so on).

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, DbErr, QueryFilter, QueryOrder, SqlErr};
use wohnweg_kernel::scoped::{ReferenceTable, TenantScoped};
use wohnweg_kernel::{Cache, Db, Error, OrganisationId, Result, Role, TenantId, UserId};

use crate::entity::{organisation, platform_user, role_grant, tenant, user};
use crate::service::{
    OrganisationView, TenantView, organisation_view, tenant_cache_key, tenant_view,
};
use crate::types::{DisplayName, Email, FederalState, OrganisationKind, Slug};

/// A user to create in a tenant.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Their organisation (in the same tenant).
    pub organisation: OrganisationId,
    /// Name.
    pub display_name: DisplayName,
    /// E-mail, unique in the tenant.
    pub email: Email,
    /// Roles: tenant roles only; carrier roles exactly for carrier organisations.
    pub roles: Vec<Role>,
}

/// Provisioning API. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Provisioning {
    db: Db,
    cache: Cache,
}

fn conflict_on_unique(err: DbErr, what: &'static str) -> Error {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => Error::Conflict {
            message: format!("{what} already exists").into(),
        },
        _ => Error::from(err),
    }
}

impl Provisioning {
    /// Provisioning over `db`; `cache` is invalidated on tenant changes.
    #[must_use]
    pub fn new(db: Db, cache: Cache) -> Self {
        Self { db, cache }
    }

    /// Creates a tenant. `CONFLICT` if the slug is taken.
    pub async fn create_tenant(
        &self,
        slug: &Slug,
        name: &DisplayName,
        state: FederalState,
    ) -> Result<TenantId> {
        let id = TenantId::new();
        tenant::Entity::global_insert(
            self.db.raw(),
            tenant::ActiveModel {
                id: Set(id.uuid()),
                slug: Set(slug.as_str().to_owned()),
                name: Set(name.as_str().to_owned()),
                state: Set(state.as_str().to_owned()),
                default_locale: Set("de".to_owned()),
                active: Set(true),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await
        .map_err(|e| unique_to_conflict(e, "tenant slug"))?;
        self.cache.delete(&tenant_cache_key(id)).await;
        Ok(id)
    }

    /// A tenant by slug.
    pub async fn tenant_by_slug(&self, slug: &Slug) -> Result<Option<TenantView>> {
        Ok(tenant::Entity::global_find()
            .filter(tenant::Column::Slug.eq(slug.as_str()))
            .one(self.db.raw())
            .await?
            .map(tenant_view))
    }

    /// Creates an organisation in `tenant`. `CONFLICT` if the slug is taken there.
    pub async fn create_organisation(
        &self,
        tenant: TenantId,
        slug: &Slug,
        name: &DisplayName,
        kind: OrganisationKind,
    ) -> Result<OrganisationId> {
        let id = OrganisationId::new();
        let tx = self.db.begin_tenant(tenant).await?;
        organisation::Entity::secure_insert(
            &tx,
            organisation::ActiveModel {
                tenant_id: Set(tenant.uuid()),
                id: Set(id.uuid()),
                slug: Set(slug.as_str().to_owned()),
                name: Set(name.as_str().to_owned()),
                kind: Set(kind.as_str().to_owned()),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await
        .map_err(|e| unique_to_conflict(e, "organisation slug"))?;
        tx.commit().await?;
        Ok(id)
    }

    /// An organisation of `tenant` by slug.
    pub async fn organisation_by_slug(
        &self,
        tenant: TenantId,
        slug: &Slug,
    ) -> Result<Option<OrganisationView>> {
        let tx = self.db.begin_tenant(tenant).await?;
        let org = tx
            .find::<organisation::Entity>()
            .filter(organisation::Column::Slug.eq(slug.as_str()))
            .one(tx.conn())
            .await?;
        tx.commit().await?;
        org.map(organisation_view).transpose()
    }

    /// Creates a user with role grants, in one transaction.
    pub async fn create_user(&self, tenant: TenantId, new: &NewUser) -> Result<UserId> {
        if new.roles.is_empty() {
            return Err(Error::bad_input("roles", "at least one role is required"));
        }
        if new.roles.iter().any(|r| !r.is_tenant_role()) {
            return Err(Error::bad_input(
                "roles",
                "platform roles cannot be granted inside a tenant",
            ));
        }
        let id = UserId::new();
        let tx = self.db.begin_tenant(tenant).await?;
        let org = tx
            .find::<organisation::Entity>()
            .filter(organisation::Column::Id.eq(new.organisation.uuid()))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound {
                entity: "organisation",
            })?;
        let is_carrier = OrganisationKind::from_code(&org.kind) == Some(OrganisationKind::Carrier);
        if new.roles.iter().any(|r| r.is_carrier_role() != is_carrier) {
            return Err(Error::bad_input(
                "roles",
                "carrier organisations hold carrier roles only, city departments city roles only",
            ));
        }
        let now = Utc::now();
        user::Entity::secure_insert(
            &tx,
            user::ActiveModel {
                tenant_id: Set(tenant.uuid()),
                id: Set(id.uuid()),
                organisation_id: Set(org.id),
                display_name: Set(new.display_name.as_str().to_owned()),
                email: Set(new.email.as_str().to_owned()),
                active: Set(true),
                version: Set(1),
                created_at: Set(now),
            },
        )
        .await
        .map_err(|e| unique_to_conflict(e, "user e-mail"))?;
        for role in &new.roles {
            role_grant::Entity::secure_insert(
                &tx,
                role_grant::ActiveModel {
                    tenant_id: Set(tenant.uuid()),
                    user_id: Set(id.uuid()),
                    role: Set(role.as_str().to_owned()),
                    granted_at: Set(now),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Creates a platform user (operator or state officer).
    pub async fn create_platform_user(
        &self,
        display_name: &DisplayName,
        email: &Email,
        role: Role,
    ) -> Result<UserId> {
        if role.is_tenant_role() {
            return Err(Error::bad_input(
                "role",
                "platform users hold platform_operator or state_officer",
            ));
        }
        let id = UserId::new();
        platform_user::Entity::global_insert(
            self.db.raw(),
            platform_user::ActiveModel {
                id: Set(id.uuid()),
                display_name: Set(display_name.as_str().to_owned()),
                email: Set(email.as_str().to_owned()),
                role: Set(role.as_str().to_owned()),
                active: Set(true),
                version: Set(1),
                created_at: Set(Utc::now()),
            },
        )
        .await
        .map_err(|e| unique_to_conflict(e, "platform user e-mail"))?;
        Ok(id)
    }

    /// Whether any tenant exists (demo seeding runs only on an empty database).
    pub async fn has_tenants(&self) -> Result<bool> {
        Ok(tenant::Entity::global_find()
            .one(self.db.raw())
            .await?
            .is_some())
    }

    /// Finds the user a development token should be issued for: in `tenant` (by slug;
    /// none for platform roles), holding `role`, optionally in organisation `org` and
    /// with display name `name`. The first match by creation order.
    pub async fn find_token_subject(
        &self,
        tenant: Option<&Slug>,
        role: Role,
        org: Option<&Slug>,
        name: Option<&str>,
    ) -> Result<(UserId, Option<TenantId>)> {
        if !role.is_tenant_role() {
            if tenant.is_some() || org.is_some() {
                return Err(Error::bad_input(
                    "tenant",
                    "platform roles belong to no tenant or organisation",
                ));
            }
            let mut q = platform_user::Entity::global_find()
                .filter(platform_user::Column::Role.eq(role.as_str()))
                .filter(platform_user::Column::Active.eq(true));
            if let Some(name) = name {
                q = q.filter(platform_user::Column::DisplayName.eq(name));
            }
            let u = q
                .order_by_asc(platform_user::Column::Id)
                .one(self.db.raw())
                .await?
                .ok_or(Error::NotFound { entity: "user" })?;
            return Ok((UserId::from_uuid(u.id), None));
        }
        let slug = tenant.ok_or_else(|| Error::bad_input("tenant", "required for this role"))?;
        let t = self
            .tenant_by_slug(slug)
            .await?
            .ok_or(Error::NotFound { entity: "tenant" })?;
        let org_id = match org {
            Some(org) => Some(
                self.organisation_by_slug(t.id, org)
                    .await?
                    .ok_or(Error::NotFound {
                        entity: "organisation",
                    })?
                    .id,
            ),
            None => None,
        };
        let tx = self.db.begin_tenant(t.id).await?;
        let holders: Vec<uuid::Uuid> = tx
            .find::<role_grant::Entity>()
            .filter(role_grant::Column::Role.eq(role.as_str()))
            .all(tx.conn())
            .await?
            .into_iter()
            .map(|g| g.user_id)
            .collect();
        let mut q = tx
            .find::<user::Entity>()
            .filter(user::Column::Id.is_in(holders))
            .filter(user::Column::Active.eq(true));
        if let Some(org_id) = org_id {
            q = q.filter(user::Column::OrganisationId.eq(org_id.uuid()));
        }
        if let Some(name) = name {
            q = q.filter(user::Column::DisplayName.eq(name));
        }
        let u = q.order_by_asc(user::Column::Id).one(tx.conn()).await?;
        tx.commit().await?;
        let u = u.ok_or(Error::NotFound { entity: "user" })?;
        Ok((UserId::from_uuid(u.id), Some(t.id)))
    }
}

fn unique_to_conflict(err: Error, what: &'static str) -> Error {
    match err {
        Error::Internal(source) => match source.downcast::<DbErr>() {
            Ok(db_err) => conflict_on_unique(*db_err, what),
            Err(other) => Error::Internal(other),
        },
        other => other,
    }
}
