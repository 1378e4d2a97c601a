//! The selection's part of the start page: an audit body's latest application to be selected
//! with the form for the yearly status report it owes; the operator's applications waiting for
//! a decision and the bodies whose status report is overdue.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::audit_body::ReportState;
use shinrai_domain::workflow::selection_application::SelectionApplicationStatus;

use crate::audit_bodies::selection::actions::of_body;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::page::Page;
use crate::workflow::Acting;
use crate::workflow::shown::{day_of, organisation_name};

/// A link to a selection application: (id, address, status or body, day applied).
pub struct ApplicationLink {
    pub id: String,
    pub href: String,
    pub what: String,
    pub applied_on: String,
}

/// The oldest status report the body owes, with its form's address.
pub struct ReportOwed {
    pub action: String,
    pub year: u32,
    pub due_on: String,
    pub state: String,
    pub state_code: &'static str,
}

/// An audit body's selection on its start page.
pub struct BodySelection {
    pub apply_href: String,
    pub latest: Option<ApplicationLink>,
    pub report: Option<ReportOwed>,
}

/// The operator's selection work.
pub struct OperatorSelection {
    pub waiting: Vec<ApplicationLink>,
    /// (body, the overdue years' due days)
    pub overdue: Vec<(String, String)>,
}

pub async fn body_selection(
    state: &AppState,
    page: &Page,
    by: &Acting,
    today: CalendarDate,
) -> Result<BodySelection, ApiError> {
    let lang = page.language;
    let org = &by.member.org_id;
    // The one waiting for a decision comes first: applications made the same millisecond
    // cannot be told apart by their time.
    let mut applications = of_body(state, by, org).await?;
    let waiting = applications
        .iter()
        .position(|application| application.status == SelectionApplicationStatus::Submitted);
    let latest = waiting
        .map(|at| applications.swap_remove(at))
        .or_else(|| applications.into_iter().next())
        .map(|application| ApplicationLink {
            href: page.href(&format!("/selection-applications/{}", application.id), &[]),
            what: application.status.title().get(lang).to_owned(),
            applied_on: day_of(application.submitted_at_ms),
            id: application.id,
        });
    let record = state.store.audit_body_record(org).await?;
    let report = record.and_then(|stored| {
        let owed = stored.value.reports_owed(today).into_iter().next()?;
        Some(ReportOwed {
            action: page.href(&format!("/audit-bodies/{org}/status-reports"), &[]),
            year: owed.year,
            due_on: owed.due_on.to_string(),
            state: owed.state.title().get(lang).to_owned(),
            state_code: owed.state.code(),
        })
    });
    Ok(BodySelection {
        apply_href: page.href(&format!("/audit-bodies/{org}/apply"), &[]),
        latest,
        report,
    })
}

pub async fn operator_selection(
    state: &AppState,
    page: &Page,
    today: CalendarDate,
) -> Result<OperatorSelection, ApiError> {
    let lang = page.language;
    let mut submitted: Vec<_> = state
        .store
        .selection_applications(None)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .filter(|application| application.status == SelectionApplicationStatus::Submitted)
        .collect();
    submitted.sort_by(|a, b| {
        a.submitted_at_ms
            .cmp(&b.submitted_at_ms)
            .then(a.id.cmp(&b.id))
    });
    let mut waiting = Vec::new();
    for application in submitted {
        waiting.push(ApplicationLink {
            href: page.href(&format!("/selection-applications/{}", application.id), &[]),
            what: organisation_name(state, &application.org, lang).await,
            applied_on: day_of(application.submitted_at_ms),
            id: application.id,
        });
    }
    let mut overdue = Vec::new();
    for stored in state.store.audit_body_records().await? {
        let days: Vec<String> = stored
            .value
            .reports_due(today)
            .into_iter()
            .filter(|due| due.state == ReportState::Overdue)
            .map(|due| due.due_on.to_string())
            .collect();
        if !days.is_empty() {
            let name = organisation_name(state, &stored.value.org, lang).await;
            overdue.push((name, days.join(", ")));
        }
    }
    overdue.sort();
    Ok(OperatorSelection { waiting, overdue })
}
