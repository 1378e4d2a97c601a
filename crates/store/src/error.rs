//! What can go wrong in the store. Database and file errors are internal: the service logs them
//! and shows the client only that something failed.

use shinrai_domain::text::Bilingual;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A record with this key exists already (an organisation id, a login).
    #[error("{what} already exists")]
    Conflict { what: String },
    /// A published record, which never changes (a published criteria version).
    #[error("{what} is published and cannot change")]
    Unchangeable { what: String },
    /// A record the change needs does not exist.
    #[error("{what} does not exist")]
    NotFound { what: String },
    /// A blob's bytes no longer match their SHA-256.
    #[error("blob {sha256} is corrupt: its content hashes to {actual}")]
    BlobCorrupt { sha256: String, actual: String },
    /// The data directory or a file in it cannot be used.
    #[error("{path}: {detail}")]
    Files { path: String, detail: String },
    /// A backup file is not one shinrai wrote, its contents do not match its signed manifest,
    /// or what it holds does not verify.
    #[error("backup {}: {}", .place.en, .detail.en)]
    Backup { place: Bilingual, detail: Bilingual },
    /// Restoring needs an empty target.
    #[error("the target store is not empty: {}", .detail.en)]
    NotEmpty { detail: Bilingual },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// The database's schema is not the one this version reads (checked without migrating).
    #[error("database schema: {}", .detail.en)]
    Schema { detail: Bilingual },
    #[error("database migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("blob store: {0}")]
    Blobs(#[from] object_store::Error),
    /// A stored value that this version cannot read (an unknown role or kind).
    #[error("stored data: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Whether the caller caused this (and may be told the detail) rather than the service.
    pub fn is_caller_error(&self) -> bool {
        matches!(
            self,
            StoreError::Conflict { .. }
                | StoreError::NotFound { .. }
                | StoreError::Unchangeable { .. }
        )
    }

    pub fn message(&self) -> Bilingual {
        match self {
            StoreError::Conflict { what } => Bilingual::new(
                format!("{what} は既に存在します"),
                format!("{what} already exists"),
            ),
            StoreError::Unchangeable { what } => Bilingual::new(
                format!("{what} は公表済みのため変更できません"),
                format!("{what} is published and cannot change"),
            ),
            StoreError::NotFound { what } => Bilingual::new(
                format!("{what} は存在しません"),
                format!("{what} does not exist"),
            ),
            StoreError::Backup { place, detail } => Bilingual::new(
                format!("バックアップの{}: {}", place.ja, detail.ja),
                format!("backup {}: {}", place.en, detail.en),
            ),
            StoreError::NotEmpty { detail } => Bilingual::new(
                format!("復元先が空ではありません: {}", detail.ja),
                format!("the target store is not empty: {}", detail.en),
            ),
            StoreError::Schema { detail } => Bilingual::new(
                format!("データベースのスキーマ: {}", detail.ja),
                format!("database schema: {}", detail.en),
            ),
            other => Bilingual::new(format!("保存領域のエラー: {other}"), other.to_string()),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
