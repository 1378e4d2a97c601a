//! Backups in one engine-neutral file: a backup taken from SQLite restores into PostgreSQL and
//! the other way round. The file is JSON Lines: a header, every row of every table, every blob
//! (base64), the signing key, and last a manifest with the counts and the SHA-256 of the whole
//! file before it, signed with the log's Ed25519 key. Reading checks every hash and the signature
//! before anything is written.
//!
//! The signature is checked against the key inside the backup, which stops a file edited with
//! its hash recomputed but not re-signed. The key's seed travels in the file, so whoever can read
//! a backup can also re-sign an edited one, or sign a forged one with a key of their own: only a
//! public key or checkpoint kept outside the backup ([`Trust`]) tells the genuine one apart.
//!
//! The file holds password hashes, token hashes and the log's signing key: it is written `0600`
//! and should be kept as safe as the data directory itself.

use std::io::{BufRead, Write};
use std::path::Path;

use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shinrai_domain::log_chain::Checkpoint;
use shinrai_domain::text::Bilingual;

use crate::error::{StoreError, StoreResult};
use crate::{Store, on_backend};

impl Store {
    /// Writes a consistent backup of the database, the blobs and the signing key while the
    /// service keeps running (see [`crate::backup`]).
    pub async fn backup(&self, out: &mut dyn Write, at_ms: i64) -> StoreResult<Manifest> {
        let rows = on_backend!(self, b => b.export_rows())?;
        let mut blobs = Vec::with_capacity(rows.blobs.len());
        for blob in &rows.blobs {
            let bytes =
                self.blobs
                    .get(&blob.sha256)
                    .await?
                    .ok_or_else(|| StoreError::BlobCorrupt {
                        sha256: blob.sha256.clone(),
                        actual: "missing".to_owned(),
                    })?;
            blobs.push((blob.sha256.clone(), bytes.to_vec()));
        }
        let header = Header {
            format: FORMAT.to_owned(),
            version: VERSION,
            created_at_ms: at_ms,
            engine: self.engine().to_owned(),
        };
        write_backup(out, &header, &rows, &blobs, &self.signing_key.to_bytes())
    }
}

pub const FORMAT: &str = "shinrai-backup";
/// 2: the manifest is signed (version 1 backups were not, and are refused).
pub const VERSION: u32 = 2;

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
    /// Rows of the document tables (services, statements, audits …), each naming its table.
    pub documents: Vec<DocumentLine>,
}

/// A row of one of the document tables ([`crate::binding::DOCUMENT_TABLES`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLine {
    pub table: String,
    pub row: crate::documents::DocumentRow,
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
    Document(DocumentLine),
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
    /// The public half of the key that signed the manifest (the log's key), hex.
    #[serde(default)]
    pub public_key: String,
    /// Ed25519 signature over [`manifest_message`], hex.
    #[serde(default)]
    pub signature: String,
}

/// What the manifest's signature covers: the content hash (and so every line before the
/// manifest), the signer and the counts. Its first line keeps it apart from checkpoint
/// signatures made with the same key.
pub fn manifest_message(manifest: &Manifest) -> Vec<u8> {
    let counts: String = manifest
        .counts
        .iter()
        .map(|(name, count)| format!("{name} {count}\n"))
        .collect();
    format!(
        "shinrai-backup-manifest-v{VERSION}\n{}\n{}\n{counts}",
        manifest.content_sha256, manifest.public_key
    )
    .into_bytes()
}

/// Everything a backup holds, after checking it.
#[derive(Debug, Clone, Default)]
pub struct Contents {
    pub header: Option<Header>,
    pub rows: Rows,
    pub blobs: Vec<(String, Vec<u8>)>,
    pub signing_key_seed: Option<[u8; 32]>,
    pub manifest: Manifest,
    /// The key the manifest's signature verified with; only [`read_backup`] sets it.
    signed_by: Option<VerifyingKey>,
}

impl Contents {
    /// The key the backup is signed with, once [`read_backup`] has checked the signature.
    pub fn signed_by(&self) -> Option<&VerifyingKey> {
        self.signed_by.as_ref()
    }
}

/// What a restore trusts from outside the backup, since the backup carries its own key.
#[derive(Debug, Clone, Default)]
pub struct Trust {
    /// The backup must be signed with this key (the installation's public key, kept elsewhere).
    pub public_key: Option<VerifyingKey>,
    /// Checkpoints kept elsewhere: the restored log must contain each of them.
    pub checkpoints: Vec<Checkpoint>,
}

