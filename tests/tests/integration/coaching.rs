//! Tenancy coaching as a record: staff start a period (the city or a carrier provides
//! it, with a coach and coded reasons) and end it with an outcome; an "at risk"
//! follow-up opens the city's period and a stable one ends it.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, day, ok, refused};

use crate::ways_out::{SELF_FOUND, city, living_in, self_found};

const START: &str = "mutation($h: ID!, $i: TenancyCoachingInput!) { startTenancyCoaching(householdId: $h, input: $i) { id providerId coachId reasons startedOn endedOn outcome version } }";
const END: &str = "mutation($id: ID!, $v: Int!, $d: String!, $o: CoachingOutcome!) { endTenancyCoaching(id: $id, version: $v, endedOn: $d, outcome: $o) { endedOn outcome version } }";
const COACHED: &str = "query($id: ID!) { household(id: $id) { tenancyCoaching tenancyCoachings { reasons providerId outcome endedOn } } }";

fn input(provider: Option<&str>, coach: Option<String>, reasons: Value, on: String) -> Value {
    json!({ "providerId": provider, "coachId": coach, "reasons": reasons, "startedOn": on })
}

#[tokio::test]
async fn staff_start_and_end_coaching_and_bad_input_or_other_reaches_change_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.t.caseworker.token.clone();
    let moved = living_in(&app, &c, "CO-1", &c.shelter, true, true).await;
    ok(
        &app,
        &tok,
        SELF_FOUND,
        json!({ "h": moved, "i": self_found("Wald") }),
    )
    .await;
    let not_moved = living_in(&app, &c, "CO-2", &c.shelter, false, false).await;
    let carla = c.cw.id.to_string();

    // Bad input: each names its field, nothing is written.
    let cases = [
        (
            moved.clone(),
            input(Some(&c.carrier), Some(carla.clone()), json!([]), day(0)),
            "input.reasons",
        ),
        (
            moved.clone(),
            input(
                Some(&c.carrier),
                Some(carla.clone()),
                json!(["ARREARS"]),
                day(2),
            ),
            "input.startedOn",
        ),
        (
            moved.clone(),
            input(
                Some(&c.t.department.to_string()),
                None,
                json!(["ARREARS"]),
                day(0),
            ),
            "input.providerId",
        ),
        (
            moved.clone(),
            input(
                Some(&c.carrier),
                Some(c.t.caseworker.id.to_string()),
                json!(["ARREARS"]),
                day(0),
            ),
            "input.coachId",
        ),
        (
            moved.clone(),
            input(None, Some(carla.clone()), json!(["ARREARS"]), day(0)),
            "input.coachId",
        ),
        (
            not_moved.clone(),
            input(None, None, json!(["ARREARS"]), day(0)),
            "householdId",
        ),
    ];
    for (h, i, field) in cases {
        let (code, f) = refused(&app, &tok, START, &json!({ "h": h, "i": i })).await;
        assert_eq!(
            (code.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{i}"
        );
    }
    let none = ok(&app, &tok, COACHED, json!({ "id": moved })).await;
    assert_eq!(none["household"]["tenancyCoachings"], json!([]));
    // Another city's staff and another carrier's caseworker find no household; a
    // carrier administrator works no cases.
    let other = app.tenant().await;
    let i = input(None, None, json!(["CONFLICT"]), day(0));
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        START,
        &json!({ "h": moved, "i": i }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let drk = app
        .organisation(&c.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let other_cw = app
        .user(&c.t, drk, "Dirk DRK", &[Role::CarrierCaseworker])
        .await;
    let (code, _) = refused(&app, &other_cw.token, START, &json!({ "h": moved, "i": i })).await;
    assert_eq!(code, "NOT_FOUND");
    let org: wohnweg_kernel::OrganisationId = c.carrier.parse().unwrap();
    let carrier_admin = app
        .user(&c.t, org, "Anna Caritas", &[Role::CarrierAdmin])
        .await;
    let (code, _) = refused(
        &app,
        &carrier_admin.token,
        START,
        &json!({ "h": moved, "i": i }),
    )
    .await;
    assert_eq!(code, "FORBIDDEN");

    // The carrier's caseworker starts it, the carrier providing, Carla coaching.
    let started = ok(&app, &c.cw.token, START, json!({ "h": moved, "i": input(Some(&c.carrier), Some(carla.clone()), json!(["ARREARS", "PAPERWORK"]), day(0)) })).await["startTenancyCoaching"].clone();
    assert_eq!(started["providerId"], c.carrier.as_str());
    assert_eq!(started["coachId"], carla.as_str());
    assert_eq!(started["reasons"], json!(["ARREARS", "PAPERWORK"]));
    let (code, f) = refused(
        &app,
        &tok,
        START,
        &json!({ "h": moved, "i": input(None, None, json!(["OTHER"]), day(0)) }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId")),
        "one open period"
    );
    let h = ok(&app, &tok, COACHED, json!({ "id": moved })).await;
    assert_eq!(h["household"]["tenancyCoaching"], true);
    let listed = ok(
        &app,
        &tok,
        "{ households(filter: { inTenancyCoaching: true }) { totalCount } }",
        json!({}),
    )
    .await;
    assert_eq!(listed["households"]["totalCount"], 1);

    // Ending: another city's staff find nothing, a stale version conflicts, then it ends.
    let (code, _) = refused(
        &app,
        &other.caseworker.token,
        END,
        &json!({ "id": started["id"], "v": 1, "d": day(0), "o": "STABILISED" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &other_cw.token,
        END,
        &json!({ "id": started["id"], "v": 1, "d": day(0), "o": "STABILISED" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    let (code, _) = refused(
        &app,
        &tok,
        END,
        &json!({ "id": started["id"], "v": 5, "d": day(0), "o": "STABILISED" }),
    )
    .await;
    assert_eq!(code, "CONFLICT");
    let ended = ok(
        &app,
        &tok,
        END,
        json!({ "id": started["id"], "v": 1, "d": day(0), "o": "STABILISED" }),
    )
    .await;
    assert_eq!(ended["endTenancyCoaching"]["outcome"], "STABILISED");
    let (code, f) = refused(
        &app,
        &tok,
        END,
        &json!({ "id": started["id"], "v": 2, "d": day(0), "o": "OTHER" }),
    )
    .await;
    assert_eq!(
        (code.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("id"))
    );
    let h = ok(&app, &tok, COACHED, json!({ "id": moved })).await;
    assert_eq!(h["household"]["tenancyCoaching"], false);
}

#[tokio::test]
async fn an_at_risk_follow_up_opens_the_citys_coaching_and_a_stable_one_ends_it() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.t.caseworker.token.clone();
    let h = living_in(&app, &c, "CO-3", &c.shelter, true, false).await;
    ok(
        &app,
        &tok,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Mitte") }),
    )
    .await;
    let f = ok(
        &app,
        &tok,
        "query($id: ID!) { household(id: $id) { followUps { id version } } }",
        json!({ "id": h }),
    )
    .await;
    let fs = f["household"]["followUps"].as_array().unwrap().clone();
    ok(&app, &tok, "mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: { outcome: AT_RISK, risk: CONFLICT }) { id } }",
        json!({ "id": fs[0]["id"], "v": fs[0]["version"] })).await;
    let open = ok(&app, &tok, COACHED, json!({ "id": h })).await;
    assert_eq!(open["household"]["tenancyCoaching"], true);
    assert_eq!(
        open["household"]["tenancyCoachings"],
        json!([{ "reasons": ["CONFLICT"], "providerId": null, "outcome": null, "endedOn": null }])
    );
    ok(&app, &tok, "mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: { outcome: STABLE }) { id } }",
        json!({ "id": fs[1]["id"], "v": fs[1]["version"] })).await;
    let closed = ok(&app, &tok, COACHED, json!({ "id": h })).await;
    assert_eq!(closed["household"]["tenancyCoaching"], false);
    assert_eq!(
        closed["household"]["tenancyCoachings"][0]["outcome"],
        "STABILISED"
    );
    assert_eq!(
        closed["household"]["tenancyCoachings"][0]["endedOn"],
        day(0)
    );
}

#[tokio::test]
async fn a_late_record_of_an_earlier_follow_up_leaves_coaching_alone() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.t.caseworker.token.clone();
    let h = living_in(&app, &c, "CO-4", &c.shelter, true, false).await;
    ok(
        &app,
        &tok,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Mitte") }),
    )
    .await;
    let f = ok(
        &app,
        &tok,
        "query($id: ID!) { household(id: $id) { followUps { id version } } }",
        json!({ "id": h }),
    )
    .await;
    let fs = f["household"]["followUps"].as_array().unwrap().clone();
    const RECORD: &str = "mutation($id: ID!, $v: Int!) { recordFollowUp(id: $id, version: $v, input: { outcome: STABLE }) { id } }";
    // The three-month visit found it stable; staff started coaching after it.
    ok(
        &app,
        &tok,
        RECORD,
        json!({ "id": fs[1]["id"], "v": fs[1]["version"] }),
    )
    .await;
    ok(
        &app,
        &tok,
        START,
        json!({ "h": h, "i": input(None, None, json!(["PAPERWORK"]), day(0)) }),
    )
    .await;
    // The one-month visit, recorded late, does not end the coaching staff started.
    ok(
        &app,
        &tok,
        RECORD,
        json!({ "id": fs[0]["id"], "v": fs[0]["version"] }),
    )
    .await;
    let still = ok(&app, &tok, COACHED, json!({ "id": h })).await;
    assert_eq!(still["household"]["tenancyCoaching"], true);
    assert_eq!(
        still["household"]["tenancyCoachings"][0]["outcome"],
        Value::Null
    );
}
