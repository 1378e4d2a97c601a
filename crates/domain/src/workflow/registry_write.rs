//! The registry written by decisions: an approved registration creates the service's entry, or
//! updates the same entry on renewal, from the service, the audit and its report.

use serde_json::json;

use super::application::{Application, ApplicationKind, ApplicationStatus};
use super::audit::Audit;
use super::service::Service;
use super::{Change, Conflict, Moment, Refusal, WorkflowEvent};
use crate::policy::Member;
use crate::registry::{EntryStatus, PublicStatement, RegistryEntry, StatusChange};
use crate::text::Bilingual;

/// The next free registration number of `year` (`C26-0001`, `C26-0002` …) among `taken`.
pub fn next_registration_number<'a>(year: u16, taken: impl IntoIterator<Item = &'a str>) -> String {
    let prefix = format!("C{:02}-", year % 100);
    let last = taken
        .into_iter()
        .filter_map(|id| id.strip_prefix(&prefix))
        .filter_map(|number| number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:04}", last + 1)
}

/// The entry that the approved registration `application` writes: `existing` is the entry a
/// renewal renews (none for a new registration, which takes `number`). The public part of the
/// statement is the audited scope and the objectives the report found effective.
pub fn registered_entry(
    application: &Application,
    service: &Service,
    audit: &Audit,
    existing: Option<&RegistryEntry>,
    number: &str,
    by: &Member,
    at: Moment,
) -> Result<Change<RegistryEntry>, Refusal> {
    let (Some(decision), Some(approval)) = (&application.decision, &application.approval) else {
        return Err(not_registered(application));
    };
    let (Some(level), Some(valid_until)) = (decision.level, decision.valid_until) else {
        return Err(not_registered(application));
    };
    if application.status != ApplicationStatus::Registered {
        return Err(not_registered(application));
    }
    let mut objectives: Vec<String> = audit
        .conclusions
        .objectives
        .iter()
        .filter(|conclusion| conclusion.effective)
        .map(|conclusion| conclusion.objective.clone())
        .collect();
    objectives.sort();
    let renewal = application.kind == ApplicationKind::Renewal;
    let reason = registration_reason(application);
    let mut history = existing
        .map(|entry| entry.history.clone())
        .unwrap_or_default();
    history.push(StatusChange {
        on: approval.on,
        to: EntryStatus::Registered,
        reason,
    });
    let details = &service.details;
    let entry = RegistryEntry {
        id: existing.map_or_else(|| number.to_owned(), |entry| entry.id.clone()),
        service_name: details.name.clone(),
        provider: service.provider.clone(),
        description: details.description.clone(),
        level,
        service_models: details.service_models.clone(),
        deployment_models: details.deployment_models.clone(),
        built_on: details.built_on.clone(),
        audit_body: audit.audit_body.clone(),
        audit_period: audit.period,
        // A renewal keeps the date the service was first registered.
        registered_on: existing
            .filter(|_| renewal)
            .map_or(approval.on, |entry| entry.registered_on),
        valid_until,
        status: EntryStatus::Registered,
        availability: details.availability.clone(),
        statement: PublicStatement {
            scope: audit.audited_scope.clone(),
            objectives,
            subsequent_events: existing.map_or_else(
                || Bilingual::new("", ""),
                |entry| entry.statement.subsequent_events.clone(),
            ),
        },
        remarks: existing.map_or_else(|| Bilingual::new("", ""), |entry| entry.remarks.clone()),
        history,
        notices: existing
            .map(|entry| entry.notices.clone())
            .unwrap_or_default(),
        service: Some(service.id.clone()),
        application: Some(application.id.clone()),
        // Reported changes stay on record; a new audit still owed stays owed until an
        // application made after the change's acknowledgement meets it.
        changes: existing
            .map(|entry| entry.changes.clone())
            .unwrap_or_default(),
        new_audit_required: existing.and_then(|entry| entry.new_audit_required.clone()),
    };
    let action = if existing.is_some() {
        "registry.renew"
    } else {
        "registry.register"
    };
    let event = WorkflowEvent::new(by, at, action, &entry.id, json!({ "entry": entry }));
    Ok(Change {
        state: entry,
        event,
    })
}

/// The history's line for the registration (or renewal) `application` approved.
pub fn registration_reason(application: &Application) -> Bilingual {
    if application.kind == ApplicationKind::Renewal {
        Bilingual::new(
            format!("更新登録（申請 {}）", application.id),
            format!("renewed (application {})", application.id),
        )
    } else {
        Bilingual::new(
            format!("新規登録（申請 {}）", application.id),
            format!("registered (application {})", application.id),
        )
    }
}

fn not_registered(application: &Application) -> Refusal {
    Refusal::Conflict(Conflict::ApplicationState {
        application: application.id.clone(),
        status: application.status.code(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_up_within_a_year() {
        assert_eq!(next_registration_number(2026, []), "C26-0001");
        assert_eq!(
            next_registration_number(2026, ["C25-0009", "C26-0001", "C26-0012", "X"]),
            "C26-0013"
        );
    }
}
