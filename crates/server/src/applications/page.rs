//! An application's page, by the reader's part: the provider sees where it stands; the
//! operator sees the registration rule's answer on the stored facts with the review's forms;
//! the audit body sees the controls it was asked to explain, with a form for each.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::registration::{Decision, Finding, FindingCode, RegistrationDecision};
use shinrai_domain::workflow::application::{
    Application, ApplicationStatus, ExplanationRequest, Verdict, is_reviewer,
};
use shinrai_domain::workflow::audit_body::is_auditor_of;
use shinrai_store::documents::Stored;

use super::{actions, review};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{Problems, failure_page, in_lang, private};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::facts::{self, AUDIT};
use crate::workflow::shown::{day_of, organisation_name};
use crate::workflow::{Acting, Outcome};

/// One finding of the rule, with the page of the fact it concerns.
pub struct FindingRow {
    pub code: &'static str,
    pub subject: String,
    pub href: String,
    pub message: String,
}

/// The rule's answer as the operator reads it.
pub struct ReviewView {
    pub decision: &'static str,
    pub decision_code: &'static str,
    pub level: Option<u8>,
    pub valid_until: Option<String>,
    pub findings: Vec<FindingRow>,
    /// Controls the rule wants explained that were not asked about yet.
    pub askable: Vec<String>,
}

/// One explanation asked, as shown.
pub struct ExplanationRow {
    pub control: String,
    pub anchor: String,
    pub href: String,
    pub text: Option<String>,
    /// `accepted`, `rejected`, or `open`.
    pub verdict_code: &'static str,
    pub verdict: String,
    /// The reviewer may accept or reject it now.
    pub judgeable: bool,
    /// The audit body may answer it now.
    pub answerable: bool,
    pub problems: Vec<String>,
}

/// What the one reading may do on the page now.
#[derive(Default)]
pub struct Forms {
    pub open_review: bool,
    pub ask: bool,
    pub decide: bool,
    pub approve: bool,
    /// The reader decided: another administrator approves.
    pub own_decision: bool,
    /// A reviewer who is no administrator: an administrator approves.
    pub admin_approves: bool,
    /// The audit body has controls to explain.
    pub explain: bool,
}

#[derive(Template)]
#[template(path = "application.html")]
struct ApplicationPage {
    page: Page,
    w: WorkLabels,
    application: Application,
    kind: String,
    status: String,
    service: String,
    service_href: String,
    audit_href: String,
    body: String,
    applied_on: String,
    decision: Option<(String, String, String)>,
    decided_by: Option<String>,
    approved_on: Option<String>,
    entry_href: Option<String>,
    review: Option<ReviewView>,
    explanations: Vec<ExplanationRow>,
    forms: Forms,
    revision: i64,
    csrf_token: String,
    problems: Problems,
    /// The decision form as posted (or empty): verdict code and reason in each language.
    posted_decision: (String, String, String),
}

/// Where the fact behind a finding is shown.
fn finding_href(finding: &Finding, statement: &str, audit: &str, criteria: &str) -> String {
    match finding.code {
        FindingCode::AuditBodyNotSelected => "/audit-bodies".to_owned(),
        FindingCode::AuditorNotQualified
        | FindingCode::AuditKindNotAllowed
        | FindingCode::ReportIncomplete
        | FindingCode::ObjectiveNotEffective => format!("/audits/{audit}"),
        FindingCode::MandatoryControlNonconformant | FindingCode::ExplanationRejected => {
            format!("/criteria/{criteria}/{}", finding.subject)
        }
        FindingCode::ScopeMismatch
        | FindingCode::UnknownControl
        | FindingCode::SelectedAndExcluded
        | FindingCode::ControlNotAddressed
        | FindingCode::ExclusionWithoutReason
        | FindingCode::MandatoryControlExcluded => format!("/statements/{statement}"),
        FindingCode::UnderlyingNotRegistered | FindingCode::UnderlyingLevelTooLow => {
            format!("/registry/{}", finding.subject)
        }
    }
}

fn review_view(
    answer: &RegistrationDecision,
    application: &Application,
    w: &WorkLabels,
    lang: shinrai_domain::text::Lang,
    (statement, audit, criteria): (&str, &str, &str),
) -> ReviewView {
    ReviewView {
        decision: match answer.decision {
            Decision::Register => w.rule_register,
            Decision::RequestExplanation => w.rule_request_explanation,
            Decision::Reject => w.rule_reject,
        },
        decision_code: answer.decision.as_str(),
        level: answer.level.map(|level| level.get()),
        valid_until: answer.valid_until.map(|day| day.to_string()),
        findings: answer
            .findings
            .iter()
            .map(|finding| FindingRow {
                code: finding.code.as_str(),
                subject: finding.subject.clone(),
                href: in_lang(&finding_href(finding, statement, audit, criteria), lang),
                message: finding.message.get(lang).to_owned(),
            })
            .collect(),
        askable: answer
            .explanations_requested
            .iter()
            .filter(|control| application.explanation(control).is_none())
            .cloned()
            .collect(),
    }
}

