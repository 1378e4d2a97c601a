//! Registry entries in the store: each written whole with the log event that records it, and
//! checked against its recorded SHA-256 when read.

use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use shinrai_domain::log_chain::Visibility;
use shinrai_domain::registry::RegistryEntry;

use crate::error::{StoreError, StoreResult};
use crate::log::event;
use crate::model::ChangeBy;
use crate::{Store, on_backend};

impl Store {
    /// Adds entries to the registry, all or none, each recorded in the log.
    pub async fn create_registry_entries(
        &self,
        entries: &[RegistryEntry],
        by: &ChangeBy,
    ) -> StoreResult<()> {
        let mut rows = Vec::with_capacity(entries.len());
        for entry in entries {
            let row = RegistryRow::of(entry, by.at_ms)?;
            let event = event(
                by,
                "registry.register",
                &entry.id,
                Visibility::Public,
                // The entry whole, so that the registry can be rebuilt from the log.
                json!({"id": entry.id, "provider": entry.provider, "level": entry.level.get(),
                       "status": entry.status.code(), "document_sha256": row.document_sha256,
                       "entry": entry}),
            );
            rows.push((row, event));
        }
        let written = on_backend!(self, b => b.create_registry_entries(&rows));
        // Counted even on failure: a commit whose answer was lost may still have happened.
        self.registry_writes.fetch_add(1, Ordering::Release);
        written?;
        self.checkpoint_if_due(by.at_ms).await
    }

    /// Every entry, by registration number; each document's hash is checked on the way.
    pub async fn registry_entries(&self) -> StoreResult<Vec<RegistryEntry>> {
        on_backend!(self, b => b.registry_entries())
    }

    /// How many times the registry has been written, by any process: one primary-key read,
    /// however many entries there are. A copy read at this revision is current while it stays.
    pub async fn registry_revision(&self) -> StoreResult<i64> {
        on_backend!(self, b => b.registry_revision())
    }

    /// How many registry writes this handle has attempted; cheaper than
    /// [`Store::registry_revision`] (no database), but blind to other processes.
    pub fn registry_writes_here(&self) -> u64 {
        self.registry_writes.load(Ordering::Acquire)
    }
}

/// One row of `registry_entries`, as backups carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryRow {
    pub id: String,
    pub provider: String,
    pub audit_body: String,
    pub level: i64,
    pub status: String,
    pub registered_on: String,
    pub valid_until: String,
    pub document: String,
    pub document_sha256: String,
    pub updated_at_ms: i64,
}

impl RegistryRow {
    pub fn of(entry: &RegistryEntry, at_ms: i64) -> StoreResult<RegistryRow> {
        let document = serde_json::to_string(entry)
            .map_err(|e| StoreError::Corrupt(format!("registry entry {}: {e}", entry.id)))?;
        Ok(RegistryRow {
            id: entry.id.clone(),
            provider: entry.provider.clone(),
            audit_body: entry.audit_body.clone(),
            level: i64::from(entry.level.get()),
            status: entry.status.code().to_owned(),
            registered_on: entry.registered_on.to_string(),
            valid_until: entry.valid_until.to_string(),
            document_sha256: hex::encode(Sha256::digest(document.as_bytes())),
            document,
            updated_at_ms: at_ms,
        })
    }

    /// The stored entry, after checking the document still hashes to what was recorded.
    pub fn entry(&self) -> StoreResult<RegistryEntry> {
        let actual = hex::encode(Sha256::digest(self.document.as_bytes()));
        if actual != self.document_sha256 {
            return Err(StoreError::Corrupt(format!(
                "registry entry {}: the document hashes to {actual}, not {}",
                self.id, self.document_sha256
            )));
        }
        serde_json::from_str(&self.document)
            .map_err(|e| StoreError::Corrupt(format!("registry entry {}: {e}", self.id)))
    }
}

