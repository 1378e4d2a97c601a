//! What one registration assures, read plainly: of the control objectives the criteria in force
//! apply to a service at its level and with its models, which its statement implements and which
//! it does not; which objectives only a higher level would assure; the risks of cloud use it
//! leaves open in part or whole; and the controls the criteria leave to its customers.

use std::collections::HashSet;

use crate::criteria::{Control, CriteriaVersion, Group, Part};
use crate::level::Level;
use crate::registry::RegistryEntry;
use crate::service_model::ServiceModel;
use crate::workflow::procurement::{Coverage, RiskCoverage, customer_controls, risk_coverage};

/// One registration set against the criteria in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationReach<'a> {
    /// Objectives its level and models call for that its statement implements.
    pub implemented: Vec<&'a Group>,
    /// Objectives its level and models call for that its statement does not implement.
    pub not_implemented: Vec<&'a Group>,
    /// Objectives that concern its models but only a higher level calls for: its registration
    /// says nothing of them.
    pub above_level: Vec<&'a Group>,
    /// The risks of the criteria's map it covers only in part or not at all, in the map's order.
    pub open_risks: Vec<RiskCoverage<'a>>,
    /// The controls its level and models give to the customer or to both sides.
    pub customer_controls: Vec<&'a Control>,
}

/// The id the map gives this scheme's registration at `level` (`shinrai_1` …), so that a
/// registration's page can say what its level assures in the map's words.
pub fn registration_scheme_id(level: Level) -> String {
    format!("shinrai_{level}")
}

/// How far `entry`'s registration reaches under `criteria`.
pub fn registration_reach<'a>(
    entry: &RegistryEntry,
    criteria: &'a CriteriaVersion,
) -> RegistrationReach<'a> {
    let models: Vec<ServiceModel> = entry
        .service_models
        .iter()
        .map(|scope| scope.model)
        .collect();
    let implemented_ids: HashSet<&str> = entry
        .statement
        .objectives
        .iter()
        .map(String::as_str)
        .collect();
    let objectives = criteria
        .groups
        .iter()
        .filter(|group| group.part == Part::Control);
    let mut reach = RegistrationReach {
        implemented: Vec::new(),
        not_implemented: Vec::new(),
        above_level: Vec::new(),
        open_risks: risk_coverage(criteria, &entry.statement.objectives)
            .into_iter()
            .filter(|found| found.coverage != Coverage::Covered)
            .collect(),
        customer_controls: customer_controls(criteria, entry),
    };
    for objective in objectives {
        let controls = || {
            criteria
                .controls
                .iter()
                .filter(|control| control.objective == objective.id)
        };
        let called_for = controls().any(|control| control.applies(entry.level, &models));
        if implemented_ids.contains(objective.id.as_str()) {
            reach.implemented.push(objective);
        } else if called_for {
            reach.not_implemented.push(objective);
        } else if controls().any(|control| control.applies(Level::HIGH, &models)) {
            reach.above_level.push(objective);
        }
    }
    reach
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::demo::demo_criteria;
    use crate::registry::demo::demo_entry;

    fn ids<'a>(groups: &[&'a Group]) -> Vec<&'a str> {
        groups.iter().map(|group| group.id.as_str()).collect()
    }

    #[test]
    fn every_objective_that_applies_is_either_implemented_or_not() {
        let criteria = demo_criteria().unwrap();
        let mut entry = demo_entry("C24-0006");
        let reach = registration_reach(&entry, &criteria);
        let implemented = ids(&reach.implemented);
        assert_eq!(implemented.len(), entry.statement.objectives.len());
        assert!(
            reach
                .not_implemented
                .iter()
                .all(|group| !entry.statement.objectives.contains(&group.id))
        );
        // Dropping an implemented objective moves it to the other list, nothing else changes.
        let dropped = entry.statement.objectives.remove(0);
        let after = registration_reach(&entry, &criteria);
        assert!(ids(&after.not_implemented).contains(&dropped.as_str()));
        assert!(!ids(&after.implemented).contains(&dropped.as_str()));
        assert_eq!(after.above_level, reach.above_level);
    }

    #[test]
    fn a_lower_level_leaves_the_higher_levels_objectives_unassured() {
        let criteria = demo_criteria().unwrap();
        let mut entry = demo_entry("C24-0006");
        entry.statement.objectives.clear();
        entry.level = Level::HIGH;
        let high = registration_reach(&entry, &criteria);
        assert!(high.above_level.is_empty());
        entry.level = Level::LOW;
        let low = registration_reach(&entry, &criteria);
        assert!(!low.above_level.is_empty());
        // What a level 1 registration leaves to the higher levels is called for at level 3.
        for objective in &low.above_level {
            assert!(ids(&high.not_implemented).contains(&objective.id.as_str()));
        }
        assert_eq!(
            low.not_implemented.len() + low.above_level.len(),
            high.not_implemented.len()
        );
    }

    #[test]
    fn open_risks_are_those_not_fully_covered() {
        let criteria = demo_criteria().unwrap();
        let mut entry = demo_entry("C24-0006");
        entry.statement.objectives.clear();
        let reach = registration_reach(&entry, &criteria);
        assert_eq!(reach.open_risks.len(), criteria.risks.len());
        entry.statement.objectives = criteria
            .groups
            .iter()
            .filter(|group| group.part == Part::Control)
            .map(|group| group.id.clone())
            .collect();
        assert!(registration_reach(&entry, &criteria).open_risks.is_empty());
    }

    #[test]
    fn each_level_has_its_scheme_in_the_shipped_map() {
        let map = crate::assurance::default_map().unwrap();
        for level in Level::ALL {
            assert!(
                map.scheme(&registration_scheme_id(level)).is_some(),
                "{level}"
            );
        }
    }
}
