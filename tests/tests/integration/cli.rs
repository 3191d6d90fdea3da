//! Demo data and the `wohnweg token` path, as the CLI runs them.

use std::time::Duration;

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use wohnweg_gateway::cli::{TokenRequest, issue_dev_token};
use wohnweg_gateway::demo;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, first_code};

const VIEWER: &str =
    "{ viewer { displayName roles tenant { slug name } organisation { slug kind } } }";

fn req(tenant: Option<&str>, role: Role, org: Option<&str>) -> TokenRequest {
    TokenRequest {
        tenant: tenant.map(str::to_owned),
        role,
        org: org.map(str::to_owned),
        user: None,
        ttl: Duration::from_secs(3600),
    }
}

async fn count(app: &TestApp, table: &str) -> i64 {
    let row = app
        .db
        .raw()
        .query_one_raw(Statement::from_string(
            app.db.raw().get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn demo_tokens_answer_as_their_city_and_organisation() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();

    let token = issue_dev_token(
        &app.config,
        &app.db,
        &app.cache,
        &req(Some("koeln"), Role::CityCaseworker, None),
    )
    .await
    .unwrap();
    let (_, body) = app.gql(Some(&token), VIEWER, json!({})).await;
    assert_eq!(body["data"]["viewer"]["tenant"]["slug"], "koeln", "{body}");
    assert_eq!(body["data"]["viewer"]["tenant"]["name"], "Köln");
    assert_eq!(body["data"]["viewer"]["roles"], json!(["CITY_CASEWORKER"]));

    let token = issue_dev_token(
        &app.config,
        &app.db,
        &app.cache,
        &req(Some("koeln"), Role::CarrierCaseworker, Some("caritas")),
    )
    .await
    .unwrap();
    let (_, body) = app.gql(Some(&token), VIEWER, json!({})).await;
    assert_eq!(
        body["data"]["viewer"]["organisation"]["slug"], "caritas",
        "{body}"
    );
    assert_eq!(body["data"]["viewer"]["organisation"]["kind"], "CARRIER");

    let token = issue_dev_token(
        &app.config,
        &app.db,
        &app.cache,
        &req(None, Role::StateOfficer, None),
    )
    .await
    .unwrap();
    let (_, body) = app.gql(Some(&token), VIEWER, json!({})).await;
    assert_eq!(body["data"]["viewer"]["tenant"], Value::Null, "{body}");
    assert_eq!(body["data"]["viewer"]["roles"], json!(["STATE_OFFICER"]));

    // Every demo city exists with its department.
    for city in ["bergisch-gladbach", "koeln", "solingen"] {
        issue_dev_token(
            &app.config,
            &app.db,
            &app.cache,
            &req(Some(city), Role::CityAdmin, Some("stadt")),
        )
        .await
        .unwrap_or_else(|e| panic!("{city}: {e:#}"));
    }
}

#[tokio::test]
async fn token_requests_that_match_nobody_are_refused() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    for (what, r) in [
        (
            "unknown tenant",
            req(Some("atlantis"), Role::CityCaseworker, None),
        ),
        ("bad slug", req(Some("Köln"), Role::CityCaseworker, None)),
        (
            "no carriers in Solingen",
            req(Some("solingen"), Role::CarrierAdmin, None),
        ),
        (
            "tenant role without tenant",
            req(None, Role::CityAdmin, None),
        ),
        (
            "platform role with tenant",
            req(Some("koeln"), Role::PlatformOperator, None),
        ),
        (
            "unknown org",
            req(Some("koeln"), Role::CarrierAdmin, Some("nobody")),
        ),
    ] {
        assert!(
            issue_dev_token(&app.config, &app.db, &app.cache, &r)
                .await
                .is_err(),
            "{what} must be refused"
        );
    }
}

#[tokio::test]
async fn tokens_are_refused_when_development_tokens_are_off() {
    let app = TestApp::spawn_with(|c| c.auth.dev_tokens = Some(false)).await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let err = issue_dev_token(
        &app.config,
        &app.db,
        &app.cache,
        &req(Some("koeln"), Role::CityCaseworker, None),
    )
    .await
    .unwrap_err();
    assert!(
        format!("{err:#}").contains("development tokens are disabled"),
        "{err:#}"
    );
    // And the server itself does not accept them either.
    let t = app.tenant().await;
    let (_, body) = app
        .gql(Some(&t.caseworker.token), "{ viewer { id } }", json!({}))
        .await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn demo_seeding_is_idempotent() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let tenants = count(&app, "tenants").await;
    let platform = count(&app, "platform_users").await;
    assert_eq!(tenants, 6);
    assert_eq!(platform, 2);
    let households = demo_households(&app, "2026").await;
    assert!(
        households.iter().all(|(_, n)| *n == 12),
        "a dozen households per city: {households:?}"
    );
    let past = demo_households(&app, "verlauf").await;
    assert_eq!(
        past,
        [
            ("Bergisch Gladbach", 90),
            ("Hagen", 80),
            ("Köln", 160),
            ("Mülheim an der Ruhr", 60),
            ("Solingen", 70),
            ("Wuppertal", 120),
        ]
        .map(|(c, n)| (c.to_owned(), n))
        .to_vec(),
        "each city's invented past"
    );
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    demo::seed_if_empty(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    assert_eq!(count(&app, "tenants").await, tenants);
    assert_eq!(count(&app, "platform_users").await, platform);
    assert_eq!(demo_households(&app, "2026").await, households);
    assert_eq!(demo_households(&app, "verlauf").await, past);
}

/// Households per demo city whose search key holds `term`, as each city's first
/// caseworker counts them (`2026`: the current households; `verlauf`: the invented
/// past), by city name.
async fn demo_households(app: &TestApp, term: &str) -> Vec<(String, i64)> {
    let people = app
        .provisioning()
        .directory(demo::DEMO_EMAIL_DOMAIN)
        .await
        .unwrap();
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for e in people
        .iter()
        .filter(|e| e.roles.contains(&Role::CityCaseworker))
    {
        if seen.contains(&e.tenant) {
            continue;
        }
        seen.push(e.tenant);
        let (_, body) = app
            .gql(
                Some(&app.token(e.user, Some(e.tenant))),
                "query($s: String!) { households(first: 1, filter: { search: $s }) { totalCount } }",
                serde_json::json!({ "s": term }),
            )
            .await;
        out.push((
            e.tenant_name.clone(),
            body["data"]["households"]["totalCount"].as_i64().unwrap(),
        ));
    }
    out.sort();
    out
}

#[tokio::test]
async fn demo_households_span_states_and_carriers_see_only_theirs() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let people = app
        .provisioning()
        .directory(demo::DEMO_EMAIL_DOMAIN)
        .await
        .unwrap();
    let who = |name: &str| {
        let e = people.iter().find(|e| e.display_name == name).unwrap();
        app.token(e.user, Some(e.tenant))
    };
    // The current households (the invented past's references have no year).
    let q = "{ households(first: 100, filter: { search: \"2026\" }) { edges { node { reference state carrier { name } } } } }";
    let (_, body) = app
        .gql(Some(&who("Emil Fallweg")), q, serde_json::json!({}))
        .await;
    let edges = body["data"]["households"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(edges.len(), 12, "{body}");
    let mut states: Vec<&str> = edges
        .iter()
        .map(|e| e["node"]["state"].as_str().unwrap())
        .collect();
    states.sort_unstable();
    states.dedup();
    assert!(states.len() >= 7, "varied states: {states:?}");
    let (_, body) = app
        .gql(Some(&who("Milan Wegweiser")), q, serde_json::json!({}))
        .await;
    let mine = body["data"]["households"]["edges"].as_array().unwrap();
    assert!(!mine.is_empty(), "{body}");
    assert!(
        mine.iter()
            .all(|e| e["node"]["carrier"]["name"] == "Caritasverband für die Stadt Köln")
    );
    assert!(mine.len() < edges.len());
    // One transfer awaits a carrier's decision.
    let mut pending = 0;
    for name in ["Clara Hilfreich", "Dora Rotkreuz", "Frieda Ratgeber"] {
        let (_, body) = app
            .gql(
                Some(&who(name)),
                "{ incomingTransfers { id } }",
                serde_json::json!({}),
            )
            .await;
        pending += body["data"]["incomingTransfers"].as_array().unwrap().len();
    }
    assert_eq!(pending, 1);

    // Housing: Köln's coordinator takes an offer from GAG and sees ranked households.
    let coord = who("Ole Leitstelle");
    let (_, body) = app
        .gql(
            Some(&coord),
            "query($y: Int!) { landlords { edges { node { id name annualQuota } } } offers(first: 50) { edges { node { id landlordId status } } }
               accommodations { edges { node { name occupied } } } guaranteeBudgets(year: $y) { kind budget } rentCaps { householdSize } }",
            serde_json::json!({ "y": chrono::Datelike::year(&chrono::Utc::now().date_naive()) }),
        )
        .await;
    let gag = body["data"]["landlords"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["node"]["name"] == "GAG Immobilien AG")
        .unwrap()["node"]
        .clone();
    assert_eq!(gag["annualQuota"], 100, "{body}");
    let gag_offers: Vec<String> = body["data"]["offers"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["node"]["landlordId"] == gag["id"])
        .map(|o| o["node"]["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(gag_offers.len() >= 3);
    assert!(
        body["data"]["accommodations"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["node"]["occupied"].as_i64().unwrap() > 0)
    );
    assert_eq!(body["data"]["rentCaps"].as_array().unwrap().len(), 6);
    let mut ranked = 0;
    for o in &gag_offers {
        let (_, r) = app.gql(Some(&coord), "query($o: ID!) { rankHouseholdsForOffer(offerId: $o) { householdId score explanation { parts { part points } } } }",
            serde_json::json!({ "o": o })).await;
        ranked += r["data"]["rankHouseholdsForOffer"]
            .as_array()
            .unwrap_or_else(|| panic!("{r}"))
            .len();
    }
    assert!(ranked > 0, "some demo household fits a GAG offer");
}

#[tokio::test]
async fn in_the_demo_koelns_coordinator_takes_a_gag_offer_to_the_move() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let people = app
        .provisioning()
        .directory(demo::DEMO_EMAIL_DOMAIN)
        .await
        .unwrap();
    let e = people
        .iter()
        .find(|e| e.display_name == "Ole Leitstelle")
        .unwrap();
    let coord = app.token(e.user, Some(e.tenant));
    let q = |query: &'static str, vars: Value| {
        let coord = coord.clone();
        let app = &app;
        async move {
            let (_, body) = app.gql(Some(&coord), query, vars).await;
            assert!(body["errors"].is_null(), "{query}\n{body}");
            body["data"].clone()
        }
    };
    let d = q("{ landlords { edges { node { id name } } } offers(first: 50, filter: { status: OPEN }) { edges { node { id landlordId deposit } } } }", json!({})).await;
    let gag = d["landlords"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["node"]["name"] == "GAG Immobilien AG")
        .unwrap()["node"]["id"]
        .clone();
    // The first GAG offer with a ranked household.
    let mut pick = None;
    for o in d["offers"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["node"]["landlordId"] == gag)
    {
        let r = q("query($o: ID!) { rankHouseholdsForOffer(offerId: $o) { householdId score explanation { rules { rule passed } parts { part points } } } }",
            json!({ "o": o["node"]["id"] })).await;
        if let Some(best) = r["rankHouseholdsForOffer"].as_array().unwrap().first() {
            assert!(
                best["explanation"]["rules"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|r| r["passed"] == true)
            );
            pick = Some((
                o["node"]["id"].clone(),
                best["householdId"].clone(),
                o["node"]["deposit"].clone(),
            ));
            break;
        }
    }
    let (offer, household, deposit) = pick.expect("a GAG offer with a ranked household");
    let m = q(
        "mutation($o: ID!, $h: ID!) { proposeMatch(offerId: $o, householdId: $h) { id } }",
        json!({ "o": offer, "h": household }),
    )
    .await["proposeMatch"]["id"]
        .clone();
    q("mutation($id: ID!, $d: String!) { scheduleViewing(id: $id, version: 1, on: $d) { status } }", json!({ "id": m, "d": chrono::Utc::now().date_naive().to_string() })).await;
    q(
        "mutation($id: ID!) { recordLandlordAcceptance(id: $id, version: 2) { status } }",
        json!({ "id": m }),
    )
    .await;
    // The deposit the offer asks, secured for this match.
    let g = q("mutation($h: ID!, $m: ID!, $a: String!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: $a, justification: \"Kaution GAG\", matchId: $m }) { id } }",
        json!({ "h": household, "m": m, "a": deposit })).await["requestGuarantee"]["id"].clone();
    let ap = q(
        "mutation($id: ID!) { decideGuarantee(id: $id, version: 1, approve: true) { status } }",
        json!({ "id": g }),
    )
    .await;
    assert_eq!(ap["decideGuarantee"]["status"], "APPROVED");
    let today = chrono::Utc::now().date_naive().to_string();
    // The Jobcenter accepts the rent (the demo's households draw SGB II).
    q("mutation($id: ID!, $d: String!) { recordBenefitOfficeDecision(id: $id, version: 3, decision: ACCEPTED, decidedOn: $d) { benefitOffice } }", json!({ "id": m, "d": today })).await;
    q("mutation($id: ID!, $d: String!) { signLease(id: $id, version: 4, signedOn: $d, moveInOn: $d) { status } }", json!({ "id": m, "d": today })).await;
    let h = q("query($id: ID!) { household(id: $id) { state currentAccommodation { name } followUps { months dueOn } } }", json!({ "id": household })).await;
    assert_eq!(h["household"]["state"], "MOVED_OUT");
    assert!(h["household"]["currentAccommodation"].is_null());
    assert_eq!(h["household"]["followUps"].as_array().unwrap().len(), 4);
}

/// A demo user's token, by display name.
async fn demo_token(app: &TestApp, name: &str) -> String {
    let people = app
        .provisioning()
        .directory(demo::DEMO_EMAIL_DOMAIN)
        .await
        .unwrap();
    let e = people.iter().find(|e| e.display_name == name).unwrap();
    app.token(e.user, Some(e.tenant))
}

const DEMO_WORKLIST: &str = "{ worklist { followUps { householdId reference on } overdueSteps { householdId }
  permitsExpiring { householdId on } benefitSwitches { householdId on detail } inCoaching { householdId }
  incomingTransfers { householdId } guaranteeRequests { id } scheduledMoves { id moveInOn } } }";

