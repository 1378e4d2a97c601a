//! Building what a case expects: NIST's expected output as published, changed where the
//! specification's text asks for something else, or an outline made from the source catalogs
//! where NIST has no usable output. Each change is named after what the text says.

use crate::catalog_outline::{Member, Outline, Param};

use super::harness::material;

/// NIST's expected output for the profile `name` of a folder (`requirement-tests`, or
/// `profile-resolution-examples` with its `_RESOLVED` names).
pub fn nist(folder: &str, file: &str) -> Outline {
    Outline::read(&material(&format!("{folder}/output-expected/{file}")))
}

/// A source catalog, whole, as `as-is` reproduces it when everything is included.
pub fn catalog(path: &str) -> Outline {
    Outline::read(&material(path))
}

impl Outline {
    /// Flat structuring: "All included controls are output to the target as a flat list directly
    /// under catalog" and "any groups are discarded" (`req-merge-flat-list-1`,
    /// `req-merge-flat-list-3`): every control at the top, in document order, parents before
    /// their children, none nested.
    pub fn flattened(mut self) -> Outline {
        fn take(members: Vec<Member>, into: &mut Vec<Member>) {
            for mut member in members {
                let inner = std::mem::take(&mut member.members);
                if member.kind == "control" {
                    into.push(member);
                }
                take(inner, into);
            }
        }
        let mut flat = Vec::new();
        take(std::mem::take(&mut self.members), &mut flat);
        self.members = flat;
        self
    }

    /// A resource the text keeps: one marked `keep: always` is never pruned (`req-prune-keep`).
    pub fn with_resource(mut self, uuid: &str) -> Outline {
        self.resources.push(uuid.to_owned());
        self
    }

    /// A kept group keeps "all of its non-control children intact" (`id-structure-as-is-list-1`):
    /// the group titled `title` holds `params` before anything else.
    pub fn with_group_params(mut self, title: &str, params: Vec<Param>) -> Outline {
        let group = self
            .members
            .iter_mut()
            .find(|member| is_group_titled(member, title))
            .unwrap_or_else(|| panic!("no group titled {title}"));
        group.params.splice(0..0, params);
        self
    }

    /// The parameters of the group titled `title`.
    pub fn group_params(&self, title: &str) -> Vec<Param> {
        self.members
            .iter()
            .find(|member| is_group_titled(member, title))
            .unwrap_or_else(|| panic!("no group titled {title}"))
            .params
            .clone()
    }

    /// Without the properties named `name` of control `control`: an addition the text makes
    /// inoperative.
    pub fn without_prop(mut self, control: &str, name: &str) -> Outline {
        fn visit(members: &mut [Member], control: &str, name: &str) -> bool {
            members.iter_mut().any(|member| {
                if member.kind == "control" && member.id.as_deref() == Some(control) {
                    member.props.retain(|prop| prop.name != name);
                    return true;
                }
                visit(&mut member.members, control, name)
            })
        }
        assert!(
            visit(&mut self.members, control, name),
            "no control {control}"
        );
        self
    }

    /// `as-is` over a selection of this catalog: the controls named in `ids` kept in place, the
    /// others dropped with their selected descendants taking their place, groups left without
    /// a control dropped.
    pub fn keeping_only(mut self, ids: &[&str]) -> Outline {
        fn prune(members: Vec<Member>, ids: &[&str]) -> Vec<Member> {
            let mut kept = Vec::new();
            for mut member in members {
                let inner = prune(std::mem::take(&mut member.members), ids);
                let selected = member.kind == "control"
                    && member.id.as_deref().is_some_and(|id| ids.contains(&id));
                let holds_controls = member.kind == "group" && !inner.is_empty();
                if selected || holds_controls {
                    member.members = inner;
                    kept.push(member);
                } else if member.kind == "control" {
                    kept.extend(inner);
                }
            }
            kept
        }
        self.members = prune(std::mem::take(&mut self.members), ids);
        self
    }

    /// This outline's structure, then `next`'s: what a second import adds after the first.
    pub fn followed_by(mut self, next: Outline) -> Outline {
        self.params.extend(next.params);
        self.members.extend(next.members);
        self.resources.extend(next.resources);
        self
    }
}

/// Outlines hold titles without whitespace (see `catalog_outline`).
fn is_group_titled(member: &Member, title: &str) -> bool {
    let wanted: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    member.kind == "group" && member.title == wanted
}
