//! The whole registry held in memory with its search index, read again from the store only when
//! the store's registry revision moves.
//!
//! Asking the revision is one primary-key read, but even that would cost every request a trip
//! to the database, so it is asked at most once per [`RECHECK_AFTER`]: a write made by this
//! process is seen at once (the store counts them, see `Store::registry_writes_here`), and a
//! write by another process (the command line) within about a second.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use shinrai_domain::registry::{DependencyGraph, RegistryEntry, RegistryIndex};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_store::Store;

use crate::error::ApiError;

/// How long a copy is served before the store is asked whether another process wrote since.
pub const RECHECK_AFTER: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub struct LoadedRegistry {
    /// The store's registry revision this copy was read at.
    pub revision: i64,
    pub entries: Vec<RegistryEntry>,
    pub index: RegistryIndex,
    /// What each entry is built on and what is built on it, for the entry pages.
    pub graph: DependencyGraph,
    /// Organisation names by id, for providers and audit bodies.
    pub names: HashMap<String, Bilingual>,
    positions: HashMap<String, usize>,
}

impl LoadedRegistry {
    /// Indexes `entries`; CPU-heavy for a large registry, so callers run it off the async
    /// workers.
    pub fn new(
        revision: i64,
        entries: Vec<RegistryEntry>,
        names: HashMap<String, Bilingual>,
    ) -> Result<LoadedRegistry, ApiError> {
        Ok(LoadedRegistry {
            revision,
            index: RegistryIndex::new(&entries, &names).map_err(ApiError::internal)?,
            graph: DependencyGraph::new(&entries),
            positions: entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect(),
            entries,
            names,
        })
    }

    pub fn entry(&self, id: &str) -> Option<&RegistryEntry> {
        self.positions.get(id).and_then(|i| self.entries.get(*i))
    }

    /// An organisation's name in `lang`, or its id when it has none.
    pub fn name_in<'a>(&'a self, org: &'a str, lang: Lang) -> &'a str {
        self.names.get(org).map_or(org, |name| name.get(lang))
    }
}

/// The copy being served and when it was last known current.
#[derive(Debug)]
struct Held {
    registry: Arc<LoadedRegistry>,
    /// `Store::registry_writes_here` when the revision was last asked.
    writes_here: u64,
    checked_at: Instant,
}

/// Whether the held copy may be served as it is.
enum Freshness {
    Current(Arc<LoadedRegistry>),
    /// Time to ask the store again; meanwhile the copy may still be served.
    Due(Arc<LoadedRegistry>),
    /// Nothing held yet, or this process wrote since: the copy must not be served.
    Stale,
}

#[derive(Debug, Default)]
pub struct RegistryCache {
    held: RwLock<Option<Held>>,
    /// Taken by the one request that asks the store; a hundred requests arriving together do
    /// not read and index the registry a hundred times.
    refresh: tokio::sync::Mutex<()>,
}

impl RegistryCache {
    pub async fn get(&self, store: &Store) -> Result<Arc<LoadedRegistry>, ApiError> {
        let writes_here = store.registry_writes_here();
        match self.freshness(writes_here) {
            Freshness::Current(registry) => Ok(registry),
            // Another request is already asking: serve the copy held, at most a second old.
            Freshness::Due(registry) => match self.refresh.try_lock() {
                Ok(_refreshing) => self.refresh(store).await,
                Err(_) => Ok(registry),
            },
            Freshness::Stale => {
                let _refreshing = self.refresh.lock().await;
                // The request that held the lock may have read what this one needs.
                if let Freshness::Current(registry) = self.freshness(writes_here) {
                    return Ok(registry);
                }
                self.refresh(store).await
            }
        }
    }

    fn freshness(&self, writes_here: u64) -> Freshness {
        let Ok(held) = self.held.read() else {
            return Freshness::Stale;
        };
        match held.as_ref() {
            Some(held) if held.writes_here >= writes_here => {
                if held.checked_at.elapsed() < RECHECK_AFTER {
                    Freshness::Current(held.registry.clone())
                } else {
                    Freshness::Due(held.registry.clone())
                }
            }
            _ => Freshness::Stale,
        }
    }

    /// Asks the store for its revision and reads the registry again if it moved. Called with
    /// `refresh` locked.
    async fn refresh(&self, store: &Store) -> Result<Arc<LoadedRegistry>, ApiError> {
        // Counted before the revision is asked, and the revision before the entries are read:
        // a write landing in between makes the next request look again, never a stale copy
        // pass for current.
        let writes_here = store.registry_writes_here();
        let revision = store.registry_revision().await?;
        let unchanged = self
            .held
            .read()
            .ok()
            .and_then(|held| held.as_ref().map(|held| held.registry.clone()))
            .filter(|registry| registry.revision == revision);
        let registry = match unchanged {
            Some(registry) => registry,
            None => Arc::new(Self::load(store, revision).await?),
        };
        if let Ok(mut held) = self.held.write() {
            *held = Some(Held {
                registry: registry.clone(),
                writes_here,
                checked_at: Instant::now(),
            });
        }
        Ok(registry)
    }

    async fn load(store: &Store, revision: i64) -> Result<LoadedRegistry, ApiError> {
        let entries = store.registry_entries().await?;
        let names: HashMap<String, Bilingual> = store
            .organisations()
            .await?
            .into_iter()
            .map(|org| (org.id, org.name))
            .collect();
        tokio::task::spawn_blocking(move || LoadedRegistry::new(revision, entries, names))
            .await
            .map_err(ApiError::internal)?
    }
}
