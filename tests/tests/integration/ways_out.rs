//! Every way out keeps the register true: a household moves out only through a move
//! — a signed lease, a flat it found itself, or the takeover of its city-rented flat's
//! lease — that frees its place, counts one placement, moves the case out and
//! schedules aftercare, all at once. A bare transition to "moved out" is refused.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, day, first_code, ok, refused};

pub(crate) struct City {
    pub(crate) t: TestTenant,
    pub(crate) coord: TestUser,
    pub(crate) cw: TestUser,
    pub(crate) carrier: String,
    pub(crate) shelter: Value,
    pub(crate) flat: Value,
}

pub(crate) async fn city(app: &TestApp) -> City {
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
    let cw = app
        .user(&t, org, "Carla Caritas", &[Role::CarrierCaseworker])
        .await;
    let shelter = ok(app, &tok, "mutation { createAccommodation(input: { name: \"Heim Nord\", kind: SHELTER, street: \"Nordstr. 1\", postalCode: \"42651\", district: \"Mitte\", capacity: 20 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    let flat = ok(app, &tok, "mutation { createAccommodation(input: { name: \"Wohnung Hauptstr. 7\", kind: CITY_RENTED_FLAT, street: \"Hauptstr. 7\", postalCode: \"42697\", district: \"Ohligs\", capacity: 5 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    City {
        t,
        coord,
        cw,
        carrier: org.to_string(),
        shelter,
        flat,
    }
}

/// A household living in `place`, active (or searching), optionally with a carrier.
pub(crate) async fn living_in(
    app: &TestApp,
    c: &City,
    reference: &str,
    place: &Value,
    searching: bool,
    carrier: bool,
) -> String {
    let tok = &c.t.caseworker.token;
    let id = ok(app, tok, "mutation($r: String!) { createHousehold(input: { reference: $r, members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED },
        { givenName: \"C\", familyName: \"B\", relation: CHILD, residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: A1, occupation: SCHOOL }] }) { id } }",
        json!({ "r": reference })).await["createHousehold"]["id"].as_str().unwrap().to_owned();
    ok(
        app,
        tok,
        "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a) { id } }",
        json!({ "h": id, "a": place }),
    )
    .await;
    ok(app, tok, "mutation($h: ID!) { recordReadinessAssessment(householdId: $h, input: { assessedOn: \"2026-01-02\", rentPayment: MET, householdManagement: MET,
        neighbourhood: MET, tenancyLanguage: MET, idDocument: true, incomeProof: true, schufa: true, overall: READY }) { id } }", json!({ "h": id })).await;
    let steps: &[&str] = if searching {
        &["ACTIVE", "SEARCHING"]
    } else {
        &["ACTIVE"]
    };
    for (v, to) in steps.iter().enumerate() {
        ok(app, tok, "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"x\") { id } }",
            json!({ "h": id, "v": v + 1, "to": to })).await;
    }
    if carrier {
        ok(app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": id })).await;
        let v = steps.len() + 1;
        ok(app, tok, "mutation($h: ID!, $v: Int!, $o: ID!) { assignCarrier(householdId: $h, version: $v, organisationId: $o) { id } }", json!({ "h": id, "v": v, "o": c.carrier })).await;
    }
    id
}

pub(crate) const SELF_FOUND: &str = "mutation($h: ID!, $i: SelfFoundMoveInput!) { recordSelfFoundMove(householdId: $h, input: $i) {
  id householdId source district landlordKind rooms livingSpace grossColdRent moveInOn matchId accommodationId } }";
const TAKEOVER: &str = "mutation($h: ID!, $i: LeaseTakeoverInput!) { takeOverLease(householdId: $h, input: $i) {
  id householdId source district landlordKind rooms livingSpace grossColdRent moveInOn accommodationId } }";
const CASE: &str = "query($id: ID!) { household(id: $id) { state nextStates currentAccommodation { name } followUps { months } stateHistory { toState reason } } }";

pub(crate) fn self_found(district: &str) -> Value {
    json!({ "district": district, "landlordKind": "PRIVATE", "rooms": 2.5, "livingSpace": 61.5, "grossColdRent": "612.50", "moveInOn": day(0) })
}

