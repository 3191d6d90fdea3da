//! Configuration: embedded defaults, then an optional TOML file (`--config` or
//! `WOHNWEG_CONFIG`), then `WOHNWEG_*` environment variables (`__` for nesting, e.g.
//! `WOHNWEG_LIMITS__MAX_DEPTH=8`), with `WOHNWEG_…_FILE` reading a secret from a file,
//! and the customary `DATABASE_URL` / `REDIS_URL`. Validated once, at start.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use figment::Figment;
use figment::providers::{Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Deployment environment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// A laptop or a test: GraphiQL, introspection, demo mode allowed.
    #[default]
    Development,
    /// Production: no GraphiQL, no introspection or suggestions, no dev tokens.
    Production,
}

/// Log output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable.
    #[default]
    Pretty,
    /// One JSON object per line.
    Json,
}

/// The whole configuration.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `development` or `production` (`WOHNWEG_ENV`).
    pub env: Environment,
    /// Listen address (`WOHNWEG_LISTEN`).
    pub listen: SocketAddr,
    /// The runtime database URL (`DATABASE_URL`). Unset: SQLite in `data_dir`.
    pub database_url: Option<String>,
    /// Database settings.
    pub database: DatabaseConfig,
    /// Redis URL (`REDIS_URL`). Unset: in-process cache.
    pub redis_url: Option<String>,
    /// Cache settings.
    pub cache: CacheConfig,
    /// Where the embedded database and the generated dev-token secret live.
    pub data_dir: PathBuf,
    /// Seed demo data into an empty database. Unset: on for the embedded default in
    /// development, off otherwise.
    pub demo: Option<bool>,
    /// Authentication.
    pub auth: AuthConfig,
    /// Request and GraphQL limits.
    pub limits: LimitsConfig,
    /// Logging and tracing.
    pub log: LogConfig,
    /// The URL users reach this server at (for OIDC redirects). Unset:
    /// `http://<listen>`.
    pub public_url: Option<String>,
    /// Sign-in with each city's OpenID provider.
    pub oidc: OidcConfig,
    /// Browser sessions.
    pub session: SessionConfig,
    /// The public offer form for landlords.
    pub public_form: PublicFormConfig,
    /// The GraphQL endpoint.
    pub graphql: GraphqlConfig,
    /// Courses and certificates.
    pub learning: LearningConfig,
    /// Cross-city measures.
    pub insights: InsightsConfig,
}

/// Cross-city measures: disclosure control and how fresh the rollups are kept.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InsightsConfig {
    /// Counts below this are never published (`—`); at least 3 (a lower setting is
    /// read as 3). Only the operator sets it; no API changes it.
    pub min_count: i64,
    /// How often the server looks for cities whose records changed and recounts their
    /// measures, in seconds (at most 60 keeps the dashboard within a minute).
    pub refresh_seconds: u64,
}

impl Default for InsightsConfig {
    fn default() -> Self {
        Self {
            min_count: 3,
            refresh_seconds: 20,
        }
    }
}

/// Courses and certificates.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LearningConfig {
    /// The key-encryption key that seals each city's certificate-signing key at rest:
    /// 32 bytes in base64 (`openssl rand -base64 32`; use
    /// `WOHNWEG_LEARNING__KEY_ENCRYPTION_KEY_FILE`). Required in production; in
    /// development generated once into `data_dir/learning-kek`. Losing it means the
    /// cities' signing keys cannot be opened: rotate them (old certificates stay
    /// verifiable, their public keys stay published).
    pub key_encryption_key: Option<String>,
}

impl std::fmt::Debug for LearningConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LearningConfig")
            .field(
                "key_encryption_key",
                &self.key_encryption_key.as_ref().map(|_| "…"),
            )
            .finish()
    }
}

/// The GraphQL endpoint.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GraphqlConfig {
    /// Browser sessions may run only the console's own operations, sent as a
    /// `documentId` (or a persisted-query hash) from the manifest built with it; any
    /// other document is refused. Bearer tokens (integrations) may still send
    /// documents. Off by default; for production (`WOHNWEG_GRAPHQL__TRUSTED_DOCUMENTS_ONLY`).
    pub trusted_documents_only: bool,
}

