//! The real store behind [`Readiness`]: `shinrai_store::Store`.

use crate::state::{BoxFuture, Readiness, StorageError};

impl Readiness for shinrai_store::Store {
    fn health(&self) -> BoxFuture<'_, Result<(), StorageError>> {
        Box::pin(async move { shinrai_store::Store::health(self).await.map_err(Into::into) })
    }
}
