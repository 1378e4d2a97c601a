//! Reading the settings: the file's keys and the `SHINRAI_*` variables, each checked and
//! applied over the defaults, with a clear error naming the key and where it came from.

use super::values::{Raw, boolean, count, integer, ranges, seconds, size, small, string};
use super::*;

/// Every setting: its file key; the environment variable is `SHINRAI_` + the key in capitals.
const KEYS: [&str; 35] = [
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
    "smtp_url",
    "mail_from",
    "holidays_file",
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
        let mut config = Config::from_sources(file, &env)?;
        if let Some(path) = &config.holidays_file {
            config.holidays = Some(holidays::read(path)?);
        }
        Ok(config)
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
        // The mail settings are read apart: they make sense only together.
        let mut smtp_url: Option<(Origin, String, String)> = None;
        let mut mail_from: Option<(Origin, String, String)> = None;
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
                if let Some(slot) = mail_slot(&key, &mut smtp_url, &mut mail_from) {
                    let text = string(Raw::Toml(value)).map_err(|reason| ConfigError::Invalid {
                        origin: origin.clone(),
                        key: key.clone(),
                        reason,
                    })?;
                    *slot = Some((origin, key, text));
                    continue;
                }
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
                if let Some(slot) = mail_slot(key, &mut smtp_url, &mut mail_from) {
                    *slot = Some((Origin::Environment, name, value));
                    continue;
                }
                config.set(key, Raw::Env(value), &Origin::Environment, &name)?;
                if key.starts_with("token_") {
                    lifetimes_from = Some((Origin::Environment, name));
                }
            }
        }
        config.mail = mail_settings(smtp_url.take(), mail_from.take())?;
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
            "holidays_file" => {
                self.holidays_file = Some(PathBuf::from(string(raw).map_err(invalid)?));
            }
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

type MailValue = Option<(Origin, String, String)>;

/// Where a mail setting's value is kept while the others are read; `None` for other keys.
fn mail_slot<'a>(
    key: &str,
    smtp_url: &'a mut MailValue,
    mail_from: &'a mut MailValue,
) -> Option<&'a mut MailValue> {
    match key {
        "smtp_url" => Some(smtp_url),
        "mail_from" => Some(mail_from),
        _ => None,
    }
}

/// The mail settings, each value checked where it came from: an SMTP URL the mail library
/// reads, and a sender address; either alone is a mistake.
fn mail_settings(
    smtp_url: MailValue,
    mail_from: MailValue,
) -> Result<Option<MailSettings>, ConfigError> {
    let invalid =
        |(origin, key, _): &(Origin, String, String), reason: Bilingual| ConfigError::Invalid {
            origin: origin.clone(),
            key: key.clone(),
            reason,
        };
    match (smtp_url, mail_from) {
        (None, None) => Ok(None),
        (Some(url), None) => Err(invalid(
            &url,
            Bilingual::new(
                "通知の送信元 mail_from も設定してください",
                "needs mail_from, the address notifications are sent from",
            ),
        )),
        (None, Some(from)) => Err(invalid(
            &from,
            Bilingual::new(
                "送信に使う smtp_url も設定してください",
                "needs smtp_url, the SMTP server notifications are sent through",
            ),
        )),
        (Some(url), Some(from)) => {
            if let Err(reason) = crate::notifications::mailer::check_smtp_url(&url.2) {
                return Err(invalid(&url, reason));
            }
            if !shinrai_domain::workflow::notification::is_plausible_address(&from.2) {
                return Err(invalid(
                    &from,
                    Bilingual::new(
                        format!("「{}」はメールアドレスとして読めません", from.2),
                        format!("\"{}\" is not an e-mail address", from.2),
                    ),
                ));
            }
            Ok(Some(MailSettings {
                smtp_url: Secret(url.2),
                from: from.2,
            }))
        }
    }
}
