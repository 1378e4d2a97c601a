//! Where everything goes: the sheets of a workbook and the one table of a CSV file, and the rows
//! a statement (with the criteria, when known) becomes.

use std::collections::{HashMap, HashSet};

use shinrai_domain::criteria::{Control, CriteriaVersion, Part};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::statement::{ExcludedControl, ItemAnswer, SelectedControl};

use super::StatementFile;
use super::columns::{Col, RowKind};
use super::error::{StatementError, StatementProblem};
use super::instructions::STEPS;
use crate::sheet_form::{self, FormRow, Layout};
use crate::table::format_examples;

/// One table of the file: a sheet of a workbook, or the whole CSV file.
pub(crate) type Table = sheet_form::Table<RowKind>;

/// One row to write.
pub(crate) type TableRow = FormRow<RowKind>;

pub(crate) const STATEMENT_SHEET: Table = Table {
    sheet: Some("statement"),
    columns: &[Col::CriteriaVersion, Col::TargetLevel, Col::ServiceModels],
    kinds: &[RowKind::Statement],
    default: Some(RowKind::Statement),
    required: &[Col::CriteriaVersion, Col::TargetLevel],
    needed: true,
};

pub(crate) const ITEMS_SHEET: Table = Table {
    sheet: Some("items"),
    columns: &[
        Col::Part,
        Col::Objective,
        Col::Id,
        Col::TextJa,
        Col::TextEn,
        Col::Level,
        Col::Status,
        Col::DescriptionJa,
        Col::DescriptionEn,
    ],
    kinds: &[RowKind::Governance, RowKind::Management],
    default: None,
    required: &[Col::Part, Col::Id, Col::Status],
    needed: true,
};

pub(crate) const CONTROLS_SHEET: Table = Table {
    sheet: Some("controls"),
    columns: &[
        Col::Part,
        Col::Objective,
        Col::Id,
        Col::TextJa,
        Col::TextEn,
        Col::Level,
        Col::Mandatory,
        Col::Choice,
        Col::Responsibility,
        Col::Technologies,
        Col::TechnologyExamples,
        Col::RationaleJa,
        Col::RationaleEn,
        Col::IndividualControlJa,
        Col::IndividualControlEn,
        Col::ExclusionReasonJa,
        Col::ExclusionReasonEn,
    ],
    kinds: &[RowKind::Control],
    default: Some(RowKind::Control),
    required: &[Col::Id, Col::Choice],
    needed: true,
};

pub(crate) const DOCUMENTS_SHEET: Table = Table {
    sheet: Some("documents"),
    columns: &[Col::TitleJa, Col::TitleEn, Col::Location],
    kinds: &[RowKind::Document],
    default: Some(RowKind::Document),
    required: &[Col::TitleJa, Col::TitleEn, Col::Location],
    needed: false,
};

/// The sheets read and written, in the workbook's order (after the instructions).
pub(crate) const SHEETS: [Table; 4] = [
    STATEMENT_SHEET,
    ITEMS_SHEET,
    CONTROLS_SHEET,
    DOCUMENTS_SHEET,
];

pub(crate) const CSV_TABLE: Table = Table {
    sheet: None,
    columns: &Col::ALL,
    kinds: &RowKind::ALL,
    default: None,
    required: &[Col::Part],
    needed: true,
};

/// The statement's whole form.
pub(crate) const LAYOUT: Layout<RowKind> = Layout {
    sheets: &SHEETS,
    csv: CSV_TABLE,
    steps: &STEPS,
};

/// The rows of `statement`. With `criteria`, items and controls follow the criteria's order and
/// carry its texts; with `models` too, every item and control that applies at the target level
/// to a service of those models has a row, answered or not. Answers the criteria do not know
/// come last, so that nothing of the statement is lost.
pub(crate) fn rows(
    statement: &StatementFile,
    criteria: Option<&CriteriaVersion>,
    models: Option<&[ServiceModel]>,
) -> Result<Vec<TableRow>, StatementError> {
    let mut rows = Vec::new();
    let mut head = TableRow::new(RowKind::Statement);
    head.text(Col::CriteriaVersion, &statement.criteria_version);
    head.number(Col::TargetLevel, statement.target_level.get());
    if let Some(models) = models {
        let names: Vec<&str> = models.iter().map(|model| model.name()).collect();
        head.text(Col::ServiceModels, &names.join(";"));
    }
    rows.push(head);

    let answers = Answers::of(statement);
    let level = statement.target_level;
    let mut written: HashSet<&str> = HashSet::new();
    if let Some(criteria) = criteria {
        for part in Part::ALL {
            for control in criteria.controls.iter().filter(|c| c.part == part) {
                let applies = models.is_some_and(|models| control.applies(level, models));
                if applies || answers.has(part, &control.id) {
                    written.insert(control.id.as_str());
                    rows.push(answers.row(part, &control.id, Some(control), models)?);
                }
            }
        }
    }
    for (part, ids) in [
        (Part::Governance, answers.order(&statement.governance)),
        (Part::Management, answers.order(&statement.management)),
        (Part::Control, answers.controls(statement)),
    ] {
        for id in ids {
            if written.insert(id) {
                rows.push(answers.row(part, id, None, models)?);
            }
        }
    }
    for document in &statement.documents {
        let mut row = TableRow::new(RowKind::Document);
        row.text(Col::TitleJa, &document.title.ja);
        row.text(Col::TitleEn, &document.title.en);
        row.text(Col::Location, &document.location);
        rows.push(row);
    }
    Ok(rows)
}

