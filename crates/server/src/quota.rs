//! How often one client address may ask for a decision without signing in: a token bucket per
//! address that holds `burst` requests and refills at `per_minute`. Past it, requests are
//! refused with `too_many_requests` (429) and a `Retry-After` saying when the next one fits.
//!
//! Buckets live in memory (a restart forgives), IPv6 addresses count by their /64 (a client
//! usually holds a whole one), and at most [`MAX_TRACKED`] addresses are remembered, so that a
//! flood from made-up addresses cannot exhaust memory. The clock is injected so tests need not
//! sleep.
//!
//! Whether a caller over the quota is signed in takes a database query; at most
//! [`CREDENTIAL_CHECKS`] such queries run at once, and a caller who finds them all taken is
//! refused as if anonymous.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::auth::rate_limit::Clock;
use crate::config::DecideLimits;
use crate::error::ApiError;

/// Most addresses remembered at once.
pub const MAX_TRACKED: usize = 100_000;

/// Database queries for credentials that decisions may run at once: fewer than the smallest
/// connection pool (8), so that signing in always finds a connection.
pub const CREDENTIAL_CHECKS: usize = 2;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    /// Requests that may be made now (fractions accumulate as time passes).
    tokens: f64,
    /// When `tokens` was last brought up to date.
    at: Instant,
}

pub struct AddressQuota {
    burst: f64,
    /// Tokens added per second.
    rate: f64,
    clock: Arc<dyn Clock>,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
    credential_checks: Semaphore,
}

impl std::fmt::Debug for AddressQuota {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddressQuota")
            .field("burst", &self.burst)
            .field("rate", &self.rate)
            .finish_non_exhaustive()
    }
}

impl AddressQuota {
    pub fn new(limits: DecideLimits, clock: Arc<dyn Clock>) -> AddressQuota {
        AddressQuota {
            burst: f64::from(limits.burst.max(1)),
            rate: f64::from(limits.per_minute.max(1)) / 60.0,
            clock,
            buckets: Mutex::new(HashMap::new()),
            credential_checks: Semaphore::new(CREDENTIAL_CHECKS),
        }
    }

    /// Takes one request from `address`'s bucket, or says how long until one is there.
    pub fn take(&self, address: IpAddr) -> Result<(), ApiError> {
        let now = self.clock.now();
        let key = address_key(address);
        let mut buckets = self.lock();
        if !buckets.contains_key(&key) && buckets.len() >= MAX_TRACKED {
            self.make_room(&mut buckets, now);
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        bucket.tokens = self.refilled(bucket, now);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        let wait = (1.0 - bucket.tokens) / self.rate;
        Err(ApiError::TooManyRequests {
            retry_after: Duration::try_from_secs_f64(wait).unwrap_or(Duration::from_secs(60)),
        })
    }

    /// A turn to check a caller's credentials in the database, to hold while checking; `None`
    /// when all turns are taken (the caller is then refused as anonymous rather than queued:
    /// a queue here would hold connections for as long as a flood lasts).
    pub fn credential_check(&self) -> Option<SemaphorePermit<'_>> {
        self.credential_checks.try_acquire().ok()
    }

    fn refilled(&self, bucket: &Bucket, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
        (bucket.tokens + elapsed * self.rate).min(self.burst)
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<IpAddr, Bucket>> {
        self.buckets.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets the buckets that are full again (as good as new); if that is not enough, the one
    /// untouched longest.
    fn make_room(&self, buckets: &mut HashMap<IpAddr, Bucket>, now: Instant) {
        buckets.retain(|_, bucket| self.refilled(bucket, now) < self.burst);
        if buckets.len() >= MAX_TRACKED {
            let oldest = buckets
                .iter()
                .min_by_key(|(_, bucket)| bucket.at)
                .map(|(key, _)| *key);
            if let Some(key) = oldest {
                buckets.remove(&key);
            }
        }
    }
}

/// IPv6 by its /64, IPv4-mapped IPv6 as IPv4.
fn address_key(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !u128::from(u64::MAX)).into()),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::rate_limit::ManualClock;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));

    fn quota(per_minute: u32, burst: u32) -> (Arc<ManualClock>, AddressQuota) {
        let clock = Arc::new(ManualClock::default());
        let limits = DecideLimits {
            per_minute,
            burst,
            ..DecideLimits::default()
        };
        (clock.clone(), AddressQuota::new(limits, clock))
    }

    fn retry_after(result: Result<(), ApiError>) -> Option<Duration> {
        match result {
            Err(ApiError::TooManyRequests { retry_after }) => Some(retry_after),
            _ => None,
        }
    }

    #[test]
    fn a_burst_then_the_pace_of_the_refill() {
        let (clock, quota) = quota(60, 3);
        for _ in 0..3 {
            assert!(quota.take(HOME).is_ok());
        }
        assert_eq!(retry_after(quota.take(HOME)), Some(Duration::from_secs(1)));
        let other: IpAddr = "198.51.100.7".parse().unwrap();
        assert!(quota.take(other).is_ok(), "each address has its own bucket");
        clock.advance(Duration::from_millis(500));
        assert_eq!(
            retry_after(quota.take(HOME)),
            Some(Duration::from_millis(500))
        );
        clock.advance(Duration::from_millis(500));
        assert!(quota.take(HOME).is_ok());
        assert!(quota.take(HOME).is_err());
        // A long pause fills the bucket, never beyond the burst.
        clock.advance(Duration::from_secs(3600));
        for _ in 0..3 {
            assert!(quota.take(HOME).is_ok());
        }
        assert!(quota.take(HOME).is_err());
    }

    #[test]
    fn ipv6_counts_by_slash_64() {
        let (_, quota) = quota(1, 1);
        assert!(quota.take("2001:db8:1:2::1".parse().unwrap()).is_ok());
        assert!(quota.take("2001:db8:1:2:ffff::9".parse().unwrap()).is_err());
        assert!(quota.take("2001:db8:1:3::1".parse().unwrap()).is_ok());
    }

    #[test]
    fn credential_checks_are_few_at_a_time() {
        let (_, quota) = quota(1, 1);
        let first = quota.credential_check();
        let second = quota.credential_check();
        assert!(first.is_some() && second.is_some());
        assert!(quota.credential_check().is_none());
        drop(first);
        assert!(quota.credential_check().is_some());
    }

    #[test]
    fn memory_stays_bounded() {
        let (clock, quota) = quota(1, 1);
        for n in 0..u32::try_from(MAX_TRACKED + 10).unwrap() {
            let address = IpAddr::V4(std::net::Ipv4Addr::from(0x0a00_0000 + n));
            assert!(quota.take(address).is_ok());
            clock.advance(Duration::from_nanos(1));
        }
        assert!(quota.lock().len() <= MAX_TRACKED);
    }
}
