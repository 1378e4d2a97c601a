//! Bad input on every account route: always a 4xx in the error shape, never a 5xx.

use axum::body::Body;
use axum::http::Request;

use crate::support::send;
use crate::world::world;

const JSON_ROUTES: [&str; 4] = [
    "/api/v1/session",
    "/api/v1/organisations",
    "/api/v1/organisations/gov/users",
    "/api/v1/tokens",
];

#[tokio::test]
async fn malformed_bodies_on_account_routes_are_client_errors() {
    let world = world().await;
    let token = world.tokens["operator_admin"].clone();
    let oversized = format!("{{\"name\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("not JSON", b"login=admin".to_vec()),
        ("truncated", b"{\"login\": \"adm".to_vec()),
        ("an array", b"[1, 2]".to_vec()),
        ("wrong types", br#"{"login": 5, "password": [], "id": {}, "kind": 1, "name": 2, "roles": "x", "display_name": null}"#.to_vec()),
        ("missing fields", b"{}".to_vec()),
        ("unknown fields", br#"{"name": "t", "login": "a", "password": "b", "surprise": true}"#.to_vec()),
        ("invalid UTF-8", b"{\"name\": \"\xff\xfe\"}".to_vec()),
        ("oversized", oversized.into_bytes()),
    ];
    for route in JSON_ROUTES {
        for (what, body) in &bodies {
            let answer = send(
                &world.app,
                Request::post(route)
                    .header("content-type", "application/json")
                    .header("authorization", format!("Bearer {token}"))
                    .body(Body::from(body.clone()))
                    .unwrap(),
            )
            .await;
            assert!(
                answer.status.is_client_error(),
                "{what} to {route}: {} {}",
                answer.status,
                String::from_utf8_lossy(&answer.body)
            );
            let code = answer.json()["error"]["code"].as_str().unwrap().to_owned();
            answer.error(&code);
        }
        let wrong_type = send(
            &world.app,
            Request::post(route)
                .header("content-type", "text/plain")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await;
        wrong_type.error("unsupported_media_type");
    }
}

#[tokio::test]
async fn odd_ids_in_paths_are_client_errors() {
    let world = world().await;
    for uri in [
        "/api/v1/organisations/%FF%FE",
        "/api/v1/organisations/..%2F..%2Fetc",
        "/api/v1/users/%00/disable",
        "/api/v1/tokens/%E3%81",
        "/api/v1/log/events?after=-1",
        "/api/v1/log/events?limit=many",
    ] {
        let method = if uri.contains("disable") {
            "POST"
        } else if uri.starts_with("/api/v1/tokens") {
            "DELETE"
        } else {
            "GET"
        };
        let answer = world.call("operator_admin", method, uri, None).await;
        assert!(
            answer.status.is_client_error(),
            "{method} {uri}: {}",
            answer.status
        );
        let code = answer.json()["error"]["code"].as_str().unwrap().to_owned();
        answer.error(&code);
    }
}

#[tokio::test]
async fn a_sequence_past_the_end_is_an_empty_page() {
    let world = world().await;
    for after in ["9223372036854775808", "18446744073709551615"] {
        let uri = format!("/api/v1/log/events?after={after}");
        let answer = world.call("operator_admin", "GET", &uri, None).await;
        assert_eq!(answer.status, 200, "{uri}");
        assert_eq!(answer.json()["events"], serde_json::json!([]), "{uri}");
    }
}
