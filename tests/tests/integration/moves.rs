//! The match workflow and the move: proposal to lease, declines, reservation, and the
//! move that changes offer, occupancy, case and aftercare together or not at all.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::household_version as case_version;
use wohnweg_tests::{TestApp, TestTenant, TestUser, day, first_code};

/// Queries may say `TODAY` where today's date belongs.
pub(crate) async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let query = &query.replace("TODAY", &day(0));
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

pub(crate) async fn code(
    app: &TestApp,
    token: &str,
    query: &str,
    vars: Value,
) -> (String, Option<String>) {
    let query = &query.replace("TODAY", &day(0));
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {query} {body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

pub(crate) struct Setup {
    pub(crate) t: TestTenant,
    pub(crate) coord: TestUser,
    pub(crate) cw: TestUser,
    pub(crate) carrier: String,
    pub(crate) shelter: Value,
    pub(crate) offer: Value,
}

pub(crate) async fn setup(app: &TestApp) -> Setup {
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
    for (size, rent) in [(1, "450"), (2, "550"), (3, "650"), (4, "750")] {
        ok(app, &coord.token, "mutation($i: RentCapInput!) { addRentCap(input: $i) { id } }",
            json!({ "i": { "householdSize": size, "maxGrossColdRent": rent, "validFrom": "2026-01-01" } })).await;
    }
    let shelter = ok(app, &tok, "mutation { createAccommodation(input: { name: \"Heim Nord\", kind: SHELTER, street: \"Nordstr. 1\", postalCode: \"50667\", district: \"Nippes\", capacity: 10 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    let landlord = ok(app, &tok, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", partnerStatus: PARTNER, annualQuota: 100 }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    let offer = ok(app, &tok, "mutation($l: ID!) { createOffer(input: { landlordId: $l, street: \"Kalker Str. 5\", postalCode: \"51103\", district: \"Kalk\",
        rooms: 2.0, livingSpace: 55.0, coldRent: \"420\", serviceCharges: \"90\", heating: \"60\", deposit: \"1260\", availableFrom: \"TODAY\" }) { id } }",
        json!({ "l": landlord })).await["createOffer"]["id"].clone();
    Setup {
        t,
        coord,
        cw,
        carrier: org.to_string(),
        shelter,
        offer,
    }
}

/// A household of `size` living in the shelter, searching, consenting to landlords.
pub(crate) async fn searching(
    app: &TestApp,
    s: &Setup,
    reference: &str,
    size: usize,
    carrier: bool,
) -> String {
    let tok = &s.t.caseworker.token;
    let mut members = vec![
        json!({ "givenName": "Kopf", "familyName": reference, "relation": "HEAD", "residenceStatus": "RECOGNISED_REFUGEE",
        "benefitFramework": "SGB2", "languageLevel": "B1", "occupation": "EMPLOYED" }),
    ];
    for i in 1..size {
        members.push(json!({ "givenName": format!("Kind{i}"), "familyName": reference, "relation": "CHILD", "residenceStatus": "RECOGNISED_REFUGEE",
            "benefitFramework": "SGB2", "languageLevel": "A1", "occupation": "SCHOOL" }));
    }
    let id = ok(
        app,
        tok,
        "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }",
        json!({ "i": { "reference": reference, "members": members } }),
    )
    .await["createHousehold"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        app,
        tok,
        "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a) { id } }",
        json!({ "h": id, "a": s.shelter }),
    )
    .await;
    ok(app, tok, "mutation($h: ID!) { recordReadinessAssessment(householdId: $h, input: { assessedOn: \"2026-01-02\", rentPayment: MET, householdManagement: MET,
        neighbourhood: MET, tenancyLanguage: MET, idDocument: true, incomeProof: true, schufa: true, overall: READY }) { id } }", json!({ "h": id })).await;
    for (v, to) in [(1, "ACTIVE"), (2, "SEARCHING")] {
        ok(app, tok, "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"x\") { id } }", json!({ "h": id, "v": v, "to": to })).await;
    }
    ok(app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_LANDLORDS, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": id })).await;
    if carrier {
        ok(app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": id })).await;
        ok(app, tok, "mutation($h: ID!, $o: ID!) { assignCarrier(householdId: $h, version: 3, organisationId: $o) { id } }", json!({ "h": id, "o": s.carrier })).await;
    }
    id
}

pub(crate) const PROPOSE: &str = "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id status version score } }";
const VIEWING: &str = "mutation($id: ID!, $v: Int!) { scheduleViewing(id: $id, version: $v, on: \"TODAY\") { status version viewingOn } }";
pub(crate) const ACCEPT: &str = "mutation($id: ID!, $v: Int!) { recordLandlordAcceptance(id: $id, version: $v) { status version } }";
pub(crate) const DECLINE: &str = "mutation($id: ID!, $v: Int!, $r: DeclineReason!, $a: DecisionActor, $t: String) { declineMatch(id: $id, version: $v, reason: $r, actor: $a, text: $t) { status declineReason declinedBy } }";
/// The benefit office accepts the match's rent (the test households draw SGB II).
pub(crate) const BENEFIT_OK: &str = "mutation($id: ID!, $v: Int!) { recordBenefitOfficeDecision(id: $id, version: $v, decision: ACCEPTED, decidedOn: \"TODAY\") { version benefitOffice } }";
const LEASE: &str = "mutation($id: ID!, $v: Int!) { signLease(id: $id, version: $v, signedOn: \"TODAY\", moveInOn: \"TODAY\") { status moveInOn } }";
pub(crate) const CASE: &str = "query($id: ID!) { household(id: $id) { state currentAccommodation { name } followUps { months } } }";
pub(crate) const OFFER: &str = "query($id: ID!) { offer(id: $id) { status } }";

#[tokio::test]
async fn a_match_goes_from_proposal_to_the_move_and_closes_the_others() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    let a = searching(&app, &s, "MV-A", 2, false).await;
    let b = searching(&app, &s, "MV-B", 2, false).await;
    let big = searching(&app, &s, "MV-BIG", 5, false).await;
    let ma = ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": a })).await["proposeMatch"].clone();
    let mb = ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": b })).await["proposeMatch"].clone();
    assert_eq!(ma["status"], "PROPOSED");
    assert_eq!(
        ok(&app, tok, CASE, json!({ "id": a })).await["household"]["state"],
        "OFFER_IN_PROGRESS"
    );
    assert_eq!(
        code(&app, tok, PROPOSE, json!({ "o": s.offer, "h": a }))
            .await
            .0,
        "CONFLICT",
        "one open match per pair"
    );
    let (c, f) = code(&app, tok, PROPOSE, json!({ "o": s.offer, "h": big })).await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId")),
        "too large for two rooms"
    );

    let v =
        ok(&app, tok, VIEWING, json!({ "id": ma["id"], "v": 1 })).await["scheduleViewing"].clone();
    assert_eq!(v["status"], "VIEWING_SCHEDULED");
    let acc = ok(&app, tok, ACCEPT, json!({ "id": ma["id"], "v": 2 })).await;
    assert_eq!(
        acc["recordLandlordAcceptance"]["status"],
        "LANDLORD_ACCEPTED"
    );
    assert_eq!(
        ok(&app, tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "RESERVED"
    );
    // The rival was declined for the landlord's choice and searches again.
    let list = ok(&app, tok, "query($o: ID!) { matches(filter: { offerId: $o }) { edges { node { id status declineReason } } } }", json!({ "o": s.offer })).await;
    let rival = list["matches"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["id"] == mb["id"])
        .unwrap()["node"]
        .clone();
    assert_eq!(
        (rival["status"].clone(), rival["declineReason"].clone()),
        (json!("DECLINED"), json!("LANDLORD_CHOSE_OTHER"))
    );
    assert_eq!(
        ok(&app, tok, CASE, json!({ "id": b })).await["household"]["state"],
        "SEARCHING"
    );
    assert_eq!(
        code(&app, tok, PROPOSE, json!({ "o": s.offer, "h": b }))
            .await
            .0,
        "CONFLICT",
        "a reserved offer is not matched twice"
    );

    // The move: all together.
    let before = ok(
        &app,
        tok,
        "query($id: ID!) { accommodation(id: $id) { occupied } }",
        json!({ "id": s.shelter }),
    )
    .await["accommodation"]["occupied"]
        .as_i64()
        .unwrap();
    ok(&app, tok, BENEFIT_OK, json!({ "id": ma["id"], "v": 3 })).await;
    let l = ok(&app, tok, LEASE, json!({ "id": ma["id"], "v": 4 })).await;
    assert_eq!(l["signLease"]["status"], "MOVED_IN");
    assert_eq!(
        ok(&app, tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "LET"
    );
    let case = ok(&app, tok, CASE, json!({ "id": a })).await["household"].clone();
    assert_eq!(case["state"], "MOVED_OUT");
    assert!(
        case["currentAccommodation"].is_null(),
        "the shelter place is freed"
    );
    assert_eq!(
        case["followUps"].as_array().unwrap().len(),
        4,
        "aftercare scheduled"
    );
    let after = ok(
        &app,
        tok,
        "query($id: ID!) { accommodation(id: $id) { occupied } }",
        json!({ "id": s.shelter }),
    )
    .await["accommodation"]["occupied"]
        .as_i64()
        .unwrap();
    assert_eq!(before - after, 2);
    let ls = ok(
        &app,
        tok,
        "{ landlords { edges { node { deliveredThisYear } } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        ls["landlords"]["edges"][0]["node"]["deliveredThisYear"], 1,
        "counts towards GAG's quota"
    );
    let rows = app.tenant_rows(s.t.id, "SELECT entity, action FROM audit_log WHERE entity IN ('match', 'offer', 'occupancy', 'aftercare_followup', 'case_transition') ORDER BY seq DESC LIMIT 9").await;
    let last: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}:{}",
                r.try_get::<String>("", "entity").unwrap(),
                r.try_get::<String>("", "action").unwrap()
            )
        })
        .collect();
    for expected in [
        "match:sign_lease",
        "offer:set_status",
        "occupancy:move_out",
        "aftercare_followup:schedule",
        "case_transition:create",
    ] {
        assert!(
            last.contains(&expected.to_owned()),
            "{expected} in {last:?}"
        );
    }
}

