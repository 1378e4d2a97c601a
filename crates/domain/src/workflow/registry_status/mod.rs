//! The registry after registration (登録後): the operator suspends an entry, reinstates it,
//! deregisters it or records that it expired, and publishes notices about it. Each change is
//! dated by the moment it is made, adds a line to the entry's history, publishes a notice in
//! both languages and may rewrite the entry's remarks (which the staff may also rewrite alone); the entry is written whole with the
//! event, so the registry can be rebuilt from the log.

use serde_json::json;

use super::fields::Problems;
use super::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::policy::Member;
use crate::registry::{EntryStatus, Notice, NoticeKind, RegistryEntry, StatusChange};
use crate::text::Bilingual;

/// A change of where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusMove {
    /// Registered → suspended: while an incident or a measure is examined.
    Suspend,
    /// Suspended → registered: the examination found the registration may stand.
    Reinstate,
    /// Registered or suspended → deregistered: the registration ends for good (a measure, the
    /// provider's withdrawal, or the loss of the service it is built on).
    Deregister,
    /// Registered or suspended → expired: its validity ended with no renewal.
    Expire,
}

impl StatusMove {
    pub const ALL: [StatusMove; 4] = [
        StatusMove::Suspend,
        StatusMove::Reinstate,
        StatusMove::Deregister,
        StatusMove::Expire,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StatusMove::Suspend => "suspend",
            StatusMove::Reinstate => "reinstate",
            StatusMove::Deregister => "deregister",
            StatusMove::Expire => "expire",
        }
    }

    pub fn from_code(code: &str) -> Option<StatusMove> {
        StatusMove::ALL.into_iter().find(|one| one.code() == code)
    }

    /// The log's name for the change.
    pub fn action(self) -> &'static str {
        match self {
            StatusMove::Suspend => "registry.suspend",
            StatusMove::Reinstate => "registry.reinstate",
            StatusMove::Deregister => "registry.deregister",
            StatusMove::Expire => "registry.expire",
        }
    }

    /// Where the entry stands afterwards.
    pub fn target(self) -> EntryStatus {
        match self {
            StatusMove::Suspend => EntryStatus::Suspended,
            StatusMove::Reinstate => EntryStatus::Registered,
            StatusMove::Deregister => EntryStatus::Deregistered,
            StatusMove::Expire => EntryStatus::Expired,
        }
    }

    pub(crate) fn allowed_from(self, status: EntryStatus) -> bool {
        match self {
            StatusMove::Suspend => status == EntryStatus::Registered,
            StatusMove::Reinstate => status == EntryStatus::Suspended,
            StatusMove::Deregister | StatusMove::Expire => {
                matches!(status, EntryStatus::Registered | EntryStatus::Suspended)
            }
        }
    }

    /// The kind of the public notice the change publishes.
    pub fn notice_kind(self) -> NoticeKind {
        match self {
            StatusMove::Suspend => NoticeKind::Suspension,
            StatusMove::Reinstate | StatusMove::Deregister => NoticeKind::Measure,
            StatusMove::Expire => NoticeKind::Other,
        }
    }
}

/// A public notice's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeText {
    pub title: Bilingual,
    pub body: Bilingual,
}

/// What the operator records with a change of status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusDecision {
    /// The line in the entry's history.
    pub reason: Bilingual,
    /// The public notice that announces the change.
    pub notice: NoticeText,
    /// New remarks for the entry; `None` keeps the present ones.
    pub remarks: Option<Bilingual>,
}

