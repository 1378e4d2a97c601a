//! The modify phase on a one-control catalog: what removals match, and which tailoring
//! instructions are skipped with a warning instead of stopping resolution.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};
use shinrai_oscal::resolve::{Lookup, Options, Resolved, resolve_file};
use shinrai_oscal::{ErrorKind, OscalError, Place};

const OSCAL_NS: &str = "http://csrc.nist.gov/ns/oscal";
const OTHER_NS: &str = "https://example.org/ns";

/// A catalog and a profile written to a folder of their own, removed afterwards.
pub struct Case {
    dir: PathBuf,
}

impl Case {
    /// The one-control catalog, and a profile importing all of it, flat, with `profile_body`'s
    /// members added or replaced.
    pub fn new(profile_body: Value) -> Case {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "shinrai-modify-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("case dir");
        let case = Case { dir };
        case.write("catalog.json", &catalog());
        case.write("profile.json", &profile(profile_body));
        case
    }

    pub fn write(&self, name: &str, value: &Value) {
        let text = serde_json::to_string_pretty(value).expect("json");
        std::fs::write(self.dir.join(name), text).expect("write");
    }

    pub fn resolve(&self) -> Result<Resolved, OscalError> {
        let options = Options {
            lookup: Lookup::default(),
            timestamp: "2026-11-22T00:00:00Z".to_owned(),
            tool: "test".to_owned(),
        };
        resolve_file(&self.dir.join("profile.json"), &options)
    }
}

