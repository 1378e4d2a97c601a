//! The expectation gap (期待ギャップ): what users expect a certification, report or registration
//! to assure, set against what it actually assures.
//!
//! Customers choose cloud services by the certificates a provider holds, and most of those assure
//! less than customers believe (a management system exists, not that a service keeps its data
//! safe). Placing each scheme on two axes against a baseline for the field, with a plain account
//! of what it covers and what it leaves out, lets a procurer see which of its needs are still
//! open. The default map lives in `assurance/schemes.json` beside the crate so that the scheme
//! operator can edit it as data; [`AssuranceMap::check`] guards those edits.

mod area;
mod chart;
mod check;
mod coded;
mod data;
mod object;
mod record;
mod registration;
mod scheme;
mod zone;

#[cfg(test)]
mod tests;

pub use area::CriteriaArea;
pub use chart::chart_svg;
pub use check::MAX_SCHEMES;
pub use data::{AssuranceMapError, default_map};
pub use object::AssuredObject;
pub use record::{ASSURANCE_MAP_ID, ASSURANCE_REVISED, AssuranceRecord, revise_map};
pub use registration::{RegistrationReach, registration_reach, registration_scheme_id};
pub use scheme::{AssuranceMap, AssuranceScheme};
pub use zone::{Zone, zone, zone_at};
