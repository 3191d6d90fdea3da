//! The main pages at city scale, end to end through GraphQL on PostgreSQL: the
//! household page (50 households with members, state, carrier, readiness), the
//! household detail and the worklist, each at concurrency 1, 8 and 32.
//!
//! For each it prints requests per second, p50 and p95 latency, **statements per
//! request** (counted by the database handle), **gateway CPU ms per request** (user +
//! system time of the server's own threads, from `/proc/self/task/*/stat`: the server
//! runs on a runtime of its own whose threads are named `wohnweg-gateway`, the HTTP
//! client on another, so the client's CPU is not counted), and the **same statements
//! replayed through pgbench** at the same concurrency (one request's statements,
//! recorded with their values and replayed as one transaction; the audit appends of
//! the worklist are left out, the replay runs reads only), with the ratio of the
//! gateway's p50 to the raw p50. Figures are printed, never asserted.
//!
//! ```sh
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench -p wohnweg-tests --bench pages
//! ```
//!
//! `WOHNWEG_BENCH_HOUSEHOLDS` (default 20 000) sets each city's households,
//! `WOHNWEG_BENCH_REQUESTS` (default 400) the requests per read and concurrency, and
//! `WOHNWEG_BENCH_CITIES` (default 50) the cities: after the table, the other cities
//! are seeded (progress every ten) and the first city's household page is measured
//! again, so the last table shows whether a city's page stays flat as cities are
//! added. The
//! households and their members are inserted in bulk with SQL as the database owner
//! (like a data import); `.ci/run` runs a small instance so the suite keeps working.
//! pgbench (`postgresql-client`) must be on the `PATH`. It runs with the server's
//! allocator (mimalloc); `--features system-allocator` runs it with the system's, to
//! compare.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use wohnweg_tests::TestApp;

/// The server's allocator (see `graphql/src/main.rs`), unless comparing.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The global allocator this build runs with.
const ALLOCATOR_NAME: &str = if cfg!(feature = "system-allocator") {
    "the system allocator"
} else {
    "mimalloc"
};

