//! What a registered service covers of the risks a procurer faces, read from the criteria's risk
//! map and the objectives the service's statement implements: per risk, covered (every objective
//! the map names is implemented), partly covered (some are) or not covered (none are, or the map
//! names none), with the objectives met and missing and what is left to the contract, the SLA or
//! the procurer; and the responsibilities the service leaves to its customers: its scope per
//! service model and the controls the criteria give to the customer or to both sides.

use std::collections::HashSet;

use crate::criteria::{Actor, Control, CriteriaVersion, Risk};
use crate::registry::RegistryEntry;
use crate::service_model::ServiceModel;

/// How far a service's implemented objectives cover one risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coverage {
    Covered,
    Partial,
    None,
}

impl Coverage {
    pub fn code(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partial => "partial",
            Coverage::None => "none",
        }
    }
}

/// One risk as a service covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskCoverage<'a> {
    pub risk: &'a Risk,
    pub coverage: Coverage,
    /// The risk's objectives the service implements, in the map's order.
    pub met: Vec<&'a str>,
    /// The risk's objectives it does not.
    pub missing: Vec<&'a str>,
}

/// Every risk of `criteria`'s map, in its order, as a service implementing `implemented`
/// (objective ids) covers it.
pub fn risk_coverage<'a>(
    criteria: &'a CriteriaVersion,
    implemented: &[String],
) -> Vec<RiskCoverage<'a>> {
    let implemented: HashSet<&str> = implemented.iter().map(String::as_str).collect();
    criteria
        .risks
        .iter()
        .map(|risk| {
            let (met, missing): (Vec<&str>, Vec<&str>) = risk
                .objectives
                .iter()
                .map(String::as_str)
                .partition(|objective| implemented.contains(objective));
            let coverage = if met.is_empty() {
                Coverage::None
            } else if missing.is_empty() {
                Coverage::Covered
            } else {
                Coverage::Partial
            };
            RiskCoverage {
                risk,
                coverage,
                met,
                missing,
            }
        })
        .collect()
}

/// The controls of `criteria` that apply to `entry` (its level, one of its models) and that the
/// customer carries out, alone or with the provider, in the criteria's order.
pub fn customer_controls<'a>(
    criteria: &'a CriteriaVersion,
    entry: &RegistryEntry,
) -> Vec<&'a Control> {
    let models: Vec<ServiceModel> = entry
        .service_models
        .iter()
        .map(|scope| scope.model)
        .collect();
    criteria
        .controls
        .iter()
        .filter(|control| matches!(control.actor, Actor::Customer | Actor::Both))
        .filter(|control| control.applies(entry.level, &models))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::demo::demo_criteria;
    use crate::registry::demo::demo_entry;

    #[test]
    fn a_risk_is_covered_when_every_objective_it_names_is_implemented() {
        let criteria = demo_criteria().unwrap();
        let h01 = &criteria.risks[0];
        let all: Vec<String> = h01.objectives.clone();
        let covered = risk_coverage(&criteria, &all);
        assert_eq!(covered[0].coverage, Coverage::Covered);
        assert!(covered[0].missing.is_empty());

        let some = vec![h01.objectives[0].clone()];
        let partly = risk_coverage(&criteria, &some);
        assert_eq!(partly[0].coverage, Coverage::Partial);
        assert_eq!(partly[0].met, [h01.objectives[0].as_str()]);
        assert_eq!(partly[0].missing.len(), h01.objectives.len() - 1);

        let none = risk_coverage(&criteria, &[]);
        assert!(none.iter().all(|risk| risk.coverage == Coverage::None));
        assert_eq!(none.len(), 21);
        assert_eq!(Coverage::Partial.code(), "partial");
    }

    #[test]
    fn the_customer_keeps_the_controls_given_to_it_at_the_services_level_and_models() {
        let criteria = demo_criteria().unwrap();
        let saas = demo_entry("C24-0006");
        let controls = customer_controls(&criteria, &saas);
        assert!(!controls.is_empty());
        for control in &controls {
            assert!(
                matches!(control.actor, Actor::Customer | Actor::Both),
                "{}",
                control.id
            );
            assert!(control.min_level <= saas.level, "{}", control.id);
            assert!(
                control.service_models.iter().any(|m| saas.offers(*m)),
                "{}",
                control.id
            );
        }
        // A provider-only control is never the customer's.
        assert!(
            criteria
                .controls
                .iter()
                .filter(|c| c.actor == Actor::Provider)
                .all(|c| !controls.iter().any(|k| k.id == c.id))
        );
    }
}
