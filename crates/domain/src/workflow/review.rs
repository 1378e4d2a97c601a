//! The review of an application: the registration rule on the stored facts. The same case a
//! reviewer could write by hand for `shinrai decide registration` is built here from the
//! criteria version of the audited statement, the service, the registry as it stands, the audit
//! body's record, the signing auditor, the audit and its report, and the judged explanations.

use super::application::Application;
use super::audit::Audit;
use super::audit_body::{AuditBodyRecord, AuditorProfile};
use super::service::Service;
use super::statement::Statement;
use crate::criteria::{CriteriaVersion, Part};
use crate::registration::{
    self, AuditorRequirements, ControlResult, CriteriaControl, DEFAULT_VALIDITY_MONTHS, Exclusion,
    ObjectiveResult, RegistrationCase, RegistrationDecision, RegistrationStatus, Report,
};
use crate::registry::{EntryStatus, RegistryEntry};
use crate::text::Bilingual;

/// Everything the review reads, as stored.
#[derive(Debug, Clone, Copy)]
pub struct ReviewFacts<'a> {
    pub criteria: &'a CriteriaVersion,
    pub service: &'a Service,
    pub registry: &'a [RegistryEntry],
    pub audit_body: &'a AuditBodyRecord,
    pub requirements: &'a AuditorRequirements,
    pub signer: &'a AuditorProfile,
    pub audit: &'a Audit,
    pub statement: &'a Statement,
    pub application: &'a Application,
}

/// The registration case of the stored facts.
pub fn case(facts: &ReviewFacts<'_>) -> RegistrationCase {
    let criteria = facts.criteria;
    let content = &facts.statement.content;
    RegistrationCase {
        criteria: registration::Criteria {
            version: criteria.version.clone(),
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
                .map(|control| CriteriaControl {
                    id: control.id.clone(),
                    objective: control.objective.clone(),
                    mandatory: control.mandatory,
                    min_level: control.min_level,
                    service_models: control.service_models.clone(),
                })
                .collect(),
        },
        application: registration::Application {
            service: facts.service.id.clone(),
            target_level: facts.statement.target_level,
            service_models: facts
                .service
                .details
                .service_models
                .iter()
                .map(|scope| scope.model)
                .collect(),
            registered_scope: one_line(&facts.service.details.scope),
            depends_on: facts.service.details.built_on.clone(),
            underlying_evaluated_in_audit: facts
                .service
                .details
                .underlying_evaluated_in_audit
                .clone(),
        },
        registry: registry_for_rule(facts.registry),
        audit_body: facts.audit_body.for_rule(&facts.audit.period),
        auditor_requirements: facts.requirements.clone(),
        signing_auditor: facts.signer.for_rule(),
        audit: registration::Audit {
            period_start: facts.audit.period.start,
            period_end: facts.audit.period.end,
            audited_scope: one_line(&facts.audit.audited_scope),
            kind: facts.audit.kind,
        },
        statement: registration::Statement {
            selected: content.selected.iter().map(|e| e.control.clone()).collect(),
            excluded: content
                .excluded
                .iter()
                .map(|e| Exclusion {
                    control: e.control.clone(),
                    reason: one_line(&e.reason),
                })
                .collect(),
        },
        report: Report {
            objectives: facts
                .audit
                .conclusions
                .objectives
                .iter()
                .map(|c| ObjectiveResult {
                    objective: c.objective.clone(),
                    effective: c.effective,
                    reason: one_line(&c.reason),
                })
                .collect(),
            controls: facts
                .audit
                .conclusions
                .controls
                .iter()
                .map(|c| ControlResult {
                    control: c.control.clone(),
                    conformant: c.conformant,
                    reason: one_line(&c.reason),
                })
                .collect(),
        },
        explanations: facts.application.judged_explanations(),
        validity_months: DEFAULT_VALIDITY_MONTHS,
    }
}

/// The rule's answer on the stored facts.
pub fn review(facts: &ReviewFacts<'_>) -> RegistrationDecision {
    registration::decide(&case(facts))
}

/// The registry as the rules read it: each entry's registration number, status and level.
pub(crate) fn registry_for_rule(entries: &[RegistryEntry]) -> Vec<registration::RegistryEntry> {
    entries
        .iter()
        .map(|entry| registration::RegistryEntry {
            service: entry.id.clone(),
            status: status_for_rule(entry.status),
            level: entry.level,
        })
        .collect()
}

fn status_for_rule(status: EntryStatus) -> RegistrationStatus {
    match status {
        EntryStatus::Registered => RegistrationStatus::Registered,
        EntryStatus::Suspended => RegistrationStatus::Suspended,
        EntryStatus::Expired => RegistrationStatus::Expired,
        EntryStatus::Deregistered => RegistrationStatus::Deregistered,
    }
}

/// A bilingual text as the rule compares texts: both languages, each trimmed; empty when both
/// are only white space, so that the rule's emptiness checks hold.
pub(crate) fn one_line(text: &Bilingual) -> String {
    let ja = text.ja.trim();
    let en = text.en.trim();
    match (ja.is_empty(), en.is_empty()) {
        (true, true) => String::new(),
        (false, true) => ja.to_owned(),
        (true, false) => en.to_owned(),
        (false, false) => format!("{ja} / {en}"),
    }
}
