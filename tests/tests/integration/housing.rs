//! Housing through GraphQL: the accommodation register and occupancy, landlords, rent
//! caps and offers — happy path, bad input, cross-tenant and carrier scope.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, day, first_code};

struct City {
    t: TestTenant,
    coord: TestUser,
    carrier: String,
    cw: TestUser,
}

async fn city(app: &TestApp) -> City {
    let t = app.tenant().await;
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
    City {
        t,
        coord,
        carrier: org.to_string(),
        cw,
    }
}

async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

async fn err(app: &TestApp, token: &str, query: &str, vars: Value) -> (String, Option<String>) {
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {query}\n{body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

fn member(given: &str, relation: &str) -> Value {
    json!({ "givenName": given, "familyName": "Wohnung", "relation": relation, "residenceStatus": "RECOGNISED_REFUGEE",
            "benefitFramework": "SGB2", "languageLevel": "A2", "occupation": "COURSE" })
}

async fn household(app: &TestApp, c: &City, reference: &str, size: usize) -> String {
    let mut members = vec![member("Kopf", "HEAD")];
    for i in 1..size {
        members.push(member(&format!("Kind{i}"), "CHILD"));
    }
    ok(
        app,
        &c.t.caseworker.token,
        "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }",
        json!({ "i": { "reference": reference, "members": members } }),
    )
    .await["createHousehold"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

const CREATE_ACC: &str = "mutation($i: AccommodationInput!) { createAccommodation(input: $i) { id version capacity occupied freePlaces } }";
const MOVE_IN: &str = "mutation($h: ID!, $a: ID!, $r: Boolean, $o: String) { moveIn(householdId: $h, accommodationId: $a, relocate: $r, overCapacityReason: $o) { id places overCapacityReason } }";
const MOVE_OUT: &str =
    "mutation($h: ID!) { moveOut(householdId: $h, reason: \"eigene Wohnung\") { until } }";
const ACC: &str = "query($id: ID!) { accommodation(id: $id) { occupied freePlaces version residents { householdId places } } }";
const CREATE_LANDLORD: &str = "mutation($i: LandlordInput!) { createLandlord(input: $i) { id version deliveredThisYear annualQuota } }";
const CREATE_OFFER: &str = "mutation($i: OfferInput!) { createOffer(input: $i) { id version status grossColdRent rooms livingSpace } }";
const STATUS: &str = "mutation($id: ID!, $v: Int!, $s: OfferStatus!) { setOfferStatus(id: $id, version: $v, status: $s) { status version } }";
const ADD_CAP: &str = "mutation($i: RentCapInput!) { addRentCap(input: $i) { id maxGrossColdRent validFrom validUntil } }";
const CAPS: &str = "query($on: String) { rentCaps(on: $on) { householdSize maxGrossColdRent validFrom validUntil } }";

fn shelter(name: &str, district: &str, capacity: i64) -> Value {
    json!({ "i": { "name": name, "kind": "SHELTER", "street": "Hauptstraße 1", "postalCode": "51465", "district": district, "capacity": capacity } })
}

fn offer(landlord: &Value) -> Value {
    json!({ "landlordId": landlord, "street": "Kalker Hauptstraße 10", "postalCode": "51103", "district": "Kalk",
            "rooms": 2.5, "livingSpace": 64.3, "coldRent": "480.00", "serviceCharges": "120,50", "heating": "70",
            "deposit": "1440", "availableFrom": day(10), "floor": 2, "lift": true, "maxPersons": 4 })
}

async fn count(app: &TestApp, t: &TestTenant, table: &str) -> i64 {
    let rows = app
        .tenant_rows(t.id, &format!("SELECT COUNT(*) AS n FROM {table}"))
        .await;
    rows[0].try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn occupancy_follows_moves_and_capacity_is_never_exceeded_silently() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let nord = ok(
        &app,
        tok,
        CREATE_ACC,
        shelter("Übergangsheim Nord", "Gronau", 4),
    )
    .await["createAccommodation"]
        .clone();
    let mut flat = shelter("Wohnung Refrath", "Refrath", 3);
    flat["i"]["kind"] = json!("CITY_RENTED_FLAT");
    let flat = ok(&app, tok, CREATE_ACC, flat).await["createAccommodation"].clone();
    assert_eq!(
        err(
            &app,
            tok,
            CREATE_ACC,
            shelter("Übergangsheim Nord", "Gronau", 4)
        )
        .await
        .0,
        "CONFLICT"
    );
    let a = household(&app, &c, "H-A", 3).await;
    let b = household(&app, &c, "H-B", 2).await;

    let m = ok(&app, tok, MOVE_IN, json!({ "h": a, "a": nord["id"] })).await;
    assert_eq!(m["moveIn"]["places"], 3);
    let d = ok(&app, tok, ACC, json!({ "id": nord["id"] })).await;
    assert_eq!(
        (
            d["accommodation"]["occupied"].clone(),
            d["accommodation"]["freePlaces"].clone()
        ),
        (json!(3), json!(1))
    );
    // Over capacity: refused without a reason, nothing written; allowed with one.
    let before = count(&app, &c.t, "occupancies").await;
    assert_eq!(
        err(&app, tok, MOVE_IN, json!({ "h": b, "a": nord["id"] })).await,
        ("BAD_USER_INPUT".into(), Some("overCapacityReason".into()))
    );
    assert_eq!(count(&app, &c.t, "occupancies").await, before);
    let m = ok(
        &app,
        tok,
        MOVE_IN,
        json!({ "h": b, "a": nord["id"], "o": "Notfall: Wasserschaden in der Wohnung" }),
    )
    .await;
    assert_eq!(
        m["moveIn"]["overCapacityReason"],
        "Notfall: Wasserschaden in der Wohnung"
    );
    assert_eq!(
        ok(&app, tok, ACC, json!({ "id": nord["id"] })).await["accommodation"]["freePlaces"],
        -1
    );
    // One place at a time.
    assert_eq!(
        err(&app, tok, MOVE_IN, json!({ "h": a, "a": flat["id"] }))
            .await
            .1
            .as_deref(),
        Some("householdId")
    );
    ok(
        &app,
        tok,
        MOVE_IN,
        json!({ "h": a, "a": flat["id"], "r": true }),
    )
    .await;
    let d = ok(&app, tok, ACC, json!({ "id": nord["id"] })).await;
    assert_eq!(d["accommodation"]["residents"].as_array().unwrap().len(), 1);
    let by = ok(
        &app,
        tok,
        "{ occupancyByDistrict { district capacity occupied accommodations } }",
        json!({}),
    )
    .await;
    assert_eq!(
        by["occupancyByDistrict"],
        json!([
            { "district": "Gronau", "capacity": 4, "occupied": 2, "accommodations": 1 },
            { "district": "Refrath", "capacity": 3, "occupied": 3, "accommodations": 1 }
        ])
    );
    let free = ok(
        &app,
        tok,
        "{ accommodations(filter: { withFreePlaces: true }) { edges { node { name } } } }",
        json!({}),
    )
    .await;
    assert_eq!(free["accommodations"]["edges"].as_array().unwrap().len(), 1);

    // The household shows where it lives, from the register; its carrier sees it too.
    let place =
        "query($id: ID!) { household(id: $id) { currentAccommodation { name district since } } }";
    assert_eq!(
        ok(&app, tok, place, json!({ "id": a })).await["household"]["currentAccommodation"]["name"],
        "Wohnung Refrath"
    );
    ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-01\" }) { id } }", json!({ "h": a })).await;
    ok(&app, tok, "mutation($h: ID!, $o: ID!) { assignCarrier(householdId: $h, version: 1, organisationId: $o) { id } }", json!({ "h": a, "o": c.carrier })).await;
    let list = ok(
        &app,
        &c.cw.token,
        "{ households { edges { node { reference currentAccommodation { district } } } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        list["households"]["edges"][0]["node"]["currentAccommodation"]["district"],
        "Refrath"
    );
    // …but not the register itself.
    assert_eq!(
        err(&app, &c.cw.token, ACC, json!({ "id": nord["id"] }))
            .await
            .0,
        "FORBIDDEN"
    );
    assert_eq!(
        err(&app, &c.cw.token, MOVE_OUT, json!({ "h": a })).await.0,
        "FORBIDDEN"
    );

    ok(&app, tok, MOVE_OUT, json!({ "h": a })).await;
    assert!(
        ok(&app, tok, place, json!({ "id": a })).await["household"]["currentAccommodation"]
            .is_null()
    );
    assert_eq!(
        err(&app, tok, MOVE_OUT, json!({ "h": a })).await.0,
        "NOT_FOUND",
        "no current place"
    );

    // Capacity and use follow the residents; versions guard changes.
    let upd = "mutation($id: ID!, $v: Int!, $i: UpdateAccommodationInput!) { updateAccommodation(id: $id, version: $v, input: $i) { capacity version active } }";
    assert_eq!(
        err(
            &app,
            tok,
            upd,
            json!({ "id": nord["id"], "v": 1, "i": { "capacity": 1 } })
        )
        .await
        .1
        .as_deref(),
        Some("input.capacity")
    );
    assert_eq!(
        err(
            &app,
            tok,
            upd,
            json!({ "id": nord["id"], "v": 1, "i": { "active": false } })
        )
        .await
        .1
        .as_deref(),
        Some("input.active")
    );
    ok(
        &app,
        tok,
        upd,
        json!({ "id": nord["id"], "v": 1, "i": { "capacity": 6 } }),
    )
    .await;
    assert_eq!(
        err(
            &app,
            tok,
            upd,
            json!({ "id": nord["id"], "v": 1, "i": { "capacity": 8 } })
        )
        .await
        .0,
        "CONFLICT"
    );
    let rows = app
        .tenant_rows(
            c.t.id,
            "SELECT action FROM audit_log WHERE entity = 'occupancy' ORDER BY seq",
        )
        .await;
    let actions: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("", "action").unwrap())
        .collect();
    assert_eq!(
        actions,
        ["move_in", "move_in", "move_in", "move_out", "move_out"]
    );
}

#[tokio::test]
async fn rent_caps_apply_at_their_validity_boundaries() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let cap = |size: i64, rent: &str, from: &str, until: Option<&str>| json!({ "i": { "householdSize": size, "maxGrossColdRent": rent, "maxLivingSpace": 65.0, "validFrom": from, "validUntil": until } });
    assert_eq!(
        err(
            &app,
            &c.t.caseworker.token,
            ADD_CAP,
            cap(2, "500", "2026-01-01", None)
        )
        .await
        .0,
        "FORBIDDEN",
        "coordinators set caps"
    );
    ok(
        &app,
        &c.coord.token,
        ADD_CAP,
        cap(2, "500", "2026-01-01", None),
    )
    .await;
    ok(
        &app,
        &c.coord.token,
        ADD_CAP,
        cap(3, "600", "2026-01-01", None),
    )
    .await;
    let next = ok(
        &app,
        &c.coord.token,
        ADD_CAP,
        cap(2, "520.40", "2027-01-01", None),
    )
    .await;
    assert_eq!(next["addRentCap"]["maxGrossColdRent"], "520.40");
    let at = |on: &str| json!({ "on": on });
    let size2 = |d: &Value| -> Vec<String> {
        d["rentCaps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["householdSize"] == 2)
            .map(|c| c["maxGrossColdRent"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        size2(&ok(&app, &c.t.caseworker.token, CAPS, at("2026-01-01")).await),
        ["500.00"],
        "first day"
    );
    assert_eq!(
        size2(&ok(&app, &c.t.caseworker.token, CAPS, at("2026-12-31")).await),
        ["500.00"],
        "last day of the old cap"
    );
    assert_eq!(
        size2(&ok(&app, &c.t.caseworker.token, CAPS, at("2027-01-01")).await),
        ["520.40"],
        "first day of the new cap"
    );
    assert!(
        size2(&ok(&app, &c.t.caseworker.token, CAPS, at("2025-12-31")).await).is_empty(),
        "before any cap"
    );
    let all = ok(&app, &c.cw.token, CAPS, json!({})).await;
    assert_eq!(
        all["rentCaps"].as_array().unwrap().len(),
        3,
        "carriers read caps"
    );
    assert_eq!(
        all["rentCaps"][0]["validUntil"], "2026-12-31",
        "the open cap was closed the day before"
    );
    // Overlaps and nonsense are refused, naming the field.
    for (vars, field) in [
        (
            cap(2, "510", "2026-06-01", Some("2026-07-01")),
            "input.validFrom",
        ),
        (cap(0, "510", "2026-06-01", None), "input.householdSize"),
        (
            cap(4, "510", "2026-06-01", Some("2026-05-01")),
            "input.validUntil",
        ),
        (
            cap(4, "fünfhundert", "2026-06-01", None),
            "input.maxGrossColdRent",
        ),
        (cap(4, "510", "1.6.2026", None), "input.validFrom"),
    ] {
        assert_eq!(
            err(&app, &c.coord.token, ADD_CAP, vars).await,
            ("BAD_USER_INPUT".into(), Some(field.into()))
        );
    }
    assert_eq!(count(&app, &c.t, "rent_caps").await, 3);
    let other = city(&app).await;
    assert!(
        ok(&app, &other.t.caseworker.token, CAPS, json!({})).await["rentCaps"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn offers_move_through_their_states_and_carriers_see_open_ones_only() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let gag = ok(&app, tok, CREATE_LANDLORD, json!({ "i": { "kind": "HOUSING_COMPANY", "name": "GAG Immobilien AG", "partnerStatus": "PARTNER", "annualQuota": 100 } })).await["createLandlord"].clone();
    assert_eq!(gag["annualQuota"], 100);
    assert_eq!(
        err(&app, tok, CREATE_LANDLORD, json!({ "i": { "kind": "PRIVATE", "name": "Frau Beispiel", "partnerStatus": "PROSPECT", "annualQuota": 2 } })).await.1.as_deref(),
        Some("input.annualQuota")
    );
    let o =
        ok(&app, tok, CREATE_OFFER, json!({ "i": offer(&gag["id"]) })).await["createOffer"].clone();
    assert_eq!(o["grossColdRent"], "600.50");
    assert_eq!(o["rooms"], 2.5);
    assert_eq!(o["livingSpace"], 64.3);
    let second =
        ok(&app, tok, CREATE_OFFER, json!({ "i": offer(&gag["id"]) })).await["createOffer"].clone();
    ok(
        &app,
        tok,
        STATUS,
        json!({ "id": second["id"], "v": 1, "s": "WITHDRAWN" }),
    )
    .await;

    // Carriers: open offers only, read only.
    let list =
        "query($f: OfferFilterInput) { offers(filter: $f) { edges { node { id status } } } }";
    let seen = ok(&app, &c.cw.token, list, json!({})).await;
    assert_eq!(seen["offers"]["edges"].as_array().unwrap().len(), 1);
    assert_eq!(
        err(
            &app,
            &c.cw.token,
            "query($id: ID!) { offer(id: $id) { id } }",
            json!({ "id": second["id"] })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        err(
            &app,
            &c.cw.token,
            list,
            json!({ "f": { "status": "WITHDRAWN" } })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        err(
            &app,
            &c.cw.token,
            CREATE_OFFER,
            json!({ "i": offer(&gag["id"]) })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        err(
            &app,
            &c.cw.token,
            "{ landlords { edges { node { id } } } }",
            json!({})
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        err(
            &app,
            &c.cw.token,
            STATUS,
            json!({ "id": o["id"], "v": 1, "s": "RESERVED" })
        )
        .await
        .0,
        "FORBIDDEN"
    );

    // By hand only received → open → withdrawn; reserved and let come from the match
    // workflow (the moves tests), so a reservation cannot be undone behind it.
    for to in ["LET", "RESERVED", "RECEIVED"] {
        assert_eq!(
            err(&app, tok, STATUS, json!({ "id": o["id"], "v": 1, "s": to }))
                .await
                .1
                .as_deref(),
            Some("status"),
            "{to}"
        );
    }
    assert_eq!(
        err(
            &app,
            tok,
            STATUS,
            json!({ "id": o["id"], "v": 5, "s": "WITHDRAWN" })
        )
        .await
        .0,
        "CONFLICT",
        "stale version"
    );
    ok(
        &app,
        tok,
        STATUS,
        json!({ "id": o["id"], "v": 1, "s": "WITHDRAWN" }),
    )
    .await;
    assert_eq!(
        err(
            &app,
            tok,
            STATUS,
            json!({ "id": o["id"], "v": 2, "s": "OPEN" })
        )
        .await
        .1
        .as_deref(),
        Some("status"),
        "withdrawn is final"
    );
    let upd = "mutation($id: ID!, $v: Int!, $i: OfferInput!) { updateOffer(id: $id, version: $v, input: $i) { id } }";
    assert_eq!(
        err(
            &app,
            tok,
            upd,
            json!({ "id": o["id"], "v": 2, "i": offer(&gag["id"]) })
        )
        .await
        .1
        .as_deref(),
        Some("id")
    );
    let ls = ok(
        &app,
        tok,
        "{ landlords { edges { node { name deliveredThisYear annualQuota } } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        ls["landlords"]["edges"][0]["node"]["deliveredThisYear"], 0,
        "a withdrawn offer delivers nothing"
    );
    let ul = "mutation($id: ID!, $v: Int!) { updateLandlord(id: $id, version: $v, input: { kind: HOUSING_COMPANY, name: \"GAG\", partnerStatus: PARTNER, annualQuota: 120 }) { version annualQuota } }";
    assert_eq!(
        ok(&app, tok, ul, json!({ "id": gag["id"], "v": 1 })).await["updateLandlord"]["annualQuota"],
        120
    );
    assert_eq!(
        err(&app, tok, ul, json!({ "id": gag["id"], "v": 1 }))
            .await
            .0,
        "CONFLICT"
    );
}

#[tokio::test]
async fn bad_housing_input_names_the_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let gag = ok(
        &app,
        tok,
        CREATE_LANDLORD,
        json!({ "i": { "kind": "HOUSING_COMPANY", "name": "GAG", "partnerStatus": "PARTNER" } }),
    )
    .await["createLandlord"]["id"]
        .clone();
    let tables = [
        "accommodations",
        "occupancies",
        "landlords",
        "offers",
        "rent_caps",
        "audit_log",
    ];
    let mut before = Vec::new();
    for t in tables {
        before.push(count(&app, &c.t, t).await);
    }
    let with = |k: &str, v: Value| {
        let mut o = offer(&gag);
        o[k] = v;
        json!({ "i": o })
    };
    let mut acc = shelter("X", "Y", 0);
    let cases: Vec<(&str, Value, &str)> = vec![
        (CREATE_ACC, acc.clone(), "input.capacity"),
        (
            CREATE_ACC,
            {
                acc["i"]["capacity"] = json!(5);
                acc["i"]["postalCode"] = json!("123");
                acc.clone()
            },
            "input.postalCode",
        ),
        (
            CREATE_ACC,
            {
                acc["i"]["postalCode"] = json!("51465");
                acc["i"]["name"] = json!(" ");
                acc.clone()
            },
            "input.name",
        ),
        (CREATE_OFFER, with("rooms", json!(2.55)), "input.rooms"),
        (
            CREATE_OFFER,
            with("livingSpace", json!(0)),
            "input.livingSpace",
        ),
        (
            CREATE_OFFER,
            with("coldRent", json!("abc")),
            "input.coldRent",
        ),
        (CREATE_OFFER, with("deposit", json!("-5")), "input.deposit"),
        (
            CREATE_OFFER,
            with("availableFrom", json!("morgen")),
            "input.availableFrom",
        ),
        (
            CREATE_OFFER,
            with("availableFrom", json!("2999-01-01")),
            "input.availableFrom",
        ),
        (CREATE_OFFER, with("floor", json!(99)), "input.floor"),
        (
            CREATE_OFFER,
            with("maxPersons", json!(0)),
            "input.maxPersons",
        ),
        (
            CREATE_OFFER,
            with("landlordId", json!("0190a0c0-0000-7000-8000-000000000000")),
            "input.landlordId",
        ),
        (
            CREATE_OFFER,
            with("postalCode", json!("ABCDE")),
            "input.postalCode",
        ),
        (MOVE_IN, json!({ "h": "x", "a": "y" }), "householdId"),
        (
            "mutation { moveOut(householdId: \"0190a0c0-0000-7000-8000-000000000000\", on: \"2999-01-01\", reason: \"x\") { id } }",
            json!({}),
            "on",
        ),
        (
            "mutation { moveOut(householdId: \"0190a0c0-0000-7000-8000-000000000000\", reason: \"\") { id } }",
            json!({}),
            "reason",
        ),
        ("{ rentCaps(on: \"gestern\") { id } }", json!({}), "on"),
    ];
    for (q, vars, field) in cases {
        assert_eq!(
            err(&app, tok, q, vars.clone()).await,
            ("BAD_USER_INPUT".into(), Some(field.into())),
            "{q} {vars}"
        );
    }
    for (t, n) in tables.iter().zip(before) {
        assert_eq!(count(&app, &c.t, t).await, n, "{t} changed");
    }
}

#[tokio::test]
async fn another_citys_housing_ids_look_missing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let acc = ok(&app, tok, CREATE_ACC, shelter("Heim", "Mitte", 10)).await["createAccommodation"]
        ["id"]
        .clone();
    let h = household(&app, &c, "X-1", 1).await;
    ok(&app, tok, MOVE_IN, json!({ "h": h, "a": acc })).await;
    let gag = ok(
        &app,
        tok,
        CREATE_LANDLORD,
        json!({ "i": { "kind": "HOUSING_COMPANY", "name": "GAG", "partnerStatus": "PARTNER" } }),
    )
    .await["createLandlord"]["id"]
        .clone();
    let o =
        ok(&app, tok, CREATE_OFFER, json!({ "i": offer(&gag) })).await["createOffer"]["id"].clone();
    let other = city(&app).await;
    let own_h = household(&app, &other, "Y-1", 1).await;
    let own_acc = ok(
        &app,
        &other.t.caseworker.token,
        CREATE_ACC,
        shelter("Heim", "Mitte", 10),
    )
    .await["createAccommodation"]["id"]
        .clone();
    let audit_before = count(&app, &c.t, "audit_log").await;
    let ot = &other.t.caseworker.token;
    for (q, vars) in [
        (ACC, json!({ "id": acc })),
        (
            "mutation($id: ID!) { updateAccommodation(id: $id, version: 1, input: { capacity: 20 }) { id } }",
            json!({ "id": acc }),
        ),
        (MOVE_IN, json!({ "h": own_h, "a": acc })),
        (MOVE_IN, json!({ "h": h, "a": own_acc })),
        (MOVE_OUT, json!({ "h": h })),
        (
            "mutation($id: ID!) { updateLandlord(id: $id, version: 1, input: { kind: PRIVATE, name: \"x\", partnerStatus: ENDED }) { id } }",
            json!({ "id": gag }),
        ),
        (
            "query($id: ID!) { offer(id: $id) { id } }",
            json!({ "id": o }),
        ),
        (
            "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }",
            json!({ "id": o, "i": offer(&gag) }),
        ),
        (STATUS, json!({ "id": o, "v": 1, "s": "WITHDRAWN" })),
    ] {
        assert_eq!(err(&app, ot, q, vars.clone()).await.0, "NOT_FOUND", "{q}");
    }
    // Another city's landlord is no landlord here.
    assert_eq!(
        err(&app, ot, CREATE_OFFER, json!({ "i": offer(&gag) }))
            .await
            .1
            .as_deref(),
        Some("input.landlordId")
    );
    for q in [
        "{ accommodations { edges { node { id } } } }",
        "{ landlords { edges { node { id } } } }",
        "{ offers { edges { node { id } } } }",
    ] {
        let d = ok(&app, ot, q, json!({})).await;
        let key = d.as_object().unwrap().keys().next().unwrap().clone();
        let n = d[&key]["edges"].as_array().unwrap().len();
        assert_eq!(n, if key == "accommodations" { 1 } else { 0 }, "{q}");
    }
    assert_eq!(
        count(&app, &c.t, "audit_log").await,
        audit_before,
        "nothing written in the first city"
    );
    // Platform users and city admins have no housing data at all.
    let officer = app.platform_user("Stella Land", Role::StateOfficer).await;
    let admin = app
        .user(&c.t, c.t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    for u in [&officer, &admin] {
        assert_eq!(
            err(
                &app,
                &u.token,
                "{ offers { edges { node { id } } } }",
                json!({})
            )
            .await
            .0,
            "FORBIDDEN"
        );
    }
}

#[tokio::test]
async fn housing_lists_run_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let gag = ok(&app, tok, CREATE_LANDLORD, json!({ "i": { "kind": "HOUSING_COMPANY", "name": "GAG", "partnerStatus": "PARTNER", "annualQuota": 10 } })).await["createLandlord"]["id"].clone();
    for i in 0..30 {
        ok(
            &app,
            tok,
            CREATE_ACC,
            shelter(
                &format!("Heim {i}"),
                if i % 2 == 0 { "Kalk" } else { "Porz" },
                10,
            ),
        )
        .await;
        ok(&app, tok, CREATE_OFFER, json!({ "i": offer(&gag) })).await;
        ok(&app, tok, CREATE_LANDLORD, json!({ "i": { "kind": "PRIVATE", "name": format!("Vermieter {i}"), "partnerStatus": "PROSPECT" } })).await;
    }
    let lists = [
        "query($n: Int!) { accommodations(first: $n) { edges { node { id occupied freePlaces } } } }",
        "query($n: Int!) { offers(first: $n) { edges { node { id grossColdRent status } } } }",
        "query($n: Int!) { landlords(first: $n) { edges { node { id deliveredThisYear } } } }",
    ];
    for q in lists {
        ok(&app, tok, q, json!({ "n": 1 })).await;
        let mut used = Vec::new();
        for n in [30, 3] {
            let before = app.db.statements();
            ok(&app, tok, q, json!({ "n": n })).await;
            used.push(app.db.statements() - before);
        }
        assert_eq!(
            used[0], used[1],
            "{q}: statements depend on the page size: {used:?}"
        );
    }
}
