//! The benchmark suite: the main reads at city scale, end to end through GraphQL on
//! PostgreSQL: the household page (50 households with members, state, carrier,
//! readiness), the household detail, the worklist, and matching in both directions
//! (households ranked for an offer, offers ranked for a household, top 50), each at
//! concurrency 1, 8 and 32. (`benches/matching.rs` measures matching alone with a
//! pool of 20 000 searching households, the size its targets name.)
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
//! Each city gets `WOHNWEG_BENCH_HOUSEHOLDS` (default 20 000) households with
//! members, a state history, consents, districts and needs (3 in 7 searching), and
//! 2 000 open offers with the city's rent caps, inserted in bulk with SQL as the
//! database owner (like a data import). `WOHNWEG_BENCH_REQUESTS` (default 400) sets
//! the requests per read and concurrency, `WOHNWEG_BENCH_CITIES` (default 50) the
//! cities: after the table, the other cities are seeded, two at a time (progress
//! every ten), and the first city's household page is measured again, so the last
//! table shows whether a city's page stays flat as cities are added. The server's
//! database connection runs without TLS on this machine (see the kernel's
//! `Db::connect`), and the replay runs as it does. `.ci/run` runs a small instance so
//! the suite keeps working.
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

/// Replays `scripts` (each one request's statements, values inlined, as one
/// transaction; pgbench picks one at random for each transaction) `per_client` times
/// on each of `clients` connections to `url`, and returns the transactions' p50 in ms
/// (from pgbench's per-transaction log). `tls` says whether the server's own
/// connections run over TLS, so the replay runs alike.
fn replay(url: &str, tls: bool, scripts: &[Vec<String>], clients: u32, per_client: u32) -> f64 {
    let dir = std::env::temp_dir().join(format!("wohnweg-pgbench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for (i, statements) in scripts.iter().enumerate() {
        let mut script = String::from("BEGIN;\n");
        for s in statements {
            script.push_str(s.trim_end_matches(';'));
            script.push_str(";\n");
        }
        script.push_str("COMMIT;\n");
        let file = dir.join(format!("request-{i}.sql"));
        std::fs::write(&file, script).unwrap();
        files.push(file);
    }
    let mut pgbench = std::process::Command::new("pgbench");
    pgbench.arg("-n");
    for file in &files {
        pgbench.arg("-f").arg(file);
    }
    let out = pgbench
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
        .env("PGSSLMODE", if tls { "require" } else { "disable" })
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

/// Open offers seeded per city (with its landlord and rent caps).
const OFFERS: u32 = 2_000;

/// Inserts `households` households for `tenant` (caseworker `user` responsible) with
/// what the reads and matching look at: members, a state history of two steps,
/// consents to share with landlords (85 %), districts, WBS and step-free needs; and
/// [`OFFERS`] open offers of one landlord with the city's rent caps. As the database
/// owner, like a data import; `COPY`-free SQL, one round trip per city.
async fn seed(
    admin: &sea_orm::DatabaseConnection,
    tenant: impl std::fmt::Display,
    user: impl std::fmt::Display,
    households: u32,
) {
    let districts = "ARRAY['Kalk','Porz','Chorweiler','Mülheim','Nippes','Ehrenfeld','Lindenthal','Rodenkirchen']";
    admin
        .execute_unprepared(&format!(
            "INSERT INTO households (tenant_id, id, reference, languages, state, state_since, city_caseworker,
               readiness, readiness_on, member_count, search_text, version, created_at, updated_at,
               tenancy_coaching, wbs_until, needs_step_free, preferred_districts)
             SELECT '{tenant}', gen_random_uuid(), 'P-' || lpad(g::text, 7, '0'), 'ar',
               (ARRAY['intake','active','searching','searching','searching','offer_in_progress','moved_out'])[1 + g % 7],
               current_date - (g % 400), '{user}',
               CASE WHEN g % 10 = 0 THEN 'not_ready' WHEN g % 3 = 0 THEN 'ready' ELSE 'ready_with_support' END,
               current_date - 30, 1 + g % 4, 'p ' || g, 1, now() - (g || ' minutes')::interval, now(),
               false, CASE WHEN g % 4 = 0 THEN current_date + 365 END, g % 15 = 0,
               ({districts})[1 + g % 8] || CASE WHEN g % 3 = 0 THEN '|' || ({districts})[1 + (g / 3) % 8] ELSE '' END
             FROM generate_series(1, {households}) g;
             INSERT INTO persons (tenant_id, id, household_id, given_name, family_name, relation, residence,
               permit_expires_on, benefit, benefit_changes_on, language_level, occupation, version, created_at)
             SELECT h.tenant_id, gen_random_uuid(), h.id, 'Vorname ' || n, 'Familie ' || h.reference,
               CASE WHEN n = 1 THEN 'head' ELSE 'child' END, 'recognised_refugee',
               CASE WHEN n = 1 THEN current_date + (hashtext(h.reference) % 400) END,
               CASE WHEN hashtext(h.reference) % 3 = 0 THEN 'asylblg' ELSE 'sgb2' END, NULL,
               'B1', CASE WHEN n = 1 THEN 'employed' ELSE 'school' END, 1, now()
             FROM households h CROSS JOIN LATERAL generate_series(1, h.member_count) n
             WHERE h.tenant_id = '{tenant}';
             INSERT INTO case_transitions (tenant_id, id, household_id, from_state, to_state, reason, effective_on, at, actor)
             SELECT h.tenant_id, gen_random_uuid(), h.id, s.from_state, s.to_state, 'Import', h.state_since - s.back, h.created_at, '{user}'
             FROM households h CROSS JOIN LATERAL (VALUES (NULL, 'intake', 60), ('intake', 'active', 30)) s(from_state, to_state, back)
             WHERE h.tenant_id = '{tenant}';
             INSERT INTO consents (tenant_id, id, household_id, scope, given_on, withdrawn_on, note, recorded_by, version, created_at)
             SELECT tenant_id, gen_random_uuid(), id, 'share_with_landlords', current_date - 10, NULL, NULL, '{user}', 1, now()
             FROM households WHERE tenant_id = '{tenant}' AND (hashtext(reference) % 100) < 85;
             INSERT INTO rent_caps (tenant_id, id, household_size, max_rent_cents, max_space_tenths, valid_from, valid_until, created_at)
             SELECT '{tenant}', gen_random_uuid(), size, rent, NULL, DATE '2026-01-01', NULL, now()
             FROM (VALUES (1, 52000), (2, 63500), (3, 75000), (4, 87500), (5, 99500), (6, 111500)) c(size, rent);
             WITH landlord AS (
               INSERT INTO landlords (tenant_id, id, kind, name, contact, partner_status, annual_quota, version, created_at)
               VALUES ('{tenant}', gen_random_uuid(), 'housing_company', 'GAG', NULL, 'partner', 2000, 1, now())
               RETURNING id)
             INSERT INTO offers (tenant_id, id, landlord_id, street, postal_code, district, rooms_tenths, space_tenths, cold_rent_cents,
               service_cents, heating_cents, deposit_cents, available_from, wbs_required, step_free, lift, floor, max_persons,
               pets_allowed, notes, status, status_on, version, created_at)
             SELECT '{tenant}', gen_random_uuid(), landlord.id, 'Benchstraße ' || g, '50667', ({districts})[1 + g % 8],
               10 + 5 * (g % 7), 300 + 10 * (g % 90), 30000 + 500 * (g % 120), 6000 + 100 * (g % 60), 6000, 90000,
               current_date + (g % 60), g % 5 = 0, g % 3 = 0, g % 2 = 0, g % 6, CASE WHEN g % 4 = 0 THEN 2 + g % 4 END,
               NULL, NULL, 'open', current_date, 1, now()
             FROM landlord CROSS JOIN generate_series(1, {OFFERS}) g;"
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
        .execute_unprepared("ANALYZE households; ANALYZE persons; ANALYZE case_transitions; ANALYZE consents; ANALYZE offers; ANALYZE rent_caps;")
        .await
        .unwrap();
    println!(
        "seeded 1 city with {households} households (members, histories, consents) and {OFFERS} offers in {:.1} s; {requests} requests per read and concurrency; {ALLOCATOR_NAME}",
        started.elapsed().as_secs_f64()
    );
    let ids = |sql: String| {
        let admin = admin.clone();
        async move {
            let ids: Vec<String> = admin
                .query_all_raw(sea_orm::Statement::from_string(
                    sea_orm::DbBackend::Postgres,
                    sql,
                ))
                .await
                .unwrap()
                .iter()
                .map(|r| r.try_get::<String>("", "id").unwrap())
                .collect();
            Arc::new(ids)
        }
    };
    let households_ids = ids(format!(
        "SELECT id::text AS id FROM households WHERE tenant_id = '{}' ORDER BY id LIMIT 20",
        t.id
    ))
    .await;
    let searching_ids = ids(format!(
        "SELECT id::text AS id FROM households WHERE tenant_id = '{}' AND state = 'searching' ORDER BY id LIMIT 20",
        t.id
    ))
    .await;
    let offer_ids = ids(format!(
        "SELECT id::text AS id FROM offers WHERE tenant_id = '{}' ORDER BY id LIMIT 20",
        t.id
    ))
    .await;
    // Whether the server reaches the database over TLS (not on this machine unless the
    // URL names an sslmode, see the kernel's `Db::connect`): the replay does the same.
    let tls: bool = app
        .db
        .raw()
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index(0)
        .unwrap();
    println!(
        "the server reaches PostgreSQL {}; the replay does the same\n",
        if tls { "over TLS" } else { "without TLS" }
    );

    let reads: [(&str, &str, &Arc<Vec<String>>); 5] = [
        (
            "household page (50, members, carrier, readiness)",
            PAGE,
            &households_ids,
        ),
        (
            "household detail (members, history, consents)",
            "query($id: ID!) { household(id: $id) { id reference state readiness members { givenName familyName relation } stateHistory { toState at } consents { scope } } }",
            &households_ids,
        ),
        (
            "worklist",
            "{ worklist { followUps { householdId } overdueSteps { householdId } incomingTransfers { householdId } permitsExpiring { householdId } benefitSwitches { householdId } inCoaching { householdId } } }",
            &households_ids,
        ),
        (
            "households ranked for an offer (top 50)",
            "query($id: ID!) { rankHouseholdsForOffer(offerId: $id, first: 50) { householdId score explanation { failedRules parts { part points } } } }",
            &offer_ids,
        ),
        (
            "offers ranked for a household (top 50)",
            "query($id: ID!) { rankOffersForHousehold(householdId: $id, first: 50) { offer { id } score explanation { failedRules parts { part points } } } }",
            &searching_ids,
        ),
    ];
    println!(
        "| read | concurrency | rps | p50 ms | p95 ms | statements / request | gateway CPU ms / request | pgbench p50 ms | p50 / pgbench p50 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut one_city = None;
    for (name, query, ids) in reads {
        // Warm the pool, the principal cache and the plans once.
        let (_, body) = app.gql(Some(&tok), query, json!({ "id": ids[0] })).await;
        assert!(body["errors"].is_null(), "{name}: {body}");
        // The statements of requests for the first 20 ids, values inlined, for the
        // replay (one script each, pgbench picks among them): the reads (the tenant
        // transaction's set_config included), not the audit appends.
        let mut scripts: Vec<Vec<String>> = Vec::new();
        for id in ids.iter().take(20) {
            app.db.record_sql_with_values();
            let (_, body) = app.gql(Some(&tok), query, json!({ "id": id })).await;
            let recorded = app.db.recorded_sql();
            assert!(body["errors"].is_null(), "{name}: {body}");
            scripts.push(
                recorded
                    .into_iter()
                    .filter(|s| {
                        let head = s.trim_start().to_ascii_uppercase();
                        head.starts_with("SELECT") || head.starts_with("WITH")
                    })
                    .collect(),
            );
        }
        for concurrency in [1_u32, 8, 32] {
            let f = measure(&app, &tok, query, ids, concurrency, requests).await;
            let per_task = requests / concurrency;
            let raw = {
                let (url, scripts) = (url.clone(), scripts.clone());
                tokio::task::spawn_blocking(move || {
                    replay(&url, tls, &scripts, concurrency, per_task)
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
    // Two cities at a time (one connection each), the tenants created first.
    let mut others = Vec::new();
    for _ in 2..=cities {
        let other = app.tenant().await;
        others.push((other.id, other.caseworker.id));
    }
    let mut seeded = 1;
    for pair in others.chunks(2) {
        let jobs: Vec<_> = pair
            .iter()
            .map(|&(tenant, user)| {
                let admin = admin.clone();
                tokio::spawn(async move { seed(&admin, tenant, user, households).await })
            })
            .collect();
        for job in jobs {
            job.await.unwrap();
            seeded += 1;
            if seeded % 10 == 0 || seeded == cities {
                println!(
                    "seeded {seeded} of {cities} cities ({:.0} s)",
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    admin
        .execute_unprepared("ANALYZE households; ANALYZE persons; ANALYZE case_transitions; ANALYZE consents; ANALYZE offers; ANALYZE rent_caps;")
        .await
        .unwrap();
    let ids_page = Arc::clone(&households_ids);
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
