//! Closing connections that stop making progress. The connection's reads and writes, and the
//! requests it is serving, are recorded in an [`Activity`]; [`expired`] resolves when one of
//! the limits is passed:
//!
//! - no request is being served and a request head has begun (or the connection is new) but
//!   is not complete after the header timeout: a slow or half-sent head (slowloris);
//! - no request is being served and nothing has arrived for the idle time: an idle keep-alive
//!   connection;
//! - a write has made no progress for the idle time: a peer that stopped reading its answers.
//!
//! While a request is being served and its answer is flowing, the connection is left alone:
//! the body deadline and the bounded decision queue bound that time.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Instant;

use super::ConnectionLimits;

/// Why a connection was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// A request head did not arrive in full within the header timeout.
    HeaderTimeout,
    /// No request came within the idle time.
    Idle,
    /// The peer did not read the answer for the idle time.
    PeerNotReading,
}

impl Expiry {
    pub fn describe(self) -> &'static str {
        match self {
            Expiry::HeaderTimeout => "request head not received within the header timeout",
            Expiry::Idle => "idle for the idle time",
            Expiry::PeerNotReading => "the peer did not read for the idle time",
        }
    }
}

#[derive(Debug)]
struct State {
    /// Requests handed to the service whose answers are not yet fully handed back.
    in_flight: usize,
    /// When the head of the next request began to arrive (the connection's start for the first).
    head_since: Option<Instant>,
    /// The last byte read or written, or the end of the last answer.
    last_progress: Instant,
    /// Since when a write has been waiting for the peer to make room.
    write_stalled_since: Option<Instant>,
}

/// What one connection has been doing.
#[derive(Debug)]
pub struct Activity {
    state: Mutex<State>,
}

impl Activity {
    /// A connection accepted now, whose first request head is awaited.
    pub fn new() -> Arc<Activity> {
        let now = Instant::now();
        Arc::new(Activity {
            state: Mutex::new(State {
                in_flight: 0,
                head_since: Some(now),
                last_progress: now,
                write_stalled_since: None,
            }),
        })
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn read_some(&self) {
        let now = Instant::now();
        let mut state = self.lock();
        state.last_progress = now;
        if state.in_flight == 0 && state.head_since.is_none() {
            state.head_since = Some(now);
        }
    }

    fn wrote_some(&self) {
        let mut state = self.lock();
        state.last_progress = Instant::now();
        state.write_stalled_since = None;
    }

    fn write_blocked(&self) {
        let now = Instant::now();
        self.lock().write_stalled_since.get_or_insert(now);
    }

    /// A request's head has arrived and the service has it; the returned guard marks its end
    /// when dropped (with the answer's body).
    pub fn request_started(self: &Arc<Self>) -> InFlight {
        let mut state = self.lock();
        state.in_flight = state.in_flight.saturating_add(1);
        state.head_since = None;
        InFlight(self.clone())
    }

    /// The earliest limit that applies now, with when it runs out.
    fn deadline(&self, limits: &ConnectionLimits) -> Option<(Instant, Expiry)> {
        let state = self.lock();
        if let Some(since) = state.write_stalled_since {
            return Some((since + limits.idle_timeout, Expiry::PeerNotReading));
        }
        if state.in_flight > 0 {
            return None;
        }
        Some(match state.head_since {
            Some(since) => (since + limits.header_timeout, Expiry::HeaderTimeout),
            None => (state.last_progress + limits.idle_timeout, Expiry::Idle),
        })
    }
}

/// One request being served; see [`Activity::request_started`].
#[derive(Debug)]
pub struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.in_flight = state.in_flight.saturating_sub(1);
        state.last_progress = Instant::now();
    }
}

/// Resolves when the connection has passed one of its limits.
pub async fn expired(activity: &Activity, limits: &ConnectionLimits) -> Expiry {
    // Looking again at least this often catches a deadline that came closer meanwhile (a head
    // that began on an idle connection) in time: no new deadline is nearer than this.
    let recheck = limits.header_timeout.min(limits.idle_timeout);
    loop {
        let now = Instant::now();
        match activity.deadline(limits) {
            Some((at, why)) if at <= now => return why,
            Some((at, _)) => tokio::time::sleep_until(at.min(now + recheck)).await,
            // While a request is served no limit applies.
            None => tokio::time::sleep(recheck).await,
        }
    }
}

/// A connection's stream that records its progress in an [`Activity`].
#[derive(Debug)]
pub struct WatchedIo<T> {
    inner: T,
    activity: Arc<Activity>,
}

impl<T> WatchedIo<T> {
    pub fn new(inner: T, activity: Arc<Activity>) -> WatchedIo<T> {
        WatchedIo { inner, activity }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for WatchedIo<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.read_some();
        }
        polled
    }
}

impl<T: AsyncWrite + Unpin> WatchedIo<T> {
    fn note_write(&self, polled: &Poll<io::Result<usize>>) {
        match polled {
            Poll::Ready(Ok(written)) if *written > 0 => self.activity.wrote_some(),
            Poll::Pending => self.activity.write_blocked(),
            Poll::Ready(_) => {}
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for WatchedIo<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.note_write(&polled);
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.note_write(&polled);
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_flush(cx);
        if polled.is_pending() {
            self.activity.write_blocked();
        }
        polled
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn limits() -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            ..ConnectionLimits::default()
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_new_connection_must_send_its_head_within_the_header_timeout() {
        let activity = Activity::new();
        let start = Instant::now();
        assert_eq!(expired(&activity, &limits()).await, Expiry::HeaderTimeout);
        assert_eq!(start.elapsed(), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_in_flight_is_left_alone_then_idle_time_counts() {
        let activity = Activity::new();
        let request = activity.request_started();
        tokio::time::sleep(Duration::from_secs(100)).await;
        assert_eq!(activity.deadline(&limits()), None);
        drop(request);
        let start = Instant::now();
        assert_eq!(expired(&activity, &limits()).await, Expiry::Idle);
        assert_eq!(start.elapsed(), Duration::from_secs(60));
    }

    #[tokio::test(start_paused = true)]
    async fn the_first_byte_of_a_later_head_starts_the_header_timeout() {
        let activity = Activity::new();
        drop(activity.request_started());
        tokio::time::sleep(Duration::from_secs(30)).await;
        activity.read_some();
        let start = Instant::now();
        assert_eq!(expired(&activity, &limits()).await, Expiry::HeaderTimeout);
        assert_eq!(start.elapsed(), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn a_stalled_write_counts_even_during_a_request() {
        let activity = Activity::new();
        let _request = activity.request_started();
        activity.write_blocked();
        tokio::time::sleep(Duration::from_secs(30)).await;
        // Still blocked: the first stall is what counts.
        activity.write_blocked();
        let start = Instant::now();
        assert_eq!(expired(&activity, &limits()).await, Expiry::PeerNotReading);
        assert_eq!(start.elapsed(), Duration::from_secs(30));
        activity.wrote_some();
        assert_eq!(activity.deadline(&limits()), None);
    }
}
