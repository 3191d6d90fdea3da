//! Bearer tokens: issuing development tokens and verifying any trusted token.
//!
//! Verification is one pipeline for every issuer: the token names its issuer (`iss`),
//! the verifier looks that issuer up among the [`TrustedIssuer`]s, and then checks
//! signature (with the issuer's [`KeySource`] and only its allowed algorithms), expiry,
//! not-before, issuer and audience. The development issuer is one entry with a static
//! HMAC key; an OpenID provider is another entry whose `KeySource` serves the
//! provider's published JWKS — the same place, no second code path.
//!
//! Every failure is `UNAUTHENTICATED` to the client; the reason is kept for a
//! debug-level log without the token itself.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wohnweg_kernel::{TenantId, UserId};

/// The longest token we look at; anything longer is refused unparsed.
pub const MAX_TOKEN_LEN: usize = 8 * 1024;

/// Why a token was refused (for logs; clients only see `UNAUTHENTICATED`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthError {
    /// Not a JWT, or too long.
    Malformed,
    /// `iss` names no trusted issuer.
    UnknownIssuer,
    /// The header's algorithm is not one the issuer uses.
    AlgorithmNotAllowed,
    /// No key for the header's `kid`.
    UnknownKey,
    /// Signature, expiry, audience, issuer or a required claim failed.
    Invalid(String),
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed => f.write_str("malformed token"),
            Self::UnknownIssuer => f.write_str("unknown issuer"),
            Self::AlgorithmNotAllowed => f.write_str("algorithm not allowed"),
            Self::UnknownKey => f.write_str("unknown key"),
            Self::Invalid(why) => write!(f, "invalid token: {why}"),
        }
    }
}

impl std::error::Error for AuthError {}

/// How to read the verified `sub`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectKind {
    /// `sub` is a Wohnweg user id (development tokens).
    LocalUserId,
    /// `sub` is the provider's subject, mapped to a user by the identity service.
    External,
}

/// The result of a successful verification: who the issuer says this is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedIdentity {
    /// The issuer that vouched.
    pub issuer: String,
    /// Its subject.
    pub subject: String,
    /// How to read the subject.
    pub subject_kind: SubjectKind,
    /// The tenant the token is for (`tid`); `None` for platform users.
    pub tenant: Option<TenantId>,
    /// For provider tokens: the slug of the city whose provider issued it.
    pub tenant_slug: Option<String>,
}

/// Where an issuer's verification keys come from.
pub trait KeySource: Send + Sync + fmt::Debug {
    /// The key for a token with this header (by `kid` where the source has several).
    fn key_for(&self, header: &Header) -> Result<DecodingKey, AuthError>;
}

/// A single shared HMAC secret (development tokens).
pub struct HmacKey(DecodingKey);

impl fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HmacKey(..)")
    }
}

impl KeySource for HmacKey {
    fn key_for(&self, _header: &Header) -> Result<DecodingKey, AuthError> {
        Ok(self.0.clone())
    }
}

/// An issuer whose tokens we accept.
#[derive(Clone, Debug)]
pub struct TrustedIssuer {
    /// Exact `iss` value.
    pub issuer: String,
    /// Required `aud` value.
    pub audience: String,
    /// The only algorithms accepted from this issuer.
    pub algorithms: Vec<Algorithm>,
    /// Its keys.
    pub keys: Arc<dyn KeySource>,
    /// How to read its `sub`.
    pub subject_kind: SubjectKind,
    /// For a city's provider: that city's slug (its tokens carry no Wohnweg tenant).
    pub tenant_slug: Option<String>,
}

/// A provider's published keys (JWKS), replaced as a whole on refresh. Keys are found
/// by `kid`; a token without a `kid`, or with one not (yet) known, is refused with
/// [`AuthError::UnknownKey`] so the caller can refresh once and retry.
#[derive(Debug, Default)]
pub struct JwksKeys {
    keys: std::sync::RwLock<jsonwebtoken::jwk::JwkSet>,
}

impl JwksKeys {
    /// Replaces the key set.
    pub fn replace(&self, set: jsonwebtoken::jwk::JwkSet) {
        if let Ok(mut keys) = self.keys.write() {
            *keys = set;
        }
    }
}

