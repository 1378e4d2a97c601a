//! The one error shape of the whole API, and the one mapping from error to HTTP status.
//!
//! Every failure a client can see is an [`ApiError`]; its `code` is stable (documented in
//! `docs/api/errors.md`), its message comes in both languages. Internal failures are logged
//! with an incident id and only that id reaches the client.

use std::fmt;
use std::time::Duration;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use shinrai_domain::accounts::AccountProblem;
use shinrai_domain::case::{CaseError, Problem};
use shinrai_domain::policy::Denial;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::{FieldError, Refusal};
use utoipa::ToSchema;

/// What went wrong, as the client is told.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// The request cannot be understood (a bad path or query parameter, an unreadable body).
    BadRequest(Bilingual),
    /// The body is not JSON at all.
    MalformedJson(Bilingual),
    /// A typed request body or form is JSON but not what the route takes.
    InvalidInput {
        message: Bilingual,
        pointer: Option<String>,
        detail_code: Option<&'static str>,
    },
    /// A body that is well-formed but refused, with every problem at its field (the
    /// workflow's transitions find them all at once); never empty.
    InvalidFields(Vec<FieldError>),
    /// A decision case that is JSON but not a well-formed case.
    InvalidCase(CaseError),
    SignInRequired,
    /// A sign-in with a wrong login or password; which of the two is not said.
    InvalidCredentials,
    Forbidden,
    /// The one acting is not the party that may do this (`detail_code` says which rule, e.g.
    /// `four_eyes`).
    NotAllowed {
        message: Bilingual,
        detail_code: &'static str,
    },
    /// The form or request did not carry the session's anti-forgery token.
    CsrfFailed,
    /// The action needs a signed-in browser session; an API token may not do it.
    SessionRequired,
    NotFound(Bilingual),
    MethodNotAllowed,
    /// The request body did not arrive in full within the body timeout.
    RequestTimeout,
    Conflict(Bilingual),
    /// The thing is in a state that forbids the action (`detail_code` says which, e.g.
    /// `statement_frozen`).
    StateConflict {
        message: Bilingual,
        detail_code: &'static str,
    },
    PayloadTooLarge,
    /// The request target (path and query) is longer than `limit` bytes.
    UriTooLong {
        limit: usize,
    },
    /// The body's `Content-Type` is not the one the route reads.
    UnsupportedMediaType {
        expected: &'static str,
    },
    TooManyRequests {
        retry_after: Duration,
    },
    /// The header fields are over `limit` bytes, or more than `count` of them.
    HeadersTooLarge {
        limit: usize,
        count: usize,
    },
    /// A dependency (the database) does not answer.
    Unavailable,
    /// Too much work is waiting already (decisions); try again after `retry_after`.
    Busy {
        retry_after: Duration,
    },
    /// A bug or an infrastructure failure; the detail went to the log under `incident`.
    Internal {
        incident: String,
    },
}

/// Every code [`ApiError::code`] can return, with its HTTP status: the table behind
/// `docs/api/errors.md`.
pub const CODES: [(&str, u16); 21] = [
    ("bad_request", 400),
    ("malformed_json", 400),
    ("sign_in_required", 401),
    ("invalid_credentials", 401),
    ("forbidden", 403),
    ("csrf_failed", 403),
    ("session_required", 403),
    ("not_found", 404),
    ("method_not_allowed", 405),
    ("request_timeout", 408),
    ("conflict", 409),
    ("payload_too_large", 413),
    ("uri_too_long", 414),
    ("unsupported_media_type", 415),
    ("invalid_input", 422),
    ("invalid_case", 422),
    ("too_many_requests", 429),
    ("headers_too_large", 431),
    ("internal", 500),
    ("unavailable", 503),
    ("busy", 503),
];

impl ApiError {
    /// Logs the detail of an internal failure and keeps only a fresh incident id for the client.
    pub fn internal(detail: impl fmt::Display) -> ApiError {
        let incident = crate::auth::secret::incident_id();
        tracing::error!(incident = %incident, error = %detail, "internal error");
        ApiError::Internal { incident }
    }

