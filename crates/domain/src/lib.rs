//! The scheme itself: its decision rules and the vocabulary they speak.
//!
//! Pure by design: no I/O, no HTTP, no SQL, no clock and no system randomness. Time and seeds are
//! parameters, so every rule gives the same answer for the same facts wherever it runs.

pub mod accounts;
pub mod applicability;
pub mod assurance;
pub mod audit_kind;
pub mod availability;
pub mod calendar;
pub mod cascade;
pub mod case;
pub mod classification;
pub mod criteria;
pub mod date;
pub mod decide;
mod fast_hash;
pub mod level;
pub mod lifecycle;
pub mod log_audience;
pub mod log_audit;
pub mod log_chain;
pub mod log_rows;
pub mod policy;
pub mod precheck;
mod random;
pub mod registration;
pub mod registry;
pub mod sampling;
pub mod selection;
pub mod service_model;
pub mod sla_templates;
pub mod text;
pub mod workflow;

pub use decide::{Answer, DecisionKind, RuleData, decide};
pub use random::SeededRandom;
