//! What a statement (言明書) says: an answer for each governance and management item, and for
//! each detailed control that applies, selected with the provider's individual control or
//! excluded with a reason. Checked against the criteria version it is written for.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::criteria::{Control, CriteriaVersion, Part, Status};
use crate::registration::MAX_CONTROLS;
use crate::text::Bilingual;
use crate::workflow::Refusal;
use crate::workflow::fields::Problems;

/// Most technologies one selected control may name.
pub const MAX_TECHNOLOGIES: usize = 50;
/// Most documents a statement may point auditors to.
pub const MAX_DOCUMENTS: usize = 500;

/// How far a governance or management item is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Implemented,
    Partial,
    NotImplemented,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 3] = [
        ItemStatus::Implemented,
        ItemStatus::Partial,
        ItemStatus::NotImplemented,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ItemStatus::Implemented => "implemented",
            ItemStatus::Partial => "partial",
            ItemStatus::NotImplemented => "not_implemented",
        }
    }

    pub fn from_code(code: &str) -> Option<ItemStatus> {
        ItemStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            ItemStatus::Implemented => Bilingual::new("実施", "Implemented"),
            ItemStatus::Partial => Bilingual::new("一部実施", "Partly implemented"),
            ItemStatus::NotImplemented => Bilingual::new("未実施", "Not implemented"),
        }
    }
}

/// Who carries out a selected control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    /// The cloud service provider.
    Csp,
    Customer,
    Shared,
}

impl Responsibility {
    pub const ALL: [Responsibility; 3] = [
        Responsibility::Csp,
        Responsibility::Customer,
        Responsibility::Shared,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Responsibility::Csp => "csp",
            Responsibility::Customer => "customer",
            Responsibility::Shared => "shared",
        }
    }

    pub fn from_code(code: &str) -> Option<Responsibility> {
        Responsibility::ALL
            .into_iter()
            .find(|responsibility| responsibility.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            Responsibility::Csp => Bilingual::new("事業者", "Provider"),
            Responsibility::Customer => Bilingual::new("利用者", "Customer"),
            Responsibility::Shared => Bilingual::new("共同", "Shared"),
        }
    }
}

/// The answer for one governance or management item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    pub item: String,
    pub status: ItemStatus,
    /// How it is implemented (or why not yet).
    pub description: Bilingual,
}

/// A detailed control the provider selected, with its own way of meeting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelectedControl {
    pub control: String,
    /// 個別管理策: what the provider does to meet the control.
    pub individual_control: Bilingual,
    pub responsibility: Responsibility,
    /// Each an id of the control's technology examples, or a free name.
    pub technologies: Vec<String>,
    /// Why a technology that is not among the examples is equivalent.
    pub rationale: Bilingual,
}

/// A detailed control the provider excluded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludedControl {
    pub control: String,
    pub reason: Bilingual,
}

/// A document an auditor can inspect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentReference {
    pub title: Bilingual,
    /// Where it is kept (a path, an address, a registry of the provider's documents).
    pub location: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementContent {
    pub governance: Vec<ItemAnswer>,
    pub management: Vec<ItemAnswer>,
    pub selected: Vec<SelectedControl>,
    pub excluded: Vec<ExcludedControl>,
    #[serde(default)]
    pub documents: Vec<DocumentReference>,
}

impl StatementContent {
    pub fn selected(&self, control: &str) -> Option<&SelectedControl> {
        self.selected.iter().find(|entry| entry.control == control)
    }

    pub fn excluded(&self, control: &str) -> Option<&ExcludedControl> {
        self.excluded.iter().find(|entry| entry.control == control)
    }

    /// The content kept when a statement moves to `criteria`: answers about items and controls
    /// that the criteria no longer have are dropped (they would be refused on saving).
    pub fn kept_for(&self, criteria: &CriteriaVersion) -> StatementContent {
        let parts = parts_of(criteria);
        let known = |id: &str, part: Part| parts.get(id) == Some(&part);
        StatementContent {
            governance: self
                .governance
                .iter()
                .filter(|answer| known(&answer.item, Part::Governance))
                .cloned()
                .collect(),
            management: self
                .management
                .iter()
                .filter(|answer| known(&answer.item, Part::Management))
                .cloned()
                .collect(),
            selected: self
                .selected
                .iter()
                .filter(|entry| known(&entry.control, Part::Control))
                .cloned()
                .collect(),
            excluded: self
                .excluded
                .iter()
                .filter(|entry| known(&entry.control, Part::Control))
                .cloned()
                .collect(),
            documents: self.documents.clone(),
        }
    }

