//! A version of the scheme's criteria (管理基準) and what it is made of.
//!
//! Three parts share one shape: groups (governance and management themes, or the control
//! criteria's 3-figure control objectives) and the items under them (governance and management
//! items, or 4-figure detailed controls). An item's id is its group's id plus one more number.

use serde::{Deserialize, Serialize};

use super::examples::TechnologyExample;
use crate::applicability::Applicable;
use crate::date::CalendarDate;
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::Bilingual;

/// The three parts of the criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// ガバナンス基準: how top management directs and oversees information security.
    Governance,
    /// マネジメント基準: the organisation's management system for information security.
    Management,
    /// 管理策基準: the controls of the service itself.
    Control,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Governance, Part::Management, Part::Control];

    pub fn code(self) -> &'static str {
        match self {
            Part::Governance => "governance",
            Part::Management => "management",
            Part::Control => "control",
        }
    }

    pub fn from_code(code: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            Part::Governance => Bilingual::new("ガバナンス基準", "Governance criteria"),
            Part::Management => Bilingual::new("マネジメント基準", "Management criteria"),
            Part::Control => Bilingual::new("管理策基準", "Control criteria"),
        }
    }
}

/// Who carries out a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The cloud service provider.
    Provider,
    /// The customer using the service.
    Customer,
    /// Both, each for its own side.
    Both,
}

impl Actor {
    pub const ALL: [Actor; 3] = [Actor::Provider, Actor::Customer, Actor::Both];

    pub fn code(self) -> &'static str {
        match self {
            Actor::Provider => "provider",
            Actor::Customer => "customer",
            Actor::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|actor| actor.code() == code)
    }
}

/// How a control relates to the clause of another standard it was mapped from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same requirement.
    Equal,
    /// The control asks for part of what the clause asks.
    Subset,
    /// The control asks for more than the clause.
    Superset,
    /// They overlap, each asking for something the other does not.
    Intersect,
}

impl Relation {
    pub const ALL: [Relation; 4] = [
        Relation::Equal,
        Relation::Subset,
        Relation::Superset,
        Relation::Intersect,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Relation::Equal => "equal",
            Relation::Subset => "subset",
            Relation::Superset => "superset",
            Relation::Intersect => "intersect",
        }
    }

    pub fn from_code(code: &str) -> Option<Relation> {
        Relation::ALL
            .into_iter()
            .find(|relation| relation.code() == code)
    }
}

/// A mapping to a clause of another standard, written `STANDARD:CLAUSE` (e.g. `NIST:AC-2`,
/// `ISO27002:9.2.3`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub standard: String,
    pub clause: String,
    pub relation: Relation,
}

impl Reference {
    /// The `STANDARD:CLAUSE` form used in queries and spreadsheets.
    pub fn key(&self) -> String {
        format!("{}:{}", self.standard, self.clause)
    }

    /// Whether this reference points at `key` (`STANDARD:CLAUSE`); letters compare without case.
    pub fn matches(&self, key: &str) -> bool {
        match key.split_once(':') {
            Some((standard, clause)) => {
                self.standard.eq_ignore_ascii_case(standard.trim())
                    && self.clause.eq_ignore_ascii_case(clause.trim())
            }
            None => false,
        }
    }
}

/// A governance or management theme, or a control objective (統制目標) of the control criteria.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub part: Part,
    /// A short heading.
    pub title: Bilingual,
    /// What the group is to achieve.
    pub text: Bilingual,
}

/// A governance or management item, or a detailed control (詳細管理策). Items and controls
/// alike have a lowest level and the service models they concern, and apply in the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    pub part: Part,
    /// The id of the group (control objective) it belongs to.
    pub objective: String,
    pub text: Bilingual,
    /// 遵守事項 (true) or 推奨事項 (false).
    pub mandatory: bool,
    pub actor: Actor,
    /// The lowest level that requires it; every higher level requires it too. Level 1 when a
    /// document leaves it out.
    #[serde(default = "lowest_level")]
    pub min_level: Level,
    pub integrity: bool,
    pub availability: bool,
    /// Every model when a document leaves it out.
    #[serde(default = "every_service_model")]
    pub service_models: Vec<ServiceModel>,
    /// 実装され得る技術の例: what would satisfy the control, each with an id unique in the
    /// control that statements cite.
    #[serde(default)]
    pub technology_examples: Vec<TechnologyExample>,
    pub references: Vec<Reference>,
}

fn lowest_level() -> Level {
    Level::LOW
}

fn every_service_model() -> Vec<ServiceModel> {
    ServiceModel::ALL.to_vec()
}

impl Control {
    /// Whether a service registered at `level` must meet this control.
    pub fn required_at(&self, level: Level) -> bool {
        self.min_level <= level
    }

