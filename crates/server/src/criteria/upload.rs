//! Reading an uploaded criteria file (the body of `POST /api/v1/criteria`) into a draft
//! version. Which reader runs is chosen by the `Content-Type`.

use shinrai_domain::criteria::{CriteriaVersion, Status};
use shinrai_domain::text::Bilingual;
use shinrai_interchange::{oscal_criteria, table};

use crate::error::ApiError;

pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const JSON: &str = "application/json";

/// Uploads may be far larger than other requests: the NIST catalog alone is 10 MB.
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

/// What a version read from an upload comes with: things the reader wants the operator to know.
#[derive(Debug)]
pub struct Upload {
    pub version: CriteriaVersion,
    pub notes: Vec<Bilingual>,
}

/// Reads `body` as the media type says. `version_id` overrides the id in the file (and names an
/// OSCAL catalog's version, which has none of shinrai's).
pub fn read(media_type: &str, body: &[u8], version_id: Option<&str>) -> Result<Upload, ApiError> {
    let (mut version, notes) = match media_type {
        CSV => (
            table::read_csv_bytes("upload.csv", body).map_err(|e| unreadable(&e.message()))?,
            Vec::new(),
        ),
        XLSX => (
            table::read_xlsx_bytes("upload.xlsx", body).map_err(|e| unreadable(&e.message()))?,
            Vec::new(),
        ),
        JSON => {
            let imported = read_catalog(body, version_id.unwrap_or("imported"))?;
            (imported.version, imported.notes)
        }
        _ => {
            return Err(ApiError::UnsupportedMediaType {
                expected: "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/json",
            });
        }
    };
    if let Some(id) = version_id {
        id.clone_into(&mut version.version);
    }
    check_version_id(&version.version)?;
    version.status = Status::Draft;
    version.published_on = None;
    Ok(Upload { version, notes })
}

/// The OSCAL reader works on files (profiles and catalogs refer to each other by path), so the
/// upload is written to a private temporary folder first and removed afterwards.
fn read_catalog(body: &[u8], version_id: &str) -> Result<oscal_criteria::Imported, ApiError> {
    let folder = std::env::temp_dir().join(format!("shinrai-upload-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir(&folder).map_err(ApiError::internal)?;
    let path = folder.join("catalog.json");
    let result = std::fs::write(&path, body)
        .map_err(ApiError::internal)
        .and_then(|()| {
            oscal_criteria::import_catalog(&path, &[], version_id).map_err(|e| {
                // The temporary path means nothing to the client: name the upload instead.
                let shown = path.display().to_string();
                let message = e.message();
                unreadable(&Bilingual::new(
                    message.ja.replace(&shown, "upload.json"),
                    message.en.replace(&shown, "upload.json"),
                ))
            })
        });
    let _ = std::fs::remove_dir_all(&folder);
    result
}

fn unreadable(message: &Bilingual) -> ApiError {
    ApiError::InvalidInput {
        message: message.clone(),
        pointer: None,
        detail_code: Some("unreadable_criteria"),
    }
}

/// Version ids appear in addresses: letters, digits, `.`, `_`, `-`, 1 to 64.
pub fn check_version_id(id: &str) -> Result<(), ApiError> {
    let ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::InvalidInput {
            message: Bilingual::new(
                "版 ID は英数字と . _ - の 64 文字以内にしてください",
                "a version id is 1 to 64 letters, digits, '.', '_' or '-'",
            ),
            pointer: None,
            detail_code: Some("invalid_id"),
        })
    }
}
