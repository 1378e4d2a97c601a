//! What changed from one statement version to the next, per item and control, so that the
//! provider and the auditor see at a glance what a new version does differently.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::content::{ExcludedControl, ItemAnswer, SelectedControl, StatementContent};
use crate::text::Bilingual;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// Answered now, not before.
    Added,
    /// Answered before, not now.
    Removed,
    /// Excluded before, selected now.
    NowSelected,
    /// Selected before, excluded now.
    NowExcluded,
    /// Answered both times, differently.
    Changed,
}

impl DifferenceKind {
    pub fn code(self) -> &'static str {
        match self {
            DifferenceKind::Added => "added",
            DifferenceKind::Removed => "removed",
            DifferenceKind::NowSelected => "now_selected",
            DifferenceKind::NowExcluded => "now_excluded",
            DifferenceKind::Changed => "changed",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            DifferenceKind::Added => Bilingual::new("追加", "Added"),
            DifferenceKind::Removed => Bilingual::new("削除", "Removed"),
            DifferenceKind::NowSelected => Bilingual::new("除外から選択へ", "Now selected"),
            DifferenceKind::NowExcluded => Bilingual::new("選択から除外へ", "Now excluded"),
            DifferenceKind::Changed => Bilingual::new("変更", "Changed"),
        }
    }
}

/// One item or control that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The item or control id.
    pub subject: String,
    pub kind: DifferenceKind,
}

#[derive(Clone, Copy, PartialEq)]
enum Answer<'a> {
    Item(&'a ItemAnswer),
    Selected(&'a SelectedControl),
    Excluded(&'a ExcludedControl),
}

fn answers(content: &StatementContent) -> BTreeMap<&str, Answer<'_>> {
    let mut map = BTreeMap::new();
    for answer in content.governance.iter().chain(&content.management) {
        map.insert(answer.item.as_str(), Answer::Item(answer));
    }
    for entry in &content.excluded {
        map.insert(entry.control.as_str(), Answer::Excluded(entry));
    }
    // A control both selected and excluded (a draft may say so) counts as selected.
    for entry in &content.selected {
        map.insert(entry.control.as_str(), Answer::Selected(entry));
    }
    map
}

/// Every item and control answered differently in `current` than in `previous`, by id.
pub fn differences(previous: &StatementContent, current: &StatementContent) -> Vec<Difference> {
    let before = answers(previous);
    let after = answers(current);
    let subjects: BTreeSet<&str> = before.keys().chain(after.keys()).copied().collect();
    subjects
        .into_iter()
        .filter_map(|subject| {
            let kind = match (before.get(subject), after.get(subject)) {
                (None, Some(_)) => DifferenceKind::Added,
                (Some(_), None) => DifferenceKind::Removed,
                (Some(Answer::Excluded(_)), Some(Answer::Selected(_))) => {
                    DifferenceKind::NowSelected
                }
                (Some(Answer::Selected(_)), Some(Answer::Excluded(_))) => {
                    DifferenceKind::NowExcluded
                }
                (Some(old), Some(new)) if old != new => DifferenceKind::Changed,
                _ => return None,
            };
            Some(Difference {
                subject: subject.to_owned(),
                kind,
            })
        })
        .collect()
}
