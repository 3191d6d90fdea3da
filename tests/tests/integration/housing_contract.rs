//! Every housing operation against the three walls a caller must never pass — another
//! city, another carrier, bad input — table-driven, so no operation is left out:
//! another city's ids and another carrier's households look missing (`NOT_FOUND`),
//! what only city staff may do is `FORBIDDEN` for a carrier, bad input names its field,
//! and none of it writes anything.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, day, ok, refused};

/// A city with everything housing holds: a shelter, a landlord, an open offer, two
/// searching households (one per carrier), a proposed match, a guarantee request and
/// an approved deposit loan with its repayment plan.
struct City {
    t: TestTenant,
    coord: TestUser,
    /// Caseworker of the carrier the first household is assigned to.
    cw: TestUser,
    /// Caseworker of another carrier.
    other_cw: TestUser,
    shelter: Value,
    landlord: Value,
    offer: Value,
    household: Value,
    other_household: Value,
    matched: Value,
    requested: Value,
    loan: Value,
}

async fn searching(
    app: &TestApp,
    t: &TestTenant,
    shelter: &Value,
    reference: &str,
    carrier: &str,
) -> Value {
    let tok = &t.caseworker.token;
    let id = ok(app, tok, "mutation($r: String!) { createHousehold(input: { reference: $r, members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
        residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }", json!({ "r": reference }))
        .await["createHousehold"]["id"].clone();
    ok(
        app,
        tok,
        "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a) { id } }",
        json!({ "h": id, "a": shelter }),
    )
    .await;
    ok(app, tok, "mutation($h: ID!) { recordReadinessAssessment(householdId: $h, input: { assessedOn: \"2026-01-02\", rentPayment: MET, householdManagement: MET,
        neighbourhood: MET, tenancyLanguage: MET, idDocument: true, incomeProof: true, schufa: true, overall: READY }) { id } }", json!({ "h": id })).await;
    for (v, to) in [(1, "ACTIVE"), (2, "SEARCHING")] {
        ok(app, tok, "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"x\") { id } }", json!({ "h": id, "v": v, "to": to })).await;
    }
    for scope in ["SHARE_WITH_LANDLORDS", "SHARE_WITH_CARRIER"] {
        ok(app, tok, "mutation($h: ID!, $s: ConsentScope!) { recordConsent(householdId: $h, input: { scope: $s, givenOn: \"2026-01-05\" }) { id } }", json!({ "h": id, "s": scope })).await;
    }
    ok(app, tok, "mutation($h: ID!, $o: ID!) { assignCarrier(householdId: $h, version: 3, organisationId: $o) { id } }", json!({ "h": id, "o": carrier })).await;
    id
}

