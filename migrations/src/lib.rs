//! # wohnweg-migrations
//!
//! **What it owns:** the database schema, as one ordered list of sea-orm migrations,
//! for PostgreSQL and SQLite; on PostgreSQL also the *database wall* of tenant
//! isolation: the runtime role [`RUNTIME_ROLE`], its grants, and on every tenant table
//! row-level security that is enabled **and forced**, with a fail-closed policy on
//! `tenant_id = current_setting('app.tenant_id', true)::uuid`.
//!
//! **Conventions every migration keeps** (the catalog tests in `tests/` check them):
//! - a tenant table has `tenant_id`, its primary key is `(tenant_id, id)`, every foreign
//!   key to another tenant table includes `tenant_id`, every unique index includes
//!   `tenant_id`;
//! - a tenant table gets [`enable_tenant_rls`] in the same migration that creates it;
//! - the runtime role gets only DML grants (no DDL, owns nothing), and only `INSERT`
//!   where a table is append-only.
//!
//! **What it must never do:** run as the runtime role (migrations run as the owner),
//! seed data, or drop a tenant table's policy.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DatabaseBackend, Statement};

mod m20261121_000001_identity;
mod m20261121_000002_admin_audit;
mod m20261121_000003_user_identities;
mod m20261121_000004_casework;
mod m20261121_000005_aftercare_settings;
mod m20261121_000006_housing;
mod m20261121_000007_matching_needs;
mod m20261121_000008_matches;
mod m20261121_000009_guarantees;
mod m20261121_000010_district_stock;
mod m20261130_000011_audit_guards;
mod m20261130_000012_placements;
mod m20261130_000013_returns;
mod m20261130_000014_own_cases;
mod m20261130_000015_scheduled_moves;
mod m20261130_000016_reunification;
mod m20261130_000017_decision_codes;
mod m20261130_000018_rule_override;
mod m20261130_000019_tenancy_coaching;
mod m20261130_000020_benefit_office_and_secured;
mod m20261201_000021_user_language;
mod m20261201_000022_learning;
mod m20261201_000023_platform_sign_in;
mod m20261201_000024_programmes;
mod m20261201_000025_report_releases;
mod m20261201_000026_position_changes;
mod m20261201_000027_funding_spending;
mod m20261201_000028_offer_channels;
mod m20261201_000029_insights;

/// The PostgreSQL role the server connects as at runtime: not superuser, not owner,
/// not `BYPASSRLS`. Created by the first migration when missing (`NOLOGIN` there; the
/// operator grants `LOGIN` and a password, see the README).
pub const RUNTIME_ROLE: &str = "wohnweg_app";

/// The migrator.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_identity::Migration),
            Box::new(m20261121_000002_admin_audit::Migration),
            Box::new(m20261121_000003_user_identities::Migration),
            Box::new(m20261121_000004_casework::Migration),
            Box::new(m20261121_000005_aftercare_settings::Migration),
            Box::new(m20261121_000006_housing::Migration),
            Box::new(m20261121_000007_matching_needs::Migration),
            Box::new(m20261121_000008_matches::Migration),
            Box::new(m20261121_000009_guarantees::Migration),
            Box::new(m20261121_000010_district_stock::Migration),
            Box::new(m20261130_000011_audit_guards::Migration),
            Box::new(m20261130_000012_placements::Migration),
            Box::new(m20261130_000013_returns::Migration),
            Box::new(m20261130_000014_own_cases::Migration),
            Box::new(m20261130_000015_scheduled_moves::Migration),
            Box::new(m20261130_000016_reunification::Migration),
            Box::new(m20261130_000017_decision_codes::Migration),
            Box::new(m20261130_000018_rule_override::Migration),
            Box::new(m20261130_000019_tenancy_coaching::Migration),
            Box::new(m20261130_000020_benefit_office_and_secured::Migration),
            Box::new(m20261201_000021_user_language::Migration),
            Box::new(m20261201_000022_learning::Migration),
            Box::new(m20261201_000023_platform_sign_in::Migration),
            Box::new(m20261201_000024_programmes::Migration),
            Box::new(m20261201_000025_report_releases::Migration),
            Box::new(m20261201_000026_position_changes::Migration),
            Box::new(m20261201_000027_funding_spending::Migration),
            Box::new(m20261201_000028_offer_channels::Migration),
            Box::new(m20261201_000029_insights::Migration),
        ]
    }
}

/// Names of the migrations this build knows but the database has not applied. Reads
/// `seaql_migrations` only (no DDL), so the runtime role can call it for readiness.
pub async fn pending_migrations<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM seaql_migrations",
        ))
        .await?;
    let applied: std::collections::HashSet<String> = rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "version").ok())
        .collect();
    Ok(Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .filter(|name| !applied.contains(name))
        .collect())
}

/// On PostgreSQL: enables and forces RLS on `table` with the fail-closed tenant policy,
/// and grants the runtime role `privileges` on it. No-op on SQLite.
///
/// `NULLIF(…, '')` matters: after a transaction-local `set_config` ends, the setting
/// reads as `''` on that pooled connection, and `''::uuid` would be an error rather
/// than "no rows".
pub async fn enable_tenant_rls(
    manager: &SchemaManager<'_>,
    table: &str,
    privileges: &str,
) -> Result<(), DbErr> {
    if manager.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    let db = manager.get_connection();
    for sql in [
        format!("ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"),
        format!("ALTER TABLE {table} FORCE ROW LEVEL SECURITY"),
        format!(
            "CREATE POLICY tenant_isolation ON {table} \
             USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) \
             WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)"
        ),
        format!("GRANT {privileges} ON {table} TO {RUNTIME_ROLE}"),
    ] {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// On PostgreSQL: grants the runtime role `privileges` on a reference (non-tenant)
/// table. No-op on SQLite.
pub async fn grant_reference(
    manager: &SchemaManager<'_>,
    table: &str,
    privileges: &str,
) -> Result<(), DbErr> {
    if manager.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    manager
        .get_connection()
        .execute_unprepared(&format!("GRANT {privileges} ON {table} TO {RUNTIME_ROLE}"))
        .await?;
    Ok(())
}
