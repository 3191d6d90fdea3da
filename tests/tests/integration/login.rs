//! Sign-in through a real OpenID provider (`tests/oidc`: panva's certified
//! `oidc-provider`), as a browser does it: redirects, the provider's login form,
//! cookies. Then sessions, CSRF, logout and replay, and the refusals.

use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode, Url};
use serde_json::{Value, json};
use wohnweg_identity::{DisplayName, Email, NewUser};
use wohnweg_kernel::Role;
use wohnweg_tests::{TestApp, TestTenant, first_code};

fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

fn location(resp: &reqwest::Response, base: &Url) -> Url {
    let loc = resp.headers()["location"].to_str().unwrap();
    base.join(loc).unwrap()
}

/// Follows the flow from `/auth/login` through the provider's login form until the
/// provider redirects back to our callback; returns that callback URL (not yet
/// visited).
async fn to_callback(app: &TestApp, browser: &Client, tenant: &str, login: &str) -> Url {
    let url = Url::parse(&format!("{}/auth/login?tenant={tenant}", app.base)).unwrap();
    flow_to_callback(app, browser, url, login).await
}

/// [`to_callback`] from any start of a sign-in (a city's or the platform's).
async fn flow_to_callback(app: &TestApp, browser: &Client, start: Url, login: &str) -> Url {
    let mut url = start;
    for _ in 0..20 {
        if url.path() == "/auth/callback" && url.as_str().starts_with(&app.base) {
            return url;
        }
        let resp = browser.get(url.clone()).send().await.unwrap();
        if resp.status().is_redirection() {
            url = location(&resp, &url);
            continue;
        }
        assert_eq!(resp.status(), 200, "unexpected page at {url}");
        let html = resp.text().await.unwrap();
        assert!(
            html.contains("name=\"login\""),
            "expected the provider's login form at {url}: {html}"
        );
        let action = html
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap();
        let post = url.join(action).unwrap();
        let resp = browser
            .post(post.clone())
            .form(&[("prompt", "login"), ("login", login), ("password", "any")])
            .send()
            .await
            .unwrap();
        assert!(
            resp.status().is_redirection(),
            "login form answered {}",
            resp.status()
        );
        url = location(&resp, &post);
    }
    panic!("the login flow did not reach the callback");
}

/// Completes a sign-in; returns the callback's response.
async fn sign_in(app: &TestApp, browser: &Client, tenant: &str, login: &str) -> reqwest::Response {
    let callback = to_callback(app, browser, tenant, login).await;
    browser.get(callback).send().await.unwrap()
}

async fn session_info(app: &TestApp, browser: &Client) -> (StatusCode, Value) {
    let resp = browser
        .get(format!("{}/auth/session", app.base))
        .send()
        .await
        .unwrap();
    (resp.status(), wohnweg_tests::json_body(resp).await)
}

async fn viewer(app: &TestApp, browser: &Client, csrf: Option<&str>) -> (StatusCode, Value) {
    let mut req = browser
        .post(format!("{}/graphql", app.base))
        .json(&json!({ "query": "{ viewer { id displayName roles tenant { slug } organisation { slug } } }" }));
    if let Some(token) = csrf {
        req = req.header("x-csrf-token", token);
    }
    let resp = req.send().await.unwrap();
    (resp.status(), wohnweg_tests::json_body(resp).await)
}

