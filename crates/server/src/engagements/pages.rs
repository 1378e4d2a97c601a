//! The engagement's pages: its working papers at a glance — progress per phase, what is asked
//! of the provider and by when, every control's results — and its evidence a page at a time.
//! The provider, the audit body and the operator see them; the judgements are made through the
//! API (`/api/v1/audits/{id}/…`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::working_papers::{
    ControlWork, DesignResult, Evidence, EvidenceContent, OperationResult, PhaseProgress,
};

use super::{actions, evidence};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{acting, failure_page, in_lang, private, to_sign_in};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::Outcome;
use crate::workflow::shown::day_of;

/// One phase's row: (name, done, total, problems).
type PhaseRow = (&'static str, usize, usize, usize);

#[derive(Template)]
#[template(path = "engagement.html")]
struct EngagementPage {
    page: Page,
    w: WorkLabels,
    audit_href: String,
    evidence_href: String,
    phases: Vec<PhaseRow>,
    governance: &'static str,
    evidence: u64,
    /// (id, control, text, due, status, overdue).
    requests: Vec<(String, String, String, String, String, bool)>,
    /// (control, fair presentation, design, operation).
    controls: Vec<(String, String, String, String)>,
    /// The audit's kind, and for an evaluation of the internal audit what it has found.
    kind: String,
    evaluation: Option<EvaluationView>,
}

/// An evaluation of the internal audit as the engagement page shows it.
struct EvaluationView {
    /// Empty until the internal audit is evaluated.
    report: String,
    reliance: String,
    /// (control, result) of each control drawn to re-perform.
    reperformed: Vec<(String, String)>,
}

fn evaluation_view(audit: &Audit, w: &WorkLabels, lang: Lang) -> Option<EvaluationView> {
    if audit.kind != AuditKind::InternalAuditEvaluation {
        return None;
    }
    let Some(paper) = &audit.internal_audit else {
        return Some(EvaluationView {
            report: String::new(),
            reliance: String::new(),
            reperformed: Vec::new(),
        });
    };
    let report = &paper.report;
    let reperformed = paper
        .sample
        .as_ref()
        .map(|sample| {
            sample
                .controls
                .iter()
                .map(|control| {
                    let result = paper.results.iter().find(|r| &r.control == control);
                    let text = match result {
                        Some(r) if r.passed => {
                            format!("{} — {}", w.reperformed_passed, r.reason.get(lang))
                        }
                        Some(r) => format!("{} — {}", w.reperformed_failed, r.reason.get(lang)),
                        None => w.reperformance_pending.to_owned(),
                    };
                    (control.clone(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    Some(EvaluationView {
        report: format!(
            "{} ({}, {} – {})",
            report.reference, report.performed_by, report.period.start, report.period.end
        ),
        reliance: format!(
            "{} — {}",
            if paper.reliable {
                w.internal_audit_reliable
            } else {
                w.internal_audit_not_reliable
            },
            paper.reason.get(lang)
        ),
        reperformed,
    })
}

fn phase(name: &'static str, progress: PhaseProgress) -> PhaseRow {
    (name, progress.done, progress.total, progress.problems)
}

fn control_row(work: &ControlWork, lang: Lang) -> (String, String, String, String) {
    let fair = work
        .fair
        .as_ref()
        .map(|f| format!("{} (v{})", f.verdict.title().get(lang), f.statement_version))
        .unwrap_or_default();
    let design = DesignResult::of(Some(work)).title().get(lang).to_owned();
    let operation = OperationResult::of(Some(work)).title().get(lang).to_owned();
    (work.control.clone(), fair, design, operation)
}

/// `GET /audits/{id}/work`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    match view(&state, &ctx, &by, &id).await {
        Ok(view) => private(render(&view, axum::http::StatusCode::OK)),
        Err(failure) => failure_page(&ctx, failure),
    }
}

async fn view(
    state: &AppState,
    ctx: &PageContext,
    by: &crate::workflow::Acting,
    id: &str,
) -> Outcome<EngagementPage> {
    let overview = actions::overview(state, by, id).await?;
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let progress = &overview.progress;
    let today = by.at.date();
    Ok(EngagementPage {
        page: ctx.page(format!("{} {}", w.working_papers, id)),
        audit_href: in_lang(&format!("/audits/{id}"), lang),
        evidence_href: in_lang(&format!("/audits/{id}/evidence"), lang),
        phases: vec![
            phase(w.phase_fair, progress.fair_presentation),
            phase(w.phase_design, progress.design),
            phase(w.phase_operation, progress.operation),
            phase(w.conclusions, progress.conclusions),
        ],
        governance: if progress.governance_judged {
            w.governance_judged
        } else {
            w.governance_not_judged
        },
        evidence: overview.evidence,
        requests: overview
            .requests
            .iter()
            .map(|r| {
                (
                    r.id.rsplit('/').next().unwrap_or_default().to_owned(),
                    r.control.clone().unwrap_or_default(),
                    r.text.get(lang).to_owned(),
                    r.due_on.to_string(),
                    r.status.title().get(lang).to_owned(),
                    r.is_overdue(today),
                )
            })
            .collect(),
        controls: overview
            .work
            .iter()
            .map(|work| control_row(work, lang))
            .collect(),
        kind: overview.audit.kind.title().get(lang).to_owned(),
        evaluation: evaluation_view(&overview.audit, &w, lang),
        w,
    })
}

#[derive(Debug, serde::Deserialize, Default)]
#[serde(default)]
pub struct EvidenceQuery {
    page: Option<u32>,
}

const PER_PAGE: u32 = 50;

#[derive(Template)]
#[template(path = "engagement_evidence.html")]
struct EvidencePage {
    page: Page,
    w: WorkLabels,
    work_href: String,
    total: u64,
    shown_page: u32,
    pages: u32,
    previous: Option<String>,
    next: Option<String>,
    /// (id, title, method, control, occurrence, speaks for, uploaded on, who, sha256, withdrawn).
    rows: Vec<EvidenceRow>,
}

struct EvidenceRow {
    id: String,
    title: String,
    method: String,
    control: String,
    occurrence: String,
    speaks_for: String,
    uploaded_on: String,
    supplied_by: String,
    sha256: String,
    file_href: Option<String>,
    withdrawn: Option<String>,
}

fn evidence_row(audit: &str, record: &Evidence, lang: Lang) -> EvidenceRow {
    let local = record.id.rsplit('/').next().unwrap_or_default().to_owned();
    EvidenceRow {
        title: record.title.get(lang).to_owned(),
        method: record.method.title().get(lang).to_owned(),
        control: record.control.clone().unwrap_or_default(),
        occurrence: record.occurrence.map(|n| n.to_string()).unwrap_or_default(),
        speaks_for: record.speaks_for.to_string(),
        uploaded_on: day_of(record.uploaded_at_ms),
        supplied_by: record.supplied_by.clone(),
        sha256: record.content.sha256(),
        file_href: matches!(record.content, EvidenceContent::File { .. })
            .then(|| format!("/api/v1/audits/{audit}/evidence/{local}/file")),
        withdrawn: record
            .withdrawn
            .as_ref()
            .map(|w| w.reason.get(lang).to_owned()),
        id: local,
    }
}

/// `GET /audits/{id}/evidence?page=N`.
pub async fn evidence_list(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(query): Query<EvidenceQuery>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let lang = ctx.lang;
    let wanted = query.page.unwrap_or(1).max(1);
    match evidence::page(&state, &by, &id, wanted, PER_PAGE).await {
        Ok((total, records)) => {
            let w = WorkLabels::of(lang);
            let pages = u32::try_from(total.div_ceil(u64::from(PER_PAGE)))
                .unwrap_or(u32::MAX)
                .max(1);
            let link = |n: u32| in_lang(&format!("/audits/{id}/evidence?page={n}"), lang);
            let view = EvidencePage {
                page: ctx.page(format!("{} {}", w.evidence, id)),
                work_href: in_lang(&format!("/audits/{id}/work"), lang),
                total,
                shown_page: wanted,
                pages,
                previous: (wanted > 1).then(|| link(wanted - 1)),
                next: (wanted < pages).then(|| link(wanted + 1)),
                rows: records
                    .iter()
                    .map(|record| evidence_row(&id, record, lang))
                    .collect(),
                w,
            };
            private(render(&view, axum::http::StatusCode::OK))
        }
        Err(failure) => failure_page(&ctx, failure),
    }
}
