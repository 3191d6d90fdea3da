//! Housing, first part: the accommodation register with occupancy, landlords (with the
//! annual quota of housing companies), rent caps by household size with validity
//! dates, and housing offers. Money is stored in cents, areas and rooms in tenths.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Bool, Date, Int, Str, Text, Ts, Uuid};
        tenant_table(
            manager,
            "accommodations",
            &[
                ("name", Str(200), NN),
                ("kind", Str(24), NN),
                ("street", Str(200), NN),
                ("postal_code", Str(5), NN),
                ("district", Str(100), NN),
                ("capacity", Int, NN),
                ("active", Bool, NN),
                ("version", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "uq_accommodations_name",
            "accommodations",
            &["name"],
            true,
        )
        .await?;
        index(
            manager,
            "ix_accommodations_district",
            "accommodations",
            &["district"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "occupancies",
            &[
                ("accommodation_id", Uuid, NN),
                ("household_id", Uuid, NN),
                ("places", Int, NN),
                ("since", Date, NN),
                ("until_on", Date, NULL),
                ("over_capacity_reason", Str(500), NULL),
                ("end_reason", Str(500), NULL),
                ("version", Int, NN),
            ],
            &[
                (
                    "fk_occupancies_accommodation",
                    &["accommodation_id"],
                    "accommodations",
                    false,
                ),
                (
                    "fk_occupancies_household",
                    &["household_id"],
                    "households",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "ix_occupancies_accommodation",
            "occupancies",
            &["accommodation_id"],
            false,
        )
        .await?;
        // A household lives in one place at a time: at most one open occupancy.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_occupancies_open ON occupancies (tenant_id, household_id) \
                 WHERE until_on IS NULL",
            )
            .await?;

        tenant_table(
            manager,
            "landlords",
            &[
                ("kind", Str(24), NN),
                ("name", Str(200), NN),
                ("contact", Str(500), NULL),
                ("partner_status", Str(16), NN),
                ("annual_quota", Int, NULL),
                ("version", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[],
        )
        .await?;

        tenant_table(
            manager,
            "rent_caps",
            &[
                ("household_size", Int, NN),
                ("max_rent_cents", Int, NN),
                ("max_space_tenths", Int, NULL),
                ("valid_from", Date, NN),
                ("valid_until", Date, NULL),
                ("created_at", Ts, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "ix_rent_caps_size",
            "rent_caps",
            &["household_size", "valid_from"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "offers",
            &[
                ("landlord_id", Uuid, NN),
                ("street", Str(200), NN),
                ("postal_code", Str(5), NN),
                ("district", Str(100), NN),
                ("rooms_tenths", Int, NN),
                ("space_tenths", Int, NN),
                ("cold_rent_cents", Int, NN),
                ("service_cents", Int, NN),
                ("heating_cents", Int, NN),
                ("deposit_cents", Int, NN),
                ("available_from", Date, NN),
                ("wbs_required", Bool, NN),
                ("step_free", Bool, NN),
                ("lift", Bool, NN),
                ("floor", Int, NN),
                ("max_persons", Int, NULL),
                ("pets_allowed", Bool, NULL),
                ("notes", Text, NULL),
                ("status", Str(16), NN),
                ("status_on", Date, NN),
                ("version", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[("fk_offers_landlord", &["landlord_id"], "landlords", false)],
        )
        .await?;
        index(
            manager,
            "ix_offers_status",
            "offers",
            &["status", "district"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_offers_landlord",
            "offers",
            &["landlord_id"],
            false,
        )
        .await?;
        Ok(())
    }
}
