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

use values::{Raw, boolean, count, integer, ranges, seconds, size, small, string};

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

/// Every setting: its file key; the environment variable is `SHINRAI_` + the key in capitals.
const KEYS: [&str; 32] = [
    "addr",
    "data_dir",
    "db",
    "secure_cookies",
    "session_hours",
    "max_body_bytes",
    "checkpoint_every",
    "log_format",
    "trusted_proxies",
    "forwarded_header",
    "sign_in_free_failures",
    "sign_in_max_delay_seconds",
    "sign_in_address_failures",
    "sign_in_login_failures",
    "sign_in_slow_down_ms",
    "sign_in_window_minutes",
    "token_days",
    "token_max_days",
    "public_url",
    "hsts_max_age_seconds",
    "metrics_token",
    "metrics_public",
    "max_connections",
    "header_timeout_secs",
    "body_timeout_secs",
    "idle_timeout_secs",
    "max_uri_bytes",
    "max_header_bytes",
    "decide_per_minute",
    "decide_burst",
    "decide_queue",
    "lifecycle_at",
];

impl Config {
    /// Reads the file (the one given, else `SHINRAI_CONFIG`, else none) and the process
    /// environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let env = |name: &str| std::env::var(name).ok();
        let file = file.map(Path::to_path_buf).or_else(|| {
            env("SHINRAI_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        let text =
            match &file {
                Some(path) => Some(std::fs::read_to_string(path).map_err(|error| {
                    ConfigError::Unreadable {
                        file: path.clone(),
                        reason: error.to_string(),
                    }
                })?),
                None => None,
            };
        let file = file.as_deref().zip(text.as_deref());
        Config::from_sources(file, &env)
    }

    /// The settings from a file's text (with its path, to name it in errors) and an
    /// environment lookup; pure, for tests.
    pub fn from_sources(
        file: Option<(&Path, &str)>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        // Where the token lifetimes were last set, to name it if they disagree.
        let mut lifetimes_from = None;
        if let Some((path, text)) = file {
            let table: toml::Table = toml::from_str(text).map_err(|error| ConfigError::Syntax {
                file: path.to_path_buf(),
                reason: error.message().to_owned(),
            })?;
            for (key, value) in table {
                if !KEYS.contains(&key.as_str()) {
                    return Err(ConfigError::UnknownKey {
                        file: path.to_path_buf(),
                        key,
                    });
                }
                let origin = Origin::File(path.to_path_buf());
                config.set(&key, Raw::Toml(value), &origin, &key)?;
                if key.starts_with("token_") {
                    lifetimes_from = Some((origin, key));
                }
            }
        }
        for key in KEYS {
            let name = format!("SHINRAI_{}", key.to_ascii_uppercase());
            // An empty variable counts as unset, as shells make it easy to set one by mistake.
            if let Some(value) = env(&name).filter(|value| !value.is_empty()) {
                config.set(key, Raw::Env(value), &Origin::Environment, &name)?;
                if key.starts_with("token_") {
                    lifetimes_from = Some((Origin::Environment, name));
                }
            }
        }
        if config.token_days > config.token_max_days {
            let (origin, key) =
                lifetimes_from.unwrap_or((Origin::Environment, "SHINRAI_TOKEN_DAYS".to_owned()));
            let max = config.token_max_days;
            return Err(ConfigError::Invalid {
                origin,
                key,
                reason: Bilingual::new(
                    format!("token_days は token_max_days ({max}) 以下にしてください"),
                    format!("token_days must not be more than token_max_days ({max})"),
                ),
            });
        }
        Ok(config)
    }

    fn set(&mut self, key: &str, raw: Raw, origin: &Origin, name: &str) -> Result<(), ConfigError> {
        let invalid = |reason: Bilingual| ConfigError::Invalid {
            origin: origin.clone(),
            key: name.to_owned(),
            reason,
        };
        match key {
            "addr" => {
                let text = string(raw).map_err(invalid)?;
                self.addr = text.parse().map_err(|_| {
                    invalid(Bilingual::new(
                        format!(
                            "「{text}」は 127.0.0.1:8080 のような アドレス:ポート ではありません"
                        ),
                        format!("\"{text}\" is not an address:port such as 127.0.0.1:8080"),
                    ))
                })?;
            }
            "data_dir" => self.data_dir = PathBuf::from(string(raw).map_err(invalid)?),
            "db" => self.db = Some(Secret(string(raw).map_err(invalid)?)),
            "secure_cookies" => self.secure_cookies = boolean(raw).map_err(invalid)?,
            "session_hours" => {
                let hours = integer(raw, 1, 24 * 366).map_err(invalid)?;
                self.session_lifetime = Duration::from_secs(hours * 3600);
            }
            "max_body_bytes" => {
                let bytes = integer(raw, 1, 1 << 30).map_err(invalid)?;
                self.max_body_bytes = size(bytes).map_err(invalid)?;
            }
            "checkpoint_every" => {
                self.checkpoint_every = integer(raw, 1, 1_000_000).map_err(invalid)?;
            }
            "trusted_proxies" => {
                self.trusted_proxies.ranges = ranges(raw).map_err(invalid)?;
            }
            "forwarded_header" => {
                let text = string(raw).map_err(invalid)?;
                self.trusted_proxies.header = match text.to_ascii_lowercase().as_str() {
                    "x-forwarded-for" => ForwardedHeader::XForwardedFor,
                    "forwarded" => ForwardedHeader::Forwarded,
                    _ => {
                        return Err(invalid(Bilingual::new(
                            format!("「{text}」は使えません。使える値: x-forwarded-for, forwarded"),
                            format!(
                                "unknown value \"{text}\"; allowed: x-forwarded-for, forwarded"
                            ),
                        )));
                    }
                };
            }
            "sign_in_free_failures" => {
                self.sign_in.pair_free_failures = small(integer(raw, 1, 100)).map_err(invalid)?;
            }
            "sign_in_max_delay_seconds" => {
                let seconds = integer(raw, 1, 24 * 3600).map_err(invalid)?;
                self.sign_in.max_delay = Duration::from_secs(seconds);
            }
            "sign_in_address_failures" => {
                self.sign_in.per_address = count(integer(raw, 1, 100_000)).map_err(invalid)?;
            }
            "sign_in_login_failures" => {
                self.sign_in.per_login = count(integer(raw, 1, 100_000)).map_err(invalid)?;
            }
            "sign_in_slow_down_ms" => {
                let millis = integer(raw, 0, 60_000).map_err(invalid)?;
                self.sign_in.slow_down = Duration::from_millis(millis);
            }
            "sign_in_window_minutes" => {
                let minutes = integer(raw, 1, 24 * 60).map_err(invalid)?;
                self.sign_in.window = Duration::from_secs(minutes * 60);
            }
            "token_days" => self.token_days = integer(raw, 1, 3650).map_err(invalid)?,
            "token_max_days" => self.token_max_days = integer(raw, 1, 3650).map_err(invalid)?,
            "log_format" => {
                let text = string(raw).map_err(invalid)?;
                self.log_format = match text.as_str() {
                    "text" => LogFormat::Text,
                    "json" => LogFormat::Json,
                    _ => {
                        return Err(invalid(Bilingual::new(
                            format!("「{text}」は使えません。使える値: text, json"),
                            format!("unknown value \"{text}\"; allowed: text, json"),
                        )));
                    }
                };
            }
            "public_url" => {
                self.public_url =
                    Some(PublicUrl::parse(&string(raw).map_err(invalid)?).map_err(invalid)?);
            }
            "hsts_max_age_seconds" => {
                // Up to two years; 0 tells browsers to forget an earlier policy.
                self.hsts_max_age_seconds =
                    integer(raw, 0, 2 * 365 * 24 * 3600).map_err(invalid)?;
            }
            "metrics_token" => {
                let token = string(raw).map_err(invalid)?;
                if token.chars().count() < MIN_METRICS_TOKEN_CHARS
                    || !token.bytes().all(|b| b.is_ascii_graphic())
                {
                    return Err(invalid(Bilingual::new(
                        format!(
                            "空白を含まない {MIN_METRICS_TOKEN_CHARS} 文字以上の ASCII 文字列にしてください（例: openssl rand -hex 32）"
                        ),
                        format!(
                            "must be at least {MIN_METRICS_TOKEN_CHARS} printable ASCII characters without spaces (e.g. openssl rand -hex 32)"
                        ),
                    )));
                }
                self.metrics_token = Some(Secret(token));
            }
            "metrics_public" => self.metrics_public = boolean(raw).map_err(invalid)?,
            "max_connections" => {
                self.connections.max_connections =
                    size(integer(raw, 1, 1_000_000).map_err(invalid)?).map_err(invalid)?;
            }
            "header_timeout_secs" => {
                self.connections.header_timeout = seconds(raw).map_err(invalid)?;
            }
            "body_timeout_secs" => self.connections.body_timeout = seconds(raw).map_err(invalid)?,
            "idle_timeout_secs" => self.connections.idle_timeout = seconds(raw).map_err(invalid)?,
            "max_uri_bytes" => {
                // The HTTP layer itself refuses URIs over 64 KiB; the limit must stay below it.
                self.connections.max_uri_bytes =
                    size(integer(raw, 256, 32 * 1024).map_err(invalid)?).map_err(invalid)?;
            }
            "max_header_bytes" => {
                self.connections.max_header_bytes =
                    size(integer(raw, 1024, 1024 * 1024).map_err(invalid)?).map_err(invalid)?;
            }
            "decide_per_minute" => {
                self.decide.per_minute = small(integer(raw, 1, 1_000_000)).map_err(invalid)?;
            }
            "decide_burst" => {
                self.decide.burst = small(integer(raw, 1, 1_000_000)).map_err(invalid)?;
            }
            "decide_queue" => {
                self.decide.queue =
                    size(integer(raw, 1, 100_000).map_err(invalid)?).map_err(invalid)?;
            }
            "lifecycle_at" => {
                let text = string(raw).map_err(invalid)?;
                self.lifecycle_at = if text.eq_ignore_ascii_case("off") {
                    None
                } else {
                    Some(DailyTime::parse(text.trim()).map_err(invalid)?)
                };
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    fn load(file: Option<&str>, vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        Config::from_sources(
            file.map(|text| (Path::new("shinrai.toml"), text)),
            &env(vars),
        )
    }

    #[test]
    fn defaults_without_file_or_environment() {
        assert_eq!(load(None, &[]), Ok(Config::default()));
        let config = Config::default();
        assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(config.max_body_bytes, 1_048_576);
        assert_eq!(config.checkpoint_every, 100);
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let file = r#"
            addr = "0.0.0.0:9000"
            data_dir = "/var/lib/shinrai"
            secure_cookies = true
            session_hours = 8
            max_body_bytes = 2048
            log_format = "json"
        "#;
        let config = load(
            Some(file),
            &[
                ("SHINRAI_ADDR", "127.0.0.1:7000"),
                ("SHINRAI_SECURE_COOKIES", "false"),
                ("SHINRAI_CHECKPOINT_EVERY", "7"),
                ("SHINRAI_DB", ""),
            ],
        );
        let Ok(config) = config else {
            panic!("{config:?}");
        };
        assert_eq!(config.addr.to_string(), "127.0.0.1:7000");
        assert_eq!(config.data_dir, PathBuf::from("/var/lib/shinrai"));
        assert!(!config.secure_cookies);
        assert_eq!(config.session_lifetime, Duration::from_secs(8 * 3600));
        assert_eq!(config.max_body_bytes, 2048);
        assert_eq!(config.checkpoint_every, 7);
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(config.db, None);
    }

    #[test]
    fn connection_and_decide_limits() {
        let defaults = Config::default();
        assert_eq!(defaults.connections.max_connections, 1024);
        assert_eq!(defaults.connections.header_timeout, Duration::from_secs(10));
        assert_eq!(defaults.connections.body_timeout, Duration::from_secs(60));
        assert_eq!(defaults.connections.idle_timeout, Duration::from_secs(60));
        assert_eq!(defaults.connections.max_uri_bytes, 8192);
        assert_eq!(defaults.connections.max_header_bytes, 16384);
        assert_eq!(
            defaults.decide,
            DecideLimits {
                per_minute: 60,
                burst: 30,
                queue: 64
            }
        );
        let file = r#"
            max_connections = 50
            header_timeout_secs = 5
            body_timeout_secs = 20
            idle_timeout_secs = 30
            max_uri_bytes = 4096
            max_header_bytes = 8192
            decide_per_minute = 10
            decide_burst = 5
        "#;
        let config = load(
            Some(file),
            &[
                ("SHINRAI_DECIDE_QUEUE", "8"),
                ("SHINRAI_IDLE_TIMEOUT_SECS", "15"),
            ],
        );
        let Ok(config) = config else {
            panic!("{config:?}");
        };
        let limits = config.connections;
        assert_eq!(limits.max_connections, 50);
        assert_eq!(limits.header_timeout, Duration::from_secs(5));
        assert_eq!(limits.body_timeout, Duration::from_secs(20));
        assert_eq!(limits.idle_timeout, Duration::from_secs(15));
        assert_eq!(
            (limits.max_uri_bytes, limits.max_header_bytes),
            (4096, 8192)
        );
        assert_eq!(
            config.decide,
            DecideLimits {
                per_minute: 10,
                burst: 5,
                queue: 8
            }
        );
        let error = load(None, &[("SHINRAI_HEADER_TIMEOUT_SECS", "0")]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::Ja)),
            Some(
                "環境変数: SHINRAI_HEADER_TIMEOUT_SECS (1 から 3600 までの整数で書いてください)"
                    .into()
            )
        );
        let error = load(Some("max_uri_bytes = 100000"), &[]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::En)),
            Some("shinrai.toml: max_uri_bytes (must be a whole number from 256 to 32768)".into())
        );
    }

    #[test]
    fn the_database_url_never_shows_in_debug() {
        let config = load(Some(r#"db = "postgres://shinrai:hunter2@db/shinrai""#), &[]);
        let Ok(config) = config else {
            panic!("{config:?}");
        };
        assert!(!format!("{config:?}").contains("hunter2"));
        assert_eq!(
            config.db.as_ref().map(Secret::expose),
            Some("postgres://shinrai:hunter2@db/shinrai")
        );
    }

    #[test]
    fn errors_name_the_file_and_the_key() {
        let error = load(Some("max_body_bytes = \"big\""), &[]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::En)),
            Some(
                "shinrai.toml: max_body_bytes (must be a whole number from 1 to 1073741824)".into()
            )
        );
        let error = load(Some("adr = \"x\""), &[]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::Ja)),
            Some("shinrai.toml: adr (知らない設定項目です)".into())
        );
        let error = load(None, &[("SHINRAI_LOG_FORMAT", "xml")]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::En)),
            Some(
                "environment: SHINRAI_LOG_FORMAT (unknown value \"xml\"; allowed: text, json)"
                    .into()
            )
        );
        let error = load(None, &[("SHINRAI_ADDR", "localhost")]).err();
        assert_eq!(
            error.map(|e| e.to_string()),
            Some("environment: SHINRAI_ADDR (\"localhost\" is not an address:port such as 127.0.0.1:8080)".into())
        );
        let error = load(Some("secure_cookies = 1"), &[]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::Ja)),
            Some("shinrai.toml: secure_cookies (true か false で書いてください)".into())
        );
        let error = load(None, &[("SHINRAI_SESSION_HOURS", "0")]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::En).contains("SHINRAI_SESSION_HOURS")));
    }

    #[test]
    fn proxies_sign_in_limits_and_token_lifetimes_are_read() {
        let file = r#"
            trusted_proxies = ["10.0.0.0/8", "2001:db8::1"]
            forwarded_header = "forwarded"
            sign_in_free_failures = 5
            sign_in_max_delay_seconds = 60
            sign_in_address_failures = 200
            sign_in_login_failures = 40
            sign_in_slow_down_ms = 0
            sign_in_window_minutes = 30
            token_days = 30
            token_max_days = 90
        "#;
        let config = load(Some(file), &[("SHINRAI_TOKEN_MAX_DAYS", "60")]);
        let Ok(config) = config else {
            panic!("{config:?}");
        };
        let ranges: Vec<String> = config
            .trusted_proxies
            .ranges
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(ranges, ["10.0.0.0/8", "2001:db8::1/128"]);
        assert_eq!(config.trusted_proxies.header, ForwardedHeader::Forwarded);
        assert_eq!(config.sign_in.pair_free_failures, 5);
        assert_eq!(config.sign_in.max_delay, Duration::from_secs(60));
        assert_eq!(config.sign_in.per_address, 200);
        assert_eq!(config.sign_in.per_login, 40);
        assert_eq!(config.sign_in.slow_down, Duration::ZERO);
        assert_eq!(config.sign_in.window, Duration::from_secs(30 * 60));
        assert_eq!((config.token_days, config.token_max_days), (30, 60));

        let from_env = load(None, &[("SHINRAI_TRUSTED_PROXIES", " 192.0.2.0/24 , ::1 ")]);
        assert_eq!(
            from_env.map(|c| c.trusted_proxies.ranges.len()),
            Ok(2),
            "comma-separated in the environment"
        );
        let defaults = Config::default();
        assert!(defaults.trusted_proxies.ranges.is_empty());
        assert_eq!(
            defaults.trusted_proxies.header,
            ForwardedHeader::XForwardedFor
        );
        assert_eq!((defaults.token_days, defaults.token_max_days), (90, 365));
        assert_eq!(defaults.sign_in, Limits::default());
    }

    #[test]
    fn bad_proxies_and_lifetimes_are_refused_with_their_reason() {
        let error = load(Some(r#"trusted_proxies = ["10.0.0.0/33"]"#), &[]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::En)),
            Some("shinrai.toml: trusted_proxies (\"33\" is not a prefix length for this kind of address: write a range such as 10.0.0.0/8 or 2001:db8::/32)".into())
        );
        let error = load(None, &[("SHINRAI_TRUSTED_PROXIES", "proxy.internal")]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::Ja).contains("「proxy.internal」")));
        let error = load(Some("trusted_proxies = [1]"), &[]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::En).contains("array of address range")));
        let error = load(None, &[("SHINRAI_FORWARDED_HEADER", "x-real-ip")]).err();
        assert!(error.is_some_and(|e| {
            e.describe(Lang::En)
                .contains("allowed: x-forwarded-for, forwarded")
        }));
        let error = load(Some("token_days = 400"), &[]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::En)),
            Some(
                "shinrai.toml: token_days (token_days must not be more than token_max_days (365))"
                    .into()
            )
        );
        let error = load(None, &[("SHINRAI_TOKEN_MAX_DAYS", "30")]).err();
        assert_eq!(
            error.map(|e| e.describe(Lang::Ja)),
            Some("環境変数: SHINRAI_TOKEN_MAX_DAYS (token_days は token_max_days (30) 以下にしてください)".into())
        );
        let error = load(None, &[("SHINRAI_SIGN_IN_FREE_FAILURES", "0")]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::En).contains("from 1 to 100")));
    }

    #[test]
    fn public_url_hsts_and_metrics_settings() {
        let config = Config::default();
        assert_eq!(config.public_base_url(), "http://127.0.0.1:8080");
        assert_eq!(config.hsts_max_age_seconds, 31_536_000);
        assert_eq!(config.metrics_token, None);
        assert!(!config.metrics_public);

        let token = "0123456789abcdef0123456789abcdef";
        let file = format!(
            "public_url = \"https://shinrai.example.jp/\"\nhsts_max_age_seconds = 600\nmetrics_token = \"{token}\"\nmetrics_public = true\n"
        );
        let Ok(config) = load(Some(&file), &[]) else {
            panic!("{file}");
        };
        assert_eq!(config.public_base_url(), "https://shinrai.example.jp");
        assert_eq!(config.hsts_max_age_seconds, 600);
        assert_eq!(
            config.metrics_token.as_ref().map(Secret::expose),
            Some(token)
        );
        assert!(!format!("{config:?}").contains(token));
        assert!(config.metrics_public);

        let config = load(
            None,
            &[
                ("SHINRAI_PUBLIC_URL", "http://[::1]:9000"),
                ("SHINRAI_ADDR", "[::1]:9000"),
            ],
        );
        assert_eq!(
            config.map(|c| c.public_base_url()),
            Ok("http://[::1]:9000".to_owned())
        );
        let config = load(None, &[("SHINRAI_ADDR", "[::1]:9000")]);
        assert_eq!(
            config.map(|c| c.public_base_url()),
            Ok("http://[::1]:9000".to_owned())
        );

        for bad in [
            "shinrai.example.jp",
            "ftp://shinrai.example.jp",
            "https://",
            "https://user@shinrai.example.jp",
            "https://shinrai.example.jp/registry",
            "https://shinrai.example.jp/?a=1",
            "https://shinrai.example.jp/#top",
        ] {
            let error = load(None, &[("SHINRAI_PUBLIC_URL", bad)]).err();
            assert!(
                error.as_ref().is_some_and(|e| e
                    .describe(Lang::En)
                    .starts_with("environment: SHINRAI_PUBLIC_URL (")
                    && e.describe(Lang::Ja).contains("URL ではありません")),
                "{bad}: {error:?}"
            );
        }
        let error = load(Some("metrics_token = \"short\""), &[]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::En).contains("at least 32")));
        let error = load(
            None,
            &[("SHINRAI_METRICS_TOKEN", "0123456789abcdef 0123456789abcdef")],
        )
        .err();
        assert!(error.is_some_and(|e| e.describe(Lang::Ja).contains("32 文字以上")));
        let error = load(None, &[("SHINRAI_HSTS_MAX_AGE_SECONDS", "-1")]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::En).contains("from 0 to 63072000")));
        let error = load(Some("metrics_public = \"yes\""), &[]).err();
        assert!(error.is_some_and(|e| e.describe(Lang::En).contains("true or false")));
    }

    #[test]
    fn a_syntax_error_names_the_file() {
        let error = load(Some("addr = "), &[]).err();
        assert!(error.is_some_and(|e| {
            e.describe(Lang::En)
                .starts_with("shinrai.toml: not valid TOML")
        }));
    }

    #[test]
    fn an_unreadable_file_names_it() {
        let error = Config::load(Some(Path::new("/nonexistent/shinrai.toml"))).err();
        assert!(error.is_some_and(|e| {
            e.to_string()
                .starts_with("/nonexistent/shinrai.toml: cannot read")
        }));
    }
}
