//! Cascade: when a service leaves the registry, every registered service built on it falls too,
//! unless that underlying service was evaluated within its own audit.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use crate::case::services;
use crate::case::{Node, Pointer, Read};
use crate::fast_hash::{FastMap, FastSet};
use crate::registration::RegistrationStatus;

/// Most services a registry may hold (and most that may leave at once): the size the rule is
/// benchmarked at, 100,000, far above any real registry.
pub const MAX_SERVICES: usize = 100_000;
/// Most services one service may name in `depends_on`, and in `underlying_evaluated_in_audit`.
pub const MAX_DEPENDENCIES: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CascadeService {
    pub service: String,
    pub status: RegistrationStatus,
    pub depends_on: Vec<String>,
    pub underlying_evaluated_in_audit: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CascadeCase {
    pub registry: Vec<CascadeService>,
    /// Services leaving the registry now (withdrawn, failed renewal, incident).
    pub leaving: Vec<String>,
}

impl CascadeCase {
    pub fn read(node: &Node<'_>) -> Read<CascadeCase> {
        let mut seen = FastSet::default();
        let registry = node.field("registry", |list| {
            list.items(MAX_SERVICES, |item| {
                let service = item.field("service", |n| services::listed_once(n, &mut seen))?;
                Ok(CascadeService {
                    service,
                    status: item.field("status", |n| n.choice(&RegistrationStatus::NAMES))?,
                    depends_on: item
                        .optional("depends_on", |n| n.ids(MAX_DEPENDENCIES))?
                        .unwrap_or_default(),
                    underlying_evaluated_in_audit: item
                        .optional("underlying_evaluated_in_audit", |n| n.ids(MAX_DEPENDENCIES))?
                        .unwrap_or_default(),
                })
            })
        })?;
        let leaving = node.field("leaving", |list| {
            list.items(MAX_SERVICES, |n| services::listed(n, &seen))
        })?;
        let case = CascadeCase { registry, leaving };
        case.check_references(&seen)?;
        Ok(case)
    }

    /// Every service a dependency names must be in the registry: no finding covers a stray one.
    fn check_references(&self, known: &FastSet<String>) -> Read<()> {
        for (index, service) in self.registry.iter().enumerate() {
            let lists = [
                ("depends_on", &service.depends_on),
                (
                    "underlying_evaluated_in_audit",
                    &service.underlying_evaluated_in_audit,
                ),
            ];
            for (key, list) in lists {
                let pointer = Pointer::root().key("registry").index(index).key(key);
                services::check_listed(list, pointer, known)?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CascadeOutcome {
    /// The leaving services, as given (for summaries; not part of the answer).
    #[serde(skip)]
    pub leaving: Vec<String>,
    /// Services that fall with the leaving ones (not the leaving ones themselves), sorted.
    pub deregistered: Vec<String>,
    /// Registered services that depend directly on a leaving or fallen service and are spared
    /// only by their own audit's evaluation of it, sorted.
    pub exempted: Vec<String>,
    /// For each service that falls, the leaving or fallen service that brought it down first.
    pub causes: BTreeMap<String, String>,
}

/// Breadth-first over "who is built on me": each service is visited once, so cycles end and the
/// work is linear in services plus dependencies.
pub fn cascade(case: &CascadeCase) -> CascadeOutcome {
    let services = &case.registry;
    let index: FastMap<&str, usize> = services
        .iter()
        .enumerate()
        .map(|(i, service)| (service.service.as_str(), i))
        .collect();
    let mut built_on: Vec<Vec<usize>> = vec![Vec::new(); services.len()];
    for (i, service) in services.iter().enumerate() {
        for dependency in &service.depends_on {
            if let Some(slot) = index
                .get(dependency.as_str())
                .and_then(|&d| built_on.get_mut(d))
            {
                slot.push(i);
            }
        }
    }

    let mut leaving = vec![false; services.len()];
    let mut carries = vec![false; services.len()];
    let mut spared = vec![false; services.len()];
    let mut cause: Vec<Option<usize>> = vec![None; services.len()];
    let mut queue = VecDeque::new();
    for id in &case.leaving {
        if let Some(&i) = index.get(id.as_str())
            && let (Some(l), Some(c)) = (leaving.get_mut(i), carries.get_mut(i))
            && !*c
        {
            *l = true;
            *c = true;
            queue.push_back(i);
        }
    }

    while let Some(fallen) = queue.pop_front() {
        let (Some(fallen_service), Some(dependents)) = (services.get(fallen), built_on.get(fallen))
        else {
            continue;
        };
        for &dependent in dependents {
            let Some(service) = services.get(dependent) else {
                continue;
            };
            if service.status != RegistrationStatus::Registered
                || leaving.get(dependent).copied().unwrap_or(true)
            {
                continue;
            }
            if service
                .underlying_evaluated_in_audit
                .contains(&fallen_service.service)
            {
                if let Some(flag) = spared.get_mut(dependent) {
                    *flag = true;
                }
            } else if let Some(flag) = carries.get_mut(dependent)
                && !*flag
            {
                *flag = true;
                if let Some(slot) = cause.get_mut(dependent) {
                    *slot = Some(fallen);
                }
                queue.push_back(dependent);
            }
        }
    }

    let mut deregistered = Vec::new();
    let mut exempted = Vec::new();
    let mut causes = BTreeMap::new();
    for (i, service) in services.iter().enumerate() {
        let is_leaving = leaving.get(i).copied().unwrap_or(false);
        let fell = carries.get(i).copied().unwrap_or(false) && !is_leaving;
        if fell {
            deregistered.push(service.service.clone());
            if let Some(by) = cause
                .get(i)
                .copied()
                .flatten()
                .and_then(|c| services.get(c))
            {
                causes.insert(service.service.clone(), by.service.clone());
            }
        } else if !is_leaving && spared.get(i).copied().unwrap_or(false) {
            exempted.push(service.service.clone());
        }
    }
    deregistered.sort();
    exempted.sort();
    let mut leaving_ids = case.leaving.clone();
    leaving_ids.sort();
    leaving_ids.dedup();
    CascadeOutcome {
        leaving: leaving_ids,
        deregistered,
        exempted,
        causes,
    }
}