/// Reads a `registry_entries` row of either engine.
pub fn row<'r, R>(row: &'r R) -> StoreResult<RegistryRow>
where
    R: sqlx::Row,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
{
    use crate::rows::get;
    Ok(RegistryRow {
        id: get(row, "id")?,
        provider: get(row, "provider")?,
        audit_body: get(row, "audit_body")?,
        level: get(row, "level")?,
        status: get(row, "status")?,
        registered_on: get(row, "registered_on")?,
        valid_until: get(row, "valid_until")?,
        document: get(row, "document")?,
        document_sha256: get(row, "document_sha256")?,
        updated_at_ms: get(row, "updated_at_ms")?,
    })
}

/// Expands to the registry operations of one backend type that has `pool` and `begin_write`.
macro_rules! registry_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            /// Stores new entries in one transaction, each with its event; an existing id is a
            /// conflict and nothing is stored.
            pub async fn create_registry_entries(
                &self,
                rows: &[(
                    crate::registry::RegistryRow,
                    shinrai_domain::log_chain::NewEvent,
                )],
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                for (row, event) in rows {
                    if sqlx::query(crate::sql::SELECT_REGISTRY_ENTRY)
                        .bind(&row.id)
                        .fetch_optional(&mut *tx)
                        .await?
                        .is_some()
                    {
                        return Err(crate::error::StoreError::Conflict {
                            what: crate::error::REGISTRY_ENTRY.of(&row.id),
                        });
                    }
                    Self::insert_registry_entry(&mut tx, row).await?;
                    let wrote = [crate::binding::Wrote::row(
                        &crate::binding::REGISTRY_ENTRIES,
                        &row.id,
                    )];
                    Self::append(&mut tx, event.clone(), &wrote).await?;
                }
                Self::bump_registry_revision(&mut tx).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn insert_registry_entry<'t, 'c>(
                tx: &'t mut sqlx::Transaction<'c, $database>,
                row: &crate::registry::RegistryRow,
            ) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::INSERT_REGISTRY_ENTRY)
                    .bind(&row.id)
                    .bind(&row.provider)
                    .bind(&row.audit_body)
                    .bind(row.level)
                    .bind(&row.status)
                    .bind(&row.registered_on)
                    .bind(&row.valid_until)
                    .bind(&row.document)
                    .bind(&row.document_sha256)
                    .bind(row.updated_at_ms)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Replaces the entry of the row's id (a renewal writes the same entry again).
            async fn replace_registry_entry<'t, 'c>(
                tx: &'t mut sqlx::Transaction<'c, $database>,
                row: &crate::registry::RegistryRow,
            ) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::UPDATE_REGISTRY_ENTRY)
                    .bind(&row.id)
                    .bind(&row.provider)
                    .bind(&row.audit_body)
                    .bind(row.level)
                    .bind(&row.status)
                    .bind(&row.registered_on)
                    .bind(&row.valid_until)
                    .bind(&row.document)
                    .bind(&row.document_sha256)
                    .bind(row.updated_at_ms)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Counts one more change to the registry; called once in every transaction that
            /// writes entries, so readers holding a copy know to read it again.
            async fn bump_registry_revision<'t, 'c>(
                tx: &'t mut sqlx::Transaction<'c, $database>,
            ) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::BUMP_REGISTRY_REVISION)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Every entry, read row by row so that a large registry's documents are never
            /// all held at once beside the entries made from them.
            pub async fn registry_entries(
                &self,
            ) -> crate::error::StoreResult<Vec<shinrai_domain::registry::RegistryEntry>> {
                use futures::TryStreamExt;
                let mut rows = sqlx::query(crate::sql::SELECT_REGISTRY_ENTRIES).fetch(&self.pool);
                let mut entries = Vec::new();
                while let Some(row) = rows.try_next().await? {
                    entries.push(crate::registry::row(&row)?.entry()?);
                }
                Ok(entries)
            }

            /// How many times the registry has been written; changes whenever the registry does.
            pub async fn registry_revision(&self) -> crate::error::StoreResult<i64> {
                let row = sqlx::query(crate::sql::SELECT_REGISTRY_REVISION)
                    .fetch_one(&self.pool)
                    .await?;
                crate::rows::get(&row, "revision")
            }
        }
    };
}

pub(crate) use registry_operations;