/// The key a checked backup is signed with, refused when it is not the trusted one.
pub fn check_signer(contents: &Contents, trust: &Trust) -> StoreResult<VerifyingKey> {
    let signer = contents.signed_by.ok_or_else(|| {
        backup_error(
            manifest_place(),
            Bilingual::new(
                "署名が確かめられていません",
                "its signature has not been checked",
            ),
        )
    })?;
    match trust.public_key {
        Some(trusted) if trusted != signer => Err(backup_error(
            manifest_place(),
            Bilingual::new(
                format!(
                    "信頼する鍵 {} ではなく、鍵 {} で署名されています",
                    hex::encode(trusted.to_bytes()),
                    hex::encode(signer.to_bytes())
                ),
                format!(
                    "it is signed by key {}, not by the trusted key {}",
                    hex::encode(signer.to_bytes()),
                    hex::encode(trusted.to_bytes())
                ),
            ),
        )),
        _ => Ok(signer),
    }
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
        let mut text = serde_json::to_string(line).map_err(|e| writing_error(&e))?;
        text.push('\n');
        hasher.update(text.as_bytes());
        out.write_all(text.as_bytes())
            .map_err(|e| writing_error(&e))
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
    for table in crate::binding::DOCUMENT_TABLES {
        count(
            table.name,
            rows.documents
                .iter()
                .filter(|d| d.table == table.name)
                .count(),
        );
    }
    for row in &rows.organisations {
        emit(&Line::Organisation(row.clone()), &mut hasher)?;
    }
    for row in &rows.criteria {
        emit(&Line::Criteria(row.clone()), &mut hasher)?;
    }
    for row in &rows.registry {
        emit(&Line::RegistryEntry(row.clone()), &mut hasher)?;
    }
    for line in &rows.documents {
        emit(&Line::Document(line.clone()), &mut hasher)?;
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
    let key = SigningKey::from_bytes(signing_key_seed);
    let mut manifest = Manifest {
        counts,
        content_sha256: hex::encode(hasher.clone().finalize()),
        public_key: hex::encode(key.verifying_key().to_bytes()),
        signature: String::new(),
    };
    manifest.signature = hex::encode(key.sign(&manifest_message(&manifest)).to_bytes());
    emit(&Line::Manifest(manifest.clone()), &mut hasher)?;
    out.flush().map_err(|e| writing_error(&e))?;
    Ok(manifest)
}

/// Reads and checks a whole backup: the format, every line, the content hash and its signature
/// by the key in the backup, every blob's hash, the counts. Nothing is written anywhere.
pub fn read_backup(input: &mut dyn BufRead) -> StoreResult<Contents> {
    let mut contents = Contents::default();
    let mut hasher = Sha256::new();
    let mut manifest_seen = false;
    let mut blob_rows_seen = 0u64;
    for (index, line) in input.lines().enumerate() {
        let number = index + 1;
        let place = line_place(number);
        let text = line.map_err(|e| backup_error(place.clone(), unreadable(&e)))?;
        if manifest_seen {
            return Err(backup_error(
                place,
                Bilingual::new(
                    "マニフェストの後に内容があります",
                    "content after the manifest",
                ),
            ));
        }
        let parsed: Line =
            serde_json::from_str(&text).map_err(|e| backup_error(place.clone(), unreadable(&e)))?;
        if number == 1 && !matches!(parsed, Line::Header(_)) {
            return Err(backup_error(
                place,
                Bilingual::new(
                    "shinrai のバックアップではありません（ヘッダーがありません）",
                    "not a shinrai backup (no header)",
                ),
            ));
        }
        match parsed {
            Line::Header(header) => {
                check_header(&header, number).map_err(|detail| backup_error(place, detail))?;
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
            Line::Document(line) => {
                if !crate::binding::DOCUMENT_TABLES
                    .iter()
                    .any(|table| table.name == line.table)
                {
                    return Err(backup_error(
                        place,
                        Bilingual::new(
                            format!("未知の表 {} の行です", line.table),
                            format!("a row of an unknown table {}", line.table),
                        ),
                    ));
                }
                contents.rows.documents.push(line);
            }
            Line::Blob { sha256, base64 } => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(base64.as_bytes())
                    .map_err(|e| backup_error(place.clone(), unreadable(&e)))?;
                let actual = shinrai_domain::log_chain::sha256_hex(&bytes);
                if actual != sha256 {
                    return Err(backup_error(
                        place,
                        Bilingual::new(
                            format!("添付ファイル {sha256} のハッシュが {actual} になります"),
                            format!("blob {sha256} hashes to {actual}"),
                        ),
                    ));
                }
                blob_rows_seen += 1;
                contents.blobs.push((sha256, bytes));
            }
            Line::SigningKey { seed_hex } => {
                let bytes = hex::decode(&seed_hex)
                    .map_err(|e| backup_error(place.clone(), unreadable(&e)))?;
                contents.signing_key_seed =
                    Some(<[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
                        backup_error(
                            place,
                            Bilingual::new("鍵は 32 バイトです", "a key is 32 bytes"),
                        )
                    })?);
            }
            Line::Manifest(manifest) => {
                let actual = hex::encode(hasher.clone().finalize());
                if actual != manifest.content_sha256 {
                    return Err(backup_error(
                        place,
                        Bilingual::new(
                            "内容がマニフェストのハッシュと一致しません",
                            "the content does not match the manifest's hash",
                        ),
                    ));
                }
                contents.signed_by = Some(
                    check_signature(&manifest, contents.signing_key_seed.as_ref())
                        .map_err(|detail| backup_error(place, detail))?,
                );
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
            Bilingual::new("末尾", "end"),
            Bilingual::new(
                "マニフェストの前で終わっています（途中で切れています）",
                "the backup ends before its manifest (truncated)",
            ),
        ));
    }
    check_counts(&contents, blob_rows_seen)?;
    Ok(contents)
}

