//! The embedded default: one SQLite file in the data directory, in WAL mode.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::backup_rows::backup_operations;
use crate::binding::binding_operations;
use crate::blobs::blob_operations;
use crate::criteria::criteria_operations;
use crate::documents::document_operations;
use crate::error::{StoreError, StoreResult};
use crate::log::log_operations;
use crate::organisations::organisation_operations;
use crate::registry::registry_operations;
use crate::sessions::session_operations;
use crate::tokens::token_operations;
use crate::users::user_operations;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

/// SQLite's page cache while a store is filled in one go, in KiB (negative: a size, not pages).
const LOADING_CACHE_KIB: &str = "-65536";

#[derive(Debug, Clone)]
pub struct SqliteBackend {
    pub(crate) pool: SqlitePool,
}

impl SqliteBackend {
    /// Opens (creating it if need be) the database at `path` and brings its schema up to date.
    /// `each_commit: false` syncs the write-ahead log to disk only at its checkpoints and on
    /// closing (for filling an empty store in one go).
    pub async fn open_synced(path: &Path, each_commit: bool) -> StoreResult<SqliteBackend> {
        // SQLite would create the file by the umask (often 0644); created here 0600 instead, and
        // SQLite gives its -wal and -shm files the database file's mode.
        crate::files::ensure_private_file(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a write the service acknowledged survives a crash or a power cut. NORMAL,
            // in WAL mode, keeps the file whole after a crash but may lose the last commits.
            .synchronous(if each_commit {
                SqliteSynchronous::Full
            } else {
                SqliteSynchronous::Normal
            })
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if each_commit {
            return Self::with_options(options).await;
        }
        // Filling is one writer's work: with a single connection SQLite's page cache stays
        // valid from one transaction to the next (another connection's commit would empty it),
        // so the documents just written are not read back from the file.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.pragma("cache_size", LOADING_CACHE_KIB))
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteBackend { pool })
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

    /// Opens an existing database for reading only, to verify it: nothing is created, no
    /// migration runs, no journal mode is set. While another process has the database open
    /// (its write-ahead log is there) this reads through that log like any reader; otherwise
    /// the file is opened as immutable, because a read-only open of a database in WAL mode
    /// would leave new `-wal` and `-shm` files behind.
    pub async fn open_read_only(path: &Path) -> StoreResult<SqliteBackend> {
        Self::read_only_with(SqliteConnectOptions::new().filename(path)).await
    }

    /// [`SqliteBackend::open_read_only`] for a `sqlite://` URL.
    pub async fn open_url_read_only(url: &str) -> StoreResult<SqliteBackend> {
        Self::read_only_with(SqliteConnectOptions::from_str(url)?).await
    }

    async fn read_only_with(options: SqliteConnectOptions) -> StoreResult<SqliteBackend> {
        let path = options.get_filename().to_path_buf();
        if !path.is_file() {
            return Err(StoreError::Files {
                path: path.display().to_string(),
                detail: "no database here".to_owned(),
            });
        }
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        let in_use = Path::new(&wal).exists();
        let options = options
            .create_if_missing(false)
            .read_only(true)
            .immutable(!in_use)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(options)
            .await?;
        let applied = sqlx::query(crate::sql::SELECT_MIGRATIONS)
            .fetch_all(&pool)
            .await
            .map_err(crate::schema::not_a_shinrai_database)?;
        crate::schema::ensure_current(&applied, &MIGRATOR)?;
        Ok(SqliteBackend { pool })
    }

    /// A read-only transaction: SQLite gives it one snapshot from its first read to its end.
    async fn begin_read(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin().await?)
    }

    /// Writers start with `BEGIN IMMEDIATE`, taking SQLite's write lock at once, so two
    /// appends to the log cannot read the same head.
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    pub async fn health(&self) -> StoreResult<()> {
        sqlx::query(crate::sql::HEALTH).execute(&self.pool).await?;
        Ok(())
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

log_operations!(SqliteBackend, sqlx::Sqlite);
organisation_operations!(SqliteBackend, sqlx::Sqlite);
user_operations!(SqliteBackend, sqlx::Sqlite);
session_operations!(SqliteBackend, sqlx::Sqlite);
token_operations!(SqliteBackend, sqlx::Sqlite);
blob_operations!(SqliteBackend, sqlx::Sqlite);
binding_operations!(SqliteBackend, sqlx::Sqlite);
backup_operations!(SqliteBackend, sqlx::Sqlite);
criteria_operations!(SqliteBackend, sqlx::Sqlite);
registry_operations!(SqliteBackend, sqlx::Sqlite);
document_operations!(SqliteBackend, sqlx::Sqlite);
