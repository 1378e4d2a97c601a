//! The statement of applicability of an ISO/IEC 27017 certificate, written per service: for each
//! cloud control, the side the organisation acts on, whether it adopted the control under 27001
//! and in the 27017 extension, and why. The controls the extension speaks to live in
//! `certification/soa-template.json` beside the crate, with short titles of our own in both
//! languages: those of 27002 that 27017 adds cloud guidance to, and the seven cloud-only `CLD`
//! controls that 27001 does not have.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::text::Bilingual;

const FILE: &str = include_str!("../../../certification/soa-template.json");

/// The prefix of the controls that exist only in the 27017 extension.
const CLOUD_ONLY_PREFIX: &str = "CLD.";

/// The side an organisation acts on for a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloudRole {
    /// It provides the cloud service.
    Provider,
    /// It uses a cloud service (e.g. the one it builds on).
    Customer,
    /// Both, as a SaaS built on another provider's IaaS often is.
    Both,
}

impl CloudRole {
    pub const ALL: [CloudRole; 3] = [CloudRole::Provider, CloudRole::Customer, CloudRole::Both];

    pub fn code(self) -> &'static str {
        match self {
            CloudRole::Provider => "provider",
            CloudRole::Customer => "customer",
            CloudRole::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<CloudRole> {
        CloudRole::ALL.into_iter().find(|role| role.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            CloudRole::Provider => Bilingual::new("クラウドサービス事業者", "Cloud provider"),
            CloudRole::Customer => Bilingual::new("クラウドサービス利用者", "Cloud customer"),
            CloudRole::Both => Bilingual::new("事業者と利用者の両方", "Provider and customer"),
        }
    }
}

/// One control of a statement of applicability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicabilityLine {
    /// The control's number, e.g. `9.2.1` or `CLD.6.3.1`.
    pub control: String,
    pub role: CloudRole,
    /// Whether the 27001 statement of applicability adopts it; `None` for a `CLD` control,
    /// which 27001 does not have.
    #[serde(default)]
    pub adopted_27001: Option<bool>,
    /// Whether the 27017 extension adopts it.
    pub adopted: bool,
    /// Why it is adopted or not; required when it is not.
    pub reason: Bilingual,
}

/// A control of the template: one the 27017 extension gives cloud guidance for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoaControl {
    pub id: String,
    /// A short title of our own (never the standard's wording).
    pub title: Bilingual,
    /// A `CLD` control, which exists only in the extension.
    pub cloud_only: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    controls: Vec<SoaControl>,
}

/// The template file was edited into a wrong shape.
#[derive(Debug, thiserror::Error)]
#[error("certification/soa-template.json: {0}")]
pub struct SoaTemplateError(pub String);

/// Whether `id` names a cloud-only control of the extension.
pub fn is_cloud_only_control(id: &str) -> bool {
    id.starts_with(CLOUD_ONLY_PREFIX)
}

/// Whether `id` is written as a control number: `digits.digits` or `digits.digits.digits`
/// (27001:2022 numbers have two parts, 2013 numbers three), or `CLD.digits.digits.digits`.
/// Each part has one to three digits.
pub fn is_control_id(id: &str) -> bool {
    let (number, parts_allowed) = match id.strip_prefix(CLOUD_ONLY_PREFIX) {
        Some(rest) => (rest, 3..=3),
        None => (id, 2..=3),
    };
    let parts: Vec<&str> = number.split('.').collect();
    parts_allowed.contains(&parts.len())
        && parts
            .iter()
            .all(|part| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The controls the 27017 extension speaks to, in the standard's order.
pub fn soa_template() -> Result<Vec<SoaControl>, SoaTemplateError> {
    let file: File =
        serde_json::from_str(FILE).map_err(|error| SoaTemplateError(error.to_string()))?;
    let mut seen = HashSet::new();
    for control in &file.controls {
        let id = control.id.as_str();
        if !is_control_id(id) {
            return Err(SoaTemplateError(format!("{id} is not a control number")));
        }
        if control.cloud_only != is_cloud_only_control(id) {
            return Err(SoaTemplateError(format!(
                "{id}: cloud_only must be true exactly for the CLD controls"
            )));
        }
        if !seen.insert(id) {
            return Err(SoaTemplateError(format!("the id {id} is used twice")));
        }
    }
    Ok(file.controls)
}

/// A statement to start an editor from: every control of the template, acting as provider,
/// adopted under both standards (the guide expects few good reasons to leave a cloud control
/// out), with no reason yet. `CLD` controls have no 27001 answer.
pub fn blank_applicability() -> Result<Vec<ApplicabilityLine>, SoaTemplateError> {
    Ok(soa_template()?
        .into_iter()
        .map(|control| ApplicabilityLine {
            adopted_27001: (!control.cloud_only).then_some(true),
            control: control.id,
            role: CloudRole::Provider,
            adopted: true,
            reason: Bilingual::new("", ""),
        })
        .collect())
}

/// The controls of `template` that `lines` do not answer: the extension expects every one to be
/// assessed, adopted or not.
pub fn unassessed_controls<'a>(
    lines: &[ApplicabilityLine],
    template: &'a [SoaControl],
) -> Vec<&'a SoaControl> {
    let answered: HashSet<&str> = lines.iter().map(|line| line.control.as_str()).collect();
    template
        .iter()
        .filter(|control| !answered.contains(control.id.as_str()))
        .collect()
}
