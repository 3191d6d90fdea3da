//! # wohnweg-kernel
//!
//! The small, shared core every Wohnweg service stands on.
//!
//! **What it owns**
//! - typed ids ([`ids`]): one UUIDv7 newtype per entity, so a `UserId` can never be
//!   passed where a `TenantId` is expected;
//! - who is asking ([`Principal`], [`Role`]) and the request context [`Ctx`] that every
//!   tenant-scoped service method takes first;
//! - the one error type ([`Error`]) whose variants map 1:1 onto the API's
//!   `extensions.code` values;
//! - the database handle ([`Db`]) and the tenant transaction ([`TenantTx`]) that sets
//!   `app.tenant_id` transaction-locally on PostgreSQL, so row-level security applies;
//! - the *application wall* of tenant isolation: [`scoped`] finders
//!   (`Entity::secure_find(tenant)`), the only sanctioned way to read or change a
//!   tenant-owned table;
//! - the cache ([`Cache`]): Redis when configured, in-process otherwise — an
//!   accelerator, never the only copy;
//! - the append-only [`audit`] log and its append API;
//! - keyset pagination ([`page`]).
//!
//! **What it must never do**
//! - know about HTTP, GraphQL or any one service's tables;
//! - log or put into a span any personal data (it never sees any: it handles ids);
//! - offer an unscoped way into a tenant table other than the explicit, grep-able
//!   escapes in [`scoped`] (`#[allow(clippy::disallowed_methods)]` is the marker).

pub mod audit;
pub mod cache;
pub mod ctx;
pub mod db;
pub mod error;
pub mod ids;
pub mod page;
pub mod principal;
pub mod scoped;

pub use cache::Cache;
pub use ctx::Ctx;
pub use db::{Db, DbKind, TenantTx};
pub use error::{Error, ErrorCode, Result};
pub use ids::{OrganisationId, TenantId, UserId};
pub use principal::{Principal, PrincipalKind, Role};
