//! Incidents (インシデント): the provider of a registered service reports one in two steps — a
//! quick report (速報) soon after discovery, a final report (確報) with its cause, impact,
//! measures and the services affected — each due a number of business days after discovery on
//! the government's calendar; one filed later is accepted and marked late. The operator's
//! administrators then decide the registration's measure: none, suspend, reinstate or
//! deregister, each recorded on the incident and published as a notice on the entry in both
//! languages.

mod decide;
mod report;
#[cfg(test)]
mod tests;

pub use decide::{Decided, IncidentMeasure, MeasureDecision, decide};
pub use report::{FinalDraft, QuickDraft, report_final, report_quick};

use serde::{Deserialize, Serialize};

use crate::date::CalendarDate;
use crate::text::Bilingual;

/// The log's names of an incident's steps.
pub const QUICK_REPORTED: &str = "incident.quick_report";
pub const FINAL_REPORTED: &str = "incident.final_report";
pub const DECIDED: &str = "incident.decide";

/// Business days after discovery within which the quick report is due.
pub const QUICK_REPORT_BUSINESS_DAYS: u32 = 3;
/// Business days after discovery within which the final report is due (about a month).
pub const FINAL_REPORT_BUSINESS_DAYS: u32 = 20;
/// How long ago an incident may have been discovered to be reported now, in days.
pub const MAX_DAYS_SINCE_DISCOVERY: i64 = 366;
/// The services a final report may name as affected.
pub const MAX_SERVICES_AFFECTED: usize = 500;

/// Where an incident's reporting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    /// The quick report is in; the final report is awaited.
    QuickReported,
    /// Both reports are in.
    FinalReported,
}

impl IncidentStatus {
    pub const ALL: [IncidentStatus; 2] =
        [IncidentStatus::QuickReported, IncidentStatus::FinalReported];

    pub fn code(self) -> &'static str {
        match self {
            IncidentStatus::QuickReported => "quick_reported",
            IncidentStatus::FinalReported => "final_reported",
        }
    }

    pub fn from_code(code: &str) -> Option<IncidentStatus> {
        IncidentStatus::ALL
            .into_iter()
            .find(|one| one.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            IncidentStatus::QuickReported => Bilingual::new(
                "速報済み・確報待ち",
                "Quick report in, final report awaited",
            ),
            IncidentStatus::FinalReported => Bilingual::new("確報済み", "Final report in"),
        }
    }
}

/// Who filed a report, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filed {
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
    /// Filed after its due day.
    pub late: bool,
}

/// The quick report (速報): what happened, as known soon after discovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickReport {
    pub summary: Bilingual,
    pub filed: Filed,
}

/// The final report (確報).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinalReport {
    pub cause: Bilingual,
    pub impact: Bilingual,
    /// What was done, and what is done so that it does not recur.
    pub measures: Bilingual,
    /// Registration numbers of the services affected (this one and those built on it).
    pub services_affected: Vec<String>,
    pub filed: Filed,
}

/// One of the operator's decisions on the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub measure: IncidentMeasure,
    pub reason: Bilingual,
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

/// An incident of a registered service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: String,
    /// The registry entry of the service it happened to.
    pub entry: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub provider: String,
    pub discovered_on: CalendarDate,
    pub quick_due_on: CalendarDate,
    pub final_due_on: CalendarDate,
    pub quick: QuickReport,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_report: Option<FinalReport>,
    /// The operator's decisions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    pub status: IncidentStatus,
}

impl Incident {
    /// Whether the final report is still awaited after its due day on `today`.
    pub fn final_overdue(&self, today: CalendarDate) -> bool {
        self.final_report.is_none() && today > self.final_due_on
    }
}
