//! The scheme's work in progress in the store: services, statements, audits, reports,
//! applications, audit-body records and auditor profiles. Each is kept whole as a JSON document
//! in a table of its own; all these tables share one shape (see migration 0006), so one set of
//! operations reads and writes them, and each aggregate's module says only how its values map
//! to the columns ([`Document`]).
//!
//! Changes arrive as a [`Batch`] of transitions from the domain, each with its event, and are
//! written in one transaction: every row with the event that records it, or nothing. A row's
//! revision moves on with every change, and an update names the revision it was made from, so
//! a change made meanwhile by someone else is a conflict instead of being overwritten.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use shinrai_domain::log_audience::visibility_when_written_by;
use shinrai_domain::log_chain::NewEvent;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::{Change, WorkflowEvent};

use crate::binding::BoundTable;
use crate::error::{Noun, StoreError, StoreResult};
use crate::registry::RegistryRow;
use crate::{Store, on_backend};

/// A value kept in one of the document tables.
pub trait Document: Serialize + DeserializeOwned {
    const TABLE: &'static BoundTable;
    /// What one is called in messages (`service`, `statement` …).
    const WHAT: Noun;
    fn id(&self) -> &str;
    fn keys(&self) -> Keys<'_>;
}

/// The columns beside the document that lists filter by; `None` where a table has no such
/// column's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keys<'a> {
    pub service: Option<&'a str>,
    pub provider: Option<&'a str>,
    pub audit_body: Option<&'a str>,
    pub status: &'a str,
    /// The audit a row of the working papers belongs to; `None` in the other tables.
    pub audit: Option<&'a str>,
}

/// A value as stored, with the revision a change to it must name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored<T> {
    pub value: T,
    pub revision: i64,
}

/// Which rows a list keeps; every field that is set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub service: Option<String>,
    pub provider: Option<String>,
    pub audit_body: Option<String>,
    pub status: Option<String>,
    /// Only in the tables of the working papers.
    pub audit: Option<String>,
}

impl Filter {
    pub fn all() -> Filter {
        Filter::default()
    }

    pub fn service(id: &str) -> Filter {
        Filter {
            service: Some(id.to_owned()),
            ..Filter::default()
        }
    }

    pub fn provider(org: &str) -> Filter {
        Filter {
            provider: Some(org.to_owned()),
            ..Filter::default()
        }
    }

    pub fn audit_body(org: &str) -> Filter {
        Filter {
            audit_body: Some(org.to_owned()),
            ..Filter::default()
        }
    }

    pub fn status(status: &str) -> Filter {
        Filter {
            status: Some(status.to_owned()),
            ..Filter::default()
        }
    }

    pub fn audit(id: &str) -> Filter {
        Filter {
            audit: Some(id.to_owned()),
            ..Filter::default()
        }
    }
}

/// One row of a document table, as backups carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DocumentRow {
    pub id: String,
    pub service: Option<String>,
    pub provider: Option<String>,
    pub audit_body: Option<String>,
    pub status: String,
    pub revision: i64,
    pub document: String,
    pub document_sha256: String,
    pub updated_at_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<String>,
}

impl DocumentRow {
    pub fn of<T: Document>(value: &T, revision: i64, at_ms: i64) -> StoreResult<DocumentRow> {
        let document = serde_json::to_string(value)
            .map_err(|e| StoreError::Corrupt(format!("{} {}: {e}", T::WHAT.en, value.id())))?;
        let keys = value.keys();
        Ok(DocumentRow {
            id: value.id().to_owned(),
            service: keys.service.map(str::to_owned),
            provider: keys.provider.map(str::to_owned),
            audit_body: keys.audit_body.map(str::to_owned),
            status: keys.status.to_owned(),
            revision,
            document_sha256: hex::encode(Sha256::digest(document.as_bytes())),
            document,
            updated_at_ms: at_ms,
            audit: keys.audit.map(str::to_owned),
        })
    }

    /// The stored value, after checking the document still hashes to what was recorded.
    pub fn value<T: Document>(&self) -> StoreResult<Stored<T>> {
        let actual = hex::encode(Sha256::digest(self.document.as_bytes()));
        if actual != self.document_sha256 {
            return Err(StoreError::Corrupt(format!(
                "{} {}: the document hashes to {actual}, not {}",
                T::WHAT.en,
                self.id,
                self.document_sha256
            )));
        }
        let value = serde_json::from_str(&self.document)
            .map_err(|e| StoreError::Corrupt(format!("{} {}: {e}", T::WHAT.en, self.id)))?;
        Ok(Stored {
            value,
            revision: self.revision,
        })
    }
}

