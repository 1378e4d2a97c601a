//! The HTTP service, route by route, through the whole router in process (one test binary, so
//! one link step).

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod access;
mod account_input;
mod bad_input;
mod connections;
mod criteria;
mod decide;
mod demo;
mod docs;
mod openapi;
mod ops;
mod pages;
mod readers;
mod registry;
mod session;
mod support;
mod web;
mod workflow;
mod workflow_pages;
mod world;
