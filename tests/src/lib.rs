//! # wohnweg-tests
//!
//! The test harness: [`TestApp::spawn`] starts the real gateway on `127.0.0.1:0` with
//! a fresh database and hands back an HTTP client and a token for a fresh tenant.
//!
//! - Without `DATABASE_URL`: a temporary SQLite file and the in-process cache — the
//!   embedded default, exactly as `cargo run` uses it.
//! - With `DATABASE_URL` (a role that may create databases, e.g. the `postgres`
//!   superuser): a new database per test, migrated as that owner, while the server
//!   connects as the runtime role `wohnweg_app` (not superuser, not owner, not
//!   `BYPASSRLS`) — otherwise the RLS tests would prove nothing. Dropped afterwards.
//! - With `REDIS_URL`: the Redis cache, with a key prefix per test.
//!
//! If `DATABASE_URL` is set but unreachable, tests fail loudly; nothing is skipped
//! silently. PostgreSQL-only tests are ignored on the embedded default (`cfg(pg)`, see the
//! build script) and call [`pg_url`].
//!
//! Tenant isolation doubles as test isolation: every test works in its own tenants.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use tokio::sync::OnceCell;
use wohnweg_gateway::config::{Environment, OidcProviderConfig};
use wohnweg_gateway::{App, Config};
use wohnweg_identity::{
    DevTokenIssuer, DisplayName, Email, FederalState, NewUser, OrganisationKind, Provisioning, Slug,
};
use wohnweg_kernel::{Cache, Db, OrganisationId, Role, TenantId, UserId};
use wohnweg_migrations::RUNTIME_ROLE;

/// The development-token secret the test server trusts.
pub const TEST_SECRET: &str = "test-secret-0123456789abcdef-0123456789abcdef";
/// The issuer of test tokens.
pub const TEST_ISSUER: &str = "wohnweg-dev";
/// The audience of test tokens.
pub const TEST_AUDIENCE: &str = "wohnweg";

/// The PostgreSQL admin URL, when the suite runs against PostgreSQL.
#[must_use]
pub fn pg_admin_url() -> Option<String> {
    std::env::var("DATABASE_URL").ok().filter(|v| !v.is_empty())
}

/// The Redis URL, when the suite runs against Redis.
#[must_use]
pub fn redis_url() -> Option<String> {
    std::env::var("REDIS_URL").ok().filter(|v| !v.is_empty())
}

/// For PostgreSQL-only tests (marked `#[cfg_attr(not(pg), ignore = …)]`, so they never
/// run — and never pass — on the embedded default): the admin URL. Panics when it is
/// missing, rather than letting a test pass without checking anything.
pub fn pg_url() -> String {
    pg_admin_url().unwrap_or_else(|| {
        panic!("a PostgreSQL-only test ran without DATABASE_URL; run it with DATABASE_URL set")
    })
}

fn with_db(url: &str, db: &str, user: Option<&str>) -> String {
    let mut u = reqwest::Url::parse(url).expect("DATABASE_URL is not a URL");
    u.set_path(&format!("/{db}"));
    if let Some(user) = user {
        u.set_username(user).expect("cannot set user");
        u.set_password(None).expect("cannot clear password");
    }
    u.to_string()
}

static RUNTIME_ROLE_READY: OnceCell<()> = OnceCell::const_new();

/// Makes sure the runtime role exists and may log in (trust auth on the test
/// server). Once per process.
async fn ensure_runtime_role(admin_url: &str) {
    RUNTIME_ROLE_READY
        .get_or_init(|| async {
            let admin = Database::connect(admin_url).await.unwrap_or_else(|e| {
                panic!("DATABASE_URL is set but PostgreSQL is unreachable: {e}")
            });
            admin
                .execute_unprepared(&format!(
                    "DO $$ BEGIN \
                       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{RUNTIME_ROLE}') THEN \
                         CREATE ROLE {RUNTIME_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS; \
                       END IF; \
                     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
                     ALTER ROLE {RUNTIME_ROLE} LOGIN"
                ))
                .await
                .expect("cannot prepare the runtime role");
            admin.close().await.ok();
        })
        .await;
}

