//! Guarantee approvals (deposit and rent assumption, security guarantee, release) with
//! annual budgets per kind, and the repayment of deposit loans.

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
            "guarantees",
            &[
                ("household_id", Uuid, NN),
                ("kind", Str(24), NN),
                ("amount_cents", Int, NN),
                ("justification", Text, NN),
                ("budget_year", Int, NN),
                ("status", Str(16), NN),
                ("requested_by", Uuid, NN),
                ("decided_by", Uuid, NULL),
                ("decided_on", Date, NULL),
                ("decision_reason", Str(500), NULL),
                ("instalment_cents", Int, NULL),
                ("instalments", Int, NULL),
                ("version", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[(
                "fk_guarantees_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_guarantees_budget",
            "guarantees",
            &["budget_year", "kind", "status"],
            false,
        )
        .await?;
        tenant_table(
            manager,
            "guarantee_budgets",
            &[
                ("budget_year", Int, NN),
                ("kind", Str(24), NN),
                ("amount_cents", Int, NN),
                ("version", Int, NN),
            ],
            &[],
        )
        .await?;
        index(
            manager,
            "uq_guarantee_budgets",
            "guarantee_budgets",
            &["budget_year", "kind"],
            true,
        )
        .await?;
        tenant_table(
            manager,
            "repayments",
            &[
                ("guarantee_id", Uuid, NN),
                ("received_on", Date, NN),
                ("amount_cents", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[(
                "fk_repayments_guarantee",
                &["guarantee_id"],
                "guarantees",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_repayments_guarantee",
            "repayments",
            &["guarantee_id"],
            false,
        )
        .await?;
        Ok(())
    }
}
