//! The procurer's records (調達): the information systems a procuring organisation keeps, each
//! classified by confidentiality and availability, with the history of its classes; and which
//! registered services each system uses, from when to when, and the ones it watches as candidates, with its answers to the checklists for each. A system and its usages are the
//! organisation's own: only its procurement staff write them, only its members read them. The
//! operator reads the usages as a whole (who uses which services), and the organisations
//! recorded as a service's users are told what happens to it.

mod answers;
mod availability_fit;
mod checklists;
mod coverage;
mod system;
#[cfg(test)]
mod tests;
mod usage;
mod users;
mod watch;

pub use answers::{
    AnswerValue, CandidateAnswers, ItemAnswer, MAX_ANSWER_NOTE_CHARS, MAX_ANSWERED_CANDIDATES,
    answer_checklists,
};
pub use availability_fit::{
    AvailabilityFit, MONTH_MINUTES, PITFALL_SHARE_PERCENT, allowed_minutes, availability_fit,
    needed_percent, stated_percent,
};
pub use checklists::{Checklist, ChecklistItem, ChecklistSection, ChecklistsError, checklists};
pub use coverage::{Coverage, RiskCoverage, customer_controls, risk_coverage};
pub use system::{
    Classified, InformationItem, InformationSystem, MAX_MODELS_NEEDED, SystemDetails,
    create_system, revise_system,
};
pub use usage::{
    MAX_USAGE_NOTE_CHARS, ServiceUsage, UsageDraft, UsageStatus, end_usage, record_usage,
};
pub use users::{UserOf, users_of};
pub use watch::{MAX_WATCHED, Watched, unwatch_service, watch_service};

use crate::accounts::{OrgKind, Role};
use crate::policy::Member;

/// The candidates a procurer compares side by side at once.
pub const MAX_COMPARED: usize = 4;

/// The log's names of the procurer's steps.
pub const SYSTEM_CREATED: &str = "system.create";
pub const SYSTEM_REVISED: &str = "system.revise";
pub const SYSTEM_WATCHED: &str = "system.watch";
pub const SYSTEM_UNWATCHED: &str = "system.unwatch";
pub const SYSTEM_ANSWERED: &str = "system.answer";
pub const USAGE_RECORDED: &str = "usage.record";
pub const USAGE_ENDED: &str = "usage.end";

/// Whether `by` acts for a procuring organisation with the procurer role.
pub fn is_procurer(by: &Member) -> bool {
    by.org_kind == OrgKind::Procurer && by.has(Role::Procurer)
}

/// Whether `by` may write the records of the procuring organisation `org`.
pub fn acts_for_procurer(by: &Member, org: &str) -> bool {
    is_procurer(by) && by.org_id == org
}
