//! The engagement's own forms, posted from its overview: the auditors ask the provider for
//! evidence and judge governance; the provider names the new statement version the audit goes
//! on with. Each calls the same action as the API, then goes back to the overview; a refused
//! form comes back with its problems and input.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Refusal;

use super::actions;
use super::evidence::{self, Asking};
use super::pages::render_overview;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Posted, SentBack, Shown, bilingual, in_lang, path_segment, read_posted, see_other,
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
    match outcome {
        Ok(_) => see_other(&format!(
            "{}#{form_name}",
            in_lang(&format!("/audits/{}/work", path_segment(id)), ctx.lang)
        )),
        Err(failure) => match form::shown(ctx, failure, |_| None) {
            Shown::Again(problems) => {
                let sent_back = SentBack {
                    form: form_name.to_owned(),
                    problems,
                    posted: fields,
                };
                render_overview(state, ctx, by, id, Some(sent_back)).await
            }
            Shown::Page(response) => response,
        },
    }
}

fn optional(fields: &Fields, name: &str) -> Option<String> {
    Some(fields.get(name).trim())
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

/// What the ask form describes, or the problems of its fields.
fn asking_of(fields: &Fields) -> Result<Asking, Failure> {
    let due_on = CalendarDate::parse(fields.get("due_on").trim()).ok_or_else(|| {
        Failure::from(Refusal::invalid(
            "/due_on",
            "invalid_date",
            Bilingual::new(
                "期限は YYYY-MM-DD で入力してください",
                "give the due day as YYYY-MM-DD",
            ),
        ))
    })?;
    let occurrence = match optional(fields, "occurrence") {
        None => None,
        Some(text) => Some(text.parse::<u64>().map_err(|_| {
            Failure::from(Refusal::invalid(
                "/occurrence",
                "not_a_number",
                Bilingual::new(
                    "発生の番号は数字で入力してください",
                    "give the occurrence as a number",
                ),
            ))
        })?),
    };
    Ok(Asking {
        control: optional(fields, "control"),
        occurrence,
        text: bilingual(fields, "text"),
        due_on,
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
    let effective = fields.get("effective") == "yes";
    let reason = bilingual(&fields, "reason");
    let outcome = actions::judge_governance(&state, &by, &id, effective, reason).await;
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
