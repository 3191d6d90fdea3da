//! The audit log: append-only, one per tenant (`audit_log`, row-level secured) and one
//! for platform-level changes (`platform_audit_log`).
//!
//! Each tenant's log is a **hash chain**: entry *n* carries the hash of entry *n − 1*
//! (`prev_hash`) and its own `hash = SHA-256(prev_hash ‖ canonical entry)`, with a
//! per-tenant sequence number. The chain's head (`audit_heads`) is locked for the
//! append, so concurrent writers line up instead of forking the chain. [`verify`]
//! walks the chain and reports the first entry that does not fit — an altered field, a
//! removed or reordered entry, or a truncated tail.
//!
//! An entry says who (user, organisation), when, what (entity, id, action, the *names*
//! of the changed fields) and why (a purpose, where the API takes one). It never holds
//! a value: names, e-mail addresses or residence data never enter the log, so erasing a
//! person never has to touch it. Entries are written in the same transaction as the
//! change they record. The runtime role may insert and read, never update or delete,
//! and on PostgreSQL a trigger refuses changes even to the owner.

use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::QueryFilter;
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

impl<'a> AuditEntry<'a> {
    /// An entry without a purpose (most writes).
    #[must_use]
    pub fn new(
        entity: &'static str,
        entity_id: Uuid,
        action: &'static str,
        fields: &'a [&'static str],
    ) -> Self {
        Self {
            entity,
            entity_id,
            action,
            fields,
            purpose: None,
        }
    }
}

/// The `prev_hash` of a tenant's first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// How many entries [`verify`] reads per statement.
const VERIFY_BATCH: u64 = 500;

/// SHA-256 over a length-prefixed encoding of every stored field, so no two different
/// entries encode alike.
fn entry_hash(prev_hash: &str, e: &tenant_log::Model) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut put = |v: &str| {
        h.update(v.len().to_string().as_bytes());
        h.update(b":");
        h.update(v.as_bytes());
        h.update(b";");
    };
    put(prev_hash);
    put(&e.tenant_id.to_string());
    put(&e.seq.to_string());
    put(&e.id.to_string());
    put(&e.at.timestamp_micros().to_string());
    put(&e.actor_user.to_string());
    put(&e
        .actor_organisation
        .map(|o| o.to_string())
        .unwrap_or_default());
    put(&e.entity);
    put(&e.entity_id.to_string());
    put(&e.action);
    put(&e.fields);
    put(e.purpose.as_deref().unwrap_or(""));
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends `entry` to the tenant's log in `tx`, as `ctx`'s principal, extending the
/// hash chain.
pub async fn append(tx: &TenantTx, ctx: &Ctx, entry: &AuditEntry<'_>) -> Result<()> {
    append_many(tx, ctx, std::slice::from_ref(entry)).await
}

/// How many entries go into one `INSERT` (SQLite binds at most 32 766 values).
const INSERT_CHUNK: usize = 500;

