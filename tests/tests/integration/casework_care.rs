//! Aftercare, settings, data-subject rights (export, erasure), retention, and the
//! rules that keep a case consistent under concurrency and scope.

use chrono::Months;
use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::household_version as version;
use wohnweg_tests::{TestApp, TestTenant, TestUser, first_code};

struct City {
    t: TestTenant,
    admin: TestUser,
    carrier: String,
    cw: TestUser,
    carrier_admin: TestUser,
}

async fn city(app: &TestApp) -> City {
    let t = app.tenant().await;
    let admin = app
        .user(&t, t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    let org = app
        .organisation(&t, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    let cw = app
        .user(&t, org, "Carla Caritas", &[Role::CarrierCaseworker])
        .await;
    let carrier_admin = app
        .user(&t, org, "Alma Caritas", &[Role::CarrierAdmin])
        .await;
    City {
        t,
        admin,
        carrier: org.to_string(),
        cw,
        carrier_admin,
    }
}

fn person(given: &str, family: &str, relation: &str) -> Value {
    json!({ "givenName": given, "familyName": family, "relation": relation, "dateOfBirth": "1990-05-17",
            "nationality": "AF", "residenceStatus": "SUBSIDIARY_PROTECTION", "permitExpiresOn": "2028-02-29",
            "benefitFramework": "SGB2", "benefitChangesOn": "2027-01-01", "languageLevel": "B1", "occupation": "TRAINING" })
}

async fn ok(app: &TestApp, token: &str, query: &str, vars: Value) -> Value {
    let (_, body) = app.gql(Some(token), query, vars).await;
    assert!(body["errors"].is_null(), "{query}\n{body}");
    body["data"].clone()
}

async fn err(app: &TestApp, token: &str, query: &str, vars: Value) -> (String, Option<String>) {
    let (_, body) = app.gql(Some(token), query, vars).await;
    let c = first_code(&body).unwrap_or_else(|| panic!("expected an error: {body}"));
    (
        c.to_owned(),
        body["errors"][0]["extensions"]["field"]
            .as_str()
            .map(str::to_owned),
    )
}

async fn household(
    app: &TestApp,
    c: &City,
    reference: &str,
    members: Vec<Value>,
    notes: Option<&str>,
) -> String {
    let d = ok(
        app,
        &c.t.caseworker.token,
        "mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }",
        json!({ "i": { "reference": reference, "members": members, "notes": notes } }),
    )
    .await;
    d["createHousehold"]["id"].as_str().unwrap().to_owned()
}

async fn walk(app: &TestApp, c: &City, id: &str, states: &[&str]) {
    let tok = &c.t.caseworker.token;
    ok(app, tok, "mutation($h: ID!) { recordReadinessAssessment(householdId: $h, input: { assessedOn: \"2026-01-02\",
        rentPayment: MET, householdManagement: MET, neighbourhood: MET, tenancyLanguage: PARTLY, idDocument: true,
        incomeProof: true, schufa: true, overall: READY, notes: \"MARKER-READINESS\" }) { id } }", json!({ "h": id })).await;
    for s in states {
        if *s == "MOVED_OUT" {
            // Only a move moves a case out: here, into a flat the household found.
            ok(app, tok, "mutation($h: ID!, $d: String!) { recordSelfFoundMove(householdId: $h, input: { district: \"Kalk\", landlordKind: PRIVATE,
                rooms: 2.0, livingSpace: 48.0, grossColdRent: \"520\", moveInOn: $d }) { id } }",
                json!({ "h": id, "d": wohnweg_tests::day(0) })).await;
            continue;
        }
        let v = version(app, tok, id).await;
        ok(app, tok, "mutation($h: ID!, $v: Int!, $to: CaseState!) { transitionCase(householdId: $h, version: $v, to: $to, reason: \"MARKER-REASON\") { state } }",
            json!({ "h": id, "v": v, "to": s })).await;
    }
}

const TO_MOVED: [&str; 4] = ["ACTIVE", "SEARCHING", "OFFER_IN_PROGRESS", "MOVED_OUT"];
const FOLLOW: &str = "query($id: ID!) { household(id: $id) { tenancyCoaching followUps { id months dueOn outcome risk version overdue } } }";
const RECORD: &str = "mutation($id: ID!, $v: Int!, $i: FollowUpInput!) { recordFollowUp(id: $id, version: $v, input: $i) { outcome risk version } }";

#[tokio::test]
async fn moving_out_schedules_aftercare_and_at_risk_opens_tenancy_coaching() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let id = household(
        &app,
        &c,
        "N-1",
        vec![person("Farid", "Haidari", "HEAD")],
        None,
    )
    .await;
    walk(&app, &c, &id, &TO_MOVED).await;
    let d = ok(&app, tok, FOLLOW, json!({ "id": id })).await;
    let f = d["household"]["followUps"].as_array().unwrap().clone();
    // The move's own date, as the server recorded it (not the test's clock, which may
    // have passed midnight UTC since).
    let moved = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { stateHistory { toState effectiveOn } } }",
        json!({ "id": id }),
    )
    .await;
    let moved_on: chrono::NaiveDate = moved["household"]["stateHistory"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["toState"] == "MOVED_OUT")
        .unwrap()["effectiveOn"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let months: Vec<i64> = f.iter().map(|x| x["months"].as_i64().unwrap()).collect();
    assert_eq!(months, [1, 3, 6, 12], "the default schedule");
    let due = moved_on
        .checked_add_months(Months::new(3))
        .unwrap()
        .to_string();
    assert_eq!(f[1]["dueOn"], due);
    assert_eq!(d["household"]["tenancyCoaching"], false);

    // At risk needs a risk; a risk needs at risk.
    let first = &f[0];
    assert_eq!(
        err(
            &app,
            tok,
            RECORD,
            json!({ "id": first["id"], "v": 1, "i": { "outcome": "AT_RISK" } })
        )
        .await
        .1
        .as_deref(),
        Some("input.risk")
    );
    assert_eq!(
        err(
            &app,
            tok,
            RECORD,
            json!({ "id": first["id"], "v": 1, "i": { "outcome": "STABLE", "risk": "ARREARS" } })
        )
        .await
        .1
        .as_deref(),
        Some("input.risk")
    );
    assert_eq!(err(&app, tok, RECORD, json!({ "id": first["id"], "v": 1, "i": { "outcome": "STABLE", "recordedOn": "2999-01-01" } })).await.1.as_deref(), Some("input.recordedOn"));
    let r = ok(&app, tok, RECORD, json!({ "id": first["id"], "v": 1, "i": { "outcome": "AT_RISK", "risk": "ARREARS", "notes": "Mietrückstand zwei Monate" } })).await;
    assert_eq!(r["recordFollowUp"]["risk"], "ARREARS");
    assert_eq!(
        ok(&app, tok, FOLLOW, json!({ "id": id })).await["household"]["tenancyCoaching"],
        true
    );
    assert_eq!(
        err(
            &app,
            tok,
            RECORD,
            json!({ "id": first["id"], "v": 1, "i": { "outcome": "STABLE" } })
        )
        .await
        .0,
        "CONFLICT"
    );
    ok(
        &app,
        tok,
        RECORD,
        json!({ "id": f[1]["id"], "v": 1, "i": { "outcome": "STABLE" } }),
    )
    .await;
    assert_eq!(
        ok(&app, tok, FOLLOW, json!({ "id": id })).await["household"]["tenancyCoaching"],
        false,
        "stable again closes coaching"
    );
    // A late record of an earlier follow-up does not overrule a newer finding.
    assert_eq!(err(&app, tok, RECORD, json!({ "id": f[3]["id"], "v": 1, "i": { "outcome": "STABLE", "recordedOn": "2020-01-01" } })).await.1.as_deref(), Some("input.recordedOn"));
    ok(
        &app,
        tok,
        RECORD,
        json!({ "id": f[3]["id"], "v": 1, "i": { "outcome": "AT_RISK", "risk": "CONFLICT" } }),
    )
    .await;
    ok(
        &app,
        tok,
        RECORD,
        json!({ "id": f[2]["id"], "v": 1, "i": { "outcome": "STABLE" } }),
    )
    .await;
    assert_eq!(
        ok(&app, tok, FOLLOW, json!({ "id": id })).await["household"]["tenancyCoaching"],
        true
    );

    // Another city's caseworker and an unassigned carrier cannot reach the follow-ups.
    let other = city(&app).await;
    assert_eq!(
        err(
            &app,
            &other.t.caseworker.token,
            RECORD,
            json!({ "id": f[2]["id"], "v": 1, "i": { "outcome": "STABLE" } })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        err(
            &app,
            &c.cw.token,
            RECORD,
            json!({ "id": f[2]["id"], "v": 1, "i": { "outcome": "STABLE" } })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    let rows = app
        .tenant_rows(
            c.t.id,
            "SELECT action FROM audit_log WHERE entity = 'aftercare_followup' ORDER BY seq",
        )
        .await;
    let actions: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("", "action").unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "schedule", "schedule", "schedule", "schedule", "record", "record", "record", "record"
        ]
    );
}

#[tokio::test]
async fn a_city_admin_sets_the_schedule_and_retention() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let q = "{ caseworkSettings { aftercareMonths retentionYears version } }";
    let d = ok(&app, &c.admin.token, q, json!({})).await;
    assert_eq!(
        d["caseworkSettings"],
        json!({ "aftercareMonths": [1, 3, 6, 12], "retentionYears": 5, "version": 0 })
    );
    let upd = "mutation($v: Int!, $m: [Int!]!, $y: Int!) { updateCaseworkSettings(version: $v, aftercareMonths: $m, retentionYears: $y) { aftercareMonths retentionYears version } }";
    assert_eq!(
        err(
            &app,
            &c.t.caseworker.token,
            upd,
            json!({ "v": 0, "m": [2], "y": 3 })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        err(
            &app,
            &c.admin.token,
            upd,
            json!({ "v": 0, "m": [], "y": 3 })
        )
        .await
        .1
        .as_deref(),
        Some("aftercareMonths")
    );
    assert_eq!(
        err(
            &app,
            &c.admin.token,
            upd,
            json!({ "v": 0, "m": [2, 2], "y": 3 })
        )
        .await
        .1
        .as_deref(),
        Some("aftercareMonths")
    );
    assert_eq!(
        err(
            &app,
            &c.admin.token,
            upd,
            json!({ "v": 0, "m": [40], "y": 3 })
        )
        .await
        .1
        .as_deref(),
        Some("aftercareMonths")
    );
    assert_eq!(
        err(
            &app,
            &c.admin.token,
            upd,
            json!({ "v": 0, "m": [2], "y": 0 })
        )
        .await
        .1
        .as_deref(),
        Some("retentionYears")
    );
    let d = ok(
        &app,
        &c.admin.token,
        upd,
        json!({ "v": 0, "m": [6, 2], "y": 3 }),
    )
    .await;
    assert_eq!(
        d["updateCaseworkSettings"],
        json!({ "aftercareMonths": [2, 6], "retentionYears": 3, "version": 1 })
    );
    assert_eq!(
        err(
            &app,
            &c.admin.token,
            upd,
            json!({ "v": 0, "m": [1], "y": 3 })
        )
        .await
        .0,
        "CONFLICT"
    );
    // Another city keeps its defaults.
    let other = city(&app).await;
    assert_eq!(
        ok(&app, &other.admin.token, q, json!({})).await["caseworkSettings"]["version"],
        0
    );
    // The new schedule applies to the next move.
    let id = household(
        &app,
        &c,
        "S-1",
        vec![person("Olena", "Kovalenko", "HEAD")],
        None,
    )
    .await;
    walk(&app, &c, &id, &TO_MOVED).await;
    let f = ok(&app, &c.t.caseworker.token, FOLLOW, json!({ "id": id })).await;
    let months: Vec<i64> = f["household"]["followUps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["months"].as_i64().unwrap())
        .collect();
    assert_eq!(months, [2, 6]);
    assert_eq!(
        err(&app, &c.carrier_admin.token, q, json!({})).await.0,
        "FORBIDDEN"
    );
}

async fn rows_in(app: &TestApp, t: &TestTenant, table: &str) -> i64 {
    let rows = app
        .tenant_rows(t.id, &format!("SELECT COUNT(*) AS n FROM {table}"))
        .await;
    rows[0].try_get("", "n").unwrap()
}

#[tokio::test]
async fn export_holds_everything_and_erasure_leaves_no_personal_value() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let id = household(
        &app,
        &c,
        "E-1",
        vec![
            person("Zyxwa", "Qorvath", "HEAD"),
            person("Mirelle", "Qorvath", "CHILD"),
        ],
        Some("MARKER-NOTES"),
    )
    .await;
    let mut stays = person("Bleibt", "Erhalten", "HEAD");
    stays["dateOfBirth"] = json!("1977-07-07");
    stays["permitExpiresOn"] = json!("2029-09-09");
    household(&app, &c, "E-2", vec![stays], None).await;
    ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-01\", note: \"MARKER-CONSENT\" }) { id } }", json!({ "h": id })).await;
    ok(&app, tok, "mutation($h: ID!) { recordCounsellingSession(householdId: $h, input: { heldOn: \"2026-01-05\", participants: \"Zyxwa Qorvath\", topics: [HEALTH], barriers: [MENTAL_HEALTH], notes: \"MARKER-COUNSEL\", nextSteps: \"MARKER-NEXT\" }) { id } }", json!({ "h": id })).await;
    ok(&app, tok, "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"MARKER-GOAL\", steps: [{ description: \"MARKER-STEP\", owner: HOUSEHOLD, dueOn: \"2027-01-01\" }] }) { id } }", json!({ "h": id })).await;
    let v = version(&app, tok, &id).await;
    ok(&app, tok, "mutation($h: ID!, $v: Int!, $o: ID!) { assignCarrier(householdId: $h, version: $v, organisationId: $o) { id } }", json!({ "h": id, "v": v, "o": c.carrier })).await;
    walk(&app, &c, &id, &TO_MOVED).await;
    let d = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id } followUps { id } } }",
        json!({ "id": id }),
    )
    .await;
    let pid = d["household"]["members"][0]["id"].clone();
    let fid = d["household"]["followUps"][0]["id"].clone();
    ok(&app, tok, "mutation($id: ID!) { recordFollowUp(id: $id, version: 1, input: { outcome: AT_RISK, risk: CONFLICT, notes: \"MARKER-FOLLOW\" }) { id } }", json!({ "id": fid })).await;

    // Export: everything, audited with its purpose; city staff only, in scope only.
    let ex = "query($p: ID!) { exportPersonData(personId: $p, purpose: DATA_SUBJECT_REQUEST) }";
    let e = ok(&app, tok, ex, json!({ "p": pid })).await["exportPersonData"].clone();
    assert_eq!(e["person"]["given_name"], "Zyxwa");
    assert_eq!(e["household"]["notes"], "MARKER-NOTES");
    let others = e["householdMembers"].as_array().unwrap();
    assert_eq!(others.len(), 1, "the other member, by name only");
    assert_eq!(others[0]["given_name"], "Mirelle");
    assert!(others[0].get("residence").is_none() && others[0].get("date_of_birth").is_none());
    let accesses = e["accessLog"].as_array().unwrap();
    assert!(
        accesses
            .iter()
            .any(|a| a["action"] == "create" && a["entity"] == "household"),
        "{e}"
    );
    assert_eq!(e["counsellingSessions"][0]["notes"], "MARKER-COUNSEL");
    assert_eq!(e["goalSteps"][0]["description"], "MARKER-STEP");
    assert_eq!(e["aftercareFollowUps"].as_array().unwrap().len(), 4);
    assert_eq!(e["consents"][0]["note"], "MARKER-CONSENT");
    let exports = app
        .tenant_rows(
            c.t.id,
            "SELECT purpose FROM audit_log WHERE action = 'export'",
        )
        .await;
    assert_eq!(
        exports[0]
            .try_get::<Option<String>>("", "purpose")
            .unwrap()
            .as_deref(),
        Some("data_subject_request")
    );
    assert_eq!(
        err(&app, &c.cw.token, ex, json!({ "p": pid })).await.0,
        "FORBIDDEN",
        "carriers do not export"
    );
    let other = city(&app).await;
    assert_eq!(
        err(&app, &other.t.caseworker.token, ex, json!({ "p": pid }))
            .await
            .0,
        "NOT_FOUND"
    );

    // Erasure: closed cases only, current version only.
    let erase = "mutation($id: ID!, $v: Int!) { eraseHousehold(id: $id, version: $v) { erased reference size state stateHistory { toState reason } members { givenName familyName dateOfBirth } } }";
    let v = version(&app, tok, &id).await;
    assert_eq!(
        err(&app, tok, erase, json!({ "id": id, "v": v })).await,
        ("BAD_USER_INPUT".to_owned(), Some("id".to_owned()))
    );
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: CLOSED, reason: \"MARKER-CLOSE\") { id } }", json!({ "h": id, "v": v })).await;
    assert_eq!(
        err(&app, tok, erase, json!({ "id": id, "v": v })).await.0,
        "CONFLICT"
    );
    assert_eq!(
        err(
            &app,
            &other.t.caseworker.token,
            erase,
            json!({ "id": id, "v": v + 1 })
        )
        .await
        .0,
        "NOT_FOUND"
    );
    assert_eq!(
        err(&app, &c.cw.token, erase, json!({ "id": id, "v": v + 1 }))
            .await
            .0,
        "FORBIDDEN"
    );
    // Every table of the schema, from the catalog: a table added later is scanned too.
    let tables = app.all_tables().await;
    assert!(tables.len() >= 25, "{tables:?}");
    let mut counts = Vec::new();
    for t in &tables {
        counts.push(rows_in(&app, &c.t, t).await);
    }
    let d = ok(&app, tok, erase, json!({ "id": id, "v": v + 1 })).await["eraseHousehold"].clone();
    assert_eq!(d["erased"], true);
    assert_eq!(d["size"], 2, "counts still add up");
    assert_eq!(d["state"], "CLOSED");
    assert_eq!(
        d["stateHistory"].as_array().unwrap().len(),
        6,
        "intake, four steps, closed"
    );
    assert!(d["members"][0]["dateOfBirth"].is_null());
    assert_eq!(
        err(&app, tok, erase, json!({ "id": id, "v": v + 2 }))
            .await
            .0,
        "CONFLICT",
        "erased once"
    );
    let after = "mutation($h: ID!) { recordCounsellingSession(householdId: $h, input: { heldOn: \"2026-01-01\", participants: \"Zyxwa\", topics: [OTHER] }) { id } }";
    assert_eq!(
        err(&app, tok, after, json!({ "h": id })).await.1.as_deref(),
        Some("householdId"),
        "an erased case takes no new data"
    );

    // No personal value of that household is left anywhere; the other household's is.
    let markers = [
        "Zyxwa",
        "Qorvath",
        "Mirelle",
        "MARKER",
        "1990-05-17",
        "2028-02-29",
        "E-1",
    ];
    let mut kept = false;
    for (t, before) in tables.iter().zip(counts) {
        // Rows stay; the log gains exactly the erasure's entry.
        let grown = if t == "audit_log" { 1 } else { 0 };
        assert_eq!(
            rows_in(&app, &c.t, t).await,
            before + grown,
            "{t}: rows kept"
        );
        let all = app.table_texts(c.t.id, t).await;
        for v in &all {
            for m in markers {
                assert!(!v.contains(m), "{t} still holds {m}: {v}");
            }
            kept |= v.contains("Erhalten");
        }
    }
    assert!(kept, "the other household is untouched");
    let s = ok(
        &app,
        tok,
        "{ households(filter: { search: \"qorvath\" }) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert!(s["households"]["edges"].as_array().unwrap().is_empty());
    let chain = ok(
        &app,
        &c.admin.token,
        "{ verifyAuditChain { intact } }",
        json!({}),
    )
    .await;
    assert_eq!(
        chain["verifyAuditChain"]["intact"], true,
        "erasure does not touch the log"
    );
}

