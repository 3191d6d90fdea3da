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
    let resp = app
        .http
        .get(format!("{}/graphiql/graphiql.min.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    for (name, query) in introspection_queries() {
        let (_, body) = app
            .post_json(
                None,
                &json!({ "query": query, "operationName": "IntrospectionQuery" }),
            )
            .await;
        assert!(body["data"]["__schema"].is_null(), "{name}: {body}");
    }
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

/// POSTs `body` to `/graphql` with `accept`; returns status, content type and body.
async fn post_accepting(
    app: &TestApp,
    token: &str,
    accept: &str,
    body: &Value,
) -> (u16, String, Value) {
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("accept", accept)
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let kind = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let text = resp.text().await.unwrap();
    (
        status,
        kind,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn graphql_over_http_answers_with_the_media_type_and_status_the_client_asked_for() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let tok = &t.caseworker.token;
    let gr = "application/graphql-response+json";
    // Executed: 200 with data, in the asked-for media type.
    let (status, kind, body) =
        post_accepting(&app, tok, gr, &json!({ "query": "{ viewer { id } }" })).await;
    assert_eq!((status, kind.as_str()), (200, gr), "{body}");
    assert!(body["data"]["viewer"]["id"].is_string(), "{body}");
    // A field error still ran: 200, data present (null here), the error with its path.
    let missing = "{ household(id: \"0190e0b0-0000-7000-8000-000000000000\") { id } }";
    let (status, kind, body) = post_accepting(&app, tok, gr, &json!({ "query": missing })).await;
    assert_eq!((status, kind.as_str()), (200, gr), "{body}");
    assert!(body.as_object().unwrap().contains_key("data"), "{body}");
    assert_eq!(first_code(&body), Some("NOT_FOUND"), "{body}");
    // Failed before execution (parse, validation, unknown operation, control
    // characters): 400 and no data entry.
    for (query, op, code) in [
        ("{ viewer { id }", None, "GRAPHQL_PARSE_FAILED"),
        ("{ viewer { nope } }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("query A { viewer { id } }", Some("B"), "BAD_REQUEST"),
        (
            "{ households(filter: { search: \"a\\u0000b\" }) { totalCount } }",
            None,
            "BAD_USER_INPUT",
        ),
    ] {
        let (status, kind, body) = post_accepting(
            &app,
            tok,
            &format!("{gr}, application/json;q=0.9"),
            &json!({ "query": query, "operationName": op }),
        )
        .await;
        assert_eq!((status, kind.as_str()), (400, gr), "{query}: {body}");
        assert!(
            !body.as_object().unwrap().contains_key("data"),
            "{query}: {body}"
        );
        assert_eq!(first_code(&body), Some(code), "{query}: {body}");
    }
    // Plain JSON keeps the legacy answer: 200 for every GraphQL response.
    let (status, kind, body) = post_accepting(
        &app,
        tok,
        "application/json",
        &json!({ "query": "{ viewer { id }" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(kind.starts_with("application/json"), "{kind}");
    assert_eq!(first_code(&body), Some("GRAPHQL_PARSE_FAILED"), "{body}");
    // Neither: 406.
    let (status, _, _) = post_accepting(
        &app,
        tok,
        "text/plain",
        &json!({ "query": "{ viewer { id } }" }),
    )
    .await;
    assert_eq!(status, 406);
    let (status, _, _) = post_accepting(
        &app,
        tok,
        "application/json;q=0, text/html",
        &json!({ "query": "{ viewer { id } }" }),
    )
    .await;
    assert_eq!(status, 406);
    // 405s name what is allowed.
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .query(&[("query", "mutation { anything }")])
        .bearer_auth(tok)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405);
    assert_eq!(resp.headers()["allow"], "POST");
    let resp = app
        .http
        .put(format!("{}/graphql", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405);
    let allow = resp.headers()["allow"].to_str().unwrap().to_owned();
    assert!(allow.contains("POST") && allow.contains("GET"), "{allow}");
}

/// The introspection queries clients send, as graphql-js prints them.
fn introspection_queries() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/introspection");
    let mut queries: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|f| f.path().extension().is_some_and(|e| e == "graphql"))
        .map(|f| {
            (
                f.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(f.path()).unwrap(),
            )
        })
        .collect();
    queries.sort();
    assert_eq!(queries.len(), 2, "{dir:?}");
    queries
}

#[tokio::test]
async fn the_introspection_query_of_graphiql_apollo_and_codegen_works_and_data_keeps_the_depth_limit()
 {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    for (name, query) in introspection_queries() {
        let (status, body) = app
            .post_json(
                Some(&t.caseworker.token),
                &json!({ "query": query, "operationName": "IntrospectionQuery" }),
            )
            .await;
        assert_eq!(status, 200, "{name}: {body}");
        assert!(body["errors"].is_null(), "{name}: {body}");
        let types = body["data"]["__schema"]["types"].as_array().unwrap();
        assert!(
            types.iter().any(|t| t["name"] == "Household"
                && t["fields"].as_array().is_some_and(|f| !f.is_empty())),
            "{name}: no Household type with fields"
        );
        // Without a token too: GraphiQL loads its docs before anyone signs in.
        let (_, body) = app
            .post_json(
                None,
                &json!({ "query": query, "operationName": "IntrospectionQuery" }),
            )
            .await;
        assert!(body["errors"].is_null(), "{name} without a token: {body}");
    }
    // A data query 13 deep is still refused; so is one that hides data behind an
    // introspection field.
    let deep = "{ viewer { tenant { id } organisation { id } } }";
    let (_, body) = app.gql(Some(&t.caseworker.token), deep, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let nested = (0..14).fold(String::from("name"), |inner, _| {
        format!("ofType {{ {inner} }}")
    });
    let too_deep_data =
        format!("{{ __typename viewer {{ id }} __type(name: \"Household\") {{ {nested} }} }}");
    let (_, body) = app
        .gql(Some(&t.caseworker.token), &too_deep_data, json!({}))
        .await;
    assert_eq!(
        first_code(&body),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{body}"
    );
    // Introspection alone has a limit too.
    let nested = (0..30).fold(String::from("name"), |inner, _| {
        format!("ofType {{ {inner} }}")
    });
    let (_, body) = app
        .gql(
            None,
            &format!("{{ __type(name: \"Household\") {{ {nested} }} }}"),
            json!({}),
        )
        .await;
    assert_eq!(
        first_code(&body),
        Some("GRAPHQL_VALIDATION_FAILED"),
        "{body}"
    );
}

#[tokio::test]
async fn graphiql_is_served_from_the_binary_with_a_policy_that_allows_no_other_host() {
    let app = TestApp::spawn().await;
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let policy = resp.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.starts_with("default-src 'self'"), "{policy}");
    assert!(!policy.contains("http"), "{policy}");
    let page = resp.text().await.unwrap();
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("//unpkg"),
        "{page}"
    );
    for (asset, kind) in [
        ("graphiql.min.js", "text/javascript"),
        ("graphiql.min.css", "text/css"),
        ("react.production.min.js", "text/javascript"),
        ("react-dom.production.min.js", "text/javascript"),
        ("wohnweg-graphiql.js", "text/javascript"),
    ] {
        assert!(
            page.contains(&format!("/graphiql/{asset}")),
            "{asset} not on the page"
        );
        let resp = app
            .http
            .get(format!("{}/graphiql/{asset}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{asset}");
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(kind),
            "{asset}"
        );
        assert!(resp.bytes().await.unwrap().len() > 1000, "{asset} is empty");
    }
    let resp = app
        .http
        .get(format!("{}/graphiql/..%2FCargo.toml", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
}

#[tokio::test]
async fn the_printed_schema_has_the_viewer() {
    let sdl = wohnweg_gateway::schema::sdl();
    assert!(sdl.contains("viewer: Viewer!"), "{sdl}");
    assert!(sdl.contains("CITY_CASEWORKER"));
}
