//! Signing in with an external OpenID provider: which user of the tenant a verified
//! provider identity is.
//!
//! 1. A subject already linked to a user is that user (if active).
//! 2. Otherwise a *verified* e-mail that matches an invited, active user who is not
//!    yet linked at this provider links the subject to that user (first sign-in after
//!    an invitation).
//! 3. Otherwise, if the tenant allows just-in-time creation for the e-mail's domain,
//!    a user is created in the configured organisation with the roles the provider
//!    asserts (only roles that fit the organisation's kind, never an admin role;
//!    none left → refused).
//! 4. Otherwise the sign-in is refused (`FORBIDDEN`).
//!
//! Links and creations are audited with the signing-in user as the actor.
//!
//! Platform staff (operators, state officers) sign in through the platform's own
//! provider ([`Identity::sign_in_platform`]): steps 1, 2 and 4 on the platform's
//! users — never a creation on first sign-in, since only an operator makes
//! platform users.

use std::collections::BTreeSet;

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, QueryFilter};
use wohnweg_kernel::audit::{self, AuditEntry};
use wohnweg_kernel::scoped::TenantScoped;
use wohnweg_kernel::{
    Ctx, Error, OrganisationId, Principal, PrincipalKind, Result, Role, TenantId, TenantTx, UserId,
};

use crate::entity::{organisation, user, user_identity};
use crate::service::Identity;
use crate::store::{NewUser, insert_user, kind_of, role_fits};
use crate::types::{DisplayName, Email, Slug};

/// Roles never granted on first sign-in, whatever the provider asserts.
const JIT_EXCLUDED: [Role; 2] = [Role::CityAdmin, Role::CarrierAdmin];

/// What a verified ID token says.
#[derive(Clone, Debug)]
pub struct ExternalLogin {
    /// The provider (`iss`).
    pub issuer: String,
    /// Its subject (`sub`).
    pub subject: String,
    /// The e-mail claim.
    pub email: Option<Email>,
    /// Whether the provider verified that e-mail.
    pub email_verified: bool,
    /// The name claim.
    pub display_name: Option<DisplayName>,
    /// Roles the provider asserts (mapped from its claim).
    pub roles: Vec<Role>,
}

/// Just-in-time creation policy of a tenant.
#[derive(Clone, Debug, Default)]
pub struct JitPolicy {
    /// E-mail domains whose users may be created on first sign-in.
    pub email_domains: Vec<String>,
    /// The organisation they join.
    pub organisation: Option<Slug>,
}

impl Identity {
    /// The active tenant with this slug, if any (for the login redirect).
    pub async fn active_tenant_by_slug(&self, slug: &Slug) -> Result<Option<TenantId>> {
        Ok(self.active_tenant(slug).await?.map(|t| t.id))
    }

    /// An active tenant by slug, with its name (public pages greet the city).
    pub async fn active_tenant(&self, slug: &Slug) -> Result<Option<crate::TenantView>> {
        use wohnweg_kernel::scoped::ReferenceTable;
        Ok(crate::entity::tenant::Entity::global_find()
            .filter(crate::entity::tenant::Column::Slug.eq(slug.as_str()))
            .filter(crate::entity::tenant::Column::Active.eq(true))
            .one(self.db.raw())
            .await?
            .map(crate::service::tenant_view))
    }

