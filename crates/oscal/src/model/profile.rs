//! The profile model: a selection of controls from catalogs or other profiles, how to arrange
//! them, and how to tailor them.

use serde_json::Value;

use super::common::{BackMatter, Link, Metadata, Parameter, Part, Property};
use super::macros::model;

model! {
    /// A baseline or overlay: which controls, arranged how, changed how.
    pub struct Profile {
        uuid: String,
        metadata: Metadata,
        imports: Vec<Import>,
        merge: Option<Merge>,
        modify: Option<Modify>,
        back_matter: Option<BackMatter>,
    }
}

model! {
    /// One imported catalog or profile and the controls taken from it.
    pub struct Import {
        href: String,
        include_all: Option<Value>,
        include_controls: Option<Vec<SelectControls>>,
        exclude_controls: Option<Vec<SelectControls>>,
    }
}

model! {
    /// Controls chosen by id or by pattern, optionally with their descendants.
    pub struct SelectControls {
        with_child_controls: Option<String>,
        with_ids: Option<Vec<String>>,
        matching: Option<Vec<Matching>>,
    }
}

model! {
    /// A glob pattern over control ids (`*` any run, `?` any one character).
    pub struct Matching {
        pattern: Option<String>,
    }
}

model! {
    /// How the selected controls are arranged in the resolved catalog.
    pub struct Merge {
        combine: Option<Combine>,
        flat: Option<Value>,
        as_is: Option<bool>,
        custom: Option<Custom>,
    }
}

model! {
    /// What to do when two imports bring the same control.
    pub struct Combine {
        method: Option<String>,
    }
}

model! {
    /// A grouping made by the profile.
    pub struct Custom {
        groups: Option<Vec<CustomGroup>>,
        insert_controls: Option<Vec<InsertControls>>,
    }
}

model! {
    /// A group of the profile's own structure.
    pub struct CustomGroup {
        id: Option<String>,
        class: Option<String>,
        title: String,
        params: Option<Vec<Parameter>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        parts: Option<Vec<Part>>,
        groups: Option<Vec<CustomGroup>>,
        insert_controls: Option<Vec<InsertControls>>,
    }
}

model! {
    /// Which selected controls go into a custom group, and in what order.
    pub struct InsertControls {
        order: Option<String>,
        include_all: Option<Value>,
        include_controls: Option<Vec<SelectControls>>,
        exclude_controls: Option<Vec<SelectControls>>,
    }
}

model! {
    /// Tailoring: parameter settings and control alterations.
    pub struct Modify {
        set_parameters: Option<Vec<SetParameter>>,
        alters: Option<Vec<Alter>>,
    }
}

model! {
    /// New values or attributes for one parameter.
    pub struct SetParameter {
        param_id: String,
        class: Option<String>,
        depends_on: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        label: Option<String>,
        usage: Option<String>,
        constraints: Option<Vec<super::common::ParameterConstraint>>,
        guidelines: Option<Vec<super::common::ParameterGuideline>>,
        values: Option<Vec<String>>,
        select: Option<super::common::ParameterSelection>,
    }
}

model! {
    /// Removals from and additions to one control.
    pub struct Alter {
        control_id: String,
        removes: Option<Vec<Remove>>,
        adds: Option<Vec<Add>>,
    }
}

model! {
    /// Which items to remove from a control; all given criteria must match.
    pub struct Remove {
        by_name: Option<String>,
        by_class: Option<String>,
        by_id: Option<String>,
        by_item_name: Option<String>,
        by_ns: Option<String>,
    }
}

model! {
    /// Content to add to a control, or next to or inside one of its parts or parameters.
    pub struct Add {
        position: Option<String>,
        by_id: Option<String>,
        title: Option<String>,
        params: Option<Vec<Parameter>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        parts: Option<Vec<Part>>,
    }
}
