//! Reading a form: every sheet (or the one CSV table) row by row, its header and its cells,
//! collecting every problem with its place. What a row means is the form's own
//! ([`RowReader`]); this reads the header, checks each row's `part` and the columns its kind
//! leaves empty, and gives the form the row's cells.
//!
//! Text is trimmed of surrounding white space. Formulas are refused, as in the criteria tables:
//! the file must hold values.

use std::collections::{HashMap, HashSet};

use shinrai_domain::text::Bilingual;

use super::error::{FormError, FormErrors, FormProblem, Problems};
use super::{Column, Kind, Layout, Table};
use crate::table::{CellType, Grid, Place, Raw, Row, cell_ref, csv_grid, sheet_grid};
use crate::workbook;

/// What reading one cell gave.
pub(crate) enum Value<T> {
    Empty,
    Got(T),
    /// Something was wrong and is already among the problems.
    Reported,
}

/// What a form makes of its rows.
pub(crate) trait RowReader {
    type Kind: Kind;
    type Problem: FormProblem;

    /// Reads one row of `kind`, whose `part` and the columns its kind leaves empty are checked
    /// already.
    fn row(
        &mut self,
        cells: &Cells<'_, Self::Kind>,
        row: &Row,
        kind: Self::Kind,
        reading: &mut Reading<Self::Problem>,
    );
}

/// Reads the sheets of `layout` from XLSX bytes named `name` in messages; a sheet the layout
/// needs and the workbook lacks is a problem. The error is a workbook that cannot be read at
/// all; every other problem is in the [`Reading`].
pub(crate) fn read_xlsx<R: RowReader>(
    name: &str,
    bytes: &[u8],
    layout: &Layout<R::Kind>,
    form: &mut R,
) -> Result<Reading<R::Problem>, FormErrors<R::Problem>> {
    let mut workbook = workbook::open(name, bytes).map_err(FormError::Table)?;
    let names = workbook.sheet_names();
    let mut reading = Reading::new(name);
    for table in layout.sheets {
        let Some(sheet) = table.sheet else { continue };
        if !names.iter().any(|present| present == sheet) {
            if table.needed {
                reading.push(FormError::MissingSheet {
                    at: Place::file(name),
                    sheet,
                    sheets: names.clone(),
                });
            }
            continue;
        }
        let read = workbook.read_sheet(sheet).map_err(FormError::Table)?;
        read_table(&sheet_grid(name, read), table, form, &mut reading);
    }
    Ok(reading)
}

/// Reads the CSV table of `layout` from bytes (UTF-8, with or without a byte order mark)
/// named `name`, as [`read_xlsx`] reads sheets.
pub(crate) fn read_csv<R: RowReader>(
    name: &str,
    bytes: &[u8],
    layout: &Layout<R::Kind>,
    form: &mut R,
) -> Result<Reading<R::Problem>, FormErrors<R::Problem>> {
    let grid = csv_grid(name, bytes).map_err(|e| FormError::Table(e.into_first()))?;
    let mut reading = Reading::new(name);
    read_table(&grid, &layout.csv, form, &mut reading);
    Ok(reading)
}

/// A file being read: the problems found so far and where the rows of each kind are.
pub(crate) struct Reading<P> {
    file: String,
    problems: Problems<P>,
    /// The first sheet (or the file) holding rows of each kind, for bounds on their number.
    places: HashMap<&'static str, Place>,
}

impl<P: FormProblem> Reading<P> {
    fn new(file: &str) -> Reading<P> {
        Reading {
            file: file.to_owned(),
            problems: Problems::new(),
            places: HashMap::new(),
        }
    }

    pub(crate) fn push(&mut self, problem: impl Into<FormError<P>>) {
        self.problems.push(problem);
    }

    /// The whole file, for problems of no one row.
    pub(crate) fn file_place(&self) -> Box<Place> {
        Place::file(&self.file)
    }

    /// Where the rows of `kind` are: their first sheet, or the file.
    pub(crate) fn rows_place(&self, kind: &str) -> Box<Place> {
        self.places
            .get(kind)
            .map_or_else(|| self.file_place(), |place| Box::new(place.clone()))
    }

    /// Every problem found, sorted by the sheets of `layout`; `Ok` when there is none.
    pub(crate) fn finish<K: Kind>(self, layout: &Layout<K>) -> Result<(), FormErrors<P>> {
        match self.problems.sorted(&layout.sheet_names()) {
            Some(problems) => Err(problems),
            None => Ok(()),
        }
    }
}

