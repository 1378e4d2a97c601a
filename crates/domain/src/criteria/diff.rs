//! What changed between two criteria versions: controls and items added, removed and changed
//! (with the attributes that changed), which of them a service at each level must now newly
//! meet, and the risks of the map added, removed and changed.

use std::collections::HashMap;

use serde::Serialize;

use super::model::{Control, CriteriaVersion};
use super::risk_map::Risk;
use crate::level::Level;
use crate::text::Bilingual;

/// An attribute of a control that can change between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    Part,
    Objective,
    Text,
    Mandatory,
    Actor,
    Level,
    Integrity,
    Availability,
    ServiceModels,
    TechnologyExamples,
    References,
}

impl Attribute {
    pub fn code(self) -> &'static str {
        match self {
            Attribute::Part => "part",
            Attribute::Objective => "objective",
            Attribute::Text => "text",
            Attribute::Mandatory => "mandatory",
            Attribute::Actor => "actor",
            Attribute::Level => "level",
            Attribute::Integrity => "integrity",
            Attribute::Availability => "availability",
            Attribute::ServiceModels => "service_models",
            Attribute::TechnologyExamples => "technology_examples",
            Attribute::References => "references",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            Attribute::Part => Bilingual::new("部", "part"),
            Attribute::Objective => Bilingual::new("統制目標", "objective"),
            Attribute::Text => Bilingual::new("本文", "text"),
            Attribute::Mandatory => Bilingual::new("遵守事項／推奨事項", "mandatory flag"),
            Attribute::Actor => Bilingual::new("実施主体", "actor"),
            Attribute::Level => Bilingual::new("レベル", "level"),
            Attribute::Integrity => Bilingual::new("完全性", "integrity"),
            Attribute::Availability => Bilingual::new("可用性", "availability"),
            Attribute::ServiceModels => Bilingual::new("サービスモデル", "service models"),
            Attribute::TechnologyExamples => {
                Bilingual::new("実装され得る技術の例", "technology examples")
            }
            Attribute::References => Bilingual::new("参照", "references"),
        }
    }
}

/// A control present in both versions that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changed {
    pub id: String,
    pub attributes: Vec<Attribute>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CriteriaDiff {
    pub from: String,
    pub to: String,
    /// Ids in the newer version's order.
    pub added: Vec<String>,
    /// Ids in the older version's order.
    pub removed: Vec<String>,
    pub changed: Vec<Changed>,
    /// Groups (objectives) added and removed.
    pub groups_added: Vec<String>,
    pub groups_removed: Vec<String>,
    /// Risks of the map added and removed, and those whose band, categories, stages, texts or
    /// objectives changed.
    pub risks_added: Vec<String>,
    pub risks_removed: Vec<String>,
    pub risks_changed: Vec<String>,
    /// For levels 1, 2, 3: mandatory controls a service registered at that level must meet
    /// under the newer version and did not have to under the older (added, made mandatory, or
    /// required from a lower level than before). Registered services are checked against these.
    pub newly_required: [Vec<String>; 3],
}

impl CriteriaDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.groups_added.is_empty()
            && self.groups_removed.is_empty()
            && self.risks_added.is_empty()
            && self.risks_removed.is_empty()
            && self.risks_changed.is_empty()
    }
}

