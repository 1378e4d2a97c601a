//! A store opened only to verify it. Verification must leave the evidence as it found it, so
//! this open creates nothing and writes nothing: no data directory, no database, no key, no
//! blob folder, no migration; SQLite is opened read-only (see
//! `SqliteBackend::open_read_only`), PostgreSQL with read-only sessions. A missing key is
//! reported as missing, never replaced by a new one.

use std::path::PathBuf;

use ed25519_dalek::VerifyingKey;
use shinrai_domain::log_audit::AuditReport;
use shinrai_domain::log_chain::{Checkpoint, Event};
use shinrai_domain::registry::RegistryEntry;

use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::quality_review::QualityReview;
use shinrai_domain::workflow::statement::Statement;
use shinrai_domain::workflow::working_papers::{ControlWork, Population};

use crate::documents::{Document, Filter};
use crate::error::StoreResult;
use crate::postgres::PostgresBackend;
use crate::sqlite::SqliteBackend;
use crate::{Backend, DATABASE_FILE, StoreConfig, is_postgres_url, keys};

/// The data directory's signing key, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigningKeyFile {
    Present(VerifyingKey),
    /// No key file at this path.
    Missing(PathBuf),
}

#[derive(Debug)]
pub struct ReadOnlyStore {
    backend: Backend,
    key: SigningKeyFile,
    checkpoint_every: u64,
}

impl ReadOnlyStore {
    pub async fn open(config: &StoreConfig) -> StoreResult<ReadOnlyStore> {
        let backend = match config.database_url.as_deref() {
            Some(url) if is_postgres_url(url) => {
                Backend::Postgres(PostgresBackend::open_read_only(url).await?)
            }
            Some(url) => Backend::Sqlite(SqliteBackend::open_url_read_only(url).await?),
            None => Backend::Sqlite(
                SqliteBackend::open_read_only(&config.data_dir.join(DATABASE_FILE)).await?,
            ),
        };
        let key = match keys::load(&config.data_dir)? {
            Some(key) => SigningKeyFile::Present(key.verifying_key()),
            None => SigningKeyFile::Missing(keys::key_path(&config.data_dir)),
        };
        Ok(ReadOnlyStore {
            backend,
            key,
            checkpoint_every: config.checkpoint_every.max(1),
        })
    }

    /// The data directory's key (to check the stored checkpoints with, unless a trusted key
    /// comes from elsewhere).
    pub fn signing_key(&self) -> &SigningKeyFile {
        &self.key
    }

    /// As [`crate::Store::verify_log`]; without a key, checkpoints are compared with the chain
    /// but their signatures are not checked.
    pub async fn verify_log(
        &self,
        key: Option<&VerifyingKey>,
        extra: Vec<Checkpoint>,
    ) -> StoreResult<AuditReport> {
        match &self.backend {
            Backend::Sqlite(b) => b.audit_log(key, extra, self.checkpoint_every).await,
            Backend::Postgres(b) => b.audit_log(key, extra, self.checkpoint_every).await,
        }
    }

    /// At most `limit` events after sequence number `after`, oldest first, whatever their
    /// audience: the one verifying holds the database itself.
    pub async fn events_after(&self, after: u64, limit: u32) -> StoreResult<Vec<Event>> {
        match &self.backend {
            Backend::Sqlite(b) => b.events_after(after, limit, false).await,
            Backend::Postgres(b) => b.events_after(after, limit, false).await,
        }
    }

    /// The event at a sequence number.
    pub async fn event_at(&self, seq: u64) -> StoreResult<Option<Event>> {
        match &self.backend {
            Backend::Sqlite(b) => b.event_at(seq).await,
            Backend::Postgres(b) => b.event_at(seq).await,
        }
    }

    /// Every registry entry, by registration number, each document's hash checked.
    pub async fn registry_entries(&self) -> StoreResult<Vec<RegistryEntry>> {
        match &self.backend {
            Backend::Sqlite(b) => b.registry_entries().await,
            Backend::Postgres(b) => b.registry_entries().await,
        }
    }

    /// Every control's papers of an audit, their stored hashes checked.
    pub async fn audit_work(&self, audit: &str) -> StoreResult<Vec<ControlWork>> {
        let filter = Filter::audit(audit);
        let rows = match &self.backend {
            Backend::Sqlite(b) => b.document_rows(ControlWork::TABLE, &filter).await?,
            Backend::Postgres(b) => b.document_rows(ControlWork::TABLE, &filter).await?,
        };
        rows.iter()
            .map(|row| row.value().map(|stored| stored.value))
            .collect()
    }

    /// A control's population, its stored hash checked.
    pub async fn population(&self, id: &str) -> StoreResult<Option<Population>> {
        let row = match &self.backend {
            Backend::Sqlite(b) => b.document_row(Population::TABLE, id).await?,
            Backend::Postgres(b) => b.document_row(Population::TABLE, id).await?,
        };
        row.map(|row| row.value().map(|stored| stored.value))
            .transpose()
    }

    /// An audit, its stored hash checked.
    pub async fn audit(&self, id: &str) -> StoreResult<Option<Audit>> {
        self.document(id).await
    }

    /// A statement version, its stored hash checked.
    pub async fn statement(&self, id: &str) -> StoreResult<Option<Statement>> {
        self.document(id).await
    }

    /// A quality review, its stored hash checked.
    pub async fn quality_review(&self, id: &str) -> StoreResult<Option<QualityReview>> {
        self.document(id).await
    }

    /// Every audit on record, their stored hashes checked.
    pub async fn audits(&self) -> StoreResult<Vec<Audit>> {
        let filter = Filter::all();
        let rows = match &self.backend {
            Backend::Sqlite(b) => b.document_rows(Audit::TABLE, &filter).await?,
            Backend::Postgres(b) => b.document_rows(Audit::TABLE, &filter).await?,
        };
        rows.iter()
            .map(|row| row.value().map(|stored| stored.value))
            .collect()
    }

    async fn document<T: Document>(&self, id: &str) -> StoreResult<Option<T>> {
        let row = match &self.backend {
            Backend::Sqlite(b) => b.document_row(T::TABLE, id).await?,
            Backend::Postgres(b) => b.document_row(T::TABLE, id).await?,
        };
        row.map(|row| row.value().map(|stored| stored.value))
            .transpose()
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(b) => b.close().await,
            Backend::Postgres(b) => b.close().await,
        }
    }
}
