//! Own cases: a household names its responsible city caseworker (the carrier's is named
//! already), and each organisation (a city department or a carrier) decides whether
//! its caseworkers see the organisation's cases or only their own (data minimisation).
//! Indexes for the worklist's date sections.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, column, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Bool, Int, Ts, Uuid};
        let cw = column("city_caseworker", Uuid, NULL);
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("households"))
                    .add_column(cw)
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_households_city_caseworker",
            "households",
            &["city_caseworker"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_households_carrier_caseworker",
            "households",
            &["carrier_caseworker"],
            false,
        )
        .await?;
        tenant_table(
            manager,
            "case_visibility",
            &[
                ("organisation_id", Uuid, NN),
                ("own_cases_only", Bool, NN),
                ("version", Int, NN),
                ("updated_at", Ts, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "uq_case_visibility_organisation",
            "case_visibility",
            &["organisation_id"],
            true,
        )
        .await?;
        index(
            manager,
            "ix_persons_permit_expires",
            "persons",
            &["permit_expires_on"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_persons_benefit_changes",
            "persons",
            &["benefit_changes_on"],
            false,
        )
        .await?;
        Ok(())
    }
}