/// The public offer form (no login): spam defence and rate limit.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicFormConfig {
    /// A form sent back sooner than this after it was fetched is refused (bots).
    pub min_fill_seconds: u64,
    /// A fetched form is valid this long.
    pub token_ttl_minutes: u64,
    /// Submissions per client address and city per hour.
    pub per_address_per_hour: u64,
}

impl Default for PublicFormConfig {
    fn default() -> Self {
        Self {
            min_fill_seconds: 3,
            token_ttl_minutes: 120,
            per_address_per_hour: 10,
        }
    }
}

/// OpenID Connect providers: one per tenant slug, or a default for all tenants.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OidcConfig {
    /// Provider for tenants without an entry of their own.
    pub default: Option<OidcProviderConfig>,
    /// Providers by tenant slug (`[oidc.tenants.koeln]`).
    pub tenants: std::collections::BTreeMap<String, OidcProviderConfig>,
    /// The platform's own provider, for platform operators and state officers
    /// (`[oidc.platform]`; `GET /auth/platform-login`). Its JIT settings are ignored:
    /// platform users are made by an operator only.
    pub platform: Option<OidcProviderConfig>,
}

/// One OpenID provider (e.g. a city's Keycloak realm).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcProviderConfig {
    /// Issuer URL exactly as the provider publishes it.
    pub issuer: String,
    /// Client id registered for Wohnweg.
    pub client_id: String,
    /// Client secret (use `…_FILE`; never stored in the database).
    pub client_secret: Option<String>,
    /// Scopes to request besides `openid`.
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
    /// Claim with role codes (a list), used when creating users on first sign-in.
    #[serde(default = "default_roles_claim")]
    pub roles_claim: String,
    /// E-mail domains whose users are created on first sign-in.
    #[serde(default)]
    pub jit_email_domains: Vec<String>,
    /// Organisation slug such users join.
    #[serde(default)]
    pub jit_organisation: Option<String>,
}

fn default_scopes() -> Vec<String> {
    vec!["email".into(), "profile".into()]
}

fn default_roles_claim() -> String {
    "wohnweg_roles".into()
}

/// Browser sessions (server-side; Redis when configured).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SessionConfig {
    /// A session unused this long ends.
    pub idle_timeout_minutes: u64,
    /// A session ends this long after sign-in, used or not.
    pub absolute_timeout_hours: u64,
}

impl Default for SessionConfig {
    fn default() -> Self {
        Self {
            idle_timeout_minutes: 30,
            absolute_timeout_hours: 10,
        }
    }
}

/// Database settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// The owner's URL, used only to run migrations (`WOHNWEG_DATABASE__ADMIN_URL`).
    /// Unset: migrations use the runtime URL (right for SQLite; on PostgreSQL run
    /// `wohnweg migrate` as the owner instead).
    pub admin_url: Option<String>,
    /// Apply migrations at start.
    pub migrate_on_start: bool,
    /// Pool size.
    pub max_connections: u32,
}

/// Cache settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// Key prefix in Redis.
    pub prefix: String,
    /// Deadline of one cache operation, in milliseconds.
    pub timeout_ms: u64,
}

/// Authentication settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthConfig {
    /// Accept and issue development tokens. Unset: follows demo mode. Never allowed
    /// in production.
    pub dev_tokens: Option<bool>,
    /// HMAC secret for development tokens (≥ 32 bytes; or `…_FILE`). Unset: generated
    /// once into `data_dir/dev-token-secret`.
    pub dev_token_secret: Option<String>,
    /// `iss` of development tokens.
    pub dev_issuer: String,
    /// The `aud` every accepted token must carry.
    pub audience: String,
}

/// Limits.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitsConfig {
    /// Maximum selection depth of a GraphQL document.
    pub max_depth: usize,
    /// Maximum complexity (fields, weighted) of a GraphQL document.
    pub max_complexity: usize,
    /// Maximum number of aliased fields in one document.
    pub max_aliases: usize,
    /// Maximum operations in one batched request.
    pub max_batch: usize,
    /// Maximum request body, in bytes.
    pub max_body_bytes: usize,
    /// Request timeout, in seconds.
    pub request_timeout_secs: u64,
}

