//! Reading conclusions from their spreadsheet: every sheet (or the one CSV table) row by row,
//! collecting every problem with its place, and giving the conclusions only when there is none.
//!
//! Rules, beyond the columns each kind of row uses:
//! - a row with an empty conclusion (`effective`, `conformant`) is not concluded yet and is
//!   skipped, so auditors fill the file in as they go; it then holds no reason either, since a
//!   reason without its conclusion would be lost;
//! - a conclusion is `yes` or `no` (any case; a TRUE or FALSE cell reads the same) and needs a
//!   reason in at least one language;
//! - an id is concluded once, must be an objective or control of the criteria, and must be
//!   selected by the audited statement (for an objective: the objective of a selected control);
//! - reasons keep to the domain's `MAX_TEXT_CHARS`, and rows of each kind to `MAX_CONTROLS`.
//!
//! Text is trimmed of surrounding white space. The header, the `part` of each row and the cells
//! are read as in every form ([`sheet_form`](crate::sheet_form)). Columns that show the criteria
//! or the statement are never read.

use std::collections::{HashMap, HashSet};

use shinrai_domain::case::bounds::MAX_TEXT_CHARS;
use shinrai_domain::criteria::{CriteriaVersion, Part};
use shinrai_domain::registration::MAX_CONTROLS;
use shinrai_domain::workflow::audit::{
    Conclusions, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
};
use shinrai_domain::workflow::statement::StatementContent;

use super::columns::{Col, RowKind};
use super::error::{ConclusionsErrors, ConclusionsProblem};
use super::layout::LAYOUT;
use crate::sheet_form::{self, Column, FormError, FormErrors, Kind, RowReader, Value};
use crate::table::{Raw, Row};

/// The two answers of a conclusion.
pub(crate) const YES: &str = "yes";
pub(crate) const NO: &str = "no";

type Cells<'g> = sheet_form::Cells<'g, RowKind>;
type Reading = sheet_form::Reading<ConclusionsProblem>;

/// What the conclusions are checked against: the criteria version of the audited statement,
/// and that statement's content (its selected controls).
#[derive(Debug, Clone, Copy)]
pub struct Audited<'a> {
    pub criteria: &'a CriteriaVersion,
    pub content: &'a StatementContent,
}

/// Reads conclusions from XLSX bytes named `name` in messages.
pub fn read_xlsx(
    name: &str,
    bytes: &[u8],
    audited: Audited<'_>,
) -> Result<Conclusions, ConclusionsErrors> {
    let mut reader = Reader::new(audited);
    let reading = sheet_form::read_xlsx(name, bytes, &LAYOUT, &mut reader)?;
    reader.finish(reading)
}

/// Reads conclusions from CSV bytes (UTF-8, with or without a byte order mark) named `name`.
pub fn read_csv(
    name: &str,
    bytes: &[u8],
    audited: Audited<'_>,
) -> Result<Conclusions, ConclusionsErrors> {
    let mut reader = Reader::new(audited);
    let reading = sheet_form::read_csv(name, bytes, &LAYOUT, &mut reader)?;
    reader.finish(reading)
}

/// Where an id was first concluded: its sheet and row.
type Seen = HashMap<String, (Option<String>, usize)>;

/// What the rows have given so far.
struct Reader<'a> {
    audited: Audited<'a>,
    /// The criteria's control objectives and detailed controls.
    known_objectives: HashSet<&'a str>,
    known_controls: HashSet<&'a str>,
    /// What the statement selects.
    selected_objectives: HashSet<&'a str>,
    selected_controls: HashSet<&'a str>,
    conclusions: Conclusions,
    objectives_seen: Seen,
    controls_seen: Seen,
}

impl<'a> Reader<'a> {
    fn new(audited: Audited<'a>) -> Reader<'a> {
        let criteria = audited.criteria;
        Reader {
            audited,
            known_objectives: criteria
                .groups
                .iter()
                .filter(|group| group.part == Part::Control)
                .map(|group| group.id.as_str())
                .collect(),
            known_controls: criteria
                .controls
                .iter()
                .filter(|control| control.part == Part::Control)
                .map(|control| control.id.as_str())
                .collect(),
            selected_objectives: objectives_of_selected(audited.content, criteria)
                .into_iter()
                .collect(),
            selected_controls: audited
                .content
                .selected
                .iter()
                .map(|s| s.control.as_str())
                .collect(),
            conclusions: Conclusions::default(),
            objectives_seen: HashMap::new(),
            controls_seen: HashMap::new(),
        }
    }

    fn finish(self, mut reading: Reading) -> Result<Conclusions, ConclusionsErrors> {
        let bounds = [
            (
                RowKind::Objective,
                self.conclusions.objectives.len(),
                MAX_CONTROLS,
            ),
            (
                RowKind::Control,
                self.conclusions.controls.len(),
                MAX_CONTROLS,
            ),
        ];
        for (kind, count, max) in bounds {
            if count > max {
                let at = reading.rows_place(kind.code());
                reading.push(FormError::TooMany {
                    at,
                    kind: kind.code(),
                    count,
                    max,
                });
            }
        }
        let file = reading.file_place();
        reading.finish(&LAYOUT)?;
        // Every rule was checked above with its place; this catches one that the domain adds
        // later, so nothing `PUT /audits/{id}/conclusions` would refuse gets through.
        if let Err(refusal) = self
            .conclusions
            .check_against(self.audited.content, self.audited.criteria)
        {
            return Err(FormErrors::one(FormError::Content {
                at: file,
                why: refusal.message(),
            }));
        }
        Ok(self.conclusions)
    }
}

impl RowReader for Reader<'_> {
    type Kind = RowKind;
    type Problem = ConclusionsProblem;

