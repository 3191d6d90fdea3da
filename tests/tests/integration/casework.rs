//! Casework through GraphQL: households and persons, search, readiness, counselling
//! and goals, consent, the workflow, carrier assignment and transfer — per operation
//! the happy path, bad input, cross-tenant and carrier scope, plus concurrency, audit
//! and the statement count of the household list.

use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::household_version as version;
use wohnweg_tests::{TestApp, TestTenant, TestUser, day, first_code};

/// A city with two carriers, each with a caseworker and an administrator.
struct City {
    t: TestTenant,
    admin: TestUser,
    carrier_a: String,
    a_cw: TestUser,
    a_admin: TestUser,
    carrier_b: String,
    b_cw: TestUser,
    b_admin: TestUser,
}

async fn city(app: &TestApp) -> City {
    let t = app.tenant().await;
    let admin = app
        .user(&t, t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    let a = app
        .organisation(&t, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    let b = app
        .organisation(&t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let a_cw = app
        .user(&t, a, "Carla Caritas", &[Role::CarrierCaseworker])
        .await;
    let a_admin = app.user(&t, a, "Alma Caritas", &[Role::CarrierAdmin]).await;
    let b_cw = app
        .user(&t, b, "Bert Rotkreuz", &[Role::CarrierCaseworker])
        .await;
    let b_admin = app.user(&t, b, "Bea Rotkreuz", &[Role::CarrierAdmin]).await;
    City {
        t,
        admin,
        carrier_a: a.to_string(),
        a_cw,
        a_admin,
        carrier_b: b.to_string(),
        b_cw,
        b_admin,
    }
}

fn person(given: &str, family: &str, relation: &str) -> Value {
    json!({
        "givenName": given, "familyName": family, "relation": relation,
        "dateOfBirth": "1985-03-01", "nationality": "SY",
        "residenceStatus": "RECOGNISED_REFUGEE", "permitExpiresOn": "2027-06-30",
        "benefitFramework": "SGB2", "benefitChangesOn": null,
        "languageLevel": "A2", "occupation": "COURSE"
    })
}

const CREATE: &str = "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) {
  id reference size version state members { id givenName familyName residenceStatus } } }";

/// Creates a household (head plus `extra` children) and returns `(id, version)`.
async fn household(
    app: &TestApp,
    token: &str,
    reference: &str,
    family: &str,
    extra: usize,
) -> (String, i64) {
    let mut members = vec![person("Amal", family, "HEAD")];
    for i in 0..extra {
        members.push(person(&format!("Kind{i}"), family, "CHILD"));
    }
    let (_, body) = app
        .gql(
            Some(token),
            CREATE,
            json!({ "i": { "reference": reference, "languages": ["ar", "de"], "members": members,
                           "accommodation": "Gemeinschaftsunterkunft Nord" } }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let h = &body["data"]["createHousehold"];
    (
        h["id"].as_str().unwrap().to_owned(),
        h["version"].as_i64().unwrap(),
    )
}

async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

async fn code(app: &TestApp, token: &str, query: &str, vars: Value) -> (String, Option<String>) {
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

const CONSENT: &str = "mutation($h: ID!, $i: ConsentInput!) { recordConsent(householdId: $h, input: $i) { id version scope withdrawnOn } }";
const ASSESS: &str = "mutation($h: ID!, $i: ReadinessInput!) { recordReadinessAssessment(householdId: $h, input: $i) { id overall } }";
const TRANSITION: &str = "mutation($h: ID!, $v: Int!, $to: CaseState!, $r: String!) {
  transitionCase(householdId: $h, version: $v, to: $to, reason: $r) { state version } }";
const ASSIGN: &str = "mutation($h: ID!, $v: Int!, $o: ID!, $c: ID) {
  assignCarrier(householdId: $h, version: $v, organisationId: $o, caseworkerId: $c) { version carrier { id name } carrierCaseworkerId } }";
const PROPOSE: &str = "mutation($h: ID!, $o: ID!, $r: String!) { proposeTransfer(householdId: $h, organisationId: $o, reason: $r) { id version status } }";
const ACCEPT: &str = "mutation($id: ID!, $v: Int!, $c: ID) { acceptTransfer(id: $id, version: $v, caseworkerId: $c) { id status } }";
const REJECT: &str = "mutation($id: ID!, $v: Int!, $r: String!) { rejectTransfer(id: $id, version: $v, reason: $r) { id status decisionReason } }";
const ONE: &str = "query($id: ID!) { household(id: $id) { id reference state carrier { id } } }";
const LIST: &str = "query($f: HouseholdFilterInput, $first: Int, $after: String) {
  households(first: $first, after: $after, filter: $f) { edges { cursor node { id reference } } pageInfo { hasNextPage } } }";

fn assessment(overall: &str) -> Value {
    json!({ "assessedOn": "2026-01-15", "rentPayment": "MET", "householdManagement": "PARTLY",
            "neighbourhood": "MET", "tenancyLanguage": "PARTLY", "idDocument": true,
            "incomeProof": true, "schufa": false, "overall": overall, "notes": "Braucht Hilfe bei Nebenkosten" })
}

fn share() -> Value {
    json!({ "scope": "SHARE_WITH_CARRIER", "givenOn": "2026-01-10", "note": "Formular in Akte" })
}

/// Consent, then assignment to `org` (with `cw` as caseworker).
async fn assign(app: &TestApp, c: &City, id: &str, org: &str, cw: Option<&TestUser>) {
    let tok = &c.t.caseworker.token;
    ok(app, tok, CONSENT, json!({ "h": id, "i": share() })).await;
    let v = version(app, tok, id).await;
    ok(
        app,
        tok,
        ASSIGN,
        json!({ "h": id, "v": v, "o": org, "c": cw.map(|u| u.id.to_string()) }),
    )
    .await;
}

fn refs(data: &Value) -> Vec<String> {
    data["households"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["reference"].as_str().unwrap().to_owned())
        .collect()
}

async fn count(app: &TestApp, t: &TestTenant, table: &str) -> i64 {
    let rows = app
        .tenant_rows(t.id, &format!("SELECT COUNT(*) AS n FROM {table}"))
        .await;
    rows[0].try_get::<i64>("", "n").unwrap()
}

async fn audit_actions(app: &TestApp, t: &TestTenant, entity: &str) -> Vec<String> {
    let rows = app
        .tenant_rows(
            t.id,
            &format!("SELECT action FROM audit_log WHERE entity = '{entity}' ORDER BY seq"),
        )
        .await;
    rows.iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect()
}

#[tokio::test]
async fn a_caseworker_takes_a_household_from_intake_to_searching() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, v) = household(&app, tok, "BGL-2026-0001", "Al-Hassan", 2).await;
    assert_eq!(v, 1);

    // Readiness, counselling, goals.
    let a = ok(
        &app,
        tok,
        ASSESS,
        json!({ "h": id, "i": assessment("NOT_READY") }),
    )
    .await;
    assert_eq!(a["recordReadinessAssessment"]["overall"], "NOT_READY");
    let mut later = assessment("READY_WITH_SUPPORT");
    later["assessedOn"] = json!("2026-02-20");
    ok(&app, tok, ASSESS, json!({ "h": id, "i": later })).await;
    ok(&app, tok,
        "mutation($h: ID!, $i: CounsellingInput!) { recordCounsellingSession(householdId: $h, input: $i) { id topics barriers } }",
        json!({ "h": id, "i": { "heldOn": "2026-02-01", "participants": "Frau Al-Hassan, Sozialarbeiterin",
               "topics": ["FLAT_SEARCH", "DOCUMENTS"], "barriers": ["DEBTS", "MENTAL_HEALTH"],
               "notes": "Angst vor Isolation", "nextSteps": "SCHUFA-Auskunft beantragen" } })).await;
    let g = ok(&app, tok,
        "mutation($h: ID!, $i: GoalInput!) { addGoal(householdId: $h, input: $i) { id overdueSteps steps { id overdue version dueOn } } }",
        json!({ "h": id, "i": { "title": "Unterlagen vollständig", "steps": [
            { "description": "SCHUFA-Auskunft beantragen", "owner": "HOUSEHOLD", "dueOn": "2026-03-01" },
            { "description": "Einkommensnachweis", "owner": "CASEWORKER", "dueOn": day(365) } ] } })).await;
    assert_eq!(g["addGoal"]["overdueSteps"], 1, "{g}");
    let step = g["addGoal"]["steps"][0].clone();
    assert_eq!(step["overdue"], true);
    let done = ok(&app, tok,
        "mutation($id: ID!, $v: Int!) { setGoalStepDone(id: $id, version: $v, doneOn: \"2026-03-02\") { overdue doneOn version } }",
        json!({ "id": step["id"], "v": step["version"] })).await;
    assert_eq!(done["setGoalStepDone"]["overdue"], false);
    ok(&app, tok, "mutation($g: ID!) { addGoalStep(goalId: $g, input: { description: \"Wohnungsbesichtigung\", owner: CARRIER, dueOn: \"2030-02-01\" }) { id } }",
        json!({ "g": g["addGoal"]["id"] })).await;

    // Workflow and carrier.
    let d = ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": id, "v": 1, "to": "ACTIVE", "r": "Erstgespräch geführt" }),
    )
    .await;
    assert_eq!(d["transitionCase"]["state"], "ACTIVE");
    assign(&app, &c, &id, &c.carrier_a, Some(&c.a_cw)).await;
    let v = version(&app, tok, &id).await;
    let d = ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": id, "v": v, "to": "SEARCHING", "r": "wohnfähig mit Unterstützung" }),
    )
    .await;
    assert_eq!(d["transitionCase"]["state"], "SEARCHING");

    let full = ok(&app, tok, "query($id: ID!) { household(id: $id, purpose: CASE_WORK) {
        reference size state readiness readinessOn carrier { id name } carrierCaseworkerId nextStates
        members { givenName familyName relation residenceStatus benefitFramework permitExpiresOn }
        stateHistory { fromState toState reason }
        readinessHistory { overall assessedOn }
        counsellingSessions { topics barriers notes }
        consents { scope withdrawnOn }
        carrierHistory { status organisationId }
        goals { title overdueSteps steps { description done: doneOn } } } }", json!({ "id": id })).await;
    let h = &full["household"];
    assert_eq!(h["size"], 3);
    assert_eq!(h["readiness"], "READY_WITH_SUPPORT");
    assert_eq!(h["readinessOn"], "2026-02-20");
    assert_eq!(h["carrier"]["name"], "Caritas");
    assert_eq!(h["carrierCaseworkerId"], c.a_cw.id.to_string());
    assert_eq!(h["members"][0]["residenceStatus"], "RECOGNISED_REFUGEE");
    let states: Vec<&str> = h["stateHistory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["toState"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["INTAKE", "ACTIVE", "SEARCHING"]);
    assert_eq!(h["readinessHistory"].as_array().unwrap().len(), 2);
    assert_eq!(
        h["readinessHistory"][0]["overall"], "READY_WITH_SUPPORT",
        "newest first"
    );
    assert_eq!(
        h["counsellingSessions"][0]["barriers"],
        json!(["DEBTS", "MENTAL_HEALTH"])
    );
    assert_eq!(h["carrierHistory"][0]["status"], "ACTIVE");
    assert_eq!(h["goals"][0]["steps"].as_array().unwrap().len(), 3);
    assert!(
        h["nextStates"]
            .as_array()
            .unwrap()
            .contains(&json!("OFFER_IN_PROGRESS"))
    );

    // Every write left its entry; the read of residence and counselling data too.
    assert_eq!(
        audit_actions(&app, &c.t, "person").await,
        ["create", "create", "create"]
    );
    assert_eq!(
        audit_actions(&app, &c.t, "readiness_assessment")
            .await
            .len(),
        2
    );
    assert_eq!(
        audit_actions(&app, &c.t, "counselling_session").await,
        ["create"]
    );
    assert_eq!(audit_actions(&app, &c.t, "goal").await, ["create"]);
    assert_eq!(
        audit_actions(&app, &c.t, "goal_step").await,
        ["create", "create", "update", "create"]
    );
    assert_eq!(audit_actions(&app, &c.t, "consent").await, ["create"]);
    assert_eq!(
        audit_actions(&app, &c.t, "carrier_assignment").await,
        ["create"]
    );
    let hh = audit_actions(&app, &c.t, "household").await;
    assert_eq!(
        hh.iter().filter(|a| *a == "transition").count(),
        2,
        "{hh:?}"
    );
    assert!(hh.contains(&"assign_carrier".to_owned()));
    let reads = app
        .tenant_rows(
            c.t.id,
            "SELECT fields, purpose FROM audit_log WHERE action = 'read' ORDER BY seq DESC",
        )
        .await;
    let fields: String = reads[0].try_get("", "fields").unwrap();
    let purpose: Option<String> = reads[0].try_get("", "purpose").unwrap();
    assert!(
        fields.contains("persons.residence") && fields.contains("counselling_sessions"),
        "{fields}"
    );
    assert_eq!(purpose.as_deref(), Some("case_work"));
    // No personal value ever enters the log.
    let leaked = app
        .tenant_rows(c.t.id, "SELECT COUNT(*) AS n FROM audit_log WHERE fields LIKE '%Hassan%' OR purpose LIKE '%Hassan%' OR fields LIKE '%SCHUFA-Auskunft%'")
        .await;
    assert_eq!(leaked[0].try_get::<i64>("", "n").unwrap(), 0);

    // The chain still holds after all of it.
    let chain = ok(
        &app,
        &c.admin.token,
        "{ verifyAuditChain { intact entries } }",
        json!({}),
    )
    .await;
    assert_eq!(chain["verifyAuditChain"]["intact"], true, "{chain}");
}

