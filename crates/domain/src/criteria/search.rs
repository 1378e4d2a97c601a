//! Finding controls: filters (level, service model, mandatory, part, reference) and free text
//! that matches Japanese by substring and English by word or part of a word, case-insensitively.
//!
//! Japanese has no spaces between words, so a word index would miss `バックアップ` inside
//! `バックアップデータ`; a substring scan over prepared lowercase text finds it, and over a few
//! thousand controls it takes well under a millisecond.

use super::model::{Control, CriteriaVersion, Part};
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::search_folded;

/// What to look for; every given condition must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ControlQuery {
    /// Words separated by spaces (ASCII or ideographic); each must occur somewhere in the
    /// control's id, texts, technology examples (ids and names) or references.
    pub text: Option<String>,
    /// Keep the controls required at this level (lowest level ≤ it).
    pub level: Option<Level>,
    pub model: Option<ServiceModel>,
    pub mandatory: Option<bool>,
    pub part: Option<Part>,
    /// `STANDARD:CLAUSE`, e.g. `NIST:AC-2`.
    pub reference: Option<String>,
}

/// A version's controls with their text prepared for searching.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(version: &CriteriaVersion) -> SearchIndex {
        SearchIndex {
            haystacks: version.controls.iter().map(haystack).collect(),
        }
    }

    /// Positions in `version.controls` (document order) of the controls that match. `version`
    /// must be the one the index was built from.
    pub fn search(&self, version: &CriteriaVersion, query: &ControlQuery) -> Vec<usize> {
        let words = query.text.as_deref().map(words).unwrap_or_default();
        version
            .controls
            .iter()
            .zip(&self.haystacks)
            .enumerate()
            .filter(|(_, (control, haystack))| {
                filters_hold(control, query)
                    && words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .map(|(position, _)| position)
            .collect()
    }
}

fn filters_hold(control: &Control, query: &ControlQuery) -> bool {
    query.level.is_none_or(|level| control.required_at(level))
        && query
            .model
            .is_none_or(|model| control.service_models.contains(&model))
        && query
            .mandatory
            .is_none_or(|mandatory| control.mandatory == mandatory)
        && query.part.is_none_or(|part| control.part == part)
        && query
            .reference
            .as_deref()
            .is_none_or(|key| control.references.iter().any(|r| r.matches(key)))
}

fn words(query: &str) -> Vec<String> {
    search_folded(query)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn haystack(control: &Control) -> String {
    let mut text = String::new();
    for piece in [control.id.as_str(), &control.text.ja, &control.text.en] {
        text.push_str(piece);
        text.push('\n');
    }
    for example in &control.technology_examples {
        for piece in [&example.id, &example.name.ja, &example.name.en] {
            text.push_str(piece);
            text.push('\n');
        }
    }
    for reference in &control.references {
        text.push_str(&reference.key());
        text.push('\n');
    }
    search_folded(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::TechnologyExample;
    use crate::criteria::model::{Actor, Reference, Relation, Status};
    use crate::text::Bilingual;

    fn control(id: &str, ja: &str, en: &str, level: Level, models: &[ServiceModel]) -> Control {
        Control {
            id: id.to_owned(),
            part: Part::Control,
            objective: "12.3.1".to_owned(),
            text: Bilingual::new(ja, en),
            mandatory: level == Level::LOW,
            actor: Actor::Provider,
            min_level: level,
            integrity: false,
            availability: true,
            service_models: models.to_vec(),
            technology_examples: vec![],
            references: vec![Reference {
                standard: "NIST".to_owned(),
                clause: format!("CP-{}", id.len()),
                relation: Relation::Intersect,
            }],
        }
    }

    fn version() -> CriteriaVersion {
        use ServiceModel::*;
        CriteriaVersion {
            version: "t".to_owned(),
            title: Bilingual::new("試験", "Test"),
            status: Status::Draft,
            published_on: None,
            transition_on: None,
            risks: Vec::new(),
            groups: vec![],
            controls: vec![
                control(
                    "12.3.1.1",
                    "バックアップデータを主たる設備とは別の場所に保管する。",
                    "Keep backup data away from the primary equipment.",
                    Level::LOW,
                    &[IaaS, PaaS, SaaS],
                ),
                control(
                    "12.3.1.2",
                    "復旧手順を定期的に試験する。",
                    "Test restore procedures on a schedule.",
                    Level::MIDDLE,
                    &[IaaS],
                ),
                control(
                    "10.1.1.1",
                    "暗号鍵を利用者が管理できるようにする。",
                    "Let customers manage their own encryption keys.",
                    Level::HIGH,
                    &[SaaS],
                ),
            ],
        }
    }

    fn ids(query: ControlQuery) -> Vec<String> {
        let mut v = version();
        v.controls[2].technology_examples = vec![TechnologyExample::new(
            "kms-byok",
            "顧客管理鍵（BYOK）",
            "Customer-managed keys (BYOK)",
        )];
        SearchIndex::new(&v)
            .search(&v, &query)
            .into_iter()
            .map(|i| v.controls[i].id.clone())
            .collect()
    }

    fn text(q: &str) -> ControlQuery {
        ControlQuery {
            text: Some(q.to_owned()),
            ..ControlQuery::default()
        }
    }

    #[test]
    fn japanese_substrings_and_english_words() {
        assert_eq!(ids(text("バックアップ")), vec!["12.3.1.1"]);
        assert_eq!(ids(text("暗号")), vec!["10.1.1.1"]);
        assert_eq!(ids(text("手順")), vec!["12.3.1.2"]);
        assert_eq!(ids(text("Restore")), vec!["12.3.1.2"]);
        assert_eq!(ids(text("encrypt")), vec!["10.1.1.1"]);
        assert_eq!(ids(text("backup　ＰＲＩＭＡＲＹ")), vec!["12.3.1.1"]);
        assert_eq!(ids(text("backup keys")), Vec::<String>::new());
        assert_eq!(ids(text("12.3.1")), vec!["12.3.1.1", "12.3.1.2"]);
    }

    #[test]
    fn technology_examples_are_found_by_id_and_name() {
        assert_eq!(ids(text("kms-byok")), vec!["10.1.1.1"]);
        assert_eq!(ids(text("顧客管理鍵")), vec!["10.1.1.1"]);
        assert_eq!(ids(text("byok customer-managed")), vec!["10.1.1.1"]);
    }

    #[test]
    fn filters_combine() {
        let level_two = ControlQuery {
            level: Some(Level::MIDDLE),
            ..ControlQuery::default()
        };
        assert_eq!(ids(level_two), vec!["12.3.1.1", "12.3.1.2"]);
        let saas_level_three = ControlQuery {
            level: Some(Level::HIGH),
            model: Some(ServiceModel::SaaS),
            ..ControlQuery::default()
        };
        assert_eq!(ids(saas_level_three), vec!["12.3.1.1", "10.1.1.1"]);
        let recommended = ControlQuery {
            mandatory: Some(false),
            ..ControlQuery::default()
        };
        assert_eq!(ids(recommended), vec!["12.3.1.2", "10.1.1.1"]);
        let by_reference = ControlQuery {
            reference: Some("nist:cp-8".to_owned()),
            ..ControlQuery::default()
        };
        assert_eq!(ids(by_reference), vec!["12.3.1.1", "12.3.1.2", "10.1.1.1"]);
        let management = ControlQuery {
            part: Some(Part::Management),
            ..ControlQuery::default()
        };
        assert_eq!(ids(management), Vec::<String>::new());
    }
}
