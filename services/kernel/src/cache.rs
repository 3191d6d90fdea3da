//! The cache: Redis when configured, an in-process map otherwise.
//!
//! Redis is an accelerator, never the only copy. Every operation has a short deadline;
//! when Redis is slow or down, a read is a miss and a write is dropped, a warning is
//! logged (rate-limited by the connection manager's back-off, never with values), and
//! the caller goes to the database. The connection manager reconnects by itself.
//! Keys carry a configurable prefix so several deployments (or test runs) can share
//! one Redis.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::AsyncCommands;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};

/// Upper bound of entries in the in-process cache before expired entries are swept.
const MEMORY_SWEEP_AT: usize = 10_000;
/// The in-process cache never holds more live entries than this (writes beyond it are
/// dropped), so unauthenticated traffic cannot grow it without bound.
const MEMORY_MAX_ENTRIES: usize = 100_000;

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
    /// Entries, and the most live entries it holds.
    Memory(Mutex<HashMap<String, (String, Instant)>>, usize),
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
            inner: Arc::new(Backend::Memory(Mutex::new(HashMap::new()), max_entries)),
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
            Backend::Memory(map, _) => {
                let map = map.lock().ok()?;
                map.get(&key)
                    .filter(|(_, expires)| *expires > Instant::now())
                    .map(|(v, _)| v.clone())
            }
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
            Backend::Memory(map, max) => {
                let mut map = map.lock().ok()?;
                let now = Instant::now();
                let until = now.checked_add(window).unwrap_or(now);
                if map.len() >= MEMORY_SWEEP_AT.min(*max) {
                    map.retain(|_, (_, expires)| *expires > now);
                }
                if map.len() >= *max && !map.contains_key(&key) {
                    return None;
                }
                let entry = map.entry(key).or_insert_with(|| ("0".to_owned(), until));
                if entry.1 <= now {
                    *entry = ("0".to_owned(), until);
                }
                let n = entry.0.parse::<u64>().unwrap_or(0).saturating_add(1);
                entry.0 = n.to_string();
                Some(n)
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
            Backend::Memory(map, max) => {
                let Ok(mut map) = map.lock() else {
                    return false;
                };
                let now = Instant::now();
                if map.len() >= MEMORY_SWEEP_AT.min(*max) {
                    map.retain(|_, (_, expires)| *expires > now);
                }
                if map.len() >= *max && !map.contains_key(&key) {
                    tracing::warn!("in-process cache full; value dropped");
                    return false;
                }
                let expires = now.checked_add(ttl).unwrap_or(now);
                map.insert(key, (value.to_owned(), expires));
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
            Backend::Memory(map, _) => {
                let mut map = map.lock().ok()?;
                map.remove(&key)
                    .filter(|(_, expires)| *expires > Instant::now())
                    .map(|(v, _)| v)
            }
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
            Backend::Memory(map, _) => map.lock().is_ok_and(|mut map| {
                let now = Instant::now();
                match map.get_mut(&key) {
                    Some((_, expires)) if *expires > now => {
                        *expires = now + ttl;
                        true
                    }
                    _ => false,
                }
            }),
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
            Backend::Memory(map, _) => map.lock().map(|mut map| map.remove(&key)).is_ok(),
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
