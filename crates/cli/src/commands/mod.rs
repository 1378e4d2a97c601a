//! One module per top-level command.

pub mod backup;
pub mod decide;
pub mod log;
pub mod oscal;
