//! The request-time identity API.

use std::collections::BTreeSet;
use std::time::Duration;

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use uuid::Uuid;
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::{ReferenceTable, TenantScoped};
use wohnweg_kernel::{
    Cache, Ctx, Db, Error, OrganisationId, Principal, PrincipalKind, Result, Role, TenantId, UserId,
};

use crate::entity::{organisation, platform_user, role_grant, tenant, user};
use crate::tokens::{SubjectKind, VerifiedIdentity};
use crate::types::{Locale, OrganisationKind};

/// How long a tenant record may be served from the cache. Changes to a tenant delete
/// its entry, so this only bounds staleness after a missed invalidation.
const TENANT_TTL: Duration = Duration::from_secs(60);

/// How long a tenant user's resolved principal (active, organisation, roles) may be
/// served from the cache. Every change to the user or its grants moves the user's
/// cache generation on (see [`Identity::forget_principal`]), so the next request
/// reads the database again; the TTL only bounds staleness after a change made
/// outside the service (an operator's SQL).
const PRINCIPAL_TTL: Duration = Duration::from_secs(300);

/// How long a user's cache generation lives; a missing one is replaced by a fresh one
/// (never by a default), so an evicted generation cannot revive an old entry.
const GENERATION_TTL: Duration = Duration::from_secs(24 * 3600);

/// How long the mapping of a provider's subject to its user is cached (links are
/// written once, at the first sign-in, and never change).
const LINK_TTL: Duration = Duration::from_secs(300);

/// A tenant user's principal as the cache holds it.
#[derive(Serialize, Deserialize)]
struct CachedPrincipal {
    organisation: Uuid,
    roles: Vec<String>,
}

/// A tenant as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantView {
    /// Id.
    pub id: TenantId,
    /// URL slug, e.g. `koeln`.
    pub slug: String,
    /// Display name, e.g. `Köln`.
    pub name: String,
    /// Federal state code, e.g. `NW`.
    pub state: String,
    /// Default UI locale.
    pub default_locale: String,
    /// Whether its users may sign in.
    pub active: bool,
    /// Optimistic-concurrency version.
    pub version: i32,
}

/// An organisation as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationView {
    /// Id.
    pub id: OrganisationId,
    /// Slug, unique in the tenant.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Department or carrier.
    pub kind: OrganisationKind,
    /// Contact details.
    pub contact: Option<String>,
    /// Optimistic-concurrency version.
    pub version: i32,
}

/// The signed-in user's own profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Name shown in the UI.
    pub display_name: String,
    /// The console language the user chose (`de`, `en`); `None` until they choose.
    pub language: Option<String>,
}

/// The identity service. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Identity {
    pub(crate) db: Db,
    pub(crate) cache: Cache,
}

impl Identity {
    /// A service over `db`, caching reference data in `cache`.
    #[must_use]
    pub fn new(db: Db, cache: Cache) -> Self {
        Self { db, cache }
    }

    /// Turns a verified token into a principal: the user must exist in the token's
    /// tenant (another tenant's user id looks like no user at all), be active, and the
    /// tenant must be active. Roles are read from the grants, now.
    pub async fn resolve(&self, who: &VerifiedIdentity) -> Result<Principal> {
        if who.subject_kind == SubjectKind::External {
            return self.resolve_external(who).await;
        }
        let user_id: Uuid = who.subject.parse().map_err(|_| Error::Unauthenticated)?;
        match who.tenant {
            Some(tenant_id) => self.resolve_tenant_user(tenant_id, user_id).await,
            None => self.resolve_platform_user(user_id).await,
        }
    }

    /// A provider's token: its city by slug, its subject through the link made at the
    /// first browser sign-in.
    async fn resolve_external(&self, who: &VerifiedIdentity) -> Result<Principal> {
        let slug = who.tenant_slug.as_deref().ok_or(Error::Unauthenticated)?;
        let slug = crate::types::Slug::parse("tenant", slug).map_err(|_| Error::Unauthenticated)?;
        let tenant = self
            .active_tenant_by_slug(&slug)
            .await?
            .ok_or(Error::Unauthenticated)?;
        // The link of a provider's subject to its user is written once; the user
        // and its grants come through the principal cache.
        let key = format!(
            "identity-link:{tenant}:{:x}",
            sha2::Sha256::digest(format!("{}\n{}", who.issuer, who.subject).as_bytes())
        );
        let user_id = match self
            .cache
            .get(&key)
            .await
            .and_then(|hit| hit.parse::<Uuid>().ok())
        {
            Some(id) => id,
            None => {
                let tx = self.db.begin_tenant(tenant).await?;
                let link = tx
                    .find::<crate::entity::user_identity::Entity>()
                    .filter(crate::entity::user_identity::Column::Issuer.eq(&who.issuer))
                    .filter(crate::entity::user_identity::Column::Subject.eq(&who.subject))
                    .one(tx.conn())
                    .await?
                    .ok_or(Error::Unauthenticated)?;
                tx.commit().await?;
                self.cache
                    .set(&key, &link.user_id.to_string(), LINK_TTL)
                    .await;
                link.user_id
            }
        };
        self.cached_principal(tenant, user_id).await
    }

