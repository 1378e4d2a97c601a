//! The engagement's own forms, posted from its overview: the auditors ask the provider for
//! evidence and judge governance; the provider names the new statement version the audit goes
//! on with. Each calls the same action as the API, then goes back to the overview; a refused
//! form comes back with its problems and input.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::text::Bilingual;

use super::actions;
use super::evidence::{self, Asking};
use super::pages::render_overview;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::field_values::{day, optional_number, optional_text, yes_or_no};
use crate::web::form::{
    Fields, Posted, answer_post, bilingual, in_lang, path_segment, read_posted,
};
use crate::workflow::{Acting, Failure, Outcome};

type Sent = Result<Form<Vec<(String, String)>>, FormRejection>;

/// Back to the overview at `form_name` on success; the overview again with the form's
/// problems otherwise.
async fn finish<T>(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    form_name: &str,
    fields: Fields,
    outcome: Outcome<T>,
) -> Response {
    let done = |_| {
        format!(
            "{}#{form_name}",
            in_lang(&format!("/audits/{}/work", path_segment(id)), ctx.lang)
        )
    };
    answer_post(ctx, outcome, done, form_name, fields, |sent_back| {
        render_overview(state, ctx, by, id, Some(sent_back))
    })
    .await
}

/// What the ask form describes, or the problems of its fields.
fn asking_of(fields: &Fields) -> Result<Asking, Failure> {
    Ok(Asking {
        control: optional_text(fields, "control"),
        occurrence: optional_number(fields, "occurrence")?,
        text: bilingual(fields, "text"),
        due_on: day(fields, "due_on")?,
    })
}

/// `POST /audits/{id}/requests`.
pub async fn ask(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match asking_of(&fields) {
        Ok(asking) => evidence::ask(&state, &by, &id, asking).await,
        Err(failure) => Err(failure),
    };
    finish(&state, &ctx, &by, &id, "requests", fields, outcome).await
}

/// `POST /audits/{id}/governance`.
pub async fn governance(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let effective = yes_or_no(
        &fields,
        "effective",
        Bilingual::new(
            "有効かどうかを選んでください",
            "choose whether it is effective",
        ),
    );
    let outcome = match effective {
        Ok(effective) => {
            let reason = bilingual(&fields, "reason");
            actions::judge_governance(&state, &by, &id, effective, reason).await
        }
        Err(failure) => Err(failure),
    };
    finish(&state, &ctx, &by, &id, "governance", fields, outcome).await
}

/// `POST /audits/{id}/continue`: the provider's new statement version.
pub async fn continue_on(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let statement = fields.get("statement").trim().to_owned();
    let outcome = actions::continue_on(&state, &by, &id, &statement).await;
    finish(&state, &ctx, &by, &id, "continue", fields, outcome).await
}
