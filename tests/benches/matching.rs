//! Matching at city scale, end to end through GraphQL on PostgreSQL.
//!
//! Seeds one tenant with 20 000 households looking for a flat and 2 000 open offers,
//! then measures `rankHouseholdsForOffer` (all households ranked for one offer) and
//! `rankOffersForHousehold` (all offers ranked for one household) over HTTP, and prints
//! median, p95 and max. Run with PostgreSQL (it refuses without):
//!
//! ```sh
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench -p wohnweg-tests --bench matching
//! ```
//!
//! Households are inserted in bulk with SQL (as the database owner, like a data
//! import), without members: ranking reads the household rows, their consents and the
//! offers, never the people.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::time::{Duration, Instant};

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use wohnweg_kernel::Role;
use wohnweg_tests::TestApp;

const HOUSEHOLDS: u32 = 20_000;
const OFFERS: u32 = 2_000;
const RUNS: usize = 40;

fn stats(mut d: Vec<Duration>) -> (f64, f64, f64) {
    d.sort();
    let ms = |x: Duration| x.as_secs_f64() * 1000.0;
    let p = |q: f64| ms(d[((d.len() as f64 - 1.0) * q).round() as usize]);
    (p(0.5), p(0.95), ms(*d.last().unwrap()))
}

async fn gql(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"].clone()
}

fn main() {
    if std::env::var("DATABASE_URL").is_err() {
        panic!("the matching benchmark runs on PostgreSQL: set DATABASE_URL (see the file's docs)");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run());
}

async fn run() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let coord = app
        .user(
            &t,
            t.department,
            "Bench Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    let tok = t.caseworker.token.clone();
    let admin = app.pg_admin().await.expect("PostgreSQL owner connection");
    let started = Instant::now();
    for (size, rent) in [
        (1, "520"),
        (2, "635"),
        (3, "750"),
        (4, "875"),
        (5, "995"),
        (6, "1115"),
    ] {
        gql(&app, &coord.token, "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
            json!({ "i": { "householdSize": size, "maxGrossColdRent": rent, "validFrom": "2026-01-01" } })).await;
    }
    let landlord = gql(&app, &tok, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", partnerStatus: PARTNER, annualQuota: 2000 }) { id } }", json!({})).await["createLandlord"]["id"]
        .as_str().unwrap().to_owned();
    let tenant = t.id;
    let user = t.caseworker.id;
    let districts = "ARRAY['Kalk','Porz','Chorweiler','Mülheim','Nippes','Ehrenfeld','Lindenthal','Rodenkirchen']";
    admin
        .execute_unprepared(&format!(
            "INSERT INTO households (tenant_id, id, reference, primary_contact, languages, notes, accommodation, state, state_since,
               carrier_org, carrier_caseworker, readiness, readiness_on, member_count, search_text, version, created_at, updated_at,
               erased_at, tenancy_coaching, wbs_until, needs_step_free, preferred_districts)
             SELECT '{tenant}', gen_random_uuid(), 'B-' || g, NULL, 'ar', NULL, NULL, 'searching', current_date - (g % 500),
               NULL, NULL, CASE WHEN g % 10 = 0 THEN 'not_ready' WHEN g % 3 = 0 THEN 'ready' ELSE 'ready_with_support' END,
               current_date - 30, 1 + (g % 6), 'b ' || g, 1, now(), now(), NULL, false,
               CASE WHEN g % 4 = 0 THEN current_date + 365 ELSE NULL END, g % 15 = 0,
               ({districts})[1 + g % 8] || CASE WHEN g % 3 = 0 THEN '|' || ({districts})[1 + (g / 3) % 8] ELSE '' END
             FROM generate_series(1, {HOUSEHOLDS}) g;
             INSERT INTO consents (tenant_id, id, household_id, scope, given_on, withdrawn_on, note, recorded_by, version, created_at)
             SELECT tenant_id, gen_random_uuid(), id, 'share_with_landlords', current_date - 10, NULL, NULL, '{user}', 1, now()
             FROM households WHERE tenant_id = '{tenant}' AND (hashtext(reference) % 100) < 85;
             INSERT INTO offers (tenant_id, id, landlord_id, street, postal_code, district, rooms_tenths, space_tenths, cold_rent_cents,
               service_cents, heating_cents, deposit_cents, available_from, wbs_required, step_free, lift, floor, max_persons,
               pets_allowed, notes, status, status_on, version, created_at)
             SELECT '{tenant}', gen_random_uuid(), '{landlord}', 'Benchstraße ' || g, '50667', ({districts})[1 + g % 8],
               10 + 5 * (g % 7), 300 + 10 * (g % 90), 30000 + 500 * (g % 120), 6000 + 100 * (g % 60), 6000, 90000,
               current_date + (g % 60), g % 5 = 0, g % 3 = 0, g % 2 = 0, g % 6, CASE WHEN g % 4 = 0 THEN 2 + g % 4 ELSE NULL END,
               NULL, NULL, 'open', current_date, 1, now()
             FROM generate_series(1, {OFFERS}) g;
             ANALYZE households; ANALYZE consents; ANALYZE offers;"
        ))
        .await
        .unwrap();
    println!(
        "seeded {HOUSEHOLDS} households and {OFFERS} open offers in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let offers: Vec<String> = admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT id::text AS id FROM offers WHERE tenant_id = '{tenant}' ORDER BY id LIMIT {RUNS}"),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "id").unwrap())
        .collect();
    let households: Vec<String> = admin
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT id::text AS id FROM households WHERE tenant_id = '{tenant}' ORDER BY id LIMIT {RUNS}"),
        ))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get::<String>("", "id").unwrap())
        .collect();

    let rank_h = "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, first: 50) { householdId score explanation { failedRules parts { part points } } } }";
    let rank_o = "query($h: ID!) { rankOffersForHousehold(householdId: $h, first: 50) { offer { id } score explanation { failedRules parts { part points } } } }";
    // Warm up connections and caches once.
    gql(&app, &tok, rank_h, json!({ "o": offers[0] })).await;
    gql(&app, &tok, rank_o, json!({ "h": households[0] })).await;

    let mut times = Vec::new();
    let mut returned = 0;
    for o in &offers {
        let t0 = Instant::now();
        let d = gql(&app, &tok, rank_h, json!({ "o": o })).await;
        times.push(t0.elapsed());
        returned += d["rankHouseholdsForOffer"].as_array().unwrap().len();
    }
    let (p50, p95, max) = stats(times);
    println!(
        "rankHouseholdsForOffer  ({HOUSEHOLDS} households, top 50): median {p50:.1} ms, p95 {p95:.1} ms, max {max:.1} ms over {RUNS} offers ({:.0} candidates returned on average)",
        returned as f64 / RUNS as f64
    );
    let mut times = Vec::new();
    let mut returned = 0;
    for h in &households {
        let t0 = Instant::now();
        let d = gql(&app, &tok, rank_o, json!({ "h": h })).await;
        times.push(t0.elapsed());
        returned += d["rankOffersForHousehold"].as_array().unwrap().len();
    }
    let (p50, p95, max) = stats(times);
    println!(
        "rankOffersForHousehold  ({OFFERS} open offers, top 50): median {p50:.1} ms, p95 {p95:.1} ms, max {max:.1} ms over {RUNS} households ({:.0} offers returned on average)",
        returned as f64 / RUNS as f64
    );
}
