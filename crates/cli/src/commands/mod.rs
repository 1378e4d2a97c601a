//! One module per top-level command.

pub mod decide;
pub mod oscal;
