//! Organisation contact, and the append-only audit logs: per tenant, hash-chained
//! (with its chain head), and for the platform's own changes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::{enable_tenant_rls, grant_reference};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Contact,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    TenantId,
    Id,
    Seq,
    PrevHash,
    Hash,
    At,
    ActorUser,
    ActorOrganisation,
    Entity,
    EntityId,
    Action,
    Fields,
    Purpose,
}

#[derive(DeriveIden)]
enum AuditHeads {
    Table,
    TenantId,
    Seq,
    Hash,
}

#[derive(DeriveIden)]
enum PlatformAuditLog {
    Table,
    Id,
    At,
    ActorUser,
    Entity,
    EntityId,
    Action,
    Fields,
    Purpose,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(
                        ColumnDef::new(Organisations::Contact)
                            .string_len(500)
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(ColumnDef::new(AuditLog::TenantId).uuid().not_null())
                    .col(ColumnDef::new(AuditLog::Id).uuid().not_null())
                    .col(ColumnDef::new(AuditLog::Seq).big_integer().not_null())
                    .col(ColumnDef::new(AuditLog::PrevHash).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Hash).string_len(64).not_null())
                    .col(
                        ColumnDef::new(AuditLog::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(AuditLog::ActorUser).uuid().not_null())
                    .col(ColumnDef::new(AuditLog::ActorOrganisation).uuid().null())
                    .col(ColumnDef::new(AuditLog::Entity).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::EntityId).uuid().not_null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Fields).string_len(2000).not_null())
                    .col(ColumnDef::new(AuditLog::Purpose).string_len(500).null())
                    .primary_key(Index::create().col(AuditLog::TenantId).col(AuditLog::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_log_entity")
                    .table(AuditLog::Table)
                    .col(AuditLog::TenantId)
                    .col(AuditLog::Entity)
                    .col(AuditLog::EntityId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_audit_log_tenant_seq")
                    .table(AuditLog::Table)
                    .col(AuditLog::TenantId)
                    .col(AuditLog::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // Append-only: the runtime role may insert and read, never update or delete.
        enable_tenant_rls(manager, "audit_log", "SELECT, INSERT").await?;

        // The head of each tenant's hash chain: its row lock serialises appends.
        manager
            .create_table(
                Table::create()
                    .table(AuditHeads::Table)
                    .col(
                        ColumnDef::new(AuditHeads::TenantId)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(AuditHeads::Seq).big_integer().not_null())
                    .col(ColumnDef::new(AuditHeads::Hash).string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        enable_tenant_rls(manager, "audit_heads", "SELECT, INSERT, UPDATE").await?;

        manager
            .create_table(
                Table::create()
                    .table(PlatformAuditLog::Table)
                    .col(
                        ColumnDef::new(PlatformAuditLog::Id)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(PlatformAuditLog::At)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformAuditLog::ActorUser)
                            .uuid()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformAuditLog::Entity)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(ColumnDef::new(PlatformAuditLog::EntityId).uuid().not_null())
                    .col(
                        ColumnDef::new(PlatformAuditLog::Action)
                            .string_len(64)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformAuditLog::Fields)
                            .string_len(2000)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlatformAuditLog::Purpose)
                            .string_len(500)
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        grant_reference(manager, "platform_audit_log", "SELECT, INSERT").await?;

        if manager.get_database_backend() == DatabaseBackend::Postgres {
            // Even the owner cannot rewrite history by accident.
            manager
                .get_connection()
                .execute_unprepared(
                    "CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN RAISE EXCEPTION 'audit logs are append-only'; END $$; \
                     CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log \
                       FOR EACH ROW EXECUTE FUNCTION audit_is_append_only(); \
                     CREATE TRIGGER platform_audit_log_append_only BEFORE UPDATE OR DELETE ON platform_audit_log \
                       FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();",
                )
                .await?;
        }
        Ok(())
    }
}