#[tokio::test]
async fn the_move_changes_everything_or_nothing() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    let a = searching(&app, &s, "MV-X", 2, false).await;
    let m = ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": a })).await["proposeMatch"].clone();
    ok(&app, tok, ACCEPT, json!({ "id": m["id"], "v": 1 })).await;
    ok(&app, tok, BENEFIT_OK, json!({ "id": m["id"], "v": 2 })).await;
    // Force the last step to fail: the case was closed behind the workflow's back.
    let sql = "UPDATE households SET state = 'closed' WHERE reference = 'MV-X'";
    app.exec_as_owner(sql).await;
    let audit_before = app
        .tenant_rows(s.t.id, "SELECT id FROM audit_log")
        .await
        .len();
    let (c, _) = code(&app, tok, LEASE, json!({ "id": m["id"], "v": 3 })).await;
    assert_eq!(c, "BAD_USER_INPUT");
    // Nothing changed: match, offer, occupancy, follow-ups, audit.
    let ms = ok(
        &app,
        tok,
        "query($o: ID!) { matches(filter: { offerId: $o }) { edges { node { status version } } } }",
        json!({ "o": s.offer }),
    )
    .await;
    assert_eq!(
        ms["matches"]["edges"][0]["node"]["status"],
        "LANDLORD_ACCEPTED"
    );
    assert_eq!(
        ok(&app, tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "RESERVED"
    );
    let occ = ok(
        &app,
        tok,
        "query($id: ID!) { accommodation(id: $id) { occupied residents { householdId } } }",
        json!({ "id": s.shelter }),
    )
    .await;
    assert_eq!(
        occ["accommodation"]["occupied"], 2,
        "still living in the shelter"
    );
    assert_eq!(
        app.tenant_rows(s.t.id, "SELECT id FROM aftercare_followups")
            .await
            .len(),
        0
    );
    assert_eq!(
        app.tenant_rows(s.t.id, "SELECT id FROM audit_log")
            .await
            .len(),
        audit_before
    );
}

