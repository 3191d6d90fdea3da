//! Authentication at the edge: the `Authorization: Bearer …` header is verified
//! (signature, expiry, issuer, audience — CPU only, no database), or the session cookie
//! is looked up in the session store, before GraphQL runs. The principal is then
//! resolved from the database lazily, the first time a resolver asks for it, and at
//! most once per HTTP request (a batch shares it) — so a document refused by the
//! limits costs no database work at all.

use std::sync::Arc;

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use tokio::sync::OnceCell;
use wohnweg_identity::tokens::AuthError;
use wohnweg_identity::{Identity, TokenVerifier, VerifiedIdentity};
use wohnweg_kernel::{Ctx, Error, Principal};

use crate::app::AppState;

/// What the request presented.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// Nothing.
    Anonymous,
    /// A header or token that did not verify.
    Invalid,
    /// A verified token or a live session.
    Verified(VerifiedIdentity),
}

/// Where a request's credentials came from, and what it may therefore do.
#[derive(Debug)]
pub enum Presented {
    /// A bearer token (or nothing).
    Header(Credentials),
    /// A session cookie; `csrf_ok` says whether the CSRF header matched.
    Session {
        /// The session's identity.
        credentials: Credentials,
        /// Whether the request carried the session's CSRF token.
        csrf_ok: bool,
    },
}

fn bearer_value(v: &str) -> Option<&str> {
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// The request's credentials: a bearer token wins; otherwise a session cookie.
pub async fn presented(state: &AppState, headers: &HeaderMap) -> Presented {
    if let Some(value) = headers.get(AUTHORIZATION) {
        let credentials = match value.to_str().ok().and_then(bearer_value) {
            Some(token) => verify_bearer(state, token).await,
            None => Credentials::Invalid,
        };
        return Presented::Header(credentials);
    }
    match state.sessions.from_headers(headers).await {
        Some((_, session)) => Presented::Session {
            csrf_ok: session.csrf_ok(headers),
            credentials: Credentials::Verified(session.identity()),
        },
        None => Presented::Header(Credentials::Anonymous),
    }
}

/// Verifies a bearer token. A city provider's keys are loaded when missing or old,
/// and refreshed once (rate-limited) when the token names a key we do not know.
async fn verify_bearer(state: &AppState, token: &str) -> Credentials {
    let issuer = TokenVerifier::claimed_issuer(token);
    if let Some(issuer) = &issuer {
        state.jwks.ensure_fresh(issuer).await;
    }
    let mut result = state.verifier.verify(token);
    if let (Err(AuthError::UnknownKey), Some(issuer)) = (&result, &issuer)
        && state.jwks.refresh(issuer).await
    {
        result = state.verifier.verify(token);
    }
    match result {
        Ok(identity) => Credentials::Verified(identity),
        Err(reason) => {
            tracing::debug!(%reason, "bearer token refused");
            Credentials::Invalid
        }
    }
}

/// Per-request authentication state, placed (as `Arc`) into the GraphQL request data
/// of every operation of one HTTP request.
#[derive(Debug)]
pub struct RequestAuth {
    credentials: Credentials,
    principal: OnceCell<Principal>,
}

impl RequestAuth {
    /// Wraps the request's credentials.
    #[must_use]
    pub fn new(credentials: Credentials) -> Arc<Self> {
        Arc::new(Self {
            credentials,
            principal: OnceCell::new(),
        })
    }

    /// The request context, or `UNAUTHENTICATED`.
    pub async fn ctx(&self, identity: &Identity) -> Result<Ctx, Error> {
        let Credentials::Verified(who) = &self.credentials else {
            return Err(Error::Unauthenticated);
        };
        let principal = self
            .principal
            .get_or_try_init(|| identity.resolve(who))
            .await?;
        Ok(Ctx::new(principal.clone()))
    }
}
