//! The scheme's criteria (管理基準): versions, their parts, groups and controls, and what can be
//! asked of them (consistency, differences, searches).

mod check;
pub mod demo;
mod diff;
mod model;
mod search;

pub use check::{Finding, Problem, check};
pub use diff::{Attribute, Changed, CriteriaDiff, diff};
pub use model::{
    Actor, Control, Counts, CriteriaVersion, Group, Part, RESERVED_VERSION_IDS, Reference,
    Relation, Status, is_valid_version_id,
};
pub use search::{ControlQuery, SearchIndex};
