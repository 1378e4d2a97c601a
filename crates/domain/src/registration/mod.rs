//! The registration rule: may this application be registered, at which level, until when?
//!
//! Every check runs and every finding is reported; nothing stops at the first problem, so a
//! provider can run the rule on a draft (事前相談) and see all that is wrong at once.

mod case;
mod finding;
pub(crate) mod underlying;

use std::collections::{BTreeMap, BTreeSet};

use crate::fast_hash::{FastMap, FastSet};

use serde_json::{Value, json};

pub use case::{
    Application, Audit, AuditBody, AuditBodyStatus, AuditorRequirements, ControlResult, Criteria,
    CriteriaControl, DEFAULT_VALIDITY_MONTHS, Exclusion, Explanation, MAX_CONTROLS,
    MAX_QUALIFICATIONS, MAX_YEARS, ObjectiveResult, RegistrationCase, RegistrationStatus,
    RegistryEntry, Report, SigningAuditor, Statement,
};
pub(crate) use case::{
    read_auditor_requirements, read_control, read_objectives, read_registry, read_signing_auditor,
};
use finding::{AuditBodyProblem, ReportGap, Source};
pub use finding::{AuditorGap, Finding, FindingCode};
use underlying::{Standing, unevaluated_dependencies};

use crate::applicability::Applicable;
use crate::date::CalendarDate;
use crate::level::Level;
use crate::text::{Lang, is_blank};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Register,
    RequestExplanation,
    Reject,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Register => "register",
            Decision::RequestExplanation => "request_explanation",
            Decision::Reject => "reject",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationDecision {
    pub decision: Decision,
    /// The level registered; only when the decision is to register.
    pub level: Option<Level>,
    pub valid_until: Option<CalendarDate>,
    /// Sorted by code, then subject.
    pub findings: Vec<Finding>,
    /// Recommended controls that need the auditor's reasoned explanation, sorted.
    pub explanations_requested: Vec<String>,
}

impl RegistrationDecision {
    pub fn to_json(&self, lang: Lang) -> Value {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|finding| {
                json!({
                    "code": finding.code,
                    "subject": finding.subject,
                    "message": finding.message.get(lang),
                    "messages": finding.message,
                })
            })
            .collect();
        json!({
            "decision": self.decision.as_str(),
            "level": self.level,
            "valid_until": self.valid_until,
            "findings": findings,
            "explanations_requested": self.explanations_requested,
        })
    }
}

/// The last day of a registration: the audit period's last day plus `months` calendar months,
/// clamped to the end of the month.
pub fn valid_until(period_end: CalendarDate, months: u32) -> Option<CalendarDate> {
    period_end.add_months_clamped(months)
}

pub fn decide(case: &RegistrationCase) -> RegistrationDecision {
    let facts = Facts::new(case);
    let mut findings = Vec::new();
    check_audit_body(case, &mut findings);
    check_auditor(case, &mut findings);
    check_scope(case, &mut findings);
    check_audit_kind(case, &mut findings);
    check_unknown_ids(&facts, &mut findings);
    check_statement(&facts, &mut findings);
    check_report(&facts, &mut findings);
    check_underlying(case, &mut findings);
    let explanations_requested = weigh_recommended(&facts, &mut findings);

    findings.sort_by(|a, b| {
        (a.code.as_str(), a.subject.as_str()).cmp(&(b.code.as_str(), b.subject.as_str()))
    });
    findings.dedup_by(|a, b| a.code == b.code && a.subject == b.subject);

    let decision = if !findings.is_empty() {
        Decision::Reject
    } else if !explanations_requested.is_empty() {
        Decision::RequestExplanation
    } else {
        Decision::Register
    };
    let registered = decision == Decision::Register;
    RegistrationDecision {
        decision,
        level: registered.then_some(case.application.target_level),
        valid_until: if registered {
            valid_until(case.audit.period_end, case.validity_months)
        } else {
            None
        },
        findings,
        explanations_requested,
    }
}

/// Look-up tables built once per decision.
struct Facts<'a> {
    case: &'a RegistrationCase,
    controls: FastMap<&'a str, &'a CriteriaControl>,
    objectives: FastSet<&'a str>,
    selected: BTreeSet<&'a str>,
    excluded: BTreeSet<&'a str>,
    objective_results: FastMap<&'a str, &'a ObjectiveResult>,
    control_results: FastMap<&'a str, &'a ControlResult>,
}

