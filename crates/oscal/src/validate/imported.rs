//! What a profile's imported catalogs offer to the checks: every control, group, part and
//! parameter id and back-matter resource of each catalog the context holds, and of all together.

use std::collections::HashSet;

// The index of a large catalog holds tens of thousands of ids: a fast hasher (still randomly
// seeded, so crafted ids cannot force collisions) keeps building it cheap.
use foldhash::{HashMap, HashSet as IdSet};

use serde_json::Value;

use super::Context;
use crate::model::catalog::{Catalog, Control, Group};
use crate::model::common::{Parameter, Part};

/// What a catalog offers for references: control, group, part and parameter ids, and resources.
#[derive(Debug, Default)]
pub(super) struct CatalogIndex<'c> {
    pub(super) controls: HashMap<&'c str, &'c Control>,
    pub(super) params: IdSet<&'c str>,
    pub(super) ids: IdSet<&'c str>,
    pub(super) resources: IdSet<String>,
}

impl<'c> CatalogIndex<'c> {
    fn of(catalog: &'c Catalog) -> CatalogIndex<'c> {
        let mut index = CatalogIndex::default();
        // Sized for SP 800-53 at once rather than grown there by doubling.
        index.controls.reserve(1 << 11);
        index.params.reserve(1 << 11);
        index.ids.reserve(1 << 14);
        index.add_params(catalog.params.as_deref());
        index.add_controls(catalog.controls.as_deref());
        index.add_groups(catalog.groups.as_deref());
        for resource in catalog
            .back_matter
            .iter()
            .flat_map(|b| b.resources.iter().flatten())
        {
            index.resources.insert(resource.uuid.to_ascii_lowercase());
        }
        index
    }

    fn add_params(&mut self, params: Option<&'c [Parameter]>) {
        for param in params.unwrap_or_default() {
            self.params.insert(&param.id);
            self.ids.insert(&param.id);
        }
    }

    fn add_parts(&mut self, parts: Option<&'c [Part]>) {
        for part in parts.unwrap_or_default() {
            if let Some(id) = &part.id {
                self.ids.insert(id);
            }
            self.add_parts(part.parts.as_deref());
        }
    }

    fn add_controls(&mut self, controls: Option<&'c [Control]>) {
        for control in controls.unwrap_or_default() {
            self.controls.insert(&control.id, control);
            self.ids.insert(&control.id);
            self.add_params(control.params.as_deref());
            self.add_parts(control.parts.as_deref());
            self.add_controls(control.controls.as_deref());
        }
    }

    fn add_groups(&mut self, groups: Option<&'c [Group]>) {
        for group in groups.unwrap_or_default() {
            if let Some(id) = &group.id {
                self.ids.insert(id);
            }
            self.add_params(group.params.as_deref());
            self.add_parts(group.parts.as_deref());
            self.add_controls(group.controls.as_deref());
            self.add_groups(group.groups.as_deref());
        }
    }

    fn merge(&mut self, other: &CatalogIndex<'c>) {
        self.controls
            .extend(other.controls.iter().map(|(k, v)| (*k, *v)));
        self.params.extend(other.params.iter().copied());
        self.ids.extend(other.ids.iter().copied());
        self.resources.extend(other.resources.iter().cloned());
    }
}

/// The ids a control's own parts and parameters carry (not its child controls').
pub(super) fn inner_ids(control: &Control) -> HashSet<&str> {
    fn parts<'c>(list: Option<&'c [Part]>, ids: &mut HashSet<&'c str>) {
        for part in list.unwrap_or_default() {
            if let Some(id) = &part.id {
                ids.insert(id);
            }
            parts(part.parts.as_deref(), ids);
        }
    }
    let mut ids: HashSet<&str> = control
        .params
        .iter()
        .flatten()
        .map(|p| p.id.as_str())
        .collect();
    parts(control.parts.as_deref(), &mut ids);
    ids
}

/// A profile's imported catalogs, as far as the context has them.
#[derive(Debug, Default)]
pub(super) struct Imported<'c> {
    /// By import index; `None` when not loaded.
    pub(super) per_import: Vec<Option<CatalogIndex<'c>>>,
    /// Every import's catalog is at hand.
    pub(super) all_loaded: bool,
    /// All loaded catalogs together, made only when more than one is loaded: a single catalog
    /// is its own union.
    merged: Option<CatalogIndex<'c>>,
    /// The union when nothing is loaded.
    none: CatalogIndex<'c>,
}

impl<'c> Imported<'c> {
    pub(super) fn from_context(profile: &Value, context: &Context<'c>) -> Imported<'c> {
        let count = profile
            .get("imports")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let per_import: Vec<Option<CatalogIndex<'c>>> = (0..count)
            .map(|index| {
                context
                    .imports
                    .get(index)
                    .copied()
                    .flatten()
                    .map(CatalogIndex::of)
            })
            .collect();
        let merged = (per_import.iter().flatten().count() > 1).then(|| {
            let mut union = CatalogIndex::default();
            for index in per_import.iter().flatten() {
                union.merge(index);
            }
            union
        });
        Imported {
            all_loaded: per_import.iter().all(Option::is_some),
            per_import,
            merged,
            none: CatalogIndex::default(),
        }
    }

    /// All loaded catalogs together.
    pub(super) fn union(&self) -> &CatalogIndex<'c> {
        match &self.merged {
            Some(merged) => merged,
            None => self
                .per_import
                .iter()
                .flatten()
                .next()
                .unwrap_or(&self.none),
        }
    }
}
