//! The cache: Redis when configured, an in-process cache (moka) otherwise.
//!
//! Redis is an accelerator, never the only copy. Every operation has a short deadline;
//! when Redis is slow or down, a read is a miss and a write is dropped, a warning is
//! logged (rate-limited by the connection manager's back-off, never with values), and
//! the caller goes to the database. The connection manager reconnects by itself.
//! Keys carry a configurable prefix so several deployments (or test runs) can share
//! one Redis.

use std::sync::Arc;
use std::time::{Duration, Instant};

use moka::ops::compute::Op;

use redis::AsyncCommands;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};

/// The in-process cache never holds more live entries than this (writes of new keys
/// beyond it are refused), so unauthenticated traffic cannot grow it without bound.
const MEMORY_MAX_ENTRIES: usize = 100_000;

/// An in-process value and the moment it expires.
#[derive(Clone)]
struct Held {
    value: String,
    expires: Instant,
}

impl Held {
    fn live(&self, now: Instant) -> bool {
        self.expires > now
    }
}

/// Each entry lives until its own `expires`.
struct UntilExpires;

impl moka::Expiry<String, Held> for UntilExpires {
    fn expire_after_create(&self, _: &String, v: &Held, at: Instant) -> Option<Duration> {
        Some(v.expires.saturating_duration_since(at))
    }

    fn expire_after_update(
        &self,
        _: &String,
        v: &Held,
        at: Instant,
        _: Option<Duration>,
    ) -> Option<Duration> {
        Some(v.expires.saturating_duration_since(at))
    }
}

/// The in-process backend: moka, with a hard limit of live entries. moka alone would
/// evict to make room (a session, say); here a new key beyond the limit is refused
/// instead, as Redis' `maxmemory` with `noeviction` would, and the caller sees it.
struct Memory {
    entries: moka::sync::Cache<String, Held>,
    max: u64,
}

impl Memory {
    fn new(max: usize) -> Self {
        let max = u64::try_from(max).unwrap_or(u64::MAX);
        Self {
            // moka's own bound is a safety net above ours (concurrent writers may
            // overshoot ours by a few before the count catches up).
            entries: moka::sync::Cache::builder()
                .max_capacity(max.saturating_mul(2).max(16))
                .expire_after(UntilExpires)
                .build(),
            max,
        }
    }

    /// Whether a write of `key` must be refused: a new key while the cache holds its
    /// limit of live entries. moka's count lags behind the writes of the last moments
    /// (it settles them in batches), so near the limit it is settled first, and
    /// expired entries swept, before deciding.
    fn refuses(&self, key: &str) -> bool {
        /// More than moka leaves unsettled between its own maintenance runs.
        const LAG: u64 = 4096;
        if self.entries.contains_key(key) {
            return false;
        }
        if self.entries.entry_count().saturating_add(LAG) < self.max {
            return false;
        }
        self.entries.run_pending_tasks();
        self.entries.entry_count() >= self.max
    }
}

/// A cache handle. Cheap to clone.
#[derive(Clone)]
pub struct Cache {
    inner: Arc<Backend>,
    prefix: Arc<str>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("backend", &self.backend_name())
            .finish()
    }
}

enum Backend {
    Memory(Memory),
    Redis {
        manager: ConnectionManager,
        op_timeout: Duration,
    },
}

/// A Redis URL that could not be parsed.
#[derive(Debug)]
pub struct CacheConfigError(redis::RedisError);

impl std::fmt::Display for CacheConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid Redis configuration: {}", self.0)
    }
}

impl std::error::Error for CacheConfigError {}

impl Cache {
    /// The in-process cache.
    #[must_use]
    pub fn memory(prefix: &str) -> Self {
        Self::memory_with_capacity(prefix, MEMORY_MAX_ENTRIES)
    }

    /// An in-process cache that holds at most `max_entries` live entries (writes
    /// beyond are dropped and reported as not stored).
    #[must_use]
    pub fn memory_with_capacity(prefix: &str, max_entries: usize) -> Self {
        Self {
            inner: Arc::new(Backend::Memory(Memory::new(max_entries))),
            prefix: prefix.into(),
        }
    }

