//! Signing in with a password: cookies, anti-forgery tokens, rate limits; and API tokens.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use shinrai_server::Config;
use shinrai_server::auth::secret;
use shinrai_store::model::{ChangeBy, NewApiToken};

use crate::support::{Answer, send};
use crate::world::{DAY_MS, PASSWORD, World, now_ms, world, world_with};

async fn sign_in(world: &World, login: &str, password: &str) -> Answer {
    sign_in_from(world, login, password, "192.0.2.1", &[]).await
}

/// A sign-in over a connection from `peer`, with extra headers.
async fn sign_in_from(
    world: &World,
    login: &str,
    password: &str,
    peer: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let body = serde_json::json!({"login": login, "password": password}).to_string();
    let mut request = Request::post("/api/v1/session").header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::from(body)).unwrap();
    let peer: SocketAddr = SocketAddr::new(peer.parse().unwrap(), 50_000);
    request.extensions_mut().insert(ConnectInfo(peer));
    send(&world.app, request).await
}

fn retry_after(answer: &Answer) -> u64 {
    answer.error("too_many_requests");
    answer.header("retry-after").unwrap().parse().unwrap()
}

fn cookie_of(answer: &Answer) -> String {
    let set = answer
        .headers
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/"),
        "{set}"
    );
    set.split(';').next().unwrap().to_owned()
}

async fn with_cookie(
    world: &World,
    method: &str,
    uri: &str,
    cookie: &str,
    csrf: Option<&str>,
    body: Option<&str>,
) -> Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookie);
    if let Some(token) = csrf {
        request = request.header("x-csrf-token", token);
    }
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(Body::from(body.to_owned())),
        None => request.body(Body::empty()),
    };
    send(&world.app, request.unwrap()).await
}

#[tokio::test]
async fn a_session_works_until_signed_out_and_needs_its_csrf_token_to_change_anything() {
    let world = world().await;
    let answer = sign_in(&world, "operator-admin", PASSWORD).await;
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let cookie = cookie_of(&answer);
    let body = answer.json();
    assert_eq!(body["user"]["login"], "operator-admin");
    assert_eq!(body["organisation"]["kind"], "operator");
    let csrf = body["csrf_token"].as_str().unwrap().to_owned();

    let me = with_cookie(&world, "GET", "/api/v1/me", &cookie, None, None).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.json()["csrf_token"], csrf.as_str());

    let create = r#"{"name": "from the browser"}"#;
    let forged = with_cookie(
        &world,
        "POST",
        "/api/v1/tokens",
        &cookie,
        None,
        Some(create),
    )
    .await;
    forged.error("csrf_failed");
    let wrong = with_cookie(
        &world,
        "POST",
        "/api/v1/tokens",
        &cookie,
        Some("not-the-token"),
        Some(create),
    )
    .await;
    wrong.error("csrf_failed");
    let right = with_cookie(
        &world,
        "POST",
        "/api/v1/tokens",
        &cookie,
        Some(&csrf),
        Some(create),
    )
    .await;
    assert_eq!(right.status, 201);

    let out = with_cookie(
        &world,
        "DELETE",
        "/api/v1/session",
        &cookie,
        Some(&csrf),
        None,
    )
    .await;
    assert_eq!(out.status, 204);
    assert!(
        out.headers
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let after = with_cookie(&world, "GET", "/api/v1/me", &cookie, None, None).await;
    after.error("sign_in_required");
    let events = world.store.events_after(0, 1000, false).await.unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    assert!(
        actions.contains(&"session.start") && actions.contains(&"session.end"),
        "{actions:?}"
    );
}

#[tokio::test]
async fn wrong_passwords_unknown_logins_and_disabled_users_are_all_the_same_refusal() {
    let world = world().await;
    sign_in(&world, "operator-admin", "not the password at all")
        .await
        .error("invalid_credentials");
    sign_in(&world, "nobody-here", PASSWORD)
        .await
        .error("invalid_credentials");
    world
        .store
        .set_user_disabled(&world.users["procurer"], true, &ChangeBy::system(2_000))
        .await
        .unwrap();
    sign_in(&world, "procurer", PASSWORD)
        .await
        .error("invalid_credentials");
}

