//! The pre-check case: the criteria, the application, the registry and a draft statement, read
//! from JSON with every malformation reported at its JSON pointer.

use crate::applicability::Applicable;
use crate::cascade::MAX_DEPENDENCIES;
use crate::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::case::{Node, Problem, Read, Referent};
use crate::fast_hash::FastSet;
use crate::level::Level;
use crate::registration::{
    Exclusion, MAX_CONTROLS, RegistryEntry, read_control, read_objectives, read_registry,
};
use crate::service_model::ServiceModel;

/// Most technology examples a control may list, and most technologies a statement may name for
/// one control.
pub const MAX_TECHNOLOGIES: usize = 100;

/// A governance or management item of the criteria.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// The lowest level that requires it; 1 when the case does not say.
    pub min_level: Level,
    /// The models it concerns; all three when the case does not say.
    pub service_models: Vec<ServiceModel>,
}

impl Applicable for Item {
    fn min_level(&self) -> Level {
        self.min_level
    }

    fn service_models(&self) -> &[ServiceModel] {
        &self.service_models
    }
}

/// A detailed control of the criteria, with the technologies known to satisfy it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    pub id: String,
    pub objective: String,
    pub mandatory: bool,
    pub min_level: Level,
    pub service_models: Vec<ServiceModel>,
    /// Ids of the technology examples (実装され得る技術の例); a statement naming only these
    /// needs no rationale.
    pub technology_examples: Vec<String>,
}

impl Applicable for Control {
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
    pub governance: Vec<Item>,
    pub management: Vec<Item>,
    pub objectives: Vec<String>,
    pub controls: Vec<Control>,
}

/// The service the statement is for. Its level is the one the provider aims at; the pre-check
/// looks at every level all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub service: String,
    pub target_level: Level,
    pub service_models: Vec<ServiceModel>,
    pub depends_on: Vec<String>,
    /// Underlying services the provider will have evaluated within its own audit.
    pub underlying_evaluated_in_audit: Vec<String>,
}

/// How far the provider has put a governance or management item into practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus {
    Implemented,
    Partial,
    NotImplemented,
}

impl ItemStatus {
    const NAMES: [(&'static str, ItemStatus); 3] = [
        ("implemented", ItemStatus::Implemented),
        ("partial", ItemStatus::Partial),
        ("not_implemented", ItemStatus::NotImplemented),
    ];

    pub fn name(self) -> &'static str {
        match self {
            ItemStatus::Implemented => "implemented",
            ItemStatus::Partial => "partial",
            ItemStatus::NotImplemented => "not_implemented",
        }
    }
}

/// What the statement says of one governance or management item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemStatement {
    pub item: String,
    pub status: ItemStatus,
}

/// A control the provider selects, and how it meets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub control: String,
    /// The provider's own control (個別管理策): what it actually does.
    pub individual_control: String,
    /// Ids of the control's technology examples, or free names of other technologies.
    pub technologies: Vec<String>,
    /// Why technologies that are not among the examples meet the control.
    pub rationale: String,
}

/// The draft statement (言明書).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub governance: Vec<ItemStatement>,
    pub management: Vec<ItemStatement>,
    pub selected: Vec<Selection>,
    pub excluded: Vec<Exclusion>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrecheckCase {
    pub criteria: Criteria,
    pub application: Application,
    pub registry: Vec<RegistryEntry>,
    pub statement: Statement,
}

impl PrecheckCase {
    pub fn read(node: &Node<'_>) -> Read<PrecheckCase> {
        Ok(PrecheckCase {
            criteria: node.field("criteria", read_criteria)?,
            application: node.field("application", read_application)?,
            registry: node.field("registry", read_registry)?,
            statement: node.field("statement", read_statement)?,
        })
    }
}

