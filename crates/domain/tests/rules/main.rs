//! The decision rules, clause by clause, as one test binary (one link step for all of them).

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// The tests read the shared case files; the library itself stays free of I/O.
#![allow(clippy::disallowed_methods)]

mod answer_size;
mod availability;
mod cascade;
mod classification;
mod docs;
mod lifecycle_readers;
mod malformed;
mod no_panic;
mod precheck;
mod precheck_properties;
mod registration;
mod sampling;
mod schemas;
mod selection;
mod selection_properties;
mod support;
