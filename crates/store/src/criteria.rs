//! Criteria versions in the store. A version is written whole, in one transaction with the log
//! event that records it; a published version is never written again.

use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use shinrai_domain::criteria::{CriteriaVersion, Status, read_stored_document};
use shinrai_domain::log_audience::visibility_when_written;
use shinrai_domain::log_chain::Visibility;
use shinrai_domain::text::Bilingual;

use crate::error::{StoreError, StoreResult};
use crate::log::event;
use crate::model::ChangeBy;
use crate::{Store, on_backend};

impl Store {
    /// Stores a new criteria version (a draft, or published as shipped demo criteria are).
    pub async fn create_criteria(
        &self,
        version: &CriteriaVersion,
        by: &ChangeBy,
    ) -> StoreResult<CriteriaSummary> {
        let row = CriteriaRow::of(version, by.at_ms)?;
        let counts = version.counts();
        let event = event(
            by,
            "criteria.create",
            &version.version,
            visibility_when_written("criteria.create", &version.version, &|_| {
                version.status == Status::Published
            }),
            json!({"version": version.version, "status": row.status, "document_sha256": row.document_sha256,
                   "controls": counts.controls, "objectives": counts.objectives}),
        );
        on_backend!(self, b => b.create_criteria(&row, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        row.summary()
    }

    /// Publishes a draft on `date`, renewals having to use it from `transition_on` when given;
    /// from then on it never changes.
    pub async fn publish_criteria(
        &self,
        version: &str,
        date: shinrai_domain::date::CalendarDate,
        transition_on: Option<shinrai_domain::date::CalendarDate>,
        by: &ChangeBy,
    ) -> StoreResult<CriteriaSummary> {
        let mut stored = self
            .criteria(version)
            .await?
            .ok_or_else(|| StoreError::NotFound {
                what: crate::error::CRITERIA_VERSION.of(version),
            })?;
        stored.status = Status::Published;
        stored.published_on = Some(date);
        stored.transition_on = transition_on;
        let row = CriteriaRow::of(&stored, by.at_ms)?;
        let event = event(
            by,
            "criteria.publish",
            version,
            Visibility::Public,
            json!({"version": version, "published_on": date.to_string(),
                   "transition_on": transition_on.map(|day| day.to_string()),
                   "document_sha256": row.document_sha256}),
        );
        on_backend!(self, b => b.update_draft_criteria(&row, event))?;
        self.checkpoint_if_due(by.at_ms).await?;
        let mut summary = row.summary()?;
        if let Some(listed) = self
            .criteria_list()
            .await?
            .into_iter()
            .find(|s| s.version == version)
        {
            summary.created_at_ms = listed.created_at_ms;
        }
        Ok(summary)
    }

    /// Every version, oldest first, without contents.
    pub async fn criteria_list(&self) -> StoreResult<Vec<CriteriaSummary>> {
        on_backend!(self, b => b.criteria_rows(false))?
            .iter()
            .map(CriteriaRow::summary)
            .collect()
    }

    /// One version with everything in it; its stored hash is checked on the way.
    pub async fn criteria(&self, version: &str) -> StoreResult<Option<CriteriaVersion>> {
        on_backend!(self, b => b.criteria_row(version, true))?
            .map(|row| row.version())
            .transpose()
    }

    /// One version and its summary, read together from one row.
    pub async fn criteria_with_summary(
        &self,
        version: &str,
    ) -> StoreResult<Option<(CriteriaSummary, CriteriaVersion)>> {
        on_backend!(self, b => b.criteria_row(version, true))?
            .map(|row| Ok((row.summary()?, row.version()?)))
            .transpose()
    }

    /// One version's summary, without reading its contents.
    pub async fn criteria_summary(&self, version: &str) -> StoreResult<Option<CriteriaSummary>> {
        on_backend!(self, b => b.criteria_row(version, false))?
            .map(|row| row.summary())
            .transpose()
    }
}

/// A version as listed, without its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaSummary {
    pub version: String,
    pub title: Bilingual,
    pub status: Status,
    pub published_on: Option<String>,
    pub document_sha256: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

/// One row of `criteria_versions`, as backups carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaRow {
    pub version: String,
    pub title_ja: String,
    pub title_en: String,
    pub status: String,
    pub published_on: Option<String>,
    pub document: String,
    pub document_sha256: String,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

impl CriteriaRow {
    /// The row for a version written at `at_ms`.
    pub fn of(version: &CriteriaVersion, at_ms: i64) -> StoreResult<CriteriaRow> {
        let document = serde_json::to_string(version)
            .map_err(|e| StoreError::Corrupt(format!("criteria {}: {e}", version.version)))?;
        Ok(CriteriaRow {
            version: version.version.clone(),
            title_ja: version.title.ja.clone(),
            title_en: version.title.en.clone(),
            status: version.status.code().to_owned(),
            published_on: version.published_on.map(|d| d.to_string()),
            document_sha256: hex::encode(Sha256::digest(document.as_bytes())),
            document,
            created_at_ms: at_ms,
            updated_at_ms: at_ms,
        })
    }

    pub fn summary(&self) -> StoreResult<CriteriaSummary> {
        Ok(CriteriaSummary {
            version: self.version.clone(),
            title: Bilingual::new(&self.title_ja, &self.title_en),
            status: Status::from_code(&self.status).ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "criteria {}: unknown status {}",
                    self.version, self.status
                ))
            })?,
            published_on: self.published_on.clone(),
            document_sha256: self.document_sha256.clone(),
            created_at_ms: self.created_at_ms,
            updated_at_ms: self.updated_at_ms,
        })
    }

    /// The stored version, after checking the document still hashes to what was recorded. A
    /// document stored by an earlier release (free-text examples) reads in today's shape; the
    /// stored text and its hash stay as they are.
    pub fn version(&self) -> StoreResult<CriteriaVersion> {
        let actual = hex::encode(Sha256::digest(self.document.as_bytes()));
        if actual != self.document_sha256 {
            return Err(StoreError::Corrupt(format!(
                "criteria {}: the document hashes to {actual}, not {}",
                self.version, self.document_sha256
            )));
        }
        read_stored_document(&self.document)
            .map_err(|e| StoreError::Corrupt(format!("criteria {}: {e}", self.version)))
    }
}

