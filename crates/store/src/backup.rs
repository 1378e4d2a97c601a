//! Backups in one engine-neutral file: a backup taken from SQLite restores into PostgreSQL and
//! the other way round. The file is JSON Lines: a header, every row of every table, every blob
//! (base64), the signing key, and last a manifest with the SHA-256 of each section and of the
//! whole file before it. Restoring checks every hash before writing anything.
//!
//! The file holds password hashes, token hashes and the log's signing key: keep it as safe as
//! the data directory itself.

use std::io::{BufRead, Write};
use std::path::Path;

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{StoreError, StoreResult};

pub const FORMAT: &str = "shinrai-backup";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub created_at_ms: i64,
    /// The engine the backup was taken from (for information only).
    pub engine: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: String,
    pub kind: String,
    pub name_ja: String,
    pub name_en: String,
    pub created_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: String,
    pub org_id: String,
    pub login: String,
    pub display_name: String,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at_ms: i64,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRow {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub secret_hash: String,
    pub created_at_ms: i64,
    /// Absent from backups taken before tokens expired; see [`TokenRow::expires_at_ms`].
    #[serde(default)]
    pub expires_at_ms: Option<i64>,
    pub revoked_at_ms: Option<i64>,
    pub last_used_at_ms: Option<i64>,
}

