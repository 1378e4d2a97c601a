//! Loaded criteria versions, kept in memory with their search index. A version is read from the
//! store once per content: the cache is keyed by the document's SHA-256, which the store keeps,
//! so a draft republished or replaced through another server instance is read again.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use shinrai_domain::criteria::{Counts, CriteriaVersion, SearchIndex};
use shinrai_store::Store;
use shinrai_store::criteria::CriteriaSummary;

use crate::error::ApiError;

#[derive(Debug)]
pub struct Loaded {
    pub summary: CriteriaSummary,
    pub version: CriteriaVersion,
    pub index: SearchIndex,
    pub counts: Counts,
}

#[derive(Debug, Default)]
pub struct CriteriaCache {
    loaded: RwLock<HashMap<String, Arc<Loaded>>>,
}

impl CriteriaCache {
    /// The version as stored now, or `None` when there is no such version.
    pub async fn get(&self, store: &Store, version: &str) -> Result<Option<Arc<Loaded>>, ApiError> {
        let Some(summary) = store.criteria_summary(version).await? else {
            return Ok(None);
        };
        if let Some(hit) = self.cached(version, &summary.document_sha256) {
            return Ok(Some(hit));
        }
        let Some((summary, contents)) = store.criteria_with_summary(version).await? else {
            return Ok(None);
        };
        let loaded = Arc::new(Loaded {
            index: SearchIndex::new(&contents),
            counts: contents.counts(),
            version: contents,
            summary,
        });
        if let Ok(mut map) = self.loaded.write() {
            map.insert(version.to_owned(), loaded.clone());
        }
        Ok(Some(loaded))
    }

    fn cached(&self, version: &str, sha256: &str) -> Option<Arc<Loaded>> {
        let map = self.loaded.read().ok()?;
        map.get(version)
            .filter(|loaded| loaded.summary.document_sha256 == sha256)
            .cloned()
    }
}
