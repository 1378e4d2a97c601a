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
use futures::{Stream, StreamExt};
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use serde_json::json;
use sha2::{Digest, Sha256};
use shinrai_domain::log_chain::Visibility;
use tokio::io::AsyncWriteExt;

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

    /// Streams an upload into the store, hashing it on the way, and answers its SHA-256 and
    /// size. At most `max` bytes are taken. The bytes land under a temporary name and move to
    /// their hash's name only once complete, so a broken or oversized upload leaves nothing
    /// under a real name, and memory holds one chunk at a time.
    pub async fn put_stream<S, E>(&self, stream: S, max: u64) -> StoreResult<(String, u64)>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        match &self.folder {
            Some(folder) => self.put_stream_in_folder(folder, stream, max).await,
            None => self.put_stream_in_store(stream, max).await,
        }
    }

    async fn put_stream_in_folder<S, E>(
        &self,
        folder: &Path,
        mut stream: S,
        max: u64,
    ) -> StoreResult<(String, u64)>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let partial = crate::files::partial_path(&folder.join("upload"));
        let file = {
            let partial = partial.clone();
            tokio::task::spawn_blocking(move || crate::files::create_new_private_file(&partial))
                .await
                .map_err(|e| files_error(folder, &e))?
                .map_err(|e| files_error(folder, &e))?
        };
        let mut file = tokio::fs::File::from_std(file);
        let written = async {
            let mut hasher = Sha256::new();
            let mut size = 0u64;
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| StoreError::UploadBroken {
                    detail: e.to_string(),
                })?;
                size += chunk.len() as u64;
                if size > max {
                    return Err(StoreError::UploadTooLarge { max });
                }
                hasher.update(&chunk);
                file.write_all(&chunk)
                    .await
                    .map_err(|e| files_error(&partial, &e))?;
            }
            file.sync_all()
                .await
                .map_err(|e| files_error(&partial, &e))?;
            Ok((hex::encode(hasher.finalize()), size))
        }
        .await;
        let placed = match written {
            Ok((sha256, size)) => {
                let path = folder.join(Self::location(&sha256).as_ref());
                let from = partial.clone();
                tokio::task::spawn_blocking(move || place(&from, &path))
                    .await
                    .map_err(|e| files_error(folder, &e))
                    .and_then(|placed| placed)
                    .map(|()| (sha256, size))
            }
            Err(error) => Err(error),
        };
        if placed.is_err() {
            let _ = tokio::fs::remove_file(&partial).await;
        }
        placed
    }

    async fn put_stream_in_store<S, E>(&self, mut stream: S, max: u64) -> StoreResult<(String, u64)>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let temporary = ObjectPath::from(format!("uploads/{}", crate::files::random_suffix()));
        let mut upload = WriteMultipart::new(self.store.put_multipart(&temporary).await?);
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let streamed = async {
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| StoreError::UploadBroken {
                    detail: e.to_string(),
                })?;
                size += chunk.len() as u64;
                if size > max {
                    return Err(StoreError::UploadTooLarge { max });
                }
                hasher.update(&chunk);
                // A few parts in flight at most: the upload must not outrun the store.
                upload.wait_for_capacity(4).await?;
                upload.put(chunk);
            }
            Ok(())
        }
        .await;
        if let Err(error) = streamed {
            let _ = upload.abort().await;
            return Err(error);
        }
        upload.finish().await?;
        let sha256 = hex::encode(hasher.finalize());
        self.store
            .rename(&temporary, &Self::location(&sha256))
            .await?;
        Ok((sha256, size))
    }

    /// A reader of a blob's bytes, from its file where blobs are in a folder (so that large
    /// blobs are not read into memory), else from the bytes fetched and checked. A file read
    /// this way is not checked against its name: the reader checks the hash it was given.
    pub async fn reader(&self, sha256: &str) -> StoreResult<Option<Box<dyn std::io::Read + Send>>> {
        if let Some(folder) = &self.folder {
            let path = folder.join(Self::location(sha256).as_ref());
            return match std::fs::File::open(&path) {
                Ok(file) => Ok(Some(Box::new(file))),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(files_error(&path, &error)),
            };
        }
        Ok(self
            .get(sha256)
            .await?
            .map(|bytes| Box::new(std::io::Cursor::new(bytes)) as Box<dyn std::io::Read + Send>))
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

/// Moves a complete upload to its hash's name; the same content stored before stays as it was.
fn place(partial: &Path, path: &Path) -> StoreResult<()> {
    if let Some(parent) = path.parent() {
        crate::files::create_private_dir(parent)?;
    }
    if path.exists() {
        return std::fs::remove_file(partial).map_err(|e| files_error(partial, &e));
    }
    std::fs::rename(partial, path).map_err(|e| files_error(path, &e))
}

fn files_error(path: &Path, error: &dyn std::fmt::Display) -> StoreError {
    StoreError::Files {
        path: path.display().to_string(),
        detail: error.to_string(),
    }
}

impl Store {
    /// Streams an upload into the blob store and records its metadata with its event, as
    /// [`Store::put_blob`] does for bytes in memory.
    pub async fn put_blob_stream<S, E>(
        &self,
        stream: S,
        max: u64,
        media_type: &str,
        by: &ChangeBy,
    ) -> StoreResult<BlobInfo>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let (sha256, size) = self.blobs.put_stream(stream, max).await?;
        self.record_blob(sha256, size, media_type, by).await
    }

    /// Stores bytes under their SHA-256 (the same content twice is stored once).
    pub async fn put_blob(
        &self,
        bytes: Bytes,
        media_type: &str,
        by: &ChangeBy,
    ) -> StoreResult<BlobInfo> {
        let sha256 = shinrai_domain::log_chain::sha256_hex(&bytes);
        let size = bytes.len() as u64;
        // Bytes first: metadata must never name a blob that is not there.
        self.blobs.put(&sha256, bytes).await?;
        self.record_blob(sha256, size, media_type, by).await
    }

    /// Records the metadata of bytes already in the blob store, once.
    async fn record_blob(
        &self,
        sha256: String,
        size: u64,
        media_type: &str,
        by: &ChangeBy,
    ) -> StoreResult<BlobInfo> {
        let info = BlobInfo {
            sha256: sha256.clone(),
            size,
            media_type: media_type.to_owned(),
            created_at_ms: by.at_ms,
        };
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

    /// A reader of a blob's bytes (see [`Blobs::reader`]).
    pub async fn blob_reader(
        &self,
        sha256: &str,
    ) -> StoreResult<Option<Box<dyn std::io::Read + Send>>> {
        self.blobs.reader(sha256).await
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
