//! One sheet, streamed cell by cell into a sparse table: memory follows the cells the sheet
//! really holds, never the dimension it declares, and reading stops at the first bound crossed.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::{DataRef, Dimensions, Xlsx, XlsxFormulaMetadata, expand_shared_formula};

use super::limits::{MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_TEXT_BYTES};
use crate::table::{Limit, Place, TableError, cell_ref};

/// A sheet's cells that hold something, in rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    pub name: String,
    /// Rows that have at least one cell, by number.
    pub rows: Vec<SheetRow>,
    /// Formula cells, in the order of the sheet.
    pub formulas: Vec<Formula>,
}

/// A row with at least one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// 1-based, as the spreadsheet numbers it.
    pub number: u32,
    /// The row's cells by column; empty cells are left out.
    pub cells: Vec<SheetCell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetCell {
    /// 0-based: column `A` is 0.
    pub column: u32,
    pub value: CellValue,
}

/// A cell's value as the sheet holds it (for a formula cell, the value last computed by the
/// program that saved the file).
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date,
    Duration,
    /// An error value such as `#N/A`.
    Error,
}

/// A cell holding a formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    /// 1-based row number.
    pub row: u32,
    /// 0-based column.
    pub column: u32,
    pub text: String,
}

/// Reads sheet `name`, whose existence the caller has checked.
pub(super) fn read<RS: Read + Seek>(
    xlsx: &mut Xlsx<RS>,
    file: &str,
    name: &str,
) -> Result<Sheet, TableError> {
    let mut cells = Cells::new(file, name);
    let unreadable = |error: calamine::XlsxError| TableError::Workbook {
        at: Place::sheet(file, name),
        detail: error.to_string(),
    };
    let mut reader = xlsx.worksheet_cells_reader(name).map_err(unreadable)?;
    cells.declared(reader.dimensions())?;
    // Shared formulas: each anchor's text and first cell, for the cells that repeat it.
    let mut shared: HashMap<usize, (String, (u32, u32))> = HashMap::new();
    while let Some(record) = reader
        .next_cell_with_formula_metadata()
        .map_err(unreadable)?
    {
        let position = record.pos;
        cells.count(position)?;
        let formula = match record.formula {
            Some(XlsxFormulaMetadata::Normal { formula }) => Some(formula),
            Some(XlsxFormulaMetadata::Shared {
                shared_index,
                range,
                formula,
            }) => {
                let start = range.map_or(position, |range| range.start);
                cells.charge(position, &formula)?;
                shared.insert(shared_index, (formula.clone(), start));
                Some(formula)
            }
            Some(XlsxFormulaMetadata::SharedDerived { shared_index }) => shared
                .get(&shared_index)
                .and_then(|(formula, start)| expand_shared_formula(formula, *start, position).ok()),
            _ => None,
        };
        if let Some(formula) = formula
            && !formula.trim().is_empty()
        {
            cells.charge(position, &formula)?;
            cells.formulas.push(Formula {
                row: position.0.saturating_add(1),
                column: position.1,
                text: formula,
            });
        }
        let value = match record.value {
            DataRef::Empty => continue,
            DataRef::String(text) => {
                cells.charge(position, &text)?;
                CellValue::Text(text)
            }
            DataRef::SharedString(text) => {
                cells.charge(position, text)?;
                CellValue::Text(text.to_owned())
            }
            DataRef::Int(value) => CellValue::Int(value),
            DataRef::Float(value) => CellValue::Float(value),
            DataRef::Bool(value) => CellValue::Bool(value),
            DataRef::DateTime(value) if value.is_duration() => CellValue::Duration,
            DataRef::DateTime(_) | DataRef::DateTimeIso(_) => CellValue::Date,
            DataRef::DurationIso(_) => CellValue::Duration,
            DataRef::Error(_) => CellValue::Error,
        };
        cells.values.push((position, value));
    }
    Ok(cells.into_sheet())
}

/// The cells read so far, and what they have used of the bounds.
struct Cells<'a> {
    file: &'a str,
    sheet: &'a str,
    counted: u64,
    text: u64,
    /// (0-based row, 0-based column) and value, in the order of the sheet.
    values: Vec<((u32, u32), CellValue)>,
    formulas: Vec<Formula>,
}