fn takeover() -> Value {
    json!({ "landlordKind": "HOUSING_COMPANY", "rooms": 3.0, "livingSpace": 72.0, "grossColdRent": "690", "takenOverOn": day(0) })
}

async fn occupied(app: &TestApp, tok: &str, place: &Value) -> i64 {
    ok(
        app,
        tok,
        "query($id: ID!) { accommodation(id: $id) { occupied } }",
        json!({ "id": place }),
    )
    .await["accommodation"]["occupied"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_self_found_flat_frees_the_place_counts_once_and_starts_aftercare() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = living_in(&app, &c, "SF-1", &c.shelter, true, false).await;
    // An open match from the search is withdrawn: the household found its own flat.
    let landlord = ok(&app, tok, "mutation { createLandlord(input: { kind: PRIVATE, name: \"Privat\", partnerStatus: PARTNER }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    ok(&app, &c.coord.token, "mutation { addRentCap(input: { householdSize: 2, maxGrossColdRent: \"800\", validFrom: \"2026-01-01\" }) { id } }", json!({})).await;
    let offer = ok(&app, tok, "mutation($l: ID!, $d: String!) { createOffer(input: { landlordId: $l, street: \"W 1\", postalCode: \"42651\", district: \"Mitte\",
        rooms: 2.0, livingSpace: 50.0, coldRent: \"400\", serviceCharges: \"90\", heating: \"60\", deposit: \"1200\", availableFrom: $d }) { id } }", json!({ "l": landlord, "d": day(0) })).await["createOffer"]["id"].clone();
    ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_LANDLORDS, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": h })).await;
    ok(
        &app,
        tok,
        "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
        json!({ "o": offer, "h": h }),
    )
    .await;
    assert_eq!(occupied(&app, tok, &c.shelter).await, 2);

    let p = ok(
        &app,
        tok,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Wald") }),
    )
    .await["recordSelfFoundMove"]
        .clone();
    assert_eq!(p["source"], "SELF_FOUND");
    assert_eq!(
        (p["district"].clone(), p["landlordKind"].clone()),
        (json!("Wald"), json!("PRIVATE"))
    );
    assert_eq!(
        (
            p["rooms"].clone(),
            p["livingSpace"].clone(),
            p["grossColdRent"].clone()
        ),
        (json!(2.5), json!(61.5), json!("612.50"))
    );
    assert_eq!(p["moveInOn"], day(0));
    assert_eq!(
        occupied(&app, tok, &c.shelter).await,
        0,
        "the place is free"
    );
    let case = ok(&app, tok, CASE, json!({ "id": h })).await["household"].clone();
    assert_eq!(case["state"], "MOVED_OUT");
    assert!(case["currentAccommodation"].is_null());
    assert_eq!(
        case["followUps"].as_array().unwrap().len(),
        4,
        "aftercare scheduled"
    );
    let m = ok(&app, tok, "query($h: ID!) { matches(filter: { householdId: $h }) { edges { node { status declineText } } } }", json!({ "h": h })).await;
    assert_eq!(
        m["matches"]["edges"][0]["node"]["status"], "WITHDRAWN",
        "{m}"
    );
    // Counted once: in the placements and in the segregation indicator's district.
    let list = ok(
        &app,
        tok,
        "query($h: ID!) { placements(householdId: $h) { edges { node { id source } } } }",
        json!({ "h": h }),
    )
    .await;
    assert_eq!(list["placements"]["edges"].as_array().unwrap().len(), 1);
    let seg = ok(&app, tok, "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { district placements } }", json!({ "f": day(-1), "t": day(0) })).await;
    assert_eq!(
        seg["segregationIndicator"],
        json!([{ "district": "Wald", "placements": 1 }]),
        "{seg}"
    );
    // Moved out once: a second move is refused and changes nothing.
    let before = app.audited_changes(c.t.id).await;
    assert_eq!(
        refused(
            &app,
            tok,
            SELF_FOUND,
            &json!({ "h": h, "i": self_found("Wald") })
        )
        .await,
        ("BAD_USER_INPUT".to_owned(), Some("householdId".to_owned()))
    );
    assert_eq!(app.audited_changes(c.t.id).await, before);
    // Through a match, the lease records its placement too (source MATCH), counted once.
    let h2 = living_in(&app, &c, "SF-2", &c.shelter, true, false).await;
    ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_LANDLORDS, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": h2 })).await;
    let m = ok(
        &app,
        tok,
        "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
        json!({ "o": offer, "h": h2 }),
    )
    .await["proposeMatch"]["id"]
        .clone();
    ok(
        &app,
        tok,
        "mutation($id: ID!) { recordLandlordAcceptance(id: $id, version: 1) { id } }",
        json!({ "id": m }),
    )
    .await;
    crate::moves::ok(
        &app,
        tok,
        crate::moves::BENEFIT_OK,
        json!({ "id": m, "v": 2 }),
    )
    .await;
    ok(&app, tok, "mutation($id: ID!, $d: String!) { signLease(id: $id, version: 3, signedOn: $d, moveInOn: $d) { id } }", json!({ "id": m, "d": day(0) })).await;
    let all = ok(
        &app,
        tok,
        "{ placements { edges { node { householdId source matchId district grossColdRent } } } }",
        json!({}),
    )
    .await;
    let nodes: Vec<Value> = all["placements"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect();
    assert_eq!(nodes.len(), 2, "{all}");
    let by_match = nodes.iter().find(|n| n["householdId"] == h2).unwrap();
    assert_eq!(
        (
            by_match["source"].clone(),
            by_match["matchId"].clone(),
            by_match["district"].clone(),
            by_match["grossColdRent"].clone()
        ),
        (json!("MATCH"), m.clone(), json!("Mitte"), json!("490.00"))
    );
}

#[tokio::test]
async fn a_lease_takeover_moves_the_household_out_in_place_and_the_flat_leaves_the_register() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = living_in(&app, &c, "LT-1", &c.flat, false, false).await;
    let p =
        ok(&app, tok, TAKEOVER, json!({ "h": h, "i": takeover() })).await["takeOverLease"].clone();
    assert_eq!(p["source"], "LEASE_TAKEOVER");
    assert_eq!(
        p["district"], "Ohligs",
        "the flat's district from the register"
    );
    assert_eq!(p["accommodationId"], c.flat);
    assert_eq!(
        (
            p["landlordKind"].clone(),
            p["rooms"].clone(),
            p["grossColdRent"].clone()
        ),
        (json!("HOUSING_COMPANY"), json!(3.0), json!("690.00"))
    );
    let flat = ok(
        &app,
        tok,
        "query($id: ID!) { accommodation(id: $id) { active occupied } }",
        json!({ "id": c.flat }),
    )
    .await["accommodation"]
        .clone();
    assert_eq!(
        flat,
        json!({ "active": false, "occupied": 0 }),
        "the flat left the register, kept in history"
    );
    let case = ok(&app, tok, CASE, json!({ "id": h })).await["household"].clone();
    assert_eq!(case["state"], "MOVED_OUT");
    assert_eq!(case["followUps"].as_array().unwrap().len(), 4);
    // Nobody moves into a flat that left the register.
    let other = living_in(&app, &c, "LT-2", &c.shelter, false, false).await;
    let (got, field) = refused(&app, tok, "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a, relocate: true) { id } }", &json!({ "h": other, "a": c.flat })).await;
    assert_eq!(
        (got.as_str(), field.as_deref()),
        ("BAD_USER_INPUT", Some("accommodationId"))
    );
    // Only a city-rented flat's lease, and only one the household lives in alone.
    let before = app.audited_changes(c.t.id).await;
    assert_eq!(
        refused(&app, tok, TAKEOVER, &json!({ "h": other, "i": takeover() }))
            .await
            .1
            .as_deref(),
        Some("householdId"),
        "a shelter has no lease to take over"
    );
    let shared = ok(&app, tok, "mutation { createAccommodation(input: { name: \"WG\", kind: CITY_RENTED_FLAT, street: \"S 2\", postalCode: \"42697\", district: \"Ohligs\", capacity: 6 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    let a = living_in(&app, &c, "LT-3", &shared, false, false).await;
    living_in(&app, &c, "LT-4", &shared, false, false).await;
    let before = before + (app.audited_changes(c.t.id).await - before);
    assert_eq!(
        refused(&app, tok, TAKEOVER, &json!({ "h": a, "i": takeover() }))
            .await
            .1
            .as_deref(),
        Some("householdId"),
        "others live there"
    );
    let nowhere = ok(&app, tok, "mutation { createHousehold(input: { reference: \"LT-5\", members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({})).await["createHousehold"]["id"].clone();
    let before = before + (app.audited_changes(c.t.id).await - before);
    assert_eq!(
        refused(
            &app,
            tok,
            TAKEOVER,
            &json!({ "h": nowhere, "i": takeover() })
        )
        .await
        .1
        .as_deref(),
        Some("householdId"),
        "lives nowhere in the register"
    );
    assert_eq!(
        app.audited_changes(c.t.id).await,
        before,
        "refusals change nothing"
    );
}

#[tokio::test]
async fn a_bare_transition_to_moved_out_is_refused_and_names_the_moves() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = living_in(&app, &c, "BT-1", &c.shelter, true, false).await;
    let (_, body) = app
        .gql(Some(tok), "mutation($h: ID!) { transitionCase(householdId: $h, version: 3, to: MOVED_OUT, reason: \"x\") { id } }", json!({ "h": h }))
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"));
    assert_eq!(body["errors"][0]["extensions"]["field"], "to");
    let msg = body["errors"][0]["message"].as_str().unwrap();
    for op in ["signLease", "recordSelfFoundMove", "takeOverLease"] {
        assert!(msg.contains(op), "{msg}");
    }
    let case = ok(&app, tok, CASE, json!({ "id": h })).await["household"].clone();
    assert_eq!(case["state"], "SEARCHING");
    assert!(
        !case["nextStates"]
            .as_array()
            .unwrap()
            .contains(&json!("MOVED_OUT"))
    );
    assert_eq!(
        occupied(&app, tok, &c.shelter).await,
        2,
        "still in the register"
    );
}

#[tokio::test]
async fn bad_moves_name_their_field_and_change_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = living_in(&app, &c, "BM-1", &c.shelter, true, false).await;
    let intake = ok(&app, tok, "mutation { createHousehold(input: { reference: \"BM-2\", members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({})).await["createHousehold"]["id"].clone();
    let homeless = ok(&app, tok, "mutation { createHousehold(input: { reference: \"BM-3\", members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({})).await["createHousehold"]["id"].clone();
    ok(&app, tok, "mutation($h: ID!) { transitionCase(householdId: $h, version: 1, to: ACTIVE, reason: \"x\") { id } }", json!({ "h": homeless })).await;
    let with = |k: &str, v: Value| {
        let mut i = self_found("Wald");
        i[k] = v;
        i
    };
    let mut t = takeover();
    t["takenOverOn"] = json!(day(3));
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("district", json!("")) }),
            "input.district",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("district", json!("Wald\u{0}")) }),
            "i.district",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("rooms", json!(0.0)) }),
            "input.rooms",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("livingSpace", json!(-3.0)) }),
            "input.livingSpace",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("grossColdRent", json!("viel")) }),
            "input.grossColdRent",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("moveInOn", json!(day(5))) }),
            "input.moveInOn",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("moveInOn", json!(day(-400))) }),
            "input.moveInOn",
        ),
        (
            SELF_FOUND,
            // Before the household moved into its place (and before its case began).
            json!({ "h": h, "i": with("moveInOn", json!(day(-1))) }),
            "input.moveInOn",
        ),
        (
            SELF_FOUND,
            // No place in the register, but before its case became active.
            json!({ "h": homeless, "i": with("moveInOn", json!(day(-1))) }),
            "input.moveInOn",
        ),
        (
            SELF_FOUND,
            json!({ "h": h, "i": with("moveInOn", json!("morgen")) }),
            "input.moveInOn",
        ),
        (
            SELF_FOUND,
            json!({ "h": "x", "i": self_found("Wald") }),
            "householdId",
        ),
        (
            SELF_FOUND,
            json!({ "h": intake, "i": self_found("Wald") }),
            "householdId",
        ),
        (TAKEOVER, json!({ "h": h, "i": t }), "input.takenOverOn"),
        (
            "query { placements(first: 0) { edges { cursor } } }",
            json!({}),
            "first",
        ),
        (
            "query { placements(householdId: \"x\") { edges { cursor } } }",
            json!({}),
            "householdId",
        ),
        (
            "query { placements(from: \"gestern\") { edges { cursor } } }",
            json!({}),
            "from",
        ),
    ];
    let before = app.audited_changes(c.t.id).await;
    for (q, vars, field) in &cases {
        let (got, f) = refused(&app, tok, q, vars).await;
        assert_eq!(
            (got.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(*field)),
            "{vars}"
        );
    }
    assert_eq!(
        app.audited_changes(c.t.id).await,
        before,
        "nothing was written"
    );
    assert_eq!(occupied(&app, tok, &c.shelter).await, 2);
}