/// Logging settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `pretty` or `json`.
    pub format: LogFormat,
    /// `tracing` filter directive (`RUST_LOG` wins when set).
    pub filter: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            env: Environment::Development,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: None,
            database: DatabaseConfig::default(),
            redis_url: None,
            cache: CacheConfig::default(),
            data_dir: PathBuf::from("./data"),
            demo: None,
            auth: AuthConfig::default(),
            limits: LimitsConfig::default(),
            log: LogConfig::default(),
            public_url: None,
            oidc: OidcConfig::default(),
            session: SessionConfig::default(),
            public_form: PublicFormConfig::default(),
            learning: LearningConfig::default(),
            insights: InsightsConfig::default(),
            graphql: GraphqlConfig::default(),
        }
    }
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self {
            admin_url: None,
            migrate_on_start: true,
            max_connections: 10,
        }
    }
}

impl Default for CacheConfig {
    fn default() -> Self {
        Self {
            prefix: "wohnweg:".into(),
            timeout_ms: 250,
        }
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            dev_tokens: None,
            dev_token_secret: None,
            dev_issuer: "wohnweg-dev".into(),
            audience: "wohnweg".into(),
        }
    }
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 500,
            max_aliases: 30,
            max_batch: 10,
            max_body_bytes: 256 * 1024,
            request_timeout_secs: 30,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            filter: "info".into(),
        }
    }
}

/// A configuration that failed to load or validate.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Could not be read or parsed.
    #[error("configuration: {0}")]
    Load(#[from] Box<figment::Error>),
    /// A secret file could not be read.
    #[error("configuration: cannot read {var}: {source}")]
    SecretFile {
        /// The `…_FILE` variable.
        var: String,
        /// Why.
        source: std::io::Error,
    },
    /// A value is out of range or contradicts another.
    #[error("configuration: {0}")]
    Invalid(String),
}

