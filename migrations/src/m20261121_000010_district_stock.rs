//! The city's housing stock per district, against which the segregation indicator
//! compares where households are placed.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        tenant_table(
            manager,
            "district_stock",
            &[
                ("district", Ty::Str(100), NN),
                ("dwellings", Ty::Int, NN),
                ("version", Ty::Int, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "uq_district_stock",
            "district_stock",
            &["district"],
            true,
        )
        .await
    }
}
