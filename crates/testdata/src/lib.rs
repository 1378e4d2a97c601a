//! Generated data sets for benchmarks and tests: believable, the same for the same seed, and
//! as large as a test asks for.
//!
//! This is a crate of its own, not a module of the domain, because it is not part of the scheme:
//! only benchmarks, examples and tests depend on it (as a dev-dependency), so the `shinrai`
//! binary never contains it and the domain's rules do not grow with test scaffolding.

pub mod registry;
pub mod report;
pub mod statement;
pub mod workflow;
pub mod xlsx;
