//! The public offer form: single-use tokens, minimum fill time, a honeypot, a rate
//! limit per address, and a received offer that staff review.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wohnweg_tests::{TestApp, TestTenant, day};

pub(crate) fn form(token: &str) -> Value {
    json!({ "formToken": token, "landlordName": "Frau Hausbesitz", "landlordContact": "Tel. 0221 123456",
            "street": "Lindenweg 3", "postalCode": "50667", "district": "Nippes", "rooms": 2.0, "livingSpace": 58.5,
            "coldRent": "455.00", "serviceCharges": "110", "heating": "65", "deposit": "1365", "availableFrom": day(15) })
}

pub(crate) async fn token(app: &TestApp, city: &str) -> String {
    let r = app.get(&format!("/public/{city}/offer-form")).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["formToken"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub(crate) async fn post(app: &TestApp, city: &str, body: &Value) -> (StatusCode, Value) {
    let r = app
        .http
        .post(format!("{}/public/{city}/offers", app.base))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, wohnweg_tests::json_body(r).await)
}

async fn offers(app: &TestApp, t: &TestTenant) -> Vec<Value> {
    let (_, body) = app.gql(Some(&t.caseworker.token), "{ offers { edges { node { id status landlordId } } } landlords { edges { node { id partnerStatus name } } } }", json!({})).await;
    body["data"]["offers"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

#[tokio::test]
async fn a_landlord_offers_a_flat_and_staff_review_it() {
    let app = TestApp::spawn_with(|c| c.public_form.min_fill_seconds = 0).await;
    let t = app.tenant().await;
    let tok = token(&app, &t.slug).await;
    let (status, body) = post(&app, &t.slug, &form(&tok)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert!(body["receipt"].is_string());
    let got = offers(&app, &t).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["status"], "RECEIVED", "staff review it first");
    let (_, l) = app
        .gql(
            Some(&t.caseworker.token),
            "{ landlords { edges { node { partnerStatus name } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        l["data"]["landlords"]["edges"][0]["node"]["partnerStatus"],
        "PROSPECT"
    );
    // Staff open it for matching.
    let (_, o) = app
        .gql(
            Some(&t.caseworker.token),
            "mutation($id: ID!) { setOfferStatus(id: $id, version: 1, status: OPEN) { status } }",
            json!({ "id": got[0]["id"] }),
        )
        .await;
    assert_eq!(o["data"]["setOfferStatus"]["status"], "OPEN", "{o}");
    // The token was single-use.
    let (status, body) = post(&app, &t.slug, &form(&tok)).await;
    assert_eq!(
        (status, body["error"]["field"].clone()),
        (StatusCode::BAD_REQUEST, json!("formToken"))
    );
    let rows = app
        .tenant_rows(
            t.id,
            "SELECT action FROM audit_log WHERE action = 'public_form'",
        )
        .await;
    assert_eq!(rows.len(), 2, "landlord and offer audited");
}

#[tokio::test]
async fn bots_and_bad_input_are_turned_away_and_nothing_is_stored() {
    let app = TestApp::spawn_with(|c| {
        c.public_form.min_fill_seconds = 0;
        c.public_form.per_address_per_hour = 5;
    })
    .await;
    let t = app.tenant().await;
    let other = app.tenant().await;
    // No token, a made-up token, another city's token.
    let mut f = form("nope");
    assert_eq!(
        post(&app, &t.slug, &f).await.1["error"]["field"],
        "formToken"
    );
    f["formToken"] = json!(token(&app, &other.slug).await);
    assert_eq!(
        post(&app, &t.slug, &f).await.1["error"]["field"],
        "formToken"
    );
    // The honeypot: answered like a success, nothing stored.
    let mut bot = form(&token(&app, &t.slug).await);
    bot["website"] = json!("http://spam.example");
    assert_eq!(post(&app, &t.slug, &bot).await.0, StatusCode::ACCEPTED);
    // Bad fields are named.
    let mut bad = form(&token(&app, &t.slug).await);
    bad["coldRent"] = json!("viel");
    let (status, body) = post(&app, &t.slug, &bad).await;
    assert_eq!(
        (
            status,
            body["error"]["code"].clone(),
            body["error"]["field"].clone()
        ),
        (
            StatusCode::BAD_REQUEST,
            json!("BAD_USER_INPUT"),
            json!("coldRent")
        )
    );
    let mut bad = form(&token(&app, &t.slug).await);
    bad["availableFrom"] = json!("2999-01-01");
    assert_eq!(
        post(&app, &t.slug, &bad).await.1["error"]["field"],
        "availableFrom"
    );
    // Unknown city.
    assert_eq!(
        app.get("/public/nirgendwo/offer-form").await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(offers(&app, &t).await.is_empty(), "nothing stored");
    // The rate limit per address and city: five attempts an hour, this is the sixth.
    let (status, _) = post(&app, &t.slug, &form(&token(&app, &t.slug).await)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_form_sent_back_too_fast_is_refused_and_accepted_after_the_wait() {
    let app = TestApp::spawn_with(|c| c.public_form.min_fill_seconds = 2).await;
    let t = app.tenant().await;
    let tok = token(&app, &t.slug).await;
    let (status, body) = post(&app, &t.slug, &form(&tok)).await;
    assert_eq!(
        (status, body["error"]["field"].clone()),
        (StatusCode::BAD_REQUEST, json!("formToken"))
    );
    let too_fast = body["error"]["message"].as_str().unwrap().to_owned();
    assert!(too_fast.contains("too quickly"), "{body}");
    assert!(offers(&app, &t).await.is_empty());
    // A bad token is told something else: fetch the form again.
    let (_, bad) = post(&app, &t.slug, &form("made-up")).await;
    assert_ne!(bad["error"]["message"].as_str().unwrap(), too_fast);
    // After the minimum fill time the very same form is accepted, once.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let (status, body) = post(&app, &t.slug, &form(&tok)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(offers(&app, &t).await.len(), 1);
    let (status, _) = post(&app, &t.slug, &form(&tok)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "single use");
}

/// The page a landlord's browser gets: German HTML with a token, posting ordinary
/// form fields (no JavaScript). GET with `Accept: text/html`.
async fn page_token(app: &TestApp, city: &str) -> (StatusCode, String, Option<String>) {
    let r = app
        .http
        .get(format!("{}/public/{city}/offer-form", app.base))
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    let status = r.status();
    let csp = r
        .headers()
        .get("content-security-policy")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        csp.contains("form-action 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = r.text().await.unwrap();
    (status, html.clone(), hidden_token(&html))
}

fn hidden_token(html: &str) -> Option<String> {
    let at = html.find(r#"name="formToken" value=""#)? + r#"name="formToken" value=""#.len();
    Some(html[at..at + html[at..].find('"')?].to_owned())
}

fn page_fields(token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("formToken", token.to_owned()),
        ("website", String::new()),
        ("landlordName", "Frau Hausbesitz".into()),
        ("landlordContact", "Tel. 0221 123456".into()),
        ("street", "Lindenweg 3".into()),
        ("postalCode", "50667".into()),
        ("district", "Nippes".into()),
        ("rooms", "2,5".into()),
        ("livingSpace", "58,5".into()),
        ("floor", "".into()),
        ("availableFrom", day(15)),
        ("stepFree", "on".into()),
        ("maxPersons", "".into()),
        ("petsAllowed", "no".into()),
        ("coldRent", "455,00".into()),
        ("serviceCharges", "110".into()),
        ("heating", "65".into()),
        ("deposit", "1365".into()),
        ("notes", "".into()),
    ]
}

async fn post_page(app: &TestApp, city: &str, fields: &[(&str, String)]) -> (StatusCode, String) {
    let r = app
        .http
        .post(format!("{}/public/{city}/offer-form", app.base))
        .form(fields)
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_landlord_offers_a_flat_on_the_page_without_javascript() {
    let app = TestApp::spawn_with(|c| c.public_form.min_fill_seconds = 0).await;
    let t = app.tenant().await;
    let (status, html, token) = page_token(&app, &t.slug).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.starts_with("<!DOCTYPE html><html lang=\"de\">"),
        "{html}"
    );
    assert!(html.contains("Wohnung anbieten") && !html.contains("<script"));
    assert!(
        html.contains(r#"rel="stylesheet" href="/assets/public-"#),
        "the KERN stylesheet is linked"
    );
    let token = token.expect("a form token");

    // A bad postal code: refused next to its field in German, typed values kept, a
    // fresh token (the first was used), nothing stored.
    let mut fields = page_fields(&token);
    fields[5].1 = "5066".into();
    let (status, html) = post_page(&app, &t.slug, &fields).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        html.contains("Bitte geben Sie eine Postleitzahl mit fünf Ziffern an."),
        "{html}"
    );
    assert!(
        html.contains(r#"id="f-postalCode" name="postalCode" value="5066""#),
        "{html}"
    );
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(
        html.contains(r#"value="Frau Hausbesitz""#),
        "values are kept"
    );
    let fresh = hidden_token(&html).expect("a fresh token");
    assert_ne!(fresh, token);
    assert!(offers(&app, &t).await.is_empty(), "nothing stored");

    // Sent again with the fresh token: received, with a receipt number.
    let (status, html) = post_page(&app, &t.slug, &page_fields(&fresh)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("Vielen Dank") && html.contains("Ihre Eingangsnummer"),
        "{html}"
    );
    let got = offers(&app, &t).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["status"], "RECEIVED");

    // The used token again: told so, with the values kept and a new token.
    let (status, html) = post_page(&app, &t.slug, &page_fields(&fresh)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("abgelaufen oder schon gesendet"), "{html}");
    assert!(hidden_token(&html).is_some_and(|n| n != fresh));
    assert_eq!(offers(&app, &t).await.len(), 1);

    // A bot fills the hidden field: thanked, nothing stored.
    let (_, _, token) = page_token(&app, &t.slug).await;
    let mut bot = page_fields(&token.unwrap());
    bot[1].1 = "http://spam.example".into();
    let (status, html) = post_page(&app, &t.slug, &bot).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Vielen Dank") && !html.contains("Eingangsnummer"));
    assert_eq!(offers(&app, &t).await.len(), 1);

    // An unknown city: a German page, 404.
    let r = app
        .http
        .get(format!("{}/public/nirgendwo/offer-form", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.text().await.unwrap().contains("Stadt nicht gefunden"));
}

#[tokio::test]
async fn the_page_counts_against_the_same_limit_as_the_json_form() {
    let app = TestApp::spawn_with(|c| {
        c.public_form.min_fill_seconds = 0;
        c.public_form.per_address_per_hour = 2;
    })
    .await;
    let t = app.tenant().await;
    let tok = token(&app, &t.slug).await;
    let (status, _) = post(&app, &t.slug, &form(&tok)).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (_, _, tok) = page_token(&app, &t.slug).await;
    let (status, _) = post_page(&app, &t.slug, &page_fields(&tok.unwrap())).await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, tok) = page_token(&app, &t.slug).await;
    let (status, html) = post_page(&app, &t.slug, &page_fields(&tok.unwrap())).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains("Zu viele Anfragen"));
    assert_eq!(offers(&app, &t).await.len(), 2);
}
