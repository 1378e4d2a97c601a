//! Criteria as the service reads them: loaded versions kept in memory with their search index,
//! and the shapes the API answers with.

mod loaded;
pub mod upload;
pub mod views;

pub use loaded::{CriteriaCache, Loaded};
