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
//! Text is trimmed of surrounding white space. Formulas are refused, as in the other tables:
//! the file must hold values. Columns that show the criteria or the statement are never read.

use std::collections::{HashMap, HashSet};

use shinrai_domain::case::bounds::MAX_TEXT_CHARS;
use shinrai_domain::criteria::{CriteriaVersion, Part};
use shinrai_domain::registration::MAX_CONTROLS;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::{
    Conclusions, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
};
use shinrai_domain::workflow::statement::StatementContent;

use super::columns::{Col, RowKind};
use super::error::{ConclusionsError, ConclusionsErrors};
use super::layout::{CSV_TABLE, SHEETS, Table};
use crate::table::{CellType, Grid, Place, Raw, Row, cell_ref, csv_grid, sheet_grid};
use crate::workbook::{self, limits::MAX_PROBLEMS};

/// The two answers of a conclusion.
pub(crate) const YES: &str = "yes";
pub(crate) const NO: &str = "no";

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
    let mut workbook = workbook::open(name, bytes).map_err(ConclusionsError::Table)?;
    let names = workbook.sheet_names();
    let mut reader = Reader::new(name, audited);
    for table in SHEETS {
        let Some(sheet) = table.sheet else { continue };
        if !names.iter().any(|present| present == sheet) {
            reader.push(ConclusionsError::MissingSheet {
                at: Box::new(file_place(name)),
                sheet,
                sheets: names.clone(),
            });
            continue;
        }
        let read = workbook
            .read_sheet(sheet)
            .map_err(ConclusionsError::Table)?;
        reader.table(&sheet_grid(name, read), &table);
    }
    reader.finish()
}

/// Reads conclusions from CSV bytes (UTF-8, with or without a byte order mark) named `name`.
pub fn read_csv(
    name: &str,
    bytes: &[u8],
    audited: Audited<'_>,
) -> Result<Conclusions, ConclusionsErrors> {
    let grid = csv_grid(name, bytes).map_err(|e| ConclusionsError::Table(e.into_first()))?;
    let mut reader = Reader::new(name, audited);
    reader.table(&grid, &CSV_TABLE);
    reader.finish()
}

fn file_place(file: &str) -> Place {
    Place {
        file: file.to_owned(),
        sheet: None,
        row: None,
        column: None,
        cell: None,
    }
}

fn place(grid: &Grid, row: usize, column: Option<usize>, name: Option<&str>) -> Box<Place> {
    let mut at = grid.place();
    at.row = Some(row);
    at.column = name.map(str::to_owned);
    at.cell = column.map(|column| cell_ref(column, row));
    at
}

/// What reading one cell gave.
enum Value<T> {
    Empty,
    Got(T),
    /// Something was wrong and is already among the problems.
    Reported,
}

/// Where an id was first concluded: its sheet and row.
type Seen = HashMap<String, (Option<String>, usize)>;

struct Reader<'a> {
    file: String,
    audited: Audited<'a>,
    /// The criteria's control objectives and detailed controls.
    known_objectives: HashSet<&'a str>,
    known_controls: HashSet<&'a str>,
    /// What the statement selects.
    selected_objectives: HashSet<&'a str>,
    selected_controls: HashSet<&'a str>,
    problems: Vec<ConclusionsError>,
    omitted: usize,
    conclusions: Conclusions,
    objectives_seen: Seen,
    controls_seen: Seen,
    /// Where the rows of each kind are, for bounds on their number.
    places: HashMap<&'static str, Place>,
}

