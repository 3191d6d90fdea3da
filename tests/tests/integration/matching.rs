//! Matching: the hard rules exclude exactly the households (and offers) an independent
//! oracle in this test excludes, no excluded one is ever ranked, and the explanation's
//! failed rules are exactly the reasons — over a seeded spread of households and
//! offers. Plus scope, cross-tenant and bad input.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, day, first_code};

async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

async fn code(app: &TestApp, token: &str, query: &str, vars: Value) -> (String, Option<String>) {
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

/// A small deterministic generator (no dependency, same spread every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
    fn flip(&mut self, percent: u64) -> bool {
        self.next(100) < percent
    }
}

#[derive(Clone, Debug)]
struct H {
    id: String,
    size: i64,
    ready: bool,
    wbs: bool,
    step_free: bool,
    consent: bool,
    carrier: bool,
}

#[derive(Clone, Debug)]
struct O {
    id: String,
    rooms_tenths: i64,
    space_tenths: i64,
    gross_cents: i64,
    max_persons: Option<i64>,
    wbs: bool,
    step_free: bool,
}

/// Caps per size 1–6 (size 7 and more has none): rent in cents, space in tenths.
const CAPS: [(i64, i64, i64); 6] = [
    (1, 40000, 500),
    (2, 50000, 650),
    (3, 60000, 800),
    (4, 70000, 950),
    (5, 80000, 1100),
    (6, 90000, 1250),
];

/// The oracle: which rules fail, in the API's rule order.
fn failing(h: &H, o: &O) -> Vec<&'static str> {
    let cap = CAPS.iter().find(|c| c.0 == h.size);
    let mut f = Vec::new();
    if h.size > o.rooms_tenths * 2 / 10 {
        f.push("FLAT_SIZE");
    }
    if o.max_persons.is_some_and(|m| h.size > m) {
        f.push("LANDLORD_LIMIT");
    }
    if cap.is_none_or(|c| o.gross_cents > c.1) {
        f.push("RENT_CAP");
    }
    if cap.is_some_and(|c| o.space_tenths > c.2) {
        f.push("SPACE_CAP");
    }
    if o.wbs && !h.wbs {
        f.push("WBS");
    }
    if h.step_free && !o.step_free {
        f.push("ACCESSIBILITY");
    }
    if !h.consent {
        f.push("LANDLORD_CONSENT");
    }
    if !h.ready {
        f.push("READINESS");
    }
    f
}

struct World {
    t: TestTenant,
    coord: TestUser,
    carrier_cw: TestUser,
    households: Vec<H>,
    offers: Vec<O>,
}

fn member(i: i64, relation: &str) -> Value {
    json!({ "givenName": format!("P{i}"), "familyName": "Match", "relation": relation, "residenceStatus": "RECOGNISED_REFUGEE",
            "benefitFramework": "SGB2", "languageLevel": "B1", "occupation": "EMPLOYED" })
}

