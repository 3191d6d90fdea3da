//! Returns to a shelter: a placement that failed records when the household came back
//! and why, so returns within 6, 12 and 24 months of a move can be counted.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Placements {
    Table,
    ReturnedOn,
    ReturnReason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Placements::Table)
                    .add_column(ColumnDef::new(Placements::ReturnedOn).date().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Placements::Table)
                    .add_column(
                        ColumnDef::new(Placements::ReturnReason)
                            .string_len(30)
                            .null(),
                    )
                    .to_owned(),
            )
            .await
    }
}
