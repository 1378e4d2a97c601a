//! The embedded default: one SQLite file in the data directory, in WAL mode.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::backend::relational;
use crate::criteria::criteria_operations;
use crate::error::StoreResult;
use crate::registry::registry_operations;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

#[derive(Debug, Clone)]
pub struct SqliteBackend {
    pub(crate) pool: SqlitePool,
}

impl SqliteBackend {
    /// Opens (creating it if need be) the database at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> StoreResult<SqliteBackend> {
        // SQLite would create the file by the umask (often 0644); created here 0600 instead, and
        // SQLite gives its -wal and -shm files the database file's mode.
        crate::files::ensure_private_file(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a write the service acknowledged survives a crash or a power cut.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        Self::with_options(options).await
    }

    /// Opens a `sqlite://` URL.
    pub async fn open_url(url: &str) -> StoreResult<SqliteBackend> {
        let backend = Self::connect_url(url).await?;
        MIGRATOR.run(&backend.pool).await?;
        Ok(backend)
    }

    /// Connects to a `sqlite://` URL without touching its schema (a restore migrates inside its
    /// own transaction).
    pub async fn connect_url(url: &str) -> StoreResult<SqliteBackend> {
        let options = SqliteConnectOptions::from_str(url)?;
        if let Some(path) = database_file(&options) {
            crate::files::ensure_private_file(&path)?;
        }
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        Self::connect_with(options).await
    }

    async fn with_options(options: SqliteConnectOptions) -> StoreResult<SqliteBackend> {
        let backend = Self::connect_with(options).await?;
        MIGRATOR.run(&backend.pool).await?;
        Ok(backend)
    }

    async fn connect_with(options: SqliteConnectOptions) -> StoreResult<SqliteBackend> {
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(SqliteBackend { pool })
    }

    pub(crate) fn migrator() -> &'static sqlx::migrate::Migrator {
        &MIGRATOR
    }

    /// Writers start with `BEGIN IMMEDIATE`, taking SQLite's write lock at once, so two
    /// appends to the log cannot read the same head.
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The file a URL names, unless it names an in-memory database.
pub fn database_file(options: &SqliteConnectOptions) -> Option<std::path::PathBuf> {
    let name = options.get_filename();
    let text = name.to_string_lossy();
    if text.is_empty() || text == ":memory:" || text.starts_with("file:") {
        return None;
    }
    Some(name.to_owned())
}

relational!(SqliteBackend, sqlx::Sqlite);
criteria_operations!(SqliteBackend, sqlx::Sqlite);
registry_operations!(SqliteBackend, sqlx::Sqlite);