#[tokio::test]
async fn the_retention_job_erases_closed_cases_past_the_period_only() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let old = household(
        &app,
        &c,
        "R-OLD",
        vec![person("Alt", "Geschlossen", "HEAD")],
        None,
    )
    .await;
    let recent = household(
        &app,
        &c,
        "R-NEW",
        vec![person("Neu", "Geschlossen", "HEAD")],
        None,
    )
    .await;
    let open = household(
        &app,
        &c,
        "R-OPEN",
        vec![person("Noch", "Offen", "HEAD")],
        None,
    )
    .await;
    for id in [&old, &recent] {
        let v = version(&app, tok, id).await;
        ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: CLOSED, reason: \"fertig\") { id } }", json!({ "h": id, "v": v })).await;
    }
    // Let six years pass for two of them (closed and open alike).
    let sql =
        "UPDATE households SET state_since = '2020-01-01' WHERE reference IN ('R-OLD', 'R-OPEN')";
    app.exec_as_owner(sql).await;
    assert_eq!(
        wohnweg_gateway::jobs::retention(&app.db, &app.cache)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        wohnweg_gateway::jobs::retention(&app.db, &app.cache)
            .await
            .unwrap(),
        0,
        "idempotent"
    );
    let q = "query($id: ID!) { household(id: $id) { erased members { familyName } } }";
    assert_eq!(
        ok(&app, tok, q, json!({ "id": old })).await["household"]["erased"],
        true
    );
    assert_eq!(
        ok(&app, tok, q, json!({ "id": recent })).await["household"]["members"][0]["familyName"],
        "Geschlossen"
    );
    assert_eq!(
        ok(&app, tok, q, json!({ "id": open })).await["household"]["erased"],
        false
    );
    let rows = app
        .tenant_rows(
            c.t.id,
            "SELECT action FROM audit_log WHERE action = 'erase'",
        )
        .await;
    assert_eq!(rows.len(), 1, "the job's erasure is audited");
}

