//! Reading an uploaded criteria file (the body of `POST /api/v1/criteria`) into a draft
//! version. Which reader runs is chosen by the `Content-Type`.

use shinrai_domain::criteria::{CriteriaVersion, Status};
use shinrai_domain::text::Bilingual;
use shinrai_formats::{oscal_criteria, table};

use crate::error::ApiError;

pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const JSON: &str = "application/json";
pub const MULTIPART: &str = "multipart/form-data";

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
                expected: "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json or multipart/form-data",
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

/// One uploaded file: the name the client gave it (profiles find their catalog by it) and its
/// bytes.
#[derive(Debug)]
pub struct NamedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// An OSCAL catalog with one profile per level (levels 1, 2, 3 in order), as a multipart form
/// brings them.
pub fn read_catalog_with_profiles(
    catalog: NamedFile,
    profiles: Vec<NamedFile>,
    version_id: Option<&str>,
) -> Result<Upload, ApiError> {
    let id = version_id.unwrap_or("imported");
    let imported = import_files(catalog, profiles, id)?;
    let mut version = imported.version;
    id.clone_into(&mut version.version);
    check_version_id(&version.version)?;
    version.status = Status::Draft;
    version.published_on = None;
    Ok(Upload {
        version,
        notes: imported.notes,
    })
}

fn read_catalog(body: &[u8], version_id: &str) -> Result<oscal_criteria::Imported, ApiError> {
    let catalog = NamedFile {
        name: "catalog.json".to_owned(),
        bytes: body.to_vec(),
    };
    import_files(catalog, Vec::new(), version_id)
}

/// The OSCAL reader works on files (profiles and catalogs refer to each other by path), so the
/// upload is written to a private temporary folder first and removed afterwards.
fn import_files(
    catalog: NamedFile,
    profiles: Vec<NamedFile>,
    version_id: &str,
) -> Result<oscal_criteria::Imported, ApiError> {
    let folder = std::env::temp_dir().join(format!("shinrai-upload-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir(&folder).map_err(ApiError::internal)?;
    let result = (|| {
        let catalog_name = safe_name(&catalog.name, "catalog.json");
        let catalog_path = folder.join(&catalog_name);
        std::fs::write(&catalog_path, &catalog.bytes).map_err(ApiError::internal)?;
        let mut profile_paths = Vec::new();
        for (level, profile) in profiles.iter().enumerate() {
            // A profile named like the catalog would overwrite it: give it its level's name.
            let mut name = safe_name(&profile.name, &format!("profile-level-{}.json", level + 1));
            if name == catalog_name
                || profile_paths
                    .iter()
                    .any(|p: &std::path::PathBuf| p.ends_with(&name))
            {
                name = format!("level-{}-{name}", level + 1);
            }
            let path = folder.join(name);
            std::fs::write(&path, &profile.bytes).map_err(ApiError::internal)?;
            profile_paths.push(path);
        }
        oscal_criteria::import_catalog(&catalog_path, &profile_paths, version_id).map_err(|e| {
            // The temporary folder means nothing to the client: show the names it sent.
            let shown = format!("{}/", folder.display());
            let message = e.message();
            unreadable(&Bilingual::new(
                message.ja.replace(&shown, ""),
                message.en.replace(&shown, ""),
            ))
        })
    })();
    let _ = std::fs::remove_dir_all(&folder);
    result
}

/// The last part of a client's file name, with anything but letters, digits, `.`, `_` and `-`
/// replaced, so that it can only name a file inside the temporary folder.
fn safe_name(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.is_empty() || cleaned.chars().all(|c| c == '.') {
        fallback.to_owned()
    } else {
        cleaned
    }
}

fn unreadable(message: &Bilingual) -> ApiError {
    ApiError::InvalidInput {
        message: message.clone(),
        pointer: None,
        detail_code: Some("unreadable_criteria"),
    }
}

/// Version ids appear in addresses and file names (see `is_valid_version_id`).
pub fn check_version_id(id: &str) -> Result<(), ApiError> {
    let ok = shinrai_domain::criteria::is_valid_version_id(id);
    if ok {
        Ok(())
    } else {
        Err(ApiError::InvalidInput {
            message: Bilingual::new(
                "版 ID は英数字と . _ - の 64 文字以内（diff 以外）にしてください",
                "a version id is 1 to 64 letters, digits, '.', '_' or '-', other than \"diff\"",
            ),
            pointer: None,
            detail_code: Some("invalid_id"),
        })
    }
}
