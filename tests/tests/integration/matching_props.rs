//! Matching as a property: for random households and offers — with values placed on
//! and next to every boundary (a rent exactly at its cap and one cent over, space at
//! its cap and one tenth over, a WBS valid exactly until the day the rent starts or
//! the day before, a cap that changes on the day the flat becomes available,
//! "ready with support", a landlord's limit at the household's size) — the API ranks
//! exactly the pairs an independent oracle in this file lets through, explains every
//! excluded pair with exactly the oracle's reasons, scores every part as the oracle
//! does, and orders best first. Run through GraphQL on a fresh tenant per case; the
//! random source is proptest's, seeded deterministically so every run checks the same
//! cases (and a failure shrinks to a small one).

use chrono::{Days, NaiveDate, Utc};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, ok};

/// Caps valid from 2026-01-01 by size (cents, space in tenths); size 7+ has none.
const CAPS: [(i64, i64, i64); 6] = [
    (1, 40000, 500),
    (2, 50000, 650),
    (3, 60000, 800),
    (4, 70000, 950),
    (5, 80000, 1100),
    (6, 90000, 1250),
];
/// From today + 30 days, size 2 gets a lower cap: the rent day decides which applies.
const LATER_CAP_2: (i64, i64) = (45000, 600);
const CHANGE_DAY: u64 = 30;
const DISTRICTS: [&str; 3] = ["Kalk", "Porz", "Nippes"];

#[derive(Clone, Debug)]
enum Readiness {
    Ready,
    WithSupport,
    NotReady,
}

#[derive(Clone, Debug)]
struct H {
    size: i64,
    readiness: Readiness,
    /// WBS valid until today + this many days (can be yesterday).
    wbs: Option<i64>,
    step_free: bool,
    consent: bool,
    districts: Vec<&'static str>,
    /// Days searching (the waiting score grows over the first 365).
    waited: i64,
}

#[derive(Clone, Debug)]
struct O {
    rooms_tenths: i64,
    space_tenths: i64,
    gross_cents: i64,
    /// Available from today + this many days.
    available: i64,
    max_persons: Option<i64>,
    wbs: bool,
    step_free: bool,
    district: &'static str,
}

fn cap(size: i64, rent_day: NaiveDate, today: NaiveDate) -> Option<(i64, i64)> {
    if size == 2 && rent_day >= today + Days::new(CHANGE_DAY) {
        return Some(LATER_CAP_2);
    }
    CAPS.iter().find(|c| c.0 == size).map(|c| (c.1, c.2))
}

fn rent_day(o: &O, today: NaiveDate) -> NaiveDate {
    add(today, o.available).max(today)
}

fn add(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d + Days::new(days.unsigned_abs())
    } else {
        d - Days::new(days.unsigned_abs())
    }
}

/// The oracle's hard rules, in the API's order.
fn failing(h: &H, o: &O, today: NaiveDate) -> Vec<&'static str> {
    let day = rent_day(o, today);
    let cap = cap(h.size, day, today);
    let mut f = Vec::new();
    if h.size > o.rooms_tenths * 2 / 10 {
        f.push("FLAT_SIZE");
    }
    if o.max_persons.is_some_and(|m| h.size > m) {
        f.push("LANDLORD_LIMIT");
    }
    if cap.is_none_or(|c| o.gross_cents > c.0) {
        f.push("RENT_CAP");
    }
    if cap.is_some_and(|c| o.space_tenths > c.1) {
        f.push("SPACE_CAP");
    }
    if o.wbs && h.wbs.is_none_or(|w| add(today, w) < day) {
        f.push("WBS");
    }
    if h.step_free && !o.step_free {
        f.push("ACCESSIBILITY");
    }
    if !h.consent {
        f.push("LANDLORD_CONSENT");
    }
    if matches!(h.readiness, Readiness::NotReady) {
        f.push("READINESS");
    }
    f
}

