//! The consistency check every criteria version must pass before it is published
//! (`shinrai criteria check`): ids unique and shaped after their objective, every objective
//! realised by at least one control, every text in both languages, technology examples with
//! well-formed ids unique in their control, and a risk map whose risks name the version's
//! objectives.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::examples::{ExampleProblem, example_problems};
use super::model::{CriteriaVersion, Part};
use super::risk_map::{MAX_RISK_OBJECTIVES, MAX_RISKS};
use crate::text::Bilingual;

/// One thing wrong with a version, with the id of the group or control it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub subject: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// Two groups or two controls (or a group and a control) share an id.
    DuplicateId,
    /// A control names an objective that is not in the version.
    UnknownObjective { objective: String },
    /// A control's part differs from its objective's.
    PartMismatch { objective: String },
    /// A control's id does not extend its objective's (`6.1.1` → `6.1.1.n`).
    IdNotUnderObjective { objective: String },
    /// A control objective is not numbered with three figures (optionally after `CLD.`).
    ObjectiveNumbering,
    /// A detailed control of a numbered objective is not numbered with four figures.
    ControlNumbering,
    /// A group that no control realises.
    EmptyGroup,
    /// A text missing in one language (`field` names which: `title`, `text`, or
    /// `technology_examples.ID` for the name of an example).
    MissingText { field: String, lang: String },
    /// A control that applies to no service model.
    NoServiceModel,
    /// A technology example whose id is not a short token.
    BadExampleId { id: String },
    /// Two technology examples of one control with the same id.
    DuplicateExampleId { id: String },
    /// A risk of the map names an objective that is not a group of the version.
    UnknownRiskObjective { objective: String },
    /// A risk of the map with no category (kind of harm) or no stage.
    RiskUnclassified { field: String },
    /// A risk names the same objective, category or stage twice.
    RepeatedInRisk { value: String },
    /// The map holds more risks, or a risk more objectives, than a version may.
    RiskMapTooLarge { max: usize },
}

impl From<ExampleProblem> for Problem {
    fn from(problem: ExampleProblem) -> Problem {
        match problem {
            ExampleProblem::BadExampleId { id } => Problem::BadExampleId { id },
            ExampleProblem::DuplicateExampleId { id } => Problem::DuplicateExampleId { id },
        }
    }
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::DuplicateId => "duplicate_id",
            Problem::UnknownObjective { .. } => "unknown_objective",
            Problem::PartMismatch { .. } => "part_mismatch",
            Problem::IdNotUnderObjective { .. } => "id_not_under_objective",
            Problem::ObjectiveNumbering => "objective_numbering",
            Problem::ControlNumbering => "control_numbering",
            Problem::EmptyGroup => "empty_group",
            Problem::MissingText { .. } => "missing_text",
            Problem::NoServiceModel => "no_service_model",
            Problem::BadExampleId { .. } => "bad_example_id",
            Problem::DuplicateExampleId { .. } => "duplicate_example_id",
            Problem::UnknownRiskObjective { .. } => "unknown_risk_objective",
            Problem::RiskUnclassified { .. } => "risk_unclassified",
            Problem::RepeatedInRisk { .. } => "repeated_in_risk",
            Problem::RiskMapTooLarge { .. } => "risk_map_too_large",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            Problem::DuplicateId => Bilingual::new("ID が重複しています", "the id is used twice"),
            Problem::UnknownObjective { objective } => Bilingual::new(
                format!("統制目標 {objective} がありません"),
                format!("objective {objective} does not exist"),
            ),
            Problem::PartMismatch { objective } => Bilingual::new(
                format!("統制目標 {objective} と部が異なります"),
                format!("its part differs from that of objective {objective}"),
            ),
            Problem::IdNotUnderObjective { objective } => Bilingual::new(
                format!("ID が統制目標 {objective} の番号で始まっていません"),
                format!("its id does not continue the number of objective {objective}"),
            ),
            Problem::ObjectiveNumbering => Bilingual::new(
                "統制目標の番号は 3 つの数字（例: 6.1.1、CLD.6.3.1）にしてください",
                "a control objective is numbered with three figures (e.g. 6.1.1, CLD.6.3.1)",
            ),
            Problem::ControlNumbering => Bilingual::new(
                "詳細管理策の番号は 4 つの数字（例: 6.1.1.1）にしてください",
                "a detailed control is numbered with four figures (e.g. 6.1.1.1)",
            ),
            Problem::EmptyGroup => Bilingual::new(
                "この統制目標を実現する管理策がありません",
                "no control realises this group",
            ),
            Problem::MissingText { field, lang } => Bilingual::new(
                format!("{field} の{}の文がありません", lang_name_ja(lang)),
                format!("{field}: the {} text is missing", lang_name_en(lang)),
            ),
            Problem::NoServiceModel => Bilingual::new(
                "対象のサービスモデルがありません",
                "it applies to no service model",
            ),
            Problem::BadExampleId { id } => {
                ExampleProblem::BadExampleId { id: id.clone() }.message()
            }
            Problem::DuplicateExampleId { id } => {
                ExampleProblem::DuplicateExampleId { id: id.clone() }.message()
            }
            Problem::UnknownRiskObjective { objective } => Bilingual::new(
                format!("リスクが挙げる統制目標 {objective} がありません"),
                format!("the risk names objective {objective}, which does not exist"),
            ),
            Problem::RiskUnclassified { field } => Bilingual::new(
                format!("リスクの {field} が 1 つもありません"),
                format!("the risk has no {field}"),
            ),
            Problem::RepeatedInRisk { value } => Bilingual::new(
                format!("リスクに {value} が 2 回挙げられています"),
                format!("the risk names {value} twice"),
            ),
            Problem::RiskMapTooLarge { max } => Bilingual::new(
                format!("上限の {max} 件を超えています"),
                format!("it holds more than the maximum of {max}"),
            ),
        }
    }
}

