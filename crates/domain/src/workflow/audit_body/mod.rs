//! What the scheme keeps about an audit body and its auditors, as far as audits need it: the
//! body's selection with the measures the operator took against it since, which together say
//! whether it was selected on a given day, and who of its people may sign a report.

mod auditor;
mod measures;
mod record;
mod status_reports;

pub use auditor::{
    AuditorProfile, MAX_EXPERIENCE_YEARS, MAX_QUALIFICATIONS, SignerGap, check_auditor,
    is_auditor_of, record_auditor,
};
pub use measures::{Measure, MeasureKind, NewMeasure, lift_suspension, take_measure};
pub use record::{AuditBodyRecord, Standing, record_selection};
pub use status_reports::{
    REMINDER_DAYS, ReportDue, ReportState, StatusReport, submit_status_report,
};

use super::{NotAllowed, Refusal};
use crate::policy::Member;

/// Selections and measures are the operator's administrators' to record.
fn operator_admin(by: &Member) -> Result<(), Refusal> {
    if by.is_operator_admin() {
        Ok(())
    } else {
        Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
    }
}

#[cfg(test)]
mod tests;
