//! Casework: households and persons, the case workflow's history, housing-readiness
//! assessments, consents, carrier assignments and transfers, counselling sessions and
//! goal plans with their steps.
//!
//! Every table is a tenant table with RLS (see the crate docs); foreign keys include
//! `tenant_id`. Personal columns are nullable or replaceable so erasure can
//! pseudonymise a closed case in place without touching counts.

use sea_orm_migration::prelude::*;

use crate::enable_tenant_rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Column types used here.
#[derive(Clone, Copy)]
pub(crate) enum Ty {
    Uuid,
    Str(u32),
    Text,
    Date,
    Ts,
    Int,
    Bool,
    /// 64-bit integer.
    Big,
}

/// `(name, type, nullable)`.
pub(crate) type Col = (&'static str, Ty, bool);

/// `(constraint, local columns after tenant_id, target table, on delete cascade)`;
/// the target key is `(tenant_id, id)`.
pub(crate) type Fk = (&'static str, &'static [&'static str], &'static str, bool);

pub(crate) const NN: bool = false;
pub(crate) const NULL: bool = true;

pub(crate) fn column(name: &'static str, ty: Ty, nullable: bool) -> ColumnDef {
    let mut c = ColumnDef::new(Alias::new(name));
    match ty {
        Ty::Uuid => c.uuid(),
        Ty::Str(n) => c.string_len(n),
        Ty::Text => c.text(),
        Ty::Date => c.date(),
        Ty::Ts => c.timestamp_with_time_zone(),
        Ty::Int => c.integer(),
        Ty::Bool => c.boolean(),
        Ty::Big => c.big_integer(),
    };
    if nullable {
        c.null();
    } else {
        c.not_null();
    }
    c
}

/// Creates a tenant table keyed `(tenant_id, id)` with `cols`, `fks` and RLS.
pub(crate) async fn tenant_table(
    manager: &SchemaManager<'_>,
    name: &'static str,
    cols: &[Col],
    fks: &[Fk],
) -> Result<(), DbErr> {
    let table = Alias::new(name);
    let mut create = Table::create();
    create
        .table(table.clone())
        .col(column("tenant_id", Ty::Uuid, NN))
        .col(column("id", Ty::Uuid, NN));
    for &(c, ty, nullable) in cols {
        create.col(column(c, ty, nullable));
    }
    create.primary_key(
        Index::create()
            .col(Alias::new("tenant_id"))
            .col(Alias::new("id")),
    );
    create.foreign_key(
        ForeignKey::create()
            .name(format!("fk_{name}_tenant"))
            .from(table.clone(), Alias::new("tenant_id"))
            .to(Alias::new("tenants"), Alias::new("id")),
    );
    for &(fk, from, to, cascade) in fks {
        let mut from_cols = vec![Alias::new("tenant_id")];
        from_cols.extend(from.iter().map(|c| Alias::new(*c)));
        let mut key = ForeignKey::create();
        key.name(fk)
            .from_tbl(table.clone())
            .to_tbl(Alias::new(to))
            .to_col(Alias::new("tenant_id"))
            .to_col(Alias::new("id"));
        for c in from_cols {
            key.from_col(c);
        }
        if cascade {
            key.on_delete(ForeignKeyAction::Cascade);
        }
        create.foreign_key(&mut key);
    }
    manager.create_table(create.to_owned()).await?;
    // No DELETE: casework and housing keep their history; erasure overwrites in place.
    enable_tenant_rls(manager, name, "SELECT, INSERT, UPDATE").await
}

pub(crate) async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: &'static str,
    cols: &[&'static str],
    unique: bool,
) -> Result<(), DbErr> {
    let mut ix = Index::create();
    ix.name(name)
        .table(Alias::new(table))
        .col(Alias::new("tenant_id"));
    for c in cols {
        ix.col(Alias::new(*c));
    }
    if unique {
        ix.unique();
    }
    manager.create_index(ix.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Bool, Date, Int, Str, Text, Ts, Uuid};
        tenant_table(
            manager,
            "households",
            &[
                ("reference", Str(40), NN),
                ("primary_contact", Uuid, NULL),
                ("languages", Str(200), NN),
                ("notes", Text, NULL),
                // Free-text place until the accommodation register replaces it.
                ("accommodation", Str(200), NULL),
                ("state", Str(24), NN),
                ("state_since", Date, NN),
                ("carrier_org", Uuid, NULL),
                ("carrier_caseworker", Uuid, NULL),
                ("readiness", Str(24), NULL),
                ("readiness_on", Date, NULL),
                ("member_count", Int, NN),
                // Folded names and reference for umlaut-tolerant search.
                ("search_text", Text, NN),
                ("version", Int, NN),
                ("created_at", Ts, NN),
                ("updated_at", Ts, NN),
                ("erased_at", Ts, NULL),
            ],
            &[
                (
                    "fk_households_carrier",
                    &["carrier_org"],
                    "organisations",
                    false,
                ),
                (
                    "fk_households_caseworker",
                    &["carrier_caseworker"],
                    "users",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "uq_households_reference",
            "households",
            &["reference"],
            true,
        )
        .await?;
        index(
            manager,
            "ix_households_state",
            "households",
            &["state"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_households_carrier",
            "households",
            &["carrier_org"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "persons",
            &[
                ("household_id", Uuid, NN),
                ("given_name", Str(100), NN),
                ("family_name", Str(100), NN),
                ("date_of_birth", Date, NULL),
                ("relation", Str(24), NN),
                ("nationality", Str(2), NULL),
                ("residence", Str(32), NN),
                ("permit_expires_on", Date, NULL),
                ("benefit", Str(16), NN),
                ("benefit_changes_on", Date, NULL),
                ("language_level", Str(4), NN),
                ("occupation", Str(24), NN),
                ("version", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[(
                "fk_persons_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_persons_household",
            "persons",
            &["household_id"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "case_transitions",
            &[
                ("household_id", Uuid, NN),
                ("from_state", Str(24), NULL),
                ("to_state", Str(24), NN),
                ("reason", Str(500), NN),
                ("effective_on", Date, NN),
                ("at", Ts, NN),
                ("actor", Uuid, NN),
            ],
            &[(
                "fk_case_transitions_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_case_transitions_household",
            "case_transitions",
            &["household_id"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "readiness_assessments",
            &[
                ("household_id", Uuid, NN),
                ("assessed_on", Date, NN),
                ("assessor", Uuid, NN),
                ("rent_payment", Str(16), NN),
                ("household_management", Str(16), NN),
                ("neighbourhood", Str(16), NN),
                ("tenancy_language", Str(16), NN),
                ("id_document", Bool, NN),
                ("income_proof", Bool, NN),
                ("schufa", Bool, NN),
                ("overall", Str(24), NN),
                ("notes", Text, NULL),
                ("created_at", Ts, NN),
            ],
            &[
                (
                    "fk_readiness_household",
                    &["household_id"],
                    "households",
                    false,
                ),
                ("fk_readiness_assessor", &["assessor"], "users", false),
            ],
        )
        .await?;
        index(
            manager,
            "ix_readiness_household",
            "readiness_assessments",
            &["household_id"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "consents",
            &[
                ("household_id", Uuid, NN),
                ("scope", Str(32), NN),
                ("given_on", Date, NN),
                ("withdrawn_on", Date, NULL),
                ("note", Str(500), NULL),
                ("recorded_by", Uuid, NN),
                ("version", Int, NN),
                ("created_at", Ts, NN),
            ],
            &[(
                "fk_consents_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_consents_household",
            "consents",
            &["household_id"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "carrier_assignments",
            &[
                ("household_id", Uuid, NN),
                ("organisation_id", Uuid, NN),
                ("caseworker_id", Uuid, NULL),
                ("status", Str(16), NN),
                ("reason", Str(500), NULL),
                ("decision_reason", Str(500), NULL),
                ("proposed_by", Uuid, NN),
                ("proposed_at", Ts, NN),
                ("decided_by", Uuid, NULL),
                ("decided_at", Ts, NULL),
                ("ended_at", Ts, NULL),
                ("version", Int, NN),
            ],
            &[
                (
                    "fk_assignments_household",
                    &["household_id"],
                    "households",
                    false,
                ),
                (
                    "fk_assignments_organisation",
                    &["organisation_id"],
                    "organisations",
                    false,
                ),
                (
                    "fk_assignments_caseworker",
                    &["caseworker_id"],
                    "users",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "ix_assignments_household",
            "carrier_assignments",
            &["household_id"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_assignments_organisation",
            "carrier_assignments",
            &["organisation_id", "status"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "counselling_sessions",
            &[
                ("household_id", Uuid, NN),
                ("held_on", Date, NN),
                ("participants", Str(500), NN),
                ("topics", Str(500), NN),
                ("barriers", Str(500), NN),
                ("notes", Text, NULL),
                ("next_steps", Text, NULL),
                ("recorded_by", Uuid, NN),
                ("created_at", Ts, NN),
            ],
            &[(
                "fk_counselling_household",
                &["household_id"],
                "households",
                false,
            )],
        )
        .await?;
        index(
            manager,
            "ix_counselling_household",
            "counselling_sessions",
            &["household_id"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "goals",
            &[
                ("household_id", Uuid, NN),
                ("title", Str(200), NN),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
            ],
            &[("fk_goals_household", &["household_id"], "households", false)],
        )
        .await?;
        index(
            manager,
            "ix_goals_household",
            "goals",
            &["household_id"],
            false,
        )
        .await?;

        tenant_table(
            manager,
            "goal_steps",
            &[
                ("goal_id", Uuid, NN),
                ("household_id", Uuid, NN),
                ("description", Str(500), NN),
                ("owner", Str(16), NN),
                ("due_on", Date, NN),
                ("done_on", Date, NULL),
                ("version", Int, NN),
            ],
            &[
                ("fk_goal_steps_goal", &["goal_id"], "goals", true),
                (
                    "fk_goal_steps_household",
                    &["household_id"],
                    "households",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "ix_goal_steps_household",
            "goal_steps",
            &["household_id"],
            false,
        )
        .await?;
        Ok(())
    }
}
