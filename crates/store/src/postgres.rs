//! PostgreSQL for production: `--db postgres://…` or `SHINRAI_DB`.

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use crate::backup_rows::backup_operations;
use crate::binding::binding_operations;
use crate::blobs::blob_operations;
use crate::criteria::criteria_operations;
use crate::documents::document_operations;
use crate::error::StoreResult;
use crate::log::log_operations;
use crate::organisations::organisation_operations;
use crate::registry::registry_operations;
use crate::sessions::session_operations;
use crate::tokens::token_operations;
use crate::users::user_operations;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Any number; it names the advisory lock that serialises appends to the log.
const LOG_LOCK: i64 = 0x0053_4849_4e52_4149;

#[derive(Debug, Clone)]
pub struct PostgresBackend {
    pub(crate) pool: PgPool,
}

impl PostgresBackend {
    pub async fn open(url: &str) -> StoreResult<PostgresBackend> {
        let backend = Self::connect(url).await?;
        MIGRATOR.run(&backend.pool).await?;
        Ok(backend)
    }

    /// Connects without touching the schema (a restore migrates inside its own transaction).
    pub async fn connect(url: &str) -> StoreResult<PostgresBackend> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .connect(url)
            .await?;
        Ok(PostgresBackend { pool })
    }

    pub(crate) fn migrator() -> &'static sqlx::migrate::Migrator {
        &MIGRATOR
    }

    /// Opens the database for reading only, to verify it: every session is read-only (the
    /// server refuses any write), and no migration runs.
    pub async fn open_read_only(url: &str) -> StoreResult<PostgresBackend> {
        let options =
            PgConnectOptions::from_str(url)?.options([("default_transaction_read_only", "on")]);
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect_with(options)
            .await?;
        let applied = sqlx::query(crate::sql::SELECT_MIGRATIONS)
            .fetch_all(&pool)
            .await
            .map_err(crate::schema::not_a_shinrai_database)?;
        crate::schema::ensure_current(&applied, &MIGRATOR)?;
        Ok(PostgresBackend { pool })
    }

    /// A read-only transaction that sees one snapshot throughout (PostgreSQL's default, read
    /// committed, would let rows and events read by different statements disagree).
    async fn begin_read(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Postgres>> {
        Ok(self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await?)
    }

    /// Writers take a transaction-scoped advisory lock first, so two appends to the log cannot
    /// read the same head; the lock ends with the transaction.
    async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Postgres>> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(LOG_LOCK)
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    pub async fn health(&self) -> StoreResult<()> {
        sqlx::query(crate::sql::HEALTH).execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

log_operations!(PostgresBackend, sqlx::Postgres);
organisation_operations!(PostgresBackend, sqlx::Postgres);
user_operations!(PostgresBackend, sqlx::Postgres);
session_operations!(PostgresBackend, sqlx::Postgres);
token_operations!(PostgresBackend, sqlx::Postgres);
blob_operations!(PostgresBackend, sqlx::Postgres);
binding_operations!(PostgresBackend, sqlx::Postgres);
backup_operations!(PostgresBackend, sqlx::Postgres);
criteria_operations!(PostgresBackend, sqlx::Postgres);
registry_operations!(PostgresBackend, sqlx::Postgres);
document_operations!(PostgresBackend, sqlx::Postgres);
