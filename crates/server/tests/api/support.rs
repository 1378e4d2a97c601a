//! A router over a real store in a temporary folder (with a readiness probe that can be switched
//! off), and helpers to call it and read its answers.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use serde_json::Value;
use shinrai_server::{AppState, BoxFuture, Config, Readiness, StorageError};
use tower::ServiceExt as _;

/// Storage whose health can be switched off.
#[derive(Default)]
pub struct FakeStorage {
    pub down: AtomicBool,
}

impl Readiness for FakeStorage {
    fn health(&self) -> BoxFuture<'_, Result<(), StorageError>> {
        let down = self.down.load(Ordering::SeqCst);
        Box::pin(async move {
            if down {
                Err("connection refused (password=hunter2)".into())
            } else {
                Ok(())
            }
        })
    }
}

/// The service as configured by default, except that anonymous decisions are not limited
/// (every in-process request comes from the same unknown address, and some tests send hundreds).
pub async fn app() -> Router {
    app_with(unlimited_decisions(), Arc::new(FakeStorage::default())).await
}

pub fn unlimited_decisions() -> Config {
    Config {
        decide: shinrai_server::config::DecideLimits {
            per_minute: 1_000_000,
            burst: 1_000_000,
            ..Default::default()
        },
        ..Config::default()
    }
}

/// A store of its own in a temporary folder.
pub async fn temporary_store() -> Arc<shinrai_store::Store> {
    use std::sync::atomic::AtomicUsize;
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let data_dir = std::env::temp_dir().join(format!(
        "shinrai-api-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let config = shinrai_store::StoreConfig {
        data_dir,
        database_url: None,
        checkpoint_every: 100,
    };
    Arc::new(
        shinrai_store::Store::open(&config)
            .await
            .expect("a temporary store"),
    )
}

pub async fn app_with(config: Config, readiness: Arc<FakeStorage>) -> Router {
    let mut state = AppState::new(&config, temporary_store().await);
    state.readiness = readiness;
    shinrai_server::router(state)
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// The fallback answered: no route matched.
    pub no_route: bool,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "{} body is not JSON ({error}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Asserts the API's error shape with `code`, and returns the `error` object.
    pub fn error(&self, code: &str) -> Value {
        assert_eq!(
            self.header("content-type"),
            Some("application/json"),
            "{}: {}",
            self.status,
            String::from_utf8_lossy(&self.body)
        );
        let body = self.json();
        let error = &body["error"];
        assert_eq!(error["code"], code, "{body}");
        let message = error["message"].as_str().expect("message");
        let ja = error["messages"]["ja"].as_str().expect("messages.ja");
        let en = error["messages"]["en"].as_str().expect("messages.en");
        assert!(!ja.is_empty() && !en.is_empty(), "{body}");
        assert!(message == ja || message == en, "{body}");
        let allowed = [
            "code",
            "message",
            "messages",
            "pointer",
            "detail_code",
            "problems",
            "incident",
        ];
        for key in error.as_object().expect("object").keys() {
            assert!(
                allowed.contains(&key.as_str()),
                "unexpected {key} in {body}"
            );
        }
        error.clone()
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let no_route = response
        .extensions()
        .get::<shinrai_server::routes::NoRoute>()
        .is_some();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    Answer {
        status,
        headers,
        body,
        no_route,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn post_json(app: &Router, uri: &str, body: impl Into<Body>) -> Answer {
    send(
        app,
        Request::post(uri)
            .header("content-type", "application/json")
            .body(body.into())
            .unwrap(),
    )
    .await
}

/// The shared case files at the repository root.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// `(case file, recorded answer)` of every example of `kind`.
pub fn examples(kind: &str) -> Vec<(PathBuf, PathBuf)> {
    let mut files: Vec<_> = std::fs::read_dir(cases_dir().join(kind))
        .expect("case folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".answer.json")
        })
        .map(|case| {
            let answer = case.with_extension("answer.json");
            (case, answer)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "examples of {kind}");
    files
}

/// `(case file, expected place)` of every malformed example of `kind`.
pub fn malformed(kind: &str) -> Vec<(PathBuf, String)> {
    let mut files: Vec<_> = std::fs::read_dir(cases_dir().join(kind).join("malformed"))
        .expect("malformed folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|case| {
            let expect = std::fs::read_to_string(case.with_extension("expect")).expect(".expect");
            (case, expect.trim().to_owned())
        })
        .collect();
    files.sort();
    files
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

pub const KINDS: [&str; 8] = [
    "classification",
    "registration",
    "cascade",
    "sample",
    "availability",
    "precheck",
    "selection",
    "lifecycle",
];

/// The shared public OSCAL files: `$SHINRAI_OSCAL_DATA`, else beside the repository. Missing
/// data fails the test rather than skipping it.
pub fn oscal_data() -> PathBuf {
    [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ]
    .into_iter()
    .flatten()
    .find(|dir| dir.join("NIST_SP-800-53_rev5_catalog.json").is_file())
    .expect("the shared OSCAL files: set SHINRAI_OSCAL_DATA")
}

/// Compares `value`, pretty-printed, with the committed file at `path`; with `SHINRAI_BLESS=1`
/// writes it there instead. A difference names the first line that differs.
pub fn assert_snapshot(path: &Path, value: &Value) {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    if std::env::var_os("SHINRAI_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed != text {
        let first = committed
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(text.lines().count()));
        panic!(
            "{} differs from the answer from line {}:\n  committed: {:?}\n  answered:  {:?}\n\
             If the change is intended, re-record with SHINRAI_BLESS=1 cargo test -p shinrai-server --test api and review the diff.",
            path.display(),
            first + 1,
            committed.lines().nth(first),
            text.lines().nth(first)
        );
    }
}
