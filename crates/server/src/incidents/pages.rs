//! `/incidents`: the operator's list and a provider's own incidents, filtered by state or entry;
//! `/incidents/{id}`: one incident with its reports and decisions, the provider's final report
//! form while it is awaited and the administrators' decision form. The pages are their readers'
//! own.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::incident::{
    FinalDraft, Incident, IncidentMeasure, IncidentStatus, MeasureDecision,
};
use shinrai_domain::workflow::registry_status::NoticeText;
use shinrai_domain::workflow::service::acts_for_provider;

use super::actions;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, SentTexts, acting, answer_post, bilingual, failure_page,
    in_lang, path_segment, private, read_posted, to_sign_in,
};
use crate::web::incident_labels::IncidentLabels;
use crate::web::page::Page;
use crate::web::record_filter::StateAndEntry;
use crate::web::render;
use crate::workflow::{Acting, Failure, Outcome};

/// The forms' names on the incident's page.
const FINAL_FORM: &str = "final-report";
const DECIDE_FORM: &str = "decide";

/// One incident as a row or a page shows it.
struct IncidentRow {
    id: String,
    href: String,
    entry: String,
    entry_href: String,
    discovered_on: String,
    quick_due_on: String,
    final_due_on: String,
    status: String,
    status_code: &'static str,
    quick_late: bool,
    final_overdue: bool,
    summary: String,
    quick_filed: (String, String),
    /// (cause, impact, measures, services affected, filed on, by, late).
    final_report: Option<(String, String, String, String, String, String, bool)>,
    /// (day, measure, reason, by).
    decisions: Vec<(String, String, String, String)>,
}