fn read_criteria(node: &Node<'_>) -> Read<Criteria> {
    let version = node.field("version", Node::id)?;
    let governance = node
        .optional("governance", |n| read_items(n, Referent::GovernanceItem))?
        .unwrap_or_default();
    let management = node
        .optional("management", |n| read_items(n, Referent::ManagementItem))?
        .unwrap_or_default();
    let (objectives, objective_ids) = node.field("objectives", read_objectives)?;
    let mut control_ids = FastSet::default();
    let controls = node.field("controls", |list| {
        list.items(MAX_CONTROLS, |item| {
            let control = read_control(item, &mut control_ids, &objective_ids)?;
            Ok(Control {
                technology_examples: item
                    .optional("technology_examples", |n| n.ids(MAX_TECHNOLOGIES))?
                    .unwrap_or_default(),
                id: control.id,
                objective: control.objective,
                mandatory: control.mandatory,
                min_level: control.min_level,
                service_models: control.service_models,
            })
        })
    })?;
    Ok(Criteria {
        version,
        governance,
        management,
        objectives,
        controls,
    })
}

/// Governance or management items, each id once; level and models default to "always".
fn read_items(list: &Node<'_>, referent: Referent) -> Read<Vec<Item>> {
    let mut seen = FastSet::default();
    list.items(MAX_CONTROLS, |item| {
        Ok(Item {
            id: item.field("id", |n| n.unique_id(&mut seen, referent))?,
            min_level: item
                .optional("min_level", Node::level)?
                .unwrap_or(Level::LOW),
            service_models: item
                .optional("service_models", Node::service_models)?
                .unwrap_or_else(|| ServiceModel::ALL.to_vec()),
        })
    })
}

fn read_application(node: &Node<'_>) -> Read<Application> {
    Ok(Application {
        service: node.field("service", Node::id)?,
        target_level: node.field("target_level", Node::level)?,
        service_models: node.field("service_models", Node::service_models)?,
        depends_on: node
            .optional("depends_on", |n| n.ids(MAX_DEPENDENCIES))?
            .unwrap_or_default(),
        underlying_evaluated_in_audit: node
            .optional("underlying_evaluated_in_audit", |n| n.ids(MAX_DEPENDENCIES))?
            .unwrap_or_default(),
    })
}

/// Each control and item at most once per list: its entry carries what the provider says of
/// it, and two entries could say different things.
fn read_statement(node: &Node<'_>) -> Read<Statement> {
    Ok(Statement {
        governance: node
            .optional("governance", |n| {
                read_item_statements(n, Referent::GovernanceItem)
            })?
            .unwrap_or_default(),
        management: node
            .optional("management", |n| {
                read_item_statements(n, Referent::ManagementItem)
            })?
            .unwrap_or_default(),
        selected: node.field("selected", read_selections)?,
        excluded: node.field("excluded", read_exclusions)?,
    })
}

fn read_item_statements(list: &Node<'_>, referent: Referent) -> Read<Vec<ItemStatement>> {
    let mut seen = FastSet::default();
    list.items(MAX_CONTROLS, |entry| {
        Ok(ItemStatement {
            item: entry.field("item", |n| n.unique_id(&mut seen, referent))?,
            status: entry.field("status", |n| n.choice(&ItemStatus::NAMES))?,
        })
    })
}

fn read_selections(list: &Node<'_>) -> Read<Vec<Selection>> {
    let mut seen = FastSet::default();
    list.items(MAX_CONTROLS, |entry| {
        Ok(Selection {
            control: entry.field("control", |n| n.unique_id(&mut seen, Referent::Control))?,
            individual_control: entry.field("individual_control", |n| n.string(MAX_TEXT_CHARS))?,
            technologies: entry
                .optional("technologies", |n| {
                    n.items(MAX_TECHNOLOGIES, read_technology)
                })?
                .unwrap_or_default(),
            rationale: entry
                .optional("rationale", |n| n.string(MAX_TEXT_CHARS))?
                .unwrap_or_default(),
        })
    })
}

/// An example's id or a free name: something besides white space, kept exactly as written
/// because ids are compared exactly.
fn read_technology(node: &Node<'_>) -> Read<String> {
    let name = node.string(MAX_NAME_CHARS)?;
    if crate::text::is_blank(&name) {
        return Err(node.error(Problem::Empty));
    }
    Ok(name)
}

fn read_exclusions(list: &Node<'_>) -> Read<Vec<Exclusion>> {
    let mut seen = FastSet::default();
    list.items(MAX_CONTROLS, |entry| {
        Ok(Exclusion {
            control: entry.field("control", |n| n.unique_id(&mut seen, Referent::Control))?,
            reason: entry.field("reason", |n| n.string(MAX_TEXT_CHARS))?,
        })
    })
}
