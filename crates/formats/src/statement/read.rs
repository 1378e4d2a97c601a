//! Reading a statement from its spreadsheet: every sheet (or the one CSV table) row by row,
//! collecting every problem with its place, and giving the statement only when there is none.
//!
//! Rules, beyond the columns each kind of row uses ([`RowKind::use_of`]):
//! - one statement row, with a criteria version id and a target level 1–3;
//! - an item row with an empty `status` is not answered, and then has no description either;
//! - a control row with an empty `choice` is not answered, and then has no other answer;
//!   `selected` needs a `responsibility` and takes no exclusion reason; `excluded` needs a reason
//!   in at least one language and takes nothing else;
//! - an id is answered once; with criteria to check against, it must be an item or control of
//!   the row's part, and the criteria version must be theirs;
//! - texts and lists keep to the statement's bounds (the domain's `MAX_TEXT_CHARS`,
//!   `MAX_TECHNOLOGIES`, …); technologies are one a line.
//!
//! Text is trimmed of surrounding white space; codes are read without regard to case. Formulas
//! are refused, as in the criteria tables: the file must hold values.

use std::collections::{HashMap, HashSet};

use shinrai_domain::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use shinrai_domain::criteria::{CriteriaVersion, Part, is_valid_version_id};
use shinrai_domain::level::Level;
use shinrai_domain::registration::MAX_CONTROLS;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, MAX_DOCUMENTS, MAX_TECHNOLOGIES,
    Responsibility, SelectedControl,
};

use super::StatementFile;
use super::columns::{Col, RowKind, Use, cell_ref};
use super::error::{StatementError, StatementErrors};
use super::layout::{CSV_TABLE, SHEETS, Table};
use crate::table::{CellType, Grid, Place, Raw, Row, csv_grid, sheet_grid};
use crate::workbook::{self, limits::MAX_PROBLEMS};

/// The choices of a control row.
pub(crate) const SELECTED: &str = "selected";
pub(crate) const EXCLUDED: &str = "excluded";

/// Reads a statement from XLSX bytes named `name` in messages. With `criteria`, ids are checked
/// against it.
pub fn read_xlsx(
    name: &str,
    bytes: &[u8],
    criteria: Option<&CriteriaVersion>,
) -> Result<StatementFile, StatementErrors> {
    let mut workbook = workbook::open(name, bytes).map_err(StatementError::Table)?;
    let names = workbook.sheet_names();
    let mut reader = Reader::new(name, criteria);
    for table in SHEETS {
        let Some(sheet) = table.sheet else { continue };
        if !names.iter().any(|present| present == sheet) {
            if table.needed {
                reader.push(StatementError::MissingSheet {
                    at: Box::new(file_place(name)),
                    sheet,
                    sheets: names.clone(),
                });
            }
            continue;
        }
        let read = workbook.read_sheet(sheet).map_err(StatementError::Table)?;
        reader.table(&sheet_grid(name, read), &table);
    }
    reader.finish()
}

/// Reads a statement from CSV bytes (UTF-8, with or without a byte order mark) named `name`.
pub fn read_csv(
    name: &str,
    bytes: &[u8],
    criteria: Option<&CriteriaVersion>,
) -> Result<StatementFile, StatementErrors> {
    let grid = csv_grid(name, bytes).map_err(|e| StatementError::Table(e.into_first()))?;
    let mut reader = Reader::new(name, criteria);
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

/// What reading one cell gave.
enum Value<T> {
    Empty,
    Got(T),
    /// Something was wrong and is already among the problems.
    Reported,
}

/// Where an id was first answered: its sheet and row.
type Seen = HashMap<String, (Option<String>, usize)>;

struct Reader<'c> {
    file: String,
    criteria: Option<&'c CriteriaVersion>,
    parts: HashMap<&'c str, Part>,
    problems: Vec<StatementError>,
    omitted: usize,
    head: Option<(String, Level)>,
    head_row: Option<usize>,
    governance: Vec<ItemAnswer>,
    management: Vec<ItemAnswer>,
    selected: Vec<SelectedControl>,
    excluded: Vec<ExcludedControl>,
    documents: Vec<DocumentReference>,
    items_seen: Seen,
    controls_seen: Seen,
    /// Where the rows of each kind are, for bounds on their number.
    places: HashMap<&'static str, Place>,
}