impl<'a> Reader<'a> {
    fn new(file: &str, audited: Audited<'a>) -> Reader<'a> {
        let criteria = audited.criteria;
        Reader {
            file: file.to_owned(),
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
            problems: Vec::new(),
            omitted: 0,
            conclusions: Conclusions::default(),
            objectives_seen: HashMap::new(),
            controls_seen: HashMap::new(),
            places: HashMap::new(),
        }
    }

    fn push(&mut self, problem: ConclusionsError) {
        if u64::try_from(self.problems.len()).unwrap_or(u64::MAX) < MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    fn table(&mut self, grid: &Grid, table: &Table) {
        let formulas = grid.formula_cells();
        let formula_rows = grid.formula_rows();
        let blank = |row: &Row| {
            row.cells.iter().all(|(_, raw)| raw.is_blank()) && !formula_rows.contains(&row.number)
        };
        let Some(header) = grid.rows.iter().find(|row| !blank(row)) else {
            self.push(ConclusionsError::Empty { at: grid.place() });
            for (row, column, formula) in &grid.formulas {
                let at = place(grid, *row, Some(*column), None);
                self.push(ConclusionsError::Formula {
                    at,
                    formula: formula.clone(),
                });
            }
            return;
        };
        let mut sheet = Sheet {
            grid,
            table,
            columns: HashMap::new(),
            names: vec![None; header.width()],
            formulas,
        };
        let before = self.problems.len() + self.omitted;
        sheet.header(header, self);
        let header_ok =
            self.problems.len() + self.omitted == before && !formula_rows.contains(&header.number);
        for (row, column, formula) in &grid.formulas {
            let name = sheet.names.get(*column).copied().flatten();
            let at = place(grid, *row, Some(*column), name);
            self.push(ConclusionsError::Formula {
                at,
                formula: formula.clone(),
            });
        }
        if !header_ok {
            return;
        }
        for row in grid.rows.iter().filter(|row| row.number > header.number) {
            if !blank(row) {
                sheet.row(row, self);
            }
        }
    }

    fn finish(mut self) -> Result<Conclusions, ConclusionsErrors> {
        let file = file_place(&self.file);
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
                let at = Box::new(
                    self.places
                        .get(kind.code())
                        .cloned()
                        .unwrap_or(file.clone()),
                );
                self.push(ConclusionsError::TooMany {
                    at,
                    kind: kind.code(),
                    count,
                    max,
                });
            }
        }
        if let Some(problems) = ConclusionsErrors::new(self.problems, self.omitted) {
            return Err(problems);
        }
        // Every rule was checked above with its place; this catches one that the domain adds
        // later, so nothing `PUT /audits/{id}/conclusions` would refuse gets through.
        if let Err(refusal) = self
            .conclusions
            .check_against(self.audited.content, self.audited.criteria)
        {
            return Err(ConclusionsErrors::one(ConclusionsError::Content {
                at: Box::new(file),
                why: refusal.message(),
            }));
        }
        Ok(self.conclusions)
    }
}

/// One table being read: its header's columns.
struct Sheet<'g> {
    grid: &'g Grid,
    table: &'g Table,
    /// The 0-based column of each column of the table found in the header.
    columns: HashMap<Col, usize>,
    /// The column of each 0-based position, `None` where the header has none.
    names: Vec<Option<&'static str>>,
    formulas: HashSet<(usize, usize)>,
}

