//! A selection application's page: the body's declared facts and where the application
//! stands, for the body's users and the operator's staff; the selection rule's answer today
//! for the staff; and, while it waits, the administrators' form to select or reject it.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::selection::Decision;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::selection_application::{
    SelectionApplication, SelectionApplicationStatus,
};

use super::actions;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, bilingual, failure_page, in_lang, private, see_other,
    to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::shown::{day_of, organisation_name};
use crate::workflow::{Acting, Outcome};

/// One declared auditor as shown.
pub struct AuditorView {
    pub name: String,
    pub qualifications: String,
    pub years: u64,
    pub nationality: String,
    pub signing: &'static str,
}

/// The rule's answer today, for the operator's staff.
pub struct RuleView {
    pub decision: &'static str,
    pub decision_code: &'static str,
    pub validity: Option<String>,
    pub qualified: String,
    /// (code, subject, message)
    pub findings: Vec<(String, String, String)>,
}

/// The decision taken: (selected or rejected, validity, reason).
pub struct DecisionView {
    pub outcome: &'static str,
    pub validity: Option<String>,
    pub reason: String,
    pub on: String,
}

#[derive(Template)]
#[template(path = "selection_application.html")]
struct ApplicationPage {
    page: Page,
    w: WorkLabels,
    csrf_token: String,
    id: String,
    status: String,
    status_code: &'static str,
    body: String,
    applied_on: String,
    domestic: &'static str,
    quality: String,
    subcontracting: String,
    independence: &'static str,
    auditors: Vec<AuditorView>,
    decision: Option<DecisionView>,
    rule: Option<RuleView>,
    decide: bool,
    /// The decision form as posted: (decision, reason ja, reason en).
    posted: (String, String, String),
    problems: Problems,
}

fn yes_no(w: &WorkLabels, yes: bool) -> &'static str {
    if yes { w.sel_yes } else { w.sel_no }
}

fn decision_title(w: &WorkLabels, decision: Decision) -> &'static str {
    match decision {
        Decision::Select => w.sel_select,
        Decision::Reject => w.sel_reject,
    }
}

fn period(from: Option<impl ToString>, until: Option<impl ToString>) -> Option<String> {
    Some(format!("{} – {}", from?.to_string(), until?.to_string()))
}

fn auditors_of(application: &SelectionApplication, w: &WorkLabels, lang: Lang) -> Vec<AuditorView> {
    application
        .facts
        .auditors
        .iter()
        .map(|auditor| AuditorView {
            name: auditor.name.get(lang).to_owned(),
            qualifications: auditor.qualifications.join(", "),
            years: auditor.experience_years,
            nationality: auditor.nationality.clone(),
            signing: yes_no(w, auditor.signing),
        })
        .collect()
}

async fn view(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    posted: (String, String, String),
    problems: Problems,
) -> Outcome<(ApplicationPage, StatusCode)> {
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let application = actions::visible(state, by, id).await?.value;
    let rule = if by.member.is_operator_staff() {
        let outcome = actions::review(state, by, id).await?;
        Some(RuleView {
            decision: decision_title(&w, outcome.decision),
            decision_code: outcome.decision.as_str(),
            validity: period(outcome.valid_from, outcome.valid_until),
            qualified: outcome.qualified_signing_auditors.join(", "),
            findings: outcome
                .findings
                .iter()
                .map(|finding| {
                    (
                        finding.code.as_str().to_owned(),
                        finding.subject.clone(),
                        finding.message.get(lang).to_owned(),
                    )
                })
                .collect(),
        })
    } else {
        None
    };
    let decision = application.decision.as_ref().map(|decision| DecisionView {
        outcome: if decision.selected {
            w.sel_select
        } else {
            w.sel_reject
        },
        validity: period(decision.valid_from, decision.valid_until),
        reason: decision.reason.get(lang).to_owned(),
        on: decision.decided_on.to_string(),
    });
    let decide = by.member.is_operator_admin()
        && application.status == SelectionApplicationStatus::Submitted;
    let page = ctx.page(format!("{} {}", w.sel_application, application.id));
    let status = problems.status();
    Ok((
        ApplicationPage {
            csrf_token: page
                .viewer
                .as_ref()
                .map(|v| v.csrf_token.clone())
                .unwrap_or_default(),
            page,
            id: application.id.clone(),
            status: application.status.title().get(lang).to_owned(),
            status_code: application.status.code(),
            body: organisation_name(state, &application.org, lang).await,
            applied_on: day_of(application.submitted_at_ms),
            domestic: yes_no(&w, application.facts.domestic_registration),
            quality: application.facts.quality_control.get(lang).to_owned(),
            subcontracting: application.facts.subcontracting_rules.get(lang).to_owned(),
            independence: yes_no(&w, application.facts.independence_declaration),
            auditors: auditors_of(&application, &w, lang),
            decision,
            rule,
            decide,
            posted,
            problems,
            w,
        },
        status,
    ))
}

async fn shown_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    posted: (String, String, String),
    problems: Problems,
) -> Response {
    match view(state, ctx, by, id, posted, problems).await {
        Ok((page, status)) => private(render(&page, status)),
        Err(failure) => failure_page(ctx, failure),
    }
}

/// `GET /selection-applications/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let empty = (String::new(), String::new(), String::new());
    shown_page(&state, &ctx, &by, &id, empty, Problems::none()).await
}

/// `POST /selection-applications/{id}/decide`: an administrator selects or rejects.
pub async fn decide(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let fields: Fields =
        match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
            Ok(fields) => fields,
            Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
        };
    let reason = bilingual(&fields, "reason");
    let choice = fields.get("decision").to_owned();
    let posted = (choice.clone(), reason.ja.clone(), reason.en.clone());
    let select = match choice.as_str() {
        "select" => true,
        "reject" => false,
        _ => {
            // Someone who may not see the application learns nothing from the form either.
            if let Err(failure) = actions::visible(&state, &by, &id).await {
                return failure_page(&ctx, failure);
            }
            let mut problems = Problems::none();
            problems.field("/decision", WorkLabels::of(ctx.lang).sel_choose_decision);
            return shown_page(&state, &ctx, &by, &id, posted, problems).await;
        }
    };
    match actions::decide(&state, &by, &id, select, reason).await {
        Ok(_) => see_other(&in_lang(&format!("/selection-applications/{id}"), ctx.lang)),
        Err(failure) => match form::shown(&ctx, failure, |_| None) {
            Shown::Again(problems) => shown_page(&state, &ctx, &by, &id, posted, problems).await,
            Shown::Page(response) => response,
        },
    }
}
