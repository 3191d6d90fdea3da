//! `/auth/dev`: "sign in as a demo user", for demo mode only, and only as one of the
//! seeded demo users (e-mail domain [`DEMO_EMAIL_DOMAIN`]). The route does not
//! exist outside demo mode (and demo mode is refused in production). It starts the
//! same kind of session as the OpenID login, so the rest of the app cannot tell them
//! apart. The demo platform operators are listed too (they keep the shared course
//! catalogue in the console); their session has no tenant. State officers have no
//! console page: use `wohnweg token` for them.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::http::header::ACCEPT;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{Html, IntoResponse, Response};
use axum::{Form, Json};
use serde::Deserialize;
use wohnweg_identity::Provisioning;
use wohnweg_kernel::{TenantId, UserId};

use crate::app::AppState;
use crate::demo::DEMO_EMAIL_DOMAIN;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One demo user as the sign-in page lists them.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct DemoRow {
    /// Empty for a platform operator (a session without a city).
    tenant: String,
    user: String,
    tenant_name: String,
    organisation_name: String,
    display_name: String,
    roles: Vec<&'static str>,
}

/// `GET /auth/dev`: the demo users, one button each — or, for a client that accepts
/// `application/json` (the console's sign-in page), the same list as JSON.
pub async fn page(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let p = Provisioning::new(state.db.clone(), state.cache.clone());
    let (Ok(entries), Ok(operators)) = (
        p.directory(DEMO_EMAIL_DOMAIN).await,
        p.platform_directory(DEMO_EMAIL_DOMAIN).await,
    ) else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
    };
    let rows: Vec<DemoRow> = entries
        .iter()
        .map(|e| DemoRow {
            tenant: e.tenant.to_string(),
            user: e.user.to_string(),
            tenant_name: e.tenant_name.clone(),
            organisation_name: e.organisation_name.clone(),
            display_name: e.display_name.clone(),
            roles: e.roles.iter().map(|r| r.label_de()).collect(),
        })
        .chain(operators.iter().map(|(user, name, role)| DemoRow {
            tenant: String::new(),
            user: user.to_string(),
            tenant_name: "Plattform".to_owned(),
            organisation_name: role.label_de().to_owned(),
            display_name: name.clone(),
            roles: vec![role.label_de()],
        }))
        .collect();
    let wants_json = headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    if wants_json {
        return Json(rows).into_response();
    }
    let mut html = String::from(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Wohnweg – Demo-Anmeldung</title>\
         <style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto}td,th{padding:.3rem .6rem;text-align:left}</style>\
         </head><body><h1>Wohnweg – Demo-Anmeldung</h1>\
         <p>Nur im Demo-Modus. Alle Personen sind erfunden. / Demo mode only; all people are invented.</p>\
         <table><tr><th>Stadt</th><th>Organisation</th><th>Name</th><th>Rollen</th><th></th></tr>",
    );
    for r in &rows {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><form method=\"post\" action=\"/auth/dev\">\
             <input type=\"hidden\" name=\"tenant\" value=\"{}\"><input type=\"hidden\" name=\"user\" value=\"{}\">\
             <button type=\"submit\">Anmelden</button></form></td></tr>",
            escape(&r.tenant_name),
            escape(&r.organisation_name),
            escape(&r.display_name),
            escape(&r.roles.join(", ")),
            r.tenant,
            r.user,
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
    /// Where to go after signing in: a path on this site (default: GraphiQL).
    next: Option<String>,
}

/// `next` when it is a path on this site (`/…`, not `//host` or `/\host`, and
/// without whitespace or control characters, which browsers drop from URLs, turning
/// `/<tab>/host` into `//host`).
pub(crate) fn local_path(next: Option<&str>) -> &str {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            n
        }
        _ => "/graphql",
    }
}

/// `POST /auth/dev`: starts a session for that demo user.
pub async fn sign_in(State(state): State<AppState>, Form(f): Form<DevLogin>) -> Response {
    let Ok(user) = f.user.parse::<UserId>() else {
        return (StatusCode::BAD_REQUEST, "unknown demo user").into_response();
    };
    // An empty tenant names a demo platform user (an operator or a state officer).
    let tenant = if f.tenant.is_empty() {
        None
    } else {
        let Ok(t) = f.tenant.parse::<TenantId>() else {
            return (StatusCode::BAD_REQUEST, "unknown demo user").into_response();
        };
        Some(t)
    };
    // Only the seeded demo users (active, in an active city) — never real staff, even
    // when demo mode runs against a copy of real data.
    let p = Provisioning::new(state.db.clone(), state.cache.clone());
    let is_demo_user = match tenant {
        Some(tenant) => p
            .directory(DEMO_EMAIL_DOMAIN)
            .await
            .is_ok_and(|d| d.iter().any(|e| e.tenant == tenant && e.user == user)),
        None => p
            .platform_directory(DEMO_EMAIL_DOMAIN)
            .await
            .is_ok_and(|d| d.iter().any(|(u, _, _)| *u == user)),
    };
    if !is_demo_user {
        return (StatusCode::BAD_REQUEST, "unknown demo user").into_response();
    }
    let Some(id) = state.sessions.start(user, tenant).await else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "the session store is unavailable; try again shortly",
        )
            .into_response();
    };
    (
        StatusCode::SEE_OTHER,
        [
            (LOCATION, local_path(f.next.as_deref()).to_owned()),
            (SET_COOKIE, state.sessions.set_cookie(&id)),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(local_path(Some("/worklist")), "/worklist");
        assert_eq!(local_path(None), "/graphql");
        for outside in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "worklist",
        ] {
            assert_eq!(local_path(Some(outside)), "/graphql", "{outside}");
        }
    }
}
