//! The session cookie: `shinrai_session`, readable by no script (`HttpOnly`), sent with no
//! cross-site request (`SameSite=Strict`), for the whole site, `Secure` behind TLS.

use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue, header};

pub const SESSION_COOKIE: &str = "shinrai_session";
/// Holds the sign-in form's anti-forgery token until the form comes back (there is no session
/// yet whose token could guard it).
pub const SIGN_IN_FORM_COOKIE: &str = "shinrai_sign_in";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a cookie value may hold only printable ASCII without space, '\"', ',', ';' or '\\'")]
pub struct InvalidCookieValue;

/// The `Set-Cookie` value that starts a session of `lifetime`.
pub fn session_cookie(
    value: &str,
    secure: bool,
    lifetime: Duration,
) -> Result<HeaderValue, InvalidCookieValue> {
    if value.is_empty() || !value.bytes().all(is_cookie_octet) {
        return Err(InvalidCookieValue);
    }
    set_cookie(SESSION_COOKIE, value, "/", secure, lifetime.as_secs())
}

/// The `Set-Cookie` value that carries the sign-in form's token for an hour, to `/login` only.
pub fn sign_in_form_cookie(value: &str, secure: bool) -> Result<HeaderValue, InvalidCookieValue> {
    if value.is_empty() || !value.bytes().all(is_cookie_octet) {
        return Err(InvalidCookieValue);
    }
    set_cookie(SIGN_IN_FORM_COOKIE, value, "/login", secure, 3600)
}

/// Forgets the sign-in form's token once it has been used.
pub fn clear_sign_in_form_cookie(secure: bool) -> HeaderValue {
    set_cookie(SIGN_IN_FORM_COOKIE, "", "/login", secure, 0)
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that ends the session in the browser (signing out).
pub fn clear_session_cookie(secure: bool) -> HeaderValue {
    set_cookie(SESSION_COOKIE, "", "/", secure, 0).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    secure: bool,
    max_age: u64,
) -> Result<HeaderValue, InvalidCookieValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
    ))
    .map_err(|_| InvalidCookieValue)
}

/// The session cookie's value from the request's `Cookie` headers; the first one wins.
pub fn session_from_headers(headers: &HeaderMap) -> Option<&str> {
    cookie_from_headers(headers, SESSION_COOKIE)
}

/// A cookie's value from the request's `Cookie` headers; the first one wins.
pub fn cookie_from_headers<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.trim_matches('"'))
        .filter(|value| !value.is_empty())
}

/// RFC 6265 `cookie-octet`.
fn is_cookie_octet(byte: u8) -> bool {
    matches!(byte, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_has_every_attribute() {
        let cookie = session_cookie("abc-_123", true, Duration::from_secs(3600)).unwrap();
        assert_eq!(
            cookie,
            "shinrai_session=abc-_123; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure"
        );
        let plain = session_cookie("abc", false, Duration::from_secs(60)).unwrap();
        assert_eq!(
            plain,
            "shinrai_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Strict"
        );
        assert_eq!(
            clear_session_cookie(false),
            "shinrai_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
        );
    }

    #[test]
    fn values_that_would_break_the_header_are_refused() {
        for bad in [
            "",
            "a;b",
            "a b",
            "a,b",
            "a\"b",
            "a\\b",
            "鍵",
            "a\r\nSet-Cookie: x=y",
        ] {
            assert_eq!(
                session_cookie(bad, false, Duration::ZERO),
                Err(InvalidCookieValue),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn reads_the_session_from_cookie_headers() {
        let mut headers = HeaderMap::new();
        assert_eq!(session_from_headers(&headers), None);
        headers.append(header::COOKIE, HeaderValue::from_static("theme=dark"));
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; shinrai_session=s3cr3t; shinrai_session=later"),
        );
        assert_eq!(session_from_headers(&headers), Some("s3cr3t"));
        let mut prefixed = HeaderMap::new();
        prefixed.insert(
            header::COOKIE,
            HeaderValue::from_static("xshinrai_session=no; shinrai_session="),
        );
        assert_eq!(session_from_headers(&prefixed), None);
    }
}
