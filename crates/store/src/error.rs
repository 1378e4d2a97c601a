//! What can go wrong in the store. Database and file errors are internal: the service logs them
//! and shows the client only that something failed.

use shinrai_domain::text::Bilingual;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A record with this key exists already (an organisation id, a login).
    #[error("{} already exists", .what.en)]
    Conflict { what: Bilingual },
    /// A published record, which never changes (a published criteria version).
    #[error("{} is published and cannot change", .what.en)]
    Unchangeable { what: Bilingual },
    /// A record the change needs does not exist.
    #[error("{} does not exist", .what.en)]
    NotFound { what: Bilingual },
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
    /// An upload went past the largest size taken for it.
    #[error("the upload is larger than {max} bytes")]
    UploadTooLarge { max: u64 },
    /// The uploader's stream broke off before its end.
    #[error("the upload broke off: {detail}")]
    UploadBroken { detail: String },
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
                | StoreError::UploadTooLarge { .. }
                | StoreError::UploadBroken { .. }
        )
    }

    pub fn message(&self) -> Bilingual {
        match self {
            StoreError::Conflict { what } => Bilingual::new(
                format!("{} は既に存在します", what.ja),
                format!("{} already exists", what.en),
            ),
            StoreError::Unchangeable { what } => Bilingual::new(
                format!("{} は公表済みのため変更できません", what.ja),
                format!("{} is published and cannot change", what.en),
            ),
            StoreError::NotFound { what } => Bilingual::new(
                format!("{} は存在しません", what.ja),
                format!("{} does not exist", what.en),
            ),
            StoreError::Backup { place, detail } => Bilingual::new(
                format!("バックアップの{}: {}", place.ja, detail.ja),
                format!("backup {}: {}", place.en, detail.en),
            ),
            StoreError::NotEmpty { detail } => Bilingual::new(
                format!("復元先が空ではありません: {}", detail.ja),
                format!("the target store is not empty: {}", detail.en),
            ),
            StoreError::UploadTooLarge { max } => Bilingual::new(
                format!("アップロードが {max} バイトを超えています"),
                format!("the upload is larger than {max} bytes"),
            ),
            StoreError::UploadBroken { detail } => Bilingual::new(
                format!("アップロードが途中で切れました（{detail}）"),
                format!("the upload broke off ({detail})"),
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

/// What a kind of record is called in messages, in both languages: the store's errors name the
/// record in the language of the one reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub ja: &'static str,
    pub en: &'static str,
}

impl Noun {
    pub const fn new(ja: &'static str, en: &'static str) -> Noun {
        Noun { ja, en }
    }

    /// The record `id` of this kind, as a message names it.
    pub fn of(self, id: &str) -> Bilingual {
        Bilingual::new(format!("{} {id}", self.ja), format!("{} {id}", self.en))
    }

    /// The record `id`, changed by someone else since it was read.
    pub fn changed_meanwhile(self, id: &str) -> Bilingual {
        Bilingual::new(
            format!(
                "{} {id}（読み込んだ後にほかの変更がありました。読み直してください）",
                self.ja
            ),
            format!("{} {id} (changed meanwhile: read it again)", self.en),
        )
    }
}

pub const CRITERIA_VERSION: Noun = Noun::new("管理基準の版", "criteria version");
pub const REGISTRY_ENTRY: Noun = Noun::new("登録簿の項目", "registry entry");
pub const ORGANISATION: Noun = Noun::new("組織", "organisation");
pub const LOGIN: Noun = Noun::new("ログイン名", "login");
pub const USER: Noun = Noun::new("利用者", "user");
pub const ACTIVE_TOKEN: Noun = Noun::new("有効な API トークン", "active token");
