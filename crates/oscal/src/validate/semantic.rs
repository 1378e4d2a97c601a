//! Checks a schema cannot express, made on the untyped document so that they also run on
//! documents the typed model cannot read. One walk collects every definition (ids, uuids,
//! parameters, roles, back-matter resources) and every reference; references are then resolved,
//! and a profile's selections are checked against the catalogs its imports bring
//! ([`super::profile_check`], over what [`super::imported`] indexes from the [`Context`]).
//!
//! Codes (see [`code`]):
//! - `duplicate_id`: a control, group or part id (one namespace, as OSCAL's catalog index has it)
//!   or a parameter id given twice in a catalog or profile; a role id given twice in metadata.
//! - `duplicate_uuid`: a uuid given to two objects (uuids compare case-insensitively).
//! - `unknown_resource`: a `#uuid` that must name a back-matter resource (an import's `href`, a
//!   link with `rel` `reference`) names none.
//! - `unknown_link`: another `#fragment` link names no id or uuid of the document.
//! - `unknown_param`: `{{ insert: param, ID }}` in any text names no parameter of the document
//!   (for a profile, or of its imported catalogs). A profile's `set-parameters` `param-id` naming
//!   none is a note: resolution skips the setting. Inside a component definition's control
//!   implementation, inserts and `set-parameters` `param-id` name parameters of its `source`
//!   catalog instead ([`super::component`]).
//! - `unknown_role`, `unknown_party`, `unknown_location`: `role-id(s)`, `party-uuid(s)` and
//!   `member-of-organizations`, `location-uuids` name nothing in metadata. A component
//!   definition's `responsible-roles` are the exception: OSCAL does not tie them to metadata, so
//!   an undeclared one is at most a note, `undeclared_role` ([`super::component`]).
//! - `source_not_checked` (a note): a component definition's source catalog was not in the
//!   context.
//! - `unknown_uuid`: `component-uuid`, `subject-uuid`, `actor-uuid`, `task-uuid`,
//!   `activity-uuid`, `observation-uuid`, `risk-uuid`, `finding-uuid`, `response-uuid`,
//!   `subject-placeholder-uuid`, `implementation-statement-uuid` name nothing of the right kind.
//! - `missing_control`: a profile's `with-ids` (imports, `merge`) or alteration `control-id`
//!   names a control the imported catalog lacks.
//! - `unknown_part` (a note): an alteration's `by-id` names no part or parameter of its control
//!   (nor one the profile adds); resolution ignores such an add, and such a remove does nothing.
//! - `withdrawn_control`: a profile's `include-controls` names a withdrawn control.
//! - `import_not_checked` (a note): an import's catalog was not in the context.
//!
//! Where the rules stop, and why (each narrowing keeps published NIST and FedRAMP content clean
//! without giving up the check where a miss is certain):
//! - A document that imports another may name what that one defines. An assessment plan or a
//!   POA&M importing an SSP, assessment results importing a plan, a component definition
//!   importing others: their roles, parties, locations, components, subjects, tasks may live
//!   there, even those metadata's responsible parties name (the FedRAMP assessment plan, results
//!   and POA&M templates name the SSP's parties there), so such references are errors only in a
//!   document without such an import. Observations, risks, findings and remediations always live
//!   in the document that cites them. Any import (an SSP's profile too) may also bring
//!   parameters and `#` targets, so those are checked only in catalogs, in documents importing
//!   nothing, and in profiles whose imported catalogs are all in the context.
//! - Part and parameter ids inside a profile's `alters`/`adds` are not checked for duplicates:
//!   the content is spliced into different controls, and the FedRAMP baselines repeat part ids
//!   there. Ids in other models (e.g. assessment objectives copied into local definitions) are
//!   copies of catalog content, not definitions, so they are not checked either.
//! - Duplicate uuids are errors in catalogs and profiles, and between two parties, two locations
//!   or two back-matter resources in any model (what other documents look up by uuid). Other
//!   duplicates (the FedRAMP templates reuse uuids across example observations, findings,
//!   remediations, components, steps and properties) are notes.
//! - `#` links are errors only where OSCAL constrains their target (and the target cannot be in
//!   an unseen import): `reference` links name a back-matter resource; `related`, `required`,
//!   `incorporated-into`, `moved-to` links in a catalog name a control, group or part, except in
//!   a catalog made by profile resolution, whose links still name controls of the source catalog
//!   that were not selected. Other dangling `#` links are notes (SP 800-53's own catalog has an
//!   `assessment-for` link to a part that does not exist).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use shinrai_domain::text::Bilingual;

