//! Every limit refuses an oversized document before any database work: the server's
//! statement counter does not move.

use serde_json::{Value, json};
use wohnweg_tests::{TestApp, first_code};

async fn refused_without_db_work(app: &TestApp, token: &str, body: &Value) -> (u16, Value) {
    let before = app.db.statements();
    let (status, resp) = app.post_json(Some(token), body).await;
    assert_eq!(
        app.db.statements(),
        before,
        "statements ran for a refused document: {resp}"
    );
    assert_eq!(resp["data"], Value::Null, "{resp}");
    (status.as_u16(), resp)
}

async fn accepted_with_db_work(app: &TestApp, token: &str, query: &str) {
    let before = app.db.statements();
    let (_, resp) = app.post_json(Some(token), &json!({ "query": query })).await;
    assert!(resp["errors"].is_null(), "control must pass: {resp}");
    assert!(
        app.db.statements() > before,
        "the control must touch the database"
    );
}

#[tokio::test]
async fn depth_limit() {
    let app = TestApp::spawn_with(|c| c.limits.max_depth = 4).await;
    let t = app.tenant().await;
    accepted_with_db_work(&app, &t.caseworker.token, "{ viewer { tenant { name } } }").await;
    let deep = "{ viewer { id } __type(name: \"Viewer\") { fields { type { ofType { ofType { name } } } } } }";
    let (_, resp) =
        refused_without_db_work(&app, &t.caseworker.token, &json!({ "query": deep })).await;
    assert_eq!(
        first_code(&resp),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{resp}"
    );
}

#[tokio::test]
async fn complexity_limit() {
    let app = TestApp::spawn_with(|c| c.limits.max_complexity = 20).await;
    let t = app.tenant().await;
    accepted_with_db_work(&app, &t.caseworker.token, "{ viewer { id displayName } }").await;
    let heavy = format!("{{ viewer {{ {} }} }}", "id displayName roles ".repeat(10));
    let (_, resp) =
        refused_without_db_work(&app, &t.caseworker.token, &json!({ "query": heavy })).await;
    assert_eq!(
        first_code(&resp),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{resp}"
    );
}

#[tokio::test]
async fn alias_limit() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let max = app.config.limits.max_aliases;
    let at_limit: String = (0..max).map(|i| format!("a{i}: __typename ")).collect();
    accepted_with_db_work(
        &app,
        &t.caseworker.token,
        &format!("{{ {at_limit} viewer {{ id }} }}"),
    )
    .await;
    let over: String = (0..=max)
        .map(|i| format!("v{i}: viewer {{ id }} "))
        .collect();
    let (_, resp) = refused_without_db_work(
        &app,
        &t.caseworker.token,
        &json!({ "query": format!("{{ {over} }}") }),
    )
    .await;
    assert_eq!(
        first_code(&resp),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{resp}"
    );
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("aliases"),
        "{resp}"
    );
}

#[tokio::test]
async fn batch_limit() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let max = app.config.limits.max_batch;
    let one = json!({ "query": "{ viewer { id } }" });
    // A batch within the limit runs every operation.
    let (status, resp) = app
        .post_json(Some(&t.caseworker.token), &json!([one, one]))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        resp[1]["data"]["viewer"]["id"],
        t.caseworker.id.to_string(),
        "{resp}"
    );
    let over = Value::Array(vec![one.clone(); max + 1]);
    let (status, resp) = refused_without_db_work(&app, &t.caseworker.token, &over).await;
    assert_eq!(status, 400);
    assert_eq!(first_code(&resp), Some("BATCH_LIMIT_EXCEEDED"), "{resp}");
    let (status, resp) = refused_without_db_work(&app, &t.caseworker.token, &json!([])).await;
    assert_eq!(status, 400);
    assert_eq!(first_code(&resp), Some("BATCH_LIMIT_EXCEEDED"), "{resp}");
}

#[tokio::test]
async fn body_limit() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let filler = "x".repeat(app.config.limits.max_body_bytes + 1);
    let body = json!({ "query": "{ viewer { id } }", "variables": { "filler": filler } });
    let before = app.db.statements();
    let (status, _) = app.post_json(Some(&t.caseworker.token), &body).await;
    assert_eq!(status, 413);
    assert_eq!(app.db.statements(), before);
}