enum Backend {
    Sqlite { dir: PathBuf },
    Postgres { admin_url: String, database: String },
}

/// A user of a test tenant, with a valid token.
#[derive(Clone, Debug)]
pub struct TestUser {
    /// Id.
    pub id: UserId,
    /// Organisation.
    pub organisation: OrganisationId,
    /// Bearer token.
    pub token: String,
}

/// A fresh tenant with one city department and one city caseworker.
#[derive(Clone, Debug)]
pub struct TestTenant {
    /// Id.
    pub id: TenantId,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// The city department.
    pub department: OrganisationId,
    /// A city caseworker.
    pub caseworker: TestUser,
}

/// A running gateway.
pub struct TestApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// `http://addr`.
    pub base: String,
    /// HTTP client.
    pub http: reqwest::Client,
    /// The server's own pool (statement counter included).
    pub db: Db,
    /// The cache the server uses.
    pub cache: Cache,
    /// The server's learning service (its signing-key encryption key included).
    pub learning: wohnweg_learning::Learning,
    /// The configuration it runs with.
    pub config: Config,
    /// Issues tokens the server trusts.
    pub issuer: DevTokenIssuer,
    backend: Backend,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl TestApp {
    /// Starts a server with the default test configuration.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// The configuration a test server starts from: a fresh database, the test
    /// secret, Redis when `REDIS_URL` is set.
    #[must_use]
    pub fn test_config() -> (Config, BackendSetup) {
        let mut config = Config {
            env: Environment::Development,
            demo: Some(false),
            ..Config::default()
        };
        config.auth.dev_tokens = Some(true);
        config.auth.dev_token_secret = Some(TEST_SECRET.into());
        // 32 bytes of 0x2a: the test servers' signing keys are sealed with it.
        config.learning.key_encryption_key =
            Some("KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=".into());
        config.log.filter = "warn".into();
        config.database.max_connections = 5;
        let run = uuid::Uuid::new_v4().simple().to_string();
        config.cache.prefix = format!("wohnweg-test:{run}:");
        config.redis_url = redis_url();
        let setup = match pg_admin_url() {
            Some(admin_url) => {
                let database = format!("ww_test_{run}");
                config.database.admin_url = Some(with_db(&admin_url, &database, None));
                config.database_url = Some(with_db(&admin_url, &database, Some(RUNTIME_ROLE)));
                BackendSetup::Postgres {
                    admin_url,
                    database,
                }
            }
            None => {
                let dir = std::env::temp_dir().join(format!("wohnweg-test-{run}"));
                config.data_dir.clone_from(&dir);
                BackendSetup::Sqlite { dir }
            }
        };
        (config, setup)
    }

    /// Starts a server after `tweak` has adjusted the test configuration.
    pub async fn spawn_with(tweak: impl FnOnce(&mut Config)) -> Self {
        let (mut config, setup) = Self::test_config();
        tweak(&mut config);
        Self::spawn_config(config, setup).await
    }

    /// Starts a server whose tenants sign in with the test OpenID provider
    /// (`tests/oidc`), after `tweak`.
    pub async fn spawn_with_oidc(tweak: impl FnOnce(&mut Config)) -> Self {
        let issuer = oidc_issuer().await;
        Self::spawn_with(|c| {
            c.oidc.default = Some(OidcProviderConfig {
                issuer,
                client_id: "wohnweg".into(),
                client_secret: Some("wohnweg-test-client-secret".into()),
                scopes: vec!["email".into(), "profile".into(), "wohnweg".into()],
                roles_claim: "wohnweg_roles".into(),
                jit_email_domains: Vec::new(),
                jit_organisation: None,
            });
            tweak(c);
        })
        .await
    }

    /// Starts a server with exactly this configuration.
    pub async fn spawn_config(mut config: Config, setup: BackendSetup) -> Self {
        let backend = setup.prepare().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        if config.public_url.is_none() {
            config.public_url = Some(format!("http://{addr}"));
        }
        let app = App::build(config.clone())
            .await
            .unwrap_or_else(|e| panic!("the test server did not start: {e:#}"));
        let db = app.state.db.clone();
        let cache = app.state.cache.clone();
        let learning = app.state.learning.clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(app.serve(listener, async move {
            rx.await.ok();
        }));
        let issuer = DevTokenIssuer::new(
            &config.auth.dev_issuer,
            &config.auth.audience,
            config
                .auth
                .dev_token_secret
                .as_deref()
                .unwrap_or(TEST_SECRET)
                .as_bytes(),
        )
        .unwrap();
        Self {
            addr,
            base: format!("http://{addr}"),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            db,
            cache,
            learning,
            config,
            issuer,
            backend,
            shutdown: Some(tx),
            server: Some(server),
        }
    }

    /// Provisioning on the server's database.
    #[must_use]
    pub fn provisioning(&self) -> Provisioning {
        Provisioning::new(self.db.clone(), self.cache.clone())
    }

    /// A fresh tenant with a department and a city caseworker.
    pub async fn tenant(&self) -> TestTenant {
        let suffix = &uuid::Uuid::new_v4().simple().to_string()[..10];
        self.tenant_with_slug(&format!("t-{suffix}")).await
    }

    /// A fresh tenant with this slug, a department and a city caseworker.
    pub async fn tenant_with_slug(&self, slug: &str) -> TestTenant {
        let slug = slug.to_owned();
        let name = format!("Teststadt {slug}");
        let p = self.provisioning();
        let id = p
            .create_tenant(
                &Slug::parse("slug", &slug).unwrap(),
                &DisplayName::parse("name", &name).unwrap(),
                FederalState::NW,
            )
            .await
            .unwrap_or_else(|e| panic!("create tenant: {:?}", e.code()));
        let department = p
            .create_organisation(
                id,
                &Slug::parse("slug", "stadt").unwrap(),
                &DisplayName::parse("name", "Stadtverwaltung").unwrap(),
                OrganisationKind::CityDepartment,
            )
            .await
            .unwrap_or_else(|e| panic!("create org: {:?}", e.code()));
        let mut tenant = TestTenant {
            id,
            slug,
            name,
            department,
            caseworker: TestUser {
                id: UserId::new(),
                organisation: department,
                token: String::new(),
            },
        };
        tenant.caseworker = self
            .user(
                &tenant,
                department,
                "Erika Testerin",
                &[Role::CityCaseworker],
            )
            .await;
        tenant
    }

    /// Adds an organisation to a tenant.
    pub async fn organisation(
        &self,
        tenant: &TestTenant,
        slug: &str,
        name: &str,
        kind: OrganisationKind,
    ) -> OrganisationId {
        self.provisioning()
            .create_organisation(
                tenant.id,
                &Slug::parse("slug", slug).unwrap(),
                &DisplayName::parse("name", name).unwrap(),
                kind,
            )
            .await
            .unwrap_or_else(|e| panic!("create org: {:?}", e.code()))
    }

    /// Adds a user with `roles` and returns it with a token.
    pub async fn user(
        &self,
        tenant: &TestTenant,
        organisation: OrganisationId,
        name: &str,
        roles: &[Role],
    ) -> TestUser {
        let mailbox = uuid::Uuid::new_v4().simple().to_string();
        let id = self
            .provisioning()
            .create_user(
                tenant.id,
                &NewUser {
                    organisation,
                    display_name: DisplayName::parse("name", name).unwrap(),
                    email: Email::parse("email", &format!("{mailbox}@example.org")).unwrap(),
                    roles: roles.to_vec(),
                },
            )
            .await
            .unwrap_or_else(|e| panic!("create user: {:?}", e.code()));
        TestUser {
            id,
            organisation,
            token: self.token(id, Some(tenant.id)),
        }
    }

    /// A platform user (operator or state officer) with a token.
    pub async fn platform_user(&self, name: &str, role: Role) -> TestUser {
        let mailbox = uuid::Uuid::new_v4().simple().to_string();
        let id = self
            .provisioning()
            .create_platform_user(
                &DisplayName::parse("name", name).unwrap(),
                &Email::parse("email", &format!("{mailbox}@example.org")).unwrap(),
                role,
            )
            .await
            .unwrap_or_else(|e| panic!("create platform user: {:?}", e.code()));
        TestUser {
            id,
            organisation: OrganisationId::from_uuid(uuid::Uuid::nil()),
            token: self.token(id, None),
        }
    }

    /// Rows of a raw query inside `tenant`'s transaction (RLS applies on PostgreSQL).
    pub async fn tenant_rows(&self, tenant: TenantId, sql: &str) -> Vec<sea_orm::QueryResult> {
        let tx = self
            .db
            .begin_tenant(tenant)
            .await
            .unwrap_or_else(|e| panic!("{:?}", e.code()));
        let rows = tx
            .conn()
            .query_all_raw(sea_orm::Statement::from_string(
                self.db.raw().get_database_backend(),
                sql,
            ))
            .await
            .unwrap();
        tx.commit()
            .await
            .unwrap_or_else(|e| panic!("{:?}", e.code()));
        rows
    }

    /// Every table of this test's database, from the catalog (so a table added later
    /// is included without anyone remembering to list it), minus the migrator's own.
    pub async fn all_tables(&self) -> Vec<String> {
        let sql = if self.pg_admin().await.is_some() {
            "SELECT table_name AS t FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
        } else {
            "SELECT name AS t FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        };
        let rows = self
            .db
            .raw()
            .query_all_raw(sea_orm::Statement::from_string(
                self.db.raw().get_database_backend(),
                sql,
            ))
            .await
            .unwrap();
        rows.iter()
            .map(|r| r.try_get::<String>("", "t").unwrap())
            .filter(|t| t != "seaql_migrations")
            .collect()
    }

    /// Every value of every column of every row of `table` that `tenant` reaches, as
    /// text (RLS applies on PostgreSQL; on SQLite rows of other tenants are included,
    /// which only makes a "nothing left" check stricter).
    pub async fn table_texts(&self, tenant: TenantId, table: &str) -> Vec<String> {
        if self.pg_admin().await.is_some() {
            return self
                .tenant_rows(tenant, &format!("SELECT t::text AS v FROM {table} t"))
                .await
                .iter()
                .map(|r| r.try_get::<String>("", "v").unwrap())
                .collect();
        }
        let cols = self
            .tenant_rows(
                tenant,
                &format!("SELECT name FROM pragma_table_info('{table}')"),
            )
            .await;
        let mut out = Vec::new();
        for c in cols {
            let name: String = c.try_get("", "name").unwrap();
            for r in self
                .tenant_rows(
                    tenant,
                    &format!("SELECT CAST(\"{name}\" AS TEXT) AS v FROM {table}"),
                )
                .await
            {
                if let Ok(Some(v)) = r.try_get::<Option<String>>("", "v") {
                    out.push(v);
                }
            }
        }
        out
    }

    /// How many changes `tenant`'s audit log records (reads that reveal household
    /// data are audited too, and are not changes): "nothing was written" checks.
    pub async fn audited_changes(&self, tenant: TenantId) -> usize {
        self.tenant_rows(
            tenant,
            "SELECT id FROM audit_log WHERE action NOT IN ('read', 'match_read')",
        )
        .await
        .len()
    }

    /// A valid token for `user` in `tenant`.
    #[must_use]
    pub fn token(&self, user: UserId, tenant: Option<TenantId>) -> String {
        self.issuer
            .issue(user, tenant, Duration::from_secs(600))
            .unwrap()
    }

    /// POSTs a GraphQL request; returns the status and the JSON body.
    pub async fn gql(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (StatusCode, Value) {
        self.post_json(token, &json!({ "query": query, "variables": variables }))
            .await
    }

    /// POSTs any JSON body to `/graphql`.
    pub async fn post_json(&self, token: Option<&str>, body: &Value) -> (StatusCode, Value) {
        let mut req = self.http.post(format!("{}/graphql", self.base)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        (status, json_body(resp).await)
    }

    /// GETs a path.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    /// A connection to this test's PostgreSQL database as the admin (owner) role.
    pub async fn pg_admin(&self) -> Option<DatabaseConnection> {
        match &self.backend {
            Backend::Postgres {
                admin_url,
                database,
            } => Some(
                Database::connect(with_db(admin_url, database, None))
                    .await
                    .unwrap(),
            ),
            Backend::Sqlite { .. } => None,
        }
    }

    /// Runs `sql` as the database owner, past the runtime role's grants and row
    /// policies (PostgreSQL), or on the one connection (SQLite): a fixture that changes
    /// what the API cannot, such as letting time pass for stored dates.
    pub async fn exec_as_owner(&self, sql: &str) {
        use sea_orm::ConnectionTrait;
        match self.pg_admin().await {
            Some(admin) => admin.execute_unprepared(sql).await.map(|_| ()),
            None => self.db.raw().execute_unprepared(sql).await.map(|_| ()),
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// A connection to this test's PostgreSQL database as the runtime role.
    pub async fn pg_runtime(&self) -> Option<DatabaseConnection> {
        match &self.backend {
            Backend::Postgres {
                admin_url,
                database,
            } => Some(
                Database::connect(with_db(admin_url, database, Some(RUNTIME_ROLE)))
                    .await
                    .unwrap(),
            ),
            Backend::Sqlite { .. } => None,
        }
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(&mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            tx.send(()).ok();
        }
        match self.server.take() {
            Some(handle) => handle.await.unwrap_or(Ok(())),
            None => Ok(()),
        }
    }
}

/// How a test's database is made.
#[derive(Debug, Clone)]
pub enum BackendSetup {
    /// A temporary folder for SQLite.
    Sqlite {
        /// The folder.
        dir: PathBuf,
    },
    /// A new PostgreSQL database.
    Postgres {
        /// The admin URL from `DATABASE_URL`.
        admin_url: String,
        /// The new database's name.
        database: String,
    },
}

impl BackendSetup {
    async fn prepare(self) -> Backend {
        match self {
            Self::Sqlite { dir } => {
                std::fs::create_dir_all(&dir).unwrap();
                Backend::Sqlite { dir }
            }
            Self::Postgres {
                admin_url,
                database,
            } => {
                ensure_runtime_role(&admin_url).await;
                let admin = Database::connect(admin_url.as_str())
                    .await
                    .unwrap_or_else(|e| {
                        panic!("DATABASE_URL is set but PostgreSQL is unreachable: {e}")
                    });
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {database}"))
                    .await
                    .unwrap();
                admin.close().await.ok();
                Backend::Postgres {
                    admin_url,
                    database,
                }
            }
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            tx.send(()).ok();
        }
        if let Some(server) = self.server.take() {
            server.abort();
        }
        match &self.backend {
            Backend::Sqlite { dir } => {
                std::fs::remove_dir_all(dir).ok();
            }
            Backend::Postgres {
                admin_url,
                database,
            } => {
                let admin_url = admin_url.clone();
                let database = database.clone();
                // Drop runs inside the test's runtime: clean up on a thread of its own.
                std::thread::spawn(move || {
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    rt.block_on(async {
                        if let Ok(admin) = Database::connect(admin_url.as_str()).await {
                            admin
                                .execute_unprepared(&format!(
                                    "DROP DATABASE IF EXISTS {database} WITH (FORCE)"
                                ))
                                .await
                                .ok();
                            admin.close().await.ok();
                        }
                    });
                })
                .join()
                .ok();
            }
        }
    }
}

/// A date relative to today, as `YYYY-MM-DD`: tests whose rules depend on today use
/// it so they do not age.
#[must_use]
pub fn day(offset: i64) -> String {
    let today = chrono::Utc::now().date_naive();
    if offset >= 0 {
        today + chrono::Days::new(offset.unsigned_abs())
    } else {
        today - chrono::Days::new(offset.unsigned_abs())
    }
    .to_string()
}

/// The `extensions.code` of the first error, if any.
#[must_use]
pub fn first_code(body: &Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}

/// The `data` of a GraphQL request that must succeed (panics with the body if not).
pub async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

/// A household's current version, as `token` reads it (panics if it cannot).
pub async fn household_version(app: &TestApp, token: &str, id: &str) -> i64 {
    ok(
        app,
        token,
        "query($id: ID!) { household(id: $id) { version } }",
        json!({ "id": id }),
    )
    .await["household"]["version"]
        .as_i64()
        .unwrap_or_else(|| panic!("no version for household {id}"))
}

/// The error code and field of a GraphQL request that must be refused (panics if it
/// succeeds).
pub async fn refused(
    app: &TestApp,
    token: &str,
    query: &str,
    vars: &Value,
) -> (String, Option<String>) {
    let (_, body) = app.gql(Some(token), query, vars.clone()).await;
    let code = first_code(&body).unwrap_or_else(|| panic!("expected an error: {query} {body}"));
    (
        code.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

/// A response body as JSON. A body that is not JSON comes back as an error with code
/// `NOT_JSON` (and the text as its message), so that no helper can mistake an HTML
/// error page or an empty body for a successful answer with no `errors`.
pub async fn json_body(resp: reqwest::Response) -> Value {
    let text = resp.text().await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(
        |_| json!({ "errors": [{ "message": text, "extensions": { "code": "NOT_JSON" } }] }),
    )
}

/// The running test OpenID provider and the keys it signs with.
#[derive(Clone, Debug)]
pub struct TestProvider {
    /// Its issuer URL.
    pub issuer: String,
    /// The `kid` of its published signing key.
    pub kid: String,
    /// That key's private half (PKCS#8 PEM), for forging tokens in tests.
    pub private_pem: String,
    /// Its public half (SPKI PEM).
    pub public_pem: String,
    /// A key the provider never published.
    pub stranger_pem: String,
}

static OIDC_PROVIDER: OnceCell<(std::sync::Mutex<std::process::Child>, TestProvider)> =
    OnceCell::const_new();

/// The test OpenID provider (`tests/oidc/server.js`, a real `oidc-provider`), started
/// once per test process on a loopback port. Installs its pinned packages with
/// `npm ci` when they are missing. Fails loudly without Node.
pub async fn oidc_provider() -> TestProvider {
    let (_, provider) = OIDC_PROVIDER
        .get_or_init(|| async {
            tokio::task::spawn_blocking(start_oidc_provider)
                .await
                .expect("starting the OpenID provider panicked")
        })
        .await;
    provider.clone()
}

/// The issuer of the test OpenID provider.
pub async fn oidc_issuer() -> String {
    oidc_provider().await.issuer
}

/// The folder of the test crate's Node package `name` (`tests/<name>`), with its
/// pinned packages installed by `npm ci` when `module` is missing. Panics, naming
/// `who` needs it, without Node.js and npm.
pub fn node_package(name: &str, module: &str, who: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    if !dir
        .join("node_modules")
        .join(module)
        .join("package.json")
        .exists()
    {
        let status = std::process::Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .status()
            .unwrap_or_else(|e| panic!("{who} need Node.js and npm: {e}"));
        assert!(status.success(), "npm ci in tests/{name} failed");
    }
    dir
}

fn start_oidc_provider() -> (std::sync::Mutex<std::process::Child>, TestProvider) {
    use std::io::BufRead as _;
    use std::process::{Command, Stdio};
    let dir = node_package("oidc", "oidc-provider", "the login tests");
    let mut child = Command::new("node")
        .arg("server.js")
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("the login tests need Node.js: {e}"));
    let stdout = child.stdout.take().expect("provider stdout");
    let mut line = String::new();
    let mut reader = std::io::BufReader::new(stdout);
    reader
        .read_line(&mut line)
        .expect("reading the provider's issuer");
    // Keep draining stdout: a closed pipe would kill the provider on its next write.
    std::thread::spawn(move || {
        let mut rest = reader;
        let mut sink = String::new();
        while rest.read_line(&mut sink).map(|n| n > 0).unwrap_or(false) {
            sink.clear();
        }
    });
    let v: Value = serde_json::from_str(line.trim())
        .unwrap_or_else(|e| panic!("the OpenID provider did not start ({e}): {line:?}"));
    let field = |k: &str| {
        v[k].as_str()
            .unwrap_or_else(|| panic!("provider did not print {k}"))
            .to_owned()
    };
    let provider = TestProvider {
        issuer: field("issuer"),
        kid: field("kid"),
        private_pem: field("private_pem"),
        public_pem: field("public_pem"),
        stranger_pem: field("stranger_pem"),
    };
    (std::sync::Mutex::new(child), provider)
}
