//! What a component definition's references resolve against beyond its own text: the catalogs
//! its control implementations name as `source`, and the role ids its model defines.
//!
//! Why these rules (OSCAL 1.2 component-definition metaschema):
//! - A control implementation's parameters (`set-parameters` `param-id`, `{{ insert: param }}` in
//!   its text) belong to its `source` catalog or profile, not to the component definition, which
//!   defines none. They are checked against that catalog when the caller loaded it
//!   ([`super::Context::sources`]); when it did not, they are not checked and a note says so.
//!   A parameter may be named by an `alt-identifier` property too: SP 800-53 5.1.1 renamed its
//!   parameters (`sc-8_prm_1` became `sc-08_odp`) and keeps the old ids there, which NIST's own
//!   component-definition example still uses.
//! - `responsible-role` carries no `index-has-key` constraint to metadata roles (unlike
//!   `responsible-party`): its `role-id` is a token with suggested values (`allowed-values` with
//!   `allow-other="yes"`). So an undeclared role there is never an error; one that is neither
//!   declared nor a suggested value (`customer` in NIST's example) gets a note, to catch typos.

use std::collections::{HashMap, HashSet};

use shinrai_domain::text::Bilingual;

use super::{Context, Problem, code};
use crate::model::catalog::{Catalog, Group};
use crate::model::common::Parameter;

/// The role ids the component-definition model suggests for a component's responsible roles
/// (`oscal-component-role-id`: the operations and component-production value lists).
pub(crate) const MODEL_ROLE_IDS: [&str; 9] = [
    "asset-owner",
    "asset-administrator",
    "security-operations",
    "network-operations",
    "incident-response",
    "help-desk",
    "configuration-management",
    "maintainer",
    "provider",
];

pub(crate) fn is_model_role(id: &str) -> bool {
    MODEL_ROLE_IDS.contains(&id)
}

/// The parameter names (ids and alternate ids) of each source catalog the context brings, by
/// the `source` text naming it.
#[derive(Debug, Default)]
pub(crate) struct Sources<'c> {
    params: HashMap<&'c str, HashSet<String>>,
}

impl<'c> Sources<'c> {
    pub(crate) fn of(context: &'c Context<'_>) -> Sources<'c> {
        let params = context
            .sources
            .iter()
            .map(|(href, catalog)| (href.as_str(), parameter_names(catalog)))
            .collect();
        Sources { params }
    }

    /// Whether the catalog `source` names defines `param`; `None` when that catalog is not at hand.
    pub(crate) fn defines_param(&self, source: &str, param: &str) -> Option<bool> {
        self.params.get(source).map(|params| params.contains(param))
    }

    pub(crate) fn is_loaded(&self, source: &str) -> bool {
        self.params.contains_key(source)
    }
}

/// Every parameter's id and `alt-identifier`s, wherever the catalog defines it.
fn parameter_names(catalog: &Catalog) -> HashSet<String> {
    fn add(params: Option<&[Parameter]>, names: &mut HashSet<String>) {
        for param in params.unwrap_or_default() {
            names.insert(param.id.clone());
            let aliases = param.props.iter().flatten();
            names.extend(
                aliases
                    .filter(|prop| prop.name == "alt-identifier")
                    .map(|prop| prop.value.clone()),
            );
        }
    }
    fn groups(list: Option<&[Group]>, names: &mut HashSet<String>) {
        for group in list.unwrap_or_default() {
            add(group.params.as_deref(), names);
            groups(group.groups.as_deref(), names);
        }
    }
    let mut names = HashSet::new();
    add(catalog.params.as_deref(), &mut names);
    groups(catalog.groups.as_deref(), &mut names);
    catalog.for_each_control(|control| add(control.params.as_deref(), &mut names));
    names
}

/// The note for a control implementation whose source catalog was not at hand.
pub(crate) fn source_not_checked(pointer: String, source: &str) -> Problem {
    Problem::new(
        pointer,
        code::SOURCE_NOT_CHECKED,
        Bilingual::new(
            format!(
                "source \"{source}\" のカタログがないため、この実装のパラメータは確認していません"
            ),
            format!(
                "the catalog of source \"{source}\" was not available, so this implementation's parameters were not checked"
            ),
        ),
    )
}

/// The note for a responsible role neither declared nor suggested by the model.
pub(crate) fn undeclared_role(pointer: String, role: &str) -> Problem {
    Problem::new(
        pointer,
        code::UNDECLARED_ROLE,
        Bilingual::new(
            format!(
                "ロール \"{role}\" は metadata の roles にもモデルの既定値にもありません（OSCAL では許されます）"
            ),
            format!(
                "role \"{role}\" is neither among the metadata roles nor one the model defines (OSCAL allows this)"
            ),
        ),
    )
}

/// The error for a parameter its loaded source catalog lacks.
pub(crate) fn unknown_source_param(pointer: String, source: &str, param: &str) -> Problem {
    Problem::new(
        pointer,
        code::UNKNOWN_PARAM,
        Bilingual::new(
            format!("パラメータ \"{param}\" が source \"{source}\" のカタログにありません"),
            format!("parameter \"{param}\" is not in the catalog of source \"{source}\""),
        ),
    )
}