async fn city(app: &TestApp) -> City {
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
    let caritas = app
        .organisation(&t, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    let drk = app
        .organisation(&t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let cw = app
        .user(&t, caritas, "Carla Caritas", &[Role::CarrierCaseworker])
        .await;
    let other_cw = app
        .user(&t, drk, "Dora DRK", &[Role::CarrierCaseworker])
        .await;
    ok(app, &coord.token, "mutation { addRentCap(input: { householdSize: 1, maxGrossColdRent: \"600\", validFrom: \"2026-01-01\" }) { id } }", json!({})).await;
    let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    ok(app, &coord.token, "mutation($y: Int!) { setGuaranteeBudget(year: $y, kind: DEPOSIT, amount: \"10000\", version: 0) { version } }", json!({ "y": year })).await;
    let shelter = ok(app, &tok, "mutation { createAccommodation(input: { name: \"Heim\", kind: SHELTER, street: \"S 1\", postalCode: \"50667\", district: \"Nippes\", capacity: 10 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    let landlord = ok(app, &tok, "mutation { createLandlord(input: { kind: HOUSING_COMPANY, name: \"GAG\", contact: \"vermietung@gag.example\", partnerStatus: PARTNER, annualQuota: 100 }) { id } }", json!({})).await["createLandlord"]["id"].clone();
    let offer = ok(app, &tok, "mutation($l: ID!, $d: String!) { createOffer(input: { landlordId: $l, street: \"K 5\", postalCode: \"51103\", district: \"Kalk\",
        rooms: 2.0, livingSpace: 50.0, coldRent: \"400\", serviceCharges: \"90\", heating: \"60\", deposit: \"1200\", availableFrom: $d }) { id } }",
        json!({ "l": landlord, "d": day(0) })).await["createOffer"]["id"].clone();
    let household = searching(app, &t, &shelter, "HC-1", &caritas.to_string()).await;
    let other_household = searching(app, &t, &shelter, "HC-2", &drk.to_string()).await;
    let matched = ok(
        app,
        &tok,
        "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
        json!({ "o": offer, "h": household }),
    )
    .await["proposeMatch"]["id"]
        .clone();
    let requested = ok(app, &tok, "mutation($h: ID!, $m: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"500\", justification: \"Kaution\", matchId: $m }) { id } }", json!({ "h": household, "m": matched })).await["requestGuarantee"]["id"].clone();
    let loan = ok(app, &tok, "mutation($h: ID!, $m: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"1200\", justification: \"Kaution\", matchId: $m }) { id } }", json!({ "h": household, "m": matched })).await["requestGuarantee"]["id"].clone();
    ok(
        app,
        &coord.token,
        "mutation($id: ID!) { decideGuarantee(id: $id, version: 1, approve: true) { id } }",
        json!({ "id": loan }),
    )
    .await;
    ok(app, &tok, "mutation($id: ID!) { agreeRepayment(id: $id, version: 2, instalment: \"100\", instalments: 12) { id } }", json!({ "id": loan })).await;
    ok(
        app,
        &tok,
        "mutation { setDistrictHousingStock(district: \"Kalk\", dwellings: 1000) }",
        json!({}),
    )
    .await;
    City {
        t,
        coord,
        cw,
        other_cw,
        shelter,
        landlord,
        offer,
        household,
        other_household,
        matched,
        requested,
        loan,
    }
}

/// Every housing operation that names a record, called with city `c`'s ids.
fn calls_by_id(c: &City) -> Vec<(&'static str, Value)> {
    let offer_input = json!({ "landlordId": c.landlord, "street": "K 5", "postalCode": "51103", "district": "Kalk", "rooms": 2.0,
        "livingSpace": 50.0, "coldRent": "410", "serviceCharges": "90", "heating": "60", "deposit": "1200", "availableFrom": day(0) });
    vec![
        (
            "query($id: ID!) { accommodation(id: $id) { id } }",
            json!({ "id": c.shelter }),
        ),
        (
            "mutation($id: ID!) { updateAccommodation(id: $id, version: 1, input: { capacity: 12 }) { id } }",
            json!({ "id": c.shelter }),
        ),
        (
            "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a, relocate: true) { id } }",
            json!({ "h": c.household, "a": c.shelter }),
        ),
        (
            "mutation($h: ID!) { moveOut(householdId: $h, reason: \"x\") { id } }",
            json!({ "h": c.household }),
        ),
        (
            "mutation($id: ID!) { updateLandlord(id: $id, version: 1, input: { kind: HOUSING_COMPANY, name: \"X\", partnerStatus: PARTNER }) { id } }",
            json!({ "id": c.landlord }),
        ),
        (
            "query($id: ID!) { offer(id: $id) { id } }",
            json!({ "id": c.offer }),
        ),
        (
            "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }",
            json!({ "id": c.offer, "i": offer_input }),
        ),
        (
            "mutation($id: ID!) { setOfferStatus(id: $id, version: 1, status: WITHDRAWN) { id } }",
            json!({ "id": c.offer }),
        ),
        (
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o) { householdId } }",
            json!({ "o": c.offer }),
        ),
        (
            "query($h: ID!) { rankOffersForHousehold(householdId: $h) { score } }",
            json!({ "h": c.household }),
        ),
        (
            "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
            json!({ "o": c.offer, "h": c.household }),
        ),
        (
            "mutation($id: ID!, $d: String!) { scheduleViewing(id: $id, version: 1, on: $d) { id } }",
            json!({ "id": c.matched, "d": day(1) }),
        ),
        (
            "mutation($id: ID!) { recordLandlordAcceptance(id: $id, version: 1) { id } }",
            json!({ "id": c.matched }),
        ),
        (
            "mutation($id: ID!) { declineMatch(id: $id, version: 1, reason: HOUSEHOLD_REFUSED_FLAT) { id } }",
            json!({ "id": c.matched }),
        ),
        (
            "mutation($id: ID!) { withdrawMatch(id: $id, version: 1) { id } }",
            json!({ "id": c.matched }),
        ),
        (
            "mutation($id: ID!, $d: String!) { signLease(id: $id, version: 1, signedOn: $d, moveInOn: $d) { id } }",
            json!({ "id": c.matched, "d": day(0) }),
        ),
        (
            "mutation($id: ID!, $d: String!) { recordBenefitOfficeDecision(id: $id, version: 1, decision: ACCEPTED, decidedOn: $d) { id } }",
            json!({ "id": c.matched, "d": day(0) }),
        ),
        (
            "mutation($h: ID!, $m: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"100\", justification: \"x\", matchId: $m }) { id } }",
            json!({ "h": c.household, "m": c.matched }),
        ),
        (
            "mutation($id: ID!) { decideGuarantee(id: $id, version: 1, approve: true) { id } }",
            json!({ "id": c.requested }),
        ),
        (
            "mutation($id: ID!) { agreeRepayment(id: $id, version: 3, instalment: \"200\", instalments: 6) { id } }",
            json!({ "id": c.loan }),
        ),
        (
            "mutation($id: ID!) { recordRepayment(id: $id, amount: \"100\") { id } }",
            json!({ "id": c.loan }),
        ),
    ]
}

#[tokio::test]
async fn another_citys_housing_records_look_missing_and_its_lists_stay_its_own() {
    let app = TestApp::spawn().await;
    let a = city(&app).await;
    let b = city(&app).await;
    let before = app.audited_changes(a.t.id).await;
    for (q, vars) in calls_by_id(&a) {
        // The coordinator holds every city right, so no role check answers first.
        let (got, _) = refused(&app, &b.coord.token, q, &vars).await;
        assert_eq!(got, "NOT_FOUND", "{q}");
    }
    assert_eq!(
        app.audited_changes(a.t.id).await,
        before,
        "nothing of city A changed"
    );
    // Lists and figures of B show none of A's records; B's own writes leave A alone.
    let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    let lists = [
        ("{ accommodations { edges { node { id } } } }", json!({})),
        ("{ landlords { edges { node { id } } } }", json!({})),
        ("{ offers { edges { node { id } } } }", json!({})),
        ("{ matches { edges { node { id } } } }", json!({})),
        ("{ guarantees { edges { node { id } } } }", json!({})),
        ("{ rentCaps { id } }", json!({})),
        ("{ occupancyByDistrict { district occupied } }", json!({})),
        (
            "query($y: Int!) { guaranteeBudgets(year: $y) { budget committed } }",
            json!({ "y": year }),
        ),
        (
            "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { district } }",
            json!({ "f": day(-30), "t": day(0) }),
        ),
    ];
    let ids_of_a = [
        &a.shelter,
        &a.landlord,
        &a.offer,
        &a.matched,
        &a.requested,
        &a.loan,
    ];
    for (q, vars) in &lists {
        let seen = ok(&app, &b.coord.token, q, vars.clone()).await.to_string();
        for id in ids_of_a {
            assert!(!seen.contains(id.as_str().unwrap()), "{q} shows A's {id}");
        }
    }
    ok(
        &app,
        &b.coord.token,
        "mutation { setDistrictHousingStock(district: \"Kalk\", dwellings: 5) }",
        json!({}),
    )
    .await;
    ok(&app, &b.coord.token, "mutation { addRentCap(input: { householdSize: 1, maxGrossColdRent: \"300\", validFrom: \"2026-06-01\" }) { id } }", json!({})).await;
    ok(&app, &b.coord.token, "mutation($y: Int!) { setGuaranteeBudget(year: $y, kind: DEPOSIT, amount: \"5000\", version: 1) { version } }", json!({ "y": year })).await;
    let caps = ok(
        &app,
        &a.coord.token,
        "{ rentCaps { maxGrossColdRent validUntil } }",
        json!({}),
    )
    .await;
    assert_eq!(
        caps["rentCaps"][0]["maxGrossColdRent"], "600.00",
        "A's cap stands: {caps}"
    );
    assert!(
        caps["rentCaps"][0]["validUntil"].is_null(),
        "B's new cap closed none of A's"
    );
    let budget = ok(
        &app,
        &a.coord.token,
        "query($y: Int!) { guaranteeBudgets(year: $y) { kind budget } }",
        json!({ "y": year }),
    )
    .await;
    assert!(
        budget.to_string().contains("10000.00"),
        "A's budget stands: {budget}"
    );
}

#[tokio::test]
async fn a_carrier_reaches_only_its_own_households_and_never_what_city_staff_decide() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let before = app.audited_changes(c.t.id).await;
    // The first household, its match and its guarantees belong to Caritas: for DRK's
    // caseworker they do not exist; what only city staff do is refused outright.
    let city_only = [
        "accommodation",
        "updateAccommodation",
        "moveIn",
        "moveOut",
        "updateLandlord",
        "updateOffer",
        "setOfferStatus",
        "signLease",
        "decideGuarantee",
        "agreeRepayment",
        "recordRepayment",
    ];
    for (q, vars) in calls_by_id(&c) {
        let op = q
            .split('{')
            .nth(1)
            .and_then(|r| r.split('(').next())
            .unwrap_or_default()
            .trim()
            .to_owned();
        if ["offer", "rankHouseholdsForOffer"].contains(&op.as_str()) {
            // An open offer and its ranking (of the carrier's own households) are
            // visible to a carrier.
            ok(&app, &c.other_cw.token, q, vars.clone()).await;
            continue;
        }
        let expected = if city_only.contains(&op.as_str()) {
            "FORBIDDEN"
        } else {
            "NOT_FOUND"
        };
        let (got, _) = refused(&app, &c.other_cw.token, q, &vars).await;
        assert_eq!(got, expected, "{op}: {q}");
    }
    for q in [
        "mutation { createAccommodation(input: { name: \"X\", kind: SHELTER, street: \"S\", postalCode: \"50667\", district: \"Nippes\", capacity: 1 }) { id } }",
        "mutation { createLandlord(input: { kind: PRIVATE, name: \"X\", partnerStatus: PROSPECT }) { id } }",
        "mutation { addRentCap(input: { householdSize: 2, maxGrossColdRent: \"600\", validFrom: \"2026-01-01\" }) { id } }",
        "mutation { setGuaranteeBudget(year: 2026, kind: RENT_ASSUMPTION, amount: \"1\", version: 0) { version } }",
        "mutation { setDistrictHousingStock(district: \"Porz\", dwellings: 5) }",
    ] {
        for token in [&c.cw.token, &c.other_cw.token] {
            assert_eq!(
                refused(&app, token, q, &json!({})).await.0,
                "FORBIDDEN",
                "{q}"
            );
        }
    }
    let offer_input = json!({ "landlordId": c.landlord, "street": "K 5", "postalCode": "51103", "district": "Kalk", "rooms": 2.0,
        "livingSpace": 50.0, "coldRent": "410", "serviceCharges": "90", "heating": "60", "deposit": "1200", "availableFrom": day(0) });
    assert_eq!(
        refused(
            &app,
            &c.cw.token,
            "mutation($i: OfferInput!) { createOffer(input: $i) { id } }",
            &json!({ "i": offer_input })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    // Lists: a carrier sees its own households' matches and guarantees only.
    let mine = ok(
        &app,
        &c.cw.token,
        "{ matches { edges { node { id } } } guarantees { edges { node { id } } } }",
        json!({}),
    )
    .await
    .to_string();
    assert!(
        mine.contains(c.matched.as_str().unwrap()) && mine.contains(c.loan.as_str().unwrap()),
        "{mine}"
    );
    let theirs = ok(
        &app,
        &c.other_cw.token,
        "{ matches { edges { node { id } } } guarantees { edges { node { id } } } }",
        json!({}),
    )
    .await
    .to_string();
    assert!(
        !theirs.contains(c.matched.as_str().unwrap()) && !theirs.contains(c.loan.as_str().unwrap()),
        "{theirs}"
    );
    assert_eq!(
        app.audited_changes(c.t.id).await,
        before,
        "nothing was written"
    );
    // Matching its household, a carrier sees who the landlord is and how to reach
    // them — on the offer, in the offer list and in its household's ranking — and
    // nothing else of the landlord register.
    let seen = ok(
        &app,
        &c.other_cw.token,
        "query($o: ID!, $h: ID!) { offer(id: $o) { landlordName landlordContact }
           offers { edges { node { landlordName } } }
           rankOffersForHousehold(householdId: $h) { offer { landlordName landlordContact } } }",
        json!({ "o": c.offer, "h": c.other_household }),
    )
    .await;
    assert_eq!(
        seen["offer"],
        json!({ "landlordName": "GAG", "landlordContact": "vermietung@gag.example" })
    );
    assert_eq!(seen["offers"]["edges"][0]["node"]["landlordName"], "GAG");
    assert_eq!(
        seen["rankOffersForHousehold"][0]["offer"]["landlordContact"], "vermietung@gag.example",
        "{seen}"
    );
    assert_eq!(
        refused(
            &app,
            &c.other_cw.token,
            "{ landlords { edges { node { id } } } }",
            &json!({})
        )
        .await
        .0,
        "FORBIDDEN"
    );
    // Its own: DRK proposes its household for the open offer; Caritas works its match
    // and withdraws it.
    ok(
        &app,
        &c.other_cw.token,
        "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
        json!({ "o": c.offer, "h": c.other_household }),
    )
    .await;
    let w = ok(&app, &c.cw.token, "mutation($id: ID!) { withdrawMatch(id: $id, version: 1, text: \"zieht zu Verwandten\") { status declineText } }", json!({ "id": c.matched })).await;
    assert_eq!(w["withdrawMatch"]["status"], "WITHDRAWN");
}

#[tokio::test]
async fn bad_housing_input_names_its_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let coord = &c.coord.token;
    let offer_with = |field: &str, value: Value| {
        let mut i = json!({ "landlordId": c.landlord, "street": "K 5", "postalCode": "51103", "district": "Kalk", "rooms": 2.0,
            "livingSpace": 50.0, "coldRent": "410", "serviceCharges": "90", "heating": "60", "deposit": "1200", "availableFrom": day(0) });
        i[field] = value;
        json!({ "id": c.offer, "i": i })
    };
    let cases: Vec<(&str, &str, Value, &str)> = vec![
        (
            tok,
            "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }",
            offer_with("coldRent", json!("viel")),
            "input.coldRent",
        ),
        (
            tok,
            "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }",
            offer_with("rooms", json!(-1.0)),
            "input.rooms",
        ),
        (
            tok,
            "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }",
            offer_with("postalCode", json!("5")),
            "input.postalCode",
        ),
        (
            tok,
            "mutation($id: ID!) { updateLandlord(id: $id, version: 1, input: { kind: PRIVATE, name: \"\", partnerStatus: PARTNER }) { id } }",
            json!({ "id": c.landlord }),
            "input.name",
        ),
        (
            tok,
            "mutation($id: ID!) { updateLandlord(id: $id, version: 1, input: { kind: PRIVATE, name: \"X\", partnerStatus: PARTNER, annualQuota: -3 }) { id } }",
            json!({ "id": c.landlord }),
            "input.annualQuota",
        ),
        (
            tok,
            "mutation($id: ID!) { setOfferStatus(id: $id, version: 1, status: LET) { id } }",
            json!({ "id": c.offer }),
            "status",
        ),
        (
            tok,
            "mutation($id: ID!) { declineMatch(id: $id, version: 1, reason: OTHER) { id } }",
            json!({ "id": c.matched }),
            "text",
        ),
        (
            tok,
            "mutation { withdrawMatch(id: \"not-an-id\", version: 1) { id } }",
            json!({}),
            "id",
        ),
        (
            coord,
            "mutation { setDistrictHousingStock(district: \"Kalk\", dwellings: -1) }",
            json!({}),
            "dwellings",
        ),
        (
            coord,
            "mutation { setDistrictHousingStock(district: \"\", dwellings: 5) }",
            json!({}),
            "district",
        ),
        (
            tok,
            "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { district } }",
            json!({ "f": day(0), "t": day(-30) }),
            "to",
        ),
        (
            tok,
            "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { district } }",
            json!({ "f": "gestern", "t": day(0) }),
            "from",
        ),
        (
            tok,
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, first: 0) { score } }",
            json!({ "o": c.offer }),
            "first",
        ),
        (
            tok,
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, first: 1000) { score } }",
            json!({ "o": c.offer }),
            "first",
        ),
        (
            tok,
            "query($h: ID!) { rankOffersForHousehold(householdId: $h, first: 0) { score } }",
            json!({ "h": c.household }),
            "first",
        ),
        (
            tok,
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, offset: -1) { score } }",
            json!({ "o": c.offer }),
            "offset",
        ),
        (
            tok,
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, offset: 100001) { score } }",
            json!({ "o": c.offer }),
            "offset",
        ),
        (
            tok,
            "query($h: ID!) { rankOffersForHousehold(householdId: $h, offset: -1) { score } }",
            json!({ "h": c.household }),
            "offset",
        ),
        (
            tok,
            "query { rankOffersForHousehold(householdId: \"x\") { score } }",
            json!({}),
            "householdId",
        ),
        (
            tok,
            "mutation($id: ID!) { recordRepayment(id: $id, amount: \"-5\") { id } }",
            json!({ "id": c.loan }),
            "amount",
        ),
        (
            tok,
            "mutation($id: ID!) { agreeRepayment(id: $id, version: 3, instalment: \"10\", instalments: 500) { id } }",
            json!({ "id": c.loan }),
            "instalments",
        ),
        (
            coord,
            "mutation { addRentCap(input: { householdSize: 0, maxGrossColdRent: \"600\", validFrom: \"2026-01-01\" }) { id } }",
            json!({}),
            "input.householdSize",
        ),
        (
            coord,
            "mutation { setGuaranteeBudget(year: 1999, kind: DEPOSIT, amount: \"5\") { version } }",
            json!({}),
            "year",
        ),
        (
            tok,
            "mutation($a: ID!) { updateAccommodation(id: $a, version: 1, input: { capacity: -2 }) { id } }",
            json!({ "a": c.shelter }),
            "input.capacity",
        ),
    ];
    let before = app.audited_changes(c.t.id).await;
    for (token, q, vars, field) in &cases {
        let (got, f) = refused(&app, token, q, vars).await;
        assert_eq!(
            (got.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(*field)),
            "{q}"
        );
    }
    assert_eq!(
        app.audited_changes(c.t.id).await,
        before,
        "nothing was written"
    );
}

