//! The parts of the command line that do work (kept here, testable, not in `main`).

use std::time::Duration;

use wohnweg_identity::{Provisioning, Slug};
use wohnweg_kernel::{Cache, Db, Role};

use crate::app::dev_token_issuer;
use crate::config::Config;

/// The longest a development token may live.
pub const MAX_DEV_TOKEN_TTL: Duration = Duration::from_secs(30 * 24 * 3600);

/// Parses a token lifetime as humantime reads durations (`90s`, `30m`, `8h`, `7d`,
/// `1h 30m`), between one second and [`MAX_DEV_TOKEN_TTL`].
pub fn parse_ttl(raw: &str) -> Result<Duration, String> {
    let raw = raw.trim();
    let ttl = humantime::parse_duration(raw)
        .map_err(|e| format!("{raw:?}: {e} (e.g. 90s, 30m, 8h, 7d)"))?;
    if ttl < Duration::from_secs(1) || ttl > MAX_DEV_TOKEN_TTL {
        return Err(format!("{raw:?}: must be between 1s and 30d"));
    }
    Ok(ttl)
}

/// What `wohnweg token` asks for.
#[derive(Clone, Debug)]
pub struct TokenRequest {
    /// Tenant slug (tenant roles).
    pub tenant: Option<String>,
    /// Role.
    pub role: Role,
    /// Organisation slug.
    pub org: Option<String>,
    /// User display name.
    pub user: Option<String>,
    /// Lifetime.
    pub ttl: Duration,
}

/// Issues a development token for the first matching user. Refuses when development
/// tokens are not enabled in `config`.
pub async fn issue_dev_token(
    config: &Config,
    db: &Db,
    cache: &Cache,
    req: &TokenRequest,
) -> anyhow::Result<String> {
    let Some(issuer) = dev_token_issuer(config)? else {
        anyhow::bail!(
            "development tokens are disabled: they are on in demo mode (--demo, or the embedded default in development) \
             or with WOHNWEG_AUTH__DEV_TOKENS=true, and never in production"
        );
    };
    let tenant = req
        .tenant
        .as_deref()
        .map(|s| Slug::parse("tenant", s))
        .transpose()
        .map_err(|e| anyhow::anyhow!("--tenant {}", e.public_message()))?;
    let org = req
        .org
        .as_deref()
        .map(|s| Slug::parse("org", s))
        .transpose()
        .map_err(|e| anyhow::anyhow!("--org {}", e.public_message()))?;
    let p = Provisioning::new(db.clone(), cache.clone());
    let (user, tenant_id) = p
        .find_token_subject(tenant.as_ref(), req.role, org.as_ref(), req.user.as_deref())
        .await
        .map_err(|e| match e {
            wohnweg_kernel::Error::NotFound { .. } => anyhow::anyhow!(
                "no token: {} (is the demo data seeded? `wohnweg seed demo`)",
                e.public_message()
            ),
            other => anyhow::anyhow!("no token: {}", other.public_message()),
        })?;
    issuer
        .issue(user, tenant_id, req.ttl)
        .map_err(|e| anyhow::anyhow!("signing failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttls() {
        assert_eq!(parse_ttl("8h"), Ok(Duration::from_secs(8 * 3600)));
        assert_eq!(parse_ttl("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_ttl("7d"), Ok(Duration::from_secs(7 * 86_400)));
        assert_eq!(parse_ttl("1h 30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_ttl("30days"), Ok(MAX_DEV_TOKEN_TTL));
        for bad in ["", "8", "h", "8x", "0s", "500ms", "31d", "-1h"] {
            assert!(parse_ttl(bad).is_err(), "{bad:?}");
        }
    }
}