#[tokio::test]
async fn another_citys_or_carriers_households_cannot_be_moved_and_placements_stay_apart() {
    let app = TestApp::spawn().await;
    let a = city(&app).await;
    let b = city(&app).await;
    let in_a = living_in(&app, &a, "X-1", &a.shelter, true, true).await;
    let in_flat = living_in(&app, &a, "X-2", &a.flat, false, false).await;
    ok(&app, &a.t.caseworker.token, SELF_FOUND, json!({ "h": living_in(&app, &a, "X-3", &a.shelter, true, false).await, "i": self_found("Mitte") })).await;
    let before = app.audited_changes(a.t.id).await;
    for token in [&b.t.caseworker.token, &b.coord.token] {
        assert_eq!(
            refused(
                &app,
                token,
                SELF_FOUND,
                &json!({ "h": in_a, "i": self_found("Wald") })
            )
            .await
            .0,
            "NOT_FOUND"
        );
        assert_eq!(
            refused(
                &app,
                token,
                TAKEOVER,
                &json!({ "h": in_flat, "i": takeover() })
            )
            .await
            .0,
            "NOT_FOUND"
        );
        let theirs = ok(
            &app,
            token,
            "{ placements { edges { node { id } } } }",
            json!({}),
        )
        .await;
        assert!(
            theirs["placements"]["edges"].as_array().unwrap().is_empty(),
            "{theirs}"
        );
        let filtered = ok(
            &app,
            token,
            "query($h: ID!) { placements(householdId: $h) { edges { node { id } } } }",
            json!({ "h": in_a }),
        )
        .await;
        assert!(
            filtered["placements"]["edges"]
                .as_array()
                .unwrap()
                .is_empty(),
            "another city's household shows nothing"
        );
    }
    // Carriers: the move changes the city's register — city staff record it; a carrier
    // sees its own households' placements only.
    assert_eq!(
        refused(
            &app,
            &a.cw.token,
            SELF_FOUND,
            &json!({ "h": in_a, "i": self_found("Wald") })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        refused(
            &app,
            &a.cw.token,
            TAKEOVER,
            &json!({ "h": in_flat, "i": takeover() })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        app.audited_changes(a.t.id).await,
        before,
        "nothing of city A changed"
    );
    let mine = ok(
        &app,
        &a.cw.token,
        "{ placements { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert!(
        mine["placements"]["edges"].as_array().unwrap().is_empty(),
        "not its household's: {mine}"
    );
    ok(
        &app,
        &a.t.caseworker.token,
        SELF_FOUND,
        json!({ "h": in_a, "i": self_found("Wald") }),
    )
    .await;
    let mine = ok(
        &app,
        &a.cw.token,
        "{ placements { edges { node { householdId } } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        mine["placements"]["edges"].as_array().unwrap().len(),
        1,
        "{mine}"
    );
    assert_eq!(mine["placements"]["edges"][0]["node"]["householdId"], in_a);
}

pub(crate) const RETURN: &str =
    "mutation($h: ID!, $i: ReturnInput!) { recordReturnToShelter(householdId: $h, input: $i) {
  id source moveInOn returnedOn returnReason daysHeld } }";

