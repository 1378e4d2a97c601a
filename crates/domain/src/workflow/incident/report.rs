//! The provider's two reports: the quick report opens the incident, the final report completes it.

use serde_json::json;

use super::{
    FINAL_REPORT_BUSINESS_DAYS, FINAL_REPORTED, Filed, FinalReport, Incident, IncidentStatus,
    MAX_DAYS_SINCE_DISCOVERY, MAX_SERVICES_AFFECTED, QUICK_REPORT_BUSINESS_DAYS, QUICK_REPORTED,
    QuickReport,
};
use crate::calendar::BusinessCalendar;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::RegistryEntry;
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::registry_status::provider_of_live_entry;
use crate::workflow::service::acts_for_provider;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// What the quick report says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickDraft {
    pub discovered_on: CalendarDate,
    pub summary: Bilingual,
}

/// What the final report says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalDraft {
    pub cause: Bilingual,
    pub impact: Bilingual,
    pub measures: Bilingual,
    pub services_affected: Vec<String>,
}

fn filed(by: &Member, at: Moment, due_on: CalendarDate) -> Filed {
    Filed {
        by: by.user_id.clone(),
        at_ms: at.at_ms,
        on: at.date(),
        late: at.date() > due_on,
    }
}

/// The provider of `entry` reports an incident as `id`, while the registration is in force.
/// The party is asked first, then the entry's state, then the values.
pub fn report_quick(
    id: String,
    draft: QuickDraft,
    entry: &RegistryEntry,
    calendar: &BusinessCalendar,
    by: &Member,
    at: Moment,
) -> Result<Change<Incident>, Refusal> {
    provider_of_live_entry(entry, by)?;
    let today = at.date();
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.long_text("/summary", &draft.summary);
    let earliest = today.add_days(-MAX_DAYS_SINCE_DISCOVERY);
    let dues = (
        calendar.add_business_days(draft.discovered_on, QUICK_REPORT_BUSINESS_DAYS),
        calendar.add_business_days(draft.discovered_on, FINAL_REPORT_BUSINESS_DAYS),
    );
    let in_range =
        draft.discovered_on <= today && earliest.is_none_or(|day| draft.discovered_on >= day);
    let (Some(quick_due_on), Some(final_due_on), true) = (dues.0, dues.1, in_range) else {
        problems.push(
            "/discovered_on",
            "out_of_range",
            Bilingual::new(
                format!(
                    "/discovered_on は今日から {MAX_DAYS_SINCE_DISCOVERY} 日前までの日付にしてください"
                ),
                format!(
                    "/discovered_on must fall between {MAX_DAYS_SINCE_DISCOVERY} days ago and today"
                ),
            ),
        );
        return Err(problems.refusal());
    };
    problems.finish()?;
    let incident = Incident {
        id,
        entry: entry.id.clone(),
        service: entry.service.clone(),
        provider: entry.provider.clone(),
        discovered_on: draft.discovered_on,
        quick_due_on,
        final_due_on,
        quick: QuickReport {
            summary: draft.summary,
            filed: filed(by, at, quick_due_on),
        },
        final_report: None,
        decisions: Vec::new(),
        status: IncidentStatus::QuickReported,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        QUICK_REPORTED,
        &incident.id,
        json!({ "incident": incident }),
    );
    Ok(Change {
        state: incident,
        event,
    })
}

/// The provider files the final report of `incident`, once; `known` says whether a
/// registration number is in the registry.
pub fn report_final(
    incident: &Incident,
    draft: FinalDraft,
    known: &dyn Fn(&str) -> bool,
    by: &Member,
    at: Moment,
) -> Result<Change<Incident>, Refusal> {
    if !acts_for_provider(by, &incident.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if incident.status != IncidentStatus::QuickReported {
        return Err(Refusal::Conflict(Conflict::IncidentState {
            incident: incident.id.clone(),
            status: incident.status.code(),
        }));
    }
    let mut problems = Problems::new();
    problems.long_text("/cause", &draft.cause);
    problems.long_text("/impact", &draft.impact);
    problems.long_text("/measures", &draft.measures);
    let affected = &draft.services_affected;
    if problems.list_size("/services_affected", affected.len(), MAX_SERVICES_AFFECTED) {
        for (i, entry) in affected.iter().enumerate() {
            let field = format!("/services_affected/{i}");
            if entry.trim().is_empty() || known(entry) {
                problems.reference(&field, entry);
            } else {
                problems.push(
                    field.clone(),
                    "unknown_entry",
                    Bilingual::new(
                        format!("{field}: 登録番号 {entry} は登録簿にありません"),
                        format!("{field}: registration {entry} is not in the registry"),
                    ),
                );
            }
        }
        problems.duplicates(affected.iter().map(String::as_str), |i| {
            format!("/services_affected/{i}")
        });
    }
    problems.finish()?;
    let mut next = incident.clone();
    next.final_report = Some(FinalReport {
        cause: draft.cause,
        impact: draft.impact,
        measures: draft.measures,
        services_affected: draft.services_affected,
        filed: filed(by, at, incident.final_due_on),
    });
    next.status = IncidentStatus::FinalReported;
    let event = WorkflowEvent::new(
        by,
        at,
        FINAL_REPORTED,
        &next.id,
        json!({ "incident": next }),
    );
    Ok(Change { state: next, event })
}
