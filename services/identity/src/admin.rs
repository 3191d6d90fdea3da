//! Administration: tenants and platform users (operators), organisations, users and
//! role grants (city and carrier administrators).
//!
//! # The permission model
//!
//! Authorization is by *handle*: a resolver first asks [`Identity::platform_admin`] or
//! [`Identity::tenant_admin`] for a narrower handle, and only the handle has the
//! operations. A principal without the role gets `FORBIDDEN` when asking for the
//! handle, so a forgotten check cannot compile into an open door.
//!
//! | operation | platform_operator | city_admin | carrier_admin | city_caseworker, city_coordinator, carrier_caseworker, state_officer |
//! | --- | --- | --- | --- | --- |
//! | `viewer` | self | self | self | self |
//! | `tenants`, `createTenant`, `deactivateTenant`, `createPlatformUser` | platform | – | – | – |
//! | `organisations`, `users` | – | whole tenant | own organisation | – |
//! | `createOrganisation` | – | whole tenant | – | – |
//! | `inviteUser`, `deactivateUser`, `grantRole`, `revokeRole` | – | whole tenant, any tenant role | own organisation, carrier roles | – |
//! | `auditLog`, `verifyAuditChain` | – | whole tenant | – | – |
//!
//! Rules on top of the table:
//! - **Nobody grants a role they do not hold.** Holding is direct or through the admin
//!   role that dominates it: `city_admin` dominates every tenant role (a city admin
//!   must be able to staff a carrier), `carrier_admin` dominates the carrier roles.
//!   Platform roles are never granted inside a tenant.
//! - **Nobody changes their own roles or deactivates themselves** (no self-escalation,
//!   no self-lock-out): `FORBIDDEN`.
//! - A carrier organisation's users hold carrier roles only; a city department's users
//!   city roles only (`BAD_USER_INPUT`).
//! - Another tenant's id — or, for a carrier admin, another organisation's — behaves
//!   like an id that does not exist: `NOT_FOUND`.
//! - Every change is audited in the same transaction (names of the changed fields,
//!   never values). Deactivation and revocation take effect on the affected user's next
//!   request, because the principal is read from the database on every request.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::page::{Page, PageRequest};
use wohnweg_kernel::scoped::{ReferenceTable, TenantScoped};
use wohnweg_kernel::{
    Ctx, Error, OrganisationId, PrincipalKind, Result, Role, TenantId, TenantTx, UserId,
};

use crate::entity::{organisation, role_grant, tenant, user};
use crate::service::{
    Identity, OrganisationView, TenantView, organisation_view, parse_roles, tenant_cache_key,
    tenant_view,
};
use crate::store::{
    self, NewUser, find_organisation, insert_grant, insert_organisation, insert_platform_user,
    insert_tenant, kind_of, role_fits,
};
use crate::types::{Contact, DisplayName, Email, FederalState, Locale, OrganisationKind, Slug};

/// A staff user as administrators see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserView {
    /// Id.
    pub id: UserId,
    /// Organisation.
    pub organisation: OrganisationId,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// May sign in.
    pub active: bool,
    /// Current roles.
    pub roles: BTreeSet<Role>,
    /// Optimistic-concurrency version.
    pub version: i32,
}

/// A platform user as operators see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformUserView {
    /// Id.
    pub id: UserId,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// Operator or state officer.
    pub role: Role,
}

/// A new tenant.
#[derive(Clone, Debug)]
pub struct NewTenant {
    /// URL slug.
    pub slug: Slug,
    /// Name.
    pub name: DisplayName,
    /// Federal state.
    pub state: FederalState,
    /// Default UI locale.
    pub default_locale: Locale,
    /// The city's first department and administrator, created with it.
    pub first_admin: Option<FirstAdmin>,
}

/// The first department and administrator of a new city: without them nobody could
/// administer it.
#[derive(Clone, Debug)]
pub struct FirstAdmin {
    /// Department slug, e.g. `stadt`.
    pub department_slug: Slug,
    /// Department name.
    pub department_name: DisplayName,
    /// The administrator's name.
    pub display_name: DisplayName,
    /// Their e-mail (as known to the city's identity provider).
    pub email: Email,
}

