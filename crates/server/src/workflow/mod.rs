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

pub use acting::Acting;
pub use failure::{Failure, Outcome};
