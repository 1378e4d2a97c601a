//! An audit's conclusions (監査の結論) as a spreadsheet: the template an audit body fills in,
//! with a row for every objective and control the audited statement selects, and the reader
//! that gives back the body of `PUT /audits/{id}/conclusions`. Every function takes bytes and
//! values and gives bytes or values, never a path, so that the command line and the server's
//! download and upload routes call the same code.
//!
//! # The spreadsheet
//!
//! An XLSX workbook has the sheets `instructions` (how to fill it in, in Japanese and English;
//! never read), `objectives` (one row per objective of a selected control: `id`, `effective`
//! yes|no, `reason_ja`, `reason_en`) and `controls` (one row per selected control: `id`,
//! `conformant` yes|no, `reason_ja`, `reason_en`). The criteria's and the statement's texts
//! (`title_*`, `text_*`, `objective`, `mandatory`, `responsibility`, `individual_control_*`) are
//! there for the auditor and never read back.
//!
//! A CSV file is the same table in one sheet: its column `part` says what each row concludes on
//! (`objective` or `control`), and a row leaves empty the conclusion column of the other kind.
//! The exact rules are in [`read`], and in the guide `docs/audits.md`.
//!
//! Reading is all or nothing, bounded like the other tables, and every problem names the file,
//! sheet, row, column and cell: the spreadsheet is a [`sheet_form`](crate::sheet_form), written
//! and read as every form is.

mod columns;
mod error;
mod instructions;
mod layout;
mod read;
mod write;

pub use error::{ConclusionsError, ConclusionsErrors, ConclusionsProblem};
pub use read::{Audited, read_csv, read_xlsx};
pub use write::{template_csv, template_xlsx};

/// The spreadsheet formats, as for statements.
pub use crate::statement::SheetFormat;

use shinrai_domain::workflow::audit::Conclusions;

/// Reads conclusions in `format` (see [`read_xlsx`] and [`read_csv`]).
pub fn read(
    format: SheetFormat,
    name: &str,
    bytes: &[u8],
    audited: Audited<'_>,
) -> Result<Conclusions, ConclusionsErrors> {
    match format {
        SheetFormat::Xlsx => read_xlsx(name, bytes, audited),
        SheetFormat::Csv => read_csv(name, bytes, audited),
    }
}
