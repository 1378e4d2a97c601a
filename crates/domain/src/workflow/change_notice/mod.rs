//! Change notices (変更届出): after registration, the provider reports what changed in its
//! service. The category decides the weight: routine changes (procedures, tools, how a control
//! is implemented, a control newly adopted, corrections of registry facts) are recorded on the
//! entry once the operator acknowledges them; a significant one (wider scope, new architecture,
//! changed governance) also marks the entry "new audit required" with a due date, tracked until
//! the provider applies with that new audit.
//!
//! Deadlines count business days of the government's calendar ([`BusinessCalendar`]): a
//! notice is due a number of business days after the change takes effect; one filed later is
//! accepted and marked late, so the operator sees it.

mod acknowledge;
mod audit_applied;
mod file;
#[cfg(test)]
mod tests;

pub use acknowledge::{AcknowledgeDecision, Acknowledged, acknowledge};
pub use audit_applied::{AuditApplied, audit_applied, meets};
pub use file::{ChangeDraft, file};

use serde::{Deserialize, Serialize};

use crate::calendar::BusinessCalendar;
use crate::date::CalendarDate;
use crate::registry::{ChangeCategory, ChangeWeight};
use crate::text::Bilingual;

/// The log's names of a change notice's steps.
pub const FILED: &str = "change_notice.file";
pub const ACKNOWLEDGED: &str = "change_notice.acknowledge";
pub const AUDIT_APPLIED: &str = "change_notice.audit_applied";
/// The entry's side of an acknowledged change.
pub const ENTRY_CHANGED: &str = "registry.change";
/// The entry's side of a new audit applied for.
pub const ENTRY_AUDIT_APPLIED: &str = "registry.new_audit_applied";

/// Business days after a routine change takes effect within which it is reported.
pub const ROUTINE_REPORT_BUSINESS_DAYS: u32 = 20;
/// Business days after a significant change takes effect within which it is reported.
pub const SIGNIFICANT_REPORT_BUSINESS_DAYS: u32 = 10;
/// Business days after the acknowledgement of a significant change by which the provider
/// applies with the new audit, unless the operator sets another day.
pub const NEW_AUDIT_BUSINESS_DAYS: u32 = 60;
/// The latest day the operator may set for the new audit's application, in business days
/// after the acknowledgement (about a year).
pub const MAX_NEW_AUDIT_BUSINESS_DAYS: u32 = 245;
/// How far ahead a planned change may be reported, in days.
pub const MAX_DAYS_AHEAD: i64 = 366;
/// The controls a notice may name.
pub const MAX_CONTROLS: usize = 200;

/// Business days after the change within which a notice of `weight` is due.
pub fn report_business_days(weight: ChangeWeight) -> u32 {
    match weight {
        ChangeWeight::Routine => ROUTINE_REPORT_BUSINESS_DAYS,
        ChangeWeight::Significant => SIGNIFICANT_REPORT_BUSINESS_DAYS,
    }
}

/// The day a notice of a change of `weight` that took effect on `effective_on` is due.
pub fn report_due(
    calendar: &BusinessCalendar,
    weight: ChangeWeight,
    effective_on: CalendarDate,
) -> Option<CalendarDate> {
    calendar.add_business_days(effective_on, report_business_days(weight))
}

/// Where a change notice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeNoticeStatus {
    /// Filed by the provider, waiting for the operator.
    Filed,
    /// Acknowledged; for a significant change, its new audit is still owed.
    Acknowledged,
    /// A significant change whose new audit has been applied for.
    AuditApplied,
}

impl ChangeNoticeStatus {
    pub const ALL: [ChangeNoticeStatus; 3] = [
        ChangeNoticeStatus::Filed,
        ChangeNoticeStatus::Acknowledged,
        ChangeNoticeStatus::AuditApplied,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChangeNoticeStatus::Filed => "filed",
            ChangeNoticeStatus::Acknowledged => "acknowledged",
            ChangeNoticeStatus::AuditApplied => "audit_applied",
        }
    }

    pub fn from_code(code: &str) -> Option<ChangeNoticeStatus> {
        ChangeNoticeStatus::ALL
            .into_iter()
            .find(|one| one.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            ChangeNoticeStatus::Filed => Bilingual::new("受付待ち", "Filed"),
            ChangeNoticeStatus::Acknowledged => Bilingual::new("受理済み", "Acknowledged"),
            ChangeNoticeStatus::AuditApplied => {
                Bilingual::new("新たな監査で申請済み", "New audit applied for")
            }
        }
    }
}

/// The operator's acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
    /// What the operator adds (may be empty).
    pub note: Bilingual,
}

/// A significant change's new audit, from its due day until its application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAuditTracking {
    pub due_on: CalendarDate,
    /// The application that met it, once made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_on: Option<CalendarDate>,
}

/// A change notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeNotice {
    pub id: String,
    /// The registry entry it changes.
    pub entry: String,
    /// The provider's service the entry registers, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub provider: String,
    pub category: ChangeCategory,
    /// What changed, and why.
    pub summary: Bilingual,
    /// The controls the change concerns, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<String>,
    /// The corrected name, for a correction of registry facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_name: Option<Bilingual>,
    /// The day the change took (or takes) effect.
    pub effective_on: CalendarDate,
    /// The last day to report it.
    pub due_on: CalendarDate,
    pub filed_on: CalendarDate,
    pub filed_at_ms: i64,
    pub filed_by: String,
    /// Filed after `due_on`.
    pub late: bool,
    pub status: ChangeNoticeStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement: Option<Acknowledgement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_audit: Option<NewAuditTracking>,
}

impl ChangeNotice {
    pub fn weight(&self) -> ChangeWeight {
        self.category.weight()
    }

    /// Whether its new audit is owed and its due day has passed on `today`.
    pub fn new_audit_overdue(&self, today: CalendarDate) -> bool {
        self.new_audit
            .as_ref()
            .is_some_and(|audit| audit.application.is_none() && today > audit.due_on)
    }
}
