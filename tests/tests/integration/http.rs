//! The HTTP surface: GET for queries only, GraphiQL and introspection outside
//! production, request ids, error codes for malformed requests.

use serde_json::{Value, json};
use wohnweg_gateway::config::Environment;
use wohnweg_tests::{TestApp, first_code};

#[tokio::test]
async fn get_runs_queries_and_refuses_mutations() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .query(&[
            ("query", "query Me { viewer { tenant { slug } } }"),
            ("operationName", "Me"),
        ])
        .bearer_auth(&t.caseworker.token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["data"]["viewer"]["tenant"]["slug"], t.slug, "{body}");

    let before = app.db.statements();
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .query(&[("query", "mutation { anything }")])
        .bearer_auth(&t.caseworker.token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(first_code(&body), Some("METHOD_NOT_ALLOWED"), "{body}");
    // A named mutation hidden among queries, selected by operationName.
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .query(&[
            ("query", "query A { viewer { id } } mutation B { x }"),
            ("operationName", "B"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405);
    assert_eq!(app.db.statements(), before);
}

#[tokio::test]
async fn malformed_requests_get_codes() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let (_, body) = app
        .gql(Some(&t.caseworker.token), "{ viewer { id ", json!({}))
        .await;
    assert_eq!(first_code(&body), Some("GRAPHQL_PARSE_FAILED"), "{body}");
    let (_, body) = app
        .gql(Some(&t.caseworker.token), "{ viewer { nope } }", json!({}))
        .await;
    assert_eq!(
        first_code(&body),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{body}"
    );
    // An operation that cannot be chosen: an unknown name, or several without one.
    for (query, name) in [
        ("query A { viewer { id } }", Some("B")),
        ("{ viewer { id } }", Some("A")),
        ("query A { viewer { id } } query B { viewer { id } }", None),
    ] {
        let mut request = json!({ "query": query });
        if let Some(n) = name {
            request["operationName"] = json!(n);
        }
        let resp = app
            .http
            .post(format!("{}/graphql", app.base))
            .bearer_auth(&t.caseworker.token)
            .json(&request)
            .send()
            .await
            .unwrap();
        let body: Value = resp.json().await.unwrap();
        assert_eq!(first_code(&body), Some("BAD_REQUEST"), "{query}: {body}");
    }
    // The one named operation of several is chosen by its name.
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .bearer_auth(&t.caseworker.token)
        .json(&json!({ "query": "query A { viewer { id } } query B { __typename }", "operationName": "B" }))
        .send()
        .await
        .unwrap();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["data"]["__typename"], "Query", "{body}");
    // Not JSON.
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("content-type", "application/json")
        .body("{ not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(first_code(&body), Some("BAD_REQUEST"));
    // Not declared as JSON (a form post from another site, say).
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("content-type", "text/plain")
        .body(r#"{"query":"{ viewer { id } }"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 415);
}

#[tokio::test]
async fn responses_carry_a_request_id() {
    let app = TestApp::spawn().await;
    let resp = app.get("/health/livez").await;
    let id = resp
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        uuid::Uuid::parse_str(id).is_ok(),
        "generated request id: {id:?}"
    );
    let resp = app
        .http
        .get(format!("{}/health/livez", app.base))
        .header("x-request-id", "client-chosen-42")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "client-chosen-42");
}

#[tokio::test]
async fn development_offers_graphiql_introspection_and_suggestions() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.text()
            .await
            .unwrap()
            .to_lowercase()
            .contains("graphiql")
    );
    let (_, body) = app
        .gql(
            Some(&t.caseworker.token),
            "{ __schema { queryType { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["data"]["__schema"]["queryType"]["name"], "Query",
        "{body}"
    );
    let (_, body) = app
        .gql(Some(&t.caseworker.token), "{ viewr { id } }", json!({}))
        .await;
    assert!(body.to_string().contains("Did you mean"), "{body}");
}

#[tokio::test]
async fn production_turns_off_graphiql_introspection_and_suggestions() {
    let app = TestApp::spawn_with(|c| {
        c.env = Environment::Production;
        c.demo = None;
        c.auth.dev_tokens = None;
    })
    .await;
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(
        !resp
            .text()
            .await
            .unwrap()
            .to_lowercase()
            .contains("graphiql")
    );
    let (_, body) = app
        .gql(None, "{ __schema { queryType { name } } }", json!({}))
        .await;
    // async-graphql answers a disabled introspection field with null.
    assert!(body["data"]["__schema"].is_null(), "{body}");
    let (_, body) = app
        .gql(
            None,
            "{ __type(name: \"Viewer\") { name fields { name } } }",
            json!({}),
        )
        .await;
    assert!(body["data"]["__type"].is_null(), "{body}");
    let (_, body) = app.gql(None, "{ viewr { id } }", json!({})).await;
    assert!(!body.to_string().contains("Did you mean"), "{body}");
    // Development tokens are not accepted in production.
    let t = app.tenant().await;
    let (_, body) = app
        .gql(Some(&t.caseworker.token), "{ viewer { id } }", json!({}))
        .await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn the_printed_schema_has_the_viewer() {
    let sdl = wohnweg_gateway::schema::sdl();
    assert!(sdl.contains("viewer: Viewer!"), "{sdl}");
    assert!(sdl.contains("CITY_CASEWORKER"));
}
