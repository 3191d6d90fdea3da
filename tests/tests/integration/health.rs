//! Liveness, readiness, Redis outages and graceful shutdown.

use serde_json::{Value, json};
use wohnweg_tests::TestApp;

#[tokio::test]
async fn live_and_ready() {
    let app = TestApp::spawn().await;
    let resp = app.get("/health/livez").await;
    assert_eq!(resp.status(), 200);
    let resp = app.get("/health/readyz").await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["database"], "ok", "{body}");
    assert_eq!(body["cache"]["state"], "ok", "{body}");
}

#[tokio::test]
async fn a_redis_outage_keeps_the_service_ready_and_serving() {
    // Nothing listens on port 1: Redis is "down" from the start.
    let app = TestApp::spawn_with(|c| c.redis_url = Some("redis://127.0.0.1:1/".into())).await;
    let resp = app.get("/health/readyz").await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["cache"]["backend"], "redis", "{body}");
    assert_ne!(body["cache"]["state"], "ok", "{body}");
    let t = app.tenant().await;
    for _ in 0..2 {
        let (_, body) = app
            .gql(
                Some(&t.caseworker.token),
                "{ viewer { tenant { slug } } }",
                json!({}),
            )
            .await;
        assert_eq!(body["data"]["viewer"]["tenant"]["slug"], t.slug, "{body}");
    }
}

#[tokio::test]
async fn graceful_shutdown_stops_accepting() {
    let mut app = TestApp::spawn().await;
    assert_eq!(app.get("/health/livez").await.status(), 200);
    app.stop().await.unwrap();
    let after = app
        .http
        .get(format!("{}/health/livez", app.base))
        .send()
        .await;
    assert!(after.is_err(), "the server must not accept after shutdown");
}