#[tokio::test]
async fn case_rules_hold_under_scope_and_concurrency() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let id = household(
        &app,
        &c,
        "Q-1",
        vec![
            person("Kopf", "Regel", "HEAD"),
            person("Kind", "Regel", "CHILD"),
        ],
        None,
    )
    .await;
    let members = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id version } } }",
        json!({ "id": id }),
    )
    .await;
    let head = members["household"]["members"][0]["id"].clone();
    // The only head cannot be demoted.
    let up = "mutation($id: ID!, $p: PersonInput!) { updatePerson(id: $id, version: 1, input: $p) { id } }";
    assert_eq!(
        err(
            &app,
            tok,
            up,
            json!({ "id": head, "p": person("Kopf", "Regel", "PARTNER") })
        )
        .await
        .1
        .as_deref(),
        Some("input.relation")
    );
    // An empty change is refused, not counted as a change.
    assert_eq!(
        err(
            &app,
            tok,
            "mutation($h: ID!) { updateHousehold(id: $h, version: 1, input: {}) { id } }",
            json!({ "h": id })
        )
        .await
        .1
        .as_deref(),
        Some("input")
    );
    assert_eq!(version(&app, tok, &id).await, 1);
    // Two members added at once as head: only one can be.
    let add =
        "mutation($h: ID!, $p: PersonInput!) { addPerson(householdId: $h, input: $p) { id } }";
    let (a, b) = tokio::join!(
        app.gql(
            Some(tok),
            add,
            json!({ "h": id, "p": person("Zwei", "Regel", "CHILD") })
        ),
        app.gql(
            Some(tok),
            add,
            json!({ "h": id, "p": person("Drei", "Regel", "HEAD") })
        ),
    );
    assert!(a.1["errors"].is_null(), "{a:?}");
    assert_eq!(first_code(&b.1), Some("BAD_USER_INPUT"));

    // Carrier admins get the frame: no search, no readiness filter, and a mutation
    // whose selection they may not read is refused before it writes.
    ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-01\" }) { id } }", json!({ "h": id })).await;
    ok(&app, tok, "mutation($h: ID!, $o: ID!) { assignCarrier(householdId: $h, version: 1, organisationId: $o) { id } }", json!({ "h": id, "o": c.carrier })).await;
    let ca = &c.carrier_admin.token;
    assert_eq!(
        err(
            &app,
            ca,
            "{ households(filter: { search: \"regel\" }) { edges { node { id } } } }",
            json!({})
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(
        err(
            &app,
            ca,
            "{ households(filter: { readiness: READY }) { edges { node { id } } } }",
            json!({})
        )
        .await
        .0,
        "FORBIDDEN"
    );
    // With data present behind every field the frame leaves out: readiness, notes,
    // languages, free-text reasons and consent notes.
    let v = version(&app, tok, &id).await;
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { updateHousehold(id: $h, version: $v, input: { languages: [\"ar\", \"fa\"], notes: \"MARKER-NOTE\" }) { id } }", json!({ "h": id, "v": v })).await;
    ok(&app, tok, "mutation($h: ID!) { recordReadinessAssessment(householdId: $h, input: { assessedOn: \"2026-01-02\", rentPayment: MET, householdManagement: MET,
        neighbourhood: MET, tenancyLanguage: MET, idDocument: true, incomeProof: true, schufa: true, overall: READY, notes: \"MARKER-READINESS\" }) { id } }", json!({ "h": id })).await;
    let v = version(&app, tok, &id).await;
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: ACTIVE, reason: \"MARKER-REASON Frau Q. erkrankt\") { id } }", json!({ "h": id, "v": v })).await;
    ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: EVALUATION, givenOn: \"2026-01-01\", note: \"MARKER-CONSENT\" }) { id } }", json!({ "h": id })).await;
    let full = ok(&app, tok, "query($h: ID!) { household(id: $h) { readiness languages notes stateHistory { reason } consents { note } } }", json!({ "h": id })).await;
    assert_eq!(
        full["household"]["readiness"], "READY",
        "the data is there: {full}"
    );
    assert_eq!(full["household"]["languages"], json!(["ar", "fa"]));
    let frame = ok(
        &app,
        ca,
        "{ households { edges { node { reference state readiness notes languages stateHistory { toState reason } consents { scope note } } } } }",
        json!({}),
    )
    .await;
    let node = &frame["households"]["edges"][0]["node"];
    assert_eq!(node["reference"], "Q-1");
    assert_eq!(node["state"], "ACTIVE");
    assert!(node["readiness"].is_null(), "{node}");
    assert!(node["notes"].is_null(), "{node}");
    assert_eq!(node["languages"], json!([]), "{node}");
    assert_eq!(
        node["stateHistory"].as_array().unwrap().len(),
        2,
        "the steps stay"
    );
    assert!(!node.to_string().contains("MARKER"), "no free text: {node}");
    for q in [
        "query($h: ID!) { household(id: $h) { readinessHistory { overall } } }",
        "query($h: ID!) { household(id: $h) { counsellingSessions { id } } }",
        "query($h: ID!) { household(id: $h) { members { givenName } } }",
    ] {
        assert_eq!(
            err(&app, ca, q, json!({ "h": id })).await.0,
            "FORBIDDEN",
            "{q}"
        );
    }
    let v = version(&app, tok, &id).await;
    let set = "mutation($h: ID!, $v: Int!, $c: ID) { setCarrierCaseworker(householdId: $h, version: $v, caseworkerId: $c) { members { givenName } } }";
    assert_eq!(
        err(
            &app,
            ca,
            set,
            json!({ "h": id, "v": v, "c": c.cw.id.to_string() })
        )
        .await
        .0,
        "FORBIDDEN"
    );
    assert_eq!(version(&app, tok, &id).await, v, "nothing was written");

    // Closing a case decides its pending transfer.
    let drk = app
        .organisation(&c.t, "drk", "DRK", OrganisationKind::Carrier)
        .await;
    let drk_admin = app.user(&c.t, drk, "Dora DRK", &[Role::CarrierAdmin]).await;
    let t = ok(&app, tok, "mutation($h: ID!, $o: ID!) { proposeTransfer(householdId: $h, organisationId: $o, reason: \"Umzug\") { id } }", json!({ "h": id, "o": drk.to_string() })).await;
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: CLOSED, reason: \"Auszug ohne Unterstützung\") { id } }", json!({ "h": id, "v": v })).await;
    let inc = ok(
        &app,
        &drk_admin.token,
        "{ incomingTransfers { id } }",
        json!({}),
    )
    .await;
    assert!(inc["incomingTransfers"].as_array().unwrap().is_empty());
    assert_eq!(
        err(
            &app,
            &drk_admin.token,
            "mutation($id: ID!) { acceptTransfer(id: $id, version: 1) { id } }",
            json!({ "id": t["proposeTransfer"]["id"] })
        )
        .await
        .0,
        "CONFLICT"
    );
    assert_eq!(
        err(
            &app,
            &drk_admin.token,
            "query($id: ID!) { household(id: $id) { id } }",
            json!({ "id": id })
        )
        .await
        .0,
        "NOT_FOUND"
    );
}

/// A closed case is read-only: every write on it — casework's and housing's — is
/// refused and changes nothing; only consent withdrawal and erasure remain.
#[tokio::test]
async fn a_closed_case_refuses_every_write_but_consent_withdrawal_and_erasure() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = &c.t.caseworker.token;
    let coord = app
        .user(
            &c.t,
            c.t.department,
            "Cora Koordination",
            &[Role::CityCoordinator],
        )
        .await;
    let id = household(&app, &c, "CL-1", vec![person("Kai", "Zu", "HEAD")], None).await;
    let consent = ok(&app, tok, "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: SHARE_WITH_CARRIER, givenOn: \"2026-01-01\" }) { id } }", json!({ "h": id })).await["recordConsent"]["id"].clone();
    let v = version(&app, tok, &id).await;
    ok(&app, tok, "mutation($h: ID!, $v: Int!, $o: ID!) { assignCarrier(householdId: $h, version: $v, organisationId: $o) { id } }", json!({ "h": id, "v": v, "o": c.carrier })).await;
    let goal = ok(&app, tok, "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\", steps: [{ description: \"a\", owner: CITY, dueOn: \"2030-01-01\" }] }) { id steps { id } } }", json!({ "h": id })).await["addGoal"].clone();
    walk(&app, &c, &id, &TO_MOVED).await;
    let d = ok(
        &app,
        tok,
        "query($id: ID!) { household(id: $id) { members { id } followUps { id } } }",
        json!({ "id": id }),
    )
    .await;
    let pid = d["household"]["members"][0]["id"].clone();
    let fid = d["household"]["followUps"][0]["id"].clone();
    let shelter = ok(&app, tok, "mutation { createAccommodation(input: { name: \"Heim\", kind: SHELTER, street: \"S 1\", postalCode: \"50667\", district: \"Nippes\", capacity: 5 }) { id } }", json!({})).await["createAccommodation"]["id"].clone();
    let offer = crate::guarantees::open_offer(&app, tok).await;
    let v = version(&app, tok, &id).await;
    ok(&app, tok, "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: CLOSED, reason: \"fertig\") { id } }", json!({ "h": id, "v": v })).await;
    let v = version(&app, tok, &id).await;
    let writes: Vec<(&str, &str, Value)> = vec![
        (
            tok,
            "mutation($h: ID!, $v: Int!) { updateHousehold(id: $h, version: $v, input: { notes: \"x\" }) { id } }",
            json!({ "h": id, "v": v }),
        ),
        (
            tok,
            "mutation($h: ID!, $p: PersonInput!) { addPerson(householdId: $h, input: $p) { id } }",
            json!({ "h": id, "p": person("Neu", "Zu", "CHILD") }),
        ),
        (
            tok,
            "mutation($p: ID!, $i: PersonInput!) { updatePerson(id: $p, version: 1, input: $i) { id } }",
            json!({ "p": pid, "i": person("Y", "Zu", "HEAD") }),
        ),
        (
            tok,
            "mutation($h: ID!, $v: Int!) { transitionCase(householdId: $h, version: $v, to: ACTIVE, reason: \"x\") { id } }",
            json!({ "h": id, "v": v }),
        ),
        (
            tok,
            "mutation($h: ID!) { recordReadinessAssessment(householdId: $h, input: { assessedOn: \"2026-01-02\", rentPayment: MET, householdManagement: MET, neighbourhood: MET, tenancyLanguage: MET, idDocument: true, incomeProof: true, schufa: true, overall: READY }) { id } }",
            json!({ "h": id }),
        ),
        (
            tok,
            "mutation($h: ID!) { recordConsent(householdId: $h, input: { scope: EVALUATION, givenOn: \"2026-01-01\" }) { id } }",
            json!({ "h": id }),
        ),
        (
            tok,
            "mutation($h: ID!) { recordCounsellingSession(householdId: $h, input: { heldOn: \"2026-01-01\", participants: \"A\", topics: [OTHER] }) { id } }",
            json!({ "h": id }),
        ),
        (
            tok,
            "mutation($h: ID!) { addGoal(householdId: $h, input: { title: \"Z\" }) { id } }",
            json!({ "h": id }),
        ),
        (
            tok,
            "mutation($g: ID!) { addGoalStep(goalId: $g, input: { description: \"b\", owner: CITY, dueOn: \"2030-01-01\" }) { id } }",
            json!({ "g": goal["id"] }),
        ),
        (
            tok,
            "mutation($s: ID!) { setGoalStepDone(id: $s, version: 1, doneOn: \"2026-01-01\") { id } }",
            json!({ "s": goal["steps"][0]["id"] }),
        ),
        (
            tok,
            "mutation($f: ID!) { recordFollowUp(id: $f, version: 1, input: { outcome: STABLE }) { id } }",
            json!({ "f": fid }),
        ),
        (
            tok,
            "mutation($h: ID!, $v: Int!, $o: ID!) { assignCarrier(householdId: $h, version: $v, organisationId: $o) { id } }",
            json!({ "h": id, "v": v, "o": c.carrier }),
        ),
        (
            tok,
            "mutation($h: ID!, $o: ID!) { proposeTransfer(householdId: $h, organisationId: $o, reason: \"x\") { id } }",
            json!({ "h": id, "o": c.carrier }),
        ),
        (
            tok,
            "mutation($h: ID!, $v: Int!, $c: ID) { setCarrierCaseworker(householdId: $h, version: $v, caseworkerId: $c) { id } }",
            json!({ "h": id, "v": v, "c": c.cw.id.to_string() }),
        ),
        (
            &c.carrier_admin.token,
            "mutation($h: ID!, $v: Int!, $c: ID) { setCarrierCaseworker(householdId: $h, version: $v, caseworkerId: $c) { id } }",
            json!({ "h": id, "v": v, "c": c.cw.id.to_string() }),
        ),
        (
            tok,
            "mutation($h: ID!, $a: ID!) { moveIn(householdId: $h, accommodationId: $a) { id } }",
            json!({ "h": id, "a": shelter }),
        ),
        (
            tok,
            "mutation($h: ID!, $o: ID!) { requestGuarantee(householdId: $h, input: { kind: DEPOSIT, amount: \"100\", justification: \"x\", offerId: $o }) { id } }",
            json!({ "h": id, "o": offer }),
        ),
        (
            &coord.token,
            "mutation($h: ID!, $o: ID!) { requestGuarantee(householdId: $h, input: { kind: RENT_ASSUMPTION, amount: \"100\", justification: \"x\", offerId: $o }) { id } }",
            json!({ "h": id, "o": offer }),
        ),
    ];
    let entries = || app.tenant_rows(c.t.id, "SELECT id FROM audit_log");
    let before = entries().await.len();
    for (token, q, vars) in &writes {
        let (code, field) = err(&app, token, q, vars.clone()).await;
        assert_eq!(code, "BAD_USER_INPUT", "{q}: {field:?}");
    }
    assert_eq!(entries().await.len(), before, "nothing was written");
    assert_eq!(version(&app, tok, &id).await, v, "the case is unchanged");
    // What stays possible: withdrawing a consent, and erasure.
    ok(
        &app,
        tok,
        "mutation($id: ID!) { withdrawConsent(id: $id, version: 1) { id } }",
        json!({ "id": consent }),
    )
    .await;
    let v = version(&app, tok, &id).await;
    ok(
        &app,
        tok,
        "mutation($id: ID!, $v: Int!) { eraseHousehold(id: $id, version: $v) { erased } }",
        json!({ "id": id, "v": v }),
    )
    .await;
}

