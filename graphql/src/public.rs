//! The public offer form: landlords offer a flat to a city without an account.
//!
//! - `GET /public/{city}/offer-form` hands out a single-use form token (kept in the
//!   cache with the time it was issued).
//! - `POST /public/{city}/offers` (JSON) takes the offer. It is refused when the token
//!   is unknown, used or expired ("fetch the form again"), or sent back faster than a
//!   person fills a form (`public_form.min_fill_seconds`; "wait a moment", and the
//!   token stays valid for a later submission); when a client address sends more than
//!   `public_form.per_address_per_hour` offers to one city (429); and it is silently
//!   dropped — answered like a success — when the hidden `website` field is filled,
//!   which only bots do. A good offer becomes a *received* offer of a new prospect
//!   landlord, which staff review before it opens for matching.
//!
//! Errors are JSON `{ "error": { "code", "field", "message" } }` with the API's codes.
//! Nothing here logs what was submitted. Tokens and counters live in the cache
//! (Redis in production, so they hold across instances): when it is down, fetching a
//! form answers 503 (a token could not be checked later), and the rate limit lets
//! requests through — the tokens still gate every submission. Behind a reverse proxy
//! the client address is the proxy's; limit there as well.
//!
//! The rate limit is a fixed-window counter in that cache (`Cache::incr`), not
//! governor: governor keeps its keyed state in the process, so with two replicas
//! behind a load balancer each would grant the full budget, and the limit would grow
//! with the replica count. One atomic `INCR` + `EXPIRE NX` in Redis holds it for all
//! of them; the embedded default counts in moka.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use wohnweg_casework::types::Text;
use wohnweg_housing::types::{cents, postal_code, tenths};
use wohnweg_housing::{OfferInput, PublicOffer};
use wohnweg_identity::Slug;
use wohnweg_kernel::Error;

use crate::app::AppState;

/// The form as submitted.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OfferForm {
    form_token: String,
    #[serde(default)]
    website: String,
    landlord_name: String,
    landlord_contact: String,
    street: String,
    postal_code: String,
    district: String,
    rooms: f64,
    living_space: f64,
    cold_rent: String,
    service_charges: String,
    heating: String,
    deposit: String,
    available_from: String,
    #[serde(default)]
    wbs_required: bool,
    #[serde(default)]
    step_free: bool,
    #[serde(default)]
    lift: bool,
    #[serde(default)]
    floor: i32,
    max_persons: Option<i32>,
    pets_allowed: Option<bool>,
    notes: Option<String>,
}

fn error(status: StatusCode, err: &Error) -> Response {
    let field = match err {
        Error::BadUserInput { field, .. } => Some(field.to_string()),
        _ => None,
    };
    if let Some(cause) = err.internal_cause() {
        tracing::error!(error = %cause, "public offer form failed");
    }
    (
        status,
        Json(json!({ "error": { "code": err.code().as_str(), "field": field, "message": err.public_message() } })),
    )
        .into_response()
}

fn parse(f: &OfferForm) -> Result<PublicOffer, Error> {
    Ok(PublicOffer {
        landlord_name: Text::parse("landlordName", &f.landlord_name, 200, false)?,
        landlord_contact: Text::parse("landlordContact", &f.landlord_contact, 500, true)?,
        offer: OfferInput {
            landlord_id: uuid::Uuid::nil(),
            street: Text::parse("street", &f.street, 200, false)?,
            postal_code: postal_code("postalCode", &f.postal_code)?,
            district: Text::parse("district", &f.district, 100, false)?,
            rooms_tenths: tenths("rooms", f.rooms, 200)?,
            space_tenths: tenths("livingSpace", f.living_space, 5000)?,
            cold_rent_cents: cents("coldRent", &f.cold_rent)?,
            service_cents: cents("serviceCharges", &f.service_charges)?,
            heating_cents: cents("heating", &f.heating)?,
            deposit_cents: cents("deposit", &f.deposit)?,
            available_from: chrono::NaiveDate::parse_from_str(f.available_from.trim(), "%Y-%m-%d")
                .map_err(|_| Error::bad_input("availableFrom", "must be a date as YYYY-MM-DD"))?,
            wbs_required: f.wbs_required,
            step_free: f.step_free,
            lift: f.lift,
            floor: f.floor,
            max_persons: f.max_persons,
            pets_allowed: f.pets_allowed,
            notes: Text::parse_opt("notes", f.notes.as_deref(), 2000, true)?,
        },
    })
}

