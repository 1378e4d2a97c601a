//! The `shinrai` binary as users run it. One test binary for all command tests (one link step).

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod audit;
mod criteria;
mod decide;
mod lifecycle;
mod log_verify;
mod oscal;
mod quality_review;
mod readme;
mod registry;
mod registry_rebuild;
mod report;
mod restore;
mod sample_check;
mod service;
mod statement;
mod story_batch;
mod support;
