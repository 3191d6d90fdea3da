//! Decisions that must be countable: a declined or withdrawn match records who decided
//! (landlord, household, carrier, city) beside the coded reason; a rejected transfer
//! records a coded reason and who rejected it.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::TestApp;

use crate::moves::{ACCEPT, DECLINE, PROPOSE, code, offer_in, ok, searching, setup};

const WITHDRAW: &str = "mutation($id: ID!, $v: Int!) { withdrawMatch(id: $id, version: $v, text: \"Ende\") { status declinedBy } }";
const TRANSFER: &str = "mutation($h: ID!, $o: ID!) { proposeTransfer(householdId: $h, organisationId: $o, reason: \"Umzug\") { id version } }";
const REJECT: &str = "mutation($id: ID!, $v: Int!, $c: TransferRejectionReason, $r: String!) { rejectTransfer(id: $id, version: $v, reasonCode: $c, reason: $r) { status rejectionReason rejectedBy decisionReason } }";

/// One match of household `h` by id.
async fn match_of(app: &TestApp, tok: &str, h: &str, id: &Value) -> Value {
    let all = ok(app, tok, "query($h: ID!) { matches(filter: { householdId: $h }) { nodes { id status declineReason declinedBy } } }", json!({ "h": h })).await;
    let mut m = all["matches"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| &m["id"] == id)
        .unwrap()
        .clone();
    m.as_object_mut().unwrap().remove("id");
    m
}

async fn proposed(app: &TestApp, tok: &str, offer: &Value, h: &str) -> Value {
    ok(app, tok, PROPOSE, json!({ "o": offer, "h": h })).await["proposeMatch"]["id"].clone()
}

