//! Sign-in with a city's OpenID provider: authorization-code flow with PKCE, `state`
//! and `nonce` (the `openidconnect` crate, on `oauth2`).
//!
//! - `GET /auth/login?tenant=SLUG` → 303 to the tenant's provider. The pending login
//!   (PKCE verifier, nonce, tenant) is kept server-side under the `state`, and a
//!   short-lived `HttpOnly` cookie binds that `state` to this browser.
//! - `GET /auth/callback` → the `state` must match the cookie and a pending login
//!   (one use only); the code is exchanged with the PKCE verifier; the ID token is
//!   verified as OIDC Core requires (issuer, audience, expiry, nonce, signature with
//!   the provider's published keys — RS256 only, so `none` and HMAC confusion fail);
//!   the identity is mapped to a user of that tenant (`wohnweg_identity::signin`); a
//!   session starts.
//! - `POST /auth/logout` ends the session server-side; `GET /auth/session` tells a
//!   browser who it is and its CSRF token.
//!
//! Nothing here logs a name, an e-mail or a token.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, HttpRequest, HttpResponse, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, TokenResponse as _,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use wohnweg_identity::{DisplayName, Email, ExternalLogin, JitPolicy, Slug};
use wohnweg_kernel::{Error, Role, TenantId};

use crate::app::AppState;
use crate::config::OidcProviderConfig;
use crate::session::{LOGIN_COOKIE, cookie, set_cookie};

/// How long a started login may take.
const LOGIN_TTL: Duration = Duration::from_secs(600);

type ProviderClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The back-channel HTTP client handed to `openidconnect`: follows no redirects (as
/// OAuth 2.0 requires) and returns `Send` futures.
#[derive(Debug, Clone)]
pub struct ProviderHttp(reqwest::Client);

/// An HTTP failure talking to the provider.
#[derive(Debug, thiserror::Error)]
#[error("provider request failed: {0}")]
pub struct ProviderHttpError(String);

async fn send(http: reqwest::Client, req: HttpRequest) -> Result<HttpResponse, ProviderHttpError> {
    let (parts, body) = req.into_parts();
    let resp = http
        .request(parts.method, parts.uri.to_string())
        .headers(parts.headers)
        .body(body)
        .send()
        .await
        .map_err(|e| ProviderHttpError(e.without_url().to_string()))?;
    let mut builder = axum::http::Response::builder().status(resp.status());
    for (k, v) in resp.headers() {
        builder = builder.header(k, v);
    }
    let bytes = resp
        .bytes()
        .await
        .map_err(|e| ProviderHttpError(e.without_url().to_string()))?;
    builder
        .body(bytes.to_vec())
        .map_err(|e| ProviderHttpError(e.to_string()))
}

impl<'c> openidconnect::AsyncHttpClient<'c> for ProviderHttp {
    type Error = ProviderHttpError;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<HttpResponse, ProviderHttpError>> + Send + 'c>,
    >;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(send(self.0.clone(), request))
    }
}

/// OpenID clients, one per configured provider, built from discovery on first use.
#[derive(Debug)]
pub struct Oidc {
    http: ProviderHttp,
    clients: tokio::sync::Mutex<HashMap<(String, String), Arc<ProviderClient>>>,
}

impl Oidc {
    /// A client pool.
    pub fn new() -> anyhow::Result<Self> {
        Ok(Self {
            http: ProviderHttp(
                reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .timeout(Duration::from_secs(10))
                    .build()?,
            ),
            clients: tokio::sync::Mutex::new(HashMap::new()),
        })
    }

    async fn client(
        &self,
        cfg: &OidcProviderConfig,
        redirect: &str,
    ) -> Result<Arc<ProviderClient>, LoginError> {
        let key = (cfg.issuer.clone(), cfg.client_id.clone());
        if let Some(c) = self.clients.lock().await.get(&key) {
            return Ok(Arc::clone(c));
        }
        // Discovery runs without the lock: a slow provider does not hold up others.
        let issuer = IssuerUrl::new(cfg.issuer.clone()).map_err(|_| LoginError::Provider)?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "OIDC discovery failed");
                LoginError::Provider
            })?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(cfg.client_id.clone()),
            cfg.client_secret.clone().map(ClientSecret::new),
        )
        .set_redirect_uri(RedirectUrl::new(redirect.to_owned()).map_err(|_| LoginError::Provider)?);
        let client = Arc::new(client);
        let mut clients = self.clients.lock().await;
        Ok(Arc::clone(clients.entry(key).or_insert(client)))
    }
}

