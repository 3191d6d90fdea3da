//! The benefit office's acceptance of the rent as a match step (SGB II / SGB XII
//! households need it before the lease), and what a guarantee secures: the offer and,
//! when there is one, the match. Amounts are checked against that offer's rent.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for (table, c) in [
            ("matches", column("benefit_office", Ty::Str(10), NULL)),
            ("matches", column("benefit_office_on", Ty::Date, NULL)),
            ("matches", column("benefit_office_reason", Ty::Text, NULL)),
            ("guarantees", column("offer_id", Ty::Uuid, NULL)),
            ("guarantees", column("match_id", Ty::Uuid, NULL)),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(c)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