fn lang_name_ja(lang: &str) -> &'static str {
    if lang == "ja" { "日本語" } else { "英語" }
}

fn lang_name_en(lang: &str) -> &'static str {
    if lang == "ja" { "Japanese" } else { "English" }
}

/// Every problem of the version, groups first, each list in document order. Empty when the
/// version is consistent.
pub fn check(version: &CriteriaVersion) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut report = |subject: &str, problem: Problem| {
        findings.push(Finding {
            subject: subject.to_owned(),
            problem,
        });
    };

    let mut seen: HashSet<&str> = HashSet::new();
    let mut groups: HashMap<&str, Part> = HashMap::new();
    let mut realised: HashSet<&str> = HashSet::new();

    texts(&version.version, "title", &version.title, &mut report);
    for group in &version.groups {
        if !seen.insert(&group.id) {
            report(&group.id, Problem::DuplicateId);
        }
        groups.entry(&group.id).or_insert(group.part);
        if group.part == Part::Control && is_numbered(&group.id) && figures(&group.id) != Some(3) {
            report(&group.id, Problem::ObjectiveNumbering);
        }
        texts(&group.id, "title", &group.title, &mut report);
        texts(&group.id, "text", &group.text, &mut report);
    }
    for control in &version.controls {
        if !seen.insert(&control.id) {
            report(&control.id, Problem::DuplicateId);
        }
        match groups.get(control.objective.as_str()) {
            None => report(
                &control.id,
                Problem::UnknownObjective {
                    objective: control.objective.clone(),
                },
            ),
            Some(part) => {
                realised.insert(&control.objective);
                if *part != control.part {
                    report(
                        &control.id,
                        Problem::PartMismatch {
                            objective: control.objective.clone(),
                        },
                    );
                }
            }
        }
        if !extends(&control.id, &control.objective) {
            report(
                &control.id,
                Problem::IdNotUnderObjective {
                    objective: control.objective.clone(),
                },
            );
        } else if control.part == Part::Control
            && is_numbered(&control.objective)
            && figures(&control.id) != Some(4)
        {
            report(&control.id, Problem::ControlNumbering);
        }
        texts(&control.id, "text", &control.text, &mut report);
        for (_, problem) in example_problems(&control.technology_examples) {
            report(&control.id, problem.into());
        }
        for example in &control.technology_examples {
            let field = format!("technology_examples.{}", example.id);
            texts(&control.id, &field, &example.name, &mut report);
        }
        if control.service_models.is_empty() {
            report(&control.id, Problem::NoServiceModel);
        }
    }
    for group in &version.groups {
        if !realised.contains(group.id.as_str()) {
            report(&group.id, Problem::EmptyGroup);
        }
    }
    check_risks(version, &groups, &mut report);
    findings
}