fn read_table<R: RowReader>(
    grid: &Grid,
    table: &Table<R::Kind>,
    form: &mut R,
    reading: &mut Reading<R::Problem>,
) {
    let formulas = grid.formula_cells();
    let formula_rows = grid.formula_rows();
    let blank = |row: &Row| {
        row.cells.iter().all(|(_, raw)| raw.is_blank()) && !formula_rows.contains(&row.number)
    };
    let Some(header) = grid.rows.iter().find(|row| !blank(row)) else {
        if table.needed {
            reading.push(FormError::Empty { at: grid.place() });
        }
        for (row, column, formula) in &grid.formulas {
            let at = place(grid, *row, Some(*column), None);
            reading.push(FormError::Formula {
                at,
                formula: formula.clone(),
            });
        }
        return;
    };
    let mut cells = Cells {
        grid,
        table,
        columns: HashMap::new(),
        names: vec![None; header.width()],
        formulas,
    };
    let before = reading.problems.found();
    cells.header(header, reading);
    let header_ok = reading.problems.found() == before && !formula_rows.contains(&header.number);
    for (row, column, formula) in &grid.formulas {
        let name = cells.names.get(*column).copied().flatten();
        let at = place(grid, *row, Some(*column), name);
        reading.push(FormError::Formula {
            at,
            formula: formula.clone(),
        });
    }
    if !header_ok {
        return;
    }
    for row in grid.rows.iter().filter(|row| row.number > header.number) {
        if !blank(row)
            && let Some(kind) = cells.kind(row, reading)
        {
            form.row(&cells, row, kind, reading);
        }
    }
}

fn place(grid: &Grid, row: usize, column: Option<usize>, name: Option<&str>) -> Box<Place> {
    let mut at = grid.place();
    at.row = Some(row);
    at.column = name.map(str::to_owned);
    at.cell = column.map(|column| cell_ref(column, row));
    at
}

/// One table being read: where its header put each column.
pub(crate) struct Cells<'g, K: Kind> {
    grid: &'g Grid,
    table: &'g Table<K>,
    /// The 0-based column of each column of the table found in the header.
    columns: HashMap<K::Col, usize>,
    /// The column of each 0-based position, `None` where the header has none.
    names: Vec<Option<&'static str>>,
    formulas: HashSet<(usize, usize)>,
}

