//! The operator acknowledges a change notice. The entry records the change; a significant one
//! marks it "new audit required" until the provider applies with that audit. An entry that
//! ended meanwhile is left as it is: the notice is acknowledged for the record only.

use serde_json::json;

use super::{
    ACKNOWLEDGED, Acknowledgement, ChangeNotice, ChangeNoticeStatus, ENTRY_CHANGED,
    MAX_NEW_AUDIT_BUSINESS_DAYS, NEW_AUDIT_BUSINESS_DAYS, NewAuditTracking,
};
use crate::calendar::BusinessCalendar;
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::{
    ChangeCategory, ChangeWeight, EntryStatus, NewAuditRequired, RegistryEntry, ReportedChange,
};
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// What the operator records with the acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcknowledgeDecision {
    /// A note for the provider and the record (may be empty).
    pub note: Bilingual,
    /// The day the new audit's application is due, for a significant change; `None` takes
    /// [`NEW_AUDIT_BUSINESS_DAYS`] business days after today.
    pub audit_due_on: Option<CalendarDate>,
}

impl Default for AcknowledgeDecision {
    /// No note, and the new audit's default due day.
    fn default() -> Self {
        AcknowledgeDecision {
            note: Bilingual::new("", ""),
            audit_due_on: None,
        }
    }
}

/// The acknowledged notice, and the entry's change when the registration is still in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Acknowledged {
    pub notice: Change<ChangeNotice>,
    pub entry: Option<Change<RegistryEntry>>,
}

/// Acknowledges `notice` about `entry`; only the operator's staff do.
pub fn acknowledge(
    notice: &ChangeNotice,
    entry: &RegistryEntry,
    decision: AcknowledgeDecision,
    calendar: &BusinessCalendar,
    by: &Member,
    at: Moment,
) -> Result<Acknowledged, Refusal> {
    if !by.is_operator_staff() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    if notice.status != ChangeNoticeStatus::Filed {
        return Err(Refusal::Conflict(Conflict::ChangeNoticeState {
            notice: notice.id.clone(),
            status: notice.status.code(),
        }));
    }
    let on = at.date();
    let in_force = matches!(
        entry.status,
        EntryStatus::Registered | EntryStatus::Suspended
    );
    let significant = notice.weight() == ChangeWeight::Significant;
    let mut problems = Problems::new();
    problems.text_length("/note", &decision.note, MAX_TEXT_CHARS);
    let audit_due_on = if significant && in_force {
        audit_due_day(&mut problems, calendar, on, decision.audit_due_on)
    } else {
        if decision.audit_due_on.is_some() {
            problems.push(
                "/audit_due_on",
                "not_allowed",
                Bilingual::new(
                    "/audit_due_on は登録中のサービスの重要な変更にだけ指定できます",
                    "/audit_due_on is given only for a significant change of a registration in force",
                ),
            );
        }
        None
    };
    problems.finish()?;

    let mut acknowledged = notice.clone();
    acknowledged.status = ChangeNoticeStatus::Acknowledged;
    acknowledged.acknowledgement = Some(Acknowledgement {
        by: by.user_id.clone(),
        at_ms: at.at_ms,
        on,
        note: decision.note,
    });
    acknowledged.new_audit = audit_due_on.map(|due_on| NewAuditTracking {
        due_on,
        application: None,
        applied_on: None,
    });
    let entry_change = in_force.then(|| {
        let next = recorded(entry, &acknowledged, on);
        let event = WorkflowEvent::new(
            by,
            at,
            ENTRY_CHANGED,
            &next.id,
            json!({ "entry": next, "notice": acknowledged.id }),
        );
        Change { state: next, event }
    });
    let event = WorkflowEvent::new(
        by,
        at,
        ACKNOWLEDGED,
        &acknowledged.id,
        json!({ "notice": acknowledged }),
    );
    Ok(Acknowledged {
        notice: Change {
            state: acknowledged,
            event,
        },
        entry: entry_change,
    })
}

/// The day the new audit is due: the operator's, between the next business day and about a
/// year ahead, or the default.
fn audit_due_day(
    problems: &mut Problems,
    calendar: &BusinessCalendar,
    on: CalendarDate,
    chosen: Option<CalendarDate>,
) -> Option<CalendarDate> {
    let default = calendar.add_business_days(on, NEW_AUDIT_BUSINESS_DAYS);
    let Some(chosen) = chosen else {
        if default.is_none() {
            problems.push(
                "/audit_due_on",
                "out_of_range",
                Bilingual::new(
                    "新たな監査の期限を暦の範囲内で計算できません",
                    "the new audit's due day falls outside the calendar",
                ),
            );
        }
        return default;
    };
    let earliest = calendar.add_business_days(on, 1);
    let latest = calendar.add_business_days(on, MAX_NEW_AUDIT_BUSINESS_DAYS);
    match (earliest, latest) {
        (Some(earliest), Some(latest)) if chosen >= earliest && chosen <= latest => Some(chosen),
        _ => {
            problems.push(
                "/audit_due_on",
                "out_of_range",
                Bilingual::new(
                    format!(
                        "/audit_due_on は翌開庁日から {MAX_NEW_AUDIT_BUSINESS_DAYS} 開庁日後までの日付にしてください"
                    ),
                    format!(
                        "/audit_due_on must fall between the next business day and {MAX_NEW_AUDIT_BUSINESS_DAYS} business days ahead"
                    ),
                ),
            );
            None
        }
    }
}

/// The entry with the acknowledged change recorded: on its record of changes, a corrected
/// name applied, a significant change owing its new audit.
fn recorded(entry: &RegistryEntry, notice: &ChangeNotice, on: CalendarDate) -> RegistryEntry {
    let mut next = entry.clone();
    next.changes.push(ReportedChange {
        on,
        effective_on: notice.effective_on,
        notice: notice.id.clone(),
        category: notice.category,
        summary: notice.summary.clone(),
    });
    if notice.category == ChangeCategory::RegistryFacts
        && let Some(name) = &notice.new_name
    {
        next.service_name = name.clone();
    }
    if let Some(audit) = &notice.new_audit {
        next.new_audit_required = Some(NewAuditRequired {
            notice: notice.id.clone(),
            since: on,
            due_on: audit.due_on,
        });
    }
    next
}
