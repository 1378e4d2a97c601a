//! The component definition model: what a product or service (a component) does towards the
//! controls of one or more catalogs or profiles, written by its supplier for reuse in SSPs.

use super::common::{BackMatter, ImportReference, Link, Metadata, Property, ResponsibleRole};
use super::macros::model;
use super::ssp::{Protocol, SetParameter};

model! {
    /// A set of components and capabilities with the controls they implement.
    pub struct ComponentDefinition {
        uuid: String,
        metadata: Metadata,
        import_component_definitions: Option<Vec<ImportReference>>,
        components: Option<Vec<DefinedComponent>>,
        capabilities: Option<Vec<Capability>>,
        back_matter: Option<BackMatter>,
    }
}

model! {
    /// A component as its supplier describes it.
    pub struct DefinedComponent {
        uuid: String,
        r#type: String,
        title: String,
        description: String,
        purpose: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        protocols: Option<Vec<Protocol>>,
        control_implementations: Option<Vec<ControlImplementation>>,
        remarks: Option<String>,
    }
}

model! {
    /// A capability offered by several components together.
    pub struct Capability {
        uuid: String,
        name: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        incorporates_components: Option<Vec<IncorporatesComponent>>,
        control_implementations: Option<Vec<ControlImplementation>>,
        remarks: Option<String>,
    }
}

model! {
    /// A component that is part of a capability.
    pub struct IncorporatesComponent {
        component_uuid: String,
        description: String,
    }
}

model! {
    /// The controls of one source (catalog or profile) that a component implements.
    pub struct ControlImplementation {
        uuid: String,
        /// The catalog or profile the controls come from.
        source: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        set_parameters: Option<Vec<SetParameter>>,
        implemented_requirements: Vec<ImplementedRequirement>,
    }
}

model! {
    /// How the component implements one control.
    pub struct ImplementedRequirement {
        uuid: String,
        control_id: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        set_parameters: Option<Vec<SetParameter>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        statements: Option<Vec<Statement>>,
        remarks: Option<String>,
    }
}

model! {
    /// How the component implements one statement (part) of a control.
    pub struct Statement {
        statement_id: String,
        uuid: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

impl ComponentDefinition {
    /// Every control implementation, of the components then of the capabilities.
    pub fn control_implementations(&self) -> impl Iterator<Item = &ControlImplementation> {
        let of_components = self
            .components
            .iter()
            .flatten()
            .flat_map(|component| component.control_implementations.iter().flatten());
        let of_capabilities = self
            .capabilities
            .iter()
            .flatten()
            .flat_map(|capability| capability.control_implementations.iter().flatten());
        of_components.chain(of_capabilities)
    }

    /// The ids of the controls implemented anywhere in the definition, each once, in the order
    /// they first appear.
    pub fn implemented_control_ids(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.control_implementations()
            .flat_map(|implementation| &implementation.implemented_requirements)
            .map(|requirement| requirement.control_id.as_str())
            .filter(|id| seen.insert(*id))
            .collect()
    }

    /// The component with this uuid.
    pub fn component(&self, uuid: &str) -> Option<&DefinedComponent> {
        self.components
            .iter()
            .flatten()
            .find(|component| component.uuid == uuid)
    }
}
