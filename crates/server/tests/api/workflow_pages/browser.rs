//! A browser session against the router: pages fetched with the session cookie, forms posted
//! with the session's anti-forgery token, and the checks every page passes.

use axum::body::Body;
use axum::http::Request;
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::criteria::{Control, Part};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;

use crate::pages::{assert_english, assert_japanese, assert_strict};
use crate::support::{Answer, send};
use crate::world::{Session, World};

pub struct Browser<'a> {
    pub world: &'a World,
    pub session: Option<Session>,
}

impl<'a> Browser<'a> {
    /// `role` signed in (`public`: nobody).
    pub async fn of(world: &'a World, role: &str) -> Browser<'a> {
        let session = if role == "public" {
            None
        } else {
            Some(world.session(role).await)
        };
        Browser { world, session }
    }

    pub async fn get(&self, uri: &str) -> (Answer, String) {
        let mut request = Request::get(uri).header("accept", "text/html");
        if let Some(session) = &self.session {
            request = request.header("cookie", &session.cookie);
        }
        let answer = send(&self.world.app, request.body(Body::empty()).unwrap()).await;
        let html = String::from_utf8(answer.body.clone()).unwrap();
        (answer, html)
    }

    /// A page that must answer 200, checked in its language (taken from `lang=` in `uri`).
    pub async fn page(&self, uri: &str) -> String {
        let (answer, html) = self.get(uri).await;
        assert_strict(uri, &answer, &html);
        assert_eq!(
            answer.header("cache-control"),
            Some("private, no-store"),
            "{uri}"
        );
        in_its_language(uri, &html);
        html
    }

    /// Posts `fields` with the session's token (unless `token` says otherwise).
    pub async fn post_with(
        &self,
        uri: &str,
        fields: &[(&str, &str)],
        token: Option<&str>,
    ) -> Answer {
        let mut pairs: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let own = self
            .session
            .as_ref()
            .map(|s| s.csrf.clone())
            .unwrap_or_default();
        pairs.push(("csrf_token".to_owned(), token.unwrap_or(&own).to_owned()));
        let body: String = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut request = Request::post(uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html");
        if let Some(session) = &self.session {
            request = request.header("cookie", &session.cookie);
        }
        send(&self.world.app, request.body(Body::from(body)).unwrap()).await
    }

    pub async fn post(&self, uri: &str, fields: &[(&str, &str)]) -> Answer {
        self.post_with(uri, fields, None).await
    }

    /// Posts a `multipart/form-data` form of `parts` in order: (name, file name for a file,
    /// content).
    pub async fn post_parts(&self, uri: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Answer {
        const BOUNDARY: &str = "----shinrai-test-boundary";
        let mut body = Vec::new();
        for (name, file, content) in parts {
            body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
            match file {
                Some(file) => body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                         Content-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                ),
                None => body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                ),
            }
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let mut request = Request::post(uri)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header("accept", "text/html");
        if let Some(session) = &self.session {
            request = request.header("cookie", &session.cookie);
        }
        send(&self.world.app, request.body(Body::from(body)).unwrap()).await
    }

    /// Uploads `file` named `name` through a page's spreadsheet form, with the session's token
    /// and the page's `revision`.
    pub async fn upload(&self, uri: &str, revision: &str, name: &str, file: &[u8]) -> Answer {
        let token = self
            .session
            .as_ref()
            .map(|s| s.csrf.clone())
            .unwrap_or_default();
        self.post_parts(
            uri,
            &[
                ("csrf_token", None, token.as_bytes()),
                ("revision", None, revision.as_bytes()),
                ("file", Some(name), file),
            ],
        )
        .await
    }
}

/// Checks that the page shows only its own language. What a form holds for the other language
/// (a text area or field filled in both) is input, not the page's text, and is left out.
pub fn in_its_language(uri: &str, html: &str) {
    let html = &without_input(html);
    if uri.contains("lang=en") {
        assert_english(uri, html);
        assert!(html.contains("<html lang=\"en\">"), "{uri}");
    } else {
        assert_japanese(uri, html);
    }
}

/// The page without the contents of its text areas and the values of its fields.
fn without_input(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<textarea") {
        let Some(open_end) = rest[start..].find('>') else {
            break;
        };
        out.push_str(&rest[..start + open_end + 1]);
        rest = &rest[start + open_end + 1..];
        let close = rest.find("</textarea>").unwrap();
        rest = &rest[close..];
    }
    out.push_str(rest);
    let mut cleaned = String::new();
    let mut rest = out.as_str();
    while let Some(start) = rest.find(" value=\"") {
        cleaned.push_str(&rest[..start]);
        rest = &rest[start + 8..];
        let end = rest.find('"').unwrap();
        rest = &rest[end + 1..];
    }
    cleaned.push_str(rest);
    cleaned
}

/// The address a post-redirect-get answer sends the browser to.
pub fn redirected(answer: &Answer) -> String {
    assert_eq!(
        answer.status,
        303,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.header("location").unwrap().to_owned()
}

/// The value of a hidden form field.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// HTML as askama escapes it.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('"', "&#34;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('\'', "&#39;")
}

/// The items or controls of `part` that apply to the test service (a SaaS) at level 1.
pub fn applicable(part: Part) -> Vec<Control> {
    demo_criteria()
        .unwrap()
        .controls
        .into_iter()
        .filter(|c| c.part == part && c.applies(Level::LOW, &[ServiceModel::SaaS]))
        .collect()
}

/// The service form's fields for the test service.
pub fn service_fields(name_en: &str) -> Vec<(&str, &str)> {
    vec![
        ("name_ja", "試験メール"),
        ("name_en", name_en),
        ("description_ja", "メールサービス"),
        ("description_en", "A mail service"),
        ("model", "SaaS"),
        ("scope_SaaS_ja", "アプリケーションまで"),
        ("scope_SaaS_en", "up to the application"),
        ("deployment", "public"),
        ("scope_ja", "本番環境"),
        ("scope_en", "the production environment"),
    ]
}
