//! A new criteria version and the services already registered (基準改定への移行): what each
//! registered service's statement lacks of what the new version makes mandatory at its level,
//! and, from the transition day set when a version is published, which version a renewal must
//! be written against.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{CriteriaVersion, Part};
use crate::date::CalendarDate;
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::Bilingual;

/// A registered service as its statement stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredService {
    pub entry: String,
    pub service_name: Bilingual,
    pub provider: String,
    pub level: Level,
    pub models: Vec<ServiceModel>,
    /// The statement its registration rests on, and the criteria version it was written for.
    pub statement: String,
    pub statement_criteria: String,
    /// The controls the statement selects and the items it answers.
    pub covered: BTreeSet<String>,
}

/// One mandatory control or item of the new version the statement does not cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingControl {
    pub control: String,
    pub objective: String,
    pub part: Part,
    pub text: Bilingual,
}

/// What one registered service lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceGap {
    pub entry: String,
    pub service_name: Bilingual,
    pub provider: String,
    pub level: Level,
    pub statement: String,
    pub statement_criteria: String,
    pub missing: Vec<MissingControl>,
}

/// Per registered service, by registration number, the mandatory controls and items `new`
/// requires at its level and for its models that its statement does not cover; services that
/// lack nothing are left out.
pub fn gaps(new: &CriteriaVersion, services: &[RegisteredService]) -> Vec<ServiceGap> {
    let mut found: Vec<ServiceGap> = services
        .iter()
        .filter_map(|service| {
            let missing: Vec<MissingControl> = new
                .controls
                .iter()
                .filter(|control| control.mandatory)
                .filter(|control| control.applies(service.level, &service.models))
                .filter(|control| !service.covered.contains(&control.id))
                .map(|control| MissingControl {
                    control: control.id.clone(),
                    objective: control.objective.clone(),
                    part: control.part,
                    text: control.text.clone(),
                })
                .collect();
            (!missing.is_empty()).then(|| ServiceGap {
                entry: service.entry.clone(),
                service_name: service.service_name.clone(),
                provider: service.provider.clone(),
                level: service.level,
                statement: service.statement.clone(),
                statement_criteria: service.statement_criteria.clone(),
                missing,
            })
        })
        .collect();
    found.sort_by(|a, b| a.entry.cmp(&b.entry));
    found
}

/// A published version as far as transitions are concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedVersion {
    pub version: String,
    pub published_on: CalendarDate,
    pub transition_on: Option<CalendarDate>,
}

/// The version renewals applied for on `day` must be written against: of the versions whose
/// transition day has come, the one whose transition came last (then the later published).
pub fn required_for_renewal(
    published: &[PublishedVersion],
    day: CalendarDate,
) -> Option<&PublishedVersion> {
    published
        .iter()
        .filter(|version| version.transition_on.is_some_and(|on| on <= day))
        .max_by_key(|version| (version.transition_on, version.published_on))
}

/// Whether a renewal written against `used` may be applied for on `day`: it must be the
/// required version or one published after it. `None` when it may, else the required version.
pub fn renewal_refused<'a>(
    published: &'a [PublishedVersion],
    used: &str,
    day: CalendarDate,
) -> Option<&'a PublishedVersion> {
    let required = required_for_renewal(published, day)?;
    if used == required.version {
        return None;
    }
    let newer = published
        .iter()
        .find(|version| version.version == used)
        .is_some_and(|version| version.published_on > required.published_on);
    (!newer).then_some(required)
}

/// Checks a transition day asked for at publishing on `today`: not before it.
pub fn transition_day_allowed(today: CalendarDate, transition_on: CalendarDate) -> bool {
    transition_on >= today
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::demo::demo_criteria;

    fn day(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn service(entry: &str, level: u8, covered: &[&str]) -> RegisteredService {
        RegisteredService {
            entry: entry.into(),
            service_name: Bilingual::new(entry, entry),
            provider: "csp".into(),
            level: Level::new(level).unwrap(),
            models: vec![ServiceModel::SaaS],
            statement: format!("st-{entry}"),
            statement_criteria: "old".into(),
            covered: covered.iter().map(|id| (*id).to_owned()).collect(),
        }
    }

    #[test]
    fn a_service_lacks_the_mandatory_controls_of_its_level_it_does_not_cover() {
        let criteria = demo_criteria().unwrap();
        let required: Vec<&str> = criteria
            .controls
            .iter()
            .filter(|control| control.mandatory)
            .filter(|control| control.applies(Level::LOW, &[ServiceModel::SaaS]))
            .map(|control| control.id.as_str())
            .collect();
        assert!(required.len() > 2);
        let all_but_two: Vec<&str> = required[2..].to_vec();
        let complete = service("C-DONE", 1, &required);
        let lacking = service("C-LACK", 1, &all_but_two);
        let found = gaps(&criteria, &[lacking, complete]);
        assert_eq!(
            found.len(),
            1,
            "a service covering everything lacks nothing"
        );
        assert_eq!(found[0].entry, "C-LACK");
        let missing: Vec<&str> = found[0]
            .missing
            .iter()
            .map(|m| m.control.as_str())
            .collect();
        assert_eq!(missing, required[..2].to_vec());
        // At a higher level, more is mandatory.
        let higher = service("C-HIGH", 3, &required);
        let at_three = gaps(&criteria, &[higher]);
        let more_required = criteria
            .controls
            .iter()
            .filter(|control| {
                control.mandatory && control.applies(Level::HIGH, &[ServiceModel::SaaS])
            })
            .count();
        assert_eq!(at_three[0].missing.len(), more_required - required.len());
        // Recommended controls are never missing.
        assert!(at_three[0].missing.iter().all(|missing| {
            criteria
                .control(&missing.control)
                .is_some_and(|control| control.mandatory)
        }));
    }

    #[test]
    fn renewals_use_the_version_whose_transition_came_last() {
        let published = vec![
            PublishedVersion {
                version: "v1".into(),
                published_on: day("2025-04-01"),
                transition_on: None,
            },
            PublishedVersion {
                version: "v2".into(),
                published_on: day("2026-04-01"),
                transition_on: Some(day("2026-10-01")),
            },
            PublishedVersion {
                version: "v3".into(),
                published_on: day("2026-11-01"),
                transition_on: Some(day("2027-04-01")),
            },
        ];
        assert_eq!(required_for_renewal(&published, day("2026-09-30")), None);
        assert_eq!(renewal_refused(&published, "v1", day("2026-09-30")), None);
        let required = required_for_renewal(&published, day("2026-10-01")).unwrap();
        assert_eq!(required.version, "v2");
        assert_eq!(
            renewal_refused(&published, "v1", day("2026-10-01"))
                .unwrap()
                .version,
            "v2"
        );
        assert_eq!(renewal_refused(&published, "v2", day("2026-10-01")), None);
        // A version published after the required one may be used before its own transition.
        assert_eq!(renewal_refused(&published, "v3", day("2026-12-01")), None);
        assert_eq!(
            renewal_refused(&published, "v2", day("2027-04-01"))
                .unwrap()
                .version,
            "v3"
        );
        // A version no longer published (or unknown) is refused once a transition came.
        assert_eq!(
            renewal_refused(&published, "gone", day("2026-12-01"))
                .unwrap()
                .version,
            "v2"
        );
        assert!(transition_day_allowed(day("2026-12-01"), day("2026-12-01")));
        assert!(!transition_day_allowed(
            day("2026-12-01"),
            day("2026-11-30")
        ));
    }
}
