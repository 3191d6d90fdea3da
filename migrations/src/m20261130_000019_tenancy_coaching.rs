//! Tenancy coaching as a record, not a flag: who provides it (the city or a carrier),
//! the coach, coded reasons, start, end and outcome. The household's
//! `tenancy_coaching` flag stays as the fast "open coaching" marker.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Date, Int, Str, Ts, Uuid};
        tenant_table(
            manager,
            "tenancy_coachings",
            &[
                ("household_id", Uuid, NN),
                ("provider_org", Uuid, NULL),
                ("coach", Uuid, NULL),
                ("reasons", Str(200), NN),
                ("started_on", Date, NN),
                ("ended_on", Date, NULL),
                ("outcome", Str(30), NULL),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
                ("version", Int, NN),
            ],
            &[(
                "fk_coachings_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_coachings_household",
            "tenancy_coachings",
            &["household_id"],
            false,
        )
        .await
    }
}