use super::component::{self, Sources};
use super::imported::Imported;
use super::profile_check::check_profile;
use super::{Context, Findings, Problem, code, push_segment};
use crate::model::ModelKind;

/// Adds the semantic problems and notes of `document` (the whole root object).
pub(crate) fn check(
    model: ModelKind,
    document: &Value,
    context: &Context<'_>,
    findings: &mut Findings,
) {
    let Some(body) = document.get(model.root_key()) else {
        return;
    };
    let mut walker = Walker::new(model);
    walker.path.push(Seg::Key(model.root_key()));
    walker.visit(body, findings);
    walker.path.pop();

    let imported = if model == ModelKind::Profile {
        Imported::from_context(body, context)
    } else {
        Imported::default()
    };
    let scope = Scope::of(model, body, &imported);
    let sources = Sources::of(context);
    walker.resolve(&scope, &imported, &sources, findings);
    if model == ModelKind::Profile {
        check_profile(body, &imported, &walker.added_ids, &walker.params, findings);
    }
}

/// One step of a JSON pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg<'v> {
    Key(&'v str),
    Index(usize),
}

fn pointer_of(path: &[Seg<'_>]) -> String {
    let mut pointer = String::new();
    for segment in path {
        match segment {
            Seg::Key(key) => push_segment(&mut pointer, key),
            Seg::Index(index) => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
        }
    }
    pointer
}

/// Id namespaces that must not repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Namespace {
    /// Controls, groups and parts share one (OSCAL's `catalog-groups-controls-parts` index).
    Structure,
    Param,
    Role,
}

/// A uuid's first definition and the kinds (the collection holding it) it was given to.
#[derive(Debug)]
struct UuidDef<'v> {
    first: String,
    kinds: Vec<&'v str>,
}

/// Collections other documents look up by uuid: a repeat there is always an error.
const REGISTRIES: [&str; 3] = ["parties", "locations", "resources"];

/// The link relations whose `#` target OSCAL constrains to a control, group or part.
const CONTROL_RELATIONS: [&str; 4] = ["related", "required", "incorporated-into", "moved-to"];

#[derive(Debug, Clone, Copy)]
enum Target {
    Role,
    /// A component definition's `responsible-roles` `role-id`, which need not be declared.
    ResponsibleRole,
    Party,
    Location,
    /// A uuid of one of the given kinds (any kind when empty); `local` when it cannot live in an
    /// imported document.
    Uuid {
        field: &'static str,
        kinds: &'static [&'static str],
        local: bool,
    },
    Param,
    /// A `#fragment` link with its relation.
    Link,
    /// An import's `#uuid` href: a back-matter resource.
    ImportResource,
}

#[derive(Debug)]
struct Reference<'v> {
    pointer: String,
    value: &'v str,
    target: Target,
    /// The link's `rel`, for links.
    rel: Option<&'v str>,
    /// The `source` of the component definition's control implementation the reference is in.
    source: Option<&'v str>,
}

