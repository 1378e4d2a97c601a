//! What each reader sees: log events as far as the reader may see what they are about, answers
//! for signed-in users kept out of caches, HSTS behind TLS, links built from the configured
//! public address (never the request's `Host`), and `/metrics` for staff and a scraper only.

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use shinrai_domain::log_chain::{Event, GENESIS, Visibility, event_hash};
use shinrai_server::{Config, config::PublicUrl};
use shinrai_store::model::ChangeBy;

use crate::support::{Answer, send};
use crate::world::{PASSWORD, World, world, world_with};

const DRAFT: &str = "demo-2027";

async fn events(world: &World, role: &str) -> Vec<Value> {
    let answer = world
        .call(role, "GET", "/api/v1/log/events?limit=1000", None)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()["events"].as_array().unwrap().clone()
}

fn is_stub(event: &Value) -> bool {
    event["restricted"] == true
}

/// The whole events of a page about `action` on `subject`.
fn whole<'a>(page: &'a [Value], action: &str, subject: &str) -> Vec<&'a Value> {
    page.iter()
        .filter(|e| e["action"] == action && e["subject"] == subject)
        .collect()
}

/// Every event is there, in order, each linking to the one before, ending at the signed head.
async fn assert_the_chain_links(world: &World, page: &[Value]) {
    let mut prev = GENESIS.to_owned();
    for (i, event) in page.iter().enumerate() {
        assert_eq!(event["seq"], i as u64 + 1, "{event}");
        assert_eq!(event["prev_hash"], prev.as_str(), "{event}");
        prev = event["hash"].as_str().unwrap().to_owned();
    }
    let head = world
        .call("public", "GET", "/api/v1/log/checkpoint", None)
        .await
        .json();
    assert_eq!(head["size"], page.len() as u64);
    assert_eq!(head["head_hash"], prev.as_str());
}

/// A stub holds only what links the chain.
fn assert_stub_shape(event: &Value) {
    let keys: Vec<&str> = event
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 4, "{event}");
    for key in ["seq", "restricted", "prev_hash", "hash"] {
        assert!(keys.contains(&key), "{event}");
    }
}

/// A whole event with its actor re-computes to its hash.
fn assert_hash_recomputes(event: &Value) {
    let text = |key: &str| event[key].as_str().unwrap().to_owned();
    let parsed = Event {
        seq: event["seq"].as_u64().unwrap(),
        at_ms: event["at_ms"].as_i64().unwrap(),
        actor: text("actor"),
        org: text("org"),
        action: text("action"),
        subject: text("subject"),
        visibility: Visibility::from_code(&text("visibility")).unwrap(),
        payload: text("payload"),
        payload_hash: text("payload_hash"),
        prev_hash: text("prev_hash"),
        hash: text("hash"),
    };
    assert_eq!(event_hash(&parsed), parsed.hash, "{event}");
}