impl<'a> Facts<'a> {
    fn new(case: &'a RegistrationCase) -> Facts<'a> {
        Facts {
            case,
            controls: case
                .criteria
                .controls
                .iter()
                .map(|control| (control.id.as_str(), control))
                .collect(),
            objectives: case
                .criteria
                .objectives
                .iter()
                .map(String::as_str)
                .collect(),
            selected: case.statement.selected.iter().map(String::as_str).collect(),
            excluded: case
                .statement
                .excluded
                .iter()
                .map(|exclusion| exclusion.control.as_str())
                .collect(),
            objective_results: case
                .report
                .objectives
                .iter()
                .map(|result| (result.objective.as_str(), result))
                .collect(),
            control_results: case
                .report
                .controls
                .iter()
                .map(|result| (result.control.as_str(), result))
                .collect(),
        }
    }

    /// A control applies when the target level requires it and it shares a service model with
    /// the application.
    fn applies(&self, control: &CriteriaControl) -> bool {
        let application = &self.case.application;
        control.applies(application.target_level, &application.service_models)
    }

    /// Selected controls that the criteria know.
    fn selected_controls(&self) -> impl Iterator<Item = &'a CriteriaControl> + '_ {
        self.selected
            .iter()
            .filter_map(|id| self.controls.get(id).copied())
    }

    /// The objectives of the selected controls.
    fn selected_objectives(&self) -> BTreeSet<&'a str> {
        self.selected_controls()
            .map(|control| control.objective.as_str())
            .collect()
    }
}

fn check_audit_body(case: &RegistrationCase, findings: &mut Vec<Finding>) {
    let body = &case.audit_body;
    let mut problems = Vec::new();
    if body.status != AuditBodyStatus::Selected {
        problems.push(AuditBodyProblem::Status(body.status.name()));
    }
    if case.audit.period_start < body.valid_from || case.audit.period_end > body.valid_until {
        problems.push(AuditBodyProblem::PeriodOutsideSelection {
            period: (case.audit.period_start, case.audit.period_end),
            selection: (body.valid_from, body.valid_until),
        });
    }
    if !problems.is_empty() {
        findings.push(finding::audit_body_not_selected(&body.id, &problems));
    }
}

/// An evaluation of the provider's internal audit supports the lowest level only.
fn check_audit_kind(case: &RegistrationCase, findings: &mut Vec<Finding>) {
    let target = case.application.target_level;
    if target > case.audit.kind.highest_level() {
        findings.push(finding::audit_kind_not_allowed(
            &case.application.service,
            case.audit.kind,
            target,
        ));
    }
}

fn check_auditor(case: &RegistrationCase, findings: &mut Vec<Finding>) {
    let auditor = &case.signing_auditor;
    let gaps = auditor_gaps(auditor, &case.auditor_requirements);
    if !gaps.is_empty() {
        findings.push(finding::auditor_not_qualified(&auditor.name, &gaps));
    }
}

/// What `auditor` lacks to sign under `required`; empty when qualified. Accepting an audit and
/// signing its report ask the same.
pub fn auditor_gaps(auditor: &SigningAuditor, required: &AuditorRequirements) -> Vec<AuditorGap> {
    let mut gaps = Vec::new();
    if !required
        .qualifications_any
        .iter()
        .any(|q| auditor.qualifications.contains(q))
    {
        gaps.push(AuditorGap::Qualification {
            required_any: required.qualifications_any.clone(),
        });
    }
    if auditor.experience_years < required.min_experience_years {
        gaps.push(AuditorGap::Experience {
            has: auditor.experience_years,
            required: required.min_experience_years,
        });
    }
    if auditor.nationality != required.nationality {
        gaps.push(AuditorGap::Nationality {
            has: auditor.nationality.clone(),
            required: required.nationality.clone(),
        });
    }
    gaps
}

fn check_scope(case: &RegistrationCase, findings: &mut Vec<Finding>) {
    let audited = case.audit.audited_scope.trim();
    let registered = case.application.registered_scope.trim();
    if audited != registered {
        findings.push(finding::scope_mismatch(
            &case.application.service,
            audited,
            registered,
        ));
    }
}

