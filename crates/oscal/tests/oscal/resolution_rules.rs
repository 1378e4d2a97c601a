//! Profile resolution, clause by clause, on a small hand-made catalog.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};
use shinrai_oscal::model::Catalog;
use shinrai_oscal::resolve::{Lookup, Options, Resolved, resolve_file};
use shinrai_oscal::{ErrorKind, OscalError, Place};

/// A folder of its own for each test, removed afterwards.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new() -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "shinrai-resolve-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    pub fn write(&self, name: &str, value: &Value) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dir");
        }
        std::fs::write(&path, serde_json::to_string_pretty(value).expect("json")).expect("write");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn metadata(title: &str) -> Value {
    json!({"title": title, "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2"})
}

const CITED: &str = "11111111-1111-4111-8111-111111111111";
const UNCITED: &str = "22222222-2222-4222-8222-222222222222";

fn catalog() -> Value {
    json!({"catalog": {
        "uuid": "00000000-0000-4000-8000-000000000001",
        "metadata": metadata("ABC catalog"),
        "params": [
            {"id": "loose-1", "label": "a loose parameter"},
            {"id": "loose-2", "label": "another, never inserted"}
        ],
        "groups": [
            {"id": "a", "title": "Group A", "controls": [
                {"id": "a-1", "title": "First", "params": [{"id": "a-1_prm_1", "label": "frequency", "values": ["yearly"]}],
                 "props": [{"name": "label", "value": "A-1"}, {"name": "sort-id", "value": "a-01", "class": "sorting"}],
                 "parts": [
                    {"id": "a-1_smt", "name": "statement", "prose": "Review {{ insert: param, a-1_prm_1 }}.",
                     "parts": [{"id": "a-1_smt.a", "name": "item", "prose": "a."}, {"id": "a-1_smt.b", "name": "item", "prose": "b."}]},
                    {"id": "a-1_gdn", "name": "guidance", "prose": "Some guidance."},
                    {"id": "a-1_obj", "name": "assessment-objective", "ns": "https://example.org/ns", "prose": "Check."}
                 ],
                 "controls": [
                    {"id": "a-1.1", "title": "First, first enhancement"},
                    {"id": "a-1.2", "title": "Withdrawn enhancement", "props": [{"name": "status", "value": "withdrawn"}]}
                 ]},
                {"id": "a-2", "title": "Second", "links": [{"href": "#11111111-1111-4111-8111-111111111111", "rel": "reference"}]}
            ]},
            {"id": "b", "title": "Group B", "controls": [
                {"id": "b-1", "title": "Third", "parts": [{"id": "b-1_smt", "name": "statement", "prose": "Use {{ insert: param, loose-1 }}."}]},
                {"id": "b-2", "title": "Fourth", "controls": [{"id": "b-2.1", "title": "Fourth, first enhancement"}]}
            ]}
        ],
        "back-matter": {"resources": [
            {"uuid": CITED, "title": "Cited"},
            {"uuid": UNCITED, "title": "Not cited"}
        ]}
    }})
}

pub fn profile(imports: Value, rest: Value) -> Value {
    let mut body = json!({
        "uuid": "00000000-0000-4000-8000-0000000000aa",
        "metadata": metadata("Test profile"),
        "imports": imports
    });
    if let (Some(body), Some(rest)) = (body.as_object_mut(), rest.as_object()) {
        body.extend(rest.clone());
    }
    json!({"profile": body})
}

pub fn options(catalog_dir: Option<&Path>) -> Options {
    Options {
        lookup: Lookup {
            catalog_dir: catalog_dir.map(Path::to_owned),
            ..Lookup::default()
        },
        timestamp: "2026-11-22T00:00:00Z".to_owned(),
        tool: "test".to_owned(),
    }
}

/// Writes the ABC catalog and the profile, resolves, and hands back the result.
fn resolve_with(imports: Value, rest: Value) -> Result<Resolved, OscalError> {
    let scratch = Scratch::new();
    scratch.write("abc_catalog.json", &catalog());
    let path = scratch.write("profile.json", &profile(imports, rest));
    resolve_file(&path, &options(None))
}