    /// Every problem that keeps this content from being saved against `criteria`: unknown items
    /// and controls, answers given twice, over-long texts and lists. Gaps (a control neither
    /// selected nor excluded, an empty individual control) are not problems here: a draft may
    /// have them, and the pre-check reports them.
    pub fn check(&self, criteria: &CriteriaVersion) -> Result<(), Refusal> {
        let parts = parts_of(criteria);
        let mut problems = Problems::new();
        for (list, part, answers) in [
            ("governance", Part::Governance, &self.governance),
            ("management", Part::Management, &self.management),
        ] {
            if !problems.list_size(&format!("/{list}"), answers.len(), MAX_CONTROLS) {
                continue;
            }
            for (i, answer) in answers.iter().enumerate() {
                let field = format!("/{list}/{i}/item");
                if parts.get(answer.item.as_str()) != Some(&part) {
                    unknown(
                        &mut problems,
                        &field,
                        &answer.item,
                        "unknown_item",
                        criteria,
                    );
                }
                problems.text_length(
                    &format!("/{list}/{i}/description"),
                    &answer.description,
                    MAX_TEXT_CHARS,
                );
            }
            problems.duplicates(answers.iter().map(|a| a.item.as_str()), |i| {
                format!("/{list}/{i}/item")
            });
        }
        if problems.list_size("/selected", self.selected.len(), MAX_CONTROLS) {
            for (i, entry) in self.selected.iter().enumerate() {
                let field = format!("/selected/{i}/control");
                if parts.get(entry.control.as_str()) != Some(&Part::Control) {
                    unknown(
                        &mut problems,
                        &field,
                        &entry.control,
                        "unknown_control",
                        criteria,
                    );
                }
                problems.text_length(
                    &format!("/selected/{i}/individual_control"),
                    &entry.individual_control,
                    MAX_TEXT_CHARS,
                );
                problems.text_length(
                    &format!("/selected/{i}/rationale"),
                    &entry.rationale,
                    MAX_TEXT_CHARS,
                );
                check_technologies(&mut problems, i, &entry.technologies);
            }
            problems.duplicates(self.selected.iter().map(|e| e.control.as_str()), |i| {
                format!("/selected/{i}/control")
            });
        }
        if problems.list_size("/excluded", self.excluded.len(), MAX_CONTROLS) {
            for (i, entry) in self.excluded.iter().enumerate() {
                let field = format!("/excluded/{i}/control");
                if parts.get(entry.control.as_str()) != Some(&Part::Control) {
                    unknown(
                        &mut problems,
                        &field,
                        &entry.control,
                        "unknown_control",
                        criteria,
                    );
                }
                problems.text_length(
                    &format!("/excluded/{i}/reason"),
                    &entry.reason,
                    MAX_TEXT_CHARS,
                );
            }
            problems.duplicates(self.excluded.iter().map(|e| e.control.as_str()), |i| {
                format!("/excluded/{i}/control")
            });
        }
        if problems.list_size("/documents", self.documents.len(), MAX_DOCUMENTS) {
            for (i, document) in self.documents.iter().enumerate() {
                problems.name(&format!("/documents/{i}/title"), &document.title);
                problems.text_length(
                    &format!("/documents/{i}/location"),
                    &Bilingual::new(document.location.clone(), ""),
                    MAX_TEXT_CHARS,
                );
            }
        }
        problems.finish()
    }
}

/// A statement is written against a published version: drafts may still change under it.
pub fn check_criteria(criteria: &CriteriaVersion) -> Result<(), Refusal> {
    if criteria.status == Status::Published {
        return Ok(());
    }
    let version = &criteria.version;
    Err(Refusal::invalid(
        "/criteria_version",
        "not_published",
        Bilingual::new(
            format!("管理基準 {version} は公開されていません"),
            format!("criteria version {version} is not published"),
        ),
    ))
}

fn parts_of(criteria: &CriteriaVersion) -> HashMap<&str, Part> {
    criteria
        .controls
        .iter()
        .map(|control: &Control| (control.id.as_str(), control.part))
        .collect()
}

fn unknown(
    problems: &mut Problems,
    field: &str,
    id: &str,
    code: &'static str,
    criteria: &CriteriaVersion,
) {
    let version = &criteria.version;
    let (ja, en) = if code == "unknown_item" {
        (
            "ガバナンス・マネジメント項目",
            "governance or management item",
        )
    } else {
        ("詳細管理策", "detailed control")
    };
    problems.push(
        field,
        code,
        Bilingual::new(
            format!("{field}: 管理基準 {version} に{ja} {id} はありません"),
            format!("{field}: criteria version {version} has no {en} {id}"),
        ),
    );
}

fn check_technologies(problems: &mut Problems, index: usize, technologies: &[String]) {
    let field = format!("/selected/{index}/technologies");
    if !problems.list_size(&field, technologies.len(), MAX_TECHNOLOGIES) {
        return;
    }
    for (j, technology) in technologies.iter().enumerate() {
        let length = technology.chars().count();
        if crate::workflow::fields::is_blank(technology) || length > MAX_NAME_CHARS {
            let field = format!("{field}/{j}");
            problems.push(
                field.clone(),
                "invalid_technology",
                Bilingual::new(
                    format!("{field}: 技術名は 1〜{MAX_NAME_CHARS} 文字で指定してください"),
                    format!("{field}: a technology is named in 1 to {MAX_NAME_CHARS} characters"),
                ),
            );
        }
    }
    problems.duplicates(technologies.iter().map(String::as_str), |j| {
        format!("{field}/{j}")
    });
}
