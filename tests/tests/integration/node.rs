//! Relay object identification: `node(id:)` and `nodes(ids:)` read every kind of
//! node back by the id its type hands out, with the same reach as the type's own
//! read — `null` for another city's id and for a household outside a carrier's.

use serde_json::{Value, json};
use wohnweg_tests::{TestApp, TestTenant};

use crate::moves::{PROPOSE, code, ok, searching, setup};

const NODE: &str = "query($id: ID!) { node(id: $id) { __typename id
    ... on Household { reference members { givenName residenceStatus } }
    ... on Accommodation { name }
    ... on Offer { district }
    ... on Landlord { name }
    ... on Match { status householdId }
    ... on Guarantee { amount } } }";
const NODES: &str = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }";

/// One of each kind of node in `s`'s city: (typename, id).
async fn one_of_each(
    app: &TestApp,
    s: &crate::moves::Setup,
    h: &str,
) -> Vec<(&'static str, Value)> {
    let tok = &s.t.caseworker.token;
    let m =
        ok(app, tok, PROPOSE, json!({ "o": s.offer, "h": h })).await["proposeMatch"]["id"].clone();
    let landlord = ok(
        app,
        tok,
        "{ landlords { edges { node { id } } } }",
        json!({}),
    )
    .await["landlords"]["edges"][0]["node"]["id"]
        .clone();
    let year = chrono::Datelike::year(&chrono::Utc::now());
    ok(app, &s.coord.token, "mutation($y: Int!) { setGuaranteeBudget(year: $y, kind: DEPOSIT, amount: \"5000\") { version } }", json!({ "y": year })).await;
    let g = ok(app, tok, "mutation($h: ID!, $o: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"1260\", justification: \"Kaution\", offerId: $o }) { id } }",
        json!({ "h": h, "o": s.offer })).await["requestGuarantee"]["id"].clone();
    vec![
        ("Household", json!(h)),
        ("Accommodation", s.shelter.clone()),
        ("Offer", s.offer.clone()),
        ("Landlord", landlord),
        ("Match", m),
        ("Guarantee", g),
    ]
}

async fn audit_rows(app: &TestApp, t: &TestTenant) -> i64 {
    let rows = app
        .tenant_rows(t.id, "SELECT COUNT(*) AS n FROM audit_log")
        .await;
    rows[0].try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn every_node_reads_back_by_the_id_its_type_hands_out() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    let h = searching(&app, &s, "N-1", 2, false).await;
    let all = one_of_each(&app, &s, &h).await;
    for (typename, id) in &all {
        let d = ok(&app, tok, NODE, json!({ "id": id })).await;
        assert_eq!(d["node"]["__typename"], *typename, "{d}");
        assert_eq!(d["node"]["id"], *id, "{d}");
    }
    let d = ok(&app, tok, NODE, json!({ "id": h })).await;
    assert_eq!(d["node"]["reference"], "N-1");
    assert_eq!(d["node"]["members"].as_array().unwrap().len(), 2);
    assert_eq!(
        ok(&app, tok, NODE, json!({ "id": s.offer })).await["node"]["district"],
        "Kalk"
    );
    // Reading residence data through node() is audited like household(id:).
    let before = audit_rows(&app, &s.t).await;
    ok(&app, tok, NODE, json!({ "id": h })).await;
    let through_node = audit_rows(&app, &s.t).await - before;
    ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { id reference members { givenName residenceStatus } } }",
        json!({ "id": h }),
    )
    .await;
    let through_household = audit_rows(&app, &s.t).await - before - through_node;
    assert!(
        through_node > 0,
        "node(id:) read residence data without an audit entry"
    );
    assert_eq!(through_node, through_household);

    // nodes(): the same order, and null for an id nobody has.
    let mut ids: Vec<Value> = all.iter().rev().map(|(_, id)| id.clone()).collect();
    ids.insert(2, json!(uuid::Uuid::now_v7().to_string()));
    let d = ok(&app, tok, NODES, json!({ "ids": ids })).await;
    let got = d["nodes"].as_array().unwrap();
    assert_eq!(got.len(), 7);
    assert!(got[2].is_null());
    let named: Vec<&str> = got
        .iter()
        .filter_map(|n| n["__typename"].as_str())
        .collect();
    let want: Vec<&str> = all.iter().rev().map(|(t, _)| *t).collect();
    assert_eq!(named, want);
    // The interface is in the schema, and each type implements it.
    let d = ok(
        &app,
        tok,
        "{ __type(name: \"Node\") { kind possibleTypes { name } } }",
        json!({}),
    )
    .await;
    assert_eq!(d["__type"]["kind"], "INTERFACE");
    assert_eq!(d["__type"]["possibleTypes"].as_array().unwrap().len(), 6);
}

