//! Connections: how each one is served, and the bounds that keep a slow, idle or hostile
//! client from holding the server's memory or connections.
//!
//! - [`serve`] runs HTTP/1.1 on one accepted connection, with the peer's address for
//!   `ConnectInfo` and a watchdog that closes it when it stops making progress ([`watchdog`]);
//! - [`body_deadline`] bounds the time a request body may take to arrive;
//! - [`head_limits`] refuses over-long URIs and headers, and query strings that are not UTF-8,
//!   in the API's error shape.
//!
//! The accept loop with its connection limit is in [`crate::shutdown`].

pub mod body_deadline;
pub mod head_limits;
pub mod serve;
pub mod watchdog;

use std::time::Duration;

/// Most header fields a request may carry.
pub const MAX_HEADER_COUNT: usize = 100;

/// The bounds on connections and request heads (settings `max_connections`,
/// `header_timeout_secs`, `body_timeout_secs`, `idle_timeout_secs`, `max_uri_bytes`,
/// `max_header_bytes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections served at once; further ones wait in the kernel's backlog until one closes.
    pub max_connections: usize,
    /// Time for a request's head (request line and headers) to arrive: from the connection's
    /// start for its first request, from the first byte for later ones.
    pub header_timeout: Duration,
    /// Time for a request's whole body to arrive, from the end of its head.
    pub body_timeout: Duration,
    /// Time a connection may sit without a request, or with an answer its peer does not read.
    pub idle_timeout: Duration,
    /// Longest request target (path and query).
    pub max_uri_bytes: usize,
    /// Most bytes of header fields (names and values).
    pub max_header_bytes: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            idle_timeout: Duration::from_secs(60),
            max_uri_bytes: 8 * 1024,
            max_header_bytes: 16 * 1024,
        }
    }
}

impl ConnectionLimits {
    /// The HTTP layer's buffer for a request head: twice what the limits allow, so that a head
    /// somewhat over them still reaches [`head_limits`] and is refused in the error shape. A
    /// head larger than this is refused by the HTTP layer itself with a bare 431.
    pub fn head_buffer_bytes(&self) -> usize {
        self.max_uri_bytes
            .saturating_add(self.max_header_bytes)
            .saturating_mul(2)
            .max(MINIMUM_HEAD_BUFFER)
    }
}

/// The smallest buffer the HTTP layer accepts.
const MINIMUM_HEAD_BUFFER: usize = 8192;
