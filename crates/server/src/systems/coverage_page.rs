//! `/systems/{id}/coverage?service=`: one candidate service held against one of the procurer's
//! systems — per risk of the criteria's map what its registration covers, what it leaves to the
//! customer, the availability need against its figure with the arithmetic and its pitfall, and
//! the checklists with the answers kept for it; `POST /systems/{id}/answers`, the checklists'
//! form. The page reads the same coverage the API answers.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use shinrai_domain::criteria::{RiskBand, RiskStage};
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::procurement::{
    AnswerValue, InformationSystem, ItemAnswer, checklists, is_procurer,
};
use shinrai_domain::workflow::statement::Responsibility;

use super::actions;
use super::annexes::shared_annexes;
use super::coverage::{CoverageView, ResponsibilityView, coverage_view, criteria_in_force};
use super::pages::{ServiceRow, service_row};
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::coverage_labels::CoverageLabels;
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, acting, answer_post, failure_page, in_lang, path_segment,
    private, read_posted, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::workflow::shown::{figure, list_separator};
use crate::workflow::{Acting, Failure};

/// The checklists' form name on the page.
const ANSWERS_FORM: &str = "answers";

/// The page's query.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CoverageForm {
    pub service: String,
}

/// The address of the page for `system` and the candidate `service`.
pub(super) fn coverage_href(system: &str, service: &str, lang: Lang) -> String {
    format!(
        "/systems/{}/coverage?service={}&lang={}",
        path_segment(system),
        path_segment(service),
        lang.code()
    )
}

struct RiskRow {
    id: String,
    title: String,
    band: String,
    band_code: String,
    stages: String,
    coverage: &'static str,
    coverage_code: String,
    met: String,
    controls: String,
    missing: String,
    left_to: String,
}

/// A control of the shared annex: id, objective, what the provider does (or why it excluded
/// it), and who is responsible.
struct AnnexRow {
    control: String,
    objective: String,
    text: String,
    responsibility: String,
}

/// Something left to the customer, as the coverage page and a registration's account show it.
pub(crate) struct ResponsibilityRow {
    pub heading: String,
    pub text: String,
}

struct AvailabilityRows {
    needed_percent: String,
    needed_minutes: String,
    committed_percent: Option<String>,
    committed_minutes: String,
    meets: Option<bool>,
    stated: String,
    pitfall_share: String,
    pitfall_minutes: String,
}

struct QuestionRow {
    id: String,
    title: String,
    check: String,
    answer: String,
    note: String,
}

struct SectionRows {
    title: String,
    questions: Vec<QuestionRow>,
}

struct ChecklistRows {
    id: String,
    title: String,
    intro: String,
    answered: usize,
    questions: usize,
    sections: Vec<SectionRows>,
}

