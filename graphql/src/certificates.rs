//! The public side of certificates: what a landlord's browser (or `wohnweg verify`)
//! needs to check one, and nothing that would tell the city which one.
//!
//! - `GET /verify` — the verification page. The credential rides in the URL's
//!   fragment, which browsers never send; the page's script (`src/verify/verify.ts`
//!   in the console build) checks it in the browser.
//! - `GET /public/{city}` — the issuer's profile (`issuer.id` of its credentials).
//! - `GET /public/{city}/keys.json` — every public key the city signed with.
//! - `GET /public/{city}/status` — its W3C Bitstring Status List credential.
//!
//! The documents are the same for every certificate of a city and cacheable for five
//! minutes; none of these routes takes a certificate or a number, so no log can hold
//! one (the access log records the route pattern only).

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
    REFERRER_POLICY,
};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, html};
use serde_json::json;

use crate::app::AppState;

/// The page's policy: its own script and stylesheet, fetches to its own origin only.
const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// How long verifiers may cache a city's documents: a revocation shows within this.
const DOCUMENT_CACHE: &str = "public, max-age=300";

fn script() -> &'static str {
    static JS: OnceLock<String> = OnceLock::new();
    JS.get_or_init(|| {
        crate::console::manifest_file("src/verify/verify.ts")
            .map_or_else(String::new, |f| format!("/{f}"))
    })
}

/// `GET /verify`: the page; the check itself runs in the browser.
pub async fn page() -> Response {
    let css = crate::public_page::stylesheet();
    let js = script();
    let doc = html! {
        (DOCTYPE)
        html lang="de" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { "Teilnahmebestätigung prüfen – Wohnweg" }
                @if !css.is_empty() { link rel="stylesheet" href=(css); }
                @if !js.is_empty() { script type="module" src=(js) {} }
            }
            body {
                main.ww-public id="main" {
                    div.ww-stack {
                        h1 { "Teilnahmebestätigung prüfen" }
                        p {
                            "Diese Seite prüft eine qualifizierte Teilnahmebestätigung (Mietführerschein) "
                            "in Ihrem Browser: ob die ausstellende Stadt sie unterschrieben hat und ob sie "
                            "widerrufen wurde. Die Bescheinigung selbst wird dabei nicht an den Server "
                            "geschickt; die Stadt erfährt nicht, wer welche Bescheinigung prüft."
                        }
                        noscript {
                            p {
                                "Zum Prüfen braucht diese Seite JavaScript. Ohne JavaScript können Sie die "
                                "Bescheinigung mit dem Programm „wohnweg verify“ prüfen."
                            }
                        }
                        div id="result" tabindex="-1" aria-live="polite" {}
                        form id="paste" hidden {
                            label for="credential" { "Bescheinigung einfügen (Text aus der PDF-Datei oder dem Link)" }
                            textarea id="credential" name="credential" spellcheck="false" autocomplete="off" {}
                            button.kern-btn.kern-btn--primary type="submit" { span.kern-label { "Prüfen" } }
                        }
                    }
                }
            }
        }
    };
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CONTENT_SECURITY_POLICY, POLICY),
            (CACHE_CONTROL, "public, max-age=300"),
            (REFERRER_POLICY, "no-referrer"),
        ],
        doc.into_string(),
    )
        .into_response()
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "no such city").into_response()
}

fn unavailable(e: &wohnweg_kernel::Error) -> Response {
    tracing::error!(error = %e.public_message(), "a city's certificate documents failed");
    (StatusCode::SERVICE_UNAVAILABLE, "try again later").into_response()
}

/// `GET /public/{city}`: the issuer's profile.
pub async fn issuer(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let Ok(city) = crate::public::city(&state, &slug).await else {
        return not_found();
    };
    let id = wohnweg_learning::credential::issuer_id(&state.config.public_base(), &slug);
    (
        [
            (CONTENT_TYPE, "application/json"),
            (CACHE_CONTROL, DOCUMENT_CACHE),
            (ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": id,
            "type": ["Profile"],
            "name": city.name,
            "publicKeys": format!("{id}/keys.json"),
            "statusList": format!("{id}/status"),
        })
        .to_string(),
    )
        .into_response()
}

/// `GET /public/{city}/keys.json`: the city's public keys.
pub async fn keys(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let Ok(city) = crate::public::city(&state, &slug).await else {
        return not_found();
    };
    match state.learning.published_keys(city.id).await {
        Ok(set) => (
            [
                (CONTENT_TYPE, "application/json"),
                (CACHE_CONTROL, DOCUMENT_CACHE),
                (ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            ],
            serde_json::to_string(&set).unwrap_or_default(),
        )
            .into_response(),
        Err(e) => unavailable(&e),
    }
}

/// `GET /public/{city}/status`: the city's revocation list (VC-JOSE).
pub async fn status(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let Ok(city) = crate::public::city(&state, &slug).await else {
        return not_found();
    };
    match state.learning.published_status(city.id).await {
        Ok(Some(jws)) => (
            [
                (CONTENT_TYPE, "application/vc+jwt"),
                (CACHE_CONTROL, DOCUMENT_CACHE),
                (ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            ],
            jws,
        )
            .into_response(),
        Ok(None) => not_found(),
        Err(e) => unavailable(&e),
    }
}
