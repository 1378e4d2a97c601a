//! Which services an entry is built on, and which are built on it, however deep.

use std::collections::{HashMap, HashSet, VecDeque};

use super::model::RegistryEntry;

/// One service reached from another, and how many steps away it is (1 = directly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub id: String,
    pub depth: usize,
}

/// Which entries each entry is built on and which are built on it, gathered once so that a
/// walk from one entry reads only the entries it reaches, not the whole registry.
#[derive(Debug, Clone, Default)]
pub struct DependencyGraph {
    built_on: HashMap<String, Vec<String>>,
    used_by: HashMap<String, Vec<String>>,
}

impl DependencyGraph {
    pub fn new(entries: &[RegistryEntry]) -> DependencyGraph {
        let mut used_by: HashMap<String, Vec<String>> = HashMap::new();
        for entry in entries {
            for base in &entry.built_on {
                used_by
                    .entry(base.clone())
                    .or_default()
                    .push(entry.id.clone());
            }
        }
        DependencyGraph {
            built_on: entries
                .iter()
                .map(|entry| (entry.id.clone(), entry.built_on.clone()))
                .collect(),
            used_by,
        }
    }

    /// Services `id` is built on, nearest first (breadth-first, each once).
    pub fn below(&self, id: &str) -> Vec<Reached> {
        walk(id, |current| {
            self.built_on.get(current).cloned().unwrap_or_default()
        })
    }

    /// Services built on `id`, nearest first.
    pub fn above(&self, id: &str) -> Vec<Reached> {
        walk(id, |current| {
            self.used_by.get(current).cloned().unwrap_or_default()
        })
    }
}

/// Services `id` is built on, nearest first (breadth-first, each once).
pub fn below(entries: &[RegistryEntry], id: &str) -> Vec<Reached> {
    DependencyGraph::new(entries).below(id)
}

/// Services built on `id`, nearest first.
pub fn above(entries: &[RegistryEntry], id: &str) -> Vec<Reached> {
    DependencyGraph::new(entries).above(id)
}

fn walk(start: &str, next: impl Fn(&str) -> Vec<String>) -> Vec<Reached> {
    let mut seen: HashSet<String> = HashSet::from([start.to_owned()]);
    let mut queue: VecDeque<(String, usize)> = VecDeque::from([(start.to_owned(), 0)]);
    let mut reached = Vec::new();
    while let Some((current, depth)) = queue.pop_front() {
        for id in next(&current) {
            if seen.insert(id.clone()) {
                reached.push(Reached {
                    id: id.clone(),
                    depth: depth + 1,
                });
                queue.push_back((id, depth + 1));
            }
        }
    }
    reached
}

/// Entries whose `built_on` names a missing entry, and entries that are (indirectly) built on
/// themselves.
pub fn broken_links(entries: &[RegistryEntry]) -> Vec<String> {
    let ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let graph = DependencyGraph::new(entries);
    let mut broken: Vec<String> = entries
        .iter()
        .filter(|entry| {
            entry
                .built_on
                .iter()
                .any(|base| !ids.contains(base.as_str()))
                || graph.below(&entry.id).iter().any(|r| r.id == entry.id)
        })
        .map(|entry| entry.id.clone())
        .collect();
    broken.sort();
    broken
}
