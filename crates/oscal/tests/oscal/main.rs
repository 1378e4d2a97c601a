//! The OSCAL crate against real public OSCAL content. One test binary (one link step).

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod catalog_outline;
mod component_definitions;
mod conversion;
mod fedramp_xml;
mod models;
mod modify_rules;
mod resolution;
mod resolution_final_operations;
mod resolution_rules;
mod resolution_structure;
mod resolve_input;
mod spec_requirements;
mod support;
mod typed_models;
mod validation;
mod xml_conversion;
mod yaml_quoting;
