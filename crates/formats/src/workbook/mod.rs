//! The one way shinrai reads an XLSX workbook, whatever the workbook is for (criteria tables
//! now; statements and conclusions alike): with memory and time bounded by
//! [`limits`], whatever the file holds.
//!
//! An XLSX file is a zip archive of XML parts, and a small one can claim or hold a great deal:
//! an entry that inflates to gigabytes (a zip bomb), a sheet that declares `A1:XFD1048576`
//! for two cells, a shared string table that declares a billion strings, thousands of sheets,
//! one font name copied into every cell format. So before the spreadsheet reader (calamine)
//! sees a file:
//!
//! 1. its size and its zip directory are checked: entries, the size each declares, their
//!    total, their compression ratios (module `archive`);
//! 2. every entry is inflated once into nothing, metered against what its directory declared,
//!    and the parts the reader keeps whole when it opens a workbook (shared strings, styles,
//!    the workbook part) are scanned for counts that sizes do not show (module `parts`).
//!
//! A sheet is then streamed cell by cell into a sparse [`Sheet`]: its declared dimension is
//! checked before any cell is read, and every cell read is counted against the bounds on
//! rows, columns, cells and text, since a sheet may declare less than it holds (module `sheet`).
//!
//! Every refusal is a [`TableError::OverLimit`] naming the file, the sheet when there is one,
//! and the bound. The reader is third-party code given hostile input: a panic in it becomes a
//! [`TableError::Workbook`] rather than bringing the process down.

mod archive;
pub mod limits;
mod parts;
mod sheet;

use std::fmt;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Reader, Xlsx};

use crate::table::{Limit, Place, TableError};

pub use sheet::{CellValue, Formula, Sheet, SheetCell, SheetRow};

/// An XLSX workbook whose container has passed the checks, open for reading its sheets.
pub struct Workbook<'a> {
    file: String,
    xlsx: Xlsx<Cursor<&'a [u8]>>,
}

impl fmt::Debug for Workbook<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Workbook")
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// Opens XLSX bytes; `file` names them in messages.
pub fn open<'a>(file: &str, bytes: &'a [u8]) -> Result<Workbook<'a>, TableError> {
    archive::check(file, bytes)?;
    let xlsx = guarded(file, None, || {
        Xlsx::new(Cursor::new(bytes)).map_err(|error| TableError::Workbook {
            at: Place::file(file),
            detail: error.to_string(),
        })
    })?;
    let workbook = Workbook {
        file: file.to_owned(),
        xlsx,
    };
    // Counted in the workbook part already; counted again as the reader understood it.
    let count = u64::try_from(workbook.xlsx.sheet_names().len()).unwrap_or(u64::MAX);
    if count > limits::MAX_SHEETS {
        return Err(TableError::OverLimit {
            at: Place::file(file),
            limit: Limit::Sheets {
                count,
                max: limits::MAX_SHEETS,
            },
        });
    }
    Ok(workbook)
}

impl Workbook<'_> {
    /// The name the file was opened with.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The sheets' names, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.xlsx.sheet_names()
    }

    /// Reads one sheet whole, within the bounds.
    pub fn read_sheet(&mut self, name: &str) -> Result<Sheet, TableError> {
        let file = self.file.clone();
        let xlsx = &mut self.xlsx;
        guarded(&file, Some(name), || sheet::read(xlsx, &file, name))
    }
}

/// Runs the spreadsheet reader, turning a panic inside it into an error.
fn guarded<T>(
    file: &str,
    sheet: Option<&str>,
    read: impl FnOnce() -> Result<T, TableError>,
) -> Result<T, TableError> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| {
        let at = match sheet {
            Some(sheet) => Place::sheet(file, sheet),
            None => Place::file(file),
        };
        Err(TableError::Workbook {
            at,
            detail: "the spreadsheet reader failed on malformed content".to_owned(),
        })
    })
}
