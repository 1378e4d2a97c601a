//! NIST's profile-resolution test material against shinrai's resolver: the requirement tests and
//! the older worked examples, each XML profile resolved from the shared folder
//! (`SHINRAI_OSCAL_XML_DATA`) and compared with its expected output through
//! [`crate::catalog_outline`]. The specification's text decides where NIST's expected outputs
//! disagree with it.

mod expectations;
mod harness;
mod line_diff;
mod requirement_tests;
mod worked_examples;