#[tokio::test]
async fn invalid_match_steps_are_refused_and_declines_reopen() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    let a = searching(&app, &s, "MV-I", 2, false).await;
    let m = ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": a })).await["proposeMatch"].clone();
    assert_eq!(
        code(&app, tok, LEASE, json!({ "id": m["id"], "v": 1 }))
            .await
            .1
            .as_deref(),
        Some("id"),
        "no lease before acceptance"
    );
    assert_eq!(
        code(
            &app,
            tok,
            DECLINE,
            json!({ "id": m["id"], "v": 1, "r": "OTHER" })
        )
        .await
        .1
        .as_deref(),
        Some("text")
    );
    assert_eq!(code(&app, tok, "mutation($id: ID!) { scheduleViewing(id: $id, version: 1, on: \"übermorgen\") { id } }", json!({ "id": m["id"] })).await.1.as_deref(), Some("on"));
    ok(&app, tok, ACCEPT, json!({ "id": m["id"], "v": 1 })).await;
    assert_eq!(
        code(&app, tok, VIEWING, json!({ "id": m["id"], "v": 2 }))
            .await
            .1
            .as_deref(),
        Some("id"),
        "no viewing after acceptance"
    );
    assert_eq!(
        code(&app, tok, ACCEPT, json!({ "id": m["id"], "v": 2 }))
            .await
            .1
            .as_deref(),
        Some("id")
    );
    assert_eq!(
        code(
            &app,
            tok,
            DECLINE,
            json!({ "id": m["id"], "v": 1, "r": "HOUSEHOLD_REFUSED_AREA" })
        )
        .await
        .0,
        "CONFLICT",
        "stale version"
    );
    // The household refuses after all: the offer opens again, the case searches again.
    let d = ok(&app, tok, DECLINE, json!({ "id": m["id"], "v": 2, "r": "HOUSEHOLD_REFUSED_AREA", "t": "zu weit von der Schule" })).await;
    assert_eq!(d["declineMatch"]["declineReason"], "HOUSEHOLD_REFUSED_AREA");
    assert_eq!(
        ok(&app, tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "OPEN"
    );
    assert_eq!(
        ok(&app, tok, CASE, json!({ "id": a })).await["household"]["state"],
        "SEARCHING"
    );
    assert_eq!(
        code(
            &app,
            tok,
            DECLINE,
            json!({ "id": m["id"], "v": 3, "r": "LANDLORD_NO_REASON" })
        )
        .await
        .1
        .as_deref(),
        Some("id"),
        "closed already"
    );
    // A household that is not searching cannot be proposed.
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: PAUSED, reason: \"Krankheit\") { id } }",
        json!({ "h": a, "v": ok(&app, tok, "query($id: ID!) { household(id: $id) { version } }", json!({ "id": a })).await["household"]["version"] })).await;
    assert_eq!(
        code(&app, tok, PROPOSE, json!({ "o": s.offer, "h": a }))
            .await
            .1
            .as_deref(),
        Some("householdId")
    );
}