#[tokio::test]
async fn every_decline_and_withdrawal_names_who_decided() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let h = searching(&app, &s, "DEC-1", 2, true).await;

    // The reason says who: a household's refusal is the household's.
    let m = proposed(&app, &tok, &s.offer, &h).await;
    let d = ok(
        &app,
        &tok,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "HOUSEHOLD_REFUSED_FLAT" }),
    )
    .await;
    assert_eq!(d["declineMatch"]["declinedBy"], "HOUSEHOLD");
    // A named actor must fit the reason; OTHER and missing documents need one.
    let m = proposed(&app, &tok, &s.offer, &h).await;
    let (c, f) = code(
        &app,
        &tok,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "LANDLORD_CHOSE_OTHER", "a": "HOUSEHOLD" }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("actor"))
    );
    let (c, f) = code(
        &app,
        &tok,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "INCOME_DOCUMENTS_MISSING" }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("actor"))
    );
    // An unknown actor is refused by the schema before anything runs.
    let (c, _) = code(
        &app,
        &tok,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "OTHER", "a": "SOMEONE", "t": "x" }),
    )
    .await;
    assert_eq!(c, "GRAPHQL_VALIDATION_FAILED");
    let d = ok(
        &app,
        &tok,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "INCOME_DOCUMENTS_MISSING", "a": "LANDLORD" }),
    )
    .await;
    assert_eq!(d["declineMatch"]["declinedBy"], "LANDLORD");
    // A withdrawal is the caller's side: the city's, or the carrier's.
    let m = proposed(&app, &tok, &s.offer, &h).await;
    let w = ok(&app, &tok, WITHDRAW, json!({ "id": m, "v": 1 })).await;
    assert_eq!(w["withdrawMatch"]["declinedBy"], "CITY");
    let m = proposed(&app, &s.cw.token, &s.offer, &h).await;
    let w = ok(&app, &s.cw.token, WITHDRAW, json!({ "id": m, "v": 1 })).await;
    assert_eq!(w["withdrawMatch"]["declinedBy"], "CARRIER");
    // The landlord's acceptance of another household declines the rivals as the
    // landlord's decision.
    let rival = searching(&app, &s, "DEC-2", 2, false).await;
    let mine = proposed(&app, &tok, &s.offer, &h).await;
    let theirs = proposed(&app, &tok, &s.offer, &rival).await;
    ok(&app, &tok, ACCEPT, json!({ "id": theirs, "v": 1 })).await;
    let lost = match_of(&app, &tok, &h, &mine).await;
    assert_eq!(
        lost,
        json!({ "status": "DECLINED", "declineReason": "LANDLORD_CHOSE_OTHER", "declinedBy": "LANDLORD" })
    );

    // Another city's staff and another carrier cannot decline it.
    let other_offer = offer_in(&app, &s, "Porz").await;
    let m = proposed(&app, &tok, &other_offer, &h).await;
    let other = app.tenant().await;
    let (c, _) = code(
        &app,
        &other.caseworker.token,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "HOUSEHOLD_REFUSED_AREA" }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    let drk = app
        .organisation(&s.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let other_cw = app
        .user(&s.t, drk, "Dirk DRK", &[Role::CarrierCaseworker])
        .await;
    let (c, _) = code(
        &app,
        &other_cw.token,
        DECLINE,
        json!({ "id": m, "v": 1, "r": "HOUSEHOLD_REFUSED_AREA" }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    let still = match_of(&app, &tok, &h, &m).await;
    assert_eq!(
        still,
        json!({ "status": "PROPOSED", "declineReason": null, "declinedBy": null })
    );
}

#[tokio::test]
async fn a_rejected_transfer_carries_a_code_and_who_rejected_it() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let h = searching(&app, &s, "TR-1", 2, true).await;
    let drk = app
        .organisation(&s.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let b_cw = app
        .user(&s.t, drk, "Dirk DRK", &[Role::CarrierCaseworker])
        .await;

    let t = ok(
        &app,
        &tok,
        TRANSFER,
        json!({ "h": h, "o": drk.to_string() }),
    )
    .await["proposeTransfer"]
        .clone();
    // Bad input changes nothing: an unknown code, an empty reason; the sending carrier
    // and another city cannot decide it.
    let (c, _) = code(
        &app,
        &b_cw.token,
        REJECT,
        json!({ "id": t["id"], "v": t["version"], "c": "BORED", "r": "x" }),
    )
    .await;
    assert_eq!(
        c, "GRAPHQL_VALIDATION_FAILED",
        "an unknown code is refused by the schema"
    );
    let (c, f) = code(
        &app,
        &b_cw.token,
        REJECT,
        json!({ "id": t["id"], "v": t["version"], "c": "NO_CAPACITY", "r": "" }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("reason"))
    );
    let (c, _) = code(
        &app,
        &s.cw.token,
        REJECT,
        json!({ "id": t["id"], "v": t["version"], "c": "NO_CAPACITY", "r": "voll" }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    let other = app.tenant().await;
    let (c, _) = code(
        &app,
        &other.caseworker.token,
        REJECT,
        json!({ "id": t["id"], "v": t["version"], "c": "NO_CAPACITY", "r": "voll" }),
    )
    .await;
    assert_eq!(c, "FORBIDDEN");

    let r = ok(&app, &b_cw.token, REJECT, json!({ "id": t["id"], "v": t["version"], "c": "HOUSEHOLD_REFUSED", "r": "möchte bei der Caritas bleiben" })).await;
    assert_eq!(r["rejectTransfer"]["status"], "REJECTED");
    assert_eq!(r["rejectTransfer"]["rejectionReason"], "HOUSEHOLD_REFUSED");
    assert_eq!(r["rejectTransfer"]["rejectedBy"], "HOUSEHOLD");
    // Without a code it counts as OTHER, the carrier's.
    let t = ok(
        &app,
        &tok,
        TRANSFER,
        json!({ "h": h, "o": drk.to_string() }),
    )
    .await["proposeTransfer"]
        .clone();
    let r = ok(
        &app,
        &b_cw.token,
        REJECT,
        json!({ "id": t["id"], "v": t["version"], "r": "keine Kapazität" }),
    )
    .await;
    assert_eq!(r["rejectTransfer"]["rejectionReason"], "OTHER");
    assert_eq!(r["rejectTransfer"]["rejectedBy"], "CARRIER");
    // The history shows both, as the city sees it.
    let history = ok(&app, &tok, "query($id: ID!) { household(id: $id) { carrierHistory { status rejectionReason rejectedBy } } }", json!({ "id": h })).await;
    let rejected: Vec<&Value> = history["household"]["carrierHistory"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "REJECTED")
        .collect();
    assert_eq!(rejected.len(), 2, "{history}");
}

const OVERRIDE: &str = "mutation($o: ID!, $h: ID!, $r: [String!]!, $why: String!) { proposeMatch(offerId: $o, householdId: $h, override: { rules: $r, reason: $why }) { status overriddenRules overrideReason } }";

#[tokio::test]
async fn a_coordinator_overrides_failed_rules_with_a_reason_and_nobody_else_can() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let coord = s.coord.token.clone();
    // Five persons for two rooms (at most four), and no rent cap for five.
    let h = searching(&app, &s, "OV-1", 5, true).await;
    let (c, f) = code(&app, &tok, PROPOSE, json!({ "o": s.offer, "h": h })).await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId"))
    );
    let why = "Übergangsweise, größere Wohnung in Aussicht";
    let both = json!(["FLAT_SIZE", "RENT_CAP"]);

    // Only a coordinator overrides; the override names exactly the failing rules, never
    // the household's consent, and says why. Nothing is written meanwhile.
    for (t, rules, reason, want) in [
        (&tok, both.clone(), why, ("FORBIDDEN", None)),
        (&s.cw.token, both.clone(), why, ("FORBIDDEN", None)),
        (
            &coord,
            json!(["FLAT_SIZE"]),
            why,
            ("BAD_USER_INPUT", Some("householdId")),
        ),
        (
            &coord,
            json!(["FLAT_SIZE", "RENT_CAP", "WBS"]),
            why,
            ("BAD_USER_INPUT", Some("override.rules")),
        ),
        (
            &coord,
            json!(["FLAT_SIZE", "RENT_CAP", "LANDLORD_CONSENT"]),
            why,
            ("BAD_USER_INPUT", Some("override.rules")),
        ),
        (
            &coord,
            json!(["SIZE"]),
            why,
            ("BAD_USER_INPUT", Some("override.rules")),
        ),
        (
            &coord,
            json!([]),
            why,
            ("BAD_USER_INPUT", Some("override.rules")),
        ),
        (
            &coord,
            both.clone(),
            " ",
            ("BAD_USER_INPUT", Some("override.reason")),
        ),
    ] {
        let (c, f) = code(
            &app,
            t,
            OVERRIDE,
            json!({ "o": s.offer, "h": h, "r": rules, "why": reason }),
        )
        .await;
        assert_eq!((c.as_str(), f.as_deref()), want, "{rules}");
    }
    let other = app.tenant().await;
    let other_coord = app
        .user(
            &other,
            other.department,
            "Otto Koord",
            &[Role::CityCoordinator],
        )
        .await;
    let (c, _) = code(
        &app,
        &other_coord.token,
        OVERRIDE,
        json!({ "o": s.offer, "h": h, "r": both, "why": why }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    let none = ok(
        &app,
        &tok,
        "query($h: ID!) { matches(filter: { householdId: $h }) { totalCount } }",
        json!({ "h": h }),
    )
    .await;
    assert_eq!(none["matches"]["totalCount"], 0);

    let m = ok(
        &app,
        &coord,
        OVERRIDE,
        json!({ "o": s.offer, "h": h, "r": ["RENT_CAP", "FLAT_SIZE"], "why": why }),
    )
    .await;
    assert_eq!(m["proposeMatch"]["status"], "PROPOSED");
    assert_eq!(m["proposeMatch"]["overriddenRules"], both);
    assert_eq!(m["proposeMatch"]["overrideReason"], why);
    // The carrier sees the override on its household's match; the audit names it.
    let seen = ok(
        &app,
        &s.cw.token,
        "query($h: ID!) { matches(filter: { householdId: $h }) { nodes { overriddenRules } } }",
        json!({ "h": h }),
    )
    .await;
    assert_eq!(seen["matches"]["nodes"][0]["overriddenRules"], both);
    let audited = app
        .tenant_rows(
            s.t.id,
            "SELECT fields FROM audit_log WHERE action = 'override_rules'",
        )
        .await;
    assert_eq!(audited.len(), 1);
}
