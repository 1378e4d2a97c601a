//! Reminders (期限の案内) the lifecycle job sends: a registration's validity ending in 6, 3 or
//! 1 months with no renewal applied for, and an audit's report falling due (three months after
//! the audit period) while the audit is still unsigned. Each reminder's id names its threshold,
//! so a job that runs daily sends each once; a job that did not run for a while sends only the
//! nearest threshold passed, not every one it missed.

use super::application::{Application, renewals_under_review};
use super::audit::{Audit, AuditStatus};
use super::notification::Draft;
use super::notification::messages::{self, ReportFacts};
use crate::date::CalendarDate;
use crate::registry::{EntryStatus, RegistryEntry};

/// Months before the end of validity at which the provider is reminded, nearest last.
pub const RENEWAL_REMINDER_MONTHS: [u32; 3] = [6, 3, 1];

/// A report is due this many months after its audit period ends.
pub const REPORT_DUE_MONTHS: u32 = 3;

/// The provider and the audit body are reminded this many months before the report is due.
pub const REPORT_REMINDER_MONTHS: u32 = 1;

/// What the reminders are drawn from.
#[derive(Debug, Clone, Copy)]
pub struct ReminderFacts<'a> {
    pub entries: &'a [RegistryEntry],
    pub applications: &'a [Application],
    pub audits: &'a [Audit],
}

/// The reminders due on `as_of`, whether or not they were already sent (the caller skips the
/// ids it holds).
pub fn due(facts: ReminderFacts<'_>, as_of: CalendarDate) -> Vec<Draft> {
    let renewing = renewals_under_review(facts.applications);
    let mut drafts: Vec<Draft> = facts
        .entries
        .iter()
        .filter(|entry| !renewing.contains_key(&entry.id))
        .filter_map(|entry| renewal_reminder(entry, as_of))
        .collect();
    for audit in facts.audits {
        drafts.extend(report_reminders(audit, as_of));
    }
    drafts
}

/// The nearest threshold `entry` has passed on `as_of`, while it is still valid.
fn renewal_reminder(entry: &RegistryEntry, as_of: CalendarDate) -> Option<Draft> {
    if !matches!(
        entry.status,
        EntryStatus::Registered | EntryStatus::Suspended
    ) || as_of > entry.valid_until
    {
        return None;
    }
    RENEWAL_REMINDER_MONTHS
        .iter()
        .rev()
        .find(|&&months| {
            entry
                .valid_until
                .sub_months_clamped(months)
                .is_some_and(|from| from <= as_of)
        })
        .map(|&months| messages::renewal_due(entry, months))
}

/// The day an audit's report is due: three months after its period ends.
pub fn report_due_on(audit: &Audit) -> Option<CalendarDate> {
    audit.period.end.add_months_clamped(REPORT_DUE_MONTHS)
}

/// To the provider and the audit body, from a month before the report is due until that day,
/// while the audit works on.
fn report_reminders(audit: &Audit, as_of: CalendarDate) -> Vec<Draft> {
    if !matches!(
        audit.status,
        AuditStatus::Requested | AuditStatus::InProgress
    ) {
        return Vec::new();
    }
    let Some(due) = report_due_on(audit) else {
        return Vec::new();
    };
    let from = due.sub_months_clamped(REPORT_REMINDER_MONTHS);
    if from.is_none_or(|from| from > as_of) || as_of > due {
        return Vec::new();
    }
    let facts = ReportFacts {
        audit: &audit.id,
        service: &audit.service,
        period_end: audit.period.end,
        due,
    };
    vec![
        messages::report_due(&audit.provider, facts),
        messages::report_due(&audit.audit_body, facts),
    ]
}
