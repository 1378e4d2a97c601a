//! The services an application is built on, as the registry shows them. Registration and the
//! statement pre-check read the registry the same way.

use std::collections::BTreeSet;

use crate::fast_hash::FastMap;
use crate::level::Level;

use super::case::{RegistrationStatus, RegistryEntry};

/// Where an underlying service stands in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    /// Registered at this level.
    Registered(Level),
    /// In the registry with another status, or (`None`) not in it at all.
    NotRegistered(Option<RegistrationStatus>),
}

/// Every service of `depends_on` that the applicant's own audit did not evaluate (those need
/// no registration of their own), once each, in id order, with its standing.
pub(crate) fn unevaluated_dependencies<'a>(
    depends_on: &'a [String],
    evaluated_in_audit: &[String],
    registry: &[RegistryEntry],
) -> Vec<(&'a str, Standing)> {
    let registry: FastMap<&str, &RegistryEntry> = registry
        .iter()
        .map(|entry| (entry.service.as_str(), entry))
        .collect();
    let services: BTreeSet<&str> = depends_on
        .iter()
        .filter(|service| !evaluated_in_audit.contains(service))
        .map(String::as_str)
        .collect();
    services
        .into_iter()
        .map(|service| {
            let standing = match registry.get(service) {
                Some(entry) if entry.status == RegistrationStatus::Registered => {
                    Standing::Registered(entry.level)
                }
                Some(entry) => Standing::NotRegistered(Some(entry.status)),
                None => Standing::NotRegistered(None),
            };
            (service, standing)
        })
        .collect()
}