impl Drop for Case {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn metadata(title: &str) -> Value {
    json!({"title": title, "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"})
}

/// One control, whose properties and parts sit in OSCAL's namespace by default, explicitly, or
/// in another namespace.
fn catalog() -> Value {
    json!({"catalog": {
        "uuid": "00000000-0000-4000-8000-0000000000c1",
        "metadata": metadata("Namespaces"),
        "controls": [{
            "id": "c-1", "title": "One",
            "params": [{"id": "c-1_prm_1", "label": "how often"}],
            "props": [
                {"name": "extra", "value": "implicit"},
                {"name": "extra", "value": "explicit", "ns": OSCAL_NS},
                {"name": "extra", "value": "elsewhere", "ns": OTHER_NS}
            ],
            "parts": [
                {"id": "c-1_smt", "name": "statement", "prose": "Do it {{ insert: param, c-1_prm_1 }}."},
                {"id": "c-1_obj", "name": "objective", "ns": OTHER_NS, "prose": "Check it."}
            ]
        }]
    }})
}

fn profile(rest: Value) -> Value {
    let mut body = json!({
        "uuid": "00000000-0000-4000-8000-0000000000c2",
        "metadata": metadata("Tailoring"),
        "imports": [{"href": "catalog.json", "include-all": {}}],
        "merge": {"flat": {}}
    });
    if let (Some(body), Some(rest)) = (body.as_object_mut(), rest.as_object()) {
        body.extend(rest.clone());
    }
    json!({"profile": body})
}

fn alter(change: Value) -> Value {
    let mut alter = json!({"control-id": "c-1"});
    if let (Some(alter), Some(change)) = (alter.as_object_mut(), change.as_object()) {
        alter.extend(change.clone());
    }
    json!({"modify": {"alters": [alter]}})
}

/// The resolved control `c-1`, as JSON.
pub fn control(resolved: &Resolved) -> Value {
    let catalog = serde_json::to_value(&resolved.catalog).expect("json");
    catalog["controls"][0].clone()
}

fn values(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item.get("value").or_else(|| item.get("id")))
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

fn resolved(rest: Value) -> Resolved {
    Case::new(rest)
        .resolve()
        .unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn by_ns_oscal_removes_properties_without_a_namespace_too() {
    let resolved = resolved(alter(
        json!({"removes": [{"by-name": "extra", "by-ns": OSCAL_NS}]}),
    ));
    assert_eq!(values(&control(&resolved)["props"]), ["elsewhere"]);
}

#[test]
fn by_ns_of_another_namespace_leaves_properties_and_parts_without_one() {
    let resolved = resolved(alter(json!({"removes": [{"by-ns": OTHER_NS}]})));
    let control = control(&resolved);
    assert_eq!(values(&control["props"]), ["implicit", "explicit"]);
    assert_eq!(values(&control["parts"]), ["c-1_smt"]);
}

#[test]
fn by_ns_oscal_reaches_parts_without_a_namespace_but_not_parameters() {
    let parts = resolved(alter(
        json!({"removes": [{"by-item-name": "part", "by-ns": OSCAL_NS}]}),
    ));
    assert_eq!(values(&control(&parts)["parts"]), ["c-1_obj"]);
    // Parameters carry no namespace at all: a namespace criterion never matches them.
    let params = resolved(alter(
        json!({"removes": [{"by-item-name": "param", "by-ns": OSCAL_NS}]}),
    ));
    assert_eq!(values(&control(&params)["params"]), ["c-1_prm_1"]);
}

/// `(pointer, English message)` of every note.
fn notes(resolved: &Resolved) -> Vec<(String, String)> {
    resolved
        .notes
        .iter()
        .map(|note| (note.pointer.clone(), note.message.en.clone()))
        .collect()
}

#[test]
fn a_setting_for_an_unknown_parameter_is_skipped_with_a_warning() {
    let resolved = resolved(json!({"modify": {"set-parameters": [
        {"param-id": "zz-9_prm_1", "values": ["never"]},
        {"param-id": "c-1_prm_1", "values": ["monthly"]}
    ]}}));
    assert_eq!(
        control(&resolved)["params"][0]["values"],
        json!(["monthly"])
    );
    let notes = notes(&resolved);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "/profile/modify/set-parameters/0/param-id");
    assert!(
        notes[0].1.contains("zz-9_prm_1") && notes[0].1.contains("skipped"),
        "{notes:?}"
    );
    assert!(!resolved.notes[0].message.ja.is_empty());
}

#[test]
fn an_input_of_another_major_oscal_version_stops_resolution() {
    let case = Case::new(json!({}));
    let mut other = catalog();
    other["catalog"]["metadata"]["oscal-version"] = json!("2.0.0");
    case.write("catalog.json", &other);
    let error = case.resolve().unwrap_err();
    assert_eq!(error.kind, ErrorKind::Unsupported, "{error}");
    assert_eq!(
        error.place,
        Place::Pointer("/profile/imports/0".to_owned()),
        "{error}"
    );
    assert!(error.why.en.contains("OSCAL 2.0.0"), "{error}");
}

#[test]
fn roles_and_parties_marked_keep_always_are_copied_into_the_metadata() {
    let case = Case::new(json!({}));
    let mut marked = catalog();
    let keep = json!([{"name": "keep", "value": "always"}]);
    marked["catalog"]["metadata"]["roles"] = json!([
        {"id": "kept-role", "title": "Kept", "props": keep},
        {"id": "other-role", "title": "Not kept"}
    ]);
    marked["catalog"]["metadata"]["parties"] = json!([
        {"uuid": "00000000-0000-4000-8000-0000000000a1", "type": "organization", "name": "Kept", "props": keep},
        {"uuid": "00000000-0000-4000-8000-0000000000a2", "type": "organization", "name": "Not kept"}
    ]);
    case.write("catalog.json", &marked);
    let resolved = case.resolve().unwrap();
    let metadata = &resolved.catalog.metadata;
    let roles: Vec<&str> = metadata
        .roles
        .iter()
        .flatten()
        .map(|role| role.id.as_str())
        .collect();
    assert_eq!(roles, ["kept-role"]);
    let parties: Vec<&str> = metadata
        .parties
        .iter()
        .flatten()
        .map(|party| party.uuid.as_str())
        .collect();
    assert_eq!(parties, ["00000000-0000-4000-8000-0000000000a1"]);
}

#[test]
fn a_note_names_the_profile_it_is_about_imported_or_not() {
    let case = Case::new(json!({"modify": {"set-parameters": [
        {"param-id": "zz-9_prm_1", "values": ["never"]}
    ]}}));
    case.write(
        "outer.json",
        &json!({"profile": {
            "uuid": "00000000-0000-4000-8000-0000000000ee",
            "metadata": metadata("Outer profile"),
            "imports": [{"href": "profile.json", "include-all": {}}],
            "merge": {"flat": {}},
            "modify": {"set-parameters": [{"param-id": "zz-8_prm_1", "values": ["x"]}]}
        }}),
    );
    let options = Options {
        lookup: Lookup::default(),
        timestamp: "2026-11-22T00:00:00Z".to_owned(),
        tool: "test".to_owned(),
    };
    let resolved = resolve_file(&case.dir.join("outer.json"), &options).unwrap();
    let by_file: Vec<(String, String)> = resolved
        .notes
        .iter()
        .map(|note| {
            let file = std::path::Path::new(&note.file)
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            (file, note.message.en.clone())
        })
        .collect();
    assert_eq!(by_file.len(), 2, "{by_file:?}");
    assert!(
        by_file
            .iter()
            .any(|(file, message)| file == "profile.json" && message.contains("zz-9_prm_1")),
        "{by_file:?}"
    );
    assert!(
        by_file
            .iter()
            .any(|(file, message)| file == "outer.json" && message.contains("zz-8_prm_1")),
        "{by_file:?}"
    );
}

#[test]
fn an_addition_aimed_at_an_unknown_id_is_ignored_with_a_warning() {
    let resolved = resolved(alter(json!({"adds": [
        {"position": "after", "by-id": "c-1_nothing", "parts": [{"id": "lost", "name": "item"}]},
        {"position": "ending", "by-id": "c-1_smt", "props": [{"name": "added", "value": "kept"}]}
    ]})));
    let control = control(&resolved);
    assert!(!control.to_string().contains("\"lost\""), "{control}");
    assert_eq!(values(&control["parts"][0]["props"]), ["kept"]);
    let notes = notes(&resolved);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "/profile/modify/alters/0/adds/0/by-id");
    assert!(
        notes[0].1.contains("c-1_nothing") && notes[0].1.contains("ignored"),
        "{notes:?}"
    );
}