async fn world(app: &TestApp, seed: u64, households: usize, offers: usize) -> World {
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
    let org = app
        .organisation(&t, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    let carrier_cw = app
        .user(&t, org, "Carla Caritas", &[Role::CarrierCaseworker])
        .await;
    for (size, rent, space) in CAPS {
        ok(app, &coord.token, "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
            json!({ "i": { "householdSize": size, "maxGrossColdRent": format!("{}.{:02}", rent / 100, rent % 100),
                           "maxLivingSpace": space as f64 / 10.0, "validFrom": "2026-01-01" } })).await;
    }
    let mut g = Lcg(seed);
    let mut hs = Vec::new();
    for i in 0..households {
        let size = 1 + g.next(7) as i64;
        let mut members = vec![member(0, "HEAD")];
        for k in 1..size {
            members.push(member(k, "CHILD"));
        }
        let id = ok(
            app,
            &tok,
            "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }",
            json!({ "i": { "reference": format!("M-{i:03}"), "members": members } }),
        )
        .await["createHousehold"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let h = H {
            id,
            size,
            ready: g.flip(75),
            wbs: g.flip(40),
            step_free: g.flip(20),
            consent: g.flip(80),
            carrier: g.flip(30),
        };
        let assess = |overall: &str| {
            json!({ "h": h.id, "i": { "assessedOn": "2026-01-10", "rentPayment": "MET", "householdManagement": "MET",
            "neighbourhood": "MET", "tenancyLanguage": "MET", "idDocument": true, "incomeProof": true, "schufa": true, "overall": overall } })
        };
        let q = "mutation($h: ID!, $i: ReadinessInput!) { recordReadinessAssessment(householdId: $h, input: $i) { id } }";
        ok(app, &tok, q, assess("READY")).await;
        for (v, to) in [(1, "ACTIVE"), (2, "SEARCHING")] {
            ok(app, &tok, "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"x\") { id } }",
                json!({ "h": h.id, "v": v, "to": to })).await;
        }
        if !h.ready {
            let mut later = assess("NOT_READY");
            later["i"]["assessedOn"] = json!("2026-02-10");
            ok(app, &tok, q, later).await;
        }
        let mut patch = json!({ "needsStepFree": h.step_free });
        if h.wbs {
            patch["wbsValidUntil"] = json!(day(730));
        }
        ok(app, &tok, "mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, version: 3, input: $i) { id } }",
            json!({ "h": h.id, "i": patch })).await;
        let consent =
            |scope: &str| json!({ "h": h.id, "i": { "scope": scope, "givenOn": "2026-01-05" } });
        let cq = "mutation($h: ID!, $i: ConsentInput!) { recordConsent(householdId: $h, input: $i) { id } }";
        if h.consent {
            ok(app, &tok, cq, consent("SHARE_WITH_LANDLORDS")).await;
        }
        if h.carrier {
            ok(app, &tok, cq, consent("SHARE_WITH_CARRIER")).await;
            ok(app, &tok, "mutation($h: ID!, $o: ID!) { assignCarrier(householdId: $h, version: 4, organisationId: $o) { id } }",
                json!({ "h": h.id, "o": org.to_string() })).await;
        }
        hs.push(h);
    }
    let landlord = ok(app, &tok, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", partnerStatus: PARTNER, annualQuota: 100 }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    let mut os = Vec::new();
    for _ in 0..offers {
        let rooms_tenths = [10, 20, 25, 30, 40][g.next(5) as usize];
        let space_tenths = 350 + 50 * g.next(20) as i64;
        let cold = 30000 + 2500 * g.next(24) as i64;
        let service = 5000 + 1000 * g.next(10) as i64;
        let max_persons = g.flip(40).then(|| 1 + g.next(5) as i64);
        let o = json!({ "landlordId": landlord, "street": "Teststraße 1", "postalCode": "50667", "district": "Altstadt",
            "rooms": rooms_tenths as f64 / 10.0, "livingSpace": space_tenths as f64 / 10.0,
            "coldRent": format!("{}.{:02}", cold / 100, cold % 100), "serviceCharges": format!("{}.{:02}", service / 100, service % 100),
            "heating": "60", "deposit": "1000", "availableFrom": day(10), "wbsRequired": g.flip(30), "stepFree": g.flip(40), "maxPersons": max_persons });
        let id = ok(
            app,
            &tok,
            "mutation($i: OfferInput!) { createOffer(input: $i) { id } }",
            json!({ "i": o }),
        )
        .await["createOffer"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        os.push(O {
            id,
            rooms_tenths,
            space_tenths,
            gross_cents: cold + service,
            max_persons,
            wbs: o["wbsRequired"].as_bool().unwrap(),
            step_free: o["stepFree"].as_bool().unwrap(),
        });
    }
    World {
        t,
        coord,
        carrier_cw,
        households: hs,
        offers: os,
    }
}

const RANK_H: &str = "query($o: ID!, $x: Boolean) { rankHouseholdsForOffer(offerId: $o, first: 500, includeExcluded: $x) {
  householdId score eligible explanation { failedRules rules { rule passed detail } parts { part points } } } }";
const RANK_O: &str = "query($h: ID!, $x: Boolean) { rankOffersForHousehold(householdId: $h, first: 500, includeExcluded: $x) {
  offer { id } score eligible explanation { failedRules parts { part points } } } }";

