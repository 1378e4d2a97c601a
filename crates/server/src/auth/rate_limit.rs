//! Limits password guessing without handing anyone a way to lock others out.
//!
//! Three counts of failed sign-ins, each answering a different attack:
//!
//! - **Per login and address** (the pair): after a few free failures, each further attempt of
//!   the same pair must wait, the wait doubling with every failure up to a ceiling (429 with
//!   `Retry-After`, the password not even checked). This stops guessing at one account from one
//!   place, and touches nobody else: the real user, signing in from another address, is a
//!   different pair.
//! - **Per address**, across logins: a looser limit on failures from one address in a sliding
//!   window, against one place trying a few passwords at many accounts. A login that signed in
//!   successfully from that address lately is exempt, so that users sharing an address with a
//!   guesser (an office, a proxy) keep signing in.
//! - **Per login**, from anywhere: when one account collects many failures from many addresses,
//!   every attempt at it is slowed (held a moment before the password is checked), never
//!   refused: a refusal here is exactly the lockout others could inflict on its owner.
//!
//! Counts live in memory: a restart forgives them, which is an acceptable price for needing no
//! storage; every map is bounded so that made-up logins and addresses cannot exhaust memory.
//! The clock is injected so tests need not sleep.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
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

/// The limits; the operations guide documents each with its setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Failures one login may have from one address before its attempts must wait.
    pub pair_free_failures: u32,
    /// The first wait; every further failure of the pair doubles it.
    pub first_delay: Duration,
    /// The longest wait of a pair.
    pub max_delay: Duration,
    /// Failures allowed from one address, across logins, within `window`.
    pub per_address: usize,
    /// Failures of one login, from anywhere, within `window` after which attempts at it are
    /// slowed by `slow_down`.
    pub per_login: usize,
    pub slow_down: Duration,
    /// How long failures are remembered: the sliding window of the address and login counts,
    /// and how long a pair's count outlives its last wait.
    pub window: Duration,
    /// How long a successful sign-in exempts its login and address from the address limit.
    pub remember_success: Duration,
    /// Most entries each count keeps at once.
    pub max_tracked: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            pair_free_failures: 3,
            first_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(15 * 60),
            per_address: 50,
            per_login: 20,
            slow_down: Duration::from_secs(2),
            window: Duration::from_secs(15 * 60),
            remember_success: Duration::from_secs(30 * 24 * 3600),
            max_tracked: 100_000,
        }
    }
}

