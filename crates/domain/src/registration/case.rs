//! The registration case: everything the operator looks at to decide one application, read from
//! JSON with every malformation reported at its JSON pointer.

use crate::fast_hash::FastSet;

use crate::applicability::Applicable;
use crate::audit_kind::AuditKind;
use crate::cascade::{MAX_DEPENDENCIES, MAX_SERVICES};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::case::{Node, Problem, Read, Referent};
use crate::date::CalendarDate;
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::Bilingual;

/// By default a registration runs 1 year 4 months from the day after the audit period.
pub const DEFAULT_VALIDITY_MONTHS: u32 = 16;
const MAX_VALIDITY_MONTHS: u64 = 120;
/// Most years of experience an auditor or a requirement may state.
pub const MAX_YEARS: u64 = 100;
/// Most entries of each list about controls or objectives: the criteria's objectives and
/// controls, the statement's selections and exclusions, the report's conclusions and the
/// explanations. Real criteria hold about 1,200 controls.
pub const MAX_CONTROLS: usize = 5_000;
/// Most qualifications the auditor requirements or the signing auditor may list.
pub const MAX_QUALIFICATIONS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaControl {
    pub id: String,
    pub objective: String,
    pub mandatory: bool,
    /// The lowest level at which the control is required.
    pub min_level: Level,
    pub service_models: Vec<ServiceModel>,
}

impl Applicable for CriteriaControl {
    fn min_level(&self) -> Level {
        self.min_level
    }

