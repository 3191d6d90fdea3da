//! The audit log: append-only, one per tenant (`audit_log`, row-level secured) and one
//! for platform-level changes (`platform_audit_log`).
//!
//! An entry says who (user, organisation), when, what (entity, id, action, the *names*
//! of the changed fields) and why (a purpose, where the API takes one). It never holds
//! a value: names, e-mail addresses or residence data never enter the log, so erasing a
//! person never has to touch it. Entries are written in the same transaction as the
//! change they record. The runtime role may insert and read, never update or delete,
//! and on PostgreSQL a trigger refuses changes even to the owner.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use uuid::Uuid;

use crate::ctx::Ctx;
use crate::db::TenantTx;
use crate::error::Result;
use crate::scoped::{ReferenceTable, TenantScoped};

/// What happened.
#[derive(Clone, Debug)]
pub struct AuditEntry<'a> {
    /// Kind of entity, e.g. `"user"`.
    pub entity: &'static str,
    /// Its id.
    pub entity_id: Uuid,
    /// What was done, e.g. `"create"`, `"deactivate"`, `"grant_role"`.
    pub action: &'static str,
    /// Names of the fields written (never their values).
    pub fields: &'a [&'static str],
    /// Why, where the API asks.
    pub purpose: Option<&'a str>,
}

/// Appends `entry` to the tenant's log in `tx`, as `ctx`'s principal.
pub async fn append(tx: &TenantTx, ctx: &Ctx, entry: &AuditEntry<'_>) -> Result<()> {
    let p = ctx.principal();
    tenant_log::Entity::secure_insert(
        tx,
        tenant_log::ActiveModel {
            tenant_id: Set(tx.tenant().uuid()),
            id: Set(Uuid::now_v7()),
            at: Set(Utc::now()),
            actor_user: Set(p.user_id.uuid()),
            actor_organisation: Set(p.organisation.map(crate::ids::OrganisationId::uuid)),
            entity: Set(entry.entity.to_owned()),
            entity_id: Set(entry.entity_id),
            action: Set(entry.action.to_owned()),
            fields: Set(entry.fields.join(",")),
            purpose: Set(entry.purpose.map(str::to_owned)),
        },
    )
    .await?;
    Ok(())
}

/// Appends `entry` to the platform log (changes made by platform users).
pub async fn append_platform<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    entry: &AuditEntry<'_>,
) -> Result<()> {
    platform_log::Entity::global_insert(
        conn,
        platform_log::ActiveModel {
            id: Set(Uuid::now_v7()),
            at: Set(Utc::now()),
            actor_user: Set(ctx.principal().user_id.uuid()),
            entity: Set(entry.entity.to_owned()),
            entity_id: Set(entry.entity_id),
            action: Set(entry.action.to_owned()),
            fields: Set(entry.fields.join(",")),
            purpose: Set(entry.purpose.map(str::to_owned)),
        },
    )
    .await?;
    Ok(())
}

/// The tenant audit log table.
pub mod tenant_log {
    use sea_orm::entity::prelude::*;

    /// One entry.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        /// Tenant.
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        /// Entry id (UUIDv7: time-ordered).
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        /// When.
        pub at: DateTimeUtc,
        /// Acting user.
        pub actor_user: Uuid,
        /// Acting user's organisation.
        pub actor_organisation: Option<Uuid>,
        /// Entity kind.
        pub entity: String,
        /// Entity id.
        pub entity_id: Uuid,
        /// Action.
        pub action: String,
        /// Comma-separated field names.
        pub fields: String,
        /// Purpose.
        pub purpose: Option<String>,
    }

    /// No relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl crate::scoped::TenantScoped for Entity {
        fn tenant_column() -> Column {
            Column::TenantId
        }
    }
}

/// The platform audit log table.
pub mod platform_log {
    use sea_orm::entity::prelude::*;

    /// One entry.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "platform_audit_log")]
    pub struct Model {
        /// Entry id.
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        /// When.
        pub at: DateTimeUtc,
        /// Acting platform user.
        pub actor_user: Uuid,
        /// Entity kind.
        pub entity: String,
        /// Entity id.
        pub entity_id: Uuid,
        /// Action.
        pub action: String,
        /// Comma-separated field names.
        pub fields: String,
        /// Purpose.
        pub purpose: Option<String>,
    }

    /// No relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl crate::scoped::ReferenceTable for Entity {}
}
