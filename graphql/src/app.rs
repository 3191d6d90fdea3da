//! The application: building it from a [`Config`], its router, and serving it.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::{Request, StatusCode};
use axum::routing::get;
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::MigratorTrait as _;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use wohnweg_identity::{DevTokenIssuer, Identity, TokenVerifier};
use wohnweg_kernel::db::DbOptions;
use wohnweg_kernel::{Cache, Db, DbKind};
use wohnweg_migrations::Migrator;

use crate::config::{Config, Environment};
use crate::jwks::Jwks;
use crate::oidc::Oidc;
use crate::schema::{self, Schemas, Services};
use crate::session::Sessions;
use crate::{demo, devlogin, http, oidc, public};

/// Shared state of every request.
#[derive(Clone)]
pub struct AppState {
    /// Validated configuration.
    pub config: Arc<Config>,
    /// Database pool (the runtime role).
    pub db: Db,
    /// Cache.
    pub cache: Cache,
    /// GraphQL schema.
    pub schema: Schemas,
    /// Bearer-token verification.
    pub verifier: Arc<TokenVerifier>,
    /// Development-token issuer, when enabled.
    pub dev_tokens: Option<DevTokenIssuer>,
    /// Identity service.
    pub identity: Identity,
    /// Housing service (the public offer form).
    pub housing: wohnweg_housing::Housing,
    /// Courses and certificates (the public keys and status lists).
    pub learning: wohnweg_learning::Learning,
    /// Browser sessions.
    pub sessions: Sessions,
    /// OpenID clients.
    pub oidc: Arc<Oidc>,
    /// Providers' published keys, for their bearer tokens.
    pub jwks: Arc<Jwks>,
}

/// A built application, ready to serve.
pub struct App {
    /// Its state.
    pub state: AppState,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").finish_non_exhaustive()
    }
}

/// Where a database URL comes from, for messages.
fn setting_of(config: &Config, migrations: bool) -> &'static str {
    if migrations && config.database.admin_url.is_some() {
        "database.admin_url (WOHNWEG_DATABASE__ADMIN_URL)"
    } else if config.database_url.is_some() {
        "DATABASE_URL (database_url)"
    } else {
        "data_dir (WOHNWEG_DATA_DIR)"
    }
}

/// Opens a pool on `url`, or says what is wrong with reaching it (`setting` names
/// where the URL comes from).
async fn open(url: &str, setting: &str, max_connections: u32) -> anyhow::Result<Db> {
    Db::connect(
        url,
        &DbOptions {
            max_connections,
            ..DbOptions::default()
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!(wohnweg_kernel::db::explain_connect_error(url, setting, &e)))
}

/// Applies all pending migrations with the migration URL (the owner on PostgreSQL).
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let db = open(
        &config.migration_database_url(),
        setting_of(config, true),
        1,
    )
    .await?;
    Migrator::up(db.raw(), None)
        .await
        .context("applying migrations")?;
    db.raw().clone().close().await.ok();
    Ok(())
}

/// Connects the runtime pool and the cache.
pub async fn connect(config: &Config) -> anyhow::Result<(Db, Cache)> {
    let db = open(
        &config.runtime_database_url(),
        setting_of(config, false),
        config.database.max_connections,
    )
    .await?;
    let timeout = Duration::from_millis(config.cache.timeout_ms);
    let cache = match &config.redis_url {
        Some(url) => Cache::redis(url, &config.cache.prefix, timeout)?,
        None => Cache::memory(&config.cache.prefix),
    };
    Ok((db, cache))
}

/// Connects to a database that must already exist and be migrated (the operator
/// commands other than `serve`, `migrate` and `seed`). Creates nothing: on the
/// embedded default a missing database file is an error saying to start the server
/// once, and a database without tables one saying to migrate.
pub async fn connect_existing(config: &Config) -> anyhow::Result<(Db, Cache)> {
    const FIRST_RUN: &str = "start the server once first (`cargo run --release`, or \
                             `wohnweg`): it creates and migrates the database, and in demo \
                             mode seeds the demo cities and users";
    if config.database_url.is_none() {
        let file = config.data_dir.join("wohnweg.db");
        if !file.exists() {
            anyhow::bail!(
                "there is no database yet at {}: {FIRST_RUN}",
                file.display()
            );
        }
    }
    let (db, cache) = connect(config).await?;
    match wohnweg_migrations::pending_migrations(db.raw()).await {
        Ok(pending) if pending.is_empty() => Ok((db, cache)),
        Ok(pending) => anyhow::bail!(
            "the database is not migrated ({} migrations pending): run `wohnweg migrate`, or {FIRST_RUN}",
            pending.len()
        ),
        Err(_) => anyhow::bail!(
            "the database has no Wohnweg tables yet: run `wohnweg migrate`, or {FIRST_RUN}"
        ),
    }
}