    async fn resolve_tenant_user(&self, tenant_id: TenantId, user_id: Uuid) -> Result<Principal> {
        match self.tenant_by_id(tenant_id).await? {
            Some(t) if t.active => {}
            _ => return Err(Error::Unauthenticated),
        }
        self.cached_principal(tenant_id, user_id).await
    }

    /// A tenant user's principal, from the cache under the user's current generation
    /// or else from the database (one tenant transaction), then cached. The generation
    /// is read before the database, so an entry written from a read that raced a
    /// change lands under a generation no one reads any more.
    async fn cached_principal(&self, tenant: TenantId, user_id: Uuid) -> Result<Principal> {
        let gen_key = generation_key(tenant, user_id);
        let generation = match self.cache.get(&gen_key).await {
            Some(g) => Some(g),
            None => {
                let fresh = Uuid::now_v7().to_string();
                // If the cache takes nothing (Redis away), nothing is cached either.
                self.cache
                    .set(&gen_key, &fresh, GENERATION_TTL)
                    .await
                    .then_some(fresh)
            }
        };
        let key = generation
            .as_deref()
            .map(|g| format!("principal:{tenant}:{user_id}:{g}"));
        if let Some(key) = &key
            && let Some(hit) = self.cache.get(key).await
            && let Ok(c) = serde_json::from_str::<CachedPrincipal>(&hit)
        {
            return Ok(Principal {
                user_id: UserId::from_uuid(user_id),
                kind: PrincipalKind::TenantUser,
                tenant: Some(tenant),
                organisation: Some(OrganisationId::from_uuid(c.organisation)),
                roles: parse_roles(c.roles.iter().map(String::as_str)),
            });
        }
        let tx = self.db.begin_tenant(tenant).await?;
        let principal = principal_in(&tx, user_id).await?;
        tx.commit().await?;
        if let (Some(key), Some(org)) = (&key, principal.organisation) {
            let cached = CachedPrincipal {
                organisation: org.uuid(),
                roles: principal
                    .roles
                    .iter()
                    .map(|r| r.as_str().to_owned())
                    .collect(),
            };
            if let Ok(json) = serde_json::to_string(&cached) {
                self.cache.set(key, &json, PRINCIPAL_TTL).await;
            }
        }
        Ok(principal)
    }

    /// Makes the next request of `user` read its principal from the database again:
    /// call after committing any change to the user (active, organisation) or its
    /// grants.
    pub(crate) async fn forget_principal(&self, tenant: TenantId, user: Uuid) {
        let fresh = Uuid::now_v7().to_string();
        if !self
            .cache
            .set(&generation_key(tenant, user), &fresh, GENERATION_TTL)
            .await
        {
            // Could not move the generation on: drop it, so the next read starts a
            // new one (a missing generation is never read as an old one).
            self.cache.delete(&generation_key(tenant, user)).await;
        }
    }

    async fn resolve_platform_user(&self, user_id: Uuid) -> Result<Principal> {
        let user = platform_user::Entity::global_find()
            .filter(platform_user::Column::Id.eq(user_id))
            .one(self.db.raw())
            .await?
            .filter(|u| u.active)
            .ok_or(Error::Unauthenticated)?;
        Ok(Principal {
            user_id: UserId::from_uuid(user.id),
            kind: PrincipalKind::PlatformUser,
            tenant: None,
            organisation: None,
            roles: parse_roles(std::iter::once(user.role.as_str())),
        })
    }

    /// A tenant by id, through the cache.
    pub(crate) async fn tenant_by_id(&self, id: TenantId) -> Result<Option<TenantView>> {
        let key = tenant_cache_key(id);
        if let Some(hit) = self.cache.get(&key).await
            && let Ok(view) = serde_json::from_str::<TenantView>(&hit)
        {
            return Ok(Some(view));
        }
        let found = tenant::Entity::global_find()
            .filter(tenant::Column::Id.eq(id.uuid()))
            .one(self.db.raw())
            .await?
            .map(tenant_view);
        if let Some(view) = &found
            && let Ok(json) = serde_json::to_string(view)
        {
            self.cache.set(&key, &json, TENANT_TTL).await;
        }
        Ok(found)
    }

    /// The principal's own tenant. Platform users have none (`FORBIDDEN`).
    pub async fn own_tenant(&self, ctx: &Ctx) -> Result<TenantView> {
        let id = ctx.tenant()?;
        self.tenant_by_id(id)
            .await?
            .ok_or(Error::NotFound { entity: "tenant" })
    }

