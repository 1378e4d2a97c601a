//! The service's settings: defaults, then an optional TOML file, then `SHINRAI_*` environment
//! variables (the environment wins, so a container can override a packaged file).
//!
//! | file key | environment | default |
//! |---|---|---|
//! | `addr` | `SHINRAI_ADDR` | `127.0.0.1:8080` |
//! | `data_dir` | `SHINRAI_DATA_DIR` | `./shinrai-data` |
//! | `db` | `SHINRAI_DB` | none (SQLite in `data_dir`) |
//! | `secure_cookies` | `SHINRAI_SECURE_COOKIES` | `false` |
//! | `session_hours` | `SHINRAI_SESSION_HOURS` | `12` |
//! | `max_body_bytes` | `SHINRAI_MAX_BODY_BYTES` | `1048576` |
//! | `checkpoint_every` | `SHINRAI_CHECKPOINT_EVERY` | `100` |
//! | `log_format` | `SHINRAI_LOG_FORMAT` | `text` (or `json`) |
//! | `trusted_proxies` | `SHINRAI_TRUSTED_PROXIES` | none (a list of CIDR ranges; comma-separated in the environment) |
//! | `forwarded_header` | `SHINRAI_FORWARDED_HEADER` | `x-forwarded-for` (or `forwarded`) |
//! | `sign_in_free_failures` | `SHINRAI_SIGN_IN_FREE_FAILURES` | `3` |
//! | `sign_in_max_delay_seconds` | `SHINRAI_SIGN_IN_MAX_DELAY_SECONDS` | `900` |
//! | `sign_in_address_failures` | `SHINRAI_SIGN_IN_ADDRESS_FAILURES` | `50` |
//! | `sign_in_login_failures` | `SHINRAI_SIGN_IN_LOGIN_FAILURES` | `20` |
//! | `sign_in_slow_down_ms` | `SHINRAI_SIGN_IN_SLOW_DOWN_MS` | `2000` |
//! | `sign_in_window_minutes` | `SHINRAI_SIGN_IN_WINDOW_MINUTES` | `15` |
//! | `token_days` | `SHINRAI_TOKEN_DAYS` | `90` |
//! | `token_max_days` | `SHINRAI_TOKEN_MAX_DAYS` | `365` |
//! | `public_url` | `SHINRAI_PUBLIC_URL` | `http://` + `addr` |
//! | `hsts_max_age_seconds` | `SHINRAI_HSTS_MAX_AGE_SECONDS` | `31536000` (sent only with `secure_cookies`) |
//! | `metrics_token` | `SHINRAI_METRICS_TOKEN` | none (only operator staff read `/metrics`) |
//! | `metrics_public` | `SHINRAI_METRICS_PUBLIC` | `false` |
//! | `max_connections` | `SHINRAI_MAX_CONNECTIONS` | `1024` |
//! | `header_timeout_secs` | `SHINRAI_HEADER_TIMEOUT_SECS` | `10` |
//! | `body_timeout_secs` | `SHINRAI_BODY_TIMEOUT_SECS` | `60` |
//! | `idle_timeout_secs` | `SHINRAI_IDLE_TIMEOUT_SECS` | `60` |
//! | `max_uri_bytes` | `SHINRAI_MAX_URI_BYTES` | `8192` |
//! | `max_header_bytes` | `SHINRAI_MAX_HEADER_BYTES` | `16384` |
//! | `decide_per_minute` | `SHINRAI_DECIDE_PER_MINUTE` | `60` |
//! | `decide_burst` | `SHINRAI_DECIDE_BURST` | `30` |
//! | `decide_queue` | `SHINRAI_DECIDE_QUEUE` | `64` |
//! | `lifecycle_at` | `SHINRAI_LIFECYCLE_AT` | `03:00` (Japan time; `off` for no schedule) |
//! | `smtp_url` | `SHINRAI_SMTP_URL` | none: notifications stay in the inbox (`smtp://host:25`, `smtp://user:password@host:587?tls=required`, `smtps://host:465`) |
//! | `mail_from` | `SHINRAI_MAIL_FROM` | none (required with `smtp_url`) |
//! | `holidays_file` | `SHINRAI_HOLIDAYS_FILE` | none: the embedded copy of the Cabinet Office's list (2025–2027), the law's rules for other years |
//!
//! The file is the path given to [`Config::load`], else `SHINRAI_CONFIG`, else none.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use shinrai_domain::text::{Bilingual, Lang};