/// The statement's answers by id.
struct Answers<'s> {
    governance: HashMap<&'s str, &'s ItemAnswer>,
    management: HashMap<&'s str, &'s ItemAnswer>,
    selected: HashMap<&'s str, &'s SelectedControl>,
    excluded: HashMap<&'s str, &'s ExcludedControl>,
}

impl<'s> Answers<'s> {
    fn of(statement: &'s StatementFile) -> Answers<'s> {
        let items = |list: &'s [ItemAnswer]| list.iter().map(|a| (a.item.as_str(), a)).collect();
        Answers {
            governance: items(&statement.governance),
            management: items(&statement.management),
            selected: statement
                .selected
                .iter()
                .map(|s| (s.control.as_str(), s))
                .collect(),
            excluded: statement
                .excluded
                .iter()
                .map(|e| (e.control.as_str(), e))
                .collect(),
        }
    }

    fn has(&self, part: Part, id: &str) -> bool {
        match part {
            Part::Governance => self.governance.contains_key(id),
            Part::Management => self.management.contains_key(id),
            Part::Control => self.selected.contains_key(id) || self.excluded.contains_key(id),
        }
    }

    fn order(&self, list: &'s [ItemAnswer]) -> Vec<&'s str> {
        list.iter().map(|answer| answer.item.as_str()).collect()
    }

    /// Selected controls, then excluded ones, each in the statement's order.
    fn controls(&self, statement: &'s StatementFile) -> Vec<&'s str> {
        statement
            .selected
            .iter()
            .map(|s| s.control.as_str())
            .chain(statement.excluded.iter().map(|e| e.control.as_str()))
            .collect()
    }

    fn row(
        &self,
        part: Part,
        id: &str,
        control: Option<&Control>,
        models: Option<&[ServiceModel]>,
    ) -> Result<TableRow, StatementError> {
        let kind = match part {
            Part::Governance => RowKind::Governance,
            Part::Management => RowKind::Management,
            Part::Control => RowKind::Control,
        };
        let mut row = TableRow::new(kind);
        row.text(Col::Id, id);
        if let Some(control) = control {
            row.text(Col::Objective, &control.objective);
            row.text(Col::TextJa, &control.text.ja);
            row.text(Col::TextEn, &control.text.en);
            let level = models
                .and_then(|models| {
                    shinrai_domain::applicability::Applicable::applies_from(control, models)
                })
                .unwrap_or(control.min_level);
            row.number(Col::Level, level.get());
            if part == Part::Control {
                row.text(Col::Mandatory, if control.mandatory { "yes" } else { "no" });
                let examples = format_examples(&control.id, &control.technology_examples)
                    .map_err(StatementError::Table)?;
                row.text(Col::TechnologyExamples, &examples);
            }
        }
        let item = match part {
            Part::Governance => self.governance.get(id),
            Part::Management => self.management.get(id),
            Part::Control => None,
        };
        if let Some(answer) = item {
            row.text(Col::Status, answer.status.code());
            row.text(Col::DescriptionJa, &answer.description.ja);
            row.text(Col::DescriptionEn, &answer.description.en);
        }
        if part == Part::Control {
            if let Some(selected) = self.selected.get(id) {
                row.text(Col::Choice, super::read::SELECTED);
                row.text(Col::Responsibility, selected.responsibility.code());
                row.text(Col::Technologies, &technologies_cell(selected)?);
                row.text(Col::RationaleJa, &selected.rationale.ja);
                row.text(Col::RationaleEn, &selected.rationale.en);
                row.text(Col::IndividualControlJa, &selected.individual_control.ja);
                row.text(Col::IndividualControlEn, &selected.individual_control.en);
            } else if let Some(excluded) = self.excluded.get(id) {
                row.text(Col::Choice, super::read::EXCLUDED);
                row.text(Col::ExclusionReasonJa, &excluded.reason.ja);
                row.text(Col::ExclusionReasonEn, &excluded.reason.en);
            }
        }
        Ok(row)
    }
}

/// The technologies one a line, refusing one that would not read back the same (padded, empty,
/// or holding a line break).
fn technologies_cell(selected: &SelectedControl) -> Result<String, StatementError> {
    for technology in &selected.technologies {
        let fits = !technology.is_empty()
            && technology.trim() == technology
            && !technology.contains([
                '\r', '\n', '\u{2028}', '\u{2029}', '\u{85}', '\u{b}', '\u{c}',
            ]);
        if !fits {
            return Err(StatementError::Own(
                StatementProblem::UnwritableTechnology {
                    control: selected.control.clone(),
                    technology: technology.clone(),
                },
            ));
        }
    }
    Ok(selected.technologies.join("\n"))
}