/// Fields holding uuid references, with the kinds they must name.
fn uuid_field(key: &str) -> Option<Target> {
    let (field, kinds, local): (&'static str, &'static [&'static str], bool) = match key {
        "component-uuid" => ("component-uuid", &["components"], false),
        "subject-uuid" => ("subject-uuid", &[], false),
        "actor-uuid" => ("actor-uuid", &[], false),
        "task-uuid" => ("task-uuid", &["tasks"], false),
        "activity-uuid" => ("activity-uuid", &["activities"], false),
        "subject-placeholder-uuid" => ("subject-placeholder-uuid", &[], false),
        "implementation-statement-uuid" => ("implementation-statement-uuid", &[], false),
        "observation-uuid" => ("observation-uuid", &["observations"], true),
        "risk-uuid" => ("risk-uuid", &["risks"], true),
        "finding-uuid" => ("finding-uuid", &["findings"], true),
        "response-uuid" => ("response-uuid", &["remediations"], true),
        _ => return None,
    };
    Some(Target::Uuid {
        field,
        kinds,
        local,
    })
}

/// Everything one walk of the document collects.
#[derive(Debug)]
struct Walker<'v> {
    model: ModelKind,
    path: Vec<Seg<'v>>,
    ids: HashMap<(Namespace, &'v str), String>,
    /// Every `id` anywhere, for `#` links.
    all_ids: HashSet<&'v str>,
    /// Every parameter id anywhere (a profile's added parameters included).
    params: HashSet<&'v str>,
    roles: HashSet<&'v str>,
    /// Lower-cased uuids.
    uuids: HashMap<String, UuidDef<'v>>,
    resources: HashSet<String>,
    /// Ids of parts and parameters a profile adds (`alters`/`adds`).
    added_ids: HashSet<&'v str>,
    references: Vec<Reference<'v>>,
    /// The `source` of the component definition's control implementation being walked.
    source: Option<&'v str>,
    /// Every control implementation's `source`, with the pointer to it.
    sources: Vec<(String, &'v str)>,
}

impl<'v> Walker<'v> {
    fn new(model: ModelKind) -> Walker<'v> {
        Walker {
            model,
            path: Vec::new(),
            ids: HashMap::new(),
            all_ids: HashSet::new(),
            params: HashSet::new(),
            roles: HashSet::new(),
            uuids: HashMap::new(),
            resources: HashSet::new(),
            added_ids: HashSet::new(),
            references: Vec::new(),
            source: None,
            sources: Vec::new(),
        }
    }

    fn visit(&mut self, value: &'v Value, findings: &mut Findings) {
        match value {
            Value::Object(map) => {
                let outer_source = self.source;
                self.enter_control_implementation(map);
                self.object(map, findings);
                for (key, child) in map {
                    self.path.push(Seg::Key(key));
                    self.visit(child, findings);
                    self.path.pop();
                }
                self.source = outer_source;
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    self.path.push(Seg::Index(index));
                    self.visit(child, findings);
                    self.path.pop();
                }
            }
            Value::String(text) => {
                if text.contains("{{") {
                    for param in inserted_params(text) {
                        self.refer(param, Target::Param, None);
                    }
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    /// The key naming the current object: its own key, or its array's.
    fn kind(&self) -> &'v str {
        self.path
            .iter()
            .rev()
            .find_map(|segment| match segment {
                Seg::Key(key) => Some(*key),
                Seg::Index(_) => None,
            })
            .unwrap_or_default()
    }

    /// Second step of the path: `metadata`, `back-matter`, `imports`...
    fn section(&self) -> Option<&'v str> {
        match self.path.get(1) {
            Some(Seg::Key(key)) => Some(key),
            _ => None,
        }
    }

    fn in_metadata(&self) -> bool {
        self.section() == Some("metadata")
    }

    fn in_profile_adds(&self) -> bool {
        self.model == ModelKind::Profile && self.path.contains(&Seg::Key("adds"))
    }

    fn refer(&mut self, value: &'v str, target: Target, rel: Option<&'v str>) {
        self.references.push(Reference {
            pointer: pointer_of(&self.path),
            value,
            target,
            rel,
            source: self.source,
        });
    }

    /// In a component definition, a control implementation's parameters belong to its `source`.
    fn enter_control_implementation(&mut self, map: &'v Map<String, Value>) {
        if self.model != ModelKind::ComponentDefinition || self.kind() != "control-implementations"
        {
            return;
        }
        self.source = map.get("source").and_then(Value::as_str);
        if let Some(source) = self.source {
            let mut pointer = pointer_of(&self.path);
            push_segment(&mut pointer, "source");
            self.sources.push((pointer, source));
        }
    }

    fn object(&mut self, map: &'v Map<String, Value>, findings: &mut Findings) {
        let kind = self.kind();
        if let Some(Value::String(id)) = map.get("id") {
            self.define_id(kind, id, findings);
        }
        if let Some(Value::String(uuid)) = map.get("uuid") {
            self.define_uuid(kind, uuid, findings);
        }
        if let Some(Value::String(href)) = map.get("href")
            && let Some(fragment) = href.strip_prefix('#')
        {
            let rel = map.get("rel").and_then(Value::as_str);
            let is_import = match kind {
                "imports" => self.model == ModelKind::Profile && self.section() == Some("imports"),
                "import-profile" | "import-ssp" | "import-ap" | "import-component-definitions" => {
                    true
                }
                _ => false,
            };
            if is_import || kind == "links" {
                self.path.push(Seg::Key("href"));
                let target = if is_import {
                    Target::ImportResource
                } else {
                    Target::Link
                };
                self.refer(fragment, target, rel);
                self.path.pop();
            }
        }
        let component_definition = self.model == ModelKind::ComponentDefinition;
        for (key, value) in map {
            let target = match key.as_str() {
                "role-id" if component_definition && kind == "responsible-roles" => {
                    Target::ResponsibleRole
                }
                "param-id" if component_definition && kind == "set-parameters" => Target::Param,
                "role-id" | "role-ids" => Target::Role,
                "party-uuid" | "party-uuids" | "member-of-organizations" => Target::Party,
                "location-uuids" => Target::Location,
                other => match uuid_field(other) {
                    Some(target) => target,
                    None => continue,
                },
            };
            self.path.push(Seg::Key(key));
            match value {
                Value::String(text) => self.refer(text, target, None),
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        if let Value::String(text) = item {
                            self.path.push(Seg::Index(index));
                            self.refer(text, target, None);
                            self.path.pop();
                        }
                    }
                }
                _ => {}
            }
            self.path.pop();
        }
    }

    fn define_id(&mut self, kind: &'v str, id: &'v str, findings: &mut Findings) {
        self.all_ids.insert(id);
        if kind == "params" {
            self.params.insert(id);
        }
        if self.in_profile_adds() {
            // Spliced into different controls; FedRAMP repeats part ids here (see module docs).
            self.added_ids.insert(id);
            return;
        }
        let catalog_like = matches!(self.model, ModelKind::Catalog | ModelKind::Profile);
        let namespace = match kind {
            "roles" if self.in_metadata() => {
                self.roles.insert(id);
                Namespace::Role
            }
            "controls" | "groups" | "parts" if catalog_like => Namespace::Structure,
            "params" if catalog_like => Namespace::Param,
            _ => return,
        };
        let here = pointer_of(&self.path);
        match self.ids.entry((namespace, id)) {
            Entry::Vacant(entry) => {
                entry.insert(here);
            }
            Entry::Occupied(first) => {
                let first = first.get();
                findings.problems.push(Problem::new(
                    here,
                    code::DUPLICATE_ID,
                    Bilingual::new(
                        format!("id \"{id}\" が重複しています（最初の定義は {first}）"),
                        format!("id \"{id}\" is defined twice (first at {first})"),
                    ),
                ));
            }
        }
    }

    fn define_uuid(&mut self, kind: &'v str, uuid: &'v str, findings: &mut Findings) {
        let key = uuid.to_ascii_lowercase();
        if kind == "resources" && self.section() == Some("back-matter") {
            self.resources.insert(key.clone());
        }
        let here = pointer_of(&self.path);
        match self.uuids.entry(key) {
            Entry::Vacant(entry) => {
                entry.insert(UuidDef {
                    first: here,
                    kinds: vec![kind],
                });
            }
            Entry::Occupied(mut entry) => {
                let def = entry.get_mut();
                let registry = REGISTRIES.contains(&kind) && def.kinds.contains(&kind);
                let strict =
                    registry || matches!(self.model, ModelKind::Catalog | ModelKind::Profile);
                let problem = Problem::new(
                    here,
                    code::DUPLICATE_UUID,
                    Bilingual::new(
                        format!(
                            "uuid \"{uuid}\" が重複しています（最初の使用は {}）",
                            def.first
                        ),
                        format!("uuid \"{uuid}\" is used twice (first at {})", def.first),
                    ),
                );
                if strict {
                    findings.problems.push(problem);
                } else {
                    findings.notes.push(problem);
                }
                def.kinds.push(kind);
            }
        }
    }

    fn has_uuid(&self, value: &str, kinds: &[&str]) -> bool {
        self.uuids
            .get(&value.to_ascii_lowercase())
            .is_some_and(|def| {
                kinds.is_empty() || def.kinds.iter().any(|kind| kinds.contains(kind))
            })
    }

    fn resolve(
        &self,
        scope: &Scope,
        imported: &Imported<'_>,
        sources: &Sources<'_>,
        findings: &mut Findings,
    ) {
        // A document that imports another may name what that one defines.
        let may_be_imported = scope.imports_entities;
        for (pointer, source) in &self.sources {
            if !sources.is_loaded(source) {
                findings
                    .notes
                    .push(component::source_not_checked(pointer.clone(), source));
            }
        }
        for reference in &self.references {
            let value = reference.value;
            if let (Target::Param, Some(source)) = (reference.target, reference.source) {
                // Unchecked when the source is not at hand: a note says so, per implementation.
                if sources.defines_param(source, value) == Some(false) {
                    findings.problems.push(component::unknown_source_param(
                        reference.pointer.clone(),
                        source,
                        value,
                    ));
                }
                continue;
            }
            let found = match reference.target {
                Target::ResponsibleRole => {
                    let known = self.roles.contains(value)
                        || may_be_imported
                        || component::is_model_role(value);
                    if !known {
                        findings
                            .notes
                            .push(component::undeclared_role(reference.pointer.clone(), value));
                    }
                    continue;
                }
                Target::Role => self.roles.contains(value) || may_be_imported,
                Target::Party => self.has_uuid(value, &["parties"]) || may_be_imported,
                Target::Location => self.has_uuid(value, &["locations"]) || may_be_imported,
                Target::Uuid { kinds, local, .. } => {
                    self.has_uuid(value, kinds) || (may_be_imported && !local)
                }
                Target::Param => {
                    self.params.contains(value)
                        || imported.union().params.contains(value)
                        || scope.imports_content
                }
                Target::ImportResource => self.resources.contains(&value.to_ascii_lowercase()),
                Target::Link => {
                    self.resolve_link(reference, scope, imported, findings);
                    continue;
                }
            };
            if !found {
                let (code, message) = unresolved(reference.target, value);
                findings
                    .problems
                    .push(Problem::new(reference.pointer.clone(), code, message));
            }
        }
    }

    fn resolve_link(
        &self,
        reference: &Reference<'_>,
        scope: &Scope,
        imported: &Imported<'_>,
        findings: &mut Findings,
    ) {
        let value = reference.value;
        let lower = value.to_ascii_lowercase();
        let rel = reference.rel.unwrap_or_default();
        let problem = |code, message| Problem::new(reference.pointer.clone(), code, message);
        if rel == "reference" {
            let found =
                self.resources.contains(&lower) || imported.union().resources.contains(&lower);
            if !found && !scope.imports_content {
                findings.problems.push(problem(
                    code::UNKNOWN_RESOURCE,
                    Bilingual::new(
                        format!("reference のリンク先 \"#{value}\" が back-matter の resources にありません"),
                        format!("reference link \"#{value}\" names no back-matter resource"),
                    ),
                ));
            }
            return;
        }
        let found = self.all_ids.contains(value)
            || self.uuids.contains_key(&lower)
            || imported.union().ids.contains(value)
            || imported.union().resources.contains(&lower);
        if found || scope.imports_content {
            return;
        }
        let constrained = CONTROL_RELATIONS.contains(&rel) && self.model == ModelKind::Catalog;
        if constrained && scope.resolved_catalog {
            // Names a control of the source catalog that the profile did not select.
            return;
        }
        let message = Bilingual::new(
            format!("リンク先 \"#{value}\" が文書内にありません"),
            format!("link \"#{value}\" names nothing in the document"),
        );
        if constrained {
            findings.problems.push(problem(code::UNKNOWN_LINK, message));
        } else {
            findings.notes.push(problem(code::UNKNOWN_LINK, message));
        }
    }
}

