//! The shinrai web service: the JSON API with its OpenAPI description, the human pages,
//! operations endpoints, and the building blocks of sign-in.
//!
//! The code is laid out by feature: each feature's folder (`registry/`, `criteria/`,
//! `accounts/`, …) holds its API handlers (`api.rs`), its page handlers (`pages.rs`), the shapes
//! it reads and answers (`views.rs`) and its helpers, and declares its routes in
//! `api_routes()` and `page_routes()`; [`routes`] only assembles them. The shared machinery
//! (authentication, settings, errors, extractors, layers, the page shell in [`web`]) stays
//! beside the features.
//!
//! Handlers are thin: they parse (with the extractors of [`extract`]), call the domain or the
//! storage, and map the result; every failure is an [`ApiError`].

// The features, each with its API routes, pages, views and helpers together.
pub mod accounts;
pub mod applications;
pub mod assurance;
pub mod audit_bodies;
pub mod audits;
pub mod certificates;
pub mod change_notices;
pub mod criteria;
pub mod decide;
pub mod engagements;
pub mod home;
pub mod incidents;
pub mod jobs;
pub mod log;
pub mod notifications;
pub mod ops;
pub mod quality_reviews;
pub mod registry;
pub mod services;
pub mod session;
pub mod start;
pub mod statements;
pub mod systems;
pub mod tools;

// What every feature shares: authentication, settings, connections, errors, extractors,
// layers, language, the OpenAPI document, the page shell, the workflow's acting member and
// failures, and the assembly of the routes.
pub mod auth;
pub mod config;
pub mod connections;
pub mod cpu;
pub mod demo;
pub mod error;
pub mod extract;
pub mod lang;
pub mod layers;
pub mod metrics;
pub mod openapi;
pub mod pdf_font;
pub mod quota;
pub mod routes;
pub mod shutdown;
pub mod state;
mod store;
pub mod telemetry;
pub mod web;
pub mod workflow;

use std::collections::BTreeSet;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use shinrai_domain::text::{Bilingual, Lang};
use utoipa_axum::router::OpenApiRouter;

pub use config::{Config, ConfigError, LogFormat, Secret};
pub use error::ApiError;
pub use state::{AppState, BoxFuture, Readiness, StorageError, SystemWallClock, WallClock};

/// The whole service: every route, the OpenAPI document, the fallback, every layer.
pub fn router(state: AppState) -> Router {
    router_from(routes::api_router(), state)
}

/// [`router`] around the given documented routes.
pub fn router_from(api: OpenApiRouter<AppState>, state: AppState) -> Router {
    let (api, spec) = api.split_for_parts();
    let documented: BTreeSet<String> = spec.paths.paths.keys().cloned().collect();
    let document: Arc<Result<String, ()>> = Arc::new(
        openapi::document(&spec)
            .map(|document| document.to_string())
            .map_err(|error| tracing::error!(%error, "the OpenAPI document cannot be built")),
    );
    let app = api
        .route(
            "/api/openapi.json",
            get(move || {
                let document = document.clone();
                async move { openapi_json(&document) }
            }),
        )
        .merge(routes::page_router())
        .fallback(routes::fallback)
        .with_state(state.clone());
    layers::apply(app, &state, Arc::new(documented))
}

fn openapi_json(document: &Result<String, ()>) -> Response {
    match document {
        Ok(text) => ([(header::CONTENT_TYPE, "application/json")], text.clone()).into_response(),
        Err(()) => {
            ApiError::internal("the OpenAPI document could not be built at start").into_response()
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr} ({source})")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped with an error ({0})")]
    Serve(std::io::Error),
}

impl ServeError {
    pub fn message(&self) -> Bilingual {
        match self {
            ServeError::Bind { addr, source } => Bilingual::new(
                format!("{addr} で待ち受けできません ({source})"),
                self.to_string(),
            ),
            ServeError::Serve(source) => Bilingual::new(
                format!("サーバーがエラーで停止しました ({source})"),
                self.to_string(),
            ),
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        self.message().get(lang).to_owned()
    }
}

/// Serves on `config.addr` until SIGTERM or Ctrl-C, then awaits `on_shutdown` (after the last
/// request has been answered, or the drain time has passed).
pub async fn serve(
    config: &Config,
    state: AppState,
    on_shutdown: impl Future<Output = ()>,
) -> Result<(), ServeError> {
    let listener = shutdown::listen(config.addr).map_err(|source| ServeError::Bind {
        addr: config.addr,
        source,
    })?;
    let addr = listener.local_addr().unwrap_or(config.addr);
    tracing::info!(%addr, "listening");
    shutdown::serve_until(
        listener,
        router(state),
        config.connections,
        shutdown::shutdown_signal(),
        shutdown::DRAIN_TIMEOUT,
        on_shutdown,
    )
    .await
    .map_err(ServeError::Serve)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt as _;

    /// A state over a fresh SQLite store in a temporary folder.
    async fn state() -> AppState {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let data_dir = std::env::temp_dir().join(format!(
            "shinrai-server-unit-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let config = shinrai_store::StoreConfig {
            data_dir,
            database_url: None,
            checkpoint_every: 100,
        };
        let store = shinrai_store::Store::open(&config).await.unwrap();
        AppState::new(&Config::default(), Arc::new(store))
    }

    #[tokio::test]
    async fn a_route_missing_from_the_document_fails_loudly_in_tests() {
        let state = state().await;
        let api = routes::api_router().route("/api/v1/hidden", get(|| async { "hidden" }));
        let response = router_from(api, state)
            .oneshot(Request::get("/api/v1/hidden").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_in_the_error_shape() {
        let state = state().await;
        let api = routes::api_router().route(
            "/boom",
            get(|| async {
                if true {
                    panic!("secret detail");
                }
                "never"
            }),
        );
        let response = router_from(api, state)
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), 500);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "internal");
        assert!(body["error"]["incident"].is_string());
        assert!(!body.to_string().contains("secret detail"));
    }
}
