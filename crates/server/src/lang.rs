//! The language of a request: `?lang=ja|en`, else the best of `Accept-Language`, else English.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use shinrai_domain::text::Lang;

/// Extracts the request's language; never fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for RequestLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLang(negotiate(parts.uri.query(), &parts.headers)))
    }
}

/// The explicit switch wins over the browser's preference; anything unknown is ignored.
pub fn negotiate(query: Option<&str>, headers: &HeaderMap) -> Lang {
    query
        .and_then(from_query)
        .or_else(|| {
            headers
                .get_all(header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(from_accept_language)
        })
        .unwrap_or(Lang::En)
}

/// The last `lang=` pair that names a known language. Only the value is decoded: `ja` and
/// `en` need no percent-encoding, so an encoded value is not a language we speak.
fn from_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .filter_map(|value| match value {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        })
        .next_back()
}

/// The known language with the highest q-value (RFC 9110 §12.5.4); on a tie, the one listed
/// first. `q=0` means "not this one"; `*` says nothing about which.
fn from_accept_language(value: &str) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(Lang::from_tag) else {
            continue;
        };
        let quality = parts
            .find_map(|param| {
                let (key, q) = param.split_once('=')?;
                (key.trim().eq_ignore_ascii_case("q")).then(|| parse_quality(q.trim()))
            })
            .unwrap_or(Some(1000));
        let Some(quality) = quality else {
            continue;
        };
        if quality > 0 && best.is_none_or(|(top, _)| quality > top) {
            best = Some((quality, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

/// A q-value in thousandths; `None` when it is not one (`1.5`, `abc`).
fn parse_quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(accept: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(accept) {
            map.insert(header::ACCEPT_LANGUAGE, value);
        }
        map
    }

    #[test]
    fn the_query_switch_wins() {
        assert_eq!(negotiate(Some("lang=ja"), &headers("en")), Lang::Ja);
        assert_eq!(negotiate(Some("q=x&lang=en"), &headers("ja")), Lang::En);
        assert_eq!(negotiate(Some("lang=fr"), &headers("ja")), Lang::Ja);
        assert_eq!(negotiate(Some("slang=ja"), &headers("")), Lang::En);
    }

    #[test]
    fn accept_language_by_quality() {
        assert_eq!(
            negotiate(None, &headers("ja-JP,ja;q=0.9,en;q=0.8")),
            Lang::Ja
        );
        assert_eq!(
            negotiate(None, &headers("en-US,en;q=0.9,ja;q=0.8")),
            Lang::En
        );
        assert_eq!(negotiate(None, &headers("ja;q=0.5, en;q=0.6")), Lang::En);
        assert_eq!(negotiate(None, &headers("fr, ja;q=0.1")), Lang::Ja);
        assert_eq!(negotiate(None, &headers("ja;q=0, en;q=0")), Lang::En);
        assert_eq!(negotiate(None, &headers("ja;q=0, *")), Lang::En);
        assert_eq!(negotiate(None, &headers("ja;q=2")), Lang::En);
        assert_eq!(negotiate(None, &headers("ja;q=0.001")), Lang::Ja);
        assert_eq!(negotiate(None, &headers("en;q=1.0, ja")), Lang::En);
    }

    #[test]
    fn nothing_known_means_english() {
        assert_eq!(negotiate(None, &HeaderMap::new()), Lang::En);
        assert_eq!(negotiate(None, &headers("de, fr;q=0.5")), Lang::En);
        assert_eq!(negotiate(None, &headers(",,;;q=")), Lang::En);
    }

    #[test]
    fn quality_values() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0.5"), Some(500));
        assert_eq!(parse_quality("0"), Some(0));
        assert_eq!(parse_quality("1.5"), None);
        assert_eq!(parse_quality("0.1234"), None);
        assert_eq!(parse_quality(""), None);
    }
}