    /// The principal's own organisation, if it has one.
    pub async fn own_organisation(&self, ctx: &Ctx) -> Result<Option<OrganisationView>> {
        let Some(org_id) = ctx.principal().organisation else {
            return Ok(None);
        };
        let tx = self.db.begin_tenant(ctx.tenant()?).await?;
        let org = tx
            .find::<organisation::Entity>()
            .filter(organisation::Column::Id.eq(org_id.uuid()))
            .one(tx.conn())
            .await?;
        tx.commit().await?;
        org.map(organisation_view).transpose()
    }

    /// The principal's own profile.
    pub async fn profile(&self, ctx: &Ctx) -> Result<Profile> {
        let principal = ctx.principal();
        let uid = principal.user_id.uuid();
        let profile = match principal.kind {
            PrincipalKind::TenantUser => {
                let tx = self.db.begin_tenant(ctx.tenant()?).await?;
                let u = tx
                    .find::<user::Entity>()
                    .filter(user::Column::Id.eq(uid))
                    .one(tx.conn())
                    .await?;
                tx.commit().await?;
                u.map(|u| Profile {
                    display_name: u.display_name,
                    language: u.language,
                })
            }
            PrincipalKind::PlatformUser => platform_user::Entity::global_find()
                .filter(platform_user::Column::Id.eq(uid))
                .one(self.db.raw())
                .await?
                .map(|u| Profile {
                    display_name: u.display_name,
                    language: u.language,
                }),
        };
        profile.ok_or(Error::NotFound { entity: "user" })
    }

    /// Keeps the console language the signed-in user chose, with the user (so it
    /// follows them to another browser); audited as a change of their own record.
    /// Nobody sets another user's language.
    pub async fn set_language(&self, ctx: &Ctx, language: Locale) -> Result<Profile> {
        let principal = ctx.principal();
        let uid = principal.user_id.uuid();
        let entry = AuditEntry::new("user", uid, "set_language", &["language"]);
        match principal.kind {
            PrincipalKind::TenantUser => {
                let tx = self.db.begin_tenant(ctx.tenant()?).await?;
                let res = user::Entity::secure_update_many(&tx)
                    .col_expr(user::Column::Language, Expr::value(language.as_str()))
                    .filter(user::Column::Id.eq(uid))
                    .exec(tx.conn())
                    .await?;
                if res.rows_affected == 0 {
                    return Err(Error::NotFound { entity: "user" });
                }
                audit::append(&tx, ctx, &entry).await?;
                tx.commit().await?;
            }
            PrincipalKind::PlatformUser => {
                let tx = self.db.begin_global().await?;
                let res = platform_user::Entity::global_update_many()
                    .col_expr(
                        platform_user::Column::Language,
                        Expr::value(language.as_str()),
                    )
                    .filter(platform_user::Column::Id.eq(uid))
                    .exec(&tx)
                    .await?;
                if res.rows_affected == 0 {
                    return Err(Error::NotFound { entity: "user" });
                }
                audit::append_platform(&tx, ctx, &entry).await?;
                tx.commit().await?;
            }
        }
        self.profile(ctx).await
    }
}

/// The principal of an active user of the transaction's tenant: user and grants.
async fn principal_in(tx: &wohnweg_kernel::TenantTx, user_id: Uuid) -> Result<Principal> {
    let user = tx
        .find::<user::Entity>()
        .filter(user::Column::Id.eq(user_id))
        .one(tx.conn())
        .await?
        .filter(|u| u.active)
        .ok_or(Error::Unauthenticated)?;
    let grants = tx
        .find::<role_grant::Entity>()
        .filter(role_grant::Column::UserId.eq(user_id))
        .all(tx.conn())
        .await?;
    Ok(Principal {
        user_id: UserId::from_uuid(user.id),
        kind: PrincipalKind::TenantUser,
        tenant: Some(tx.tenant()),
        organisation: Some(OrganisationId::from_uuid(user.organisation_id)),
        roles: parse_roles(grants.iter().map(|g| g.role.as_str())),
    })
}

fn generation_key(tenant: TenantId, user: Uuid) -> String {
    format!("principal-gen:{tenant}:{user}")
}

pub(crate) fn tenant_cache_key(id: TenantId) -> String {
    format!("tenant:{id}")
}

pub(crate) fn tenant_view(t: tenant::Model) -> TenantView {
    TenantView {
        id: TenantId::from_uuid(t.id),
        slug: t.slug,
        name: t.name,
        state: t.state,
        default_locale: t.default_locale,
        active: t.active,
        version: t.version,
    }
}

pub(crate) fn organisation_view(o: organisation::Model) -> Result<OrganisationView> {
    let kind = crate::store::kind_of(&o)?;
    Ok(OrganisationView {
        id: OrganisationId::from_uuid(o.id),
        slug: o.slug,
        name: o.name,
        kind,
        contact: o.contact,
        version: o.version,
    })
}

pub(crate) fn parse_roles<'a>(codes: impl Iterator<Item = &'a str>) -> BTreeSet<Role> {
    codes
        .filter_map(|code| match code.parse::<Role>() {
            Ok(role) => Some(role),
            Err(_) => {
                tracing::warn!("ignoring unknown role code in grants");
                None
            }
        })
        .collect()
}