/// On PostgreSQL, the runtime role must not bypass row-level security: refused in
/// production, a loud warning in development.
async fn check_runtime_role(db: &Db, config: &Config) -> anyhow::Result<()> {
    if db.kind() != DbKind::Postgres {
        return Ok(());
    }
    let row = db
        .raw()
        .query_one_raw(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user",
        ))
        .await?;
    let bypass = row
        .and_then(|r| r.try_get::<bool>("", "bypass").ok())
        .unwrap_or(true);
    if bypass {
        let msg = "the runtime database role is superuser or BYPASSRLS: row-level security does not apply; connect as wohnweg_app (see README)";
        if config.env == Environment::Production {
            anyhow::bail!(msg);
        }
        tracing::warn!("{msg}");
    }
    Ok(())
}

/// The development-token issuer, when enabled: the configured secret, or one generated
/// once into `data_dir/dev-token-secret` (mode 0600) so `wohnweg token` and the server
/// agree.
pub fn dev_token_issuer(config: &Config) -> anyhow::Result<Option<DevTokenIssuer>> {
    if !config.dev_tokens_enabled() {
        return Ok(None);
    }
    let secret = match &config.auth.dev_token_secret {
        Some(s) => s.clone(),
        None => load_or_create_secret(&config.data_dir.join("dev-token-secret"))?,
    };
    Ok(Some(DevTokenIssuer::new(
        &config.auth.dev_issuer,
        &config.auth.audience,
        secret.as_bytes(),
    )?))
}

/// The key-encryption key of the cities' signing keys: the configured one, or in
/// development one generated once into `data_dir/learning-kek` (mode 0600).
pub fn learning_kek(config: &Config) -> anyhow::Result<wohnweg_learning::Kek> {
    let raw = match &config.learning.key_encryption_key {
        Some(k) => k.clone(),
        None => {
            let path = config.data_dir.join("learning-kek");
            match std::fs::read_to_string(&path) {
                Ok(existing) if wohnweg_learning::Kek::parse(&existing).is_ok() => existing,
                _ => write_secret(&path, &wohnweg_learning::Kek::generate())?,
            }
        }
    };
    wohnweg_learning::Kek::parse(&raw)
        .map_err(|e| anyhow::anyhow!("learning.key_encryption_key {e}"))
}

/// The learning service as the configuration sets it up.
pub fn learning_service(config: &Config, db: &Db) -> anyhow::Result<wohnweg_learning::Learning> {
    Ok(wohnweg_learning::Learning::new(
        db.clone(),
        learning_kek(config)?,
        &config.public_base(),
    ))
}

/// Writes a generated secret readable by its owner only (mode 0600), creating the folder.
fn write_secret(path: &std::path::Path, secret: &str) -> anyhow::Result<String> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    file.write_all(secret.as_bytes())?;
    Ok(secret.to_owned())
}

fn load_or_create_secret(path: &std::path::Path) -> anyhow::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if existing.len() >= 32 {
            return Ok(existing);
        }
    }
    let secret = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    write_secret(path, &secret)
}

