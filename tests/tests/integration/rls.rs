//! The database wall (PostgreSQL only): catalog checks and row-level security seen
//! from the runtime role. On the embedded default these report themselves skipped.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};
use wohnweg_migrations::RUNTIME_ROLE;
use wohnweg_tests::{TestApp, pg_only};

async fn rows(db: &impl ConnectionTrait, sql: &str) -> Vec<sea_orm::QueryResult> {
    db.query_all_raw(Statement::from_string(sea_orm::DbBackend::Postgres, sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn strings(db: &impl ConnectionTrait, sql: &str) -> Vec<String> {
    rows(db, sql)
        .await
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

async fn count(db: &impl ConnectionTrait, sql: &str) -> i64 {
    rows(db, sql).await[0].try_get_by_index::<i64>(0).unwrap()
}

async fn tenant_tables(admin: &DatabaseConnection) -> Vec<String> {
    strings(
        admin,
        "SELECT c.table_name::text FROM information_schema.columns c \
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema \
         WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' \
         ORDER BY 1",
    )
    .await
}

#[tokio::test]
async fn catalog_every_tenant_table_is_walled() {
    let Some(_) = pg_only("catalog_every_tenant_table_is_walled") else {
        return;
    };
    let app = TestApp::spawn().await;
    let admin = app.pg_admin().await.unwrap();
    let tables = tenant_tables(&admin).await;
    assert!(tables.contains(&"users".to_owned()), "{tables:?}");
    for t in &tables {
        let flags = rows(
            &admin,
            &format!("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = 'public.{t}'::regclass"),
        )
        .await;
        let enabled: bool = flags[0].try_get_by_index(0).unwrap();
        let forced: bool = flags[0].try_get_by_index(1).unwrap();
        assert!(
            enabled && forced,
            "{t}: RLS enabled={enabled} forced={forced}"
        );
        let policies = count(
            &admin,
            &format!("SELECT COUNT(*) FROM pg_policies WHERE tablename = '{t}'"),
        )
        .await;
        assert!(policies > 0, "{t} has no policy");
        // Primary key and every unique index include tenant_id.
        let missing = strings(
            &admin,
            &format!(
                "SELECT i.indexrelid::regclass::text FROM pg_index i \
                 WHERE i.indrelid = 'public.{t}'::regclass AND (i.indisprimary OR i.indisunique) \
                 AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid \
                   AND a.attname = 'tenant_id' AND a.attnum = ANY(i.indkey))"
            ),
        )
        .await;
        assert!(
            missing.is_empty(),
            "{t}: unique indexes without tenant_id: {missing:?}"
        );
        let has_pk = count(
            &admin,
            &format!("SELECT COUNT(*) FROM pg_index WHERE indrelid = 'public.{t}'::regclass AND indisprimary"),
        )
        .await;
        assert_eq!(has_pk, 1, "{t} has no primary key");
        // Foreign keys to other tenant tables include tenant_id.
        let bad_fks = strings(
            &admin,
            &format!(
                "SELECT con.conname::text FROM pg_constraint con \
                 WHERE con.contype = 'f' AND con.conrelid = 'public.{t}'::regclass \
                 AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'tenant_id') \
                 AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid \
                   AND a.attname = 'tenant_id' AND a.attnum = ANY(con.conkey))"
            ),
        )
        .await;
        assert!(
            bad_fks.is_empty(),
            "{t}: foreign keys without tenant_id: {bad_fks:?}"
        );
    }
}

#[tokio::test]
async fn catalog_runtime_role_cannot_bypass() {
    let Some(_) = pg_only("catalog_runtime_role_cannot_bypass") else {
        return;
    };
    let app = TestApp::spawn().await;
    let admin = app.pg_admin().await.unwrap();
    let r = rows(
        &admin,
        &format!("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = '{RUNTIME_ROLE}'"),
    )
    .await;
    assert!(
        !r[0].try_get_by_index::<bool>(0).unwrap(),
        "runtime role is superuser"
    );
    assert!(
        !r[0].try_get_by_index::<bool>(1).unwrap(),
        "runtime role has BYPASSRLS"
    );
    let owned = count(
        &admin,
        &format!(
            "SELECT COUNT(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner \
             WHERE r.rolname = '{RUNTIME_ROLE}'"
        ),
    )
    .await;
    assert_eq!(owned, 0, "the runtime role owns relations");
    // And the server really runs as that role.
    let current = strings(app.db.raw(), "SELECT current_user::text").await;
    assert_eq!(current, vec![RUNTIME_ROLE.to_owned()]);
}

#[tokio::test]
async fn rls_without_tenant_setting_sees_nothing_and_with_one_sees_only_that_tenant() {
    let Some(_) = pg_only("rls_without_tenant_setting_sees_nothing") else {
        return;
    };
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    app.user(
        &b,
        b.department,
        "Zweite Person",
        &[wohnweg_kernel::Role::CityAdmin],
    )
    .await;
    let admin = app.pg_admin().await.unwrap();
    assert_eq!(
        count(&admin, "SELECT COUNT(*) FROM users").await,
        3,
        "the owner sees all rows"
    );

    let runtime = app.pg_runtime().await.unwrap();
    // No setting at all: fail closed.
    for table in ["users", "organisations", "role_grants"] {
        assert_eq!(
            count(&runtime, &format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    // Tenant A's setting: only A's rows, even when asking for B's explicitly.
    let txn = runtime.begin().await.unwrap();
    txn.execute_raw(Statement::from_sql_and_values(
        sea_orm::DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [a.id.to_string().into()],
    ))
    .await
    .unwrap();
    assert_eq!(count(&txn, "SELECT COUNT(*) FROM users").await, 1);
    assert_eq!(
        count(
            &txn,
            &format!("SELECT COUNT(*) FROM users WHERE tenant_id = '{}'", b.id)
        )
        .await,
        0
    );
    // Writing a row for B from A's transaction is refused by WITH CHECK.
    let insert = txn
        .execute_unprepared(&format!(
            "INSERT INTO organisations (tenant_id, id, slug, name, kind, version, created_at) \
             VALUES ('{}', gen_random_uuid(), 'sneaky', 'Sneaky', 'carrier', 1, now())",
            b.id
        ))
        .await;
    assert!(insert.is_err(), "a cross-tenant insert must be refused");
    txn.rollback().await.unwrap();

    // After a transaction-local setting ends, the same connection sees nothing again.
    let single = sea_orm::Database::connect({
        let mut o = sea_orm::ConnectOptions::new(app.config.database_url.clone().unwrap());
        o.max_connections(1).min_connections(1);
        o
    })
    .await
    .unwrap();
    let txn = single.begin().await.unwrap();
    txn.execute_raw(Statement::from_sql_and_values(
        sea_orm::DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [a.id.to_string().into()],
    ))
    .await
    .unwrap();
    assert_eq!(count(&txn, "SELECT COUNT(*) FROM users").await, 1);
    txn.commit().await.unwrap();
    assert_eq!(count(&single, "SELECT COUNT(*) FROM users").await, 0);
}

#[tokio::test]
async fn rls_runtime_role_cannot_change_the_schema() {
    let Some(_) = pg_only("rls_runtime_role_cannot_change_the_schema") else {
        return;
    };
    let app = TestApp::spawn().await;
    let runtime = app.pg_runtime().await.unwrap();
    for ddl in [
        "ALTER TABLE users DISABLE ROW LEVEL SECURITY",
        "DROP POLICY tenant_isolation ON users",
        "CREATE TABLE escape_hatch (id int)",
    ] {
        assert!(
            runtime.execute_unprepared(ddl).await.is_err(),
            "{ddl} must be refused"
        );
    }
}

#[tokio::test]
async fn audit_logs_are_append_only_even_for_the_owner() {
    let Some(_) = pg_only("audit_logs_are_append_only_even_for_the_owner") else {
        return;
    };
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let admin_user = app
        .user(
            &t,
            t.department,
            "Anna Admin",
            &[wohnweg_kernel::Role::CityAdmin],
        )
        .await;
    let (_, body) = app
        .gql(
            Some(&admin_user.token),
            "mutation { createOrganisation(input: { slug: \"drk\", name: \"DRK\", kind: CARRIER }) { id } }",
            serde_json::json!({}),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let op = app
        .platform_user("Olga Operator", wohnweg_kernel::Role::PlatformOperator)
        .await;
    let (_, body) = app
        .gql(
            Some(&op.token),
            "mutation { createTenant(input: { slug: \"audit-probe\", name: \"Probe\", state: \"NW\" }) { id } }",
            serde_json::json!({}),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let admin = app.pg_admin().await.unwrap();
    assert_eq!(count(&admin, "SELECT COUNT(*) FROM audit_log").await, 1);
    assert_eq!(
        count(&admin, "SELECT COUNT(*) FROM platform_audit_log").await,
        1
    );
    // The runtime role has no UPDATE or DELETE grant.
    let runtime = app.pg_runtime().await.unwrap();
    let txn = runtime.begin().await.unwrap();
    txn.execute_raw(Statement::from_sql_and_values(
        sea_orm::DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [t.id.to_string().into()],
    ))
    .await
    .unwrap();
    assert!(
        txn.execute_unprepared("UPDATE audit_log SET action = 'nothing'")
            .await
            .is_err()
    );
    txn.rollback().await.unwrap();
    let txn = runtime.begin().await.unwrap();
    assert!(
        txn.execute_unprepared("DELETE FROM audit_log")
            .await
            .is_err()
    );
    txn.rollback().await.unwrap();
    // The owner is stopped by the trigger.
    assert!(
        admin
            .execute_unprepared("UPDATE audit_log SET action = 'nothing'")
            .await
            .is_err()
    );
    assert!(
        admin
            .execute_unprepared("DELETE FROM platform_audit_log")
            .await
            .is_err()
    );
    assert_eq!(
        count(
            &admin,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'create'"
        )
        .await,
        1
    );
}
