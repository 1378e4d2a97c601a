//! The pre-check of a stored statement: the same case a provider could write by hand for
//! `shinrai decide precheck`, built from the criteria version the statement names, its
//! service, the registry as it stands and the statement itself, then checked by the one rule.

use super::review::{one_line, registry_for_rule};
use super::service::Service;
use super::statement::{ItemAnswer, ItemStatus, Statement};
use crate::criteria::{CriteriaVersion, Part};
use crate::precheck::{self, PrecheckCase, PrecheckOutcome};
use crate::registration::Exclusion;
use crate::registry::RegistryEntry;

/// Everything the pre-check reads, as stored.
#[derive(Debug, Clone, Copy)]
pub struct PrecheckFacts<'a> {
    /// The version the statement is written against.
    pub criteria: &'a CriteriaVersion,
    pub service: &'a Service,
    pub registry: &'a [RegistryEntry],
    pub statement: &'a Statement,
}

/// The pre-check case of the stored facts.
pub fn case(facts: &PrecheckFacts<'_>) -> PrecheckCase {
    let criteria = facts.criteria;
    let content = &facts.statement.content;
    let items = |part: Part| -> Vec<precheck::Item> {
        criteria
            .controls
            .iter()
            .filter(|item| item.part == part)
            .map(|item| precheck::Item {
                id: item.id.clone(),
                min_level: item.min_level,
                service_models: item.service_models.clone(),
            })
            .collect()
    };
    PrecheckCase {
        criteria: precheck::Criteria {
            version: criteria.version.clone(),
            governance: items(Part::Governance),
            management: items(Part::Management),
            objectives: criteria
                .groups
                .iter()
                .filter(|group| group.part == Part::Control)
                .map(|group| group.id.clone())
                .collect(),
            controls: criteria
                .controls
                .iter()
                .filter(|control| control.part == Part::Control)
                .map(|control| precheck::Control {
                    id: control.id.clone(),
                    objective: control.objective.clone(),
                    mandatory: control.mandatory,
                    min_level: control.min_level,
                    service_models: control.service_models.clone(),
                    technology_examples: control
                        .technology_examples
                        .iter()
                        .map(|example| example.id.clone())
                        .collect(),
                })
                .collect(),
        },
        application: precheck::Application {
            service: facts.service.id.clone(),
            target_level: facts.statement.target_level,
            service_models: facts
                .service
                .details
                .service_models
                .iter()
                .map(|scope| scope.model)
                .collect(),
            depends_on: facts.service.details.built_on.clone(),
            underlying_evaluated_in_audit: facts
                .service
                .details
                .underlying_evaluated_in_audit
                .clone(),
        },
        registry: registry_for_rule(facts.registry),
        statement: precheck::Statement {
            governance: answers(&content.governance),
            management: answers(&content.management),
            selected: content
                .selected
                .iter()
                .map(|entry| precheck::Selection {
                    control: entry.control.clone(),
                    individual_control: one_line(&entry.individual_control),
                    technologies: entry.technologies.clone(),
                    rationale: one_line(&entry.rationale),
                })
                .collect(),
            excluded: content
                .excluded
                .iter()
                .map(|entry| Exclusion {
                    control: entry.control.clone(),
                    reason: one_line(&entry.reason),
                })
                .collect(),
        },
    }
}

/// The rule's answer on the stored facts.
pub fn check(facts: &PrecheckFacts<'_>) -> PrecheckOutcome {
    precheck::check(&case(facts))
}

fn answers(answers: &[ItemAnswer]) -> Vec<precheck::ItemStatement> {
    answers
        .iter()
        .map(|answer| precheck::ItemStatement {
            item: answer.item.clone(),
            status: match answer.status {
                ItemStatus::Implemented => precheck::ItemStatus::Implemented,
                ItemStatus::Partial => precheck::ItemStatus::Partial,
                ItemStatus::NotImplemented => precheck::ItemStatus::NotImplemented,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::demo::demo_criteria;
    use crate::level::Level;
    use crate::precheck::FindingCode;
    use crate::text::Bilingual;
    use crate::workflow::statement::StatementContent;
    use crate::workflow::statement::tests::{content, draft, service};

    #[test]
    fn an_empty_draft_addresses_nothing_and_a_filled_one_lacks_only_its_items() {
        let criteria = demo_criteria().unwrap();
        let service = service();
        let filled = draft();
        let empty = Statement {
            content: StatementContent::default(),
            ..filled.clone()
        };
        let answer = |statement: &Statement| {
            check(&PrecheckFacts {
                criteria: &criteria,
                service: &service,
                registry: &[],
                statement,
            })
        };
        let nothing = answer(&empty);
        assert_eq!(nothing.reachable_level, None);
        assert!(
            nothing
                .findings
                .iter()
                .any(|f| f.code == FindingCode::ControlNotAddressed)
        );
        assert_eq!(filled.content, content(&criteria));
        let something = answer(&filled);
        // Only the items, which the test content mostly leaves out, and the service's base,
        // which the empty registry lacks, stand in the way.
        assert!(
            something
                .findings
                .iter()
                .all(|f| f.code.as_str().ends_with("_item_not_implemented")
                    || (f.code == FindingCode::UnderlyingNotRegistered && f.subject == "C25-0001")),
            "{:?}",
            something.findings
        );
        assert!(
            something
                .findings
                .iter()
                .any(|f| f.code == FindingCode::UnderlyingNotRegistered)
        );
        assert_eq!(something.target_level, Level::LOW);
    }

    #[test]
    fn a_blank_individual_control_counts_as_missing() {
        let criteria = demo_criteria().unwrap();
        let service = service();
        let mut statement = draft();
        if let Some(first) = statement.content.selected.first_mut() {
            first.individual_control = Bilingual::new("\u{3000}", " ");
        }
        let answer = check(&PrecheckFacts {
            criteria: &criteria,
            service: &service,
            registry: &[],
            statement: &statement,
        });
        assert!(
            answer
                .findings
                .iter()
                .any(|f| f.code == FindingCode::IndividualControlMissing)
        );
    }
}