fn resolved(imports: Value, rest: Value) -> Catalog {
    resolve_with(imports, rest)
        .unwrap_or_else(|e| panic!("{e}"))
        .catalog
}

fn ids(catalog: &Catalog) -> Vec<String> {
    catalog.control_ids()
}

pub fn json_of(catalog: &Catalog) -> Value {
    serde_json::to_value(catalog).expect("json")
}

pub fn find<'a>(value: &'a Value, id: &str) -> &'a Value {
    fn walk<'a>(value: &'a Value, id: &str) -> Option<&'a Value> {
        match value {
            Value::Object(map) => {
                if map.get("id").and_then(Value::as_str) == Some(id) {
                    return Some(value);
                }
                map.values().find_map(|v| walk(v, id))
            }
            Value::Array(items) => items.iter().find_map(|v| walk(v, id)),
            _ => None,
        }
    }
    walk(value, id).unwrap_or_else(|| panic!("{id} in {value}"))
}

fn import(selection: Value) -> Value {
    let mut import = json!({"href": "abc_catalog.json"});
    if let (Some(import), Some(selection)) = (import.as_object_mut(), selection.as_object()) {
        import.extend(selection.clone());
    }
    json!([import])
}

const AS_IS: &str = r#"{"merge": {"as-is": true}}"#;

fn as_is() -> Value {
    serde_json::from_str(AS_IS).expect("json")
}

#[test]
fn include_all_as_is_keeps_groups_and_nesting() {
    let catalog = resolved(import(json!({"include-all": {}})), as_is());
    assert_eq!(
        ids(&catalog),
        ["a-1", "a-1.1", "a-1.2", "a-2", "b-1", "b-2", "b-2.1"]
    );
    let groups: Vec<_> = catalog
        .groups
        .iter()
        .flatten()
        .map(|g| g.id.clone().unwrap_or_default())
        .collect();
    assert_eq!(groups, ["a", "b"]);
    assert!(catalog.controls.is_none());
}

#[test]
fn with_ids_take_only_the_named_controls() {
    let catalog = resolved(
        import(json!({"include-controls": [{"with-ids": ["a-1", "b-2"]}]})),
        as_is(),
    );
    assert_eq!(ids(&catalog), ["a-1", "b-2"]);
}

#[test]
fn including_an_enhancement_includes_its_parent() {
    // "By default, inclusion of a control also causes any of that control's ancestors to also be
    // included" (Dealing with Nested Controls and Groups); its other children stay out.
    let catalog = resolved(
        import(json!({"include-controls": [{"with-ids": ["a-1.1"]}]})),
        as_is(),
    );
    assert_eq!(ids(&catalog), ["a-1", "a-1.1"]);
    let group = &json_of(&catalog)["groups"][0];
    assert_eq!(group["controls"][0]["id"], "a-1");
    assert_eq!(group["controls"][0]["controls"][0]["id"], "a-1.1");
}

#[test]
fn as_is_puts_an_enhancement_in_the_place_of_its_excluded_parent() {
    let catalog = resolved(
        import(json!({
            "include-controls": [{"with-ids": ["a-1.1"]}],
            "exclude-controls": [{"with-ids": ["a-1"]}]
        })),
        as_is(),
    );
    assert_eq!(ids(&catalog), ["a-1.1"]);
    let group = &json_of(&catalog)["groups"][0];
    assert_eq!(group["id"], "a");
    assert_eq!(group["controls"][0]["id"], "a-1.1");
}

#[test]
fn child_controls_come_with_their_parent_on_request() {
    let catalog = resolved(
        import(json!({"include-controls": [{"with-ids": ["a-1"], "with-child-controls": "yes"}]})),
        as_is(),
    );
    assert_eq!(ids(&catalog), ["a-1", "a-1.1", "a-1.2"]);
}