use crate::auth::client_ip::{ForwardedHeader, TrustedProxies};
use crate::auth::rate_limit::Limits;
use crate::connections::ConnectionLimits;
use crate::jobs::schedule::DailyTime;

mod values;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    /// `sqlite://...` or `postgres://...`; may hold a password, hence [`Secret`].
    pub db: Option<Secret>,
    /// Mark cookies `Secure`: on whenever the service is reached over TLS.
    pub secure_cookies: bool,
    pub session_lifetime: Duration,
    pub max_body_bytes: usize,
    /// Sign a checkpoint of the tamper-evident log after this many entries.
    pub checkpoint_every: u64,
    pub log_format: LogFormat,
    /// Reverse proxies whose forwarding header names the client; none by default.
    pub trusted_proxies: TrustedProxies,
    /// How failed sign-ins are limited.
    pub sign_in: Limits,
    /// The lifetime of a new API token unless its request asks for another.
    pub token_days: u64,
    /// The longest lifetime a new API token may have.
    pub token_max_days: u64,
    /// The service's public base URL (`https://shinrai.example.jp`), for absolute links; `None`
    /// means `http://` + `addr`. Never taken from a request's `Host` header, which anyone can
    /// forge.
    pub public_url: Option<PublicUrl>,
    /// `Strict-Transport-Security: max-age=…`, sent whenever `secure_cookies` is on.
    pub hsts_max_age_seconds: u64,
    /// A secret a metrics scraper sends as `Authorization: Bearer …` to read `/metrics`.
    pub metrics_token: Option<Secret>,
    /// `/metrics` for everyone, without a token.
    pub metrics_public: bool,
    /// Timeouts and size limits of connections and request heads.
    pub connections: ConnectionLimits,
    /// How much anonymous decision work one address may ask for, and how much may wait.
    pub decide: DecideLimits,
    /// When the lifecycle job runs each day (besides at start), in Japan; `None` for never.
    pub lifecycle_at: Option<DailyTime>,
    /// Where notifications go by e-mail; `None` keeps them in the inboxes only.
    pub mail: Option<MailSettings>,
    /// The Cabinet Office's list of public holidays (`syukujitsu.csv`), newer than the copy
    /// the service embeds; deadlines count business days by it.
    pub holidays_file: Option<PathBuf>,
    /// The list read from `holidays_file` as the settings were loaded.
    pub holidays: Option<shinrai_domain::calendar::PublishedHolidays>,
}

/// The SMTP server notifications are handed to, and the address they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettings {
    /// `smtp://`, `smtps://`; may hold a password, hence [`Secret`].
    pub smtp_url: Secret,
    pub from: String,
}

/// The bounds on `POST /api/v1/decide/*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecideLimits {
    /// Anonymous requests one address may make per minute, on average.
    pub per_minute: u32,
    /// Anonymous requests one address may make at once before the per-minute pace applies.
    pub burst: u32,
    /// Decisions that may wait for a free core; beyond it, requests are refused with 503.
    pub queue: usize,
}

impl Default for DecideLimits {
    fn default() -> Self {
        DecideLimits {
            per_minute: 60,
            burst: 30,
            queue: 64,
        }
    }
}

/// One year, as browsers' preload lists expect.
pub const DEFAULT_HSTS_MAX_AGE_SECONDS: u64 = 365 * 24 * 3600;
/// The shortest `metrics_token` accepted: long enough not to be guessed.
pub const MIN_METRICS_TOKEN_CHARS: usize = 32;

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./shinrai-data"),
            db: None,
            secure_cookies: false,
            session_lifetime: Duration::from_secs(12 * 3600),
            max_body_bytes: 1024 * 1024,
            checkpoint_every: 100,
            log_format: LogFormat::Text,
            trusted_proxies: TrustedProxies::default(),
            sign_in: Limits::default(),
            token_days: 90,
            token_max_days: 365,
            public_url: None,
            hsts_max_age_seconds: DEFAULT_HSTS_MAX_AGE_SECONDS,
            metrics_token: None,
            metrics_public: false,
            connections: ConnectionLimits::default(),
            decide: DecideLimits::default(),
            lifecycle_at: Some(DailyTime::at(3, 0)),
            mail: None,
            holidays_file: None,
            holidays: None,
        }
    }
}

