//! The evaluation of the internal audit from the working papers' page: the report evaluated,
//! the controls to re-perform drawn, each re-performance recorded. Back to the page's
//! evaluation on success; the page again with the form's problems and input otherwise.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::registry::Period;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::working_papers::{InternalAuditInput, InternalAuditReport};

use super::{draw, evaluate, record};
use crate::engagements::pages::render_overview;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::field_values::{Reading, day, yes_or_no};
use crate::web::form::{
    Fields, Posted, answer_post, bilingual, in_lang, lines, path_segment, read_posted,
};
use crate::workflow::{Acting, Failure, Outcome};

type Sent = Result<Form<Vec<(String, String)>>, FormRejection>;

/// Back to the overview's evaluation on success; the overview again with the form's problems
/// otherwise.
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
            "{}#internal-audit",
            in_lang(&format!("/audits/{}/work", path_segment(id)), ctx.lang)
        )
    };
    answer_post(ctx, outcome, done, form_name, fields, |sent_back| {
        render_overview(state, ctx, by, id, Some(sent_back))
    })
    .await
}

fn whether_reliable() -> Bilingual {
    Bilingual::new(
        "依拠できるかどうかを選んでください",
        "choose whether it can be relied on",
    )
}

fn evaluation_of(fields: &Fields) -> Result<InternalAuditInput, Failure> {
    let mut reading = Reading::default();
    let start = reading.take(day(fields, "period_start"));
    let end = reading.take(day(fields, "period_end"));
    let reliable = reading.take(yes_or_no(fields, "reliable", whether_reliable()));
    reading.problems()?;
    let (Some(start), Some(end), Some(reliable)) = (start, end, reliable) else {
        unreachable!("every value was read when no problem was kept")
    };
    Ok(InternalAuditInput {
        report: InternalAuditReport {
            reference: fields.get("reference").trim().to_owned(),
            performed_by: fields.get("performed_by").trim().to_owned(),
            period: Period { start, end },
            scope: bilingual(fields, "scope"),
            covers: lines(fields.get("covers")),
        },
        reliable,
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
    let passed = yes_or_no(
        &fields,
        "passed",
        Bilingual::new("結果を選んでください", "choose a result"),
    );
    let outcome = match passed {
        Ok(passed) => {
            let reason = bilingual(&fields, "reason");
            record(&state, &by, &id, &control, passed, reason).await
        }
        Err(failure) => Err(failure),
    };
    let form_name = format!("reperform-{control}");
    finish(&state, &ctx, &by, &id, &form_name, fields, outcome).await
}