impl KeySource for JwksKeys {
    fn key_for(&self, header: &Header) -> Result<DecodingKey, AuthError> {
        let kid = header.kid.as_deref().ok_or(AuthError::UnknownKey)?;
        let keys = self.keys.read().map_err(|_| AuthError::UnknownKey)?;
        let jwk = keys.find(kid).ok_or(AuthError::UnknownKey)?;
        DecodingKey::from_jwk(jwk).map_err(|_| AuthError::UnknownKey)
    }
}

/// The registered and private claims we read and write.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: Audience,
    sub: String,
    exp: u64,
    #[serde(default)]
    iat: u64,
    #[serde(default)]
    nbf: u64,
    /// Wohnweg tenant id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tid: Option<Uuid>,
}

/// `aud` is a string or a list of strings (RFC 7519 §4.1.3; Keycloak sends a list
/// by default). jsonwebtoken checks it against the issuer's audience either way; the
/// claims only have to read both shapes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct PeekIssuer {
    iss: Option<String>,
}

/// Verifies bearer tokens against the trusted issuers.
#[derive(Clone, Debug, Default)]
pub struct TokenVerifier {
    issuers: Vec<TrustedIssuer>,
}

impl TokenVerifier {
    /// A verifier trusting `issuers`.
    #[must_use]
    pub fn new(issuers: Vec<TrustedIssuer>) -> Self {
        Self { issuers }
    }

    /// The issuer a token claims, unverified: only to pick keys to refresh.
    #[must_use]
    pub fn claimed_issuer(token: &str) -> Option<String> {
        jsonwebtoken::dangerous::insecure_decode_claims::<PeekIssuer>(token)
            .ok()
            .and_then(|p| p.iss)
    }

    /// Adds a trusted issuer.
    pub fn trust(&mut self, issuer: TrustedIssuer) {
        self.issuers.push(issuer);
    }

    /// Verifies `token` completely, or says why not.
    pub fn verify(&self, token: &str) -> Result<VerifiedIdentity, AuthError> {
        if token.is_empty() || token.len() > MAX_TOKEN_LEN {
            return Err(AuthError::Malformed);
        }
        // `alg: none` and unknown algorithms fail here: they are not in `Algorithm`.
        let header = jsonwebtoken::decode_header(token).map_err(|_| AuthError::Malformed)?;
        // Only to choose the issuer's keys; everything is verified below.
        let peek: PeekIssuer = jsonwebtoken::dangerous::insecure_decode_claims(token)
            .map_err(|_| AuthError::Malformed)?;
        let iss = peek.iss.ok_or(AuthError::UnknownIssuer)?;
        let trusted = self
            .issuers
            .iter()
            .find(|t| t.issuer == iss)
            .ok_or(AuthError::UnknownIssuer)?;
        if !trusted.algorithms.contains(&header.alg) {
            return Err(AuthError::AlgorithmNotAllowed);
        }
        let key = trusted.keys.key_for(&header)?;
        // The header's algorithm is one the issuer uses (checked above); validate with
        // exactly it — jsonwebtoken wants every listed algorithm to fit the key.
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&trusted.issuer]);
        validation.set_audience(&[&trusted.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        let data = jsonwebtoken::decode::<Claims>(token, &key, &validation)
            .map_err(|e| AuthError::Invalid(format!("{:?}", e.kind())))?;
        Ok(VerifiedIdentity {
            issuer: data.claims.iss,
            subject: data.claims.sub,
            subject_kind: trusted.subject_kind,
            // Only our own tokens may name a Wohnweg tenant; a provider's are bound
            // to the city whose provider it is.
            tenant: match trusted.subject_kind {
                SubjectKind::LocalUserId => data.claims.tid.map(TenantId::from_uuid),
                SubjectKind::External => None,
            },
            tenant_slug: trusted.tenant_slug.clone(),
        })
    }
}

/// Issues development tokens (HS256 with a shared secret). Enabled only by config.
#[derive(Clone)]
pub struct DevTokenIssuer {
    issuer: String,
    audience: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl fmt::Debug for DevTokenIssuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DevTokenIssuer")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .finish_non_exhaustive()
    }
}

/// A secret too short to sign with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeakSecret;

impl fmt::Display for WeakSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the development token secret must be at least 32 bytes")
    }
}

impl std::error::Error for WeakSecret {}

impl DevTokenIssuer {
    /// An issuer signing with `secret` (≥ 32 bytes).
    pub fn new(issuer: &str, audience: &str, secret: &[u8]) -> Result<Self, WeakSecret> {
        if secret.len() < 32 {
            return Err(WeakSecret);
        }
        Ok(Self {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        })
    }

