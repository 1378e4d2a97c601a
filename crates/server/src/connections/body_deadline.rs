//! A deadline for a request's whole body: a client that sends its body slowly (a byte now and
//! then) would otherwise hold its connection and the handler waiting for as long as it likes.
//!
//! The connection wraps each request's body in a [`Deadline`] and puts a [`BodyDeadline`] in
//! the request's extensions; when the time runs out, reading the body fails, and
//! [`answer_timed_out_bodies`] turns the handler's resulting error into `request_timeout`
//! (408), and closes the connection, since the rest of the body is still on its way.

use std::error::Error;
use std::fmt;
use std::future::Future as _;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use axum::BoxError;
use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use hyper::body::{Body, Frame, SizeHint};
use tokio::time::{Instant, Sleep};

use crate::error::ApiError;

/// The body did not arrive in full before its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyTimedOut;

impl fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the request body did not arrive within the body timeout")
    }
}

impl Error for BodyTimedOut {}

/// In a request's extensions: whether its body ran out of time.
#[derive(Debug, Clone, Default)]
pub struct BodyDeadline(Arc<AtomicBool>);

impl BodyDeadline {
    pub fn passed(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// `inner`, failing with [`BodyTimedOut`] once `deadline` has passed.
#[derive(Debug)]
pub struct Deadline<B> {
    inner: B,
    deadline: Instant,
    /// Made on the first read that has to wait: most bodies are empty or arrive at once.
    sleep: Option<Pin<Box<Sleep>>>,
    flag: BodyDeadline,
}

impl<B> Deadline<B> {
    /// The body, with the flag to put in the request's extensions.
    pub fn new(inner: B, deadline: Instant) -> (Deadline<B>, BodyDeadline) {
        let flag = BodyDeadline::default();
        let body = Deadline {
            inner,
            deadline,
            sleep: None,
            flag: flag.clone(),
        };
        (body, flag)
    }
}

impl<B> Body for Deadline<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = &mut *self;
        if this.flag.passed() {
            return Poll::Ready(Some(Err(Box::new(BodyTimedOut))));
        }
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|frame| frame.map_err(Into::into)));
        }
        let deadline = this.deadline;
        let sleep = this
            .sleep
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        if sleep.as_mut().poll(cx).is_ready() {
            this.flag.0.store(true, Ordering::Relaxed);
            return Poll::Ready(Some(Err(Box::new(BodyTimedOut))));
        }
        Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// Middleware: a request whose body ran out of time is answered `request_timeout` (408) and
/// its connection closed, whatever error the handler made of the failed read.
pub async fn answer_timed_out_bodies(request: Request, next: Next) -> Response {
    let flag = request.extensions().get::<BodyDeadline>().cloned();
    let response = next.run(request).await;
    if !flag.is_some_and(|flag| flag.passed()) {
        return response;
    }
    let mut response = ApiError::RequestTimeout.into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A body whose next bytes never come.
    struct Stalled;

    impl Body for Stalled {
        type Data = Bytes;
        type Error = std::convert::Infallible;

        fn poll_frame(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            Poll::Pending
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_that_is_too_slow_fails_and_says_so() {
        let (body, flag) = Deadline::new(Stalled, Instant::now() + Duration::from_secs(5));
        let start = Instant::now();
        let read = axum::body::to_bytes(axum::body::Body::new(body), 1024).await;
        assert!(read.is_err());
        assert!(flag.passed());
        assert_eq!(start.elapsed(), Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_in_time_is_untouched() {
        let (body, flag) = Deadline::new(
            axum::body::Body::from("case"),
            Instant::now() + Duration::from_secs(5),
        );
        let read = axum::body::to_bytes(axum::body::Body::new(body), 1024).await;
        assert_eq!(read.ok().as_deref(), Some(&b"case"[..]));
        assert!(!flag.passed());
    }
}
