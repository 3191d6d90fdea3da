//! The database handle and the tenant transaction.
//!
//! Two backends: PostgreSQL (production; both walls of tenant isolation) and SQLite
//! (the embedded default for a laptop; only the application wall). Every tenant-scoped
//! unit of work runs in a [`TenantTx`]: on PostgreSQL it starts with
//! `SELECT set_config('app.tenant_id', $1, true)` — bound, transaction-local, never a
//! session `SET` — so the forced row-level-security policies see the tenant, and a
//! pooled connection carries nothing over to the next request.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, Select, Statement, TransactionTrait,
};

use crate::error::Result;
use crate::ids::TenantId;
use crate::scoped::TenantScoped;

/// Which database we talk to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbKind {
    /// PostgreSQL: RLS enforced.
    Postgres,
    /// SQLite: the embedded default.
    Sqlite,
}

/// Pool settings.
#[derive(Clone, Debug)]
pub struct DbOptions {
    /// Upper bound of pooled connections.
    pub max_connections: u32,
    /// How long to wait for a pooled connection.
    pub acquire_timeout: Duration,
}

impl Default for DbOptions {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// A shared handle on the database pool. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    conn: DatabaseConnection,
    kind: DbKind,
    statements: Arc<AtomicU64>,
    recorder: Arc<Recorder>,
}

/// The statements' SQL text, kept only while a test or a benchmark asks for it: one
/// relaxed load per statement otherwise.
#[derive(Debug, Default)]
struct Recorder {
    on: AtomicBool,
    /// With the bound values inlined (a benchmark replaying the statements); never
    /// turned on by the server.
    values: AtomicBool,
    sql: Mutex<Vec<String>>,
}

/// What went wrong connecting to `url`, said so that an operator can act on it: where
/// (host, port, database, user — never the password), what the server or the network
/// said, and what to check. `setting` names where the URL comes from (e.g.
/// `DATABASE_URL`).
#[must_use]
pub fn explain_connect_error(url: &str, setting: &str, err: &DbErr) -> String {
    use sea_orm::RuntimeErr;
    use sea_orm::sqlx::Error as SqlxError;
    if url.starts_with("sqlite:") {
        let path = sqlite_path(url).unwrap_or(":memory:");
        let why = match err {
            DbErr::Custom(why) => why.clone(),
            other => other.to_string(),
        };
        return format!(
            "cannot open the SQLite database {path}: {why}. Check that the data folder \
             (data_dir, WOHNWEG_DATA_DIR) exists or can be created, and that this user may \
             write there."
        );
    }
    let place = url
        .parse::<sea_orm::sqlx::postgres::PgConnectOptions>()
        .map_or_else(
            |_| "the configured server".to_owned(),
            |o| {
                format!(
                    "{}:{} (database {}, user {})",
                    o.get_host(),
                    o.get_port(),
                    o.get_database().unwrap_or("(the user's)"),
                    o.get_username()
                )
            },
        );
    let sqlx = match err {
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => Some(e.as_ref()),
        _ => None,
    };
    match sqlx {
        Some(SqlxError::Io(io)) => format!(
            "cannot reach the database at {place}: {}. Is PostgreSQL running there and \
             accepting TCP connections? Check the host and port in {setting}.",
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "nothing is listening".to_owned(),
                _ => io.to_string(),
            }
        ),
        Some(SqlxError::PoolTimedOut) => format!(
            "cannot reach the database at {place}: {}. Is PostgreSQL running there and \
             accepting connections? Check the host and port in {setting}.",
            probe(url)
        ),
        Some(SqlxError::Database(db)) => match db.code().as_deref() {
            Some("28P01" | "28000") => format!(
                "the database at {place} refused the login: {}. Check the user and password \
                 in {setting}.",
                db.message()
            ),
            Some("3D000") => format!(
                "the database at {place} does not exist: {}. Create it (createdb) or fix the \
                 database name in {setting}.",
                db.message()
            ),
            _ => format!(
                "the database at {place} refused the connection: {}.",
                db.message()
            ),
        },
        Some(SqlxError::Tls(e)) => format!(
            "cannot set up TLS to the database at {place}: {e}. Check sslmode in {setting}."
        ),
        Some(SqlxError::Configuration(e)) => {
            format!("{setting} is not a usable database URL: {e}.")
        }
        _ => format!("cannot connect to the database at {place}: {err}. Check {setting}."),
    }
}

