//! The demo registry shipped with shinrai (`serve --demo` loads it): fictional providers, an
//! audit body and about 25 services built on each other, in Japanese and English. The text is
//! data, in `registry/demo/registry.json` beside the crate.

use serde::Deserialize;

use super::model::RegistryEntry;
use crate::text::Bilingual;

const FILE: &str = include_str!("../../registry/demo/registry.json");

/// An organisation the demo registry adds to the demo world.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOrganisation {
    pub id: String,
    pub name: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRegistry {
    pub providers: Vec<DemoOrganisation>,
    pub audit_bodies: Vec<DemoOrganisation>,
    pub entries: Vec<RegistryEntry>,
}

/// The file was edited by hand into a wrong shape.
#[derive(Debug, thiserror::Error)]
#[error("registry/demo/registry.json: {0}")]
pub struct DemoRegistryError(pub String);

pub fn demo_registry() -> Result<DemoRegistry, DemoRegistryError> {
    serde_json::from_str(FILE).map_err(|error| DemoRegistryError(error.to_string()))
}

/// The demo registry's entry `id`, for tests.
#[cfg(test)]
pub(crate) fn demo_entry(id: &str) -> RegistryEntry {
    demo_registry()
        .expect("the demo registry")
        .entries
        .into_iter()
        .find(|entry| entry.id == id)
        .unwrap_or_else(|| panic!("no demo entry {id}"))
}
