//! Look-ups other services make inside their own tenant transaction: is this id a
//! carrier of the tenant, is this user an active member of that organisation with that
//! role, what are these organisations called. Read-only, tenant-scoped, and a fixed
//! number of statements per call whatever the number of ids (callers batch).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, QueryFilter};
use wohnweg_kernel::{OrganisationId, Result, Role, TenantTx, UserId};

use crate::entity::{organisation, role_grant, user};
use crate::store::kind_of;
use crate::types::OrganisationKind;

/// An organisation as other services see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationRef {
    /// Id.
    pub id: OrganisationId,
    /// Name.
    pub name: String,
    /// Department or carrier.
    pub kind: OrganisationKind,
}

fn to_ref(m: &organisation::Model) -> Result<OrganisationRef> {
    Ok(OrganisationRef {
        id: OrganisationId::from_uuid(m.id),
        name: m.name.clone(),
        kind: kind_of(m)?,
    })
}

/// The organisation `id` of the transaction's tenant, if any.
pub async fn organisation(tx: &TenantTx, id: OrganisationId) -> Result<Option<OrganisationRef>> {
    tx.find::<organisation::Entity>()
        .filter(organisation::Column::Id.eq(id.uuid()))
        .one(tx.conn())
        .await?
        .as_ref()
        .map(to_ref)
        .transpose()
}

/// The organisations among `ids` (one statement).
pub async fn organisations(
    tx: &TenantTx,
    ids: &[OrganisationId],
) -> Result<HashMap<OrganisationId, OrganisationRef>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = tx
        .find::<organisation::Entity>()
        .filter(organisation::Column::Id.is_in(ids.iter().map(|i| i.uuid())))
        .all(tx.conn())
        .await?;
    rows.iter().map(|m| to_ref(m).map(|r| (r.id, r))).collect()
}

/// The tenant's carriers by name (one statement).
pub async fn carriers(tx: &TenantTx) -> Result<Vec<OrganisationRef>> {
    use sea_orm::QueryOrder;
    tx.find::<organisation::Entity>()
        .filter(organisation::Column::Kind.eq(OrganisationKind::Carrier.as_str()))
        .order_by_asc(organisation::Column::Name)
        .all(tx.conn())
        .await?
        .iter()
        .map(to_ref)
        .collect()
}

/// Whether `user_id` is an active user of the tenant holding one of `roles` (one
/// statement).
pub async fn has_any_role(tx: &TenantTx, user_id: UserId, roles: &[Role]) -> Result<bool> {
    use sea_orm::sea_query::Query;
    let active = Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::TenantId.eq(tx.tenant().uuid()))
        .and_where(user::Column::Active.eq(true))
        .to_owned();
    let grant = tx
        .find::<role_grant::Entity>()
        .filter(role_grant::Column::UserId.eq(user_id.uuid()))
        .filter(role_grant::Column::UserId.in_subquery(active))
        .filter(role_grant::Column::Role.is_in(roles.iter().map(|r| r.as_str())))
        .one(tx.conn())
        .await?;
    Ok(grant.is_some())
}

/// Whether `user_id` is an active user of `org` holding `role` (two statements).
pub async fn is_member_with_role(
    tx: &TenantTx,
    org: OrganisationId,
    user_id: UserId,
    role: Role,
) -> Result<bool> {
    let found = tx
        .find::<user::Entity>()
        .filter(user::Column::Id.eq(user_id.uuid()))
        .filter(user::Column::OrganisationId.eq(org.uuid()))
        .filter(user::Column::Active.eq(true))
        .one(tx.conn())
        .await?;
    if found.is_none() {
        return Ok(false);
    }
    let grant = tx
        .find::<role_grant::Entity>()
        .filter(role_grant::Column::UserId.eq(user_id.uuid()))
        .filter(role_grant::Column::Role.eq(role.as_str()))
        .one(tx.conn())
        .await?;
    Ok(grant.is_some())
}

/// The transaction's own city: its slug and name (one statement on the reference
/// table), for documents the city issues.
pub async fn own_tenant(tx: &TenantTx) -> Result<(String, String)> {
    use wohnweg_kernel::scoped::ReferenceTable;
    let t = crate::entity::tenant::Entity::global_find()
        .filter(crate::entity::tenant::Column::Id.eq(tx.tenant().uuid()))
        .one(tx.conn())
        .await?
        .ok_or(wohnweg_kernel::Error::NotFound { entity: "city" })?;
    Ok((t.slug, t.name))
}

/// The names of the cities among `ids` (one statement on the reference table), for
/// the operator path's screens (which city submitted a course for review).
pub async fn city_names<C: sea_orm::ConnectionTrait>(
    conn: &C,
    ids: &[uuid::Uuid],
) -> Result<HashMap<uuid::Uuid, String>> {
    use wohnweg_kernel::scoped::ReferenceTable;
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(crate::entity::tenant::Entity::global_find()
        .filter(crate::entity::tenant::Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect())
}

/// Whether `user_id` is an active platform user holding the state officer role (one
/// statement on the reference table), for the programmes a state officer may join.
pub async fn is_state_officer<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user_id: UserId,
) -> Result<bool> {
    use wohnweg_kernel::scoped::ReferenceTable;

    use crate::entity::platform_user;
    Ok(platform_user::Entity::global_find()
        .filter(platform_user::Column::Id.eq(user_id.uuid()))
        .filter(platform_user::Column::Role.eq(Role::StateOfficer.as_str()))
        .filter(platform_user::Column::Active.eq(true))
        .one(conn)
        .await?
        .is_some())
}

/// Every city: id, slug and name (one statement on the reference table).
pub async fn cities<C: sea_orm::ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(uuid::Uuid, String, String)>> {
    use wohnweg_kernel::scoped::ReferenceTable;
    Ok(crate::entity::tenant::Entity::global_find()
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t.slug, t.name))
        .collect())
}

/// Every active state officer: id and name (one statement on the reference table), for
/// the operator assigning officers to state programmes.
pub async fn state_officers<C: sea_orm::ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(UserId, String)>> {
    use wohnweg_kernel::scoped::ReferenceTable;

    use crate::entity::platform_user;
    Ok(platform_user::Entity::global_find()
        .filter(platform_user::Column::Role.eq(Role::StateOfficer.as_str()))
        .filter(platform_user::Column::Active.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (UserId::from_uuid(u.id), u.display_name))
        .collect())
}
