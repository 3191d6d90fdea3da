//! Decisions that must be countable: who declined a match (landlord, household,
//! carrier, city), and why a transfer was rejected (a code) and by whom.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for (table, name) in [
            ("matches", "declined_by"),
            ("carrier_assignments", "reject_code"),
            ("carrier_assignments", "rejected_by"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(column(name, Ty::Str(30), NULL))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