#[derive(Template)]
#[template(path = "system_coverage.html")]
struct CoveragePage {
    page: Page,
    c: CoverageLabels,
    system_name: String,
    system_class: String,
    system_href: String,
    service: ServiceRow,
    criteria: String,
    risks: Vec<RiskRow>,
    counts: (usize, usize, usize),
    responsibilities: Vec<ResponsibilityRow>,
    availability: AvailabilityRows,
    checklists: Vec<ChecklistRows>,
    /// The shared annex, when its provider shares it with the reader's organisation.
    annex: Option<(String, Vec<AnnexRow>, Vec<AnnexRow>)>,
    answer_choices: Vec<(&'static str, String)>,
    saved: Option<(String, String)>,
    problems: Vec<String>,
    /// Where the checklists' form posts, for a procurer.
    answer_action: Option<String>,
    csrf_token: String,
}

fn risk_rows(view: &CoverageView, c: &CoverageLabels, lang: Lang) -> Vec<RiskRow> {
    view.risks
        .iter()
        .map(|risk| RiskRow {
            id: risk.id.clone(),
            title: risk.title.get(lang).to_owned(),
            band: RiskBand::from_code(&risk.band)
                .map(|band| band.title().get(lang).to_owned())
                .unwrap_or_default(),
            band_code: risk.band.clone(),
            stages: risk
                .stages
                .iter()
                .filter_map(|stage| RiskStage::from_code(stage))
                .map(|stage| stage.title().get(lang).to_owned())
                .collect::<Vec<_>>()
                .join(list_separator(lang)),
            coverage: match risk.coverage.as_str() {
                "covered" => c.covered,
                "partial" => c.partial,
                _ => c.not_covered,
            },
            coverage_code: risk.coverage.clone(),
            met: risk.objectives.join(", "),
            controls: risk.controls.join(", "),
            missing: risk.missing.join(", "),
            left_to: risk.left_to.get(lang).to_owned(),
        })
        .collect()
}

pub(crate) fn responsibility_rows(
    responsibilities: &[ResponsibilityView],
    c: &CoverageLabels,
    lang: Lang,
) -> Vec<ResponsibilityRow> {
    responsibilities
        .iter()
        .map(|one| ResponsibilityRow {
            heading: match (&one.model, &one.control, one.actor.as_deref()) {
                (Some(model), _, _) => format!("{model} — {}", c.scope_of),
                (None, Some(control), Some("both")) => format!("{control} — {}", c.control_both),
                (None, Some(control), _) => format!("{control} — {}", c.control_customer),
                (None, None, _) => String::new(),
            },
            text: one.text.get(lang).to_owned(),
        })
        .collect()
}

/// The checklists with the answers: those sent back when the form comes back, else those kept.
fn checklist_rows(view: &CoverageView, forms: &PageForms, lang: Lang) -> Vec<ChecklistRows> {
    view.checklists
        .iter()
        .map(|(id, checklist)| ChecklistRows {
            id: id.clone(),
            title: checklist.title.get(lang).to_owned(),
            intro: checklist.intro.get(lang).to_owned(),
            answered: checklist.answered,
            questions: checklist.questions,
            sections: checklist
                .sections
                .iter()
                .map(|section| SectionRows {
                    title: section.title.get(lang).to_owned(),
                    questions: section
                        .items
                        .iter()
                        .map(|item| QuestionRow {
                            answer: forms.posted_or(
                                ANSWERS_FORM,
                                &format!("answer-{}", item.id),
                                item.answer.as_deref().unwrap_or_default(),
                            ),
                            note: forms.posted_or(
                                ANSWERS_FORM,
                                &format!("note-{}", item.id),
                                item.note.as_deref().unwrap_or_default(),
                            ),
                            id: item.id.clone(),
                            title: item.title.get(lang).to_owned(),
                            check: item
                                .check
                                .as_ref()
                                .map(|check| check.get(lang).to_owned())
                                .unwrap_or_default(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn availability_rows(view: &CoverageView, lang: Lang) -> AvailabilityRows {
    let fit = &view.availability;
    AvailabilityRows {
        needed_percent: figure(fit.needed_percent),
        needed_minutes: figure(fit.needed_minutes),
        committed_percent: fit.committed_percent.map(figure),
        committed_minutes: fit.committed_minutes.map(figure).unwrap_or_default(),
        meets: fit.meets,
        stated: fit.stated.get(lang).to_owned(),
        pitfall_share: figure(fit.pitfall_share_percent),
        pitfall_minutes: figure(fit.pitfall_minutes),
    }
}

async fn render_coverage(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    service: &str,
    forms: PageForms,
) -> Response {
    let system = match actions::visible(state, by, id).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(ctx, failure),
    };
    let lang = ctx.lang;
    let loaded = async {
        let registry = state.registry.get(&state.store).await?;
        let criteria = criteria_in_force(state).await?;
        let lists = checklists().map_err(|error| ApiError::internal(error.to_string()))?;
        Ok::<_, ApiError>((registry, criteria, lists))
    };
    let (registry, criteria, lists) = match loaded.await {
        Ok(loaded) => loaded,
        Err(error) => return crate::web::error_page(lang, &ctx.uri, &error),
    };
    let Some(entry) = registry.entry(service) else {
        return crate::web::not_found_page(lang, &ctx.uri);
    };
    let annexes = match shared_annexes(state, by, entry, &system.id).await {
        Ok(annexes) => annexes,
        Err(error) => return crate::web::error_page(lang, &ctx.uri, &error),
    };
    let view = coverage_view(
        &system,
        entry,
        criteria.as_ref().map(|loaded| &loaded.version),
        &lists,
        annexes.as_ref(),
    );
    let c = CoverageLabels::of(lang);
    let risks = risk_rows(&view, &c, lang);
    let count = |code: &str| risks.iter().filter(|r| r.coverage_code == code).count();
    let counts = (count("covered"), count("partial"), count("none"));
    let page = ctx.page(format!(
        "{} — {} × {}",
        c.title,
        system.details.name.get(lang),
        entry.service_name.get(lang)
    ));
    let view_page = CoveragePage {
        system_name: system.details.name.get(lang).to_owned(),
        system_class: system.class.clone(),
        system_href: in_lang(&format!("/systems/{}", path_segment(&system.id)), lang),
        service: service_row(&registry, &entry.id, lang),
        criteria: view.criteria.clone(),
        counts,
        responsibilities: responsibility_rows(&view.customer_responsibilities, &c, lang),
        availability: availability_rows(&view, lang),
        checklists: checklist_rows(&view, &forms, lang),
        annex: view.annexes.as_ref().map(|annexes| {
            (
                annexes.statement.clone(),
                annexes
                    .selected
                    .iter()
                    .map(|one| AnnexRow {
                        control: one.control.clone(),
                        objective: one.objective.clone(),
                        text: one.individual_control.get(lang).to_owned(),
                        responsibility: Responsibility::ALL
                            .iter()
                            .find(|r| r.code() == one.responsibility)
                            .map(|r| r.title().get(lang).to_owned())
                            .unwrap_or_default(),
                    })
                    .collect(),
                annexes
                    .excluded
                    .iter()
                    .map(|one| AnnexRow {
                        control: one.control.clone(),
                        objective: one.objective.clone(),
                        text: one.reason.get(lang).to_owned(),
                        responsibility: String::new(),
                    })
                    .collect(),
            )
        }),
        answer_choices: AnswerValue::ALL
            .iter()
            .map(|value| (value.code(), value.title().get(lang).to_owned()))
            .collect(),
        saved: view
            .answers_saved
            .as_ref()
            .map(|saved| (saved.on.clone(), saved.by.clone())),
        problems: forms.problems(ANSWERS_FORM),
        answer_action: is_procurer(&by.member).then(|| {
            in_lang(
                &format!("/systems/{}/answers", path_segment(&system.id)),
                lang,
            )
        }),
        csrf_token: ctx.csrf_token(),
        risks,
        page,
        c,
    };
    private(render(&view_page, forms.status()))
}

/// `GET /systems/{id}/coverage?service=`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    query: Result<Query<CoverageForm>, QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let service = query.map(|Query(form)| form.service).unwrap_or_default();
    render_coverage(&state, &ctx, &by, &id, service.trim(), PageForms::default()).await
}

/// The answers the form sends: one per question with an answer chosen or a note written (a
/// note alone counts as not settled); none when asked to forget them.
fn posted_answers(
    fields: &Fields,
    lists: &[shinrai_domain::workflow::procurement::Checklist],
) -> Vec<ItemAnswer> {
    if !fields.get("forget").is_empty() {
        return Vec::new();
    }
    lists
        .iter()
        .flat_map(|checklist| checklist.items())
        .filter_map(|item| {
            let chosen = fields.get(&format!("answer-{}", item.id));
            let note = fields.get(&format!("note-{}", item.id)).trim();
            let answer = match AnswerValue::from_code(chosen) {
                Some(value) => value,
                None if !note.is_empty() => AnswerValue::Unknown,
                None => return None,
            };
            Some(ItemAnswer {
                item: item.id.clone(),
                answer,
                note: note.to_owned(),
            })
        })
        .collect()
}

/// `POST /systems/{id}/answers`: the checklists' answers for the candidate `service`; back to
/// the coverage page's checklists.
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let service = fields.get("service").trim().to_owned();
    let outcome = match checklists() {
        Ok(lists) => {
            let answers = posted_answers(&fields, &lists);
            actions::answer(&state, &by, &id, &service, answers).await
        }
        Err(error) => Err(Failure::Service(ApiError::internal(error.to_string()))),
    };
    let done = |system: InformationSystem| {
        format!(
            "{}#checklists",
            coverage_href(&system.id, &service, ctx.lang)
        )
    };
    let back = service.clone();
    answer_post(
        &ctx,
        outcome,
        done,
        ANSWERS_FORM,
        fields,
        |sent_back: SentBack| {
            render_coverage(
                &state,
                &ctx,
                &by,
                &id,
                &back,
                PageForms::with(Some(sent_back)),
            )
        },
    )
    .await
}
