//! Trusted documents: the console's operations are named by their hash from the
//! manifest its build wrote. With `graphql.trusted_documents_only`, a browser session
//! runs nothing else; a bearer token (an integration) still sends documents.

use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use wohnweg_tests::{TestApp, first_code, json_body};

const MANIFEST: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../graphql/console/src/gql/persisted-documents.json"
));

/// The manifest's id of the console operation `name`.
fn id_of(name: &str) -> String {
    let m: serde_json::Map<String, Value> = serde_json::from_str(MANIFEST).unwrap();
    m.iter()
        .find(|(_, d)| d.as_str().unwrap().contains(&format!("query {name}")))
        .map(|(h, _)| h.clone())
        .unwrap_or_else(|| panic!("no {name} in the manifest"))
}

/// A browser signed in as the Köln coordinator on the demo page, with its CSRF token.
async fn signed_in(app: &TestApp) -> (Client, String) {
    let b = Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap();
    let list = json_body(
        b.get(format!("{}/auth/dev", app.base))
            .header("accept", "application/json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    let ole = list
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["displayName"] == "Ole Leitstelle")
        .unwrap()
        .clone();
    let resp = b
        .post(format!("{}/auth/dev", app.base))
        .form(&[
            ("tenant", ole["tenant"].as_str().unwrap()),
            ("user", ole["user"].as_str().unwrap()),
            ("next", "/worklist"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], "/worklist");
    let info = json_body(
        b.get(format!("{}/auth/session", app.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    (b, info["csrfToken"].as_str().unwrap().to_owned())
}

async fn post(app: &TestApp, b: &Client, csrf: &str, body: Value) -> (StatusCode, Value) {
    let resp = b
        .post(format!("{}/graphql", app.base))
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    (resp.status(), json_body(resp).await)
}

#[tokio::test]
async fn a_session_runs_the_consoles_documents_by_id_and_by_default_its_own_too() {
    let app = TestApp::spawn_with(|c| c.demo = Some(true)).await;
    let (b, csrf) = signed_in(&app).await;
    let worklist = id_of("ConsoleWorklist");
    // Both forms of naming a document.
    let (_, by_id) = post(&app, &b, &csrf, json!({ "documentId": worklist })).await;
    assert!(by_id["errors"].is_null(), "{by_id}");
    assert!(by_id["data"]["worklist"]["followUps"].is_array());
    let hash = worklist.trim_start_matches("sha256:");
    let (_, by_extension) = post(
        &app,
        &b,
        &csrf,
        json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } }),
    )
    .await;
    assert_eq!(by_extension["data"], by_id["data"]);
    // With variables, in a batch next to a document sent as text.
    let (_, batch) = post(&app, &b, &csrf, json!([
        { "documentId": id_of("ConsoleHouseholds"), "variables": { "first": 5, "filter": { "search": "muller" } } },
        { "query": "{ viewer { displayName } }" },
    ])).await;
    assert_eq!(batch[0]["data"]["households"]["totalCount"], 2, "{batch}");
    assert_eq!(
        batch[1]["data"]["viewer"]["displayName"], "Ole Leitstelle",
        "{batch}"
    );
    // An id the manifest does not hold.
    let (_, unknown) = post(&app, &b, &csrf, json!({ "documentId": "sha256:0000" })).await;
    assert_eq!(
        first_code(&unknown),
        Some("PERSISTED_QUERY_NOT_FOUND"),
        "{unknown}"
    );
}

#[tokio::test]
async fn trusted_documents_only_refuses_a_sessions_own_documents_but_not_a_tokens() {
    let app = TestApp::spawn_with(|c| {
        c.demo = Some(true);
        c.graphql.trusted_documents_only = true;
    })
    .await;
    let (b, csrf) = signed_in(&app).await;
    let (_, ok) = post(
        &app,
        &b,
        &csrf,
        json!({ "documentId": id_of("ConsoleWorklist") }),
    )
    .await;
    assert!(ok["errors"].is_null(), "{ok}");
    let (status, refused) = post(
        &app,
        &b,
        &csrf,
        json!({ "query": "{ viewer { displayName } }" }),
    )
    .await;
    assert_eq!(
        first_code(&refused),
        Some("TRUSTED_DOCUMENT_REQUIRED"),
        "{refused}"
    );
    assert!(refused["data"].is_null());
    assert_eq!(status, StatusCode::OK, "application/json answers 200");
    // GET carries a document in its URL: refused for sessions too.
    let resp = b
        .get(format!("{}/graphql?query=%7Bviewer%7Bid%7D%7D", app.base))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        first_code(&json_body(resp).await),
        Some("TRUSTED_DOCUMENT_REQUIRED")
    );
    // An integration's bearer token still sends documents.
    let t = app.tenant().await;
    let (_, body) = app
        .gql(Some(&t.caseworker.token), "{ viewer { id } }", json!({}))
        .await;
    assert!(body["errors"].is_null(), "{body}");
}