impl<'c> Reader<'c> {
    fn new(file: &str, criteria: Option<&'c CriteriaVersion>) -> Reader<'c> {
        Reader {
            file: file.to_owned(),
            criteria,
            parts: criteria
                .map(|c| c.controls.iter().map(|x| (x.id.as_str(), x.part)).collect())
                .unwrap_or_default(),
            problems: Vec::new(),
            omitted: 0,
            head: None,
            head_row: None,
            governance: Vec::new(),
            management: Vec::new(),
            selected: Vec::new(),
            excluded: Vec::new(),
            documents: Vec::new(),
            items_seen: HashMap::new(),
            controls_seen: HashMap::new(),
            places: HashMap::new(),
        }
    }

    fn push(&mut self, problem: StatementError) {
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
            if table.needed {
                self.push(StatementError::Empty { at: grid.place() });
            }
            for (row, column, formula) in &grid.formulas {
                let at = place(grid, *row, Some(*column), None);
                self.push(StatementError::Formula {
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
            self.push(StatementError::Formula {
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

    fn finish(mut self) -> Result<StatementFile, StatementErrors> {
        let file = file_place(&self.file);
        let bounds = [
            ("governance", self.governance.len(), MAX_CONTROLS),
            ("management", self.management.len(), MAX_CONTROLS),
            (SELECTED, self.selected.len(), MAX_CONTROLS),
            (EXCLUDED, self.excluded.len(), MAX_CONTROLS),
            ("document", self.documents.len(), MAX_DOCUMENTS),
        ];
        for (kind, count, max) in bounds {
            if count > max {
                let rows = if matches!(kind, SELECTED | EXCLUDED) {
                    "control"
                } else {
                    kind
                };
                let at = Box::new(self.places.get(rows).cloned().unwrap_or(file.clone()));
                self.push(StatementError::TooMany {
                    at,
                    kind,
                    count,
                    max,
                });
            }
        }
        if self.head.is_none() && self.head_row.is_none() {
            self.push(StatementError::NoStatementRow {
                at: Box::new(file.clone()),
            });
        }
        if let Some(problems) = StatementErrors::new(self.problems, self.omitted) {
            return Err(problems);
        }
        let Some((criteria_version, target_level)) = self.head else {
            return Err(StatementErrors::one(StatementError::NoStatementRow {
                at: Box::new(file),
            }));
        };
        let statement = StatementFile {
            criteria_version,
            target_level,
            governance: self.governance,
            management: self.management,
            selected: self.selected,
            excluded: self.excluded,
            documents: self.documents,
        };
        // Every rule of the content was checked above with its place; this catches one that
        // the domain adds later, so nothing it would refuse gets through.
        if let Some(criteria) = self.criteria
            && let Err(refusal) = statement.content().check(criteria)
        {
            return Err(StatementErrors::one(StatementError::Content {
                at: Box::new(file),
                why: refusal.message(),
            }));
        }
        Ok(statement)
    }
}

fn place(grid: &Grid, row: usize, column: Option<usize>, name: Option<&str>) -> Box<Place> {
    let mut at = grid.place();
    at.row = Some(row);
    at.column = name.map(str::to_owned);
    at.cell = column.map(|column| cell_ref(column, row));
    at
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
                    reader.push(StatementError::WrongCellType {
                        at,
                        found: cell_type(other),
                    });
                    continue;
                }
            };
            let known = Col::from_name(name).filter(|col| self.table.columns.contains(col));
            let Some(col) = known else {
                let at = place(self.grid, header.number, Some(index), Some(name));
                reader.push(StatementError::UnknownColumn {
                    at,
                    name: name.to_owned(),
                });
                continue;
            };
            if let Some(first) = self.columns.get(&col) {
                let at = place(self.grid, header.number, Some(index), Some(col.name()));
                reader.push(StatementError::DuplicateColumn {
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
                reader.push(StatementError::MissingColumn { at });
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
                reader.push(StatementError::WrongCellType {
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
                    reader.push(StatementError::TextTooLong { at, chars, max });
                    None
                } else {
                    Some(text)
                }
            }
            Value::Empty => Some(String::new()),
            Value::Reported => None,
        }
    }

    fn bilingual(
        &self,
        row: &Row,
        (ja, en): (Col, Col),
        max: usize,
        reader: &mut Reader<'_>,
    ) -> Option<Bilingual> {
        let ja = self.bounded(row, ja, max, reader);
        let en = self.bounded(row, en, max, reader);
        Some(Bilingual::new(ja?, en?))
    }

    /// A code, compared without case.
    fn code<T>(
        &self,
        row: &Row,
        col: Col,
        decode: impl Fn(&str) -> Option<T>,
        problem: fn(Box<Place>, String) -> StatementError,
        reader: &mut Reader<'_>,
    ) -> Value<T> {
        match self.text(row, col, reader) {
            Value::Got(text) => match decode(&text.to_ascii_lowercase()) {
                Some(value) => Value::Got(value),
                None => {
                    let at = self.at(row, col);
                    reader.push(problem(at, text));
                    Value::Reported
                }
            },
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    fn required<T>(
        &self,
        row: &Row,
        col: Col,
        kind: RowKind,
        value: Value<T>,
        reader: &mut Reader<'_>,
    ) -> Option<T> {
        match value {
            Value::Got(value) => Some(value),
            Value::Empty => {
                let at = self.at(row, col);
                reader.push(StatementError::Required {
                    at,
                    kind: kind.code(),
                });
                None
            }
            Value::Reported => None,
        }
    }

    fn row(&self, row: &Row, reader: &mut Reader<'_>) {
        for (index, raw) in &row.cells {
            let named = self.names.get(*index).copied().flatten().is_some();
            if !named && !raw.is_blank() && !self.formulas.contains(&(row.number, *index)) {
                let at = place(self.grid, row.number, Some(*index), None);
                reader.push(StatementError::ValueWithoutColumn { at });
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
        for col in Col::ALL {
            if kind.use_of(col) == Use::Unused && self.filled(row, col) {
                let at = self.at(row, col);
                reader.push(StatementError::NotApplicable {
                    at,
                    kind: kind.code(),
                });
            }
        }
        reader
            .places
            .entry(kind.code())
            .or_insert_with(|| *self.grid.place());
        match kind {
            RowKind::Statement => self.statement(row, reader),
            RowKind::Governance => self.item(row, Part::Governance, reader),
            RowKind::Management => self.item(row, Part::Management, reader),
            RowKind::Control => self.control(row, reader),
            RowKind::Document => self.document(row, reader),
        }
    }

    fn unknown_part(&self, at: Box<Place>, value: &str) -> StatementError {
        StatementError::UnknownPart {
            at,
            value: value.to_owned(),
            allowed: self.table.kinds.iter().map(|k| k.code()).collect(),
        }
    }

    fn statement(&self, row: &Row, reader: &mut Reader<'_>) {
        let kind = RowKind::Statement;
        if let Some(first_row) = reader.head_row {
            let at = self.at(row, Col::Part);
            reader.push(StatementError::ExtraStatementRow { at, first_row });
            return;
        }
        reader.head_row = Some(row.number);
        let version = match self.text(row, Col::CriteriaVersion, reader) {
            Value::Got(id) if !is_valid_version_id(&id) => {
                let at = self.at(row, Col::CriteriaVersion);
                reader.push(StatementError::BadVersionId { at, value: id });
                Value::Reported
            }
            other => other,
        };
        let version = self.required(row, Col::CriteriaVersion, kind, version, reader);
        if let (Some(version), Some(criteria)) = (&version, reader.criteria)
            && *version != criteria.version
        {
            let at = self.at(row, Col::CriteriaVersion);
            reader.push(StatementError::OtherCriteria {
                at,
                given: version.clone(),
                expected: criteria.version.clone(),
            });
        }
        let level = self.level(row, Col::TargetLevel, reader);
        let level = self.required(row, Col::TargetLevel, kind, level, reader);
        if let (Some(version), Some(level)) = (version, level) {
            reader.head = Some((version, level));
        }
    }

    /// 1, 2 or 3: a number cell (2 or 2.0) or text.
    fn level(&self, row: &Row, col: Col, reader: &mut Reader<'_>) -> Value<Level> {
        let (level, shown) = match self.raw(row, col) {
            Value::Got(Raw::Int(value)) => (
                u8::try_from(*value).ok().and_then(Level::new),
                value.to_string(),
            ),
            Value::Got(Raw::Float(value)) => (
                Level::ALL
                    .into_iter()
                    .find(|level| f64::from(level.get()) == *value),
                value.to_string(),
            ),
            Value::Got(Raw::Text(text)) => {
                let text = text.trim();
                (text.parse().ok().and_then(Level::new), text.to_owned())
            }
            Value::Got(other) => {
                let at = self.at(row, col);
                reader.push(StatementError::WrongCellType {
                    at,
                    found: cell_type(other),
                });
                return Value::Reported;
            }
            Value::Empty => return Value::Empty,
            Value::Reported => return Value::Reported,
        };
        match level {
            Some(level) => Value::Got(level),
            None => {
                let at = self.at(row, col);
                reader.push(StatementError::BadLevel { at, value: shown });
                Value::Reported
            }
        }
    }

    /// The row's id, once per id in `seen`, and of `part` in the criteria when there are some.
    fn id(&self, row: &Row, kind: RowKind, part: Part, reader: &mut Reader<'_>) -> Option<String> {
        let id = self.text(row, Col::Id, reader);
        let id = self.required(row, Col::Id, kind, id, reader)?;
        if let Some(criteria) = reader.criteria
            && reader.parts.get(id.as_str()) != Some(&part)
        {
            let at = self.at(row, Col::Id);
            reader.push(StatementError::Unknown {
                at,
                id: id.clone(),
                part,
                version: criteria.version.clone(),
            });
        }
        let seen = if part == Part::Control {
            &mut reader.controls_seen
        } else {
            &mut reader.items_seen
        };
        match seen.get(&id) {
            Some((first_sheet, first_row)) => {
                let problem = StatementError::Duplicate {
                    at: self.at(row, Col::Id),
                    id: id.clone(),
                    first_sheet: first_sheet.clone(),
                    first_row: *first_row,
                };
                reader.push(problem);
                None
            }
            None => {
                seen.insert(id.clone(), (self.grid.sheet.clone(), row.number));
                Some(id)
            }
        }
    }

    fn item(&self, row: &Row, part: Part, reader: &mut Reader<'_>) {
        let kind = if part == Part::Governance {
            RowKind::Governance
        } else {
            RowKind::Management
        };
        let id = self.id(row, kind, part, reader);
        let status = self.code(
            row,
            Col::Status,
            ItemStatus::from_code,
            |at, value| StatementError::UnknownStatus { at, value },
            reader,
        );
        let description = self.bilingual(
            row,
            (Col::DescriptionJa, Col::DescriptionEn),
            MAX_TEXT_CHARS,
            reader,
        );
        let status = match status {
            Value::Got(status) => status,
            Value::Empty => {
                for col in [Col::DescriptionJa, Col::DescriptionEn] {
                    if self.filled(row, col) {
                        let at = self.at(row, col);
                        reader.push(StatementError::AnswerWithoutChoice {
                            at,
                            choice: "status",
                        });
                        break;
                    }
                }
                return;
            }
            Value::Reported => return,
        };
        if let (Some(item), Some(description)) = (id, description) {
            let answer = ItemAnswer {
                item,
                status,
                description,
            };
            match part {
                Part::Governance => reader.governance.push(answer),
                _ => reader.management.push(answer),
            }
        }
    }

    fn control(&self, row: &Row, reader: &mut Reader<'_>) {
        let kind = RowKind::Control;
        let id = self.id(row, kind, Part::Control, reader);
        let choice = self.code(
            row,
            Col::Choice,
            |code| [SELECTED, EXCLUDED].into_iter().find(|c| *c == code),
            |at, value| StatementError::UnknownChoice { at, value },
            reader,
        );
        const SELECTED_ONLY: [Col; 6] = [
            Col::Responsibility,
            Col::Technologies,
            Col::RationaleJa,
            Col::RationaleEn,
            Col::IndividualControlJa,
            Col::IndividualControlEn,
        ];
        const EXCLUDED_ONLY: [Col; 2] = [Col::ExclusionReasonJa, Col::ExclusionReasonEn];
        let choice = match choice {
            Value::Got(choice) => choice,
            Value::Empty => {
                let answered = SELECTED_ONLY
                    .into_iter()
                    .chain(EXCLUDED_ONLY)
                    .find(|col| self.filled(row, *col));
                if let Some(col) = answered {
                    let at = self.at(row, col);
                    reader.push(StatementError::AnswerWithoutChoice {
                        at,
                        choice: "choice",
                    });
                }
                return;
            }
            Value::Reported => return,
        };
        let (others, wanted): (&[Col], _) = if choice == SELECTED {
            (&EXCLUDED_ONLY, SELECTED)
        } else {
            (&SELECTED_ONLY, EXCLUDED)
        };
        for col in others {
            if self.filled(row, *col) {
                let at = self.at(row, *col);
                reader.push(StatementError::NotForChoice { at, choice: wanted });
            }
        }
        if choice == SELECTED {
            let responsibility = self.code(
                row,
                Col::Responsibility,
                Responsibility::from_code,
                |at, value| StatementError::UnknownResponsibility { at, value },
                reader,
            );
            let responsibility =
                self.required(row, Col::Responsibility, kind, responsibility, reader);
            let technologies = self.technologies(row, reader);
            let individual_control = self.bilingual(
                row,
                (Col::IndividualControlJa, Col::IndividualControlEn),
                MAX_TEXT_CHARS,
                reader,
            );
            let rationale = self.bilingual(
                row,
                (Col::RationaleJa, Col::RationaleEn),
                MAX_TEXT_CHARS,
                reader,
            );
            if let (Some(control), Some(responsibility), Some(technologies)) =
                (id, responsibility, technologies)
                && let (Some(individual_control), Some(rationale)) = (individual_control, rationale)
            {
                reader.selected.push(SelectedControl {
                    control,
                    individual_control,
                    responsibility,
                    technologies,
                    rationale,
                });
            }
        } else {
            let reason = self.bilingual(
                row,
                (Col::ExclusionReasonJa, Col::ExclusionReasonEn),
                MAX_TEXT_CHARS,
                reader,
            );
            if reason
                .as_ref()
                .is_some_and(|r| r.ja.is_empty() && r.en.is_empty())
            {
                let col = if self.columns.contains_key(&Col::ExclusionReasonJa) {
                    Col::ExclusionReasonJa
                } else {
                    Col::ExclusionReasonEn
                };
                let at = self.at(row, col);
                reader.push(StatementError::ExclusionWithoutReason { at });
                return;
            }
            if let (Some(control), Some(reason)) = (id, reason) {
                reader.excluded.push(ExcludedControl { control, reason });
            }
        }
    }

    /// One technology a line, blank lines skipped.
    fn technologies(&self, row: &Row, reader: &mut Reader<'_>) -> Option<Vec<String>> {
        let cell = match self.text(row, Col::Technologies, reader) {
            Value::Got(text) => text,
            Value::Empty => return Some(Vec::new()),
            Value::Reported => return None,
        };
        let mut technologies: Vec<String> = Vec::new();
        let mut ok = true;
        for line in cell.lines().map(str::trim).filter(|line| !line.is_empty()) {
            if line.chars().count() > MAX_NAME_CHARS {
                let at = self.at(row, Col::Technologies);
                reader.push(StatementError::BadTechnology {
                    at,
                    max: MAX_NAME_CHARS,
                });
                ok = false;
            } else if technologies.iter().any(|known| known == line) {
                let at = self.at(row, Col::Technologies);
                reader.push(StatementError::DuplicateTechnology {
                    at,
                    technology: line.to_owned(),
                });
                ok = false;
            } else {
                technologies.push(line.to_owned());
            }
        }
        if technologies.len() > MAX_TECHNOLOGIES {
            let at = self.at(row, Col::Technologies);
            reader.push(StatementError::TooManyTechnologies {
                at,
                count: technologies.len(),
                max: MAX_TECHNOLOGIES,
            });
            ok = false;
        }
        ok.then_some(technologies)
    }

    fn document(&self, row: &Row, reader: &mut Reader<'_>) {
        let title = self.bilingual(row, (Col::TitleJa, Col::TitleEn), MAX_NAME_CHARS, reader);
        let location = self.bounded(row, Col::Location, MAX_TEXT_CHARS, reader);
        let Some(title) = title else { return };
        if title.ja.is_empty() && title.en.is_empty() {
            let col = if self.columns.contains_key(&Col::TitleJa) {
                Col::TitleJa
            } else {
                Col::TitleEn
            };
            let at = self.at(row, col);
            reader.push(StatementError::DocumentWithoutTitle { at });
            return;
        }
        if let Some(location) = location {
            reader.documents.push(DocumentReference { title, location });
        }
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
