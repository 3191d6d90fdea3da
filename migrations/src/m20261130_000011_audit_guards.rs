//! Guards found missing in review: the audit logs refuse `TRUNCATE` (even for the
//! owner), a chain head can be neither deleted nor moved backwards, and the runtime
//! role loses `DELETE` on every table whose rows the application never deletes
//! (casework and housing keep their history; erasure overwrites in place). Only
//! `role_grants` keeps `DELETE` (revoking a role deletes its grant).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::RUNTIME_ROLE;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
                   FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only(); \
                 CREATE TRIGGER platform_audit_log_no_truncate BEFORE TRUNCATE ON platform_audit_log \
                   FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only(); \
                 CREATE FUNCTION audit_head_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN \
                   IF TG_OP <> 'UPDATE' THEN \
                     RAISE EXCEPTION 'audit chain heads cannot be removed'; \
                   END IF; \
                   IF NEW.tenant_id <> OLD.tenant_id OR NEW.seq < OLD.seq \
                      OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN \
                     RAISE EXCEPTION 'an audit chain head only moves forward'; \
                   END IF; \
                   RETURN NEW; \
                 END $$; \
                 CREATE TRIGGER audit_heads_only_grow BEFORE UPDATE OR DELETE ON audit_heads \
                   FOR EACH ROW EXECUTE FUNCTION audit_head_only_grows(); \
                 CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads \
                   FOR EACH STATEMENT EXECUTE FUNCTION audit_head_only_grows(); \
                 REVOKE DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM {RUNTIME_ROLE}; \
                 GRANT DELETE ON role_grants TO {RUNTIME_ROLE};"
            ))
            .await?;
        Ok(())
    }
}
