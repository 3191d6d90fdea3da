//! The city's releases of its joint report to the carriers: a period with the cut-off
//! that fixes its figures. A carrier may read the joint report exactly as released.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Date, Ts, Uuid};
        tenant_table(
            manager,
            "report_releases",
            &[
                ("from_on", Date, NN),
                ("to_on", Date, NN),
                ("cut_off", Ts, NN),
                ("released_by", Uuid, NN),
                ("released_at", Ts, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "ux_report_releases_period",
            "report_releases",
            &["from_on", "to_on", "cut_off"],
            true,
        )
        .await
    }
}