/// Why a pool gave up connecting (sqlx retries until its timeout and then reports
/// only that): one plain TCP connection to the server's address tells refused from
/// silent from a server that answers TCP but not PostgreSQL's handshake.
fn probe(url: &str) -> &'static str {
    let Ok(o) = url.parse::<sea_orm::sqlx::postgres::PgConnectOptions>() else {
        return "no answer in time";
    };
    if o.get_host().starts_with('/') {
        return "no answer in time on the Unix socket";
    }
    let Some(addr) = std::net::ToSocketAddrs::to_socket_addrs(&(o.get_host(), o.get_port()))
        .ok()
        .and_then(|mut a| a.next())
    else {
        return "its host name does not resolve";
    };
    match std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => "nothing is listening",
        Err(_) => "no answer in time",
        Ok(_) => "it accepts connections but did not complete PostgreSQL's handshake in time",
    }
}

/// Whether the operator chose the TLS mode: `sslmode` in the URL or `PGSSLMODE`.
fn names_ssl_mode(url: &str) -> bool {
    url_names_ssl_mode(url) || std::env::var_os("PGSSLMODE").is_some()
}

fn url_names_ssl_mode(url: &str) -> bool {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    query.split('&').any(|kv| {
        let key = kv.split_once('=').map_or(kv, |(k, _)| k);
        key.eq_ignore_ascii_case("sslmode") || key.eq_ignore_ascii_case("ssl-mode")
    })
}

