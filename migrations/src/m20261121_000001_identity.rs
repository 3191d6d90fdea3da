//! Tenants, platform users, organisations, users and role grants; the runtime role.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::{RUNTIME_ROLE, enable_tenant_rls, grant_reference};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
    Slug,
    Name,
    State,
    DefaultLocale,
    Active,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PlatformUsers {
    Table,
    Id,
    DisplayName,
    Email,
    Role,
    Active,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    TenantId,
    Id,
    Slug,
    Name,
    Kind,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    TenantId,
    Id,
    OrganisationId,
    DisplayName,
    Email,
    Active,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    TenantId,
    UserId,
    Role,
    GrantedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let pg = manager.get_database_backend() == DatabaseBackend::Postgres;
        if pg {
            // Create the runtime role if missing. Concurrent creators (parallel test
            // databases) race on pg_authid, hence both exception names.
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "DO $$ BEGIN \
                       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RUNTIME_ROLE}') THEN \
                         CREATE ROLE {RUNTIME_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; \
                       END IF; \
                     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; \
                     END $$"
                ))
                .await?;
            // PostgreSQL before 15 lets PUBLIC create in schema `public`; the runtime
            // role must not (DML only).
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "GRANT USAGE ON SCHEMA public TO {RUNTIME_ROLE}; \
                     GRANT SELECT ON seaql_migrations TO {RUNTIME_ROLE}; \
                     DO $$ BEGIN REVOKE CREATE ON SCHEMA public FROM PUBLIC; \
                     EXCEPTION WHEN insufficient_privilege THEN NULL; END $$"
                ))
                .await?;
        }

        // Reference table: the tenants themselves.
        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(ColumnDef::new(Tenants::Id).uuid().not_null().primary_key())
                    .col(
                        ColumnDef::new(Tenants::Slug)
                            .string_len(63)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Tenants::Name).string_len(200).not_null())
                    .col(ColumnDef::new(Tenants::State).string_len(2).not_null())
                    .col(
                        ColumnDef::new(Tenants::DefaultLocale)
                            .string_len(8)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Tenants::Active).boolean().not_null())
                    .col(ColumnDef::new(Tenants::Version).integer().not_null())
                    .col(
                        ColumnDef::new(Tenants::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        grant_reference(manager, "tenants", "SELECT, INSERT, UPDATE").await?;

        // Reference table: operators and state officers, who belong to no tenant.
        manager
            .create_table(
                Table::create()
                    .table(PlatformUsers::Table)
                    .col(
                        ColumnDef::new(PlatformUsers::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(PlatformUsers::DisplayName)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformUsers::Email)
                            .string_len(320)
                            .not_null()
                            .unique_key(),
                    )
                    .col(
                        ColumnDef::new(PlatformUsers::Role)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(PlatformUsers::Active).boolean().not_null())
                    .col(ColumnDef::new(PlatformUsers::Version).integer().not_null())
                    .col(
                        ColumnDef::new(PlatformUsers::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        grant_reference(manager, "platform_users", "SELECT, INSERT, UPDATE").await?;

        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(ColumnDef::new(Organisations::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Organisations::Id).uuid().not_null())
                    .col(
                        ColumnDef::new(Organisations::Slug)
                            .string_len(63)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Organisations::Name)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Organisations::Kind)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Organisations::Version).integer().not_null())
                    .col(
                        ColumnDef::new(Organisations::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(Organisations::TenantId)
                            .col(Organisations::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisations_tenant")
                            .from(Organisations::Table, Organisations::TenantId)
                            .to(Tenants::Table, Tenants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_organisations_tenant_slug")
                    .table(Organisations::Table)
                    .col(Organisations::TenantId)
                    .col(Organisations::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;
        enable_tenant_rls(manager, "organisations", "SELECT, INSERT, UPDATE").await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(ColumnDef::new(Users::TenantId).uuid().not_null())
                    .col(ColumnDef::new(Users::Id).uuid().not_null())
                    .col(ColumnDef::new(Users::OrganisationId).uuid().not_null())
                    .col(
                        ColumnDef::new(Users::DisplayName)
                            .string_len(200)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Users::Email).string_len(320).not_null())
                    .col(ColumnDef::new(Users::Active).boolean().not_null())
                    .col(ColumnDef::new(Users::Version).integer().not_null())
                    .col(
                        ColumnDef::new(Users::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(Index::create().col(Users::TenantId).col(Users::Id))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_users_organisation")
                            .from(Users::Table, (Users::TenantId, Users::OrganisationId))
                            .to(
                                Organisations::Table,
                                (Organisations::TenantId, Organisations::Id),
                            ),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_users_tenant_email")
                    .table(Users::Table)
                    .col(Users::TenantId)
                    .col(Users::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        enable_tenant_rls(manager, "users", "SELECT, INSERT, UPDATE").await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleGrants::Table)
                    .col(ColumnDef::new(RoleGrants::TenantId).uuid().not_null())
                    .col(ColumnDef::new(RoleGrants::UserId).uuid().not_null())
                    .col(ColumnDef::new(RoleGrants::Role).string_len(32).not_null())
                    .col(
                        ColumnDef::new(RoleGrants::GrantedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(RoleGrants::TenantId)
                            .col(RoleGrants::UserId)
                            .col(RoleGrants::Role),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_role_grants_user")
                            .from(
                                RoleGrants::Table,
                                (RoleGrants::TenantId, RoleGrants::UserId),
                            )
                            .to(Users::Table, (Users::TenantId, Users::Id))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        enable_tenant_rls(manager, "role_grants", "SELECT, INSERT, DELETE").await?;
        Ok(())
    }
}
