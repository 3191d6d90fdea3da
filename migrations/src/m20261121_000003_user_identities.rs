//! External identities: which provider subject is which user of a tenant.

use sea_orm_migration::prelude::*;

use crate::enable_tenant_rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum UserIdentities {
    Table,
    TenantId,
    Issuer,
    Subject,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    TenantId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(UserIdentities::Table)
                    .col(ColumnDef::new(UserIdentities::TenantId).uuid().not_null())
                    .col(
                        ColumnDef::new(UserIdentities::Issuer)
                            .string_len(500)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(UserIdentities::Subject)
                            .string_len(255)
                            .not_null(),
                    )
                    .col(ColumnDef::new(UserIdentities::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(UserIdentities::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(UserIdentities::TenantId)
                            .col(UserIdentities::Issuer)
                            .col(UserIdentities::Subject),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_identities_user")
                            .from(
                                UserIdentities::Table,
                                (UserIdentities::TenantId, UserIdentities::UserId),
                            )
                            .to(Users::Table, (Users::TenantId, Users::Id))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One identity per user and provider.
        manager
            .create_index(
                Index::create()
                    .name("uq_user_identities_user_issuer")
                    .table(UserIdentities::Table)
                    .col(UserIdentities::TenantId)
                    .col(UserIdentities::UserId)
                    .col(UserIdentities::Issuer)
                    .unique()
                    .to_owned(),
            )
            .await?;
        enable_tenant_rls(manager, "user_identities", "SELECT, INSERT").await?;
        Ok(())
    }
}