/// Reads a row of a document table of either engine.
pub fn row<'r, R>(table: &BoundTable, row: &'r R) -> StoreResult<DocumentRow>
where
    R: sqlx::Row,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
{
    use crate::rows::get;
    Ok(DocumentRow {
        id: get(row, "id")?,
        service: get(row, "service")?,
        provider: get(row, "provider")?,
        audit_body: get(row, "audit_body")?,
        status: get(row, "status")?,
        revision: get(row, "revision")?,
        document: get(row, "document")?,
        document_sha256: get(row, "document_sha256")?,
        updated_at_ms: get(row, "updated_at_ms")?,
        audit: if table.has_audit() {
            Some(get(row, "audit")?)
        } else {
            None
        },
    })
}

/// The statements of one document table; table names come from the constant list in
/// [`crate::binding`], never from input.
pub(crate) fn select_one(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM {} WHERE id = $1",
        table.column_list(),
        table.name
    ))
}

/// The working papers' tables filter by audit too (`$5`).
pub(crate) fn select_filtered(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    let audit = if table.has_audit() {
        " AND (CAST($5 AS TEXT) IS NULL OR audit = $5)"
    } else {
        ""
    };
    sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM {} WHERE (CAST($1 AS TEXT) IS NULL OR service = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR provider = $2) \
         AND (CAST($3 AS TEXT) IS NULL OR audit_body = $3) \
         AND (CAST($4 AS TEXT) IS NULL OR status = $4){audit} ORDER BY id",
        table.column_list(),
        table.name
    ))
}

/// The ids among `$1`…`$count` that a table holds; table names come from the constant list.
pub(crate) fn select_ids_among(table: &BoundTable, count: usize) -> sqlx::AssertSqlSafe<String> {
    let placeholders = (1..=count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ");
    sqlx::AssertSqlSafe(format!(
        "SELECT id FROM {} WHERE id IN ({placeholders})",
        table.name
    ))
}

/// How many ids one query asks about: well under either engine's limit of bound values.
const IDS_PER_QUERY: usize = 500;

/// How many rows a filter keeps (the same conditions as [`select_filtered`], no audit).
pub(crate) fn count_filtered(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) AS n FROM {} WHERE (CAST($1 AS TEXT) IS NULL OR service = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR provider = $2) \
         AND (CAST($3 AS TEXT) IS NULL OR audit_body = $3) \
         AND (CAST($4 AS TEXT) IS NULL OR status = $4)",
        table.name
    ))
}

/// One page of an audit's rows in id order: `$1` the audit, `$2` the limit, `$3` the offset.
pub(crate) fn select_page(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM {} WHERE audit = $1 ORDER BY id LIMIT $2 OFFSET $3",
        table.column_list(),
        table.name
    ))
}

pub(crate) fn count_of_audit(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) AS n FROM {} WHERE audit = $1",
        table.name
    ))
}

pub(crate) fn select_all(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM {} ORDER BY id",
        table.column_list(),
        table.name
    ))
}

/// Binds the row's values in column order (`audit` last, where the table has it). A row whose
/// id is taken is not written (no row affected), which the caller reports as a conflict.
pub(crate) fn insert(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    let placeholders = (1..=table.columns.len())
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ");
    sqlx::AssertSqlSafe(format!(
        "INSERT INTO {} ({}) VALUES ({placeholders}) ON CONFLICT (id) DO NOTHING",
        table.name,
        table.column_list()
    ))
}

/// `$1` the id, `$2`-`$9` the values, `$10` the revision made from, `$11` the audit.
pub(crate) fn update(table: &BoundTable) -> sqlx::AssertSqlSafe<String> {
    let audit = if table.has_audit() {
        ", audit = $11"
    } else {
        ""
    };
    sqlx::AssertSqlSafe(format!(
        "UPDATE {} SET service = $2, provider = $3, audit_body = $4, status = $5, revision = $6, \
         document = $7, document_sha256 = $8, updated_at_ms = $9{audit} \
         WHERE id = $1 AND revision = $10",
        table.name
    ))
}