#[test]
fn patterns_match_ids_and_exclusions_win() {
    let catalog = resolved(
        import(json!({"include-controls": [{"matching": [{"pattern": "b-*"}]}]})),
        as_is(),
    );
    assert_eq!(ids(&catalog), ["b-1", "b-2", "b-2.1"]);
    let catalog = resolved(
        import(
            json!({"include-all": {}, "exclude-controls": [{"with-ids": ["a-2"]}, {"matching": [{"pattern": "?-1.*"}]}]}),
        ),
        as_is(),
    );
    assert_eq!(ids(&catalog), ["a-1", "b-1", "b-2", "b-2.1"]);
    // Exclusions alone break the schema (an import includes something): the profile is refused.
    let error = resolve_with(
        import(json!({"exclude-controls": [{"matching": [{"pattern": "a*"}]}]})),
        as_is(),
    )
    .expect_err("exclusions alone");
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert_eq!(error.place, Place::Pointer("/profile/imports/0".to_owned()));
}

#[test]
fn without_a_merge_directive_controls_are_flat() {
    let catalog = resolved(import(json!({"include-all": {}})), json!({}));
    assert!(catalog.groups.is_none());
    let top: Vec<_> = catalog
        .controls
        .iter()
        .flatten()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(top, ["a-1", "a-1.1", "a-1.2", "a-2", "b-1", "b-2", "b-2.1"]);
    assert!(
        catalog
            .controls
            .iter()
            .flatten()
            .all(|c| c.controls.is_none())
    );
}

#[test]
fn custom_groups_take_the_controls_they_insert() {
    let rest = json!({"merge": {"custom": {"groups": [
        {"id": "first", "title": "First things", "insert-controls": [{"order": "descending", "include-controls": [{"with-ids": ["b-1", "a-2"]}]}]},
        {"id": "rest", "title": "The rest", "insert-controls": [{"include-controls": [{"matching": [{"pattern": "b-2*"}]}]}]}
    ]}}});
    let resolved = resolve_with(import(json!({"include-all": {}})), rest).expect("resolves");
    let groups = resolved.catalog.groups.clone().expect("groups");
    let first: Vec<_> = groups[0]
        .controls
        .iter()
        .flatten()
        .map(|c| c.id.clone())
        .collect();
    let rest: Vec<_> = groups[1]
        .controls
        .iter()
        .flatten()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(first, ["b-1", "a-2"]);
    assert_eq!(rest, ["b-2", "b-2.1"]);
    let unplaced: Vec<_> = resolved
        .notes
        .iter()
        .map(|n| n.message.en.clone())
        .collect();
    assert!(unplaced.iter().any(|n| n.contains("a-1.1")), "{unplaced:?}");
}

#[test]
fn parameter_settings_replace_values_and_add_the_rest() {
    let rest = json!({"merge": {"as-is": true}, "modify": {"set-parameters": [
        {"param-id": "a-1_prm_1", "label": "review frequency", "select": {"choice": ["monthly", "yearly"]},
         "constraints": [{"description": "at least yearly"}], "props": [{"name": "extra", "value": "x"}]},
        {"param-id": "a-1_prm_1", "values": ["quarterly"]}
    ]}});
    let catalog = json_of(&resolved(import(json!({"include-all": {}})), rest));
    let param = find(&catalog, "a-1_prm_1");
    assert_eq!(param["label"], "review frequency");
    assert_eq!(param["values"], json!(["quarterly"]));
    assert!(
        param.get("select").is_none(),
        "later values replace the choice"
    );
    assert_eq!(
        param["constraints"],
        json!([{"description": "at least yearly"}])
    );
    assert_eq!(param["props"], json!([{"name": "extra", "value": "x"}]));
}

#[test]
fn settings_for_unselected_controls_are_noted() {
    let rest = json!({"modify": {"set-parameters": [{"param-id": "a-1_prm_1", "values": ["x"]}]}});
    let resolved = resolve_with(
        import(json!({"include-controls": [{"with-ids": ["b-1"]}]})),
        rest,
    )
    .expect("resolves");
    assert_eq!(resolved.notes.len(), 1);
    assert_eq!(
        resolved.notes[0].pointer,
        "/profile/modify/set-parameters/0/param-id"
    );
}