fn back_to(place: &Value, reason: &str) -> Value {
    json!({ "accommodationId": place, "returnedOn": day(0), "reason": reason })
}

#[tokio::test]
async fn a_return_to_a_shelter_gives_a_place_again_reopens_the_case_and_is_counted() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let h = living_in(&app, &c, "RT-1", &c.shelter, true, false).await;
    let moved = ok(
        &app,
        tok,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Wald") }),
    )
    .await["recordSelfFoundMove"]
        .clone();
    // The ways back that would let the register lie are refused, with the way to use.
    let (_, body) = app
        .gql(
            Some(tok),
            "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a) { id } }",
            json!({ "h": h, "a": c.shelter }),
        )
        .await;
    assert_eq!(first_code(&body), Some("BAD_USER_INPUT"));
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("recordReturnToShelter"),
        "{body}"
    );
    let v = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { version followUps { id } } }",
        json!({ "id": h }),
    )
    .await["household"]
        .clone();
    let (_, body) = app.gql(Some(tok), "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: ACTIVE, reason: \"zurück\") { id } }", json!({ "h": h, "v": v["version"] })).await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("recordReturnToShelter"),
        "{body}"
    );
    let (_, body) = app.gql(Some(tok), "mutation($f: ID!) { recordFollowUp(id: $f, version: 1, input: { outcome: RETURNED_TO_SHELTER }) { id } }", json!({ "f": v["followUps"][0]["id"] })).await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "input.outcome",
        "{body}"
    );

    let r = ok(
        &app,
        tok,
        RETURN,
        json!({ "h": h, "i": back_to(&c.shelter, "RENT_ARREARS") }),
    )
    .await["recordReturnToShelter"]
        .clone();
    assert_eq!(
        r["id"], moved["id"],
        "the return is recorded on the move it ends"
    );
    assert_eq!(
        (
            r["returnedOn"].clone(),
            r["returnReason"].clone(),
            r["daysHeld"].clone()
        ),
        (json!(day(0)), json!("RENT_ARREARS"), json!(0))
    );
    let case = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { state currentAccommodation { name } nextStates
        followUps { months outcome } stateHistory { toState reason } } }",
        json!({ "id": h }),
    )
    .await["household"]
        .clone();
    assert_eq!(case["state"], "ACTIVE", "worked again");
    assert_eq!(case["currentAccommodation"]["name"], "Heim Nord");
    let outcomes: Vec<Value> = case["followUps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["outcome"].clone())
        .collect();
    assert_eq!(
        outcomes,
        vec![
            json!("RETURNED_TO_SHELTER"),
            json!("CANCELLED"),
            json!("CANCELLED"),
            json!("CANCELLED")
        ]
    );
    let last = case["stateHistory"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        last,
        json!({ "toState": "ACTIVE", "reason": "returned to a shelter" })
    );
    assert_eq!(
        occupied(&app, tok, &c.shelter).await,
        2,
        "back in the register"
    );
    // Counted: the placement still counts as a move, and now as a return too.
    let p = ok(&app, tok, "query($h: ID!) { placements(householdId: $h) { edges { node { returnedOn returnReason } } } }", json!({ "h": h })).await;
    assert_eq!(
        p["placements"]["edges"][0]["node"]["returnReason"],
        "RENT_ARREARS"
    );
    // Once: a second return of the same move is refused.
    assert_eq!(
        refused(
            &app,
            tok,
            RETURN,
            &json!({ "h": h, "i": back_to(&c.shelter, "OTHER") })
        )
        .await
        .1
        .as_deref(),
        Some("householdId"),
        "an active case has not moved out"
    );
    // And the way out again: a second placement, a second return.
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: SEARCHING, reason: \"neu\") { id } }",
        json!({ "h": h, "v": ok(&app, tok, "query($id: ID!) { household(id: $id) { version } }", json!({ "id": h })).await["household"]["version"] })).await;
    ok(
        &app,
        tok,
        SELF_FOUND,
        json!({ "h": h, "i": self_found("Mitte") }),
    )
    .await;
    ok(
        &app,
        tok,
        RETURN,
        json!({ "h": h, "i": back_to(&c.shelter, "CONFLICT") }),
    )
    .await;
    let p = ok(&app, tok, "query($h: ID!) { placements(householdId: $h) { edges { node { district returnReason } } } }", json!({ "h": h })).await;
    let reasons: Vec<Value> = p["placements"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["returnReason"].clone())
        .collect();
    assert_eq!(
        reasons,
        vec![json!("CONFLICT"), json!("RENT_ARREARS")],
        "newest first, each return on its own move"
    );
}