    /// The entry that lets a [`TokenVerifier`] accept these tokens.
    #[must_use]
    pub fn trusted_issuer(&self) -> TrustedIssuer {
        TrustedIssuer {
            issuer: self.issuer.clone(),
            audience: self.audience.clone(),
            algorithms: vec![Algorithm::HS256],
            keys: Arc::new(HmacKey(self.decoding.clone())),
            subject_kind: SubjectKind::LocalUserId,
            tenant_slug: None,
        }
    }

    /// A signed token for `user` (in `tenant`, if any), valid for `ttl`.
    pub fn issue(
        &self,
        user: UserId,
        tenant: Option<TenantId>,
        ttl: Duration,
    ) -> Result<String, AuthError> {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            iss: self.issuer.clone(),
            aud: Audience::One(self.audience.clone()),
            sub: user.to_string(),
            iat: now,
            nbf: now,
            exp: now.saturating_add(ttl.as_secs()),
            tid: tenant.map(TenantId::uuid),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AuthError::Invalid(format!("{:?}", e.kind())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn setup() -> (DevTokenIssuer, TokenVerifier) {
        let issuer = DevTokenIssuer::new("wohnweg-dev", "wohnweg", SECRET).unwrap();
        let verifier = TokenVerifier::new(vec![issuer.trusted_issuer()]);
        (issuer, verifier)
    }

    #[test]
    fn issued_tokens_verify() {
        let (issuer, verifier) = setup();
        let user = UserId::new();
        let tenant = TenantId::new();
        let token = issuer
            .issue(user, Some(tenant), Duration::from_secs(60))
            .unwrap();
        let id = verifier.verify(&token).unwrap();
        assert_eq!(id.subject, user.to_string());
        assert_eq!(id.tenant, Some(tenant));
        assert_eq!(id.subject_kind, SubjectKind::LocalUserId);
    }

    #[test]
    fn weak_secret_is_refused() {
        assert_eq!(
            DevTokenIssuer::new("i", "a", b"short").err(),
            Some(WeakSecret)
        );
    }

    #[test]
    fn foreign_secret_issuer_and_audience_are_refused() {
        let (_, verifier) = setup();
        let other = DevTokenIssuer::new("wohnweg-dev", "wohnweg", &[7u8; 32]).unwrap();
        let t = other
            .issue(UserId::new(), None, Duration::from_secs(60))
            .unwrap();
        assert!(matches!(verifier.verify(&t), Err(AuthError::Invalid(_))));

        let other_iss = DevTokenIssuer::new("evil", "wohnweg", SECRET).unwrap();
        let t = other_iss
            .issue(UserId::new(), None, Duration::from_secs(60))
            .unwrap();
        assert_eq!(verifier.verify(&t), Err(AuthError::UnknownIssuer));

        let other_aud = DevTokenIssuer::new("wohnweg-dev", "elsewhere", SECRET).unwrap();
        let t = other_aud
            .issue(UserId::new(), None, Duration::from_secs(60))
            .unwrap();
        assert!(matches!(verifier.verify(&t), Err(AuthError::Invalid(_))));
    }

    fn signed(aud: serde_json::Value) -> String {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = serde_json::json!({ "iss": "wohnweg-dev", "aud": aud,
            "sub": UserId::new().to_string(), "exp": now + 60 });
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(SECRET),
        )
        .unwrap()
    }

    #[test]
    fn an_audience_list_naming_us_verifies_and_one_without_us_does_not() {
        let (_, verifier) = setup();
        let ok = signed(serde_json::json!(["account", "wohnweg"]));
        assert!(verifier.verify(&ok).is_ok(), "{:?}", verifier.verify(&ok));
        let foreign = signed(serde_json::json!(["account", "elsewhere"]));
        assert!(matches!(
            verifier.verify(&foreign),
            Err(AuthError::Invalid(_))
        ));
        let empty = signed(serde_json::json!([]));
        assert!(verifier.verify(&empty).is_err());
    }

    #[test]
    fn garbage_is_malformed() {
        let (_, verifier) = setup();
        for t in ["", "garbage", "a.b.c", &"x".repeat(MAX_TOKEN_LEN + 1)] {
            assert!(verifier.verify(t).is_err(), "{t:?}");
        }
    }
}
