//! What every server-rendered form shares: reading the posted fields (repeated names kept, as
//! checkboxes send them), the session's anti-forgery token, the one acting, the problems shown
//! next to their fields in the reader's language, and the redirect after a successful post
//! (post, redirect, get: reloading the page never posts again).

use axum::extract::Form;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::policy::Actor;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::{Moment, Refusal};

use super::context::PageContext;
use super::page::encode;
use crate::auth::csrf::CSRF_FIELD;
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome};

/// Most fields one form may post: an objective of the largest criteria has a few hundred
/// controls of about ten fields each.
pub const MAX_FIELDS: usize = 20_000;

/// A posted form: every `name=value` pair in order.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pairs: Vec<(String, String)>,
}

impl Fields {
    /// The form as the extractor read it; a body that is not a form, or one with more than
    /// [`MAX_FIELDS`] fields, is refused.
    pub fn read(
        form: Result<Form<Vec<(String, String)>>, FormRejection>,
    ) -> Result<Fields, ApiError> {
        let Ok(Form(pairs)) = form else {
            return Err(ApiError::BadRequest(Bilingual::new(
                "フォームの入力を読み取れません",
                "the form could not be read",
            )));
        };
        if pairs.len() > MAX_FIELDS {
            return Err(ApiError::BadRequest(Bilingual::new(
                format!("フォームの項目は {MAX_FIELDS} 個までです"),
                format!("a form has at most {MAX_FIELDS} fields"),
            )));
        }
        Ok(Fields { pairs })
    }

    pub fn from_pairs(pairs: Vec<(String, String)>) -> Fields {
        Fields { pairs }
    }

    /// The first value of `name`, or the empty text.
    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value of `name`, in order (checked boxes of one name).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(key, _)| key == name)
    }

    /// The revision the form was read at, if it carries a well-formed one.
    pub fn revision(&self) -> Option<i64> {
        self.get("revision").trim().parse().ok()
    }
}

/// The one acting from a page: a signed-in member at the server's moment; `None` for the
/// public, who is sent to sign in ([`to_sign_in`]).
pub fn acting(ctx: &PageContext, state: &AppState) -> Option<Acting> {
    match &ctx.caller.actor {
        Actor::Member(member) => Some(Acting::new(member.clone(), Moment::at(state.wall.now_ms()))),
        Actor::Anonymous => None,
    }
}

/// The sign-in page, coming back to the page asked for (a form's page for a post).
pub fn to_sign_in(ctx: &PageContext) -> Response {
    let lang = ctx.lang.code();
    let back = format!("{}?lang={lang}", ctx.uri.path());
    Redirect::to(&format!("/login?lang={lang}&next={}", encode(&back))).into_response()
}

/// Checks that a posted form carries the session's anti-forgery token.
pub fn check_token(ctx: &PageContext, fields: &Fields) -> Result<(), ApiError> {
    ctx.caller.check_csrf(Some(fields.get(CSRF_FIELD)))
}

/// After a successful post: the page that shows its result, fetched anew.
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// One problem of a form, at its field (a pointer the template asks for) or for the whole form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Empty for a problem of the whole form.
    pub field: String,
    pub message: String,
}

/// The problems to show on a form, each next to its field, and all of them at the top.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    pub list: Vec<Problem>,
    pub status: Option<StatusCode>,
}

