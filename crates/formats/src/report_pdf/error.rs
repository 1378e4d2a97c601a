//! What can stop a report from printing. Text the font cannot show does not: it is printed with a
//! visible replacement (see [`font`](super::font)), so that a report always prints.

use shinrai_domain::text::Bilingual;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportPdfError {
    /// No file at the font's path.
    #[error("{}", self.message().en)]
    FontMissing { path: String },
    /// The font's file exists but could not be read.
    #[error("{}", self.message().en)]
    FontUnreadable { path: String, why: String },
    /// The font's file is larger than any font the renderer takes.
    #[error("{}", self.message().en)]
    FontTooLarge { path: String, size: u64, limit: u64 },
    /// The file is not a TrueType or OpenType font the renderer can embed.
    #[error("{}", self.message().en)]
    NotAFont { path: String, why: String },
    /// Writing the PDF failed (a limit of the format, or the font could not be embedded).
    #[error("{}", self.message().en)]
    Pdf { why: String },
}

impl ReportPdfError {
    /// The font file the error is about, as given (none when writing the PDF failed).
    pub fn file(&self) -> Option<&str> {
        match self {
            ReportPdfError::FontMissing { path }
            | ReportPdfError::FontUnreadable { path, .. }
            | ReportPdfError::FontTooLarge { path, .. }
            | ReportPdfError::NotAFont { path, .. } => Some(path),
            ReportPdfError::Pdf { .. } => None,
        }
    }

    /// The whole message in both languages; font errors say which package brings the default.
    pub fn message(&self) -> Bilingual {
        match self {
            ReportPdfError::FontMissing { path } => Bilingual::new(
                format!(
                    "{path}: フォントファイルがありません（既定の IPAex ゴシックは Debian の fonts-ipaexfont パッケージにあります）"
                ),
                format!(
                    "{path}: no font file there (the default IPAex Gothic comes with Debian's fonts-ipaexfont package)"
                ),
            ),
            ReportPdfError::FontUnreadable { path, why } => Bilingual::new(
                format!("{path}: フォントファイルを読めません: {why}"),
                format!("{path}: the font file cannot be read: {why}"),
            ),
            ReportPdfError::FontTooLarge { path, size, limit } => Bilingual::new(
                format!(
                    "{path}: フォントファイルが {size} バイトあり、上限の {limit} バイトを超えています"
                ),
                format!("{path}: the font file has {size} bytes, over the limit of {limit}"),
            ),
            ReportPdfError::NotAFont { path, why } => Bilingual::new(
                format!("{path}: TrueType/OpenType フォントとして読めません: {why}"),
                format!("{path}: not a TrueType or OpenType font that can be embedded: {why}"),
            ),
            ReportPdfError::Pdf { why } => Bilingual::new(
                format!("監査報告書の PDF を作成できません: {why}"),
                format!("the audit report's PDF cannot be written: {why}"),
            ),
        }
    }
}
