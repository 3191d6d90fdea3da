//! The public offer form: single-use tokens, minimum fill time, a honeypot, a rate
//! limit per address, and a received offer that staff review.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wohnweg_tests::{TestApp, TestTenant, day};

fn form(token: &str) -> Value {
    json!({ "formToken": token, "landlordName": "Frau Hausbesitz", "landlordContact": "Tel. 0221 123456",
            "street": "Lindenweg 3", "postalCode": "50667", "district": "Nippes", "rooms": 2.0, "livingSpace": 58.5,
            "coldRent": "455.00", "serviceCharges": "110", "heating": "65", "deposit": "1365", "availableFrom": day(15) })
}

async fn token(app: &TestApp, city: &str) -> String {
    let r = app.get(&format!("/public/{city}/offer-form")).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["formToken"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn post(app: &TestApp, city: &str, body: &Value) -> (StatusCode, Value) {
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
