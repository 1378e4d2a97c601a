//! Blob bytes (evidence files later) in an object store, named by their SHA-256 and checked on
//! every read. The local folder is the default; an S3-compatible store can be plugged in
//! through `object_store` for scale.

use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::error::{StoreError, StoreResult};

#[derive(Debug, Clone)]
pub struct Blobs {
    store: Arc<dyn ObjectStore>,
}

impl Blobs {
    /// Blobs in a folder (created if missing).
    pub fn in_folder(folder: &Path) -> StoreResult<Blobs> {
        std::fs::create_dir_all(folder).map_err(|e| StoreError::Files {
            path: folder.display().to_string(),
            detail: e.to_string(),
        })?;
        Ok(Blobs {
            store: Arc::new(LocalFileSystem::new_with_prefix(folder)?),
        })
    }

    /// Blobs in any object store (S3-compatible, in memory for tests, …).
    pub fn in_store(store: Arc<dyn ObjectStore>) -> Blobs {
        Blobs { store }
    }

    /// `ab/cd/abcdef…`: two levels of folders keep directories small.
    fn location(sha256: &str) -> ObjectPath {
        let first = sha256.get(..2).unwrap_or("00");
        let second = sha256.get(2..4).unwrap_or("00");
        ObjectPath::from(format!("{first}/{second}/{sha256}"))
    }

    pub async fn put(&self, sha256: &str, bytes: Bytes) -> StoreResult<()> {
        self.store
            .put(&Self::location(sha256), PutPayload::from(bytes))
            .await?;
        Ok(())
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