#[test]
fn removals_match_on_every_criterion_given() {
    let cases = [
        (json!({"by-name": "guidance"}), "a-1_gdn"),
        (json!({"by-id": "a-1_smt.b"}), "a-1_smt.b"),
        (json!({"by-ns": "https://example.org/ns"}), "a-1_obj"),
        (
            json!({"by-item-name": "part", "by-name": "assessment-objective"}),
            "a-1_obj",
        ),
    ];
    for (remove, gone) in cases {
        let rest = json!({"modify": {"alters": [{"control-id": "a-1", "removes": [remove]}]}});
        let catalog = json_of(&resolved(
            import(json!({"include-controls": [{"with-ids": ["a-1"]}]})),
            rest,
        ));
        let text = catalog.to_string();
        assert!(!text.contains(&format!("\"{gone}\"")), "{gone} removed");
        assert!(text.contains("a-1_smt.a"), "the rest stays");
    }
    let rest = json!({"modify": {"alters": [{"control-id": "a-1", "removes": [{"by-class": "sorting"}, {"by-item-name": "param"}]}]}});
    let catalog = json_of(&resolved(
        import(json!({"include-controls": [{"with-ids": ["a-1"]}]})),
        rest,
    ));
    let control = find(&catalog, "a-1");
    assert_eq!(control["props"], json!([{"name": "label", "value": "A-1"}]));
    assert!(control.get("params").is_none());
}

#[test]
fn additions_go_where_their_position_says() {
    let prop = |value: &str| json!({"name": "added", "value": value});
    let part = |id: &str| json!({"id": id, "name": "item", "prose": id});
    let rest = json!({"modify": {"alters": [{"control-id": "a-1", "adds": [
        {"position": "starting", "props": [prop("control-start")]},
        {"props": [prop("control-end")], "title": "First, renamed"},
        {"position": "starting", "by-id": "a-1_smt", "parts": [part("smt-start")]},
        {"position": "ending", "by-id": "a-1_smt", "props": [prop("smt-end")]},
        {"position": "before", "by-id": "a-1_smt.b", "parts": [part("before-b")]},
        {"position": "after", "by-id": "a-1_smt.a", "parts": [part("after-a")]},
        {"position": "after", "by-id": "a-1_prm_1", "params": [{"id": "a-1_prm_2", "label": "added"}]}
    ]}]}});
    let catalog = json_of(&resolved(
        import(json!({"include-controls": [{"with-ids": ["a-1"]}]})),
        rest,
    ));
    let control = find(&catalog, "a-1");
    assert_eq!(control["title"], "First, renamed");
    let props: Vec<_> = control["props"]
        .as_array()
        .expect("props")
        .iter()
        .map(|p| p["value"].clone())
        .collect();
    assert_eq!(
        props,
        [
            json!("control-start"),
            json!("A-1"),
            json!("a-01"),
            json!("control-end")
        ]
    );
    let statement = find(&catalog, "a-1_smt");
    let parts: Vec<_> = statement["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    assert_eq!(
        parts,
        [
            json!("smt-start"),
            json!("a-1_smt.a"),
            json!("after-a"),
            json!("before-b"),
            json!("a-1_smt.b")
        ]
    );
    assert_eq!(statement["props"], json!([prop("smt-end")]));
    let params: Vec<_> = control["params"]
        .as_array()
        .expect("params")
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    assert_eq!(params, [json!("a-1_prm_1"), json!("a-1_prm_2")]);
}

#[test]
fn alterations_of_unknown_controls_are_refused_with_their_place() {
    let rest = json!({"modify": {"alters": [{"control-id": "zz-1", "adds": [{"props": [{"name": "x", "value": "y"}]}]}]}});
    let error =
        resolve_with(import(json!({"include-all": {}})), rest).expect_err("unknown control");
    assert_eq!(
        error.place,
        Place::Pointer("/profile/modify/alters/0/control-id".to_owned())
    );
}

#[test]
fn unknown_control_ids_are_refused_with_their_place() {
    let error = resolve_with(
        import(json!({"include-controls": [{"with-ids": ["a-1", "a-9"]}]})),
        json!({}),
    )
    .expect_err("unknown id");
    // Validation, which runs first, finds it.
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert_eq!(
        error.place,
        Place::Pointer("/profile/imports/0/include-controls/0/with-ids/1".to_owned())
    );
    assert!(error.to_string().contains("a-9") && error.to_string().contains("missing_control"));
}

