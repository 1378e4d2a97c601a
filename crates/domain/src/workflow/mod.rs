//! The scheme at work: the aggregates that carry a service from its statement to the registry —
//! services, statements (言明書), audits and applications — each written as a state machine.
//!
//! A transition is a function of the current state, the one acting and the moment; it answers
//! the new state with the event that records it, or a typed [`Refusal`]. Nothing here reads a
//! clock, a database or a request: pages, the API, the command line, the demo loader and the
//! tests all call the same functions, then store what they answer.

pub mod access;
pub mod annex_sharing;
pub mod application;
pub mod audit;
pub mod audit_body;
pub mod certification;
pub mod change;
pub mod change_notice;
pub mod fields;
pub mod incident;
pub mod lifecycle_run;
pub mod moment;
pub mod notification;
pub mod precheck;
pub mod procurement;
pub mod quality_review;
pub mod refusal;
pub mod registry_rebuild;
pub mod registry_status;
pub mod registry_write;
pub mod reminders;
pub mod report;
pub mod review;
pub mod selection_application;
pub mod service;
pub mod statement;
pub mod working_papers;

pub use change::{Change, WorkflowEvent};
pub use moment::Moment;
pub use refusal::{Conflict, FieldError, NotAllowed, Refusal};
