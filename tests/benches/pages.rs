//! The main pages at city scale, end to end through GraphQL on PostgreSQL: the
//! household page (50 households with members, state, carrier, readiness), the
//! household detail and the worklist, each at concurrency 1, 8 and 32.
//!
//! For each it prints requests per second, p50 and p95 latency, **statements per
//! request** (counted by the database handle) and **process CPU ms per request**
//! (user + system time of this process from `/proc/self/stat`; the server runs in this
//! process, and so does the HTTP client, so the figure is an upper bound of the
//! gateway's CPU). Figures are printed, never asserted.
//!
//! ```sh
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench -p wohnweg-tests --bench pages
//! ```
//!
//! `WOHNWEG_BENCH_HOUSEHOLDS` (default 20 000) sets the city's households,
//! `WOHNWEG_BENCH_REQUESTS` (default 400) the requests per read and concurrency. The
//! households and their members are inserted in bulk with SQL as the database owner
//! (like a data import); `.ci/run` runs a small instance so the suite keeps working.

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

fn env_or(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// User + system CPU time of this process so far.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces):
    // utime and stime are the 12th and 13th of them, in clock ticks (100 per second).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<u64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn percentile(sorted: &[Duration], q: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() {
    if std::env::var("DATABASE_URL").is_err() {
        panic!("the page benchmark runs on PostgreSQL: set DATABASE_URL (see the file's docs)");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run());
}

async fn run() {
    let households = env_or("WOHNWEG_BENCH_HOUSEHOLDS", 20_000);
    let requests = env_or("WOHNWEG_BENCH_REQUESTS", 400).max(32);
    let app = Arc::new(TestApp::spawn().await);
    let t = app.tenant().await;
    let tok = t.caseworker.token.clone();
    let admin = app.pg_admin().await.expect("PostgreSQL owner connection");
    let started = Instant::now();
    let tenant = t.id;
    let user = t.caseworker.id;
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
             WHERE h.tenant_id = '{tenant}';
             ANALYZE households; ANALYZE persons;"
        ))
        .await
        .unwrap();
    println!(
        "seeded {households} households with their members in {:.1} s; {requests} requests per read and concurrency\n",
        started.elapsed().as_secs_f64()
    );
    let ids: Vec<String> = admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT id::text AS id FROM households WHERE tenant_id = '{tenant}' ORDER BY id LIMIT 200"
            ),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "id").unwrap())
        .collect();
    let ids = Arc::new(ids);

    let reads: [(&str, &str); 3] = [
        (
            "household page (50, members, carrier, readiness)",
            "{ households(first: 50) { edges { node { id reference state readiness carrier { name } members { givenName familyName relation } } } } }",
        ),
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
        "| read | concurrency | rps | p50 ms | p95 ms | statements / request | process CPU ms / request |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, query) in reads {
        // Warm the pool, the principal cache and the plans once.
        let (_, body) = app.gql(Some(&tok), query, json!({ "id": ids[0] })).await;
        assert!(body["errors"].is_null(), "{name}: {body}");
        for concurrency in [1_u32, 8, 32] {
            let per_task = requests / concurrency;
            let total = per_task * concurrency;
            let statements = app.db.statements();
            let cpu_before = cpu();
            let wall = Instant::now();
            let mut tasks = Vec::new();
            for task in 0..concurrency {
                let (app, tok, ids) = (Arc::clone(&app), tok.clone(), Arc::clone(&ids));
                tasks.push(tokio::spawn(async move {
                    let mut times = Vec::with_capacity(per_task as usize);
                    for i in 0..per_task {
                        let id = &ids[((task * per_task + i) as usize) % ids.len()];
                        let t0 = Instant::now();
                        let (_, body): (_, Value) =
                            app.gql(Some(&tok), query, json!({ "id": id })).await;
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
            let cpu_ms = (cpu() - cpu_before).as_secs_f64() * 1000.0 / f64::from(total);
            let stmts = (app.db.statements() - statements) as f64 / f64::from(total);
            times.sort();
            println!(
                "| {name} | {concurrency} | {:.0} | {:.2} | {:.2} | {stmts:.1} | {cpu_ms:.2} |",
                f64::from(total) / elapsed,
                percentile(&times, 0.5),
                percentile(&times, 0.95),
            );
        }
    }
}