impl Config {
    /// The base of absolute links: `public_url`, else `http://` + `addr`.
    pub fn public_base_url(&self) -> String {
        self.public_url
            .as_ref()
            .map_or_else(|| format!("http://{}", self.addr), |url| url.0.clone())
    }
}

/// A base URL: `http` or `https`, a host with an optional port, nothing after it (links are
/// made by appending paths that start with `/`). Kept without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    pub fn parse(text: &str) -> Result<PublicUrl, Bilingual> {
        let wrong = |why_ja: &str, why_en: &str| {
            Bilingual::new(
                format!(
                    "「{text}」は https://shinrai.example.jp のような URL ではありません（{why_ja}）"
                ),
                format!("\"{text}\" is not a URL such as https://shinrai.example.jp ({why_en})"),
            )
        };
        let trimmed = text.strip_suffix('/').unwrap_or(text);
        let uri: axum::http::Uri = trimmed
            .parse()
            .map_err(|_| wrong("書式が正しくありません", "malformed"))?;
        let scheme = uri.scheme_str().unwrap_or_default();
        if scheme != "http" && scheme != "https" {
            return Err(wrong(
                "http か https で始めてください",
                "it must start with http:// or https://",
            ));
        }
        let Some(authority) = uri.authority() else {
            return Err(wrong("ホスト名がありません", "it names no host"));
        };
        if authority.host().is_empty() || authority.as_str().contains('@') {
            return Err(wrong(
                "ホスト名だけを書いてください",
                "give a host name only, without user information",
            ));
        }
        if !matches!(uri.path(), "" | "/") || uri.query().is_some() || trimmed.contains('#') {
            return Err(wrong(
                "パス・クエリ・フラグメントは付けられません",
                "it may not have a path, query or fragment",
            ));
        }
        Ok(PublicUrl(format!("{scheme}://{authority}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// One human-readable line per event.
    #[default]
    Text,
    /// One JSON object per event, for log collectors.
    Json,
}

/// A value that must not reach a log: `Debug` shows `[redacted]` and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that needs it (opening the database).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Where a setting came from, to name it in an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Environment,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the file ({reason})", .file.display())]
    Unreadable { file: PathBuf, reason: String },
    #[error("{}: not valid TOML ({reason})", .file.display())]
    Syntax { file: PathBuf, reason: String },
    #[error("{}: {key} (unknown setting)", .file.display())]
    UnknownKey { file: PathBuf, key: String },
    /// `holidays_file` names a file that is not a holiday list; `reason` names the line.
    #[error("{}: holidays_file ({})", .file.display(), .reason.en)]
    Holidays { file: PathBuf, reason: Bilingual },
    #[error("{}", describe_invalid(.origin, .key, .reason, Lang::En))]
    Invalid {
        origin: Origin,
        /// The file key, or the environment variable's name.
        key: String,
        reason: Bilingual,
    },
}

impl ConfigError {
    /// `WHERE: KEY (WHY)` in `lang`, the tail of the command line's `error:` line.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (ConfigError::Unreadable { file, reason }, Lang::Ja) => {
                format!("{}: ファイルを読めません ({reason})", file.display())
            }
            (ConfigError::Syntax { file, reason }, Lang::Ja) => {
                format!("{}: TOML として正しくありません ({reason})", file.display())
            }
            (ConfigError::UnknownKey { file, key }, Lang::Ja) => {
                format!("{}: {key} (知らない設定項目です)", file.display())
            }
            (
                ConfigError::Invalid {
                    origin,
                    key,
                    reason,
                },
                lang,
            ) => describe_invalid(origin, key, reason, lang),
            (ConfigError::Holidays { file, reason }, lang) => {
                format!("{}: holidays_file ({})", file.display(), reason.get(lang))
            }
            (error, _) => error.to_string(),
        }
    }
}

fn describe_invalid(origin: &Origin, key: &str, reason: &Bilingual, lang: Lang) -> String {
    let place = match (origin, lang) {
        (Origin::File(file), _) => file.display().to_string(),
        (Origin::Environment, Lang::Ja) => "環境変数".to_owned(),
        (Origin::Environment, Lang::En) => "environment".to_owned(),
    };
    format!("{place}: {key} ({})", reason.get(lang))
}

mod holidays;
mod load;

#[cfg(test)]
mod tests;
