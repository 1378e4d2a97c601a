//! The registry's changes as one stream, newest first: every status change, every public
//! notice and every acknowledged change notice of every entry. Feeds and "what's new" lists read this; each change keeps the place it
//! has in its entry, so that its address stays the same as more changes arrive.

use super::model::{EntryStatus, NoticeKind, RegistryEntry};
use super::reported_change::ChangeWeight;
use crate::date::CalendarDate;
use crate::text::Bilingual;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Status(EntryStatus),
    Notice(NoticeKind),
    /// A change its provider reported and the operator acknowledged.
    Reported(ChangeWeight),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryChange<'a> {
    pub entry: &'a RegistryEntry,
    pub on: CalendarDate,
    pub kind: ChangeKind,
    /// The change's place among its entry's history (`history-N`), notices (`notice-N`) or
    /// reported changes (`change-N`),
    /// counted from 1 in the order the entry records them.
    pub anchor: String,
    /// The notice's title, or the status reached.
    pub title: Bilingual,
    /// The reason for the status change, or the notice's text.
    pub text: Bilingual,
}

/// Every change, newest first; on the same day, by registration number, then history before
/// notices, each in the order recorded.
pub fn changes(entries: &[RegistryEntry]) -> Vec<RegistryChange<'_>> {
    let mut all = Vec::new();
    for entry in entries {
        for (i, change) in entry.history.iter().enumerate() {
            all.push(RegistryChange {
                entry,
                on: change.on,
                kind: ChangeKind::Status(change.to),
                anchor: format!("history-{}", i + 1),
                title: change.to.title(),
                text: change.reason.clone(),
            });
        }
        for (i, change) in entry.changes.iter().enumerate() {
            all.push(RegistryChange {
                entry,
                on: change.on,
                kind: ChangeKind::Reported(change.weight()),
                anchor: format!("change-{}", i + 1),
                title: change.category.title(),
                text: change.summary.clone(),
            });
        }
        for (i, notice) in entry.notices.iter().enumerate() {
            all.push(RegistryChange {
                entry,
                on: notice.on,
                kind: ChangeKind::Notice(notice.kind),
                anchor: format!("notice-{}", i + 1),
                title: notice.title.clone(),
                text: notice.body.clone(),
            });
        }
    }
    // A stable sort keeps each entry's own order within a day.
    all.sort_by(|a, b| b.on.cmp(&a.on).then_with(|| a.entry.id.cmp(&b.entry.id)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::demo::demo_registry;

    #[test]
    fn every_history_step_and_notice_appears_once_newest_first() {
        let registry = demo_registry().unwrap();
        let entries = &registry.entries;
        let all = changes(entries);
        let expected: usize = entries
            .iter()
            .map(|e| e.history.len() + e.notices.len() + e.changes.len())
            .sum();
        assert_eq!(all.len(), expected);
        assert!(all.windows(2).all(|w| w[0].on >= w[1].on));
        let mut anchors: Vec<(String, String)> = all
            .iter()
            .map(|c| (c.entry.id.clone(), c.anchor.clone()))
            .collect();
        anchors.sort();
        anchors.dedup();
        assert_eq!(anchors.len(), expected, "anchors are unique per entry");
        assert!(all.iter().any(|c| matches!(c.kind, ChangeKind::Notice(_))));
        assert!(
            all.iter()
                .any(|c| c.kind == ChangeKind::Status(EntryStatus::Suspended))
        );
    }
}