#[tokio::test]
async fn carriers_match_their_own_households_and_other_cities_see_nothing() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let mine = searching(&app, &s, "MV-C", 2, true).await;
    let theirs = searching(&app, &s, "MV-D", 2, false).await;
    let ct = &s.cw.token;
    assert_eq!(
        code(&app, ct, PROPOSE, json!({ "o": s.offer, "h": theirs }))
            .await
            .0,
        "NOT_FOUND"
    );
    let m = ok(&app, ct, PROPOSE, json!({ "o": s.offer, "h": mine })).await["proposeMatch"].clone();
    let city = ok(
        &app,
        &s.t.caseworker.token,
        PROPOSE,
        json!({ "o": s.offer, "h": theirs }),
    )
    .await["proposeMatch"]
        .clone();
    let seen = ok(&app, ct, "{ matches { edges { node { id } } } }", json!({})).await;
    assert_eq!(
        seen["matches"]["edges"].as_array().unwrap().len(),
        1,
        "only its own household's match"
    );
    assert_eq!(
        code(&app, ct, ACCEPT, json!({ "id": city["id"], "v": 1 }))
            .await
            .0,
        "NOT_FOUND"
    );
    ok(&app, ct, VIEWING, json!({ "id": m["id"], "v": 1 })).await;
    ok(&app, ct, ACCEPT, json!({ "id": m["id"], "v": 2 })).await;
    assert_eq!(
        code(&app, ct, LEASE, json!({ "id": m["id"], "v": 3 }))
            .await
            .0,
        "FORBIDDEN",
        "the move is the city's"
    );
    // Another city: every id looks missing.
    let other = app.tenant().await;
    let ot = &other.caseworker.token;
    for (q, vars) in [
        (PROPOSE, json!({ "o": s.offer, "h": mine })),
        (VIEWING, json!({ "id": m["id"], "v": 2 })),
        (ACCEPT, json!({ "id": m["id"], "v": 2 })),
        (
            DECLINE,
            json!({ "id": m["id"], "v": 2, "r": "LANDLORD_NO_REASON" }),
        ),
        (LEASE, json!({ "id": m["id"], "v": 2 })),
        (OFFER, json!({ "id": s.offer })),
    ] {
        assert_eq!(code(&app, ot, q, vars).await.0, "NOT_FOUND", "{q}");
    }
}

