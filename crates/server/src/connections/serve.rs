//! One accepted connection, served over HTTP/1.1 until the peer closes it, the watchdog closes
//! it (see [`super::watchdog`]), or the server stops (then the request under way is finished
//! first).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Instant;
use tower::ServiceExt as _;

use super::body_deadline::Deadline;
use super::watchdog::{self, Activity, InFlight, WatchedIo};
use super::{ConnectionLimits, MAX_HEADER_COUNT};

/// Serves `app` on `stream` until it closes; `stopping` turns true when the server stops.
pub async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: ConnectionLimits,
    mut stopping: watch::Receiver<bool>,
) {
    // Answers are written whole; waiting to fill a packet only delays them.
    if let Err(error) = stream.set_nodelay(true) {
        tracing::debug!(%error, "cannot set TCP_NODELAY");
    }
    let activity = Activity::new();
    let io = TokioIo::new(WatchedIo::new(stream, activity.clone()));
    let service = {
        let activity = activity.clone();
        hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let in_flight = activity.request_started();
            let (mut parts, incoming) = request.into_parts();
            let (body, deadline) = Deadline::new(incoming, Instant::now() + limits.body_timeout);
            parts.extensions.insert(ConnectInfo(peer));
            parts.extensions.insert(deadline);
            let request = hyper::Request::from_parts(parts, Body::new(body));
            let app = app.clone();
            async move {
                let response = app.oneshot(request).await?;
                Ok::<_, Infallible>(response.map(|body| {
                    Body::new(Tracked {
                        body,
                        _in_flight: in_flight,
                    })
                }))
            }
        })
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .max_buf_size(limits.head_buffer_bytes())
        // Twice the documented count, so that a few too many are refused in the error shape.
        .max_headers(MAX_HEADER_COUNT.saturating_mul(2))
        // The watchdog keeps the header timeout, so that it starts with the connection.
        .header_read_timeout(None::<std::time::Duration>);
    let connection = builder.serve_connection(io, service);
    tokio::pin!(connection);
    let mut stop_asked = false;
    loop {
        tokio::select! {
            served = connection.as_mut() => {
                if let Err(error) = served {
                    tracing::debug!(%error, %peer, "connection ended with an error");
                }
                break;
            }
            why = watchdog::expired(&activity, &limits) => {
                tracing::debug!(%peer, reason = why.describe(), "connection closed");
                break;
            }
            _ = stopping.wait_for(|stop| *stop), if !stop_asked => {
                stop_asked = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}

/// An answer's body that marks its request finished when it is dropped.
struct Tracked {
    body: Body,
    _in_flight: InFlight,
}

impl HttpBody for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}
