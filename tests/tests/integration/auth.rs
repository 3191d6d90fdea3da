//! `viewer` and bearer-token verification.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use wohnweg_identity::{DisplayName, Email, OrganisationKind};
use wohnweg_kernel::Role;
use wohnweg_tests::{TEST_AUDIENCE, TEST_ISSUER, TEST_SECRET, TestApp, first_code};

const VIEWER: &str =
    "{ viewer { id displayName roles tenant { slug name } organisation { slug name kind } } }";

fn forge(claims: &Value, secret: &[u8], alg: Algorithm) -> String {
    jsonwebtoken::encode(&Header::new(alg), claims, &EncodingKey::from_secret(secret)).unwrap()
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[tokio::test]
async fn viewer_shows_the_signed_in_city_user() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let (status, body) = app.gql(Some(&t.caseworker.token), VIEWER, json!({})).await;
    assert_eq!(status, 200);
    let v = &body["data"]["viewer"];
    assert_eq!(v["id"], t.caseworker.id.to_string(), "{body}");
    assert_eq!(v["displayName"], "Erika Testerin");
    assert_eq!(v["roles"], json!(["CITY_CASEWORKER"]));
    assert_eq!(v["tenant"]["slug"], t.slug);
    assert_eq!(v["tenant"]["name"], t.name);
    assert_eq!(v["organisation"]["slug"], "stadt");
    assert_eq!(v["organisation"]["kind"], "CITY_DEPARTMENT");
}

#[tokio::test]
async fn viewer_shows_a_carrier_user_with_the_carrier_organisation() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let caritas = app
        .organisation(&t, "caritas", "Caritasverband", OrganisationKind::Carrier)
        .await;
    let u = app
        .user(
            &t,
            caritas,
            "Carla Träger",
            &[Role::CarrierCaseworker, Role::CarrierAdmin],
        )
        .await;
    let (_, body) = app.gql(Some(&u.token), VIEWER, json!({})).await;
    let v = &body["data"]["viewer"];
    assert_eq!(v["organisation"]["slug"], "caritas", "{body}");
    assert_eq!(v["organisation"]["kind"], "CARRIER");
    assert_eq!(v["roles"], json!(["CARRIER_ADMIN", "CARRIER_CASEWORKER"]));
}

#[tokio::test]
async fn viewer_of_a_state_officer_has_no_tenant() {
    let app = TestApp::spawn().await;
    let mailbox = uuid::Uuid::new_v4().simple().to_string();
    let id = app
        .provisioning()
        .create_platform_user(
            &DisplayName::parse("n", "Sven Landesweit").unwrap(),
            &Email::parse("e", &format!("{mailbox}@example.org")).unwrap(),
            Role::StateOfficer,
        )
        .await
        .unwrap_or_else(|e| panic!("{:?}", e.code()));
    let token = app.token(id, None);
    let (_, body) = app.gql(Some(&token), VIEWER, json!({})).await;
    let v = &body["data"]["viewer"];
    assert_eq!(v["roles"], json!(["STATE_OFFICER"]), "{body}");
    assert_eq!(v["tenant"], Value::Null);
    assert_eq!(v["organisation"], Value::Null);
    assert_eq!(v["displayName"], "Sven Landesweit");
}