#[tokio::test]
async fn an_offer_is_updated_and_a_match_withdrawn_by_city_staff() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let i = json!({ "landlordId": c.landlord, "street": "Kalker Hauptstr. 7", "postalCode": "51103", "district": "Kalk", "rooms": 3.0,
        "livingSpace": 68.5, "coldRent": "520", "serviceCharges": "110", "heating": "70", "deposit": "1560", "availableFrom": day(3),
        "wbsRequired": true, "stepFree": true, "maxPersons": 4 });
    let u = ok(&app, tok, "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { street rooms livingSpace coldRent wbsRequired stepFree maxPersons version } }",
        json!({ "id": c.offer, "i": i })).await["updateOffer"].clone();
    assert_eq!(u["street"], "Kalker Hauptstr. 7");
    assert_eq!(u["rooms"], 3.0);
    assert_eq!(u["livingSpace"], 68.5);
    assert_eq!(u["coldRent"], "520.00");
    assert_eq!(
        (
            u["wbsRequired"].clone(),
            u["stepFree"].clone(),
            u["maxPersons"].clone()
        ),
        (json!(true), json!(true), json!(4))
    );
    assert_eq!(u["version"], 2);
    assert_eq!(refused(&app, tok, "mutation($id: ID!, $i: OfferInput!) { updateOffer(id: $id, version: 1, input: $i) { id } }", &json!({ "id": c.offer, "i": i })).await.0, "CONFLICT", "a stale version");
    let w = ok(&app, tok, "mutation($id: ID!) { withdrawMatch(id: $id, version: 1, text: \"Wohnung zu weit vom Arbeitsplatz\") { status declineReason declineText version } }", json!({ "id": c.matched })).await["withdrawMatch"].clone();
    assert_eq!(w["status"], "WITHDRAWN");
    assert!(w["declineReason"].is_null());
    assert_eq!(w["declineText"], "Wohnung zu weit vom Arbeitsplatz");
    assert_eq!(
        refused(
            &app,
            tok,
            "mutation($id: ID!) { withdrawMatch(id: $id, version: 2) { id } }",
            &json!({ "id": c.matched })
        )
        .await
        .0,
        "BAD_USER_INPUT",
        "closed already"
    );
    let h = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { state } }",
        json!({ "id": c.household }),
    )
    .await;
    assert_eq!(
        h["household"]["state"], "SEARCHING",
        "no open match left: searching again"
    );
    let log = app.tenant_rows(c.t.id, "SELECT action FROM audit_log WHERE action IN ('withdraw', 'update') AND entity IN ('match', 'offer')").await;
    assert_eq!(log.len(), 2, "both audited");
}