pub(crate) async fn offer_in(app: &TestApp, s: &Setup, district: &str) -> Value {
    let tok = &s.t.caseworker.token;
    let l = ok(
        app,
        tok,
        "{ landlords { edges { node { id } } } }",
        json!({}),
    )
    .await["landlords"]["edges"][0]["node"]["id"]
        .clone();
    ok(app, tok, "mutation($l: ID!, $d: String!) { createOffer(input: { landlordId: $l, street: \"Weg 1\", postalCode: \"50667\", district: $d,
        rooms: 2.0, livingSpace: 55.0, coldRent: \"420\", serviceCharges: \"90\", heating: \"60\", deposit: \"1260\", availableFrom: \"TODAY\" }) { id } }",
        json!({ "l": l, "d": district })).await["createOffer"]["id"].clone()
}

async fn move_into(app: &TestApp, s: &Setup, offer: &Value, reference: &str) {
    let tok = &s.t.caseworker.token;
    let h = searching(app, s, reference, 2, false).await;
    let m =
        ok(app, tok, PROPOSE, json!({ "o": offer, "h": h })).await["proposeMatch"]["id"].clone();
    ok(app, tok, ACCEPT, json!({ "id": m, "v": 1 })).await;
    ok(app, tok, BENEFIT_OK, json!({ "id": m, "v": 2 })).await;
    ok(app, tok, LEASE, json!({ "id": m, "v": 3 })).await;
}

