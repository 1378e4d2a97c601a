//! The procurers' part of the demo, as data (`demo/procurement-story.json` beside the crate):
//! each procuring organisation's systems, recorded and classified on a day, and the registered
//! services each uses from when to when (a usage that ended recorded so on the day it was), and
//! the candidates some watch. The
//! organisations are then told, through the same paths as in service, what happens to the
//! services they use: an incident, a change, a fall in cascade.

use serde::Deserialize;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::procurement::SystemDetails;

use super::ledger::{Dated, Step};
use super::moments::at;

const FILE: &str = include_str!("../../demo/procurement-story.json");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcurementStory {
    pub systems: Vec<SystemStory>,
}

/// One system of a procuring organisation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemStory {
    /// The login of the procurer who records it.
    pub who: String,
    pub system: String,
    pub recorded_on: CalendarDate,
    pub details: SystemDetails,
    pub usages: Vec<UsageStory>,
    /// The services put on its watch list as candidates, and when.
    #[serde(default)]
    pub watching: Vec<WatchStory>,
}

/// A registered service a system watches from a day on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchStory {
    pub entry: String,
    pub on: CalendarDate,
}

/// One registered service the system uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageStory {
    pub usage: String,
    pub entry: String,
    /// The first day of use; the usage is recorded that day.
    pub from: CalendarDate,
    /// The last day of use, recorded on `ended_on` (or with the usage when that is absent).
    #[serde(default)]
    pub until: Option<CalendarDate>,
    #[serde(default)]
    pub ended_on: Option<CalendarDate>,
    pub note: Bilingual,
}

/// The file was edited into a wrong shape.
#[derive(Debug, thiserror::Error)]
#[error("demo/procurement-story.json: {0}")]
pub struct ProcurementStoryError(pub String);

pub fn procurement_story() -> Result<ProcurementStory, ProcurementStoryError> {
    serde_json::from_str(FILE).map_err(|error| ProcurementStoryError(error.to_string()))
}

/// Every step of the procurers' story: each system in the morning of the day it is recorded,
/// each usage recorded at noon of its first day, each end on its day, each watch at noon of its
/// day.
pub fn steps(story: &ProcurementStory) -> Vec<Dated> {
    let mut steps = Vec::new();
    for system in &story.systems {
        steps.push(Dated {
            at: at(system.recorded_on, 30),
            who: system.who.clone(),
            step: Step::RecordSystem {
                system: system.system.clone(),
                details: system.details.clone(),
            },
        });
        for usage in &system.usages {
            let until_now = if usage.ended_on.is_some() {
                None
            } else {
                usage.until
            };
            steps.push(Dated {
                at: at(usage.from, 180),
                who: system.who.clone(),
                step: Step::RecordUsage {
                    usage: usage.usage.clone(),
                    system: system.system.clone(),
                    entry: usage.entry.clone(),
                    from: usage.from,
                    until: until_now,
                    note: usage.note.clone(),
                },
            });
            if let (Some(on), Some(until)) = (usage.ended_on, usage.until) {
                steps.push(Dated {
                    at: at(on, 180),
                    who: system.who.clone(),
                    step: Step::EndUsage {
                        usage: usage.usage.clone(),
                        until,
                    },
                });
            }
        }
        for watch in &system.watching {
            steps.push(Dated {
                at: at(watch.on, 180),
                who: system.who.clone(),
                step: Step::WatchService {
                    system: system.system.clone(),
                    entry: watch.entry.clone(),
                },
            });
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_reads_and_each_usage_begins_after_its_system_is_recorded() {
        let story = procurement_story().unwrap();
        assert_eq!(story.systems.len(), 4);
        for system in &story.systems {
            for usage in &system.usages {
                assert!(usage.from >= system.recorded_on, "{}", usage.usage);
                if let Some(on) = usage.ended_on {
                    assert!(
                        usage.until.is_some_and(|until| until <= on),
                        "{}",
                        usage.usage
                    );
                }
            }
            for watch in &system.watching {
                assert!(watch.on >= system.recorded_on, "{}", watch.entry);
            }
        }
        let steps = steps(&story);
        assert_eq!(steps.len(), 4 + 5 + 1 + 1);
    }
}
