//! The scheme's workflow over the API: a service carried from its description to the registry,
//! and each route's answers to the wrong party, the wrong state and bad input.

mod annexes;
mod assurance;
mod certificates;
mod change_notices;
mod comparison;
mod coverage;
mod engagement;
mod evaluation;
pub(crate) mod files;
pub(crate) mod flow;
mod incidents;
mod inputs;
mod lists;
mod measures;
mod notifications;
mod parties;
mod quality_review;
mod registry_measures;
mod selection;
mod states;
mod story;
mod systems;
mod transition;
mod versions;
mod watch_list;
mod withdrawal;