    pub fn not_found() -> ApiError {
        ApiError::NotFound(Bilingual::new(
            "お探しのものは見つかりません",
            "there is nothing here",
        ))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::MalformedJson(_) => StatusCode::BAD_REQUEST,
            ApiError::InvalidInput { .. }
            | ApiError::InvalidFields(_)
            | ApiError::InvalidCase(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::SignInRequired | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden
            | ApiError::NotAllowed { .. }
            | ApiError::CsrfFailed
            | ApiError::SessionRequired => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::Conflict(_) | ApiError::StateConflict { .. } => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
            ApiError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::HeadersTooLarge { .. } => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            ApiError::Unavailable | ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::MalformedJson(_) => "malformed_json",
            ApiError::InvalidInput { .. } | ApiError::InvalidFields(_) => "invalid_input",
            ApiError::InvalidCase(_) => "invalid_case",
            ApiError::SignInRequired => "sign_in_required",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::Forbidden | ApiError::NotAllowed { .. } => "forbidden",
            ApiError::CsrfFailed => "csrf_failed",
            ApiError::SessionRequired => "session_required",
            ApiError::NotFound(_) => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::RequestTimeout => "request_timeout",
            ApiError::Conflict(_) | ApiError::StateConflict { .. } => "conflict",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::UriTooLong { .. } => "uri_too_long",
            ApiError::UnsupportedMediaType { .. } => "unsupported_media_type",
            ApiError::TooManyRequests { .. } => "too_many_requests",
            ApiError::HeadersTooLarge { .. } => "headers_too_large",
            ApiError::Unavailable => "unavailable",
            ApiError::Busy { .. } => "busy",
            ApiError::Internal { .. } => "internal",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            ApiError::BadRequest(message)
            | ApiError::MalformedJson(message)
            | ApiError::InvalidInput { message, .. }
            | ApiError::NotFound(message)
            | ApiError::Conflict(message)
            | ApiError::NotAllowed { message, .. }
            | ApiError::StateConflict { message, .. } => message.clone(),
            ApiError::InvalidFields(errors) => Refusal::Invalid(errors.clone()).message(),
            ApiError::InvalidCase(error) => case_message(error),
            ApiError::SignInRequired => Denial::SignInRequired.message(),
            ApiError::InvalidCredentials => Bilingual::new(
                "ログイン名またはパスワードが違います",
                "the login or the password is wrong",
            ),
            ApiError::Forbidden => Denial::Forbidden.message(),
            ApiError::CsrfFailed => Bilingual::new(
                "フォームの有効期限が切れたか、別のサイトから送信されました。ページを読み込み直してからもう一度送信してください",
                "the form has expired or was sent from another site; reload the page and send it again",
            ),
            ApiError::SessionRequired => Bilingual::new(
                "この操作には、ログインしたセッション（Cookie と X-CSRF-Token）が必要です。API トークンでは行えません",
                "this needs a signed-in session (cookie and X-CSRF-Token); an API token may not do it",
            ),
            ApiError::MethodNotAllowed => Bilingual::new(
                "このアドレスはこのメソッドを受け付けません",
                "this address does not accept this method",
            ),
            ApiError::RequestTimeout => Bilingual::new(
                "リクエストの本文が時間内に届きませんでした",
                "the request body did not arrive in time",
            ),
            ApiError::PayloadTooLarge => Bilingual::new(
                "リクエストの本文が大きすぎます",
                "the request body is too large",
            ),
            ApiError::UriTooLong { limit } => Bilingual::new(
                format!("アドレス（パスとクエリ）が長すぎます。{limit} バイトまでです"),
                format!("the address (path and query) is too long; the limit is {limit} bytes"),
            ),
            ApiError::HeadersTooLarge { limit, count } => Bilingual::new(
                format!("ヘッダーが大きすぎます。合計 {limit} バイト、{count} 個までです"),
                format!("the headers are too large; the limit is {limit} bytes and {count} fields"),
            ),
            ApiError::UnsupportedMediaType { expected } => Bilingual::new(
                format!("本文の形式 (Content-Type) が違います。{expected} で送ってください"),
                format!("wrong body type (Content-Type): send {expected}"),
            ),
            ApiError::TooManyRequests { retry_after } => {
                let seconds = retry_seconds(*retry_after);
                Bilingual::new(
                    format!("試行が多すぎます。{seconds} 秒後にもう一度お試しください"),
                    format!("too many attempts; try again in {seconds} seconds"),
                )
            }
            ApiError::Unavailable => Bilingual::new(
                "データベースが応答しません。しばらくしてからもう一度お試しください",
                "the database does not answer; try again later",
            ),
            ApiError::Busy { retry_after } => {
                let seconds = retry_seconds(*retry_after);
                Bilingual::new(
                    format!("混み合っています。{seconds} 秒後にもう一度お試しください"),
                    format!("the server is busy; try again in {seconds} seconds"),
                )
            }
            ApiError::Internal { incident } => Bilingual::new(
                format!(
                    "サーバーの内部エラーです。問い合わせの際はインシデント番号 {incident} をお知らせください"
                ),
                format!("internal server error; quote incident {incident} when reporting it"),
            ),
        }
    }

