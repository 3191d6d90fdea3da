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
//! The same form as a page for people (German, no JavaScript) is
//! [`crate::public_page`]; both go through `issue_token` and `take`, so the rules
//! are one set.
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

/// The form as submitted. Figures may come as numbers (JSON clients) or as text as a
/// person types them (the page: `2,5` rooms).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OfferForm {
    pub(crate) form_token: String,
    #[serde(default)]
    pub(crate) website: String,
    pub(crate) landlord_name: String,
    pub(crate) landlord_contact: String,
    pub(crate) street: String,
    pub(crate) postal_code: String,
    pub(crate) district: String,
    pub(crate) rooms: Figure,
    pub(crate) living_space: Figure,
    pub(crate) cold_rent: String,
    pub(crate) service_charges: String,
    pub(crate) heating: String,
    pub(crate) deposit: String,
    pub(crate) available_from: String,
    #[serde(default)]
    pub(crate) wbs_required: bool,
    #[serde(default)]
    pub(crate) step_free: bool,
    #[serde(default)]
    pub(crate) lift: bool,
    #[serde(default)]
    pub(crate) floor: Option<Figure>,
    pub(crate) max_persons: Option<Figure>,
    pub(crate) pets_allowed: Option<bool>,
    pub(crate) notes: Option<String>,
}

/// A figure of the form: a JSON number, or text with a decimal comma or point.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Figure {
    /// As a number.
    Number(f64),
    /// As typed.
    Text(String),
}

impl Figure {
    fn value(&self, field: &'static str) -> Result<f64, Error> {
        match self {
            Self::Number(n) => Ok(*n),
            Self::Text(t) => t
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| Error::bad_input(field, "must be a number like 2.5")),
        }
    }

    fn whole(&self, field: &'static str) -> Result<i32, Error> {
        let v = self.value(field)?;
        if v.fract() != 0.0 || !(-10.0..=200.0).contains(&v) {
            return Err(Error::bad_input(field, "must be a whole number"));
        }
        // In range and whole: the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        Ok(v as i32)
    }

    /// `None` for an empty text (a field left blank on the page).
    fn blank(f: Option<&Self>) -> Option<&Self> {
        f.filter(|x| !matches!(x, Self::Text(t) if t.trim().is_empty()))
    }
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
            rooms_tenths: tenths("rooms", f.rooms.value("rooms")?, 200)?,
            space_tenths: tenths("livingSpace", f.living_space.value("livingSpace")?, 5000)?,
            cold_rent_cents: cents("coldRent", &f.cold_rent)?,
            service_cents: cents("serviceCharges", &f.service_charges)?,
            heating_cents: cents("heating", &f.heating)?,
            deposit_cents: cents("deposit", &f.deposit)?,
            available_from: chrono::NaiveDate::parse_from_str(f.available_from.trim(), "%Y-%m-%d")
                .map_err(|_| Error::bad_input("availableFrom", "must be a date as YYYY-MM-DD"))?,
            wbs_required: f.wbs_required,
            step_free: f.step_free,
            lift: f.lift,
            floor: Figure::blank(f.floor.as_ref())
                .map(|x| x.whole("floor"))
                .transpose()?
                .unwrap_or(0),
            max_persons: Figure::blank(f.max_persons.as_ref())
                .map(|x| x.whole("maxPersons"))
                .transpose()?,
            pets_allowed: f.pets_allowed,
            notes: Text::parse_opt("notes", f.notes.as_deref(), 2000, true)?,
            // The service records the public form as the channel.
            channel: None,
        },
    })
}

/// The active city with this slug; `NOT_FOUND` (as the API words it) otherwise.
pub(crate) async fn city(
    state: &AppState,
    city: &str,
) -> Result<wohnweg_identity::TenantView, Refusal> {
    let not_found = || Refusal::new(StatusCode::NOT_FOUND, Error::NotFound { entity: "city" });
    let slug = Slug::parse("city", city).map_err(|_| not_found())?;
    state
        .identity
        .active_tenant(&slug)
        .await
        .map_err(|e| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e))?
        .ok_or_else(not_found)
}

/// Why a form was not handed out or a submission not taken.
pub(crate) struct Refusal {
    pub(crate) status: StatusCode,
    pub(crate) error: Error,
    /// The submission's token may be sent again (it was sent back too quickly).
    pub(crate) token_kept: bool,
}

impl Refusal {
    fn new(status: StatusCode, error: Error) -> Self {
        Self {
            status,
            error,
            token_kept: false,
        }
    }

    fn too_many() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            Error::Conflict {
                message: "too many requests from this address; try again later".into(),
            },
        )
    }

    fn into_json(self) -> Response {
        error(self.status, &self.error)
    }
}

