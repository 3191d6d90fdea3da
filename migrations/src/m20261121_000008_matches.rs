//! Matches between offers and households, through viewing and the landlord's decision
//! to the lease and the move.

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
            "matches",
            &[
                ("offer_id", Uuid, NN),
                ("household_id", Uuid, NN),
                ("status", Str(24), NN),
                ("score_tenths", Int, NN),
                ("viewing_on", Date, NULL),
                ("decline_reason", Str(40), NULL),
                ("decline_text", Str(500), NULL),
                ("lease_signed_on", Date, NULL),
                ("move_in_on", Date, NULL),
                ("proposed_by", Uuid, NN),
                ("version", Int, NN),
                ("created_at", Ts, NN),
                ("updated_at", Ts, NN),
            ],
            &[
                ("fk_matches_offer", &["offer_id"], "offers", false),
                (
                    "fk_matches_household",
                    &["household_id"],
                    "households",
                    false,
                ),
            ],
        )
        .await?;
        index(manager, "ix_matches_offer", "matches", &["offer_id"], false).await?;
        index(
            manager,
            "ix_matches_household",
            "matches",
            &["household_id"],
            false,
        )
        .await?;
        Ok(())
    }
}
