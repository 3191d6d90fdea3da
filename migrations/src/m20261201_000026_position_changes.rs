//! A position's staffing history: each report of "filled since" or "vacant since",
//! kept so that a report for a past period shows the staffing of then. Existing
//! positions get their current state as their first entry.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::m20261121_000004_casework::{NN, Ty, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Bool, Date, Ts, Uuid};
        tenant_table(
            manager,
            "programme_position_changes",
            &[
                ("position_id", Uuid, NN),
                ("filled", Bool, NN),
                ("since", Date, NN),
                ("recorded_by", Uuid, NN),
                ("recorded_at", Ts, NN),
            ],
            &[(
                "fk_position_changes_position",
                &["position_id"],
                "programme_positions",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_position_changes_position",
            "programme_position_changes",
            &["position_id"],
            false,
        )
        .await?;
        // The back-fill runs as the tables' owner, across every tenant: on PostgreSQL
        // the forced row-level security of both tables is lifted for it (the owner then
        // reads and writes every tenant's rows) and put back at once, in the migration's
        // transaction.
        let db = manager.get_connection();
        let pg = manager.get_database_backend() == DatabaseBackend::Postgres;
        let tables = ["programme_positions", "programme_position_changes"];
        if pg {
            for t in tables {
                db.execute_unprepared(&format!("ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY"))
                    .await?;
            }
        }
        db.execute_unprepared(
            "INSERT INTO programme_position_changes (tenant_id, id, position_id, filled, since, recorded_by, recorded_at) \
             SELECT tenant_id, id, id, filled, since, created_by, created_at FROM programme_positions",
        )
        .await?;
        if pg {
            for t in tables {
                db.execute_unprepared(&format!("ALTER TABLE {t} FORCE ROW LEVEL SECURITY"))
                    .await?;
            }
        }
        Ok(())
    }
}