/// The code and wording for a reference that names nothing (links are worded where resolved).
fn unresolved(target: Target, value: &str) -> (&'static str, Bilingual) {
    match target {
        Target::Role | Target::ResponsibleRole => (
            code::UNKNOWN_ROLE,
            Bilingual::new(
                format!("ロール \"{value}\" が metadata の roles にありません"),
                format!("role \"{value}\" is not among the metadata roles"),
            ),
        ),
        Target::Party => (
            code::UNKNOWN_PARTY,
            Bilingual::new(
                format!("当事者（party）\"{value}\" が metadata の parties にありません"),
                format!("party \"{value}\" is not among the metadata parties"),
            ),
        ),
        Target::Location => (
            code::UNKNOWN_LOCATION,
            Bilingual::new(
                format!("場所（location）\"{value}\" が metadata の locations にありません"),
                format!("location \"{value}\" is not among the metadata locations"),
            ),
        ),
        Target::Uuid { field, .. } => (
            code::UNKNOWN_UUID,
            Bilingual::new(
                format!("{field} の \"{value}\" に当たるものが文書にありません"),
                format!("{field} \"{value}\" names nothing in the document"),
            ),
        ),
        Target::Param => (
            code::UNKNOWN_PARAM,
            Bilingual::new(
                format!("パラメータ \"{value}\" が定義されていません"),
                format!("parameter \"{value}\" is not defined"),
            ),
        ),
        Target::ImportResource | Target::Link => (
            code::UNKNOWN_RESOURCE,
            Bilingual::new(
                format!("参照先 \"#{value}\" が back-matter の resources にありません"),
                format!("\"#{value}\" is not a back-matter resource"),
            ),
        ),
    }
}