/// A server on this machine: a loopback address, `localhost`, or a Unix socket.
///
/// Without an explicit `sslmode`, such a connection runs without TLS: it leaves no
/// host, so TLS protects nothing there, and it costs. Besides the CPU for every row,
/// sqlx 0.9.0 does not set `TCP_NODELAY` (launchbadge/sqlx#4335), so on loopback,
/// where a 16 KB TLS record is a small segment, a statement over one record waits for
/// the server's delayed ACK: measured with the page benchmark, the worklist (an audit
/// append of 200 entries) went from 60 to 16 ms at p50 and from 21 to 135 requests per
/// second. An explicit `sslmode` is always honoured.
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.starts_with('/')
        || host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Db {
    /// Connects. For SQLite, creates the file (and its folder) if missing and turns on
    /// WAL, a busy timeout and foreign keys.
    pub async fn connect(url: &str, options: &DbOptions) -> Result<Self, DbErr> {
        let kind = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            DbKind::Postgres
        } else if url.starts_with("sqlite:") {
            DbKind::Sqlite
        } else {
            return Err(DbErr::Custom(
                "unsupported database URL: use postgres://… or sqlite:…".into(),
            ));
        };
        let mut url = url.to_owned();
        if kind == DbKind::Sqlite {
            if let Some(dir) = sqlite_path(&url)
                .and_then(|p| Path::new(p).parent())
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir)
                    .map_err(|e| DbErr::Custom(format!("cannot create data folder: {e}")))?;
            }
            if !url.contains("mode=") {
                url.push_str(if url.contains('?') {
                    "&mode=rwc"
                } else {
                    "?mode=rwc"
                });
            }
        }
        let tls_unnamed = kind == DbKind::Postgres && !names_ssl_mode(&url);
        let mut opts = ConnectOptions::new(url);
        opts.max_connections(options.max_connections)
            .min_connections(0)
            .acquire_timeout(options.acquire_timeout)
            .connect_timeout(options.acquire_timeout)
            // sqlx would log every statement with its bound values: personal data.
            .sqlx_logging(false);
        if tls_unnamed {
            opts.map_sqlx_postgres_opts(|o| {
                if is_loopback(o.get_host()) {
                    o.ssl_mode(sea_orm::sqlx::postgres::PgSslMode::Disable)
                } else {
                    o
                }
            });
        }
        if kind == DbKind::Sqlite {
            opts.map_sqlx_sqlite_opts(|o| {
                o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
        }
        let mut conn = Database::connect(opts).await?;
        let statements = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&statements);
        let recorder = Arc::new(Recorder::default());
        let rec = Arc::clone(&recorder);
        conn.set_metric_callback(move |info| {
            counter.fetch_add(1, Ordering::Relaxed);
            if rec.on.load(Ordering::Relaxed) {
                let sql = if rec.values.load(Ordering::Relaxed) {
                    info.statement.to_string()
                } else {
                    info.statement.sql.clone()
                };
                rec.sql
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(sql);
            }
        });
        Ok(Self {
            conn,
            kind,
            statements,
            recorder,
        })
    }

    /// The backend.
    #[must_use]
    pub fn kind(&self) -> DbKind {
        self.kind
    }

    /// How many statements this pool has executed (tests assert statement counts).
    #[must_use]
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Starts keeping the SQL text of every statement (with placeholders: no values),
    /// dropping what was kept — for tests that check what a read selects.
    pub fn record_sql(&self) {
        self.record(false);
    }

    /// [`Db::record_sql`] with the bound values written into the text, so a benchmark
    /// can replay the statements (pgbench). It holds whatever the statements carried:
    /// for synthetic benchmark data only, never in a server.
    pub fn record_sql_with_values(&self) {
        self.record(true);
    }

    fn record(&self, values: bool) {
        self.recorder
            .sql
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.recorder.values.store(values, Ordering::Relaxed);
        self.recorder.on.store(true, Ordering::Relaxed);
    }

    /// Stops keeping statements and returns those kept since [`Db::record_sql`].
    #[must_use]
    pub fn recorded_sql(&self) -> Vec<String> {
        self.recorder.on.store(false, Ordering::Relaxed);
        std::mem::take(
            &mut *self
                .recorder
                .sql
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    /// The raw connection, for migrations, health checks and reference tables.
    /// Tenant data goes through [`Db::begin_tenant`] instead.
    #[must_use]
    pub fn raw(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// Reachability check.
    pub async fn ping(&self) -> Result<(), DbErr> {
        self.conn.ping().await
    }

    /// Starts a transaction scoped to `tenant`.
    pub async fn begin_tenant(&self, tenant: TenantId) -> Result<TenantTx> {
        let txn = self.begin_any().await?;
        if self.kind == DbKind::Postgres {
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT set_config('app.tenant_id', $1, true)",
                [tenant.uuid().to_string().into()],
            ))
            .await?;
        }
        Ok(TenantTx { txn, tenant })
    }

    /// Starts a transaction that touches only reference (non-tenant) tables.
    pub async fn begin_global(&self) -> Result<DatabaseTransaction> {
        self.begin_any().await
    }

    /// On SQLite, `BEGIN IMMEDIATE`: the write lock is taken up front and a second
    /// writer waits (busy timeout) instead of failing when its read lock cannot be
    /// upgraded — a deferred transaction that reads, then writes, would get
    /// `SQLITE_BUSY` under concurrency, which a version check could not turn into
    /// `CONFLICT`.
    async fn begin_any(&self) -> Result<DatabaseTransaction> {
        if self.kind == DbKind::Sqlite {
            return Ok(self
                .conn
                .begin_with_options(sea_orm::TransactionOptions {
                    isolation_level: None,
                    access_mode: None,
                    sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
                })
                .await?);
        }
        Ok(self.conn.begin().await?)
    }
}

fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// A transaction bound to one tenant. On PostgreSQL, `app.tenant_id` is set for its
/// lifetime only. Dropped without [`TenantTx::commit`], it rolls back.
#[derive(Debug)]
pub struct TenantTx {
    txn: DatabaseTransaction,
    tenant: TenantId,
}

