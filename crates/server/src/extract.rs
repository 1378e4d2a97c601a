//! Extractors that fail with an [`ApiError`], and the mapping of axum's own rejections, so that
//! no bad input ever answers with anything but the API's error shape.
//!
//! Routes use `ApiJson`, `ApiPath`, `ApiQuery`, `ApiForm` and `JsonText` instead of axum's
//! `Json`, `Path`, `Query`, `Form` and `String`.

use axum::body::Bytes;
use axum::extract::rejection::{
    BytesRejection, FormRejection, JsonRejection, PathRejection, QueryRejection,
};
use axum::extract::{Form, FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;
use shinrai_domain::text::Bilingual;

use crate::error::ApiError;

const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";

/// A JSON body read into `T`; a wrong type or unknown field names its place by JSON pointer.
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = json_body(request, state).await?;
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        let value = serde_path_to_error::deserialize(&mut deserializer)
            .map_err(|error| json_error(error.inner(), Some(error.path())))?;
        // Text after the document is as malformed as text missing from it.
        deserializer
            .end()
            .map_err(|error| json_error(&error, None))?;
        Ok(ApiJson(value))
    }
}

/// A JSON body that may be left out: a request with no body and no content type reads as
/// `None`; any body must be JSON, read as [`ApiJson`] reads it.
#[derive(Debug, Clone)]
pub struct OptionalApiJson<T>(pub Option<T>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for OptionalApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if request.headers().contains_key(header::CONTENT_TYPE) {
            return ApiJson::from_request(request, state)
                .await
                .map(|ApiJson(value)| OptionalApiJson(Some(value)));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(ApiError::from)?;
        if bytes.is_empty() {
            Ok(OptionalApiJson(None))
        } else {
            Err(ApiError::UnsupportedMediaType { expected: JSON })
        }
    }
}

/// A JSON body as text, for readers that parse it themselves (the decision cases).
#[derive(Debug, Clone)]
pub struct JsonText(pub String);

impl<S: Send + Sync> FromRequest<S> for JsonText {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = json_body(request, state).await?;
        String::from_utf8(bytes.to_vec())
            .map(JsonText)
            .map_err(|_| {
                ApiError::MalformedJson(Bilingual::new(
                    "本文が UTF-8 ではありません",
                    "the body is not UTF-8",
                ))
            })
    }
}

/// Path parameters; a value that is not UTF-8 or not of the type is a 400.
#[derive(Debug, Clone)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(ApiError::from)
    }
}

#[derive(Debug, Clone)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(ApiError::from)
    }
}

/// An `application/x-www-form-urlencoded` body.
#[derive(Debug, Clone)]
pub struct ApiForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiForm<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Form::<T>::from_request(request, state)
            .await
            .map(|Form(value)| ApiForm(value))
            .map_err(ApiError::from)
    }
}

/// The body's bytes, once its `Content-Type` says JSON.
async fn json_body<S: Send + Sync>(request: Request, state: &S) -> Result<Bytes, ApiError> {
    if !is_json(request.headers()) {
        return Err(ApiError::UnsupportedMediaType { expected: JSON });
    }
    Bytes::from_request(request, state)
        .await
        .map_err(ApiError::from)
}

/// `application/json` or any `application/*+json`, parameters (charset) aside.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == JSON
        || essence
            .strip_prefix("application/")
            .is_some_and(|subtype| subtype.ends_with("+json"))
}

fn json_error(inner: &serde_json::Error, path: Option<&serde_path_to_error::Path>) -> ApiError {
    let detail = strip_position(&inner.to_string());
    match inner.classify() {
        serde_json::error::Category::Data => {
            // A missing field is reported at the object that lacks it; point at the field.
            let missing = missing_field(&detail);
            let place = path.map(pointer).map(|place| match missing {
                Some(field) => format!("{place}/{}", field.replace('~', "~0").replace('/', "~1")),
                None => place,
            });
            ApiError::InvalidInput {
                message: Bilingual::new(
                    format!("値が正しくありません ({detail})"),
                    format!("invalid value ({detail})"),
                ),
                pointer: place,
                detail_code: missing.map(|_| "missing_field"),
            }
        }
        _ => ApiError::MalformedJson(Bilingual::new(
            format!(
                "{} 行 {} 列: JSON の構文が正しくありません",
                inner.line(),
                inner.column()
            ),
            format!(
                "line {} column {}: not valid JSON: {detail}",
                inner.line(),
                inner.column()
            ),
        )),
    }
}

