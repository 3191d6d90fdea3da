//! Server-side browser sessions, in the cache (Redis when configured, in-process
//! otherwise). The cookie holds only a random id; the session holds the user, the
//! tenant, its start and a CSRF token. Idle timeout: the entry's TTL, renewed on use.
//! Absolute timeout: checked against the start. Logout deletes the entry, so a
//! replayed cookie finds nothing.

use std::time::Duration;

use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use serde::{Deserialize, Serialize};
use wohnweg_kernel::{Cache, TenantId, UserId};

/// The session cookie on plain-HTTP loopback development.
pub const SESSION_COOKIE: &str = "wohnweg_session";
/// The session cookie everywhere else: the `__Host-` prefix makes browsers refuse it
/// unless `Secure`, host-only and `Path=/`, so a sibling subdomain cannot plant one.
pub const SECURE_SESSION_COOKIE: &str = "__Host-wohnweg_session";

/// The session cookie's name for this deployment.
#[must_use]
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}
/// The cookie binding a login in progress to this browser.
pub const LOGIN_COOKIE: &str = "wohnweg_login";
/// The header a cookie-authenticated POST must carry (the session's CSRF token).
pub const CSRF_HEADER: &str = "x-csrf-token";

/// One signed-in browser.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Session {
    /// The user.
    pub user: UserId,
    /// Their tenant; `None` for a platform user (an operator in demo mode).
    pub tenant: Option<TenantId>,
    /// Sign-in time, Unix seconds.
    pub started: i64,
    /// CSRF token for state-changing requests.
    pub csrf: String,
}

impl Session {
    /// Whether the request carries this session's CSRF token.
    #[must_use]
    pub fn csrf_ok(&self, headers: &HeaderMap) -> bool {
        headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == self.csrf)
    }

    /// The identity this session stands for, as the token pipeline would produce it.
    #[must_use]
    pub fn identity(&self) -> wohnweg_identity::VerifiedIdentity {
        wohnweg_identity::VerifiedIdentity {
            issuer: "wohnweg-session".into(),
            subject: self.user.to_string(),
            subject_kind: wohnweg_identity::tokens::SubjectKind::LocalUserId,
            tenant: self.tenant,
            tenant_slug: None,
        }
    }
}

/// The session store, and the one place that knows the session cookie.
#[derive(Clone, Debug)]
pub struct Sessions {
    cache: Cache,
    idle: Duration,
    absolute: Duration,
    secure: bool,
}

/// 256 random bits, hex.
#[must_use]
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn key(id: &str) -> String {
    format!("session:{id}")
}

impl Sessions {
    /// A store with the given timeouts; `secure` cookies everywhere but plain-HTTP
    /// loopback development.
    #[must_use]
    pub fn new(cache: Cache, idle: Duration, absolute: Duration, secure: bool) -> Self {
        Self {
            cache,
            idle,
            absolute,
            secure,
        }
    }

    /// Whether cookies are `Secure` here.
    #[must_use]
    pub fn secure(&self) -> bool {
        self.secure
    }

    /// The session cookie's value in the request, if any.
    #[must_use]
    pub fn cookie_id<'a>(&self, headers: &'a HeaderMap) -> Option<&'a str> {
        cookie(headers, session_cookie_name(self.secure))
    }

    /// The live session the request's cookie names, with its id.
    pub async fn from_headers(&self, headers: &HeaderMap) -> Option<(String, Session)> {
        let id = self.cookie_id(headers)?;
        let session = self.get(id).await?;
        Some((id.to_owned(), session))
    }

    /// `Set-Cookie` for a new session id.
    #[must_use]
    pub fn set_cookie(&self, id: &str) -> String {
        set_cookie(session_cookie_name(self.secure), id, "/", None, self.secure)
    }

    /// `Set-Cookie` that removes the session cookie.
    #[must_use]
    pub fn clear_cookie(&self) -> String {
        set_cookie(
            session_cookie_name(self.secure),
            "",
            "/",
            Some(Duration::ZERO),
            self.secure,
        )
    }

    /// Starts a session; returns its id (the cookie value), or `None` when the store
    /// did not take it (Redis down, the in-process cache full): then no cookie may be
    /// handed out, for it would name a session that does not exist.
    pub async fn start(&self, user: UserId, tenant: Option<TenantId>) -> Option<String> {
        let id = random_token();
        let session = Session {
            user,
            tenant,
            started: chrono::Utc::now().timestamp(),
            csrf: random_token(),
        };
        let json = serde_json::to_string(&session).ok()?;
        self.cache
            .set(&key(&id), &json, self.idle)
            .await
            .then_some(id)
    }

    /// The live session with this id, renewing its idle timeout.
    pub async fn get(&self, id: &str) -> Option<Session> {
        if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let raw = self.cache.get(&key(id)).await?;
        let session: Session = serde_json::from_str(&raw).ok()?;
        let age = chrono::Utc::now()
            .timestamp()
            .saturating_sub(session.started);
        if u64::try_from(age).map_or(true, |age| age >= self.absolute.as_secs()) {
            self.cache.delete(&key(id)).await;
            return None;
        }
        // Renew without ever recreating: a logout racing this request stays a logout.
        self.cache
            .touch(&key(id), self.idle)
            .await
            .then_some(session)
    }

    /// Ends a session; false when the store could not confirm it.
    pub async fn end(&self, id: &str) -> bool {
        self.cache.delete(&key(id)).await
    }
}

/// The value of cookie `name` in the request.
#[must_use]
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value: `HttpOnly`, `SameSite=Lax`, `Secure` unless allowed off.
#[must_use]
pub fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<Duration>,
    secure: bool,
) -> String {
    let mut c = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={}", age.as_secs()));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sessions_expire_and_end() {
        let store = Sessions::new(
            Cache::memory("t:"),
            Duration::from_secs(60),
            Duration::from_secs(3600),
            false,
        );
        let id = store
            .start(UserId::new(), Some(TenantId::new()))
            .await
            .unwrap();
        assert!(store.get(&id).await.is_some());
        assert!(store.end(&id).await);
        assert!(store.get(&id).await.is_none(), "an ended session is gone");
        assert!(store.get("not-hex").await.is_none());

        let short = Sessions::new(
            Cache::memory("t:"),
            Duration::from_secs(60),
            Duration::from_secs(0),
            false,
        );
        let id = short
            .start(UserId::new(), Some(TenantId::new()))
            .await
            .unwrap();
        assert!(short.get(&id).await.is_none(), "past the absolute timeout");
    }

    #[tokio::test]
    async fn a_session_the_store_did_not_take_is_not_handed_out() {
        let cache = Cache::memory_with_capacity("t:", 50);
        for i in 0..50 {
            assert!(
                cache
                    .set(&format!("fill:{i}"), "x", Duration::from_secs(600))
                    .await
            );
        }
        let store = Sessions::new(
            cache,
            Duration::from_secs(60),
            Duration::from_secs(3600),
            false,
        );
        assert_eq!(
            store.start(UserId::new(), Some(TenantId::new())).await,
            None
        );
    }

    #[test]
    fn cookies() {
        let mut h = HeaderMap::new();
        h.insert(COOKIE, "a=1; wohnweg_session=abc; b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "missing"), None);
        let c = set_cookie(SESSION_COOKIE, "v", "/", None, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(!set_cookie(SESSION_COOKIE, "v", "/", None, false).contains("Secure"));
        assert_eq!(session_cookie_name(true), "__Host-wohnweg_session");
        assert_eq!(session_cookie_name(false), "wohnweg_session");
    }
}