    /// Whether it applies to a service at `level` offered as `models`: the level requires it
    /// and it concerns one of the models. The same for items as for detailed controls, and the
    /// same judgement as the rules' ([`Applicable`]).
    pub fn applies(&self, level: Level, models: &[ServiceModel]) -> bool {
        Applicable::applies(self, level, models)
    }

    /// The example named `id`, if the control has one.
    pub fn technology_example(&self, id: &str) -> Option<&TechnologyExample> {
        self.technology_examples
            .iter()
            .find(|example| example.id == id)
    }
}

impl Applicable for Control {
    fn min_level(&self) -> Level {
        self.min_level
    }

    fn service_models(&self) -> &[ServiceModel] {
        &self.service_models
    }
}

/// Draft versions may still change; a published one never does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Published,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        [Status::Draft, Status::Published]
            .into_iter()
            .find(|status| status.code() == code)
    }
}

/// One version of the criteria: its identity and everything in its three parts, groups and
/// items each in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaVersion {
    /// e.g. `demo-2026`, `nist-800-53r5`; letters, digits, `.`, `_` and `-`.
    pub version: String,
    pub title: Bilingual,
    pub status: Status,
    pub published_on: Option<CalendarDate>,
    /// Set when it is published: from this day renewals must be written against it (or a
    /// later version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transition_on: Option<CalendarDate>,
    pub groups: Vec<Group>,
    pub controls: Vec<Control>,
    /// The risks of cloud use and the objectives that address them; empty for criteria that
    /// carry no map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<super::risk_map::Risk>,
}

/// How many of each a version holds; `by_level[L - 1]` counts the controls required at level L.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub governance: usize,
    pub management: usize,
    pub objectives: usize,
    pub controls: usize,
    pub by_level: [usize; 3],
}

/// Words that name pages beside the versions (`/criteria/diff`), so no version may take them.
pub const RESERVED_VERSION_IDS: [&str; 1] = ["diff"];

/// Whether `id` may name a criteria version: it appears in addresses and file names, so 1 to 64
/// ASCII letters, digits, `.`, `_` and `-`, and none of [`RESERVED_VERSION_IDS`].
pub fn is_valid_version_id(id: &str) -> bool {
    !RESERVED_VERSION_IDS.contains(&id)
        && (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

impl CriteriaVersion {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.id == id)
    }

    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|control| control.id == id)
    }

    /// Governance and management count their items; objectives and controls are the control
    /// criteria's groups and items.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for group in &self.groups {
            if group.part == Part::Control {
                counts.objectives += 1;
            }
        }
        for control in &self.controls {
            match control.part {
                Part::Governance => counts.governance += 1,
                Part::Management => counts.management += 1,
                Part::Control => {
                    counts.controls += 1;
                    for (slot, level) in counts.by_level.iter_mut().zip(Level::ALL) {
                        if control.required_at(level) {
                            *slot += 1;
                        }
                    }
                }
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ids_are_short_ascii_tokens() {
        for good in ["demo-2026", "nist_800-53.r5", "a", &"x".repeat(64)] {
            assert!(is_valid_version_id(good), "{good}");
        }
        for bad in ["", "a b", "版", "../etc", "a/b", &"x".repeat(65), "diff"] {
            assert!(!is_valid_version_id(bad), "{bad}");
        }
    }

    #[test]
    fn an_item_without_level_or_models_is_required_everywhere_and_applies_like_a_control() {
        let item: Control = serde_json::from_str(
            r#"{"id":"G.1.1","part":"governance","objective":"G.1",
                "text":{"ja":"方針を承認する","en":"Approve the policy"},"mandatory":true,
                "actor":"provider","integrity":false,"availability":false,"references":[]}"#,
        )
        .unwrap();
        assert_eq!(item.min_level, Level::LOW);
        assert_eq!(item.service_models, ServiceModel::ALL.to_vec());
        assert!(item.technology_examples.is_empty());
        for level in Level::ALL {
            assert!(item.applies(level, &[ServiceModel::IaaS]));
        }

        let mut later = item.clone();
        later.min_level = Level::MIDDLE;
        later.service_models = vec![ServiceModel::PaaS, ServiceModel::SaaS];
        later.technology_examples = vec![TechnologyExample::new("pia", "PIA", "PIA")];
        assert!(!later.applies(Level::LOW, &[ServiceModel::SaaS]));
        assert!(later.applies(Level::MIDDLE, &[ServiceModel::IaaS, ServiceModel::SaaS]));
        assert!(!later.applies(Level::HIGH, &[ServiceModel::IaaS]));
        assert_eq!(
            later.technology_example("pia").map(|e| e.name.en.as_str()),
            Some("PIA")
        );
        assert!(later.technology_example("PIA").is_none());
        let json = serde_json::to_value(&later).unwrap();
        assert_eq!(json["technology_examples"][0]["id"], "pia");
        assert_eq!(json["min_level"], 2);
    }
}