/// The statements the README's read table allows `name` on SQLite or PostgreSQL.
pub(crate) fn readme_statements(name: &str, pg: bool) -> u64 {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let column = if pg { 3 } else { 2 };
    readme
        .lines()
        .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
        .find(|cells| cells.len() > 3 && cells[1] == name)
        .unwrap_or_else(|| panic!("the README's read table has no row {name}"))[column]
        .parse()
        .unwrap()
}

/// The statement count of each main read, as the README lists it: measured here on
/// the running backend (the principal's statements included), printed as a
/// table, and never more than a page-size-independent bound.
#[tokio::test]
async fn the_main_reads_cost_a_small_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    let reads: Vec<(&str, String, Value)> = vec![
        ("`households` (page with members, carrier, readiness)", "{ households(first: 50) { edges { node { id reference state readiness carrier { name } members { givenName } } } } }".into(), json!({})),
        ("`household` (with history and consents)", "query($h: ID!) { household(id: $h) { id state stateHistory { toState } consents { scope } } }".into(), json!({ "h": c.household })),
        ("`accommodations` (with occupancy)", "{ accommodations(first: 50) { edges { node { id occupied freePlaces } } } }".into(), json!({})),
        ("`landlords` (with flats let this year)", "{ landlords(first: 50) { edges { node { id deliveredThisYear } } } }".into(), json!({})),
        ("`offers` (with the landlord's name)", "{ offers(first: 50) { edges { node { id grossColdRent landlordName } } } }".into(), json!({})),
        ("`matches`", "{ matches(first: 50) { edges { node { id status } } } }".into(), json!({})),
        ("`guarantees` (with repaid amounts)", "{ guarantees(first: 50) { edges { node { id status repaid } } } }".into(), json!({})),
        ("`guaranteeBudgets`", format!("{{ guaranteeBudgets(year: {year}) {{ kind committed remaining }} }}"), json!({})),
        ("`placements`", "{ placements(first: 50) { edges { node { id source } } } }".into(), json!({})),
        ("`rankHouseholdsForOffer`", "query($o: ID!) { rankHouseholdsForOffer(offerId: $o) { householdId score } }".into(), json!({ "o": c.offer })),
        ("`rankOffersForHousehold`", "query($h: ID!) { rankOffersForHousehold(householdId: $h) { score offer { landlordName } } }".into(), json!({ "h": c.other_household })),
        ("`segregationIndicator`", "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { district } }".into(), json!({ "f": day(-30), "t": day(0) })),
        ("`returnsAfterMoves`", "{ returnsAfterMoves { months source observed returned } }".into(), json!({})),
        ("`node` (a household, with history and consents)", "query($h: ID!) { node(id: $h) { id ... on Household { state stateHistory { toState } consents { scope } } } }".into(), json!({ "h": c.household })),
        ("`node` (an offer, with the landlord's name)", "query($o: ID!) { node(id: $o) { id ... on Offer { grossColdRent landlordName } } }".into(), json!({ "o": c.offer })),
        ("`households` with `totalCount` (no parts)", "{ households(first: 50) { totalCount edges { node { id reference state } } } }".into(), json!({})),
        ("`worklist` (every section, a coordinator's guarantees too)", "{ worklist { followUps { householdId } overdueSteps { householdId } incomingTransfers { householdId } permitsExpiring { householdId } benefitSwitches { householdId } inCoaching { householdId } guaranteeRequests { id } } }".into(), json!({})),
    ];
    // The README's table is the contract: each read costs at most what it says for
    // this backend (the principal comes from the cache after the first request).
    let pg = app.pg_admin().await.is_some();
    let documented = |name: &str| readme_statements(name, pg);
    let mut table = String::from("| read | statements |\n|---|---|\n");
    for (name, q, vars) in &reads {
        ok(&app, &c.coord.token, q, vars.clone()).await; // warm caches
        let before = app.db.statements();
        ok(&app, &c.coord.token, q, vars.clone()).await;
        let used = app.db.statements() - before;
        table.push_str(&format!("| {name} | {used} |\n"));
        assert!(
            used <= documented(name),
            "{name}: {used} statements, the README says {}",
            documented(name)
        );
    }
    eprintln!("{table}");
}