impl Config {
    /// Loads from the layers described in the module docs.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        Self::load_from(file, std::env::vars())
    }

    /// Loads with an explicit environment (for tests).
    pub fn load_from(
        file: Option<&Path>,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let vars: Vec<(String, String)> = vars.into_iter().collect();
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        let file = file.map(Path::to_path_buf).or_else(|| {
            vars.iter()
                .find(|(k, _)| k == "WOHNWEG_CONFIG")
                .map(|(_, v)| PathBuf::from(v))
        });
        if let Some(file) = file {
            if !file.exists() {
                return Err(ConfigError::Invalid(format!(
                    "config file {} does not exist",
                    file.display()
                )));
            }
            fig = fig.merge(Toml::file(file));
        }
        // Plain variables, then `…_FILE` secrets.
        let lookup = |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let mut plain = Vec::new();
        let mut secret_files = Vec::new();
        for (k, v) in &vars {
            let Some(rest) = k.strip_prefix("WOHNWEG_") else {
                continue;
            };
            if rest == "CONFIG" {
                continue;
            }
            if let Some(key) = rest.strip_suffix("_FILE") {
                secret_files.push((k.clone(), key.to_lowercase().replace("__", "."), v.clone()));
            } else {
                plain.push((k.clone(), rest.to_lowercase().replace("__", "."), v.clone()));
            }
        }
        for (var, key, value) in plain {
            fig = fig.merge(EnvVar::new(var, &key, parse_env_value(&value)));
        }
        for (var, key, path) in secret_files {
            let content =
                std::fs::read_to_string(&path).map_err(|source| ConfigError::SecretFile {
                    var: var.clone(),
                    source,
                })?;
            fig = fig.merge(EnvVar::new(
                var,
                &key,
                serde_json::Value::String(content.trim_end().to_owned()),
            ));
        }
        if let Some(url) = lookup("DATABASE_URL").filter(|v| !v.is_empty()) {
            fig = fig.merge(Serialized::default("database_url", url));
        }
        if let Some(url) = lookup("REDIS_URL").filter(|v| !v.is_empty()) {
            fig = fig.merge(Serialized::default("redis_url", url));
        }
        let config: Config = fig
            .extract()
            .map_err(|e| ConfigError::Invalid(explain(e)))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks ranges and combinations.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let l = &self.limits;
        if l.max_depth == 0
            || l.max_complexity == 0
            || l.max_aliases == 0
            || l.max_batch == 0
            || l.max_body_bytes < 1024
            || l.request_timeout_secs == 0
        {
            return Err(ConfigError::Invalid(
                "limits must be positive (max_body_bytes ≥ 1024)".into(),
            ));
        }
        let f = &self.public_form;
        if f.min_fill_seconds > 3600
            || !(1..=1440).contains(&f.token_ttl_minutes)
            || !(1..=10_000).contains(&f.per_address_per_hour)
        {
            return Err(ConfigError::Invalid(
                "public_form: min_fill_seconds ≤ 3600, token_ttl_minutes 1–1440, per_address_per_hour 1–10000".into(),
            ));
        }
        if self.env == Environment::Production {
            if self.demo == Some(true) {
                return Err(ConfigError::Invalid(
                    "demo mode is not allowed in production".into(),
                ));
            }
            if self.auth.dev_tokens == Some(true) {
                return Err(ConfigError::Invalid(
                    "development tokens are not allowed in production".into(),
                ));
            }
            if self.learning.key_encryption_key.is_none() {
                return Err(ConfigError::Invalid(
                    "learning.key_encryption_key is required in production (WOHNWEG_LEARNING__KEY_ENCRYPTION_KEY_FILE; openssl rand -base64 32)".into(),
                ));
            }
        }
        if let Some(kek) = &self.learning.key_encryption_key {
            wohnweg_learning::Kek::parse(kek)
                .map_err(|e| ConfigError::Invalid(format!("learning.key_encryption_key {e}")))?;
        }
        if let Some(secret) = &self.auth.dev_token_secret
            && secret.len() < 32
        {
            return Err(ConfigError::Invalid(
                "auth.dev_token_secret must be at least 32 bytes".into(),
            ));
        }
        Ok(())
    }

    /// Whether demo data is seeded into an empty database.
    #[must_use]
    pub fn demo_enabled(&self) -> bool {
        self.demo
            .unwrap_or(self.env == Environment::Development && self.database_url.is_none())
    }

    /// Whether development tokens are issued and accepted.
    #[must_use]
    pub fn dev_tokens_enabled(&self) -> bool {
        self.env == Environment::Development && self.auth.dev_tokens.unwrap_or(self.demo_enabled())
    }

    /// The runtime database URL (SQLite in `data_dir` when unset).
    #[must_use]
    pub fn runtime_database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("wohnweg.db").display()
            )
        })
    }

    /// The URL migrations run with.
    #[must_use]
    pub fn migration_database_url(&self) -> String {
        self.database
            .admin_url
            .clone()
            .unwrap_or_else(|| self.runtime_database_url())
    }

    /// The public base URL, without a trailing slash.
    #[must_use]
    pub fn public_base(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
            .trim_end_matches('/')
            .to_owned()
    }

    /// Whether cookies may go without `Secure` (plain-HTTP loopback development only).
    #[must_use]
    pub fn insecure_cookies_allowed(&self) -> bool {
        self.env == Environment::Development && is_loopback_http(&self.public_base())
    }

    /// The provider configured for a tenant slug.
    #[must_use]
    pub fn oidc_for(&self, slug: &str) -> Option<&OidcProviderConfig> {
        self.oidc.tenants.get(slug).or(self.oidc.default.as_ref())
    }

    /// Request timeout.
    #[must_use]
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.limits.request_timeout_secs)
    }
}

