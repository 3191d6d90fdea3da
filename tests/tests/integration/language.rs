//! The console language a user chose, kept with the user: their own only, audited,
//! refused when it is not a language the console has.

use serde_json::{Value, json};
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestUser, first_code};

const SET: &str = "mutation($l: String!) { setMyLanguage(language: $l) { id language } }";
const GET: &str = "{ viewer { id language } }";

async fn language(app: &TestApp, user: &TestUser) -> Value {
    let (_, body) = app.gql(Some(&user.token), GET, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["viewer"]["language"].clone()
}

#[tokio::test]
async fn a_user_keeps_their_language_and_only_their_own() {
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    let b = app.tenant().await;
    let colleague = app
        .user(&a, a.department, "Kollegin", &[Role::CityCaseworker])
        .await;
    let admin = app
        .user(&a, a.department, "Verwaltung", &[Role::CityAdmin])
        .await;
    assert_eq!(
        language(&app, &a.caseworker).await,
        Value::Null,
        "none chosen yet"
    );

    let (_, body) = app
        .gql(Some(&a.caseworker.token), SET, json!({ "l": "en" }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(body["data"]["setMyLanguage"]["language"], "en");
    assert_eq!(
        language(&app, &a.caseworker).await,
        "en",
        "kept with the user"
    );

    // Nobody else's changes: a colleague in the same city, a user of another city.
    assert_eq!(language(&app, &colleague).await, Value::Null);
    assert_eq!(language(&app, &b.caseworker).await, Value::Null);

    // Audited as a change of the user's own record, naming the field only.
    let (_, log) = app
        .gql(
            Some(&admin.token),
            "query($id: ID) { auditLog(entityId: $id) { nodes { action fields actorUserId } } }",
            json!({ "id": a.caseworker.id.to_string() }),
        )
        .await;
    let nodes = log["data"]["auditLog"]["nodes"].as_array().unwrap();
    assert!(
        nodes.iter().any(|n| n["action"] == "set_language"
            && n["fields"] == json!(["language"])
            && n["actorUserId"] == a.caseworker.id.to_string()),
        "{log}"
    );

    // Back to German.
    app.gql(Some(&a.caseworker.token), SET, json!({ "l": "DE" }))
        .await;
    assert_eq!(language(&app, &a.caseworker).await, "de");

    // Platform users keep theirs too.
    let officer = app
        .platform_user("Landesprogramm", Role::StateOfficer)
        .await;
    let (_, body) = app
        .gql(Some(&officer.token), SET, json!({ "l": "en" }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(language(&app, &officer).await, "en");
}

#[tokio::test]
async fn a_language_the_console_lacks_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let a = app.tenant().await;
    app.gql(Some(&a.caseworker.token), SET, json!({ "l": "en" }))
        .await;
    for bad in ["fr", "", "english", "de-DE"] {
        let (_, body) = app
            .gql(Some(&a.caseworker.token), SET, json!({ "l": bad }))
            .await;
        assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{bad}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], "language");
        assert_eq!(
            language(&app, &a.caseworker).await,
            "en",
            "unchanged by {bad:?}"
        );
    }
    let (_, body) = app.gql(None, SET, json!({ "l": "de" })).await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}
