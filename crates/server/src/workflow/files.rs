//! What the workflow's file routes share: which spreadsheet format a request asks for (a
//! `format` parameter, else the body's `Content-Type`), the answer that carries a file, and the
//! problems of a refused file as field problems placed at their sheet and cell.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::{FieldError, Refusal};
use shinrai_formats::sheet_form::{FormErrors, FormProblem};
use shinrai_formats::statement::SheetFormat;
use shinrai_formats::table::Place;
use utoipa::IntoParams;

use super::{Failure, Outcome};
use crate::error::ApiError;
use crate::state::AppState;

/// The largest spreadsheet the routes take: the bound of the spreadsheet reader itself.
pub const MAX_SHEET_BYTES: usize = 16 * 1024 * 1024;

pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const JSON: &str = "application/json";

/// The spreadsheet format of a download or an upload.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FormatQuery {
    /// `xlsx` or `csv`; a download defaults to `xlsx`, an upload to its `Content-Type`.
    #[param(value_type = Option<String>, example = "xlsx")]
    pub format: Option<String>,
}

impl FormatQuery {
    fn named(&self) -> Result<Option<SheetFormat>, ApiError> {
        match self
            .format
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None => Ok(None),
            Some("xlsx") => Ok(Some(SheetFormat::Xlsx)),
            Some("csv") => Ok(Some(SheetFormat::Csv)),
            Some(_) => Err(ApiError::BadRequest(Bilingual::new(
                "format には xlsx か csv を指定してください",
                "format must be xlsx or csv",
            ))),
        }
    }

    /// The format of a download.
    pub fn download(&self) -> Result<SheetFormat, ApiError> {
        Ok(self.named()?.unwrap_or(SheetFormat::Xlsx))
    }

    /// The format of an uploaded body: the parameter, else the media type.
    pub fn upload(&self, media_type: &str) -> Result<SheetFormat, ApiError> {
        if let Some(format) = self.named()? {
            return Ok(format);
        }
        match media_type {
            CSV => Ok(SheetFormat::Csv),
            XLSX => Ok(SheetFormat::Xlsx),
            _ => Err(ApiError::UnsupportedMediaType {
                expected: "text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (or ?format=csv|xlsx)",
            }),
        }
    }
}

/// An uploaded body: its media type (lower case, without parameters) and its bytes, read up to
/// the route's body limit.
#[derive(Debug)]
pub struct Upload {
    pub media_type: String,
    pub bytes: Bytes,
}

impl Upload {
    pub async fn read(request: Request, state: &AppState) -> Result<Upload, ApiError> {
        let media_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(|value| value.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| ApiError::from_status(e.status()))?;
        Ok(Upload { media_type, bytes })
    }

    /// An uploaded spreadsheet: its format (the `format` parameter, else the media type) and
    /// its bytes. A format that is neither is refused only after `rights` (who may upload, and
    /// when) has answered, so that nobody learns of a record by the way a file of theirs is
    /// refused.
    pub async fn sheet<R>(
        request: Request,
        state: &AppState,
        query: &FormatQuery,
        rights: impl Future<Output = Outcome<R>>,
    ) -> Result<(SheetFormat, Bytes), ApiError> {
        let upload = Upload::read(request, state).await?;
        match query.upload(&upload.media_type) {
            Ok(format) => Ok((format, upload.bytes)),
            Err(error) => {
                rights.await?;
                Err(error)
            }
        }
    }
}

/// The name messages give an uploaded file.
pub fn upload_name(format: SheetFormat) -> &'static str {
    match format {
        SheetFormat::Xlsx => "upload.xlsx",
        SheetFormat::Csv => "upload.csv",
    }
}

/// A file to download, named `stem` with the format's extension.
pub fn spreadsheet(format: SheetFormat, stem: &str, bytes: Vec<u8>) -> Response {
    let (media, extension) = match format {
        SheetFormat::Xlsx => (XLSX, "xlsx"),
        SheetFormat::Csv => ("text/csv; charset=utf-8", "csv"),
    };
    attachment(media, &format!("{stem}.{extension}"), bytes)
}

/// Bytes as a download of `media` named `file` (ids are letters, digits, `.`, `_` and `-`, so
/// the name needs no quoting beyond the quotes).
pub fn attachment(media: &str, file: &str, bytes: Vec<u8>) -> Response {
    let file: String = file
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, media.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// Where a problem of a spreadsheet is, as a field problem's pointer: `sheet!cell`, the cell
/// alone in a CSV file, the sheet or the row when that is all that is known, empty for the file.
pub fn pointer(place: Option<&Place>) -> String {
    let Some(place) = place else {
        return String::new();
    };
    let spot = match (&place.cell, place.row) {
        (Some(cell), _) => cell.clone(),
        (None, Some(row)) => row.to_string(),
        (None, None) => String::new(),
    };
    match (&place.sheet, spot.is_empty()) {
        (Some(sheet), false) => format!("{sheet}!{spot}"),
        (Some(sheet), true) => sheet.clone(),
        (None, _) => spot,
    }
}

/// A refused file: every problem as an invalid field, with its whole message (file, sheet,
/// row, column, cell).
pub fn refused_file(problems: Vec<FieldError>) -> Failure {
    Failure::Refused(Refusal::Invalid(problems))
}

/// A refused spreadsheet (a statement's or conclusions'): each problem at its sheet and cell,
/// then how many more there are when not all are listed.
pub fn refused_sheet<P: FormProblem>(errors: FormErrors<P>) -> Failure {
    let omitted = errors.omitted_message();
    let mut problems: Vec<FieldError> = errors
        .into_vec()
        .into_iter()
        .map(|problem| FieldError::new(pointer(problem.place()), problem.code(), problem.message()))
        .collect();
    if let Some(omitted) = omitted {
        problems.push(FieldError::new("", "more_problems", omitted));
    }
    refused_file(problems)
}
