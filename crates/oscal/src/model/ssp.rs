//! The system security plan model: what the system is, what it is made of, and how it implements
//! the controls of its baseline.
//!
//! The assemblies OSCAL shares between implementation models (system components, users,
//! inventory items, parameter settings, system identifiers) are defined here as well; the
//! component definition and the assessment models use them from this module.

use serde_json::Value;

use super::common::{
    BackMatter, ImportReference, Link, Metadata, Property, ResponsibleParty, ResponsibleRole,
};
use super::macros::model;

model! {
    /// How a system implements the controls of its baseline.
    pub struct SystemSecurityPlan {
        uuid: String,
        metadata: Metadata,
        /// The baseline (profile) the plan implements.
        import_profile: ImportReference,
        system_characteristics: SystemCharacteristics,
        system_implementation: SystemImplementation,
        control_implementation: ControlImplementation,
        back_matter: Option<BackMatter>,
    }
}

// --- system characteristics -------------------------------------------------------------------

model! {
    /// What the system is: its names and identifiers, categorisation, status and boundary.
    pub struct SystemCharacteristics {
        system_ids: Vec<SystemId>,
        system_name: String,
        system_name_short: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        date_authorized: Option<String>,
        /// Required in OSCAL 1.0, optional from 1.1.
        security_sensitivity_level: Option<String>,
        system_information: SystemInformation,
        /// Required in OSCAL 1.0, optional from 1.1.
        security_impact_level: Option<SecurityImpactLevel>,
        status: Status,
        authorization_boundary: AuthorizationBoundary,
        network_architecture: Option<NetworkArchitecture>,
        data_flow: Option<DataFlow>,
        responsible_parties: Option<Vec<ResponsibleParty>>,
        remarks: Option<String>,
    }
}

model! {
    /// An identifier of the system (or, in a POA&M, of the system the plan is for).
    pub struct SystemId {
        identifier_type: Option<String>,
        id: String,
    }
}

model! {
    /// The kinds of information the system processes, stores or transmits.
    pub struct SystemInformation {
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        information_types: Vec<InformationType>,
    }
}

model! {
    /// One kind of information, with its categorisation and impact levels.
    pub struct InformationType {
        uuid: Option<String>,
        title: String,
        description: String,
        categorizations: Option<Vec<Categorization>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        /// Required in OSCAL 1.0, optional from 1.1 (as are the other two impacts).
        confidentiality_impact: Option<Impact>,
        integrity_impact: Option<Impact>,
        availability_impact: Option<Impact>,
    }
}

model! {
    /// Identifiers of an information type in a taxonomy (e.g. NIST SP 800-60).
    pub struct Categorization {
        system: String,
        information_type_ids: Option<Vec<String>>,
    }
}

model! {
    /// An impact level: the recommended base, the level chosen, and why they differ.
    pub struct Impact {
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        base: String,
        selected: Option<String>,
        adjustment_justification: Option<String>,
    }
}

model! {
    /// The system's overall impact level for each security objective.
    pub struct SecurityImpactLevel {
        security_objective_confidentiality: String,
        security_objective_integrity: String,
        security_objective_availability: String,
    }
}

model! {
    /// A lifecycle state (`operational`, `under-development`, `implemented`, ...) with remarks.
    /// Used for the system's status, a component's status and an implementation status.
    pub struct Status {
        state: String,
        remarks: Option<String>,
    }
}

/// The state of implementation of a requirement by a component.
pub type ImplementationStatus = Status;

model! {
    /// A description with diagrams: used for the authorisation boundary, the network
    /// architecture and the data flow.
    pub struct AuthorizationBoundary {
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        diagrams: Option<Vec<Diagram>>,
        remarks: Option<String>,
    }
}

/// The network architecture: the same shape as the authorisation boundary.
pub type NetworkArchitecture = AuthorizationBoundary;

/// The data flow: the same shape as the authorisation boundary.
pub type DataFlow = AuthorizationBoundary;

model! {
    /// A diagram, usually a link to an image in the back matter.
    pub struct Diagram {
        uuid: String,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        caption: Option<String>,
        remarks: Option<String>,
    }
}

// --- system implementation --------------------------------------------------------------------

model! {
    /// What the system is made of: users, components, inventory, and leveraged authorisations.
    pub struct SystemImplementation {
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        leveraged_authorizations: Option<Vec<LeveragedAuthorization>>,
        /// Required in OSCAL 1.0, optional from 1.1.
        users: Option<Vec<SystemUser>>,
        components: Vec<SystemComponent>,
        inventory_items: Option<Vec<InventoryItem>>,
        remarks: Option<String>,
    }
}

model! {
    /// Another authorised system (e.g. an IaaS) whose controls this system inherits.
    pub struct LeveragedAuthorization {
        uuid: String,
        title: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        party_uuid: String,
        date_authorized: String,
        remarks: Option<String>,
    }
}

model! {
    /// A kind of user of the system, with the roles and privileges it holds.
    pub struct SystemUser {
        uuid: String,
        title: Option<String>,
        short_name: Option<String>,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        role_ids: Option<Vec<String>>,
        authorized_privileges: Option<Vec<AuthorizedPrivilege>>,
        remarks: Option<String>,
    }
}