/// A real race on a household-wide rule: four members added at once to a household
/// one short of its limit of 20, on separate connections released together. The
/// household row lock lines them up: exactly one is added, the others are told the
/// household is full (what they would be told one after another), and the count holds.
#[tokio::test]
async fn members_added_at_once_never_pass_the_household_limit() {
    let app = TestApp::spawn().await;
    let c = city(&app).await;
    let tok = c.t.caseworker.token.clone();
    let mut members = vec![person("Kopf", "Voll", "HEAD")];
    for i in 1..19 {
        members.push(person(&format!("Kind{i}"), "Voll", "CHILD"));
    }
    let id = household(&app, &c, "FULL-1", members, None).await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(4));
    let mut tasks = Vec::new();
    for i in 0..4 {
        let (http, base, tok, id, barrier) = (
            app.http.clone(),
            app.base.clone(),
            tok.clone(),
            id.clone(),
            barrier.clone(),
        );
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let resp = http
                .post(format!("{base}/graphql"))
                .bearer_auth(tok)
                .json(&json!({ "query": "mutation($h: ID!, $p: PersonInput!) { addPerson(householdId: $h, input: $p) { id } }",
                               "variables": { "h": id, "p": person(&format!("Neu{i}"), "Voll", "CHILD") } }))
                .send()
                .await
                .unwrap();
            wohnweg_tests::json_body(resp).await
        }));
    }
    let mut added = 0;
    for t in tasks {
        let body = t.await.unwrap();
        if body["errors"].is_null() {
            added += 1;
        } else {
            assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
            assert_eq!(body["errors"][0]["extensions"]["field"], "householdId");
        }
    }
    assert_eq!(added, 1);
    let d = ok(
        &app,
        &tok,
        "query($id: ID!) { household(id: $id) { size members { id } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(d["household"]["size"], 20);
    assert_eq!(d["household"]["members"].as_array().unwrap().len(), 20);
}
