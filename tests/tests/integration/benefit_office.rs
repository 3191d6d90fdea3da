//! The benefit office's acceptance of the rent: a match step that a lease for an
//! SGB II / SGB XII household needs first, and that no other household does.

use serde_json::{Value, json};
use wohnweg_tests::{TestApp, day};

use crate::moves::{ACCEPT, BENEFIT_OK, OFFER, PROPOSE, code, ok, searching, setup};

const DECIDE: &str =
    "mutation($id: ID!, $v: Int!, $d: BenefitOfficeDecision!, $on: String!, $r: String) {
  recordBenefitOfficeDecision(id: $id, version: $v, decision: $d, decidedOn: $on, reason: $r) {
    id status benefitOffice benefitOfficeOn benefitOfficeReason version } }";
const SIGN: &str = "mutation($id: ID!, $v: Int!) { signLease(id: $id, version: $v, signedOn: \"TODAY\", moveInOn: \"TODAY\") { status } }";
const MATCH: &str = "query($h: ID!) { matches(filter: { householdId: $h }) { edges { node { status benefitOffice benefitOfficeOn benefitOfficeReason version } } } }";

async fn the_match(app: &TestApp, tok: &str, h: &str) -> Value {
    ok(app, tok, MATCH, json!({ "h": h })).await["matches"]["edges"][0]["node"].clone()
}

/// Moves every member of household `h` onto AsylbLG.
async fn on_asylblg(app: &TestApp, tok: &str, h: &str) {
    let members = ok(
        app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id version relation } } }",
        json!({ "id": h }),
    )
    .await["household"]["members"]
        .as_array()
        .unwrap()
        .clone();
    for p in members {
        ok(app, tok, "mutation($id: ID!, $v: Int!, $r: Relation!) { updatePerson(id: $id, version: $v, input: { givenName: \"Kopf\", familyName: \"BO\", relation: $r,
            residenceStatus: RECOGNISED_REFUGEE, benefitFramework: ASYLBLG, languageLevel: B1, occupation: EMPLOYED }) { id } }",
            json!({ "id": p["id"], "v": p["version"], "r": p["relation"] })).await;
    }
}

#[tokio::test]
async fn an_sgb_ii_household_signs_only_after_the_benefit_office_accepted_the_rent() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let h = searching(&app, &s, "BO-1", 2, false).await;
    let m = ok(&app, &tok, PROPOSE, json!({ "o": s.offer, "h": h })).await["proposeMatch"]["id"]
        .clone();
    ok(&app, &tok, ACCEPT, json!({ "id": m, "v": 1 })).await;

    // No decision yet: the lease is refused, naming the step; nothing changes.
    let before = app.audited_changes(s.t.id).await;
    let (c, f) = code(&app, &tok, SIGN, json!({ "id": m, "v": 2 })).await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    let sign = SIGN.replace("TODAY", &day(0));
    let (_, body) = app.gql(Some(&tok), &sign, json!({ "id": m, "v": 2 })).await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("recordBenefitOfficeDecision"),
        "{body}"
    );

    // Bad input changes nothing: a refusal without a reason, a day ahead, a day
    // before the proposal, a stale version, an unknown decision.
    for (vars, field) in [
        (
            json!({ "id": m, "v": 2, "d": "REFUSED", "on": day(0) }),
            "reason",
        ),
        (
            json!({ "id": m, "v": 2, "d": "ACCEPTED", "on": day(1) }),
            "decidedOn",
        ),
        (
            json!({ "id": m, "v": 2, "d": "ACCEPTED", "on": day(-5) }),
            "decidedOn",
        ),
        (
            json!({ "id": m, "v": 2, "d": "ACCEPTED", "on": "gestern" }),
            "decidedOn",
        ),
    ] {
        let (c, f) = code(&app, &tok, DECIDE, vars.clone()).await;
        assert_eq!(
            (c.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{vars}"
        );
    }
    let (c, _) = code(
        &app,
        &tok,
        DECIDE,
        json!({ "id": m, "v": 1, "d": "ACCEPTED", "on": day(0) }),
    )
    .await;
    assert_eq!(c, "CONFLICT");
    let (c, _) = code(
        &app,
        &tok,
        DECIDE,
        json!({ "id": m, "v": 2, "d": "MAYBE", "on": day(0) }),
    )
    .await;
    assert_eq!(c, "GRAPHQL_VALIDATION_FAILED");
    assert_eq!(app.audited_changes(s.t.id).await, before, "nothing written");
    let now = the_match(&app, &tok, &h).await;
    assert_eq!(
        (now["benefitOffice"].clone(), now["version"].clone()),
        (Value::Null, json!(2))
    );

    // The Jobcenter refuses: the lease stays refused, saying so.
    let refused = ok(
        &app,
        &tok,
        DECIDE,
        json!({ "id": m, "v": 2, "d": "REFUSED", "on": day(0), "r": "Miete über der Angemessenheitsgrenze" }),
    )
    .await["recordBenefitOfficeDecision"]
        .clone();
    assert_eq!(refused["benefitOffice"], "REFUSED");
    assert_eq!(refused["benefitOfficeOn"], day(0));
    assert_eq!(
        refused["benefitOfficeReason"],
        "Miete über der Angemessenheitsgrenze"
    );
    assert_eq!(
        refused["status"], "LANDLORD_ACCEPTED",
        "the match stays open"
    );
    let (_, body) = app.gql(Some(&tok), &sign, json!({ "id": m, "v": 3 })).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("refused"),
        "{body}"
    );

    // The landlord lowered the rent; the office accepts; the lease goes through.
    let accepted = ok(
        &app,
        &tok,
        DECIDE,
        json!({ "id": m, "v": 3, "d": "ACCEPTED", "on": day(0) }),
    )
    .await["recordBenefitOfficeDecision"]
        .clone();
    assert_eq!(accepted["benefitOffice"], "ACCEPTED");
    assert!(accepted["benefitOfficeReason"].is_null());
    let signed = ok(&app, &tok, SIGN, json!({ "id": m, "v": 4 })).await;
    assert_eq!(signed["signLease"]["status"], "MOVED_IN");
    let rows = app
        .tenant_rows(
            s.t.id,
            "SELECT action FROM audit_log WHERE entity = 'match' AND action = 'benefit_office'",
        )
        .await;
    assert_eq!(rows.len(), 2, "each decision audited");

    // A closed step: a moved-in match takes no decision.
    let (c, f) = code(
        &app,
        &tok,
        DECIDE,
        json!({ "id": m, "v": 5, "d": "REFUSED", "on": day(0), "r": "zu spät" }),
    )
    .await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
}

