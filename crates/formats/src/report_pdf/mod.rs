//! A signed audit report printed as PDF. The caller fills a neutral print model
//! ([`PrintedReport`], already in one language) from the report; this module lays it out on A4
//! pages and writes it with krilla, in one TrueType/OpenType font embedded as a subset.
//!
//! Every page's footer carries the report's full SHA-256, so that any single page can be matched
//! to the signed report. All text is real text, so `pdftotext` and screen readers get it back
//! exactly, Japanese included. Widths come from the font's own advances: Japanese lines break
//! between characters, English at spaces (see [`layout`]).
//!
//! Load the font once with [`load_font`] and pass it to every [`render_pdf`].

// Drawing, glyphs and page geometry serve other printed documents too (see `crate::comparison`).
pub(crate) mod draw;
mod error;
pub(crate) mod font;
mod layout;
pub(crate) mod page;

pub use error::ReportPdfError;
pub use font::{MAX_FONT_BYTES, PdfFont, load_font};

/// IPAex Gothic as Debian installs it (package `fonts-ipaexfont`).
pub const DEFAULT_FONT: &str = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/// The language a report is printed in: the PDF's document language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintLang {
    Ja,
    En,
}

/// A report ready to print, every text already in [`PrintedReport::lang`].
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedReport {
    pub lang: PrintLang,
    /// The title on page 1 and in the document's metadata, e.g. "監査報告書".
    pub title: String,
    /// The report's SHA-256 (hex), printed in the footer of every page.
    pub sha256: String,
    /// Its label in the footer, e.g. "報告書ハッシュ (SHA-256)".
    pub hash_label: String,
    /// The word before "N / M" in the footer, e.g. "ページ" or "Page".
    pub page_label: String,
    /// Label and value pairs printed as a two-column table at the top of page 1.
    pub header: Vec<(String, String)>,
    pub sections: Vec<PrintedSection>,
}

/// A heading and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedSection {
    pub heading: String,
    pub rows: Vec<PrintedRow>,
}

/// One control or objective.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedRow {
    /// The control or objective id, e.g. "8.1.2.P3".
    pub id: String,
    /// e.g. "適合" or "Conformant".
    pub verdict: String,
    /// Free text of any length; line breaks in it are kept.
    pub reason: String,
    /// Lines such as "Operation: 20 sampled, 20 passed".
    pub details: Vec<String>,
    /// SHA-256 hashes of the evidence (hex), printed small.
    pub evidence: Vec<String>,
}

/// The report as PDF bytes. Characters the font has no glyph for print as a visible
/// replacement (〓) rather than fail: a report always prints.
pub fn render_pdf(report: &PrintedReport, font: &PdfFont) -> Result<Vec<u8>, ReportPdfError> {
    let mut glyphs = font::Glyphs::new(font)?;
    let pages = page::lay_out(report, &mut glyphs);
    let setup = draw::PrintSetup {
        paper: page::PAPER,
        lang: report.lang,
        title: &report.title,
        hash_label: &report.hash_label,
        sha256: &report.sha256,
        page_label: &report.page_label,
    };
    draw::draw(&setup, font.krilla(), &mut glyphs, &pages)
}