/// Whether `base` is a plain-HTTP URL whose host is exactly a loopback name or address
/// (`localhost`, `127.0.0.0/8`, `[::1]`) — not `localhost.example.org`, not
/// `127.0.0.1.example.org`, not `localhost@example.org`.
fn is_loopback_http(base: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(base) else {
        return false;
    };
    if url.scheme() != "http" || !url.username().is_empty() || url.password().is_some() {
        return false;
    }
    url.host_str().is_some_and(|h| {
        h.eq_ignore_ascii_case("localhost")
            || h.trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

/// Environment values are strings; numbers and booleans are recognised so that
/// `WOHNWEG_LIMITS__MAX_DEPTH=8` and `WOHNWEG_DEMO=true` deserialize.
/// One `WOHNWEG_*` variable as a configuration source that names itself, so an error
/// in it names the variable (not a source location).
struct EnvVar {
    var: String,
    value: Serialized<serde_json::Value>,
}

impl EnvVar {
    fn new(var: String, key: &str, value: serde_json::Value) -> Self {
        Self {
            var,
            value: Serialized::default(key, value),
        }
    }
}

impl figment::Provider for EnvVar {
    fn metadata(&self) -> figment::Metadata {
        figment::Metadata::named("environment variable")
            .source(figment::Source::Custom(self.var.clone()))
    }

    fn data(
        &self,
    ) -> Result<figment::value::Map<figment::Profile, figment::value::Dict>, figment::Error> {
        self.value.data()
    }
}

/// Each configuration error on a line of its own, saying where it is (the variable,
/// or the file and line), which key, and what is wrong with it.
fn explain(err: figment::Error) -> String {
    err.into_iter()
        .map(|e| {
            let mut key: Vec<String> = e.path.clone();
            let what = match &e.kind {
                figment::error::Kind::UnknownField(field, expected) => {
                    // The path ends with the field already.
                    if key.last() != Some(field) {
                        key.push(field.clone());
                    }
                    if expected.is_empty() {
                        "is not a setting".to_owned()
                    } else {
                        format!(
                            "is not a setting; this section has: {}",
                            expected.join(", ")
                        )
                    }
                }
                other => other.to_string(),
            };
            let key = key.join(".");
            let place = match e.metadata.as_ref().and_then(|m| m.source.as_ref()) {
                Some(figment::Source::Custom(var)) => format!("environment variable {var}"),
                Some(figment::Source::File(path)) => match line_of(path, &key) {
                    Some(line) => format!("{} line {line}", path.display()),
                    None => path.display().to_string(),
                },
                _ => "configuration".to_owned(),
            };
            if key.is_empty() {
                // A file that does not parse: the parser's message names line and column.
                format!("{place}: {what}")
            } else {
                format!("{place}: `{key}` {what}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The 1-based line of `key` (dotted) in a TOML file: the line `last = …` inside the
/// table the rest names (`[a.b]`, or the top before any table).
fn line_of(path: &Path, key: &str) -> Option<usize> {
    let text = std::fs::read_to_string(path).ok()?;
    let (table, last) = key.rsplit_once('.').unwrap_or(("", key));
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = header.trim().to_owned();
            continue;
        }
        let name = line
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"');
        if current == table && line.contains('=') && name == last {
            return Some(i + 1);
        }
    }
    None
}

fn parse_env_value(raw: &str) -> serde_json::Value {
    match raw {
        "true" => serde_json::Value::Bool(true),
        "false" => serde_json::Value::Bool(false),
        _ => raw
            .parse::<u64>()
            .map(serde_json::Value::from)
            .unwrap_or_else(|_| serde_json::Value::String(raw.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_variable_or_the_file_and_line() {
        let err = Config::load_from(None, env(&[("WOHNWEG_LIMITS__MAX_DEPTH", "deep")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("environment variable WOHNWEG_LIMITS__MAX_DEPTH: `limits.max_depth`"),
            "{err}"
        );
        let dir = std::env::temp_dir().join(format!("wohnweg-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.toml");
        std::fs::write(&file, "[limits]\nmax_depth = \n").unwrap();
        let err = Config::load_from(Some(&file), env(&[]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad.toml") && err.contains("line 2"), "{err}");
        assert!(!err.contains("``"), "{err}");
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:1\"\n\n[session]\nidle_minutes = 3\n",
        )
        .unwrap();
        let err = Config::load_from(Some(&file), env(&[]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("bad.toml line 4: `session.idle_minutes` is not a setting"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn only_plain_http_loopback_hosts_allow_insecure_cookies() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:8080/",
            "http://LOCALHOST",
            "http://[::1]:8080",
            "http://127.0.0.2",
        ] {
            assert!(is_loopback_http(ok), "{ok}");
        }
        for bad in [
            "http://localhost.example.org",
            "http://localhost.evil:8080",
            "http://127.0.0.1.example.org",
            "http://localhost@example.org",
            "http://user:pw@localhost",
            "https://localhost",
            "http://example.org/http://localhost",
            "localhost",
        ] {
            assert!(!is_loopback_http(bad), "{bad}");
        }
    }

    #[test]
    fn defaults_are_the_embedded_demo() {
        let c = Config::load_from(None, env(&[])).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert!(c.demo_enabled());
        assert!(c.dev_tokens_enabled());
        assert!(c.runtime_database_url().starts_with("sqlite://"));
    }

    #[test]
    fn environment_overrides_and_nesting() {
        let c = Config::load_from(
            None,
            env(&[
                ("WOHNWEG_LISTEN", "0.0.0.0:9000"),
                ("WOHNWEG_LIMITS__MAX_DEPTH", "7"),
                ("DATABASE_URL", "postgres://x@localhost/db"),
                ("REDIS_URL", "redis://localhost"),
                ("WOHNWEG_LOG__FORMAT", "json"),
            ]),
        )
        .unwrap();
        assert_eq!(c.listen.to_string(), "0.0.0.0:9000");
        assert_eq!(c.limits.max_depth, 7);
        assert_eq!(c.log.format, LogFormat::Json);
        assert_eq!(c.redis_url.as_deref(), Some("redis://localhost"));
        // A real database: no demo, no dev tokens unless asked.
        assert!(!c.demo_enabled());
        assert!(!c.dev_tokens_enabled());
    }

    #[test]
    fn secrets_come_from_files() {
        let path = std::env::temp_dir().join(format!("wohnweg-secret-{}", uuid::Uuid::new_v4()));
        std::fs::write(&path, "s".repeat(40) + "\n").unwrap();
        let c = Config::load_from(
            None,
            env(&[(
                "WOHNWEG_AUTH__DEV_TOKEN_SECRET_FILE",
                path.to_str().unwrap_or_default(),
            )]),
        )
        .unwrap();
        assert_eq!(
            c.auth.dev_token_secret.as_deref(),
            Some("s".repeat(40).as_str())
        );
        std::fs::remove_file(path).ok();
        let missing = Config::load_from(
            None,
            env(&[("WOHNWEG_AUTH__DEV_TOKEN_SECRET_FILE", "/nonexistent/secret")]),
        );
        assert!(matches!(missing, Err(ConfigError::SecretFile { .. })));
    }

    #[test]
    fn bad_values_are_refused() {
        assert!(Config::load_from(None, env(&[("WOHNWEG_LISTEN", "nowhere")])).is_err());
        assert!(Config::load_from(None, env(&[("WOHNWEG_LIMITS__MAX_DEPTH", "0")])).is_err());
        assert!(Config::load_from(None, env(&[("WOHNWEG_NO_SUCH_KEY", "1")])).is_err());
        assert!(
            Config::load_from(
                None,
                env(&[
                    ("WOHNWEG_ENV", "production"),
                    ("WOHNWEG_AUTH__DEV_TOKENS", "true")
                ])
            )
            .is_err()
        );
        assert!(
            Config::load_from(None, env(&[("WOHNWEG_AUTH__DEV_TOKEN_SECRET", "short")])).is_err()
        );
    }

    #[test]
    fn the_example_file_is_valid() {
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../infra/wohnweg.example.toml"
        ));
        let c = Config::load_from(Some(path), env(&[("WOHNWEG_LIMITS__MAX_BATCH", "3")])).unwrap();
        assert_eq!(c.limits.max_depth, 12);
        // The environment wins over the file.
        assert_eq!(c.limits.max_batch, 3);
    }

    #[test]
    fn production_turns_dev_features_off() {
        let kek = (
            "WOHNWEG_LEARNING__KEY_ENCRYPTION_KEY",
            "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=",
        );
        let c = Config::load_from(None, env(&[("WOHNWEG_ENV", "production"), kek])).unwrap();
        assert!(!c.demo_enabled());
        assert!(!c.dev_tokens_enabled());
        // Production needs the key that seals the cities' signing keys, and a valid one.
        let missing = Config::load_from(None, env(&[("WOHNWEG_ENV", "production")]));
        assert!(
            matches!(missing, Err(ConfigError::Invalid(m)) if m.contains("key_encryption_key"))
        );
        let short = Config::load_from(
            None,
            env(&[("WOHNWEG_LEARNING__KEY_ENCRYPTION_KEY", "c2hvcnQ=")]),
        );
        assert!(matches!(short, Err(ConfigError::Invalid(m)) if m.contains("32 bytes")));
    }
}