/// The oracle's score parts.
fn parts(h: &H, o: &O) -> Vec<(&'static str, f64)> {
    let readiness = match h.readiness {
        Readiness::Ready => 25.0,
        Readiness::WithSupport => 15.0,
        Readiness::NotReady => 0.0,
    };
    let district = if h.districts.is_empty() {
        10.0
    } else if h.districts.contains(&o.district) {
        20.0
    } else {
        0.0
    };
    #[allow(clippy::cast_precision_loss)]
    let (rooms, ideal) = (o.rooms_tenths as f64 / 10.0, (h.size + 1) as f64 / 2.0);
    let fit = (15.0 * (1.0 - (rooms - ideal).abs() / 3.0)).max(0.0);
    #[allow(clippy::cast_precision_loss)]
    let waiting = 30.0 * h.waited.min(365) as f64 / 365.0;
    vec![
        ("READINESS", readiness),
        ("WAITING", (waiting * 10.0).round() / 10.0),
        ("DISTRICT", district),
        ("SIZE_FIT", (fit * 10.0).round() / 10.0),
        ("CERTIFICATE", 0.0),
    ]
}

fn household() -> impl Strategy<Value = H> {
    (
        1i64..=8,
        prop_oneof![
            Just(Readiness::Ready),
            Just(Readiness::WithSupport),
            Just(Readiness::NotReady)
        ],
        prop_oneof![
            Just(None),
            // On and next to the rent days the offers use.
            prop::sample::select(vec![-1i64, 0, 1, 29, 30, 31, 400]).prop_map(Some),
        ],
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.85),
        prop::sample::subsequence(DISTRICTS[..2].to_vec(), 0..=2),
        prop::sample::select(vec![0i64, 1, 100, 182, 183, 364, 365, 400]),
    )
        .prop_map(
            |(size, readiness, wbs, step_free, consent, districts, waited)| H {
                size,
                readiness,
                wbs,
                step_free,
                consent,
                districts,
                waited,
            },
        )
}

/// An offer whose rent and space sit on or next to the cap of one of `sizes` (the
/// case's household sizes), so boundaries meet the households they matter for.
fn offer(sizes: Vec<i64>) -> impl Strategy<Value = O> {
    (
        prop::sample::select(vec![10i64, 15, 20, 25, 30, 40]),
        prop::sample::select(sizes),
        -1i64..=1,
        -1i64..=1,
        // Around the day the size-2 cap changes, and before today.
        prop::sample::select(vec![-3i64, 0, 29, 30, 30, 31]),
        prop::option::weighted(0.4, 1i64..=7),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.5),
        prop::sample::select(DISTRICTS.to_vec()),
    )
        .prop_map(
            |(
                rooms_tenths,
                near,
                rent_delta,
                space_delta,
                available,
                max_persons,
                wbs,
                step_free,
                district,
            )| {
                let (rent, space) = if near == 2 && available >= CHANGE_DAY as i64 {
                    LATER_CAP_2
                } else {
                    let c = CAPS[usize::try_from(near - 1).unwrap()];
                    (c.1, c.2)
                };
                O {
                    rooms_tenths,
                    space_tenths: space + space_delta,
                    gross_cents: rent + rent_delta,
                    available,
                    max_persons,
                    wbs,
                    step_free,
                    district,
                }
            },
        )
}

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

const RANK_H: &str = "query($o: ID!, $x: Boolean, $f: Int = 100, $s: Int = 0) { rankHouseholdsForOffer(offerId: $o, first: $f, offset: $s, includeExcluded: $x) {
  householdId score eligible explanation { failedRules parts { part points } } } }";
const RANK_O: &str = "query($h: ID!, $x: Boolean, $f: Int = 100, $s: Int = 0) { rankOffersForHousehold(householdId: $h, first: $f, offset: $s, includeExcluded: $x) {
  offer { id } score eligible explanation { failedRules parts { part points } } } }";