    /// The JSON body in the request's language.
    pub fn body(&self, lang: Lang) -> ErrorBody {
        let messages = self.message();
        let (pointer, detail_code) = match self {
            ApiError::InvalidCase(error) => {
                // A syntax error has a line and column, not a place in the document.
                let pointer = match error.problem {
                    Problem::Syntax { .. } => None,
                    _ => Some(error.pointer.as_str().to_owned()),
                };
                (pointer, Some(error.problem.code()))
            }
            ApiError::InvalidInput {
                pointer,
                detail_code,
                ..
            } => (pointer.clone(), *detail_code),
            ApiError::InvalidFields(errors) => (
                errors.first().map(|error| error.field.clone()),
                errors.first().map(|error| error.code),
            ),
            ApiError::NotAllowed { detail_code, .. }
            | ApiError::StateConflict { detail_code, .. } => (None, Some(*detail_code)),
            _ => (None, None),
        };
        let problems = match self {
            ApiError::InvalidFields(errors) => Some(
                errors
                    .iter()
                    .map(|error| FieldProblem::new(&error.field, error.code, &error.message, lang))
                    .collect(),
            ),
            // One problem at a known place is a list of one, so that every `invalid_input`
            // with a place reads the same way.
            ApiError::InvalidInput {
                message,
                pointer: Some(pointer),
                detail_code,
            } => Some(vec![FieldProblem::new(
                pointer,
                detail_code.unwrap_or("invalid_value"),
                message,
                lang,
            )]),
            _ => None,
        };
        let incident = match self {
            ApiError::Internal { incident } => Some(incident.clone()),
            _ => None,
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: messages.get(lang).to_owned(),
                messages: Messages {
                    ja: messages.ja,
                    en: messages.en,
                },
                pointer,
                detail_code,
                problems,
                incident,
            },
        }
    }

    /// The response in `lang`. Handlers rarely call this: the error middleware re-renders
    /// every [`ApiError`] response in the request's language.
    pub fn to_response(&self, lang: Lang) -> Response {
        let mut response = (self.status(), Json(self.body(lang))).into_response();
        if let ApiError::TooManyRequests { retry_after } | ApiError::Busy { retry_after } = self {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(retry_seconds(*retry_after)),
            );
            // A client held back comes again on a new connection: requests pipelined on this
            // one would only be refused as well, each costing the server a little.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }

    /// The error a bare status stands for, for responses made by layers that do not speak
    /// this API (axum's 405, a body limit's 413).
    pub fn from_status(status: StatusCode) -> ApiError {
        match status {
            StatusCode::NOT_FOUND => ApiError::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT => ApiError::RequestTimeout,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType {
                expected: "application/json",
            },
            StatusCode::UNAUTHORIZED => ApiError::SignInRequired,
            StatusCode::FORBIDDEN => ApiError::Forbidden,
            StatusCode::SERVICE_UNAVAILABLE => ApiError::Unavailable,
            status if status.is_server_error() => {
                ApiError::internal(format_args!("a layer answered {status}"))
            }
            _ => ApiError::BadRequest(Bilingual::new(
                "リクエストを処理できません",
                "the request cannot be processed",
            )),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message().en)
    }
}

impl std::error::Error for ApiError {}

/// Rendered in English with the error attached, so that the error middleware, which knows the
/// request's language, can render it again in that language.
impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.to_response(Lang::En);
        response.extensions_mut().insert(self);
        response
    }
}

impl From<CaseError> for ApiError {
    fn from(error: CaseError) -> ApiError {
        match error.problem {
            Problem::Syntax { .. } => ApiError::MalformedJson(case_message(&error)),
            _ => ApiError::InvalidCase(error),
        }
    }
}

impl From<Denial> for ApiError {
    fn from(denial: Denial) -> ApiError {
        match denial {
            Denial::SignInRequired => ApiError::SignInRequired,
            Denial::Forbidden => ApiError::Forbidden,
        }
    }
}

