//! An audit body's selection (選定) as the operator recorded it, with the measures taken against
//! the body since: together they say where the body stood on any day.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::measures::{Measure, MeasureKind};
use super::operator_admin;
use super::status_reports::StatusReport;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registration::AuditBodyStatus;
use crate::registry::Period;
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Moment, Refusal, WorkflowEvent};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditBodyRecord {
    /// The audit body's organisation id.
    pub org: String,
    /// The status the selection was recorded with; measures may suspend or revoke a selected
    /// body from a given day.
    pub status: AuditBodyStatus,
    pub valid_from: CalendarDate,
    pub valid_until: CalendarDate,
    /// Every measure taken against the body, in the order of the days they take effect.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// The yearly status reports the body has sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_reports: Vec<StatusReport>,
}

/// Where an audit body stands on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Selected,
    /// Before its selection starts.
    NotYetSelected,
    /// After its selection's last day.
    Lapsed,
    /// Suspended by a measure taking effect on `since`.
    Suspended {
        since: CalendarDate,
    },
    /// Revoked by a measure taking effect on `since`.
    Revoked {
        since: CalendarDate,
    },
    /// Recorded with a status other than selected.
    Recorded(AuditBodyStatus),
}

impl Standing {
    pub fn title(self) -> Bilingual {
        match self {
            Standing::Selected => Bilingual::new("選定中", "Selected"),
            Standing::NotYetSelected => Bilingual::new("選定期間前", "Not yet selected"),
            Standing::Lapsed => Bilingual::new("選定期間終了", "Selection ended"),
            Standing::Suspended { since } => Bilingual::new(
                format!("{since} から停止中"),
                format!("Suspended since {since}"),
            ),
            Standing::Revoked { since } => Bilingual::new(
                format!("{since} に選定取消し"),
                format!("Selection revoked on {since}"),
            ),
            Standing::Recorded(status) => status_title(status),
        }
    }

    /// The status the registration rule reads for a body standing so.
    fn status(self) -> AuditBodyStatus {
        match self {
            Standing::Selected | Standing::NotYetSelected => AuditBodyStatus::Selected,
            Standing::Lapsed => AuditBodyStatus::Expired,
            Standing::Suspended { .. } => AuditBodyStatus::Suspended,
            Standing::Revoked { .. } => AuditBodyStatus::Revoked,
            Standing::Recorded(status) => status,
        }
    }
}

pub fn status_title(status: AuditBodyStatus) -> Bilingual {
    match status {
        AuditBodyStatus::Selected => Bilingual::new("選定", "Selected"),
        AuditBodyStatus::Suspended => Bilingual::new("停止", "Suspended"),
        AuditBodyStatus::Revoked => Bilingual::new("取消し", "Revoked"),
        AuditBodyStatus::Expired => Bilingual::new("期間満了", "Expired"),
    }
}

impl AuditBodyRecord {
    /// Where the body stood on `day`: a revocation outweighs a suspension, and either outweighs
    /// the selection's dates.
    pub fn standing_on(&self, day: CalendarDate) -> Standing {
        if self.status != AuditBodyStatus::Selected {
            return Standing::Recorded(self.status);
        }
        if let Some(revoked) = self.revocation().filter(|m| m.on <= day) {
            return Standing::Revoked { since: revoked.on };
        }
        if let Some(suspension) = self
            .measures
            .iter()
            .find(|m| m.kind == MeasureKind::Suspension && m.in_force_on(day))
        {
            return Standing::Suspended {
                since: suspension.on,
            };
        }
        if day < self.valid_from {
            Standing::NotYetSelected
        } else if day > self.valid_until {
            Standing::Lapsed
        } else {
            Standing::Selected
        }
    }

    /// Whether the body may take audits on `day`.
    pub fn selected_on(&self, day: CalendarDate) -> bool {
        self.standing_on(day) == Standing::Selected
    }

    /// The first measure that kept the body from being selected on some day of `period`: a
    /// revocation or a suspension in force on one of its days.
    pub fn measure_within(&self, period: &Period) -> Option<&Measure> {
        self.measures.iter().find(|m| match m.kind {
            MeasureKind::Revocation => m.on <= period.end,
            MeasureKind::Suspension => {
                m.on <= period.end && m.lifted_on.is_none_or(|lifted| period.start < lifted)
            }
            MeasureKind::Caution | MeasureKind::ImprovementOrder => false,
        })
    }

    /// The record as the registration rule reads it for an audit over `period`: the body must
    /// have been selected on every day of it, so a suspension or revocation in force on any of
    /// those days is the status the rule sees.
    pub fn for_rule(&self, period: &Period) -> crate::registration::AuditBody {
        let status = match (self.status, self.measure_within(period)) {
            (AuditBodyStatus::Selected, Some(measure)) => Standing::from_measure(measure).status(),
            (status, _) => status,
        };
        crate::registration::AuditBody {
            id: self.org.clone(),
            status,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        }
    }

    pub(super) fn revocation(&self) -> Option<&Measure> {
        self.measures
            .iter()
            .find(|m| m.kind == MeasureKind::Revocation)
    }

    pub(super) fn suspension_in_force(&self) -> Option<&Measure> {
        self.measures
            .iter()
            .find(|m| m.kind == MeasureKind::Suspension && m.lifted_on.is_none())
    }
}

impl Standing {
    fn from_measure(measure: &Measure) -> Standing {
        match measure.kind {
            MeasureKind::Revocation => Standing::Revoked { since: measure.on },
            MeasureKind::Suspension => Standing::Suspended { since: measure.on },
            MeasureKind::Caution | MeasureKind::ImprovementOrder => Standing::Selected,
        }
    }
}

/// The operator records an audit body's selection (or its suspension, revocation or expiry).
/// The measures taken against the body stay with it: a new selection does not erase its
/// history.
pub fn record_selection(
    record: AuditBodyRecord,
    before: Option<&AuditBodyRecord>,
    by: &Member,
    at: Moment,
) -> Result<Change<AuditBodyRecord>, Refusal> {
    operator_admin(by)?;
    let mut problems = Problems::new();
    problems.reference("/org", &record.org);
    if record.valid_until < record.valid_from {
        problems.push(
            "/valid_until",
            "period_reversed",
            Bilingual::new(
                "選定の有効期限が開始日より前です",
                "the selection ends before it starts",
            ),
        );
    }
    problems.finish()?;
    let record = AuditBodyRecord {
        measures: before.map(|b| b.measures.clone()).unwrap_or_default(),
        status_reports: before.map(|b| b.status_reports.clone()).unwrap_or_default(),
        ..record
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "audit_body.record",
        &record.org,
        json!({ "record": record }),
    );
    Ok(Change {
        state: record,
        event,
    })
}