fn env_or(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// User + system CPU time of this process's threads named `name` (the kernel keeps
/// 15 characters of a thread's name), in clock ticks of 10 ms.
fn cpu(name: &str) -> Duration {
    let mut ticks = 0;
    for task in std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
    {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.trim_end() != name {
            continue;
        }
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        // Fields after the command name (which is in parentheses and may hold
        // spaces): utime and stime are the 12th and 13th of them.
        let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let fields: Vec<u64> = rest
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        ticks += fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    }
    Duration::from_millis(ticks * 10)
}

/// The server's threads.
const GATEWAY: &str = "wohnweg-gateway";

/// Replays `statements` (one request's, values inlined) through pgbench as one
/// transaction, `per_client` times on each of `clients` connections to `url`, and
/// returns the transactions' p50 in ms (from pgbench's per-transaction log).
fn replay(url: &str, statements: &[String], clients: u32, per_client: u32) -> f64 {
    let dir = std::env::temp_dir().join(format!("wohnweg-pgbench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut script = String::from("BEGIN;\n");
    for s in statements {
        script.push_str(s.trim_end_matches(';'));
        script.push_str(";\n");
    }
    script.push_str("COMMIT;\n");
    let file = dir.join("request.sql");
    std::fs::write(&file, script).unwrap();
    let out = std::process::Command::new("pgbench")
        .args(["-n", "-f"])
        .arg(&file)
        .args([
            "-c",
            &clients.to_string(),
            "-j",
            &clients.min(2).to_string(),
            "-t",
            &per_client.to_string(),
            "--log",
            "--log-prefix",
        ])
        .arg(dir.join("log"))
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("pgbench could not start ({e}): install postgresql-client"));
    assert!(
        out.status.success(),
        "pgbench failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut micros: Vec<u64> = Vec::new();
    for log in std::fs::read_dir(&dir).unwrap().flatten() {
        if !log.file_name().to_string_lossy().starts_with("log") {
            continue;
        }
        // client_id transaction_no time(µs) script_no epoch epoch_µs
        for line in std::fs::read_to_string(log.path()).unwrap().lines() {
            if let Some(t) = line.split_whitespace().nth(2).and_then(|t| t.parse().ok()) {
                micros.push(t);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!micros.is_empty(), "pgbench logged no transaction");
    micros.sort_unstable();
    micros[micros.len() / 2] as f64 / 1000.0
}

fn percentile(sorted: &[Duration], q: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    if std::env::var("DATABASE_URL").is_err() {
        panic!("the page benchmark runs on PostgreSQL: set DATABASE_URL (see the file's docs)");
    }
    // The server on a runtime of its own (its threads' CPU is the gateway's), the
    // client on another.
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(GATEWAY)
        .enable_all()
        .build()
        .unwrap();
    let app = Arc::new(server.block_on(TestApp::spawn()));
    let client = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("bench-client")
        .enable_all()
        .build()
        .unwrap();
    client.block_on(run(app));
}

/// Inserts `households` households with their members for `tenant` (caseworker
/// `user` responsible), as the database owner.
async fn seed(
    admin: &sea_orm::DatabaseConnection,
    tenant: impl std::fmt::Display,
    user: impl std::fmt::Display,
    households: u32,
) {
    admin
        .execute_unprepared(&format!(
            "INSERT INTO households (tenant_id, id, reference, languages, state, state_since, city_caseworker,
               readiness, readiness_on, member_count, search_text, version, created_at, updated_at)
             SELECT '{tenant}', gen_random_uuid(), 'P-' || lpad(g::text, 7, '0'), 'ar',
               (ARRAY['intake','active','searching','offer_in_progress','moved_out'])[1 + g % 5],
               current_date - (g % 400), '{user}',
               CASE WHEN g % 10 = 0 THEN 'not_ready' WHEN g % 3 = 0 THEN 'ready' ELSE 'ready_with_support' END,
               current_date - 30, 1 + g % 4, 'p ' || g, 1, now() - (g || ' minutes')::interval, now()
             FROM generate_series(1, {households}) g;
             INSERT INTO persons (tenant_id, id, household_id, given_name, family_name, relation, residence,
               permit_expires_on, benefit, benefit_changes_on, language_level, occupation, version, created_at)
             SELECT h.tenant_id, gen_random_uuid(), h.id, 'Vorname ' || n, 'Familie ' || h.reference,
               CASE WHEN n = 1 THEN 'head' ELSE 'child' END, 'recognised_refugee',
               CASE WHEN n = 1 THEN current_date + (hashtext(h.reference) % 400) END,
               CASE WHEN hashtext(h.reference) % 3 = 0 THEN 'asylblg' ELSE 'sgb2' END, NULL,
               'B1', CASE WHEN n = 1 THEN 'employed' ELSE 'school' END, 1, now()
             FROM households h CROSS JOIN LATERAL generate_series(1, h.member_count) n
             WHERE h.tenant_id = '{tenant}';"
        ))
        .await
        .unwrap();
}

/// One read at one concurrency.
struct Figures {
    rps: f64,
    p50: f64,
    p95: f64,
    statements: f64,
    cpu_ms: f64,
}

/// Runs `query` `requests` times (rounded down to a multiple of `concurrency`) from
/// `concurrency` tasks, each request with the next of `ids` as `$id`.
async fn measure(
    app: &Arc<TestApp>,
    tok: &str,
    query: &'static str,
    ids: &Arc<Vec<String>>,
    concurrency: u32,
    requests: u32,
) -> Figures {
    let per_task = requests / concurrency;
    let total = per_task * concurrency;
    let counted = app.db.statements();
    let cpu_before = cpu(GATEWAY);
    let wall = Instant::now();
    let mut tasks = Vec::new();
    for task in 0..concurrency {
        let (app, tok, ids) = (Arc::clone(app), tok.to_owned(), Arc::clone(ids));
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(per_task as usize);
            for i in 0..per_task {
                let id = &ids[((task * per_task + i) as usize) % ids.len()];
                let t0 = Instant::now();
                let (_, body): (_, Value) = app.gql(Some(&tok), query, json!({ "id": id })).await;
                times.push(t0.elapsed());
                assert!(body["errors"].is_null(), "{body}");
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.unwrap());
    }
    let elapsed = wall.elapsed().as_secs_f64();
    times.sort();
    Figures {
        rps: f64::from(total) / elapsed,
        p50: percentile(&times, 0.5),
        p95: percentile(&times, 0.95),
        statements: (app.db.statements() - counted) as f64 / f64::from(total),
        cpu_ms: (cpu(GATEWAY) - cpu_before).as_secs_f64() * 1000.0 / f64::from(total),
    }
}

const PAGE: &str = "{ households(first: 50) { edges { node { id reference state readiness carrier { name } members { givenName familyName relation } } } } }";

async fn run(app: Arc<TestApp>) {
    let households = env_or("WOHNWEG_BENCH_HOUSEHOLDS", 20_000);
    let requests = env_or("WOHNWEG_BENCH_REQUESTS", 400).max(32);
    let cities = env_or("WOHNWEG_BENCH_CITIES", 50).max(1);
    let url = app
        .config
        .database_url
        .clone()
        .expect("the server's PostgreSQL URL");
    let t = app.tenant().await;
    let tok = t.caseworker.token.clone();
    let admin = app.pg_admin().await.expect("PostgreSQL owner connection");
    let started = Instant::now();
    seed(&admin, t.id, t.caseworker.id, households).await;
    admin
        .execute_unprepared("ANALYZE households; ANALYZE persons;")
        .await
        .unwrap();
    println!(
        "seeded 1 city with {households} households and their members in {:.1} s; {requests} requests per read and concurrency; {ALLOCATOR_NAME}\n",
        started.elapsed().as_secs_f64()
    );
    let ids: Vec<String> = admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT id::text AS id FROM households WHERE tenant_id = '{}' ORDER BY id LIMIT 200",
                t.id
            ),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "id").unwrap())
        .collect();
    let ids = Arc::new(ids);

    let reads: [(&str, &str); 3] = [
        ("household page (50, members, carrier, readiness)", PAGE),
        (
            "household detail (members, history, consents)",
            "query($id: ID!) { household(id: $id) { id reference state readiness members { givenName familyName relation } stateHistory { toState at } consents { scope } } }",
        ),
        (
            "worklist",
            "{ worklist { followUps { householdId } overdueSteps { householdId } incomingTransfers { householdId } permitsExpiring { householdId } benefitSwitches { householdId } inCoaching { householdId } } }",
        ),
    ];
    println!(
        "| read | concurrency | rps | p50 ms | p95 ms | statements / request | gateway CPU ms / request | pgbench p50 ms | p50 / pgbench p50 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut one_city = None;
    for (name, query) in reads {
        // Warm the pool, the principal cache and the plans once.
        let (_, body) = app.gql(Some(&tok), query, json!({ "id": ids[0] })).await;
        assert!(body["errors"].is_null(), "{name}: {body}");
        // One request's statements, values inlined, for the replay: the reads (the
        // tenant transaction's set_config included), not the audit appends.
        app.db.record_sql_with_values();
        let (_, body) = app.gql(Some(&tok), query, json!({ "id": ids[0] })).await;
        let recorded = app.db.recorded_sql();
        assert!(body["errors"].is_null(), "{name}: {body}");
        let statements: Vec<String> = recorded
            .into_iter()
            .filter(|s| {
                let head = s.trim_start().to_ascii_uppercase();
                head.starts_with("SELECT") || head.starts_with("WITH")
            })
            .collect();
        for concurrency in [1_u32, 8, 32] {
            let f = measure(&app, &tok, query, &ids, concurrency, requests).await;
            let per_task = requests / concurrency;
            let raw = {
                let (url, statements) = (url.clone(), statements.clone());
                tokio::task::spawn_blocking(move || {
                    replay(&url, &statements, concurrency, per_task)
                })
                .await
                .unwrap()
            };
            println!(
                "| {name} | {concurrency} | {:.0} | {:.2} | {:.2} | {:.1} | {:.2} | {raw:.2} | {:.1} |",
                f.rps,
                f.p50,
                f.p95,
                f.statements,
                f.cpu_ms,
                f.p50 / raw,
            );
            if query == PAGE && concurrency == 8 {
                one_city = Some(f);
            }
        }
    }
    if cities < 2 {
        return;
    }
    // The same page of the first city with 1 and with `cities` cities in the database.
    let started = Instant::now();
    for n in 2..=cities {
        let other = app.tenant().await;
        seed(&admin, other.id, other.caseworker.id, households).await;
        if n % 10 == 0 || n == cities {
            println!(
                "seeded {n} of {cities} cities ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    admin
        .execute_unprepared("ANALYZE households; ANALYZE persons;")
        .await
        .unwrap();
    let ids_page = Arc::clone(&ids);
    measure(&app, &tok, PAGE, &ids_page, 8, 32).await; // warm
    let many = measure(&app, &tok, PAGE, &ids_page, 8, requests).await;
    let one = one_city.expect("the page was measured");
    println!(
        "\n| household page, concurrency 8 | cities | p50 ms | p95 ms | rps |\n|---|---|---|---|---|\n| one city's page | 1 | {:.2} | {:.2} | {:.0} |\n| the same city's page | {cities} | {:.2} | {:.2} | {:.0} |\n| change of p50 | | {:+.0} % | | |",
        one.p50,
        one.p95,
        one.rps,
        many.p50,
        many.p95,
        many.rps,
        (many.p50 / one.p50 - 1.0) * 100.0
    );
}