#[tokio::test]
async fn a_household_without_sgb_ii_or_xii_needs_no_benefit_office_and_carriers_record_for_their_own()
 {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    // On AsylbLG: the social welfare office under AsylbLG is not asked first.
    let h = searching(&app, &s, "BO-2", 2, true).await;
    on_asylblg(&app, &tok, &h).await;
    let m = ok(&app, &tok, PROPOSE, json!({ "o": s.offer, "h": h })).await["proposeMatch"]["id"]
        .clone();
    // The household's carrier records the office's word; another city's staff and a
    // carrier admin cannot.
    let other = setup(&app).await;
    let (c, _) = code(
        &app,
        &other.t.caseworker.token,
        BENEFIT_OK,
        json!({ "id": m, "v": 1 }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    let noted = ok(
        &app,
        &s.cw.token,
        DECIDE,
        json!({ "id": m, "v": 1, "d": "ACCEPTED", "on": day(0), "r": "Bescheid liegt vor" }),
    )
    .await["recordBenefitOfficeDecision"]
        .clone();
    assert_eq!(noted["benefitOfficeReason"], "Bescheid liegt vor");
    ok(&app, &tok, ACCEPT, json!({ "id": m, "v": 2 })).await;
    // Without SGB II / XII a refusal would not have stopped the lease either: the
    // household signs at version 3 after the acceptance noted above.
    let signed = ok(&app, &tok, SIGN, json!({ "id": m, "v": 3 })).await;
    assert_eq!(signed["signLease"]["status"], "MOVED_IN");
    assert_eq!(
        ok(&app, &tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "LET"
    );

    // An AsylbLG household with no decision at all signs too.
    let h2 = searching(&app, &s, "BO-3", 2, false).await;
    on_asylblg(&app, &tok, &h2).await;
    let second = crate::moves::offer_in(&app, &s, "Kalk").await;
    let m2 = ok(&app, &tok, PROPOSE, json!({ "o": second, "h": h2 })).await["proposeMatch"]["id"]
        .clone();
    ok(&app, &tok, ACCEPT, json!({ "id": m2, "v": 1 })).await;
    let signed = ok(&app, &tok, SIGN, json!({ "id": m2, "v": 2 })).await;
    assert_eq!(signed["signLease"]["status"], "MOVED_IN");
}