impl Problems {
    pub fn none() -> Problems {
        Problems::default()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn field(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.list.push(Problem {
            field: field.into(),
            message: message.into(),
        });
    }

    pub fn whole(&mut self, message: impl Into<String>) {
        self.field(String::new(), message);
    }

    /// The messages at `field` and below it (`/name` holds `/name/ja`).
    pub fn at(&self, field: &str) -> Vec<&str> {
        if field.is_empty() {
            return Vec::new();
        }
        self.list
            .iter()
            .filter(|problem| {
                !problem.field.is_empty()
                    && (problem.field == field
                        || problem
                            .field
                            .strip_prefix(field)
                            .is_some_and(|rest| rest.starts_with('/')))
            })
            .map(|problem| problem.message.as_str())
            .collect()
    }

    /// Whether `field` or anything below it has a problem.
    pub fn has(&self, field: &str) -> bool {
        !self.at(field).is_empty()
    }

    /// The status of the page showing the form: 200 without problems, else the one set (422
    /// for invalid fields, 409 for a state or a stale save).
    pub fn status(&self) -> StatusCode {
        match (self.is_empty(), self.status) {
            (true, _) => StatusCode::OK,
            (false, Some(status)) => status,
            (false, None) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// What a form page makes of an action's failure.
pub enum Shown {
    /// Show the form again, with the input as sent and these problems.
    Again(Problems),
    /// A page of its own: not found, not allowed, or the service failing.
    Page(Response),
}

/// Sorts an action's failure: invalid fields, a refused state and a stale save go back to the
/// form (fields renamed by `rename`, which answers the form's pointer and the name to show in
/// the message); anything else is its own page with the API's status.
pub fn shown(
    ctx: &PageContext,
    failure: Failure,
    rename: impl Fn(&str) -> Option<(String, String)>,
) -> Shown {
    let lang = ctx.lang;
    let mut problems = Problems::none();
    if failure.is_stale() {
        let message = match &failure {
            Failure::Stale(message) => message.get(lang).to_owned(),
            _ => stale_message().get(lang).to_owned(),
        };
        problems.whole(message);
        problems.status = Some(StatusCode::CONFLICT);
        return Shown::Again(problems);
    }
    match failure {
        Failure::Refused(Refusal::Invalid(errors)) => {
            for error in errors {
                let message = error.message.get(lang).to_owned();
                match rename(&error.field) {
                    Some((field, name)) => {
                        problems.field(field, message.replace(&error.field, &name));
                    }
                    None => problems.field(error.field.clone(), message),
                }
            }
            problems.status = Some(StatusCode::UNPROCESSABLE_ENTITY);
            Shown::Again(problems)
        }
        Failure::Refused(Refusal::Conflict(conflict)) => {
            problems.whole(conflict.message().get(lang).to_owned());
            problems.status = Some(StatusCode::CONFLICT);
            Shown::Again(problems)
        }
        Failure::NotFound(_) => Shown::Page(super::not_found_page(lang, &ctx.uri)),
        other => Shown::Page(super::error_page(lang, &ctx.uri, &ApiError::from(other))),
    }
}

/// What a posted form comes to: the signed-in member and its fields, the token checked; or the
/// page to answer instead (the sign-in page, or why the form could not be read).
pub enum Posted {
    Read(Acting, Fields),
    Page(Response),
}

/// Reads a posted form of a signed-in member.
pub fn read_posted(
    ctx: &PageContext,
    state: &AppState,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Posted {
    let Some(by) = acting(ctx, state) else {
        return Posted::Page(to_sign_in(ctx));
    };
    match Fields::read(form).and_then(|fields| check_token(ctx, &fields).map(|()| fields)) {
        Ok(fields) => Posted::Read(by, fields),
        Err(error) => Posted::Page(super::error_page(ctx.lang, &ctx.uri, &error)),
    }
}

/// A form of a page with several forms, sent back: which one (a name the page chooses), its
/// problems and its fields as sent.
#[derive(Debug)]
pub struct SentBack {
    pub form: String,
    pub problems: Problems,
    pub posted: Fields,
}

/// What a page answers to a posted form: on success, the page that shows the result (`done`,
/// fetched anew); a refused form comes back through `again` with its problems and its fields as
/// sent; any other failure is its own page.
pub async fn answer_post<T, Again, Shows>(
    ctx: &PageContext,
    outcome: Outcome<T>,
    done: impl FnOnce(T) -> String,
    form_name: &str,
    posted: Fields,
    again: Again,
) -> Response
where
    Again: FnOnce(SentBack) -> Shows,
    Shows: Future<Output = Response>,
{
    match outcome {
        Ok(result) => see_other(&done(result)),
        Err(failure) => match shown(ctx, failure, |_| None) {
            Shown::Again(problems) => {
                again(SentBack {
                    form: form_name.to_owned(),
                    problems,
                    posted,
                })
                .await
            }
            Shown::Page(response) => response,
        },
    }
}

/// What each form of a page shows: nothing special, or the one sent back with its problems and
/// input.
#[derive(Default)]
pub struct PageForms {
    pub sent_back: Option<SentBack>,
}

impl PageForms {
    pub fn with(sent_back: Option<SentBack>) -> PageForms {
        PageForms { sent_back }
    }

    fn of(&self, form: &str) -> Option<&SentBack> {
        self.sent_back.as_ref().filter(|sent| sent.form == form)
    }

    /// Every problem of `form`, its fields' and its own.
    pub fn problems(&self, form: &str) -> Vec<String> {
        self.of(form)
            .map(|sent| {
                sent.problems
                    .list
                    .iter()
                    .map(|problem| problem.message.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What `form` shows in `name`: the value sent back, else `default`.
    pub fn posted_or(&self, form: &str, name: &str, default: &str) -> String {
        self.of(form).map_or_else(
            || default.to_owned(),
            |sent| sent.posted.get(name).to_owned(),
        )
    }

    /// The status of the page: 200, or the one the sent-back form's problems call for.
    pub fn status(&self) -> StatusCode {
        self.sent_back
            .as_ref()
            .map_or(StatusCode::OK, |sent| sent.problems.status())
    }
}

/// The texts a form shows again in its fields: those sent back, else empty.
pub struct SentTexts(Vec<(&'static str, String)>);

impl SentTexts {
    /// The fields `names` of `form`.
    pub fn of(forms: &PageForms, form: &str, names: &[&'static str]) -> SentTexts {
        SentTexts(
            names
                .iter()
                .map(|&name| (name, forms.posted_or(form, name, "")))
                .collect(),
        )
    }

    /// What the field `name` shows.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(field, _)| *field == name)
            .map_or("", |(_, text)| text.as_str())
    }
}

/// The day a form's field `name` gives as YYYY-MM-DD, or the refusal naming the field.
pub fn date_field(fields: &Fields, name: &str) -> Outcome<CalendarDate> {
    CalendarDate::parse(fields.get(name).trim()).ok_or_else(|| {
        Failure::from(Refusal::invalid(
            format!("/{name}"),
            "invalid_date",
            Bilingual::new(
                format!("/{name} を YYYY-MM-DD の形で入力してください"),
                format!("give /{name} as YYYY-MM-DD"),
            ),
        ))
    })
}

/// As [`date_field`], for a field that may be left empty.
pub fn optional_date_field(fields: &Fields, name: &str) -> Outcome<Option<CalendarDate>> {
    if fields.get(name).trim().is_empty() {
        Ok(None)
    } else {
        date_field(fields, name).map(Some)
    }
}

/// A save the store refused because another was made after the form was read.
fn stale_message() -> Bilingual {
    Bilingual::new(
        "この画面を開いた後に別の保存がありました。最新の内容を読み込み直してから入力し直してください",
        "someone saved after this form was opened; reload it and make your change again",
    )
}

/// An error page for a failure that is no form's business (reading a page).
pub fn failure_page(ctx: &PageContext, failure: Failure) -> Response {
    match failure {
        Failure::NotFound(_) => super::not_found_page(ctx.lang, &ctx.uri),
        other => super::error_page(ctx.lang, &ctx.uri, &ApiError::from(other)),
    }
}

/// A text in both languages from two fields `{name}_ja` and `{name}_en`.
pub fn bilingual(fields: &Fields, name: &str) -> Bilingual {
    Bilingual::new(
        fields.get(&format!("{name}_ja")).trim(),
        fields.get(&format!("{name}_en")).trim(),
    )
}

/// The non-empty lines of a text area, trimmed.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A page that must not be kept by any cache: it shows one organisation's own work.
pub fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `text` as one segment of an address: every byte outside the unreserved characters
/// percent-encoded, so that an id typed into a form cannot reach another route.
pub fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The address `path` in the reader's language.
pub fn in_lang(path: &str, lang: Lang) -> String {
    format!("{path}?lang={}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_repeated_names_and_problems_nest() {
        let fields = Fields::from_pairs(vec![
            ("tech".into(), "a".into()),
            ("tech".into(), "b".into()),
            ("revision".into(), " 7 ".into()),
        ]);
        assert_eq!(fields.all("tech"), ["a", "b"]);
        assert_eq!(fields.get("tech"), "a");
        assert_eq!(fields.get("none"), "");
        assert_eq!(fields.revision(), Some(7));
        let mut problems = Problems::none();
        assert_eq!(problems.status(), StatusCode::OK);
        problems.field("/name/ja", "too long");
        problems.whole("check the form");
        assert_eq!(problems.at("/name"), ["too long"]);
        assert!(
            problems.at("/nam").is_empty(),
            "a prefix of a name is not a parent"
        );
        assert!(
            problems.at("").is_empty(),
            "whole-form problems are not at a field"
        );
        assert_eq!(problems.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(lines(" a \n\n b\r\n"), ["a", "b"]);
    }
}