    /// A Redis cache. Does not connect yet (so a Redis outage at start-up does not
    /// stop the service); fails only on a malformed URL.
    pub fn redis(url: &str, prefix: &str, op_timeout: Duration) -> Result<Self, CacheConfigError> {
        let client = redis::Client::open(url).map_err(CacheConfigError)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(op_timeout))
            .set_response_timeout(Some(op_timeout))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_secs(2));
        let manager =
            ConnectionManager::new_lazy_with_config(client, config).map_err(CacheConfigError)?;
        Ok(Self {
            inner: Arc::new(Backend::Redis {
                manager,
                op_timeout,
            }),
            prefix: prefix.into(),
        })
    }

    /// `"redis"` or `"memory"`.
    #[must_use]
    pub fn backend_name(&self) -> &'static str {
        match *self.inner {
            Backend::Memory(..) => "memory",
            Backend::Redis { .. } => "redis",
        }
    }

    fn key(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// Reads a value; `None` on a miss or when the cache is unavailable.
    pub async fn get(&self, key: &str) -> Option<String> {
        let key = self.key(key);
        match &*self.inner {
            Backend::Memory(m) => m
                .entries
                .get(&key)
                .filter(|h| h.live(Instant::now()))
                .map(|h| h.value),
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                match tokio::time::timeout(*op_timeout, conn.get::<_, Option<String>>(&key)).await {
                    Ok(Ok(v)) => v,
                    Ok(Err(e)) => {
                        tracing::warn!(error.kind = ?e.kind(), "cache read failed; serving without cache");
                        None
                    }
                    Err(_) => {
                        tracing::warn!("cache read timed out; serving without cache");
                        None
                    }
                }
            }
        }
    }

    /// Counts an event in a fixed window of `window` starting at its first event, and
    /// returns the count so far (rate limits). `None` when the cache is unavailable:
    /// callers decide whether to fail open.
    pub async fn incr(&self, key: &str, window: Duration) -> Option<u64> {
        let key = self.key(key);
        match &*self.inner {
            Backend::Memory(m) => {
                if m.refuses(&key) {
                    return None;
                }
                // One atomic step per key: the count, restarted when its window ended.
                let now = Instant::now();
                let until = now.checked_add(window).unwrap_or(now);
                let result = m.entries.entry(key).and_compute_with(|current| {
                    let held = match current.map(moka::Entry::into_value) {
                        Some(h) if h.live(now) => Held {
                            value: h
                                .value
                                .parse::<u64>()
                                .unwrap_or(0)
                                .saturating_add(1)
                                .to_string(),
                            expires: h.expires,
                        },
                        _ => Held {
                            value: "1".to_owned(),
                            expires: until,
                        },
                    };
                    Op::Put(held)
                });
                match result {
                    moka::ops::compute::CompResult::Inserted(e)
                    | moka::ops::compute::CompResult::ReplacedWith(e) => {
                        e.into_value().value.parse().ok()
                    }
                    _ => None,
                }
            }
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                let secs = i64::try_from(window.as_secs().max(1)).unwrap_or(i64::MAX);
                // One atomic step: the count and (only when it has none) its expiry, so a
                // failure in between cannot leave a counter that never resets.
                let work = async {
                    let (n,): (u64,) = redis::pipe()
                        .atomic()
                        .incr(&key, 1u64)
                        .cmd("EXPIRE")
                        .arg(&key)
                        .arg(secs)
                        .arg("NX")
                        .ignore()
                        .query_async(&mut conn)
                        .await?;
                    Ok::<u64, redis::RedisError>(n)
                };
                match tokio::time::timeout(*op_timeout, work).await {
                    Ok(Ok(n)) => Some(n),
                    Ok(Err(e)) => {
                        tracing::warn!(error.kind = ?e.kind(), "cache count failed");
                        None
                    }
                    Err(_) => {
                        tracing::warn!("cache count timed out");
                        None
                    }
                }
            }
        }
    }

    /// Stores a value for `ttl`; dropped (with a warning) when unavailable or, for the
    /// in-process cache, full. Returns whether it was stored.
    pub async fn set(&self, key: &str, value: &str, ttl: Duration) -> bool {
        let key = self.key(key);
        match &*self.inner {
            Backend::Memory(m) => {
                if m.refuses(&key) {
                    tracing::warn!("in-process cache full; value dropped");
                    return false;
                }
                let now = Instant::now();
                m.entries.insert(
                    key,
                    Held {
                        value: value.to_owned(),
                        expires: now.checked_add(ttl).unwrap_or(now),
                    },
                );
                true
            }
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                let secs = ttl.as_secs().max(1);
                match tokio::time::timeout(*op_timeout, conn.set_ex::<_, _, ()>(&key, value, secs))
                    .await
                {
                    Ok(Ok(())) => true,
                    Ok(Err(e)) => {
                        tracing::warn!(error.kind = ?e.kind(), "cache write failed");
                        false
                    }
                    Err(_) => {
                        tracing::warn!("cache write timed out");
                        false
                    }
                }
            }
        }
    }

    /// Reads and removes a value in one step (single-use tokens): of two concurrent
    /// takes, at most one gets it. `None` on a miss or when unavailable.
    pub async fn take(&self, key: &str) -> Option<String> {
        let key = self.key(key);
        match &*self.inner {
            Backend::Memory(m) => m
                .entries
                .remove(&key)
                .filter(|h| h.live(Instant::now()))
                .map(|h| h.value),
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                let mut getdel = redis::cmd("GETDEL");
                getdel.arg(&key);
                let work = getdel.query_async::<Option<String>>(&mut conn);
                match tokio::time::timeout(*op_timeout, work).await {
                    Ok(Ok(v)) => v,
                    Ok(Err(e)) => {
                        tracing::warn!(error.kind = ?e.kind(), "cache take failed");
                        None
                    }
                    Err(_) => {
                        tracing::warn!("cache take timed out");
                        None
                    }
                }
            }
        }
    }

    /// Extends the lifetime of an existing value; never recreates a missing one (so a
    /// concurrent delete stays deleted). Returns whether the value still exists.
    pub async fn touch(&self, key: &str, ttl: Duration) -> bool {
        let key = self.key(key);
        match &*self.inner {
            Backend::Memory(m) => {
                let now = Instant::now();
                let result = m.entries.entry(key).and_compute_with(|current| {
                    match current.map(moka::Entry::into_value) {
                        Some(h) if h.live(now) => Op::Put(Held {
                            value: h.value,
                            expires: now.checked_add(ttl).unwrap_or(now),
                        }),
                        // Never recreates a missing or expired value.
                        _ => Op::Nop,
                    }
                });
                matches!(result, moka::ops::compute::CompResult::ReplacedWith(_))
            }
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                let secs = i64::try_from(ttl.as_secs().max(1)).unwrap_or(i64::MAX);
                matches!(
                    tokio::time::timeout(*op_timeout, conn.expire::<_, bool>(&key, secs)).await,
                    Ok(Ok(true))
                )
            }
        }
    }

    /// Removes a value (on change of the underlying record). Returns whether the cache
    /// confirmed it (false when Redis could not be reached).
    pub async fn delete(&self, key: &str) -> bool {
        let key = self.key(key);
        match &*self.inner {
            Backend::Memory(m) => {
                m.entries.invalidate(&key);
                true
            }
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                match tokio::time::timeout(*op_timeout, conn.del::<_, ()>(&key)).await {
                    Ok(Ok(())) => true,
                    Ok(Err(e)) => {
                        tracing::warn!(error.kind = ?e.kind(), "cache delete failed");
                        false
                    }
                    Err(_) => {
                        tracing::warn!("cache delete timed out");
                        false
                    }
                }
            }
        }
    }

    /// Whether the cache answers right now (for diagnostics; readiness ignores it).
    pub async fn is_available(&self) -> bool {
        match &*self.inner {
            Backend::Memory(..) => true,
            Backend::Redis {
                manager,
                op_timeout,
            } => {
                let mut conn = manager.clone();
                matches!(
                    tokio::time::timeout(
                        *op_timeout,
                        redis::cmd("PING").query_async::<String>(&mut conn)
                    )
                    .await,
                    Ok(Ok(_))
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_cache_expires_entries() {
        let cache = Cache::memory("t:");
        cache.set("a", "1", Duration::from_secs(60)).await;
        cache.set("b", "2", Duration::from_millis(0)).await;
        assert_eq!(cache.get("a").await.as_deref(), Some("1"));
        assert_eq!(cache.get("b").await, None);
        assert!(cache.touch("a", Duration::from_secs(60)).await);
        assert!(cache.delete("a").await);
        assert_eq!(cache.get("a").await, None);
        assert!(
            !cache.touch("a", Duration::from_secs(60)).await,
            "touch never recreates"
        );
    }

    #[tokio::test]
    async fn the_memory_cache_refuses_new_keys_beyond_its_limit_and_never_evicts() {
        let cache = Cache::memory_with_capacity("t:", 3);
        for k in ["a", "b", "c"] {
            assert!(cache.set(k, k, Duration::from_secs(60)).await, "{k}");
        }
        assert!(!cache.set("d", "d", Duration::from_secs(60)).await);
        assert_eq!(cache.incr("n", Duration::from_secs(60)).await, None);
        // Existing keys still change; every stored value is still there.
        assert!(cache.set("a", "A", Duration::from_secs(60)).await);
        assert_eq!(cache.get("a").await.as_deref(), Some("A"));
        assert_eq!(cache.get("b").await.as_deref(), Some("b"));
        assert_eq!(cache.get("c").await.as_deref(), Some("c"));
        // Room again after a delete, or once an entry expired (moka sweeps expired
        // entries on a timer wheel whose finest step is about a second).
        assert!(cache.delete("b").await);
        assert!(cache.set("d", "d", Duration::from_millis(30)).await);
        assert_eq!(cache.incr("n", Duration::from_secs(60)).await, None);
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert_eq!(cache.get("d").await, None);
        assert!(cache.set("e", "e", Duration::from_secs(60)).await);
    }

    #[tokio::test]
    async fn memory_counts_restart_with_their_window_and_takes_are_single_use() {
        let cache = Cache::memory("t:");
        for n in 1..=3 {
            assert_eq!(cache.incr("w", Duration::from_millis(80)).await, Some(n));
        }
        tokio::time::sleep(Duration::from_millis(120)).await;
        assert_eq!(cache.incr("w", Duration::from_millis(80)).await, Some(1));

        cache.set("token", "t", Duration::from_secs(60)).await;
        let (a, b) = tokio::join!(cache.take("token"), cache.take("token"));
        assert_eq!(
            u8::from(a.is_some()) + u8::from(b.is_some()),
            1,
            "exactly one take gets it"
        );
        // touch extends a live value's life.
        cache.set("s", "v", Duration::from_millis(50)).await;
        assert!(cache.touch("s", Duration::from_secs(60)).await);
        tokio::time::sleep(Duration::from_millis(80)).await;
        assert_eq!(cache.get("s").await.as_deref(), Some("v"));
    }

    #[tokio::test]
    async fn unreachable_redis_degrades_to_misses() {
        // Port 1 on loopback: nothing listens there.
        let cache = Cache::redis("redis://127.0.0.1:1/", "t:", Duration::from_millis(200))
            .unwrap_or_else(|_| Cache::memory("unused"));
        assert_eq!(cache.backend_name(), "redis");
        cache.set("k", "v", Duration::from_secs(5)).await;
        assert_eq!(cache.get("k").await, None);
        assert!(!cache.is_available().await);
    }

    #[test]
    fn malformed_redis_url_is_refused() {
        assert!(Cache::redis("not a url", "t:", Duration::from_millis(100)).is_err());
    }
}