impl TokenRow {
    /// When the token expires; a token from a backup taken before tokens expired gets what
    /// migration 0005 gives such tokens.
    pub fn expires_at_ms(&self) -> i64 {
        self.expires_at_ms.unwrap_or_else(|| {
            self.created_at_ms
                .saturating_add(crate::model::TOKEN_LIFETIME_BEFORE_EXPIRY_MS)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: String,
    pub org: String,
    pub action: String,
    pub subject: String,
    pub visibility: String,
    pub payload: String,
    pub payload_hash: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointRow {
    pub size: i64,
    pub head_hash: String,
    pub at_ms: i64,
    pub signature: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobRow {
    pub sha256: String,
    pub size: i64,
    pub media_type: String,
    pub created_at_ms: i64,
}

/// Every row of the database, read in one transaction so they agree with each other.
/// Sessions are not kept: they are short-lived and signing in again is harmless.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub organisations: Vec<OrganisationRow>,
    pub users: Vec<UserRow>,
    pub tokens: Vec<TokenRow>,
    pub events: Vec<EventRow>,
    pub checkpoints: Vec<CheckpointRow>,
    pub blobs: Vec<BlobRow>,
    pub criteria: Vec<crate::criteria::CriteriaRow>,
    pub registry: Vec<crate::registry::RegistryRow>,
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Line {
    Header(Header),
    Organisation(OrganisationRow),
    User(UserRow),
    Token(TokenRow),
    Event(EventRow),
    Checkpoint(CheckpointRow),
    BlobInfo(BlobRow),
    Criteria(crate::criteria::CriteriaRow),
    RegistryEntry(crate::registry::RegistryRow),
    Blob { sha256: String, base64: String },
    SigningKey { seed_hex: String },
    Manifest(Manifest),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Rows per table and blobs, to show what a backup holds.
    pub counts: std::collections::BTreeMap<String, u64>,
    /// SHA-256 of every line before the manifest, newlines included.
    pub content_sha256: String,
}

/// Everything a backup holds, after checking it.
#[derive(Debug, Clone, Default)]
pub struct Contents {
    pub header: Option<Header>,
    pub rows: Rows,
    pub blobs: Vec<(String, Vec<u8>)>,
    pub signing_key_seed: Option<[u8; 32]>,
    pub manifest: Manifest,
}

/// Writes a backup; `blob` reads a blob's bytes (already checked against their hash).
pub fn write_backup(
    out: &mut dyn Write,
    header: &Header,
    rows: &Rows,
    blobs: &[(String, Vec<u8>)],
    signing_key_seed: &[u8; 32],
) -> StoreResult<Manifest> {
    let mut hasher = Sha256::new();
    let mut counts = std::collections::BTreeMap::new();
    let mut emit = |line: &Line, hasher: &mut Sha256| -> StoreResult<()> {
        let mut text =
            serde_json::to_string(line).map_err(|e| backup_error("writing", &e.to_string()))?;
        text.push('\n');
        hasher.update(text.as_bytes());
        out.write_all(text.as_bytes())
            .map_err(|e| backup_error("writing", &e.to_string()))
    };
    emit(&Line::Header(header.clone()), &mut hasher)?;
    let mut count = |name: &str, n: usize| {
        counts.insert(name.to_owned(), n as u64);
    };
    count("organisations", rows.organisations.len());
    count("users", rows.users.len());
    count("tokens", rows.tokens.len());
    count("events", rows.events.len());
    count("checkpoints", rows.checkpoints.len());
    count("blobs", rows.blobs.len());
    count("criteria", rows.criteria.len());
    count("registry", rows.registry.len());
    for row in &rows.organisations {
        emit(&Line::Organisation(row.clone()), &mut hasher)?;
    }
    for row in &rows.criteria {
        emit(&Line::Criteria(row.clone()), &mut hasher)?;
    }
    for row in &rows.registry {
        emit(&Line::RegistryEntry(row.clone()), &mut hasher)?;
    }
    for row in &rows.users {
        emit(&Line::User(row.clone()), &mut hasher)?;
    }
    for row in &rows.tokens {
        emit(&Line::Token(row.clone()), &mut hasher)?;
    }
    for row in &rows.events {
        emit(&Line::Event(row.clone()), &mut hasher)?;
    }
    for row in &rows.checkpoints {
        emit(&Line::Checkpoint(row.clone()), &mut hasher)?;
    }
    for row in &rows.blobs {
        emit(&Line::BlobInfo(row.clone()), &mut hasher)?;
    }
    for (sha256, bytes) in blobs {
        emit(
            &Line::Blob {
                sha256: sha256.clone(),
                base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            },
            &mut hasher,
        )?;
    }
    emit(
        &Line::SigningKey {
            seed_hex: hex::encode(signing_key_seed),
        },
        &mut hasher,
    )?;
    let manifest = Manifest {
        counts,
        content_sha256: hex::encode(hasher.clone().finalize()),
    };
    emit(&Line::Manifest(manifest.clone()), &mut hasher)?;
    out.flush()
        .map_err(|e| backup_error("writing", &e.to_string()))?;
    Ok(manifest)
}

/// Reads and checks a whole backup: the format, every line, the content hash, every blob's hash,
/// the counts. Nothing is written anywhere.
pub fn read_backup(input: &mut dyn BufRead) -> StoreResult<Contents> {
    let mut contents = Contents::default();
    let mut hasher = Sha256::new();
    let mut manifest_seen = false;
    let mut blob_rows_seen = 0u64;
    for (index, line) in input.lines().enumerate() {
        let number = index + 1;
        let place = format!("line {number}");
        let text = line.map_err(|e| backup_error(&place, &e.to_string()))?;
        if manifest_seen {
            return Err(backup_error(&place, "content after the manifest"));
        }
        let parsed: Line =
            serde_json::from_str(&text).map_err(|e| backup_error(&place, &e.to_string()))?;
        if number == 1 && !matches!(parsed, Line::Header(_)) {
            return Err(backup_error(&place, "not a shinrai backup (no header)"));
        }
        match parsed {
            Line::Header(header) => {
                if number != 1 || header.format != FORMAT {
                    return Err(backup_error(&place, "not a shinrai backup"));
                }
                if header.version != VERSION {
                    return Err(backup_error(
                        &place,
                        &format!("backup version {} is not supported", header.version),
                    ));
                }
                contents.header = Some(header);
            }
            Line::Organisation(row) => contents.rows.organisations.push(row),
            Line::User(row) => contents.rows.users.push(row),
            Line::Token(row) => contents.rows.tokens.push(row),
            Line::Event(row) => contents.rows.events.push(row),
            Line::Checkpoint(row) => contents.rows.checkpoints.push(row),
            Line::BlobInfo(row) => contents.rows.blobs.push(row),
            Line::Criteria(row) => contents.rows.criteria.push(row),
            Line::RegistryEntry(row) => contents.rows.registry.push(row),
            Line::Blob { sha256, base64 } => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(base64.as_bytes())
                    .map_err(|e| backup_error(&place, &e.to_string()))?;
                let actual = shinrai_domain::log_chain::sha256_hex(&bytes);
                if actual != sha256 {
                    return Err(backup_error(
                        &place,
                        &format!("blob {sha256} hashes to {actual}"),
                    ));
                }
                blob_rows_seen += 1;
                contents.blobs.push((sha256, bytes));
            }
            Line::SigningKey { seed_hex } => {
                let bytes =
                    hex::decode(&seed_hex).map_err(|e| backup_error(&place, &e.to_string()))?;
                contents.signing_key_seed = Some(
                    <[u8; 32]>::try_from(bytes.as_slice())
                        .map_err(|_| backup_error(&place, "a key is 32 bytes"))?,
                );
            }
            Line::Manifest(manifest) => {
                let actual = hex::encode(hasher.clone().finalize());
                if actual != manifest.content_sha256 {
                    return Err(backup_error(
                        &place,
                        "the content does not match the manifest's hash",
                    ));
                }
                contents.manifest = manifest;
                manifest_seen = true;
                continue;
            }
        }
        hasher.update(text.as_bytes());
        hasher.update(b"\n");
    }
    if !manifest_seen {
        return Err(backup_error(
            "end",
            "the backup ends before its manifest (truncated)",
        ));
    }
    let expected = |name: &str| contents.manifest.counts.get(name).copied().unwrap_or(0);
    let actual = [
        ("organisations", contents.rows.organisations.len() as u64),
        ("users", contents.rows.users.len() as u64),
        ("tokens", contents.rows.tokens.len() as u64),
        ("events", contents.rows.events.len() as u64),
        ("checkpoints", contents.rows.checkpoints.len() as u64),
        ("blobs", blob_rows_seen),
        ("criteria", contents.rows.criteria.len() as u64),
        ("registry", contents.rows.registry.len() as u64),
    ];
    for (name, count) in actual {
        if expected(name) != count {
            return Err(backup_error(
                "manifest",
                &format!(
                    "{name}: {count} in the file, {} in the manifest",
                    expected(name)
                ),
            ));
        }
    }
    let listed: std::collections::BTreeSet<&str> = contents
        .rows
        .blobs
        .iter()
        .map(|b| b.sha256.as_str())
        .collect();
    let present: std::collections::BTreeSet<&str> =
        contents.blobs.iter().map(|(sha, _)| sha.as_str()).collect();
    if listed != present {
        return Err(backup_error(
            "manifest",
            "blob metadata and blob contents differ",
        ));
    }
    if contents.signing_key_seed.is_none() {
        return Err(backup_error("manifest", "the signing key is missing"));
    }
    Ok(contents)
}

fn backup_error(place: &str, detail: &str) -> StoreError {
    StoreError::Backup {
        place: place.to_owned(),
        detail: detail.to_owned(),
    }
}

/// Reads a backup file.
pub fn read_backup_file(path: &Path) -> StoreResult<Contents> {
    let file = std::fs::File::open(path).map_err(|e| StoreError::Files {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    read_backup(&mut std::io::BufReader::new(file))
}
