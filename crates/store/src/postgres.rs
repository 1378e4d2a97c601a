//! PostgreSQL for production: `--db postgres://…` or `SHINRAI_DB`.

use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::backend::relational;
use crate::criteria::criteria_operations;
use crate::error::StoreResult;
use crate::registry::registry_operations;

/// Any number; it names the advisory lock that serialises appends to the log.
const LOG_LOCK: i64 = 0x0053_4849_4e52_4149;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

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

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

relational!(PostgresBackend, sqlx::Postgres);
criteria_operations!(PostgresBackend, sqlx::Postgres);
registry_operations!(PostgresBackend, sqlx::Postgres);
