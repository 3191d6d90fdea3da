//! Row-level building blocks shared by [`crate::Provisioning`] and the admin handles:
//! each runs inside the caller's transaction, so a change and its audit entry commit
//! together. Inputs are domain types; the checks here are the cross-record rules.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, QueryFilter, SqlErr};
use wohnweg_kernel::scoped::{ReferenceTable, TenantScoped};
use wohnweg_kernel::{Error, OrganisationId, Result, Role, TenantId, TenantTx, UserId};

use crate::entity::{organisation, platform_user, role_grant, tenant, user};
use crate::types::{DisplayName, Email, FederalState, Locale, OrganisationKind, Slug};

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

/// Maps a unique-constraint violation onto `CONFLICT`, anything else stays internal.
pub(crate) fn unique_to_conflict(err: Error, what: &'static str) -> Error {
    match err {
        Error::Internal(source) => match source.downcast::<DbErr>() {
            Ok(db_err) => match db_err.sql_err() {
                Some(SqlErr::UniqueConstraintViolation(_)) => Error::Conflict {
                    message: format!("{what} already exists").into(),
                },
                _ => Error::from(*db_err),
            },
            Err(other) => Error::Internal(other),
        },
        other => other,
    }
}

/// Whether `role` may be held by a member of an organisation of `kind`.
pub(crate) fn role_fits(role: Role, kind: OrganisationKind) -> bool {
    role.is_tenant_role() && (role.is_carrier_role() == (kind == OrganisationKind::Carrier))
}

pub(crate) fn check_roles_fit(roles: &[Role], kind: OrganisationKind) -> Result<()> {
    if roles.iter().any(|r| !r.is_tenant_role()) {
        return Err(Error::bad_input(
            "roles",
            "platform roles cannot be granted inside a tenant",
        ));
    }
    if roles.iter().any(|r| !role_fits(*r, kind)) {
        return Err(Error::bad_input(
            "roles",
            "carrier organisations hold carrier roles only, city departments city roles only",
        ));
    }
    Ok(())
}

pub(crate) async fn insert_tenant<C: ConnectionTrait>(
    conn: &C,
    id: TenantId,
    slug: &Slug,
    name: &DisplayName,
    state: FederalState,
    locale: Locale,
) -> Result<tenant::Model> {
    tenant::Entity::global_insert(
        conn,
        tenant::ActiveModel {
            id: Set(id.uuid()),
            slug: Set(slug.as_str().to_owned()),
            name: Set(name.as_str().to_owned()),
            state: Set(state.as_str().to_owned()),
            default_locale: Set(locale.as_str().to_owned()),
            active: Set(true),
            version: Set(1),
            created_at: Set(Utc::now()),
        },
    )
    .await
    .map_err(|e| unique_to_conflict(e, "tenant slug"))
}

pub(crate) async fn insert_platform_user<C: ConnectionTrait>(
    conn: &C,
    display_name: &DisplayName,
    email: &Email,
    role: Role,
) -> Result<platform_user::Model> {
    if role.is_tenant_role() {
        return Err(Error::bad_input(
            "role",
            "platform users hold platform_operator or state_officer",
        ));
    }
    platform_user::Entity::global_insert(
        conn,
        platform_user::ActiveModel {
            id: Set(UserId::new().uuid()),
            display_name: Set(display_name.as_str().to_owned()),
            email: Set(email.as_str().to_owned()),
            role: Set(role.as_str().to_owned()),
            active: Set(true),
            version: Set(1),
            created_at: Set(Utc::now()),
            language: Set(None),
            oidc_issuer: Set(None),
            oidc_subject: Set(None),
        },
    )
    .await
    .map_err(|e| unique_to_conflict(e, "platform user e-mail"))
}

pub(crate) async fn insert_organisation(
    tx: &TenantTx,
    slug: &Slug,
    name: &DisplayName,
    kind: OrganisationKind,
    contact: Option<&str>,
) -> Result<organisation::Model> {
    organisation::Entity::secure_insert(
        tx,
        organisation::ActiveModel {
            tenant_id: Set(tx.tenant().uuid()),
            id: Set(OrganisationId::new().uuid()),
            slug: Set(slug.as_str().to_owned()),
            name: Set(name.as_str().to_owned()),
            kind: Set(kind.as_str().to_owned()),
            contact: Set(contact.map(str::to_owned)),
            version: Set(1),
            created_at: Set(Utc::now()),
        },
    )
    .await
    .map_err(|e| unique_to_conflict(e, "organisation slug"))
}

/// The organisation `id` of the transaction's tenant, or `NOT_FOUND`.
pub(crate) async fn find_organisation(
    tx: &TenantTx,
    id: OrganisationId,
) -> Result<organisation::Model> {
    tx.find::<organisation::Entity>()
        .filter(organisation::Column::Id.eq(id.uuid()))
        .one(tx.conn())
        .await?
        .ok_or(Error::NotFound {
            entity: "organisation",
        })
}

pub(crate) fn kind_of(org: &organisation::Model) -> Result<OrganisationKind> {
    OrganisationKind::from_code(&org.kind).ok_or_else(|| {
        Error::internal(std::io::Error::other(
            "unknown organisation kind in database",
        ))
    })
}

/// Inserts a user and its grants; checks that the organisation exists in the tenant
/// and that the roles fit its kind.
pub(crate) async fn insert_user(tx: &TenantTx, new: &NewUser) -> Result<user::Model> {
    if new.roles.is_empty() {
        return Err(Error::bad_input("roles", "at least one role is required"));
    }
    let org = find_organisation(tx, new.organisation).await?;
    check_roles_fit(&new.roles, kind_of(&org)?)?;
    let now = Utc::now();
    let id = UserId::new().uuid();
    let model = user::Entity::secure_insert(
        tx,
        user::ActiveModel {
            tenant_id: Set(tx.tenant().uuid()),
            id: Set(id),
            organisation_id: Set(org.id),
            display_name: Set(new.display_name.as_str().to_owned()),
            email: Set(new.email.as_str().to_owned()),
            active: Set(true),
            version: Set(1),
            created_at: Set(now),
            language: Set(None),
        },
    )
    .await
    .map_err(|e| unique_to_conflict(e, "user e-mail"))?;
    let mut roles = new.roles.clone();
    roles.sort();
    roles.dedup();
    for role in roles {
        insert_grant(tx, id, role).await?;
    }
    Ok(model)
}

pub(crate) async fn insert_grant(tx: &TenantTx, user: uuid::Uuid, role: Role) -> Result<()> {
    role_grant::Entity::secure_insert(
        tx,
        role_grant::ActiveModel {
            tenant_id: Set(tx.tenant().uuid()),
            user_id: Set(user),
            role: Set(role.as_str().to_owned()),
            granted_at: Set(Utc::now()),
        },
    )
    .await?;
    Ok(())
}
