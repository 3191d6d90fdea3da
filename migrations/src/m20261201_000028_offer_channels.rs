//! How an offer reached the city (the report's "offers by channel"), and the figures
//! of a released joint report as they were released.
//!
//! `offers.channel` is empty for offers taken in before it existed: reports count
//! them as "not recorded" rather than guessing. `report_releases.figures` keeps the
//! released report's sections (JSON), so what the carriers read never changes, even
//! where an entry is back-dated later; it is empty for releases made before.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("offers"))
                    .add_column(column("channel", Ty::Str(32), NULL))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("report_releases"))
                    .add_column(column("figures", Ty::Text, NULL))
                    .to_owned(),
            )
            .await
    }
}