#[tokio::test]
async fn search_treats_umlauts_and_sharp_s_alike_and_filters_combine() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (muller, _) = household(&app, tok, "K-1", "Müller", 0).await;
    household(&app, tok, "K-2", "Mueller", 0).await;
    household(&app, tok, "K-3", "Weißmann", 0).await;
    household(&app, tok, "K-4", "Şahin", 0).await;
    let search = |s: &str| json!({ "f": { "search": s } });
    for q in ["muller", "Müller", "MUELLER", "müll"] {
        let d = ok(&app, tok, LIST, search(q)).await;
        assert_eq!(refs(&d), ["K-1", "K-2"], "search {q}");
    }
    assert_eq!(
        refs(&ok(&app, tok, LIST, search("weissmann")).await),
        ["K-3"]
    );
    assert_eq!(refs(&ok(&app, tok, LIST, search("Sahin")).await), ["K-4"]);
    assert_eq!(
        refs(&ok(&app, tok, LIST, search("amal mueller")).await),
        ["K-1", "K-2"]
    );
    assert_eq!(
        refs(&ok(&app, tok, LIST, search("k-3")).await),
        ["K-3"],
        "reference words"
    );
    assert_eq!(
        refs(&ok(&app, tok, LIST, json!({ "f": { "reference": "K-4" } })).await),
        ["K-4"]
    );

    // State, readiness and carrier filters.
    ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": muller, "v": 1, "to": "ACTIVE", "r": "start" }),
    )
    .await;
    ok(
        &app,
        tok,
        ASSESS,
        json!({ "h": muller, "i": assessment("READY") }),
    )
    .await;
    assign(&app, &c, &muller, &c.carrier_a, None).await;
    assert_eq!(
        refs(&ok(&app, tok, LIST, json!({ "f": { "state": "ACTIVE" } })).await),
        ["K-1"]
    );
    assert_eq!(
        refs(&ok(&app, tok, LIST, json!({ "f": { "readiness": "READY" } })).await),
        ["K-1"]
    );
    assert_eq!(
        refs(
            &ok(
                &app,
                tok,
                LIST,
                json!({ "f": { "carrierId": c.carrier_a } })
            )
            .await
        ),
        ["K-1"]
    );
    assert!(
        refs(
            &ok(
                &app,
                tok,
                LIST,
                json!({ "f": { "carrierId": c.carrier_b } })
            )
            .await
        )
        .is_empty()
    );
    assert!(
        refs(
            &ok(
                &app,
                tok,
                LIST,
                json!({ "f": { "state": "ACTIVE", "search": "mueller" } })
            )
            .await
        ) == ["K-1"]
    );

    // Keyset pages.
    let p1 = ok(&app, tok, LIST, json!({ "first": 3 })).await;
    assert_eq!(refs(&p1), ["K-1", "K-2", "K-3"]);
    assert_eq!(p1["households"]["pageInfo"]["hasNextPage"], true);
    let cursor = p1["households"]["edges"][2]["cursor"].clone();
    let p2 = ok(&app, tok, LIST, json!({ "first": 3, "after": cursor })).await;
    assert_eq!(refs(&p2), ["K-4"]);
    assert_eq!(p2["households"]["pageInfo"]["hasNextPage"], false);

    // Bad filters are named.
    assert_eq!(
        code(&app, tok, LIST, json!({ "f": { "search": "- -" } })).await,
        ("BAD_USER_INPUT".into(), Some("filter.search".into()))
    );
    assert_eq!(
        code(&app, tok, LIST, json!({ "f": { "carrierId": "x" } })).await,
        ("BAD_USER_INPUT".into(), Some("filter.carrierId".into()))
    );
    assert_eq!(
        code(&app, tok, LIST, json!({ "first": 101 })).await,
        ("BAD_USER_INPUT".into(), Some("first".into()))
    );
}

