//! `/audits/{id}/controls/{control}`: one control's working papers — fair presentation,
//! design, frequency, population, samples and each sampled occurrence's result — with the forms
//! the audit body's auditors record them by while the audit is in progress. The provider and
//! the operator read the same page without the forms.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::audit::AuditStatus;
use shinrai_domain::workflow::audit_body::is_auditor_of;
use shinrai_domain::workflow::working_papers::{ControlWork, FairVerdict, work_id};

use super::actions;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    PageForms, SentBack, acting, failure_page, in_lang, private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::paper_labels::PaperLabels;
use crate::web::render;
use crate::workflow::{Acting, Failure, Outcome};

/// One sampled occurrence: (round, occurrence, result, note, evidence ids).
pub struct ItemRow {
    pub round: u8,
    pub occurrence: u64,
    pub result_code: &'static str,
    pub result: String,
    pub note: String,
    pub evidence: String,
}

pub struct SampleRow {
    pub round: u8,
    pub seed: u64,
    pub seed_from: String,
}

#[derive(Template)]
#[template(path = "engagement_control.html")]
struct ControlPage {
    page: Page,
    p: PaperLabels,
    audit: String,
    control: String,
    statement_version: u32,
    overview_href: String,
    /// (verdict code, verdict, version, reason); empty code when not judged.
    fair: (&'static str, String, String, String),
    /// (effective code, text, version, reason).
    design: (&'static str, String, String, String),
    frequency_code: &'static str,
    frequency: String,
    population: String,
    samples: Vec<SampleRow>,
    items: Vec<ItemRow>,
    /// A second sample may be drawn: the first is complete with a failure.
    may_draw_second: bool,
    may_draw_first: bool,
    /// The body's auditors, while the audit is in progress.
    may_work: bool,
    verdicts: Vec<(&'static str, String)>,
    frequencies: Vec<(&'static str, String)>,
    csrf_token: String,
    forms: PageForms,
}

fn fair_of(work: Option<&ControlWork>, lang: Lang) -> (&'static str, String, String, String) {
    work.and_then(|w| w.fair.as_ref()).map_or(
        ("", String::new(), String::new(), String::new()),
        |fair| {
            (
                fair.verdict.code(),
                fair.verdict.title().get(lang).to_owned(),
                fair.statement_version.to_string(),
                fair.reason.get(lang).to_owned(),
            )
        },
    )
}

fn design_of(
    work: Option<&ControlWork>,
    p: &PaperLabels,
    lang: Lang,
) -> (&'static str, String, String, String) {
    work.and_then(|w| w.design.as_ref()).map_or(
        ("", String::new(), String::new(), String::new()),
        |design| {
            let (code, text) = if design.effective {
                ("effective", p.effective)
            } else {
                ("not_effective", p.not_effective)
            };
            (
                code,
                text.to_owned(),
                design.statement_version.to_string(),
                design.reason.get(lang).to_owned(),
            )
        },
    )
}

/// Renders the control's page, with `sent_back` shown beside its form.
pub async fn render_control(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    control: &str,
    sent_back: Option<SentBack>,
) -> Response {
    match view(state, ctx, by, id, control, sent_back).await {
        Ok(view) => private(render(&view, view.forms.status())),
        Err(failure) => failure_page(ctx, failure),
    }
}

async fn view(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    control: &str,
    sent_back: Option<SentBack>,
) -> Outcome<ControlPage> {
    let engagement = actions::engagement(state, by, id).await?;
    let audit = &engagement.audit.value;
    let selected = engagement
        .statement
        .content
        .selected
        .iter()
        .any(|entry| entry.control == control);
    if !selected {
        return Err(Failure::not_found(("管理策", "control"), control));
    }
    let work = state
        .store
        .control_work(&work_id(id, control))
        .await?
        .map(|stored| stored.value);
    let lang = ctx.lang;
    let p = PaperLabels::of(lang);
    let page = ctx.page(format!("{} {control}", p.control_title));
    let operation = work.as_ref().and_then(|w| w.operation.as_ref());
    let frequency = operation.and_then(|o| o.frequency);
    let samples = operation.map_or(&[][..], |o| o.samples.as_slice());
    let items = samples
        .iter()
        .flat_map(|sample| {
            sample.items.iter().map(move |item| {
                let (code, result) = match &item.result {
                    Some(r) if r.passed => ("passed", p.passed),
                    Some(_) => ("failed", p.failed),
                    None => ("untested", p.not_tested),
                };
                ItemRow {
                    round: sample.round,
                    occurrence: item.occurrence,
                    result_code: code,
                    result: result.to_owned(),
                    note: item
                        .result
                        .as_ref()
                        .map_or_else(String::new, |r| r.note.get(lang).to_owned()),
                    evidence: item
                        .result
                        .as_ref()
                        .map_or_else(String::new, |r| r.evidence.join(", ")),
                }
            })
        })
        .collect();
    let first = samples.first();
    Ok(ControlPage {
        csrf_token: page
            .viewer
            .as_ref()
            .map(|viewer| viewer.csrf_token.clone())
            .unwrap_or_default(),
        audit: id.to_owned(),
        control: control.to_owned(),
        statement_version: audit.statement_version,
        overview_href: in_lang(&format!("/audits/{id}/work"), lang),
        fair: fair_of(work.as_ref(), lang),
        design: design_of(work.as_ref(), &p, lang),
        frequency_code: frequency.map_or("", Frequency::name),
        frequency: frequency.map_or_else(String::new, |f| f.title().get(lang).to_owned()),
        population: operation.and_then(|o| o.population.as_ref()).map_or_else(
            String::new,
            |population| {
                format!(
                    "{} {} (SHA-256 {})",
                    population.size, p.occurrences, population.sha256
                )
            },
        ),
        samples: samples
            .iter()
            .map(|sample| SampleRow {
                round: sample.round,
                seed: sample.seed,
                seed_from: format!("#{} {}", sample.seed_from.seq, sample.seed_from.hash),
            })
            .collect(),
        items,
        may_draw_first: operation.is_some_and(|o| o.population.is_some()) && samples.is_empty(),
        may_draw_second: samples.len() == 1
            && first.is_some_and(|s| s.is_complete() && s.failures() > 0),
        // The three phases are not part of an evaluation of the internal audit.
        may_work: is_auditor_of(&by.member, &audit.audit_body)
            && audit.status == AuditStatus::InProgress
            && audit.kind == AuditKind::ThreePhase,
        verdicts: FairVerdict::ALL
            .into_iter()
            .map(|verdict| (verdict.code(), verdict.title().get(lang).to_owned()))
            .collect(),
        frequencies: Frequency::NAMES
            .iter()
            .map(|(name, frequency)| (*name, frequency.title().get(lang).to_owned()))
            .collect(),
        forms: PageForms::with(sent_back),
        page,
        p,
    })
}

/// `GET /audits/{id}/controls/{control}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, control)): Path<(String, String)>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_control(&state, &ctx, &by, &id, &control, None).await
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ControlQuery {
    control: String,
}

/// `GET /audits/{id}/controls?control=…`: the overview's form that opens a control's papers;
/// with no control given, back to the overview's list of controls.
pub async fn open(
    ctx: PageContext,
    Path(id): Path<String>,
    Query(query): Query<ControlQuery>,
) -> Response {
    let audit = crate::web::form::path_segment(&id);
    let control = query.control.trim();
    if control.is_empty() {
        return see_other(&format!(
            "{}#controls",
            in_lang(&format!("/audits/{audit}/work"), ctx.lang)
        ));
    }
    see_other(&in_lang(
        &format!(
            "/audits/{audit}/controls/{}",
            crate::web::form::path_segment(control)
        ),
        ctx.lang,
    ))
}
