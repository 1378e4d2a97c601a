//! The provider applies with a new audit: every significant change of the service waiting for
//! one is met by the application, and the entry no longer shows "new audit required".

use serde_json::json;

use super::{AUDIT_APPLIED, ChangeNotice, ChangeNoticeStatus, ENTRY_AUDIT_APPLIED};
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::RegistryEntry;
use crate::workflow::{Change, Moment, WorkflowEvent};

/// Whether an audit whose period ends on `period_end` can meet `notice`'s new audit: the notice
/// owes one, and the audit's period reaches the day the change took effect.
pub fn meets(notice: &ChangeNotice, period_end: CalendarDate) -> bool {
    notice.status == ChangeNoticeStatus::Acknowledged
        && notice
            .new_audit
            .as_ref()
            .is_some_and(|audit| audit.application.is_none())
        && period_end >= notice.effective_on
}

/// The notices met and the entry cleared.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditApplied {
    pub notices: Vec<Change<ChangeNotice>>,
    pub entry: Option<Change<RegistryEntry>>,
}

/// Records that `application`, made by `by` with an audit whose period ends on `period_end`,
/// meets each notice of `notices` that it can; the entry's mark goes once the notice it
/// names is met.
pub fn audit_applied(
    notices: &[ChangeNotice],
    entry: &RegistryEntry,
    application: &str,
    period_end: CalendarDate,
    by: &Member,
    at: Moment,
) -> AuditApplied {
    let on = at.date();
    let mut met = Vec::new();
    for notice in notices.iter().filter(|notice| meets(notice, period_end)) {
        let mut next = notice.clone();
        next.status = ChangeNoticeStatus::AuditApplied;
        if let Some(audit) = next.new_audit.as_mut() {
            audit.application = Some(application.to_owned());
            audit.applied_on = Some(on);
        }
        let event = WorkflowEvent::new(
            by,
            at,
            AUDIT_APPLIED,
            &next.id,
            json!({ "notice": next, "application": application }),
        );
        met.push(Change { state: next, event });
    }
    let cleared = entry
        .new_audit_required
        .as_ref()
        .is_some_and(|required| met.iter().any(|change| change.state.id == required.notice));
    let entry = cleared.then(|| {
        let mut next = entry.clone();
        next.new_audit_required = None;
        let event = WorkflowEvent::new(
            by,
            at,
            ENTRY_AUDIT_APPLIED,
            &next.id,
            json!({ "entry": next, "application": application }),
        );
        Change { state: next, event }
    });
    AuditApplied {
        notices: met,
        entry,
    }
}
