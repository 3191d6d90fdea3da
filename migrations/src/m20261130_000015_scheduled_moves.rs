//! Scheduled moves: a lease signed today for a move-in weeks ahead. The household keeps
//! its place until the move-in date; then the move takes effect like any other (the
//! place ends, the placement is counted, the case moves out, aftercare starts). While
//! pending, staff see it and may cancel it with a reason.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Date, Int, Str, Text, Ts, Uuid};
        tenant_table(
            manager,
            "scheduled_moves",
            &[
                ("household_id", Uuid, NN),
                ("match_id", Uuid, NN),
                ("signed_on", Date, NN),
                ("move_in_on", Date, NN),
                ("status", Str(20), NN),
                ("cancel_reason", Text, NULL),
                ("placement_id", Uuid, NULL),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
                ("decided_at", Ts, NULL),
                ("version", Int, NN),
            ],
            &[
                (
                    "fk_scheduled_moves_household",
                    &["household_id"],
                    "households",
                    false,
                ),
                ("fk_scheduled_moves_match", &["match_id"], "matches", false),
            ],
        )
        .await?;
        index(
            manager,
            "ix_scheduled_moves_due",
            "scheduled_moves",
            &["status", "move_in_on"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_scheduled_moves_household",
            "scheduled_moves",
            &["household_id"],
            false,
        )
        .await?;
        index(
            manager,
            "uq_scheduled_moves_match",
            "scheduled_moves",
            &["match_id"],
            true,
        )
        .await
    }
}