fn explanation_row(
    asked: &ExplanationRequest,
    application: &Application,
    by: &Acting,
    w: &WorkLabels,
    (lang, criteria): (shinrai_domain::text::Lang, &str),
    problems: &Problems,
) -> ExplanationRow {
    let (verdict_code, verdict) = match asked.accepted {
        Some(true) => ("accepted", w.explanation_accepted),
        Some(false) => ("rejected", w.explanation_rejected),
        None => ("open", w.not_judged_yet),
    };
    let status = application.status;
    ExplanationRow {
        anchor: anchor(&asked.control),
        href: in_lang(&format!("/criteria/{criteria}/{}", asked.control), lang),
        text: asked.text.as_ref().map(|text| text.get(lang).to_owned()),
        verdict_code,
        verdict: verdict.to_owned(),
        judgeable: is_reviewer(&by.member)
            && asked.text.is_some()
            && asked.accepted.is_none()
            && matches!(
                status,
                ApplicationStatus::UnderReview | ApplicationStatus::ExplanationRequested
            ),
        answerable: is_auditor_of(&by.member, &application.audit_body)
            && asked.text.is_none()
            && status == ApplicationStatus::ExplanationRequested,
        problems: problems
            .at(&explanation_place(&asked.control))
            .into_iter()
            .map(str::to_owned)
            .collect(),
        control: asked.control.clone(),
    }
}

/// The form's place of one explanation (its text, or its verdict).
pub fn explanation_place(control: &str) -> String {
    format!("/explanations/{control}")
}

fn anchor(id: &str) -> String {
    id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
}

fn forms(by: &Acting, application: &Application, review: Option<&ReviewView>) -> Forms {
    let reviewer = is_reviewer(&by.member);
    let status = application.status;
    let decider = application.decision.as_ref().map(|d| d.by.as_str());
    let deciding = status == ApplicationStatus::Decided;
    let own = decider == Some(by.member.user_id.as_str());
    Forms {
        open_review: reviewer && status == ApplicationStatus::Submitted,
        ask: reviewer
            && matches!(
                status,
                ApplicationStatus::UnderReview | ApplicationStatus::ExplanationRequested
            )
            && review.is_some_and(|r| !r.askable.is_empty()),
        decide: reviewer && status == ApplicationStatus::UnderReview,
        approve: deciding && by.member.is_operator_admin() && !own,
        own_decision: deciding && reviewer && own,
        admin_approves: deciding && reviewer && !own && !by.member.is_operator_admin(),
        explain: false,
    }
}

/// The application's page for `by`, with `problems` beside the forms' fields and `posted`
/// the decision form as sent.
pub async fn application_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    problems: Problems,
    posted: (String, String, String),
) -> Response {
    match build(state, ctx, by, id, problems, posted).await {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(ctx, failure),
    }
}

async fn build(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    problems: Problems,
    posted_decision: (String, String, String),
) -> Outcome<(ApplicationPage, StatusCode)> {
    let Stored {
        value: application,
        revision,
    } = actions::visible(state, by, id).await?;
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let service = state
        .store
        .service(&application.service)
        .await?
        .map_or_else(
            || application.service.clone(),
            |s| s.value.details.name.get(lang).to_owned(),
        );
    let audit = state
        .store
        .audit(&application.audit)
        .await?
        .ok_or_else(|| facts::missing(AUDIT, &application.audit))?
        .value;
    let facts = (
        audit.statement.as_str(),
        audit.id.as_str(),
        audit.criteria_version.as_str(),
    );
    let review = if is_reviewer(&by.member) {
        let answer = review::answer(state, &application).await?;
        Some(review_view(&answer, &application, &w, lang, facts))
    } else {
        None
    };
    let explanations: Vec<ExplanationRow> = application
        .explanations
        .iter()
        .map(|asked| {
            explanation_row(
                asked,
                &application,
                by,
                &w,
                (lang, &audit.criteria_version),
                &problems,
            )
        })
        .collect();
    let mut forms = forms(by, &application, review.as_ref());
    forms.explain = explanations
        .iter()
        .any(|row: &ExplanationRow| row.answerable);
    // Operator staff see who decided (the four eyes); the name, else the user id.
    let decided_by = match &application.decision {
        Some(decision) if is_reviewer(&by.member) => Some(
            state
                .store
                .user(&decision.by)
                .await?
                .map_or_else(|| decision.by.clone(), |user| user.display_name),
        ),
        _ => None,
    };
    let page = ctx.page(format!("{} {}", w.application, application.id));
    let status = problems.status();
    Ok((
        ApplicationPage {
            csrf_token: page
                .viewer
                .as_ref()
                .map(|v| v.csrf_token.clone())
                .unwrap_or_default(),
            page,
            kind: application.kind.title().get(lang).to_owned(),
            status: application.status.title().get(lang).to_owned(),
            service,
            service_href: in_lang(&format!("/services/{}", application.service), lang),
            audit_href: in_lang(&format!("/audits/{}", application.audit), lang),
            body: organisation_name(state, &application.audit_body, lang).await,
            applied_on: day_of(application.submitted_at_ms),
            decision: application.decision.as_ref().map(|decision| {
                (
                    match decision.decision {
                        Verdict::Register => w.verdict_register,
                        Verdict::Reject => w.verdict_reject,
                    }
                    .to_owned(),
                    decision.reason.get(lang).to_owned(),
                    day_of(decision.at_ms),
                )
            }),
            decided_by,
            approved_on: application
                .approval
                .as_ref()
                .map(|approval| approval.on.to_string()),
            entry_href: application
                .registry_entry
                .as_ref()
                .map(|entry| in_lang(&format!("/registry/{entry}"), lang)),
            review,
            explanations,
            forms,
            revision,
            problems,
            posted_decision,
            w,
            application,
        },
        status,
    ))
}