#[test]
fn loose_parameters_and_back_matter_come_only_when_used() {
    let catalog = resolved(
        import(json!({"include-controls": [{"with-ids": ["b-1", "a-2"]}]})),
        as_is(),
    );
    let params: Vec<_> = catalog
        .params
        .iter()
        .flatten()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(params, ["loose-1"]);
    let resources: Vec<_> = catalog
        .back_matter
        .iter()
        .flat_map(|m| m.resources.iter().flatten())
        .map(|r| r.uuid.clone())
        .collect();
    assert_eq!(resources, [CITED]);
    let catalog = resolved(
        import(json!({"include-controls": [{"with-ids": ["a-1"]}]})),
        as_is(),
    );
    assert!(catalog.params.is_none());
    assert!(catalog.back_matter.is_none());
}

#[test]
fn the_resolved_catalog_carries_the_profiles_metadata_and_a_stable_uuid() {
    let first = resolved(import(json!({"include-all": {}})), json!({}));
    let second = resolved(import(json!({"include-all": {}})), json!({}));
    assert_eq!(first.uuid, second.uuid);
    assert_ne!(first.uuid, "00000000-0000-4000-8000-0000000000aa");
    assert_eq!(first.metadata.title, "Test profile");
    assert_eq!(first.metadata.last_modified, "2026-11-22T00:00:00Z");
    let links = json_of(&first)["metadata"]["links"].clone();
    assert_eq!(
        links,
        json!([{"href": "profile.json", "rel": "source-profile"}])
    );
}

#[test]
fn a_profile_imports_a_profile_through_back_matter() {
    let scratch = Scratch::new();
    scratch.write("catalogs/abc_catalog.json", &catalog());
    let inner = profile(
        json!([{"href": "catalogs/abc_catalog.json", "include-controls": [{"with-ids": ["a-1", "b-1"]}]}]),
        json!({"modify": {"set-parameters": [{"param-id": "a-1_prm_1", "values": ["monthly"]}]}}),
    );
    scratch.write("inner_profile.json", &inner);
    let outer = json!({"profile": {
        "uuid": "00000000-0000-4000-8000-0000000000bb",
        "metadata": metadata("Outer"),
        "imports": [{"href": "#33333333-3333-4333-8333-333333333333", "include-controls": [{"with-ids": ["a-1"]}]}],
        "modify": {"alters": [{"control-id": "a-1", "adds": [{"props": [{"name": "outer", "value": "yes"}]}]}]},
        "back-matter": {"resources": [{"uuid": "33333333-3333-4333-8333-333333333333", "rlinks": [
            {"href": "inner_profile.xml", "media-type": "application/oscal.profile+xml"},
            {"href": "inner_profile.json", "media-type": "application/oscal.profile+json"}
        ]}]}
    }});
    let path = scratch.write("outer_profile.json", &outer);
    let catalog = json_of(
        &resolve_file(&path, &options(None))
            .expect("resolves")
            .catalog,
    );
    assert_eq!(find(&catalog, "a-1_prm_1")["values"], json!(["monthly"]));
    assert!(find(&catalog, "a-1")["props"].to_string().contains("outer"));
    assert!(
        !catalog.to_string().contains("\"b-1\""),
        "the outer profile took only a-1"
    );
}

/// A profile importing the ABC catalog held, encoded, in its own back matter (with an rlink
/// that leads nowhere, tried first).
fn profile_with_embedded_catalog(value: &str) -> Value {
    json!({"profile": {
        "uuid": "00000000-0000-4000-8000-0000000000cc",
        "metadata": metadata("Embedded"),
        "imports": [{"href": "#44444444-4444-4444-8444-444444444444", "include-controls": [{"with-ids": ["a-1"]}]}],
        "back-matter": {"resources": [{
            "uuid": "44444444-4444-4444-8444-444444444444",
            "rlinks": [{"href": "nowhere/abc_catalog.json"}],
            "base64": {"filename": "abc_catalog.json", "media-type": "application/oscal.catalog+json", "value": value}
        }]}
    }})
}

