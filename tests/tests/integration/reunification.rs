//! Family reunification: persons expected to join a household count towards its size in
//! matching — the flat size, the landlord's limit and the rent and space caps — on both
//! the SQL path (ranking households for an offer) and the rule path (proposing), and the
//! explanation says so.

use serde_json::json;
use wohnweg_kernel::Role;
use wohnweg_tests::household_version as version;
use wohnweg_tests::{TestApp, day};

use crate::moves::{PROPOSE, code, ok, searching, setup};

const JOIN: &str = "mutation($h: ID!, $v: Int!, $n: Int, $d: String) { updateHousehold(id: $h, version: $v, input: { expectedToJoin: $n, expectedToJoinOn: $d }) { version expectedToJoin expectedToJoinOn } }";
const ELIGIBLE: &str = "query($o: ID!) { rankHouseholdsForOffer(offerId: $o) { householdId } }";
const RANK: &str = "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, includeExcluded: true) { householdId eligible explanation { failedRules rules { rule passed detail } } } }";

/// The one candidate of the offer's ranking.
async fn rank(app: &TestApp, tok: &str, offer: &serde_json::Value) -> serde_json::Value {
    let r = ok(app, tok, RANK, json!({ "o": offer })).await;
    r["rankHouseholdsForOffer"].as_array().unwrap()[0].clone()
}

#[tokio::test]
async fn persons_expected_to_join_count_in_matching_and_show_in_the_explanation() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    // Two persons; the offer has two rooms (at most four persons) and a rent within the
    // cap for two and three persons; there is no cap for five.
    let h = searching(&app, &s, "FAM-1", 2, true).await;
    assert_eq!(rank(&app, &tok, &s.offer).await["eligible"], true);

    // One person expected: three for matching, still eligible, and said so.
    let v = version(&app, &tok, &h).await;
    let j = ok(
        &app,
        &tok,
        JOIN,
        json!({ "h": h, "v": v, "n": 1, "d": day(60) }),
    )
    .await;
    assert_eq!(j["updateHousehold"]["expectedToJoin"], 1);
    assert_eq!(j["updateHousehold"]["expectedToJoinOn"], day(60));
    let c = rank(&app, &tok, &s.offer).await;
    assert_eq!(c["eligible"], true, "{c}");
    let size_rule = c["explanation"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "FLAT_SIZE")
        .unwrap()
        .clone();
    assert!(
        size_rule["detail"]
            .as_str()
            .unwrap()
            .starts_with("3 persons (1 expected to join)"),
        "{size_rule}"
    );
    let listed = ok(&app, &tok, ELIGIBLE, json!({ "o": s.offer })).await;
    assert_eq!(
        listed["rankHouseholdsForOffer"].as_array().unwrap().len(),
        1,
        "the SQL filter agrees"
    );

    // Three expected: five for matching — too many for two rooms, and no cap for five.
    let v = version(&app, &tok, &h).await;
    ok(
        &app,
        &tok,
        JOIN,
        json!({ "h": h, "v": v, "n": 3, "d": day(60) }),
    )
    .await;
    let c = rank(&app, &tok, &s.offer).await;
    assert_eq!(c["eligible"], false);
    let failed: Vec<&str> = c["explanation"]["failedRules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        failed.contains(&"FLAT_SIZE") && failed.contains(&"RENT_CAP"),
        "{failed:?}"
    );
    let listed = ok(&app, &tok, ELIGIBLE, json!({ "o": s.offer })).await;
    assert_eq!(
        listed["rankHouseholdsForOffer"],
        json!([]),
        "the SQL filter excludes it too"
    );
    let (code_, field) = code(&app, &tok, PROPOSE, json!({ "o": s.offer, "h": h })).await;
    assert_eq!(code_, "BAD_USER_INPUT", "{field:?}");

    // Bad input changes nothing.
    let v = version(&app, &tok, &h).await;
    for (n, d, field) in [
        (json!(11), json!(day(60)), "input.expectedToJoin"),
        (json!(2), json!(day(-1)), "input.expectedToJoinOn"),
        (json!(2), json!(null), "input.expectedToJoinOn"),
        (json!(null), json!(day(60)), "input.expectedToJoin"),
    ] {
        let (c, f) = code(&app, &tok, JOIN, json!({ "h": h, "v": v, "n": n, "d": d })).await;
        assert_eq!(
            (c.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{n} {d}"
        );
    }
    assert_eq!(version(&app, &tok, &h).await, v);

    // Another city's staff cannot set it; a carrier admin's frame does not show it.
    let other = app.tenant().await;
    let (c, _) = code(
        &app,
        &other.caseworker.token,
        JOIN,
        json!({ "h": h, "v": v, "n": 1, "d": day(60) }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    let org: wohnweg_kernel::OrganisationId = s.carrier.parse().unwrap();
    let carrier_admin = app
        .user(&s.t, org, "Anna Caritas", &[Role::CarrierAdmin])
        .await;
    let frame = ok(
        &app,
        &carrier_admin.token,
        "query($id: ID!) { household(id: $id) { expectedToJoin expectedToJoinOn } }",
        json!({ "id": h }),
    )
    .await;
    assert_eq!(
        frame["household"],
        json!({ "expectedToJoin": 0, "expectedToJoinOn": null })
    );

    // Cleared: two again, eligible again.
    ok(
        &app,
        &tok,
        JOIN,
        json!({ "h": h, "v": v, "n": 0, "d": null }),
    )
    .await;
    assert_eq!(rank(&app, &tok, &s.offer).await["eligible"], true);
}