/// The risk map: ids unique among the risks, each risk classified, its objectives groups of
/// the version, nothing named twice, within the bounds.
fn check_risks(
    version: &CriteriaVersion,
    groups: &HashMap<&str, Part>,
    report: &mut impl FnMut(&str, Problem),
) {
    if version.risks.len() > MAX_RISKS {
        report(
            &version.version,
            Problem::RiskMapTooLarge { max: MAX_RISKS },
        );
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for risk in &version.risks {
        if !seen.insert(&risk.id) {
            report(&risk.id, Problem::DuplicateId);
        }
        texts(&risk.id, "title", &risk.title, report);
        texts(&risk.id, "left_to", &risk.left_to, report);
        for (field, empty) in [
            ("categories", risk.categories.is_empty()),
            ("stages", risk.stages.is_empty()),
        ] {
            if empty {
                report(
                    &risk.id,
                    Problem::RiskUnclassified {
                        field: field.to_owned(),
                    },
                );
            }
        }
        if risk.objectives.len() > MAX_RISK_OBJECTIVES {
            report(
                &risk.id,
                Problem::RiskMapTooLarge {
                    max: MAX_RISK_OBJECTIVES,
                },
            );
        }
        let named = risk
            .objectives
            .iter()
            .map(String::as_str)
            .chain(risk.categories.iter().map(|c| c.code()))
            .chain(risk.stages.iter().map(|s| s.code()));
        let mut once: HashSet<&str> = HashSet::new();
        for value in named {
            if !once.insert(value) {
                report(
                    &risk.id,
                    Problem::RepeatedInRisk {
                        value: value.to_owned(),
                    },
                );
            }
        }
        for objective in &risk.objectives {
            if !groups.contains_key(objective.as_str()) {
                report(
                    &risk.id,
                    Problem::UnknownRiskObjective {
                        objective: objective.clone(),
                    },
                );
            }
        }
    }
}

fn texts(subject: &str, field: &str, text: &Bilingual, report: &mut impl FnMut(&str, Problem)) {
    for (lang, value) in [("ja", &text.ja), ("en", &text.en)] {
        if value.trim().is_empty() {
            report(
                subject,
                Problem::MissingText {
                    field: field.to_owned(),
                    lang: lang.to_owned(),
                },
            );
        }
    }
}

/// `6.1.1.2` extends `6.1.1`; `ac-2.1` extends `ac`; `G.1.3` extends `G.1`.
fn extends(id: &str, objective: &str) -> bool {
    id.strip_prefix(objective)
        .and_then(|rest| rest.strip_prefix(['.', '-']))
        .is_some_and(|rest| !rest.is_empty())
}

/// Whether an id follows the scheme's numbering (figures, optionally after `CLD.`), as opposed
/// to an imported catalog's own ids such as `ac-2`.
fn is_numbered(id: &str) -> bool {
    let figures_part = id.strip_prefix("CLD.").unwrap_or(id);
    figures_part
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
}

/// How many dot-separated numbers the id has, or `None` when a piece is not a number.
fn figures(id: &str) -> Option<usize> {
    let numbers = id.strip_prefix("CLD.").unwrap_or(id);
    let pieces: Vec<&str> = numbers.split('.').collect();
    pieces
        .iter()
        .all(|piece| !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_digit()))
        .then_some(pieces.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::examples::TechnologyExample;
    use crate::criteria::model::{Actor, Control, Group, Status};
    use crate::level::Level;
    use crate::service_model::ServiceModel;

    fn text(ja: &str, en: &str) -> Bilingual {
        Bilingual::new(ja, en)
    }

    fn group(id: &str, part: Part) -> Group {
        Group {
            id: id.to_owned(),
            part,
            title: text("見出し", "Heading"),
            text: text("目標", "Objective"),
        }
    }

    fn control(id: &str, objective: &str, part: Part) -> Control {
        Control {
            id: id.to_owned(),
            part,
            objective: objective.to_owned(),
            text: text("要求", "Requirement"),
            mandatory: true,
            actor: Actor::Provider,
            min_level: Level::LOW,
            integrity: false,
            availability: false,
            service_models: vec![ServiceModel::SaaS],
            technology_examples: vec![TechnologyExample::new("ex", "例", "Example")],
            references: vec![],
        }
    }

    fn version(groups: Vec<Group>, controls: Vec<Control>) -> CriteriaVersion {
        CriteriaVersion {
            version: "t-1".to_owned(),
            title: text("試験", "Test"),
            status: Status::Draft,
            published_on: None,
            transition_on: None,
            groups,
            controls,
            risks: Vec::new(),
        }
    }

    fn codes(version: &CriteriaVersion) -> Vec<(String, &'static str)> {
        check(version)
            .into_iter()
            .map(|f| (f.subject, f.problem.code()))
            .collect()
    }

    #[test]
    fn a_consistent_version_has_no_findings() {
        let v = version(
            vec![
                group("G.1", Part::Governance),
                group("6.1.1", Part::Control),
                group("CLD.6.3.1", Part::Control),
                group("ac", Part::Control),
            ],
            vec![
                control("G.1.1", "G.1", Part::Governance),
                control("6.1.1.1", "6.1.1", Part::Control),
                control("CLD.6.3.1.1", "CLD.6.3.1", Part::Control),
                control("ac-2", "ac", Part::Control),
                control("ac-2.1", "ac", Part::Control),
            ],
        );
        assert_eq!(codes(&v), vec![]);
    }

    #[test]
    fn each_problem_is_found_and_named() {
        let mut no_ja = control("6.1.1.3", "6.1.1", Part::Control);
        no_ja.text.ja = " ".to_owned();
        let mut half_examples = control("6.1.1.4", "6.1.1", Part::Control);
        half_examples.technology_examples[0].name.en.clear();
        let mut bad_examples = control("6.1.1.6", "6.1.1", Part::Control);
        bad_examples.technology_examples = vec![
            TechnologyExample::new("MFA", "多要素認証", "MFA"),
            TechnologyExample::new("sso", "SSO", "SSO"),
            TechnologyExample::new("sso", "SSO", "Single sign-on"),
        ];
        let mut no_models = control("6.1.1.5", "6.1.1", Part::Control);
        no_models.service_models.clear();
        let v = version(
            vec![
                group("6.1.1", Part::Control),
                group("6.1", Part::Control),
                group("M.1", Part::Management),
                group("7.1.1", Part::Control),
            ],
            vec![
                control("6.1.1.1", "6.1.1", Part::Control),
                control("6.1.1.1", "6.1.1", Part::Control),
                control("6.2.1.1", "6.2.1", Part::Control),
                control("7.1.1.1", "6.1.1", Part::Control),
                control("6.1.1.2.1", "6.1.1", Part::Control),
                control("M.1.1", "M.1", Part::Control),
                control("6.1.2", "6.1", Part::Control),
                no_ja,
                half_examples,
                no_models,
                bad_examples,
            ],
        );
        assert_eq!(
            codes(&v),
            vec![
                ("6.1".to_owned(), "objective_numbering"),
                ("6.1.1.1".to_owned(), "duplicate_id"),
                ("6.2.1.1".to_owned(), "unknown_objective"),
                ("7.1.1.1".to_owned(), "id_not_under_objective"),
                ("6.1.1.2.1".to_owned(), "control_numbering"),
                ("M.1.1".to_owned(), "part_mismatch"),
                ("6.1.2".to_owned(), "control_numbering"),
                ("6.1.1.3".to_owned(), "missing_text"),
                ("6.1.1.4".to_owned(), "missing_text"),
                ("6.1.1.5".to_owned(), "no_service_model"),
                ("6.1.1.6".to_owned(), "bad_example_id"),
                ("6.1.1.6".to_owned(), "duplicate_example_id"),
                ("7.1.1".to_owned(), "empty_group"),
            ]
        );
        let missing = check(&v)
            .into_iter()
            .find(|f| f.subject == "6.1.1.3")
            .unwrap();
        assert_eq!(
            missing.problem.message().ja,
            "text の日本語の文がありません"
        );
        let half = check(&v)
            .into_iter()
            .find(|f| f.subject == "6.1.1.4")
            .unwrap();
        assert_eq!(
            half.problem.message().en,
            "technology_examples.ex: the English text is missing"
        );
    }

    #[test]
    fn ids_extend_their_objective_only_after_a_separator() {
        assert!(extends("6.1.1.1", "6.1.1"));
        assert!(extends("ac-2", "ac"));
        assert!(!extends("6.1.10.1", "6.1.1"));
        assert!(!extends("6.1.1", "6.1.1"));
        assert!(!extends("6.1.1.", "6.1.1"));
    }

    #[test]
    fn the_risk_map_names_objectives_of_the_version_each_once_and_is_classified() {
        use crate::criteria::{Risk, RiskBand, RiskCategory, RiskStage};
        let mut v = version(
            vec![group("6.1.1", Part::Control)],
            vec![control("6.1.1.1", "6.1.1", Part::Control)],
        );
        let risk = |id: &str, objectives: &[&str]| Risk {
            id: id.to_owned(),
            band: RiskBand::High,
            categories: vec![RiskCategory::Leakage],
            stages: vec![RiskStage::Operation],
            title: text("漏えい", "Leakage"),
            objectives: objectives.iter().map(|o| (*o).to_owned()).collect(),
            left_to: text("契約で定める", "Agree it in the contract"),
        };
        v.risks = vec![risk("H01", &["6.1.1"])];
        assert_eq!(check(&v), []);
        let mut unclassified = risk("H02", &["6.1.1", "9.9.9", "6.1.1"]);
        unclassified.stages.clear();
        unclassified.left_to.en = String::new();
        v.risks.push(unclassified);
        v.risks.push(risk("H01", &[]));
        let codes: Vec<(String, &str)> = check(&v)
            .into_iter()
            .map(|f| (f.subject, f.problem.code()))
            .collect();
        assert_eq!(
            codes,
            [
                ("H02".to_owned(), "missing_text"),
                ("H02".to_owned(), "risk_unclassified"),
                ("H02".to_owned(), "repeated_in_risk"),
                ("H02".to_owned(), "unknown_risk_objective"),
                ("H01".to_owned(), "duplicate_id"),
            ]
        );
        assert_eq!(
            Problem::UnknownRiskObjective {
                objective: "9.9.9".into()
            }
            .message()
            .en,
            "the risk names objective 9.9.9, which does not exist"
        );
    }
}
