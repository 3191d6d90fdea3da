//! The cross-city dashboard at state scale, on PostgreSQL: `WOHNWEG_BENCH_CITIES`
//! cities (default 50) of `WOHNWEG_BENCH_HOUSEHOLDS` households each (default 20 000)
//! with two years of invented history — intake, activation, search, readiness, a move
//! out for two in five (self-found or a lease takeover), a return to a shelter for
//! some — inserted in bulk with SQL as the database owner (like a data import). Every
//! city shares every measure with one state programme.
//!
//! It prints, never asserts:
//! - the rollup: seconds to count one city's measures from its history (median, p95,
//!   max over the cities);
//! - the dashboard: a state officer's benchmark query (every measure, every city, eight
//!   quarters) through GraphQL, `WOHNWEG_BENCH_REQUESTS` times (default 200): median
//!   and p95 milliseconds, statements per request, and the answer's size — the goal is
//!   p95 ≤ 50 ms — and the same figures asked for as one chart-ready JSON string;
//! - freshness: after a write in one city (a household registered through GraphQL),
//!   how long one pass of the server's refresh loop over all cities takes until the
//!   city's cell shows it; the figure a user sees is at most that plus the loop's
//!   interval (`insights.refresh_seconds`, default 20) — the goal is ≤ 60 s.
//!
//! ```sh
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench -p wohnweg-tests --bench insights
//! ```
//! `.ci/run` runs a small instance so the suite keeps working.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, ok};

fn env_or(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], q: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Inserts `households` households of `tenant` with two years of history.
async fn seed(
    admin: &sea_orm::DatabaseConnection,
    tenant: impl std::fmt::Display,
    user: impl std::fmt::Display,
    households: u32,
) {
    admin
        .execute_unprepared(&format!(
            "INSERT INTO households (tenant_id, id, reference, languages, state, state_since, city_caseworker,
               readiness, readiness_on, member_count, search_text, version, created_at, updated_at,
               tenancy_coaching, wbs_until, needs_step_free, preferred_districts)
             SELECT '{tenant}', gen_random_uuid(), 'I-' || lpad(g::text, 7, '0'), 'ar',
               CASE WHEN g % 5 < 2 AND g % 730 >= 120 THEN 'aftercare' ELSE (ARRAY['intake','active','searching'])[1 + g % 3] END,
               current_date, '{user}', 'ready', current_date - 30, 1 + g % 5, 'i ' || g, 1,
               now() - ((g % 730) || ' days')::interval, now(), false, NULL, false, 'Mitte'
             FROM generate_series(1, {households}) g;
             INSERT INTO case_transitions (tenant_id, id, household_id, from_state, to_state, reason, effective_on, at, actor)
             SELECT h.tenant_id, gen_random_uuid(), h.id, s.from_state, s.to_state, 'Import', h.created_at::date + s.after, h.created_at + (s.after || ' days')::interval, '{user}'
             FROM households h CROSS JOIN LATERAL (VALUES (NULL, 'intake', 0), ('intake', 'active', 20), ('active', 'searching', 60)) s(from_state, to_state, after)
             WHERE h.tenant_id = '{tenant}' AND h.created_at::date + s.after <= current_date;
             INSERT INTO readiness_assessments (tenant_id, id, household_id, assessed_on, assessor, rent_payment, household_management,
               neighbourhood, tenancy_language, id_document, income_proof, schufa, overall, notes, created_at)
             SELECT tenant_id, gen_random_uuid(), id, created_at::date + 50, '{user}', 'met', 'met', 'met', 'met', true, true, true, 'ready', NULL, created_at + interval '50 days'
             FROM households WHERE tenant_id = '{tenant}' AND created_at::date + 50 <= current_date;
             INSERT INTO case_transitions (tenant_id, id, household_id, from_state, to_state, reason, effective_on, at, actor)
             SELECT h.tenant_id, gen_random_uuid(), h.id, s.from_state, s.to_state, 'Import', h.created_at::date + 110, h.created_at + interval '110 days' + s.later, '{user}'
             FROM households h CROSS JOIN LATERAL (VALUES ('searching', 'moved_out', interval '0 hours'), ('moved_out', 'aftercare', interval '1 hour')) s(from_state, to_state, later)
             WHERE h.tenant_id = '{tenant}' AND h.state = 'aftercare';
             INSERT INTO placements (tenant_id, id, household_id, source, match_id, accommodation_id, landlord_id, landlord_kind, district,
               rooms_tenths, space_tenths, gross_rent_cents, move_in_on, recorded_at, actor, returned_on)
             SELECT h.tenant_id, gen_random_uuid(), h.id, CASE WHEN h.member_count % 2 = 0 THEN 'self_found' ELSE 'lease_takeover' END,
               NULL, NULL, NULL, 'private', 'Mitte', 20, 550, 60000, h.created_at::date + 110, h.created_at + interval '110 days', '{user}',
               CASE WHEN hashtext(h.reference) % 23 = 0 THEN h.created_at::date + 200 END
             FROM households h WHERE h.tenant_id = '{tenant}' AND h.state = 'aftercare';"
        ))
        .await
        .unwrap();
}

fn main() {
    if std::env::var("DATABASE_URL").is_err() {
        panic!("the insights benchmark runs on PostgreSQL: set DATABASE_URL (see the file's docs)");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run());
}