/// Every page of `first` 1–2 from every offset of the full ranking `all` (eligible
/// best first, then the excluded), with and without the excluded, is exactly that
/// slice of it: the top k computed in SQL is the top k of scoring every candidate.
async fn pages_are_slices(
    app: &TestApp,
    tok: &str,
    query: &str,
    field: &str,
    vars: &Value,
    all: &[Value],
) -> Result<(), String> {
    let eligible: Vec<&Value> = all.iter().filter(|c| c["eligible"] == true).collect();
    for x in [true, false] {
        let whole: Vec<&Value> = if x {
            all.iter().collect()
        } else {
            eligible.clone()
        };
        for first in 1..=2usize {
            for offset in 0..=whole.len() {
                let mut v = vars.clone();
                v["x"] = json!(x);
                v["f"] = json!(first);
                v["s"] = json!(offset);
                let got = ok(app, tok, query, v).await[field]
                    .as_array()
                    .unwrap()
                    .clone();
                let want: Vec<&Value> = whole.iter().skip(offset).take(first).copied().collect();
                if got.iter().collect::<Vec<_>>() != want {
                    return Err(format!(
                        "{field} first {first} offset {offset} excluded {x}: {got:?}, the full ranking has {want:?}"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Sets up one case in a fresh tenant and checks every pair, both directions.
async fn check_case(app: &TestApp, hs: &[H], os: &[O]) -> Result<(), String> {
    let today = Utc::now().date_naive();
    let t = app.tenant().await;
    let tok = t.caseworker.token.clone();
    let coord = app
        .user(
            &t,
            t.department,
            "Cora Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    for (size, rent, space) in CAPS {
        ok(
            app,
            &coord.token,
            "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
            json!({ "i": { "householdSize": size, "maxGrossColdRent": money(rent),
                           "maxLivingSpace": space as f64 / 10.0, "validFrom": "2026-01-01" } }),
        )
        .await;
    }
    ok(app, &coord.token, "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
        json!({ "i": { "householdSize": 2, "maxGrossColdRent": money(LATER_CAP_2.0),
                       "maxLivingSpace": LATER_CAP_2.1 as f64 / 10.0, "validFrom": add(today, CHANGE_DAY as i64).to_string() } })).await;
    // References unique across the cases' tenants, to set the search start by SQL.
    let case = uuid::Uuid::new_v4().simple().to_string();
    let mut hids = Vec::new();
    for (i, h) in hs.iter().enumerate() {
        let mut members = vec![
            json!({ "givenName": "K", "familyName": format!("P{i}"), "relation": "HEAD",
            "residenceStatus": "RECOGNISED_REFUGEE", "benefitFramework": "SGB2", "languageLevel": "B1", "occupation": "EMPLOYED" }),
        ];
        for k in 1..h.size {
            members.push(json!({ "givenName": format!("C{k}"), "familyName": format!("P{i}"), "relation": "CHILD",
                "residenceStatus": "RECOGNISED_REFUGEE", "benefitFramework": "SGB2", "languageLevel": "A1", "occupation": "SCHOOL" }));
        }
        let id = ok(
            app,
            &tok,
            "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }",
            json!({ "i": { "reference": format!("P{i}-{case}"), "members": members } }),
        )
        .await["createHousehold"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let assess = |overall: &str, on: &str| {
            json!({ "h": id, "i": { "assessedOn": on, "rentPayment": "MET", "householdManagement": "MET",
            "neighbourhood": "MET", "tenancyLanguage": "MET", "idDocument": true, "incomeProof": true, "schufa": true, "overall": overall } })
        };
        let q = "mutation($h: ID!, $i: ReadinessInput!) { recordReadinessAssessment(householdId: $h, input: $i) { id } }";
        let first = if matches!(h.readiness, Readiness::WithSupport) {
            "READY_WITH_SUPPORT"
        } else {
            "READY"
        };
        ok(app, &tok, q, assess(first, "2026-01-10")).await;
        for (v, to) in [(1, "ACTIVE"), (2, "SEARCHING")] {
            ok(app, &tok, "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"x\") { id } }",
                json!({ "h": id, "v": v, "to": to })).await;
        }
        if matches!(h.readiness, Readiness::NotReady) {
            ok(app, &tok, q, assess("NOT_READY", "2026-02-10")).await;
        }
        let mut patch = json!({ "needsStepFree": h.step_free, "preferredDistricts": h.districts });
        if let Some(w) = h.wbs {
            patch["wbsValidUntil"] = json!(add(today, w).to_string());
        }
        ok(app, &tok, "mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, version: 3, input: $i) { id } }",
            json!({ "h": id, "i": patch })).await;
        if h.consent {
            ok(app, &tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_LANDLORDS, givenOn: \"2026-01-05\" }) { id } }",
                json!({ "h": id })).await;
        }
        hids.push(id);
    }
    for (i, h) in hs.iter().enumerate() {
        app.exec_as_owner(&format!(
            "UPDATE households SET state_since = '{}' WHERE reference = 'P{i}-{case}'",
            add(today, -h.waited),
        ))
        .await;
    }
    let landlord = ok(app, &tok, "mutation { createLandlord(input: { kind: PRIVATE, name: \"Privat\", partnerStatus: PARTNER }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    let mut oids = Vec::new();
    for o in os {
        let service = 9000.min(o.gross_cents / 2);
        let i = json!({ "landlordId": landlord, "street": "Weg 1", "postalCode": "50667", "district": o.district,
            "rooms": o.rooms_tenths as f64 / 10.0, "livingSpace": o.space_tenths as f64 / 10.0,
            "coldRent": money(o.gross_cents - service), "serviceCharges": money(service), "heating": "60", "deposit": "1000",
            "availableFrom": add(today, o.available).to_string(), "wbsRequired": o.wbs, "stepFree": o.step_free, "maxPersons": o.max_persons });
        oids.push(
            ok(
                app,
                &tok,
                "mutation($i: OfferInput!) { createOffer(input: $i) { id } }",
                json!({ "i": i }),
            )
            .await["createOffer"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    if Utc::now().date_naive() != today {
        // The case straddled midnight UTC: the server's "today" moved; not a finding.
        return Ok(());
    }
    let failed_of = |c: &Value| -> Vec<String> {
        c["explanation"]["failedRules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_owned())
            .collect()
    };
    let parts_of = |c: &Value| -> Vec<(String, f64)> {
        c["explanation"]["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["part"].as_str().unwrap().to_owned(),
                    p["points"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    for (o, oid) in os.iter().zip(&oids) {
        let all =
            ok(app, &tok, RANK_H, json!({ "o": oid, "x": true })).await["rankHouseholdsForOffer"]
                .as_array()
                .unwrap()
                .clone();
        if all.len() != hs.len() {
            return Err(format!(
                "offer {o:?}: {} candidates for {} households",
                all.len(),
                hs.len()
            ));
        }
        let mut last: Option<(bool, f64, String)> = None;
        for c in &all {
            let i = hids.iter().position(|id| c["householdId"] == *id).unwrap();
            let h = &hs[i];
            let want = failing(h, o, today);
            let got = failed_of(c);
            if got != want {
                return Err(format!("{h:?} for {o:?}: failed {got:?}, oracle {want:?}"));
            }
            let eligible = want.is_empty();
            // An excluded pair is not ranked: no score at all (not 0, not -0.0).
            if !eligible && !c["score"].is_null() {
                return Err(format!("an excluded pair scores {}", c["score"]));
            }
            let score = c["score"].as_f64().unwrap_or(0.0);
            if eligible {
                let want_parts: Vec<(String, f64)> = parts(h, o)
                    .into_iter()
                    .map(|(p, v)| (p.to_owned(), v))
                    .collect();
                if parts_of(c) != want_parts {
                    return Err(format!(
                        "{h:?} for {o:?}: parts {:?}, oracle {want_parts:?}",
                        parts_of(c)
                    ));
                }
                let sum: f64 = want_parts.iter().map(|p| p.1).sum();
                if (sum - score).abs() > 0.051 {
                    return Err(format!("score {score} is not the sum {sum}"));
                }
            }
            let id = c["householdId"].as_str().unwrap().to_owned();
            if let Some((le, ls, lid)) = &last
                && ((!le && eligible)
                    || (*le == eligible && (*ls < score || (*ls == score && *lid > id))))
            {
                return Err(format!("not best first (ties by id) at {c}"));
            }
            last = Some((eligible, score, id));
        }
        pages_are_slices(
            app,
            &tok,
            RANK_H,
            "rankHouseholdsForOffer",
            &json!({ "o": oid }),
            &all,
        )
        .await?;
        let ranked =
            ok(app, &tok, RANK_H, json!({ "o": oid, "x": false })).await["rankHouseholdsForOffer"]
                .as_array()
                .unwrap()
                .len();
        let eligible = hs
            .iter()
            .filter(|h| failing(h, o, today).is_empty())
            .count();
        if ranked != eligible {
            return Err(format!("offer {o:?}: ranked {ranked}, oracle {eligible}"));
        }
    }
    for (h, hid) in hs.iter().zip(&hids) {
        let all =
            ok(app, &tok, RANK_O, json!({ "h": hid, "x": true })).await["rankOffersForHousehold"]
                .as_array()
                .unwrap()
                .clone();
        if all.len() != os.len() {
            return Err(format!("{h:?}: {} offers of {}", all.len(), os.len()));
        }
        let mut last: Option<(bool, f64, String)> = None;
        for c in &all {
            let j = oids.iter().position(|id| c["offer"]["id"] == *id).unwrap();
            let want = failing(h, &os[j], today);
            if failed_of(c) != want {
                return Err(format!(
                    "{h:?} for {:?}: failed {:?}, oracle {want:?}",
                    os[j],
                    failed_of(c)
                ));
            }
            let eligible = want.is_empty();
            let score = c["score"].as_f64().unwrap_or(0.0);
            if eligible {
                let want_parts: Vec<(String, f64)> = parts(h, &os[j])
                    .into_iter()
                    .map(|(p, v)| (p.to_owned(), v))
                    .collect();
                if parts_of(c) != want_parts {
                    return Err(format!(
                        "{h:?} for {:?}: parts {:?}, oracle {want_parts:?}",
                        os[j],
                        parts_of(c)
                    ));
                }
                let sum: f64 = want_parts.iter().map(|p| p.1).sum();
                if (sum - score).abs() > 0.051 {
                    return Err(format!("offer score {score} is not the sum {sum}"));
                }
            }
            let id = oids[j].clone();
            if let Some((le, ls, lid)) = &last
                && ((!le && eligible)
                    || (*le == eligible && (*ls < score || (*ls == score && *lid > id))))
            {
                return Err(format!("offers not best first (ties by id) at {c}"));
            }
            last = Some((eligible, score, id));
        }
        pages_are_slices(
            app,
            &tok,
            RANK_O,
            "rankOffersForHousehold",
            &json!({ "h": hid }),
            &all,
        )
        .await?;
        let ranked =
            ok(app, &tok, RANK_O, json!({ "h": hid, "x": false })).await["rankOffersForHousehold"]
                .as_array()
                .unwrap()
                .len();
        let eligible = os
            .iter()
            .filter(|o| failing(h, o, today).is_empty())
            .count();
        if ranked != eligible {
            return Err(format!("{h:?}: ranked {ranked} offers, oracle {eligible}"));
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ranking_agrees_with_the_oracle_on_random_cases_and_every_boundary() {
    let app = TestApp::spawn().await;
    let config = Config {
        cases: 40,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let handle = tokio::runtime::Handle::current();
    let cases = prop::collection::vec(household(), 1..=5).prop_flat_map(|hs| {
        let sizes: Vec<i64> = hs.iter().map(|h| h.size.min(6)).collect();
        (Just(hs), prop::collection::vec(offer(sizes), 1..=3))
    });
    let result = tokio::task::block_in_place(|| {
        runner.run(&cases, |(hs, os)| {
            handle
                .block_on(check_case(&app, &hs, &os))
                .map_err(TestCaseError::fail)
        })
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
