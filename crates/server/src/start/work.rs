//! The provider's part of its start page: each of its services with where it stands (a draft
//! statement and its pre-check, an audit under way, an application under review, the
//! registration and its end) and a link to the next step; an audit body's audits and the
//! explanations asked of it; the operator's review queue.

use shinrai_domain::workflow::application::ApplicationStatus;
use shinrai_domain::workflow::audit::AuditStatus;
use shinrai_domain::workflow::precheck::{self, PrecheckFacts};
use shinrai_domain::workflow::statement::StatementStatus;

use crate::applications::actions::list;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::page::Page;
use crate::web::work_labels::WorkLabels;
use crate::workflow::shown::{day_of, entry_of};
use crate::workflow::{Acting, facts};

/// One service of the provider on its start page.
#[derive(Debug)]
pub struct ServiceWork {
    pub id: String,
    pub name: String,
    pub href: String,
    /// Each thing under way or settled: (what, address).
    pub stands: Vec<(String, String)>,
    /// The next step: (what to do, address).
    pub next: Option<(String, String)>,
}

/// Every service of the provider `org`, by name.
pub async fn provider_work(
    state: &AppState,
    page: &Page,
    org: &str,
) -> Result<Vec<ServiceWork>, ApiError> {
    let lang = page.language;
    let w = WorkLabels::of(lang);
    let registry = state.registry.get(&state.store).await?;
    let mut services = state.store.services_of(org).await?;
    services.sort_by(|a, b| {
        let name = |s: &shinrai_store::documents::Stored<_>| {
            let s: &shinrai_domain::workflow::service::Service = &s.value;
            s.details.name.get(lang).to_owned()
        };
        name(a).cmp(&name(b))
    });
    let mut rows = Vec::new();
    for stored in services {
        let service = stored.value;
        let service_href = page.href(&format!("/services/{}", service.id), &[]);
        let mut stands = Vec::new();
        let mut next;
        let latest = state.store.statements_of(&service.id).await?.pop();
        match latest.map(|s| s.value) {
            Some(statement) if statement.status == StatementStatus::Draft => {
                let criteria = facts::criteria_of(state, &statement.criteria_version)
                    .await
                    .map_err(ApiError::from)?;
                let outcome = precheck::check(&PrecheckFacts {
                    criteria: &criteria.version,
                    service: &service,
                    registry: &registry.entries,
                    statement: &statement,
                });
                let reachable = outcome
                    .reachable_level
                    .map_or_else(|| w.no_level_reachable.to_owned(), |l| l.get().to_string());
                let href = page.href(&format!("/statements/{}", statement.id), &[]);
                stands.push((
                    format!(
                        "{} v{} — {} {}: {} {} ({}: {})",
                        w.draft_statement,
                        statement.version,
                        w.findings_at_target,
                        statement.target_level.get(),
                        outcome.findings.len(),
                        w.findings_count,
                        w.reachable_level,
                        reachable
                    ),
                    href.clone(),
                ));
                next = Some((w.continue_statement.to_owned(), href));
            }
            Some(statement) => {
                stands.push((
                    format!("{} v{}", w.submitted_statement, statement.version),
                    page.href(&format!("/statements/{}", statement.id), &[]),
                ));
                next = Some((
                    w.order_audit.to_owned(),
                    page.href("/audits/new", &[("statement", statement.id.clone())]),
                ));
            }
            None => {
                next = Some((
                    w.start_version.to_owned(),
                    format!("{service_href}#statements"),
                ));
            }
        }
        for audit in state.store.audits_of_service(&service.id).await? {
            let audit = audit.value;
            let href = page.href(&format!("/audits/{}", audit.id), &[]);
            match audit.status {
                AuditStatus::Requested | AuditStatus::InProgress => stands.push((
                    format!("{}: {}", w.audit_under_way, audit.status.title().get(lang)),
                    href,
                )),
                AuditStatus::Signed => {
                    next = Some((
                        w.apply.to_owned(),
                        page.href("/applications/new", &[("audit", audit.id.clone())]),
                    ));
                }
                AuditStatus::Declined => {}
            }
        }
        for application in state.store.applications_of_service(&service.id).await? {
            let application = application.value;
            if application.status.is_open() {
                stands.push((
                    format!(
                        "{}: {}",
                        w.application_under_review,
                        application.status.title().get(lang)
                    ),
                    page.href(&format!("/applications/{}", application.id), &[]),
                ));
                next = None;
            }
        }
        if let Some(entry) = entry_of(&registry.entries, &service.id) {
            stands.push((
                format!(
                    "{} — {} {}",
                    entry.status.title().get(lang),
                    page.l.valid_until,
                    entry.valid_until
                ),
                page.href(&format!("/registry/{}", entry.id), &[]),
            ));
        }
        rows.push(ServiceWork {
            id: service.id.clone(),
            name: service.details.name.get(lang).to_owned(),
            href: service_href,
            stands,
            next,
        });
    }
    Ok(rows)
}

