//! The scheme's criteria (管理基準): versions, their parts, groups and controls, the map from
//! risks to the objectives that address them, and what can be asked of them (consistency, differences, searches).

mod check;
pub mod demo;
mod diff;
mod examples;
mod legacy;
mod model;
mod risk_map;
mod search;
pub mod transition;

pub use check::{Finding, Problem, check};
pub use diff::{Attribute, Changed, CriteriaDiff, diff};
pub use examples::{
    ExampleProblem, MAX_EXAMPLE_ID_CHARS, TechnologyExample, example_problems,
    examples_from_free_text, is_valid_example_id,
};
pub use legacy::read_stored_document;
pub use model::{
    Actor, Control, Counts, CriteriaVersion, Group, Part, RESERVED_VERSION_IDS, Reference,
    Relation, Status, is_valid_version_id,
};
pub use risk_map::{MAX_RISK_OBJECTIVES, MAX_RISKS, Risk, RiskBand, RiskCategory, RiskStage};
pub use search::{ControlQuery, SearchIndex};
