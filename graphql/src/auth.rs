//! Authentication at the edge: the `Authorization: Bearer …` header is verified
//! (signature, expiry, issuer, audience — CPU only, no database) before GraphQL runs.
//! The principal is then resolved from the database lazily, the first time a resolver
//! asks for it, and at most once per request — so a document refused by the limits
//! costs no database work at all.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use tokio::sync::OnceCell;
use wohnweg_identity::{Identity, TokenVerifier, VerifiedIdentity};
use wohnweg_kernel::{Ctx, Error, Principal};

/// What the request presented.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// No `Authorization` header.
    Anonymous,
    /// A header that did not verify.
    Invalid,
    /// A verified token.
    Verified(VerifiedIdentity),
}

fn bearer_value(v: &str) -> Option<&str> {
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_value)
}

/// Reads and verifies the bearer token of a request.
pub fn credentials(verifier: &TokenVerifier, headers: &HeaderMap) -> Credentials {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Credentials::Anonymous;
    };
    let Some(token) = value.to_str().ok().and_then(bearer_value) else {
        return Credentials::Invalid;
    };
    match verifier.verify(token) {
        Ok(identity) => Credentials::Verified(identity),
        Err(reason) => {
            tracing::debug!(%reason, "bearer token refused");
            Credentials::Invalid
        }
    }
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

/// The request's credentials: a bearer token wins; otherwise a session cookie.
pub async fn presented(state: &crate::app::AppState, headers: &HeaderMap) -> Presented {
    use crate::session::{CSRF_HEADER, cookie, session_cookie_name};
    if headers.contains_key(AUTHORIZATION) {
        let issuer = bearer(headers).and_then(TokenVerifier::claimed_issuer);
        if let Some(issuer) = &issuer {
            state.jwks.ensure_fresh(issuer).await;
        }
        let first = credentials(&state.verifier, headers);
        // A provider token with a key we do not know yet: refresh that provider's
        // keys once (rate-limited) and verify again.
        if let Credentials::Invalid = first
            && let Some(issuer) = &issuer
            && state.jwks.refresh(issuer).await
        {
            return Presented::Header(credentials(&state.verifier, headers));
        }
        return Presented::Header(first);
    }
    let name = session_cookie_name(!state.config.insecure_cookies_allowed());
    let Some(id) = cookie(headers, name) else {
        return Presented::Header(Credentials::Anonymous);
    };
    match state.sessions.get(id).await {
        Some(session) => Presented::Session {
            csrf_ok: headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v == session.csrf),
            credentials: Credentials::Verified(VerifiedIdentity {
                issuer: "wohnweg-session".into(),
                subject: session.user.to_string(),
                subject_kind: wohnweg_identity::tokens::SubjectKind::LocalUserId,
                tenant: Some(session.tenant),
                tenant_slug: None,
            }),
        },
        None => Presented::Header(Credentials::Anonymous),
    }
}

/// Per-request authentication state, placed into the GraphQL request data.
#[derive(Debug)]
pub struct RequestAuth {
    credentials: Credentials,
    principal: OnceCell<Principal>,
}

impl RequestAuth {
    /// Wraps the request's credentials.
    #[must_use]
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            principal: OnceCell::new(),
        }
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