#[tokio::test]
async fn a_malformed_id_or_too_many_ids_are_refused_by_field() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    assert_eq!(
        code(&app, tok, NODE, json!({ "id": "nope" })).await,
        ("BAD_USER_INPUT".to_owned(), Some("id".to_owned()))
    );
    assert_eq!(
        code(&app, tok, NODES, json!({ "ids": [s.offer, "nope"] })).await,
        ("BAD_USER_INPUT".to_owned(), Some("ids".to_owned()))
    );
    let many: Vec<String> = (0..101).map(|_| uuid::Uuid::now_v7().to_string()).collect();
    assert_eq!(
        code(&app, tok, NODES, json!({ "ids": many })).await,
        ("BAD_USER_INPUT".to_owned(), Some("ids".to_owned()))
    );
    let (_, body) = app.gql(None, NODE, json!({ "id": s.offer })).await;
    assert_eq!(wohnweg_tests::first_code(&body), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn another_citys_ids_are_null_like_ids_that_do_not_exist() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let h = searching(&app, &s, "N-1", 2, false).await;
    let all = one_of_each(&app, &s, &h).await;
    let other = setup(&app).await;
    let ot = &other.t.caseworker.token;
    let before = audit_rows(&app, &s.t).await;
    for (typename, id) in &all {
        let d = ok(&app, ot, NODE, json!({ "id": id })).await;
        assert!(d["node"].is_null(), "{typename} of another city: {d}");
    }
    let ids: Vec<Value> = all.iter().map(|(_, id)| id.clone()).collect();
    let d = ok(&app, ot, NODES, json!({ "ids": ids })).await;
    assert!(
        d["nodes"].as_array().unwrap().iter().all(Value::is_null),
        "{d}"
    );
    // The other city's own records still read back.
    let d = ok(&app, ot, NODE, json!({ "id": other.offer })).await;
    assert_eq!(d["node"]["__typename"], "Offer");
    assert_eq!(
        audit_rows(&app, &s.t).await,
        before,
        "a refused read was audited in the first city"
    );
}

#[tokio::test]
async fn a_carrier_reads_its_own_households_nodes_only() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let ours = searching(&app, &s, "N-1", 1, true).await;
    let theirs = searching(&app, &s, "N-2", 2, false).await;
    let cw = &s.cw.token;
    let d = ok(&app, cw, NODE, json!({ "id": ours })).await;
    assert_eq!(d["node"]["__typename"], "Household");
    assert!(ok(&app, cw, NODE, json!({ "id": theirs })).await["node"].is_null());
    // The match for a household outside the carrier's reach is null too; the open
    // offer is visible, as in offers().
    let m = ok(
        &app,
        &s.t.caseworker.token,
        PROPOSE,
        json!({ "o": s.offer, "h": theirs }),
    )
    .await["proposeMatch"]["id"]
        .clone();
    assert!(ok(&app, cw, NODE, json!({ "id": m })).await["node"].is_null());
    assert_eq!(
        ok(&app, cw, NODE, json!({ "id": s.offer })).await["node"]["__typename"],
        "Offer"
    );
    // City-only records stay city-only, as through accommodation(id:).
    assert_eq!(
        code(&app, cw, NODE, json!({ "id": s.shelter })).await.0,
        "FORBIDDEN"
    );
}
