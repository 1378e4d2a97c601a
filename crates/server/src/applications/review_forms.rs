//! The review's forms: the operator starts the review, asks the audit body to explain
//! controls, judges each explanation, records the decision and (another administrator)
//! approves; the audit body answers what it was asked. Each goes through the API's action, so
//! it is the same event in the signed log; each form carries the revision it was read at, and
//! a post made after someone else changed the application is refused as stale.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
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

/// A review form posted to `/applications/{id}/…` by a signed-in reader, its token checked:
/// what every form here starts from. A reader not signed in is sent to sign in; a form that
/// cannot be read, or whose token is wrong, gets the error page.
pub struct ReviewPost {
    state: AppState,
    ctx: PageContext,
    id: String,
    by: Acting,
    fields: Fields,
}

impl FromRequest<AppState> for ReviewPost {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<ReviewPost, Response> {
        let (mut parts, body) = request.into_parts();
        let Ok(ctx) = PageContext::from_request_parts(&mut parts, state).await;
        let Path(id) = Path::<String>::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let form: Posted = Form::from_request(Request::from_parts(parts, body), state).await;
        let Some(by) = acting(&ctx, state) else {
            return Err(to_sign_in(&ctx));
        };
        match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
            Ok(fields) => Ok(ReviewPost {
                state: state.clone(),
                ctx,
                id,
                by,
                fields,
            }),
            Err(error) => Err(crate::web::error_page(ctx.lang, &ctx.uri, &error)),
        }
    }
}

impl ReviewPost {
    /// Runs `action` unless the application changed after the form was read: then the post is
    /// refused as stale and nothing is done.
    async fn if_fresh<T>(&self, action: impl Future<Output = Outcome<T>>) -> Outcome<T> {
        let stored = actions::visible(&self.state, &self.by, &self.id).await?;
        unchanged_since(
            stored.revision,
            Some(self.fields.revision().unwrap_or(-1)),
            APPLICATION,
            &self.id,
        )?;
        action.await
    }

    /// The application's page again, with `problems` and the decision's fields as posted.
    async fn page(&self, problems: Problems, posted: (String, String, String)) -> Response {
        let ReviewPost {
            state, ctx, id, by, ..
        } = self;
        application_page(state, ctx, by, id, problems, posted).await
    }

    /// The application's page again, with `message` beside the field at `place`.
    async fn again(
        &self,
        place: impl Into<String>,
        message: &str,
        posted: (String, String, String),
    ) -> Response {
        let mut problems = Problems::none();
        problems.field(place, message);
        self.page(problems, posted).await
    }

    /// After an action: the application's page anew, or again with the problems at their
    /// place (the domain's field pointers renamed by `rename`).
    async fn after(
        &self,
        outcome: Outcome<Application>,
        rename: impl Fn(&str) -> Option<(String, String)>,
        posted: (String, String, String),
    ) -> Response {
        let lang = self.ctx.lang;
        let failure = match outcome {
            Ok(application) => {
                return see_other(&in_lang(&format!("/applications/{}", application.id), lang));
            }
            Err(failure) => failure,
        };
        // Register refused by the rule belongs beside the decision field.
        if let crate::workflow::Failure::Refused(Refusal::Conflict(
            conflict @ Conflict::RuleDoesNotRegister { .. },
        )) = &failure
        {
            let mut problems = Problems::none();
            problems.field("/decision", conflict.message().get(lang).to_owned());
            problems.status = Some(StatusCode::CONFLICT);
            return self.page(problems, posted).await;
        }
        match form::shown(&self.ctx, failure, rename) {
            Shown::Again(problems) => self.page(problems, posted).await,
            Shown::Page(response) => response,
        }
    }
}

fn no_posted() -> (String, String, String) {
    (String::new(), String::new(), String::new())
}

/// `POST /applications/{id}/review`: the reviewer starts the review.
pub async fn open_review(post: ReviewPost) -> Response {
    let ReviewPost { state, by, id, .. } = &post;
    let review = async {
        actions::review(state, by, id).await?;
        actions::get(state, by, id).await
    };
    let outcome = post.if_fresh(review).await;
    post.after(outcome, |_| None, no_posted()).await
}

/// `POST /applications/{id}/ask`: the reviewer asks the audit body to explain the checked
/// controls.
pub async fn ask(post: ReviewPost) -> Response {
    let ReviewPost {
        state,
        ctx,
        by,
        id,
        fields,
    } = &post;
    let controls: Vec<String> = fields
        .all("control")
        .into_iter()
        .map(str::to_owned)
        .collect();
    if controls.is_empty() {
        let label = WorkLabels::of(ctx.lang).choose_controls;
        return post.again("/controls", label, no_posted()).await;
    }
    let outcome = post.if_fresh(actions::ask(state, by, id, &controls)).await;
    let rename = |pointer: &str| {
        pointer
            .starts_with("/controls")
            .then(|| ("/controls".to_owned(), "/controls".to_owned()))
    };
    post.after(outcome, rename, no_posted()).await
}

/// `POST /applications/{id}/explain`: an auditor of the audit body answers one control.
pub async fn explain(post: ReviewPost) -> Response {
    let ReviewPost {
        state,
        by,
        id,
        fields,
        ..
    } = &post;
    let control = fields.get("control").to_owned();
    let text = bilingual(fields, "text");
    let outcome = post
        .if_fresh(actions::explain(state, by, id, &control, text))
        .await;
    let place = explanation_place(&control);
    // The text's problems (`/text`, `/text/ja`) go beside the explained control's form.
    let rename = move |pointer: &str| {
        pointer
            .strip_prefix("/text")
            .map(|rest| (format!("{place}{rest}"), "/text".to_owned()))
    };
    post.after(outcome, rename, no_posted()).await
}

/// `POST /applications/{id}/judge`: the reviewer accepts or rejects one explanation.
pub async fn judge(post: ReviewPost) -> Response {
    let ReviewPost {
        state,
        ctx,
        by,
        id,
        fields,
    } = &post;
    let control = fields.get("control").to_owned();
    let accepted = match fields.get("verdict") {
        "accept" => true,
        "reject" => false,
        _ => {
            let label = WorkLabels::of(ctx.lang).not_a_choice;
            return post
                .again(explanation_place(&control), label, no_posted())
                .await;
        }
    };
    let outcome = post
        .if_fresh(actions::judge(state, by, id, &control, accepted))
        .await;
    post.after(outcome, |_| None, no_posted()).await
}

/// `POST /applications/{id}/decide`: the reviewer records register or reject, with reasons.
pub async fn decide(post: ReviewPost) -> Response {
    let ReviewPost {
        state,
        ctx,
        by,
        id,
        fields,
    } = &post;
    let reason = bilingual(fields, "reason");
    let as_posted = (
        fields.get("decision").to_owned(),
        reason.ja.clone(),
        reason.en.clone(),
    );
    let Some(verdict) = Verdict::from_code(fields.get("decision")) else {
        let label = WorkLabels::of(ctx.lang).choose_verdict;
        return post.again("/decision", label, as_posted).await;
    };
    let outcome = post
        .if_fresh(actions::decide(state, by, id, verdict, reason))
        .await;
    post.after(outcome, |_| None, as_posted).await
}

/// `POST /applications/{id}/approve`: an administrator other than the decider approves.
pub async fn approve(post: ReviewPost) -> Response {
    let ReviewPost { state, by, id, .. } = &post;
    let outcome = post.if_fresh(actions::approve(state, by, id)).await;
    post.after(outcome, |_| None, no_posted()).await
}