#[tokio::test]
async fn anonymous_and_garbage_credentials_are_unauthenticated() {
    let app = TestApp::spawn().await;
    let (_, body) = app.gql(None, VIEWER, json!({})).await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
    assert_eq!(body["data"], Value::Null);

    let (_, body) = app.gql(Some("garbage"), VIEWER, json!({})).await;
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");

    // Another scheme than Bearer.
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("authorization", "Basic dXNlcjpwYXNz")
        .json(&json!({ "query": VIEWER }))
        .send()
        .await
        .unwrap();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn tokens_failing_any_check_are_unauthenticated() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let good = json!({
        "iss": TEST_ISSUER, "aud": TEST_AUDIENCE, "sub": t.caseworker.id.to_string(),
        "tid": t.id.to_string(), "iat": now(), "nbf": now(), "exp": now() + 600,
    });
    // The control: a correctly forged token is accepted, so the refusals below are
    // refusals of the one property each case breaks.
    let ok = forge(&good, TEST_SECRET.as_bytes(), Algorithm::HS256);
    let (_, body) = app.gql(Some(&ok), "{ viewer { id } }", json!({})).await;
    assert_eq!(
        body["data"]["viewer"]["id"],
        t.caseworker.id.to_string(),
        "{body}"
    );

    let with = |key: &str, value: Value| {
        let mut c = good.clone();
        c[key] = value;
        c
    };
    let mut cases: Vec<(&str, String)> = vec![
        (
            "expired",
            forge(
                &with("exp", json!(now() - 3600)),
                TEST_SECRET.as_bytes(),
                Algorithm::HS256,
            ),
        ),
        (
            "not yet valid",
            forge(
                &with("nbf", json!(now() + 3600)),
                TEST_SECRET.as_bytes(),
                Algorithm::HS256,
            ),
        ),
        (
            "other issuer",
            forge(
                &with("iss", json!("https://evil.example")),
                TEST_SECRET.as_bytes(),
                Algorithm::HS256,
            ),
        ),
        (
            "other audience",
            forge(
                &with("aud", json!("another-app")),
                TEST_SECRET.as_bytes(),
                Algorithm::HS256,
            ),
        ),
        (
            "other secret",
            forge(
                &good,
                b"another-secret-0123456789abcdef-0123456789",
                Algorithm::HS256,
            ),
        ),
        (
            "HS512 not allowed",
            forge(&good, TEST_SECRET.as_bytes(), Algorithm::HS512),
        ),
        (
            "unknown user",
            forge(
                &with("sub", json!(uuid::Uuid::now_v7().to_string())),
                TEST_SECRET.as_bytes(),
                Algorithm::HS256,
            ),
        ),
        (
            "sub not a uuid",
            forge(
                &with("sub", json!("admin")),
                TEST_SECRET.as_bytes(),
                Algorithm::HS256,
            ),
        ),
    ];
    let mut no_exp = good.clone();
    no_exp.as_object_mut().unwrap().remove("exp");
    cases.push((
        "no expiry",
        forge(&no_exp, TEST_SECRET.as_bytes(), Algorithm::HS256),
    ));
    // alg: none, unsigned.
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(good.to_string());
    cases.push(("alg none", format!("{header}.{payload}.")));
    // Tampered payload, original signature.
    let parts: Vec<&str> = ok.split('.').collect();
    let tampered_payload =
        URL_SAFE_NO_PAD.encode(with("sub", json!(uuid::Uuid::now_v7().to_string())).to_string());
    cases.push((
        "tampered",
        format!("{}.{}.{}", parts[0], tampered_payload, parts[2]),
    ));

    for (what, token) in cases {
        let (_, body) = app.gql(Some(&token), "{ viewer { id } }", json!({})).await;
        assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{what}: {body}");
        assert_eq!(body["data"], Value::Null, "{what}");
    }
}

#[tokio::test]
async fn viewer_costs_a_bounded_number_of_statements() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    // Warm the tenant cache once, then measure a full viewer.
    app.gql(Some(&t.caseworker.token), "{ viewer { id } }", json!({}))
        .await;
    let before = app.db.statements();
    let (_, body) = app.gql(Some(&t.caseworker.token), VIEWER, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let used = app.db.statements() - before;
    // Principal (tenant setting, user, grants) + profile (setting, user) +
    // organisation (setting, organisation); the tenant comes from the cache.
    assert!(used <= 7, "viewer used {used} statements");
}

#[tokio::test]
async fn a_batch_resolves_its_principal_once() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let one = json!({ "query": "{ viewer { id } }" });
    // Warm the tenant cache, then measure one operation and a batch of three.
    app.post_json(Some(&t.caseworker.token), &one).await;
    let before = app.db.statements();
    app.post_json(Some(&t.caseworker.token), &one).await;
    let single = app.db.statements() - before;
    let before = app.db.statements();
    let (_, body) = app
        .post_json(Some(&t.caseworker.token), &json!([one, one, one]))
        .await;
    assert_eq!(
        body[2]["data"]["viewer"]["id"],
        t.caseworker.id.to_string(),
        "{body}"
    );
    assert_eq!(
        app.db.statements() - before,
        single,
        "the batch re-resolved the principal"
    );
}