    fn service_models(&self) -> &[ServiceModel] {
        &self.service_models
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criteria {
    pub version: String,
    pub objectives: Vec<String>,
    pub controls: Vec<CriteriaControl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub service: String,
    pub target_level: Level,
    pub service_models: Vec<ServiceModel>,
    pub registered_scope: String,
    pub depends_on: Vec<String>,
    /// Underlying services the applicant had evaluated within its own audit.
    pub underlying_evaluated_in_audit: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Registered,
    Suspended,
    Expired,
    Deregistered,
}

impl RegistrationStatus {
    pub const NAMES: [(&'static str, RegistrationStatus); 4] = [
        ("registered", RegistrationStatus::Registered),
        ("suspended", RegistrationStatus::Suspended),
        ("expired", RegistrationStatus::Expired),
        ("deregistered", RegistrationStatus::Deregistered),
    ];

    pub fn name(self) -> &'static str {
        match self {
            RegistrationStatus::Registered => "registered",
            RegistrationStatus::Suspended => "suspended",
            RegistrationStatus::Expired => "expired",
            RegistrationStatus::Deregistered => "deregistered",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryEntry {
    pub service: String,
    pub status: RegistrationStatus,
    pub level: Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditBodyStatus {
    Selected,
    Suspended,
    Revoked,
    Expired,
}

impl AuditBodyStatus {
    const NAMES: [(&'static str, AuditBodyStatus); 4] = [
        ("selected", AuditBodyStatus::Selected),
        ("suspended", AuditBodyStatus::Suspended),
        ("revoked", AuditBodyStatus::Revoked),
        ("expired", AuditBodyStatus::Expired),
    ];

    pub fn name(self) -> &'static str {
        match self {
            AuditBodyStatus::Selected => "selected",
            AuditBodyStatus::Suspended => "suspended",
            AuditBodyStatus::Revoked => "revoked",
            AuditBodyStatus::Expired => "expired",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBody {
    pub id: String,
    pub status: AuditBodyStatus,
    pub valid_from: CalendarDate,
    pub valid_until: CalendarDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditorRequirements {
    /// The signing auditor must hold at least one of these.
    pub qualifications_any: Vec<String>,
    pub min_experience_years: u64,
    pub nationality: String,
}

impl Default for AuditorRequirements {
    fn default() -> Self {
        AuditorRequirements {
            qualifications_any: ["CISSP", "CISA", "RISS", "CAIS"]
                .map(str::to_owned)
                .to_vec(),
            min_experience_years: 3,
            nationality: "JP".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningAuditor {
    pub name: String,
    pub qualifications: Vec<String>,
    pub experience_years: u64,
    pub nationality: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    pub period_start: CalendarDate,
    pub period_end: CalendarDate,
    pub audited_scope: String,
    /// Absent in a case: the full audit in three phases.
    pub kind: AuditKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    pub control: String,
    pub reason: String,
}

/// The provider's statement (言明書): selected controls and the reason for each exclusion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub selected: Vec<String>,
    pub excluded: Vec<Exclusion>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveResult {
    pub objective: String,
    pub effective: bool,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlResult {
    pub control: String,
    pub conformant: bool,
    pub reason: String,
}

/// The audit report: a conclusion and a reason per objective and per control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub objectives: Vec<ObjectiveResult>,
    pub controls: Vec<ControlResult>,
}

/// The auditor's reasoned explanation of a non-conformant recommended control, and whether the
/// operator accepted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub control: String,
    pub accepted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationCase {
    pub criteria: Criteria,
    pub application: Application,
    pub registry: Vec<RegistryEntry>,
    pub audit_body: AuditBody,
    pub auditor_requirements: AuditorRequirements,
    pub signing_auditor: SigningAuditor,
    pub audit: Audit,
    pub statement: Statement,
    pub report: Report,
    pub explanations: Vec<Explanation>,
    pub validity_months: u32,
}

impl RegistrationCase {
    pub fn read(node: &Node<'_>) -> Read<RegistrationCase> {
        let criteria = node.field("criteria", read_criteria)?;
        let validity_months = node
            .optional("validity_months", |n| n.integer(1, MAX_VALIDITY_MONTHS))?
            .and_then(|months| u32::try_from(months).ok())
            .unwrap_or(DEFAULT_VALIDITY_MONTHS);
        Ok(RegistrationCase {
            application: node.field("application", read_application)?,
            registry: node.field("registry", read_registry)?,
            audit_body: node.field("audit_body", read_audit_body)?,
            auditor_requirements: node
                .optional("auditor_requirements", read_auditor_requirements)?
                .unwrap_or_default(),
            signing_auditor: node.field("signing_auditor", read_signing_auditor)?,
            audit: node.field("audit", |n| read_audit(n, validity_months))?,
            statement: node.field("statement", read_statement)?,
            report: node.field("report", read_report)?,
            explanations: node
                .optional("explanations", read_explanations)?
                .unwrap_or_default(),
            validity_months,
            criteria,
        })
    }
}

fn read_criteria(node: &Node<'_>) -> Read<Criteria> {
    let version = node.field("version", Node::id)?;
    let (objectives, objective_ids) = node.field("objectives", read_objectives)?;
    let mut control_ids = FastSet::default();
    let controls = node.field("controls", |list| {
        list.items(MAX_CONTROLS, |item| {
            read_control(item, &mut control_ids, &objective_ids)
        })
    })?;
    Ok(Criteria {
        version,
        objectives,
        controls,
    })
}

/// The criteria's control objectives, each id once: in order, and as a set to check the
/// controls' objectives against.
pub(crate) fn read_objectives(list: &Node<'_>) -> Read<(Vec<String>, FastSet<String>)> {
    let mut ids = FastSet::default();
    let objectives = list.items(MAX_CONTROLS, |item| {
        item.field("id", |n| n.unique_id(&mut ids, Referent::Objective))
    })?;
    Ok((objectives, ids))
}

/// The fields a detailed control of the criteria has in every case that names one: an id not
/// among `control_ids` (which gets it), and an objective among `objective_ids`.
pub(crate) fn read_control(
    item: &Node<'_>,
    control_ids: &mut FastSet<String>,
    objective_ids: &FastSet<String>,
) -> Read<CriteriaControl> {
    let id = item.field("id", |n| n.unique_id(control_ids, Referent::Control))?;
    let objective = item.field("objective", |n| {
        let objective = n.id()?;
        if !objective_ids.contains(&objective) {
            return Err(n.error(Problem::UnknownReference {
                referent: Referent::Objective,
                id: objective,
            }));
        }
        Ok(objective)
    })?;
    Ok(CriteriaControl {
        id,
        objective,
        mandatory: item.field("mandatory", Node::boolean)?,
        min_level: item.field("min_level", Node::level)?,
        service_models: item.field("service_models", Node::service_models)?,
    })
}

fn read_application(node: &Node<'_>) -> Read<Application> {
    Ok(Application {
        service: node.field("service", Node::id)?,
        target_level: node.field("target_level", Node::level)?,
        service_models: node.field("service_models", Node::service_models)?,
        registered_scope: node.field("registered_scope", |n| n.string(MAX_TEXT_CHARS))?,
        depends_on: node
            .optional("depends_on", |n| n.ids(MAX_DEPENDENCIES))?
            .unwrap_or_default(),
        underlying_evaluated_in_audit: node
            .optional("underlying_evaluated_in_audit", |n| n.ids(MAX_DEPENDENCIES))?
            .unwrap_or_default(),
    })
}

/// The registry as a case gives it: each service once.
pub(crate) fn read_registry(node: &Node<'_>) -> Read<Vec<RegistryEntry>> {
    let mut seen = FastSet::default();
    node.items(MAX_SERVICES, |item| {
        Ok(RegistryEntry {
            service: item.field("service", |n| n.unique_id(&mut seen, Referent::Service))?,
            status: item.field("status", |n| n.choice(&RegistrationStatus::NAMES))?,
            level: item.field("level", Node::level)?,
        })
    })
}

fn read_audit_body(node: &Node<'_>) -> Read<AuditBody> {
    let valid_from = node.field("valid_from", Node::date)?;
    let valid_until = node.field("valid_until", |n| {
        let until = n.date()?;
        if until < valid_from {
            return Err(n.error(Problem::Inconsistent(Bilingual::new(
                format!("選定の有効期限 {until} が開始日 {valid_from} より前です"),
                format!("the selection ends ({until}) before it starts ({valid_from})"),
            ))));
        }
        Ok(until)
    })?;
    Ok(AuditBody {
        id: node.field("id", Node::id)?,
        status: node.field("status", |n| n.choice(&AuditBodyStatus::NAMES))?,
        valid_from,
        valid_until,
    })
}

pub(crate) fn read_auditor_requirements(node: &Node<'_>) -> Read<AuditorRequirements> {
    let defaults = AuditorRequirements::default();
    Ok(AuditorRequirements {
        qualifications_any: node
            .optional("qualifications_any", |n| {
                n.non_empty_items(MAX_QUALIFICATIONS, Node::id)
            })?
            .unwrap_or(defaults.qualifications_any),
        min_experience_years: node
            .optional("min_experience_years", |n| n.integer(0, MAX_YEARS))?
            .unwrap_or(defaults.min_experience_years),
        nationality: node
            .optional("nationality", Node::id)?
            .unwrap_or(defaults.nationality),
    })
}

pub(crate) fn read_signing_auditor(node: &Node<'_>) -> Read<SigningAuditor> {
    Ok(SigningAuditor {
        name: node.field("name", Node::id)?,
        qualifications: node.field("qualifications", |n| n.ids(MAX_QUALIFICATIONS))?,
        experience_years: node.field("experience_years", |n| n.integer(0, MAX_YEARS))?,
        nationality: node.field("nationality", Node::id)?,
    })
}

fn read_audit(node: &Node<'_>, validity_months: u32) -> Read<Audit> {
    let period_start = node.field("period_start", Node::date)?;
    let period_end = node.field("period_end", |n| {
        let end = n.date()?;
        if end < period_start {
            return Err(n.error(Problem::Inconsistent(Bilingual::new(
                format!("監査期間の終了日 {end} が開始日 {period_start} より前です"),
                format!("the audit period ends ({end}) before it starts ({period_start})"),
            ))));
        }
        if end.add_months_clamped(validity_months).is_none() {
            return Err(n.error(Problem::Inconsistent(Bilingual::new(
                "登録の有効期限が 9999-12-31 を超えます",
                "the registration would be valid beyond 9999-12-31",
            ))));
        }
        Ok(end)
    })?;
    Ok(Audit {
        period_start,
        period_end,
        audited_scope: node.field("audited_scope", |n| n.string(MAX_TEXT_CHARS))?,
        kind: node
            .optional("kind", |n| n.choice(&AuditKind::NAMES))?
            .unwrap_or_default(),
    })
}

fn read_statement(node: &Node<'_>) -> Read<Statement> {
    Ok(Statement {
        selected: node.field("selected", |n| n.ids(MAX_CONTROLS))?,
        excluded: node.field("excluded", |list| {
            list.items(MAX_CONTROLS, |item| {
                Ok(Exclusion {
                    control: item.field("control", Node::id)?,
                    reason: item.field("reason", |n| n.string(MAX_TEXT_CHARS))?,
                })
            })
        })?,
    })
}

fn read_report(node: &Node<'_>) -> Read<Report> {
    let mut seen_objectives = FastSet::default();
    let objectives = node.field("objectives", |list| {
        list.items(MAX_CONTROLS, |item| {
            let objective = item.field("objective", |n| {
                n.unique_id(&mut seen_objectives, Referent::Objective)
            })?;
            Ok(ObjectiveResult {
                objective,
                effective: item.field("effective", Node::boolean)?,
                reason: item.field("reason", |n| n.string(MAX_TEXT_CHARS))?,
            })
        })
    })?;
    let mut seen_controls = FastSet::default();
    let controls = node.field("controls", |list| {
        list.items(MAX_CONTROLS, |item| {
            let control = item.field("control", |n| {
                n.unique_id(&mut seen_controls, Referent::Control)
            })?;
            Ok(ControlResult {
                control,
                conformant: item.field("conformant", Node::boolean)?,
                reason: item.field("reason", |n| n.string(MAX_TEXT_CHARS))?,
            })
        })
    })?;
    Ok(Report {
        objectives,
        controls,
    })
}

/// At most one explanation per control. An explanation naming a control the criteria lack is
/// part of the audit's reporting, so it is an `unknown_control` finding, not a malformed case.
fn read_explanations(node: &Node<'_>) -> Read<Vec<Explanation>> {
    let mut seen = FastSet::default();
    node.items(MAX_CONTROLS, |item| {
        let control = item.field("control", |n| n.unique_id(&mut seen, Referent::Control))?;
        Ok(Explanation {
            control,
            accepted: item.field("accepted", Node::boolean)?,
        })
    })
}
