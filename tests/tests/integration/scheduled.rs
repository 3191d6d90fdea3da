//! Scheduled moves: a lease signed today for a move-in weeks ahead leaves the household
//! in its place until the date, takes effect on the date (the applier runs with a clock
//! relative to today) exactly like a move on the signing day, and can be cancelled with
//! a reason while pending — by staff, or by the case leaving the work.

use chrono::{Days, Utc};
use serde_json::{Value, json};
use wohnweg_housing::Housing;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, day};

use crate::moves::{
    ACCEPT, BENEFIT_OK, CASE, OFFER, PROPOSE, Setup, code, offer_in, ok, searching, setup,
};

const SIGN: &str = "mutation($id: ID!, $v: Int!, $s: String!, $m: String!) { signLease(id: $id, version: $v, signedOn: $s, moveInOn: $m) { status moveInOn leaseSignedOn } }";
const MOVES: &str = "query($s: ScheduledMoveStatus, $h: ID) { scheduledMoves(status: $s, householdId: $h) { totalCount nodes { id householdId matchId moveInOn status cancelReason placementId version } } }";
const CANCEL: &str = "mutation($id: ID!, $v: Int!, $r: String!) { cancelScheduledMove(id: $id, version: $v, reason: $r) { status cancelReason version } }";
const PLACEMENTS: &str =
    "query($h: ID) { placements(householdId: $h) { totalCount nodes { moveInOn source } } }";

/// A household of `s` with a match the landlord and the benefit office accepted (at
/// version 3); returns (household, match).
async fn accepted(
    app: &TestApp,
    s: &Setup,
    reference: &str,
    offer: &Value,
    carrier: bool,
) -> (String, Value) {
    let tok = &s.t.caseworker.token;
    let h = searching(app, s, reference, 2, carrier).await;
    let m =
        ok(app, tok, PROPOSE, json!({ "o": offer, "h": h })).await["proposeMatch"]["id"].clone();
    ok(app, tok, ACCEPT, json!({ "id": m, "v": 1 })).await;
    ok(app, tok, BENEFIT_OK, json!({ "id": m, "v": 2 })).await;
    (h, m)
}

async fn apply(app: &TestApp, s: &Setup, days_ahead: u64) -> u64 {
    let as_of = Utc::now()
        .date_naive()
        .checked_add_days(Days::new(days_ahead))
        .unwrap();
    let done = Housing::new(app.db.clone())
        .apply_due_moves(s.t.id, as_of)
        .await
        .unwrap();
    assert!(done.failed.is_empty(), "{:?}", done.failed);
    done.applied
}