#[tokio::test]
async fn returns_refuse_bad_input_other_cities_and_carriers_and_change_nothing() {
    let app = TestApp::spawn().await;
    let a = city(&app).await;
    let b = city(&app).await;
    let tok = &a.t.caseworker.token;
    let moved = living_in(&app, &a, "RB-1", &a.shelter, true, true).await;
    ok(
        &app,
        tok,
        SELF_FOUND,
        json!({ "h": moved, "i": self_found("Wald") }),
    )
    .await;
    let active = living_in(&app, &a, "RB-2", &a.shelter, true, false).await;
    let closed_flat = ok(&app, tok, "mutation { createAccommodation(input: { name: \"Alt\", kind: SHELTER, street: \"A 1\", postalCode: \"42651\", district: \"Mitte\", capacity: 1 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    ok(&app, tok, "mutation($id: ID!) { updateAccommodation(id: $id, version: 1, input: { active: false }) { id } }", json!({ "id": closed_flat })).await;
    let tiny = ok(&app, tok, "mutation { createAccommodation(input: { name: \"Klein\", kind: SHELTER, street: \"K 1\", postalCode: \"42651\", district: \"Mitte\", capacity: 1 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    let with = |k: &str, v: Value| {
        let mut i = back_to(&a.shelter, "EVICTION");
        i[k] = v;
        i
    };
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({ "h": active, "i": back_to(&a.shelter, "EVICTION") }),
            "householdId",
        ),
        (
            json!({ "h": "x", "i": back_to(&a.shelter, "EVICTION") }),
            "householdId",
        ),
        (
            json!({ "h": moved, "i": with("accommodationId", json!("x")) }),
            "input.accommodationId",
        ),
        (
            json!({ "h": moved, "i": with("accommodationId", closed_flat.clone()) }),
            "input.accommodationId",
        ),
        (
            json!({ "h": moved, "i": with("accommodationId", tiny.clone()) }),
            "overCapacityReason",
        ),
        (
            json!({ "h": moved, "i": with("returnedOn", json!(day(2))) }),
            "input.returnedOn",
        ),
        (
            json!({ "h": moved, "i": with("returnedOn", json!(day(-3))) }),
            "input.returnedOn",
        ),
        (
            json!({ "h": moved, "i": with("overCapacityReason", json!("zu\u{7}voll")) }),
            "i.overCapacityReason",
        ),
    ];
    let before = app.audited_changes(a.t.id).await;
    for (vars, field) in &cases {
        let (got, f) = refused(&app, tok, RETURN, vars).await;
        assert_eq!(
            (got.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(*field)),
            "{vars}"
        );
    }
    // Another city's household and accommodation look missing; a carrier may not.
    assert_eq!(
        refused(
            &app,
            &b.coord.token,
            RETURN,
            &json!({ "h": moved, "i": back_to(&b.shelter, "EVICTION") })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        refused(
            &app,
            tok,
            RETURN,
            &json!({ "h": moved, "i": back_to(&b.shelter, "EVICTION") })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        refused(
            &app,
            &a.cw.token,
            RETURN,
            &json!({ "h": moved, "i": back_to(&a.shelter, "EVICTION") })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        app.audited_changes(a.t.id).await,
        before,
        "nothing was written"
    );
    // Beyond capacity with a reason, it is taken in.
    let mut i = with("accommodationId", tiny);
    i["overCapacityReason"] = json!("Notaufnahme nach Räumung");
    ok(&app, tok, RETURN, json!({ "h": moved, "i": i })).await;
}
