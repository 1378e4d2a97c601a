//! What every page shares: its language, labels, title, and the link to the same page in the
//! other language.

use axum::http::Uri;
use shinrai_domain::text::Lang;

use super::labels::Labels;

#[derive(Debug, Clone)]
pub struct Page {
    pub lang: &'static str,
    pub language: Lang,
    pub l: Labels,
    pub title: String,
    /// The same address with `lang=` set to the other language.
    pub switch_href: String,
    /// The signed-in reader, if any.
    pub viewer: Option<Viewer>,
    /// The sign-in page, coming back here afterwards.
    pub login_href: String,
}

/// A signed-in reader as the header shows them.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub login: String,
    pub organisation: String,
    /// Sent back with the sign-out form.
    pub csrf_token: String,
    /// How many of their organisation's notifications are unread.
    pub unread: u64,
}

impl Page {
    pub fn new(lang: Lang, uri: &Uri, title: impl Into<String>) -> Page {
        let l = Labels::of(lang);
        Page {
            lang: lang.code(),
            language: lang,
            login_href: format!(
                "/login?lang={}&next={}",
                lang.code(),
                encode(&with_lang(uri, lang.code()))
            ),
            switch_href: with_lang(uri, l.other_language_code),
            l,
            title: title.into(),
            viewer: None,
        }
    }

    /// `path?query` keeping every parameter but `lang`, which becomes `code`.
    pub fn href(&self, path: &str, query: &[(&str, String)]) -> String {
        let mut pairs: Vec<String> = query
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", encode(value)))
            .collect();
        pairs.push(format!("lang={}", self.lang));
        format!("{path}?{}", pairs.join("&"))
    }
}

fn with_lang(uri: &Uri, code: &str) -> String {
    let mut pairs: Vec<&str> = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    let lang = format!("lang={code}");
    pairs.push(&lang);
    format!("{}?{}", uri.path(), pairs.join("&"))
}

/// Percent-encodes a query value (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_keeps_the_page_and_its_query() {
        let uri: Uri = "/registry?q=%E7%9B%A3%E6%9F%BB&lang=ja&level=2"
            .parse()
            .unwrap();
        let page = Page::new(Lang::Ja, &uri, "t");
        assert_eq!(
            page.switch_href,
            "/registry?q=%E7%9B%A3%E6%9F%BB&level=2&lang=en"
        );
        let home = Page::new(Lang::En, &"/".parse().unwrap(), "t");
        assert_eq!(home.switch_href, "/?lang=ja");
        assert_eq!(
            home.href(
                "/registry",
                &[("q", "監査 x".to_owned()), ("level", String::new())]
            ),
            "/registry?q=%E7%9B%A3%E6%9F%BB%20x&lang=en"
        );
    }
}
