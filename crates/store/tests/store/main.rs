//! One test suite, run on SQLite and on PostgreSQL: the store must behave the same on both.

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod accounts;
mod backup;
mod binding;
mod criteria;
mod engines;
mod job_lock;
mod log;
mod read_only;
mod registry;
mod uploads;
mod workflow;
