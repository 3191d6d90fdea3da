//! The database wall (PostgreSQL only): catalog checks and row-level security seen
//! from the runtime role. On the embedded default they are ignored (cfg `pg`, set by
//! the test crate's build script when `DATABASE_URL` is set).

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};
use wohnweg_migrations::RUNTIME_ROLE;
use wohnweg_tests::{TestApp, pg_url};

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

/// The tenant policy's expression as PostgreSQL prints it back.
const TENANT_EXPR: &str =
    "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)";

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
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn catalog_every_tenant_table_is_walled() {
    pg_url();
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
        // Exactly one policy, for every command, permissive, whose USING and WITH
        // CHECK are the fail-closed tenant expression (`USING (true)` would not pass).
        let policies = rows(
            &admin,
            &format!(
                "SELECT policyname::text, cmd::text, permissive::text, qual::text, with_check::text \
                 FROM pg_policies WHERE schemaname = 'public' AND tablename = '{t}'"
            ),
        )
        .await;
        assert_eq!(policies.len(), 1, "{t}: expected one policy");
        let p = &policies[0];
        let field = |i: usize| p.try_get_by_index::<Option<String>>(i).unwrap();
        assert_eq!(field(0).as_deref(), Some("tenant_isolation"), "{t}");
        assert_eq!(
            field(1).as_deref(),
            Some("ALL"),
            "{t}: the policy covers every command"
        );
        assert_eq!(field(2).as_deref(), Some("PERMISSIVE"), "{t}");
        assert_eq!(field(3).as_deref(), Some(TENANT_EXPR), "{t}: USING");
        assert_eq!(field(4).as_deref(), Some(TENANT_EXPR), "{t}: WITH CHECK");
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
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn catalog_runtime_role_cannot_bypass() {
    pg_url();
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
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn rls_without_tenant_setting_sees_nothing_and_with_one_sees_only_that_tenant() {
    pg_url();
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
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn rls_runtime_role_cannot_change_the_schema() {
    pg_url();
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
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn audit_logs_are_append_only_even_for_the_owner() {
    pg_url();
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

/// A literal of PostgreSQL type `ty` for a synthetic row.
fn probe_value(ty: &str) -> &'static str {
    match ty {
        "uuid" => "gen_random_uuid()",
        // One character fits every varchar(n).
        "character varying" | "text" => "'p'",
        "integer" | "bigint" | "smallint" => "(1000 + floor(random() * 1000000000))::int",
        "boolean" => "false",
        "date" => "current_date",
        "timestamp with time zone" | "timestamp without time zone" => "now()",
        "json" | "jsonb" => "'{}'",
        other => panic!("no probe value for type {other}: extend probe_value"),
    }
}

async fn set_tenant(txn: &impl ConnectionTrait, tenant: wohnweg_kernel::TenantId) {
    txn.execute_raw(Statement::from_sql_and_values(
        sea_orm::DbBackend::Postgres,
        "SELECT set_config('app.tenant_id', $1, true)",
        [tenant.to_string().into()],
    ))
    .await
    .unwrap();
}

/// The RLS behaviour, probed on **every** tenant table the catalog lists (not a
/// hand-picked few): one synthetic row per tenant is written by the owner, then the
/// runtime role must see nothing without a tenant setting, exactly its own tenant's
/// rows with one, and must be refused by WITH CHECK when it writes a row for another.
#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn every_tenant_table_fails_closed_separates_tenants_and_checks_writes() {
    pg_url();
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    let admin = app.pg_admin().await.unwrap();
    let tables = tenant_tables(&admin).await;
    assert!(tables.len() >= 25, "{tables:?}");
    for t in &tables {
        let cols = rows(
            &admin,
            &format!(
                "SELECT column_name::text, data_type::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name = '{t}' ORDER BY ordinal_position"
            ),
        )
        .await;
        for tenant in [a.id, b.id] {
            let (mut names, mut values) = (Vec::new(), Vec::new());
            for c in &cols {
                let name: String = c.try_get_by_index(0).unwrap();
                let ty: String = c.try_get_by_index(1).unwrap();
                values.push(if name == "tenant_id" {
                    format!("'{tenant}'")
                } else {
                    probe_value(&ty).to_owned()
                });
                names.push(format!("\"{name}\""));
            }
            // Foreign keys and triggers off: the probe needs a row, not a story.
            admin
                .execute_unprepared(&format!(
                    "SET session_replication_role = replica; \
                     INSERT INTO {t} ({}) VALUES ({}) ON CONFLICT DO NOTHING; \
                     SET session_replication_role = DEFAULT;",
                    names.join(", "),
                    values.join(", ")
                ))
                .await
                .unwrap_or_else(|e| panic!("{t}: {e}"));
        }
    }
    let runtime = app.pg_runtime().await.unwrap();
    for t in &tables {
        let own = |id: wohnweg_kernel::TenantId| {
            format!("SELECT COUNT(*) FROM {t} WHERE tenant_id = '{id}'")
        };
        let (in_a, in_b) = (
            count(&admin, &own(a.id)).await,
            count(&admin, &own(b.id)).await,
        );
        assert!(
            in_a > 0 && in_b > 0,
            "{t}: the probe needs rows of both tenants"
        );
        // No setting: nothing, although rows exist.
        assert_eq!(
            count(&runtime, &format!("SELECT COUNT(*) FROM {t}")).await,
            0,
            "{t}: fails closed"
        );
        // A's setting: exactly A's rows, none of B's even when asked for.
        let txn = runtime.begin().await.unwrap();
        set_tenant(&txn, a.id).await;
        assert_eq!(
            count(&txn, &format!("SELECT COUNT(*) FROM {t}")).await,
            in_a,
            "{t}: own rows"
        );
        assert_eq!(
            count(&txn, &own(b.id)).await,
            0,
            "{t}: another tenant's rows"
        );
        // WITH CHECK: a copy of A's row relabelled as B's is refused by the policy.
        let err = txn
            .execute_unprepared(&format!(
                "INSERT INTO {t} SELECT * FROM json_populate_record(NULL::{t}, \
                   (SELECT (to_jsonb(x) || jsonb_build_object('tenant_id', '{}', 'id', gen_random_uuid()))::json \
                    FROM {t} x LIMIT 1))",
                b.id
            ))
            .await
            .expect_err(&format!("{t}: a row for another tenant must be refused"));
        assert!(
            err.to_string().contains("row-level security"),
            "{t}: refused for the wrong reason: {err}"
        );
        txn.rollback().await.unwrap();
    }
}

/// The runtime role deletes only where the application deletes (revoking a role),
/// and truncates nothing: history (transitions, consents, repayments…) stays.
#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn catalog_the_runtime_role_deletes_only_role_grants() {
    pg_url();
    let app = TestApp::spawn().await;
    let admin = app.pg_admin().await.unwrap();
    let grants = |privilege: &str| {
        format!(
            "SELECT table_name::text FROM information_schema.role_table_grants \
             WHERE grantee = '{RUNTIME_ROLE}' AND privilege_type = '{privilege}' ORDER BY 1"
        )
    };
    assert_eq!(
        strings(&admin, &grants("DELETE")).await,
        vec!["role_grants".to_owned()]
    );
    assert!(strings(&admin, &grants("TRUNCATE")).await.is_empty());
    // And it really cannot: a delete on a history table is refused.
    let runtime = app.pg_runtime().await.unwrap();
    for t in [
        "case_transitions",
        "consents",
        "repayments",
        "matches",
        "guarantees",
        "households",
    ] {
        let err = runtime
            .execute_unprepared(&format!("DELETE FROM {t}"))
            .await
            .expect_err(t);
        assert!(err.to_string().contains("permission denied"), "{t}: {err}");
    }
}

/// Neither the log nor its chain heads can be emptied or rewound, even by the owner.
#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn the_owner_cannot_truncate_the_logs_or_remove_or_rewind_a_chain_head() {
    pg_url();
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
    for slug in ["drk", "awo"] {
        let (_, body) = app
            .gql(
                Some(&admin_user.token),
                &format!("mutation {{ createOrganisation(input: {{ slug: \"{slug}\", name: \"X\", kind: CARRIER }}) {{ id }} }}"),
                serde_json::json!({}),
            )
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    let admin = app.pg_admin().await.unwrap();
    for sql in [
        "TRUNCATE audit_log",
        "TRUNCATE platform_audit_log",
        "TRUNCATE audit_heads",
        "DELETE FROM audit_heads",
        "UPDATE audit_heads SET seq = seq - 1",
        "UPDATE audit_heads SET hash = repeat('0', 64)",
    ] {
        let before = count(&admin, "SELECT COUNT(*) FROM audit_log").await;
        let res = admin.execute_unprepared(sql).await;
        assert!(res.is_err(), "{sql} must be refused");
        assert_eq!(
            count(&admin, "SELECT COUNT(*) FROM audit_log").await,
            before
        );
    }
    assert_eq!(count(&admin, "SELECT COUNT(*) FROM audit_heads").await, 1);
}

/// Whether the session behind `db` runs over TLS.
async fn over_tls(db: &wohnweg_kernel::db::Db) -> bool {
    let r = rows(
        db.raw(),
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
    )
    .await;
    r[0].try_get_by_index::<bool>(0).unwrap()
}

/// A server on this machine is reached without TLS unless `sslmode` says otherwise
/// (TLS protects nothing there and, with sqlx 0.9.0, delays statements over 16 KB by a
/// delayed ACK); a named `sslmode` is honoured.
#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn a_server_on_this_machine_is_reached_without_tls_unless_sslmode_is_named() {
    use wohnweg_kernel::db::{Db, DbOptions};
    let mut url = reqwest::Url::parse(&pg_url()).unwrap();
    url.set_query(None);
    let host = url.host_str().unwrap_or_default().to_owned();
    assert!(
        ["127.0.0.1", "localhost", "[::1]"].contains(&host.as_str()),
        "this test needs the server on this machine, not {host}"
    );
    if std::env::var_os("PGSSLMODE").is_some() {
        return; // the operator named the mode for every connection
    }
    let plain = Db::connect(url.as_str(), &DbOptions::default())
        .await
        .unwrap();
    assert!(
        !over_tls(&plain).await,
        "loopback without sslmode ran over TLS"
    );

    let server_offers_tls = strings(plain.raw(), "SHOW ssl").await[0] == "on";
    url.set_query(Some("sslmode=prefer"));
    let named = Db::connect(url.as_str(), &DbOptions::default())
        .await
        .unwrap();
    assert_eq!(
        over_tls(&named).await,
        server_offers_tls,
        "sslmode=prefer was not honoured"
    );
}

/// A login the server refuses (wrong user or password) and a database that does not
/// exist each get one message naming the place (never the password) and what to
/// check; nothing is created.
#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn a_refused_login_and_a_missing_database_are_explained_without_the_password() {
    let mut url = reqwest::Url::parse(&pg_url()).unwrap();
    url.set_query(None);
    let config = |u: &reqwest::Url| wohnweg_gateway::config::Config {
        database_url: Some(u.to_string()),
        ..Default::default()
    };
    let mut refused = url.clone();
    refused.set_username("nobody_here").unwrap();
    refused.set_password(Some("geheim-4711")).unwrap();
    let err = wohnweg_gateway::app::migrate(&config(&refused))
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("refused the login"), "{err}");
    assert!(
        err.contains("user nobody_here") && err.contains("DATABASE_URL"),
        "{err}"
    );
    assert!(!err.contains("geheim-4711"), "{err}");

    let mut missing = url.clone();
    missing.set_path("/no_such_wohnweg_db");
    let err = wohnweg_gateway::app::migrate(&config(&missing))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("does not exist") && err.contains("createdb"),
        "{err}"
    );
    let app = TestApp::spawn().await;
    let admin = app.pg_admin().await.unwrap();
    assert!(
        strings(
            &admin,
            "SELECT datname::text FROM pg_database WHERE datname = 'no_such_wohnweg_db'"
        )
        .await
        .is_empty()
    );
}
