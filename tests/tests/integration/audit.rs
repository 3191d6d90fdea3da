//! The tenant audit log: readable by city admins, hash-chained, and a row altered or
//! removed in the database is reported at exactly that entry.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use wohnweg_identity::OrganisationKind;
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, TestUser, first_code};

const LOG: &str = "query($first: Int, $after: String, $entity: String, $entityId: ID, $userId: ID) {
  auditLog(first: $first, after: $after, entity: $entity, entityId: $entityId, userId: $userId) {
    edges { cursor node { seq id entity entityId action fields actorUserId } } pageInfo { hasNextPage } } }";
const VERIFY: &str = "{ verifyAuditChain { intact entries firstBrokenSeq firstBrokenEntryId } }";
const INVITE: &str = "mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }";

/// A tenant whose admin has made `n` audited changes (one organisation, then users).
async fn busy_city(app: &TestApp, n: usize) -> (TestTenant, TestUser) {
    let t = app.tenant().await;
    let admin = app
        .user(&t, t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    let (_, body) = app
        .gql(
            Some(&admin.token),
            "mutation { createOrganisation(input: { slug: \"drk\", name: \"DRK\", kind: CARRIER }) { id } }",
            json!({}),
        )
        .await;
    let org = body["data"]["createOrganisation"]["id"].clone();
    for i in 1..n {
        let (_, body) = app
            .gql(
                Some(&admin.token),
                INVITE,
                json!({ "i": { "organisationId": org, "displayName": format!("Person {i}"),
                               "email": format!("{}@example.org", uuid::Uuid::new_v4().simple()),
                               "roles": ["CARRIER_CASEWORKER"] } }),
            )
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    (t, admin)
}

fn entries(body: &Value) -> Vec<Value> {
    body["data"]["auditLog"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

/// Runs `sql` against this test's database bypassing the app's walls, as an attacker
/// with database access would: on PostgreSQL as the owner with triggers off.
async fn tamper(app: &TestApp, sql: &str) {
    match app.pg_admin().await {
        Some(admin) => {
            admin
                .execute_unprepared(&format!("SET session_replication_role = replica; {sql}"))
                .await
                .unwrap();
        }
        None => {
            app.db.raw().execute_unprepared(sql).await.unwrap();
        }
    }
}

#[tokio::test]
async fn city_admins_read_the_log_newest_first_and_the_chain_holds() {
    let app = TestApp::spawn().await;
    let (_, admin) = busy_city(&app, 4).await;
    let (_, body) = app.gql(Some(&admin.token), LOG, json!({})).await;
    let log = entries(&body);
    let seqs: Vec<i64> = log.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, vec![4, 3, 2, 1], "{body}");
    assert_eq!(log[3]["entity"], "organisation");
    assert_eq!(log[0]["action"], "invite");
    assert!(
        log[0]["fields"]
            .as_array()
            .unwrap()
            .contains(&json!("email"))
    );
    assert!(
        !body.to_string().contains("example.org"),
        "no values in the log: {body}"
    );
    assert!(log.iter().all(|e| e["actorUserId"] == admin.id.to_string()));
    // Filters and paging.
    let (_, body) = app
        .gql(Some(&admin.token), LOG, json!({ "entity": "organisation" }))
        .await;
    assert_eq!(entries(&body).len(), 1);
    let (_, body) = app
        .gql(
            Some(&admin.token),
            LOG,
            json!({ "entityId": log[0]["entityId"] }),
        )
        .await;
    assert_eq!(entries(&body).len(), 1);
    let (_, body) = app
        .gql(Some(&admin.token), LOG, json!({ "first": 3 }))
        .await;
    assert_eq!(body["data"]["auditLog"]["pageInfo"]["hasNextPage"], true);
    let cursor = body["data"]["auditLog"]["edges"][2]["cursor"].clone();
    let (_, body) = app
        .gql(
            Some(&admin.token),
            LOG,
            json!({ "first": 3, "after": cursor }),
        )
        .await;
    assert_eq!(
        entries(&body)
            .iter()
            .map(|e| e["seq"].clone())
            .collect::<Vec<_>>(),
        vec![json!(1)]
    );

    let (_, body) = app.gql(Some(&admin.token), VERIFY, json!({})).await;
    assert_eq!(
        body["data"]["verifyAuditChain"],
        json!({ "intact": true, "entries": 4, "firstBrokenSeq": null, "firstBrokenEntryId": null })
    );
}

#[tokio::test]
async fn an_entry_altered_in_the_database_is_reported_at_exactly_that_entry() {
    let app = TestApp::spawn().await;
    let (a, admin_a) = busy_city(&app, 4).await;
    let (b, admin_b) = busy_city(&app, 3).await;
    let (_, body) = app.gql(Some(&admin_a.token), LOG, json!({})).await;
    let second = entries(&body).into_iter().find(|e| e["seq"] == 2).unwrap();

    // Rewrite which fields entry 2 of city A says were changed.
    tamper(
        &app,
        &format!(
            "UPDATE audit_log SET fields = 'nothing' WHERE seq = 2 AND tenant_id = {}",
            tenant_literal(&app, a.id)
        ),
    )
    .await;
    let (_, body) = app.gql(Some(&admin_a.token), VERIFY, json!({})).await;
    let r = &body["data"]["verifyAuditChain"];
    assert_eq!(r["intact"], false, "{body}");
    assert_eq!(r["firstBrokenSeq"], 2);
    assert_eq!(r["firstBrokenEntryId"], second["id"]);
    assert_eq!(r["entries"], 1);

    // City B is untouched by A's tampering…
    let (_, body) = app.gql(Some(&admin_b.token), VERIFY, json!({})).await;
    assert_eq!(body["data"]["verifyAuditChain"]["intact"], true, "{body}");
    // …and a removed last entry is a cut-off tail, reported at its place.
    tamper(
        &app,
        &format!(
            "DELETE FROM audit_log WHERE seq = 3 AND tenant_id = {}",
            tenant_literal(&app, b.id)
        ),
    )
    .await;
    let (_, body) = app.gql(Some(&admin_b.token), VERIFY, json!({})).await;
    let r = &body["data"]["verifyAuditChain"];
    assert_eq!(r["intact"], false, "{body}");
    assert_eq!(r["firstBrokenSeq"], 3);
    assert_eq!(r["firstBrokenEntryId"], Value::Null);
}

/// How a tenant id is written in SQL for this backend (uuid on PostgreSQL, blob on SQLite).
fn tenant_literal(app: &TestApp, id: wohnweg_kernel::TenantId) -> String {
    if app
        .config
        .database_url
        .as_deref()
        .is_some_and(|u| u.starts_with("postgres"))
    {
        format!("'{id}'")
    } else {
        format!("X'{}'", id.uuid().simple())
    }
}

#[tokio::test]
async fn only_city_admins_reach_the_log_and_only_their_own() {
    let app = TestApp::spawn().await;
    let (a, admin_a) = busy_city(&app, 2).await;
    let (_, admin_b) = busy_city(&app, 2).await;
    let carrier = app
        .organisation(&a, "caritas", "Caritas", OrganisationKind::Carrier)
        .await;
    let carrier_admin = app.user(&a, carrier, "Carl", &[Role::CarrierAdmin]).await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    for (who, token) in [
        ("city caseworker", &a.caseworker.token),
        ("carrier admin", &carrier_admin.token),
        ("operator", &op.token),
    ] {
        for q in [LOG, VERIFY] {
            let (_, body) = app.gql(Some(token), q, json!({})).await;
            assert_eq!(first_code(&body), Some("FORBIDDEN"), "{who}: {body}");
        }
    }
    // Each city's admin sees its own entries only.
    let (_, body_a) = app.gql(Some(&admin_a.token), LOG, json!({})).await;
    let (_, body_b) = app.gql(Some(&admin_b.token), LOG, json!({})).await;
    let ids = |b: &Value| {
        entries(b)
            .iter()
            .map(|e| e["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&body_a).len(), 2);
    assert!(ids(&body_a).iter().all(|id| !ids(&body_b).contains(id)));
    // B's entity ids are not found through A's filters.
    let b_entity = entries(&body_b)[0]["entityId"].clone();
    let (_, body) = app
        .gql(Some(&admin_a.token), LOG, json!({ "entityId": b_entity }))
        .await;
    assert_eq!(entries(&body).len(), 0);
}

#[tokio::test]
async fn bad_log_arguments_are_refused() {
    let app = TestApp::spawn().await;
    let (_, admin) = busy_city(&app, 1).await;
    for (field, vars) in [
        ("first", json!({ "first": 0 })),
        ("first", json!({ "first": 101 })),
        ("after", json!({ "after": "x" })),
        ("entityId", json!({ "entityId": "nope" })),
        ("userId", json!({ "userId": "nope" })),
    ] {
        let (_, body) = app.gql(Some(&admin.token), LOG, vars).await;
        assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{field}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field);
    }
}

#[tokio::test]
#[cfg_attr(not(pg), ignore = "PostgreSQL-only: set DATABASE_URL to run it")]
async fn concurrent_changes_keep_one_unbroken_chain() {
    wohnweg_tests::pg_url();
    let app = TestApp::spawn().await;
    let (_, admin) = busy_city(&app, 1).await;
    let (_, body) = app
        .gql(
            Some(&admin.token),
            "{ organisations { edges { node { id slug } } } }",
            json!({}),
        )
        .await;
    let org = body["data"]["organisations"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["slug"] == "drk")
        .unwrap()["node"]["id"]
        .clone();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (http, base, token, org) = (
            app.http.clone(),
            app.base.clone(),
            admin.token.clone(),
            org.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let body: Value = http
                .post(format!("{base}/graphql"))
                .bearer_auth(token)
                .json(&json!({ "query": INVITE, "variables": { "i": { "organisationId": org,
                    "displayName": format!("Parallel {i}"), "email": format!("{}@example.org", uuid::Uuid::new_v4().simple()),
                    "roles": ["CARRIER_CASEWORKER"] } } }))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert!(body["errors"].is_null(), "{body}");
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let (_, body) = app.gql(Some(&admin.token), VERIFY, json!({})).await;
    assert_eq!(body["data"]["verifyAuditChain"]["intact"], true, "{body}");
    assert_eq!(body["data"]["verifyAuditChain"]["entries"], 9);
}

#[tokio::test]
async fn a_removed_or_rewound_chain_head_is_reported() {
    let app = TestApp::spawn().await;
    let (a, admin_a) = busy_city(&app, 3).await;
    // Head gone (triggers off, as an attacker with the owner's rights): the entries are
    // still there, so the chain is broken from the start — not "0 entries, intact".
    tamper(
        &app,
        &format!(
            "DELETE FROM audit_heads WHERE tenant_id = {}",
            tenant_literal(&app, a.id)
        ),
    )
    .await;
    let (_, body) = app.gql(Some(&admin_a.token), VERIFY, json!({})).await;
    let r = &body["data"]["verifyAuditChain"];
    assert_eq!(r["intact"], false, "{body}");
    assert_eq!(r["firstBrokenSeq"], 1);

    // A head pointing beyond the last entry: a cut-off tail.
    let (b, admin_b) = busy_city(&app, 3).await;
    tamper(
        &app,
        &format!(
            "UPDATE audit_heads SET seq = seq + 1 WHERE tenant_id = {}",
            tenant_literal(&app, b.id)
        ),
    )
    .await;
    let (_, body) = app.gql(Some(&admin_b.token), VERIFY, json!({})).await;
    let r = &body["data"]["verifyAuditChain"];
    assert_eq!(r["intact"], false, "{body}");
    assert_eq!(r["firstBrokenSeq"], 4);
}

/// Verification runs while other requests append to the same chain (audited reads of
/// residence data): it must never report a break on an intact chain. Before the fix
/// the walk and the head were read in different snapshots, and an append committing in
/// between looked like a cut-off tail.
#[tokio::test]
async fn verification_under_concurrent_audited_reads_never_reports_a_break() {
    let app = TestApp::spawn().await;
    let (t, admin) = busy_city(&app, 1).await;
    let (_, body) = app
        .gql(
            Some(&t.caseworker.token),
            "mutation { createHousehold(input: { reference: \"V-1\", members: [{ givenName: \"A\", familyName: \"B\",
              relation: HEAD, residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id } }",
            json!({}),
        )
        .await;
    let id = body["data"]["createHousehold"]["id"].clone();
    assert!(id.is_string(), "{body}");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut readers = Vec::new();
    for _ in 0..4 {
        let (http, base, token, id, stop) = (
            app.http.clone(),
            app.base.clone(),
            t.caseworker.token.clone(),
            id.clone(),
            stop.clone(),
        );
        readers.push(tokio::spawn(async move {
            let mut reads = 0u32;
            // Bounded: at most 400 reads per reader, whatever the verifier does.
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && reads < 400 {
                let body: Value = http
                    .post(format!("{base}/graphql"))
                    .bearer_auth(&token)
                    .json(&json!({ "query": "query($id: ID!) { household(id: $id, purpose: CASE_WORK) { members { residenceStatus } } }",
                                   "variables": { "id": id } }))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                assert!(body["errors"].is_null(), "{body}");
                reads += 1;
            }
            reads
        }));
    }
    for check in 0..60 {
        let (_, body) = app.gql(Some(&admin.token), VERIFY, json!({})).await;
        assert_eq!(
            body["data"]["verifyAuditChain"]["intact"], true,
            "check {check}: {body}"
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut reads = 0;
    for r in readers {
        reads += r.await.unwrap();
    }
    assert!(reads > 0, "the readers appended while the checks ran");
    let (_, body) = app.gql(Some(&admin.token), VERIFY, json!({})).await;
    let total = body["data"]["verifyAuditChain"]["entries"]
        .as_u64()
        .unwrap();
    assert!(
        total >= 2 + u64::from(reads),
        "{total} entries for {reads} audited reads"
    );
}
