//! Bad input on every route answers 4xx in the error shape, never 5xx and never a bare text.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::Value;
use shinrai_server::Config;

use crate::support::{Answer, KINDS, app, app_with, examples, get, post_json, read, send};

const GET_ROUTES: [&str; 4] = ["/livez", "/healthz", "/metrics", "/api/openapi.json"];

fn decide_routes() -> Vec<String> {
    KINDS
        .iter()
        .map(|kind| format!("/api/v1/decide/{kind}"))
        .collect()
}

fn assert_client_error(answer: &Answer, what: &str) {
    assert!(
        answer.status.is_client_error(),
        "{what}: {} {}",
        answer.status,
        String::from_utf8_lossy(&answer.body)
    );
}

#[tokio::test]
async fn a_wrong_method_is_405_with_allow() {
    let app = app().await;
    for route in GET_ROUTES {
        for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
            let answer = send(
                &app,
                Request::builder()
                    .method(method.clone())
                    .uri(route)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
            assert_eq!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {route}"
            );
            answer.error("method_not_allowed");
            assert!(
                answer
                    .header("allow")
                    .is_some_and(|allow| allow.contains("GET")),
                "{method} {route}"
            );
        }
    }
    for route in decide_routes() {
        for method in [Method::GET, Method::PUT, Method::DELETE, Method::OPTIONS] {
            let answer = send(
                &app,
                Request::builder()
                    .method(method.clone())
                    .uri(&route)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
            assert_eq!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {route}"
            );
            answer.error("method_not_allowed");
            assert_eq!(answer.header("allow"), Some("POST"), "{method} {route}");
        }
    }
}

