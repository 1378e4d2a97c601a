//! The provider withdraws its registration (登録の取下げ): the entry ends for good, with the
//! provider's reason in its history and a public notice in both languages. The services built on
//! it then fall in the next lifecycle run, which the service starts at once.

use serde_json::json;

use super::super::fields::Problems;
use super::super::{Change, Moment, Refusal, WorkflowEvent};
use crate::policy::Member;
use crate::registry::{EntryStatus, Notice, NoticeKind, RegistryEntry, StatusChange};
use crate::text::Bilingual;

/// The log's name for a withdrawal.
pub const WITHDRAWN: &str = "registry.withdraw";

/// Withdraws `entry` for its provider, who says why.
pub fn withdraw(
    entry: &RegistryEntry,
    reason: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<RegistryEntry>, Refusal> {
    super::provider_of_live_entry(entry, by)?;
    let mut problems = Problems::new();
    problems.long_text("/reason", &reason);
    problems.finish()?;
    let on = at.date();
    let mut next = entry.clone();
    next.status = EntryStatus::Deregistered;
    next.history.push(StatusChange {
        on,
        to: EntryStatus::Deregistered,
        reason: withdrawal_reason(&reason),
    });
    next.notices.push(Notice {
        on,
        kind: NoticeKind::Other,
        title: Bilingual::new(
            format!("{} の登録が取り下げられました", entry.service_name.ja),
            format!("The registration of {} has been withdrawn", entry.service_name.en),
        ),
        body: Bilingual::new(
            format!(
                "登録番号 {} の登録は、提供する事業者の申出により {on} に取り下げられました。理由: {}",
                entry.id, reason.ja
            ),
            format!(
                "Registration {} was withdrawn at its provider's request on {on}. Reason: {}",
                entry.id, reason.en
            ),
        ),
    });
    let event = WorkflowEvent::new(
        by,
        at,
        WITHDRAWN,
        &next.id,
        json!({ "entry": next, "reason": reason }),
    );
    Ok(Change { state: next, event })
}

/// The history's line for a withdrawal the provider gave `reason` for.
pub fn withdrawal_reason(reason: &Bilingual) -> Bilingual {
    Bilingual::new(
        format!("事業者による取下げ: {}", reason.ja),
        format!("withdrawn by the provider: {}", reason.en),
    )
}