/// One audit asked of an audit body, on its start page.
#[derive(Debug)]
pub struct AuditWork {
    pub id: String,
    pub href: String,
    pub service: String,
    pub status: String,
    pub period: String,
}

/// The audits asked of the audit body `org`, the newest first.
pub async fn body_work(
    state: &AppState,
    page: &Page,
    org: &str,
) -> Result<Vec<AuditWork>, ApiError> {
    let lang = page.language;
    let mut audits = state.store.audits_for_body(org).await?;
    audits.sort_by_key(|stored| std::cmp::Reverse(stored.value.requested_at_ms));
    let mut rows = Vec::new();
    for stored in audits {
        let audit = stored.value;
        let service = state.store.service(&audit.service).await?.map_or_else(
            || audit.service.clone(),
            |s| s.value.details.name.get(lang).to_owned(),
        );
        rows.push(AuditWork {
            href: page.href(&format!("/audits/{}", audit.id), &[]),
            service,
            status: audit.status.title().get(lang).to_owned(),
            period: format!("{} – {}", audit.period.start, audit.period.end),
            id: audit.id,
        });
    }
    Ok(rows)
}

/// One application whose reviewer waits for the audit body's explanation.
#[derive(Debug)]
pub struct ExplanationWork {
    pub id: String,
    pub href: String,
    pub service: String,
    /// The controls still to explain.
    pub controls: Vec<String>,
    pub asked_on: String,
}

/// The applications resting on the audit body's reports that wait for its explanation, the
/// longest waiting first.
pub async fn explanations_asked(
    state: &AppState,
    page: &Page,
    by: &Acting,
) -> Result<Vec<ExplanationWork>, ApiError> {
    let lang = page.language;
    let waiting = list(
        state,
        by,
        Some(ApplicationStatus::ExplanationRequested),
        None,
    )
    .await?;
    let mut rows = Vec::new();
    for application in waiting {
        let unanswered: Vec<_> = application
            .explanations
            .iter()
            .filter(|asked| asked.text.is_none())
            .collect();
        let Some(first_asked) = unanswered.iter().map(|asked| asked.asked_at_ms).min() else {
            continue;
        };
        let service = state
            .store
            .service(&application.service)
            .await?
            .map_or_else(
                || application.service.clone(),
                |s| s.value.details.name.get(lang).to_owned(),
            );
        rows.push((
            first_asked,
            ExplanationWork {
                href: page.href(&format!("/applications/{}", application.id), &[]),
                service,
                controls: unanswered
                    .iter()
                    .map(|asked| asked.control.clone())
                    .collect(),
                asked_on: day_of(first_asked),
                id: application.id,
            },
        ));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    Ok(rows.into_iter().map(|(_, row)| row).collect())
}

/// The statuses of the operator's review queue, in the order the work goes.
const QUEUE: [ApplicationStatus; 4] = [
    ApplicationStatus::Submitted,
    ApplicationStatus::UnderReview,
    ApplicationStatus::ExplanationRequested,
    ApplicationStatus::Decided,
];

/// One application in the operator's review queue.
#[derive(Debug)]
pub struct QueueRow {
    pub id: String,
    pub href: String,
    pub service: String,
    pub applied_on: String,
}

/// The applications of one status in the review queue.
#[derive(Debug)]
pub struct QueueGroup {
    pub status: String,
    pub code: &'static str,
    pub rows: Vec<QueueRow>,
}

/// The operator's review queue: the open applications by status, the oldest first.
pub async fn review_queue(
    state: &AppState,
    page: &Page,
    by: &Acting,
) -> Result<Vec<QueueGroup>, ApiError> {
    let lang = page.language;
    let mut groups = Vec::new();
    for status in QUEUE {
        let mut applications = list(state, by, Some(status), None).await?;
        applications.sort_by(|a, b| {
            a.submitted_at_ms
                .cmp(&b.submitted_at_ms)
                .then(a.id.cmp(&b.id))
        });
        let mut rows = Vec::new();
        for application in applications {
            let service = state
                .store
                .service(&application.service)
                .await?
                .map_or_else(
                    || application.service.clone(),
                    |s| s.value.details.name.get(lang).to_owned(),
                );
            rows.push(QueueRow {
                href: page.href(&format!("/applications/{}", application.id), &[]),
                service,
                applied_on: day_of(application.submitted_at_ms),
                id: application.id,
            });
        }
        groups.push(QueueGroup {
            status: status.title().get(lang).to_owned(),
            code: status.code(),
            rows,
        });
    }
    Ok(groups)
}