/// One write of a batch.
#[derive(Debug, Clone)]
pub(crate) enum Write {
    Document {
        table: &'static BoundTable,
        what: Noun,
        row: DocumentRow,
        /// The revision the change was made from; `None` for a new row.
        made_from: Option<i64>,
        /// The event that records the row; `None` when the next event of the batch records it
        /// with its own row (a report with the signature of its audit).
        event: Option<NewEvent>,
    },
    Registry {
        row: RegistryRow,
        event: NewEvent,
        new: bool,
    },
}

/// Transitions to store together, in order, in one transaction.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub(crate) writes: Vec<Write>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// A new value; its id must be free.
    pub fn create<T: Document>(mut self, change: &Change<T>) -> StoreResult<Batch> {
        self.writes.push(Write::Document {
            table: T::TABLE,
            what: T::WHAT,
            row: DocumentRow::of(&change.state, 1, change.event.at_ms)?,
            made_from: None,
            event: Some(new_event(&change.event)?),
        });
        Ok(self)
    }

    /// A new value that the next change of the batch records in its event.
    pub fn create_recorded_by_next<T: Document>(
        mut self,
        value: &T,
        at_ms: i64,
    ) -> StoreResult<Batch> {
        self.writes.push(Write::Document {
            table: T::TABLE,
            what: T::WHAT,
            row: DocumentRow::of(value, 1, at_ms)?,
            made_from: None,
            event: None,
        });
        Ok(self)
    }

    /// A changed value that the next change of the batch records in its event.
    pub fn update_recorded_by_next<T: Document>(
        mut self,
        value: &T,
        revision: i64,
        at_ms: i64,
    ) -> StoreResult<Batch> {
        self.writes.push(Write::Document {
            table: T::TABLE,
            what: T::WHAT,
            row: DocumentRow::of(value, revision + 1, at_ms)?,
            made_from: Some(revision),
            event: None,
        });
        Ok(self)
    }

    /// A changed value, made from the stored one at `revision`.
    pub fn update<T: Document>(mut self, change: &Change<T>, revision: i64) -> StoreResult<Batch> {
        self.writes.push(Write::Document {
            table: T::TABLE,
            what: T::WHAT,
            row: DocumentRow::of(&change.state, revision + 1, change.event.at_ms)?,
            made_from: Some(revision),
            event: Some(new_event(&change.event)?),
        });
        Ok(self)
    }

    /// A registry entry written by a decision: a new one, or one that replaces the entry of
    /// the same id.
    pub fn registry(mut self, change: &Change<RegistryEntry>, new: bool) -> StoreResult<Batch> {
        self.writes.push(Write::Registry {
            row: RegistryRow::of(&change.state, change.event.at_ms)?,
            event: new_event(&change.event)?,
            new,
        });
        Ok(self)
    }

    fn writes_registry(&self) -> bool {
        self.writes
            .iter()
            .any(|write| matches!(write, Write::Registry { .. }))
    }

    fn last_at_ms(&self) -> i64 {
        self.writes
            .iter()
            .filter_map(|write| match write {
                Write::Document { event, .. } => event.as_ref().map(|event| event.at_ms),
                Write::Registry { event, .. } => Some(event.at_ms),
            })
            .max()
            .unwrap_or(0)
    }
}

/// The log event of a transition, with the audience its action and actor give it.
fn new_event(event: &WorkflowEvent) -> StoreResult<NewEvent> {
    let payload = serde_json::to_string(&event.payload)
        .map_err(|e| StoreError::Corrupt(format!("event {}: {e}", event.action)))?;
    Ok(NewEvent {
        at_ms: event.at_ms,
        actor: event.actor.clone(),
        org: event.org.clone(),
        action: event.action.to_owned(),
        subject: event.subject.clone(),
        visibility: visibility_when_written_by(event.action, &event.subject, &event.org, &|_| {
            false
        }),
        payload,
    })
}

impl Store {
    /// Writes every change of the batch with its event, all or none.
    pub async fn commit(&self, batch: Batch) -> StoreResult<()> {
        if batch.writes.is_empty() {
            return Ok(());
        }
        let registry = batch.writes_registry();
        let at_ms = batch.last_at_ms();
        let written = on_backend!(self, b => b.commit_writes(&batch.writes));
        if registry {
            // Counted even on failure: a commit whose answer was lost may still have happened.
            self.registry_writes
                .fetch_add(1, std::sync::atomic::Ordering::Release);
        }
        written?;
        self.checkpoint_if_due(at_ms).await
    }

