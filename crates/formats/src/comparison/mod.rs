//! A side-by-side comparison of up to [`MAX_COMPARED`] cloud services for one of a procurer's
//! information systems, written as an XLSX workbook ([`comparison_xlsx`]) or an A4 landscape PDF
//! ([`comparison_pdf`]).
//!
//! The caller fills a neutral print model ([`ComparisonSheet`], already in one language): a
//! label column and one column per service, in sections. Both writers check the sheet the same
//! way first, so a sheet one of them refuses the other refuses too, with the same error.
//!
//! The PDF is printed like the audit report (see [`report_pdf`](crate::report_pdf)): the same
//! margins, font, leading and footer, real extractable text, Japanese broken between characters
//! and English at spaces. Its column-heading row is repeated at the top of every page, and a row
//! moves whole to the next page unless it is taller than a page.

mod check;
mod error;
mod grid;
mod pdf;
mod xlsx;

pub use error::ComparisonError;

use crate::report_pdf::{PdfFont, PrintLang};

/// Most services compared side by side: more would not fit an A4 landscape page readably.
pub const MAX_COMPARED: usize = 4;
/// Bounds so a sheet stays printable: most sections and rows in all, longest cell text.
pub const MAX_COMPARISON_ROWS: usize = 400;
/// Longest text of any one cell, heading, label or value, in characters.
pub const MAX_CELL_CHARS: usize = 2_000;

/// A comparison ready to print, every text already in [`ComparisonSheet::lang`].
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonSheet {
    /// The PDF's document language.
    pub lang: PrintLang,
    /// e.g. "サービスの比較" / "Comparison of services"; page 1's title, the PDF's metadata title.
    pub title: String,
    /// Label/value pairs printed under the title (system, its class, date, criteria version).
    pub header: Vec<(String, String)>,
    /// The heading of the label column, e.g. "項目" / "Item".
    pub corner: String,
    /// One heading per compared service (1..=MAX_COMPARED), e.g. "C24-0006 文書管理クラウド".
    pub columns: Vec<String>,
    pub sections: Vec<ComparisonSection>,
    /// SHA-256 (hex) of the data compared, printed in every PDF page's footer with its label.
    pub sha256: String,
    pub hash_label: String,
    /// The word before "N / M" in the PDF footer, e.g. "ページ" or "Page".
    pub page_label: String,
    /// The XLSX worksheet's name, e.g. "比較" / "Comparison" (at most 31 chars, no []:*?/\).
    pub sheet_name: String,
}

/// A heading spanning every column, and the rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonSection {
    pub heading: String,
    pub rows: Vec<ComparisonRow>,
}

/// One compared item: its label and what each service says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    /// e.g. "データの保管場所" / "Where data is stored".
    pub label: String,
    /// One per column, in the columns' order. Free text; line breaks in it are kept.
    pub cells: Vec<String>,
}

/// The sheet as an XLSX workbook of one worksheet named [`ComparisonSheet::sheet_name`], set up
/// to print landscape, one page wide, with the column headings repeated on every page.
pub fn comparison_xlsx(sheet: &ComparisonSheet) -> Result<Vec<u8>, ComparisonError> {
    check::check(sheet)?;
    xlsx::write(sheet).map_err(|error| ComparisonError::Xlsx(error.to_string()))
}

/// The sheet as an A4 landscape PDF in `font` (see [`load_font`](crate::report_pdf::load_font)).
/// Characters the font has no glyph for print as a visible replacement (〓), as in the report.
pub fn comparison_pdf(sheet: &ComparisonSheet, font: &PdfFont) -> Result<Vec<u8>, ComparisonError> {
    check::check(sheet)?;
    pdf::render(sheet, font).map_err(ComparisonError::Pdf)
}
