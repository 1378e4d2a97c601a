//! Blob bytes (evidence files later) in an object store, named by their SHA-256 and checked on
//! every read. The local folder is the default; an S3-compatible store can be plugged in
//! through `object_store` for scale. In a local folder, blobs are written by this module so that
//! every file is `0600` and every folder `0700` from its creation, whatever the umask.
//!
//! Their metadata (size, media type) is a row in the database, written with the log event that
//! records it; [`Store::put_blob`] writes the bytes first.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use serde_json::json;
use shinrai_domain::log_chain::Visibility;

use crate::error::{StoreError, StoreResult};
use crate::log::event;
use crate::model::{BlobInfo, ChangeBy};
use crate::{Store, on_backend};

#[derive(Debug, Clone)]
pub struct Blobs {
    store: Arc<dyn ObjectStore>,
    /// The local folder when blobs live in one: writes go there directly, with private modes.
    folder: Option<PathBuf>,
}

impl Blobs {
    /// Blobs in a folder (created `0700` if missing, tightened if others could read it).
    pub fn in_folder(folder: &Path) -> StoreResult<Blobs> {
        crate::files::create_private_dir(folder)?;
        Ok(Blobs {
            store: Arc::new(LocalFileSystem::new_with_prefix(folder)?),
            folder: Some(folder.to_owned()),
        })
    }

    /// Blobs in any object store (S3-compatible, in memory for tests, …).
    pub fn in_store(store: Arc<dyn ObjectStore>) -> Blobs {
        Blobs {
            store,
            folder: None,
        }
    }

    /// `ab/cd/abcdef…`: two levels of folders keep directories small.
    fn location(sha256: &str) -> ObjectPath {
        let first = sha256.get(..2).unwrap_or("00");
        let second = sha256.get(2..4).unwrap_or("00");
        ObjectPath::from(format!("{first}/{second}/{sha256}"))
    }

    pub async fn put(&self, sha256: &str, bytes: Bytes) -> StoreResult<()> {
        let location = Self::location(sha256);
        let Some(folder) = &self.folder else {
            self.store.put(&location, PutPayload::from(bytes)).await?;
            return Ok(());
        };
        let path = folder.join(location.as_ref());
        tokio::task::spawn_blocking(move || crate::files::write_private_file(&path, &bytes))
            .await
            .map_err(|e| StoreError::Files {
                path: folder.display().to_string(),
                detail: e.to_string(),
            })?
    }

    /// The bytes, after checking they still hash to their name.
    pub async fn get(&self, sha256: &str) -> StoreResult<Option<Bytes>> {
        let bytes = match self.store.get(&Self::location(sha256)).await {
            Ok(result) => result.bytes().await?,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(error) => return Err(error.into()),
        };
        let actual = shinrai_domain::log_chain::sha256_hex(&bytes);
        if actual != sha256 {
            return Err(StoreError::BlobCorrupt {
                sha256: sha256.to_owned(),
                actual,
            });
        }
        Ok(Some(bytes))
    }
}

impl Store {
    /// Stores bytes under their SHA-256 (the same content twice is stored once).
    pub async fn put_blob(
        &self,
        bytes: Bytes,
        media_type: &str,
        by: &ChangeBy,
    ) -> StoreResult<BlobInfo> {
        let sha256 = shinrai_domain::log_chain::sha256_hex(&bytes);
        let info = BlobInfo {
            sha256: sha256.clone(),
            size: bytes.len() as u64,
            media_type: media_type.to_owned(),
            created_at_ms: by.at_ms,
        };
        // Bytes first: metadata must never name a blob that is not there.
        self.blobs.put(&sha256, bytes).await?;
        let event = event(
            by,
            "blob.put",
            &sha256,
            Visibility::Internal,
            json!({"sha256": sha256, "size": info.size, "media_type": media_type}),
        );
        if on_backend!(self, b => b.insert_blob(&info, event))? {
            self.checkpoint_if_due(by.at_ms).await?;
            Ok(info)
        } else {
            Ok(on_backend!(self, b => b.blob_info(&sha256))?.unwrap_or(info))
        }
    }

    /// A blob's metadata and bytes, the bytes checked against their hash.
    pub async fn blob(&self, sha256: &str) -> StoreResult<Option<(BlobInfo, Bytes)>> {
        let Some(info) = on_backend!(self, b => b.blob_info(sha256))? else {
            return Ok(None);
        };
        let bytes = self
            .blobs
            .get(sha256)
            .await?
            .ok_or_else(|| StoreError::BlobCorrupt {
                sha256: sha256.to_owned(),
                actual: "missing".to_owned(),
            })?;
        Ok(Some((info, bytes)))
    }
}

/// Expands to the blob metadata operations of one backend type that has `pool` and `begin_write`.
macro_rules! blob_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            /// Records a blob's metadata once; storing the same content again changes nothing.
            pub async fn insert_blob(
                &self,
                info: &crate::model::BlobInfo,
                event: shinrai_domain::log_chain::NewEvent,
            ) -> crate::error::StoreResult<bool> {
                let mut tx = self.begin_write().await?;
                if sqlx::query(crate::sql::SELECT_BLOB)
                    .bind(&info.sha256)
                    .fetch_optional(&mut *tx)
                    .await?
                    .is_some()
                {
                    return Ok(false);
                }
                sqlx::query(crate::sql::INSERT_BLOB)
                    .bind(&info.sha256)
                    .bind(crate::rows::i64_of(info.size)?)
                    .bind(&info.media_type)
                    .bind(info.created_at_ms)
                    .execute(&mut *tx)
                    .await?;
                let wrote = [crate::binding::Wrote::row(
                    &crate::binding::BLOBS,
                    &info.sha256,
                )];
                Self::append(&mut tx, event, &wrote).await?;
                tx.commit().await?;
                Ok(true)
            }

            pub async fn blob_info(
                &self,
                sha256: &str,
            ) -> crate::error::StoreResult<Option<crate::model::BlobInfo>> {
                let row = sqlx::query(crate::sql::SELECT_BLOB)
                    .bind(sha256)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(crate::rows::blob).transpose()
            }
        }
    };
}

pub(crate) use blob_operations;