/// A login kept server-side between redirect and callback.
#[derive(Serialize, Deserialize)]
struct PendingLogin {
    /// The city; `None`: platform staff through the platform's provider.
    tenant: Option<TenantId>,
    slug: String,
    verifier: String,
    nonce: String,
    /// Where to go after signing in (a local path; the console's page the user was
    /// on when their session ended).
    #[serde(default = "default_next")]
    next: String,
}

fn default_next() -> String {
    "/graphql".to_owned()
}

/// Why a login failed. Shown to the browser as a short message only.
#[derive(Debug)]
enum LoginError {
    UnknownTenant,
    NotConfigured,
    BadState,
    Provider,
    TokenRejected,
    Refused,
    Internal,
}

impl IntoResponse for LoginError {
    fn into_response(self) -> Response {
        let (status, code, message) = match self {
            Self::UnknownTenant => (StatusCode::NOT_FOUND, "NOT_FOUND", "unknown city"),
            Self::NotConfigured => (
                StatusCode::NOT_FOUND,
                "NOT_FOUND",
                "no sign-in is configured for this city",
            ),
            Self::BadState => (
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "this sign-in is unknown, expired or belongs to another browser; start again",
            ),
            Self::Provider => (
                StatusCode::BAD_GATEWAY,
                "INTERNAL",
                "the identity provider could not be reached",
            ),
            Self::TokenRejected => (
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "the identity provider's answer was not valid",
            ),
            Self::Refused => (
                StatusCode::FORBIDDEN,
                "FORBIDDEN",
                "this account may not sign in here",
            ),
            Self::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL",
                "internal error",
            ),
        };
        (
            status,
            Json(json!({ "error": { "code": code, "message": message } })),
        )
            .into_response()
    }
}

fn redirect_uri(state: &AppState) -> String {
    format!("{}/auth/callback", state.config.public_base())
}

/// Query of `/auth/login`.
#[derive(Deserialize)]
pub struct LoginParams {
    tenant: String,
    next: Option<String>,
}

/// `GET /auth/login?tenant=SLUG[&next=/local/path]`: after the provider, the browser
/// lands on `next` when it is a path on this server (`/graphql` otherwise).
pub async fn login(State(state): State<AppState>, Query(p): Query<LoginParams>) -> Response {
    let next = crate::devlogin::local_path(p.next.as_deref());
    to_provider(&state, start_login(&state, Some(&p.tenant), next).await)
}

/// Query of `/auth/platform-login`.
#[derive(Deserialize)]
pub struct PlatformLoginParams {
    next: Option<String>,
}

/// `GET /auth/platform-login[?next=/local/path]`: platform staff (operators, state
/// officers) sign in through the platform's own provider (`[oidc.platform]`).
pub async fn platform_login(
    State(state): State<AppState>,
    Query(p): Query<PlatformLoginParams>,
) -> Response {
    let next = crate::devlogin::local_path(p.next.as_deref());
    to_provider(&state, start_login(&state, None, next).await)
}

/// `GET /auth/options`: which sign-ins this server offers besides a city's (the
/// sign-in page shows the platform staff's only when it is configured).
pub async fn options(State(state): State<AppState>) -> Response {
    Json(json!({ "platform": state.config.oidc.platform.is_some() })).into_response()
}

