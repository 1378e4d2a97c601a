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
use crate::web::field_values::yes_or_no;
use crate::web::form::{
    Fields, Posted, acting, answer_post, bilingual, in_lang, lines, path_segment, read_posted,
    to_sign_in,
};
use crate::web::upload::read_sheet;
use crate::workflow::{Acting, Failure, Outcome};

type Sent = Result<Form<Vec<(String, String)>>, FormRejection>;

/// Back to the control's page at the form's section on success; the page again with the form's
/// problems otherwise.
async fn finish<T>(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    (id, control): (&str, &str),
    form_name: &str,
    fields: Fields,
    outcome: Outcome<T>,
) -> Response {
    let done = |_| {
        let path = format!(
            "/audits/{}/controls/{}",
            path_segment(id),
            path_segment(control)
        );
        format!("{}#{form_name}", in_lang(&path, ctx.lang))
    };
    answer_post(ctx, outcome, done, form_name, fields, |sent_back| {
        render_control(state, ctx, by, id, control, Some(sent_back))
    })
    .await
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
            let input = DesignInput {
                control: control.clone(),
                effective,
                reason: bilingual(&fields, "reason"),
                equivalences: Vec::new(),
            };
            actions::judge_design(&state, &by, &id, input).await
        }
        Err(failure) => Err(failure),
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
    let round: u8 = match fields.get("round") {
        "1" => 1,
        "2" => 2,
        _ => {
            let refused = choose(
                "/round",
                "unknown_round",
                Bilingual::new(
                    "抽出は 1 回目か 2 回目です",
                    "a draw is the first or the second",
                ),
            );
            return finish(
                &state,
                &ctx,
                &by,
                (&id, &control),
                "samples",
                fields,
                Err::<(), _>(refused),
            )
            .await;
        }
    };
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
    let passed = yes_or_no(
        &fields,
        "passed",
        Bilingual::new("結果を選んでください", "choose a result"),
    );
    let outcome = match passed {
        Ok(passed) => {
            let input = ItemInput {
                control: control.clone(),
                round,
                occurrence,
                passed,
                note: bilingual(&fields, "note"),
                evidence: lines(fields.get("evidence")),
            };
            actions::record_item(&state, &by, &id, input).await
        }
        Err(failure) => Err(failure),
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
