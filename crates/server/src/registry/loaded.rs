//! The whole registry held in memory with its search index, read again from the store only when
//! the store's stamp (entry count and newest change) differs from the one it was read at.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use shinrai_domain::registry::{RegistryEntry, RegistryIndex};
use shinrai_domain::text::Bilingual;
use shinrai_store::Store;

use crate::error::ApiError;

#[derive(Debug, Default)]
pub struct LoadedRegistry {
    pub stamp: (i64, i64),
    pub entries: Vec<RegistryEntry>,
    pub index: RegistryIndex,
    /// Organisation names by id, for providers and audit bodies.
    pub names: HashMap<String, Bilingual>,
    positions: HashMap<String, usize>,
}

impl LoadedRegistry {
    pub fn entry(&self, id: &str) -> Option<&RegistryEntry> {
        self.positions.get(id).and_then(|i| self.entries.get(*i))
    }

    /// An organisation's name, or its id when it has none.
    pub fn name(&self, org: &str) -> Bilingual {
        self.names
            .get(org)
            .cloned()
            .unwrap_or_else(|| Bilingual::new(org, org))
    }
}

#[derive(Debug, Default)]
pub struct RegistryCache {
    loaded: RwLock<Option<Arc<LoadedRegistry>>>,
}

impl RegistryCache {
    pub async fn get(&self, store: &Store) -> Result<Arc<LoadedRegistry>, ApiError> {
        let stamp = store.registry_stamp().await?;
        if let Some(current) = self.current(stamp) {
            return Ok(current);
        }
        let entries = store.registry_entries().await?;
        let names: HashMap<String, Bilingual> = store
            .organisations()
            .await?
            .into_iter()
            .map(|org| (org.id, org.name))
            .collect();
        let loaded = Arc::new(LoadedRegistry {
            stamp,
            index: RegistryIndex::new(&entries, &names).map_err(ApiError::internal)?,
            positions: entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect(),
            entries,
            names,
        });
        if let Ok(mut slot) = self.loaded.write() {
            *slot = Some(loaded.clone());
        }
        Ok(loaded)
    }

    fn current(&self, stamp: (i64, i64)) -> Option<Arc<LoadedRegistry>> {
        let slot = self.loaded.read().ok()?;
        slot.as_ref()
            .filter(|loaded| loaded.stamp == stamp)
            .cloned()
    }
}
