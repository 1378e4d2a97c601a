//! Where everything goes: the sheets of a workbook and the one table of a CSV file, and the rows
//! an audited statement (with its criteria and any conclusions recorded so far) becomes.

use std::collections::{HashMap, HashSet};

use shinrai_domain::criteria::{Control, CriteriaVersion, Group, Part};
use shinrai_domain::workflow::audit::{
    Conclusions, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
};
use shinrai_domain::workflow::statement::{SelectedControl, StatementContent};

use super::columns::{Col, RowKind};
use super::instructions::STEPS;
use super::read::{NO, YES};
use crate::sheet_form::{self, FormRow, Layout, Out};

/// One table of the file: a sheet of a workbook, or the whole CSV file.
pub(crate) type Table = sheet_form::Table<RowKind>;

/// One row to write.
pub(crate) type TableRow = FormRow<RowKind>;

pub(crate) const OBJECTIVES_SHEET: Table = Table {
    sheet: Some("objectives"),
    columns: &[
        Col::Id,
        Col::TitleJa,
        Col::TitleEn,
        Col::TextJa,
        Col::TextEn,
        Col::Effective,
        Col::ReasonJa,
        Col::ReasonEn,
    ],
    kinds: &[RowKind::Objective],
    default: Some(RowKind::Objective),
    required: &[Col::Id, Col::Effective],
    needed: true,
};

pub(crate) const CONTROLS_SHEET: Table = Table {
    sheet: Some("controls"),
    columns: &[
        Col::Objective,
        Col::Id,
        Col::TextJa,
        Col::TextEn,
        Col::Mandatory,
        Col::Responsibility,
        Col::IndividualControlJa,
        Col::IndividualControlEn,
        Col::Conformant,
        Col::ReasonJa,
        Col::ReasonEn,
    ],
    kinds: &[RowKind::Control],
    default: Some(RowKind::Control),
    required: &[Col::Id, Col::Conformant],
    needed: true,
};

/// The sheets read and written, in the workbook's order (after the instructions); a workbook
/// must have both.
pub(crate) const SHEETS: [Table; 2] = [OBJECTIVES_SHEET, CONTROLS_SHEET];

pub(crate) const CSV_TABLE: Table = Table {
    sheet: None,
    columns: &Col::ALL,
    kinds: &RowKind::ALL,
    default: None,
    required: &[Col::Part, Col::Id],
    needed: true,
};

/// The conclusions' whole form.
pub(crate) const LAYOUT: Layout<RowKind> = Layout {
    sheets: &SHEETS,
    csv: CSV_TABLE,
    steps: &STEPS,
};

/// A row of `kind` on `id`, written even when empty: it is what the row concludes on.
fn new_row(kind: RowKind, id: &str) -> TableRow {
    let mut row = TableRow::new(kind);
    row.cells.push((Col::Id, Out::Text(id.to_owned())));
    row
}

fn yes_no(value: bool) -> &'static str {
    if value { YES } else { NO }
}

/// The rows for an audit of `content`: one per objective of its selected controls, then one per
/// selected control, each in the criteria's order, with the criteria's and the statement's
/// texts for reference and the conclusions recorded so far. Objectives and controls that the
/// criteria do not know come after those they do, so that nothing of the statement is lost.
pub(crate) fn rows(
    criteria: &CriteriaVersion,
    content: &StatementContent,
    recorded: &Conclusions,
) -> Vec<TableRow> {
    // Looked up by id, so that thousands of rows are written in linear time.
    let effective: HashMap<&str, _> = recorded
        .objectives
        .iter()
        .map(|c| (c.objective.as_str(), c))
        .collect();
    let conformant: HashMap<&str, _> = recorded
        .controls
        .iter()
        .map(|c| (c.control.as_str(), c))
        .collect();
    let answers: HashMap<&str, _> = content
        .selected
        .iter()
        .map(|s| (s.control.as_str(), s))
        .collect();
    let mut rows = Vec::new();
    let objectives = objectives_of_selected(content, criteria);
    let mut written: HashSet<&str> = HashSet::new();
    let groups = criteria
        .groups
        .iter()
        .filter(|group| group.part == Part::Control && objectives.contains(group.id.as_str()));
    for group in groups {
        if written.insert(group.id.as_str()) {
            rows.push(objective_row(
                &group.id,
                Some(group),
                effective.get(group.id.as_str()),
            ));
        }
    }
    for id in objectives {
        if written.insert(id) {
            rows.push(objective_row(id, None, effective.get(id)));
        }
    }
    let mut written: HashSet<&str> = HashSet::new();
    let known = criteria.controls.iter().filter(|control| {
        control.part == Part::Control && answers.contains_key(control.id.as_str())
    });
    for control in known {
        if written.insert(control.id.as_str()) {
            let id = control.id.as_str();
            let row = control_row(id, Some(control), answers.get(id), conformant.get(id));
            rows.push(row);
        }
    }
    for answer in &content.selected {
        let id = answer.control.as_str();
        if written.insert(id) {
            rows.push(control_row(id, None, Some(&answer), conformant.get(id)));
        }
    }
    rows
}

fn objective_row(
    id: &str,
    group: Option<&Group>,
    recorded: Option<&&ObjectiveConclusion>,
) -> TableRow {
    let mut row = new_row(RowKind::Objective, id);
    if let Some(group) = group {
        row.text(Col::TitleJa, &group.title.ja);
        row.text(Col::TitleEn, &group.title.en);
        row.text(Col::TextJa, &group.text.ja);
        row.text(Col::TextEn, &group.text.en);
    }
    if let Some(conclusion) = recorded {
        row.text(Col::Effective, yes_no(conclusion.effective));
        row.text(Col::ReasonJa, &conclusion.reason.ja);
        row.text(Col::ReasonEn, &conclusion.reason.en);
    }
    row
}

fn control_row(
    id: &str,
    control: Option<&Control>,
    answer: Option<&&SelectedControl>,
    recorded: Option<&&ControlConclusion>,
) -> TableRow {
    let mut row = new_row(RowKind::Control, id);
    if let Some(control) = control {
        row.text(Col::Objective, &control.objective);
        row.text(Col::TextJa, &control.text.ja);
        row.text(Col::TextEn, &control.text.en);
        row.text(Col::Mandatory, yes_no(control.mandatory));
    }
    if let Some(answer) = answer {
        row.text(Col::Responsibility, answer.responsibility.code());
        row.text(Col::IndividualControlJa, &answer.individual_control.ja);
        row.text(Col::IndividualControlEn, &answer.individual_control.en);
    }
    if let Some(conclusion) = recorded {
        row.text(Col::Conformant, yes_no(conclusion.conformant));
        row.text(Col::ReasonJa, &conclusion.reason.ja);
        row.text(Col::ReasonEn, &conclusion.reason.en);
    }
    row
}
