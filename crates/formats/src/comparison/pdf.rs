//! The laid-out comparison drawn like the audit report: the same footer on every page (the
//! compared data's hash and "page N / M"), the same metadata, the font embedded as a subset.

use crate::report_pdf::draw::{PrintSetup, draw};
use crate::report_pdf::font::Glyphs;
use crate::report_pdf::{PdfFont, ReportPdfError};

use super::{ComparisonSheet, grid};

/// The PDF's bytes; the sheet has been checked.
pub(super) fn render(sheet: &ComparisonSheet, font: &PdfFont) -> Result<Vec<u8>, ReportPdfError> {
    let mut glyphs = Glyphs::new(font)?;
    let pages = grid::lay_out(sheet, &mut glyphs);
    let setup = PrintSetup {
        paper: grid::PAPER,
        lang: sheet.lang,
        title: &sheet.title,
        hash_label: &sheet.hash_label,
        sha256: &sheet.sha256,
        page_label: &sheet.page_label,
    };
    draw(&setup, font.krilla(), &mut glyphs, &pages)
}
