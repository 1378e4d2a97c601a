//! The evaluation of the internal audit from the working papers' page: the report evaluated,
//! the controls to re-perform drawn, each re-performance recorded. Back to the page's
//! evaluation on success; the page again with the form's problems and input otherwise.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::Period;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::working_papers::{InternalAuditInput, InternalAuditReport};

use super::{draw, evaluate, record};
use crate::engagements::pages::render_overview;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Posted, SentBack, Shown, bilingual, in_lang, lines, path_segment, read_posted,
    see_other,
};
use crate::workflow::{Acting, Failure, Outcome};

type Sent = Result<Form<Vec<(String, String)>>, FormRejection>;

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
            "{}#internal-audit",
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

fn date(fields: &Fields, name: &str) -> Result<CalendarDate, Failure> {
    CalendarDate::parse(fields.get(name).trim()).ok_or_else(|| {
        Refusal::invalid(
            format!("/{name}"),
            "invalid_date",
            Bilingual::new(
                "日付は YYYY-MM-DD で入力してください",
                "give the day as YYYY-MM-DD",
            ),
        )
        .into()
    })
}

fn evaluation_of(fields: &Fields) -> Result<InternalAuditInput, Failure> {
    Ok(InternalAuditInput {
        report: InternalAuditReport {
            reference: fields.get("reference").trim().to_owned(),
            performed_by: fields.get("performed_by").trim().to_owned(),
            period: Period {
                start: date(fields, "period_start")?,
                end: date(fields, "period_end")?,
            },
            scope: bilingual(fields, "scope"),
            covers: lines(fields.get("covers")),
        },
        reliable: fields.get("reliable") == "yes",
        reason: bilingual(fields, "reason"),
    })
}

/// `POST /audits/{id}/internal-audit`.
pub async fn evaluated(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match evaluation_of(&fields) {
        Ok(input) => evaluate(&state, &by, &id, input).await,
        Err(failure) => Err(failure),
    };
    finish(&state, &ctx, &by, &id, "internal-audit", fields, outcome).await
}

/// `POST /audits/{id}/internal-audit/draw`.
pub async fn drawn(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = draw(&state, &by, &id).await;
    finish(&state, &ctx, &by, &id, "internal-audit", fields, outcome).await
}

/// `POST /audits/{id}/internal-audit/controls/{control}`.
pub async fn reperformed(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let passed = fields.get("passed") == "yes";
    let reason = bilingual(&fields, "reason");
    let outcome = record(&state, &by, &id, &control, passed, reason).await;
    let form_name = format!("reperform-{control}");
    finish(&state, &ctx, &by, &id, &form_name, fields, outcome).await
}
