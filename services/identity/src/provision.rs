//! Creating tenants, organisations and users outside a request: demo data, tests and
//! the CLI. The same building blocks as the admin API (the crate's `store`), without a
//! principal and therefore without audit entries; never reachable from the API.

use std::str::FromStr;

use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use wohnweg_kernel::scoped::ReferenceTable;
use wohnweg_kernel::{Cache, Db, Error, OrganisationId, Result, Role, TenantId, UserId};

use crate::entity::{organisation, platform_user, role_grant, tenant, user};
use crate::service::{
    OrganisationView, TenantView, organisation_view, tenant_cache_key, tenant_view,
};
pub use crate::store::NewUser;
use crate::store::{insert_organisation, insert_platform_user, insert_tenant, insert_user};
use crate::types::{DisplayName, Email, FederalState, Locale, OrganisationKind, Slug};

/// One user in the demo directory.
#[derive(Clone, Debug)]
pub struct DirectoryEntry {
    /// Tenant.
    pub tenant: TenantId,
    /// Tenant name.
    pub tenant_name: String,
    /// User.
    pub user: UserId,
    /// Name.
    pub display_name: String,
    /// Organisation.
    pub organisation: OrganisationId,
    /// Organisation name.
    pub organisation_name: String,
    /// Roles.
    pub roles: std::collections::BTreeSet<Role>,
}

/// Provisioning API. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Provisioning {
    db: Db,
    cache: Cache,
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
        let t = insert_tenant(
            self.db.raw(),
            TenantId::new(),
            slug,
            name,
            state,
            Locale::De,
        )
        .await?;
        let id = TenantId::from_uuid(t.id);
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
        let tx = self.db.begin_tenant(tenant).await?;
        let org = insert_organisation(&tx, slug, name, kind, None).await?;
        tx.commit().await?;
        Ok(OrganisationId::from_uuid(org.id))
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
        let tx = self.db.begin_tenant(tenant).await?;
        let u = insert_user(&tx, new).await?;
        tx.commit().await?;
        Ok(UserId::from_uuid(u.id))
    }

    /// Creates a platform user (operator or state officer).
    pub async fn create_platform_user(
        &self,
        display_name: &DisplayName,
        email: &Email,
        role: Role,
    ) -> Result<UserId> {
        let u = insert_platform_user(self.db.raw(), display_name, email, role).await?;
        Ok(UserId::from_uuid(u.id))
    }

    /// The active platform users — operators and state officers — whose e-mail ends
    /// in `@…<email_domain>` (the demo sign-in page lists them), by name, with their
    /// role.
    pub async fn platform_directory(
        &self,
        email_domain: &str,
    ) -> Result<Vec<(UserId, String, Role)>> {
        let suffix = format!(".{email_domain}");
        Ok(platform_user::Entity::global_find()
            .filter(platform_user::Column::Active.eq(true))
            .order_by_asc(platform_user::Column::DisplayName)
            .all(self.db.raw())
            .await?
            .into_iter()
            .filter(|u| {
                u.email
                    .rsplit_once('@')
                    .is_some_and(|(_, d)| d == email_domain || d.ends_with(&suffix))
            })
            .filter_map(|u| {
                let role = Role::from_str(&u.role).ok()?;
                Some((UserId::from_uuid(u.id), u.display_name, role))
            })
            .collect())
    }

    /// Every active user whose e-mail ends in `@…<email_domain>`, in every tenant, with
    /// organisation and roles — for the demo sign-in page, which lists only the demo
    /// users (demo mode only; never reachable from the API).
    pub async fn directory(&self, email_domain: &str) -> Result<Vec<DirectoryEntry>> {
        let tenants = tenant::Entity::global_find()
            .filter(tenant::Column::Active.eq(true))
            .order_by_asc(tenant::Column::Slug)
            .all(self.db.raw())
            .await?;
        let mut out = Vec::new();
        for t in tenants {
            let tenant_id = TenantId::from_uuid(t.id);
            let tx = self.db.begin_tenant(tenant_id).await?;
            let orgs = tx.find::<organisation::Entity>().all(tx.conn()).await?;
            let users = tx
                .find::<user::Entity>()
                .filter(user::Column::Active.eq(true))
                .order_by_asc(user::Column::Id)
                .all(tx.conn())
                .await?;
            let grants = tx.find::<role_grant::Entity>().all(tx.conn()).await?;
            tx.commit().await?;
            let suffix = format!(".{email_domain}");
            for u in users.into_iter().filter(|u| {
                u.email
                    .rsplit_once('@')
                    .is_some_and(|(_, d)| d == email_domain || d.ends_with(&suffix))
            }) {
                let org = orgs.iter().find(|o| o.id == u.organisation_id);
                out.push(DirectoryEntry {
                    tenant: tenant_id,
                    tenant_name: t.name.clone(),
                    user: UserId::from_uuid(u.id),
                    display_name: u.display_name,
                    organisation: OrganisationId::from_uuid(u.organisation_id),
                    organisation_name: org.map(|o| o.name.clone()).unwrap_or_default(),
                    roles: crate::service::parse_roles(
                        grants
                            .iter()
                            .filter(|g| g.user_id == u.id)
                            .map(|g| g.role.as_str()),
                    ),
                });
            }
        }
        Ok(out)
    }

    /// Every tenant, active or not (jobs such as retention run for all of them).
    pub async fn tenant_ids(&self) -> Result<Vec<TenantId>> {
        Ok(tenant::Entity::global_find()
            .order_by_asc(tenant::Column::Slug)
            .all(self.db.raw())
            .await?
            .into_iter()
            .map(|t| TenantId::from_uuid(t.id))
            .collect())
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
