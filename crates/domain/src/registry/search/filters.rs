//! The entries with each value of each filter (level, service model, deployment model, status,
//! provider, audit body), so that a filter is a set to intersect rather than a test per entry.

use std::collections::BTreeMap;

use super::super::model::{DeploymentModel, EntryStatus, RegistryEntry};
use super::RegistryQuery;
use super::entry_set::{EMPTY, EntrySet, Position, SetBuilder};
use crate::level::Level;
use crate::service_model::ServiceModel;

/// The entries by one filter's value.
#[derive(Debug)]
struct ByValue<K> {
    sets: BTreeMap<K, EntrySet>,
}

impl<K> Default for ByValue<K> {
    fn default() -> Self {
        ByValue {
            sets: BTreeMap::new(),
        }
    }
}

impl<K: Ord> ByValue<K> {
    fn build<'e, I>(entries: &'e [RegistryEntry], values: impl Fn(&'e RegistryEntry) -> I) -> Self
    where
        I: IntoIterator<Item = K>,
    {
        let universe = entries.len();
        let mut builders: BTreeMap<K, SetBuilder> = BTreeMap::new();
        for (position, entry) in (0..).zip(entries) {
            let position: Position = position;
            for value in values(entry) {
                builders
                    .entry(value)
                    .or_insert_with(SetBuilder::new)
                    .push(position, universe);
            }
        }
        ByValue {
            sets: builders
                .into_iter()
                .map(|(value, builder)| (value, builder.finish(universe)))
                .collect(),
        }
    }

    fn get<Q>(&self, value: &Q) -> &EntrySet
    where
        K: std::borrow::Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.sets.get(value).unwrap_or(&EMPTY)
    }

    fn heap_bytes(&self) -> usize {
        self.sets.values().map(EntrySet::heap_bytes).sum()
    }
}

#[derive(Debug, Default)]
pub(super) struct FilterIndex {
    levels: ByValue<Level>,
    models: ByValue<ServiceModel>,
    deployments: ByValue<DeploymentModel>,
    statuses: ByValue<EntryStatus>,
    providers: ByValue<String>,
    audit_bodies: ByValue<String>,
}

impl FilterIndex {
    /// `entries` must number no more than `Position` can count; the caller checks.
    pub fn build(entries: &[RegistryEntry]) -> FilterIndex {
        FilterIndex {
            levels: ByValue::build(entries, |e| [e.level]),
            models: ByValue::build(entries, |e| e.service_models.iter().map(|s| s.model)),
            deployments: ByValue::build(entries, |e| e.deployment_models.iter().copied()),
            statuses: ByValue::build(entries, |e| [e.status]),
            providers: ByValue::build(entries, |e| [e.provider.clone()]),
            audit_bodies: ByValue::build(entries, |e| [e.audit_body.clone()]),
        }
    }

    /// The sets of the filters the query sets; an entry matches them all when it is in each.
    pub fn sets_for(&self, query: &RegistryQuery) -> Vec<&EntrySet> {
        let mut sets = Vec::new();
        if let Some(level) = query.level {
            sets.push(self.levels.get(&level));
        }
        if let Some(model) = query.model {
            sets.push(self.models.get(&model));
        }
        if let Some(model) = query.deployment {
            sets.push(self.deployments.get(&model));
        }
        if let Some(status) = query.status {
            sets.push(self.statuses.get(&status));
        }
        if let Some(provider) = query.provider.as_deref() {
            sets.push(self.providers.get(provider));
        }
        if let Some(body) = query.audit_body.as_deref() {
            sets.push(self.audit_bodies.get(body));
        }
        sets
    }

    /// Every provider some entry names, by id.
    pub fn providers(&self) -> impl Iterator<Item = &str> {
        self.providers.sets.keys().map(String::as_str)
    }

    /// Every audit body some entry names, by id.
    pub fn audit_bodies(&self) -> impl Iterator<Item = &str> {
        self.audit_bodies.sets.keys().map(String::as_str)
    }

    pub fn heap_bytes(&self) -> usize {
        self.levels.heap_bytes()
            + self.models.heap_bytes()
            + self.deployments.heap_bytes()
            + self.statuses.heap_bytes()
            + self.providers.heap_bytes()
            + self.audit_bodies.heap_bytes()
    }
}
