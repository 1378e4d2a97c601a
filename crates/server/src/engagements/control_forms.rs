//! The forms of a control's working papers, posted from its page by the audit body's auditors:
//! fair presentation, design, frequency, the population's CSV file, the sample's draw and each
//! sampled occurrence's result. Each calls the same action as the API, then goes back to the
//! control's page at the form's section; a refused form comes back with its problems and input.

use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Multipart, Path, State};
use axum::response::Response;
use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::working_papers::{DesignInput, FairInput, FairVerdict};
use shinrai_formats::population::read_population;

use super::actions::{self, ItemInput};
use super::control_page::render_control;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Posted, SentBack, Shown, acting, bilingual, in_lang, lines, path_segment,
    read_posted, see_other, to_sign_in,
};
use crate::web::upload::read_sheet;
use crate::workflow::{Acting, Failure, Outcome};

type Sent = Result<Form<Vec<(String, String)>>, FormRejection>;

/// The control's page at `section`.
fn back(ctx: &PageContext, id: &str, control: &str, section: &str) -> Response {
    let path = format!(
        "/audits/{}/controls/{}",
        path_segment(id),
        path_segment(control)
    );
    see_other(&format!("{}#{section}", in_lang(&path, ctx.lang)))
}

/// Back to the page on success; the page again with `form`'s problems otherwise.
async fn finish<T>(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    (id, control): (&str, &str),
    form_name: &str,
    fields: Fields,
    outcome: Outcome<T>,
) -> Response {
    match outcome {
        Ok(_) => back(ctx, id, control, form_name),
        Err(failure) => match form::shown(ctx, failure, |_| None) {
            Shown::Again(problems) => {
                let sent_back = SentBack {
                    form: form_name.to_owned(),
                    problems,
                    posted: fields,
                };
                render_control(state, ctx, by, id, control, Some(sent_back)).await
            }
            Shown::Page(response) => response,
        },
    }
}

fn choose(field: &str, code: &'static str, message: Bilingual) -> Failure {
    Refusal::invalid(field, code, message).into()
}

/// `POST /audits/{id}/controls/{control}/fair`.
pub async fn fair(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match FairVerdict::from_code(fields.get("verdict")) {
        Some(verdict) => {
            let input = FairInput {
                control: control.clone(),
                verdict,
                reason: bilingual(&fields, "reason"),
            };
            actions::judge_fair(&state, &by, &id, input).await
        }
        None => Err(choose(
            "/verdict",
            "unknown_verdict",
            Bilingual::new("判断を選んでください", "choose a verdict"),
        )),
    };
    finish(&state, &ctx, &by, (&id, &control), "fair", fields, outcome).await
}

/// `POST /audits/{id}/controls/{control}/design`.
pub async fn design(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match fields.get("effective") {
        "yes" | "no" => {
            let input = DesignInput {
                control: control.clone(),
                effective: fields.get("effective") == "yes",
                reason: bilingual(&fields, "reason"),
                equivalences: Vec::new(),
            };
            actions::judge_design(&state, &by, &id, input).await
        }
        _ => Err(choose(
            "/effective",
            "unknown_judgement",
            Bilingual::new(
                "有効かどうかを選んでください",
                "choose whether it is effective",
            ),
        )),
    };
    finish(
        &state,
        &ctx,
        &by,
        (&id, &control),
        "design",
        fields,
        outcome,
    )
    .await
}

/// `POST /audits/{id}/controls/{control}/frequency`.
pub async fn frequency(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match Frequency::from_name(fields.get("frequency")) {
        Some(frequency) => actions::set_frequency(&state, &by, &id, &control, frequency).await,
        None => Err(choose(
            "/frequency",
            "unknown_frequency",
            Bilingual::new("頻度を選んでください", "choose a frequency"),
        )),
    };
    finish(
        &state,
        &ctx,
        &by,
        (&id, &control),
        "operation",
        fields,
        outcome,
    )
    .await
}

/// `POST /audits/{id}/controls/{control}/population`: the CSV file, frozen on arrival.
pub async fn population(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let post = match read_sheet(&ctx, form).await {
        Ok(post) => post,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let outcome = match read_population("population.csv", &post.bytes) {
        Ok(occurrences) => {
            actions::freeze_population(&state, &by, &id, &control, occurrences).await
        }
        Err(error) => Err(choose("/file", "invalid_population", error.message())),
    };
    finish(
        &state,
        &ctx,
        &by,
        (&id, &control),
        "operation",
        Fields::from_pairs(Vec::new()),
        outcome,
    )
    .await
}

/// `POST /audits/{id}/controls/{control}/samples`: the first round, or the second with why.
pub async fn draw(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let round: u8 = if fields.get("round") == "2" { 2 } else { 1 };
    let reason = (round == 2).then(|| bilingual(&fields, "reason"));
    let outcome = actions::draw_sample(&state, &by, &id, &control, round, reason).await;
    finish(
        &state,
        &ctx,
        &by,
        (&id, &control),
        "samples",
        fields,
        outcome,
    )
    .await
}

/// `POST /audits/{id}/controls/{control}/items/{round}/{occurrence}`.
pub async fn item(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control, round, occurrence)): Path<(String, String, u8, u64)>,
    posted: Sent,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let form_name = format!("item-{round}-{occurrence}");
    let outcome = match fields.get("passed") {
        "yes" | "no" => {
            let input = ItemInput {
                control: control.clone(),
                round,
                occurrence,
                passed: fields.get("passed") == "yes",
                note: bilingual(&fields, "note"),
                evidence: lines(fields.get("evidence")),
            };
            actions::record_item(&state, &by, &id, input).await
        }
        _ => Err(choose(
            "/passed",
            "unknown_result",
            Bilingual::new("結果を選んでください", "choose a result"),
        )),
    };
    finish(
        &state,
        &ctx,
        &by,
        (&id, &control),
        &form_name,
        fields,
        outcome,
    )
    .await
}
