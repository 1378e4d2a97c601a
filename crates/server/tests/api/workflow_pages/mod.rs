//! The workflow's pages over HTTP, as a browser without scripts uses them: every page in both
//! languages, every form's success, field errors shown next to the fields with the input kept,
//! the wrong party, a stale save refused, and a submitted statement frozen.

mod assurance;
mod auditing;
mod audits;
pub(crate) mod browser;
mod certificates;
mod change_notices;
mod criteria_gaps;
mod engagement;
mod inbox;
mod incidents;
mod quality_review;
mod registry_measures;
mod review;
mod selection;
mod services;
mod sheets;
mod statements;
mod systems;
mod withdrawal;
mod working_papers;