#[tokio::test]
async fn bad_input_names_the_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, _) = household(&app, tok, "B-1", "Test", 1).await;
    let g = ok(&app, tok, "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Ziel\", steps: [{ description: \"a\", owner: HOUSEHOLD, dueOn: \"2030-01-01\" }] }) { id steps { id } } }", json!({ "h": id })).await;
    let step = g["addGoal"]["steps"][0]["id"].clone();
    let tables = [
        "households",
        "persons",
        "case_transitions",
        "readiness_assessments",
        "consents",
        "carrier_assignments",
        "counselling_sessions",
        "goals",
        "goal_steps",
        "audit_log",
    ];
    let mut before = Vec::new();
    for t in tables {
        before.push(count(&app, &c.t, t).await);
    }
    let two_heads = vec![person("A", "X", "HEAD"), person("B", "X", "HEAD")];
    let create = |i: Value| json!({ "i": i });
    let base = || json!({ "reference": "B-2", "members": [person("A", "X", "HEAD")] });
    let with = |k: &str, v: Value| {
        let mut b = base();
        b[k] = v;
        create(b)
    };
    let mut bad_date = person("A", "X", "HEAD");
    bad_date["dateOfBirth"] = json!("01.03.1985");
    let mut future_birth = person("A", "X", "HEAD");
    future_birth["dateOfBirth"] = json!("2999-01-01");
    let mut bad_nat = person("A", "X", "HEAD");
    bad_nat["nationality"] = json!("Syria");
    let mut blank_name = person("A", "X", "HEAD");
    blank_name["givenName"] = json!("   ");
    let cases: Vec<(&str, Value, &str)> = vec![
        (CREATE, with("reference", json!("B 2")), "input.reference"),
        (CREATE, with("members", json!([])), "input.members"),
        (CREATE, with("members", json!(two_heads)), "input.members"),
        (
            CREATE,
            with("members", json!([bad_date])),
            "input.members.0.dateOfBirth",
        ),
        (
            CREATE,
            with("members", json!([future_birth])),
            "input.members.0.dateOfBirth",
        ),
        (
            CREATE,
            with("members", json!([bad_nat])),
            "input.members.0.nationality",
        ),
        (
            CREATE,
            with("members", json!([blank_name])),
            "input.members.0.givenName",
        ),
        (
            CREATE,
            with("languages", json!(["arabisch"])),
            "input.languages",
        ),
        (
            CREATE,
            with("primaryContact", json!(3)),
            "input.primaryContact",
        ),
        (
            "mutation($h: ID!) { updateHousehold(id: $h, version: 1, input: { primaryContactId: \"0190a0c0-0000-7000-8000-000000000000\" }) { id } }",
            json!({ "h": id }),
            "primaryContactId",
        ),
        (
            "mutation { updateHousehold(id: \"nope\", version: 1, input: {}) { id } }",
            json!({}),
            "id",
        ),
        (
            TRANSITION,
            json!({ "h": id, "v": 1, "to": "ACTIVE", "r": " " }),
            "reason",
        ),
        (
            TRANSITION,
            json!({ "h": id, "v": 1, "to": "MOVED_OUT", "r": "x" }),
            "to",
        ),
        (
            "mutation($h: ID!) { transitionCase(householdId: $h, version: 1, to: ACTIVE, reason: \"x\", effectiveOn: \"2999-01-01\") { id } }",
            json!({ "h": id }),
            "effectiveOn",
        ),
        (
            ASSESS,
            json!({ "h": id, "i": { "assessedOn": "2999-01-01", "rentPayment": "MET", "householdManagement": "MET", "neighbourhood": "MET", "tenancyLanguage": "MET", "idDocument": true, "incomeProof": true, "schufa": true, "overall": "READY" } }),
            "input.assessedOn",
        ),
        (
            CONSENT,
            json!({ "h": id, "i": { "scope": "EVALUATION", "givenOn": "gestern" } }),
            "input.givenOn",
        ),
        (
            "mutation($h: ID!) { recordCounsellingSession(householdId: $h, input: { heldOn: \"2026-01-01\", participants: \"A\", topics: [] }) { id } }",
            json!({ "h": id }),
            "input.topics",
        ),
        (
            "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"\" }) { id } }",
            json!({ "h": id }),
            "input.title",
        ),
        (
            "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\", steps: [{ description: \"a\", owner: CITY, dueOn: \"2026-13-01\" }] }) { id } }",
            json!({ "h": id }),
            "input.steps.0.dueOn",
        ),
        (
            "mutation($s: ID!) { setGoalStepDone(id: $s, version: 1, doneOn: \"2999-01-01\") { id } }",
            json!({ "s": step }),
            "doneOn",
        ),
        (
            "mutation($h: ID!) { addPerson(householdId: $h, input: { givenName: \"Zweiter\", familyName: \"Kopf\", relation: HEAD, residenceStatus: OTHER, benefitFramework: NONE, languageLevel: A0, occupation: CHILD }) { id } }",
            json!({ "h": id }),
            "input.relation",
        ),
        (
            ASSIGN,
            json!({ "h": id, "v": 1, "o": "kein-id" }),
            "organisationId",
        ),
        (
            ASSIGN,
            json!({ "h": id, "v": 1, "o": c.carrier_a }),
            "householdId",
        ),
        (
            ASSIGN,
            json!({ "h": id, "v": 1, "o": c.t.department.to_string() }),
            "organisationId",
        ),
        (
            PROPOSE,
            json!({ "h": id, "o": c.carrier_b, "r": "x" }),
            "householdId",
        ),
    ];
    for (q, vars, field) in cases {
        let (got, f) = code(&app, tok, q, vars.clone()).await;
        assert_eq!(
            (got.as_str(), f.as_deref()),
            ("BAD_USER_INPUT", Some(field)),
            "{q} {vars}"
        );
    }
    for (t, n) in tables.iter().zip(before) {
        assert_eq!(count(&app, &c.t, t).await, n, "{t} changed");
    }
}

const STATES: [&str; 9] = [
    "INTAKE",
    "ACTIVE",
    "SEARCHING",
    "OFFER_IN_PROGRESS",
    "MOVED_OUT",
    "AFTERCARE",
    "CLOSED",
    "PAUSED",
    "CONTACT_LOST",
];

