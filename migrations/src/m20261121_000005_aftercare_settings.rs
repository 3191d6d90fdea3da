//! Aftercare follow-ups after a move, the tenancy-coaching flag on a household, and
//! per-tenant casework settings (aftercare schedule, retention after closing).

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, column, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Bool, Date, Int, Str, Text, Ts, Uuid};
        tenant_table(
            manager,
            "casework_settings",
            &[
                // Months after the move at which follow-ups fall due, e.g. "1,3,6,12".
                ("aftercare_months", Str(60), NN),
                // Years after closing after which a case is erased.
                ("retention_years", Int, NN),
                ("version", Int, NN),
                ("updated_at", Ts, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "uq_casework_settings_tenant",
            "casework_settings",
            &[],
            true,
        )
        .await?;

        tenant_table(
            manager,
            "aftercare_followups",
            &[
                ("household_id", Uuid, NN),
                ("due_on", Date, NN),
                ("months", Int, NN),
                ("outcome", Str(24), NULL),
                ("risk", Str(16), NULL),
                ("notes", Text, NULL),
                ("recorded_on", Date, NULL),
                ("recorded_by", Uuid, NULL),
                ("version", Int, NN),
            ],
            &[(
                "fk_followups_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_followups_household",
            "aftercare_followups",
            &["household_id"],
            false,
        )
        .await?;

        let mut coaching = column("tenancy_coaching", Bool, NN);
        coaching.default(false);
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("households"))
                    .add_column(coaching)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
