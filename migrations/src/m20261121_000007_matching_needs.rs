//! What matching needs to know of a household: a housing entitlement certificate (WBS)
//! and until when it is valid, whether it needs step-free access, and the districts it
//! prefers.

use sea_orm_migration::prelude::*;

use crate::m20261121_000004_casework::{NN, NULL, Ty, column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut step_free = column("needs_step_free", Ty::Bool, NN);
        step_free.default(false);
        let mut districts = column("preferred_districts", Ty::Str(500), NN);
        districts.default("");
        for col in [column("wbs_until", Ty::Date, NULL), step_free, districts] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("households"))
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
