//! The yearly status report (年次の状況報告) a selected audit body owes the operator: one for each
//! full year of its selection, due on that year's last day. The body is reminded as the day
//! nears; a report not sent by then is overdue, and the operator sees it.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::record::AuditBodyRecord;
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::audit_body::is_auditor_of;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// How many days before its due day a report is asked for.
pub const REMINDER_DAYS: i64 = 30;

/// One report as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusReport {
    /// Which year of the selection it covers, from 1.
    pub year: u32,
    pub due_on: CalendarDate,
    /// How the body stands: its auditors, quality control, subcontracting, independence, and
    /// what changed in the year.
    pub text: Bilingual,
    pub submitted_on: CalendarDate,
    pub submitted_by: String,
    pub submitted_at_ms: i64,
}

/// Where one year's report stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportState {
    /// Not yet asked for.
    Upcoming,
    /// Asked for: its due day is at most [`REMINDER_DAYS`] away.
    DueSoon,
    /// Its due day has passed without a report.
    Overdue,
    Submitted {
        on: CalendarDate,
    },
}

impl ReportState {
    pub fn code(self) -> &'static str {
        match self {
            ReportState::Upcoming => "upcoming",
            ReportState::DueSoon => "due_soon",
            ReportState::Overdue => "overdue",
            ReportState::Submitted { .. } => "submitted",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            ReportState::Upcoming => Bilingual::new("提出時期前", "Not yet due"),
            ReportState::DueSoon => Bilingual::new("提出時期", "Due soon"),
            ReportState::Overdue => Bilingual::new("提出期限超過", "Overdue"),
            ReportState::Submitted { on } => {
                Bilingual::new(format!("{on} 提出"), format!("Sent on {on}"))
            }
        }
    }
}

/// One year's report, owed or sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDue {
    pub year: u32,
    pub due_on: CalendarDate,
    pub state: ReportState,
}

impl AuditBodyRecord {
    /// The due day of each full year of the selection: the eve of each anniversary that falls
    /// within it.
    pub fn report_days(&self) -> Vec<(u32, CalendarDate)> {
        (1..)
            .map_while(|year| {
                let due = self.valid_from.last_day_of_years(year)?;
                (due <= self.valid_until).then_some((year, due))
            })
            .collect()
    }

    /// Every year's report as it stands on `today`.
    pub fn reports_due(&self, today: CalendarDate) -> Vec<ReportDue> {
        self.report_days()
            .into_iter()
            .map(|(year, due_on)| {
                let sent = self.status_reports.iter().find(|r| r.year == year);
                let state = match sent {
                    Some(report) => ReportState::Submitted {
                        on: report.submitted_on,
                    },
                    None if today > due_on => ReportState::Overdue,
                    None if asked_for(due_on, today) => ReportState::DueSoon,
                    None => ReportState::Upcoming,
                };
                ReportDue {
                    year,
                    due_on,
                    state,
                }
            })
            .collect()
    }

    /// The reports owed now (asked for or overdue), the oldest first.
    pub fn reports_owed(&self, today: CalendarDate) -> Vec<ReportDue> {
        self.reports_due(today)
            .into_iter()
            .filter(|due| matches!(due.state, ReportState::DueSoon | ReportState::Overdue))
            .collect()
    }
}

/// Whether `today` is within the reminder days before `due_on`.
fn asked_for(due_on: CalendarDate, today: CalendarDate) -> bool {
    let first_asked = (0..REMINDER_DAYS).fold(due_on, |day, _| day.day_before().unwrap_or(day));
    first_asked <= today
}

/// An auditor of the body sends the oldest report owed.
pub fn submit_status_report(
    record: &AuditBodyRecord,
    text: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<AuditBodyRecord>, Refusal> {
    if !is_auditor_of(by, &record.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    let mut problems = Problems::new();
    problems.required_text("/text", &text, MAX_TEXT_CHARS);
    problems.finish()?;
    let today = at.date();
    let Some(owed) = record.reports_owed(today).into_iter().next() else {
        return Err(Refusal::Conflict(Conflict::NoStatusReportOwed {
            org: record.org.clone(),
        }));
    };
    let report = StatusReport {
        year: owed.year,
        due_on: owed.due_on,
        text,
        submitted_on: today,
        submitted_by: by.user_id.clone(),
        submitted_at_ms: at.at_ms,
    };
    let mut state = record.clone();
    state.status_reports.push(report.clone());
    let event = WorkflowEvent::new(
        by,
        at,
        "audit_body.status_report",
        &state.org,
        json!({ "record": state, "report": report }),
    );
    Ok(Change { state, event })
}