    /// One value by id, its hash checked.
    pub async fn document<T: Document>(&self, id: &str) -> StoreResult<Option<Stored<T>>> {
        let row = on_backend!(self, b => b.document_row(T::TABLE, id))?;
        row.map(|row| row.value()).transpose()
    }

    /// The values a filter keeps, by id.
    pub async fn documents<T: Document>(&self, filter: &Filter) -> StoreResult<Vec<Stored<T>>> {
        let rows = on_backend!(self, b => b.document_rows(T::TABLE, filter))?;
        rows.iter().map(DocumentRow::value).collect()
    }

    /// One page of an audit's rows of a working-papers table, in id order.
    pub async fn documents_page<T: Document>(
        &self,
        audit: &str,
        offset: u64,
        limit: u32,
    ) -> StoreResult<Vec<Stored<T>>> {
        let rows = on_backend!(self, b => b.document_page(T::TABLE, audit, offset, limit))?;
        rows.iter().map(DocumentRow::value).collect()
    }

    /// Which of `ids` a document table holds, asked in a few queries rather than one per id.
    pub async fn documents_present<T: Document>(
        &self,
        ids: &[String],
    ) -> StoreResult<std::collections::HashSet<String>> {
        let mut present = std::collections::HashSet::new();
        for chunk in ids.chunks(IDS_PER_QUERY) {
            present.extend(on_backend!(self, b => b.document_ids_among(T::TABLE, chunk))?);
        }
        Ok(present)
    }

    /// How many values a filter keeps (its audit aside), without reading them.
    pub async fn documents_counted<T: Document>(&self, filter: &Filter) -> StoreResult<u64> {
        on_backend!(self, b => b.document_filtered_count(T::TABLE, filter))
    }

    /// How many rows of a working-papers table belong to an audit.
    pub async fn documents_count<T: Document>(&self, audit: &str) -> StoreResult<u64> {
        on_backend!(self, b => b.document_count(T::TABLE, audit))
    }
}