/// The workflow as the product defines it, written out independently of the code.
fn allowed(from: &str, to: &str) -> bool {
    let next: &[&str] = match from {
        "INTAKE" => &["ACTIVE", "PAUSED", "CONTACT_LOST", "CLOSED"],
        "ACTIVE" => &["SEARCHING", "MOVED_OUT", "PAUSED", "CONTACT_LOST", "CLOSED"],
        "SEARCHING" => &[
            "OFFER_IN_PROGRESS",
            "MOVED_OUT",
            "ACTIVE",
            "PAUSED",
            "CONTACT_LOST",
            "CLOSED",
        ],
        "OFFER_IN_PROGRESS" => &["SEARCHING", "MOVED_OUT", "PAUSED", "CONTACT_LOST", "CLOSED"],
        "MOVED_OUT" => &["AFTERCARE", "ACTIVE", "CLOSED"],
        "AFTERCARE" => &["CLOSED", "CONTACT_LOST", "ACTIVE"],
        "PAUSED" => &["ACTIVE", "SEARCHING", "MOVED_OUT", "CONTACT_LOST", "CLOSED"],
        "CONTACT_LOST" => &["ACTIVE", "CLOSED"],
        _ => &[],
    };
    next.contains(&to)
}

#[tokio::test]
async fn the_workflow_refuses_every_invalid_transition_and_keeps_its_history() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let path = |s: &str| -> Vec<&'static str> {
        match s {
            "INTAKE" => vec![],
            "ACTIVE" => vec!["ACTIVE"],
            "SEARCHING" => vec!["ACTIVE", "SEARCHING"],
            "OFFER_IN_PROGRESS" => vec!["ACTIVE", "SEARCHING", "OFFER_IN_PROGRESS"],
            "MOVED_OUT" => vec!["ACTIVE", "SEARCHING", "OFFER_IN_PROGRESS", "MOVED_OUT"],
            "AFTERCARE" => vec![
                "ACTIVE",
                "SEARCHING",
                "OFFER_IN_PROGRESS",
                "MOVED_OUT",
                "AFTERCARE",
            ],
            "CLOSED" => vec!["CLOSED"],
            "PAUSED" => vec!["PAUSED"],
            _ => vec!["CONTACT_LOST"],
        }
    };
    // Searching needs readiness: refused without, allowed with.
    let (h0, _) = household(&app, tok, "W-0", "Weg", 0).await;
    ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": h0, "v": 1, "to": "ACTIVE", "r": "x" }),
    )
    .await;
    assert_eq!(
        code(
            &app,
            tok,
            TRANSITION,
            json!({ "h": h0, "v": 2, "to": "SEARCHING", "r": "x" })
        )
        .await
        .1
        .as_deref(),
        Some("to")
    );
    ok(
        &app,
        tok,
        ASSESS,
        json!({ "h": h0, "i": assessment("NOT_READY") }),
    )
    .await;
    assert_eq!(
        code(
            &app,
            tok,
            TRANSITION,
            json!({ "h": h0, "v": 2, "to": "SEARCHING", "r": "x" })
        )
        .await
        .1
        .as_deref(),
        Some("to")
    );

    let mut refused = 0;
    for (i, from) in STATES.iter().enumerate() {
        let (id, _) = household(&app, tok, &format!("W-{}", i + 1), "Weg", 0).await;
        ok(
            &app,
            tok,
            ASSESS,
            json!({ "h": id, "i": assessment("READY") }),
        )
        .await;
        let mut v = 1;
        for to in path(from) {
            v = step(&app, tok, &id, v, to).await;
        }
        for to in STATES {
            // Moving out, and coming back after a move, are refused as bare transitions:
            // only a move records them (taken below through recordSelfFoundMove and
            // recordReturnToShelter).
            if allowed(from, to) && !needs_a_move(from, to) {
                continue;
            }
            let (got, field) = code(
                &app,
                tok,
                TRANSITION,
                json!({ "h": id, "v": v, "to": to, "r": "x" }),
            )
            .await;
            assert_eq!(
                (got.as_str(), field.as_deref()),
                ("BAD_USER_INPUT", Some("to")),
                "{from} -> {to}"
            );
            refused += 1;
        }
        let d = ok(&app, tok, "query($id: ID!) { household(id: $id) { state version nextStates stateHistory { fromState toState } } }", json!({ "id": id })).await;
        assert_eq!(
            d["household"]["state"], *from,
            "state unchanged after refusals"
        );
        // What transitionCase offers as next steps is exactly the table, less the
        // move-out that only a move records.
        let mut offered: Vec<String> = d["household"]["nextStates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect();
        offered.sort();
        let mut expected: Vec<String> = STATES
            .iter()
            .filter(|to| allowed(from, to) && !needs_a_move(from, to))
            .map(|s| (*s).to_owned())
            .collect();
        expected.sort();
        assert_eq!(offered, expected, "nextStates of {from}");
        assert_eq!(d["household"]["version"], v);
        let hist = d["household"]["stateHistory"].as_array().unwrap();
        assert_eq!(hist.len(), path(from).len() + 1, "intake plus every step");
        assert!(hist[0]["fromState"].is_null());
    }
    assert_eq!(
        refused,
        81 - 33 + 6,
        "every pair not in the table was tried, and every move as a bare transition"
    );

    // And every allowed pair is taken: a fresh case per pair, walked to `from`.
    let mut taken = 0;
    for from in STATES {
        for to in STATES.iter().filter(|to| allowed(from, to)) {
            taken += 1;
            let (id, _) = household(&app, tok, &format!("WA-{taken}"), "Weg", 0).await;
            ok(
                &app,
                tok,
                ASSESS,
                json!({ "h": id, "i": assessment("READY") }),
            )
            .await;
            let mut v = 1;
            for s in path(from) {
                v = step(&app, tok, &id, v, s).await;
            }
            step(&app, tok, &id, v, to).await;
            let d = ok(
                &app,
                tok,
                "query($id: ID!) { household(id: $id) { state } }",
                json!({ "id": id }),
            )
            .await;
            assert_eq!(d["household"]["state"], *to, "{from} -> {to}");
        }
    }
    assert_eq!(taken, 33, "every pair in the table was taken");
}

/// Whether the step from `from` to `to` changes where the household lives, so only a
/// move (not `transitionCase`) records it.
fn needs_a_move(from: &str, to: &str) -> bool {
    to == "MOVED_OUT" || (matches!(from, "MOVED_OUT" | "AFTERCARE") && to == "ACTIVE")
}

/// Takes one step of the workflow: a transition, or the move that records it (a
/// self-found flat out, a return to a shelter back). Returns the new version.
async fn step(app: &TestApp, tok: &str, id: &str, v: i64, to: &str) -> i64 {
    let from = ok(
        app,
        tok,
        "query($id: ID!) { household(id: $id) { state } }",
        json!({ "id": id }),
    )
    .await["household"]["state"]
        .as_str()
        .unwrap()
        .to_owned();
    if needs_a_move(&from, to) && to == "ACTIVE" {
        let shelter = ok(app, tok, "mutation($n: String!) { createAccommodation(input: { name: $n, kind: SHELTER, street: \"S 1\", postalCode: \"50667\", district: \"Nippes\", capacity: 9 }) { id } }",
            json!({ "n": format!("Heim {id}") })).await["createAccommodation"]["id"].clone();
        ok(app, tok, "mutation($h: ID!, $a: ID!, $d: String!) { recordReturnToShelter(householdId: $h, input: { accommodationId: $a, returnedOn: $d, reason: CONFLICT }) { id } }",
            json!({ "h": id, "a": shelter, "d": wohnweg_tests::day(0) })).await;
        return version(app, tok, id).await;
    }
    if to == "MOVED_OUT" {
        ok(app, tok, "mutation($h: ID!, $d: String!) { recordSelfFoundMove(householdId: $h, input: { district: \"Nippes\", landlordKind: OTHER,
            rooms: 1.0, livingSpace: 30.0, grossColdRent: \"400\", moveInOn: $d }) { id } }",
            json!({ "h": id, "d": wohnweg_tests::day(0) })).await;
        return version(app, tok, id).await;
    }
    let d = ok(
        app,
        tok,
        TRANSITION,
        json!({ "h": id, "v": v, "to": to, "r": "weiter" }),
    )
    .await;
    d["transitionCase"]["version"].as_i64().unwrap()
}

