//! Insights: the state programmes (with their cities and officers), what each city
//! shares with whom, and each city's quarterly measures.
//!
//! These are **reference tables** (no `tenant_id`, no row-level security): a state
//! officer belongs to no city, and the measures of several cities are read side by
//! side. They hold no person-level data — `insight_cells` holds one count per city,
//! quarter and measure, with the sum of its households' record keys (the cell key) —
//! and nothing leaves them except through the insights service, which publishes only
//! what the city opted in to share and only after disclosure control. A city is named
//! by `city_id` (its tenant's id). The runtime role may read, insert and update, never
//! delete: a refresh overwrites a city's cells in place.

use sea_orm_migration::prelude::*;

use crate::grant_reference;
use crate::m20261121_000004_casework::{NN, NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn table(
    manager: &SchemaManager<'_>,
    name: &'static str,
    cols: &[(&'static str, Ty, bool)],
    key: &[&'static str],
    cities: &[&'static str],
) -> Result<(), DbErr> {
    let mut t = Table::create();
    t.table(Alias::new(name));
    for &(c, ty, nullable) in cols {
        t.col(column(c, ty, nullable));
    }
    let mut pk = Index::create();
    for c in key {
        pk.col(Alias::new(*c));
    }
    t.primary_key(&mut pk);
    for c in cities {
        t.foreign_key(
            ForeignKey::create()
                .name(format!("fk_{name}_{c}"))
                .from(Alias::new(name), Alias::new(*c))
                .to(Alias::new("tenants"), Alias::new("id")),
        );
    }
    manager.create_table(t.to_owned()).await?;
    grant_reference(manager, name, "SELECT, INSERT, UPDATE").await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        table(
            manager,
            "state_programmes",
            &[
                ("id", Ty::Uuid, NN),
                ("name", Ty::Str(200), NN),
                ("created_at", Ty::Ts, NN),
            ],
            &["id"],
            &[],
        )
        .await?;
        table(
            manager,
            "state_programme_cities",
            &[("programme_id", Ty::Uuid, NN), ("city_id", Ty::Uuid, NN)],
            &["programme_id", "city_id"],
            &["city_id"],
        )
        .await?;
        table(
            manager,
            "state_programme_officers",
            &[("programme_id", Ty::Uuid, NN), ("user_id", Ty::Uuid, NN)],
            &["user_id"],
            &[],
        )
        .await?;
        // audience: "peers", or a state programme's id.
        table(
            manager,
            "insight_shares",
            &[
                ("city_id", Ty::Uuid, NN),
                ("measure", Ty::Str(64), NN),
                ("audience", Ty::Str(64), NN),
                ("shared", Ty::Bool, NN),
                ("changed_by", Ty::Uuid, NN),
                ("changed_at", Ty::Ts, NN),
            ],
            &["city_id", "measure", "audience"],
            &["city_id"],
        )
        .await?;
        table(
            manager,
            "insight_cells",
            &[
                ("city_id", Ty::Uuid, NN),
                ("quarter", Ty::Date, NN),
                ("measure", Ty::Str(64), NN),
                ("records", Ty::Big, NN),
                ("cell_key", Ty::Big, NN),
                ("value", Ty::Big, NN),
                ("median", Ty::Int, NULL),
                ("p75", Ty::Int, NULL),
                ("computed_at", Ty::Ts, NN),
            ],
            &["city_id", "quarter", "measure"],
            &["city_id"],
        )
        .await?;
        table(
            manager,
            "insight_refreshes",
            &[
                ("city_id", Ty::Uuid, NN),
                ("audit_seq", Ty::Big, NN),
                ("refreshed_at", Ty::Ts, NN),
            ],
            &["city_id"],
            &["city_id"],
        )
        .await
    }
}
