//! The audit body's pages: accepting an audit and naming its signing auditor (or declining it),
//! recording conclusions objective by objective, signing, and the signed report with its
//! SHA-256. Each change goes through the API's action: the same event in the signed log.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Multipart, Path, State};
use axum::response::Response;
use shinrai_domain::criteria::Part;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::{
    Audit, Conclusions, ControlConclusion, ObjectiveConclusion, selected_objectives,
};
use shinrai_domain::workflow::audit_body::is_auditor_of;
use shinrai_domain::workflow::report::AuditReport;
use shinrai_domain::workflow::statement::Statement;

use super::{actions, files};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, failure_page, in_lang, private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::upload;
use crate::web::work_labels::WorkLabels;
use crate::workflow::facts::{self, STATEMENT};
use crate::workflow::{Acting, Failure, Outcome};

/// Reads the posted form of a signed-in reader, or answers the page that stops it.
fn posted(
    ctx: &PageContext,
    state: &AppState,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<(Acting, Fields), Box<Response>> {
    let Some(by) = acting(ctx, state) else {
        return Err(Box::new(to_sign_in(ctx)));
    };
    match Fields::read(form).and_then(|f| form::check_token(ctx, &f).map(|()| f)) {
        Ok(fields) => Ok((by, fields)),
        Err(error) => Err(Box::new(crate::web::error_page(ctx.lang, &ctx.uri, &error))),
    }
}

/// After an action on the audit: its page, or the audit's page again with the problems.
async fn after(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    outcome: Outcome<Audit>,
) -> Response {
    match outcome {
        Ok(audit) => see_other(&in_lang(&format!("/audits/{}", audit.id), ctx.lang)),
        Err(failure) => match form::shown(ctx, failure, |_| None) {
            Shown::Again(problems) => super::pages::audit_page(state, ctx, by, id, problems).await,
            Shown::Page(response) => response,
        },
    }
}

/// `POST /audits/{id}/accept`: an auditor of the body accepts, naming the signing auditor.
pub async fn accept(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let outcome = actions::accept(&state, &by, &id, fields.get("signing_auditor")).await;
    after(&state, &ctx, &by, &id, outcome).await
}

/// `POST /audits/{id}/decline`: an auditor of the body turns it down, with a reason.
pub async fn decline(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let reason = form::bilingual(&fields, "reason");
    let outcome = actions::decline(&state, &by, &id, reason).await;
    after(&state, &ctx, &by, &id, outcome).await
}

/// `POST /audits/{id}/sign`: the named signing auditor signs; the report never changes again.
pub async fn sign(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, _) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let outcome = actions::sign(&state, &by, &id)
        .await
        .map(|(audit, _)| audit);
    after(&state, &ctx, &by, &id, outcome).await
}

/// `POST /audits/{id}/conclusions/import`: an auditor's spreadsheet replaces the conclusions,
/// all of it or nothing; a refused file is listed on the audit's page, cell by cell.
pub async fn import_conclusions(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let outcome = match upload::import_posted(
        &ctx,
        form,
        async |format, bytes, expected| {
            files::import_from(&state, &by, &id, format, bytes, expected).await
        },
        async || files::template_rights(&state, &by, &id).await,
    )
    .await
    {
        Ok(outcome) => outcome,
        Err(page) => return page,
    };
    after(&state, &ctx, &by, &id, outcome).await
}

/// One conclusion on the page: an objective or a selected control.
#[derive(Debug)]
pub struct ConclusionView {
    pub id: String,
    pub anchor: String,
    pub text: String,
    /// The provider's individual control (controls only).
    pub individual: String,
    /// `yes`, `no`, or `open` before any conclusion.
    pub answer: &'static str,
    pub reason_ja: String,
    pub reason_en: String,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "audit_conclusions.html")]
struct ConclusionsPage {
    page: Page,
    w: WorkLabels,
    audit: Audit,
    audit_href: String,
    objective: ConclusionView,
    controls: Vec<ConclusionView>,
    revision: i64,
    csrf_token: String,
    editable: bool,
    problems: Problems,
    saved: bool,
}

fn answer_of(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "open",
    }
}

fn place(id: &str) -> String {
    format!("/conclusions/{id}")
}

