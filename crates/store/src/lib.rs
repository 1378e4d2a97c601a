//! Persistence for shinrai behind one type, [`Store`]: SQLite embedded in the data directory by
//! default, PostgreSQL for production, both with the same behaviour and their own migrations.
//! Every change of state appends an event to the tamper-evident log in the same transaction;
//! checkpoints of the log are signed with the data directory's Ed25519 key.
//!
//! Each aggregate has a module of its own (`organisations`, `users`, `sessions`, `tokens`,
//! `blobs`, `criteria`, `registry`, and `log` for the log itself) holding its public
//! `impl Store` methods and its SQL operations, written once in a macro and instantiated for
//! each engine in `sqlite.rs` and `postgres.rs`. The engines differ only in how a writing
//! transaction starts (see each backend's `begin_write`). The SQL itself is in `sql.rs`.

mod applications;
mod assurance;
mod audit_bodies;
mod audits;
pub mod backup;
mod backup_rows;
pub mod binding;
mod blobs;
mod certificates;
mod change_notices;
pub mod criteria;
pub mod documents;
pub mod error;
mod event_payload;
pub mod files;
mod incidents;
mod job_lock;
mod keys;
mod log;
pub mod model;
mod notifications;
mod organisations;
mod postgres;
mod procurement;
mod quality_reviews;
mod read_only;
pub mod registry;
mod restore;
mod rows;
mod schema;
mod selection_applications;
mod services;
mod sessions;
mod sql;
mod sqlite;
pub mod statements;
mod tokens;
mod users;
mod working_papers;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;

use ed25519_dalek::SigningKey;

pub use blobs::Blobs;
pub use error::{StoreError, StoreResult};
pub use job_lock::JobLock;
pub use keys::KEY_FILE;
use postgres::PostgresBackend;
pub use read_only::{ReadOnlyStore, SigningKeyFile};
use sqlite::SqliteBackend;

/// Where the data lives.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// Holds the SQLite database (when no URL is given), the blobs and the signing key.
    pub data_dir: PathBuf,
    /// `postgres://…` or `sqlite://…`; `None` means `DATA_DIR/shinrai.db`.
    pub database_url: Option<String>,
    /// A checkpoint is signed once this many events follow the last one.
    pub checkpoint_every: u64,
}

pub const DATABASE_FILE: &str = "shinrai.db";
pub const BLOB_FOLDER: &str = "blobs";

#[derive(Debug)]
enum Backend {
    Sqlite(SqliteBackend),
    Postgres(PostgresBackend),
}

/// Runs the same operation on whichever engine is in use.
macro_rules! on_backend {
    ($store:expr, $backend:ident => $call:expr) => {
        match &$store.backend {
            $crate::Backend::Sqlite($backend) => $call.await,
            $crate::Backend::Postgres($backend) => $call.await,
        }
    };
}

pub(crate) use on_backend;

#[derive(Debug)]
pub struct Store {
    backend: Backend,
    blobs: Blobs,
    signing_key: SigningKey,
    data_dir: PathBuf,
    checkpoint_every: u64,
    /// Registry writes made through this handle, so that this process sees its own writes at
    /// once; other processes' writes show in `registry_revision`.
    registry_writes: AtomicU64,
}

/// Whether a database URL names PostgreSQL.
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

impl Store {
    /// Opens the store, creating the data directory, database, blob folder and key as needed and
    /// applying migrations. What it creates is readable by its owner only (see [`files`]).
    pub async fn open(config: &StoreConfig) -> StoreResult<Store> {
        Store::open_with(config, false).await
    }

    /// Opens the store for filling an empty one in one go (the demo world): a SQLite file in
    /// the data folder then does not wait for the disk after each commit, only when it is
    /// closed, which makes hundreds of small commits a matter of milliseconds. A crash before
    /// closing may lose the last commits (never corrupt the file), so close it, and open it
    /// again with [`Store::open`] to serve. Other databases open as with [`Store::open`].
    pub async fn open_for_loading(config: &StoreConfig) -> StoreResult<Store> {
        Store::open_with(config, true).await
    }

    async fn open_with(config: &StoreConfig, loading: bool) -> StoreResult<Store> {
        let data_dir = &config.data_dir;
        files::create_private_dir(data_dir)?;
        let backend = match config.database_url.as_deref() {
            Some(url) if is_postgres_url(url) => {
                Backend::Postgres(PostgresBackend::open(url).await?)
            }
            Some(url) => Backend::Sqlite(SqliteBackend::open_url(url).await?),
            None => Backend::Sqlite(
                SqliteBackend::open_synced(&data_dir.join(DATABASE_FILE), !loading).await?,
            ),
        };
        Ok(Store {
            backend,
            blobs: Blobs::in_folder(&data_dir.join(BLOB_FOLDER))?,
            signing_key: keys::load_or_create(data_dir)?,
            data_dir: data_dir.clone(),
            checkpoint_every: config.checkpoint_every.max(1),
            registry_writes: AtomicU64::new(0),
        })
    }

    pub fn engine(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub async fn health(&self) -> StoreResult<()> {
        on_backend!(self, b => b.health())
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(b) => b.close().await,
            Backend::Postgres(b) => b.close().await,
        }
    }
}
