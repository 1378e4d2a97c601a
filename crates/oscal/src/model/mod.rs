//! Typed OSCAL models (1.0.4 to 1.2.x), read from and written to JSON or YAML without losing any
//! field: what a model does not name is kept in its `extra` map.

pub mod assessment_common;
pub mod assessment_plan;
pub mod assessment_results;
pub mod catalog;
pub mod common;
pub mod component_definition;
pub(crate) mod macros;
pub(crate) mod misfit;
pub mod poam;
pub mod profile;
pub mod ssp;

use serde::{Deserialize, Serialize};

pub use assessment_plan::AssessmentPlan;
pub use assessment_results::AssessmentResults;
pub use catalog::{Catalog, Control, Group};
pub use component_definition::ComponentDefinition;
pub use poam::PlanOfActionAndMilestones;
pub use profile::Profile;
pub use ssp::SystemSecurityPlan;

/// Fields a model does not name, in the order they were read.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// The seven OSCAL document models shinrai reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelKind {
    Catalog,
    Profile,
    ComponentDefinition,
    SystemSecurityPlan,
    AssessmentPlan,
    AssessmentResults,
    PlanOfActionAndMilestones,
}

impl ModelKind {
    pub const ALL: [ModelKind; 7] = [
        ModelKind::Catalog,
        ModelKind::Profile,
        ModelKind::ComponentDefinition,
        ModelKind::SystemSecurityPlan,
        ModelKind::AssessmentPlan,
        ModelKind::AssessmentResults,
        ModelKind::PlanOfActionAndMilestones,
    ];

    /// The document's root key, e.g. `system-security-plan`.
    pub fn root_key(self) -> &'static str {
        match self {
            ModelKind::Catalog => "catalog",
            ModelKind::Profile => "profile",
            ModelKind::ComponentDefinition => "component-definition",
            ModelKind::SystemSecurityPlan => "system-security-plan",
            ModelKind::AssessmentPlan => "assessment-plan",
            ModelKind::AssessmentResults => "assessment-results",
            ModelKind::PlanOfActionAndMilestones => "plan-of-action-and-milestones",
        }
    }

    pub fn from_root_key(key: &str) -> Option<ModelKind> {
        ModelKind::ALL
            .into_iter()
            .find(|kind| kind.root_key() == key)
    }
}

/// One model of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Model {
    Catalog(Box<Catalog>),
    Profile(Box<Profile>),
    ComponentDefinition(Box<ComponentDefinition>),
    SystemSecurityPlan(Box<SystemSecurityPlan>),
    AssessmentPlan(Box<AssessmentPlan>),
    AssessmentResults(Box<AssessmentResults>),
    PlanOfActionAndMilestones(Box<PlanOfActionAndMilestones>),
}

impl Model {
    pub fn kind(&self) -> ModelKind {
        match self {
            Model::Catalog(_) => ModelKind::Catalog,
            Model::Profile(_) => ModelKind::Profile,
            Model::ComponentDefinition(_) => ModelKind::ComponentDefinition,
            Model::SystemSecurityPlan(_) => ModelKind::SystemSecurityPlan,
            Model::AssessmentPlan(_) => ModelKind::AssessmentPlan,
            Model::AssessmentResults(_) => ModelKind::AssessmentResults,
            Model::PlanOfActionAndMilestones(_) => ModelKind::PlanOfActionAndMilestones,
        }
    }
}

/// A whole OSCAL document: `{"$schema"?, "<model>": {...}}`.
///
/// Reading goes through [`RootObject`], which names every model as an optional field, so a
/// document is typed in one pass; [`Document::from_root`] then checks there is exactly one model.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub schema: Option<String>,
    pub model: Model,
    /// Anything else at the root, kept as read.
    pub extra: Extra,
}

