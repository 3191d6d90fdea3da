//! Platform staff (operators, state officers) sign in through the platform's own
//! OpenID provider: a platform user keeps the provider identity (`iss`, `sub`) it was
//! linked to at its first sign-in, at most one per user and each identity at most
//! once.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, ty) in [
            ("oidc_issuer", Ty::Str(500)),
            ("oidc_subject", Ty::Str(255)),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("platform_users"))
                        .add_column(column(name, ty, NULL))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ux_platform_users_oidc")
                    .table(Alias::new("platform_users"))
                    .col(Alias::new("oidc_issuer"))
                    .col(Alias::new("oidc_subject"))
                    .unique()
                    .to_owned(),
            )
            .await
    }
}
