//! The shapes of the decision answers, for the API description only: the domain builds the
//! answers itself (`Answer::to_json`), and the tests check every recorded answer against these.

use std::collections::BTreeMap;

use serde::Serialize;
use shinrai_domain::precheck::FindingCode as PrecheckCode;
use shinrai_domain::registration::FindingCode;
use shinrai_domain::selection::FindingCode as SelectionCode;
use utoipa::ToSchema;
use utoipa::openapi::schema::{ObjectBuilder, Type};

use crate::error::Messages;

/// `shinrai decide classification --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClassificationAnswer {
    /// The highest of every item's level and the aggregate level.
    #[schema(minimum = 1, maximum = 3)]
    pub confidentiality: u8,
    /// Always `high`: one integrity level for every government system.
    #[schema(example = "high")]
    pub integrity: String,
    #[schema(minimum = 1, maximum = 3)]
    pub availability: u8,
    /// The level to require of registered services: equal to `confidentiality`.
    #[schema(minimum = 1, maximum = 3)]
    pub registry_level: u8,
    #[schema(example = "C3-I-A2")]
    pub class: String,
    pub advice: Vec<ClassificationAdvice>,
    /// What the specification or SLA should ask for at this availability level, by `item`.
    pub sla_requirements: Vec<SlaRequirement>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClassificationAdvice {
    #[schema(schema_with = advice_code)]
    pub code: String,
    #[schema(minimum = 1, maximum = 3)]
    pub level: u8,
    /// For `consider_split`: the items at the highest level.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub items: Option<Vec<String>>,
    pub message: String,
    pub messages: Messages,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlaRequirement {
    #[schema(example = "backup")]
    pub item: String,
    pub title: String,
    pub requirement: String,
    pub titles: Messages,
    pub requirements: Messages,
}

/// `shinrai decide registration --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationAnswer {
    #[schema(schema_with = registration_decision)]
    pub decision: String,
    /// The level registered at; `null` unless registered.
    #[schema(required = true, minimum = 1, maximum = 3)]
    pub level: Option<u8>,
    /// The last day of the registration (`YYYY-MM-DD`); `null` unless registered.
    #[schema(required = true, format = Date)]
    pub valid_until: Option<String>,
    /// Why the application is rejected, sorted by code and subject.
    pub findings: Vec<RegistrationFinding>,
    /// Recommended controls the auditor must explain before a decision.
    pub explanations_requested: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationFinding {
    #[schema(schema_with = finding_code)]
    pub code: String,
    /// The control, objective, service, audit body or auditor concerned.
    pub subject: String,
    pub message: String,
    pub messages: Messages,
}

/// `shinrai decide cascade --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CascadeAnswer {
    /// Services that fall with the leaving ones, sorted.
    pub deregistered: Vec<String>,
    /// Dependants that stay because their audit evaluated the underlying service.
    pub exempted: Vec<String>,
    /// For each deregistered service, the service whose fall brought it down.
    pub causes: BTreeMap<String, String>,
}

/// `shinrai decide sample --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SampleAnswer {
    #[schema(minimum = 0)]
    pub sample_size: u64,
    /// Distinct occurrence numbers in `1..=population`, ascending.
    pub items: Vec<u64>,
}

/// `shinrai decide availability --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityAnswer {
    pub user_minutes: u64,
    pub downtime_user_minutes: u64,
    pub availability_percent: f64,
    /// What the figure would be had every outage hit every user.
    pub naive_availability_percent: f64,
    pub credit_percent: u64,
    /// The longest single outage, in minutes.
    pub longest_outage_minutes: u64,
    /// The month as seen by one user hit by the longest outage.
    pub affected_user_availability_percent: f64,
    /// The credit the tiers would give if that user's month were measured alone.
    pub affected_user_credit_percent: u64,
}