async fn run() {
    let cities = env_or("WOHNWEG_BENCH_CITIES", 50).max(1);
    let households = env_or("WOHNWEG_BENCH_HOUSEHOLDS", 20_000).max(10);
    let requests = env_or("WOHNWEG_BENCH_REQUESTS", 200).max(10);
    let app = TestApp::spawn().await;
    let admin = app.pg_admin().await.expect("PostgreSQL owner connection");
    let operator = app
        .platform_user("Paula Plattform", Role::PlatformOperator)
        .await;
    let officer = app
        .platform_user("Stefan Landesblick", Role::StateOfficer)
        .await;

    println!("seeding {cities} cities × {households} households with two years of history …");
    let started = Instant::now();
    let mut tenants = Vec::new();
    for i in 0..cities {
        let t = app.tenant().await;
        seed(&admin, t.id, t.caseworker.id, households).await;
        tenants.push(t);
        if (i + 1) % 10 == 0 || i + 1 == cities {
            println!(
                "  {} of {cities} cities seeded ({:.0} s)",
                i + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    admin
        .execute_unprepared("ANALYZE households; ANALYZE case_transitions; ANALYZE placements; ANALYZE readiness_assessments;")
        .await
        .unwrap();
    let slugs: Vec<&str> = tenants.iter().map(|t| t.slug.as_str()).collect();
    let prog = ok(&app, &operator.token, "mutation($c: [String!]!) { createStateProgramme(name: \"NRW – KIM\", citySlugs: $c) { id } }", json!({ "c": slugs })).await["createStateProgramme"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &app,
        &operator.token,
        "mutation($p: ID!, $u: ID!) { assignStateOfficer(programmeId: $p, userId: $u) }",
        json!({ "p": prog, "u": officer.id.to_string() }),
    )
    .await;
    for t in &tenants {
        admin
            .execute_unprepared(&format!(
                "INSERT INTO insight_shares (city_id, measure, audience, shared, changed_by, changed_at)
                 SELECT '{}', m, '{prog}', true, '{}', now() FROM unnest(ARRAY[{}]) m",
                t.id,
                t.caseworker.id,
                wohnweg_insights::measures::MEASURES
                    .iter()
                    .map(|m| format!("'{}'", m.code))
                    .collect::<Vec<_>>()
                    .join(",")
            ))
            .await
            .unwrap();
    }

    // The rollup, city by city.
    let insights = wohnweg_insights::Insights::new(app.db.clone(), 3);
    let today = chrono::Utc::now().date_naive();
    let mut took = Vec::new();
    for t in &tenants {
        let s = Instant::now();
        insights.refresh(t.id, today).await.unwrap();
        took.push(s.elapsed());
    }
    took.sort();
    println!(
        "rollup of one city ({households} households): median {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        percentile(&took, 0.5),
        percentile(&took, 0.95),
        took.last().unwrap().as_secs_f64() * 1000.0
    );

    // The dashboard.
    let query = "{ benchmark(quarters: 8) { quarters measures { measure { code } cities { city points { quarter value percent median p75 withheld } } } } }";
    let first = ok(&app, &officer.token, query, json!({})).await;
    let size = first.to_string().len();
    let shown: usize = first["benchmark"]["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["cities"].as_array().unwrap().len())
        .sum();
    let before = app.db.statements();
    let mut lat = Vec::new();
    for _ in 0..requests {
        let s = Instant::now();
        let (status, _) = app
            .post_json(Some(&officer.token), &json!({ "query": query }))
            .await;
        assert!(status.is_success());
        lat.push(s.elapsed());
    }
    let statements = (app.db.statements() - before) as f64 / f64::from(requests);
    lat.sort();
    println!(
        "dashboard (every measure × {} city series × 8 quarters, {size} bytes): {requests} requests, median {:.1} ms, p95 {:.1} ms, {statements:.1} statements per request (goal: p95 ≤ 50 ms)",
        shown,
        percentile(&lat, 0.5),
        percentile(&lat, 0.95),
    );

    // The same answer as one chart-ready JSON string (what the console's charts and
    // an export read), to see what the field-by-field answer costs.
    let query_json = "{ benchmark(quarters: 8) { chartJson } }";
    ok(&app, &officer.token, query_json, json!({})).await;
    let mut lat = Vec::new();
    for _ in 0..requests {
        let s = Instant::now();
        let (status, _) = app
            .post_json(Some(&officer.token), &json!({ "query": query_json }))
            .await;
        assert!(status.is_success());
        lat.push(s.elapsed());
    }
    lat.sort();
    println!(
        "dashboard as chart JSON (the same figures in one string): median {:.1} ms, p95 {:.1} ms",
        percentile(&lat, 0.5),
        percentile(&lat, 0.95),
    );

    // Freshness: a write in one city, then one pass of the refresh loop.
    let city = &tenants[0];
    let count = |sql: String| {
        let admin = &admin;
        async move {
            admin
                .query_one_raw(Statement::from_string(
                    sea_orm::DatabaseBackend::Postgres,
                    sql,
                ))
                .await
                .unwrap()
                .unwrap()
                .try_get_by_index::<i64>(0)
                .unwrap()
        }
    };
    let cell = format!(
        "SELECT records FROM insight_cells WHERE city_id = '{}' AND measure = 'in_scope' AND quarter = '{}'",
        city.id,
        wohnweg_insights::measures::Quarter::of(today).start
    );
    let was = count(cell.clone()).await;
    ok(&app, &city.caseworker.token, "mutation { createHousehold(input: { reference: \"FRESH-1\", members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({})).await;
    let written = Instant::now();
    let ids: Vec<wohnweg_kernel::TenantId> = tenants.iter().map(|t| t.id).collect();
    let refreshed = insights.refresh_changed(&ids, today).await.unwrap();
    let pass = written.elapsed();
    let now = count(cell).await;
    println!(
        "freshness: one pass over {cities} cities recounted {refreshed} and took {:.0} ms; the city's cell went {was} → {now}; worst case with the loop's 20 s interval: {:.1} s (goal ≤ 60 s)",
        pass.as_secs_f64() * 1000.0,
        20.0 + pass.as_secs_f64()
    );
}