#[tokio::test]
async fn another_tenants_ids_look_missing_for_every_operation() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, _) = household(&app, tok, "X-1", "Fremd", 1).await;
    let person_id = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id } } }",
        json!({ "id": id }),
    )
    .await["household"]["members"][0]["id"]
        .clone();
    let consent =
        ok(&app, tok, CONSENT, json!({ "h": id, "i": share() })).await["recordConsent"]["id"]
            .clone();
    ok(
        &app,
        tok,
        ASSIGN,
        json!({ "h": id, "v": 1, "o": c.carrier_a }),
    )
    .await;
    let transfer = ok(
        &app,
        tok,
        PROPOSE,
        json!({ "h": id, "o": c.carrier_b, "r": "Umzug" }),
    )
    .await["proposeTransfer"]["id"]
        .clone();
    let g = ok(&app, tok, "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\", steps: [{ description: \"a\", owner: CITY, dueOn: \"2030-01-01\" }] }) { id steps { id } } }", json!({ "h": id })).await;
    let goal = g["addGoal"]["id"].clone();
    let step = g["addGoal"]["steps"][0]["id"].clone();
    // The same city structure in another tenant. (On SQLite the count spans tenants,
    // so take it once the other city exists.)
    let other = city(&app).await;
    let audit_before = count(&app, &c.t, "audit_log").await;
    let missing = "0190a0c0-0000-7000-8000-000000000000";
    let p = person("A", "B", "CHILD");
    let ops: Vec<(&str, Value)> = vec![
        (ONE, json!({ "id": id })),
        (
            "mutation($h: ID!) { updateHousehold(id: $h, version: 2, input: { notes: \"x\" }) { id } }",
            json!({ "h": id }),
        ),
        (
            "mutation($h: ID!, $p: PersonInput!) { addPerson(householdId: $h, input: $p) { id } }",
            json!({ "h": id, "p": p }),
        ),
        (
            "mutation($id: ID!, $p: PersonInput!) { updatePerson(id: $id, version: 1, input: $p) { id } }",
            json!({ "id": person_id, "p": p }),
        ),
        (
            TRANSITION,
            json!({ "h": id, "v": 2, "to": "ACTIVE", "r": "x" }),
        ),
        (ASSESS, json!({ "h": id, "i": assessment("READY") })),
        (
            CONSENT,
            json!({ "h": id, "i": { "scope": "EVALUATION", "givenOn": "2026-01-01" } }),
        ),
        (
            "mutation($id: ID!) { withdrawConsent(id: $id, version: 1) { id } }",
            json!({ "id": consent }),
        ),
        (
            "mutation($h: ID!) { recordCounsellingSession(householdId: $h, input: { heldOn: \"2026-01-01\", participants: \"A\", topics: [OTHER] }) { id } }",
            json!({ "h": id }),
        ),
        (
            "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\" }) { id } }",
            json!({ "h": id }),
        ),
        (
            "mutation($g: ID!) { addGoalStep(goalId: $g, input: { description: \"a\", owner: CITY, dueOn: \"2030-01-01\" }) { id } }",
            json!({ "g": goal }),
        ),
        (
            "mutation($s: ID!) { setGoalStepDone(id: $s, version: 1, doneOn: \"2026-01-01\") { id } }",
            json!({ "s": step }),
        ),
        (
            "mutation($h: ID!) { setCarrierCaseworker(householdId: $h, version: 2) { id } }",
            json!({ "h": id }),
        ),
    ];
    for (q, vars) in &ops {
        let (got, _) = code(&app, &other.t.caseworker.token, q, vars.clone()).await;
        assert_eq!(got, "NOT_FOUND", "{q}");
    }
    // Identical to an id that never existed.
    let (_, a) = app
        .gql(Some(&other.t.caseworker.token), ONE, json!({ "id": id }))
        .await;
    let (_, b) = app
        .gql(
            Some(&other.t.caseworker.token),
            ONE,
            json!({ "id": missing }),
        )
        .await;
    assert_eq!(a["errors"][0]["message"], b["errors"][0]["message"]);
    // The other tenant's carriers cannot decide this tenant's transfer.
    for u in [&other.b_cw, &other.b_admin] {
        assert_eq!(
            code(&app, &u.token, ACCEPT, json!({ "id": transfer, "v": 1 }))
                .await
                .0,
            "NOT_FOUND"
        );
        assert_eq!(
            code(
                &app,
                &u.token,
                REJECT,
                json!({ "id": transfer, "v": 1, "r": "x" })
            )
            .await
            .0,
            "NOT_FOUND"
        );
    }
    assert_eq!(
        count(&app, &c.t, "audit_log").await,
        audit_before,
        "nothing written in the first city"
    );
    // Another tenant's carrier is not an organisation here.
    let (own, _) = household(&app, &other.t.caseworker.token, "X-2", "Eigen", 0).await;
    ok(
        &app,
        &other.t.caseworker.token,
        CONSENT,
        json!({ "h": own, "i": share() }),
    )
    .await;
    assert_eq!(
        code(
            &app,
            &other.t.caseworker.token,
            ASSIGN,
            json!({ "h": own, "v": 1, "o": c.carrier_a })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert!(
        refs(
            &ok(
                &app,
                &other.t.caseworker.token,
                LIST,
                json!({ "f": { "reference": "X-1" } })
            )
            .await
        )
        .is_empty()
    );
}

#[tokio::test]
async fn carriers_see_only_their_households_and_a_transfer_moves_the_case() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (mine, _) = household(&app, tok, "C-1", "Assigned", 1).await;
    let (unassigned, _) = household(&app, tok, "C-2", "Open", 0).await;
    assign(&app, &c, &mine, &c.carrier_a, Some(&c.a_cw)).await;

    // Carrier A sees and works its household, nothing else.
    assert_eq!(
        refs(&ok(&app, &c.a_cw.token, LIST, json!({})).await),
        ["C-1"]
    );
    assert_eq!(
        code(&app, &c.a_cw.token, ONE, json!({ "id": unassigned }))
            .await
            .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            &app,
            &c.a_cw.token,
            ASSESS,
            json!({ "h": unassigned, "i": assessment("READY") })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    ok(
        &app,
        &c.a_cw.token,
        ASSESS,
        json!({ "h": mine, "i": assessment("READY") }),
    )
    .await;
    let v = version(&app, &c.a_cw.token, &mine).await;
    ok(
        &app,
        &c.a_cw.token,
        TRANSITION,
        json!({ "h": mine, "v": v, "to": "ACTIVE", "r": "Träger übernimmt" }),
    )
    .await;
    // Carrier B sees nothing.
    assert!(refs(&ok(&app, &c.b_cw.token, LIST, json!({})).await).is_empty());
    assert_eq!(
        code(&app, &c.b_cw.token, ONE, json!({ "id": mine }))
            .await
            .0,
        "NOT_FOUND"
    );
    // Carriers neither take in nor assign.
    let (f, _) = code(
        &app,
        &c.a_cw.token,
        CREATE,
        json!({ "i": { "reference": "C-9", "members": [person("A", "B", "HEAD")] } }),
    )
    .await;
    assert_eq!(f, "FORBIDDEN");
    assert_eq!(
        code(
            &app,
            &c.a_cw.token,
            ASSIGN,
            json!({ "h": unassigned, "v": 1, "o": c.carrier_a })
        )
        .await
        .0,
        "FORBIDDEN"
    );

    // The carrier admin sees the case frame, not the people.
    let frame = ok(&app, &c.a_admin.token, "query($id: ID!) { household(id: $id) { reference state carrier { name } carrierHistory { status } } }", json!({ "id": mine })).await;
    assert_eq!(frame["household"]["carrier"]["name"], "Caritas");
    for part in [
        "members { givenName }",
        "counsellingSessions { notes }",
        "readinessHistory { overall }",
        "goals { title }",
        "followUps { notes }",
    ] {
        let q = format!("query($id: ID!) {{ household(id: $id) {{ {part} }} }}");
        assert_eq!(
            code(&app, &c.a_admin.token, &q, json!({ "id": mine }))
                .await
                .0,
            "FORBIDDEN",
            "{part}"
        );
    }
    let v = version(&app, tok, &mine).await;
    ok(&app, &c.a_admin.token, "mutation($h: ID!, $v: Int!) { setCarrierCaseworker(householdId: $h, version: $v) { carrierCaseworkerId } }", json!({ "h": mine, "v": v })).await;
    // A caseworker of another carrier cannot be named.
    let v = version(&app, tok, &mine).await;
    let (got, field) = code(&app, &c.a_admin.token, "mutation($h: ID!, $v: Int!, $c: ID) { setCarrierCaseworker(householdId: $h, version: $v, caseworkerId: $c) { id } }", json!({ "h": mine, "v": v, "c": c.b_cw.id.to_string() })).await;
    assert_eq!(
        (got.as_str(), field.as_deref()),
        ("BAD_USER_INPUT", Some("caseworkerId"))
    );

    // Transfer A → B: proposed by the current carrier, rejected, proposed again, accepted.
    let t1 = ok(
        &app,
        &c.a_cw.token,
        PROPOSE,
        json!({ "h": mine, "o": c.carrier_b, "r": "Umzug in den Stadtteil des DRK" }),
    )
    .await["proposeTransfer"]
        .clone();
    assert_eq!(
        code(
            &app,
            tok,
            PROPOSE,
            json!({ "h": mine, "o": c.carrier_b, "r": "doppelt" })
        )
        .await
        .0,
        "CONFLICT"
    );
    let incoming = ok(
        &app,
        &c.b_admin.token,
        "{ incomingTransfers { id householdId status } }",
        json!({}),
    )
    .await;
    assert_eq!(incoming["incomingTransfers"][0]["id"], t1["id"]);
    // Only the receiving carrier decides.
    assert_eq!(
        code(
            &app,
            &c.a_cw.token,
            ACCEPT,
            json!({ "id": t1["id"], "v": 1 })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(&app, tok, ACCEPT, json!({ "id": t1["id"], "v": 1 }))
            .await
            .0,
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            &app,
            &c.b_cw.token,
            REJECT,
            json!({ "id": t1["id"], "v": 1, "r": "  " })
        )
        .await
        .1
        .as_deref(),
        Some("reason")
    );
    let r = ok(
        &app,
        &c.b_cw.token,
        REJECT,
        json!({ "id": t1["id"], "v": 1, "r": "keine Kapazität" }),
    )
    .await;
    assert_eq!(r["rejectTransfer"]["decisionReason"], "keine Kapazität");
    assert_eq!(
        code(
            &app,
            &c.b_cw.token,
            ACCEPT,
            json!({ "id": t1["id"], "v": 2 })
        )
        .await
        .0,
        "CONFLICT",
        "already decided"
    );
    assert_eq!(
        refs(&ok(&app, &c.a_cw.token, LIST, json!({})).await),
        ["C-1"],
        "A keeps it after the rejection"
    );
    assert_eq!(
        code(&app, &c.b_cw.token, ONE, json!({ "id": mine }))
            .await
            .0,
        "NOT_FOUND"
    );

    let t2 = ok(
        &app,
        tok,
        PROPOSE,
        json!({ "h": mine, "o": c.carrier_b, "r": "zweiter Versuch" }),
    )
    .await["proposeTransfer"]
        .clone();
    let a = ok(
        &app,
        &c.b_admin.token,
        ACCEPT,
        json!({ "id": t2["id"], "v": 1, "c": c.b_cw.id.to_string() }),
    )
    .await;
    assert_eq!(a["acceptTransfer"]["status"], "ACTIVE");
    // From now on B sees the household and A sees nothing.
    let d = ok(&app, &c.b_cw.token, "query($id: ID!) { household(id: $id) { carrier { name } carrierCaseworkerId members { givenName } } }", json!({ "id": mine })).await;
    assert_eq!(d["household"]["carrier"]["name"], "DRK");
    assert_eq!(d["household"]["carrierCaseworkerId"], c.b_cw.id.to_string());
    assert!(refs(&ok(&app, &c.a_cw.token, LIST, json!({})).await).is_empty());
    assert_eq!(
        code(&app, &c.a_cw.token, ONE, json!({ "id": mine }))
            .await
            .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            &app,
            &c.a_cw.token,
            ASSESS,
            json!({ "h": mine, "i": assessment("READY") })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    let hist = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { carrierHistory { status organisationId } } }",
        json!({ "id": mine }),
    )
    .await;
    let statuses: Vec<&str> = hist["household"]["carrierHistory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ACTIVE", "REJECTED", "ENDED"], "newest first");
    assert_eq!(
        audit_actions(&app, &c.t, "carrier_assignment").await,
        [
            "create",
            "propose_transfer",
            "reject_transfer",
            "propose_transfer",
            "accept_transfer",
            "end"
        ]
    );
}