fn to_provider(state: &AppState, started: Result<(String, String), LoginError>) -> Response {
    match started {
        Ok((location, login_state)) => {
            let secure = state.sessions.secure();
            (
                StatusCode::SEE_OTHER,
                [
                    (LOCATION, location),
                    (
                        SET_COOKIE,
                        set_cookie(LOGIN_COOKIE, &login_state, "/auth", Some(LOGIN_TTL), secure),
                    ),
                ],
            )
                .into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// Starts a login at a city's provider (`tenant`) or the platform's (`None`).
async fn start_login(
    state: &AppState,
    tenant: Option<&str>,
    next: &str,
) -> Result<(String, String), LoginError> {
    let (tenant_id, slug) = match tenant {
        Some(tenant) => {
            let slug = Slug::parse("tenant", tenant).map_err(|_| LoginError::UnknownTenant)?;
            let id = state
                .identity
                .active_tenant_by_slug(&slug)
                .await
                .map_err(|_| LoginError::Internal)?
                .ok_or(LoginError::UnknownTenant)?;
            (Some(id), slug.as_str().to_owned())
        }
        None => (None, String::new()),
    };
    let cfg = provider_for(state, tenant_id, &slug)?;
    let client = state.oidc.client(cfg, &redirect_uri(state)).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut req = client.authorize_url(
        CoreAuthenticationFlow::AuthorizationCode,
        CsrfToken::new_random,
        Nonce::new_random,
    );
    for scope in &cfg.scopes {
        req = req.add_scope(Scope::new(scope.clone()));
    }
    let (url, csrf, nonce) = req.set_pkce_challenge(challenge).url();
    let pending = PendingLogin {
        tenant: tenant_id,
        slug,
        verifier: verifier.secret().clone(),
        nonce: nonce.secret().clone(),
        next: next.to_owned(),
    };
    let json = serde_json::to_string(&pending).map_err(|_| LoginError::Internal)?;
    state
        .cache
        .set(&format!("login:{}", csrf.secret()), &json, LOGIN_TTL)
        .await;
    Ok((url.to_string(), csrf.secret().clone()))
}

/// Query of `/auth/callback`.
#[derive(Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /auth/callback`.
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(p): Query<CallbackParams>,
) -> Response {
    let clear_login = set_cookie(
        LOGIN_COOKIE,
        "",
        "/auth",
        Some(Duration::ZERO),
        state.sessions.secure(),
    );
    match finish_login(&state, &headers, p).await {
        Ok((user, tenant, next)) => {
            // A browser that had a session (another user's, or a planted one) does
            // not keep it: a sign-in always starts a fresh one.
            if let Some(old) = state.sessions.cookie_id(&headers) {
                state.sessions.end(old).await;
            }
            let Some(id) = state.sessions.start(user, tenant).await else {
                tracing::warn!("sign-in refused: the session store did not take the session");
                let mut resp = (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the session store is unavailable; try signing in again shortly",
                )
                    .into_response();
                if let Ok(v) = clear_login.parse() {
                    resp.headers_mut().append(SET_COOKIE, v);
                }
                return resp;
            };
            let session = state.sessions.set_cookie(&id);
            let mut resp = (StatusCode::SEE_OTHER, [(LOCATION, next)]).into_response();
            let h = resp.headers_mut();
            if let (Ok(a), Ok(b)) = (session.parse(), clear_login.parse()) {
                h.append(SET_COOKIE, a);
                h.append(SET_COOKIE, b);
            }
            resp
        }
        Err(e) => {
            tracing::info!(reason = ?e, "sign-in refused");
            let mut resp = e.into_response();
            if let Ok(v) = clear_login.parse() {
                resp.headers_mut().append(SET_COOKIE, v);
            }
            resp
        }
    }
}

async fn finish_login(
    state: &AppState,
    headers: &HeaderMap,
    p: CallbackParams,
) -> Result<(wohnweg_kernel::UserId, Option<TenantId>, String), LoginError> {
    let login_state = p.state.ok_or(LoginError::BadState)?;
    // The state must be the one this browser started.
    if cookie(headers, LOGIN_COOKIE) != Some(login_state.as_str()) {
        return Err(LoginError::BadState);
    }
    let key = format!("login:{login_state}");
    let raw = state.cache.get(&key).await.ok_or(LoginError::BadState)?;
    state.cache.delete(&key).await; // one use only
    let pending: PendingLogin = serde_json::from_str(&raw).map_err(|_| LoginError::BadState)?;
    if p.error.is_some() {
        return Err(LoginError::Refused);
    }
    let code = p.code.ok_or(LoginError::BadState)?;
    let cfg = provider_for(state, pending.tenant, &pending.slug)?;
    let client = state.oidc.client(cfg, &redirect_uri(state)).await?;
    let token = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|_| LoginError::Provider)?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
        .request_async(&state.oidc.http)
        .await
        .map_err(|e| {
            tracing::info!(error = %e, "code exchange refused");
            LoginError::TokenRejected
        })?;
    let id_token = token.id_token().ok_or(LoginError::TokenRejected)?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
        .map_err(|e| {
            tracing::info!(error = %e, "ID token rejected");
            LoginError::TokenRejected
        })?;
    // The token is verified; its payload may now be read for the roles claim.
    let roles = roles_claim(&id_token.to_string(), &cfg.roles_claim);
    let login = ExternalLogin {
        issuer: claims.issuer().as_str().to_owned(),
        subject: claims.subject().as_str().to_owned(),
        email: claims
            .email()
            .and_then(|e| Email::parse("email", e.as_str()).ok()),
        email_verified: claims.email_verified().unwrap_or(false),
        display_name: claims
            .name()
            .and_then(|n| n.get(None))
            .and_then(|n| DisplayName::parse("name", n.as_str()).ok()),
        roles,
    };
    let Some(tenant) = pending.tenant else {
        // Platform staff: linked or invited platform users only, never created here.
        let user = state
            .identity
            .sign_in_platform(&login)
            .await
            .map_err(sign_in_refusal)?;
        return Ok((user, None, pending.next));
    };
    let jit = JitPolicy {
        email_domains: cfg.jit_email_domains.clone(),
        organisation: cfg
            .jit_organisation
            .as_deref()
            .and_then(|s| Slug::parse("jit_organisation", s).ok()),
    };
    let user = state
        .identity
        .sign_in_external(tenant, &login, &jit)
        .await
        .map_err(sign_in_refusal)?;
    Ok((user, Some(tenant), pending.next))
}

fn sign_in_refusal(e: Error) -> LoginError {
    match e {
        Error::Forbidden | Error::NotFound { .. } | Error::Unauthenticated => LoginError::Refused,
        // Two first sign-ins of one account racing: the loser starts again.
        Error::Conflict { .. } => LoginError::BadState,
        _ => LoginError::Internal,
    }
}

/// The provider of a city (`Some(tenant)`, by its slug) or of platform staff.
fn provider_for<'a>(
    state: &'a AppState,
    tenant: Option<TenantId>,
    slug: &str,
) -> Result<&'a OidcProviderConfig, LoginError> {
    match tenant {
        Some(_) => state.config.oidc_for(slug),
        None => state.config.oidc.platform.as_ref(),
    }
    .ok_or(LoginError::NotConfigured)
}

