//! Placements: every move of a household out of the city's accommodation into a home of
//! its own, whatever the way — through a match and lease, a flat the household found
//! itself, or the takeover of the lease of the city-rented flat it lives in. One row per
//! move-out, so every figure (segregation indicator, landlord quota, reports) counts
//! each placement exactly once. Moves already made through a match are carried over.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DatabaseBackend, Statement};

use crate::m20261121_000004_casework::{NN, NULL, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Date, Int, Str, Ts, Uuid};
        tenant_table(
            manager,
            "placements",
            &[
                ("household_id", Uuid, NN),
                ("source", Str(20), NN),
                ("match_id", Uuid, NULL),
                ("accommodation_id", Uuid, NULL),
                ("landlord_id", Uuid, NULL),
                ("landlord_kind", Str(30), NN),
                ("district", Str(100), NN),
                ("rooms_tenths", Int, NN),
                ("space_tenths", Int, NN),
                ("gross_rent_cents", Int, NN),
                ("move_in_on", Date, NN),
                ("recorded_at", Ts, NN),
                ("actor", Uuid, NN),
            ],
            &[
                (
                    "fk_placements_household",
                    &["household_id"],
                    "households",
                    false,
                ),
                ("fk_placements_match", &["match_id"], "matches", false),
                (
                    "fk_placements_accommodation",
                    &["accommodation_id"],
                    "accommodations",
                    false,
                ),
                (
                    "fk_placements_landlord",
                    &["landlord_id"],
                    "landlords",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "ix_placements_move_in",
            "placements",
            &["move_in_on"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_placements_household",
            "placements",
            &["household_id"],
            false,
        )
        .await?;
        index(
            manager,
            "uq_placements_match",
            "placements",
            &["match_id"],
            true,
        )
        .await?;
        // Moves made through a match before this migration: one placement each (the
        // match's id is the placement's, so running twice cannot double them).
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let now = if backend == DatabaseBackend::Postgres {
            "now()"
        } else {
            "CURRENT_TIMESTAMP"
        };
        db.execute_raw(Statement::from_string(
            backend,
            format!(
                "INSERT INTO placements (tenant_id, id, household_id, source, match_id, \
                   accommodation_id, landlord_id, landlord_kind, district, rooms_tenths, \
                   space_tenths, gross_rent_cents, move_in_on, recorded_at, actor) \
                 SELECT m.tenant_id, m.id, m.household_id, 'match', m.id, NULL, o.landlord_id, \
                   l.kind, o.district, o.rooms_tenths, o.space_tenths, \
                   o.cold_rent_cents + o.service_cents, m.move_in_on, {now}, m.proposed_by \
                 FROM matches m \
                 JOIN offers o ON o.tenant_id = m.tenant_id AND o.id = m.offer_id \
                 JOIN landlords l ON l.tenant_id = o.tenant_id AND l.id = o.landlord_id \
                 WHERE m.status = 'moved_in' AND m.move_in_on IS NOT NULL"
            ),
        ))
        .await?;
        Ok(())
    }
}