/// A read fetches residence, benefit and nationality columns only when the query asks
/// for them: the household page with members' names never selects them, and the
/// rankings select neither them nor anything else personal (notes, names); asking for
/// a member's residence does select it. Checked on the SQL text the server sent
/// (placeholders only).
#[tokio::test]
async fn reads_select_residence_data_only_when_the_query_asks_for_it() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let residence = [
        "\"persons\".\"residence\"",
        "\"persons\".\"permit_expires_on\"",
        "\"persons\".\"benefit\"",
        "\"persons\".\"benefit_changes_on\"",
        "\"persons\".\"nationality\"",
    ];
    let personal = [
        &residence[..],
        &[
            "\"persons\"",
            "\"households\".\"notes\"",
            "\"households\".\"accommodation\"",
        ],
    ]
    .concat();
    let sent = |cols: &[&'static str], sql: &[String]| -> Vec<&'static str> {
        cols.iter()
            .copied()
            .filter(|col| sql.iter().any(|s| s.contains(col)))
            .collect()
    };
    let lean: Vec<(&str, Value, &[&str])> = vec![
        (
            "{ households(first: 50) { edges { node { id members { givenName familyName } } } } }",
            json!({}),
            &residence,
        ),
        (
            "query($o: ID!) { rankHouseholdsForOffer(offerId: $o, includeExcluded: true) { householdId score explanation { failedRules } } }",
            json!({ "o": c.offer }),
            &personal,
        ),
        (
            "query($h: ID!) { rankOffersForHousehold(householdId: $h, includeExcluded: true) { score } }",
            json!({ "h": c.other_household }),
            &personal,
        ),
    ];
    for (q, vars, forbidden) in lean {
        let before = app.db.statements();
        app.db.record_sql();
        let data = ok(&app, &c.coord.token, q, vars).await;
        let sql = app.db.recorded_sql();
        assert!(data.to_string().len() > 40, "{q} returned data: {data}");
        assert_eq!(
            sql.len() as u64,
            app.db.statements() - before,
            "every statement recorded"
        );
        assert_eq!(sent(forbidden, &sql), Vec::<&str>::new(), "{q}: {sql:#?}");
    }
    app.db.record_sql();
    ok(
        &app,
        &c.coord.token,
        "{ households(first: 50) { edges { node { id members { givenName residenceStatus permitExpiresOn } } } } }",
        json!({}),
    )
    .await;
    let sql = app.db.recorded_sql();
    assert!(
        sent(&residence, &sql).contains(&"\"persons\".\"permit_expires_on\""),
        "asked for, selected: {sql:#?}"
    );
}
