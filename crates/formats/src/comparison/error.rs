//! Why a comparison cannot be written. Every error about the sheet's shape names the place by
//! the sheet's own texts (a section's heading, a row's label, a column's heading).

use crate::report_pdf::ReportPdfError;

/// Why [`comparison_xlsx`](super::comparison_xlsx) or [`comparison_pdf`](super::comparison_pdf)
/// wrote nothing: the sheet's shape (checked first, the same for both), or the writer itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComparisonError {
    /// The sheet compares no service.
    #[error("the comparison has no service column")]
    NoColumns,
    /// More services than fit side by side.
    #[error("the comparison has {count} service columns, more than {max}")]
    TooManyColumns { count: usize, max: usize },
    /// A row has not exactly one cell per column.
    #[error(
        "row {row:?} of section {section:?} has {found} cells, but there are {expected} columns"
    )]
    CellCount {
        section: String,
        row: String,
        expected: usize,
        found: usize,
    },
    /// More sections and rows in all than a sheet may hold.
    #[error("the comparison has {count} sections and rows in all, more than {max}")]
    TooManyRows { count: usize, max: usize },
    /// A text longer than any cell may be. `row` is the label of the row the text is on (the
    /// corner for the column headings; the text itself, shortened, for the title and the section
    /// headings); `column` is the heading of its column, empty for text spanning the width.
    #[error("{}", too_long(row, column, *chars, *max))]
    CellTooLong {
        row: String,
        column: String,
        chars: usize,
        max: usize,
    },
    /// The worksheet's name is one Excel refuses.
    #[error(
        "{name:?} cannot name a worksheet: it must have 1 to 31 characters, none of []:*?/\\, \
         not begin or end with an apostrophe and not be \"History\""
    )]
    BadSheetName { name: String },
    /// Writing the workbook failed.
    #[error("the comparison's workbook cannot be written: {0}")]
    Xlsx(String),
    /// Printing failed: the font cannot be used, or writing the PDF failed.
    #[error("{}", pdf_message(.0))]
    Pdf(ReportPdfError),
}

fn too_long(row: &str, column: &str, chars: usize, max: usize) -> String {
    if column.is_empty() {
        format!("the text of {row:?} has {chars} characters, more than {max}")
    } else {
        format!(
            "the cell of row {row:?} in column {column:?} has {chars} characters, more than {max}"
        )
    }
}

/// The report's own message names the audit report; a font error reads the same for any document.
fn pdf_message(error: &ReportPdfError) -> String {
    match error {
        ReportPdfError::Pdf { why } => format!("the comparison's PDF cannot be written: {why}"),
        other => other.to_string(),
    }
}
