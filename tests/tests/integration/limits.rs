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

/// Every list takes a page of 1 to 100 and well-formed filter ids and dates; anything
/// else is `BAD_USER_INPUT` naming the argument, never a silently clamped page.
#[tokio::test]
async fn every_list_refuses_a_bad_page_size_and_malformed_filters() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let admin = app
        .user(
            &t,
            t.department,
            "Anna Admin",
            &[wohnweg_kernel::Role::CityAdmin],
        )
        .await;
    let coord = app
        .user(
            &t,
            t.department,
            "Cora Koordination",
            &[wohnweg_kernel::Role::CityCoordinator],
        )
        .await;
    let op = app
        .platform_user("Olga Operator", wohnweg_kernel::Role::PlatformOperator)
        .await;
    let cases: Vec<(&str, &str, &str)> = vec![
        (
            &op.token,
            "{ tenants(first: 0) { edges { cursor } } }",
            "first",
        ),
        (
            &admin.token,
            "{ organisations(first: 101) { edges { cursor } } }",
            "first",
        ),
        (
            &admin.token,
            "{ users(first: 0) { edges { cursor } } }",
            "first",
        ),
        (
            &admin.token,
            "{ users(organisationId: \"x\") { edges { cursor } } }",
            "organisationId",
        ),
        (
            &admin.token,
            "{ auditLog(first: 101) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ households(first: 101) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ households(after: \"no-cursor\") { edges { cursor } } }",
            "after",
        ),
        (
            &coord.token,
            "{ accommodations(first: 0) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ landlords(first: 101) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ offers(first: 0) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ matches(first: 101) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ matches(filter: { offerId: \"x\" }) { edges { cursor } } }",
            "filter.offerId",
        ),
        (
            &coord.token,
            "{ guarantees(first: 0) { edges { cursor } } }",
            "first",
        ),
        (
            &coord.token,
            "{ guarantees(householdId: \"x\") { edges { cursor } } }",
            "householdId",
        ),
        (&coord.token, "{ rentCaps(on: \"morgen\") { id } }", "on"),
        (
            &coord.token,
            "{ guaranteeBudgets(year: 1800) { kind } }",
            "year",
        ),
        (&coord.token, "{ household(id: \"x\") { id } }", "id"),
        (&coord.token, "{ offer(id: \"x\") { id } }", "id"),
        (&coord.token, "{ accommodation(id: \"x\") { id } }", "id"),
    ];
    let mut wrong = Vec::new();
    for (token, q, field) in &cases {
        let (_, body) = app.gql(Some(token), q, json!({})).await;
        let got = (
            first_code(&body).map(str::to_owned),
            body["errors"][0]["extensions"]["field"]
                .as_str()
                .map(str::to_owned),
        );
        if got != (Some("BAD_USER_INPUT".to_owned()), Some((*field).to_owned())) {
            wrong.push(format!("{q}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A NUL byte (or any control character but tab and line breaks) in any text argument
/// of the schema — every string argument and every string field of every input object,
/// found by introspection — is `BAD_USER_INPUT` naming it, before anything runs.
#[tokio::test]
async fn a_control_character_in_any_text_argument_is_refused_before_anything_runs() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let tok = &t.caseworker.token;
    let (_, schema) = app
        .gql(
            Some(tok),
            "{ __schema { queryType { name } mutationType { name } types { name kind
                fields(includeDeprecated: true) { name args { name type { ...T } } }
                inputFields { name type { ...T } } } } }
             fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }",
            json!({}),
        )
        .await;
    let types = schema["data"]["__schema"]["types"]
        .as_array()
        .unwrap()
        .clone();
    let named = |t: &Value| -> (String, String) {
        let mut t = t.clone();
        while t["ofType"].is_object() {
            t = t["ofType"].clone();
        }
        (
            t["kind"].as_str().unwrap_or_default().to_owned(),
            t["name"].as_str().unwrap_or_default().to_owned(),
        )
    };
    // The GraphQL spelling of an argument's type, e.g. `[String!]!`.
    fn spelled(t: &Value) -> String {
        match t["kind"].as_str() {
            Some("NON_NULL") => format!("{}!", spelled(&t["ofType"])),
            Some("LIST") => format!("[{}]", spelled(&t["ofType"])),
            _ => t["name"].as_str().unwrap_or_default().to_owned(),
        }
    }
    let input_type = |name: &str| types.iter().find(|t| t["name"] == name).cloned();
    let mut probes = 0;
    for (root, keyword) in [("Query", "query"), ("Mutation", "mutation")] {
        let root_type = input_type(root).unwrap();
        for field in root_type["fields"].as_array().unwrap() {
            for arg in field["args"].as_array().unwrap() {
                let (kind, name) = named(&arg["type"]);
                let list = spelled(&arg["type"]).contains('[');
                let text = |s: &str| if list { json!([s]) } else { json!(s) };
                // (value, the path the refusal must name)
                let at = |p: String| {
                    if list {
                        format!("v.0{p}")
                    } else {
                        format!("v{p}")
                    }
                };
                let values: Vec<(Value, String)> = match (kind.as_str(), name.as_str()) {
                    ("SCALAR", "String" | "ID") => vec![(text("Wald\u{0}"), at(String::new()))],
                    ("INPUT_OBJECT", _) => input_type(&name).unwrap()["inputFields"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|f| matches!(named(&f["type"]).1.as_str(), "String" | "ID"))
                        .map(|f| {
                            let fname = f["name"].as_str().unwrap();
                            let (inner, tail) = if spelled(&f["type"]).contains('[') {
                                (json!(["Wald\u{0}"]), format!(".{fname}.0"))
                            } else {
                                (json!("Wald\u{0}"), format!(".{fname}"))
                            };
                            let obj = json!({ fname: inner });
                            (if list { json!([obj]) } else { obj }, at(tail))
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                for (value, path) in values {
                    let doc = format!(
                        "{keyword}($v: {}) {{ {}({}: $v) }}",
                        spelled(&arg["type"]),
                        field["name"].as_str().unwrap(),
                        arg["name"].as_str().unwrap()
                    );
                    let before = app.db.statements();
                    let (_, body) = app.gql(Some(tok), &doc, json!({ "v": value })).await;
                    assert_eq!(app.db.statements(), before, "ran: {doc} {body}");
                    assert_eq!(
                        first_code(&body),
                        Some("BAD_USER_INPUT"),
                        "{doc} {value}: {body}"
                    );
                    assert_eq!(
                        body["errors"][0]["extensions"]["field"],
                        path.as_str(),
                        "{doc}"
                    );
                    probes += 1;
                }
            }
        }
    }
    assert!(probes > 100, "{probes} text arguments probed");
    // In a literal, too — the filter that once reached PostgreSQL as INTERNAL.
    for q in [
        "{ households(filter: { reference: \"K-\\u0000\" }) { edges { cursor } } }",
        "{ households(filter: { search: \"M\\u0007ller\" }) { edges { cursor } } }",
    ] {
        let (_, body) = app.gql(Some(tok), q, json!({})).await;
        assert_eq!(first_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert!(
            body["errors"][0]["extensions"]["field"]
                .as_str()
                .unwrap()
                .starts_with("filter.")
        );
    }
    // Tabs and line breaks are text, not control: a multi-line note is accepted.
    let (_, body) = app
        .gql(Some(tok), "mutation { createHousehold(input: { reference: \"CC-1\", notes: \"Zeile 1\\nZeile 2\\tEnde\", members: [{ givenName: \"A\", familyName: \"B\", relation: HEAD,
            residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { notes } }", json!({}))
        .await;
    assert_eq!(
        body["data"]["createHousehold"]["notes"], "Zeile 1\nZeile 2\tEnde",
        "{body}"
    );
}