/// The differences from `old` to `new`.
pub fn diff(old: &CriteriaVersion, new: &CriteriaVersion) -> CriteriaDiff {
    let old_controls: HashMap<&str, &Control> =
        old.controls.iter().map(|c| (c.id.as_str(), c)).collect();
    let new_controls: HashMap<&str, &Control> =
        new.controls.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut result = CriteriaDiff {
        from: old.version.clone(),
        to: new.version.clone(),
        ..CriteriaDiff::default()
    };
    for control in &new.controls {
        match old_controls.get(control.id.as_str()) {
            None => result.added.push(control.id.clone()),
            Some(before) => {
                let attributes = changed_attributes(before, control);
                if !attributes.is_empty() {
                    result.changed.push(Changed {
                        id: control.id.clone(),
                        attributes,
                    });
                }
            }
        }
        for (slot, level) in result.newly_required.iter_mut().zip(Level::ALL) {
            let required_before = old_controls
                .get(control.id.as_str())
                .is_some_and(|before| before.mandatory && before.required_at(level));
            if control.mandatory && control.required_at(level) && !required_before {
                slot.push(control.id.clone());
            }
        }
    }
    result.removed = old
        .controls
        .iter()
        .filter(|c| !new_controls.contains_key(c.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    result.groups_added = new
        .groups
        .iter()
        .filter(|g| old.group(&g.id).is_none())
        .map(|g| g.id.clone())
        .collect();
    result.groups_removed = old
        .groups
        .iter()
        .filter(|g| new.group(&g.id).is_none())
        .map(|g| g.id.clone())
        .collect();
    let old_risks: HashMap<&str, &Risk> = old.risks.iter().map(|r| (r.id.as_str(), r)).collect();
    let new_risks: HashMap<&str, &Risk> = new.risks.iter().map(|r| (r.id.as_str(), r)).collect();
    for risk in &new.risks {
        match old_risks.get(risk.id.as_str()) {
            None => result.risks_added.push(risk.id.clone()),
            Some(before) if *before != risk => result.risks_changed.push(risk.id.clone()),
            Some(_) => {}
        }
    }
    result.risks_removed = old
        .risks
        .iter()
        .filter(|r| !new_risks.contains_key(r.id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    result
}

fn changed_attributes(before: &Control, after: &Control) -> Vec<Attribute> {
    let mut references_before = before.references.clone();
    let mut references_after = after.references.clone();
    references_before.sort();
    references_after.sort();
    let mut models_before = before.service_models.clone();
    let mut models_after = after.service_models.clone();
    models_before.sort();
    models_after.sort();
    // Examples are a set named by id: a new order alone changes nothing a statement cites.
    let mut examples_before: Vec<_> = before.technology_examples.iter().collect();
    let mut examples_after: Vec<_> = after.technology_examples.iter().collect();
    examples_before.sort_by(|a, b| a.id.cmp(&b.id));
    examples_after.sort_by(|a, b| a.id.cmp(&b.id));
    [
        (Attribute::Part, before.part != after.part),
        (Attribute::Objective, before.objective != after.objective),
        (Attribute::Text, before.text != after.text),
        (Attribute::Mandatory, before.mandatory != after.mandatory),
        (Attribute::Actor, before.actor != after.actor),
        (Attribute::Level, before.min_level != after.min_level),
        (Attribute::Integrity, before.integrity != after.integrity),
        (
            Attribute::Availability,
            before.availability != after.availability,
        ),
        (Attribute::ServiceModels, models_before != models_after),
        (
            Attribute::TechnologyExamples,
            examples_before != examples_after,
        ),
        (Attribute::References, references_before != references_after),
    ]
    .into_iter()
    .filter_map(|(attribute, differs)| differs.then_some(attribute))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::examples::TechnologyExample;
    use crate::criteria::model::{Actor, Group, Part, Reference, Relation, Status};
    use crate::service_model::ServiceModel;

    fn control(id: &str, level: Level) -> Control {
        Control {
            id: id.to_owned(),
            part: Part::Control,
            objective: "6.1.1".to_owned(),
            text: Bilingual::new("要求", "Requirement"),
            mandatory: true,
            actor: Actor::Provider,
            min_level: level,
            integrity: false,
            availability: false,
            service_models: vec![ServiceModel::IaaS, ServiceModel::SaaS],
            technology_examples: vec![
                TechnologyExample::new("mfa", "多要素認証", "Multi-factor authentication"),
                TechnologyExample::new("sso", "シングルサインオン", "Single sign-on"),
            ],
            references: vec![Reference {
                standard: "NIST".to_owned(),
                clause: "AC-2".to_owned(),
                relation: Relation::Subset,
            }],
        }
    }

    fn version(id: &str, controls: Vec<Control>) -> CriteriaVersion {
        CriteriaVersion {
            version: id.to_owned(),
            title: Bilingual::new("試験", "Test"),
            status: Status::Draft,
            published_on: None,
            transition_on: None,
            groups: vec![Group {
                id: "6.1.1".to_owned(),
                part: Part::Control,
                title: Bilingual::new("見出し", "Heading"),
                text: Bilingual::new("目標", "Objective"),
            }],
            controls,
            risks: Vec::new(),
        }
    }

    #[test]
    fn added_removed_and_changed_with_their_attributes() {
        let old = version(
            "v1",
            vec![
                control("6.1.1.1", Level::LOW),
                control("6.1.1.2", Level::HIGH),
                control("6.1.1.3", Level::LOW),
            ],
        );
        let mut lowered = control("6.1.1.2", Level::MIDDLE);
        lowered.text.ja = "新しい要求".to_owned();
        let mut recommended = control("6.1.1.5", Level::LOW);
        recommended.mandatory = false;
        let mut reordered = control("6.1.1.1", Level::LOW);
        reordered.service_models.reverse();
        reordered.technology_examples.reverse();
        let new = version(
            "v2",
            vec![
                reordered,
                lowered,
                control("6.1.1.4", Level::HIGH),
                recommended,
            ],
        );
        let d = diff(&old, &new);
        assert_eq!(d.added, vec!["6.1.1.4", "6.1.1.5"]);
        assert_eq!(d.removed, vec!["6.1.1.3"]);
        assert_eq!(
            d.changed,
            vec![Changed {
                id: "6.1.1.2".to_owned(),
                attributes: vec![Attribute::Text, Attribute::Level],
            }]
        );
        assert_eq!(
            d.newly_required,
            [
                Vec::<String>::new(),
                vec!["6.1.1.2".to_owned()],
                vec!["6.1.1.4".to_owned()]
            ]
        );
        assert!(!d.is_empty());
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn every_attribute_is_noticed() {
        let base = control("6.1.1.1", Level::LOW);
        let mut changed = base.clone();
        changed.part = Part::Management;
        changed.objective = "6.1.2".to_owned();
        changed.actor = Actor::Both;
        changed.integrity = true;
        changed.availability = true;
        changed.service_models = vec![ServiceModel::PaaS];
        changed.technology_examples[1].name.en = "Other".to_owned();
        changed.references[0].relation = Relation::Equal;
        assert_eq!(
            changed_attributes(&base, &changed),
            vec![
                Attribute::Part,
                Attribute::Objective,
                Attribute::Actor,
                Attribute::Integrity,
                Attribute::Availability,
                Attribute::ServiceModels,
                Attribute::TechnologyExamples,
                Attribute::References,
            ]
        );
        let mut renamed = base.clone();
        renamed.technology_examples[0].id = "totp".to_owned();
        let mut added = base.clone();
        added
            .technology_examples
            .push(TechnologyExample::new("fido2", "FIDO2", "FIDO2"));
        for other in [renamed, added] {
            assert_eq!(
                changed_attributes(&base, &other),
                vec![Attribute::TechnologyExamples]
            );
        }
    }

    #[test]
    fn an_item_moved_to_another_level_or_model_is_changed() {
        let mut item = control("G.1.1", Level::LOW);
        item.part = Part::Governance;
        item.objective = "G.1".to_owned();
        let mut later = item.clone();
        later.min_level = Level::HIGH;
        later.service_models = vec![ServiceModel::SaaS];
        let mut old = version("v1", vec![item]);
        let mut new = version("v2", vec![later]);
        for v in [&mut old, &mut new] {
            v.groups[0].id = "G.1".to_owned();
            v.groups[0].part = Part::Governance;
        }
        assert_eq!(
            diff(&old, &new).changed,
            vec![Changed {
                id: "G.1.1".to_owned(),
                attributes: vec![Attribute::Level, Attribute::ServiceModels],
            }]
        );
    }

    #[test]
    fn risks_added_removed_and_changed_are_told_apart() {
        use crate::criteria::{RiskBand, RiskCategory, RiskStage};
        let risk = |id: &str, band: RiskBand| Risk {
            id: id.to_owned(),
            band,
            categories: vec![RiskCategory::Loss],
            stages: vec![RiskStage::Operation],
            title: Bilingual::new("消失", "Loss"),
            objectives: vec!["6.1.1".to_owned()],
            left_to: Bilingual::new("複製を持つ", "Keep a copy"),
        };
        let mut old = version("a", vec![control("6.1.1.1", Level::LOW)]);
        old.risks = vec![risk("H01", RiskBand::High), risk("M07", RiskBand::Medium)];
        let mut new = old.clone();
        new.version = "b".to_owned();
        new.risks = vec![risk("H01", RiskBand::Medium), risk("L12", RiskBand::Low)];
        let d = diff(&old, &new);
        assert_eq!(d.risks_added, ["L12"]);
        assert_eq!(d.risks_removed, ["M07"]);
        assert_eq!(d.risks_changed, ["H01"]);
        assert!(!d.is_empty());
        assert!(d.added.is_empty() && d.changed.is_empty());
    }
}
