//! The limits on a request's head, enforced before any route sees it, so that a refusal speaks
//! the API's error shape: a request target over `max_uri_bytes` is `uri_too_long` (414), header
//! fields over `max_header_bytes` or more than [`MAX_HEADER_COUNT`] of them are
//! `headers_too_large` (431), and a query string whose percent-decoded bytes are not UTF-8 is
//! `bad_request` (400) — otherwise it would be read with replacement characters and answered
//! as if it were a different query.
//!
//! The HTTP layer's own buffer is larger than these limits (see
//! [`ConnectionLimits::head_buffer_bytes`]), so heads somewhat over them arrive here.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use shinrai_domain::text::Bilingual;

use super::{ConnectionLimits, MAX_HEADER_COUNT};
use crate::error::ApiError;

/// Middleware: refuses a head over the limits before routing.
pub async fn check_head(
    State(limits): State<ConnectionLimits>,
    request: Request,
    next: Next,
) -> Response {
    match check(&limits, request.uri(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

fn check(limits: &ConnectionLimits, uri: &Uri, headers: &HeaderMap) -> Result<(), ApiError> {
    if target_len(uri) > limits.max_uri_bytes {
        return Err(ApiError::UriTooLong {
            limit: limits.max_uri_bytes,
        });
    }
    let header_bytes = headers
        .iter()
        .map(|(name, value)| name.as_str().len().saturating_add(value.len()))
        .fold(0_usize, usize::saturating_add);
    if headers.len() > MAX_HEADER_COUNT || header_bytes > limits.max_header_bytes {
        return Err(ApiError::HeadersTooLarge {
            limit: limits.max_header_bytes,
            count: MAX_HEADER_COUNT,
        });
    }
    if let Some(query) = uri.query()
        && std::str::from_utf8(&percent_decode(query)).is_err()
    {
        return Err(ApiError::BadRequest(Bilingual::new(
            "クエリ文字列に UTF-8 ではないバイトが含まれています",
            "the query string holds bytes that are not UTF-8",
        )));
    }
    Ok(())
}

/// The request target's length as sent: the path and query, with the scheme and authority of
/// an absolute target.
fn target_len(uri: &Uri) -> usize {
    let scheme = uri
        .scheme_str()
        .map_or(0, |scheme| scheme.len() + "://".len());
    let authority = uri
        .authority()
        .map_or(0, |authority| authority.as_str().len());
    let rest = uri.path_and_query().map_or(0, |rest| rest.as_str().len());
    scheme + authority + rest
}

/// `%XX` escapes as bytes and `+` as a space, as a form decoder reads a query; a `%` without two
/// hex digits after it stays as it is.
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&first, tail)) = rest.split_first() {
        match (first, tail) {
            (b'%', [high, low, after @ ..])
                if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() =>
            {
                out.push((hex_value(*high) << 4) | hex_value(*low));
                rest = after;
            }
            (b'+', _) => {
                out.push(b' ');
                rest = tail;
            }
            (byte, _) => {
                out.push(byte);
                rest = tail;
            }
        }
    }
    out
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        b'A'..=b'F' => digit - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_decode_as_forms_do() {
        assert_eq!(percent_decode("q=%E7%99%BB+x"), "q=登 x".as_bytes());
        assert_eq!(percent_decode("a=%%%&b=%4"), b"a=%%%&b=%4");
        assert!(std::str::from_utf8(&percent_decode("q=%ED%A0%80")).is_err());
        assert!(std::str::from_utf8(&percent_decode("lang=%FF")).is_err());
    }

    #[test]
    fn limits_apply_to_the_target_and_the_headers() {
        let limits = ConnectionLimits {
            max_uri_bytes: 20,
            max_header_bytes: 30,
            ..ConnectionLimits::default()
        };
        let ok: Uri = "/registry?q=abc".parse().unwrap();
        let long: Uri = "/registry?q=abcdefghijkl".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert("accept", "application/json".parse().unwrap());
        assert!(check(&limits, &ok, &headers).is_ok());
        assert_eq!(
            check(&limits, &long, &headers).err().map(|e| e.code()),
            Some("uri_too_long")
        );
        headers.insert("x-padding", "0123456789".parse().unwrap());
        assert_eq!(
            check(&limits, &ok, &headers).err().map(|e| e.code()),
            Some("headers_too_large")
        );
        let absolute: Uri = "http://example.test/registry".parse().unwrap();
        assert_eq!(target_len(&absolute), 28);
    }
}
