//! The registered services a system may use, narrowed as its procurer asks: registered (not
//! suspended) at the system's registry level or higher and offering every service model it needs,
//! then by words, a level, a model, a deployment model, a provider, an audit body, or the system's
//! watch list. The API and the system's page both read it.

use shinrai_domain::registry::{EntryStatus, RegistryEntry, RegistryQuery};
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::procurement::InformationSystem;

use crate::registry::LoadedRegistry;

/// What a procurer narrows the eligible services by.
#[derive(Debug, Clone)]
pub struct EligibleFilter {
    /// The registry search's conditions; its status is always `registered`.
    pub query: RegistryQuery,
    /// Whether the query's sort was asked for; otherwise the lowest level comes first.
    pub sorted: bool,
    /// The language names are sorted in.
    pub lang: Lang,
    /// Only the services on the system's watch list.
    pub watched_only: bool,
}

impl EligibleFilter {
    /// Every eligible service, the lowest level first.
    pub fn all(lang: Lang) -> EligibleFilter {
        EligibleFilter {
            query: RegistryQuery::default(),
            sorted: false,
            lang,
            watched_only: false,
        }
    }
}

/// Whether `entry` may serve `system`: registered at its level or higher, with its models.
pub fn serves(entry: &RegistryEntry, system: &InformationSystem) -> bool {
    entry.status == EntryStatus::Registered
        && entry.level >= system.registry_level
        && system
            .details
            .models
            .iter()
            .all(|model| entry.offers(*model))
}

/// The services eligible for `system` that pass `filter`, in its order.
pub fn eligible<'a>(
    registry: &'a LoadedRegistry,
    system: &InformationSystem,
    filter: &EligibleFilter,
) -> Vec<&'a RegistryEntry> {
    let query = RegistryQuery {
        status: Some(EntryStatus::Registered),
        ..filter.query.clone()
    };
    let matches = registry.index.find(&query);
    let mut found: Vec<&RegistryEntry> = registry
        .index
        .page(&matches, query.sort, filter.lang, 0, usize::MAX)
        .into_iter()
        .filter_map(|position| registry.entries.get(position))
        .filter(|entry| serves(entry, system))
        .filter(|entry| !filter.watched_only || system.watches(&entry.id))
        .collect();
    if !filter.sorted {
        found.sort_by(|a, b| a.level.cmp(&b.level).then(a.id.cmp(&b.id)));
    }
    found
}