impl From<shinrai_store::StoreError> for ApiError {
    /// What the caller caused (a taken id, a missing record) is said; anything else is internal.
    fn from(error: shinrai_store::StoreError) -> ApiError {
        match &error {
            shinrai_store::StoreError::Conflict { .. }
            | shinrai_store::StoreError::Unchangeable { .. } => ApiError::Conflict(error.message()),
            shinrai_store::StoreError::NotFound { .. } => ApiError::NotFound(error.message()),
            shinrai_store::StoreError::UploadTooLarge { .. } => ApiError::PayloadTooLarge,
            shinrai_store::StoreError::UploadBroken { .. } => ApiError::BadRequest(error.message()),
            _ => ApiError::internal(error),
        }
    }
}

impl From<AccountProblem> for ApiError {
    fn from(problem: AccountProblem) -> ApiError {
        ApiError::InvalidInput {
            message: problem.message(),
            pointer: None,
            detail_code: Some(problem.code()),
        }
    }
}

/// A malformed case in words; a syntax error names its line and column, which no pointer can.
fn case_message(error: &CaseError) -> Bilingual {
    let why = error.problem.message();
    match error.problem {
        Problem::Syntax { .. } => Bilingual::new(
            format!("{}: {}", error.place(Lang::Ja), why.ja),
            format!("{}: {}", error.place(Lang::En), why.en),
        ),
        _ => why,
    }
}

/// Whole seconds, rounded up so that a client waiting that long is never too early.
fn retry_seconds(wait: Duration) -> u64 {
    let whole = wait.as_secs();
    if wait.subsec_nanos() > 0 {
        whole.saturating_add(1)
    } else {
        whole.max(1)
    }
}

/// `{"error": {...}}`: the body of every error response.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable, language-neutral code; see `docs/api/errors.md`.
    #[schema(example = "invalid_case")]
    pub code: &'static str,
    /// The message in the request's language (`?lang=`, else `Accept-Language`, else English).
    pub message: String,
    pub messages: Messages,
    /// JSON pointer (RFC 6901) to the offending value of the request body, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "/application/target_level")]
    pub pointer: Option<String>,
    /// The finer code: for `invalid_case` one of `syntax`, `missing_field`, `wrong_type`,
    /// `out_of_range`, `unknown_value`, `unknown_reference`, `duplicate`, `empty`,
    /// `too_long`, `invalid_date`, `inconsistent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub detail_code: Option<&'static str>,
    /// For `invalid_input`: every problem of the body, each at its place; `pointer` and
    /// `detail_code` repeat the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub problems: Option<Vec<FieldProblem>>,
    /// For `internal`: the id under which the failure was logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub incident: Option<String>,
}

/// One problem of a request body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    /// JSON pointer (RFC 6901) to the value, e.g. `/selected/3/control`; for an uploaded
    /// spreadsheet, the sheet and cell (`controls!E7`, or `E7` in a CSV file).
    #[schema(example = "/period_end")]
    pub pointer: String,
    /// What is wrong, e.g. `required`, `too_long`, `duplicate`, `unknown_control`.
    #[schema(example = "period_too_long")]
    pub code: &'static str,
    /// In the request's language.
    pub message: String,
    pub messages: Messages,
}

impl FieldProblem {
    fn new(pointer: &str, code: &'static str, message: &Bilingual, lang: Lang) -> FieldProblem {
        FieldProblem {
            pointer: pointer.to_owned(),
            code,
            message: message.get(lang).to_owned(),
            messages: Messages {
                ja: message.ja.clone(),
                en: message.en.clone(),
            },
        }
    }
}

/// One text in both languages.
#[derive(Debug, Clone, Serialize, serde::Deserialize, ToSchema)]
pub struct Messages {
    pub ja: String,
    pub en: String,
}

impl Messages {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shinrai_domain::case::Pointer;

    #[test]
    fn the_code_table_matches_the_variants() {
        let samples = [
            ApiError::BadRequest(Bilingual::new("a", "a")),
            ApiError::MalformedJson(Bilingual::new("a", "a")),
            ApiError::SignInRequired,
            ApiError::InvalidCredentials,
            ApiError::Forbidden,
            ApiError::CsrfFailed,
            ApiError::SessionRequired,
            ApiError::not_found(),
            ApiError::MethodNotAllowed,
            ApiError::RequestTimeout,
            ApiError::Conflict(Bilingual::new("a", "a")),
            ApiError::PayloadTooLarge,
            ApiError::UriTooLong { limit: 1 },
            ApiError::UnsupportedMediaType { expected: "x" },
            ApiError::InvalidInput {
                message: Bilingual::new("a", "a"),
                pointer: None,
                detail_code: None,
            },
            ApiError::InvalidCase(CaseError::new(Pointer::root(), Problem::Empty)),
            ApiError::TooManyRequests {
                retry_after: Duration::from_secs(1),
            },
            ApiError::HeadersTooLarge { limit: 1, count: 1 },
            ApiError::Internal {
                incident: "x".into(),
            },
            ApiError::Unavailable,
            ApiError::Busy {
                retry_after: Duration::from_secs(1),
            },
        ];
        let table = CODES.to_vec();
        let seen: Vec<(&str, u16)> = samples
            .iter()
            .map(|error| (error.code(), error.status().as_u16()))
            .collect();
        assert_eq!(seen, table);
    }

