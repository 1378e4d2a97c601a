//! The auditors' conclusions: for each selected control whether it conforms, for each objective
//! of the selected controls whether it is effective, each with its reason.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use crate::case::bounds::MAX_TEXT_CHARS;
use crate::criteria::CriteriaVersion;
use crate::registration::MAX_CONTROLS;
use crate::text::Bilingual;
use crate::workflow::Refusal;
use crate::workflow::fields::{Problems, is_blank_text};
use crate::workflow::statement::{Statement, StatementContent};
use crate::workflow::working_papers::PhaseResults;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveConclusion {
    pub objective: String,
    pub effective: bool,
    pub reason: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlConclusion {
    pub control: String,
    pub conformant: bool,
    pub reason: Bilingual,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conclusions {
    pub objectives: Vec<ObjectiveConclusion>,
    pub controls: Vec<ControlConclusion>,
}

/// The objectives of the selected controls of a statement's content, as the criteria group
/// them: what an audit concludes on besides the controls themselves.
pub fn objectives_of_selected<'a>(
    content: &'a StatementContent,
    criteria: &'a CriteriaVersion,
) -> BTreeSet<&'a str> {
    // One pass over each list: statements of thousands of controls stay linear.
    let selected: HashSet<&str> = content
        .selected
        .iter()
        .map(|entry| entry.control.as_str())
        .collect();
    criteria
        .controls
        .iter()
        .filter(|control| selected.contains(control.id.as_str()))
        .map(|control| control.objective.as_str())
        .collect()
}

/// The objectives of the statement's selected controls, as the criteria group them.
pub fn selected_objectives<'a>(
    statement: &'a Statement,
    criteria: &'a CriteriaVersion,
) -> BTreeSet<&'a str> {
    objectives_of_selected(&statement.content, criteria)
}

impl Conclusions {
    pub fn objective(&self, id: &str) -> Option<&ObjectiveConclusion> {
        self.objectives.iter().find(|c| c.objective == id)
    }

    pub fn control(&self, id: &str) -> Option<&ControlConclusion> {
        self.controls.iter().find(|c| c.control == id)
    }

    /// Every conclusion names a selected control or an objective of one, once; reasons are not
    /// over-long. Missing conclusions are allowed until signing.
    pub fn check(&self, statement: &Statement, criteria: &CriteriaVersion) -> Result<(), Refusal> {
        self.check_against(&statement.content, criteria)
    }

    /// [`Conclusions::check`] against a statement's content alone, as a file of conclusions is
    /// checked before there is an audit to hold it.
    pub fn check_against(
        &self,
        content: &StatementContent,
        criteria: &CriteriaVersion,
    ) -> Result<(), Refusal> {
        let objectives = objectives_of_selected(content, criteria);
        let controls: HashSet<&str> = content
            .selected
            .iter()
            .map(|entry| entry.control.as_str())
            .collect();
        let mut problems = Problems::new();
        if problems.list_size("/objectives", self.objectives.len(), MAX_CONTROLS) {
            for (i, conclusion) in self.objectives.iter().enumerate() {
                if !objectives.contains(conclusion.objective.as_str()) {
                    let field = format!("/objectives/{i}/objective");
                    let id = &conclusion.objective;
                    problems.push(
                        field.clone(),
                        "not_selected",
                        Bilingual::new(
                            format!("{field}: {id} は言明書で選択された管理策の統制目標ではありません"),
                            format!("{field}: {id} is not an objective of the statement's selected controls"),
                        ),
                    );
                }
                problems.text_length(
                    &format!("/objectives/{i}/reason"),
                    &conclusion.reason,
                    MAX_TEXT_CHARS,
                );
            }
            problems.duplicates(self.objectives.iter().map(|c| c.objective.as_str()), |i| {
                format!("/objectives/{i}/objective")
            });
        }
        if problems.list_size("/controls", self.controls.len(), MAX_CONTROLS) {
            for (i, conclusion) in self.controls.iter().enumerate() {
                if !controls.contains(conclusion.control.as_str()) {
                    let field = format!("/controls/{i}/control");
                    let id = &conclusion.control;
                    problems.push(
                        field.clone(),
                        "not_selected",
                        Bilingual::new(
                            format!("{field}: {id} は言明書で選択された管理策ではありません"),
                            format!("{field}: {id} is not a selected control of the statement"),
                        ),
                    );
                }
                problems.text_length(
                    &format!("/controls/{i}/reason"),
                    &conclusion.reason,
                    MAX_TEXT_CHARS,
                );
            }
            problems.duplicates(self.controls.iter().map(|c| c.control.as_str()), |i| {
                format!("/controls/{i}/control")
            });
        }
        problems.finish()
    }

    /// No control is concluded conformant when its design or operation failed.
    pub fn check_against_work(&self, results: &PhaseResults) -> Result<(), Refusal> {
        let mut problems = Problems::new();
        for (i, conclusion) in self.controls.iter().enumerate() {
            if !conclusion.conformant {
                continue;
            }
            if let Some(why) = results.bars_conformance(&conclusion.control) {
                problems.push(
                    format!("/controls/{i}/conformant"),
                    "contradicts_work",
                    Bilingual::new(
                        format!("/controls/{i}/conformant: 適合とはできません（{}）", why.ja),
                        format!(
                            "/controls/{i}/conformant: cannot be conformant ({})",
                            why.en
                        ),
                    ),
                );
            }
        }
        problems.finish()
    }

    /// The selected objectives and controls without a conclusion, or whose reason is empty,
    /// objectives first, each sorted.
    pub fn missing(&self, statement: &Statement, criteria: &CriteriaVersion) -> Vec<String> {
        let mut missing: Vec<String> = selected_objectives(statement, criteria)
            .into_iter()
            .filter(|id| self.objective(id).is_none_or(|c| is_blank_text(&c.reason)))
            .map(str::to_owned)
            .collect();
        let mut controls: Vec<&str> = statement
            .content
            .selected
            .iter()
            .map(|entry| entry.control.as_str())
            .filter(|id| self.control(id).is_none_or(|c| is_blank_text(&c.reason)))
            .collect();
        controls.sort_unstable();
        missing.extend(controls.into_iter().map(str::to_owned));
        missing
    }

    /// The conclusions sorted by id, as a report prints them.
    pub fn sorted(&self) -> Conclusions {
        let mut sorted = self.clone();
        sorted
            .objectives
            .sort_by(|a, b| a.objective.cmp(&b.objective));
        sorted.controls.sort_by(|a, b| a.control.cmp(&b.control));
        sorted
    }
}
