//! The organisations recorded as a service's users on a day, with the systems of theirs that use
//! it, and those whose systems watch it as a candidate: those told what happens to the service.

use std::collections::BTreeMap;

use super::{InformationSystem, ServiceUsage};
use crate::date::CalendarDate;

/// One organisation to tell about a registered service, and which of its systems use or watch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserOf {
    pub org: String,
    /// Ids of its systems that use the service, sorted.
    pub systems: Vec<String>,
    /// Ids of its systems that watch the service without using it, sorted.
    pub watching: Vec<String>,
}

/// The organisations to tell about the entry `entry` on `day`, by organisation id: those whose
/// systems use it that day, and those whose systems (out of `systems`) watch it.
pub fn users_of<'a>(
    usages: impl IntoIterator<Item = &'a ServiceUsage>,
    systems: impl IntoIterator<Item = &'a InformationSystem>,
    entry: &str,
    day: CalendarDate,
) -> Vec<UserOf> {
    let mut by_org: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for usage in usages {
        if usage.entry == entry && usage.in_use_on(day) {
            by_org
                .entry(&usage.org)
                .or_default()
                .0
                .push(usage.system.clone());
        }
    }
    for system in systems {
        if system.watches(entry) {
            by_org
                .entry(&system.org)
                .or_default()
                .1
                .push(system.id.clone());
        }
    }
    by_org
        .into_iter()
        .map(|(org, (mut using, mut watching))| {
            using.sort();
            using.dedup();
            watching.sort();
            watching.dedup();
            watching.retain(|system| using.binary_search(system).is_err());
            UserOf {
                org: org.to_owned(),
                systems: using,
                watching,
            }
        })
        .collect()
}
