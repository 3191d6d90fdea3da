//! Learning: the shared course catalogue (platform reference tables) and each city's
//! courses, runs, sessions, enrolments, attendance, certificates and signing keys
//! (tenant tables).
//!
//! **The catalogue beside the tenant wall.** `course_templates` and
//! `course_template_modules` have no `tenant_id`: one copy serves every city. They
//! hold no personal data. On PostgreSQL they have row-level security too, enabled and
//! forced, with policies that read the transaction's `app.tenant_id`:
//! - every transaction reads published templates; a tenant transaction also reads the
//!   submissions its own city made (and no other city's);
//! - only a transaction **without** a tenant — the operator path
//!   (`Db::begin_global`) — publishes, reviews or changes a template;
//! - a tenant transaction may insert exactly one thing: a submission of its own
//!   course (`status = 'submitted'`, `submitted_by = app.tenant_id`), which stays
//!   invisible to other cities until an operator publishes it.
//!
//! Nothing can delete a template (no grant): a published version is history that runs
//! point to.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::RUNTIME_ROLE;
use crate::m20261121_000004_casework::{NN, NULL, Ty, column, index, tenant_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The transaction's tenant, or NULL on the operator path.
const TENANT: &str = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Ty::{Bool, Date, Int, Str, Text, Ts, Uuid};
        // The shared catalogue.
        let mut templates = Table::create();
        templates
            .table(Alias::new("course_templates"))
            .col(column("id", Uuid, NN).primary_key())
            .col(column("key", Str(60), NN))
            .col(column("version", Int, NN))
            .col(column("title_de", Str(200), NN))
            .col(column("title_en", Str(200), NN))
            .col(column("summary_de", Text, NN))
            .col(column("languages", Str(200), NN))
            .col(column("rule_kind", Str(20), NN))
            .col(column("rule_min_modules", Int, NULL))
            .col(column("min_attendance_percent", Int, NN))
            .col(column("status", Str(20), NN))
            .col(column("submitted_by", Uuid, NULL))
            .col(column("review_note", Text, NULL))
            .col(column("published_at", Ts, NULL))
            .col(column("created_at", Ts, NN));
        manager.create_table(templates.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_course_templates_key_version")
                    .table(Alias::new("course_templates"))
                    .col(Alias::new("key"))
                    .col(Alias::new("version"))
                    .unique()
                    .to_owned(),
            )
            .await?;
        let mut modules = Table::create();
        modules
            .table(Alias::new("course_template_modules"))
            .col(column("template_id", Uuid, NN))
            .col(column("position", Int, NN))
            .col(column("key", Str(60), NN))
            .col(column("title_de", Str(200), NN))
            .col(column("title_en", Str(200), NN))
            .col(column("goals_de", Text, NN))
            .col(column("minutes", Int, NN))
            .col(column("mandatory", Bool, NN))
            .primary_key(
                Index::create()
                    .col(Alias::new("template_id"))
                    .col(Alias::new("position")),
            )
            .foreign_key(
                ForeignKey::create()
                    .name("fk_course_template_modules_template")
                    .from(
                        Alias::new("course_template_modules"),
                        Alias::new("template_id"),
                    )
                    .to(Alias::new("course_templates"), Alias::new("id")),
            );
        manager.create_table(modules.to_owned()).await?;
        catalogue_wall(manager).await?;

        // Each city's courses.
        tenant_table(
            manager,
            "courses",
            &[
                ("template_id", Uuid, NN),
                ("title", Str(200), NN),
                ("adopted_by_org", Uuid, NULL),
                ("created_at", Ts, NN),
                ("version", Int, NN),
            ],
            &[],
        )
        .await?;
        tenant_table(
            manager,
            "course_local_modules",
            &[
                ("course_id", Uuid, NN),
                ("position", Int, NN),
                ("title", Str(200), NN),
                ("goals", Text, NN),
                ("minutes", Int, NN),
                ("mandatory", Bool, NN),
                ("created_at", Ts, NN),
            ],
            &[("fk_local_modules_course", &["course_id"], "courses", false)],
        )
        .await?;
        index(
            manager,
            "ux_local_modules_position",
            "course_local_modules",
            &["course_id", "position"],
            true,
        )
        .await?;
        tenant_table(
            manager,
            "course_runs",
            &[
                ("course_id", Uuid, NN),
                ("template_id", Uuid, NN),
                ("language", Str(10), NN),
                ("interpreter_language", Str(10), NULL),
                ("trainer", Str(200), NN),
                ("place", Str(200), NN),
                ("district", Str(100), NN),
                ("capacity", Int, NN),
                ("delivering_org", Uuid, NULL),
                ("created_by", Uuid, NN),
                ("created_at", Ts, NN),
                ("version", Int, NN),
            ],
            &[("fk_course_runs_course", &["course_id"], "courses", false)],
        )
        .await?;
        index(
            manager,
            "ix_course_runs_course",
            "course_runs",
            &["course_id"],
            false,
        )
        .await?;
        tenant_table(
            manager,
            "course_sessions",
            &[
                ("run_id", Uuid, NN),
                ("position", Int, NN),
                ("on_date", Date, NN),
                ("starts_at", Str(5), NN),
                ("place", Str(200), NN),
                ("modules", Str(1000), NN),
            ],
            &[("fk_course_sessions_run", &["run_id"], "course_runs", false)],
        )
        .await?;
        index(
            manager,
            "ux_course_sessions_position",
            "course_sessions",
            &["run_id", "position"],
            true,
        )
        .await?;
        tenant_table(
            manager,
            "course_enrolments",
            &[
                ("run_id", Uuid, NN),
                ("person_id", Uuid, NULL),
                ("household_id", Uuid, NULL),
                ("printed_name", Str(200), NN),
                ("language", Str(10), NN),
                ("status", Str(20), NN),
                ("drop_reason", Str(30), NULL),
                ("dropped_after", Int, NULL),
                ("completed_on", Date, NULL),
                ("enrolled_by", Uuid, NN),
                ("enrolled_at", Ts, NN),
                ("version", Int, NN),
            ],
            &[
                ("fk_enrolments_run", &["run_id"], "course_runs", false),
                ("fk_enrolments_person", &["person_id"], "persons", false),
                (
                    "fk_enrolments_household",
                    &["household_id"],
                    "households",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "ix_enrolments_run",
            "course_enrolments",
            &["run_id"],
            false,
        )
        .await?;
        index(
            manager,
            "ix_enrolments_household",
            "course_enrolments",
            &["household_id"],
            false,
        )
        .await?;
        tenant_table(
            manager,
            "course_attendance",
            &[
                ("enrolment_id", Uuid, NN),
                ("session_id", Uuid, NN),
                ("present", Bool, NN),
                ("absence_reason", Str(30), NULL),
                ("recorded_by", Uuid, NN),
                ("recorded_at", Ts, NN),
            ],
            &[
                (
                    "fk_attendance_enrolment",
                    &["enrolment_id"],
                    "course_enrolments",
                    false,
                ),
                (
                    "fk_attendance_session",
                    &["session_id"],
                    "course_sessions",
                    false,
                ),
            ],
        )
        .await?;
        index(
            manager,
            "ux_attendance_enrolment_session",
            "course_attendance",
            &["enrolment_id", "session_id"],
            true,
        )
        .await?;
        tenant_table(
            manager,
            "signing_keys",
            &[
                ("public_key", Str(100), NN),
                ("sealed_private_key", Str(200), NN),
                ("created_at", Ts, NN),
                ("retired_at", Ts, NULL),
                ("revoked_from", Ts, NULL),
                ("revoke_reason", Text, NULL),
            ],
            &[],
        )
        .await?;
        tenant_table(
            manager,
            "certificates",
            &[
                ("enrolment_id", Uuid, NN),
                ("number", Str(40), NN),
                ("status_index", Int, NN),
                ("key_id", Uuid, NN),
                ("issued_on", Date, NN),
                ("credential", Text, NN),
                ("issued_by", Uuid, NN),
                ("revoked_at", Ts, NULL),
                ("revoke_reason", Text, NULL),
                ("replaced_by", Uuid, NULL),
            ],
            &[
                (
                    "fk_certificates_enrolment",
                    &["enrolment_id"],
                    "course_enrolments",
                    false,
                ),
                ("fk_certificates_key", &["key_id"], "signing_keys", false),
            ],
        )
        .await?;
        index(
            manager,
            "ux_certificates_number",
            "certificates",
            &["number"],
            true,
        )
        .await?;
        index(
            manager,
            "ux_certificates_status_index",
            "certificates",
            &["status_index"],
            true,
        )
        .await?;
        index(
            manager,
            "ix_certificates_enrolment",
            "certificates",
            &["enrolment_id"],
            false,
        )
        .await
    }
}

/// RLS on the two catalogue tables (PostgreSQL only; see the module docs).
async fn catalogue_wall(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    if manager.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    let db = manager.get_connection();
    let statements = [
        "ALTER TABLE course_templates ENABLE ROW LEVEL SECURITY".to_owned(),
        "ALTER TABLE course_templates FORCE ROW LEVEL SECURITY".to_owned(),
        format!(
            "CREATE POLICY catalogue_read ON course_templates FOR SELECT \
             USING (status = 'published' OR {TENANT} IS NULL OR submitted_by = {TENANT})"
        ),
        format!(
            "CREATE POLICY catalogue_submit ON course_templates FOR INSERT \
             WITH CHECK ({TENANT} IS NULL \
               OR (status = 'submitted' AND submitted_by = {TENANT}))"
        ),
        format!(
            "CREATE POLICY catalogue_operate ON course_templates FOR UPDATE \
             USING ({TENANT} IS NULL) WITH CHECK ({TENANT} IS NULL)"
        ),
        "ALTER TABLE course_template_modules ENABLE ROW LEVEL SECURITY".to_owned(),
        "ALTER TABLE course_template_modules FORCE ROW LEVEL SECURITY".to_owned(),
        "CREATE POLICY catalogue_read ON course_template_modules FOR SELECT \
         USING (EXISTS (SELECT 1 FROM course_templates t WHERE t.id = template_id))"
            .to_owned(),
        format!(
            "CREATE POLICY catalogue_submit ON course_template_modules FOR INSERT \
             WITH CHECK ({TENANT} IS NULL OR EXISTS (SELECT 1 FROM course_templates t \
               WHERE t.id = template_id AND t.status = 'submitted' AND t.submitted_by = {TENANT}))"
        ),
        format!(
            "CREATE POLICY catalogue_operate ON course_template_modules FOR UPDATE \
             USING ({TENANT} IS NULL) WITH CHECK ({TENANT} IS NULL)"
        ),
        format!("GRANT SELECT, INSERT, UPDATE ON course_templates TO {RUNTIME_ROLE}"),
        format!("GRANT SELECT, INSERT, UPDATE ON course_template_modules TO {RUNTIME_ROLE}"),
    ];
    for sql in statements {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}