/// The page of one objective's conclusions, from `conclusions` (stored, or as posted).
#[allow(clippy::too_many_arguments)]
fn conclusions_page(
    ctx: &PageContext,
    audit: &Audit,
    statement: &Statement,
    criteria: &shinrai_domain::criteria::CriteriaVersion,
    objective: &str,
    conclusions: &Conclusions,
    revision: i64,
    editable: bool,
    problems: Problems,
    saved: bool,
) -> Outcome<(ConclusionsPage, axum::http::StatusCode)> {
    let lang = ctx.lang;
    let group = criteria
        .group(objective)
        .filter(|group| group.part == Part::Control)
        .filter(|group| selected_objectives(statement, criteria).contains(group.id.as_str()))
        .ok_or_else(|| Failure::not_found(OBJECTIVE, objective))?;
    let anchor = |id: &str| id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_");
    let view = |id: &str,
                text: String,
                individual: String,
                value: Option<bool>,
                reason: Option<&Bilingual>| ConclusionView {
        id: id.to_owned(),
        anchor: anchor(id),
        text,
        individual,
        answer: answer_of(value),
        reason_ja: reason.map(|r| r.ja.clone()).unwrap_or_default(),
        reason_en: reason.map(|r| r.en.clone()).unwrap_or_default(),
        problems: problems
            .at(&place(id))
            .into_iter()
            .map(str::to_owned)
            .collect(),
    };
    let stated = conclusions.objective(objective);
    let objective_view = view(
        objective,
        group.text.get(lang).to_owned(),
        String::new(),
        stated.map(|c| c.effective),
        stated.map(|c| &c.reason),
    );
    let controls = statement
        .content
        .selected
        .iter()
        .filter_map(|selected| {
            let control = criteria.control(&selected.control)?;
            (control.objective == objective).then_some((control, selected))
        })
        .map(|(control, selected)| {
            let concluded = conclusions.control(&control.id);
            view(
                &control.id,
                control.text.get(lang).to_owned(),
                selected.individual_control.get(lang).to_owned(),
                concluded.map(|c| c.conformant),
                concluded.map(|c| &c.reason),
            )
        })
        .collect();
    let page = ctx.page(format!("{} {}", group.id, group.title.get(lang)));
    let status = problems.status();
    Ok((
        ConclusionsPage {
            w: WorkLabels::of(lang),
            audit_href: in_lang(&format!("/audits/{}", audit.id), lang),
            csrf_token: page
                .viewer
                .as_ref()
                .map(|v| v.csrf_token.clone())
                .unwrap_or_default(),
            page,
            audit: audit.clone(),
            objective: objective_view,
            controls,
            revision,
            editable,
            problems,
            saved,
        },
        status,
    ))
}

const OBJECTIVE: (&str, &str) = ("統制目標", "control objective");

/// What the conclusions pages read: the audit as stored, its statement and criteria.
async fn load(
    state: &AppState,
    by: &Acting,
    id: &str,
) -> Outcome<(
    shinrai_store::documents::Stored<Audit>,
    Statement,
    std::sync::Arc<crate::criteria::Loaded>,
)> {
    let stored = actions::visible(state, by, id).await?;
    let statement = state
        .store
        .statement(&stored.value.statement)
        .await?
        .ok_or_else(|| facts::missing(STATEMENT, &stored.value.statement))?
        .value;
    let criteria = facts::criteria_of(state, &stored.value.criteria_version).await?;
    Ok((stored, statement, criteria))
}

/// Whether `by` records conclusions on `audit` now: an auditor of its body while it runs.
fn may_conclude(by: &Acting, audit: &Audit) -> bool {
    is_auditor_of(&by.member, &audit.audit_body)
        && audit.status == shinrai_domain::workflow::audit::AuditStatus::InProgress
}

#[derive(serde::Deserialize, Debug, Default)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// `GET /audits/{id}/conclusions/{objective}`: the objective and each selected control of it.
pub async fn conclusions(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, objective)): Path<(String, String)>,
    query: Result<axum::extract::Query<SavedQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let saved = query.is_ok_and(|q| q.0.saved.is_some());
    let outcome = async {
        let (stored, statement, criteria) = load(&state, &by, &id).await?;
        let audit = &stored.value;
        conclusions_page(
            &ctx,
            audit,
            &statement,
            &criteria.version,
            &objective,
            &audit.conclusions,
            stored.revision,
            may_conclude(&by, audit),
            Problems::none(),
            saved,
        )
    }
    .await;
    match outcome {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(&ctx, failure),
    }
}

/// A yes/no answer of the form, or its problem.
fn yes_no(
    fields: &Fields,
    name: &str,
    place: String,
    problems: &mut Problems,
    lang: shinrai_domain::text::Lang,
) -> Option<bool> {
    match fields.get(name) {
        "yes" => Some(true),
        "no" => Some(false),
        "" | "open" => None,
        _ => {
            problems.field(place, WorkLabels::of(lang).not_a_choice);
            None
        }
    }
}

