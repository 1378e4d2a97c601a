//! The engagement's pages: its working papers at a glance — progress per phase, what is asked
//! of the provider and by when, every control's results — and its evidence a page at a time.
//! The provider, the audit body and the operator see them; the overview holds the forms of the
//! engagement as a whole (`engagement_forms.rs`), each control has its own page
//! (`control_page.rs`), and the evidence page takes uploads (`evidence_form.rs`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::working_papers::{
    ControlWork, DesignResult, Evidence, EvidenceContent, EvidenceMethod, OperationResult,
    PhaseProgress,
};

use super::{actions, evidence};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{PageForms, SentBack, acting, failure_page, in_lang, private, to_sign_in};
use crate::web::page::Page;
use crate::web::paper_labels::PaperLabels;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::Outcome;
use crate::workflow::shown::day_of;
use shinrai_domain::accounts::OrgKind;
use shinrai_domain::workflow::audit::AuditStatus;
use shinrai_domain::workflow::audit_body::is_auditor_of;

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
    p: PaperLabels,
    audit: String,
    /// The body's auditors while the audit is in progress: requests and governance.
    may_work: bool,
    /// The provider while the audit is in progress: continue on a new statement version.
    may_continue: bool,
    statement_version: u32,
    csrf_token: String,
    forms: PageForms,
}

/// An evaluation of the internal audit as the engagement page shows it.
struct EvaluationView {
    /// Empty until the internal audit is evaluated.
    report: String,
    reliance: String,
    /// (control, result) of each control drawn to re-perform.
    reperformed: Vec<(String, String)>,
    /// What the evaluation form starts from: the audited service and the audit period.
    service: String,
    period_start: String,
    period_end: String,
    /// Until the controls are drawn (once, after an evaluation) the evaluation may be recorded
    /// again.
    may_draw: bool,
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
            service: audit.service.clone(),
            period_start: audit.period.start.to_string(),
            period_end: audit.period.end.to_string(),
            may_draw: true,
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
        service: audit.service.clone(),
        period_start: audit.period.start.to_string(),
        period_end: audit.period.end.to_string(),
        may_draw: paper.sample.is_none(),
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
    render_overview(&state, &ctx, &by, &id, None).await
}

/// The overview, with `sent_back` shown beside its form.
pub async fn render_overview(
    state: &AppState,
    ctx: &PageContext,
    by: &crate::workflow::Acting,
    id: &str,
    sent_back: Option<SentBack>,
) -> Response {
    match view(state, ctx, by, id, sent_back).await {
        Ok(view) => private(render(&view, view.forms.status())),
        Err(failure) => failure_page(ctx, failure),
    }
}

async fn view(
    state: &AppState,
    ctx: &PageContext,
    by: &crate::workflow::Acting,
    id: &str,
    sent_back: Option<SentBack>,
) -> Outcome<EngagementPage> {
    let overview = actions::overview(state, by, id).await?;
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let progress = &overview.progress;
    let today = by.at.date();
    let in_progress = overview.audit.status == AuditStatus::InProgress;
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
        p: PaperLabels::of(lang),
        audit: id.to_owned(),
        may_work: in_progress && is_auditor_of(&by.member, &overview.audit.audit_body),
        may_continue: in_progress
            && by.member.org_kind == OrgKind::Provider
            && by.member.org_id == overview.audit.provider,
        statement_version: overview.audit.statement_version,
        csrf_token: ctx.csrf_token(),
        forms: PageForms::with(sent_back),
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
    p: PaperLabels,
    audit: String,
    /// The provider and the body's auditors while the audit is in progress.
    may_add: bool,
    methods: Vec<(&'static str, String)>,
    today: String,
    csrf_token: String,
    forms: PageForms,
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
    let wanted = query.page.unwrap_or(1).max(1);
    render_evidence(&state, &ctx, &by, &id, wanted, None).await
}

/// A page of the evidence list, with the upload form sent back when it was refused.
pub async fn render_evidence(
    state: &AppState,
    ctx: &PageContext,
    by: &crate::workflow::Acting,
    id: &str,
    wanted: u32,
    sent_back: Option<SentBack>,
) -> Response {
    let lang = ctx.lang;
    let outcome = async {
        let audit = crate::audits::actions::visible(state, by, id).await?.value;
        let page = evidence::page(state, by, id, wanted, PER_PAGE).await?;
        Ok::<_, crate::workflow::Failure>((audit, page))
    }
    .await;
    match outcome {
        Ok((audit, (total, records))) => {
            let w = WorkLabels::of(lang);
            let pages = u32::try_from(total.div_ceil(u64::from(PER_PAGE)))
                .unwrap_or(u32::MAX)
                .max(1);
            let link = |n: u32| in_lang(&format!("/audits/{id}/evidence?page={n}"), lang);
            let in_progress = audit.status == AuditStatus::InProgress;
            let party = is_auditor_of(&by.member, &audit.audit_body)
                || (by.member.org_kind == OrgKind::Provider && by.member.org_id == audit.provider);
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
                    .map(|record| evidence_row(id, record, lang))
                    .collect(),
                w,
                p: PaperLabels::of(lang),
                audit: id.to_owned(),
                may_add: in_progress && party,
                methods: EvidenceMethod::ALL
                    .into_iter()
                    .map(|method| (method.code(), method.title().get(lang).to_owned()))
                    .collect(),
                today: by.at.date().to_string(),
                csrf_token: ctx.csrf_token(),
                forms: PageForms::with(sent_back),
            };
            private(render(&view, view.forms.status()))
        }
        Err(failure) => failure_page(ctx, failure),
    }
}
