//! Tests across the module: the zone rule, the shipped map, the check and the chart.

mod chart;
mod check;
mod data;
mod markup;
mod record;
mod zone;

use super::{AssuranceMap, AssuranceScheme, AssuredObject, CriteriaArea};
use crate::text::Bilingual;

/// A valid scheme to start edits from.
fn scheme(id: &str, expected: u8, actual: u8) -> AssuranceScheme {
    AssuranceScheme {
        id: id.to_owned(),
        name: Bilingual::new(format!("制度 {id}"), format!("Scheme {id}")),
        object: AssuredObject::Service,
        details_public: true,
        cloud_specific: false,
        areas: vec![CriteriaArea::AccessControl, CriteriaArea::Operations],
        expected,
        actual,
        assures: Bilingual::new("保証すること", "What it assures"),
        does_not: Bilingual::new("保証しないこと", "What it does not"),
        summary: Bilingual::new("位置の理由", "Why it stands there"),
    }
}

fn map(schemes: Vec<AssuranceScheme>) -> AssuranceMap {
    AssuranceMap {
        baseline: 50,
        schemes,
    }
}
