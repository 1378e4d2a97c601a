//! Objects shared by every OSCAL model: metadata, back matter, properties, links, parts and
//! parameters.

use serde_json::Value;

use super::macros::model;

model! {
    /// A name/value pair with an optional namespace (`ns`) and class.
    pub struct Property {
        name: String,
        uuid: Option<String>,
        ns: Option<String>,
        value: String,
        class: Option<String>,
        group: Option<String>,
        remarks: Option<String>,
    }
}

model! {
    /// A reference: `#uuid` into back matter, `#id` within the document, or a URL.
    pub struct Link {
        href: String,
        rel: Option<String>,
        media_type: Option<String>,
        resource_fragment: Option<String>,
        text: Option<String>,
    }
}

model! {
    /// A piece of control text: a statement, guidance, an assessment objective or method.
    pub struct Part {
        id: Option<String>,
        name: String,
        ns: Option<String>,
        class: Option<String>,
        title: Option<String>,
        props: Option<Vec<Property>>,
        prose: Option<String>,
        parts: Option<Vec<Part>>,
        links: Option<Vec<Link>>,
    }
}

model! {
    /// A parameter's choice list.
    pub struct ParameterSelection {
        how_many: Option<String>,
        choice: Option<Vec<String>>,
    }
}

model! {
    /// A constraint on a parameter's value.
    pub struct ParameterConstraint {
        description: Option<String>,
        tests: Option<Vec<Value>>,
    }
}

model! {
    /// Guidance on choosing a parameter's value.
    pub struct ParameterGuideline {
        prose: String,
    }
}

model! {
    /// A value left for an organisation (or a profile) to set.
    pub struct Parameter {
        id: String,
        class: Option<String>,
        /// OSCAL 1.0 only; 1.1 replaced it with a property.
        depends_on: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        label: Option<String>,
        usage: Option<String>,
        constraints: Option<Vec<ParameterConstraint>>,
        guidelines: Option<Vec<ParameterGuideline>>,
        values: Option<Vec<String>>,
        select: Option<ParameterSelection>,
        remarks: Option<String>,
    }
}

model! {
    /// A role parties can play (e.g. `content-approver`).
    pub struct Role {
        id: String,
        title: String,
        short_name: Option<String>,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// A person or organisation.
    pub struct Party {
        uuid: String,
        r#type: String,
        name: Option<String>,
        short_name: Option<String>,
        external_ids: Option<Vec<Value>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        email_addresses: Option<Vec<String>>,
        telephone_numbers: Option<Vec<Value>>,
        addresses: Option<Vec<Value>>,
        location_uuids: Option<Vec<String>>,
        member_of_organizations: Option<Vec<String>>,
        remarks: Option<String>,
    }
}

model! {
    /// Which parties fill a role.
    pub struct ResponsibleParty {
        role_id: String,
        party_uuids: Vec<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// A role with the parties that fill it, inside an assembly (not in metadata).
    pub struct ResponsibleRole {
        role_id: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        party_uuids: Option<Vec<String>>,
        remarks: Option<String>,
    }
}

model! {
    /// A place (data centre, office).
    pub struct Location {
        uuid: String,
        title: Option<String>,
        address: Option<Value>,
        email_addresses: Option<Vec<String>>,
        telephone_numbers: Option<Vec<Value>>,
        urls: Option<Vec<String>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// Who wrote the document, when, which version, and for whom.
    pub struct Metadata {
        title: String,
        published: Option<String>,
        last_modified: String,
        version: String,
        oscal_version: String,
        revisions: Option<Vec<Value>>,
        document_ids: Option<Vec<Value>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        roles: Option<Vec<Role>>,
        locations: Option<Vec<Location>>,
        parties: Option<Vec<Party>>,
        responsible_parties: Option<Vec<ResponsibleParty>>,
        actions: Option<Vec<Value>>,
        remarks: Option<String>,
    }
}

model! {
    /// A link to a resource's content in one media type.
    pub struct ResourceLink {
        href: String,
        media_type: Option<String>,
        hashes: Option<Vec<Value>>,
    }
}

model! {
    /// A cited or attached resource.
    pub struct Resource {
        uuid: String,
        title: Option<String>,
        description: Option<String>,
        props: Option<Vec<Property>>,
        document_ids: Option<Vec<Value>>,
        citation: Option<Value>,
        rlinks: Option<Vec<ResourceLink>>,
        base64: Option<Value>,
        remarks: Option<String>,
    }
}

model! {
    /// Resources the document refers to.
    pub struct BackMatter {
        resources: Option<Vec<Resource>>,
    }
}

model! {
    /// Where a document imports another from (`import-profile`, `import-ssp`, `import-ap`).
    pub struct ImportReference {
        href: String,
        remarks: Option<String>,
    }
}