/// The field serde names in "missing field `name`".
fn missing_field(detail: &str) -> Option<&str> {
    detail
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
}

/// serde_json ends its messages with " at line L column C"; the place is given separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// serde's path as an RFC 6901 JSON pointer.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Segment::Enum { variant } => out.push_str(variant),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> ApiError {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadRequest(Bilingual::new(
                "本文を最後まで受け取れませんでした",
                "the body could not be read to its end",
            ))
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        match rejection {
            JsonRejection::JsonDataError(error) => ApiError::InvalidInput {
                message: Bilingual::new(
                    format!("値が正しくありません ({})", error.body_text()),
                    format!("invalid value ({})", error.body_text()),
                ),
                pointer: None,
                detail_code: None,
            },
            JsonRejection::JsonSyntaxError(error) => ApiError::MalformedJson(Bilingual::new(
                "JSON の構文が正しくありません",
                format!("not valid JSON ({})", error.body_text()),
            )),
            JsonRejection::MissingJsonContentType(_) => {
                ApiError::UnsupportedMediaType { expected: JSON }
            }
            JsonRejection::BytesRejection(error) => ApiError::from(error),
            other => ApiError::from_status(other.status()),
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        use axum::extract::path::ErrorKind;
        match rejection {
            PathRejection::FailedToDeserializePathParams(error) => match error.kind() {
                ErrorKind::InvalidUtf8InPathParam { .. } => ApiError::BadRequest(Bilingual::new(
                    "アドレスに UTF-8 ではない文字が含まれています",
                    "the address holds bytes that are not UTF-8",
                )),
                // The route and its handler disagree: a bug, not the client's doing.
                ErrorKind::WrongNumberOfParameters { .. } | ErrorKind::UnsupportedType { .. } => {
                    ApiError::internal(error.body_text())
                }
                _ => ApiError::BadRequest(Bilingual::new(
                    format!("アドレスの値が正しくありません ({})", error.body_text()),
                    format!("invalid value in the address ({})", error.body_text()),
                )),
            },
            other => ApiError::internal(other.body_text()),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        let detail = rejection.body_text();
        ApiError::BadRequest(Bilingual::new(
            format!("クエリ文字列が正しくありません ({detail})"),
            format!("invalid query string ({detail})"),
        ))
    }
}