fn moves_of(v: &Value) -> Vec<Value> {
    v["scheduledMoves"]["nodes"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_lease_signed_ahead_takes_effect_on_its_date_and_not_before() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let (h, m) = accepted(&app, &s, "SCHED-1", &s.offer, true).await;

    let signed = ok(
        &app,
        &tok,
        SIGN,
        json!({ "id": m, "v": 3, "s": day(0), "m": day(28) }),
    )
    .await;
    assert_eq!(signed["signLease"]["status"], "LEASE_SIGNED");
    assert_eq!(signed["signLease"]["moveInOn"], day(28));
    // Until the date nothing moves: the place, the case, no placement, no aftercare.
    let c = ok(&app, &tok, CASE, json!({ "id": h })).await;
    assert_eq!(c["household"]["state"], "OFFER_IN_PROGRESS");
    assert_eq!(c["household"]["currentAccommodation"]["name"], "Heim Nord");
    assert_eq!(c["household"]["followUps"], json!([]));
    assert_eq!(
        ok(&app, &tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "LET"
    );
    assert_eq!(
        ok(&app, &tok, PLACEMENTS, json!({ "h": h })).await["placements"]["totalCount"],
        0
    );
    let pending = ok(&app, &tok, MOVES, json!({ "s": "PENDING" })).await;
    assert_eq!(pending["scheduledMoves"]["totalCount"], 1);
    let mv = moves_of(&pending)[0].clone();
    assert_eq!(mv["householdId"], h.as_str());
    // Staff see it in their worklist; the carrier sees its household's.
    let wl = ok(
        &app,
        &tok,
        "{ worklist { scheduledMoves { id moveInOn } } }",
        json!({}),
    )
    .await;
    assert_eq!(wl["worklist"]["scheduledMoves"][0]["id"], mv["id"]);
    let carrier = ok(&app, &s.cw.token, MOVES, json!({})).await;
    assert_eq!(carrier["scheduledMoves"]["totalCount"], 1);
    // Another way out is refused while the move is pending.
    let (c, f) = code(&app, &tok, "mutation($h: ID!, $d: String!) { recordSelfFoundMove(householdId: $h, input: { district: \"Wald\", landlordKind: PRIVATE, rooms: 2.0, livingSpace: 50.0, grossColdRent: \"500\", moveInOn: $d }) { id } }",
        json!({ "h": h, "d": day(0) })).await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId"))
    );

    // The day before: nothing. On the day: the move, once.
    assert_eq!(apply(&app, &s, 27).await, 0);
    assert_eq!(
        ok(&app, &tok, CASE, json!({ "id": h })).await["household"]["state"],
        "OFFER_IN_PROGRESS"
    );
    assert_eq!(apply(&app, &s, 28).await, 1);
    assert_eq!(apply(&app, &s, 28).await, 0, "a move takes effect once");
    let c = ok(&app, &tok, CASE, json!({ "id": h })).await;
    assert_eq!(c["household"]["state"], "MOVED_OUT");
    assert!(c["household"]["currentAccommodation"].is_null());
    assert_eq!(
        c["household"]["followUps"].as_array().unwrap().len(),
        4,
        "aftercare from the move-in date"
    );
    let placed = ok(&app, &tok, PLACEMENTS, json!({ "h": h })).await;
    assert_eq!(placed["placements"]["totalCount"], 1);
    assert_eq!(placed["placements"]["nodes"][0]["moveInOn"], day(28));
    assert_eq!(placed["placements"]["nodes"][0]["source"], "MATCH");
    let done = moves_of(&ok(&app, &tok, MOVES, json!({ "h": h })).await)[0].clone();
    assert_eq!(done["status"], "DONE");
    assert!(done["placementId"].is_string());
    let matched = ok(
        &app,
        &tok,
        "query($h: ID!) { matches(filter: { householdId: $h }) { nodes { status } } }",
        json!({ "h": h }),
    )
    .await;
    assert_eq!(matched["matches"]["nodes"][0]["status"], "MOVED_IN");
    let occupied = ok(
        &app,
        &tok,
        "{ accommodations { nodes { occupied } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        occupied["accommodations"]["nodes"][0]["occupied"], 0,
        "the place is free"
    );
}

#[tokio::test]
async fn a_pending_move_is_cancelled_with_a_reason_by_staff_or_by_the_case_leaving_the_work() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let (h, m) = accepted(&app, &s, "SCHED-2", &s.offer, true).await;
    ok(
        &app,
        &tok,
        SIGN,
        json!({ "id": m, "v": 3, "s": day(0), "m": day(14) }),
    )
    .await;
    let mv = moves_of(&ok(&app, &tok, MOVES, json!({ "h": h })).await)[0].clone();

    // Bad input changes nothing: an empty reason, a stale version, a bad id.
    let (c, f) = code(
        &app,
        &tok,
        CANCEL,
        json!({ "id": mv["id"], "v": 1, "r": " " }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("reason"))
    );
    let (c, _) = code(
        &app,
        &tok,
        CANCEL,
        json!({ "id": mv["id"], "v": 7, "r": "Vermieter tritt zurück" }),
    )
    .await;
    assert_eq!(c, "CONFLICT");
    let (c, f) = code(
        &app,
        &tok,
        CANCEL,
        json!({ "id": "nope", "v": 1, "r": "x" }),
    )
    .await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    // Carriers do not cancel; another city's staff find nothing.
    let (c, _) = code(
        &app,
        &s.cw.token,
        CANCEL,
        json!({ "id": mv["id"], "v": 1, "r": "x" }),
    )
    .await;
    assert_eq!(c, "FORBIDDEN");
    let other = app.tenant().await;
    let (c, _) = code(
        &app,
        &other.caseworker.token,
        CANCEL,
        json!({ "id": mv["id"], "v": 1, "r": "x" }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    assert_eq!(
        ok(&app, &other.caseworker.token, MOVES, json!({})).await["scheduledMoves"]["totalCount"],
        0
    );
    assert_eq!(
        moves_of(&ok(&app, &tok, MOVES, json!({ "h": h })).await)[0]["status"],
        "PENDING"
    );

    let cancelled = ok(
        &app,
        &tok,
        CANCEL,
        json!({ "id": mv["id"], "v": 1, "r": "Vermieter tritt zurück" }),
    )
    .await;
    assert_eq!(cancelled["cancelScheduledMove"]["status"], "CANCELLED");
    assert_eq!(
        cancelled["cancelScheduledMove"]["cancelReason"],
        "Vermieter tritt zurück"
    );
    let (c, f) = code(
        &app,
        &tok,
        CANCEL,
        json!({ "id": mv["id"], "v": 2, "r": "noch einmal" }),
    )
    .await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    // The match is withdrawn, the offer open again, the case searches again from its place.
    assert_eq!(
        ok(&app, &tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "OPEN"
    );
    let c = ok(&app, &tok, CASE, json!({ "id": h })).await;
    assert_eq!(c["household"]["state"], "SEARCHING");
    assert_eq!(c["household"]["currentAccommodation"]["name"], "Heim Nord");
    assert_eq!(
        apply(&app, &s, 60).await,
        0,
        "a cancelled move never takes effect"
    );

    // A case paused while its move is pending cancels the move with it.
    let second = offer_in(&app, &s, "Mülheim").await;
    let (h2, m2) = accepted(&app, &s, "SCHED-3", &second, false).await;
    ok(
        &app,
        &tok,
        SIGN,
        json!({ "id": m2, "v": 3, "s": day(0), "m": day(10) }),
    )
    .await;
    let v = ok(
        &app,
        &tok,
        "query($id: ID!) { household(id: $id) { version } }",
        json!({ "id": h2 }),
    )
    .await["household"]["version"]
        .clone();
    ok(&app, &tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: PAUSED, reason: \"Krankenhaus\") { state } }", json!({ "h": h2, "v": v })).await;
    let gone = moves_of(&ok(&app, &tok, MOVES, json!({ "h": h2 })).await)[0].clone();
    assert_eq!(gone["status"], "CANCELLED");
    assert_eq!(
        ok(&app, &tok, OFFER, json!({ "id": second })).await["offer"]["status"],
        "OPEN"
    );
    assert_eq!(apply(&app, &s, 10).await, 0);
    assert_eq!(
        ok(&app, &tok, CASE, json!({ "id": h2 })).await["household"]["state"],
        "PAUSED"
    );
}

#[tokio::test]
async fn bad_lease_dates_and_other_reaches_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let (h, m) = accepted(&app, &s, "SCHED-4", &s.offer, true).await;
    for (signed, moved, field) in [
        (day(0), day(-1), "moveInOn"),
        (day(0), day(800), "moveInOn"),
        (day(3), day(10), "signedOn"),
    ] {
        let (c, f) = code(
            &app,
            &tok,
            SIGN,
            json!({ "id": m, "v": 3, "s": signed, "m": moved }),
        )
        .await;
        assert_eq!(
            (c.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{signed} {moved}"
        );
    }
    // A carrier caseworker may not sign; another city's staff find no match.
    let (c, _) = code(
        &app,
        &s.cw.token,
        SIGN,
        json!({ "id": m, "v": 3, "s": day(0), "m": day(20) }),
    )
    .await;
    assert_eq!(c, "FORBIDDEN");
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
        SIGN,
        json!({ "id": m, "v": 3, "s": day(0), "m": day(20) }),
    )
    .await;
    assert_eq!(c, "NOT_FOUND");
    assert_eq!(
        ok(&app, &tok, MOVES, json!({})).await["scheduledMoves"]["totalCount"],
        0
    );
    assert_eq!(
        ok(&app, &tok, CASE, json!({ "id": h })).await["household"]["state"],
        "OFFER_IN_PROGRESS"
    );
    let (c, f) = code(&app, &tok, MOVES, json!({ "h": "nope" })).await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId"))
    );
}
