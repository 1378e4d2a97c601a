//! The checklists a procurer answers for each candidate service, beside what its registration
//! covers: the clauses of the contract (18), the items of the SLA (20) and the defences against
//! cyber attacks (8 groups). The texts live in `procurement/checklists.json` beside the crate, in
//! both languages, so that they can be read and edited as data.

use std::collections::HashSet;

use serde::Deserialize;

use crate::text::Bilingual;

const FILE: &str = include_str!("../../../procurement/checklists.json");

/// One question of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Unique across every checklist, e.g. `C01`, `S20`, `K4.2`.
    pub id: String,
    pub title: Bilingual,
    /// What to confirm with the provider, where the title alone does not say.
    #[serde(default)]
    pub check: Option<Bilingual>,
}

/// A heading of a checklist and its questions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistSection {
    pub id: String,
    pub title: Bilingual,
    pub items: Vec<ChecklistItem>,
}

/// One checklist: `contract`, `sla` or `cyber`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub title: Bilingual,
    pub intro: Bilingual,
    pub sections: Vec<ChecklistSection>,
}

impl Checklist {
    pub fn items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    checklists: Vec<Checklist>,
}

/// The file was edited into a wrong shape, or repeats an id.
#[derive(Debug, thiserror::Error)]
#[error("procurement/checklists.json: {0}")]
pub struct ChecklistsError(pub String);

/// Every checklist, in the order a procurer goes through them.
pub fn checklists() -> Result<Vec<Checklist>, ChecklistsError> {
    let file: File =
        serde_json::from_str(FILE).map_err(|error| ChecklistsError(error.to_string()))?;
    let mut seen = HashSet::new();
    for checklist in &file.checklists {
        for id in std::iter::once(&checklist.id)
            .chain(checklist.sections.iter().map(|section| &section.id))
            .chain(checklist.items().map(|item| &item.id))
        {
            if !seen.insert(id.as_str()) {
                return Err(ChecklistsError(format!("the id {id} is used twice")));
            }
        }
    }
    Ok(file.checklists)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_checklists_read_with_every_text_in_both_languages() {
        let all = checklists().unwrap();
        let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["contract", "sla", "cyber"]);
        assert_eq!(all[0].items().count(), 18);
        assert_eq!(all[1].items().count(), 20);
        assert_eq!(all[2].sections.len(), 8);
        for checklist in &all {
            let texts = std::iter::once(&checklist.title)
                .chain([&checklist.intro])
                .chain(checklist.sections.iter().map(|s| &s.title))
                .chain(checklist.items().map(|i| &i.title))
                .chain(checklist.items().filter_map(|i| i.check.as_ref()));
            for text in texts {
                assert!(
                    !text.ja.trim().is_empty() && !text.en.trim().is_empty(),
                    "{text:?}"
                );
            }
        }
        // The contract and SLA questions each say what to confirm.
        assert!(
            all[..2]
                .iter()
                .flat_map(Checklist::items)
                .all(|i| i.check.is_some())
        );
    }
}