/// Appends `entries` in order, as `ctx`'s principal, extending the hash chain. The
/// statement count does not depend on how many entries there are (up to
/// 500 per insert): lists audit the records they reveal with this, so a
/// page of 50 costs what a page of 5 costs.
pub async fn append_many(tx: &TenantTx, ctx: &Ctx, entries: &[AuditEntry<'_>]) -> Result<()> {
    use sea_orm::sea_query::{Expr, OnConflict};
    if entries.is_empty() {
        return Ok(());
    }
    let tenant = tx.tenant().uuid();
    // Make sure the head exists (first entry of a tenant), then lock it.
    #[allow(clippy::disallowed_methods)] // tenant taken from the transaction
    heads::Entity::insert(heads::ActiveModel {
        tenant_id: Set(tenant),
        seq: Set(0),
        hash: Set(GENESIS.to_owned()),
    })
    .on_conflict(
        OnConflict::column(heads::Column::TenantId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(tx.conn())
    .await?;
    let head = tx
        .for_update(tx.find::<heads::Entity>())
        .one(tx.conn())
        .await?
        .ok_or_else(|| crate::Error::internal(std::io::Error::other("audit head missing")))?;
    let p = ctx.principal();
    let now = Utc::now();
    // Stored with microsecond precision on every backend, so hash what is stored.
    let at = chrono::DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now);
    let mut seq = head.seq;
    let mut prev = head.hash;
    let mut models = Vec::with_capacity(entries.len());
    for entry in entries {
        seq = seq.saturating_add(1);
        let mut model = tenant_log::Model {
            tenant_id: tenant,
            id: Uuid::now_v7(),
            seq,
            prev_hash: prev.clone(),
            hash: String::new(),
            at,
            actor_user: p.user_id.uuid(),
            actor_organisation: p.organisation.map(crate::ids::OrganisationId::uuid),
            entity: entry.entity.to_owned(),
            entity_id: entry.entity_id,
            action: entry.action.to_owned(),
            fields: entry.fields.join(","),
            purpose: entry.purpose.map(str::to_owned),
        };
        model.hash = entry_hash(&prev, &model);
        prev.clone_from(&model.hash);
        models.push(model);
    }
    heads::Entity::secure_update_many(tx)
        .col_expr(heads::Column::Seq, Expr::value(seq))
        .col_expr(heads::Column::Hash, Expr::value(prev))
        .exec(tx.conn())
        .await?;
    for chunk in models.chunks(INSERT_CHUNK) {
        // The tenant column of every model is the transaction's tenant (set above).
        #[allow(clippy::disallowed_methods)]
        tenant_log::Entity::insert_many(chunk.iter().cloned().map(tenant_log::ActiveModel::from))
            .exec_without_returning(tx.conn())
            .await?;
    }
    Ok(())
}

/// What [`verify`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// How many entries were checked.
    pub entries: u64,
    /// The first entry that does not fit: its sequence number and id (`None` for a
    /// truncated tail, where the head names entries that are gone).
    pub first_broken: Option<(i64, Option<Uuid>)>,
}

/// Walks the tenant's chain from the first entry up to its head and reports the first
/// broken link.
///
/// The head is read **first**, and only entries up to the head's sequence number are
/// walked. Appends that commit while the walk runs (each batch is its own statement,
/// so on PostgreSQL its own snapshot under READ COMMITTED) only add entries beyond
/// that head, which the walk never reaches; entries up to the head were committed
/// together with it and are never rewritten. So a check under load sees one consistent
/// chain, and a missing entry or a cut-off tail is still found: the walk must arrive at
/// exactly the head it read. Entries without any head (the head row removed) are a
/// break too.
pub async fn verify(tx: &TenantTx) -> Result<ChainReport> {
    use sea_orm::{PaginatorTrait, QueryOrder, QuerySelect};
    let head = tx.find::<heads::Entity>().one(tx.conn()).await?;
    let Some(head) = head else {
        // No head: no entry may exist either.
        let any = tx.find::<tenant_log::Entity>().count(tx.conn()).await?;
        return Ok(ChainReport {
            entries: 0,
            first_broken: (any > 0).then_some((1, None)),
        });
    };
    let mut expected_prev = GENESIS.to_owned();
    let mut expected_seq: i64 = 1;
    let mut checked: u64 = 0;
    while expected_seq <= head.seq {
        let batch = tx
            .find::<tenant_log::Entity>()
            .filter(tenant_log::Column::Seq.gte(expected_seq))
            .filter(tenant_log::Column::Seq.lte(head.seq))
            .order_by_asc(tenant_log::Column::Seq)
            .limit(VERIFY_BATCH)
            .all(tx.conn())
            .await?;
        if batch.is_empty() {
            break;
        }
        for e in batch {
            let broken = e.seq != expected_seq
                || e.prev_hash != expected_prev
                || entry_hash(&e.prev_hash, &e) != e.hash;
            if broken {
                return Ok(ChainReport {
                    entries: checked,
                    first_broken: Some((expected_seq.min(e.seq), Some(e.id))),
                });
            }
            checked += 1;
            expected_seq += 1;
            expected_prev = e.hash;
        }
    }
    // The walk must end exactly at the head: otherwise the tail was cut off.
    if head.seq != expected_seq - 1 || head.hash != expected_prev {
        return Ok(ChainReport {
            entries: checked,
            first_broken: Some((expected_seq, None)),
        });
    }
    Ok(ChainReport {
        entries: checked,
        first_broken: None,
    })
}

/// Filters for [`page`].
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Entity kind.
    pub entity: Option<String>,
    /// Entity id.
    pub entity_id: Option<Uuid>,
    /// Acting user.
    pub actor: Option<Uuid>,
}

/// A page of the tenant's log, newest first; `before` is a sequence number cursor.
pub async fn page(
    tx: &TenantTx,
    filter: &AuditFilter,
    req: crate::page::PageRequest,
    before: Option<i64>,
) -> Result<crate::page::Page<tenant_log::Model>> {
    use sea_orm::{QueryOrder, QuerySelect};
    let mut q = tx
        .find::<tenant_log::Entity>()
        .order_by_desc(tenant_log::Column::Seq);
    if let Some(entity) = &filter.entity {
        q = q.filter(tenant_log::Column::Entity.eq(entity.as_str()));
    }
    if let Some(id) = filter.entity_id {
        q = q.filter(tenant_log::Column::EntityId.eq(id));
    }
    if let Some(actor) = filter.actor {
        q = q.filter(tenant_log::Column::ActorUser.eq(actor));
    }
    let total = req.total(&q, tx.conn()).await?;
    if let Some(b) = before {
        q = q.filter(tenant_log::Column::Seq.lt(b));
    }
    let rows = q.limit(req.first + 1).all(tx.conn()).await?;
    Ok(crate::page::Page::from_overfetch(rows, req).with_total(total))
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
        /// Position in the tenant's chain, from 1.
        pub seq: i64,
        /// Hash of the previous entry ([`super::GENESIS`] for the first).
        pub prev_hash: String,
        /// This entry's hash.
        pub hash: String,
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

/// The head of each tenant's chain.
pub mod heads {
    use sea_orm::entity::prelude::*;

    /// One row per tenant.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_heads")]
    pub struct Model {
        /// Tenant.
        #[sea_orm(primary_key, auto_increment = false)]
        pub tenant_id: Uuid,
        /// Sequence number of the last entry (0: none yet).
        pub seq: i64,
        /// Hash of the last entry.
        pub hash: String,
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
