//! Family reunification: persons expected to join a household (count and expected
//! date) count towards its size when matching (rent and space caps, rooms).

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut count = column("expected_members", Ty::Int, NN);
        count.default(0);
        // One column per statement: SQLite alters one at a time.
        for c in [count, column("expected_on", Ty::Date, NULL)] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("households"))
                        .add_column(c)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
