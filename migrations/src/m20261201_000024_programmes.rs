//! Carrier programmes: per organisation of a city (a carrier, or the city's own
//! department for its coordinator), the contract period, funding sources with amounts
//! and end dates, positions (FTE, permanent or fixed-term, filled or vacant since
//! when) and yearly targets. Tenant tables behind the usual wall (forced RLS, no
//! DELETE: a programme's history stays).

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
            "programmes",
            &[
                ("organisation_id", Uuid, NN),
                ("title", Str(200), NN),
                ("starts_on", Date, NN),
                ("ends_on", Date, NULL),
                ("caseload_limit", Int, NULL),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
                ("version", Int, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "ix_programmes_organisation",
            "programmes",
            &["organisation_id"],
            false,
        )
        .await?;
        tenant_table(
            manager,
            "programme_funding",
            &[
                ("programme_id", Uuid, NN),
                ("kind", Str(20), NN),
                ("name", Str(200), NN),
                ("amount_cents", Int, NN),
                ("starts_on", Date, NN),
                ("ends_on", Date, NN),
                ("pays_for", Text, NN),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
            ],
            &[(
                "fk_programme_funding_programme",
                &["programme_id"],
                "programmes",
                false,
            )],
        )
        .await?;
        tenant_table(
            manager,
            "programme_positions",
            &[
                ("programme_id", Uuid, NN),
                ("title", Str(200), NN),
                ("fte_hundredths", Int, NN),
                ("permanent", Bool, NN),
                ("ends_on", Date, NULL),
                ("funding_id", Uuid, NULL),
                ("filled", Bool, NN),
                ("since", Date, NN),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
                ("version", Int, NN),
            ],
            &[
                (
                    "fk_programme_positions_programme",
                    &["programme_id"],
                    "programmes",
                    false,
                ),
                (
                    "fk_programme_positions_funding",
                    &["funding_id"],
                    "programme_funding",
                    false,
                ),
            ],
        )
        .await?;
        tenant_table(
            manager,
            "programme_targets",
            &[
                ("programme_id", Uuid, NN),
                ("year", Int, NN),
                ("kind", Str(30), NN),
                ("target", Int, NN),
                ("set_by", Uuid, NN),
                ("set_at", Ts, NN),
            ],
            &[(
                "fk_programme_targets_programme",
                &["programme_id"],
                "programmes",
                false,
            )],
        )
        .await?;
        for (name, table) in [
            ("ix_programme_funding_programme", "programme_funding"),
            ("ix_programme_positions_programme", "programme_positions"),
        ] {
            index(manager, name, table, &["programme_id"], false).await?;
        }
        index(
            manager,
            "ux_programme_targets_year_kind",
            "programme_targets",
            &["programme_id", "year", "kind"],
            true,
        )
        .await
    }
}
