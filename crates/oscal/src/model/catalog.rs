//! The catalog model: controls, possibly grouped, with their parameters and parts.

use super::common::{BackMatter, Link, Metadata, Parameter, Part, Property};
use super::macros::model;

model! {
    /// A structured collection of controls.
    pub struct Catalog {
        uuid: String,
        metadata: Metadata,
        params: Option<Vec<Parameter>>,
        controls: Option<Vec<Control>>,
        groups: Option<Vec<Group>>,
        back_matter: Option<BackMatter>,
    }
}

model! {
    /// A family or other grouping of controls.
    pub struct Group {
        id: Option<String>,
        class: Option<String>,
        title: String,
        params: Option<Vec<Parameter>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        parts: Option<Vec<Part>>,
        groups: Option<Vec<Group>>,
        controls: Option<Vec<Control>>,
    }
}

model! {
    /// A safeguard or countermeasure; enhancements are nested controls.
    pub struct Control {
        id: String,
        class: Option<String>,
        title: String,
        params: Option<Vec<Parameter>>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        parts: Option<Vec<Part>>,
        controls: Option<Vec<Control>>,
    }
}

impl Control {
    /// Whether a property marks the control as withdrawn (`status` = `withdrawn`).
    pub fn is_withdrawn(&self) -> bool {
        self.props
            .iter()
            .flatten()
            .any(|prop| prop.name == "status" && prop.value == "withdrawn" && prop.ns.is_none())
    }

    /// The control's label, e.g. `AC-2(1)`, when it has one.
    pub fn label(&self) -> Option<&str> {
        self.props
            .iter()
            .flatten()
            .find(|prop| prop.name == "label" && prop.class.as_deref() != Some("zero-padded"))
            .map(|prop| prop.value.as_str())
    }
}

impl Catalog {
    /// Visits every control, depth first in document order, with its nesting depth.
    pub fn for_each_control(&self, mut visit: impl FnMut(&Control)) {
        fn controls(list: &[Control], visit: &mut dyn FnMut(&Control)) {
            for control in list {
                visit(control);
                controls(control.controls.as_deref().unwrap_or_default(), visit);
            }
        }
        fn groups(list: &[Group], visit: &mut dyn FnMut(&Control)) {
            for group in list {
                controls(group.controls.as_deref().unwrap_or_default(), visit);
                groups(group.groups.as_deref().unwrap_or_default(), visit);
            }
        }
        controls(self.controls.as_deref().unwrap_or_default(), &mut visit);
        groups(self.groups.as_deref().unwrap_or_default(), &mut visit);
    }

    /// Every control id, in document order.
    pub fn control_ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        self.for_each_control(|control| ids.push(control.id.clone()));
        ids
    }
}