fn check_header(header: &Header, number: usize) -> Result<(), Bilingual> {
    if number != 1 || header.format != FORMAT {
        return Err(Bilingual::new(
            "shinrai のバックアップではありません",
            "not a shinrai backup",
        ));
    }
    if header.version != VERSION {
        let version = header.version;
        return Err(Bilingual::new(
            format!(
                "バックアップの版 {version} には対応していません（この版が読むのは版 {VERSION} です。版 1 には署名がないため、この版で取り直してください）"
            ),
            format!(
                "backup version {version} is not supported (this version reads version {VERSION}; version 1 backups are unsigned: take a new backup with this version)"
            ),
        ));
    }
    Ok(())
}

/// The manifest's signature, checked against the key in the backup (the line before it).
fn check_signature(
    manifest: &Manifest,
    seed: Option<&[u8; 32]>,
) -> Result<VerifyingKey, Bilingual> {
    let key = seed
        .map(|seed| SigningKey::from_bytes(seed).verifying_key())
        .ok_or_else(|| Bilingual::new("署名鍵がありません", "the signing key is missing"))?;
    if manifest.signature.is_empty() {
        return Err(Bilingual::new(
            "マニフェストに署名がありません",
            "the manifest is not signed",
        ));
    }
    if manifest.public_key != hex::encode(key.to_bytes()) {
        return Err(Bilingual::new(
            format!(
                "マニフェストが示す鍵 {} とバックアップの鍵 {} が違います",
                manifest.public_key,
                hex::encode(key.to_bytes())
            ),
            format!(
                "the manifest names key {}, but the backup holds key {}",
                manifest.public_key,
                hex::encode(key.to_bytes())
            ),
        ));
    }
    let signature = hex::decode(&manifest.signature)
        .ok()
        .and_then(|bytes| <[u8; 64]>::try_from(bytes.as_slice()).ok())
        .map(|bytes| Signature::from_bytes(&bytes));
    match signature {
        Some(signature)
            if key
                .verify_strict(&manifest_message(manifest), &signature)
                .is_ok() =>
        {
            Ok(key)
        }
        _ => Err(Bilingual::new(
            "マニフェストの署名がバックアップの鍵で検証できません（書き出した後に変更されています）",
            "the manifest's signature does not verify with the backup's key (changed after it was written)",
        )),
    }
}

/// The counts in the manifest against the lines read, and blob metadata against blob contents.
fn check_counts(contents: &Contents, blob_rows_seen: u64) -> StoreResult<()> {
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
    let documents = crate::binding::DOCUMENT_TABLES.map(|table| {
        (
            table.name,
            contents
                .rows
                .documents
                .iter()
                .filter(|d| d.table == table.name)
                .count() as u64,
        )
    });
    for (name, count) in actual.into_iter().chain(documents) {
        let listed = expected(name);
        if listed != count {
            return Err(backup_error(
                manifest_place(),
                Bilingual::new(
                    format!("{name}: ファイルに {count} 件、マニフェストに {listed} 件"),
                    format!("{name}: {count} in the file, {listed} in the manifest"),
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
            manifest_place(),
            Bilingual::new(
                "添付ファイルの情報と中身が一致しません",
                "blob metadata and blob contents differ",
            ),
        ));
    }
    Ok(())
}

pub(crate) fn backup_error(place: Bilingual, detail: Bilingual) -> StoreError {
    StoreError::Backup { place, detail }
}

fn line_place(number: usize) -> Bilingual {
    Bilingual::new(format!("{number} 行目"), format!("line {number}"))
}

pub(crate) fn manifest_place() -> Bilingual {
    Bilingual::new("マニフェスト", "manifest")
}

fn unreadable(error: &dyn std::fmt::Display) -> Bilingual {
    Bilingual::new(format!("読めません: {error}"), error.to_string())
}

fn writing_error(error: &dyn std::fmt::Display) -> StoreError {
    backup_error(
        Bilingual::new("書き出し", "writing"),
        Bilingual::new(format!("書き出せません: {error}"), error.to_string()),
    )
}

/// Reads a backup file.
pub fn read_backup_file(path: &Path) -> StoreResult<Contents> {
    let file = std::fs::File::open(path).map_err(|e| StoreError::Files {
        path: path.display().to_string(),
        detail: e.to_string(),
    })?;
    read_backup(&mut std::io::BufReader::new(file))
}