#[tokio::test]
async fn repeated_failures_of_one_login_from_one_address_back_off_with_growing_delays() {
    let world = world().await;
    const ATTACKER: &str = "198.51.100.66";
    // Three free failures, then the pair waits 1, 2, 4, 8 … seconds.
    for _ in 0..3 {
        sign_in_from(&world, "auditor", "guess guess guess", ATTACKER, &[])
            .await
            .error("invalid_credentials");
    }
    for wait in [1, 2, 4, 8, 16] {
        let refused = sign_in_from(&world, "auditor", PASSWORD, ATTACKER, &[]).await;
        assert_eq!(retry_after(&refused), wait, "even the right password waits");
        world.clock.advance(Duration::from_secs(wait));
        sign_in_from(&world, "auditor", "guess guess guess", ATTACKER, &[])
            .await
            .error("invalid_credentials");
    }
    assert_eq!(
        retry_after(&sign_in_from(&world, "auditor", PASSWORD, ATTACKER, &[]).await),
        32
    );
    // The same address may still sign in as someone else.
    assert_eq!(
        sign_in_from(&world, "provider", PASSWORD, ATTACKER, &[])
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn an_attacker_failing_from_one_address_never_stops_the_user_signing_in_from_another() {
    let world = world().await;
    for round in 0..20 {
        let attempt = sign_in_from(&world, "auditor", "guess guess", "198.51.100.66", &[]).await;
        if attempt.status == 429 {
            world
                .clock
                .advance(Duration::from_secs(retry_after(&attempt)));
        }
        let user = sign_in_from(&world, "auditor", PASSWORD, "203.0.113.10", &[]).await;
        assert_eq!(user.status, 200, "round {round}: {}", user.text());
    }
    // Nor does an attack on the login from many addresses refuse the user: at most it slows.
    for n in 0..20 {
        sign_in_from(
            &world,
            "procurer",
            "guess guess",
            &format!("198.51.100.{n}"),
            &[],
        )
        .await
        .error("invalid_credentials");
    }
    let started = std::time::Instant::now();
    let user = sign_in_from(&world, "procurer", PASSWORD, "203.0.113.10", &[]).await;
    assert_eq!(user.status, 200);
    assert!(started.elapsed() >= Duration::from_secs(2), "slowed down");
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    const PROXY: &str = "10.0.0.5";
    // Without trusted proxies, every client behind the proxy is the proxy: a forged
    // X-Forwarded-For does not give an attacker fresh addresses.
    let world = world().await;
    for n in 0..3 {
        let forged = format!("203.0.113.{n}");
        sign_in_from(
            &world,
            "auditor",
            "guess",
            PROXY,
            &[("x-forwarded-for", &forged)],
        )
        .await
        .error("invalid_credentials");
    }
    let refused = sign_in_from(
        &world,
        "auditor",
        "guess",
        PROXY,
        &[("x-forwarded-for", "203.0.113.99")],
    )
    .await;
    refused.error("too_many_requests");

    // Behind a trusted proxy, each client counts on its own; what the client itself wrote to
    // the left of the proxy's entry is ignored.
    let config = Config {
        trusted_proxies: shinrai_server::auth::client_ip::TrustedProxies {
            ranges: vec!["10.0.0.0/8".parse().unwrap()],
            ..Default::default()
        },
        ..Config::default()
    };
    let world = world_with(config).await;
    for n in 0..3 {
        let spoofed = format!("192.0.2.{n}, 203.0.113.7");
        sign_in_from(
            &world,
            "auditor",
            "guess",
            PROXY,
            &[("x-forwarded-for", &spoofed)],
        )
        .await
        .error("invalid_credentials");
    }
    let attacker = sign_in_from(
        &world,
        "auditor",
        PASSWORD,
        PROXY,
        &[("x-forwarded-for", "192.0.2.200, 203.0.113.7")],
    )
    .await;
    attacker.error("too_many_requests");
    let user = sign_in_from(
        &world,
        "auditor",
        PASSWORD,
        PROXY,
        &[("x-forwarded-for", "203.0.113.8")],
    )
    .await;
    assert_eq!(user.status, 200, "another client behind the same proxy");
    // The header from a peer that is not a trusted proxy is ignored.
    for n in 0..3 {
        let forged = format!("203.0.113.{}", 100 + n);
        sign_in_from(
            &world,
            "provider",
            "guess",
            "198.51.100.1",
            &[("x-forwarded-for", &forged)],
        )
        .await
        .error("invalid_credentials");
    }
    sign_in_from(
        &world,
        "provider",
        "guess",
        "198.51.100.1",
        &[("x-forwarded-for", "203.0.113.200")],
    )
    .await
    .error("too_many_requests");
}

#[tokio::test]
async fn tokens_authenticate_scripts_until_revoked() {
    let world = world().await;
    let session = world.session("provider").await;
    let created = world
        .call_in(
            &session,
            "POST",
            "/api/v1/tokens",
            Some(r#"{"name": "nightly"}"#),
        )
        .await;
    assert_eq!(created.status, 201);
    let body = created.json();
    let secret = body["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("shinrai_"));
    let listed = world
        .call("provider", "GET", "/api/v1/tokens", None)
        .await
        .json();
    assert!(
        !listed.to_string().contains(&secret),
        "the secret is shown once only"
    );
    let as_script = |secret: String| {
        let world = &world;
        async move {
            send(
                &world.app,
                Request::get("/api/v1/me")
                    .header("authorization", format!("Bearer {secret}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
        }
    };
    let me = as_script(secret.clone()).await;
    assert_eq!(me.json()["via"], "token");
    let id = body["token"]["id"].as_str().unwrap();
    assert_eq!(
        world
            .call("provider", "DELETE", &format!("/api/v1/tokens/{id}"), None)
            .await
            .status,
        204
    );
    as_script(secret).await.error("sign_in_required");
    as_script("shinrai_not-a-real-token".into())
        .await
        .error("sign_in_required");
    as_script("garbage".into()).await.error("sign_in_required");
}

#[tokio::test]
async fn a_token_cannot_mint_tokens() {
    let world = world().await;
    let before = world.store.tokens(&world.users["provider"]).await.unwrap();
    let minted = world
        .call(
            "provider",
            "POST",
            "/api/v1/tokens",
            Some(r#"{"name": "persistence"}"#),
        )
        .await;
    assert_eq!(minted.status, 403);
    let error = minted.error("session_required");
    assert!(
        error["messages"]["en"]
            .as_str()
            .unwrap()
            .contains("API token")
    );
    assert!(
        error["messages"]["ja"]
            .as_str()
            .unwrap()
            .contains("API トークン")
    );
    let ids = |tokens: Vec<shinrai_store::model::ApiToken>| -> Vec<String> {
        tokens.into_iter().map(|token| token.id).collect()
    };
    assert_eq!(
        ids(world.store.tokens(&world.users["provider"]).await.unwrap()),
        ids(before),
        "nothing was made"
    );
}

#[tokio::test]
async fn tokens_expire_after_their_lifetime_and_show_it() {
    let world = world().await;
    let session = world.session("procurer").await;
    let (world_ref, session_ref) = (&world, &session);
    let create = move |body: &'static str| {
        world_ref.call_in(session_ref, "POST", "/api/v1/tokens", Some(body))
    };
    let started = now_ms();
    let default = create(r#"{"name": "default"}"#).await;
    assert_eq!(default.status, 201);
    let expires = default.json()["token"]["expires_at_ms"].as_i64().unwrap();
    assert!(
        (started + 90 * DAY_MS..=now_ms() + 90 * DAY_MS).contains(&expires),
        "90 days by default"
    );
    let week = create(r#"{"name": "a week", "expires_in_days": 7}"#).await;
    let week_expires = week.json()["token"]["expires_at_ms"].as_i64().unwrap();
    assert!((started + 7 * DAY_MS..=now_ms() + 7 * DAY_MS).contains(&week_expires));
    assert_eq!(
        create(r#"{"name": "a year", "expires_in_days": 365}"#)
            .await
            .status,
        201
    );
    for body in [
        r#"{"name": "too long", "expires_in_days": 366}"#,
        r#"{"name": "none", "expires_in_days": 0}"#,
    ] {
        let error = create(body).await.error("invalid_input");
        assert_eq!(error["pointer"], "/expires_in_days", "{body}");
        assert_eq!(error["detail_code"], "out_of_range", "{body}");
        assert!(error["messages"]["en"].as_str().unwrap().contains("365"));
    }
    let error = create(r#"{"name": "negative", "expires_in_days": -1}"#)
        .await
        .error("invalid_input");
    assert_eq!(error["pointer"], "/expires_in_days");
    // The list shows each token's expiry.
    let listed = world
        .call_in(&session, "GET", "/api/v1/tokens", None)
        .await
        .json();
    let expiries: Vec<i64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|token| token["expires_at_ms"].as_i64().unwrap())
        .collect();
    assert!(expiries.contains(&expires) && expiries.contains(&week_expires));

    // An expired token is refused as a revoked one is.
    let issued = secret::new_api_token();
    world
        .store
        .create_token(
            &NewApiToken {
                id: "expired".into(),
                user_id: world.users["procurer"].clone(),
                name: "old".into(),
                secret_hash: issued.digest,
                expires_at_ms: now_ms() - 1,
            },
            &ChangeBy::system(now_ms() - DAY_MS),
        )
        .await
        .unwrap();
    let answer = send(
        &world.app,
        Request::get("/api/v1/me")
            .header("authorization", format!("Bearer {}", issued.value))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    answer.error("sign_in_required");
}

#[tokio::test]
async fn the_lifetimes_follow_the_settings() {
    let config = Config {
        token_days: 10,
        token_max_days: 20,
        ..Config::default()
    };
    let world = world_with(config).await;
    let session = world.session("provider").await;
    let started = now_ms();
    let made = world
        .call_in(&session, "POST", "/api/v1/tokens", Some(r#"{"name": "x"}"#))
        .await;
    let expires = made.json()["token"]["expires_at_ms"].as_i64().unwrap();
    assert!((started + 10 * DAY_MS..=now_ms() + 10 * DAY_MS).contains(&expires));
    let error = world
        .call_in(
            &session,
            "POST",
            "/api/v1/tokens",
            Some(r#"{"name": "x", "expires_in_days": 21}"#),
        )
        .await
        .error("invalid_input");
    assert!(error["messages"]["en"].as_str().unwrap().contains("20"));
}

#[tokio::test]
async fn account_input_is_checked_field_by_field() {
    let world = world().await;
    let cases = [
        (
            r#"{"login": "Bad Login", "display_name": "x", "roles": ["procurer"], "password": "a long enough passphrase"}"#,
            "/login",
        ),
        (
            r#"{"login": "short-pass", "display_name": "x", "roles": ["procurer"], "password": "short"}"#,
            "/password",
        ),
        (
            r#"{"login": "wrong-role", "display_name": "x", "roles": ["operator_admin"], "password": "a long enough passphrase"}"#,
            "/roles",
        ),
        (
            r#"{"login": "no-such-role", "display_name": "x", "roles": ["king"], "password": "a long enough passphrase"}"#,
            "/roles/0",
        ),
        (
            r#"{"login": "blank-name", "display_name": "  ", "roles": ["procurer"], "password": "a long enough passphrase"}"#,
            "/display_name",
        ),
    ];
    for (body, pointer) in cases {
        let answer = world
            .call(
                "operator_admin",
                "POST",
                "/api/v1/organisations/gov/users",
                Some(body),
            )
            .await;
        let error = answer.error("invalid_input");
        assert_eq!(error["pointer"], pointer, "{body}");
    }
    let taken = r#"{"login": "provider", "display_name": "x", "roles": ["procurer"], "password": "a long enough passphrase"}"#;
    world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/organisations/gov/users",
            Some(taken),
        )
        .await
        .error("conflict");
    let missing_org = r#"{"login": "lost-user", "display_name": "x", "roles": ["procurer"], "password": "a long enough passphrase"}"#;
    world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/organisations/nowhere/users",
            Some(missing_org),
        )
        .await
        .error("not_found");
    let bad_org = r#"{"id": "Bad Id", "kind": "provider", "name": {"ja": "x", "en": "x"}}"#;
    let error = world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/organisations",
            Some(bad_org),
        )
        .await
        .error("invalid_input");
    assert_eq!(error["pointer"], "/id");
    let duplicate = r#"{"id": "csp", "kind": "provider", "name": {"ja": "x", "en": "x"}}"#;
    world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/organisations",
            Some(duplicate),
        )
        .await
        .error("conflict");
    let unknown_field =
        r#"{"id": "fine-id", "kind": "provider", "name": {"ja": "x", "en": "x"}, "extra": 1}"#;
    world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/organisations",
            Some(unknown_field),
        )
        .await
        .error("invalid_input");
}