#[test]
fn a_catalog_held_in_base64_is_imported() {
    use base64::Engine;
    let scratch = Scratch::new();
    let text = serde_json::to_string_pretty(&catalog()).expect("json");
    let engine = base64::engine::general_purpose::STANDARD;
    let path = scratch.write(
        "embedded_profile.json",
        &profile_with_embedded_catalog(&engine.encode(text)),
    );
    let resolved = resolve_file(&path, &options(None)).expect("resolves");
    assert_eq!(ids(&resolved.catalog), ["a-1"]);

    // Well-formed base64 (the schema checks that much) of bytes that are not text.
    let broken = scratch.write(
        "broken_profile.json",
        &profile_with_embedded_catalog(&engine.encode([0xff, 0xfe, 0x00])),
    );
    let error = resolve_file(&broken, &options(None)).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Import, "{error}");
    assert!(error.to_string().contains("is not UTF-8"), "{error}");
}

#[test]
fn import_cycles_are_refused_naming_the_chain() {
    let scratch = Scratch::new();
    let a = profile(
        json!([{"href": "b_profile.json", "include-all": {}}]),
        json!({}),
    );
    let b = profile(
        json!([{"href": "a_profile.json", "include-all": {}}]),
        json!({}),
    );
    let path = scratch.write("a_profile.json", &a);
    scratch.write("b_profile.json", &b);
    let error = resolve_file(&path, &options(None)).expect_err("cycle");
    assert_eq!(error.kind, ErrorKind::ImportCycle);
    assert!(error.file.ends_with("b_profile.json"), "{error}");
    assert_eq!(
        error.place,
        Place::Pointer("/profile/imports/0/href".to_owned())
    );
    assert!(error.why.en.contains("a_profile.json → ") && error.why.ja.contains("循環"));
}

#[test]
fn missing_targets_are_refused_and_urls_use_the_catalog_folder() {
    let scratch = Scratch::new();
    let path = scratch.write(
        "p.json",
        &profile(
            json!([{"href": "nowhere/catalog.json", "include-all": {}}]),
            json!({}),
        ),
    );
    let error = resolve_file(&path, &options(None)).expect_err("missing");
    assert_eq!(error.kind, ErrorKind::Import);
    assert_eq!(
        error.place,
        Place::Pointer("/profile/imports/0/href".to_owned())
    );

    let local = Scratch::new();
    local.write("abc_catalog.json", &catalog());
    let url = "https://example.org/content/abc_catalog.json";
    let path = scratch.write(
        "u.json",
        &profile(json!([{"href": url, "include-all": {}}]), json!({})),
    );
    let error = resolve_file(&path, &options(None)).expect_err("remote without a folder");
    assert!(error.why.en.contains("--catalog-dir"), "{error}");
    let catalog = resolve_file(&path, &options(Some(&local.0)))
        .expect("found by name")
        .catalog;
    assert_eq!(ids(&catalog).len(), 7);
    // A relative path that does not exist is also looked up by name in the folder.
    let catalog = resolve_file(
        &scratch.write(
            "r.json",
            &profile(
                json!([{"href": "../x/abc_catalog.json", "include-all": {}}]),
                json!({}),
            ),
        ),
        &options(Some(&local.0)),
    )
    .expect("found by name")
    .catalog;
    assert_eq!(ids(&catalog).len(), 7);
}

#[test]
fn combining_two_imports_of_the_same_control() {
    let imports = json!([
        {"href": "abc_catalog.json", "include-controls": [{"with-ids": ["a-1", "a-2"]}]},
        {"href": "abc_catalog.json", "include-controls": [{"with-ids": ["a-2", "b-1"]}]}
    ]);
    let keep = resolve_with(imports.clone(), json!({})).expect("resolves");
    assert_eq!(ids(&keep.catalog), ["a-1", "a-2", "a-2", "b-1"]);
    // `req-merge-keep-warning`: the clash is kept, and told.
    let warnings: Vec<_> = keep
        .notes
        .iter()
        .map(|note| (note.pointer.as_str(), note.message.en.as_str()))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].0, "/profile/imports");
    assert!(
        warnings[0]
            .1
            .ends_with("clash in the resolved catalog: a-2"),
        "{warnings:?}"
    );
    let first = resolved(
        imports.clone(),
        json!({"merge": {"flat": {}, "combine": {"method": "use-first"}}}),
    );
    assert_eq!(ids(&first), ["a-1", "a-2", "b-1"]);
    let merged = resolved(
        imports,
        json!({"merge": {"flat": {}, "combine": {"method": "merge"}}}),
    );
    assert_eq!(ids(&merged), ["a-1", "a-2", "b-1"]);
}