/// A new organisation.
#[derive(Clone, Debug)]
pub struct NewOrganisation {
    /// Slug, unique in the tenant.
    pub slug: Slug,
    /// Name.
    pub name: DisplayName,
    /// Department or carrier.
    pub kind: OrganisationKind,
    /// Contact details.
    pub contact: Option<Contact>,
}

/// What a tenant administrator may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminScope {
    /// The whole tenant (`city_admin`).
    Tenant,
    /// One organisation (`carrier_admin`).
    Organisation(OrganisationId),
}

impl Identity {
    /// The platform-administration handle, or `FORBIDDEN`.
    pub fn platform_admin<'a>(&'a self, ctx: &'a Ctx) -> Result<PlatformAdmin<'a>> {
        let p = ctx.principal();
        if p.kind == PrincipalKind::PlatformUser && p.has_role(Role::PlatformOperator) {
            Ok(PlatformAdmin {
                identity: self,
                ctx,
            })
        } else {
            Err(Error::Forbidden)
        }
    }

    /// The tenant-administration handle, or `FORBIDDEN`.
    pub fn tenant_admin<'a>(&'a self, ctx: &'a Ctx) -> Result<TenantAdmin<'a>> {
        let p = ctx.principal();
        let tenant = ctx.tenant()?;
        let scope = if p.has_role(Role::CityAdmin) {
            AdminScope::Tenant
        } else if p.has_role(Role::CarrierAdmin) {
            AdminScope::Organisation(p.organisation.ok_or(Error::Forbidden)?)
        } else {
            return Err(Error::Forbidden);
        };
        Ok(TenantAdmin {
            identity: self,
            ctx,
            tenant,
            scope,
        })
    }
}

/// Operations of a platform operator.
#[derive(Debug)]
pub struct PlatformAdmin<'a> {
    identity: &'a Identity,
    ctx: &'a Ctx,
}

