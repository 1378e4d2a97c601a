//! What the criteria API answers with (and documents in OpenAPI).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shinrai_domain::criteria::{
    Control, Counts, CriteriaDiff, Group, Reference, Risk, TechnologyExample,
};
use shinrai_domain::text::Bilingual;
use shinrai_store::criteria::CriteriaSummary;
use utoipa::ToSchema;

use crate::error::Messages;

fn messages(text: &Bilingual) -> Messages {
    Messages {
        ja: text.ja.clone(),
        en: text.en.clone(),
    }
}

/// Counts of a version. `by_level["L"]` counts the detailed controls required at level L
/// (lowest level ≤ L).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CountsView {
    pub governance: usize,
    pub management: usize,
    pub objectives: usize,
    pub controls: usize,
    pub by_level: BTreeMap<String, usize>,
}

impl From<&Counts> for CountsView {
    fn from(counts: &Counts) -> Self {
        CountsView {
            governance: counts.governance,
            management: counts.management,
            objectives: counts.objectives,
            controls: counts.controls,
            by_level: (1..=3)
                .zip(counts.by_level)
                .map(|(level, n)| (level.to_string(), n))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CriteriaSummaryView {
    pub version: String,
    pub titles: Messages,
    /// `draft` or `published`.
    pub status: String,
    /// `YYYY-MM-DD`, once published.
    pub published_on: Option<String>,
    /// SHA-256 of the stored version, as recorded in the log.
    pub sha256: String,
    pub counts: CountsView,
}

impl CriteriaSummaryView {
    pub fn new(summary: &CriteriaSummary, counts: &Counts) -> Self {
        CriteriaSummaryView {
            version: summary.version.clone(),
            titles: messages(&summary.title),
            status: summary.status.code().to_owned(),
            published_on: summary.published_on.clone(),
            sha256: summary.document_sha256.clone(),
            counts: counts.into(),
        }
    }
}

/// A governance or management theme, or a control objective, with the ids of its controls.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupView {
    pub id: String,
    /// `governance`, `management` or `control`.
    pub part: String,
    pub title: Messages,
    pub text: Messages,
    pub controls: Vec<String>,
}

impl GroupView {
    pub fn new(group: &Group, controls: &[Control]) -> Self {
        GroupView {
            id: group.id.clone(),
            part: group.part.code().to_owned(),
            title: messages(&group.title),
            text: messages(&group.text),
            controls: controls
                .iter()
                .filter(|c| c.objective == group.id)
                .map(|c| c.id.clone())
                .collect(),
        }
    }
}

/// A version with its tree of groups and its risk map.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CriteriaVersionView {
    #[serde(flatten)]
    pub summary: CriteriaSummaryView,
    pub groups: Vec<GroupView>,
    /// The risks of cloud use and the objectives that address them; empty when the version
    /// carries no map.
    pub risks: Vec<RiskView>,
}

/// One risk of the map.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskView {
    /// e.g. `H01`.
    pub id: String,
    /// `high`, `medium` or `low`.
    pub band: String,
    /// `leakage`, `tampering`, `loss`, `continuity`, `compliance`, `cost`.
    pub categories: Vec<String>,
    /// `before_adoption`, `provider_selection`, `operation`.
    pub stages: Vec<String>,
    pub title: Messages,
    /// Ids of the control objectives (groups) that address it.
    pub objectives: Vec<String>,
    /// What is left to the contract, the SLA or the procurer's own measures.
    pub left_to: Messages,
}

impl From<&Risk> for RiskView {
    fn from(risk: &Risk) -> Self {
        RiskView {
            id: risk.id.clone(),
            band: risk.band.code().to_owned(),
            categories: risk
                .categories
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            stages: risk.stages.iter().map(|s| s.code().to_owned()).collect(),
            title: messages(&risk.title),
            objectives: risk.objectives.clone(),
            left_to: messages(&risk.left_to),
        }
    }
}

/// One technology that would satisfy a control (実装され得る技術の例). A statement names it by
/// `id` among its technologies.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TechnologyExampleView {
    /// Unique within the control, e.g. `mfa`.
    pub id: String,
    pub name: Messages,
}

impl From<&TechnologyExample> for TechnologyExampleView {
    fn from(example: &TechnologyExample) -> Self {
        TechnologyExampleView {
            id: example.id.clone(),
            name: messages(&example.name),
        }
    }
}