impl Sheet<'_> {
    fn header(&mut self, header: &Row, reader: &mut Reader<'_>) {
        for (index, raw) in &header.cells {
            let index = *index;
            if self.formulas.contains(&(header.number, index)) {
                continue;
            }
            let name = match raw {
                Raw::Text(text) if text.trim().is_empty() => continue,
                Raw::Text(text) => text.trim(),
                other => {
                    let at = place(self.grid, header.number, Some(index), None);
                    reader.push(ConclusionsError::WrongCellType {
                        at,
                        found: cell_type(other),
                    });
                    continue;
                }
            };
            let known = Col::from_name(name).filter(|col| self.table.columns.contains(col));
            let Some(col) = known else {
                let at = place(self.grid, header.number, Some(index), Some(name));
                reader.push(ConclusionsError::UnknownColumn {
                    at,
                    name: name.to_owned(),
                });
                continue;
            };
            if let Some(first) = self.columns.get(&col) {
                let at = place(self.grid, header.number, Some(index), Some(col.name()));
                reader.push(ConclusionsError::DuplicateColumn {
                    at,
                    first: cell_ref(*first, header.number),
                });
                continue;
            }
            self.columns.insert(col, index);
            if let Some(slot) = self.names.get_mut(index) {
                *slot = Some(col.name());
            }
        }
        for col in self.table.required {
            if !self.columns.contains_key(col) {
                let at = place(self.grid, header.number, None, Some(col.name()));
                reader.push(ConclusionsError::MissingColumn { at });
            }
        }
    }

    fn at(&self, row: &Row, col: Col) -> Box<Place> {
        place(
            self.grid,
            row.number,
            self.columns.get(&col).copied(),
            Some(col.name()),
        )
    }

    fn raw<'r>(&self, row: &'r Row, col: Col) -> Value<&'r Raw> {
        let Some(index) = self.columns.get(&col).copied() else {
            return Value::Empty;
        };
        if self.formulas.contains(&(row.number, index)) {
            return Value::Reported;
        }
        match row.get(index) {
            Some(raw) if !raw.is_blank() => Value::Got(raw),
            _ => Value::Empty,
        }
    }

    fn filled(&self, row: &Row, col: Col) -> bool {
        !matches!(self.raw(row, col), Value::Empty)
    }

    /// Text, trimmed; numbers and other types are refused (an id typed as 6.10 would read 6.1).
    fn text(&self, row: &Row, col: Col, reader: &mut Reader<'_>) -> Value<String> {
        match self.raw(row, col) {
            Value::Got(Raw::Text(text)) => Value::Got(text.trim().to_owned()),
            Value::Got(other) => {
                let at = self.at(row, col);
                reader.push(ConclusionsError::WrongCellType {
                    at,
                    found: cell_type(other),
                });
                Value::Reported
            }
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    /// A text of at most `max` characters; empty gives an empty string.
    fn bounded(&self, row: &Row, col: Col, max: usize, reader: &mut Reader<'_>) -> Option<String> {
        match self.text(row, col, reader) {
            Value::Got(text) => {
                let chars = text.chars().count();
                if chars > max {
                    let at = self.at(row, col);
                    reader.push(ConclusionsError::TextTooLong { at, chars, max });
                    None
                } else {
                    Some(text)
                }
            }
            Value::Empty => Some(String::new()),
            Value::Reported => None,
        }
    }

    /// `yes` or `no` in any case, or a boolean cell.
    fn conclusion(&self, row: &Row, col: Col, reader: &mut Reader<'_>) -> Value<bool> {
        match self.raw(row, col) {
            Value::Got(Raw::Bool(value)) => Value::Got(*value),
            Value::Got(Raw::Text(text)) => {
                let text = text.trim();
                if text.eq_ignore_ascii_case(YES) {
                    Value::Got(true)
                } else if text.eq_ignore_ascii_case(NO) {
                    Value::Got(false)
                } else {
                    let at = self.at(row, col);
                    reader.push(ConclusionsError::UnknownConclusion {
                        at,
                        value: text.to_owned(),
                    });
                    Value::Reported
                }
            }
            Value::Got(other) => {
                let at = self.at(row, col);
                reader.push(ConclusionsError::WrongCellType {
                    at,
                    found: cell_type(other),
                });
                Value::Reported
            }
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    fn row(&self, row: &Row, reader: &mut Reader<'_>) {
        for (index, raw) in &row.cells {
            let named = self.names.get(*index).copied().flatten().is_some();
            if !named && !raw.is_blank() && !self.formulas.contains(&(row.number, *index)) {
                let at = place(self.grid, row.number, Some(*index), None);
                reader.push(ConclusionsError::ValueWithoutColumn { at });
            }
        }
        let kind = match self.text(row, Col::Part, reader) {
            Value::Got(code) => match RowKind::from_code(&code) {
                Some(kind) if self.table.kinds.contains(&kind) => kind,
                _ => {
                    let at = self.at(row, Col::Part);
                    reader.push(self.unknown_part(at, &code));
                    return;
                }
            },
            Value::Empty => match self.table.default {
                Some(kind) => kind,
                None => {
                    let at = self.at(row, Col::Part);
                    reader.push(self.unknown_part(at, ""));
                    return;
                }
            },
            Value::Reported => return,
        };
        if self.filled(row, kind.foreign()) {
            let at = self.at(row, kind.foreign());
            reader.push(ConclusionsError::NotApplicable {
                at,
                kind: kind.code(),
            });
        }
        reader
            .places
            .entry(kind.code())
            .or_insert_with(|| *self.grid.place());
        let id = self.id(row, kind, reader);
        let conclusion = self.conclusion(row, kind.conclusion(), reader);
        let reason_ja = self.bounded(row, Col::ReasonJa, MAX_TEXT_CHARS, reader);
        let reason_en = self.bounded(row, Col::ReasonEn, MAX_TEXT_CHARS, reader);
        let concluded = match conclusion {
            Value::Got(concluded) => concluded,
            Value::Empty => {
                for col in [Col::ReasonJa, Col::ReasonEn] {
                    if self.filled(row, col) {
                        let at = self.at(row, col);
                        reader.push(ConclusionsError::ReasonWithoutConclusion {
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
        let (Some(ja), Some(en)) = (reason_ja, reason_en) else {
            return;
        };
        if ja.is_empty() && en.is_empty() {
            let col = if self.columns.contains_key(&Col::ReasonJa) {
                Col::ReasonJa
            } else {
                Col::ReasonEn
            };
            let at = self.at(row, col);
            reader.push(ConclusionsError::ReasonMissing { at });
            return;
        }
        let Some(id) = id else { return };
        let reason = Bilingual::new(ja, en);
        match kind {
            RowKind::Objective => reader.conclusions.objectives.push(ObjectiveConclusion {
                objective: id,
                effective: concluded,
                reason,
            }),
            RowKind::Control => reader.conclusions.controls.push(ControlConclusion {
                control: id,
                conformant: concluded,
                reason,
            }),
        }
    }

    fn unknown_part(&self, at: Box<Place>, value: &str) -> ConclusionsError {
        ConclusionsError::UnknownPart {
            at,
            value: value.to_owned(),
            allowed: self.table.kinds.iter().map(|k| k.code()).collect(),
        }
    }

    /// The row's id: present, known to the criteria, selected by the statement, and once.
    fn id(&self, row: &Row, kind: RowKind, reader: &mut Reader<'_>) -> Option<String> {
        let id = match self.text(row, Col::Id, reader) {
            Value::Got(id) => id,
            Value::Empty => {
                let at = self.at(row, Col::Id);
                reader.push(ConclusionsError::Required {
                    at,
                    kind: kind.code(),
                });
                return None;
            }
            Value::Reported => return None,
        };
        let (known, selected, seen) = match kind {
            RowKind::Objective => (
                reader.known_objectives.contains(id.as_str()),
                reader.selected_objectives.contains(id.as_str()),
                &reader.objectives_seen,
            ),
            RowKind::Control => (
                reader.known_controls.contains(id.as_str()),
                reader.selected_controls.contains(id.as_str()),
                &reader.controls_seen,
            ),
        };
        if let Some((first_sheet, first_row)) = seen.get(&id) {
            let problem = ConclusionsError::Duplicate {
                at: self.at(row, Col::Id),
                id: id.clone(),
                first_sheet: first_sheet.clone(),
                first_row: *first_row,
            };
            reader.push(problem);
            return None;
        }
        let first = (self.grid.sheet.clone(), row.number);
        match kind {
            RowKind::Objective => reader.objectives_seen.insert(id.clone(), first),
            RowKind::Control => reader.controls_seen.insert(id.clone(), first),
        };
        if !known {
            let at = self.at(row, Col::Id);
            let version = reader.audited.criteria.version.clone();
            reader.push(ConclusionsError::Unknown {
                at,
                id,
                kind: kind.code(),
                version,
            });
            return None;
        }
        if !selected {
            let at = self.at(row, Col::Id);
            reader.push(ConclusionsError::NotSelected {
                at,
                id,
                kind: kind.code(),
            });
            return None;
        }
        Some(id)
    }
}

fn cell_type(raw: &Raw) -> CellType {
    match raw {
        Raw::Int(_) | Raw::Float(_) => CellType::Number,
        Raw::Bool(_) => CellType::Boolean,
        Raw::Other(found) => *found,
        // Text is never the wrong type.
        Raw::Text(_) => CellType::Error,
    }
}
