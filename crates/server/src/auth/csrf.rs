//! Forged cross-site form posts are refused: every state-changing request from a browser
//! session must carry the session's anti-forgery token, in the `csrf_token` form field or the
//! `X-CSRF-Token` header. A page from another site cannot read the token, so it cannot send it.
//! (`SameSite=Strict` already keeps the cookie off cross-site requests; this is the second lock.)

use axum::http::HeaderMap;

use crate::error::ApiError;

pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the anti-forgery token is missing or wrong")]
pub struct CsrfFailed;

impl From<CsrfFailed> for ApiError {
    fn from(_: CsrfFailed) -> ApiError {
        ApiError::CsrfFailed
    }
}

/// The token a request presents: the form field if the handler read one, else the header.
pub fn presented<'a>(headers: &'a HeaderMap, form_field: Option<&'a str>) -> Option<&'a str> {
    form_field.or_else(|| {
        headers
            .get(CSRF_HEADER)
            .and_then(|value| value.to_str().ok())
    })
}

/// Accepts when `presented` equals the session's token.
pub fn verify(expected: &str, presented: Option<&str>) -> Result<(), CsrfFailed> {
    match presented {
        Some(presented) if !expected.is_empty() && constant_time_eq(expected, presented) => Ok(()),
        _ => Err(CsrfFailed),
    }
}

/// Compares without stopping at the first difference, so that the time taken does not tell
/// an attacker how much of a guess was right. The length is not secret (tokens have one).
pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_token_must_match() {
        assert_eq!(verify("tok3n", Some("tok3n")), Ok(()));
        assert_eq!(verify("tok3n", Some("tok3N")), Err(CsrfFailed));
        assert_eq!(verify("tok3n", Some("tok3")), Err(CsrfFailed));
        assert_eq!(verify("tok3n", None), Err(CsrfFailed));
        assert_eq!(
            verify("", Some("")),
            Err(CsrfFailed),
            "a session without a token"
        );
    }

    #[test]
    fn the_form_field_comes_before_the_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(presented(&headers, None), None);
        headers.insert(CSRF_HEADER, HeaderValue::from_static("from-header"));
        assert_eq!(presented(&headers, None), Some("from-header"));
        assert_eq!(presented(&headers, Some("from-form")), Some("from-form"));
        assert_eq!(ApiError::from(CsrfFailed).code(), "csrf_failed");
    }
}