impl Limits {
    /// The wait a pair must observe after `failures` failures.
    fn delay(&self, failures: u32) -> Duration {
        match failures.checked_sub(self.pair_free_failures) {
            None => Duration::ZERO,
            Some(doublings) => self
                .first_delay
                .saturating_mul(2_u32.saturating_pow(doublings))
                .min(self.max_delay),
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

/// An attempt that may go ahead, after holding it for `slow_down` (zero unless the login is
/// under attack from many places).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admitted {
    pub slow_down: Duration,
}

type Login = String;
type Pair = (Login, IpAddr);

/// The failures of one pair.
#[derive(Debug, Clone, Copy)]
struct PairFailures {
    count: u32,
    last: Instant,
}

pub struct LoginLimiter {
    limits: Limits,
    clock: Arc<dyn Clock>,
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    pairs: HashMap<Pair, PairFailures>,
    /// The latest failures of each address, at most `per_address` of them.
    addresses: HashMap<IpAddr, VecDeque<Instant>>,
    /// The latest failures of each login, at most `per_login` of them.
    logins: HashMap<Login, VecDeque<Instant>>,
    /// When each pair last signed in successfully.
    successes: HashMap<Pair, Instant>,
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
            counts: Mutex::new(Counts::default()),
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Call before checking the password: `Err` means refuse without checking it.
    pub fn check(&self, login: &str, address: IpAddr) -> Result<Admitted, Throttled> {
        let now = self.clock.now();
        let limits = &self.limits;
        let pair = pair_key(login, address);
        let counts = self.lock();
        let mut waits = Vec::new();
        if let Some(failures) = counts.pairs.get(&pair) {
            let ready = failures.last + limits.delay(failures.count);
            waits.push(ready.saturating_duration_since(now));
        }
        let known = counts
            .successes
            .get(&pair)
            .is_some_and(|at| now.saturating_duration_since(*at) < limits.remember_success);
        if !known {
            waits.extend(full_until(
                counts.addresses.get(&pair.1),
                limits.per_address,
                limits.window,
                now,
            ));
        }
        if let Some(wait) = waits.into_iter().filter(|wait| !wait.is_zero()).max() {
            return Err(Throttled {
                retry_after: wait.max(Duration::from_secs(1)),
            });
        }
        let besieged = full_until(
            counts.logins.get(&pair.0),
            limits.per_login,
            limits.window,
            now,
        )
        .is_some_and(|wait| !wait.is_zero());
        Ok(Admitted {
            slow_down: if besieged {
                limits.slow_down
            } else {
                Duration::ZERO
            },
        })
    }

    /// A wrong password (or an unknown login) for `login` from `address`.
    pub fn record_failure(&self, login: &str, address: IpAddr) {
        let now = self.clock.now();
        let limits = self.limits;
        let (login, address) = pair_key(login, address);
        let mut counts = self.lock();
        let forgotten = |failures: &PairFailures| {
            now >= failures.last + limits.delay(failures.count) + limits.window
        };
        make_room(
            &mut counts.pairs,
            &(login.clone(), address),
            limits.max_tracked,
            |f| (!forgotten(f)).then_some(f.last),
        );
        let failures = counts
            .pairs
            .entry((login.clone(), address))
            .or_insert(PairFailures {
                count: 0,
                last: now,
            });
        if forgotten(failures) {
            failures.count = 0;
        }
        failures.count = failures.count.saturating_add(1);
        failures.last = now;
        push_failure(
            &mut counts.addresses,
            address,
            now,
            limits.per_address,
            &limits,
        );
        push_failure(&mut counts.logins, login, now, limits.per_login, &limits);
    }

    /// A successful sign-in forgives its pair, and exempts it from the address limit for a
    /// while. It does not forgive the address (one good account must not reset the count of
    /// guesses at others) nor the login (others may still be guessing at it elsewhere).
    pub fn record_success(&self, login: &str, address: IpAddr) {
        let now = self.clock.now();
        let limits = self.limits;
        let pair = pair_key(login, address);
        let mut counts = self.lock();
        counts.pairs.remove(&pair);
        make_room(&mut counts.successes, &pair, limits.max_tracked, |at| {
            (now.saturating_duration_since(*at) < limits.remember_success).then_some(*at)
        });
        counts.successes.insert(pair, now);
    }

    fn lock(&self) -> MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How long until a sliding count of `limit` failures in `window` has room again: `None` if
/// it has room now.
fn full_until(
    failures: Option<&VecDeque<Instant>>,
    limit: usize,
    window: Duration,
    now: Instant,
) -> Option<Duration> {
    let failures = failures?;
    // The count keeps only the latest `limit` failures: it is full while the oldest of them
    // is within the window.
    let oldest = failures.front()?;
    (failures.len() >= limit).then(|| (*oldest + window).saturating_duration_since(now))
}

fn push_failure<K: Eq + Hash + Clone>(
    map: &mut HashMap<K, VecDeque<Instant>>,
    key: K,
    now: Instant,
    limit: usize,
    limits: &Limits,
) {
    make_room(map, &key, limits.max_tracked, |failures| {
        failures
            .back()
            .filter(|last| now.saturating_duration_since(**last) < limits.window)
            .copied()
    });
    let failures = map.entry(key).or_default();
    failures.push_back(now);
    while failures.len() > limit.max(1) {
        failures.pop_front();
    }
}

/// Before adding `key` to a full map: drops the entries `live` calls dead (`None`), and if that
/// is not enough, the one whose `live` time is oldest.
fn make_room<K: Eq + Hash + Clone, V>(
    map: &mut HashMap<K, V>,
    key: &K,
    max: usize,
    live: impl Fn(&V) -> Option<Instant>,
) {
    if map.contains_key(key) || map.len() < max {
        return;
    }
    map.retain(|_, value| live(value).is_some());
    if map.len() >= max {
        let oldest = map
            .iter()
            .min_by_key(|(_, value)| live(value))
            .map(|(key, _)| key.clone());
        if let Some(oldest) = oldest {
            map.remove(&oldest);
        }
    }
}

/// Logins compare case-insensitively and are cut to a bounded length (real ones are at most
/// 64 characters), so that huge made-up logins cost little memory. IPv6 clients usually hold a
/// whole /64, so the /64 is what is counted; an IPv4 address written as IPv6 is the IPv4 one.
fn pair_key(login: &str, address: IpAddr) -> Pair {
    let login = login.trim().to_lowercase().chars().take(128).collect();
    let address = match address.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !u128::from(u64::MAX)).into()),
        v4 => v4,
    };
    (login, address)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ATTACKER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 66));
    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const SECOND: Duration = Duration::from_secs(1);
    const MINUTE: Duration = Duration::from_secs(60);
    const NOW: Admitted = Admitted {
        slow_down: Duration::ZERO,
    };

    fn limiter_with(limits: Limits) -> (Arc<ManualClock>, LoginLimiter) {
        let clock = Arc::new(ManualClock::default());
        (clock.clone(), LoginLimiter::new(limits, clock))
    }

    fn limiter() -> (Arc<ManualClock>, LoginLimiter) {
        limiter_with(Limits::default())
    }

    fn address(n: u32) -> IpAddr {
        IpAddr::V4(std::net::Ipv4Addr::from(0x0A00_0000 + n))
    }

    fn throttled(seconds: u64) -> Result<Admitted, Throttled> {
        Err(Throttled {
            retry_after: Duration::from_secs(seconds),
        })
    }

    #[test]
    fn a_pair_waits_longer_after_each_failure_up_to_the_ceiling() {
        let (clock, limiter) = limiter();
        // Three free failures, then 1, 2, 4, … seconds, up to 15 minutes.
        let mut expected_waits = vec![0, 0, 0];
        expected_waits.extend([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
        for (failure, wait) in expected_waits.into_iter().enumerate() {
            if wait > 0 {
                assert_eq!(
                    limiter.check("sato", ATTACKER),
                    throttled(wait),
                    "{failure}"
                );
                clock.advance(Duration::from_secs(wait) - Duration::from_millis(1));
                assert!(
                    limiter.check("sato", ATTACKER).is_err(),
                    "{failure}: not yet"
                );
                clock.advance(Duration::from_millis(1));
            }
            assert_eq!(limiter.check("Sato ", ATTACKER), Ok(NOW), "{failure}");
            limiter.record_failure("sato", ATTACKER);
        }
    }

    #[test]
    fn an_attacker_failing_from_one_address_never_stops_the_user_elsewhere() {
        let (clock, limiter) = limiter();
        // The attacker fails as fast as allowed, waiting out every delay.
        for _ in 0..10 {
            if let Err(throttled) = limiter.check("sato", ATTACKER) {
                assert_eq!(
                    limiter.check("sato", HOME),
                    Ok(NOW),
                    "the user is not touched"
                );
                clock.advance(throttled.retry_after);
            }
            assert_eq!(limiter.check("sato", ATTACKER), Ok(NOW));
            limiter.record_failure("sato", ATTACKER);
            assert_eq!(
                limiter.check("sato", HOME),
                Ok(NOW),
                "the user is not touched"
            );
        }
        assert!(limiter.check("sato", ATTACKER).is_err());
        limiter.record_success("sato", HOME);
        assert!(
            limiter.check("sato", ATTACKER).is_err(),
            "nor does the user's success help the attacker"
        );
    }

    #[test]
    fn a_pair_is_forgiven_by_success_or_after_a_quiet_window() {
        let (clock, limiter) = limiter();
        for _ in 0..4 {
            limiter.record_failure("sato", HOME);
        }
        assert_eq!(limiter.check("sato", HOME), throttled(2));
        limiter.record_success("sato", HOME);
        assert_eq!(limiter.check("sato", HOME), Ok(NOW));

        for _ in 0..4 {
            limiter.record_failure("sato", HOME);
        }
        // The wait (2 s) and then a quiet window: the next failure starts from one again.
        clock.advance(2 * SECOND + 15 * MINUTE);
        limiter.record_failure("sato", HOME);
        assert_eq!(limiter.check("sato", HOME), Ok(NOW), "one failure is free");
    }

    #[test]
    fn one_address_guessing_at_many_logins_is_limited() {
        let (clock, limiter) = limiter();
        for n in 0..50 {
            assert_eq!(limiter.check(&format!("user{n}"), ATTACKER), Ok(NOW));
            limiter.record_failure(&format!("user{n}"), ATTACKER);
        }
        clock.advance(MINUTE);
        let refused = limiter.check("someone-new", ATTACKER);
        assert_eq!(refused, throttled(14 * 60));
        let response =
            ApiError::from(refused.unwrap_err()).to_response(shinrai_domain::text::Lang::En);
        assert_eq!(response.status(), axum::http::StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()["retry-after"], "840");
        assert_eq!(
            limiter.check("someone-new", HOME),
            Ok(NOW),
            "other addresses are free"
        );
        clock.advance(14 * MINUTE);
        assert_eq!(
            limiter.check("someone-new", ATTACKER),
            Ok(NOW),
            "the window has passed"
        );
    }

    #[test]
    fn users_who_signed_in_from_a_busy_address_keep_signing_in_there() {
        let (_, limiter) = limiter();
        limiter.record_success("tanaka", ATTACKER);
        for n in 0..60 {
            limiter.record_failure(&format!("user{n}"), ATTACKER);
        }
        assert!(limiter.check("newcomer", ATTACKER).is_err());
        assert_eq!(limiter.check("Tanaka", ATTACKER), Ok(NOW));
    }

    #[test]
    fn a_login_attacked_from_many_addresses_is_slowed_never_refused() {
        let (clock, limiter) = limiter();
        for n in 0..200 {
            let from = address(n);
            assert!(
                limiter.check("sato", from).is_ok(),
                "{n}: a fresh pair is admitted"
            );
            limiter.record_failure("sato", from);
        }
        let slowed = Admitted {
            slow_down: 2 * SECOND,
        };
        assert_eq!(limiter.check("sato", HOME), Ok(slowed), "admitted, slowly");
        assert_eq!(
            limiter.check("suzuki", HOME),
            Ok(NOW),
            "other logins are not slowed"
        );
        clock.advance(15 * MINUTE);
        assert_eq!(limiter.check("sato", HOME), Ok(NOW), "the attack is over");
    }

    #[test]
    fn ipv6_counts_by_slash_64_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(pair_key("x", a), pair_key("x", b));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(pair_key("x", mapped), pair_key("x", HOME));
        let (_, limiter) = limiter();
        for _ in 0..4 {
            limiter.record_failure("sato", a);
        }
        assert!(limiter.check("sato", b).is_err());
    }

    #[test]
    fn memory_stays_bounded() {
        let limits = Limits {
            max_tracked: 10,
            ..Limits::default()
        };
        let (clock, limiter) = limiter_with(limits);
        for n in 0..100 {
            let login = format!("{n}{}", "x".repeat(1000));
            limiter.record_failure(&login, address(n));
            limiter.record_success(&login, address(n));
            limiter.record_failure(&login, address(n));
            clock.advance(Duration::from_millis(10));
        }
        let counts = limiter.lock();
        assert!(counts.pairs.len() <= 10);
        assert!(counts.addresses.len() <= 10);
        assert!(counts.logins.len() <= 10);
        assert!(counts.successes.len() <= 10);
        assert!(
            counts
                .logins
                .keys()
                .all(|login| login.chars().count() <= 128)
        );
        assert!(
            counts
                .addresses
                .values()
                .chain(counts.logins.values())
                .all(|failures| failures.len() <= 50)
        );
    }
}
