//! What the scheme's workflow features (services, statements, audits, applications, audit
//! bodies) share: who acts and when ([`Acting`]), why an action fails ([`Failure`], one mapping
//! to the API's error shape), the ids the server chooses, and the stored facts several actions
//! read (published criteria, the registry).
//!
//! Each feature's `actions.rs` holds one function per action: load what the action needs,
//! check that the one acting may know it exists, call the domain's transition, commit its
//! change with its event. Actions know nothing of HTTP, so the API and the pages call the same
//! functions; `api.rs` only reads the request and shapes the answer.

mod acting;
pub mod facts;
mod failure;
pub mod files;
pub mod ids;
pub mod reach;
pub mod schema;
pub mod shown;

pub use acting::Acting;
pub use failure::{Failure, Outcome};

/// Refuses a change made from `expected`, a revision the one acting read earlier (a form
/// carries it), when the stored one is newer: the change would undo a save they never saw.
/// `None` changes whatever is stored now (the API's whole-document writes).
pub fn unchanged_since(
    stored: i64,
    expected: Option<i64>,
    kind: facts::Thing,
    id: &str,
) -> Outcome<()> {
    match expected {
        Some(expected) if expected != stored => Err(Failure::stale(kind, id)),
        _ => Ok(()),
    }
}
