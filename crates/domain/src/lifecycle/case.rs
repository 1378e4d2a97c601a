//! Reading a lifecycle case: the day, the registrations and the events; a dependency or an
//! event naming a service that is not registered, a repeated service, or a registered renewal
//! without its new end of validity make it malformed, with the place named.

use super::{EventKind, LifecycleCase, LifecycleEvent, Registration};
use crate::case::services;
use crate::case::{Node, Pointer, Read};
use crate::fast_hash::FastSet;

/// Most registrations a case may hold: the size the rule is benchmarked at.
pub const MAX_REGISTRATIONS: usize = 100_000;
/// Most events a case may hold: ten for each registration at the largest size.
pub const MAX_EVENTS: usize = 1_000_000;
/// Most services one registration may name in `depends_on`, and in
/// `underlying_evaluated_in_audit`.
pub(super) const MAX_DEPENDENCIES: usize = crate::cascade::MAX_DEPENDENCIES;

impl LifecycleCase {
    pub fn read(node: &Node<'_>) -> Read<LifecycleCase> {
        let as_of = node.field("as_of", Node::date)?;
        let mut seen = FastSet::default();
        let registrations = node.field("registrations", |list| {
            list.items(MAX_REGISTRATIONS, |item| {
                let service = item.field("service", |n| services::listed_once(n, &mut seen))?;
                Ok(Registration {
                    service,
                    level: item.field("level", Node::level)?,
                    valid_until: item.field("valid_until", Node::date)?,
                    depends_on: item
                        .optional("depends_on", |n| n.ids(MAX_DEPENDENCIES))?
                        .unwrap_or_default(),
                    underlying_evaluated_in_audit: item
                        .optional("underlying_evaluated_in_audit", |n| n.ids(MAX_DEPENDENCIES))?
                        .unwrap_or_default(),
                })
            })
        })?;
        let events = node.field("events", |list| {
            list.items(MAX_EVENTS, |item| {
                let on = item.field("on", Node::date)?;
                let service = item.field("service", |n| services::listed(n, &seen))?;
                let kind = item.field("kind", |n| n.choice(&EventKind::NAMES))?;
                let (valid_until, level) = if kind == EventKind::RenewalRegistered {
                    (
                        Some(item.field("valid_until", Node::date)?),
                        item.optional("level", Node::level)?,
                    )
                } else {
                    (None, None)
                };
                Ok(LifecycleEvent {
                    on,
                    service,
                    kind,
                    valid_until,
                    level,
                })
            })
        })?;
        let case = LifecycleCase {
            as_of,
            registrations,
            events,
        };
        case.check_references(&seen)?;
        Ok(case)
    }

    /// Every service `depends_on` names must be registered (an evaluated underlying service
    /// that is not registered only exempts nothing).
    fn check_references(&self, known: &FastSet<String>) -> Read<()> {
        for (index, registration) in self.registrations.iter().enumerate() {
            let pointer = Pointer::root()
                .key("registrations")
                .index(index)
                .key("depends_on");
            services::check_listed(&registration.depends_on, pointer, known)?;
        }
        Ok(())
    }
}