/// Expands to the document operations of one backend type.
macro_rules! document_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            pub async fn commit_writes(
                &self,
                writes: &[crate::documents::Write],
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                let mut tip = crate::log::ChainTip::default();
                let mut registry = false;
                // Rows written without an event of their own, for the next event to record.
                let mut unrecorded: Vec<crate::binding::Wrote> = Vec::new();
                for write in writes {
                    match write {
                        crate::documents::Write::Document {
                            table,
                            what,
                            row,
                            made_from,
                            event,
                        } => {
                            let done = match made_from {
                                None => {
                                    let mut insert = sqlx::query(crate::documents::insert(table))
                                        .bind(&row.id)
                                        .bind(&row.service)
                                        .bind(&row.provider)
                                        .bind(&row.audit_body)
                                        .bind(&row.status)
                                        .bind(row.revision)
                                        .bind(&row.document)
                                        .bind(&row.document_sha256)
                                        .bind(row.updated_at_ms);
                                    if table.has_audit() {
                                        insert = insert.bind(&row.audit);
                                    }
                                    if insert.execute(&mut *tx).await?.rows_affected() != 1 {
                                        return Err(crate::error::StoreError::Conflict {
                                            what: what.of(&row.id),
                                        });
                                    }
                                    1
                                }
                                Some(revision) => {
                                    let mut update = sqlx::query(crate::documents::update(table))
                                        .bind(&row.id)
                                        .bind(&row.service)
                                        .bind(&row.provider)
                                        .bind(&row.audit_body)
                                        .bind(&row.status)
                                        .bind(row.revision)
                                        .bind(&row.document)
                                        .bind(&row.document_sha256)
                                        .bind(row.updated_at_ms)
                                        .bind(*revision);
                                    if table.has_audit() {
                                        update = update.bind(&row.audit);
                                    }
                                    update.execute(&mut *tx).await?.rows_affected()
                                }
                            };
                            if done != 1 {
                                return Err(crate::error::StoreError::Conflict {
                                    what: what.changed_meanwhile(&row.id),
                                });
                            }
                            unrecorded.push(crate::binding::Wrote::row(table, &row.id));
                            if let Some(event) = event {
                                let wrote = std::mem::take(&mut unrecorded);
                                Self::append_after(&mut tx, &mut tip, event.clone(), &wrote)
                                    .await?;
                            }
                        }
                        crate::documents::Write::Registry { row, event, new } => {
                            let exists = sqlx::query(crate::sql::SELECT_REGISTRY_ENTRY)
                                .bind(&row.id)
                                .fetch_optional(&mut *tx)
                                .await?
                                .is_some();
                            if exists == *new {
                                return Err(crate::error::StoreError::Conflict {
                                    what: crate::error::REGISTRY_ENTRY.of(&row.id),
                                });
                            }
                            if *new {
                                Self::insert_registry_entry(&mut tx, row).await?;
                            } else {
                                Self::replace_registry_entry(&mut tx, row).await?;
                            }
                            unrecorded.push(crate::binding::Wrote::row(
                                &crate::binding::REGISTRY_ENTRIES,
                                &row.id,
                            ));
                            let wrote = std::mem::take(&mut unrecorded);
                            Self::append_after(&mut tx, &mut tip, event.clone(), &wrote).await?;
                            registry = true;
                        }
                    }
                }
                if !unrecorded.is_empty() {
                    // A batch must end with an event: every row is in the log.
                    return Err(crate::error::StoreError::Corrupt(
                        "a batch wrote rows that no event records".to_owned(),
                    ));
                }
                if registry {
                    Self::bump_registry_revision(&mut tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            pub async fn document_row(
                &self,
                table: &crate::binding::BoundTable,
                id: &str,
            ) -> crate::error::StoreResult<Option<crate::documents::DocumentRow>> {
                sqlx::query(crate::documents::select_one(table))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(|row| crate::documents::row(table, row))
                    .transpose()
            }

            pub async fn document_rows(
                &self,
                table: &crate::binding::BoundTable,
                filter: &crate::documents::Filter,
            ) -> crate::error::StoreResult<Vec<crate::documents::DocumentRow>> {
                let mut query = sqlx::query(crate::documents::select_filtered(table))
                    .bind(&filter.service)
                    .bind(&filter.provider)
                    .bind(&filter.audit_body)
                    .bind(&filter.status);
                if table.has_audit() {
                    query = query.bind(&filter.audit);
                }
                query
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(|row| crate::documents::row(table, row))
                    .collect()
            }

            pub async fn document_page(
                &self,
                table: &crate::binding::BoundTable,
                audit: &str,
                offset: u64,
                limit: u32,
            ) -> crate::error::StoreResult<Vec<crate::documents::DocumentRow>> {
                sqlx::query(crate::documents::select_page(table))
                    .bind(audit)
                    .bind(i64::from(limit))
                    .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(|row| crate::documents::row(table, row))
                    .collect()
            }

            pub async fn document_ids_among(
                &self,
                table: &crate::binding::BoundTable,
                ids: &[String],
            ) -> crate::error::StoreResult<Vec<String>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut query = sqlx::query(crate::documents::select_ids_among(table, ids.len()));
                for id in ids {
                    query = query.bind(id);
                }
                query
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(|row| crate::rows::get(row, "id"))
                    .collect()
            }

            pub async fn document_filtered_count(
                &self,
                table: &crate::binding::BoundTable,
                filter: &crate::documents::Filter,
            ) -> crate::error::StoreResult<u64> {
                let row = sqlx::query(crate::documents::count_filtered(table))
                    .bind(&filter.service)
                    .bind(&filter.provider)
                    .bind(&filter.audit_body)
                    .bind(&filter.status)
                    .fetch_one(&self.pool)
                    .await?;
                crate::rows::u64_of(crate::rows::get(&row, "n")?, "row count")
            }

            pub async fn document_count(
                &self,
                table: &crate::binding::BoundTable,
                audit: &str,
            ) -> crate::error::StoreResult<u64> {
                let row = sqlx::query(crate::documents::count_of_audit(table))
                    .bind(audit)
                    .fetch_one(&self.pool)
                    .await?;
                crate::rows::u64_of(crate::rows::get(&row, "n")?, "row count")
            }
        }
    };
}

pub(crate) use document_operations;