    /// Resolves a verified external identity to a user of `tenant` (see module docs).
    /// A city deactivated while the sign-in was under way (between the redirect and
    /// the callback) refuses it: `FORBIDDEN`, no session.
    pub async fn sign_in_external(
        &self,
        tenant: TenantId,
        login: &ExternalLogin,
        jit: &JitPolicy,
    ) -> Result<UserId> {
        match self.tenant_by_id(tenant).await? {
            Some(t) if t.active => {}
            _ => return Err(Error::Forbidden),
        }
        let tx = self.db.begin_tenant(tenant).await?;
        let linked = tx
            .find::<user_identity::Entity>()
            .filter(user_identity::Column::Issuer.eq(&login.issuer))
            .filter(user_identity::Column::Subject.eq(&login.subject))
            .one(tx.conn())
            .await?;
        if let Some(link) = linked {
            let u = active_user(&tx, link.user_id).await?;
            tx.commit().await?;
            return Ok(UserId::from_uuid(u.id));
        }
        let verified_email = login.email.as_ref().filter(|_| login.email_verified);
        if let Some(email) = verified_email {
            let invited = tx
                .find::<user::Entity>()
                .filter(user::Column::Email.eq(email.as_str()))
                .one(tx.conn())
                .await?;
            if let Some(u) = invited {
                // Only a user not yet linked at this provider: a second account with
                // the same (verified) address must not take over an existing one.
                let already = tx
                    .find::<user_identity::Entity>()
                    .filter(user_identity::Column::UserId.eq(u.id))
                    .filter(user_identity::Column::Issuer.eq(&login.issuer))
                    .one(tx.conn())
                    .await?;
                if !u.active || already.is_some() {
                    return Err(Error::Forbidden);
                }
                self.link(&tx, &u, login, "link_identity").await?;
                tx.commit().await?;
                return Ok(UserId::from_uuid(u.id));
            }
            let domain = email.as_str().rsplit('@').next().unwrap_or_default();
            if let Some(org_slug) = jit.organisation.as_ref().filter(|_| {
                jit.email_domains
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(domain))
            }) {
                let org = tx
                    .find::<organisation::Entity>()
                    .filter(organisation::Column::Slug.eq(org_slug.as_str()))
                    .one(tx.conn())
                    .await?
                    .ok_or(Error::Forbidden)?;
                let kind = kind_of(&org)?;
                let roles: Vec<Role> = login
                    .roles
                    .iter()
                    .copied()
                    // Administrators are invited, never made by a token claim.
                    .filter(|r| role_fits(*r, kind) && !JIT_EXCLUDED.contains(r))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                if roles.is_empty() {
                    return Err(Error::Forbidden);
                }
                let name = match &login.display_name {
                    Some(n) => n.clone(),
                    None => DisplayName::parse("name", email.as_str())?,
                };
                let u = insert_user(
                    &tx,
                    &NewUser {
                        organisation: OrganisationId::from_uuid(org.id),
                        display_name: name,
                        email: email.clone(),
                        roles,
                    },
                )
                .await?;
                self.link(&tx, &u, login, "create_on_sign_in").await?;
                tx.commit().await?;
                return Ok(UserId::from_uuid(u.id));
            }
        }
        Err(Error::Forbidden)
    }

    /// Resolves a verified identity from the platform's provider to an active
    /// platform user: the one linked to it, else — at the first sign-in — the one
    /// with its verified e-mail that has no identity linked yet. Anything else is
    /// `FORBIDDEN`; two first sign-ins racing, `CONFLICT`.
    pub async fn sign_in_platform(&self, login: &ExternalLogin) -> Result<UserId> {
        use sea_orm::sea_query::Expr;
        use wohnweg_kernel::scoped::ReferenceTable;

        use crate::entity::platform_user;
        let tx = self.db.begin_global().await?;
        let linked = platform_user::Entity::global_find()
            .filter(platform_user::Column::OidcIssuer.eq(&login.issuer))
            .filter(platform_user::Column::OidcSubject.eq(&login.subject))
            .one(&tx)
            .await?;
        if let Some(u) = linked {
            return if u.active {
                Ok(UserId::from_uuid(u.id))
            } else {
                Err(Error::Forbidden)
            };
        }
        let email = login
            .email
            .as_ref()
            .filter(|_| login.email_verified)
            .ok_or(Error::Forbidden)?;
        let u = platform_user::Entity::global_find()
            .filter(platform_user::Column::Email.eq(email.as_str()))
            .one(&tx)
            .await?
            .filter(|u| u.active && u.oidc_subject.is_none())
            .ok_or(Error::Forbidden)?;
        let res = platform_user::Entity::global_update_many()
            .col_expr(
                platform_user::Column::OidcIssuer,
                Expr::value(login.issuer.clone()),
            )
            .col_expr(
                platform_user::Column::OidcSubject,
                Expr::value(login.subject.clone()),
            )
            .filter(platform_user::Column::Id.eq(u.id))
            .filter(platform_user::Column::OidcSubject.is_null())
            .exec(&tx)
            .await
            .map_err(|e| crate::store::unique_to_conflict(e.into(), "sign-in"))?;
        if res.rows_affected == 0 {
            return Err(Error::Conflict {
                message: "this account was linked meanwhile; start again".into(),
            });
        }
        let actor = Ctx::new(Principal {
            user_id: UserId::from_uuid(u.id),
            kind: PrincipalKind::PlatformUser,
            tenant: None,
            organisation: None,
            roles: BTreeSet::new(),
        });
        audit::append_platform(
            &tx,
            &actor,
            &AuditEntry::new(
                "platform_user",
                u.id,
                "link_identity",
                &["external_identity"],
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(UserId::from_uuid(u.id))
    }

    async fn link(
        &self,
        tx: &TenantTx,
        u: &user::Model,
        login: &ExternalLogin,
        action: &'static str,
    ) -> Result<()> {
        user_identity::Entity::secure_insert(
            tx,
            user_identity::ActiveModel {
                tenant_id: Set(tx.tenant().uuid()),
                issuer: Set(login.issuer.clone()),
                subject: Set(login.subject.clone()),
                user_id: Set(u.id),
                created_at: Set(Utc::now()),
            },
        )
        .await
        // Two first sign-ins racing: the loser is told to start again.
        .map_err(|e| crate::store::unique_to_conflict(e, "sign-in"))?;
        let actor = Ctx::new(Principal {
            user_id: UserId::from_uuid(u.id),
            kind: PrincipalKind::TenantUser,
            tenant: Some(tx.tenant()),
            organisation: Some(OrganisationId::from_uuid(u.organisation_id)),
            roles: BTreeSet::new(),
        });
        audit::append(
            tx,
            &actor,
            &AuditEntry {
                entity: "user",
                entity_id: u.id,
                action,
                fields: &["external_identity"],
                purpose: None,
            },
        )
        .await
    }
}

async fn active_user(tx: &TenantTx, id: uuid::Uuid) -> Result<user::Model> {
    tx.find::<user::Entity>()
        .filter(user::Column::Id.eq(id))
        .one(tx.conn())
        .await?
        .filter(|u| u.active)
        .ok_or(Error::Forbidden)
}