impl TenantTx {
    /// The tenant this transaction is bound to.
    #[must_use]
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// The connection to run queries on.
    #[must_use]
    pub fn conn(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// A finder on `E` already scoped to this transaction's tenant.
    #[must_use]
    pub fn find<E: TenantScoped>(&self) -> Select<E> {
        E::secure_find(self.tenant)
    }

    /// `q` with `FOR UPDATE` on PostgreSQL, so the rows it reads stay locked until
    /// this transaction ends and checks made on them still hold at commit. SQLite
    /// transactions start `IMMEDIATE` and hold the write lock already.
    #[must_use]
    pub fn for_update<E: sea_orm::EntityTrait>(&self, q: Select<E>) -> Select<E> {
        use sea_orm::QuerySelect;
        if self.txn.get_database_backend() == DbBackend::Postgres {
            q.lock_exclusive()
        } else {
            q
        }
    }

    /// Commits.
    pub async fn commit(self) -> Result<()> {
        Ok(self.txn.commit().await?)
    }

    /// Which of `probes` names a row of this tenant: one statement (`UNION ALL` of
    /// the probes), for a global id that does not say its type. `None` when no table
    /// holds the id for this tenant — another tenant's id included.
    pub async fn which<K: Copy>(&self, probes: Vec<Probe<K>>) -> Result<Option<K>> {
        let mut probes = probes.into_iter().enumerate();
        let Some((_, first)) = probes.next() else {
            return Ok(None);
        };
        let mut kinds = vec![first.kind];
        let mut stmt = first.stmt;
        for (i, p) in probes {
            kinds.push(p.kind);
            let mut next = p.stmt;
            next.clear_selects();
            next.expr_as(sea_orm::sea_query::Expr::val(i as i64), "kind");
            stmt.union(sea_orm::sea_query::UnionType::All, next);
        }
        let backend = self.txn.get_database_backend();
        let row = self.txn.query_one_raw(backend.build(&stmt)).await?;
        let Some(row) = row else { return Ok(None) };
        let i: i64 = row.try_get("", "kind")?;
        Ok(usize::try_from(i).ok().and_then(|i| kinds.get(i).copied()))
    }

    /// A probe for [`TenantTx::which`]: does `E` (scoped to this tenant) have a row
    /// whose `id_column` is `id`?
    #[must_use]
    pub fn probe<E: TenantScoped, K>(
        &self,
        kind: K,
        id_column: E::Column,
        id: uuid::Uuid,
    ) -> Probe<K> {
        use sea_orm::{ColumnTrait, QueryFilter, QuerySelect, QueryTrait};
        let mut stmt = self
            .find::<E>()
            .filter(id_column.eq(id))
            .select_only()
            .into_query();
        stmt.expr_as(sea_orm::sea_query::Expr::val(0_i64), "kind");
        Probe { kind, stmt }
    }
}

/// One table [`TenantTx::which`] looks in; made by [`TenantTx::probe`].
#[derive(Debug)]
pub struct Probe<K> {
    kind: K,
    stmt: sea_orm::sea_query::SelectStatement,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths() {
        assert_eq!(
            sqlite_path("sqlite://./data/w.db?mode=rwc"),
            Some("./data/w.db")
        );
        assert_eq!(sqlite_path("sqlite:w.db"), Some("w.db"));
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }

    #[test]
    fn tls_mode_is_the_operators_where_named_and_off_on_this_machine_otherwise() {
        assert!(url_names_ssl_mode("postgres://u@db/w?sslmode=require"));
        assert!(url_names_ssl_mode("postgres://u@db/w?x=1&SSLMODE=disable"));
        assert!(url_names_ssl_mode("postgres://u@db/w?ssl-mode=verify-full"));
        assert!(!url_names_ssl_mode("postgres://u@db/w"));
        assert!(!url_names_ssl_mode(
            "postgres://u@db/w?application_name=sslmode"
        ));
        for local in [
            "127.0.0.1",
            "127.8.0.1",
            "::1",
            "[::1]",
            "localhost",
            "/run/postgresql",
        ] {
            assert!(is_loopback(local), "{local}");
        }
        for remote in ["10.0.0.5", "db.example.org", "localhost.example.org", "::2"] {
            assert!(!is_loopback(remote), "{remote}");
        }
    }

    #[tokio::test]
    async fn unsupported_url_is_refused() {
        let err = Db::connect("mysql://x", &DbOptions::default()).await;
        assert!(err.is_err());
    }
}
