//! Stopping cleanly: on SIGTERM or Ctrl-C the server stops accepting connections, lets the
//! requests in flight finish (for a bounded time), then runs the caller's hook (the log
//! checkpoint is signed there) before returning.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// How long requests in flight may take to finish once a stop is asked for.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Resolves on the first SIGTERM (service managers, containers) or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("stop requested; finishing the requests in flight");
}

/// Serves `app` on `listener` until `signal` resolves, gives requests in flight up to
/// `drain` to finish, then awaits `on_shutdown`.
pub async fn serve_until(
    listener: TcpListener,
    app: Router,
    signal: impl Future<Output = ()> + Send + 'static,
    drain: Duration,
    on_shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let stopping = Arc::new(Notify::new());
    let notify = stopping.clone();
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        signal.await;
        notify.notify_one();
    });
    let deadline = async {
        stopping.notified().await;
        tokio::time::sleep(drain).await;
    };
    let result = tokio::select! {
        result = server => result,
        () = deadline => {
            tracing::warn!(?drain, "requests still running after the drain time; stopping anyway");
            Ok(())
        }
    };
    on_shutdown.await;
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[tokio::test]
    async fn the_hook_runs_after_the_server_stops() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let ran = Arc::new(AtomicBool::new(false));
        let flag = ran.clone();
        let app = Router::new().route("/", axum::routing::get(|| async { "hi" }));
        let server = tokio::spawn(serve_until(
            listener,
            app,
            async {
                let _ = stopped.await;
            },
            Duration::from_secs(5),
            async move { flag.store(true, Ordering::SeqCst) },
        ));
        assert!(!ran.load(Ordering::SeqCst));
        stop.send(()).unwrap();
        server.await.unwrap().unwrap();
        assert!(ran.load(Ordering::SeqCst));
    }
}
