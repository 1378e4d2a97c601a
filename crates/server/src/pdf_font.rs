//! The font every printed PDF embeds (audit reports, comparisons): `SHINRAI_PDF_FONT`, else
//! IPAex Gothic where Debian puts it; read once, on the first print.

use std::sync::OnceLock;

use shinrai_formats::report_pdf::{DEFAULT_FONT, PdfFont, load_font};

use crate::error::ApiError;

/// The font, read on first use; a missing or unreadable font is the service's failure.
pub fn pdf_font() -> Result<&'static PdfFont, ApiError> {
    static FONT: OnceLock<Result<PdfFont, String>> = OnceLock::new();
    FONT.get_or_init(|| {
        let path = std::env::var_os("SHINRAI_PDF_FONT")
            .map_or_else(|| DEFAULT_FONT.into(), std::path::PathBuf::from);
        load_font(&path).map_err(|error| error.to_string())
    })
    .as_ref()
    .map_err(|detail| ApiError::internal(detail.clone()))
}