    fn row(&mut self, cells: &Cells<'_>, row: &Row, kind: RowKind, reading: &mut Reading) {
        let id = self.id(cells, row, kind, reading);
        let conclusion = conclusion(cells, row, kind.conclusion(), reading);
        let reason = cells.bilingual(row, (Col::ReasonJa, Col::ReasonEn), MAX_TEXT_CHARS, reading);
        let concluded = match conclusion {
            Value::Got(concluded) => concluded,
            Value::Empty => {
                for col in [Col::ReasonJa, Col::ReasonEn] {
                    if cells.filled(row, col) {
                        let at = cells.at(row, col);
                        reading.push(ConclusionsProblem::ReasonWithoutConclusion {
                            at,
                            conclusion: kind.conclusion().name(),
                        });
                        break;
                    }
                }
                return;
            }
            Value::Reported => return,
        };
        let Some(reason) = reason else { return };
        if reason.ja.is_empty() && reason.en.is_empty() {
            let at = cells.at(row, cells.either(Col::ReasonJa, Col::ReasonEn));
            reading.push(ConclusionsProblem::ReasonMissing { at });
            return;
        }
        let Some(id) = id else { return };
        match kind {
            RowKind::Objective => self.conclusions.objectives.push(ObjectiveConclusion {
                objective: id,
                effective: concluded,
                reason,
            }),
            RowKind::Control => self.conclusions.controls.push(ControlConclusion {
                control: id,
                conformant: concluded,
                reason,
            }),
        }
    }
}

impl Reader<'_> {
    /// The row's id: present, known to the criteria, selected by the statement, and once.
    fn id(
        &mut self,
        cells: &Cells<'_>,
        row: &Row,
        kind: RowKind,
        reading: &mut Reading,
    ) -> Option<String> {
        let id = cells.text(row, Col::Id, reading);
        let id = cells.required(row, Col::Id, kind, id, reading)?;
        let (known, selected, seen) = match kind {
            RowKind::Objective => (
                self.known_objectives.contains(id.as_str()),
                self.selected_objectives.contains(id.as_str()),
                &mut self.objectives_seen,
            ),
            RowKind::Control => (
                self.known_controls.contains(id.as_str()),
                self.selected_controls.contains(id.as_str()),
                &mut self.controls_seen,
            ),
        };
        if let Some((first_sheet, first_row)) = seen.get(&id) {
            let problem = ConclusionsProblem::Duplicate {
                at: cells.at(row, Col::Id),
                id: id.clone(),
                first_sheet: first_sheet.clone(),
                first_row: *first_row,
            };
            reading.push(problem);
            return None;
        }
        seen.insert(id.clone(), (cells.sheet(), row.number));
        if !known {
            let at = cells.at(row, Col::Id);
            let version = self.audited.criteria.version.clone();
            reading.push(ConclusionsProblem::Unknown {
                at,
                id,
                kind: kind.code(),
                version,
            });
            return None;
        }
        if !selected {
            let at = cells.at(row, Col::Id);
            reading.push(ConclusionsProblem::NotSelected {
                at,
                id,
                kind: kind.code(),
            });
            return None;
        }
        Some(id)
    }
}

/// `yes` or `no` in any case, or a boolean cell.
fn conclusion(cells: &Cells<'_>, row: &Row, col: Col, reading: &mut Reading) -> Value<bool> {
    match cells.raw(row, col) {
        Value::Got(Raw::Bool(value)) => Value::Got(*value),
        Value::Got(Raw::Text(text)) => {
            let text = text.trim();
            if text.eq_ignore_ascii_case(YES) {
                Value::Got(true)
            } else if text.eq_ignore_ascii_case(NO) {
                Value::Got(false)
            } else {
                let at = cells.at(row, col);
                reading.push(ConclusionsProblem::UnknownConclusion {
                    at,
                    value: text.to_owned(),
                });
                Value::Reported
            }
        }
        Value::Got(other) => cells.wrong_type(row, col, other, reading),
        Value::Empty => Value::Empty,
        Value::Reported => Value::Reported,
    }
}