#[tokio::test]
async fn in_the_demo_every_worklist_section_has_work_and_solingen_records_two_moves() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let noah = demo_token(&app, "Noah Schwertweg").await;
    let list = wohnweg_tests::ok(&app, &noah, DEMO_WORKLIST, json!({})).await["worklist"].clone();
    for section in [
        "followUps",
        "overdueSteps",
        "permitsExpiring",
        "benefitSwitches",
        "inCoaching",
    ] {
        assert!(
            !list[section].as_array().unwrap().is_empty(),
            "Solingen's {section} is empty: {list}"
        );
    }
    assert_eq!(list["benefitSwitches"][0]["detail"], "asylblg");
    let rana = demo_token(&app, "Rana Werkstatt").await;
    let coord = wohnweg_tests::ok(&app, &rana, DEMO_WORKLIST, json!({})).await;
    assert_eq!(
        coord["worklist"]["guaranteeRequests"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Köln's carriers get the pending transfer.
    let mut incoming = 0;
    for name in ["Milan Wegweiser", "Kian Beistand", "Yusuf Brückenbau"] {
        let t = demo_token(&app, name).await;
        incoming += wohnweg_tests::ok(&app, &t, DEMO_WORKLIST, json!({})).await["worklist"]["incomingTransfers"]
            .as_array()
            .unwrap()
            .len();
    }
    assert_eq!(incoming, 1);
    // Every way out is in the demo: per city, placements by self-found flat and lease
    // takeover, and a return.
    let placements = wohnweg_tests::ok(
        &app,
        &noah,
        "{ placements(first: 100) { totalCount nodes { source returnedOn } } }",
        json!({}),
    )
    .await;
    let nodes = placements["placements"]["nodes"].as_array().unwrap();
    assert!(
        nodes.iter().any(|p| p["source"] == "LEASE_TAKEOVER"),
        "{placements}"
    );
    assert!(nodes.iter().any(|p| p["source"] == "SELF_FOUND"));
    assert!(
        nodes.iter().any(|p| !p["returnedOn"].is_null()),
        "a return: {placements}"
    );

    // Noah records a self-found flat for an active household in the shelter and the
    // takeover of the flat the other flat's household lives in.
    let flats = wohnweg_tests::ok(&app, &noah, "{ households(first: 100, filter: { accommodationKind: CITY_RENTED_FLAT }) { totalCount nodes { id state } } }", json!({})).await;
    assert_eq!(flats["households"]["totalCount"], 1, "{flats}");
    let tenant_of_flat = flats["households"]["nodes"][0]["id"].clone();
    let shelter = wohnweg_tests::ok(&app, &noah, "{ households(first: 100, filter: { accommodationKind: SHELTER, state: ACTIVE }) { nodes { id } } }", json!({})).await;
    let finder = shelter["households"]["nodes"][0]["id"].clone();
    let today = wohnweg_tests::day(0);
    let seg_before = segregation_total(&app, &noah).await;
    wohnweg_tests::ok(&app, &noah, "mutation($h: ID!, $d: String!) { recordSelfFoundMove(householdId: $h, input: { district: \"Wald\", landlordKind: PRIVATE, rooms: 2.0, livingSpace: 55.0, grossColdRent: \"540\", moveInOn: $d }) { id } }",
        json!({ "h": finder, "d": today })).await;
    wohnweg_tests::ok(&app, &noah, "mutation($h: ID!, $d: String!) { takeOverLease(householdId: $h, input: { landlordKind: HOUSING_COMPANY, rooms: 3.0, livingSpace: 70.0, grossColdRent: \"640\", takenOverOn: $d }) { id } }",
        json!({ "h": tenant_of_flat, "d": today })).await;
    assert_eq!(segregation_total(&app, &noah).await, seg_before + 2);
    for h in [&finder, &tenant_of_flat] {
        let c = wohnweg_tests::ok(&app, &noah, "query($id: ID!) { household(id: $id) { state currentAccommodation { id } followUps { months } } }", json!({ "id": h })).await;
        assert_eq!(c["household"]["state"], "MOVED_OUT");
        assert!(c["household"]["currentAccommodation"].is_null(), "{c}");
        assert!(!c["household"]["followUps"].as_array().unwrap().is_empty());
    }
    let none = wohnweg_tests::ok(
        &app,
        &noah,
        "{ households(filter: { accommodationKind: CITY_RENTED_FLAT }) { totalCount } }",
        json!({}),
    )
    .await;
    assert_eq!(none["households"]["totalCount"], 0);
}

async fn segregation_total(app: &TestApp, tok: &str) -> i64 {
    let seg = wohnweg_tests::ok(
        app,
        tok,
        "query($f: String!, $t: String!) { segregationIndicator(from: $f, to: $t) { placements } }",
        json!({ "f": wohnweg_tests::day(-1), "t": wohnweg_tests::day(0) }),
    )
    .await;
    seg["segregationIndicator"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["placements"].as_i64().unwrap())
        .sum()
}

#[tokio::test]
async fn in_the_demo_a_koeln_household_returns_to_a_shelter_and_is_worked_again() {
    let app = TestApp::spawn().await;
    demo::seed(&app.db, &app.cache, &app.learning)
        .await
        .unwrap();
    let emil = demo_token(&app, "Emil Fallweg").await;
    let moved = wohnweg_tests::ok(
        &app,
        &emil,
        "{ households(first: 100, filter: { state: AFTERCARE }) { nodes { id } } }",
        json!({}),
    )
    .await;
    let h = moved["households"]["nodes"][0]["id"].clone();
    let places = wohnweg_tests::ok(
        &app,
        &emil,
        "{ accommodations(filter: { kind: SHELTER }) { nodes { id } } }",
        json!({}),
    )
    .await;
    let shelter = places["accommodations"]["nodes"][0]["id"].clone();
    wohnweg_tests::ok(&app, &emil, "mutation($h: ID!, $a: ID!, $d: String!) { recordReturnToShelter(householdId: $h, input: { accommodationId: $a, returnedOn: $d, reason: RENT_ARREARS }) { id returnedOn } }",
        json!({ "h": h, "a": shelter, "d": wohnweg_tests::day(0) })).await;
    let c = wohnweg_tests::ok(
        &app,
        &emil,
        "query($id: ID!) { household(id: $id) { state version currentAccommodation { id } } }",
        json!({ "id": h }),
    )
    .await;
    assert_eq!(c["household"]["state"], "ACTIVE", "{c}");
    assert_eq!(c["household"]["currentAccommodation"]["id"], shelter);
    // Worked again: back to the search.
    let v = c["household"]["version"].clone();
    let s = wohnweg_tests::ok(&app, &emil, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: SEARCHING, reason: \"Neue Suche\") { state } }",
        json!({ "h": h, "v": v })).await;
    assert_eq!(s["transitionCase"]["state"], "SEARCHING");
}