/// What the document may take from elsewhere.
#[derive(Debug, Default)]
struct Scope {
    /// Roles, parties, components, subjects, tasks may be defined in an imported document.
    imports_entities: bool,
    /// Parameters and `#` targets may be defined in an imported document the check cannot see.
    imports_content: bool,
    /// A catalog made by profile resolution.
    resolved_catalog: bool,
}

impl Scope {
    fn of(model: ModelKind, body: &Value, imported: &Imported<'_>) -> Scope {
        let has = |key: &str| body.get(key).is_some();
        let imports_entities =
            has("import-ssp") || has("import-ap") || has("import-component-definitions");
        let imports_content = match model {
            ModelKind::Catalog => false,
            ModelKind::Profile => !imported.all_loaded,
            _ => imports_entities || has("import-profile"),
        };
        Scope {
            imports_entities,
            imports_content,
            resolved_catalog: model == ModelKind::Catalog && is_resolved(body),
        }
    }
}

/// Whether a catalog's metadata says it was made by resolving a profile.
fn is_resolved(catalog: &Value) -> bool {
    let Some(metadata) = catalog.get("metadata") else {
        return false;
    };
    let named = |list: &str, field: &str, names: &[&str]| {
        metadata
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|item| item.get(field).and_then(Value::as_str))
            .any(|name| names.contains(&name))
    };
    named("props", "name", &["resolution-tool", "source-profile-uuid"])
        || named("links", "rel", &["source-profile", "source-profile-uuid"])
}

/// The parameter ids named by `{{ insert: param, ID }}` in a markup text.
fn inserted_params(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        rest = rest.get(start + 2..).unwrap_or_default();
        let Some(body) = rest.trim_start().strip_prefix("insert:") else {
            continue;
        };
        let Some((kind, after)) = body.split_once(',') else {
            continue;
        };
        let after = after.trim_start();
        let end = after
            .find(|c: char| c.is_whitespace() || c == '}')
            .unwrap_or(after.len());
        let Some((id, tail)) = after.split_at_checked(end) else {
            continue;
        };
        if kind.trim() == "param" && !id.is_empty() && tail.trim_start().starts_with("}}") {
            found.push(id);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inserted_parameters() {
        let text = "a {{ insert: param, ac-1_prm_1 }} b {{insert: param,x}} {{ insert: other, y }} {{ not }} {{ insert: param, broken";
        assert_eq!(inserted_params(text), vec!["ac-1_prm_1", "x"]);
    }
}
