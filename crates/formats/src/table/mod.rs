//! Criteria as one table, in CSV or in the sheet `criteria` of an XLSX workbook.
//!
//! The header row names the columns (any order, exact names):
//! `kind, id, part, objective, title_ja, title_en, text_ja, text_en, mandatory, actor,
//! min_level, integrity, availability, service_models, technology_examples, references`.
//! `technology_examples` and `references` may be left out of the header; every other column is
//! required, and unknown or repeated columns are refused.
//!
//! Each row has a `kind`:
//! - `version`, exactly one: `id` is the version id, `title_ja`/`title_en` its title;
//! - `group`: `id`, `part`, `title_*`, `text_*`;
//! - `control`: `id`, `part`, `objective` (a group of the table, of the same part), `text_*`,
//!   `mandatory`/`integrity`/`availability` (yes/no, true/false, 1/0, はい/いいえ), `actor`,
//!   `min_level` (1–3), `service_models` (`IaaS;PaaS`), optional `technology_examples` (one
//!   `id: 日本語の名前 | English name` a line, ids unique in the control) and `references`
//!   (`ISO27002:9.2.3=subset; NIST:AC-6=intersect`). A governance or management item may leave
//!   `min_level` and `service_models` empty: level 1 and every model.
//!
//! A cell a kind of row does not use must be empty. Text is trimmed of surrounding whitespace;
//! codes (`kind`, `part`, `actor`, relations, service models) are read without regard to case.
//! Wholly empty rows are skipped. Groups and controls keep the order of their rows.
//!
//! Reading is all or nothing. A table read back is always a draft: status
//! [`Status::Draft`](shinrai_domain::criteria::Status::Draft) and no publication date, since
//! publishing is a decision of the store, not a property of a spreadsheet. Ids are not checked
//! against their objective's number here; `criteria check` does that.
//!
//! The templates are the header alone, so reading one back fails with
//! [`TableError::NoVersionRow`].

mod columns;
mod error;
mod examples;
mod grid;
mod limit;
mod parse;
pub(crate) mod said;
mod write;

use std::io::Read;
use std::path::Path;

use shinrai_domain::criteria::CriteriaVersion;

use crate::workbook::limits::MAX_FILE_BYTES;

pub(crate) use columns::cell_ref;
pub use error::{CellType, Place, TableError, TableErrors};
pub(crate) use error::{alternatives, column_index};
pub(crate) use examples::format_examples;
pub(crate) use grid::{Grid, Raw, Row, csv_grid, sheet_grid};
pub use limit::Limit;
pub use write::{template_csv, template_xlsx, write_csv, write_xlsx};

/// Reads a CSV file; the error is the problem in the earliest row.
pub fn read_csv(path: &Path) -> Result<CriteriaVersion, TableError> {
    diagnose_csv(path).map_err(TableErrors::into_first)
}

/// Reads CSV bytes named `name` in messages (UTF-8, with or without a byte order mark).
pub fn read_csv_bytes(name: &str, bytes: &[u8]) -> Result<CriteriaVersion, TableError> {
    diagnose_csv_bytes(name, bytes).map_err(TableErrors::into_first)
}

/// Reads the `criteria` sheet of an XLSX file; the error is the problem in the earliest row.
pub fn read_xlsx(path: &Path) -> Result<CriteriaVersion, TableError> {
    diagnose_xlsx(path).map_err(TableErrors::into_first)
}

/// Reads the `criteria` sheet of XLSX bytes named `name` in messages.
pub fn read_xlsx_bytes(name: &str, bytes: &[u8]) -> Result<CriteriaVersion, TableError> {
    diagnose_xlsx_bytes(name, bytes).map_err(TableErrors::into_first)
}

/// Reads a `.csv` or `.xlsx` file, choosing by its extension (of any case).
pub fn read_table(path: &Path) -> Result<CriteriaVersion, TableError> {
    diagnose_table(path).map_err(TableErrors::into_first)
}

/// Like [`read_csv`], but gives every problem of the table, sorted by row.
pub fn diagnose_csv(path: &Path) -> Result<CriteriaVersion, TableErrors> {
    let bytes = read_file(path)?;
    diagnose_csv_bytes(&path.display().to_string(), &bytes)
}

/// Like [`read_csv_bytes`], but gives every problem of the table, sorted by row.
pub fn diagnose_csv_bytes(name: &str, bytes: &[u8]) -> Result<CriteriaVersion, TableErrors> {
    parse::parse(&csv_grid(name, bytes)?)
}

/// Like [`read_xlsx`], but gives every problem of the table, sorted by row.
pub fn diagnose_xlsx(path: &Path) -> Result<CriteriaVersion, TableErrors> {
    let bytes = read_file(path)?;
    diagnose_xlsx_bytes(&path.display().to_string(), &bytes)
}

/// Like [`read_xlsx_bytes`], but gives every problem of the table, sorted by row.
pub fn diagnose_xlsx_bytes(name: &str, bytes: &[u8]) -> Result<CriteriaVersion, TableErrors> {
    parse::parse(&grid::xlsx_grid(name, bytes)?)
}

/// Like [`read_table`], but gives every problem of the table, sorted by row.
pub fn diagnose_table(path: &Path) -> Result<CriteriaVersion, TableErrors> {
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => diagnose_csv(path),
        Some("xlsx") => diagnose_xlsx(path),
        _ => Err(TableErrors::one(TableError::UnsupportedFormat {
            at: Place::file(&path.display().to_string()),
        })),
    }
}

/// Reads a whole file, refusing one larger than the bound before reading it (and while reading
/// it, for files whose size is not known beforehand).
fn read_file(path: &Path) -> Result<Vec<u8>, TableErrors> {
    let name = path.display().to_string();
    let io = |source| {
        TableErrors::one(TableError::Io {
            at: Place::file(&name),
            source,
        })
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let declared = file.metadata().map_err(io)?.len();
    let too_large = |bytes: u64| {
        TableErrors::one(TableError::OverLimit {
            at: Place::file(&name),
            limit: Limit::FileSize {
                bytes,
                max: MAX_FILE_BYTES,
            },
        })
    };
    if declared > MAX_FILE_BYTES {
        return Err(too_large(declared));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(too_large(read));
    }
    Ok(bytes)
}
