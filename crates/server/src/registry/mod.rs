//! The registry as the service reads it: all entries in memory with their search index, and
//! the shapes the API answers with.

mod loaded;
pub mod views;

pub use loaded::{LoadedRegistry, RECHECK_AFTER, RegistryCache};
