//! The application wall of tenant isolation: scoped finders.
//!
//! Every tenant-owned entity implements [`TenantScoped`] and is read and changed only
//! through `secure_*` methods that put `tenant_id = $tenant` into the statement. The
//! unscoped sea-orm entry points (`Entity::find`, `find_by_id`, `update_many`,
//! `delete_many`, `insert`, …) are listed in the workspace's `clippy.toml` under
//! `disallowed-methods`, and CI runs clippy with `-D warnings`: an unscoped query does
//! not pass CI without an explicit `#[allow(clippy::disallowed_methods)]`, which is the
//! grep-able escape. The only such escapes live here, and for shared reference tables
//! ([`ReferenceTable`]), which have no tenant.
//!
//! Another tenant's id therefore behaves exactly like an id that does not exist.

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, DeleteMany, EntityTrait, IntoActiveModel,
    QueryFilter, Select, UpdateMany,
};

use crate::db::TenantTx;
use crate::error::Result;
use crate::ids::TenantId;

/// A tenant-owned entity: it has a `tenant_id` column that is part of its primary key.
pub trait TenantScoped: EntityTrait {
    /// The `tenant_id` column.
    fn tenant_column() -> Self::Column;

    /// `SELECT … WHERE tenant_id = $tenant`.
    #[allow(clippy::disallowed_methods)] // the one sanctioned use
    fn secure_find(tenant: TenantId) -> Select<Self> {
        Self::find().filter(Self::tenant_column().eq(tenant.uuid()))
    }

    /// `UPDATE … WHERE tenant_id = <the transaction's tenant>` (add further filters).
    #[allow(clippy::disallowed_methods)] // the one sanctioned use
    fn secure_update_many(tx: &TenantTx) -> UpdateMany<Self> {
        Self::update_many().filter(Self::tenant_column().eq(tx.tenant().uuid()))
    }

    /// `DELETE … WHERE tenant_id = <the transaction's tenant>` (add further filters).
    #[allow(clippy::disallowed_methods)] // the one sanctioned use
    fn secure_delete_many(tx: &TenantTx) -> DeleteMany<Self> {
        Self::delete_many().filter(Self::tenant_column().eq(tx.tenant().uuid()))
    }

    /// Inserts `model` into the transaction's tenant: the tenant column is overwritten
    /// with the transaction's tenant, whatever the caller put there.
    #[allow(clippy::disallowed_methods)] // the one sanctioned use
    fn secure_insert<A>(
        tx: &TenantTx,
        mut model: A,
    ) -> impl std::future::Future<Output = Result<Self::Model>> + Send
    where
        A: ActiveModelTrait<Entity = Self> + ActiveModelBehavior + Send,
        Self::Model: IntoActiveModel<A>,
    {
        model.set(Self::tenant_column(), tx.tenant().uuid().into());
        async move { Ok(model.insert(tx.conn()).await?) }
    }

    /// Inserts `models` into the transaction's tenant in one statement (nothing when
    /// empty); each tenant column is overwritten with the transaction's tenant.
    #[allow(clippy::disallowed_methods)] // the one sanctioned use
    fn secure_insert_many<A>(
        tx: &TenantTx,
        models: Vec<A>,
    ) -> impl std::future::Future<Output = Result<()>> + Send
    where
        A: ActiveModelTrait<Entity = Self> + ActiveModelBehavior + Send,
    {
        let tenant = tx.tenant().uuid();
        let models: Vec<A> = models
            .into_iter()
            .map(|mut m| {
                m.set(Self::tenant_column(), tenant.into());
                m
            })
            .collect();
        async move {
            if !models.is_empty() {
                Self::insert_many(models).exec(tx.conn()).await?;
            }
            Ok(())
        }
    }
}

/// A shared reference table (tenants, platform users, the course catalogue): no
/// `tenant_id`, readable across tenants by design.
pub trait ReferenceTable: EntityTrait {
    /// Unscoped `SELECT` on a reference table.
    #[allow(clippy::disallowed_methods)] // reference tables have no tenant
    fn global_find() -> Select<Self> {
        Self::find()
    }

    /// Unscoped `UPDATE` on a reference table.
    #[allow(clippy::disallowed_methods)] // reference tables have no tenant
    fn global_update_many() -> UpdateMany<Self> {
        Self::update_many()
    }

    /// Insert into a reference table.
    #[allow(clippy::disallowed_methods)] // reference tables have no tenant
    fn global_insert<A, C>(
        conn: &C,
        model: A,
    ) -> impl std::future::Future<Output = Result<Self::Model>> + Send
    where
        A: ActiveModelTrait<Entity = Self> + ActiveModelBehavior + Send,
        Self::Model: IntoActiveModel<A>,
        C: sea_orm::ConnectionTrait,
    {
        async move { Ok(model.insert(conn).await?) }
    }
}
