//! `/auth/dev`: "sign in as a demo user", for demo mode only. The route does not
//! exist outside demo mode (and demo mode is refused in production). It starts the
//! same kind of session as the OpenID login, so the rest of the app cannot tell them
//! apart. Platform roles have no tenant and no session: use `wohnweg token` for them.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use wohnweg_identity::Provisioning;
use wohnweg_kernel::{TenantId, UserId};

use crate::app::AppState;
use crate::session::{SESSION_COOKIE, set_cookie};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `GET /auth/dev`: the demo users, one button each.
pub async fn page(State(state): State<AppState>) -> Response {
    let p = Provisioning::new(state.db.clone(), state.cache.clone());
    let Ok(entries) = p.directory().await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
    };
    let mut html = String::from(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Wohnweg – Demo-Anmeldung</title>\
         <style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto}td,th{padding:.3rem .6rem;text-align:left}</style>\
         </head><body><h1>Wohnweg – Demo-Anmeldung</h1>\
         <p>Nur im Demo-Modus. Alle Personen sind erfunden. / Demo mode only; all people are invented.</p>\
         <table><tr><th>Stadt</th><th>Organisation</th><th>Name</th><th>Rollen</th><th></th></tr>",
    );
    for e in entries {
        let roles: Vec<&str> = e.roles.iter().map(|r| r.label_de()).collect();
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><form method=\"post\" action=\"/auth/dev\">\
             <input type=\"hidden\" name=\"tenant\" value=\"{}\"><input type=\"hidden\" name=\"user\" value=\"{}\">\
             <button type=\"submit\">Anmelden</button></form></td></tr>",
            escape(&e.tenant_name),
            escape(&e.organisation_name),
            escape(&e.display_name),
            escape(&roles.join(", ")),
            e.tenant,
            e.user,
        ));
    }
    html.push_str("</table></body></html>");
    Html(html).into_response()
}

/// The form of `POST /auth/dev`.
#[derive(Deserialize)]
pub struct DevLogin {
    tenant: String,
    user: String,
}

/// `POST /auth/dev`: starts a session for that demo user.
pub async fn sign_in(State(state): State<AppState>, Form(f): Form<DevLogin>) -> Response {
    let (Ok(tenant), Ok(user)) = (f.tenant.parse::<TenantId>(), f.user.parse::<UserId>()) else {
        return (StatusCode::BAD_REQUEST, "unknown demo user").into_response();
    };
    // The same check as every request: the user must exist, be active, in an active
    // tenant. A made-up pair is refused here rather than on the next request.
    let who = wohnweg_identity::VerifiedIdentity {
        issuer: "wohnweg-demo".into(),
        subject: user.to_string(),
        subject_kind: wohnweg_identity::tokens::SubjectKind::LocalUserId,
        tenant: Some(tenant),
        tenant_slug: None,
    };
    if state.identity.resolve(&who).await.is_err() {
        return (StatusCode::BAD_REQUEST, "unknown demo user").into_response();
    }
    let id = state.sessions.start(user, tenant).await;
    let secure = !state.config.insecure_cookies_allowed();
    (
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/graphql".to_owned()),
            (
                SET_COOKIE,
                set_cookie(SESSION_COOKIE, &id, "/", None, secure),
            ),
        ],
    )
        .into_response()
}