#[test]
fn yaml_profiles_resolve_too() {
    let scratch = Scratch::new();
    scratch.write("abc_catalog.json", &catalog());
    let yaml = serde_norway::to_string(&profile(
        import(json!({"include-controls": [{"with-ids": ["b-2"]}]})),
        json!({}),
    ))
    .expect("yaml");
    let path = scratch.0.join("profile.yaml");
    std::fs::write(&path, yaml).expect("write");
    let catalog = resolve_file(&path, &options(None))
        .expect("resolves")
        .catalog;
    assert_eq!(ids(&catalog), ["b-2"]);
}

#[test]
fn custom_groups_find_enhancements_through_their_parents() {
    let rest = json!({"merge": {"custom": {"groups": [
        {"id": "g", "title": "With enhancements", "insert-controls": [
            {"include-controls": [{"with-ids": ["a-1"], "with-child-controls": "yes"}]}
        ]}
    ]}}});
    let resolved = resolve_with(import(json!({"include-all": {}})), rest).expect("resolves");
    let group = &resolved.catalog.groups.clone().expect("groups")[0];
    let inserted: Vec<_> = group
        .controls
        .iter()
        .flatten()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(inserted, ["a-1", "a-1.1", "a-1.2"]);
}

#[test]
fn a_profile_can_set_a_parameter_it_adds() {
    let rest = json!({"modify": {
        "set-parameters": [{"param-id": "b-1_prm_1", "values": ["weekly"]}],
        "alters": [{"control-id": "b-1", "adds": [{"params": [{"id": "b-1_prm_1", "label": "how often"}]}]}]
    }});
    let catalog = json_of(&resolved(
        import(json!({"include-controls": [{"with-ids": ["b-1"]}]})),
        rest,
    ));
    assert_eq!(find(&catalog, "b-1_prm_1")["values"], json!(["weekly"]));
}

/// The profile is typed on one thread and read as a value on another: whatever goes wrong, the
/// error is the one the profile deserves, at its place.
#[test]
fn a_profile_that_does_not_read_stops_with_the_reason_it_does_not() {
    let scratch = Scratch::new();
    scratch.write("abc_catalog.json", &catalog());
    let truncated = scratch.0.join("truncated.json");
    let whole =
        serde_json::to_string(&profile(import(json!({"include-all": {}})), as_is())).expect("json");
    std::fs::write(&truncated, whole.get(..whole.len() / 2).expect("half")).expect("write");
    let error = resolve_file(&truncated, &options(None)).expect_err("truncated");
    assert_eq!(error.kind, ErrorKind::Syntax);
    assert!(
        matches!(error.place, Place::LineColumn { .. }),
        "{:?}",
        error.place
    );

    let not_a_profile = scratch.write("a_catalog.json", &catalog());
    let error = resolve_file(&not_a_profile, &options(None)).expect_err("a catalog");
    assert_eq!(error.kind, ErrorKind::Unsupported);
    assert!(error.to_string().contains("not a profile"), "{error}");

    // A profile missing a required field does not type: validation says what is missing.
    let mut untyped = profile(import(json!({"include-all": {}})), as_is());
    untyped["profile"]
        .as_object_mut()
        .expect("profile")
        .remove("metadata");
    let untyped = scratch.write("untyped.json", &untyped);
    let error = resolve_file(&untyped, &options(None)).expect_err("no metadata");
    assert_eq!(error.kind, ErrorKind::Invalid);
    assert!(error.to_string().contains("metadata"), "{error}");
}