#[tokio::test]
async fn the_segregation_indicator_flags_districts_where_placements_cluster() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    let stock =
        "mutation($d: String!, $n: Int!) { setDistrictHousingStock(district: $d, dwellings: $n) }";
    ok(&app, tok, stock, json!({ "d": "Kalk", "n": 1000 })).await;
    ok(&app, tok, stock, json!({ "d": "Nippes", "n": 9000 })).await;
    assert_eq!(
        code(&app, tok, stock, json!({ "d": "Kalk", "n": -1 }))
            .await
            .1
            .as_deref(),
        Some("dwellings")
    );
    for (i, d) in ["Kalk", "Kalk", "Kalk", "Nippes"].iter().enumerate() {
        let o = offer_in(&app, &s, d).await;
        move_into(&app, &s, &o, &format!("SEG-{i}")).await;
    }
    let q = "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { district placements placementShare housingShare ratio clustering } }";
    let today = chrono::Utc::now().date_naive();
    let window =
        json!({ "f": (today - chrono::Days::new(30)).to_string(), "t": today.to_string() });
    let rows = ok(&app, tok, q, window.clone()).await["segregationIndicator"]
        .as_array()
        .unwrap()
        .clone();
    let kalk = rows.iter().find(|r| r["district"] == "Kalk").unwrap();
    assert_eq!(kalk["placements"], 3);
    assert_eq!(kalk["placementShare"], 0.75);
    assert_eq!(kalk["housingShare"], 0.1);
    assert_eq!(kalk["clustering"], true, "{kalk}");
    let nippes = rows.iter().find(|r| r["district"] == "Nippes").unwrap();
    assert_eq!(
        (nippes["placements"].clone(), nippes["clustering"].clone()),
        (json!(1), json!(false))
    );
    // An earlier window holds no placements.
    let before = json!({ "f": "2025-01-01", "t": "2025-12-31" });
    let empty = ok(&app, tok, q, before).await["segregationIndicator"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        empty
            .iter()
            .all(|r| r["placements"] == 0 && r["clustering"] == false)
    );
    assert_eq!(
        code(
            &app,
            tok,
            q,
            json!({ "f": "2026-02-01", "t": "2026-01-01" })
        )
        .await
        .1
        .as_deref(),
        Some("to")
    );
    assert_eq!(
        code(&app, &s.cw.token, q, window.clone()).await.0,
        "FORBIDDEN"
    );
    let other = app.tenant().await;
    assert!(
        ok(&app, &other.caseworker.token, q, window).await["segregationIndicator"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

const TRANSITION: &str = "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"MARKER-STEP\") { id } }";
const GUARANTEE: &str = "mutation($h: ID!, $a: String!, $j: String!, $o: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: $a, justification: $j, offerId: $o }) { id version status } }";
const DECIDE: &str = "mutation($id: ID!, $v: Int!, $a: Boolean!, $r: String) { decideGuarantee(id: $id, version: $v, approve: $a, reason: $r) { status version decisionReason } }";

async fn match_of(app: &TestApp, tok: &str, h: &str) -> Vec<Value> {
    ok(app, tok, "query($h: ID!) { matches(filter: { householdId: $h }) { edges { node { id status declineText version } } } }",
        json!({ "h": h })).await["matches"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

async fn set_budget(app: &TestApp, s: &Setup) {
    let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    ok(app, &s.coord.token, "mutation($y: Int!) { setGuaranteeBudget(year: $y, kind: DEPOSIT, amount: \"100000\", version: 0) { version } }",
        json!({ "y": year })).await;
}

#[tokio::test]
async fn a_case_that_leaves_the_work_withdraws_its_matches_reopens_the_offer_and_rejects_requests()
{
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    set_budget(&app, &s).await;

    // Paused after the landlord accepted: the match is withdrawn, the offer open again.
    let a = searching(&app, &s, "LW-A", 2, false).await;
    let ma = ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": a })).await["proposeMatch"].clone();
    ok(&app, tok, ACCEPT, json!({ "id": ma["id"], "v": 1 })).await;
    assert_eq!(
        ok(&app, tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "RESERVED"
    );
    let v = case_version(&app, tok, &a).await;
    ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": a, "v": v, "to": "PAUSED" }),
    )
    .await;
    let m = match_of(&app, tok, &a).await;
    assert_eq!(m[0]["status"], "WITHDRAWN", "{m:?}");
    assert_eq!(m[0]["declineText"], "case paused");
    assert_eq!(
        ok(&app, tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "OPEN",
        "the offer is free for others again"
    );

    // Closed with an open proposal and a pending guarantee request: both ended.
    let b = searching(&app, &s, "LW-B", 2, false).await;
    ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": b })).await;
    let g = ok(
        &app,
        tok,
        GUARANTEE,
        json!({ "h": b, "a": "900", "j": "Kaution", "o": s.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    let approved = ok(
        &app,
        tok,
        GUARANTEE,
        json!({ "h": b, "a": "100", "j": "Kaution", "o": s.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    ok(
        &app,
        &s.coord.token,
        DECIDE,
        json!({ "id": approved["id"], "v": 1, "a": true }),
    )
    .await;
    let audit_before = app
        .tenant_rows(s.t.id, "SELECT id FROM audit_log")
        .await
        .len();
    let v = case_version(&app, tok, &b).await;
    ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": b, "v": v, "to": "CLOSED" }),
    )
    .await;
    let m = match_of(&app, tok, &b).await;
    assert_eq!(m[0]["status"], "WITHDRAWN");
    assert_eq!(m[0]["declineText"], "case closed");
    let gs = ok(&app, tok, "query($h: ID!) { guarantees(householdId: $h) { edges { node { id status decisionReason } } } }", json!({ "h": b })).await;
    let gs: Vec<Value> = gs["guarantees"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect();
    let pending = gs.iter().find(|x| x["id"] == g["id"]).unwrap();
    assert_eq!(pending["status"], "REJECTED");
    assert_eq!(pending["decisionReason"], "case closed");
    let kept = gs.iter().find(|x| x["id"] == approved["id"]).unwrap();
    assert_eq!(kept["status"], "APPROVED", "decisions already made stand");
    // Transition (2) + match withdrawn (1) + request rejected (1), in one transaction.
    assert_eq!(
        app.tenant_rows(s.t.id, "SELECT id FROM audit_log")
            .await
            .len(),
        audit_before + 4
    );

    // A closed case takes no decision, repayment plan or payment, and no new request.
    let (c, f) = code(
        &app,
        &s.coord.token,
        DECIDE,
        json!({ "id": g["id"], "v": 2, "a": true }),
    )
    .await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    let agree = "mutation($id: ID!, $v: Int!) { agreeRepayment(id: $id, version: $v, instalment: \"50\", instalments: 2) { version } }";
    let (c, f) = code(&app, tok, agree, json!({ "id": approved["id"], "v": 2 })).await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    let pay = "mutation($id: ID!) { recordRepayment(id: $id, amount: \"50\") { repaid } }";
    let (c, f) = code(&app, tok, pay, json!({ "id": approved["id"] })).await;
    assert_eq!((c.as_str(), f.as_deref()), ("BAD_USER_INPUT", Some("id")));
    let (c, f) = code(
        &app,
        tok,
        GUARANTEE,
        json!({ "h": b, "a": "10", "j": "x", "o": s.offer }),
    )
    .await;
    assert_eq!(
        (c.as_str(), f.as_deref()),
        ("BAD_USER_INPUT", Some("householdId"))
    );
    let budgets = ok(
        &app,
        tok,
        "query($y: Int!) { guaranteeBudgets(year: $y) { kind committed } }",
        json!({ "y": chrono::Datelike::year(&chrono::Utc::now().date_naive()) }),
    )
    .await;
    let dep = budgets["guaranteeBudgets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "DEPOSIT")
        .unwrap()
        .clone();
    assert_eq!(
        dep["committed"], "100.00",
        "only the approval made before closing counts"
    );
}

#[tokio::test]
async fn erasure_clears_what_housing_holds_and_the_export_shows_it_first() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = &s.t.caseworker.token;
    set_budget(&app, &s).await;
    let h = searching(&app, &s, "QORV-1", 2, false).await;
    let tiny = ok(&app, tok, "mutation { createAccommodation(input: { name: \"Zimmer\", kind: CITY_RENTED_FLAT, street: \"Weg 2\", postalCode: \"50667\", district: \"Ehrenfeld\", capacity: 1 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    ok(&app, tok, "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a, relocate: true, overCapacityReason: \"MARKER-OVERCAP Frau Qorvath schwanger\") { id } }",
        json!({ "h": h, "a": tiny })).await;
    ok(&app, tok, "mutation($h: ID!) { moveOut(householdId: $h, reason: \"MARKER-END Streit mit Nachbarn Qorvath\") { id } }", json!({ "h": h })).await;
    ok(
        &app,
        tok,
        "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a) { id } }",
        json!({ "h": h, "a": s.shelter }),
    )
    .await;
    let other = offer_in(&app, &s, "Porz").await;
    let m1 = ok(&app, tok, PROPOSE, json!({ "o": other, "h": h })).await["proposeMatch"].clone();
    ok(&app, tok, DECLINE, json!({ "id": m1["id"], "v": 1, "r": "OTHER", "a": "CITY", "t": "MARKER-DECLINE Herr Qorvath Diabetes" })).await;
    let g1 = ok(
        &app,
        tok,
        GUARANTEE,
        json!({ "h": h, "a": "300", "j": "MARKER-JUST Familie Qorvath, Frau Q. schwanger", "o": s.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    ok(&app, &s.coord.token, DECIDE, json!({ "id": g1["id"], "v": 1, "a": false, "r": "MARKER-DECISION wegen Schulden Qorvath" })).await;
    let g2 = ok(
        &app,
        tok,
        GUARANTEE,
        json!({ "h": h, "a": "1260", "j": "MARKER-JUST2 Kaution Qorvath", "o": s.offer }),
    )
    .await["requestGuarantee"]
        .clone();
    ok(
        &app,
        &s.coord.token,
        DECIDE,
        json!({ "id": g2["id"], "v": 1, "a": true }),
    )
    .await;
    ok(&app, tok, "mutation($id: ID!) { agreeRepayment(id: $id, version: 2, instalment: \"630\", instalments: 2) { version } }", json!({ "id": g2["id"] })).await;
    ok(
        &app,
        tok,
        "mutation($id: ID!) { recordRepayment(id: $id, amount: \"630\") { repaid } }",
        json!({ "id": g2["id"] }),
    )
    .await;
    let m2 = ok(&app, tok, PROPOSE, json!({ "o": s.offer, "h": h })).await["proposeMatch"].clone();
    ok(&app, tok, ACCEPT, json!({ "id": m2["id"], "v": 1 })).await;
    ok(&app, tok, "mutation($id: ID!) { recordBenefitOfficeDecision(id: $id, version: 2, decision: ACCEPTED, decidedOn: \"TODAY\", reason: \"MARKER-BENEFIT Bescheid für Qorvath\") { id } }",
        json!({ "id": m2["id"] })).await;
    ok(&app, tok, LEASE, json!({ "id": m2["id"], "v": 3 })).await;
    let v = case_version(&app, tok, &h).await;
    ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": h, "v": v, "to": "CLOSED" }),
    )
    .await;

    // The export (a mutation now: it writes to the audit log) holds housing's rows.
    let pid = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id } } }",
        json!({ "id": h }),
    )
    .await["household"]["members"][0]["id"]
        .clone();
    let e = ok(
        &app,
        tok,
        "mutation($p: ID!) { exportPersonData(personId: $p, purpose: DATA_SUBJECT_REQUEST) }",
        json!({ "p": pid }),
    )
    .await["exportPersonData"]
        .clone();
    let texts = e.to_string();
    for marker in [
        "MARKER-OVERCAP",
        "MARKER-END",
        "MARKER-DECLINE",
        "MARKER-JUST",
        "MARKER-JUST2",
        "MARKER-DECISION",
        "MARKER-BENEFIT",
    ] {
        assert!(texts.contains(marker), "the export misses {marker}: {e}");
    }
    assert_eq!(e["occupancies"].as_array().unwrap().len(), 3, "{e}");
    assert_eq!(e["matches"].as_array().unwrap().len(), 2);
    assert_eq!(e["guarantees"].as_array().unwrap().len(), 2);
    assert_eq!(e["repayments"].as_array().unwrap().len(), 1);
    assert_eq!(e["repayments"][0]["amount_cents"], 63000);

    // Erasure: no personal text of the household is left in any table of the schema.
    let v = case_version(&app, tok, &h).await;
    ok(
        &app,
        tok,
        "mutation($id: ID!, $v: Int!) { eraseHousehold(id: $id, version: $v) { erased } }",
        json!({ "id": h, "v": v }),
    )
    .await;
    for t in app.all_tables().await {
        for value in app.table_texts(s.t.id, &t).await {
            assert!(
                !value.contains("MARKER") && !value.contains("Qorvath"),
                "{t} still holds personal text: {value}"
            );
        }
    }
    // The coded facts and amounts stay: the budget still adds up.
    let budgets = ok(
        &app,
        tok,
        "query($y: Int!) { guaranteeBudgets(year: $y) { kind committed } }",
        json!({ "y": chrono::Datelike::year(&chrono::Utc::now().date_naive()) }),
    )
    .await;
    let dep = budgets["guaranteeBudgets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "DEPOSIT")
        .unwrap()
        .clone();
    assert_eq!(dep["committed"], "1260.00");
    let log = app
        .tenant_rows(
            s.t.id,
            "SELECT fields FROM audit_log WHERE action = 'erase'",
        )
        .await;
    let fields: String = log[0].try_get("", "fields").unwrap();
    assert!(
        fields.contains("guarantees.justification") && fields.contains("matches.decline_text"),
        "{fields}"
    );
}

#[tokio::test]
async fn two_acceptances_racing_for_one_offer_end_in_one_winner_and_a_conflict() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let tok = s.t.caseworker.token.clone();
    let mut matches = Vec::new();
    for r in ["RACE-A", "RACE-B", "RACE-C"] {
        let h = searching(&app, &s, r, 2, false).await;
        matches.push(
            ok(&app, &tok, PROPOSE, json!({ "o": s.offer, "h": h })).await["proposeMatch"]["id"]
                .clone(),
        );
    }
    // Separate connections, released together: on PostgreSQL they really overlap.
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(matches.len()));
    let mut tasks = Vec::new();
    for m in &matches {
        let (http, base, tok, m, barrier) = (
            app.http.clone(),
            app.base.clone(),
            tok.clone(),
            m.clone(),
            barrier.clone(),
        );
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let body: Value = http
                .post(format!("{base}/graphql"))
                .bearer_auth(tok)
                .json(&json!({ "query": ACCEPT, "variables": { "id": m, "v": 1 } }))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            body
        }));
    }
    let mut won = 0;
    for t in tasks {
        let body = t.await.unwrap();
        match first_code(&body) {
            None => won += 1,
            Some(c) => assert_eq!(
                c, "CONFLICT",
                "the losers hear CONFLICT, never INTERNAL: {body}"
            ),
        }
    }
    assert_eq!(won, 1);
    assert_eq!(
        ok(&app, &tok, OFFER, json!({ "id": s.offer })).await["offer"]["status"],
        "RESERVED"
    );
}
