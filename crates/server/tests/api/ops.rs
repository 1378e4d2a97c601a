//! Liveness, readiness, metrics, and what every response carries.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use shinrai_server::Config;

use crate::support::{FakeStorage, app, app_with, get, send};

#[tokio::test]
async fn livez_answers_ok_without_the_database() {
    let storage = Arc::new(FakeStorage::default());
    storage.down.store(true, Ordering::SeqCst);
    let app = app_with(Config::default(), storage).await;
    let answer = get(&app, "/livez").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.text(), "ok");
    assert_eq!(
        answer.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    let head = send(&app, Request::head("/livez").body(Body::empty()).unwrap()).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn healthz_follows_the_database() {
    let storage = Arc::new(FakeStorage::default());
    let app = app_with(Config::default(), storage.clone()).await;
    let answer = get(&app, "/healthz").await;
    assert_eq!(
        (answer.status, answer.text().as_str()),
        (StatusCode::OK, "ok")
    );

    storage.down.store(true, Ordering::SeqCst);
    let answer = get(&app, "/healthz?lang=ja").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    let error = answer.error("unavailable");
    assert_eq!(
        error["message"],
        "データベースが応答しません。しばらくしてからもう一度お試しください"
    );
    assert!(!answer.text().contains("hunter2"), "storage detail leaked");
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_a_request_id() {
    let app = app().await;
    for answer in [
        get(&app, "/livez").await,
        get(&app, "/nowhere").await,
        send(
            &app,
            Request::delete("/metrics").body(Body::empty()).unwrap(),
        )
        .await,
        get(&app, "/api/openapi.json").await,
    ] {
        assert_eq!(
            answer.header("content-security-policy"),
            Some(
                "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
            )
        );
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(answer.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(answer.header("x-frame-options"), Some("DENY"));
        let id = answer.header("x-request-id").expect("request id");
        assert_eq!(id.len(), 16, "{id}");
    }
}

#[tokio::test]
async fn a_sane_request_id_from_a_proxy_is_kept() {
    let app = app().await;
    let kept = send(
        &app,
        Request::get("/livez")
            .header("x-request-id", "edge-42.a_b")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(kept.header("x-request-id"), Some("edge-42.a_b"));
    let replaced = send(
        &app,
        Request::get("/livez")
            .header("x-request-id", "no spaces please")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_ne!(replaced.header("x-request-id"), Some("no spaces please"));
}

/// One sample line of the Prometheus text format: `name{label="value",...} value`.
fn parse_sample(line: &str) -> (String, Vec<(String, String)>, f64) {
    let name_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(line.len());
    let name = &line[..name_end];
    assert!(
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == ':'),
        "bad metric name in {line:?}"
    );
    let mut rest = &line[name_end..];
    let mut labels = Vec::new();
    if let Some(inner) = rest.strip_prefix('{') {
        let mut chars = inner.char_indices();
        let mut key = String::new();
        let mut value = String::new();
        let mut in_value = false;
        let mut end = None;
        while let Some((at, c)) = chars.next() {
            match (in_value, c) {
                (false, '}') => {
                    end = Some(at);
                    break;
                }
                (false, '=') => {
                    assert_eq!(chars.next().map(|(_, c)| c), Some('"'), "{line:?}");
                    in_value = true;
                }
                (false, ',') => {}
                (false, c) => {
                    assert!(c.is_ascii_alphanumeric() || c == '_', "{line:?}");
                    key.push(c);
                }
                (true, '\\') => match chars.next().map(|(_, c)| c) {
                    Some('n') => value.push('\n'),
                    Some(c @ ('\\' | '"')) => value.push(c),
                    other => panic!("bad escape {other:?} in {line:?}"),
                },
                (true, '"') => {
                    labels.push((std::mem::take(&mut key), std::mem::take(&mut value)));
                    in_value = false;
                }
                (true, c) => value.push(c),
            }
        }
        let end = end.unwrap_or_else(|| panic!("unclosed labels in {line:?}"));
        rest = &inner[end + 1..];
    }
    let value = rest
        .strip_prefix(' ')
        .unwrap_or_else(|| panic!("no value in {line:?}"));
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        other => other
            .parse()
            .unwrap_or_else(|_| panic!("bad value in {line:?}")),
    };
    (name.to_owned(), labels, value)
}

#[tokio::test]
async fn metrics_are_valid_prometheus_text_and_count_by_route() {
    let app = app_with(
        Config {
            metrics_public: true,
            ..Config::default()
        },
        Arc::default(),
    )
    .await;
    get(&app, "/livez").await;
    get(&app, "/livez").await;
    get(&app, "/no/such/page/123").await;
    crate::support::post_json(
        &app,
        "/api/v1/decide/sample",
        r#"{"frequency":"daily","population":10,"seed":1}"#,
    )
    .await;
    let answer = get(&app, "/metrics").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.header("content-type"),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    let text = answer.text();
    assert!(text.ends_with('\n'));
    let mut typed = std::collections::BTreeMap::new();
    let mut samples = Vec::new();
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix("# ") {
            let mut words = comment.splitn(3, ' ');
            match (words.next(), words.next(), words.next()) {
                (Some("HELP"), Some(_), Some(help)) => assert!(!help.is_empty()),
                (Some("TYPE"), Some(name), Some(kind)) => {
                    assert!(["counter", "gauge", "histogram"].contains(&kind), "{line}");
                    typed.insert(name.to_owned(), kind.to_owned());
                }
                _ => panic!("bad comment line {line:?}"),
            }
        } else {
            samples.push(parse_sample(line));
        }
    }
    for (name, _, _) in &samples {
        let family = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|suffix| {
                name.strip_suffix(suffix)
                    .filter(|base| typed.get(*base).is_some_and(|k| k == "histogram"))
            })
            .unwrap_or(name);
        assert!(typed.contains_key(family), "{name} has no # TYPE");
    }
    let count = |route: &str, status: &str| {
        samples
            .iter()
            .find(|(name, labels, _)| {
                name == "shinrai_http_requests_total"
                    && labels.contains(&("route".into(), route.into()))
                    && labels.contains(&("status".into(), status.into()))
            })
            .map(|(_, _, value)| *value)
    };
    assert_eq!(count("/livez", "200"), Some(2.0));
    assert_eq!(count("unmatched", "404"), Some(1.0));
    assert_eq!(count("/api/v1/decide/sample", "200"), Some(1.0));
    assert!(
        samples
            .iter()
            .any(|(name, _, value)| name == "process_start_time_seconds" && *value > 1.0e9)
    );
    assert!(
        samples
            .iter()
            .any(|(name, labels, value)| name == "shinrai_build_info"
                && labels[0] == ("version".to_owned(), env!("CARGO_PKG_VERSION").to_owned())
                && *value == 1.0)
    );
    let livez_count = samples.iter().find(|(name, labels, _)| {
        name == "shinrai_http_request_duration_seconds_count"
            && labels.contains(&("route".into(), "/livez".into()))
    });
    let livez_inf = samples.iter().find(|(name, labels, _)| {
        name == "shinrai_http_request_duration_seconds_bucket"
            && labels.contains(&("route".into(), "/livez".into()))
            && labels.contains(&("le".into(), "+Inf".into()))
    });
    assert_eq!(livez_count.map(|s| s.2), Some(2.0));
    assert_eq!(livez_inf.map(|s| s.2), Some(2.0));
}