/// The root object as read: every model is optional here. What it expects is worded for the
/// user, not as the type's name (and in Japanese by `misfit`).
#[derive(Debug, Deserialize)]
#[serde(expecting = "an object holding one OSCAL model")]
pub struct RootObject {
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    pub catalog: Option<Box<Catalog>>,
    pub profile: Option<Box<Profile>>,
    #[serde(rename = "component-definition")]
    pub component_definition: Option<Box<ComponentDefinition>>,
    #[serde(rename = "system-security-plan")]
    pub system_security_plan: Option<Box<SystemSecurityPlan>>,
    #[serde(rename = "assessment-plan")]
    pub assessment_plan: Option<Box<AssessmentPlan>>,
    #[serde(rename = "assessment-results")]
    pub assessment_results: Option<Box<AssessmentResults>>,
    #[serde(rename = "plan-of-action-and-milestones")]
    pub plan_of_action_and_milestones: Option<Box<PlanOfActionAndMilestones>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Why a root object is not one OSCAL document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RootProblem {
    /// The root is not a JSON object.
    NotObject,
    /// No known model key; the keys found are listed.
    NoModel(Vec<String>),
    /// More than one model key.
    SeveralModels(Vec<&'static str>),
}

impl RootProblem {
    pub fn message(&self) -> shinrai_domain::text::Bilingual {
        let expected = ModelKind::ALL.map(ModelKind::root_key).join(", ");
        let (ja, en) = match self {
            RootProblem::NotObject => (
                format!(
                    "OSCAL の文書ではありません（ルートが {expected} のいずれかを持つオブジェクトではありません）"
                ),
                format!(
                    "not an OSCAL document: the root is not an object holding one of {expected}"
                ),
            ),
            RootProblem::NoModel(keys) if keys.is_empty() => (
                format!("OSCAL の文書ではありません（ルートに {expected} のいずれもありません）"),
                format!("not an OSCAL document: the root holds nothing, not one of {expected}"),
            ),
            RootProblem::NoModel(keys) => {
                let found = keys.join(", ");
                (
                    format!(
                        "OSCAL の文書ではありません（ルートに {expected} のいずれもなく、{found} があります）"
                    ),
                    format!("not an OSCAL document: the root holds {found}, not one of {expected}"),
                )
            }
            RootProblem::SeveralModels(keys) => (
                format!("ルートに複数のモデルがあります: {}", keys.join(", ")),
                format!("the root holds more than one model: {}", keys.join(", ")),
            ),
        };
        shinrai_domain::text::Bilingual::new(ja, en)
    }
}

/// The one model an untyped document holds at its root.
pub fn root_model(value: &serde_json::Value) -> Result<ModelKind, RootProblem> {
    let root = value.as_object().ok_or(RootProblem::NotObject)?;
    let found: Vec<ModelKind> = root
        .keys()
        .filter_map(|key| ModelKind::from_root_key(key))
        .collect();
    match found.as_slice() {
        [kind] => Ok(*kind),
        [] => Err(RootProblem::NoModel(root.keys().cloned().collect())),
        several => Err(RootProblem::SeveralModels(
            several.iter().map(|kind| kind.root_key()).collect(),
        )),
    }
}

impl Document {
    pub fn from_root(root: RootObject) -> Result<Document, RootProblem> {
        let RootObject {
            schema,
            catalog,
            profile,
            component_definition,
            system_security_plan,
            assessment_plan,
            assessment_results,
            plan_of_action_and_milestones,
            extra,
        } = root;
        let mut models: Vec<Model> = Vec::new();
        models.extend(catalog.map(Model::Catalog));
        models.extend(profile.map(Model::Profile));
        models.extend(component_definition.map(Model::ComponentDefinition));
        models.extend(system_security_plan.map(Model::SystemSecurityPlan));
        models.extend(assessment_plan.map(Model::AssessmentPlan));
        models.extend(assessment_results.map(Model::AssessmentResults));
        models.extend(plan_of_action_and_milestones.map(Model::PlanOfActionAndMilestones));
        if models.len() > 1 {
            return Err(RootProblem::SeveralModels(
                models.iter().map(|m| m.kind().root_key()).collect(),
            ));
        }
        match models.pop() {
            Some(model) => Ok(Document {
                schema,
                model,
                extra,
            }),
            None => Err(RootProblem::NoModel(extra.keys().cloned().collect())),
        }
    }

    pub fn kind(&self) -> ModelKind {
        self.model.kind()
    }

    /// The document as its root object, borrowed, for writing without a copy.
    pub fn as_root(&self) -> RootRef<'_> {
        let mut root = RootRef {
            schema: self.schema.as_deref(),
            catalog: None,
            profile: None,
            component_definition: None,
            system_security_plan: None,
            assessment_plan: None,
            assessment_results: None,
            plan_of_action_and_milestones: None,
            extra: &self.extra,
        };
        match &self.model {
            Model::Catalog(model) => root.catalog = Some(model),
            Model::Profile(model) => root.profile = Some(model),
            Model::ComponentDefinition(model) => root.component_definition = Some(model),
            Model::SystemSecurityPlan(model) => root.system_security_plan = Some(model),
            Model::AssessmentPlan(model) => root.assessment_plan = Some(model),
            Model::AssessmentResults(model) => root.assessment_results = Some(model),
            Model::PlanOfActionAndMilestones(model) => {
                root.plan_of_action_and_milestones = Some(model);
            }
        }
        root
    }
}

/// The root object, borrowed from a [`Document`], as it is written.
#[derive(Debug, Serialize)]
pub struct RootRef<'a> {
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog: Option<&'a Catalog>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<&'a Profile>,
    #[serde(
        rename = "component-definition",
        skip_serializing_if = "Option::is_none"
    )]
    pub component_definition: Option<&'a ComponentDefinition>,
    #[serde(
        rename = "system-security-plan",
        skip_serializing_if = "Option::is_none"
    )]
    pub system_security_plan: Option<&'a SystemSecurityPlan>,
    #[serde(rename = "assessment-plan", skip_serializing_if = "Option::is_none")]
    pub assessment_plan: Option<&'a AssessmentPlan>,
    #[serde(rename = "assessment-results", skip_serializing_if = "Option::is_none")]
    pub assessment_results: Option<&'a AssessmentResults>,
    #[serde(
        rename = "plan-of-action-and-milestones",
        skip_serializing_if = "Option::is_none"
    )]
    pub plan_of_action_and_milestones: Option<&'a PlanOfActionAndMilestones>,
    #[serde(flatten)]
    pub extra: &'a Extra,
}
