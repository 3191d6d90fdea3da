//! The language a user chose for the console (`de` or `en`), kept with the user so
//! that it follows them to another browser. Empty until they choose.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["users", "platform_users"] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(column("language", Ty::Str(5), NULL))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
