//! The cells of a CSV file or an XLSX sheet, before they mean anything: one shape for both
//! formats so that the rules of the table are written once.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::error::{CellType, Place, TableError, TableErrors};

/// The sheet the table lives in.
pub(crate) const SHEET: &str = "criteria";

/// One cell's value as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A type no column takes (date, duration, error value).
    Other(CellType),
}

impl Raw {
    /// Empty, or text that is only whitespace.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row that has at least one cell.
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based, as the spreadsheet numbers it.
    pub(crate) number: usize,
    /// Indexed by 0-based column; cells right of the last are empty.
    pub(crate) cells: Vec<Raw>,
}

/// A whole CSV file or XLSX sheet.
#[derive(Debug)]
pub(crate) struct Grid {
    pub(crate) file: String,
    pub(crate) sheet: Option<String>,
    pub(crate) rows: Vec<Row>,
    /// Formula cells as (1-based row, 0-based column, formula).
    pub(crate) formulas: Vec<(usize, usize, String)>,
}

impl Grid {
    /// Cells holding a formula; their values are not read, the formula is the problem.
    pub(crate) fn formula_cells(&self) -> HashSet<(usize, usize)> {
        self.formulas
            .iter()
            .map(|(row, column, _)| (*row, *column))
            .collect()
    }

    pub(crate) fn place(&self) -> Box<Place> {
        Box::new(Place {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: None,
            column: None,
            cell: None,
        })
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads CSV bytes (a UTF-8 byte order mark is skipped). Row numbers count records, as a
/// spreadsheet shows them; a quoted cell spanning lines is still one row.
pub(crate) fn csv_grid(name: &str, bytes: &[u8]) -> Result<Grid, TableErrors> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let number = index + 1;
        let record = record.map_err(|error| {
            let mut at = Place::file(name);
            at.row = Some(number);
            TableErrors::one(TableError::Csv {
                at,
                detail: csv_detail(&error),
            })
        })?;
        let mut cells = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                let mut at = Place::file(name);
                at.row = Some(number);
                at.cell = Some(super::columns::cell_ref(column, number));
                TableErrors::one(TableError::NotUtf8 { at })
            })?;
            cells.push(if text.is_empty() {
                Raw::Empty
            } else {
                Raw::Text(text.to_owned())
            });
        }
        rows.push(Row { number, cells });
    }
    Ok(Grid {
        file: name.to_owned(),
        sheet: None,
        rows,
        formulas: Vec::new(),
    })
}

/// The csv crate's message without its own position, which counts differently from ours.
fn csv_detail(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Io(error) => error.to_string(),
        csv::ErrorKind::Utf8 { err, .. } => err.to_string(),
        _ => error.to_string(),
    }
}

/// Reads the `criteria` sheet of an XLSX workbook, values and formulas.
pub(crate) fn xlsx_grid(name: &str, bytes: &[u8]) -> Result<Grid, TableErrors> {
    let workbook_error = |detail: String| {
        TableErrors::one(TableError::Workbook {
            at: Place::file(name),
            detail,
        })
    };
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|error| workbook_error(error.to_string()))?;
    let sheets = workbook.sheet_names();
    if !sheets.iter().any(|sheet| sheet == SHEET) {
        return Err(TableErrors::one(TableError::MissingSheet {
            at: Place::file(name),
            sheets,
        }));
    }
    let values = workbook
        .worksheet_range(SHEET)
        .map_err(|error| workbook_error(error.to_string()))?;
    let formulas = workbook
        .worksheet_formula(SHEET)
        .map_err(|error| workbook_error(error.to_string()))?;

    // Ranges start at their first used cell; keep absolute positions so that row numbers and
    // cell references are the ones the user sees.
    let mut rows = Vec::new();
    if let Some((first_row, first_column)) = values.start() {
        let (first_row, first_column) = (to_usize(first_row), to_usize(first_column));
        for (offset, cells) in values.rows().enumerate() {
            let mut row = vec![Raw::Empty; first_column];
            row.extend(cells.iter().map(raw_of));
            rows.push(Row {
                number: first_row + offset + 1,
                cells: row,
            });
        }
    }
    let mut formula_cells = Vec::new();
    if let Some((first_row, first_column)) = formulas.start() {
        let (first_row, first_column) = (to_usize(first_row), to_usize(first_column));
        for (row, column, formula) in formulas.used_cells() {
            if !formula.trim().is_empty() {
                formula_cells.push((first_row + row + 1, first_column + column, formula.clone()));
            }
        }
    }
    Ok(Grid {
        file: name.to_owned(),
        sheet: Some(SHEET.to_owned()),
        rows,
        formulas: formula_cells,
    })
}

fn to_usize(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

fn raw_of(data: &Data) -> Raw {
    match data {
        Data::Empty => Raw::Empty,
        Data::String(text) => Raw::Text(text.clone()),
        Data::Int(value) => Raw::Int(*value),
        Data::Float(value) => Raw::Float(*value),
        Data::Bool(value) => Raw::Bool(*value),
        Data::DateTime(value) if value.is_duration() => Raw::Other(CellType::Duration),
        Data::DateTime(_) | Data::DateTimeIso(_) => Raw::Other(CellType::Date),
        Data::DurationIso(_) => Raw::Other(CellType::Duration),
        Data::Error(_) => Raw::Other(CellType::Error),
    }
}
