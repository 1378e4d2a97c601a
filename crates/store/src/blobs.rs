//! Blob bytes (evidence files later) in an object store, named by their SHA-256 and checked on
//! every read. The local folder is the default; an S3-compatible store can be plugged in
//! through `object_store` for scale. In a local folder, blobs are written by this module so that
//! every file is `0600` and every folder `0700` from its creation, whatever the umask.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::error::{StoreError, StoreResult};

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