async fn tenant(state: &AppState, city: &str) -> Result<wohnweg_kernel::TenantId, Response> {
    let not_found = || error(StatusCode::NOT_FOUND, &Error::NotFound { entity: "city" });
    let slug = Slug::parse("city", city).map_err(|_| not_found())?;
    state
        .identity
        .active_tenant_by_slug(&slug)
        .await
        .map_err(|e| error(StatusCode::INTERNAL_SERVER_ERROR, &e))?
        .ok_or_else(not_found)
}

fn too_many() -> Response {
    error(
        StatusCode::TOO_MANY_REQUESTS,
        &Error::Conflict {
            message: "too many requests from this address; try again later".into(),
        },
    )
}

/// The rate-limit key of a client: its IPv4 address, or its IPv6 /64 (a client can
/// change addresses freely inside its /64).
fn client_key(peer: Option<&axum::Extension<ConnectInfo<SocketAddr>>>) -> String {
    match peer.map(|axum::Extension(ConnectInfo(a))| a.ip()) {
        Some(std::net::IpAddr::V4(v4)) => v4.to_string(),
        Some(std::net::IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        None => "unknown".to_owned(),
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `GET /public/{city}/offer-form`: a single-use form token.
pub async fn form(
    State(state): State<AppState>,
    Path(city): Path<String>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
) -> Response {
    let t = match tenant(&state, &city).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let cfg = &state.config.public_form;
    // Fetching forms is limited too (more generously): every token is stored.
    let fetched = state
        .cache
        .incr(
            &format!("pubfetch:{t}:{}", client_key(peer.as_ref())),
            Duration::from_secs(3600),
        )
        .await;
    if fetched.is_some_and(|n| n > cfg.per_address_per_hour.saturating_mul(5)) {
        return too_many();
    }
    let token = uuid::Uuid::new_v4().simple().to_string();
    let ttl = Duration::from_secs(cfg.token_ttl_minutes.saturating_mul(60));
    let stored = state
        .cache
        .set(
            &format!("pubform:{t}:{token}"),
            &now_secs().to_string(),
            ttl,
        )
        .await;
    if !stored {
        // Without the cache a token could never be checked: say so now, not on submit.
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            &Error::internal(std::io::Error::other("form token not stored")),
        );
    }
    Json(json!({ "formToken": token, "city": city })).into_response()
}

/// `POST /public/{city}/offers`: takes in an offer.
pub async fn submit(
    State(state): State<AppState>,
    Path(city): Path<String>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    body: Result<Json<OfferForm>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let t = match tenant(&state, &city).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let cfg = &state.config.public_form;
    let count = state
        .cache
        .incr(
            &format!("pubrate:{t}:{}", client_key(peer.as_ref())),
            Duration::from_secs(3600),
        )
        .await;
    if count.is_some_and(|n| n > cfg.per_address_per_hour) {
        return too_many();
    }
    let Ok(Json(f)) = body else {
        return error(
            StatusCode::BAD_REQUEST,
            &Error::bad_input("body", "is not a valid offer form"),
        );
    };
    let key = format!("pubform:{t}:{}", f.form_token.trim());
    // Sent back faster than a person fills a form: refused, but the token stays
    // valid, so a person who was quick can send the same form again a moment later.
    let peeked = state
        .cache
        .get(&key)
        .await
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(issued) = peeked
        && now_secs().saturating_sub(issued) < cfg.min_fill_seconds
    {
        return error(
            StatusCode::BAD_REQUEST,
            &Error::bad_input(
                "formToken",
                "sent back too quickly; wait a moment and send the form again",
            ),
        );
    }
    // Single use: read and removed in one step (a racing second submission of the
    // same token finds nothing).
    let issued = state
        .cache
        .take(&key)
        .await
        .and_then(|v| v.parse::<u64>().ok());
    let Some(issued) = issued else {
        return error(
            StatusCode::BAD_REQUEST,
            &Error::bad_input("formToken", "fetch the form again"),
        );
    };
    if now_secs().saturating_sub(issued) < cfg.min_fill_seconds {
        return error(
            StatusCode::BAD_REQUEST,
            &Error::bad_input("formToken", "fetch the form again"),
        );
    }
    if !f.website.is_empty() {
        // The hidden field: a bot. Answer like a success, store nothing.
        return (StatusCode::ACCEPTED, Json(json!({ "received": true }))).into_response();
    }
    let offer = match parse(&f) {
        Ok(o) => o,
        Err(e) => return error(StatusCode::BAD_REQUEST, &e),
    };
    match state.housing.receive_public_offer(t, offer).await {
        Ok(id) => (
            StatusCode::ACCEPTED,
            Json(json!({ "received": true, "receipt": id.to_string() })),
        )
            .into_response(),
        Err(e) => {
            let status = if matches!(e, Error::BadUserInput { .. }) {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            };
            error(status, &e)
        }
    }
}