#[tokio::test]
async fn each_reader_sees_events_as_far_as_it_may_see_what_they_are_about() {
    let world = world().await;
    // As an older version wrote it: a draft's creation recorded public. The rule of the moment
    // still hides it.
    world
        .store
        .record(
            &ChangeBy::system(5_000),
            "criteria.create",
            DRAFT,
            Visibility::Public,
            json!({"version": DRAFT, "status": "draft", "controls": 99}),
        )
        .await
        .unwrap();
    // An administrator's action on an organisation.
    let created = world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/organisations",
            Some(r#"{"id": "new-csp", "kind": "provider", "name": {"ja": "新社", "en": "New"}}"#),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text());

    let public = events(&world, "public").await;
    assert_the_chain_links(&world, &public).await;
    let body = serde_json::to_string(&public).unwrap();
    assert!(!body.contains(DRAFT), "the draft is named: {body}");
    assert!(!body.contains("user-"), "a user id is shown: {body}");
    assert!(!body.contains("organisation.create"), "{body}");
    for stub in public.iter().filter(|e| is_stub(e)) {
        assert_stub_shape(stub);
    }
    for event in public.iter().filter(|e| !is_stub(e)) {
        assert!(
            ["criteria.create", "criteria.publish", "registry.register"]
                .contains(&event["action"].as_str().unwrap()),
            "{event}"
        );
        assert_hash_recomputes(event);
    }
    assert!(public.iter().filter(|e| is_stub(e)).count() > 10);
    assert!(!whole(&public, "criteria.create", "demo-2026").is_empty());
    assert!(public.iter().any(|e| e["action"] == "registry.register"));

    // A provider sees its own organisation's creation (by the system), not the others'.
    let provider = events(&world, "provider").await;
    assert_the_chain_links(&world, &provider).await;
    assert_eq!(whole(&provider, "organisation.create", "csp").len(), 1);
    assert!(whole(&provider, "organisation.create", "other-csp").is_empty());
    assert!(whole(&provider, "criteria.create", DRAFT).is_empty());

    // Operator staff get everything whole, with who acted.
    for role in ["operator_admin", "operator_reviewer"] {
        let staff = events(&world, role).await;
        assert_the_chain_links(&world, &staff).await;
        assert!(staff.iter().all(|e| !is_stub(e)), "{role}");
        for event in &staff {
            assert_hash_recomputes(event);
        }
        assert_eq!(whole(&staff, "criteria.create", DRAFT).len(), 2);
        let by_admin = whole(&staff, "organisation.create", "new-csp");
        assert_eq!(by_admin[0]["actor"], "user-operator_admin");
        assert_eq!(by_admin[0]["org"], "op");
    }

    // Once published, the draft's events are public; who published it is not.
    let published = world
        .call(
            "operator_admin",
            "POST",
            &format!("/api/v1/criteria/{DRAFT}/publish"),
            None,
        )
        .await;
    assert_eq!(published.status, 200, "{}", published.text());
    let public = events(&world, "public").await;
    assert_the_chain_links(&world, &public).await;
    assert_eq!(whole(&public, "criteria.create", DRAFT).len(), 2);
    let publication = whole(&public, "criteria.publish", DRAFT);
    assert_eq!(publication.len(), 1);
    assert_eq!(publication[0]["actor"], Value::Null);
    assert_eq!(publication[0]["org"], Value::Null);
    assert!(!serde_json::to_string(&public).unwrap().contains("user-"));
    let staff = events(&world, "operator_reviewer").await;
    assert_eq!(
        whole(&staff, "criteria.publish", DRAFT)[0]["actor"],
        "user-operator_admin"
    );
}

#[tokio::test]
async fn pages_of_events_hold_every_sequence_number() {
    let world = world().await;
    let mut seen = Vec::new();
    let mut after = 0;
    loop {
        let page = world
            .call(
                "public",
                "GET",
                &format!("/api/v1/log/events?after={after}&limit=7"),
                None,
            )
            .await
            .json();
        seen.extend(
            page["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["seq"].as_u64().unwrap()),
        );
        match page["next_after"].as_u64() {
            Some(next) => after = next,
            None => break,
        }
    }
    let size = world.store.log_head().await.unwrap().0;
    assert_eq!(seen, (1..=size).collect::<Vec<_>>());
}

async fn sign_in(world: &World) -> (Answer, String, String) {
    let answer = send(
        &world.app,
        Request::post("/api/v1/session")
            .header("content-type", "application/json")
            .body(Body::from(
                json!({"login": "provider", "password": PASSWORD}).to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let cookie = answer
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = answer.json()["csrf_token"].as_str().unwrap().to_owned();
    (answer, cookie, csrf)
}

async fn with_cookie(world: &World, method: &str, uri: &str, cookie: &str, csrf: &str) -> Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookie)
        .header("x-csrf-token", csrf);
    if method == "POST" {
        request = request.header("content-type", "application/json");
    }
    let body = if method == "POST" {
        Body::from(r#"{"name": "cache test"}"#)
    } else {
        Body::empty()
    };
    send(&world.app, request.body(body).unwrap()).await
}

const NO_STORE: Option<&str> = Some("private, no-store");

#[tokio::test]
async fn answers_with_secrets_or_one_users_data_are_never_cached() {
    let world = world().await;
    let (signed_in, cookie, csrf) = sign_in(&world).await;
    assert_eq!(signed_in.header("cache-control"), NO_STORE, "POST /session");
    for (method, uri) in [
        ("GET", "/api/v1/me"),
        ("POST", "/api/v1/tokens"),
        ("GET", "/api/v1/tokens"),
        ("GET", "/start"),
        ("GET", "/registry"),
        ("GET", "/"),
        ("GET", "/criteria"),
        ("GET", "/registry/feed.atom"),
        ("GET", "/no/such/page"),
    ] {
        let answer = with_cookie(&world, method, uri, &cookie, &csrf).await;
        assert!(answer.status.as_u16() < 500, "{method} {uri}");
        assert_eq!(answer.header("cache-control"), NO_STORE, "{method} {uri}");
    }
    // One user's data by API token too (minting needs a session: refused, and still not cached).
    for (method, uri) in [("GET", "/api/v1/me"), ("GET", "/api/v1/tokens")] {
        let answer = world.call("procurer", method, uri, None).await;
        assert!(answer.status.is_success(), "{method} {uri}");
        assert_eq!(answer.header("cache-control"), NO_STORE, "{method} {uri}");
    }
    let minted = world
        .call(
            "procurer",
            "POST",
            "/api/v1/tokens",
            Some(r#"{"name": "by token"}"#),
        )
        .await;
    assert_eq!(minted.status, 403);
    assert_eq!(
        minted.header("cache-control"),
        NO_STORE,
        "POST /api/v1/tokens"
    );
    // Refusals to a caller with credentials, and the sign-in form (it sets a cookie).
    let refused = world
        .call("provider", "GET", "/api/v1/organisations", None)
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.header("cache-control"), NO_STORE);
    let form = send(
        &world.app,
        Request::get("/login").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(form.header("cache-control"), NO_STORE);
    // The public's pages stay cacheable as their handlers say.
    let feed = world
        .call("public", "GET", "/registry/feed.atom", None)
        .await;
    assert_eq!(feed.header("cache-control"), Some("public, max-age=300"));
    let registry = world.call("public", "GET", "/api/v1/registry", None).await;
    assert_ne!(registry.header("cache-control"), NO_STORE);
}

#[tokio::test]
async fn hsts_goes_with_secure_cookies() {
    let plain = world().await;
    let answer = plain.call("public", "GET", "/livez", None).await;
    assert_eq!(answer.header("strict-transport-security"), None);

    let tls = world_with(Config {
        secure_cookies: true,
        ..Config::default()
    })
    .await;
    for uri in ["/livez", "/", "/api/v1/registry", "/no/such/page"] {
        let answer = tls.call("public", "GET", uri, None).await;
        assert_eq!(
            answer.header("strict-transport-security"),
            Some("max-age=31536000"),
            "{uri}"
        );
    }
    let short = world_with(Config {
        secure_cookies: true,
        hsts_max_age_seconds: 600,
        ..Config::default()
    })
    .await;
    let answer = short.call("public", "GET", "/livez", None).await;
    assert_eq!(
        answer.header("strict-transport-security"),
        Some("max-age=600")
    );
}

async fn feed_with_host(world: &World, host: &str) -> String {
    let answer = send(
        &world.app,
        Request::get("/registry/feed.atom?lang=en")
            .header("host", host)
            .header("x-forwarded-host", host)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, 200);
    answer.text()
}

#[tokio::test]
async fn feed_links_come_from_the_configured_address_never_from_the_request() {
    let configured = world_with(Config {
        public_url: Some(PublicUrl::parse("https://shinrai.example.jp/").unwrap()),
        ..Config::default()
    })
    .await;
    let xml = feed_with_host(&configured, "evil.example").await;
    assert!(!xml.contains("evil.example"), "{xml}");
    assert!(
        xml.contains("<id>https://shinrai.example.jp/registry/"),
        "{xml}"
    );
    assert!(xml.contains("href=\"https://shinrai.example.jp/registry/feed.atom?lang=en\""));

    // Unset: the listen address.
    let default = world().await;
    let xml = feed_with_host(&default, "evil.example").await;
    assert!(!xml.contains("evil.example"), "{xml}");
    assert!(xml.contains("<id>http://127.0.0.1:8080/registry/"), "{xml}");
}

const METRICS_TOKEN: &str = "metrics-0123456789abcdef0123456789abcdef";

async fn metrics_as(world: &World, authorization: Option<&str>) -> Answer {
    let mut request = Request::get("/metrics");
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    send(&world.app, request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn metrics_are_for_staff_and_the_scraper_unless_opened() {
    let world = world_with(Config {
        metrics_token: Some(shinrai_server::Secret::new(METRICS_TOKEN)),
        ..Config::default()
    })
    .await;
    metrics_as(&world, None).await.error("sign_in_required");
    metrics_as(
        &world,
        Some("Bearer not-the-metrics-token-0123456789abcdef"),
    )
    .await
    .error("sign_in_required");
    metrics_as(&world, Some(&format!("Basic {METRICS_TOKEN}")))
        .await
        .error("sign_in_required");
    let scraper = metrics_as(&world, Some(&format!("Bearer {METRICS_TOKEN}"))).await;
    assert_eq!(scraper.status, 200);
    assert!(scraper.text().contains("shinrai_http_requests_total"));
    for (role, want) in crate::world::ROLES
        .iter()
        .zip([401, 200, 200, 403, 403, 403, 403])
    {
        let answer = world.call(role, "GET", "/metrics", None).await;
        assert_eq!(answer.status.as_u16(), want, "{role}");
        if want == 200 {
            assert_eq!(
                answer.header("content-type"),
                Some("text/plain; version=0.0.4; charset=utf-8")
            );
        }
    }

    // Without a configured token, a bearer that is not an API token is refused.
    let closed = crate::world::world().await;
    metrics_as(&closed, Some(&format!("Bearer {METRICS_TOKEN}")))
        .await
        .error("sign_in_required");

    let open = world_with(Config {
        metrics_public: true,
        ..Config::default()
    })
    .await;
    assert_eq!(metrics_as(&open, None).await.status, 200);
}
