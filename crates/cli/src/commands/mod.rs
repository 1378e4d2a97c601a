//! One module per top-level command.

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod criteria;
pub mod decide;
pub mod lifecycle;
pub mod log;
pub mod log_verify;
pub mod oscal;
pub mod quality_review;
pub mod registry;
pub mod registry_rebuild;
pub mod report;
pub mod sample_check;
pub mod serve;
pub mod statement;
