//! Limits password guessing: after too many failed sign-ins for one login, or from one client
//! address, further attempts are refused for a while (429 with `Retry-After`) without even
//! checking the password.
//!
//! Failures are counted in a sliding window, in memory: a restart forgives them, which is an
//! acceptable price for needing no storage. The clock is injected so tests need not sleep.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::error::ApiError;

/// Where "now" comes from.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Instant;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

/// A clock that moves only when told to, for tests.
#[derive(Debug)]
pub struct ManualClock {
    start: Instant,
    elapsed: Mutex<Duration>,
}

impl Default for ManualClock {
    fn default() -> Self {
        ManualClock {
            start: Instant::now(),
            elapsed: Mutex::new(Duration::ZERO),
        }
    }
}

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        let mut elapsed = self.elapsed.lock().unwrap_or_else(PoisonError::into_inner);
        *elapsed += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        self.start + *self.elapsed.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Failures allowed per login within `window`.
    pub per_login: usize,
    /// Failures allowed per client address within `window`; higher than `per_login`, as one
    /// office's users may share one address.
    pub per_address: usize,
    pub window: Duration,
    /// Most logins and addresses remembered at once, so that a flood of made-up logins cannot
    /// exhaust memory.
    pub max_tracked: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_login: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
            max_tracked: 100_000,
        }
    }
}

/// Sign-in refused for now; try again after `retry_after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("too many failed sign-ins; retry after {retry_after:?}")]
pub struct Throttled {
    pub retry_after: Duration,
}

