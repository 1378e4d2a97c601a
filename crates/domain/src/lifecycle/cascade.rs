//! The cascade on the day: a registered or suspended service falls when a service it is built
//! on is gone and its own audit did not evaluate that service, and so on through chains and
//! cycles. Gone services are taken in the order of their `since`, so the first to reach a
//! dependent gives it the earliest day it can fall on. Which dependency it falls `because` of
//! is then read on the final state — the gone one (not exempted) that went first, the smallest
//! id among those of one day — since in a cycle a dependency that falls later in the walk may
//! share that day and come first by id.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Reason, Registration, Standing, Status};
use crate::date::CalendarDate;
use crate::fast_hash::FastMap;

/// `own` holds each registration's own standing, in the order of `registrations`.
pub(super) fn fall(registrations: &[Registration], mut own: Vec<Standing>) -> Vec<Standing> {
    let index: FastMap<&str, usize> = registrations
        .iter()
        .enumerate()
        .map(|(i, registration)| (registration.service.as_str(), i))
        .collect();
    // Who is built on each service, with whether its audit evaluated that service.
    let mut built_on: Vec<Vec<(usize, bool)>> = vec![Vec::new(); registrations.len()];
    for (i, registration) in registrations.iter().enumerate() {
        for dependency in &registration.depends_on {
            let exempt = registration
                .underlying_evaluated_in_audit
                .contains(dependency);
            if let Some(list) = index
                .get(dependency.as_str())
                .and_then(|&d| built_on.get_mut(d))
            {
                list.push((i, exempt));
            }
        }
    }
    // The rank of each service by id breaks ties between gone services of one day.
    let mut by_id: Vec<usize> = (0..registrations.len()).collect();
    by_id.sort_by(|&a, &b| {
        let id = |i: usize| registrations.get(i).map(|r| r.service.as_str());
        id(a).cmp(&id(b))
    });
    let mut rank = vec![0usize; registrations.len()];
    for (position, &i) in by_id.iter().enumerate() {
        if let Some(slot) = rank.get_mut(i) {
            *slot = position;
        }
    }

    let mut done = vec![false; registrations.len()];
    let mut queue = BinaryHeap::new();
    for (i, standing) in own.iter().enumerate() {
        if let (true, Some(since), Some(&r)) = (standing.is_gone(), standing.since, rank.get(i)) {
            queue.push(Reverse((since, r, i)));
        }
    }
    while let Some(Reverse((since, _, gone))) = queue.pop() {
        if done.get(gone).copied().unwrap_or(true) {
            continue;
        }
        if let Some(flag) = done.get_mut(gone) {
            *flag = true;
        }
        let Some(dependents) = built_on.get(gone) else {
            continue;
        };
        for &(dependent, exempt) in dependents {
            let Some(standing) = own.get_mut(dependent) else {
                continue;
            };
            let standing_up = matches!(standing.status, Status::Registered | Status::Suspended);
            if exempt || !standing_up {
                continue;
            }
            standing.status = Status::Deregistered;
            standing.reason = Reason::Cascade;
            standing.since = Some(since);
            if let Some(&r) = rank.get(dependent) {
                queue.push(Reverse((since, r, dependent)));
            }
        }
    }
    name_causes(registrations, &mut own);
    own
}

/// Each fallen service's cause on the final state: among its gone dependencies not exempted,
/// the earliest `since`, then the smallest id.
fn name_causes(registrations: &[Registration], standings: &mut [Standing]) {
    let gone: FastMap<&str, Option<CalendarDate>> = registrations
        .iter()
        .zip(standings.iter())
        .filter(|(_, standing)| standing.is_gone())
        .map(|(registration, standing)| (registration.service.as_str(), standing.since))
        .collect();
    let causes: Vec<Option<String>> = registrations
        .iter()
        .zip(standings.iter())
        .map(|(registration, standing)| {
            if standing.reason != Reason::Cascade {
                return None;
            }
            registration
                .depends_on
                .iter()
                .filter(|dependency| {
                    !registration
                        .underlying_evaluated_in_audit
                        .contains(dependency)
                })
                .filter_map(|dependency| {
                    gone.get(dependency.as_str())
                        .map(|since| (*since, dependency.as_str()))
                })
                .min()
                .map(|(_, dependency)| dependency.to_owned())
        })
        .collect();
    for (standing, cause) in standings.iter_mut().zip(causes) {
        if cause.is_some() {
            standing.because = cause;
        }
    }
}