fn check_unknown_ids(facts: &Facts<'_>, findings: &mut Vec<Finding>) {
    let case = facts.case;
    let mut unknown: BTreeMap<&str, BTreeSet<Source>> = BTreeMap::new();
    let statement_ids = facts.selected.iter().chain(facts.excluded.iter());
    for id in statement_ids {
        if !facts.controls.contains_key(id) {
            unknown.entry(id).or_default().insert(Source::Statement);
        }
    }
    for result in &case.report.controls {
        if !facts.controls.contains_key(result.control.as_str()) {
            unknown
                .entry(result.control.as_str())
                .or_default()
                .insert(Source::Report);
        }
    }
    for explanation in &case.explanations {
        if !facts.controls.contains_key(explanation.control.as_str()) {
            unknown
                .entry(explanation.control.as_str())
                .or_default()
                .insert(Source::Explanations);
        }
    }
    for result in &case.report.objectives {
        if !facts.objectives.contains(result.objective.as_str()) {
            unknown
                .entry(result.objective.as_str())
                .or_default()
                .insert(Source::Report);
        }
    }
    for (id, sources) in unknown {
        let sources: Vec<Source> = sources.into_iter().collect();
        findings.push(finding::unknown_control(id, &sources));
    }
}

fn check_statement(facts: &Facts<'_>, findings: &mut Vec<Finding>) {
    for id in facts.selected.intersection(&facts.excluded) {
        findings.push(finding::selected_and_excluded(id));
    }
    let target = facts.case.application.target_level;
    for control in &facts.case.criteria.controls {
        if !facts.applies(control) {
            continue;
        }
        let id = control.id.as_str();
        let excluded = facts.excluded.contains(id);
        if !facts.selected.contains(id) && !excluded {
            findings.push(finding::control_not_addressed(id, target));
        }
        if excluded && control.mandatory {
            findings.push(finding::mandatory_control_excluded(id));
        }
    }
    for exclusion in &facts.case.statement.excluded {
        if is_blank(&exclusion.reason) {
            findings.push(finding::exclusion_without_reason(&exclusion.control));
        }
    }
}

fn check_report(facts: &Facts<'_>, findings: &mut Vec<Finding>) {
    for control in facts.selected_controls() {
        let id = control.id.as_str();
        match facts.control_results.get(id) {
            None => findings.push(finding::report_incomplete(id, false, ReportGap::NoResult)),
            Some(result) => {
                if is_blank(&result.reason) {
                    findings.push(finding::report_incomplete(id, false, ReportGap::NoReason));
                }
                if control.mandatory && !result.conformant {
                    findings.push(finding::mandatory_control_nonconformant(id));
                }
            }
        }
    }
    for objective in facts.selected_objectives() {
        match facts.objective_results.get(objective) {
            None => findings.push(finding::report_incomplete(
                objective,
                true,
                ReportGap::NoResult,
            )),
            Some(result) => {
                if is_blank(&result.reason) {
                    findings.push(finding::report_incomplete(
                        objective,
                        true,
                        ReportGap::NoReason,
                    ));
                }
                if !result.effective {
                    findings.push(finding::objective_not_effective(objective));
                }
            }
        }
    }
}

fn check_underlying(case: &RegistrationCase, findings: &mut Vec<Finding>) {
    let application = &case.application;
    let dependencies = unevaluated_dependencies(
        &application.depends_on,
        &application.underlying_evaluated_in_audit,
        &case.registry,
    );
    for (service, standing) in dependencies {
        match standing {
            Standing::Registered(level) => {
                if level < application.target_level {
                    findings.push(finding::underlying_level_too_low(
                        service,
                        level,
                        application.target_level,
                    ));
                }
            }
            Standing::NotRegistered(status) => findings.push(finding::underlying_not_registered(
                service,
                status.map(RegistrationStatus::name),
            )),
        }
    }
}

/// Non-conformant recommended controls: an accepted explanation lets them pass, a rejected one
/// is a finding, and without one (when their objective is effective) the operator asks for it.
fn weigh_recommended(facts: &Facts<'_>, findings: &mut Vec<Finding>) -> Vec<String> {
    let explanations: FastMap<&str, bool> = facts
        .case
        .explanations
        .iter()
        .map(|explanation| (explanation.control.as_str(), explanation.accepted))
        .collect();
    let mut requested = Vec::new();
    for control in facts.selected_controls() {
        if control.mandatory {
            continue;
        }
        let id = control.id.as_str();
        let nonconformant = facts
            .control_results
            .get(id)
            .is_some_and(|result| !result.conformant);
        if !nonconformant {
            continue;
        }
        match explanations.get(id) {
            Some(true) => {}
            Some(false) => findings.push(finding::explanation_rejected(id)),
            None => {
                let objective_effective = facts
                    .objective_results
                    .get(control.objective.as_str())
                    .is_some_and(|result| result.effective);
                if objective_effective {
                    requested.push(id.to_owned());
                }
            }
        }
    }
    requested.sort();
    requested
}