fn row(incident: &Incident, lang: Lang, today: CalendarDate) -> IncidentRow {
    IncidentRow {
        id: incident.id.clone(),
        href: in_lang(&format!("/incidents/{}", path_segment(&incident.id)), lang),
        entry: incident.entry.clone(),
        entry_href: in_lang(
            &format!("/registry/{}", path_segment(&incident.entry)),
            lang,
        ),
        discovered_on: incident.discovered_on.to_string(),
        quick_due_on: incident.quick_due_on.to_string(),
        final_due_on: incident.final_due_on.to_string(),
        status: incident.status.title().get(lang).to_owned(),
        status_code: incident.status.code(),
        quick_late: incident.quick.filed.late,
        final_overdue: incident.final_overdue(today),
        summary: incident.quick.summary.get(lang).to_owned(),
        quick_filed: (
            incident.quick.filed.on.to_string(),
            incident.quick.filed.by.clone(),
        ),
        final_report: incident.final_report.as_ref().map(|report| {
            (
                report.cause.get(lang).to_owned(),
                report.impact.get(lang).to_owned(),
                report.measures.get(lang).to_owned(),
                report.services_affected.join(", "),
                report.filed.on.to_string(),
                report.filed.by.clone(),
                report.filed.late,
            )
        }),
        decisions: incident
            .decisions
            .iter()
            .map(|decision| {
                (
                    decision.on.to_string(),
                    decision.measure.title().get(lang).to_owned(),
                    decision.reason.get(lang).to_owned(),
                    decision.by.clone(),
                )
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "incidents.html")]
struct ListPage {
    page: Page,
    i: IncidentLabels,
    intro: &'static str,
    rows: Vec<IncidentRow>,
    states: Vec<(&'static str, String)>,
    chosen: String,
    entry: String,
}

/// `GET /incidents`.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    query: Result<Query<StateAndEntry>, QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let query = StateAndEntry::of_page(query);
    let status = query.state_on_page(IncidentStatus::from_code);
    let entry_filter = query.entry();
    let incidents = match actions::list(&state, &by, status, entry_filter).await {
        Ok(incidents) => incidents,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let i = IncidentLabels::of(ctx.lang);
    let today = by.at.date();
    let view = ListPage {
        page: ctx.page(i.list_title),
        intro: if by.member.is_operator_staff() {
            i.list_intro_operator
        } else {
            i.list_intro_provider
        },
        rows: incidents.iter().map(|n| row(n, ctx.lang, today)).collect(),
        states: IncidentStatus::ALL
            .into_iter()
            .map(|s| (s.code(), s.title().get(ctx.lang).to_owned()))
            .collect(),
        chosen: status.map(|s| s.code().to_owned()).unwrap_or_default(),
        entry: entry_filter.unwrap_or_default().to_owned(),
        i,
    };
    private(render(&view, axum::http::StatusCode::OK))
}

struct FinalForm {
    action: String,
    csrf_token: String,
    problems: Vec<String>,
    texts: SentTexts,
}

struct DecideForm {
    action: String,
    csrf_token: String,
    problems: Vec<String>,
    measures: Vec<(&'static str, String)>,
    chosen: String,
    texts: SentTexts,
}

#[derive(Template)]
#[template(path = "incident.html")]
struct IncidentPage {
    page: Page,
    i: IncidentLabels,
    incident: IncidentRow,
    final_form: Option<FinalForm>,
    decide_form: Option<DecideForm>,
}

async fn render_incident(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    forms: PageForms,
) -> Response {
    let incident = match actions::visible(state, by, id).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(ctx, failure),
    };
    let i = IncidentLabels::of(ctx.lang);
    let path = |tail: &str| {
        in_lang(
            &format!("/incidents/{}/{tail}", path_segment(&incident.id)),
            ctx.lang,
        )
    };
    let final_form = (incident.status == IncidentStatus::QuickReported
        && acts_for_provider(&by.member, &incident.provider))
    .then(|| FinalForm {
        action: path("final-report"),
        csrf_token: ctx.csrf_token(),
        problems: forms.problems(FINAL_FORM),
        texts: SentTexts::of(
            &forms,
            FINAL_FORM,
            &[
                "cause_ja",
                "cause_en",
                "impact_ja",
                "impact_en",
                "measures_ja",
                "measures_en",
                "services_affected",
            ],
        ),
    });
    let decide_form = by.member.is_operator_admin().then(|| DecideForm {
        action: path("decisions"),
        csrf_token: ctx.csrf_token(),
        problems: forms.problems(DECIDE_FORM),
        measures: IncidentMeasure::ALL
            .into_iter()
            .map(|m| (m.code(), m.title().get(ctx.lang).to_owned()))
            .collect(),
        chosen: forms.posted_or(DECIDE_FORM, "measure", ""),
        texts: SentTexts::of(
            &forms,
            DECIDE_FORM,
            &[
                "reason_ja",
                "reason_en",
                "notice_title_ja",
                "notice_title_en",
                "notice_body_ja",
                "notice_body_en",
            ],
        ),
    });
    let view = IncidentPage {
        page: ctx.page(format!("{} {}", i.list_title, incident.id)),
        incident: row(&incident, ctx.lang, by.at.date()),
        final_form,
        decide_form,
        i,
    };
    private(render(&view, forms.status()))
}

/// `GET /incidents/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_incident(&state, &ctx, &by, &id, PageForms::default()).await
}

fn final_draft(fields: &Fields) -> FinalDraft {
    FinalDraft {
        cause: bilingual(fields, "cause"),
        impact: bilingual(fields, "impact"),
        measures: bilingual(fields, "measures"),
        services_affected: fields
            .get("services_affected")
            .split([',', '\n'])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect(),
    }
}

fn decision(fields: &Fields) -> Outcome<MeasureDecision> {
    let measure = IncidentMeasure::from_code(fields.get("measure")).ok_or_else(|| {
        Failure::from(Refusal::invalid(
            "/measure",
            "unknown_measure",
            Bilingual::new("措置を選んでください", "choose a measure"),
        ))
    })?;
    Ok(MeasureDecision {
        measure,
        reason: bilingual(fields, "reason"),
        notice: NoticeText {
            title: bilingual(fields, "notice_title"),
            body: bilingual(fields, "notice_body"),
        },
    })
}

/// The incident's page again after a post: on success, or with the form's problems.
async fn answer<T>(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    outcome: Outcome<T>,
    form: &str,
    fields: Fields,
) -> Response {
    let done = |_| in_lang(&format!("/incidents/{}", path_segment(id)), ctx.lang);
    answer_post(ctx, outcome, done, form, fields, |sent_back: SentBack| {
        render_incident(state, ctx, by, id, PageForms::with(Some(sent_back)))
    })
    .await
}

/// `POST /incidents/{id}/final-report`.
pub async fn final_report(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = actions::report_final(&state, &by, &id, final_draft(&fields)).await;
    answer(&state, &ctx, &by, &id, outcome, FINAL_FORM, fields).await
}

/// `POST /incidents/{id}/decisions`.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match decision(&fields) {
        Ok(decision) => actions::decide(&state, &by, &id, decision).await,
        Err(failure) => Err(failure),
    };
    answer(&state, &ctx, &by, &id, outcome, DECIDE_FORM, fields).await
}