/// Invites `login@example.org` into the tenant's department.
async fn invite(
    app: &TestApp,
    t: &TestTenant,
    login: &str,
    roles: &[Role],
) -> wohnweg_kernel::UserId {
    app.provisioning()
        .create_user(
            t.id,
            &NewUser {
                organisation: t.department,
                display_name: DisplayName::parse("n", "Ines Eingeladen").unwrap(),
                email: Email::parse("e", &format!("{login}@example.org")).unwrap(),
                roles: roles.to_vec(),
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{:?}", e.code()))
}

fn login_name() -> String {
    format!("u{}", &uuid::Uuid::new_v4().simple().to_string()[..12])
}

#[tokio::test]
async fn a_full_login_starts_a_session_and_logout_ends_it_for_good() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    let user = invite(&app, &t, &login, &[Role::CityCoordinator]).await;
    let b = browser();

    let resp = sign_in(&app, &b, &t.slug, &login).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let cookies: Vec<String> = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let session_cookie = cookies
        .iter()
        .find(|c| c.starts_with("wohnweg_session="))
        .expect("a session cookie");
    assert!(
        session_cookie.contains("HttpOnly") && session_cookie.contains("SameSite=Lax"),
        "{session_cookie}"
    );

    let (status, info) = session_info(&app, &b).await;
    assert_eq!(status, 200, "{info}");
    assert_eq!(info["user"], user.to_string());
    let csrf = info["csrfToken"].as_str().unwrap().to_owned();
    let (_, body) = viewer(&app, &b, Some(&csrf)).await;
    assert_eq!(body["data"]["viewer"]["id"], user.to_string(), "{body}");
    assert_eq!(body["data"]["viewer"]["roles"], json!(["CITY_COORDINATOR"]));
    assert_eq!(body["data"]["viewer"]["tenant"]["slug"], t.slug);

    // Without `next`, the browser lands on GraphiQL, as before.
    assert_eq!(resp.headers()["location"], "/graphql");

    // A second sign-in reuses the link made by the first (subject → user).
    let b2 = browser();
    assert_eq!(
        sign_in(&app, &b2, &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(session_info(&app, &b2).await.1["user"], user.to_string());

    // Logout needs the CSRF token, ends the session server-side, and a replayed
    // cookie is refused afterwards.
    let raw_cookie = session_cookie.split(';').next().unwrap().to_owned();
    let resp = b
        .post(format!("{}/auth/logout", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = b
        .post(format!("{}/auth/logout", app.base))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let replay = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("cookie", &raw_cookie)
        .header("x-csrf-token", &csrf)
        .json(&json!({ "query": "{ viewer { id } }" }))
        .send()
        .await
        .unwrap();
    let body: Value = replay.json().await.unwrap();
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn cookie_sessions_need_the_csrf_token_to_post_and_to_get() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    let b = browser();
    sign_in(&app, &b, &t.slug, &login).await;
    let (status, body) = viewer(&app, &b, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(first_code(&body), Some("FORBIDDEN"));
    let (status, _) = viewer(&app, &b, Some("not-the-token")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // GET too: queries write audit entries (reads of residence data, exports), so a
    // link on another site must not run one with the browser's cookie.
    let (_, body) = app
        .gql(
            Some(&t.caseworker.token),
            "mutation { createHousehold(input: { reference: \"CSRF-1\", members: [{ givenName: \"A\", familyName: \"B\",
              relation: HEAD, residenceStatus: RECOGNISED_REFUGEE, benefitFramework: SGB2, languageLevel: B1, occupation: EMPLOYED }] }) { id members { id } } }",
            json!({}),
        )
        .await;
    let person = body["data"]["createHousehold"]["members"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let audited = |p: &str| {
        format!("{{ exportPersonData(personId: \"{p}\", purpose: DATA_SUBJECT_REQUEST) }}")
    };
    let entries = || app.tenant_rows(t.id, "SELECT id FROM audit_log");
    let before = entries().await.len();
    for q in ["{ viewer { roles } }".to_owned(), audited(&person)] {
        let resp = b
            .get(format!("{}/graphql", app.base))
            .query(&[("query", q.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FORBIDDEN, "{q}");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
    }
    assert_eq!(
        entries().await.len(),
        before,
        "a cross-site GET wrote no audit entry"
    );
    // With the token (the console's own requests), GET works.
    let csrf = session_info(&app, &b).await.1["csrfToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = b
        .get(format!("{}/graphql", app.base))
        .header("x-csrf-token", &csrf)
        .query(&[("query", "{ viewer { roles } }")])
        .send()
        .await
        .unwrap();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(
        body["data"]["viewer"]["roles"],
        json!(["CITY_CASEWORKER"]),
        "{body}"
    );
}

#[tokio::test]
async fn a_tampered_replayed_or_foreign_state_is_refused() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    let b = browser();
    let callback = to_callback(&app, &b, &t.slug, &login).await;

    // Another browser (no login cookie) presenting this callback: refused.
    let resp = browser().get(callback.clone()).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    // A wrong state: refused.
    let mut tampered = callback.clone();
    let pairs: Vec<(String, String)> = callback
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    tampered.query_pairs_mut().clear().extend_pairs(pairs);
    let resp = b.get(tampered).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert_eq!(session_info(&app, &b).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_callback_is_good_for_one_use_only() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    let b = browser();
    let callback = to_callback(&app, &b, &t.slug, &login).await;
    // Keep the login cookie to replay it with the same callback afterwards.
    let login_cookie = format!(
        "wohnweg_login={}",
        callback
            .query_pairs()
            .find(|(k, _)| k == "state")
            .unwrap()
            .1
    );
    assert_eq!(
        b.get(callback.clone()).send().await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let replay = app
        .http
        .get(callback)
        .header("cookie", login_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unknown_accounts_are_refused_unless_their_domain_may_join() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let b = browser();
    let resp = sign_in(&app, &b, &t.slug, &login_name()).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(session_info(&app, &b).await.0, StatusCode::UNAUTHORIZED);

    // With just-in-time creation for example.org into the department, the provider's
    // roles claim (city_caseworker) becomes the new user's role.
    let app = TestApp::spawn_with_oidc(|c| {
        if let Some(p) = c.oidc.default.as_mut() {
            p.jit_email_domains = vec!["example.org".into()];
            p.jit_organisation = Some("stadt".into());
        }
    })
    .await;
    let t = app.tenant().await;
    let b = browser();
    assert_eq!(
        sign_in(&app, &b, &t.slug, &login_name()).await.status(),
        StatusCode::SEE_OTHER
    );
    let csrf = session_info(&app, &b).await.1["csrfToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, body) = viewer(&app, &b, Some(&csrf)).await;
    assert_eq!(
        body["data"]["viewer"]["roles"],
        json!(["CITY_CASEWORKER"]),
        "{body}"
    );
    assert_eq!(body["data"]["viewer"]["organisation"]["slug"], "stadt");
}

#[tokio::test]
async fn deactivated_users_and_cities_cannot_sign_in() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let admin = app
        .user(&t, t.department, "Anna Admin", &[Role::CityAdmin])
        .await;
    let login = login_name();
    let user = invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    let (_, body) = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { deactivateUser(id: $id, version: 1) { active } }",
            json!({ "id": user.to_string() }),
        )
        .await;
    assert_eq!(body["data"]["deactivateUser"]["active"], false, "{body}");
    assert_eq!(
        sign_in(&app, &browser(), &t.slug, &login).await.status(),
        StatusCode::FORBIDDEN
    );

    let resp = browser()
        .get(format!("{}/auth/login?tenant=no-such-city", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

/// A city that exists and whose users could sign in is deactivated — while one of
/// them is half-way through a sign-in: the callback refuses and sets no session, and
/// no new sign-in starts.
#[tokio::test]
async fn a_deactivated_city_neither_finishes_nor_starts_a_sign_in() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    assert_eq!(
        sign_in(&app, &browser(), &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER,
        "the city's user signs in while it is active"
    );
    let b = browser();
    let callback = to_callback(&app, &b, &t.slug, &login).await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let (_, body) = app
        .gql(
            Some(&op.token),
            "mutation($id: ID!) { deactivateTenant(id: $id, version: 1) { active } }",
            json!({ "id": t.id.to_string() }),
        )
        .await;
    assert_eq!(body["data"]["deactivateTenant"]["active"], false, "{body}");
    let resp = b.get(callback).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(
        resp.headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .all(|c| !c.to_str().unwrap_or("").contains("wohnweg_session=")
                || c.to_str().unwrap_or("").contains("wohnweg_session=;")),
        "no session cookie"
    );
    assert_ne!(session_info(&app, &b).await.0, StatusCode::OK);
    let resp = browser()
        .get(format!("{}/auth/login?tenant={}", app.base, t.slug))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn cities_without_a_provider_have_no_login() {
    let app = TestApp::spawn().await;
    let t = app.tenant().await;
    let resp = browser()
        .get(format!("{}/auth/login?tenant={}", app.base, t.slug))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

/// Alters the server-side pending login of `callback` with `change`.
async fn alter_pending(app: &TestApp, callback: &Url, change: impl FnOnce(&mut Value)) {
    let state = callback
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let key = format!("login:{state}");
    let raw = app.cache.get(&key).await.expect("a pending login");
    let mut pending: Value = serde_json::from_str(&raw).unwrap();
    change(&mut pending);
    app.cache
        .set(
            &key,
            &pending.to_string(),
            std::time::Duration::from_secs(300),
        )
        .await;
}

#[tokio::test]
async fn a_mismatched_pkce_verifier_or_nonce_is_refused() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;

    // The provider refuses the code exchange when the verifier does not match the
    // challenge it saw.
    let b = browser();
    let callback = to_callback(&app, &b, &t.slug, &login).await;
    alter_pending(&app, &callback, |p| {
        p["verifier"] = json!("x".repeat(64));
    })
    .await;
    let resp = b.get(callback).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(session_info(&app, &b).await.0, StatusCode::UNAUTHORIZED);

    // Nor does it take an exchange without a verifier.
    let b = browser();
    let callback = to_callback(&app, &b, &t.slug, &login).await;
    alter_pending(&app, &callback, |p| {
        p["verifier"] = json!("");
    })
    .await;
    let resp = b.get(callback).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(session_info(&app, &b).await.0, StatusCode::UNAUTHORIZED);

    // We refuse an ID token whose nonce is not the one this login sent.
    let b = browser();
    let callback = to_callback(&app, &b, &t.slug, &login).await;
    alter_pending(&app, &callback, |p| {
        p["nonce"] = json!("another-nonce");
    })
    .await;
    let resp = b.get(callback).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(session_info(&app, &b).await.0, StatusCode::UNAUTHORIZED);

    // The control: the same login without tampering succeeds.
    let b = browser();
    assert_eq!(
        sign_in(&app, &b, &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER
    );
}

/// A city bound to the test provider by its own `[oidc.tenants.<slug>]` entry, so the
/// provider's bearer tokens are accepted for it; and a signed-in (linked) user.
async fn bearer_city() -> (
    TestApp,
    TestTenant,
    wohnweg_tests::TestProvider,
    String,
    wohnweg_kernel::UserId,
) {
    let provider = wohnweg_tests::oidc_provider().await;
    let slug = format!("b-{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    let issuer = provider.issuer.clone();
    let bound = slug.clone();
    let app = TestApp::spawn_with(move |c| {
        c.oidc.tenants.insert(
            bound,
            wohnweg_gateway::config::OidcProviderConfig {
                issuer,
                client_id: "wohnweg".into(),
                client_secret: Some("wohnweg-test-client-secret".into()),
                scopes: vec!["email".into(), "profile".into()],
                roles_claim: "wohnweg_roles".into(),
                jit_email_domains: Vec::new(),
                jit_organisation: None,
            },
        );
    })
    .await;
    let t = app.tenant_with_slug(&slug).await;
    let login = login_name();
    let user = invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    // The first browser sign-in links the provider subject to the user.
    assert_eq!(
        sign_in(&app, &browser(), &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER
    );
    (app, t, provider, login, user)
}

fn rs256(pem: &str, kid: &str, claims: &Value) -> String {
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = Some(kid.to_owned());
    let key = jsonwebtoken::EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap();
    jsonwebtoken::encode(&header, claims, &key).unwrap()
}

#[tokio::test]
async fn provider_bearer_tokens_are_checked_against_its_published_keys() {
    let (app, t, p, login, user) = bearer_city().await;
    let now = chrono::Utc::now().timestamp();
    let good =
        json!({ "iss": p.issuer, "aud": "wohnweg", "sub": login, "iat": now, "exp": now + 300 });
    let viewer_q = "{ viewer { id tenant { slug } } }";

    // The control: a token signed with the provider's published key. The first one
    // makes the server fetch the provider's keys.
    let token = rs256(&p.private_pem, &p.kid, &good);
    let (_, body) = app.gql(Some(&token), viewer_q, json!({})).await;
    assert_eq!(body["data"]["viewer"]["id"], user.to_string(), "{body}");
    assert_eq!(body["data"]["viewer"]["tenant"]["slug"], t.slug);

    // Resolving a provider token: the city by slug, then link, user and grants in one
    // transaction (tenant setting included) — five statements.
    let before = app.db.statements();
    let (_, body) = app.gql(Some(&token), "{ viewer { id } }", json!({})).await;
    assert_eq!(body["data"]["viewer"]["id"], user.to_string(), "{body}");
    let used = app.db.statements() - before;
    assert!(
        used <= 5,
        "resolving a provider token used {used} statements"
    );

    // A provider token cannot name another Wohnweg tenant: its city is fixed by config.
    let other = app.tenant().await;
    let mut with_tid = good.clone();
    with_tid["tid"] = json!(other.id.to_string());
    let (_, body) = app
        .gql(
            Some(&rs256(&p.private_pem, &p.kid, &with_tid)),
            viewer_q,
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["viewer"]["tenant"]["slug"], t.slug, "{body}");

    let with = |k: &str, v: Value| {
        let mut c = good.clone();
        c[k] = v;
        c
    };
    let b64 = |v: &Value| {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    };
    let valid_parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let hs256_confusion = {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some(p.kid.clone());
        jsonwebtoken::encode(
            &header,
            &good,
            &jsonwebtoken::EncodingKey::from_secret(p.public_pem.as_bytes()),
        )
        .unwrap()
    };
    let cases: Vec<(&str, String)> = vec![
        (
            "another audience",
            rs256(&p.private_pem, &p.kid, &with("aud", json!("another-app"))),
        ),
        (
            "another issuer",
            rs256(
                &p.private_pem,
                &p.kid,
                &with("iss", json!("http://127.0.0.1:9/evil")),
            ),
        ),
        (
            "expired",
            rs256(&p.private_pem, &p.kid, &with("exp", json!(now - 3600))),
        ),
        (
            "alg none",
            format!(
                "{}.{}.",
                b64(&json!({ "alg": "none", "kid": p.kid })),
                b64(&good)
            ),
        ),
        ("HS256 signed with the public key", hs256_confusion),
        ("unknown kid", rs256(&p.private_pem, "rotated-away", &good)),
        (
            "signed by a stranger's key",
            rs256(&p.stranger_pem, &p.kid, &good),
        ),
        (
            "tampered payload",
            format!(
                "{}.{}.{}",
                valid_parts[0],
                b64(&with("sub", json!("someone-else"))),
                valid_parts[2]
            ),
        ),
        (
            "a subject never linked to a user",
            rs256(
                &p.private_pem,
                &p.kid,
                &with("sub", json!("never-signed-in")),
            ),
        ),
    ];
    for (what, token) in cases {
        let (_, body) = app.gql(Some(&token), viewer_q, json!({})).await;
        assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{what}: {body}");
    }
}

#[tokio::test]
async fn the_demo_sign_in_page_exists_only_in_demo_mode() {
    let app = TestApp::spawn_with(|c| c.demo = Some(true)).await;
    let b = browser();
    let page = b
        .get(format!("{}/auth/dev", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Emil Fallweg") && html.contains("Caritasverband"),
        "{html}"
    );
    // Sign in as the first demo user listed.
    let field = |name: &str| {
        html.split(&format!("name=\"{name}\" value=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned()
    };
    let (tenant, user) = (field("tenant"), field("user"));
    let resp = b
        .post(format!("{}/auth/dev", app.base))
        .form(&[("tenant", tenant.as_str()), ("user", user.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (status, info) = session_info(&app, &b).await;
    assert_eq!(status, 200);
    assert_eq!(info["user"], user);
    // A made-up user is refused.
    let resp = browser()
        .post(format!("{}/auth/dev", app.base))
        .form(&[
            ("tenant", tenant.as_str()),
            ("user", uuid::Uuid::now_v7().to_string().as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);

    // Real (non-demo) staff are neither listed nor accepted.
    let t = app.tenant().await;
    assert!(!html.contains("Erika Testerin"));
    let resp = browser()
        .post(format!("{}/auth/dev", app.base))
        .form(&[
            ("tenant", t.id.to_string().as_str()),
            ("user", t.caseworker.id.to_string().as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);

    // Outside demo mode the page does not exist.
    let plain = TestApp::spawn().await;
    let resp = browser()
        .get(format!("{}/auth/dev", plain.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

/// In demo mode the demo platform operator signs in on the demo page too (a session
/// without a city) and keeps the course catalogue in the console; the demo state
/// officer is listed beside it; a platform user who is not a demo user, or a made-up
/// one, is refused.
#[tokio::test]
async fn the_demo_operator_signs_in_without_a_city_and_real_operators_do_not() {
    let app = TestApp::spawn_with(|c| c.demo = Some(true)).await;
    let b = browser();
    let list = wohnweg_tests::json_body(
        b.get(format!("{}/auth/dev", app.base))
            .header("accept", "application/json")
            .send()
            .await
            .unwrap(),
    )
    .await;
    let paula = list
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["displayName"] == "Paula Plattform")
        .unwrap_or_else(|| panic!("{list}"))
        .clone();
    assert_eq!(paula["tenant"], "");
    // The demo state officer is listed too (the city comparison is its page).
    let stefan = list
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["displayName"] == "Stefan Landesblick")
        .unwrap_or_else(|| panic!("{list}"))
        .clone();
    assert_eq!(stefan["tenant"], "");
    assert_eq!(stefan["roles"], json!(["Landesprogramm (KIM)"]));
    let resp = b
        .post(format!("{}/auth/dev", app.base))
        .form(&[("tenant", ""), ("user", paula["user"].as_str().unwrap())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (status, info) = session_info(&app, &b).await;
    assert_eq!(status, 200);
    assert!(info["tenant"].is_null(), "{info}");
    let csrf = info["csrfToken"].as_str().unwrap().to_owned();
    let (_, me) = viewer(&app, &b, Some(&csrf)).await;
    assert_eq!(
        me["data"]["viewer"]["roles"],
        json!(["PLATFORM_OPERATOR"]),
        "{me}"
    );
    assert!(me["data"]["viewer"]["tenant"].is_null());
    // A real operator (not a demo user) is neither listed nor accepted; nor a made-up id.
    let real = app
        .platform_user("Olaf Operator", Role::PlatformOperator)
        .await;
    for user in [real.id.to_string(), uuid::Uuid::now_v7().to_string()] {
        let resp = browser()
            .post(format!("{}/auth/dev", app.base))
            .form(&[("tenant", ""), ("user", user.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    }
}

/// How the interposing proxy rewrites the provider's ID token.
#[derive(Clone, Copy, Debug)]
enum Forge {
    /// Re-signed as it came (issuer = the proxy): the control.
    Faithful,
    OtherAudience,
    OtherIssuer,
    Expired,
    AlgNone,
    Hs256WithPublicKey,
    UnknownKid,
    StrangerKey,
    TamperedPayload,
}

#[derive(Clone)]
struct Proxy {
    base: String,
    provider: wohnweg_tests::TestProvider,
    http: Client,
    forge: std::sync::Arc<std::sync::Mutex<Forge>>,
}

async fn proxy_discovery(
    axum::extract::State(p): axum::extract::State<Proxy>,
) -> axum::Json<Value> {
    let mut doc: Value = p
        .http
        .get(format!(
            "{}/.well-known/openid-configuration",
            p.provider.issuer
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    doc["issuer"] = json!(p.base);
    doc["token_endpoint"] = json!(format!("{}/token", p.base));
    axum::Json(doc)
}

async fn proxy_token(
    axum::extract::State(p): axum::extract::State<Proxy>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::Json<Value> {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let discovery: Value = p
        .http
        .get(format!(
            "{}/.well-known/openid-configuration",
            p.provider.issuer
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut req = p
        .http
        .post(discovery["token_endpoint"].as_str().unwrap())
        .body(body.to_vec());
    for name in ["authorization", "content-type"] {
        if let Some(v) = headers.get(name) {
            req = req.header(name, v.to_str().unwrap());
        }
    }
    let mut resp: Value = req.send().await.unwrap().json().await.unwrap();
    let real = resp["id_token"].as_str().unwrap().to_owned();
    let mut claims: Value =
        serde_json::from_slice(&b64.decode(real.split('.').nth(1).unwrap()).unwrap()).unwrap();
    claims["iss"] = json!(p.base);
    let forge = *p.forge.lock().unwrap();
    let now = chrono::Utc::now().timestamp();
    let token = match forge {
        Forge::Faithful => rs256(&p.provider.private_pem, &p.provider.kid, &claims),
        Forge::OtherAudience => {
            claims["aud"] = json!("another-app");
            rs256(&p.provider.private_pem, &p.provider.kid, &claims)
        }
        Forge::OtherIssuer => {
            claims["iss"] = json!(p.provider.issuer);
            rs256(&p.provider.private_pem, &p.provider.kid, &claims)
        }
        Forge::Expired => {
            claims["iat"] = json!(now - 7200);
            claims["exp"] = json!(now - 3600);
            rs256(&p.provider.private_pem, &p.provider.kid, &claims)
        }
        Forge::AlgNone => format!(
            "{}.{}.",
            b64.encode(json!({ "alg": "none", "kid": p.provider.kid }).to_string()),
            b64.encode(claims.to_string())
        ),
        Forge::Hs256WithPublicKey => {
            let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
            header.kid = Some(p.provider.kid.clone());
            jsonwebtoken::encode(
                &header,
                &claims,
                &jsonwebtoken::EncodingKey::from_secret(p.provider.public_pem.as_bytes()),
            )
            .unwrap()
        }
        Forge::UnknownKid => rs256(&p.provider.private_pem, "not-published", &claims),
        Forge::StrangerKey => rs256(&p.provider.stranger_pem, &p.provider.kid, &claims),
        Forge::TamperedPayload => {
            let signed = rs256(&p.provider.private_pem, &p.provider.kid, &claims);
            let parts: Vec<&str> = signed.split('.').collect();
            claims["sub"] = json!("someone-else");
            format!(
                "{}.{}.{}",
                parts[0],
                b64.encode(claims.to_string()),
                parts[2]
            )
        }
    };
    resp["id_token"] = json!(token);
    axum::Json(resp)
}

/// Starts the proxy: discovery names the proxy as issuer and token endpoint; the
/// browser still signs in at the real provider, whose code exchange the proxy
/// forwards before rewriting the ID token.
async fn start_proxy(forge: Forge) -> Proxy {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy = Proxy {
        base: format!("http://{}", listener.local_addr().unwrap()),
        provider: wohnweg_tests::oidc_provider().await,
        http: Client::builder().redirect(Policy::none()).build().unwrap(),
        forge: std::sync::Arc::new(std::sync::Mutex::new(forge)),
    };
    let router = axum::Router::new()
        .route(
            "/.well-known/openid-configuration",
            axum::routing::get(proxy_discovery),
        )
        .route("/token", axum::routing::post(proxy_token))
        .with_state(proxy.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });
    proxy
}

#[tokio::test]
async fn id_tokens_failing_any_check_end_the_login() {
    let proxy = start_proxy(Forge::Faithful).await;
    let issuer = proxy.base.clone();
    let app = TestApp::spawn_with(move |c| {
        c.oidc.default = Some(wohnweg_gateway::config::OidcProviderConfig {
            issuer,
            client_id: "wohnweg".into(),
            client_secret: Some("wohnweg-test-client-secret".into()),
            scopes: vec!["email".into(), "profile".into()],
            roles_claim: "wohnweg_roles".into(),
            jit_email_domains: Vec::new(),
            jit_organisation: None,
        });
    })
    .await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;

    // The control: the real provider's token, faithfully re-signed, signs in.
    let b = browser();
    assert_eq!(
        sign_in(&app, &b, &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(session_info(&app, &b).await.0, StatusCode::OK);

    for forge in [
        Forge::OtherAudience,
        Forge::OtherIssuer,
        Forge::Expired,
        Forge::AlgNone,
        Forge::Hs256WithPublicKey,
        Forge::UnknownKid,
        Forge::StrangerKey,
        Forge::TamperedPayload,
    ] {
        *proxy.forge.lock().unwrap() = forge;
        let b = browser();
        let resp = sign_in(&app, &b, &t.slug, &login).await;
        assert_eq!(
            resp.status(),
            StatusCode::UNAUTHORIZED,
            "{forge:?} must be refused"
        );
        assert_eq!(
            session_info(&app, &b).await.0,
            StatusCode::UNAUTHORIZED,
            "{forge:?}"
        );
    }
}

/// POSTs GraphQL as a signed-in browser (session cookie + CSRF token).
async fn browser_gql(app: &TestApp, b: &Client, query: &str, variables: Value) -> Value {
    let csrf = session_info(app, b).await.1["csrfToken"]
        .as_str()
        .unwrap()
        .to_owned();
    b.post(format!("{}/graphql", app.base))
        .header("x-csrf-token", csrf)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn operator_city_admin_and_carrier_caseworker_end_to_end() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let op = app
        .platform_user("Olga Operator", Role::PlatformOperator)
        .await;
    let slug = format!("e-{}", &uuid::Uuid::new_v4().simple().to_string()[..10]);
    let (admin_login, worker_login) = (login_name(), login_name());

    // The operator creates the city with its first department and administrator.
    let (_, body) = app
        .gql(
            Some(&op.token),
            "mutation($i: CreateTenantInput!) { createTenant(input: $i) { slug active } }",
            json!({ "i": { "slug": slug, "name": "Neustadt", "state": "NW", "firstAdmin": {
                "departmentSlug": "stadt", "departmentName": "Stadt Neustadt – Wohnen",
                "displayName": "Ada Admin", "email": format!("{admin_login}@example.org") } } }),
        )
        .await;
    assert_eq!(body["data"]["createTenant"]["slug"], slug, "{body}");

    // The city admin signs in through the provider and adds a carrier and its staff.
    let admin = browser();
    assert_eq!(
        sign_in(&app, &admin, &slug, &admin_login).await.status(),
        StatusCode::SEE_OTHER
    );
    let body = browser_gql(
        &app,
        &admin,
        "mutation { createOrganisation(input: { slug: \"caritas\", name: \"Caritasverband\", kind: CARRIER }) { id } }",
        json!({}),
    )
    .await;
    let carrier = body["data"]["createOrganisation"]["id"].clone();
    assert!(carrier.is_string(), "{body}");
    let body = browser_gql(
        &app,
        &admin,
        "mutation($i: InviteUserInput!) { inviteUser(input: $i) { id roles } }",
        json!({ "i": { "organisationId": carrier, "displayName": "Cem Caseworker",
                       "email": format!("{worker_login}@example.org"), "roles": ["CARRIER_CASEWORKER"] } }),
    )
    .await;
    assert_eq!(
        body["data"]["inviteUser"]["roles"],
        json!(["CARRIER_CASEWORKER"]),
        "{body}"
    );

    // The carrier caseworker signs in through the provider and sees the carrier.
    let worker = browser();
    assert_eq!(
        sign_in(&app, &worker, &slug, &worker_login).await.status(),
        StatusCode::SEE_OTHER
    );
    let body = browser_gql(
        &app,
        &worker,
        "{ viewer { displayName roles tenant { slug } organisation { slug name kind } } }",
        json!({}),
    )
    .await;
    let v = &body["data"]["viewer"];
    assert_eq!(v["organisation"]["slug"], "caritas", "{body}");
    assert_eq!(v["organisation"]["kind"], "CARRIER");
    assert_eq!(v["roles"], json!(["CARRIER_CASEWORKER"]));
    assert_eq!(v["tenant"]["slug"], slug);
    // And the caseworker cannot administer.
    let body = browser_gql(
        &app,
        &worker,
        "{ users { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert_eq!(first_code(&body), Some("FORBIDDEN"), "{body}");
}

#[tokio::test]
async fn a_second_account_with_a_linked_users_address_is_refused() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    let user = invite(&app, &t, &login, &[Role::CityAdmin]).await;
    let b = browser();
    assert_eq!(
        sign_in(&app, &b, &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(session_info(&app, &b).await.1["user"], user.to_string());
    // Same verified address, another subject at the same provider: not that user.
    let other = browser();
    let resp = sign_in(&app, &other, &t.slug, &format!("{login}+second")).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(session_info(&app, &other).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn first_sign_in_never_creates_an_administrator() {
    let app = TestApp::spawn_with_oidc(|c| {
        if let Some(p) = c.oidc.default.as_mut() {
            p.jit_email_domains = vec!["example.org".into()];
            p.jit_organisation = Some("stadt".into());
        }
    })
    .await;
    let t = app.tenant().await;
    let b = browser();
    // The provider asserts city_admin, carrier_admin and city_caseworker.
    let login = format!("admin-{}", login_name());
    assert_eq!(
        sign_in(&app, &b, &t.slug, &login).await.status(),
        StatusCode::SEE_OTHER
    );
    let csrf = session_info(&app, &b).await.1["csrfToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, body) = viewer(&app, &b, Some(&csrf)).await;
    assert_eq!(
        body["data"]["viewer"]["roles"],
        json!(["CITY_CASEWORKER"]),
        "{body}"
    );
}

#[tokio::test]
async fn a_new_sign_in_ends_the_browsers_previous_session() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let (first, second) = (login_name(), login_name());
    invite(&app, &t, &first, &[Role::CityCaseworker]).await;
    let second_user = invite(&app, &t, &second, &[Role::CityCoordinator]).await;
    let b = browser();
    let resp = sign_in(&app, &b, &t.slug, &first).await;
    let old_cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("wohnweg_session="))
        .unwrap();
    let old_cookie = old_cookie.split(';').next().unwrap().to_owned();
    let old_csrf = session_info(&app, &b).await.1["csrfToken"]
        .as_str()
        .unwrap()
        .to_owned();
    // Another person signs in on a browser that still carries that session cookie
    // (left behind, or planted): the old session ends.
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    jar.add_cookie_str(&old_cookie, &Url::parse(&app.base).unwrap());
    let shared = Client::builder()
        .cookie_provider(jar)
        .redirect(Policy::none())
        .build()
        .unwrap();
    assert_eq!(
        sign_in(&app, &shared, &t.slug, &second).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        session_info(&app, &shared).await.1["user"],
        second_user.to_string()
    );
    let replay = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("cookie", &old_cookie)
        .header("x-csrf-token", &old_csrf)
        .json(&json!({ "query": "{ viewer { id } }" }))
        .send()
        .await
        .unwrap();
    let body: Value = replay.json().await.unwrap();
    assert_eq!(first_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

/// The console sends `next` (the page the user was on when their session ended):
/// after the provider the browser lands there. Anything but a path on this server
/// lands on `/graphql`.
#[tokio::test]
async fn a_sign_in_returns_to_the_page_it_was_asked_for_on_this_server_only() {
    let app = TestApp::spawn_with_oidc(|_| {}).await;
    let t = app.tenant().await;
    let login = login_name();
    invite(&app, &t, &login, &[Role::CityCaseworker]).await;
    for (next, lands) in [
        (
            "%2Fhouseholds%2F0190a0c0%3Fx%3D1",
            "/households/0190a0c0?x=1",
        ),
        ("%2F%2Fevil.example%2F", "/graphql"),
        ("https%3A%2F%2Fevil.example%2F", "/graphql"),
        ("%2F%5Cevil.example", "/graphql"),
    ] {
        let b = browser();
        let resp = sign_in(&app, &b, &format!("{}&next={next}", t.slug), &login).await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{next}");
        assert_eq!(resp.headers()["location"], lands, "{next}");
        assert_eq!(session_info(&app, &b).await.0, 200, "signed in for {next}");
    }
}

/// Platform staff sign in through the platform's own provider (`[oidc.platform]`):
/// the first sign-in links the provider identity to the platform user with that
/// verified e-mail, later ones find it by that identity; a second account with the
/// same address, a city's user, an unknown or a deactivated account are refused; a
/// server without a platform provider offers no such sign-in.
#[tokio::test]
async fn platform_staff_sign_in_through_the_platforms_own_provider() {
    let app = TestApp::spawn_with_oidc(|c| c.oidc.platform = c.oidc.default.clone()).await;
    let options: Value = browser()
        .get(format!("{}/auth/options", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(options["platform"], true);
    let login = login_name();
    let op = app
        .provisioning()
        .create_platform_user(
            &DisplayName::parse("n", "Paula Plattform").unwrap(),
            &Email::parse("e", &format!("{login}@example.org")).unwrap(),
            Role::PlatformOperator,
        )
        .await
        .unwrap();
    let start =
        |next: &str| Url::parse(&format!("{}/auth/platform-login?next={next}", app.base)).unwrap();
    let platform_sign_in = |b: Client, who: String| {
        let app = &app;
        let url = start("/catalogue");
        async move {
            let callback = flow_to_callback(app, &b, url, &who).await;
            (b.get(callback).send().await.unwrap(), b)
        }
    };

    let (resp, b) = platform_sign_in(browser(), login.clone()).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], "/catalogue");
    let (status, info) = session_info(&app, &b).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(info["user"], op.to_string());
    assert!(info["tenant"].is_null(), "{info}");
    let v = browser_gql(
        &app,
        &b,
        "{ viewer { id roles tenant { slug } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        v["data"]["viewer"]["roles"],
        json!(["PLATFORM_OPERATOR"]),
        "{v}"
    );
    assert!(v["data"]["viewer"]["tenant"].is_null());
    let catalogue = browser_gql(&app, &b, "{ courseCatalogue { id } }", json!({})).await;
    assert!(catalogue["errors"].is_null(), "{catalogue}");

    // Again, from another browser: found by the linked identity.
    let (resp, b2) = platform_sign_in(browser(), login.clone()).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(session_info(&app, &b2).await.1["user"], op.to_string());

    // Another account of the provider with the same verified address: refused.
    let (resp, b3) = platform_sign_in(browser(), format!("{login}+other")).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(session_info(&app, &b3).await.0, StatusCode::UNAUTHORIZED);
    // A city's user is no platform user.
    let t = app.tenant().await;
    let city_login = login_name();
    invite(&app, &t, &city_login, &[Role::CityCoordinator]).await;
    let (resp, _) = platform_sign_in(browser(), city_login.clone()).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // … who still signs in to their city.
    let resp = sign_in(&app, &browser(), &t.slug, &city_login).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // Unknown accounts are not created on first sign-in.
    let (resp, _) = platform_sign_in(browser(), login_name()).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // A deactivated platform user is refused, linked or not.
    app.exec_as_owner(&format!(
        "UPDATE platform_users SET active = false WHERE email = '{login}@example.org'"
    ))
    .await;
    let (resp, _) = platform_sign_in(browser(), login.clone()).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    // Without a platform provider there is no platform sign-in.
    let plain = TestApp::spawn_with_oidc(|_| {}).await;
    let options: Value = browser()
        .get(format!("{}/auth/options", plain.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(options["platform"], false);
    let resp = browser()
        .get(format!("{}/auth/platform-login", plain.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}