#[tokio::test]
async fn consent_gates_sharing_and_its_withdrawal_ends_the_carriers_access() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, _) = household(&app, tok, "Z-1", "Zustimmung", 0).await;
    assert_eq!(
        code(
            &app,
            tok,
            ASSIGN,
            json!({ "h": id, "v": 1, "o": c.carrier_a })
        )
        .await,
        ("BAD_USER_INPUT".into(), Some("householdId".into()))
    );
    let cons =
        ok(&app, tok, CONSENT, json!({ "h": id, "i": share() })).await["recordConsent"].clone();
    assert_eq!(
        code(&app, tok, CONSENT, json!({ "h": id, "i": share() }))
            .await
            .0,
        "CONFLICT",
        "one active consent per scope"
    );
    ok(
        &app,
        tok,
        ASSIGN,
        json!({ "h": id, "v": 1, "o": c.carrier_a }),
    )
    .await;
    assert_eq!(
        code(
            &app,
            tok,
            ASSIGN,
            json!({ "h": id, "v": 2, "o": c.carrier_b })
        )
        .await
        .0,
        "CONFLICT",
        "second assignment is a transfer"
    );
    ok(
        &app,
        tok,
        PROPOSE,
        json!({ "h": id, "o": c.carrier_b, "r": "x" }),
    )
    .await;
    assert_eq!(
        refs(&ok(&app, &c.a_cw.token, LIST, json!({})).await),
        ["Z-1"]
    );

    // Withdrawal: before the consent was given is refused; then it takes effect.
    let q = "mutation($id: ID!, $v: Int!, $on: String) { withdrawConsent(id: $id, version: $v, withdrawnOn: $on) { withdrawnOn version } }";
    assert_eq!(
        code(
            &app,
            tok,
            q,
            json!({ "id": cons["id"], "v": 1, "on": "2025-01-01" })
        )
        .await
        .1
        .as_deref(),
        Some("withdrawnOn")
    );
    let w = ok(
        &app,
        tok,
        q,
        json!({ "id": cons["id"], "v": 1, "on": "2026-03-01" }),
    )
    .await;
    assert_eq!(w["withdrawConsent"]["withdrawnOn"], "2026-03-01");
    assert_eq!(
        code(&app, tok, q, json!({ "id": cons["id"], "v": 2 }))
            .await
            .0,
        "CONFLICT"
    );
    assert!(
        refs(&ok(&app, &c.a_cw.token, LIST, json!({})).await).is_empty(),
        "carrier lost access"
    );
    assert_eq!(
        code(&app, &c.a_cw.token, ONE, json!({ "id": id })).await.0,
        "NOT_FOUND"
    );
    let inc = ok(
        &app,
        &c.b_cw.token,
        "{ incomingTransfers { id } }",
        json!({}),
    )
    .await;
    assert!(
        inc["incomingTransfers"].as_array().unwrap().is_empty(),
        "pending transfer withdrawn"
    );
    let d = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { carrier { id } consents { withdrawnOn } } }",
        json!({ "id": id }),
    )
    .await;
    assert!(d["household"]["carrier"].is_null());
    let v = version(&app, tok, &id).await;
    assert_eq!(
        code(
            &app,
            tok,
            ASSIGN,
            json!({ "h": id, "v": v, "o": c.carrier_a })
        )
        .await
        .1
        .as_deref(),
        Some("householdId")
    );
}