/// Reads a `criteria_versions` row of either engine.
pub fn row<'r, R>(row: &'r R) -> StoreResult<CriteriaRow>
where
    R: sqlx::Row,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'c> &'c str: sqlx::ColumnIndex<R>,
{
    use crate::rows::get;
    Ok(CriteriaRow {
        version: get(row, "version")?,
        title_ja: get(row, "title_ja")?,
        title_en: get(row, "title_en")?,
        status: get(row, "status")?,
        published_on: get(row, "published_on")?,
        document: get(row, "document")?,
        document_sha256: get(row, "document_sha256")?,
        created_at_ms: get(row, "created_at_ms")?,
        updated_at_ms: get(row, "updated_at_ms")?,
    })
}

/// Expands to the criteria operations of one backend type that has `pool` and `begin_write`.
macro_rules! criteria_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            /// Stores a new version; an existing version of the same id is a conflict.
            pub async fn create_criteria(
                &self,
                row: &crate::criteria::CriteriaRow,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                if sqlx::query(crate::sql::SELECT_CRITERIA)
                    .bind(&row.version)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some()
                {
                    return Err(crate::error::StoreError::Conflict {
                        what: crate::error::CRITERIA_VERSION.of(&row.version),
                    });
                }
                Self::insert_criteria(&mut tx, row).await?;
                let wrote = [crate::binding::Wrote::row(
                    &crate::binding::CRITERIA_VERSIONS,
                    &row.version,
                )];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn insert_criteria<'t, 'c>(
                tx: &'t mut sqlx::Transaction<'c, $database>,
                row: &crate::criteria::CriteriaRow,
            ) -> crate::error::StoreResult<()> {
                sqlx::query(crate::sql::INSERT_CRITERIA)
                    .bind(&row.version)
                    .bind(&row.title_ja)
                    .bind(&row.title_en)
                    .bind(&row.status)
                    .bind(&row.published_on)
                    .bind(&row.document)
                    .bind(&row.document_sha256)
                    .bind(row.created_at_ms)
                    .bind(row.updated_at_ms)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Rewrites a draft (e.g. to publish it). A published or missing version is refused
            /// and nothing changes.
            pub async fn update_draft_criteria(
                &self,
                row: &crate::criteria::CriteriaRow,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<()> {
                let mut tx = self.begin_write().await?;
                let updated = sqlx::query(crate::sql::UPDATE_DRAFT_CRITERIA)
                    .bind(&row.version)
                    .bind(&row.title_ja)
                    .bind(&row.title_en)
                    .bind(&row.status)
                    .bind(&row.published_on)
                    .bind(&row.document)
                    .bind(&row.document_sha256)
                    .bind(row.updated_at_ms)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if updated != 1 {
                    let exists = sqlx::query(crate::sql::SELECT_CRITERIA)
                        .bind(&row.version)
                        .fetch_optional(&mut *tx)
                        .await?
                        .is_some();
                    return Err(if exists {
                        crate::error::StoreError::Unchangeable {
                            what: crate::error::CRITERIA_VERSION.of(&row.version),
                        }
                    } else {
                        crate::error::StoreError::NotFound {
                            what: crate::error::CRITERIA_VERSION.of(&row.version),
                        }
                    });
                }
                let wrote = [crate::binding::Wrote::row(
                    &crate::binding::CRITERIA_VERSIONS,
                    &row.version,
                )];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(())
            }

            pub async fn criteria_rows(
                &self,
                with_documents: bool,
            ) -> crate::error::StoreResult<Vec<crate::criteria::CriteriaRow>> {
                let sql = if with_documents {
                    crate::sql::SELECT_ALL_CRITERIA
                } else {
                    crate::sql::SELECT_CRITERIA_LIST
                };
                sqlx::query(sql)
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(crate::criteria::row)
                    .collect()
            }

            pub async fn criteria_row(
                &self,
                version: &str,
                with_document: bool,
            ) -> crate::error::StoreResult<Option<crate::criteria::CriteriaRow>> {
                let sql = if with_document {
                    crate::sql::SELECT_CRITERIA
                } else {
                    crate::sql::SELECT_CRITERIA_SUMMARY
                };
                sqlx::query(sql)
                    .bind(version)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(crate::criteria::row)
                    .transpose()
            }
        }
    };
}

pub(crate) use criteria_operations;