#[tokio::test]
async fn unknown_routes_are_404_in_both_languages() {
    let app = app().await;
    // Long, but within the limit on addresses (8 KiB).
    let long = format!("/{}", "a".repeat(8_000));
    for uri in [
        "/api",
        "/api/v1",
        "/api/v1/nothing",
        "/api/v2/decide/sample",
        "/%FF%FE",
        "/api/v1/decide/%FF",
        "/api/v1/decide/%E7%99%BB%E9%8C%B2",
        "/livez/",
        "/../../etc/passwd",
        long.as_str(),
    ] {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{uri}");
        answer.error("not_found");
    }
    let japanese = get(&app, "/nowhere?lang=ja").await.error("not_found");
    assert_eq!(japanese["message"], "お探しのものは見つかりません");
    let by_header = send(
        &app,
        Request::get("/nowhere")
            .header("accept-language", "ja")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(
        by_header.error("not_found")["message"],
        "お探しのものは見つかりません"
    );
}

#[tokio::test]
async fn bodies_that_are_not_json_are_400() {
    let app = app().await;
    let deep = "[".repeat(100_000);
    let bodies: [(&str, Vec<u8>); 8] = [
        ("empty", Vec::new()),
        ("words", b"not json".to_vec()),
        (
            "truncated",
            br#"{"frequency": "daily", "population":"#.to_vec(),
        ),
        (
            "trailing",
            br#"{"frequency":"daily","population":1,"seed":1} x"#.to_vec(),
        ),
        ("invalid UTF-8", b"{\"frequency\": \"\xff\xfe\"}".to_vec()),
        (
            "UTF-16",
            "{}".encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        ("deep", deep.into_bytes()),
        ("single quotes", b"{'frequency': 'daily'}".to_vec()),
    ];
    for route in decide_routes() {
        for (what, body) in &bodies {
            let answer = post_json(&app, &route, body.clone()).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{what} to {route}");
            answer.error("malformed_json");
        }
    }
}

#[tokio::test]
async fn json_that_is_not_a_case_is_422_with_a_pointer() {
    let app = app().await;
    for route in decide_routes() {
        for body in ["null", "[]", "\"case\"", "42", "true", "{}", "{\"\":{}}"] {
            let answer = post_json(&app, &route, body).await;
            assert_eq!(
                answer.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{body} to {route}"
            );
            let error = answer.error("invalid_case");
            assert!(error["pointer"].is_string(), "{error}");
            assert!(error["detail_code"].is_string(), "{error}");
        }
    }
}

#[tokio::test]
async fn the_body_must_be_sent_as_json() {
    let app = app().await;
    let case = r#"{"frequency":"daily","population":1,"seed":1}"#;
    for route in decide_routes() {
        for content_type in [
            None,
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/jsonp"),
            Some("ünïcode"),
        ] {
            let mut request = Request::post(&route);
            if let Some(content_type) = content_type {
                request = request.header("content-type", content_type);
            }
            let answer = send(&app, request.body(Body::from(case)).unwrap()).await;
            assert_eq!(
                answer.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{content_type:?} to {route}"
            );
            let error = answer.error("unsupported_media_type");
            assert_eq!(
                error["messages"]["en"],
                "wrong body type (Content-Type): send application/json"
            );
        }
    }
}

#[tokio::test]
async fn oversized_bodies_are_413_whether_announced_or_streamed() {
    let config = Config {
        max_body_bytes: 1024,
        ..Config::default()
    };
    let app = app_with(config, Default::default()).await;
    let padding = " ".repeat(2048);
    let big = format!(r#"{{"frequency":"daily","population":1,"seed":1}}{padding}"#);
    for route in decide_routes() {
        let announced = post_json(&app, &route, big.clone()).await;
        assert_eq!(announced.status, StatusCode::PAYLOAD_TOO_LARGE, "{route}");
        announced.error("payload_too_large");

        let chunks: Vec<Result<Vec<u8>, std::io::Error>> = big
            .as_bytes()
            .chunks(100)
            .map(|chunk| Ok(chunk.to_vec()))
            .collect();
        let streamed = send(
            &app,
            Request::post(&route)
                .header("content-type", "application/json")
                .body(Body::from_stream(futures::stream::iter(chunks)))
                .unwrap(),
        )
        .await;
        assert_eq!(streamed.status, StatusCode::PAYLOAD_TOO_LARGE, "{route}");
        streamed.error("payload_too_large");
    }
    // Just under the limit is fine.
    let fits = post_json(&app, "/api/v1/decide/sample", big[..1024].to_owned()).await;
    assert_eq!(fits.status, StatusCode::OK);
}

#[tokio::test]
async fn the_default_limit_is_one_mebibyte() {
    let app = app().await;
    let case = r#"{"frequency":"daily","population":1,"seed":1}"#;
    let fits = format!("{case}{}", " ".repeat(1024 * 1024 - case.len()));
    assert_eq!(
        post_json(&app, "/api/v1/decide/sample", fits.clone())
            .await
            .status,
        StatusCode::OK
    );
    let over = format!("{fits} ");
    let answer = post_json(&app, "/api/v1/decide/sample", over).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn odd_queries_and_headers_do_not_matter() {
    let app = app().await;
    for uri in [
        "/livez?lang=xx&lang",
        "/healthz?%%%",
        "/healthz?lang=ja&lang=en",
    ] {
        assert_eq!(get(&app, uri).await.status, StatusCode::OK, "{uri}");
    }
    let answer = send(
        &app,
        Request::get("/nowhere")
            .header("accept-language", "ja;q=abc, en;q=-1, *;q=0.5")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    answer.error("not_found");
}

/// Every leaf of every example case replaced by values of every other type, and every prefix
/// of the case text: the answer is 200, 400 or 422 and never a server error.
#[tokio::test]
async fn mutated_cases_never_cause_a_server_error() {
    let app = app().await;
    let replacements: [Value; 8] = [
        Value::Null,
        Value::from("x"),
        Value::from(-1),
        Value::from(1.5),
        Value::from(u64::MAX),
        Value::from(1e308),
        Value::Array(vec![]),
        serde_json::json!({}),
    ];
    let mut requests = 0;
    for kind in KINDS {
        let route = format!("/api/v1/decide/{kind}");
        for (case, _) in examples(kind) {
            let text = read(&case);
            let original: Value = serde_json::from_str(&text).unwrap();
            for pointer in leaves(&original, String::new()) {
                for replacement in &replacements {
                    let mut mutated = original.clone();
                    *mutated.pointer_mut(&pointer).unwrap() = replacement.clone();
                    let answer = post_json(&app, &route, mutated.to_string()).await;
                    requests += 1;
                    assert!(
                        matches!(answer.status.as_u16(), 200 | 422),
                        "{} with {pointer} = {replacement}: {}",
                        case.display(),
                        answer.status
                    );
                    if answer.status == 422 {
                        answer.error("invalid_case");
                    }
                }
            }
            let step = (text.len() / 40).max(1);
            for end in (0..text.trim_end().len())
                .step_by(step)
                .filter(|end| text.is_char_boundary(*end))
            {
                let answer = post_json(&app, &route, text[..end].to_owned()).await;
                requests += 1;
                assert_client_error(&answer, &format!("{} cut at {end}", case.display()));
            }
        }
    }
    assert!(requests > 500, "{requests}");
}

/// JSON pointers of every scalar and empty container in `value`.
fn leaves(value: &Value, at: String) -> Vec<String> {
    match value {
        Value::Object(map) if !map.is_empty() => map
            .iter()
            .flat_map(|(key, value)| {
                leaves(
                    value,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                )
            })
            .chain(std::iter::once(at.clone()).filter(|at| !at.is_empty()))
            .collect(),
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .enumerate()
            .flat_map(|(index, value)| leaves(value, format!("{at}/{index}")))
            .chain(std::iter::once(at.clone()))
            .collect(),
        _ => vec![at],
    }
}

/// A query whose escapes decode to bytes that are not UTF-8 would be read with replacement
/// characters, as if another query had been sent: it is refused on every route.
#[tokio::test]
async fn a_query_that_is_not_utf8_is_400_in_the_error_shape() {
    let app = app().await;
    for uri in [
        "/api/v1/registry?q=%ED%A0%80",
        "/api/v1/registry?q=ok&sort=%FF",
        "/livez?lang=%FF",
        "/registry?q=%C3%28",
        "/api/v1/log/events?%E7%99",
    ] {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        let error = answer.error("bad_request");
        assert_eq!(
            error["messages"]["en"], "the query string holds bytes that are not UTF-8",
            "{uri}"
        );
    }
    // Escaped UTF-8, and `+` for spaces, are fine.
    let answer = get(&app, "/api/v1/registry?q=%E7%99%BB%E9%8C%B2+x").await;
    assert_eq!(answer.status, StatusCode::OK);
}

/// Limits on the request head apply in process too (over TCP, see `connections`).
#[tokio::test]
async fn over_long_uris_and_headers_are_414_and_431_in_the_error_shape() {
    let app = app().await;
    let answer = get(&app, &format!("/api/v1/registry?q={}", "a".repeat(9000))).await;
    assert_eq!(answer.status, StatusCode::URI_TOO_LONG);
    answer.error("uri_too_long");
    let answer = send(
        &app,
        Request::get("/livez")
            .header("x-padding", "a".repeat(17 * 1024))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    answer.error("headers_too_large");
}
