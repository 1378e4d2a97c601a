//! A registration's own standing on the day: its events taken in date order (one day's in the
//! order of the file), before any cascade.

use super::{EventKind, LifecycleCase, LifecycleEvent, Reason, Registration, Standing, Status};
use crate::date::CalendarDate;
use crate::fast_hash::FastMap;
use crate::level::Level;

/// Where one registration stands as its events are applied.
struct Life {
    level: Level,
    valid_until: CalendarDate,
    /// The first day it is no longer valid, unless a renewal is pending.
    expires_on: Option<CalendarDate>,
    pending: bool,
    suspended_since: Option<CalendarDate>,
    ended: Option<(CalendarDate, Reason)>,
}

impl Life {
    fn new(registration: &Registration) -> Life {
        Life {
            level: registration.level,
            valid_until: registration.valid_until,
            expires_on: registration.valid_until.add_days(1),
            pending: false,
            suspended_since: None,
            ended: None,
        }
    }

    fn apply(&mut self, event: &LifecycleEvent) {
        if self.ended.is_some() {
            return;
        }
        match event.kind {
            EventKind::RenewalApplied => {
                if event.on <= self.valid_until {
                    self.pending = true;
                }
            }
            EventKind::RenewalRejected => {
                if self.pending {
                    self.pending = false;
                    // Valid while the renewal was under review.
                    self.expires_on = self.valid_until.max(event.on).add_days(1);
                }
            }
            EventKind::RenewalRegistered => {
                self.pending = false;
                if let Some(until) = event.valid_until {
                    self.valid_until = until;
                }
                if let Some(level) = event.level {
                    self.level = level;
                }
                self.expires_on = self.valid_until.add_days(1);
            }
            EventKind::Suspended => {
                self.suspended_since.get_or_insert(event.on);
            }
            EventKind::Reinstated => self.suspended_since = None,
            EventKind::Withdrawn => self.ended = Some((event.on, Reason::Withdrawn)),
            EventKind::Deregistered => self.ended = Some((event.on, Reason::Deregistered)),
        }
    }

    fn standing(&self, service: &str, as_of: CalendarDate) -> Standing {
        let (status, reason, since) = if let Some((on, reason)) = self.ended {
            (Status::Deregistered, reason, Some(on))
        } else if let Some(expired) = self.expires_on.filter(|day| !self.pending && as_of >= *day) {
            (Status::Expired, Reason::Expired, Some(expired))
        } else if let Some(since) = self.suspended_since {
            (Status::Suspended, Reason::Suspended, Some(since))
        } else if self.pending && as_of > self.valid_until {
            (Status::Registered, Reason::RenewalUnderReview, None)
        } else {
            (Status::Registered, Reason::Valid, None)
        };
        Standing {
            service: service.to_owned(),
            status,
            reason,
            since,
            because: None,
            level: self.level,
            valid_until: self.valid_until,
        }
    }
}

/// Each registration's own standing, in the order of `case.registrations`.
pub(super) fn own_standings(case: &LifecycleCase) -> Vec<Standing> {
    let index: FastMap<&str, usize> = case
        .registrations
        .iter()
        .enumerate()
        .map(|(i, registration)| (registration.service.as_str(), i))
        .collect();
    // Each registration's life depends on its own events only: they are gathered per
    // registration in the order of the file, then put in date order by a stable sort, which
    // keeps one day's events in the order of the file.
    let mut lives: Vec<(Life, Vec<&LifecycleEvent>)> = case
        .registrations
        .iter()
        .map(|registration| (Life::new(registration), Vec::new()))
        .collect();
    for event in case.events.iter().filter(|event| event.on <= case.as_of) {
        if let Some((_, events)) = index
            .get(event.service.as_str())
            .and_then(|&i| lives.get_mut(i))
        {
            events.push(event);
        }
    }
    case.registrations
        .iter()
        .zip(&mut lives)
        .map(|(registration, (life, events))| {
            events.sort_by_key(|event| event.on);
            for event in events.iter() {
                life.apply(event);
            }
            life.standing(&registration.service, case.as_of)
        })
        .collect()
}
