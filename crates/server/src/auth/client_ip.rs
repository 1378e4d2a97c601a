//! The address a request came from, for limiting sign-in attempts (and anything else counted
//! per client).
//!
//! It is the connection's peer, unless the peer is one of the `trusted_proxies`: then the
//! proxy's forwarding header (`X-Forwarded-For`, or `Forwarded` if so configured) is read from
//! the right, each trusted proxy having appended the address it received from, and the first
//! address that is not itself a trusted proxy is the client. Anything to its left was written
//! by the client and could be anything. A header from an untrusted peer is never read: any
//! client can write one.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use super::ip_range::IpRange;
use crate::state::AppState;

/// Which header the trusted proxies write; only that one is read, as a client may send the
/// other one forged and the proxy would pass it on untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2` (nginx, HAProxy, Caddy, most load balancers).
    #[default]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1` (RFC 7239).
    Forwarded,
}

/// The proxies whose forwarding header is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies {
    pub ranges: Vec<IpRange>,
    pub header: ForwardedHeader,
}

impl TrustedProxies {
    fn trust(&self, address: IpAddr) -> bool {
        self.ranges.iter().any(|range| range.contains(address))
    }
}

/// The client's address as found by [`client_ip`]. Without connection info (in-process
/// tests) the peer is `0.0.0.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(
            state,
            parts.extensions.get::<ConnectInfo<SocketAddr>>(),
            &parts.headers,
        )))
    }
}

/// The client's address for a request with this connection info and these headers, under the
/// service's `trusted_proxies`.
pub fn client_ip(
    state: &AppState,
    connection: Option<&ConnectInfo<SocketAddr>>,
    headers: &HeaderMap,
) -> IpAddr {
    let peer = connection.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
    client_address(&state.settings.trusted_proxies, peer, headers)
}

/// [`client_ip`] without the state: the peer's address, or what trusted proxies say of it.
pub fn client_address(proxies: &TrustedProxies, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
    let peer = peer.to_canonical();
    if !proxies.trust(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in hops(proxies.header, headers).iter().rev() {
        match hop {
            Some(address) => {
                client = *address;
                if !proxies.trust(client) {
                    break;
                }
            }
            // A hop that cannot be read: what lies to its left cannot be told apart from what
            // the client made up, so the last trusted proxy stands for the client.
            None => break,
        }
    }
    client
}

/// The addresses the header lists, left (farthest) to right (nearest); `None` for an entry
/// that is not an address (`unknown`, an obfuscated name, garbage). Repeated headers count as
/// one list, in order.
fn hops(header: ForwardedHeader, headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let name = match header {
        ForwardedHeader::XForwardedFor => "x-forwarded-for",
        ForwardedHeader::Forwarded => "forwarded",
    };
    let mut hops = Vec::new();
    for value in headers.get_all(name) {
        let Ok(value) = value.to_str() else {
            hops.push(None);
            continue;
        };
        for element in value.split(',') {
            hops.push(match header {
                ForwardedHeader::XForwardedFor => address(element),
                ForwardedHeader::Forwarded => forwarded_for(element),
            });
        }
    }
    hops
}

/// The `for=` of one element of a `Forwarded` header: `for=192.0.2.60;proto=https`.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| address(value.trim().trim_matches('"')))?
    })
}

/// One address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1` or
/// `[2001:db8::1]:4711`.
fn address(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .or_else(|_| text.parse::<SocketAddr>().map(|socket| socket.ip()))
        .or_else(|_| {
            text.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .unwrap_or(text)
                .parse::<IpAddr>()
        })
        .ok()
        .map(|address| address.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies(ranges: &[&str], header: ForwardedHeader) -> TrustedProxies {
        TrustedProxies {
            ranges: ranges.iter().map(|r| r.parse().unwrap()).collect(),
            header,
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    const PROXY: &str = "10.0.0.5";

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_headers_say() {
        let forged = headers(&[
            ("x-forwarded-for", "198.51.100.1"),
            ("forwarded", "for=198.51.100.2"),
        ]);
        let none = TrustedProxies::default();
        assert_eq!(client_address(&none, ip(PROXY), &forged), ip(PROXY));
        // Trusting other proxies does not make this peer one.
        let others = proxies(&["10.1.0.0/16"], ForwardedHeader::XForwardedFor);
        assert_eq!(
            client_address(&others, ip("203.0.113.9"), &forged),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client() {
        let trusted = proxies(&["10.0.0.0/8"], ForwardedHeader::XForwardedFor);
        let cases: [(&[(&'static str, &str)], &str); 9] = [
            (&[("x-forwarded-for", "203.0.113.7")], "203.0.113.7"),
            // The client wrote the left part itself: only the right-most untrusted counts.
            (
                &[("x-forwarded-for", "1.2.3.4, 203.0.113.7")],
                "203.0.113.7",
            ),
            (
                &[("x-forwarded-for", "1.2.3.4, 203.0.113.7, 10.0.0.9")],
                "203.0.113.7",
            ),
            // Repeated headers are one list.
            (
                &[
                    ("x-forwarded-for", "1.2.3.4"),
                    ("x-forwarded-for", "203.0.113.7"),
                ],
                "203.0.113.7",
            ),
            (&[("x-forwarded-for", "[2001:db8::7]:443")], "2001:db8::7"),
            (&[("x-forwarded-for", "203.0.113.7:5555")], "203.0.113.7"),
            // Garbage where the client's address should be: the proxy stands for it.
            (&[("x-forwarded-for", "1.2.3.4, not-an-address")], PROXY),
            // No header at all.
            (&[], PROXY),
            // Every hop trusted: the farthest one.
            (&[("x-forwarded-for", "10.9.9.9, 10.0.0.9")], "10.9.9.9"),
        ];
        for (pairs, client) in cases {
            assert_eq!(
                client_address(&trusted, ip(PROXY), &headers(pairs)),
                ip(client),
                "{pairs:?}"
            );
        }
        // The other header is ignored: the proxy does not write it, the client may.
        let forged = headers(&[("forwarded", "for=198.51.100.1")]);
        assert_eq!(client_address(&trusted, ip(PROXY), &forged), ip(PROXY));
    }

    #[test]
    fn the_forwarded_header_is_read_when_configured() {
        let trusted = proxies(&["10.0.0.0/8", "::1"], ForwardedHeader::Forwarded);
        let cases = [
            ("for=203.0.113.7;proto=https", "203.0.113.7"),
            ("for=1.2.3.4, For=\"[2001:db8::7]:4711\"", "2001:db8::7"),
            (
                "for=1.2.3.4, for=203.0.113.7;by=10.0.0.5, for=10.0.0.8",
                "203.0.113.7",
            ),
            ("for=unknown", PROXY),
            ("for=_hidden, for=203.0.113.7", "203.0.113.7"),
            ("proto=https", PROXY),
        ];
        for (value, client) in cases {
            assert_eq!(
                client_address(&trusted, ip(PROXY), &headers(&[("forwarded", value)])),
                ip(client),
                "{value}"
            );
        }
        let forged = headers(&[("x-forwarded-for", "198.51.100.1")]);
        assert_eq!(client_address(&trusted, ip("::1"), &forged), ip("::1"));
        // A peer speaking IPv4 over IPv6 is matched as IPv4.
        let mapped = headers(&[("forwarded", "for=203.0.113.7")]);
        assert_eq!(
            client_address(&trusted, ip("::ffff:10.0.0.5"), &mapped),
            ip("203.0.113.7")
        );
    }
}