impl PlatformAdmin<'_> {
    /// Tenants in creation order.
    pub async fn tenants(&self, page: PageRequest) -> Result<Page<TenantView>> {
        let mut q = tenant::Entity::global_find().order_by_asc(tenant::Column::Id);
        let total = page.total(&q, self.identity.db.raw()).await?;
        if let Some(after) = page.after {
            q = q.filter(tenant::Column::Id.gt(after));
        }
        let rows = q.limit(page.first + 1).all(self.identity.db.raw()).await?;
        Ok(
            Page::from_overfetch(rows.into_iter().map(tenant_view).collect(), page)
                .with_total(total),
        )
    }

    /// Creates a tenant (audited), with its first department and administrator when
    /// given — all in one transaction, so a city never exists half-made.
    pub async fn create_tenant(&self, new: &NewTenant) -> Result<TenantView> {
        let id = TenantId::new();
        // A tenant transaction for the new tenant: on PostgreSQL its setting lets the
        // department and the administrator pass row-level security.
        let tx = self.identity.db.begin_tenant(id).await?;
        let t = insert_tenant(
            tx.conn(),
            id,
            &new.slug,
            &new.name,
            new.state,
            new.default_locale,
        )
        .await?;
        audit::append_platform(
            tx.conn(),
            self.ctx,
            &AuditEntry::new(
                "tenant",
                t.id,
                "create",
                &["slug", "name", "state", "default_locale"],
            ),
        )
        .await?;
        if let Some(first) = &new.first_admin {
            let org = insert_organisation(
                &tx,
                &first.department_slug,
                &first.department_name,
                OrganisationKind::CityDepartment,
                None,
            )
            .await?;
            let admin = store::insert_user(
                &tx,
                &NewUser {
                    organisation: OrganisationId::from_uuid(org.id),
                    display_name: first.display_name.clone(),
                    email: first.email.clone(),
                    roles: vec![Role::CityAdmin],
                },
            )
            .await?;
            for (entity, entity_id, fields) in [
                ("organisation", org.id, &["slug", "name", "kind"][..]),
                (
                    "user",
                    admin.id,
                    &["display_name", "email", "organisation_id", "roles"][..],
                ),
            ] {
                audit::append(
                    &tx,
                    self.ctx,
                    &AuditEntry {
                        entity,
                        entity_id,
                        action: "create",
                        fields,
                        purpose: None,
                    },
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(tenant_view(t))
    }

    /// Deactivates a tenant: its users can no longer sign in; nothing is deleted.
    /// `version` must be the one read (`CONFLICT` otherwise).
    pub async fn deactivate_tenant(&self, id: TenantId, version: i32) -> Result<TenantView> {
        let txn = self.identity.db.begin_global().await?;
        let res = tenant::Entity::global_update_many()
            .col_expr(tenant::Column::Active, Expr::value(false))
            .col_expr(
                tenant::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(tenant::Column::Id.eq(id.uuid()))
            .filter(tenant::Column::Version.eq(version))
            .exec(&txn)
            .await?;
        let current = tenant::Entity::global_find()
            .filter(tenant::Column::Id.eq(id.uuid()))
            .one(&txn)
            .await?
            .ok_or(Error::NotFound { entity: "tenant" })?;
        if res.rows_affected == 0 {
            return Err(stale("tenant"));
        }
        audit::append_platform(
            &txn,
            self.ctx,
            &AuditEntry::new("tenant", id.uuid(), "deactivate", &["active"]),
        )
        .await?;
        txn.commit().await?;
        self.identity.cache.delete(&tenant_cache_key(id)).await;
        Ok(tenant_view(current))
    }

    /// Creates a platform user: a state officer or another operator (audited).
    pub async fn create_platform_user(
        &self,
        display_name: &DisplayName,
        email: &Email,
        role: Role,
    ) -> Result<PlatformUserView> {
        let txn = self.identity.db.begin_global().await?;
        let u = insert_platform_user(&txn, display_name, email, role).await?;
        audit::append_platform(
            &txn,
            self.ctx,
            &AuditEntry::new(
                "platform_user",
                u.id,
                "create",
                &["display_name", "email", "role"],
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(PlatformUserView {
            id: UserId::from_uuid(u.id),
            display_name: u.display_name,
            email: u.email,
            role,
        })
    }
}

fn stale(entity: &'static str) -> Error {
    Error::Conflict {
        message: format!("the {entity} was changed by someone else; reload and retry").into(),
    }
}

/// Operations of a city or carrier administrator, within their scope.
#[derive(Debug)]
pub struct TenantAdmin<'a> {
    identity: &'a Identity,
    ctx: &'a Ctx,
    tenant: TenantId,
    scope: AdminScope,
}

impl TenantAdmin<'_> {
    /// Whether this administrator may grant `role` (see the module docs).
    #[must_use]
    pub fn may_grant(&self, role: Role) -> bool {
        match self.scope {
            AdminScope::Tenant => role.is_tenant_role(),
            AdminScope::Organisation(_) => role.is_carrier_role(),
        }
    }

    async fn begin(&self) -> Result<TenantTx> {
        self.identity.db.begin_tenant(self.tenant).await
    }

    fn org_in_scope(&self, org: OrganisationId) -> bool {
        match self.scope {
            AdminScope::Tenant => true,
            AdminScope::Organisation(own) => own == org,
        }
    }

    async fn audit(&self, tx: &TenantTx, entry: AuditEntry<'_>) -> Result<()> {
        audit::append(tx, self.ctx, &entry).await
    }

    /// A page of the tenant's audit log, newest first (city admins only).
    pub async fn audit_log(
        &self,
        filter: &audit::AuditFilter,
        page: PageRequest,
        before: Option<i64>,
    ) -> Result<Page<audit::tenant_log::Model>> {
        if self.scope != AdminScope::Tenant {
            return Err(Error::Forbidden);
        }
        let tx = self.begin().await?;
        let page = audit::page(&tx, filter, page, before).await?;
        tx.commit().await?;
        Ok(page)
    }

    /// Checks the tenant's audit hash chain (city admins only).
    pub async fn verify_audit_chain(&self) -> Result<audit::ChainReport> {
        if self.scope != AdminScope::Tenant {
            return Err(Error::Forbidden);
        }
        let tx = self.begin().await?;
        let report = audit::verify(&tx).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// Organisations in scope, in creation order.
    pub async fn organisations(&self, page: PageRequest) -> Result<Page<OrganisationView>> {
        let tx = self.begin().await?;
        let mut q = tx
            .find::<organisation::Entity>()
            .order_by_asc(organisation::Column::Id);
        if let AdminScope::Organisation(own) = self.scope {
            q = q.filter(organisation::Column::Id.eq(own.uuid()));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(organisation::Column::Id.gt(after));
        }
        let rows = q.limit(page.first + 1).all(tx.conn()).await?;
        tx.commit().await?;
        let views = rows
            .into_iter()
            .map(organisation_view)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_overfetch(views, page).with_total(total))
    }

    /// Creates an organisation (city admins only).
    pub async fn create_organisation(&self, new: &NewOrganisation) -> Result<OrganisationView> {
        if self.scope != AdminScope::Tenant {
            return Err(Error::Forbidden);
        }
        let tx = self.begin().await?;
        let org = insert_organisation(
            &tx,
            &new.slug,
            &new.name,
            new.kind,
            new.contact.as_ref().map(Contact::as_str),
        )
        .await?;
        let mut fields = vec!["slug", "name", "kind"];
        if new.contact.is_some() {
            fields.push("contact");
        }
        self.audit(
            &tx,
            AuditEntry::new("organisation", org.id, "create", &fields),
        )
        .await?;
        tx.commit().await?;
        organisation_view(org)
    }

    /// Users in scope (optionally of one organisation), in creation order, with their
    /// roles — two statements per page, whatever its size.
    pub async fn users(
        &self,
        page: PageRequest,
        organisation: Option<OrganisationId>,
    ) -> Result<Page<UserView>> {
        let tx = self.begin().await?;
        let mut q = tx.find::<user::Entity>().order_by_asc(user::Column::Id);
        if let AdminScope::Organisation(own) = self.scope {
            q = q.filter(user::Column::OrganisationId.eq(own.uuid()));
        }
        if let Some(org) = organisation {
            q = q.filter(user::Column::OrganisationId.eq(org.uuid()));
        }
        let total = page.total(&q, tx.conn()).await?;
        if let Some(after) = page.after {
            q = q.filter(user::Column::Id.gt(after));
        }
        let rows = q.limit(page.first + 1).all(tx.conn()).await?;
        let page_rows = Page::from_overfetch(rows, page);
        let ids: Vec<Uuid> = page_rows.items.iter().map(|u| u.id).collect();
        let grants = tx
            .find::<role_grant::Entity>()
            .filter(role_grant::Column::UserId.is_in(ids))
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        let mut by_user: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
        for g in grants {
            by_user.entry(g.user_id).or_default().push(g.role);
        }
        Ok(Page {
            has_next: page_rows.has_next,
            total,
            items: page_rows
                .items
                .into_iter()
                .map(|u| {
                    let roles = by_user.get(&u.id).map(Vec::as_slice).unwrap_or(&[]);
                    user_view(u, parse_roles(roles.iter().map(String::as_str)))
                })
                .collect(),
        })
    }

    /// Loads a user in scope, or `NOT_FOUND`.
    async fn user_in_scope(&self, tx: &TenantTx, id: UserId) -> Result<user::Model> {
        let u = tx
            .find::<user::Entity>()
            .filter(user::Column::Id.eq(id.uuid()))
            .one(tx.conn())
            .await?
            .ok_or(Error::NotFound { entity: "user" })?;
        if !self.org_in_scope(OrganisationId::from_uuid(u.organisation_id)) {
            return Err(Error::NotFound { entity: "user" });
        }
        Ok(u)
    }

    async fn roles_of(&self, tx: &TenantTx, id: Uuid) -> Result<BTreeSet<Role>> {
        let grants = tx
            .find::<role_grant::Entity>()
            .filter(role_grant::Column::UserId.eq(id))
            .all(tx.conn())
            .await?;
        Ok(parse_roles(grants.iter().map(|g| g.role.as_str())))
    }

    fn not_self(&self, id: UserId) -> Result<()> {
        if self.ctx.principal().user_id == id {
            Err(Error::Forbidden)
        } else {
            Ok(())
        }
    }

    /// Invites (creates) a user with roles (audited). The organisation must be in
    /// scope; every role must be grantable by this administrator.
    pub async fn invite_user(&self, new: &NewUser) -> Result<UserView> {
        if !self.org_in_scope(new.organisation) {
            return Err(Error::NotFound {
                entity: "organisation",
            });
        }
        if new.roles.iter().any(|r| !self.may_grant(*r)) {
            return Err(Error::Forbidden);
        }
        let tx = self.begin().await?;
        let u = store::insert_user(&tx, new).await?;
        self.audit(
            &tx,
            AuditEntry::new(
                "user",
                u.id,
                "invite",
                &["display_name", "email", "organisation_id", "roles"],
            ),
        )
        .await?;
        let roles = self.roles_of(&tx, u.id).await?;
        tx.commit().await?;
        Ok(user_view(u, roles))
    }

    /// Deactivates a user (audited): they lose access on their next request.
    pub async fn deactivate_user(&self, id: UserId, version: i32) -> Result<UserView> {
        self.not_self(id)?;
        let tx = self.begin().await?;
        let u = self.user_in_scope(&tx, id).await?;
        if u.version != version {
            return Err(stale("user"));
        }
        let res = user::Entity::secure_update_many(&tx)
            .col_expr(user::Column::Active, Expr::value(false))
            .col_expr(
                user::Column::Version,
                Expr::value(version.saturating_add(1)),
            )
            .filter(user::Column::Id.eq(id.uuid()))
            .filter(user::Column::Version.eq(version))
            .exec(tx.conn())
            .await?;
        if res.rows_affected == 0 {
            return Err(stale("user"));
        }
        self.audit(
            &tx,
            AuditEntry::new("user", id.uuid(), "deactivate", &["active"]),
        )
        .await?;
        let roles = self.roles_of(&tx, u.id).await?;
        tx.commit().await?;
        self.identity.forget_principal(self.tenant, u.id).await;
        Ok(user_view(
            user::Model {
                active: false,
                version: version.saturating_add(1),
                ..u
            },
            roles,
        ))
    }

    /// Grants `role` to a user (audited). Idempotent.
    pub async fn grant_role(&self, id: UserId, role: Role) -> Result<UserView> {
        self.change_role(id, role, true).await
    }

    /// Revokes `role` from a user (audited): effective on their next request.
    /// Idempotent.
    pub async fn revoke_role(&self, id: UserId, role: Role) -> Result<UserView> {
        self.change_role(id, role, false).await
    }

    async fn change_role(&self, id: UserId, role: Role, grant: bool) -> Result<UserView> {
        self.not_self(id)?;
        if !self.may_grant(role) {
            return Err(Error::Forbidden);
        }
        let tx = self.begin().await?;
        let u = self.user_in_scope(&tx, id).await?;
        let org = find_organisation(&tx, OrganisationId::from_uuid(u.organisation_id)).await?;
        if grant && !role_fits(role, kind_of(&org)?) {
            return Err(Error::bad_input(
                "role",
                "carrier organisations hold carrier roles only, city departments city roles only",
            ));
        }
        let mut roles = self.roles_of(&tx, u.id).await?;
        let changed = if grant {
            !roles.contains(&role)
        } else {
            roles.contains(&role)
        };
        if changed {
            if grant {
                insert_grant(&tx, u.id, role).await?;
                roles.insert(role);
            } else {
                role_grant::Entity::secure_delete_many(&tx)
                    .filter(role_grant::Column::UserId.eq(u.id))
                    .filter(role_grant::Column::Role.eq(role.as_str()))
                    .exec(tx.conn())
                    .await?;
                roles.remove(&role);
            }
            self.audit(
                &tx,
                AuditEntry::new(
                    "user",
                    u.id,
                    if grant { "grant_role" } else { "revoke_role" },
                    &["roles"],
                ),
            )
            .await?;
        }
        tx.commit().await?;
        if changed {
            self.identity.forget_principal(self.tenant, u.id).await;
        }
        Ok(user_view(u, roles))
    }
}

fn user_view(u: user::Model, roles: BTreeSet<Role>) -> UserView {
    UserView {
        id: UserId::from_uuid(u.id),
        organisation: OrganisationId::from_uuid(u.organisation_id),
        display_name: u.display_name,
        email: u.email,
        active: u.active,
        roles,
        version: u.version,
    }
}