#[tokio::test]
async fn no_excluded_household_is_ranked_and_failed_rules_are_exactly_the_reasons() {
    let app = TestApp::spawn().await;
    let w = world(&app, 20261121, 28, 8).await;
    let tok = &w.t.caseworker.token;
    let mut eligible_pairs = 0;
    for o in &w.offers {
        let expected: BTreeSet<String> = w
            .households
            .iter()
            .filter(|h| failing(h, o).is_empty())
            .map(|h| h.id.clone())
            .collect();
        eligible_pairs += expected.len();
        let ranked =
            ok(&app, tok, RANK_H, json!({ "o": o.id, "x": false })).await["rankHouseholdsForOffer"]
                .as_array()
                .unwrap()
                .clone();
        let got: BTreeSet<String> = ranked
            .iter()
            .map(|c| c["householdId"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(got, expected, "offer {o:?}");
        let scores: Vec<f64> = ranked
            .iter()
            .map(|c| c["score"].as_f64().unwrap())
            .collect();
        assert!(
            scores.windows(2).all(|p| p[0] >= p[1]),
            "best first: {scores:?}"
        );
        for c in &ranked {
            assert_eq!(c["eligible"], true);
            assert!(
                c["explanation"]["failedRules"]
                    .as_array()
                    .unwrap()
                    .is_empty()
            );
            let parts: f64 = c["explanation"]["parts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["points"].as_f64().unwrap())
                .sum();
            assert!(
                (parts - c["score"].as_f64().unwrap()).abs() < 0.11,
                "score is the sum of its parts: {c}"
            );
        }
        // With the excluded: everyone in the pool, each with exactly the oracle's reasons.
        let all =
            ok(&app, tok, RANK_H, json!({ "o": o.id, "x": true })).await["rankHouseholdsForOffer"]
                .as_array()
                .unwrap()
                .clone();
        assert_eq!(all.len(), w.households.len());
        let mut seen_excluded = false;
        for c in &all {
            let h = w
                .households
                .iter()
                .find(|h| h.id == c["householdId"])
                .unwrap();
            let failed: Vec<&str> = c["explanation"]["failedRules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            assert_eq!(failed, failing(h, o), "{h:?} {o:?} {c}");
            assert_eq!(c["eligible"], failed.is_empty());
            if !failed.is_empty() {
                seen_excluded = true;
                assert!(c["score"].is_null(), "excluded: no score, {c}");
            } else {
                assert!(!seen_excluded, "eligible candidates come first");
            }
            assert_eq!(c["explanation"]["rules"].as_array().unwrap().len(), 8);
        }
    }
    assert!(
        eligible_pairs > 5,
        "the spread must rank someone: {eligible_pairs}"
    );
    // The other direction agrees with the oracle too.
    for h in w.households.iter().take(10) {
        let expected: BTreeSet<String> = w
            .offers
            .iter()
            .filter(|o| failing(h, o).is_empty())
            .map(|o| o.id.clone())
            .collect();
        let ranked =
            ok(&app, tok, RANK_O, json!({ "h": h.id, "x": false })).await["rankOffersForHousehold"]
                .as_array()
                .unwrap()
                .clone();
        let got: BTreeSet<String> = ranked
            .iter()
            .map(|c| c["offer"]["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(got, expected, "{h:?}");
        let all =
            ok(&app, tok, RANK_O, json!({ "h": h.id, "x": true })).await["rankOffersForHousehold"]
                .as_array()
                .unwrap()
                .clone();
        assert_eq!(all.len(), w.offers.len());
        for c in &all {
            let o = w.offers.iter().find(|o| o.id == c["offer"]["id"]).unwrap();
            let failed: Vec<&str> = c["explanation"]["failedRules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            assert_eq!(failed, failing(h, o));
        }
    }
}

#[tokio::test]
async fn matching_respects_scope_and_refuses_bad_input() {
    let app = TestApp::spawn().await;
    let w = world(&app, 7, 10, 2).await;
    let o = &w.offers[0];
    // A carrier ranks its own households only.
    let mine: BTreeSet<String> = w
        .households
        .iter()
        .filter(|h| h.carrier)
        .map(|h| h.id.clone())
        .collect();
    let all = ok(
        &app,
        &w.carrier_cw.token,
        RANK_H,
        json!({ "o": o.id, "x": true }),
    )
    .await["rankHouseholdsForOffer"]
        .as_array()
        .unwrap()
        .clone();
    let got: BTreeSet<String> = all
        .iter()
        .map(|c| c["householdId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(got, mine);
    if let Some(other) = w.households.iter().find(|h| !h.carrier) {
        assert_eq!(
            code(&app, &w.carrier_cw.token, RANK_O, json!({ "h": other.id }))
                .await
                .0,
            "NOT_FOUND"
        );
    }
    // A withdrawn offer is not for carriers; city staff still see why.
    ok(
        &app,
        &w.t.caseworker.token,
        "mutation($id: ID!) { setOfferStatus(id: $id, version: 1, status: WITHDRAWN) { id } }",
        json!({ "id": o.id }),
    )
    .await;
    assert_eq!(
        code(&app, &w.carrier_cw.token, RANK_H, json!({ "o": o.id }))
            .await
            .0,
        "NOT_FOUND"
    );
    // Another city cannot rank this city's offers or households.
    let other = app.tenant().await;
    assert_eq!(
        code(
            &app,
            &other.caseworker.token,
            RANK_H,
            json!({ "o": w.offers[1].id })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            &app,
            &other.caseworker.token,
            RANK_O,
            json!({ "h": w.households[0].id })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    // Bad input, and roles without housing.
    assert_eq!(
        code(
            &app,
            &w.t.caseworker.token,
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, first: 0) { score } }",
            json!({ "o": o.id })
        )
        .await
        .1
        .as_deref(),
        Some("first")
    );
    assert_eq!(
        code(
            &app,
            &w.t.caseworker.token,
            "{ rankOffersForHousehold(householdId: \"x\") { score } }",
            json!({})
        )
        .await
        .1
        .as_deref(),
        Some("householdId")
    );
    // A household that is not looking for a flat gets a reason, not "missing".
    let active = ok(&app, &w.t.caseworker.token, "mutation { createHousehold(input: { reference: \"M-ACT\", members: [{ givenName: \"A\", familyName: \"B\",
        relation: HEAD, residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({})).await["createHousehold"]["id"].clone();
    let (_, body) = app
        .gql(
            Some(&w.t.caseworker.token),
            "query($h: ID!) { rankOffersForHousehold(householdId: $h) { score } }",
            json!({ "h": active }),
        )
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["field"], "householdId");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not searching"),
        "{body}"
    );
    let admin = app
        .user(&w.t, w.t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    assert_eq!(
        code(&app, &admin.token, RANK_H, json!({ "o": o.id }))
            .await
            .0,
        "FORBIDDEN"
    );
    // Each household a ranking returns is audited as a read.
    let before = app
        .tenant_rows(
            w.t.id,
            "SELECT id FROM audit_log WHERE action = 'match_read'",
        )
        .await
        .len();
    let n = ok(
        &app,
        &w.coord.token,
        RANK_H,
        json!({ "o": w.offers[1].id, "x": true }),
    )
    .await["rankHouseholdsForOffer"]
        .as_array()
        .unwrap()
        .len();
    let after = app
        .tenant_rows(
            w.t.id,
            "SELECT id FROM audit_log WHERE action = 'match_read'",
        )
        .await
        .len();
    assert_eq!(after - before, n);
}
