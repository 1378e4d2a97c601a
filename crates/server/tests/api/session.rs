//! Signing in with a password: cookies, anti-forgery tokens, rate limits; and API tokens.

use axum::body::Body;
use axum::http::Request;

use crate::support::{Answer, send};
use crate::world::{PASSWORD, World, world};

async fn sign_in(world: &World, login: &str, password: &str) -> Answer {
    let body = serde_json::json!({"login": login, "password": password}).to_string();
    send(
        &world.app,
        Request::post("/api/v1/session")
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
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
        .set_user_disabled(
            &world.users["procurer"],
            true,
            &shinrai_store::model::ChangeBy::system(2_000),
        )
        .await
        .unwrap();
    sign_in(&world, "procurer", PASSWORD)
        .await
        .error("invalid_credentials");
}

#[tokio::test]
async fn repeated_failures_are_throttled() {
    let world = world().await;
    for _ in 0..5 {
        sign_in(&world, "auditor", "guess guess guess")
            .await
            .error("invalid_credentials");
    }
    let throttled = sign_in(&world, "auditor", PASSWORD).await;
    throttled.error("too_many_requests");
    assert!(throttled.headers.get("retry-after").is_some());
    // Another login from the same address is not locked out by these five.
    assert_eq!(sign_in(&world, "provider", PASSWORD).await.status, 200);
}

#[tokio::test]
async fn tokens_authenticate_scripts_until_revoked() {
    let world = world().await;
    let created = world
        .call(
            "provider",
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