/// `shinrai decide precheck --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PrecheckAnswer {
    /// The level the statement aims at, as the case gives it.
    #[schema(minimum = 1, maximum = 3)]
    pub target_level: u8,
    /// What stands in the way of the target level, sorted by code and subject.
    pub findings: Vec<PrecheckFinding>,
    /// The highest level with no finding; `null` when every level has some.
    #[schema(required = true, minimum = 1, maximum = 3)]
    pub reachable_level: Option<u8>,
    pub findings_by_level: FindingsByLevel,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PrecheckFinding {
    #[schema(schema_with = precheck_finding_code)]
    pub code: String,
    /// The control, governance or management item, or underlying service concerned.
    pub subject: String,
    pub message: String,
    pub messages: Messages,
}

/// How many findings each level has; a finding at one level is a finding at every level above.
#[derive(Debug, Serialize, ToSchema)]
pub struct FindingsByLevel {
    #[serde(rename = "1")]
    #[schema(minimum = 0)]
    pub level_1: u64,
    #[serde(rename = "2")]
    #[schema(minimum = 0)]
    pub level_2: u64,
    #[serde(rename = "3")]
    #[schema(minimum = 0)]
    pub level_3: u64,
}

/// `shinrai decide selection --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct SelectionAnswer {
    #[schema(schema_with = selection_decision)]
    pub decision: String,
    /// The day of the decision (`YYYY-MM-DD`); `null` unless selected.
    #[schema(required = true, format = Date)]
    pub valid_from: Option<String>,
    /// The last day of the selection (`YYYY-MM-DD`); `null` unless selected.
    #[schema(required = true, format = Date)]
    pub valid_until: Option<String>,
    /// The signing auditors who meet every auditor requirement, sorted by name.
    pub qualified_signing_auditors: Vec<String>,
    /// Sorted by code and subject; every code but `auditor_not_qualified` rejects.
    pub findings: Vec<SelectionFinding>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelectionFinding {
    #[schema(schema_with = selection_finding_code)]
    pub code: String,
    /// The applicant's id, or the name of the signing auditor concerned.
    pub subject: String,
    pub message: String,
    pub messages: Messages,
}

/// `shinrai decide lifecycle --json`.
#[derive(Debug, Serialize, ToSchema)]
pub struct LifecycleAnswer {
    #[schema(format = Date)]
    pub as_of: String,
    /// Every registration of the case, sorted by service.
    pub services: Vec<LifecycleStanding>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LifecycleStanding {
    pub service: String,
    #[schema(schema_with = lifecycle_status)]
    pub status: String,
    #[schema(schema_with = lifecycle_reason)]
    pub reason: String,
    /// The day the status began (`YYYY-MM-DD`); `null` for a registered service.
    #[schema(required = true, format = Date)]
    pub since: Option<String>,
    /// For `cascade`: the gone dependency that went first; else `null`.
    #[schema(required = true)]
    pub because: Option<String>,
    #[schema(minimum = 1, maximum = 3)]
    pub level: u8,
    /// The current last day of validity (`YYYY-MM-DD`).
    #[schema(format = Date)]
    pub valid_until: String,
}

/// A string schema with a fixed list of values.
fn string_enum(values: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
}

fn advice_code() -> ObjectBuilder {
    string_enum(["aggregation_raises_level", "consider_split"])
}

fn registration_decision() -> ObjectBuilder {
    string_enum(["register", "request_explanation", "reject"])
}

/// From the domain's own list, so that the description cannot fall behind the rule.
fn finding_code() -> ObjectBuilder {
    string_enum(FindingCode::ALL.map(FindingCode::as_str))
}

fn precheck_finding_code() -> ObjectBuilder {
    string_enum(PrecheckCode::ALL.map(PrecheckCode::as_str))
}

fn selection_decision() -> ObjectBuilder {
    string_enum(["select", "reject"])
}

fn selection_finding_code() -> ObjectBuilder {
    string_enum(SelectionCode::ALL.map(SelectionCode::as_str))
}

fn lifecycle_status() -> ObjectBuilder {
    string_enum(["registered", "suspended", "expired", "deregistered"])
}

fn lifecycle_reason() -> ObjectBuilder {
    string_enum([
        "valid",
        "renewal_under_review",
        "expired",
        "suspended",
        "withdrawn",
        "deregistered",
        "cascade",
    ])
}