    #[test]
    fn every_refused_field_is_listed_and_the_first_leads() {
        let error = ApiError::InvalidFields(vec![
            FieldError::new("/name", "required", Bilingual::new("名前", "name")),
            FieldError::new("/scope/en", "too_long", Bilingual::new("範囲", "scope")),
        ]);
        assert_eq!(error.code(), "invalid_input");
        assert_eq!(error.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = serde_json::to_value(error.body(Lang::Ja)).unwrap_or_default();
        assert_eq!(body["error"]["pointer"], "/name");
        assert_eq!(body["error"]["detail_code"], "required");
        assert_eq!(body["error"]["problems"][1]["pointer"], "/scope/en");
        assert_eq!(body["error"]["problems"][1]["message"], "範囲");
        assert_eq!(body["error"]["messages"]["en"], "the input has 2 problems");
        let plain = ApiError::Forbidden.body(Lang::En);
        assert!(plain.error.problems.is_none());
    }

    #[test]
    fn refusals_keep_their_finer_code_under_the_common_one() {
        let four_eyes = ApiError::NotAllowed {
            message: Bilingual::new("本人は不可", "not the decider"),
            detail_code: "four_eyes",
        };
        assert_eq!(
            (four_eyes.code(), four_eyes.status().as_u16()),
            ("forbidden", 403)
        );
        assert_eq!(
            four_eyes.body(Lang::En).error.detail_code,
            Some("four_eyes")
        );
        let frozen = ApiError::StateConflict {
            message: Bilingual::new("提出済み", "submitted"),
            detail_code: "statement_frozen",
        };
        assert_eq!((frozen.code(), frozen.status().as_u16()), ("conflict", 409));
        assert_eq!(frozen.body(Lang::Ja).error.message, "提出済み");
    }

    #[test]
    fn an_invalid_case_carries_its_problem_code_and_pointer() {
        let error = ApiError::from(CaseError::new(
            Pointer::root().key("availability"),
            Problem::IntegerOutOfRange {
                min: 1,
                max: 3,
                found: "4".into(),
            },
        ));
        let body = serde_json::to_value(error.body(Lang::Ja)).unwrap_or_default();
        assert_eq!(body["error"]["code"], "invalid_case");
        assert_eq!(body["error"]["detail_code"], "out_of_range");
        assert_eq!(body["error"]["pointer"], "/availability");
        assert_eq!(
            body["error"]["message"],
            "1 から 3 までの整数であるべきところが 4 です"
        );
        assert_eq!(
            body["error"]["messages"]["en"],
            "must be an integer from 1 to 3, found 4"
        );
        assert_eq!(error.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }

    #[test]
    fn a_syntax_error_is_malformed_json_with_its_place() {
        let error = ApiError::from(CaseError::new(
            Pointer::root(),
            Problem::Syntax {
                line: 2,
                column: 5,
                kind: shinrai_domain::case::SyntaxKind::Invalid,
                detail: "expected value".into(),
            },
        ));
        assert_eq!(error.code(), "malformed_json");
        assert_eq!(
            error.message().en,
            "line 2 column 5: not valid JSON: expected value"
        );
        assert_eq!(
            error.message().ja,
            "2 行 5 列: JSON の構文が正しくありません"
        );
    }

    #[test]
    fn too_many_requests_says_when_to_retry() {
        let error = ApiError::TooManyRequests {
            retry_after: Duration::from_millis(90_500),
        };
        let response = error.to_response(Lang::En);
        assert_eq!(
            response.headers().get(header::RETRY_AFTER),
            Some(&HeaderValue::from(91_u64))
        );
        assert_eq!(
            response.headers().get(header::CONNECTION),
            Some(&HeaderValue::from_static("close"))
        );
    }

    #[test]
    fn internal_errors_show_only_the_incident() {
        let error = ApiError::internal("password=hunter2 leaked in a driver message");
        let body = serde_json::to_string(&error.body(Lang::En)).unwrap_or_default();
        assert!(!body.contains("hunter2"));
        assert!(body.contains("\"incident\""));
    }
}
