//! A spreadsheet posted from a page: a `multipart/form-data` form whose anti-forgery token
//! comes before the file, so that a forged post is refused before its file is read, then the
//! revision the page was read at, then the file (`.xlsx` or `.csv`).

use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::FieldError;
use shinrai_formats::statement::SheetFormat;

use super::context::PageContext;
use crate::auth::csrf::CSRF_FIELD;
use crate::error::ApiError;
use crate::workflow::Failure;
use crate::workflow::files::{CSV, MAX_SHEET_BYTES, XLSX, refused_file};

/// The name of the file input.
pub const FILE_FIELD: &str = "file";

/// What a page route takes for a spreadsheet form: the file's bound and room for the other
/// fields and the parts' headers.
pub const MAX_SHEET_FORM_BYTES: usize = MAX_SHEET_BYTES + 64 * 1024;

/// A posted spreadsheet: the revision the page was read at, and the file with its format when
/// its name or type tells one.
#[derive(Debug)]
pub struct SheetPost {
    pub revision: Option<i64>,
    pub format: Option<SheetFormat>,
    pub bytes: Bytes,
}

impl SheetPost {
    /// The revision a save must find (`-1`, which no record has, for a form without one).
    pub fn expected(&self) -> Option<i64> {
        Some(self.revision.unwrap_or(-1))
    }
}

/// Reads the form; the token is checked when the file's part begins (or at the end without
/// one), so the file of a post without the session's token is never read.
pub async fn read_sheet(
    ctx: &PageContext,
    form: Result<Multipart, MultipartRejection>,
) -> Result<SheetPost, ApiError> {
    let mut form = form.map_err(|_| unreadable())?;
    let mut token: Option<String> = None;
    let mut checked = false;
    let mut revision = None;
    let mut file = None;
    while let Some(field) = form.next_field().await.map_err(too_large_or_unreadable)? {
        match field.name().unwrap_or_default() {
            CSRF_FIELD => token = Some(field.text().await.map_err(too_large_or_unreadable)?),
            "revision" => {
                let text = field.text().await.map_err(too_large_or_unreadable)?;
                revision = text.trim().parse().ok();
            }
            FILE_FIELD => {
                ctx.caller.check_csrf(token.as_deref())?;
                checked = true;
                let format = format_of(field.file_name(), field.content_type());
                let bytes = field.bytes().await.map_err(too_large_or_unreadable)?;
                if bytes.len() > MAX_SHEET_BYTES {
                    return Err(ApiError::from_status(
                        axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                    ));
                }
                file = Some((format, bytes));
            }
            _ => {}
        }
    }
    if !checked {
        ctx.caller.check_csrf(token.as_deref())?;
    }
    let (format, bytes) = file.unwrap_or((None, Bytes::new()));
    Ok(SheetPost {
        revision,
        format,
        bytes,
    })
}

/// The format a file's name gives, else its media type.
fn format_of(name: Option<&str>, media_type: Option<&str>) -> Option<SheetFormat> {
    let name = name.unwrap_or_default().to_ascii_lowercase();
    if name.ends_with(".xlsx") {
        return Some(SheetFormat::Xlsx);
    }
    if name.ends_with(".csv") {
        return Some(SheetFormat::Csv);
    }
    match media_type
        .and_then(|media| media.split(';').next())
        .map(|media| media.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some(CSV) => Some(SheetFormat::Csv),
        Some(XLSX) => Some(SheetFormat::Xlsx),
        _ => None,
    }
}

/// The refusal of a post whose file is missing or neither spreadsheet format, shown on the
/// form like a refused file.
/// What an upload form's post comes to: the file imported by `import` (the format, the bytes
/// and the revision the page was read at), or, when no spreadsheet came, the refusal — after
/// `may_upload` has answered who may upload, so a stranger learns nothing from a bad file.
/// `Err` holds the page for a post that could not be read at all.
pub async fn import_posted<T>(
    ctx: &PageContext,
    form: Result<Multipart, MultipartRejection>,
    import: impl AsyncFnOnce(SheetFormat, Bytes, Option<i64>) -> crate::workflow::Outcome<T>,
    may_upload: impl AsyncFnOnce() -> crate::workflow::Outcome<()>,
) -> Result<crate::workflow::Outcome<T>, axum::response::Response> {
    let post = match read_sheet(ctx, form).await {
        Ok(post) => post,
        Err(error) => return Err(super::error_page(ctx.lang, &ctx.uri, &error)),
    };
    let expected = post.expected();
    Ok(match post.format {
        Some(format) if !post.bytes.is_empty() => import(format, post.bytes, expected).await,
        _ => match may_upload().await {
            Ok(()) => Err(not_a_sheet(&post)),
            Err(failure) => Err(failure),
        },
    })
}

pub fn not_a_sheet(post: &SheetPost) -> Failure {
    let message = if post.bytes.is_empty() {
        Bilingual::new(
            "取り込むファイルを選んでください",
            "choose a file to import",
        )
    } else {
        Bilingual::new(
            "ファイルは .xlsx か .csv にしてください",
            "the file must be an .xlsx or a .csv file",
        )
    };
    refused_file(vec![FieldError::new("", "unsupported_format", message)])
}

fn unreadable() -> ApiError {
    ApiError::BadRequest(Bilingual::new(
        "送信されたファイルを読み取れません",
        "the uploaded form could not be read",
    ))
}

fn too_large_or_unreadable(error: MultipartError) -> ApiError {
    if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::from_status(error.status())
    } else {
        unreadable()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_tells_the_format_before_the_type() {
        assert_eq!(
            format_of(Some("Answers.XLSX"), Some(CSV)),
            Some(SheetFormat::Xlsx)
        );
        assert_eq!(
            format_of(Some("a.csv"), Some("application/octet-stream")),
            Some(SheetFormat::Csv)
        );
        assert_eq!(
            format_of(Some("a"), Some("text/csv; charset=utf-8")),
            Some(SheetFormat::Csv)
        );
        assert_eq!(format_of(Some("a.json"), Some("application/json")), None);
        assert_eq!(format_of(None, None), None);
    }
}
