//! The cells of a CSV file or an XLSX sheet, before they mean anything: one shape for both
//! formats so that the rules of the table are written once.

use std::collections::HashSet;

use super::error::{CellType, Place, TableError, TableErrors};
use super::limit::Limit;
use crate::workbook::limits::{MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use crate::workbook::{self, CellValue, Sheet};

/// The sheet the table lives in.
pub(crate) const SHEET: &str = "criteria";

/// One cell's value as the file holds it; empty cells are not kept.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A type no column takes (date, duration, error value).
    Other(CellType),
}

impl Raw {
    /// Text that is only whitespace.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
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
    /// The cells that hold something, by 0-based column, in order.
    pub(crate) cells: Vec<(usize, Raw)>,
}

impl Row {
    /// The cell in 0-based `column`, if it holds something.
    pub(crate) fn get(&self, column: usize) -> Option<&Raw> {
        self.cells
            .binary_search_by_key(&column, |(index, _)| *index)
            .ok()
            .and_then(|at| self.cells.get(at))
            .map(|(_, raw)| raw)
    }

    /// One past the last column that holds something.
    pub(crate) fn width(&self) -> usize {
        self.cells.last().map_or(0, |(index, _)| index + 1)
    }
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

    /// Rows that have a formula cell.
    pub(crate) fn formula_rows(&self) -> HashSet<usize> {
        self.formulas.iter().map(|(row, _, _)| *row).collect()
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
/// spreadsheet shows them; a quoted cell spanning lines is still one row. The file is held to
/// the bounds of [`crate::workbook::limits`] on size, rows, columns, cells and text.
pub(crate) fn csv_grid(name: &str, bytes: &[u8]) -> Result<Grid, TableErrors> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(TableErrors::one(TableError::OverLimit {
            at: Place::file(name),
            limit: Limit::FileSize {
                bytes: size,
                max: MAX_FILE_BYTES,
            },
        }));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut counted: u64 = 0;
    for (index, record) in reader.byte_records().enumerate() {
        let number = index + 1;
        let at = |column: Option<usize>| {
            let mut at = Place::file(name);
            at.row = Some(number);
            at.cell = column.map(|column| super::columns::cell_ref(column, number));
            at
        };
        let over = |column: Option<usize>, limit: Limit| {
            TableErrors::one(TableError::OverLimit {
                at: at(column),
                limit,
            })
        };
        if u64::try_from(number).unwrap_or(u64::MAX) > MAX_ROWS {
            return Err(over(None, Limit::Row { max: MAX_ROWS }));
        }
        let record = record.map_err(|error| {
            TableErrors::one(TableError::Csv {
                at: at(None),
                detail: csv_detail(&error),
            })
        })?;
        let width = u64::try_from(record.len()).unwrap_or(u64::MAX);
        if width > MAX_COLUMNS {
            let column = usize::try_from(MAX_COLUMNS).unwrap_or(usize::MAX);
            return Err(over(Some(column), Limit::Column { max: MAX_COLUMNS }));
        }
        counted = counted.saturating_add(width);
        if counted > MAX_CELLS {
            return Err(over(None, Limit::Cells { max: MAX_CELLS }));
        }
        let mut cells = Vec::new();
        for (column, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| {
                TableErrors::one(TableError::NotUtf8 {
                    at: at(Some(column)),
                })
            })?;
            if text.is_empty() {
                continue;
            }
            let chars = u64::try_from(text.chars().count()).unwrap_or(u64::MAX);
            if chars > MAX_CELL_CHARS {
                return Err(over(
                    Some(column),
                    Limit::CellText {
                        chars,
                        max: MAX_CELL_CHARS,
                    },
                ));
            }
            cells.push((column, Raw::Text(text.to_owned())));
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

/// Reads the `criteria` sheet of an XLSX workbook, values and formulas, through the bounded
/// workbook reader.
pub(crate) fn xlsx_grid(name: &str, bytes: &[u8]) -> Result<Grid, TableErrors> {
    let mut workbook = workbook::open(name, bytes).map_err(TableErrors::one)?;
    let sheets = workbook.sheet_names();
    if !sheets.iter().any(|sheet| sheet == SHEET) {
        return Err(TableErrors::one(TableError::MissingSheet {
            at: Place::file(name),
            sheets,
        }));
    }
    let sheet = workbook.read_sheet(SHEET).map_err(TableErrors::one)?;
    Ok(sheet_grid(name, sheet))
}

pub(crate) fn sheet_grid(name: &str, sheet: Sheet) -> Grid {
    let index = |value: u32| usize::try_from(value).unwrap_or(usize::MAX);
    let rows = sheet
        .rows
        .into_iter()
        .map(|row| Row {
            number: index(row.number),
            cells: row
                .cells
                .into_iter()
                .map(|cell| (index(cell.column), raw_of(cell.value)))
                .collect(),
        })
        .collect();
    let formulas = sheet
        .formulas
        .into_iter()
        .map(|formula| (index(formula.row), index(formula.column), formula.text))
        .collect();
    Grid {
        file: name.to_owned(),
        sheet: Some(sheet.name),
        rows,
        formulas,
    }
}

fn raw_of(value: CellValue) -> Raw {
    match value {
        CellValue::Text(text) => Raw::Text(text),
        CellValue::Int(value) => Raw::Int(value),
        CellValue::Float(value) => Raw::Float(value),
        CellValue::Bool(value) => Raw::Bool(value),
        CellValue::Date => Raw::Other(CellType::Date),
        CellValue::Duration => Raw::Other(CellType::Duration),
        CellValue::Error => Raw::Other(CellType::Error),
    }
}