impl<K: Kind> Cells<'_, K> {
    fn header<P: FormProblem>(&mut self, header: &Row, reading: &mut Reading<P>) {
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
                    reading.push(FormError::WrongCellType {
                        at,
                        found: cell_type(other),
                    });
                    continue;
                }
            };
            let known = K::Col::from_name(name).filter(|col| self.table.columns.contains(col));
            let Some(col) = known else {
                let at = place(self.grid, header.number, Some(index), Some(name));
                reading.push(FormError::UnknownColumn {
                    at,
                    name: name.to_owned(),
                });
                continue;
            };
            if let Some(first) = self.columns.get(&col) {
                let at = place(self.grid, header.number, Some(index), Some(col.name()));
                reading.push(FormError::DuplicateColumn {
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
                reading.push(FormError::MissingColumn { at });
            }
        }
    }

    /// The row's kind, with its cells under no header and in columns the kind leaves empty
    /// checked; `None` when the `part` is wrong.
    fn kind<P: FormProblem>(&self, row: &Row, reading: &mut Reading<P>) -> Option<K> {
        for (index, raw) in &row.cells {
            let named = self.names.get(*index).copied().flatten().is_some();
            if !named && !raw.is_blank() && !self.formulas.contains(&(row.number, *index)) {
                let at = place(self.grid, row.number, Some(*index), None);
                reading.push(FormError::ValueWithoutColumn { at });
            }
        }
        let part = K::Col::PART;
        let kind = match self.text(row, part, reading) {
            Value::Got(code) => match K::from_code(&code) {
                Some(kind) if self.table.kinds.contains(&kind) => kind,
                _ => {
                    reading.push(self.unknown_part(self.at(row, part), &code));
                    return None;
                }
            },
            Value::Empty => match self.table.default {
                Some(kind) => kind,
                None => {
                    reading.push(self.unknown_part(self.at(row, part), ""));
                    return None;
                }
            },
            Value::Reported => return None,
        };
        for col in K::Col::EVERY {
            if kind.leaves_empty(*col) && self.filled(row, *col) {
                let at = self.at(row, *col);
                reading.push(FormError::NotApplicable {
                    at,
                    kind: kind.code(),
                });
            }
        }
        reading
            .places
            .entry(kind.code())
            .or_insert_with(|| *self.grid.place());
        Some(kind)
    }

    fn unknown_part<P>(&self, at: Box<Place>, value: &str) -> FormError<P> {
        FormError::UnknownPart {
            at,
            value: value.to_owned(),
            allowed: self.table.kinds.iter().map(|k| k.code()).collect(),
        }
    }

    /// The sheet being read; `None` for a CSV file.
    pub(crate) fn sheet(&self) -> Option<String> {
        self.grid.sheet.clone()
    }

    /// Whether the header has `col`.
    pub(crate) fn has(&self, col: K::Col) -> bool {
        self.columns.contains_key(&col)
    }

    /// Of a pair of columns in two languages, the one to place a problem of both at: the
    /// Japanese one when the header has it.
    pub(crate) fn either(&self, ja: K::Col, en: K::Col) -> K::Col {
        if self.has(ja) { ja } else { en }
    }

    pub(crate) fn at(&self, row: &Row, col: K::Col) -> Box<Place> {
        place(
            self.grid,
            row.number,
            self.columns.get(&col).copied(),
            Some(col.name()),
        )
    }

    pub(crate) fn raw<'r>(&self, row: &'r Row, col: K::Col) -> Value<&'r Raw> {
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

    pub(crate) fn filled(&self, row: &Row, col: K::Col) -> bool {
        !matches!(self.raw(row, col), Value::Empty)
    }

    /// Reports `raw` as a cell of a type `col` does not take.
    pub(crate) fn wrong_type<T, P: FormProblem>(
        &self,
        row: &Row,
        col: K::Col,
        raw: &Raw,
        reading: &mut Reading<P>,
    ) -> Value<T> {
        let at = self.at(row, col);
        reading.push(FormError::WrongCellType {
            at,
            found: cell_type(raw),
        });
        Value::Reported
    }

    /// Text, trimmed; numbers and other types are refused (an id typed as 6.10 would read 6.1).
    pub(crate) fn text<P: FormProblem>(
        &self,
        row: &Row,
        col: K::Col,
        reading: &mut Reading<P>,
    ) -> Value<String> {
        match self.raw(row, col) {
            Value::Got(Raw::Text(text)) => Value::Got(text.trim().to_owned()),
            Value::Got(other) => self.wrong_type(row, col, other, reading),
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    /// A text of at most `max` characters; empty gives an empty string.
    pub(crate) fn bounded<P: FormProblem>(
        &self,
        row: &Row,
        col: K::Col,
        max: usize,
        reading: &mut Reading<P>,
    ) -> Option<String> {
        match self.text(row, col, reading) {
            Value::Got(text) => {
                let chars = text.chars().count();
                if chars > max {
                    let at = self.at(row, col);
                    reading.push(FormError::TextTooLong { at, chars, max });
                    None
                } else {
                    Some(text)
                }
            }
            Value::Empty => Some(String::new()),
            Value::Reported => None,
        }
    }

    /// A text in both languages, each of at most `max` characters.
    pub(crate) fn bilingual<P: FormProblem>(
        &self,
        row: &Row,
        (ja, en): (K::Col, K::Col),
        max: usize,
        reading: &mut Reading<P>,
    ) -> Option<Bilingual> {
        let ja = self.bounded(row, ja, max, reading);
        let en = self.bounded(row, en, max, reading);
        Some(Bilingual::new(ja?, en?))
    }

    /// A code, compared without case; `problem` says what an unknown one is.
    pub(crate) fn code<T, P: FormProblem>(
        &self,
        row: &Row,
        col: K::Col,
        decode: impl Fn(&str) -> Option<T>,
        problem: fn(Box<Place>, String) -> P,
        reading: &mut Reading<P>,
    ) -> Value<T> {
        match self.text(row, col, reading) {
            Value::Got(text) => match decode(&text.to_ascii_lowercase()) {
                Some(value) => Value::Got(value),
                None => {
                    let at = self.at(row, col);
                    reading.push(problem(at, text));
                    Value::Reported
                }
            },
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    /// The value a row of `kind` must have in `col`; an empty cell is a problem.
    pub(crate) fn required<T, P: FormProblem>(
        &self,
        row: &Row,
        col: K::Col,
        kind: K,
        value: Value<T>,
        reading: &mut Reading<P>,
    ) -> Option<T> {
        match value {
            Value::Got(value) => Some(value),
            Value::Empty => {
                let at = self.at(row, col);
                reading.push(FormError::Required {
                    at,
                    kind: kind.code(),
                });
                None
            }
            Value::Reported => None,
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
