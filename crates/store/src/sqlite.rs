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

#[derive(Debug, Clone)]
pub struct SqliteBackend {
    pub(crate) pool: SqlitePool,
}

impl SqliteBackend {
    /// Opens (creating it if need be) the database at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> StoreResult<SqliteBackend> {
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
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        Self::with_options(options).await
    }

    async fn with_options(options: SqliteConnectOptions) -> StoreResult<SqliteBackend> {
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("migrations/sqlite").run(&pool).await?;
        Ok(SqliteBackend { pool })
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

relational!(SqliteBackend, sqlx::Sqlite);
criteria_operations!(SqliteBackend, sqlx::Sqlite);
registry_operations!(SqliteBackend, sqlx::Sqlite);
