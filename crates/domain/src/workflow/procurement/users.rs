//! The organisations recorded as a service's users on a day, with the systems of theirs that use
//! it: those told what happens to the service.

use std::collections::BTreeMap;

use super::ServiceUsage;
use crate::date::CalendarDate;

/// One organisation that uses a registered service, and which of its systems do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserOf {
    pub org: String,
    /// Ids of its systems that use the service, sorted.
    pub systems: Vec<String>,
}

/// The users of the entry `entry` on `day`, by organisation id.
pub fn users_of<'a>(
    usages: impl IntoIterator<Item = &'a ServiceUsage>,
    entry: &str,
    day: CalendarDate,
) -> Vec<UserOf> {
    let mut by_org: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for usage in usages {
        if usage.entry == entry && usage.in_use_on(day) {
            by_org
                .entry(&usage.org)
                .or_default()
                .push(usage.system.clone());
        }
    }
    by_org
        .into_iter()
        .map(|(org, mut systems)| {
            systems.sort();
            systems.dedup();
            UserOf {
                org: org.to_owned(),
                systems,
            }
        })
        .collect()
}
