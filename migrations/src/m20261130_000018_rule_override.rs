//! A coordinator may override a failed hard rule when proposing a match: the match
//! keeps which rules were overridden and why (shown with the match, audited).

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for c in [
            column("override_rules", Ty::Str(200), NULL),
            column("override_reason", Ty::Text, NULL),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("matches"))
                        .add_column(c)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
