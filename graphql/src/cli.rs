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

/// The credential in a file: a certificate PDF (its attached `credential.jwt`), the
/// compact JWS itself, a verification link (`…/verify#<credential>`), or JSON with a
/// `credential` field.
#[must_use]
pub fn credential_in(text: &str) -> String {
    if text.starts_with("%PDF-")
        && let Some(c) = wohnweg_learning::pdf::attached_credential(text.as_bytes())
    {
        return c;
    }
    let text = text.trim();
    if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(text)
        && let Some(c) = o.get("credential").and_then(|c| c.as_str())
    {
        return c.trim().to_owned();
    }
    text.rsplit_once('#')
        .map_or(text, |(_, c)| c)
        .trim()
        .to_owned()
}

/// Where `wohnweg verify` reads a city's documents from.
#[derive(Clone, Debug, Default)]
pub struct VerifySources {
    /// `keys.json` from a file (offline); unset: fetched from the issuer.
    pub keys: Option<std::path::PathBuf>,
    /// The status list from a file (offline); unset: fetched from the issuer when the
    /// keys are fetched, else not checked.
    pub status: Option<std::path::PathBuf>,
}

/// What `wohnweg verify` found.
#[derive(Debug)]
pub struct VerifyReport {
    /// The issuer the credential names.
    pub issuer: String,
    /// Whether the status list was checked.
    pub status_checked: bool,
    /// The verdict.
    pub outcome:
        Result<wohnweg_learning::credential::Statement, wohnweg_learning::credential::Rejection>,
}

/// Verifies the certificate in `text` as the public page does. Keys and the status
/// list come from files, or from the issuer — only when it is a city of this
/// installation (`trusted_base`), so a forged certificate cannot name its own keys.
pub async fn verify_certificate(
    text: &str,
    sources: &VerifySources,
    trusted_base: &str,
) -> anyhow::Result<VerifyReport> {
    use wohnweg_learning::credential::{self, Rejection};
    let jws = credential_in(text);
    let issuer = match credential::claimed_issuer(&jws) {
        Ok(i) => i,
        Err(e) => {
            return Ok(VerifyReport {
                issuer: String::new(),
                status_checked: false,
                outcome: Err(e),
            });
        }
    };
    let fetch_from_issuer = sources.keys.is_none();
    if fetch_from_issuer {
        let prefix = format!("{}/public/", trusted_base.trim_end_matches('/'));
        let city = issuer.strip_prefix(&prefix).unwrap_or("");
        if city.is_empty()
            || !city
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            anyhow::bail!(
                "the certificate names an issuer outside this installation ({issuer}); give that city's published keys with --keys (and --status)"
            );
        }
    }
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()?;
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    };
    let keys_text = match &sources.keys {
        Some(p) => read(p)?,
        None => {
            http.get(format!("{issuer}/keys.json"))
                .send()
                .await?
                .error_for_status()?
                .text()
                .await?
        }
    };
    let keys: credential::KeySet = serde_json::from_str(&keys_text)
        .map_err(|e| anyhow::anyhow!("the published keys cannot be read: {e}"))?;
    let status = match &sources.status {
        Some(p) => Some(read(p)?),
        None if fetch_from_issuer => {
            let r = http.get(format!("{issuer}/status")).send().await?;
            if r.status().is_success() {
                Some(r.text().await?)
            } else {
                return Ok(VerifyReport {
                    issuer,
                    status_checked: false,
                    outcome: Err(Rejection::StatusUnavailable),
                });
            }
        }
        None => None,
    };
    Ok(VerifyReport {
        status_checked: status.is_some(),
        outcome: credential::verify(&jws, &keys, status.as_deref()),
        issuer,
    })
}

/// The report as the terminal shows it: a verdict line, then a table of what the
/// certificate states.
#[must_use]
pub fn render_report(r: &VerifyReport) -> String {
    let mut out = String::new();
    match &r.outcome {
        Ok(s) => {
            out.push_str(if r.status_checked {
                "VALID: signed by the city, not revoked\n"
            } else {
                "VALID SIGNATURE: signed by the city; revocation not checked (no --status)\n"
            });
            let rows = [
                ("name", s.name.clone()),
                ("course", s.course.clone()),
                ("issued on", s.issued_on.to_string()),
                ("issued by", format!("{} ({})", s.issuer_name, r.issuer)),
                ("delivered by", s.delivered_by.clone()),
                ("number", s.number.clone()),
                ("modules", s.modules.join("; ")),
            ];
            for (k, v) in rows {
                out.push_str(&format!("  {k:<13} {v}\n"));
            }
        }
        Err(e) => out.push_str(&format!("NOT VALID ({}): {e}\n", e.code())),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credential_is_found_in_a_link_json_or_plain_text() {
        assert_eq!(credential_in(" a.b.c \n"), "a.b.c");
        assert_eq!(credential_in("https://x.example/verify#a.b.c"), "a.b.c");
        assert_eq!(
            credential_in(r#"{"credential": "a.b.c", "number": "1"}"#),
            "a.b.c"
        );
    }

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