/// A detailed control, or a governance or management item, as listed. Items have a lowest level
/// and service models too, and apply at a level as controls do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ControlItem {
    pub id: String,
    /// `governance`, `management` or `control`.
    pub part: String,
    pub objective: String,
    /// 遵守事項 (true) or 推奨事項 (false).
    pub mandatory: bool,
    /// `provider`, `customer` or `both`.
    pub actor: String,
    /// The lowest level that requires it (1-3).
    #[schema(minimum = 1, maximum = 3)]
    pub min_level: u8,
    pub integrity: bool,
    pub availability: bool,
    /// `IaaS`, `PaaS` and/or `SaaS`: the service models it concerns.
    pub service_models: Vec<String>,
    pub text: Messages,
    /// What would satisfy it, in the criteria's order (may be empty).
    pub technology_examples: Vec<TechnologyExampleView>,
}

impl From<&Control> for ControlItem {
    fn from(control: &Control) -> Self {
        ControlItem {
            id: control.id.clone(),
            part: control.part.code().to_owned(),
            objective: control.objective.clone(),
            mandatory: control.mandatory,
            actor: control.actor.code().to_owned(),
            min_level: control.min_level.get(),
            integrity: control.integrity,
            availability: control.availability,
            service_models: control
                .service_models
                .iter()
                .map(|m| m.name().to_owned())
                .collect(),
            text: messages(&control.text),
            technology_examples: control
                .technology_examples
                .iter()
                .map(TechnologyExampleView::from)
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReferenceView {
    pub standard: String,
    pub clause: String,
    /// `STANDARD:CLAUSE`, as `ref=` takes it.
    pub key: String,
    /// `equal`, `subset`, `superset` or `intersect`.
    pub relation: String,
}

impl From<&Reference> for ReferenceView {
    fn from(reference: &Reference) -> Self {
        ReferenceView {
            standard: reference.standard.clone(),
            clause: reference.clause.clone(),
            key: reference.key(),
            relation: reference.relation.code().to_owned(),
        }
    }
}

/// One control with everything about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ControlDetail {
    #[serde(flatten)]
    pub item: ControlItem,
    pub references: Vec<ReferenceView>,
    /// The group (objective) it belongs to.
    pub group: Option<GroupView>,
    pub version: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ControlsPage {
    /// How many match, over all pages.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub items: Vec<ControlItem>,
}

#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ControlsQuery {
    /// Words that must all occur (Japanese by substring, e.g. `バックアップ`; English by word or
    /// part of a word; case-insensitive).
    pub q: Option<String>,
    /// Controls required at this level (1-3): lowest level ≤ it.
    #[param(minimum = 1, maximum = 3)]
    pub level: Option<u8>,
    /// `IaaS`, `PaaS` or `SaaS`.
    pub model: Option<String>,
    pub mandatory: Option<bool>,
    /// `governance`, `management` or `control`.
    pub part: Option<String>,
    /// Controls mapped to a clause of another standard, `STANDARD:CLAUSE` (e.g. `NIST:AC-2`).
    #[serde(rename = "ref")]
    #[param(rename = "ref")]
    pub reference: Option<String>,
    /// From 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub per_page: Option<usize>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangedView {
    pub id: String,
    /// Which attributes changed: `part`, `objective`, `text`, `mandatory`, `actor`, `level`,
    /// `integrity`, `availability`, `service_models`, `technology_examples`, `references`.
    pub attributes: Vec<String>,
}

/// Differences from one version to another.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DiffView {
    pub from: String,
    pub to: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<ChangedView>,
    pub groups_added: Vec<String>,
    pub groups_removed: Vec<String>,
    /// Risks of the map added, removed, and changed (band, categories, stages, texts or
    /// objectives).
    pub risks_added: Vec<String>,
    pub risks_removed: Vec<String>,
    pub risks_changed: Vec<String>,
    /// By level ("1", "2", "3"): controls a service registered at that level must newly meet.
    pub newly_required: BTreeMap<String, Vec<String>>,
}

impl From<&CriteriaDiff> for DiffView {
    fn from(diff: &CriteriaDiff) -> Self {
        DiffView {
            from: diff.from.clone(),
            to: diff.to.clone(),
            added: diff.added.clone(),
            removed: diff.removed.clone(),
            changed: diff
                .changed
                .iter()
                .map(|c| ChangedView {
                    id: c.id.clone(),
                    attributes: c.attributes.iter().map(|a| a.code().to_owned()).collect(),
                })
                .collect(),
            groups_added: diff.groups_added.clone(),
            groups_removed: diff.groups_removed.clone(),
            risks_added: diff.risks_added.clone(),
            risks_removed: diff.risks_removed.clone(),
            risks_changed: diff.risks_changed.clone(),
            newly_required: (1..=3)
                .zip(diff.newly_required.iter())
                .map(|(level, ids)| (level.to_string(), ids.clone()))
                .collect(),
        }
    }
}