#[test]
fn an_addition_bound_to_the_control_itself_is_ignored_with_a_warning() {
    // `by-id` names an object inside the control, "and not the control itself"
    // (`req-modify-alter-add-explicit-id`); otherwise the add is inoperative and ignored
    // (`req-modify-alter-add-explicit-id-ignore`). Without `by-id`, the same add applies.
    let resolved = resolved(alter(json!({"adds": [
        {"position": "starting", "by-id": "c-1", "props": [{"name": "marked", "value": "never"}]},
        {"position": "starting", "props": [{"name": "marked", "value": "implicitly"}]}
    ]})));
    let control = control(&resolved);
    assert_eq!(
        values(&control["props"]),
        ["implicitly", "implicit", "explicit", "elsewhere"]
    );
    let notes = notes(&resolved);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "/profile/modify/alters/0/adds/0/by-id");
    assert!(
        notes[0].1.contains("names control c-1 itself") && notes[0].1.contains("ignored"),
        "{notes:?}"
    );
}

fn assert_conflicting_structure(error: &OscalError, file: &str) {
    assert_eq!(error.kind, ErrorKind::ConflictingStructure, "{error}");
    assert_eq!(error.place, Place::Pointer("/profile/merge".to_owned()));
    assert!(error.file.ends_with(file), "{error}");
    assert!(
        error.why.en.contains("more than one structuring directive") && !error.why.ja.is_empty(),
        "{error}"
    );
}

#[test]
fn a_merge_both_flat_and_as_is_is_refused_naming_the_file_and_place() {
    let case = Case::new(json!({"merge": {"flat": {}, "as-is": true}}));
    let error = case.resolve().expect_err("two structuring directives");
    assert_conflicting_structure(&error, "profile.json");
    assert!(error.why.en.contains("(flat, as-is)"), "{error}");
    // A directive appears whatever its value.
    let case = Case::new(json!({"merge": {"custom": {}, "as-is": false}}));
    let error = case.resolve().expect_err("as-is appears");
    assert_conflicting_structure(&error, "profile.json");
    assert!(error.why.en.contains("(as-is, custom)"), "{error}");
}

#[test]
fn an_imported_profile_with_two_structuring_directives_is_refused_too() {
    let case = Case::new(json!({"imports": [{"href": "inner_profile.json", "include-all": {}}]}));
    let mut inner = profile(json!({"merge": {"flat": {}, "as-is": true}}));
    inner["profile"]["uuid"] = json!("00000000-0000-4000-8000-0000000000c3");
    case.write("inner_profile.json", &inner);
    let error = case
        .resolve()
        .expect_err("two structuring directives inside");
    assert_conflicting_structure(&error, "inner_profile.json");
}
