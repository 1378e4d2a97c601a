//! The public registry (登録簿): entries, their dependencies, and searching them.

mod changes;
pub mod demo;
mod graph;
mod model;
mod reported_change;
mod search;

pub use changes::{ChangeKind, RegistryChange, changes};
pub use graph::{DependencyGraph, Reached, above, below, broken_links};
pub use model::{
    DeploymentModel, EntryStatus, ModelScope, Notice, NoticeKind, Period, PublicStatement,
    RegistryEntry, StatusChange,
};
pub use reported_change::{ChangeCategory, ChangeWeight, NewAuditRequired, ReportedChange};
pub use search::{Matches, RegistryIndex, RegistryQuery, RegistryTooLarge, SortKey};
