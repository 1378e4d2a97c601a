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
            "環境変数: SHINRAI_HEADER_TIMEOUT_SECS (1 から 3600 までの整数で書いてください)".into()
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
        Some("shinrai.toml: max_body_bytes (must be a whole number from 1 to 1073741824)".into())
    );
    let error = load(Some("adr = \"x\""), &[]).err();
    assert_eq!(
        error.map(|e| e.describe(Lang::Ja)),
        Some("shinrai.toml: adr (知らない設定項目です)".into())
    );
    let error = load(None, &[("SHINRAI_LOG_FORMAT", "xml")]).err();
    assert_eq!(
        error.map(|e| e.describe(Lang::En)),
        Some("environment: SHINRAI_LOG_FORMAT (unknown value \"xml\"; allowed: text, json)".into())
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

#[test]
fn mail_settings_come_together_and_are_checked_where_they_came_from() {
    let file = "smtp_url = \"smtp://user:secret@mail.example.jp:587?tls=required\"\nmail_from = \"registry@example.jp\"";
    let config = load(Some(file), &[]).unwrap();
    let mail = config.mail.clone().unwrap();
    assert_eq!(mail.from, "registry@example.jp");
    assert_eq!(
        mail.smtp_url.expose(),
        "smtp://user:secret@mail.example.jp:587?tls=required"
    );
    assert!(
        !format!("{config:?}").contains("secret"),
        "the password is shown"
    );
    // The environment wins for each value on its own.
    let config = load(Some(file), &[("SHINRAI_MAIL_FROM", "ops@example.jp")]).unwrap();
    assert_eq!(config.mail.unwrap().from, "ops@example.jp");

    let alone = load(None, &[("SHINRAI_SMTP_URL", "smtp://localhost:25")]).err();
    assert_eq!(
        alone.map(|e| e.describe(Lang::En)),
        Some("environment: SHINRAI_SMTP_URL (needs mail_from, the address notifications are sent from)".into())
    );
    let alone = load(Some("mail_from = \"a@example.jp\""), &[]).err();
    assert!(alone.is_some_and(|e| e.describe(Lang::Ja).starts_with("shinrai.toml: mail_from")));
    let wrong = load(
        Some("smtp_url = \"http://user:secret@host\"\nmail_from = \"a@example.jp\""),
        &[],
    )
    .err()
    .map(|e| e.describe(Lang::En))
    .unwrap();
    assert!(
        wrong.starts_with("shinrai.toml: smtp_url (not an SMTP URL"),
        "{wrong}"
    );
    assert!(!wrong.contains("secret"), "{wrong}");
    let sender = load(
        None,
        &[
            ("SHINRAI_SMTP_URL", "smtp://localhost:25"),
            ("SHINRAI_MAIL_FROM", "nobody"),
        ],
    )
    .err()
    .map(|e| e.describe(Lang::En))
    .unwrap();
    assert!(
        sender.starts_with("environment: SHINRAI_MAIL_FROM"),
        "{sender}"
    );
}

/// A directory of its own under the system's temporary one, for files the settings name.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shinrai-config-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_holidays_file_is_read_with_the_settings_and_a_bad_one_is_named_by_file_and_line() {
    let dir = scratch_dir("holidays");
    let list = dir.join("syukujitsu.csv");
    let settings = dir.join("shinrai.toml");
    std::fs::write(
        &settings,
        format!("holidays_file = {:?}\n", list.display().to_string()),
    )
    .unwrap();

    std::fs::write(
        &list,
        "国民の祝日・休日月日,国民の祝日・休日名称\r\n2028/1/1,元日\r\n2028/1/10,成人の日\r\n",
    )
    .unwrap();
    let config = Config::load(Some(&settings)).unwrap();
    assert_eq!(config.holidays_file.as_deref(), Some(list.as_path()));
    let holidays = config.holidays.clone().unwrap();
    assert_eq!((holidays.first_year(), holidays.last_year()), (2028, 2028));
    let calendar = shinrai_domain::calendar::BusinessCalendar::new(holidays);
    assert_eq!(calendar.source().published_through_year, 2028);

    std::fs::write(
        &list,
        "国民の祝日・休日月日,国民の祝日・休日名称\n2028/1/1,元日\n2028/13/1,成人の日\n",
    )
    .unwrap();
    let error = Config::load(Some(&settings)).unwrap_err();
    let (en, ja) = (error.describe(Lang::En), error.describe(Lang::Ja));
    let file = list.display().to_string();
    assert!(
        en.starts_with(&file) && en.contains("holidays_file") && en.contains("line 3"),
        "{en}"
    );
    assert!(ja.starts_with(&file) && ja.contains("3 行目"), "{ja}");

    std::fs::remove_file(&list).unwrap();
    let error = Config::load(Some(&settings)).unwrap_err();
    assert!(
        error.describe(Lang::Ja).contains("ファイルを読めません"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