model! {
    /// A privilege a user holds, and the functions it allows.
    pub struct AuthorizedPrivilege {
        title: String,
        description: Option<String>,
        functions_performed: Vec<String>,
    }
}

model! {
    /// A part of the system: software, hardware, a service, a policy, an interconnection, the
    /// system itself (`this-system`), ...
    pub struct SystemComponent {
        uuid: String,
        r#type: String,
        title: String,
        description: String,
        purpose: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        status: Status,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        protocols: Option<Vec<Protocol>>,
        remarks: Option<String>,
    }
}

model! {
    /// A network protocol a component uses, with its port ranges.
    pub struct Protocol {
        uuid: Option<String>,
        /// Required in OSCAL 1.0, optional from 1.1.
        name: Option<String>,
        title: Option<String>,
        port_ranges: Option<Vec<Value>>,
    }
}

model! {
    /// An asset of the system's inventory (a host, an image, a database, ...).
    pub struct InventoryItem {
        uuid: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_parties: Option<Vec<ResponsibleParty>>,
        implemented_components: Option<Vec<ImplementedComponent>>,
        remarks: Option<String>,
    }
}

model! {
    /// A component an inventory item implements.
    pub struct ImplementedComponent {
        component_uuid: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_parties: Option<Vec<ResponsibleParty>>,
        remarks: Option<String>,
    }
}

// --- control implementation -------------------------------------------------------------------

model! {
    /// How the system implements each control of its baseline.
    pub struct ControlImplementation {
        description: String,
        set_parameters: Option<Vec<SetParameter>>,
        implemented_requirements: Vec<ImplementedRequirement>,
    }
}

model! {
    /// The value(s) a system or component gives a control parameter.
    pub struct SetParameter {
        param_id: String,
        values: Vec<String>,
        remarks: Option<String>,
    }
}

model! {
    /// How one control is implemented, as a whole, per statement, and per component.
    pub struct ImplementedRequirement {
        uuid: String,
        control_id: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        set_parameters: Option<Vec<SetParameter>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        statements: Option<Vec<Statement>>,
        by_components: Option<Vec<ByComponent>>,
        remarks: Option<String>,
    }
}

model! {
    /// How one statement (part) of a control is implemented.
    pub struct Statement {
        statement_id: String,
        uuid: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        by_components: Option<Vec<ByComponent>>,
        remarks: Option<String>,
    }
}

model! {
    /// What one component does towards a requirement or statement, including what it exports
    /// to, inherits from, or leaves to other systems.
    pub struct ByComponent {
        component_uuid: String,
        uuid: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        set_parameters: Option<Vec<SetParameter>>,
        implementation_status: Option<ImplementationStatus>,
        export: Option<Export>,
        inherited: Option<Vec<Inherited>>,
        satisfied: Option<Vec<Satisfied>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

model! {
    /// What a component offers to systems that leverage this one.
    pub struct Export {
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        provided: Option<Vec<Provided>>,
        responsibilities: Option<Vec<Responsibility>>,
        remarks: Option<String>,
    }
}

model! {
    /// A capability provided to leveraging systems.
    pub struct Provided {
        uuid: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

model! {
    /// A duty left to leveraging systems (a customer responsibility).
    pub struct Responsibility {
        uuid: String,
        provided_uuid: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

model! {
    /// A capability inherited from a leveraged system.
    pub struct Inherited {
        uuid: String,
        provided_uuid: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
    }
}

model! {
    /// A responsibility of a leveraged system that this system fulfils.
    pub struct Satisfied {
        uuid: String,
        responsibility_uuid: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

// --- convenience ------------------------------------------------------------------------------

impl SystemSecurityPlan {
    /// The control ids of the implemented requirements, in document order.
    pub fn implemented_control_ids(&self) -> Vec<&str> {
        self.control_implementation
            .implemented_requirements
            .iter()
            .map(|requirement| requirement.control_id.as_str())
            .collect()
    }

    /// The first implemented requirement for a control id.
    pub fn implemented_requirement(&self, control_id: &str) -> Option<&ImplementedRequirement> {
        self.control_implementation
            .implemented_requirements
            .iter()
            .find(|requirement| requirement.control_id == control_id)
    }

    /// The component of the system implementation with this uuid.
    pub fn component(&self, uuid: &str) -> Option<&SystemComponent> {
        self.system_implementation
            .components
            .iter()
            .find(|component| component.uuid == uuid)
    }

    /// The component representing the system as a whole (type `this-system`), if any.
    pub fn this_system(&self) -> Option<&SystemComponent> {
        self.system_implementation
            .components
            .iter()
            .find(|component| component.r#type == "this-system")
    }
}

impl ImplementedRequirement {
    /// Every by-component of the requirement: its own, then those of each statement.
    pub fn all_by_components(&self) -> impl Iterator<Item = &ByComponent> {
        let own = self.by_components.iter().flatten();
        let per_statement = self
            .statements
            .iter()
            .flatten()
            .flat_map(|statement| statement.by_components.iter().flatten());
        own.chain(per_statement)
    }
}