/// The rate-limit key of a client: its IPv4 address, or its IPv6 /64 (a client can
/// change addresses freely inside its /64).
pub(crate) fn client_key(peer: Option<&axum::Extension<ConnectInfo<SocketAddr>>>) -> String {
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

/// Hands out a single-use form token for city `t` (limited per address).
pub(crate) async fn issue_token(
    state: &AppState,
    t: wohnweg_kernel::TenantId,
    client: &str,
) -> Result<String, Refusal> {
    let cfg = &state.config.public_form;
    // Fetching forms is limited too (more generously): every token is stored.
    let fetched = state
        .cache
        .incr(&format!("pubfetch:{t}:{client}"), Duration::from_secs(3600))
        .await;
    if fetched.is_some_and(|n| n > cfg.per_address_per_hour.saturating_mul(5)) {
        return Err(Refusal::too_many());
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
        return Err(Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Error::internal(std::io::Error::other("form token not stored")),
        ));
    }
    Ok(token)
}

/// What became of a submission that was not refused.
pub(crate) enum Taken {
    /// A received offer, with its receipt number.
    Received(uuid::Uuid),
    /// The hidden field was filled: a bot, answered like a success, nothing stored.
    Dropped,
}

/// Counts a submission against the address's limit (before its body is read).
pub(crate) async fn count_submission(
    state: &AppState,
    t: wohnweg_kernel::TenantId,
    client: &str,
) -> Result<(), Refusal> {
    let count = state
        .cache
        .incr(&format!("pubrate:{t}:{client}"), Duration::from_secs(3600))
        .await;
    if count.is_some_and(|n| n > state.config.public_form.per_address_per_hour) {
        return Err(Refusal::too_many());
    }
    Ok(())
}

/// Checks a submission's token and takes the offer (see the module docs).
pub(crate) async fn take(
    state: &AppState,
    t: wohnweg_kernel::TenantId,
    f: &OfferForm,
) -> Result<Taken, Refusal> {
    let cfg = &state.config.public_form;
    let bad = |field: &'static str, message: &'static str| {
        Refusal::new(StatusCode::BAD_REQUEST, Error::bad_input(field, message))
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
        let mut r = bad(
            "formToken",
            "sent back too quickly; wait a moment and send the form again",
        );
        r.token_kept = true;
        return Err(r);
    }
    // Single use: read and removed in one step (a racing second submission of the
    // same token finds nothing).
    let issued = state
        .cache
        .take(&key)
        .await
        .and_then(|v| v.parse::<u64>().ok());
    let Some(issued) = issued else {
        return Err(bad("formToken", "fetch the form again"));
    };
    if now_secs().saturating_sub(issued) < cfg.min_fill_seconds {
        return Err(bad("formToken", "fetch the form again"));
    }
    if !f.website.is_empty() {
        return Ok(Taken::Dropped);
    }
    let offer = parse(f).map_err(|e| Refusal::new(StatusCode::BAD_REQUEST, e))?;
    match state.housing.receive_public_offer(t, offer).await {
        Ok(id) => Ok(Taken::Received(id)),
        Err(e) => {
            let status = if matches!(e, Error::BadUserInput { .. }) {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            };
            Err(Refusal::new(status, e))
        }
    }
}

/// `GET /public/{city}/offer-form`: a single-use form token (JSON), or the form as a
/// page when a browser asks for HTML.
pub async fn form(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: axum::http::HeaderMap,
) -> Response {
    if crate::http::wants_html(&headers) {
        return crate::public_page::form_page(&state, &slug, &client_key(peer.as_ref())).await;
    }
    let t = match city(&state, &slug).await {
        Ok(c) => c.id,
        Err(r) => return r.into_json(),
    };
    match issue_token(&state, t, &client_key(peer.as_ref())).await {
        Ok(token) => Json(json!({ "formToken": token, "city": slug })).into_response(),
        Err(r) => r.into_json(),
    }
}

/// `POST /public/{city}/offers`: takes in an offer.
pub async fn submit(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    peer: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    body: Result<Json<OfferForm>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let t = match city(&state, &slug).await {
        Ok(c) => c.id,
        Err(r) => return r.into_json(),
    };
    if let Err(r) = count_submission(&state, t, &client_key(peer.as_ref())).await {
        return r.into_json();
    }
    let Ok(Json(f)) = body else {
        return error(
            StatusCode::BAD_REQUEST,
            &Error::bad_input("body", "is not a valid offer form"),
        );
    };
    match take(&state, t, &f).await {
        Ok(Taken::Received(id)) => (
            StatusCode::ACCEPTED,
            Json(json!({ "received": true, "receipt": id.to_string() })),
        )
            .into_response(),
        // The hidden field: a bot. Answer like a success, store nothing.
        Ok(Taken::Dropped) => {
            (StatusCode::ACCEPTED, Json(json!({ "received": true }))).into_response()
        }
        Err(r) => r.into_json(),
    }
}