impl From<Throttled> for ApiError {
    fn from(throttled: Throttled) -> ApiError {
        ApiError::TooManyRequests {
            retry_after: throttled.retry_after,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Login(String),
    Address(IpAddr),
}

pub struct LoginLimiter {
    limits: Limits,
    clock: Arc<dyn Clock>,
    failures: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

impl std::fmt::Debug for LoginLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginLimiter")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl LoginLimiter {
    pub fn new(limits: Limits, clock: Arc<dyn Clock>) -> LoginLimiter {
        LoginLimiter {
            limits,
            clock,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Call before checking the password: `Err` means refuse without checking it.
    pub fn check(&self, login: &str, address: IpAddr) -> Result<(), Throttled> {
        let now = self.clock.now();
        let mut failures = self.lock();
        let waits = [
            (login_key(login), self.limits.per_login),
            (address_key(address), self.limits.per_address),
        ]
        .into_iter()
        .filter_map(|(key, limit)| {
            let times = failures.get_mut(&key)?;
            self.forget_old(times, now);
            let oldest = times.front().copied()?;
            (times.len() >= limit)
                .then(|| (oldest + self.limits.window).saturating_duration_since(now))
        });
        match waits.max() {
            Some(retry_after) => Err(Throttled {
                retry_after: retry_after.max(Duration::from_secs(1)),
            }),
            None => Ok(()),
        }
    }

    /// A wrong password (or an unknown login) for `login` from `address`.
    pub fn record_failure(&self, login: &str, address: IpAddr) {
        let now = self.clock.now();
        let mut failures = self.lock();
        for key in [login_key(login), address_key(address)] {
            if !failures.contains_key(&key) && failures.len() >= self.limits.max_tracked {
                self.make_room(&mut failures, now);
            }
            let times = failures.entry(key).or_default();
            self.forget_old(times, now);
            times.push_back(now);
        }
    }

    /// A successful sign-in forgives the login's failures, not the address's: one good account
    /// must not reset the count of guesses at others.
    pub fn record_success(&self, login: &str) {
        self.lock().remove(&login_key(login));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, VecDeque<Instant>>> {
        self.failures.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn forget_old(&self, times: &mut VecDeque<Instant>, now: Instant) {
        while times
            .front()
            .is_some_and(|first| now.saturating_duration_since(*first) >= self.limits.window)
        {
            times.pop_front();
        }
    }

    /// Drops what has expired; if that is not enough, the entry idle longest.
    fn make_room(&self, failures: &mut HashMap<Key, VecDeque<Instant>>, now: Instant) {
        failures.retain(|_, times| {
            times
                .back()
                .is_some_and(|last| now.saturating_duration_since(*last) < self.limits.window)
        });
        if failures.len() >= self.limits.max_tracked {
            let idle = failures
                .iter()
                .min_by_key(|(_, times)| times.back().copied())
                .map(|(key, _)| key.clone());
            if let Some(key) = idle {
                failures.remove(&key);
            }
        }
    }
}

/// Logins compare case-insensitively and are cut to a bounded length (real ones are at most
/// 64 characters), so that huge made-up logins cost little memory.
fn login_key(login: &str) -> Key {
    let login = login.trim().to_lowercase();
    Key::Login(login.chars().take(128).collect())
}

/// IPv6 clients usually hold a whole /64, so the /64 is what is counted.
fn address_key(address: IpAddr) -> Key {
    Key::Address(match address.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !u128::from(u64::MAX)).into()),
        v4 => v4,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const MINUTE: Duration = Duration::from_secs(60);

    fn limiter() -> (Arc<ManualClock>, LoginLimiter) {
        let clock = Arc::new(ManualClock::default());
        (clock.clone(), LoginLimiter::new(Limits::default(), clock))
    }

    #[test]
    fn five_failures_lock_the_login_for_the_rest_of_the_window() {
        let (clock, limiter) = limiter();
        for _ in 0..5 {
            assert_eq!(limiter.check("sato", HOME), Ok(()));
            limiter.record_failure("sato", HOME);
            clock.advance(MINUTE);
        }
        // The first failure was 5 minutes ago: 10 minutes to go.
        assert_eq!(
            limiter.check("Sato ", HOME),
            Err(Throttled {
                retry_after: 10 * MINUTE
            })
        );
        let other_address: IpAddr = "198.51.100.7".parse().unwrap();
        assert!(
            limiter.check("sato", other_address).is_err(),
            "per login, wherever from"
        );
        assert_eq!(
            limiter.check("suzuki", HOME),
            Ok(()),
            "the address is not yet limited"
        );
        clock.advance(10 * MINUTE);
        assert_eq!(
            limiter.check("sato", HOME),
            Ok(()),
            "the oldest failure has expired"
        );
    }

    #[test]
    fn one_address_guessing_many_logins_is_limited() {
        let (_, limiter) = limiter();
        for n in 0..20 {
            assert_eq!(limiter.check(&format!("user{n}"), HOME), Ok(()));
            limiter.record_failure(&format!("user{n}"), HOME);
        }
        let throttled = limiter.check("someone-new", HOME);
        assert_eq!(
            throttled,
            Err(Throttled {
                retry_after: 15 * MINUTE
            })
        );
        let response =
            ApiError::from(throttled.unwrap_err()).to_response(shinrai_domain::text::Lang::En);
        assert_eq!(response.status(), axum::http::StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()["retry-after"], "900");
    }

    #[test]
    fn success_forgives_the_login_only() {
        let (_, limiter) = limiter();
        for _ in 0..5 {
            limiter.record_failure("sato", HOME);
        }
        assert!(limiter.check("sato", HOME).is_err());
        limiter.record_success("sato");
        assert_eq!(limiter.check("sato", HOME), Ok(()));
    }

    #[test]
    fn ipv6_counts_by_slash_64_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(address_key(mapped), address_key(HOME));
    }

    #[test]
    fn memory_stays_bounded() {
        let clock = Arc::new(ManualClock::default());
        let limits = Limits {
            max_tracked: 10,
            ..Limits::default()
        };
        let limiter = LoginLimiter::new(limits, clock.clone());
        for n in 0..100 {
            limiter.record_failure(&format!("{n}{}", "x".repeat(1000)), HOME);
            clock.advance(Duration::from_millis(10));
        }
        assert!(limiter.lock().len() <= 10);
        assert!(limiter.lock().keys().all(|key| match key {
            Key::Login(login) => login.chars().count() <= 128,
            Key::Address(_) => true,
        }));
    }
}
