//! What every handler can reach: the storage, the metrics, the rule data, the settings.

use std::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::SystemTime;

use shinrai_domain::RuleData;
use shinrai_domain::calendar::BusinessCalendar;
use shinrai_store::Store;

use crate::auth::client_ip::TrustedProxies;
use crate::auth::password::Passwords;
use crate::auth::rate_limit::{Clock, LoginLimiter, SystemClock};
use crate::config::{Config, Secret};
use crate::cpu::CpuPool;
use crate::metrics::Metrics;
use crate::quota::AddressQuota;

/// A boxed future, so that [`Storage`] can be used as `dyn Storage`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A storage failure; its text is logged, never shown to clients.
pub type StorageError = Box<dyn Error + Send + Sync>;

/// The readiness probe behind `/healthz`. A trait rather than the store itself so that a test
/// can make it fail on demand; `shinrai_store::Store` implements it in `store.rs`.
pub trait Readiness: Send + Sync + 'static {
    /// Answers `Ok` when the database answers a trivial query.
    fn health(&self) -> BoxFuture<'_, Result<(), StorageError>>;
}

/// Wall-clock time for records (sessions, tokens, log events), injectable so tests can move it.
pub trait WallClock: Send + Sync + 'static {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    fn now_ms(&self) -> i64;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemWallClock;

impl WallClock for SystemWallClock {
    fn now_ms(&self) -> i64 {
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |elapsed| {
                i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
            })
    }
}

/// The settings handlers consult at request time.
#[derive(Debug, Clone)]
pub struct Settings {
    pub secure_cookies: bool,
    pub session_lifetime: std::time::Duration,
    pub max_body_bytes: usize,
    /// Whose forwarding headers name the client (see `auth::client_ip`).
    pub trusted_proxies: TrustedProxies,
    /// Lifetime of a new API token unless asked otherwise, and the longest allowed, in days.
    pub token_days: u64,
    pub token_max_days: u64,
    /// The base of absolute links, without a trailing slash (`Config::public_base_url`).
    pub public_url: String,
    pub hsts_max_age_seconds: u64,
    pub metrics_token: Option<Secret>,
    pub metrics_public: bool,
    pub connections: crate::connections::ConnectionLimits,
}

impl From<&Config> for Settings {
    fn from(config: &Config) -> Self {
        Settings {
            secure_cookies: config.secure_cookies,
            session_lifetime: config.session_lifetime,
            max_body_bytes: config.max_body_bytes,
            trusted_proxies: config.trusted_proxies.clone(),
            token_days: config.token_days,
            token_max_days: config.token_max_days,
            public_url: config.public_base_url(),
            hsts_max_age_seconds: config.hsts_max_age_seconds,
            metrics_token: config.metrics_token.clone(),
            metrics_public: config.metrics_public,
            connections: config.connections,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    /// Everything the service keeps.
    pub store: Arc<Store>,
    /// What `/healthz` asks; the store itself unless a test says otherwise.
    pub readiness: Arc<dyn Readiness>,
    pub wall: Arc<dyn WallClock>,
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
    pub rule_data: Arc<RuleData>,
    pub login_limiter: Arc<LoginLimiter>,
    /// Password hashing at the production cost; tests may put a cheaper one here.
    pub passwords: Arc<Passwords>,
    /// Where decisions and password hashing run, a few at a time.
    pub cpu: CpuPool,
    /// Anonymous decisions per client address.
    pub decide_quota: Arc<AddressQuota>,
    /// Criteria versions read so far, with their search indexes.
    pub criteria: Arc<crate::criteria::CriteriaCache>,
    /// The registry as last read, with its search index.
    pub registry: Arc<crate::registry::RegistryCache>,
    /// Whether notifications go by e-mail, and the mailer's wake-up call.
    pub outbox: Arc<crate::notifications::Outbox>,
    /// The government's business days, which deadlines count.
    pub calendar: Arc<BusinessCalendar>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// The state of a running service: the real clocks and the configured login limits.
    pub fn new(config: &Config, store: Arc<Store>) -> AppState {
        AppState::with_clock(config, store, Arc::new(SystemClock))
    }

    /// As [`AppState::new`], with the clock the login limiter reads (tests pass a manual one).
    pub fn with_clock(config: &Config, store: Arc<Store>, clock: Arc<dyn Clock>) -> AppState {
        AppState {
            readiness: store.clone(),
            store,
            wall: Arc::new(SystemWallClock),
            settings: Arc::new(Settings::from(config)),
            metrics: Arc::new(Metrics::new(SystemTime::now())),
            rule_data: Arc::new(RuleData::default()),
            login_limiter: Arc::new(LoginLimiter::new(config.sign_in, clock.clone())),
            decide_quota: Arc::new(AddressQuota::new(config.decide, clock)),
            passwords: Arc::new(Passwords::default()),
            cpu: CpuPool::per_core(config.decide.queue),
            criteria: Arc::default(),
            registry: Arc::default(),
            calendar: Arc::new(
                config
                    .holidays
                    .clone()
                    .map_or_else(BusinessCalendar::embedded, BusinessCalendar::new),
            ),
            outbox: crate::notifications::Outbox::new(config.mail.as_ref().and_then(|mail| {
                // The settings were checked as they were read; a mailer that still cannot be
                // made leaves the messages in the inboxes, said once in the service's log.
                crate::notifications::mailer::Mailer::new(mail)
                    .map_err(|error| tracing::error!(%error, "notifications stay in the inboxes"))
                    .ok()
            })),
        }
    }
}