fn roles_claim(jwt: &str, claim: &str) -> Vec<Role> {
    let payload = jwt.split('.').nth(1).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()
        .and_then(|b: Vec<u8>| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v.get(claim).and_then(|r| r.as_array()).cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r.as_str()?.parse::<Role>().ok())
        .collect()
}

/// `POST /auth/logout`: ends the session server-side (CSRF token required).
pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let clear = state.sessions.clear_cookie();
    if let Some((id, session)) = state.sessions.from_headers(&headers).await {
        if !session.csrf_ok(&headers) {
            return error_json(
                StatusCode::FORBIDDEN,
                "FORBIDDEN",
                "missing or wrong x-csrf-token header",
            );
        }
        if !state.sessions.end(&id).await {
            return error_json(
                StatusCode::SERVICE_UNAVAILABLE,
                "INTERNAL",
                "the session could not be ended; try again",
            );
        }
    }
    (StatusCode::NO_CONTENT, [(SET_COOKIE, clear)]).into_response()
}

fn error_json(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "error": { "code": code, "message": message } })),
    )
        .into_response()
}

/// `GET /auth/session`: the signed-in browser's user, tenant and CSRF token.
pub async fn session_info(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match state.sessions.from_headers(&headers).await {
        Some((_, s)) => {
            Json(json!({ "user": s.user, "tenant": s.tenant, "csrfToken": s.csrf })).into_response()
        }
        None => error_json(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", "not signed in"),
    }
}
