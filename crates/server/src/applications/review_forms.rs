//! The review's forms: the operator starts the review, asks the audit body to explain
//! controls, judges each explanation, records the decision and (another administrator)
//! approves; the audit body answers what it was asked. Each goes through the API's action, so
//! it is the same event in the signed log; each form carries the revision it was read at, and
//! a post made after someone else changed the application is refused as stale.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::workflow::application::{Application, Verdict};
use shinrai_domain::workflow::{Conflict, Refusal};

use super::actions;
use super::page::{application_page, explanation_place};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, bilingual, in_lang, see_other, to_sign_in,
};
use crate::web::work_labels::WorkLabels;
use crate::workflow::facts::APPLICATION;
use crate::workflow::{Acting, Outcome, unchanged_since};

type Posted = Result<Form<Vec<(String, String)>>, FormRejection>;

/// The posted form of a signed-in reader, or the page that stops it.
fn posted(
    ctx: &PageContext,
    state: &AppState,
    form: Posted,
) -> Result<(Acting, Fields), Box<Response>> {
    let Some(by) = acting(ctx, state) else {
        return Err(Box::new(to_sign_in(ctx)));
    };
    match Fields::read(form).and_then(|f| form::check_token(ctx, &f).map(|()| f)) {
        Ok(fields) => Ok((by, fields)),
        Err(error) => Err(Box::new(crate::web::error_page(ctx.lang, &ctx.uri, &error))),
    }
}

/// Runs `action` unless the application changed after the form was read: then the post is
/// refused as stale and nothing is done.
async fn if_fresh<T>(
    state: &AppState,
    by: &Acting,
    id: &str,
    fields: &Fields,
    action: impl Future<Output = Outcome<T>>,
) -> Outcome<T> {
    let stored = actions::visible(state, by, id).await?;
    unchanged_since(
        stored.revision,
        Some(fields.revision().unwrap_or(-1)),
        APPLICATION,
        id,
    )?;
    action.await
}

/// The application's page again, with `message` beside the field at `place`.
async fn again(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    (place, message): (String, String),
    posted: (String, String, String),
) -> Response {
    let mut problems = Problems::none();
    problems.field(place, message);
    application_page(state, ctx, by, id, problems, posted).await
}

/// After an action: the application's page anew, or again with the problems at `place` (the
/// domain's field pointers renamed by `rename`).
async fn after(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    outcome: Outcome<Application>,
    rename: impl Fn(&str) -> Option<(String, String)>,
    posted: (String, String, String),
) -> Response {
    let failure = match outcome {
        Ok(application) => {
            return see_other(&in_lang(
                &format!("/applications/{}", application.id),
                ctx.lang,
            ));
        }
        Err(failure) => failure,
    };
    // Register refused by the rule belongs beside the decision field.
    if let crate::workflow::Failure::Refused(Refusal::Conflict(
        conflict @ Conflict::RuleDoesNotRegister { .. },
    )) = &failure
    {
        let mut problems = Problems::none();
        problems.field("/decision", conflict.message().get(ctx.lang).to_owned());
        problems.status = Some(StatusCode::CONFLICT);
        return application_page(state, ctx, by, id, problems, posted).await;
    }
    match form::shown(ctx, failure, rename) {
        Shown::Again(problems) => application_page(state, ctx, by, id, problems, posted).await,
        Shown::Page(response) => response,
    }
}

fn no_posted() -> (String, String, String) {
    (String::new(), String::new(), String::new())
}

/// `POST /applications/{id}/review`: the reviewer starts the review.
pub async fn open_review(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Posted,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let review = async {
        actions::review(&state, &by, &id).await?;
        actions::get(&state, &by, &id).await
    };
    let outcome = if_fresh(&state, &by, &id, &fields, review).await;
    after(&state, &ctx, &by, &id, outcome, |_| None, no_posted()).await
}

/// `POST /applications/{id}/ask`: the reviewer asks the audit body to explain the checked
/// controls.
pub async fn ask(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Posted,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let controls: Vec<String> = fields
        .all("control")
        .into_iter()
        .map(str::to_owned)
        .collect();
    if controls.is_empty() {
        let problem = (
            "/controls".to_owned(),
            WorkLabels::of(ctx.lang).choose_controls.to_owned(),
        );
        return again(&state, &ctx, &by, &id, problem, no_posted()).await;
    }
    let ask = actions::ask(&state, &by, &id, &controls);
    let outcome = if_fresh(&state, &by, &id, &fields, ask).await;
    let rename = |pointer: &str| {
        pointer
            .starts_with("/controls")
            .then(|| ("/controls".to_owned(), "/controls".to_owned()))
    };
    after(&state, &ctx, &by, &id, outcome, rename, no_posted()).await
}

/// `POST /applications/{id}/explain`: an auditor of the audit body answers one control.
pub async fn explain(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Posted,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let control = fields.get("control").to_owned();
    let explain = actions::explain(&state, &by, &id, &control, bilingual(&fields, "text"));
    let outcome = if_fresh(&state, &by, &id, &fields, explain).await;
    let place = explanation_place(&control);
    // The text's problems (`/text`, `/text/ja`) go beside the explained control's form.
    let rename = move |pointer: &str| {
        pointer
            .strip_prefix("/text")
            .map(|rest| (format!("{place}{rest}"), "/text".to_owned()))
    };
    after(&state, &ctx, &by, &id, outcome, rename, no_posted()).await
}

/// `POST /applications/{id}/judge`: the reviewer accepts or rejects one explanation.
pub async fn judge(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Posted,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let control = fields.get("control").to_owned();
    let accepted = match fields.get("verdict") {
        "accept" => true,
        "reject" => false,
        _ => {
            let label = WorkLabels::of(ctx.lang).not_a_choice.to_owned();
            let problem = (explanation_place(&control), label);
            return again(&state, &ctx, &by, &id, problem, no_posted()).await;
        }
    };
    let judge = actions::judge(&state, &by, &id, &control, accepted);
    let outcome = if_fresh(&state, &by, &id, &fields, judge).await;
    after(&state, &ctx, &by, &id, outcome, |_| None, no_posted()).await
}

/// `POST /applications/{id}/decide`: the reviewer records register or reject, with reasons.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Posted,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let reason = bilingual(&fields, "reason");
    let as_posted = (
        fields.get("decision").to_owned(),
        reason.ja.clone(),
        reason.en.clone(),
    );
    let Some(verdict) = Verdict::from_code(fields.get("decision")) else {
        let problem = (
            "/decision".to_owned(),
            WorkLabels::of(ctx.lang).choose_verdict.to_owned(),
        );
        return again(&state, &ctx, &by, &id, problem, as_posted).await;
    };
    let decide = actions::decide(&state, &by, &id, verdict, reason);
    let outcome = if_fresh(&state, &by, &id, &fields, decide).await;
    after(&state, &ctx, &by, &id, outcome, |_| None, as_posted).await
}

/// `POST /applications/{id}/approve`: an administrator other than the decider approves.
pub async fn approve(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Posted,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let approve = actions::approve(&state, &by, &id);
    let outcome = if_fresh(&state, &by, &id, &fields, approve).await;
    after(&state, &ctx, &by, &id, outcome, |_| None, no_posted()).await
}