#[tokio::test]
async fn two_updates_from_the_same_version_one_wins_one_conflicts() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, _) = household(&app, tok, "V-1", "Version", 0).await;
    let upd = "mutation($h: ID!, $n: String) { updateHousehold(id: $h, version: 1, input: { notes: $n }) { version notes } }";
    let (a, b) = tokio::join!(
        app.gql(Some(tok), upd, json!({ "h": id, "n": "eins" })),
        app.gql(Some(tok), upd, json!({ "h": id, "n": "zwei" })),
    );
    let codes = [first_code(&a.1), first_code(&b.1)];
    assert_eq!(
        codes.iter().filter(|c| c.is_none()).count(),
        1,
        "{a:?} {b:?}"
    );
    assert!(codes.contains(&Some("CONFLICT")), "{a:?} {b:?}");
    // Transitions from the same version race too.
    let (a, b) = tokio::join!(
        app.gql(
            Some(tok),
            TRANSITION,
            json!({ "h": id, "v": 2, "to": "ACTIVE", "r": "a" })
        ),
        app.gql(
            Some(tok),
            TRANSITION,
            json!({ "h": id, "v": 2, "to": "PAUSED", "r": "b" })
        ),
    );
    let codes = [first_code(&a.1), first_code(&b.1)];
    assert_eq!(
        codes.iter().filter(|c| c.is_none()).count(),
        1,
        "{a:?} {b:?}"
    );
    assert!(
        codes
            .iter()
            .any(|c| matches!(c, Some("CONFLICT" | "BAD_USER_INPUT")))
    );
    assert_eq!(
        count(&app, &c.t, "case_transitions").await,
        2,
        "intake plus one"
    );
    // People have their own version.
    let pid = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id } } }",
        json!({ "id": id }),
    )
    .await["household"]["members"][0]["id"]
        .clone();
    let up = "mutation($id: ID!, $p: PersonInput!) { updatePerson(id: $id, version: 1, input: $p) { version familyName } }";
    let d = ok(
        &app,
        tok,
        up,
        json!({ "id": pid, "p": person("Amal", "Neuname", "HEAD") }),
    )
    .await;
    assert_eq!(d["updatePerson"]["version"], 2);
    assert_eq!(
        code(
            &app,
            tok,
            up,
            json!({ "id": pid, "p": person("Amal", "Dritter", "HEAD") })
        )
        .await
        .0,
        "CONFLICT"
    );
    // The rename is searchable at once, and only the changed field was audited.
    assert_eq!(
        refs(&ok(&app, tok, LIST, json!({ "f": { "search": "neuname" } })).await),
        ["V-1"]
    );
    let rows = app
        .tenant_rows(
            c.t.id,
            "SELECT fields FROM audit_log WHERE entity = 'person' AND action = 'update'",
        )
        .await;
    assert_eq!(
        rows[0].try_get::<String>("", "fields").unwrap(),
        "family_name"
    );
}

#[tokio::test]
async fn reads_are_audited_only_when_they_reveal_special_category_data() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    for i in 0..3 {
        household(&app, tok, &format!("A-{i}"), "Audit", 1).await;
    }
    // Creating selected residence data too: those reads are audited already.
    let base = app
        .tenant_rows(
            c.t.id,
            "SELECT entity_id FROM audit_log WHERE action = 'read'",
        )
        .await
        .len();
    assert_eq!(base, 3);
    let reads = || async {
        app.tenant_rows(
            c.t.id,
            "SELECT entity_id FROM audit_log WHERE action = 'read'",
        )
        .await
        .len()
            - base
    };
    ok(
        &app,
        tok,
        "{ households { edges { node { reference members { givenName } } } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        reads().await,
        0,
        "names and references alone are not audited reads"
    );
    ok(
        &app,
        tok,
        "{ households(purpose: SUPERVISION) { edges { node { members { residenceStatus } } } } }",
        json!({}),
    )
    .await;
    assert_eq!(reads().await, 3, "one entry per household revealed");
    ok(
        &app,
        tok,
        "{ households { nodes { counsellingSessions { notes } } } }",
        json!({}),
    )
    .await;
    assert_eq!(reads().await, 6, "nodes are looked ahead as well as edges");
    // Fragments count too.
    ok(&app, tok, "query { households(first: 1) { edges { node { ...R } } } } fragment R on Household { members { benefitFramework } }", json!({})).await;
    assert_eq!(reads().await, 7);
}

#[tokio::test]
async fn the_household_list_runs_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    for i in 0..50 {
        let (id, _) = household(&app, tok, &format!("N-{i:03}"), &format!("Familie{i}"), 2).await;
        if i % 2 == 0 {
            ok(
                &app,
                tok,
                ASSESS,
                json!({ "h": id, "i": assessment("READY") }),
            )
            .await;
            let org = if i % 4 == 0 {
                &c.carrier_a
            } else {
                &c.carrier_b
            };
            assign(&app, &c, &id, org, None).await;
        }
        if i % 5 == 0 {
            ok(
                &app,
                tok,
                TRANSITION,
                json!({ "h": id, "v": version(&app, tok, &id).await, "to": "ACTIVE", "r": "x" }),
            )
            .await;
        }
    }
    let q = "query($n: Int!) { households(first: $n) { edges { node { id reference state size readiness readinessOn
        carrier { id name } members { givenName familyName residenceStatus benefitFramework } } } } }";
    ok(&app, tok, q, json!({ "n": 1 })).await; // warm caches
    let mut used = Vec::new();
    for n in [50, 10, 1] {
        let before = app.db.statements();
        let d = ok(&app, tok, q, json!({ "n": n })).await;
        used.push(app.db.statements() - before);
        let edges = d["households"]["edges"].as_array().unwrap();
        assert_eq!(edges.len(), n as usize);
        if n == 50 {
            assert_eq!(edges[0]["node"]["members"].as_array().unwrap().len(), 3);
            assert_eq!(edges[0]["node"]["carrier"]["name"], "Caritas");
            assert_eq!(edges[2]["node"]["carrier"]["name"], "DRK");
            assert_eq!(edges[0]["node"]["readiness"], "READY");
        }
    }
    assert!(
        used.iter().all(|u| *u == used[0]),
        "statement counts differ with page size: {used:?}"
    );
    // Principal (3) + tenant setting, households, carriers, members, audit (4) + commit.
    assert!(used[0] <= 14, "household list used {} statements", used[0]);
}

#[tokio::test]
async fn platform_users_and_city_admins_see_no_household() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let (id, _) = household(&app, &c.t.caseworker.token, "P-1", "Plattform", 0).await;
    let officer = app.platform_user("Stella Land", Role::StateOfficer).await;
    let operator = app
        .platform_user("Otto Betrieb", Role::PlatformOperator)
        .await;
    for u in [&officer, &operator, &c.admin] {
        assert_eq!(code(&app, &u.token, LIST, json!({})).await.0, "FORBIDDEN");
        assert_eq!(
            code(&app, &u.token, ONE, json!({ "id": id })).await.0,
            "FORBIDDEN"
        );
        assert_eq!(
            code(
                &app,
                &u.token,
                TRANSITION,
                json!({ "h": id, "v": 1, "to": "ACTIVE", "r": "x" })
            )
            .await
            .0,
            "FORBIDDEN"
        );
    }
    let (_, body) = app.gql(None, LIST, json!({})).await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"));
    // A coordinator works cases like a caseworker.
    let coord = app
        .user(
            &c.t,
            c.t.department,
            "Cora Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    assert_eq!(
        refs(&ok(&app, &coord.token, LIST, json!({})).await),
        ["P-1"]
    );
}