/// Changes where `entry` stands. Only the operator's administrators decide measures; the
/// party is asked first, then the entry's state, then the values.
pub fn change_status(
    entry: &RegistryEntry,
    change: StatusMove,
    decision: StatusDecision,
    by: &Member,
    at: Moment,
) -> Result<Change<RegistryEntry>, Refusal> {
    if !by.is_operator_admin() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator));
    }
    if !change.allowed_from(entry.status) {
        return Err(Refusal::Conflict(Conflict::EntryStatus {
            entry: entry.id.clone(),
            status: entry.status.code(),
        }));
    }
    let on = at.date();
    match change {
        // Expiry is a fact of the calendar, recorded once it is one.
        StatusMove::Expire if on <= entry.valid_until => {
            return Err(Refusal::Conflict(Conflict::NotYetExpired {
                entry: entry.id.clone(),
                valid_until: entry.valid_until.to_string(),
            }));
        }
        // A registration whose validity ended meanwhile cannot come back: it is renewed.
        StatusMove::Reinstate if on > entry.valid_until => {
            return Err(Refusal::Conflict(Conflict::EntryStatus {
                entry: entry.id.clone(),
                status: EntryStatus::Expired.code(),
            }));
        }
        _ => {}
    }
    let mut problems = Problems::new();
    problems.long_text("/reason", &decision.reason);
    check_notice(&mut problems, &decision.notice);
    if let Some(remarks) = &decision.remarks {
        problems.text_length("/remarks", remarks, crate::case::bounds::MAX_TEXT_CHARS);
    }
    problems.finish()?;
    let mut next = entry.clone();
    next.status = change.target();
    next.history.push(StatusChange {
        on,
        to: change.target(),
        reason: decision.reason.clone(),
    });
    next.notices.push(Notice {
        on,
        kind: change.notice_kind(),
        title: decision.notice.title,
        body: decision.notice.body,
    });
    if let Some(remarks) = decision.remarks {
        next.remarks = remarks;
    }
    let event = WorkflowEvent::new(
        by,
        at,
        change.action(),
        &next.id,
        json!({ "entry": next, "reason": decision.reason }),
    );
    Ok(Change { state: next, event })
}

/// Publishes a notice about `entry` that changes nothing else: an incident reported, a measure
/// taken, a change notified. Any of the operator's staff may publish one; status changes
/// publish their own.
pub fn publish_notice(
    entry: &RegistryEntry,
    kind: NoticeKind,
    notice: NoticeText,
    by: &Member,
    at: Moment,
) -> Result<Change<RegistryEntry>, Refusal> {
    if !by.is_operator_staff() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    let mut problems = Problems::new();
    check_notice(&mut problems, &notice);
    problems.finish()?;
    let mut next = entry.clone();
    next.notices.push(Notice {
        on: at.date(),
        kind,
        title: notice.title,
        body: notice.body,
    });
    let event = WorkflowEvent::new(
        by,
        at,
        "registry.notice",
        &next.id,
        json!({ "entry": next }),
    );
    Ok(Change { state: next, event })
}

/// Rewrites the remarks (備考) of `entry`: what a reader of the registry should know about it
/// that the rest of the entry does not say. The operator's staff keep them.
pub fn set_remarks(
    entry: &RegistryEntry,
    remarks: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<RegistryEntry>, Refusal> {
    if !by.is_operator_staff() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    let mut problems = Problems::new();
    problems.text_length("/remarks", &remarks, crate::case::bounds::MAX_TEXT_CHARS);
    problems.finish()?;
    let mut next = entry.clone();
    next.remarks = remarks;
    let event = WorkflowEvent::new(
        by,
        at,
        "registry.remarks",
        &next.id,
        json!({ "entry": next }),
    );
    Ok(Change { state: next, event })
}

/// Refuses unless `by` acts for the provider of `entry` and the registration is in force
/// (registered or suspended): what the provider's withdrawal, change notices and incident
/// reports all ask first.
pub fn provider_of_live_entry(entry: &RegistryEntry, by: &Member) -> Result<(), Refusal> {
    if !super::service::acts_for_provider(by, &entry.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if !matches!(
        entry.status,
        EntryStatus::Registered | EntryStatus::Suspended
    ) {
        return Err(Refusal::Conflict(Conflict::EntryStatus {
            entry: entry.id.clone(),
            status: entry.status.code(),
        }));
    }
    Ok(())
}

fn check_notice(problems: &mut Problems, notice: &NoticeText) {
    problems.name("/notice/title", &notice.title);
    problems.long_text("/notice/body", &notice.body);
}

mod withdraw;

pub use withdraw::{WITHDRAWN, withdraw, withdrawal_reason};

#[cfg(test)]
mod tests;
