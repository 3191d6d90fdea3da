//! Guarantee approvals against annual budgets, and the repayment of deposit loans.

use chrono::Datelike;
use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, first_code};

async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

async fn code(app: &TestApp, token: &str, query: &str, vars: Value) -> (String, Option<String>) {
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {query} {body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

struct City {
    t: TestTenant,
    coord: TestUser,
    cw: TestUser,
    carrier: String,
    /// An open offer: cold rent 600 €, 780 € gross, deposit 1800 €.
    offer: String,
}

async fn city(app: &TestApp) -> City {
    let t = app.tenant().await;
    let coord = app
        .user(&t, t.department, "Ole Leitstelle", &[Role::CityCoordinator])
        .await;
    let org = app
        .organisation(&t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let cw = app
        .user(&t, org, "Kian Beistand", &[Role::CarrierCaseworker])
        .await;
    let offer = open_offer(app, &t.caseworker.token).await;
    City {
        t,
        coord,
        cw,
        carrier: org.to_string(),
        offer,
    }
}

/// A landlord and its open offer (city staff's `token`): cold rent 600 €, 780 € gross,
/// deposit 1800 €. A guarantee request names what it secures.
pub(crate) async fn open_offer(app: &TestApp, token: &str) -> String {
    let landlord = ok(app, token, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", partnerStatus: PARTNER, annualQuota: 100 }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    ok(app, token, "mutation($l: ID!, $d: String!) { createOffer(input: { landlordId: $l, street: \"Kalker Str. 5\", postalCode: \"51103\", district: \"Kalk\",
        rooms: 3.0, livingSpace: 70.0, coldRent: \"600\", serviceCharges: \"100\", heating: \"80\", deposit: \"1800\", availableFrom: $d }) { id } }",
        json!({ "l": landlord, "d": wohnweg_tests::day(0) })).await["createOffer"]["id"].as_str().unwrap().to_owned()
}

async fn household(app: &TestApp, c: &City, reference: &str, carrier: bool) -> String {
    let tok = &c.t.caseworker.token;
    let id = ok(app, tok, "mutation($r: String!) { createHousehold(input: { reference: $r, members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({ "r": reference }))
        .await["createHousehold"]["id"].as_str().unwrap().to_owned();
    if carrier {
        ok(app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-01\" }) { id } }", json!({ "h": id })).await;
        ok(app, tok, "mutation($h: ID!, $o: ID!) { assignCarrier(householdId: $h, version: 1, organisationId: $o) { id } }", json!({ "h": id, "o": c.carrier })).await;
    }
    id
}

const REQUEST: &str = "mutation($h: ID!, $k: GuaranteeKind!, $a: Decimal!, $o: ID, $m: ID) { requestGuarantee(householdId: $h, input: { kind: $k, amount: $a, justification: \"Kaution für die Wohnung in Kalk\", offerId: $o, matchId: $m }) { id version status amount offerId matchId } }";
const DECIDE: &str = "mutation($id: ID!, $v: Int!, $a: Boolean!, $r: String) { decideGuarantee(id: $id, version: $v, approve: $a, reason: $r) { status version decisionReason } }";
const BUDGET: &str = "mutation($y: Int!, $k: GuaranteeKind!, $a: String!, $v: Int) { setGuaranteeBudget(year: $y, kind: $k, amount: $a, version: $v) { budget committed remaining version } }";
const BUDGETS: &str =
    "query($y: Int!) { guaranteeBudgets(year: $y) { kind budget committed remaining } }";

fn year() -> i32 {
    chrono::Utc::now().date_naive().year()
}

fn deposit(d: &Value) -> Value {
    d["guaranteeBudgets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "DEPOSIT")
        .unwrap()
        .clone()
}

#[tokio::test]
async fn approvals_stay_within_the_budget_and_deposit_loans_are_repaid() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = household(&app, &c, "G-1", false).await;
    assert_eq!(
        code(
            &app,
            tok,
            BUDGET,
            json!({ "y": year(), "k": "DEPOSIT", "a": "2000" })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    ok(
        &app,
        &c.coord.token,
        BUDGET,
        json!({ "y": year(), "k": "DEPOSIT", "a": "2000" }),
    )
    .await;
    let g1 = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "1260", "o": c.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    let g2 = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "900", "o": c.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    let g3 = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "RENT_ASSUMPTION", "a": "500", "o": c.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    assert_eq!(g1["status"], "REQUESTED");
    assert_eq!(
        code(
            &app,
            tok,
            DECIDE,
            json!({ "id": g1["id"], "v": 1, "a": true })
        )
        .await
        .0,
        "FORBIDDEN",
        "only the coordinator decides"
    );
    let d = ok(
        &app,
        &c.coord.token,
        DECIDE,
        json!({ "id": g1["id"], "v": 1, "a": true }),
    )
    .await;
    assert_eq!(d["decideGuarantee"]["status"], "APPROVED");
    let b = deposit(&ok(&app, tok, BUDGETS, json!({ "y": year() })).await);
    assert_eq!(
        (
            b["budget"].clone(),
            b["committed"].clone(),
            b["remaining"].clone()
        ),
        (json!("2000.00"), json!("1260.00"), json!("740.00"))
    );
    // Over budget: refused, nothing changes.
    let (e, f) = code(
        &app,
        &c.coord.token,
        DECIDE,
        json!({ "id": g2["id"], "v": 1, "a": true }),
    )
    .await;
    assert_eq!((e.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    assert_eq!(
        deposit(&ok(&app, tok, BUDGETS, json!({ "y": year() })).await)["committed"],
        "1260.00"
    );
    assert_eq!(
        code(
            &app,
            &c.coord.token,
            DECIDE,
            json!({ "id": g2["id"], "v": 1, "a": false })
        )
        .await
        .1
        .as_deref(),
        Some("reason")
    );
    let r = ok(
        &app,
        &c.coord.token,
        DECIDE,
        json!({ "id": g2["id"], "v": 1, "a": false, "r": "Budget erschöpft" }),
    )
    .await;
    assert_eq!(r["decideGuarantee"]["decisionReason"], "Budget erschöpft");
    assert_eq!(
        code(
            &app,
            &c.coord.token,
            DECIDE,
            json!({ "id": g2["id"], "v": 2, "a": true })
        )
        .await
        .1
        .as_deref(),
        Some("id"),
        "decided already"
    );
    assert_eq!(
        code(
            &app,
            &c.coord.token,
            DECIDE,
            json!({ "id": g3["id"], "v": 1, "a": true })
        )
        .await
        .1
        .as_deref(),
        Some("id"),
        "no budget set"
    );
    assert_eq!(
        code(
            &app,
            &c.coord.token,
            BUDGET,
            json!({ "y": year(), "k": "DEPOSIT", "a": "1000", "v": 1 })
        )
        .await
        .1
        .as_deref(),
        Some("amount"),
        "below committed"
    );
    assert_eq!(
        code(
            &app,
            &c.coord.token,
            BUDGET,
            json!({ "y": year(), "k": "DEPOSIT", "a": "3000", "v": 0 })
        )
        .await
        .0,
        "CONFLICT"
    );

    // The deposit loan is repaid in instalments.
    let agree = "mutation($id: ID!, $v: Int!, $i: String!, $n: Int!) { agreeRepayment(id: $id, version: $v, instalment: $i, instalments: $n) { instalment instalments outstanding version } }";
    assert_eq!(
        code(
            &app,
            tok,
            agree,
            json!({ "id": g1["id"], "v": 2, "i": "100", "n": 10 })
        )
        .await
        .1
        .as_deref(),
        Some("instalments")
    );
    assert_eq!(
        code(
            &app,
            tok,
            agree,
            json!({ "id": g2["id"], "v": 2, "i": "100", "n": 10 })
        )
        .await
        .1
        .as_deref(),
        Some("id"),
        "a rejected request is no loan"
    );
    let a = ok(
        &app,
        tok,
        agree,
        json!({ "id": g1["id"], "v": 2, "i": "105", "n": 12 }),
    )
    .await;
    assert_eq!(a["agreeRepayment"]["outstanding"], "1260.00");
    let pay = "mutation($id: ID!, $a: String!) { recordRepayment(id: $id, amount: $a) { repaid outstanding } }";
    let p = ok(&app, tok, pay, json!({ "id": g1["id"], "a": "105" })).await;
    assert_eq!(
        (
            p["recordRepayment"]["repaid"].clone(),
            p["recordRepayment"]["outstanding"].clone()
        ),
        (json!("105.00"), json!("1155.00"))
    );
    assert_eq!(
        code(&app, tok, pay, json!({ "id": g1["id"], "a": "1200" }))
            .await
            .1
            .as_deref(),
        Some("amount"),
        "never more than owed"
    );
    assert_eq!(
        code(
            &app,
            tok,
            REQUEST,
            json!({ "h": h, "k": "DEPOSIT", "a": "viel", "o": c.offer })
        )
        .await
        .1
        .as_deref(),
        Some("input.amount")
    );
    let rows = app.tenant_rows(c.t.id, "SELECT action FROM audit_log WHERE entity IN ('guarantee', 'repayment', 'guarantee_budget') ORDER BY seq").await;
    let actions: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("", "action").unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "set",
            "request",
            "request",
            "request",
            "approve",
            "reject",
            "agree_repayment",
            "create"
        ]
    );
}

#[tokio::test]
async fn two_approvals_racing_for_the_last_of_a_budget_only_one_wins() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = household(&app, &c, "G-R", false).await;
    ok(
        &app,
        &c.coord.token,
        BUDGET,
        json!({ "y": year(), "k": "SECURITY_GUARANTEE", "a": "1000" }),
    )
    .await;
    let a = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "SECURITY_GUARANTEE", "a": "700", "o": c.offer }),
    )
    .await["requestGuarantee"]["id"]
        .clone();
    let b = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "SECURITY_GUARANTEE", "a": "700", "o": c.offer }),
    )
    .await["requestGuarantee"]["id"]
        .clone();
    // Two requests on their own connections, released together by a barrier: on
    // PostgreSQL they overlap for real and line up on the budget's row lock.
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(2));
    let mut tasks = Vec::new();
    for id in [a, b] {
        let (http, base, token, barrier) = (
            app.http.clone(),
            app.base.clone(),
            c.coord.token.clone(),
            barrier.clone(),
        );
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let resp = http
                .post(format!("{base}/graphql"))
                .bearer_auth(token)
                .json(&json!({ "query": DECIDE, "variables": { "id": id, "v": 1, "a": true } }))
                .send()
                .await
                .unwrap();
            wohnweg_tests::json_body(resp).await
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    let wins = results.iter().filter(|r| r["errors"].is_null()).count();
    assert_eq!(wins, 1, "{results:?}");
    // The loser is told what a sequential second approval would be told — the budget
    // is exhausted — never INTERNAL and never a second approval.
    let loser = results.iter().find(|r| !r["errors"].is_null()).unwrap();
    assert_eq!(first_code(loser), Some("BAD_USER_INPUT"), "{loser}");
    assert_eq!(loser["errors"][0]["extensions"]["field"], "id");
    assert!(
        loser["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("over budget"),
        "{loser}"
    );
    let committed = ok(&app, tok, BUDGETS, json!({ "y": year() })).await["guaranteeBudgets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "SECURITY_GUARANTEE")
        .unwrap()["committed"]
        .clone();
    assert_eq!(committed, "700.00");
}

#[tokio::test]
async fn carriers_request_for_their_households_and_other_cities_see_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let mine = household(&app, &c, "G-C", true).await;
    let theirs = household(&app, &c, "G-D", false).await;
    let g = ok(
        &app,
        &c.cw.token,
        REQUEST,
        json!({ "h": mine, "k": "DEPOSIT", "a": "800", "o": c.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    assert_eq!(
        code(
            &app,
            &c.cw.token,
            REQUEST,
            json!({ "h": theirs, "k": "DEPOSIT", "a": "800", "o": c.offer })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    ok(
        &app,
        &c.t.caseworker.token,
        REQUEST,
        json!({ "h": theirs, "k": "DEPOSIT", "a": "300", "o": c.offer }),
    )
    .await;
    let seen = ok(
        &app,
        &c.cw.token,
        "{ guarantees { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert_eq!(seen["guarantees"]["edges"].as_array().unwrap().len(), 1);
    assert_eq!(
        code(&app, &c.cw.token, BUDGETS, json!({ "y": year() }))
            .await
            .0,
        "FORBIDDEN"
    );
    let other = city(&app).await;
    ok(
        &app,
        &other.coord.token,
        BUDGET,
        json!({ "y": year(), "k": "DEPOSIT", "a": "5000" }),
    )
    .await;
    assert_eq!(
        code(
            &app,
            &other.coord.token,
            DECIDE,
            json!({ "id": g["id"], "v": 1, "a": true })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            &app,
            &other.t.caseworker.token,
            REQUEST,
            json!({ "h": mine, "k": "DEPOSIT", "a": "1", "o": c.offer })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert!(
        ok(
            &app,
            &other.t.caseworker.token,
            "{ guarantees { edges { node { id } } } }",
            json!({})
        )
        .await["guarantees"]["edges"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        deposit(&ok(&app, &c.t.caseworker.token, BUDGETS, json!({ "y": year() })).await)["budget"],
        "0.00",
        "budgets are per city"
    );
}

#[tokio::test]
async fn a_request_names_what_it_secures_and_its_amount_stays_within_that_flats_rent() {
    use crate::moves::{code, ok, searching, setup};
    let app = TestApp::spawn().await;
    // The offer: cold rent 420 €, 570 € gross, deposit 1260 €.
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let offer = s.offer.as_str().unwrap().to_owned();
    let h = searching(&app, &s, "G-S", 2, true).await;
    ok(
        &app,
        &s.coord.token,
        BUDGET,
        json!({ "y": year(), "k": "DEPOSIT", "a": "10000" }),
    )
    .await;
    let count = || app.tenant_rows(s.t.id, "SELECT id FROM guarantees");
    // Neither or both of matchId and offerId; more than the flat allows; an unknown
    // offer, another city's offer: refused, nothing written.
    let other = city(&app).await;
    let both = "mutation($h: ID!, $o: ID!, $m: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"100\", justification: \"x\", offerId: $o, matchId: $m }) { id } }";
    let (c, f) = code(&app, &tok, both, json!({ "h": h, "o": offer, "m": offer })).await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.matchId"))
    );
    let (c, f) = code(
        &app,
        &tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "100" }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.matchId"))
    );
    for (kind, over) in [
        ("DEPOSIT", "1260.01"),
        ("SECURITY_GUARANTEE", "1260.01"),
        ("RENT_ASSUMPTION", "6840.01"),
        ("RELEASE", "6840.01"),
    ] {
        let (_, body) = app
            .gql(
                Some(&tok),
                REQUEST,
                json!({ "h": h, "k": kind, "a": over, "o": offer }),
            )
            .await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{kind}"
        );
        assert_eq!(
            body["errors"][0]["extensions"]["field"], "input.amount",
            "{kind}"
        );
        let msg = body["errors"][0]["message"].as_str().unwrap();
        assert!(msg.contains("at most"), "{kind}: {msg}");
    }
    for missing in [other.offer.clone(), uuid::Uuid::now_v7().to_string()] {
        let (c, _) = code(
            &app,
            &tok,
            REQUEST,
            json!({ "h": h, "k": "DEPOSIT", "a": "100", "o": missing }),
        )
        .await;
        assert_eq!(c, "NOT_FOUND", "another city's offer looks missing");
    }
    assert!(count().await.is_empty(), "nothing written");

    // Exactly at each ceiling is fine; the view names the offer.
    for (kind, max) in [
        ("DEPOSIT", "1260"),
        ("SECURITY_GUARANTEE", "1260"),
        ("RENT_ASSUMPTION", "6840"),
        ("RELEASE", "6840"),
    ] {
        let g = ok(
            &app,
            &tok,
            REQUEST,
            json!({ "h": h, "k": kind, "a": max, "o": offer }),
        )
        .await["requestGuarantee"]
            .clone();
        assert_eq!(g["offerId"], offer.as_str());
        assert!(g["matchId"].is_null());
    }

    // Through a match: its offer is what it secures; another household's match is
    // missing; the carrier caseworker asks for its own household.
    let m = ok(
        &app,
        &tok,
        "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
        json!({ "o": offer, "h": h }),
    )
    .await["proposeMatch"]["id"]
        .clone();
    let via = ok(
        &app,
        &tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "1200", "m": m }),
    )
    .await["requestGuarantee"]
        .clone();
    assert_eq!(via["matchId"], m);
    assert_eq!(via["offerId"], offer.as_str());
    let someone_else = searching(&app, &s, "G-T", 2, false).await;
    let (c, _) = code(
        &app,
        &tok,
        REQUEST,
        json!({ "h": someone_else, "k": "DEPOSIT", "a": "100", "m": m }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    ok(
        &app,
        &s.cw.token,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "100", "m": m }),
    )
    .await;

    // The rent falls before the decision: the approval is checked again.
    let landlord = ok(
        &app,
        &tok,
        "query($id: ID!) { offer(id: $id) { landlordId } }",
        json!({ "id": offer }),
    )
    .await["offer"]["landlordId"]
        .clone();
    ok(&app, &tok, "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }",
        json!({ "id": offer, "i": { "landlordId": landlord, "street": "Kalker Str. 5", "postalCode": "51103", "district": "Kalk",
            "rooms": 2.0, "livingSpace": 55.0, "coldRent": "380", "serviceCharges": "90", "heating": "60", "deposit": "1140", "availableFrom": wohnweg_tests::day(0) } })).await;
    let (c, f) = code(
        &app,
        &s.coord.token,
        DECIDE,
        json!({ "id": via["id"], "v": 1, "a": true }),
    )
    .await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    // The match is declined: it secures nothing new, and its pending request can only
    // be rejected.
    ok(&app, &tok, "mutation($id: ID!) { declineMatch(id: $id, version: 1, reason: HOUSEHOLD_REFUSED_FLAT) { id } }",
        json!({ "id": m })).await;
    let before = count().await.len();
    let (c, f) = code(
        &app,
        &tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "100", "m": m }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.matchId"))
    );
    assert_eq!(count().await.len(), before);
    let rejected = ok(
        &app,
        &s.coord.token,
        DECIDE,
        json!({ "id": via["id"], "v": 1, "a": false, "r": "Wohnung abgelehnt" }),
    )
    .await;
    assert_eq!(rejected["decideGuarantee"]["status"], "REJECTED");

    // A withdrawn offer secures nothing; for a carrier, an offer that is not open is
    // missing.
    ok(
        &app,
        &tok,
        "mutation($id: ID!) { setOfferStatus(id: $id, version: 2, status: WITHDRAWN) { id } }",
        json!({ "id": offer }),
    )
    .await;
    let (c, f) = code(
        &app,
        &tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "100", "o": offer }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.offerId"))
    );
    let (c, _) = code(
        &app,
        &s.cw.token,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "100", "o": offer }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
}

#[tokio::test]
async fn an_offer_let_to_the_household_itself_still_secures_its_request() {
    use crate::moves::{ACCEPT, BENEFIT_OK, PROPOSE, code, ok, searching, setup};
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    ok(
        &app,
        &s.coord.token,
        BUDGET,
        json!({ "y": year(), "k": "DEPOSIT", "a": "10000" }),
    )
    .await;
    let h = searching(&app, &s, "G-L", 2, false).await;
    let g = ok(
        &app,
        &tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "1260", "o": s.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    // The household gets this very flat before the coordinator decides.
    let m = ok(&app, &tok, PROPOSE, json!({ "o": s.offer, "h": h })).await["proposeMatch"]["id"]
        .clone();
    ok(&app, &tok, ACCEPT, json!({ "id": m, "v": 1 })).await;
    ok(&app, &tok, BENEFIT_OK, json!({ "id": m, "v": 2 })).await;
    ok(&app, &tok, "mutation($id: ID!) { signLease(id: $id, version: 3, signedOn: \"TODAY\", moveInOn: \"TODAY\") { status } }",
        json!({ "id": m })).await;
    let approved = ok(
        &app,
        &s.coord.token,
        DECIDE,
        json!({ "id": g["id"], "v": 1, "a": true }),
    )
    .await;
    assert_eq!(approved["decideGuarantee"]["status"], "APPROVED");
    // The household asks for more against its let flat; another household cannot.
    ok(
        &app,
        &tok,
        REQUEST,
        json!({ "h": h, "k": "RENT_ASSUMPTION", "a": "570", "o": s.offer }),
    )
    .await;
    let other = searching(&app, &s, "G-M", 2, false).await;
    let (c, f) = code(
        &app,
        &tok,
        REQUEST,
        json!({ "h": other, "k": "DEPOSIT", "a": "100", "o": s.offer }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("input.offerId"))
    );
}