impl<'a> Cells<'a> {
    fn new(file: &'a str, sheet: &'a str) -> Cells<'a> {
        Cells {
            file,
            sheet,
            counted: 0,
            text: 0,
            values: Vec::new(),
            formulas: Vec::new(),
        }
    }

    fn over(&self, limit: Limit) -> TableError {
        TableError::OverLimit {
            at: Place::sheet(self.file, self.sheet),
            limit,
        }
    }

    fn over_at(&self, (row, column): (u32, u32), limit: Limit) -> TableError {
        let row = usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1);
        let column = usize::try_from(column).unwrap_or(usize::MAX);
        let mut at = Place::sheet(self.file, self.sheet);
        at.row = Some(row);
        at.cell = Some(cell_ref(column, row));
        TableError::OverLimit { at, limit }
    }

    /// The dimension the sheet declares, checked before any cell is read.
    fn declared(&self, dimensions: Dimensions) -> Result<(), TableError> {
        let (first, last) = (dimensions.start, dimensions.end);
        let rows = u64::from(last.0.abs_diff(first.0)) + 1;
        let columns = u64::from(last.1.abs_diff(first.1)) + 1;
        let cells = rows.saturating_mul(columns);
        let range = || {
            let corner = |(row, column): (u32, u32)| {
                cell_ref(
                    usize::try_from(column).unwrap_or(usize::MAX),
                    usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1),
                )
            };
            if first == last {
                corner(first)
            } else {
                format!("{}:{}", corner(first), corner(last))
            }
        };
        if cells > MAX_CELLS {
            return Err(self.over(Limit::DeclaredCells {
                range: range(),
                cells,
                max: MAX_CELLS,
            }));
        }
        if u64::from(first.0.max(last.0)) >= MAX_ROWS {
            return Err(self.over(Limit::DeclaredRows {
                range: range(),
                max: MAX_ROWS,
            }));
        }
        if u64::from(first.1.max(last.1)) >= MAX_COLUMNS {
            return Err(self.over(Limit::DeclaredColumns {
                range: range(),
                max: MAX_COLUMNS,
            }));
        }
        Ok(())
    }

    /// One more cell at `position`, whatever it holds.
    fn count(&mut self, position: (u32, u32)) -> Result<(), TableError> {
        self.counted += 1;
        if self.counted > MAX_CELLS {
            return Err(self.over(Limit::Cells { max: MAX_CELLS }));
        }
        if u64::from(position.0) >= MAX_ROWS {
            return Err(self.over_at(position, Limit::Row { max: MAX_ROWS }));
        }
        if u64::from(position.1) >= MAX_COLUMNS {
            return Err(self.over_at(position, Limit::Column { max: MAX_COLUMNS }));
        }
        Ok(())
    }

    /// Text about to be kept for the cell at `position`.
    fn charge(&mut self, position: (u32, u32), text: &str) -> Result<(), TableError> {
        let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
        // A character takes at least one byte: only long texts need counting.
        let chars = if bytes > MAX_CELL_CHARS {
            u64::try_from(text.chars().count()).unwrap_or(u64::MAX)
        } else {
            bytes
        };
        if chars > MAX_CELL_CHARS {
            return Err(self.over_at(
                position,
                Limit::CellText {
                    chars,
                    max: MAX_CELL_CHARS,
                },
            ));
        }
        self.text = self.text.saturating_add(bytes);
        if self.text > MAX_SHEET_TEXT_BYTES {
            return Err(self.over(Limit::SheetText {
                max: MAX_SHEET_TEXT_BYTES,
            }));
        }
        Ok(())
    }

    /// The cells by row and column; of two cells at one place (a damaged file), the later.
    fn into_sheet(self) -> Sheet {
        let mut values = self.values;
        values.sort_by_key(|(position, _)| *position);
        let mut rows: Vec<SheetRow> = Vec::new();
        let mut values = values.into_iter().peekable();
        while let Some(((row, column), value)) = values.next() {
            if values
                .peek()
                .is_some_and(|(next, _)| *next == (row, column))
            {
                continue;
            }
            let number = row.saturating_add(1);
            let cell = SheetCell { column, value };
            match rows.last_mut() {
                Some(last) if last.number == number => last.cells.push(cell),
                _ => rows.push(SheetRow {
                    number,
                    cells: vec![cell],
                }),
            }
        }
        Sheet {
            name: self.sheet.to_owned(),
            rows,
            formulas: self.formulas,
        }
    }
}
