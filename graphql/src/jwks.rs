//! Bearer tokens from a city's OpenID provider (for scripts and integrations).
//!
//! Every `[oidc.tenants.<slug>]` provider with an issuer of its own becomes a trusted
//! issuer of the token verifier: audience = its `client_id`, algorithms RS256, PS256
//! and ES256 only (so `none` and HMAC-with-the-public-key fail), keys = its published
//! JWKS. The keys are fetched on first use, again when they are older than
//! [`MAX_KEY_AGE`] (so a withdrawn key stops being trusted), and when a token names an
//! unknown `kid` (key rotation) — at most once per [`MIN_REFRESH_INTERVAL`] per
//! provider, so random `kid`s cannot make us hammer the provider. The token's subject must already
//! be linked to a user of that city (by a browser sign-in).
//!
//! jwt-authorizer was checked as a replacement: it authorizes in a tower layer in front
//! of the routes, with one claims type for all of them. Here a bearer token is one of
//! two credentials (the other is the session cookie with its CSRF token) resolved
//! inside the GraphQL request, each city trusts its own issuer and maps the subject to
//! a user of that city, and the verification itself is already jsonwebtoken's; what
//! stays hand-written is this key cache with its refresh rules, about a hundred lines.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jsonwebtoken::Algorithm;
use wohnweg_identity::tokens::{JwksKeys, SubjectKind, TrustedIssuer};

use crate::config::Config;

/// The shortest time between two key refreshes of one provider.
pub const MIN_REFRESH_INTERVAL: Duration = Duration::from_secs(10);
/// The longest a fetched key set is used before it is fetched again.
pub const MAX_KEY_AGE: Duration = Duration::from_secs(3600);

struct Provider {
    keys: Arc<JwksKeys>,
    last_refresh: tokio::sync::Mutex<Option<Instant>>,
}

/// Key sets of the providers whose bearer tokens we accept.
pub struct Jwks {
    http: reqwest::Client,
    providers: HashMap<String, Provider>,
}

impl std::fmt::Debug for Jwks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jwks")
            .field("providers", &self.providers.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Jwks {
    /// The trusted issuers for `config` and the refresher for their keys.
    pub fn from_config(config: &Config) -> anyhow::Result<(Self, Vec<TrustedIssuer>)> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        let mut count: HashMap<&str, usize> = HashMap::new();
        for p in config.oidc.tenants.values() {
            *count.entry(p.issuer.as_str()).or_default() += 1;
        }
        let mut providers = HashMap::new();
        let mut trusted = Vec::new();
        for (slug, p) in &config.oidc.tenants {
            if count.get(p.issuer.as_str()).copied().unwrap_or(0) > 1 {
                tracing::warn!(
                    issuer = %p.issuer,
                    "several cities share this provider: its bearer tokens cannot name a city and are not accepted"
                );
                continue;
            }
            let keys = Arc::new(JwksKeys::default());
            trusted.push(TrustedIssuer {
                issuer: p.issuer.clone(),
                audience: p.client_id.clone(),
                algorithms: vec![Algorithm::RS256, Algorithm::PS256, Algorithm::ES256],
                keys: keys.clone(),
                subject_kind: SubjectKind::External,
                tenant_slug: Some(slug.clone()),
            });
            providers.insert(
                p.issuer.clone(),
                Provider {
                    keys,
                    last_refresh: tokio::sync::Mutex::new(None),
                },
            );
        }
        Ok((Self { http, providers }, trusted))
    }

    /// Fetches the provider's current keys (discovery → `jwks_uri`) after a token named
    /// an unknown `kid`. Returns whether the caller should verify again: true when keys
    /// were loaded now or moments ago (by a concurrent request); false when nothing
    /// could have changed (unknown issuer, failed fetch).
    pub async fn refresh(&self, issuer: &str) -> bool {
        let Some(p) = self.providers.get(issuer) else {
            return false;
        };
        // One fetch at a time per provider; whoever waited here finds it done.
        let mut last = p.last_refresh.lock().await;
        if last.is_some_and(|t| t.elapsed() < MIN_REFRESH_INTERVAL) {
            return true;
        }
        self.load(issuer, p, &mut last).await
    }

    /// Loads the keys if they were never loaded or are older than [`MAX_KEY_AGE`], so a
    /// key the provider withdrew stops being trusted even if no token ever fails.
    pub async fn ensure_fresh(&self, issuer: &str) {
        let Some(p) = self.providers.get(issuer) else {
            return;
        };
        let mut last = p.last_refresh.lock().await;
        if last.is_some_and(|t| t.elapsed() < MAX_KEY_AGE) {
            return;
        }
        self.load(issuer, p, &mut last).await;
    }

    async fn load(&self, issuer: &str, p: &Provider, last: &mut Option<Instant>) -> bool {
        *last = Some(Instant::now());
        match self.fetch(issuer).await {
            Ok(set) => {
                p.keys.replace(set);
                true
            }
            Err(e) => {
                tracing::warn!(%issuer, error = %e, "could not load the provider's keys");
                false
            }
        }
    }

    async fn fetch(&self, issuer: &str) -> anyhow::Result<jsonwebtoken::jwk::JwkSet> {
        let discovery: serde_json::Value = self
            .http
            .get(format!(
                "{}/.well-known/openid-configuration",
                issuer.trim_end_matches('/')
            ))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        if discovery["issuer"].as_str() != Some(issuer) {
            anyhow::bail!("discovery names another issuer");
        }
        let uri = discovery["jwks_uri"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("no jwks_uri"))?;
        Ok(self
            .http
            .get(uri)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }
}