impl App {
    /// Builds the application: migrations (unless disabled), pools, demo data (when
    /// enabled and the database is empty), token verification, schema.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        config.validate()?;
        if config.database.migrate_on_start {
            migrate(&config).await?;
        }
        let (db, cache) = connect(&config).await?;
        check_runtime_role(&db, &config).await?;
        let learning = learning_service(&config, &db)?;
        if config.demo_enabled() {
            demo::seed_if_empty(&db, &cache, &learning).await?;
        }
        let dev_tokens = dev_token_issuer(&config)?;
        let mut verifier = TokenVerifier::default();
        if let Some(dev) = &dev_tokens {
            verifier.trust(dev.trusted_issuer());
        }
        let (jwks, providers) = Jwks::from_config(&config)?;
        for p in providers {
            verifier.trust(p);
        }
        let identity = Identity::new(db.clone(), cache.clone());
        let mut services = Services::new(identity.clone(), &db, learning.clone());
        services.insights = wohnweg_insights::Insights::new(db.clone(), config.insights.min_count);
        let schema = schema::build(services, &config);
        let sessions = Sessions::new(
            cache.clone(),
            Duration::from_secs(config.session.idle_timeout_minutes.saturating_mul(60)),
            Duration::from_secs(config.session.absolute_timeout_hours.saturating_mul(3600)),
            !config.insecure_cookies_allowed(),
        );
        let oidc = Arc::new(Oidc::new()?);
        Ok(Self {
            state: AppState {
                config: Arc::new(config),
                housing: wohnweg_housing::Housing::new(db.clone()),
                learning,
                db,
                cache,
                schema,
                verifier: Arc::new(verifier),
                dev_tokens,
                identity,
                sessions,
                oidc,
                jwks: Arc::new(jwks),
            },
        })
    }

    /// The HTTP router with its middleware: request id, a trace span per request
    /// (method, route pattern, request id, trace id — no path, query string or body)
    /// and one log line when it is answered (status, duration), timeout, body limit.
    pub fn router(&self) -> Router {
        let limits = &self.state.config.limits;
        let middleware = ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &Request<_>| {
                        let request_id = req
                            .headers()
                            .get("x-request-id")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("");
                        // The pattern, never the raw path; unmatched paths are not logged.
                        let route = req
                            .extensions()
                            .get::<MatchedPath>()
                            .map_or("(no route)", MatchedPath::as_str);
                        let span = tracing::info_span!(
                            "http.request",
                            http.method = %req.method(),
                            http.route = %route,
                            request_id = %request_id,
                            trace_id = tracing::field::Empty,
                        );
                        if let Some(id) = crate::telemetry::continue_trace(&span, req.headers()) {
                            span.record("trace_id", tracing::field::display(id));
                        }
                        span
                    })
                    // One line per request, when it is answered (a failure is a status).
                    .on_request(())
                    .on_failure(())
                    .on_response(
                        |res: &axum::http::Response<_>, latency: Duration, _: &tracing::Span| {
                            tracing::info!(
                                http.status = res.status().as_u16(),
                                duration_ms = latency.as_secs_f64() * 1000.0,
                                "request"
                            );
                        },
                    ),
            )
            .layer(PropagateRequestIdLayer::x_request_id())
            .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                self.state.config.request_timeout(),
            ));
        let mut router = Router::new();
        if self.state.config.demo_enabled() {
            router = router.route("/auth/dev", get(devlogin::page).post(devlogin::sign_in));
        }
        if self.state.config.env != Environment::Production {
            router = router.route("/graphiql/{file}", get(crate::graphiql::asset));
        }
        for page in crate::console::PAGES {
            router = router.route(page, get(crate::console::page));
        }
        router
            .route("/assets/{file}", get(crate::console::asset))
            .route("/graphql", get(http::graphql_get).post(http::graphql_post))
            .route("/auth/login", get(oidc::login))
            .route("/auth/platform-login", get(oidc::platform_login))
            .route("/auth/options", get(oidc::options))
            .route("/auth/callback", get(oidc::callback))
            .route("/auth/logout", axum::routing::post(oidc::logout))
            .route("/auth/session", get(oidc::session_info))
            .route(
                "/public/{city}/offer-form",
                get(public::form).post(crate::public_page::submit_page),
            )
            .route("/public/{city}/offers", axum::routing::post(public::submit))
            .route("/verify", get(crate::certificates::page))
            .route("/public/{city}", get(crate::certificates::issuer))
            .route("/public/{city}/keys.json", get(crate::certificates::keys))
            .route("/public/{city}/status", get(crate::certificates::status))
            .route("/health/livez", get(http::livez))
            .route("/health/readyz", get(http::readyz))
            .layer(DefaultBodyLimit::disable())
            .layer(middleware)
            .with_state(self.state.clone())
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight
    /// requests finish, and returns.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let router = self.router();
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
    }
}

/// Completes on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