#[tokio::test]
async fn a_casework_entry_altered_in_the_database_is_reported_at_that_entry() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, _) = household(&app, tok, "T-1", "Tamper", 0).await;
    ok(
        &app,
        tok,
        TRANSITION,
        json!({ "h": id, "v": 1, "to": "ACTIVE", "r": "x" }),
    )
    .await;
    let rows = app
        .tenant_rows(
            c.t.id,
            "SELECT seq FROM audit_log WHERE entity = 'case_transition' ORDER BY seq DESC",
        )
        .await;
    let seq: i64 = rows[0].try_get("", "seq").unwrap();
    // As an attacker with database access: on PostgreSQL the owner with triggers off.
    use sea_orm::ConnectionTrait;
    match app.pg_admin().await {
        Some(admin) => {
            admin
                .execute_unprepared(&format!(
                    "SET session_replication_role = replica; UPDATE audit_log SET action = 'delete' WHERE tenant_id = '{}' AND seq = {seq}",
                    c.t.id
                ))
                .await
                .unwrap();
        }
        None => {
            app.db
                .raw()
                .execute_unprepared(&format!(
                    "UPDATE audit_log SET action = 'delete' WHERE seq = {seq}"
                ))
                .await
                .unwrap();
        }
    }
    let d = ok(
        &app,
        &c.admin.token,
        "{ verifyAuditChain { intact firstBrokenSeq } }",
        json!({}),
    )
    .await;
    assert_eq!(d["verifyAuditChain"]["intact"], false);
    assert_eq!(d["verifyAuditChain"]["firstBrokenSeq"], seq);
}

#[tokio::test]
async fn another_carriers_household_looks_missing_for_every_operation() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let (id, _) = household(&app, tok, "S-1", "Scope", 1).await;
    assign(&app, &c, &id, &c.carrier_a, Some(&c.a_cw)).await;
    let person_id = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id } } }",
        json!({ "id": id }),
    )
    .await["household"]["members"][0]["id"]
        .clone();
    let consent = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { consents { id } } }",
        json!({ "id": id }),
    )
    .await["household"]["consents"][0]["id"]
        .clone();
    let g = ok(&app, tok, "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\", steps: [{ description: \"a\", owner: CITY, dueOn: \"2030-01-01\" }] }) { id steps { id } } }", json!({ "h": id })).await;
    let v = version(&app, tok, &id).await;
    let p = person("A", "B", "CHILD");
    let ops: Vec<(&str, Value)> = vec![
        (ONE, json!({ "id": id })),
        (
            "mutation($h: ID!, $v: Int!) { updateHousehold(id: $h, version: $v, input: { notes: \"x\" }) { id } }",
            json!({ "h": id, "v": v }),
        ),
        (
            "mutation($h: ID!, $p: PersonInput!) { addPerson(householdId: $h, input: $p) { id } }",
            json!({ "h": id, "p": p }),
        ),
        (
            "mutation($id: ID!, $p: PersonInput!) { updatePerson(id: $id, version: 1, input: $p) { id } }",
            json!({ "id": person_id, "p": p }),
        ),
        (
            TRANSITION,
            json!({ "h": id, "v": v, "to": "ACTIVE", "r": "x" }),
        ),
        (ASSESS, json!({ "h": id, "i": assessment("READY") })),
        (
            CONSENT,
            json!({ "h": id, "i": { "scope": "EVALUATION", "givenOn": "2026-01-01" } }),
        ),
        (
            "mutation($id: ID!) { withdrawConsent(id: $id, version: 1) { id } }",
            json!({ "id": consent }),
        ),
        (
            "mutation($h: ID!) { recordCounsellingSession(householdId: $h, input: { heldOn: \"2026-01-01\", participants: \"A\", topics: [OTHER] }) { id } }",
            json!({ "h": id }),
        ),
        (
            "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\" }) { id } }",
            json!({ "h": id }),
        ),
        (
            "mutation($g: ID!) { addGoalStep(goalId: $g, input: { description: \"a\", owner: CITY, dueOn: \"2030-01-01\" }) { id } }",
            json!({ "g": g["addGoal"]["id"] }),
        ),
        (
            "mutation($s: ID!) { setGoalStepDone(id: $s, version: 1, doneOn: \"2026-01-01\") { id } }",
            json!({ "s": g["addGoal"]["steps"][0]["id"] }),
        ),
        (PROPOSE, json!({ "h": id, "o": c.carrier_b, "r": "x" })),
    ];
    let audit_before = count(&app, &c.t, "audit_log").await;
    for (q, vars) in &ops {
        // The carrier admin's missing rights show first for case work it may never
        // do (FORBIDDEN whatever the household); what it may do on its own
        // households (propose a transfer) is NOT_FOUND here, exactly as for a
        // household that does not exist — no existence oracle either way.
        let admin_expects = if *q == PROPOSE || *q == ONE {
            "NOT_FOUND"
        } else {
            "FORBIDDEN"
        };
        assert_eq!(
            code(&app, &c.b_admin.token, q, vars.clone()).await.0,
            admin_expects,
            "{q}"
        );
        assert_eq!(
            code(&app, &c.b_cw.token, q, vars.clone()).await.0,
            "NOT_FOUND",
            "{q}"
        );
    }
    assert_eq!(
        code(&app, &c.b_admin.token, "mutation($h: ID!, $v: Int!) { setCarrierCaseworker(householdId: $h, version: $v) { id } }", json!({ "h": id, "v": v })).await.0,
        "NOT_FOUND"
    );
    assert_eq!(
        count(&app, &c.t, "audit_log").await,
        audit_before,
        "nothing written"
    );
    // The carrier it belongs to can do the same.
    ok(
        &app,
        &c.a_cw.token,
        TRANSITION,
        json!({ "h": id, "v": v, "to": "ACTIVE", "r": "x" }),
    )
    .await;
}

#[tokio::test]
async fn another_tenant_cannot_assign_or_transfer_this_tenants_household() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let (id, _) = household(&app, &c.t.caseworker.token, "S-2", "Fremd", 0).await;
    let other = city(&app).await;
    let tok = &other.t.caseworker.token;
    assert_eq!(
        code(
            &app,
            tok,
            ASSIGN,
            json!({ "h": id, "v": 1, "o": other.carrier_a })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            &app,
            tok,
            PROPOSE,
            json!({ "h": id, "o": other.carrier_a, "r": "x" })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            &app,
            tok,
            "mutation($h: ID!) { setCarrierCaseworker(householdId: $h, version: 1) { id } }",
            json!({ "h": id })
        )
        .await
        .0,
        "NOT_FOUND"
    );
}

/// References and transfers are per city: another city may use the same reference
/// (no `CONFLICT` that would reveal this city's), and a carrier of another city never
/// sees this city's pending transfers.
#[tokio::test]
async fn another_citys_references_and_transfers_stay_apart() {
    let app = TestApp::spawn().await;
    let a = city(&app).await;
    let b = city(&app).await;
    let (id, _) = household(&app, &a.t.caseworker.token, "SAME-1", "Erste", 0).await;
    let (_, body) = app
        .gql(
            Some(&b.t.caseworker.token),
            CREATE,
            json!({ "i": { "reference": "SAME-1", "members": [person("Bo", "Zweite", "HEAD")] } }),
        )
        .await;
    assert!(
        body["errors"].is_null(),
        "the same reference in another city: {body}"
    );
    // A's own duplicate is a conflict, in A only.
    let (_, body) = app
        .gql(
            Some(&a.t.caseworker.token),
            CREATE,
            json!({ "i": { "reference": "SAME-1", "members": [person("Cy", "Dritte", "HEAD")] } }),
        )
        .await;
    assert_eq!(first_code(&body), Some("CONFLICT"), "{body}");
    // A proposes a transfer to its carrier B; B's namesake carriers in the other city
    // see nothing of it.
    assign(&app, &a, &id, &a.carrier_a, None).await;
    ok(
        &app,
        &a.t.caseworker.token,
        PROPOSE,
        json!({ "h": id, "o": a.carrier_b, "r": "Umzug" }),
    )
    .await;
    let mine = ok(
        &app,
        &a.b_admin.token,
        "{ incomingTransfers { id householdId } }",
        json!({}),
    )
    .await;
    assert_eq!(
        mine["incomingTransfers"].as_array().unwrap().len(),
        1,
        "{mine}"
    );
    for u in [&b.b_admin, &b.b_cw, &b.a_admin] {
        let theirs = ok(&app, &u.token, "{ incomingTransfers { id } }", json!({})).await;
        assert!(
            theirs["incomingTransfers"].as_array().unwrap().is_empty(),
            "{theirs}"
        );
    }
}
