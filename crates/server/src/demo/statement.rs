//! What the demo's providers write and its auditors conclude: a statement that answers every
//! governance and management item and selects every control that applies to the service at
//! its level (with the first of the criteria's technology examples), and the conclusions of an
//! audit that found it all effective — or, where the story wants a question, one recommended
//! control not conformant.

use shinrai_domain::criteria::{CriteriaVersion, Part};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::{
    Conclusions, ControlConclusion, ObjectiveConclusion, selected_objectives,
};
use shinrai_domain::workflow::statement::{
    ItemAnswer, ItemStatus, Responsibility, SelectedControl, Statement, StatementContent,
};

/// A complete statement of a service named `name`, offered as `models`, at `level`.
pub fn complete(
    criteria: &CriteriaVersion,
    name: &Bilingual,
    models: &[ServiceModel],
    level: Level,
) -> StatementContent {
    let answers =
        |part: Part| -> Vec<ItemAnswer> {
            criteria
            .controls
            .iter()
            .filter(|item| item.part == part && item.applies(level, models))
            .map(|item| ItemAnswer {
                item: item.id.clone(),
                status: ItemStatus::Implemented,
                description: Bilingual::new(
                    format!("{} の情報セキュリティ規程と年次の見直しで実施している。", name.ja),
                    format!(
                        "Done through the information security policy of {} and its yearly review.",
                        name.en
                    ),
                ),
            })
            .collect()
        };
    let selected = criteria
        .controls
        .iter()
        .filter(|control| control.part == Part::Control && control.applies(level, models))
        .map(|control| SelectedControl {
            control: control.id.clone(),
            individual_control: Bilingual::new(
                format!(
                    "{} では、{} を運用手順書と設定基準に定めて実施している。",
                    name.ja, control.id
                ),
                format!(
                    "{} meets {} through its runbooks and configuration baselines.",
                    name.en, control.id
                ),
            ),
            responsibility: Responsibility::Csp,
            technologies: control
                .technology_examples
                .first()
                .map(|example| vec![example.id.clone()])
                .unwrap_or_default(),
            rationale: Bilingual::new("", ""),
        })
        .collect();
    StatementContent {
        governance: answers(Part::Governance),
        management: answers(Part::Management),
        selected,
        excluded: Vec::new(),
        documents: Vec::new(),
    }
}

/// A draft still being written: `complete`, but with the last `left_out` controls not yet
/// addressed, so that the pre-check has findings to show.
pub fn unfinished(mut content: StatementContent, left_out: usize) -> StatementContent {
    let keep = content.selected.len().saturating_sub(left_out);
    content.selected.truncate(keep);
    content
}

/// Conclusions on every selected objective and control of `statement`: all effective and
/// conformant, but `doubted` (a recommended control) found not conformant.
pub fn conclusions(
    statement: &Statement,
    criteria: &CriteriaVersion,
    doubted: Option<&str>,
) -> Conclusions {
    Conclusions {
        objectives: selected_objectives(statement, criteria)
            .into_iter()
            .map(|objective| ObjectiveConclusion {
                objective: objective.to_owned(),
                effective: true,
                reason: Bilingual::new(
                    "整備・運用状況を検証し、目的が達成されていると判断した。",
                    "Design and operation were tested; the objective is achieved.",
                ),
            })
            .collect(),
        controls: statement
            .content
            .selected
            .iter()
            .map(|selected| {
                let conformant = doubted != Some(selected.control.as_str());
                ControlConclusion {
                    control: selected.control.clone(),
                    conformant,
                    reason: if conformant {
                        Bilingual::new(
                            "個別管理策は基準に適合し、期間を通じて運用されていた。",
                            "The individual control meets the criteria and operated throughout the period.",
                        )
                    } else {
                        Bilingual::new(
                            "期間中の一部で手順どおりの記録が確認できなかった。",
                            "For part of the period the records the procedure calls for could not be found.",
                        )
                    },
                }
            })
            .collect(),
    }
}

/// The last recommended (not mandatory) control that `statement` selects: the one an audit
/// in the story doubts.
pub fn a_recommended_control(statement: &Statement, criteria: &CriteriaVersion) -> Option<String> {
    statement
        .content
        .selected
        .iter()
        .rev()
        .find(|selected| {
            criteria
                .control(&selected.control)
                .is_some_and(|control| !control.mandatory)
        })
        .map(|selected| selected.control.clone())
}
