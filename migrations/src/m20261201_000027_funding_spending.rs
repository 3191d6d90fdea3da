//! What a programme's funding sources paid out: an amount on a day, booked by the
//! city's coordinator, so reports show funding used against its amounts.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Date, Int, Str, Ts, Uuid};
        tenant_table(
            manager,
            "programme_spending",
            &[
                ("funding_id", Uuid, NN),
                ("spent_on", Date, NN),
                ("amount_cents", Int, NN),
                ("note", Str(500), NN),
                ("recorded_by", Uuid, NN),
                ("recorded_at", Ts, NN),
            ],
            &[(
                "fk_programme_spending_funding",
                &["funding_id"],
                "programme_funding",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_programme_spending_funding",
            "programme_spending",
            &["funding_id"],
            false,
        )
        .await
    }
}