impl From<FormRejection> for ApiError {
    fn from(rejection: FormRejection) -> ApiError {
        match rejection {
            FormRejection::InvalidFormContentType(_) => {
                ApiError::UnsupportedMediaType { expected: FORM }
            }
            FormRejection::BytesRejection(error) => ApiError::from(error),
            other if other.status() == StatusCode::UNPROCESSABLE_ENTITY => {
                let detail = other.body_text();
                ApiError::InvalidInput {
                    message: Bilingual::new(
                        format!("フォームの値が正しくありません ({detail})"),
                        format!("invalid form value ({detail})"),
                    ),
                    pointer: None,
                    detail_code: None,
                }
            }
            other => {
                let detail = other.body_text();
                ApiError::BadRequest(Bilingual::new(
                    format!("フォームを読めません ({detail})"),
                    format!("the form cannot be read ({detail})"),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::http::HeaderValue;
    use axum::routing::post;
    use serde::Deserialize;
    use tower::ServiceExt as _;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Login {
        login: String,
        remember: Option<bool>,
        roles: Option<Vec<u8>>,
    }

    async fn call(
        router: Router,
        content_type: &str,
        body: &'static [u8],
    ) -> (u16, serde_json::Value) {
        let request = Request::post("/")
            .header(header::CONTENT_TYPE, content_type)
            .body(axum::body::Body::from(body))
            .unwrap();
        let response = router.oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap_or_default())
    }

    fn json_router() -> Router {
        Router::new().route(
            "/",
            post(|ApiJson(login): ApiJson<Login>| async move { login.login }),
        )
    }

    fn form_router() -> Router {
        Router::new().route(
            "/",
            post(|ApiForm(login): ApiForm<Login>| async move { login.login }),
        )
    }

    #[tokio::test]
    async fn typed_json_bodies() {
        let (status, _) = call(json_router(), "application/json", br#"{"login":"sato"}"#).await;
        assert_eq!(status, 200);
        let (status, _) = call(
            json_router(),
            "application/merge-patch+json; charset=utf-8",
            br#"{"login":"sato"}"#,
        )
        .await;
        assert_eq!(status, 200);

        let (status, body) = call(
            json_router(),
            "application/json",
            br#"{"login":"sato","roles":[1,"x"]}"#,
        )
        .await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (422, &"invalid_input".into())
        );
        assert_eq!(body["error"]["pointer"], "/roles/1");

        let (status, body) = call(
            json_router(),
            "application/json",
            br#"{"login":"sato","admin":true}"#,
        )
        .await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (422, &"invalid_input".into())
        );
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("unknown field `admin`")
        );

        let (status, body) = call(json_router(), "application/json", br#"{"remember":true}"#).await;
        assert_eq!(status, 422);
        assert_eq!(body["error"]["pointer"], "/login");
        assert_eq!(body["error"]["detail_code"], "missing_field");

        let (status, body) = call(
            json_router(),
            "application/json",
            br#"{"login":"sato"} trailing"#,
        )
        .await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (400, &"malformed_json".into())
        );

        let (status, body) = call(json_router(), "application/json", b"{\"login\":").await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (400, &"malformed_json".into())
        );
        assert_eq!(
            body["error"]["messages"]["ja"],
            "1 行 9 列: JSON の構文が正しくありません"
        );

        let (status, body) = call(json_router(), "text/plain", br#"{"login":"sato"}"#).await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (415, &"unsupported_media_type".into())
        );
    }

    #[tokio::test]
    async fn forms() {
        let form = "application/x-www-form-urlencoded";
        assert_eq!(call(form_router(), form, b"login=sato").await.0, 200);
        let (status, body) = call(form_router(), form, b"login=sato&remember=perhaps").await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (422, &"invalid_input".into())
        );
        let (status, body) = call(form_router(), "application/json", b"login=sato").await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (415, &"unsupported_media_type".into())
        );
        assert_eq!(
            body["error"]["message"],
            "wrong body type (Content-Type): send application/x-www-form-urlencoded"
        );
    }

    #[test]
    fn pointers_escape_keys() {
        let error =
            serde_path_to_error::deserialize::<_, std::collections::BTreeMap<String, Vec<u8>>>(
                &mut serde_json::Deserializer::from_str(r#"{"a/b~c": [1, -1]}"#),
            )
            .unwrap_err();
        assert_eq!(pointer(error.path()), "/a~1b~0c/1");
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("Application/JSON"),
        );
        assert!(is_json(&headers));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/jsonx"),
        );
        assert!(!is_json(&headers));
    }

    /// A body that may be left out: none reads as `None`, JSON as its value, a body of another
    /// type is refused, and a malformed one too.
    #[tokio::test]
    async fn an_optional_body_may_be_left_out_but_not_sent_as_something_else() {
        let router = || {
            Router::new().route(
                "/",
                post(
                    |OptionalApiJson(login): OptionalApiJson<Login>| async move {
                        login.map_or_else(|| "none".to_owned(), |login| login.login)
                    },
                ),
            )
        };
        let bare = Request::post("/").body(axum::body::Body::empty()).unwrap();
        let response = router().oneshot(bare).await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 10)
            .await
            .unwrap();
        assert_eq!(&bytes[..], b"none");
        let (status, _) = call(router(), "application/json", br#"{"login": "sato"}"#).await;
        assert_eq!(status, 200);
        let (status, body) = call(router(), "application/json", b"{").await;
        assert_eq!(status, 400, "{body}");
        let untyped = Request::post("/")
            .body(axum::body::Body::from(&br#"{"login": "sato"}"#[..]))
            .unwrap();
        let response = router().oneshot(untyped).await.unwrap();
        assert_eq!(response.status().as_u16(), 415);
        let (status, _) = call(router(), "text/plain", br#"{"login": "sato"}"#).await;
        assert_eq!(status, 415);
    }
}