/// The conclusions with the posted page's answers for the objective and its controls, the rest
/// kept as recorded.
fn apply(
    conclusions: &Conclusions,
    objective: &str,
    controls: &[String],
    fields: &Fields,
    lang: shinrai_domain::text::Lang,
) -> (Conclusions, Problems) {
    let mut problems = Problems::none();
    let reason = |id: &str| {
        Bilingual::new(
            fields.get(&format!("reason_ja|{id}")).trim(),
            fields.get(&format!("reason_en|{id}")).trim(),
        )
    };
    let mut next = Conclusions {
        objectives: conclusions
            .objectives
            .iter()
            .filter(|c| c.objective != objective)
            .cloned()
            .collect(),
        controls: conclusions
            .controls
            .iter()
            .filter(|c| !controls.contains(&c.control))
            .cloned()
            .collect(),
    };
    if let Some(effective) = yes_no(
        fields,
        &format!("answer|{objective}"),
        place(objective),
        &mut problems,
        lang,
    ) {
        next.objectives.push(ObjectiveConclusion {
            objective: objective.to_owned(),
            effective,
            reason: reason(objective),
        });
    }
    for control in controls {
        if let Some(conformant) = yes_no(
            fields,
            &format!("answer|{control}"),
            place(control),
            &mut problems,
            lang,
        ) {
            next.controls.push(ControlConclusion {
                control: control.clone(),
                conformant,
                reason: reason(control),
            });
        }
    }
    (next, problems)
}

/// The domain's pointer into the conclusions as the page's place of its objective or control.
fn page_field(conclusions: &Conclusions, pointer: &str) -> Option<(String, String)> {
    let mut parts = pointer.trim_start_matches('/').splitn(3, '/');
    let list = parts.next()?;
    let index: usize = parts.next()?.parse().ok()?;
    let id = match list {
        "objectives" => conclusions.objectives.get(index)?.objective.clone(),
        "controls" => conclusions.controls.get(index)?.control.clone(),
        _ => return None,
    };
    Some((place(&id), id))
}

/// `POST /audits/{id}/conclusions/{objective}`: records the objective's conclusions, unless
/// someone recorded conclusions after the page was read.
pub async fn save_conclusions(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, objective)): Path<(String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match posted(&ctx, &state, form) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let (stored, statement, criteria) = match load(&state, &by, &id).await {
        Ok(loaded) => loaded,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let audit = &stored.value;
    if !selected_objectives(&statement, &criteria.version).contains(objective.as_str()) {
        return crate::web::not_found_page(ctx.lang, &ctx.uri);
    }
    let controls: Vec<String> = statement
        .content
        .selected
        .iter()
        .filter(|s| {
            criteria
                .version
                .control(&s.control)
                .is_some_and(|c| c.objective == objective)
        })
        .map(|s| s.control.clone())
        .collect();
    let (next, problems) = apply(&audit.conclusions, &objective, &controls, &fields, ctx.lang);
    let revision = fields.revision().unwrap_or(-1);
    let again = |problems: Problems| match conclusions_page(
        &ctx,
        audit,
        &statement,
        &criteria.version,
        &objective,
        &next,
        revision,
        may_conclude(&by, audit),
        problems,
        false,
    ) {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(&ctx, failure),
    };
    if !problems.is_empty() {
        return again(problems);
    }
    let outcome = actions::conclude_from(&state, &by, &id, next.clone(), Some(revision)).await;
    match outcome {
        Ok(_) => see_other(&format!(
            "{}&saved=1",
            in_lang(&format!("/audits/{id}/conclusions/{objective}"), ctx.lang)
        )),
        Err(failure) => match form::shown(&ctx, failure, |pointer| page_field(&next, pointer)) {
            Shown::Again(problems) => again(problems),
            Shown::Page(response) => response,
        },
    }
}

#[derive(Template)]
#[template(path = "audit_report.html")]
struct ReportPage {
    page: Page,
    w: WorkLabels,
    report: AuditReport,
    sha256: String,
    signer: String,
    scope: String,
    audit_href: String,
    objectives: Vec<(String, &'static str, String)>,
    controls: Vec<(String, &'static str, String)>,
}

/// `GET /audits/{id}/report`: the signed report as stored, with its SHA-256.
pub async fn report(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let lang = ctx.lang;
    match actions::report(&state, &by, &id).await {
        Ok(report) => {
            let w = WorkLabels::of(lang);
            let verdict = |yes: bool| {
                if yes {
                    w.conclusion_yes
                } else {
                    w.conclusion_no
                }
            };
            let view = ReportPage {
                page: ctx.page(format!("{} {}", w.report, report.audit)),
                sha256: report.sha256(),
                signer: report.signing_auditor.name.get(lang).to_owned(),
                scope: report.audited_scope.get(lang).to_owned(),
                audit_href: in_lang(&format!("/audits/{}", report.audit), lang),
                objectives: report
                    .conclusions
                    .objectives
                    .iter()
                    .map(|c| {
                        (
                            c.objective.clone(),
                            verdict(c.effective),
                            c.reason.get(lang).to_owned(),
                        )
                    })
                    .collect(),
                controls: report
                    .conclusions
                    .controls
                    .iter()
                    .map(|c| {
                        (
                            c.control.clone(),
                            verdict(c.conformant),
                            c.reason.get(lang).to_owned(),
                        )
                    })
                    .collect(),
                w,
                report,
            };
            private(render(&view, axum::http::StatusCode::OK))
        }
        Err(failure) => failure_page(&ctx, failure),
    }
}
