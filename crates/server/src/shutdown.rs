//! The accept loop, with its connection limit, and stopping cleanly: on SIGTERM or Ctrl-C the
//! server stops accepting connections, lets the requests in flight finish (for a bounded
//! time), then runs the caller's hook (the log checkpoint is signed there) before returning.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::{Semaphore, watch};

use crate::connections::ConnectionLimits;
use crate::connections::serve::serve_connection;

/// How long requests in flight may take to finish once a stop is asked for.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Connections the kernel queues for the accept loop (capped by `net.core.somaxconn`): where
/// clients wait while `max_connections` are served, and what absorbs bursts of new
/// connections. The usual default of 128 overflows under a burst, and a client whose first
/// packet is dropped waits a second before trying again.
pub const LISTEN_BACKLOG: u32 = 1024;

/// A listener on `addr` with the [`LISTEN_BACKLOG`].
pub fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    // A restarted server can bind again at once, while old connections linger in TIME_WAIT.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Resolves on the first SIGTERM (service managers, containers) or Ctrl-C. The handlers are
/// installed when this is called, not when the future is first polled: the serving loop may
/// accept a waiting connection before it polls this future, and a signal arriving then must
/// not fall to the default action (ending the process without the closing checkpoint).
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let (terminate, interrupt) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let wait = |installed: io::Result<tokio::signal::unix::Signal>, name: &'static str| async move {
                match installed {
                    Ok(mut signal) => {
                        signal.recv().await;
                    }
                    Err(error) => {
                        tracing::warn!(%error, "cannot listen for {name}");
                        std::future::pending::<()>().await;
                    }
                }
            };
            tokio::select! {
                () = wait(terminate, "SIGTERM") => {}
                () = wait(interrupt, "Ctrl-C") => {}
            }
        }
        #[cfg(not(unix))]
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("stop requested; finishing the requests in flight");
    }
}

/// Serves `app` on `listener` until `signal` resolves, gives requests in flight up to
/// `drain` to finish, then awaits `on_shutdown`.
///
/// At most `limits.max_connections` connections are served at once: the next one is accepted
/// only when one has closed, so that further clients wait in the kernel's listen backlog (and
/// the idle and header timeouts make sure connections do close).
pub async fn serve_until(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    signal: impl Future<Output = ()> + Send + 'static,
    drain: Duration,
    on_shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let max = u32::try_from(limits.max_connections.max(1)).unwrap_or(u32::MAX);
    let slots = Arc::new(Semaphore::new(usize::try_from(max).unwrap_or(1)));
    let (stopping, stop_seen) = watch::channel(false);
    tokio::pin!(signal);
    loop {
        let slot = tokio::select! {
            () = &mut signal => break,
            slot = slots.clone().acquire_owned() => slot,
        };
        // The semaphore is never closed.
        let Ok(slot) = slot else { break };
        let accepted = tokio::select! {
            () = &mut signal => break,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                let (app, stop_seen) = (app.clone(), stop_seen.clone());
                tokio::spawn(async move {
                    serve_connection(stream, peer, app, limits, stop_seen).await;
                    drop(slot);
                });
            }
            Err(error) if is_connection_error(&error) => {}
            Err(error) => {
                // Out of file descriptors, most likely: wait for some connections to close.
                tracing::error!(%error, "cannot accept a connection");
                tokio::select! {
                    () = &mut signal => break,
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
        }
    }
    // No more connections: the port is closed, and open connections finish their request.
    drop(listener);
    let _ = stopping.send(true);
    tokio::select! {
        _ = slots.acquire_many(max) => {}
        () = tokio::time::sleep(drain) => {
            tracing::warn!(?drain, "requests still running after the drain time; stopping anyway");
        }
    }
    on_shutdown.await;
    Ok(())
}

/// A connection that failed while being accepted: the next one is unaffected.
fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[tokio::test]
    async fn the_hook_runs_after_the_server_stops() {
        let listener = listen("127.0.0.1:0".parse().unwrap()).unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let ran = Arc::new(AtomicBool::new(false));
        let flag = ran.clone();
        let app = Router::new().route("/", axum::routing::get(|| async { "hi" }));
        let server = tokio::spawn(serve_until(
            listener,
            app,
            ConnectionLimits::default(),
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
