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
    City {
        t,
        coord,
        cw,
        carrier: org.to_string(),
    }
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

const REQUEST: &str = "mutation($h: ID!, $k: GuaranteeKind!, $a: String!) { requestGuarantee(householdId: $h, input: { kind: $k, amount: $a, justification: \"Kaution für die Wohnung in Kalk\" }) { id version status amount } }";
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
        json!({ "h": h, "k": "DEPOSIT", "a": "1260" }),
    )
    .await["requestGuarantee"]
        .clone();
    let g2 = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "DEPOSIT", "a": "900" }),
    )
    .await["requestGuarantee"]
        .clone();
    let g3 = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "RENT_ASSUMPTION", "a": "500" }),
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
            json!({ "h": h, "k": "DEPOSIT", "a": "viel" })
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
        json!({ "h": h, "k": "SECURITY_GUARANTEE", "a": "700" }),
    )
    .await["requestGuarantee"]["id"]
        .clone();
    let b = ok(
        &app,
        tok,
        REQUEST,
        json!({ "h": h, "k": "SECURITY_GUARANTEE", "a": "700" }),
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
        json!({ "h": mine, "k": "DEPOSIT", "a": "800" }),
    )
    .await["requestGuarantee"]
        .clone();
    assert_eq!(
        code(
            &app,
            &c.cw.token,
            REQUEST,
            json!({ "h": theirs, "k": "DEPOSIT", "a": "800" })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    ok(
        &app,
        &c.t.caseworker.token,
        REQUEST,
        json!({ "h": theirs, "k": "DEPOSIT", "a": "300" }),
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
            json!({ "h": mine, "k": "DEPOSIT", "a": "1" })
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
