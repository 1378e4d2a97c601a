//! Component definitions: NIST's examples validate with no false problem, parameters are checked
//! against the catalog each control implementation names as `source`, and responsible roles need
//! not be declared.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use shinrai_oscal::ErrorKind;
use shinrai_oscal::model::Catalog;
use shinrai_oscal::resolve::{Lookup, Options, SourceCatalog, component_sources};
use shinrai_oscal::source::{Limits, parse_value, read_source};
use shinrai_oscal::validate::{Context, Problem, code, validate_value};

use crate::support::{data_dir, show};

/// The JSON twins of NIST's component-definition examples (see the folder's README).
fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/nist-examples")
}

/// NIST's examples in XML, beside the shared JSON data.
fn xml_examples_dir() -> PathBuf {
    let dir = data_dir().join("../oscal-xml/examples");
    assert!(dir.is_dir(), "{} is missing", dir.display());
    dir
}

fn options(catalog_dir: Option<&Path>) -> Options {
    Options {
        lookup: Lookup {
            catalog_dir: catalog_dir.map(Path::to_owned),
            ..Lookup::default()
        },
        timestamp: "2026-11-22T00:00:00Z".to_owned(),
        tool: "test".to_owned(),
    }
}

fn codes(list: &[Problem]) -> Vec<(&str, &str)> {
    list.iter().map(|p| (p.pointer.as_str(), p.code)).collect()
}

/// The context with every source that loaded.
fn context_of(loaded: &[SourceCatalog]) -> Context<'_> {
    Context::new().with_sources(
        loaded
            .iter()
            .filter_map(|s| s.catalog.as_ref().ok().map(|c| (s.source.clone(), c))),
    )
}

/// The root element's `uuid` attribute of an XML document whose root is a component definition.
fn xml_component_definition_uuid(text: &str) -> Option<String> {
    let start = text.find("<component-definition")?;
    let tag = text.get(start..)?.split('>').next()?;
    let after = tag.split("uuid=\"").nth(1)?;
    Some(after.split('"').next()?.to_owned())
}

/// Every component definition among NIST's XML examples, as `(JSON twin, uuid)`.
fn nist_examples() -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(xml_examples_dir()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Some(uuid) = xml_component_definition_uuid(&text) {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            found.push((examples_dir().join(format!("{stem}.json")), uuid));
        }
    }
    found.sort();
    assert_eq!(
        found.len(),
        2,
        "NIST's examples hold two component definitions"
    );
    found
}

#[test]
fn every_xml_example_has_its_json_twin() {
    for (twin, uuid) in nist_examples() {
        assert!(twin.is_file(), "{} is missing", twin.display());
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&twin).unwrap()).unwrap();
        assert_eq!(
            value["component-definition"]["uuid"],
            json!(uuid),
            "{}",
            twin.display()
        );
    }
}

#[test]
fn nist_examples_validate_with_no_false_problem() {
    for (twin, _) in nist_examples() {
        let name = twin.display().to_string();
        let value = parse_value(&read_source(&twin, Limits::default()).unwrap()).unwrap();

        // Without the source catalogs: nothing to check the parameters against, and no error.
        let report = validate_value(&value, &Context::new());
        assert!(report.is_valid(), "{name}:\n{}", show(&report));
        assert!(
            report
                .notes
                .iter()
                .any(|note| note.code == code::SOURCE_NOT_CHECKED),
            "{name}:\n{}",
            show(&report)
        );

        // With every source that can be found in the shared data.
        let data = data_dir();
        let loaded = component_sources(&value, &name, &twin, &options(Some(&data)));
        let report = validate_value(&value, &context_of(&loaded));
        assert!(report.is_valid(), "{name}:\n{}", show(&report));
    }
}

#[test]
fn the_mongodb_example_is_checked_against_the_moderate_baseline() {
    let twin = examples_dir().join("example-component-definition.json");
    let mut value = parse_value(&read_source(&twin, Limits::default()).unwrap()).unwrap();
    let data = data_dir();
    let loaded = component_sources(&value, "mongodb.json", &twin, &options(Some(&data)));
    assert_eq!(loaded.len(), 1);
    let moderate = loaded[0].catalog.as_ref().unwrap();
    let context = context_of(&loaded);
    let report = validate_value(&value, &context);
    assert!(report.is_valid(), "{}", show(&report));
    // The one source was loaded: the parameters were checked, so no note says otherwise.
    assert!(
        !report
            .notes
            .iter()
            .any(|note| note.code == code::SOURCE_NOT_CHECKED),
        "{}",
        show(&report)
    );
    // `customer` is neither declared nor one of the model's roles: a note, twice.
    let roles: Vec<_> = codes(&report.notes)
        .into_iter()
        .filter(|(_, c)| *c == code::UNDECLARED_ROLE)
        .collect();
    assert_eq!(roles.len(), 2, "{}", show(&report));

    // A parameter the baseline lacks is an error, in a set-parameter and in an insert.
    assert!(!has_param(moderate, "sc-8_prm_9"));
    let requirement =
        "/component-definition/components/0/control-implementations/0/implemented-requirements/0";
    let value_at = value.pointer_mut(requirement).unwrap();
    value_at["set-parameters"][0]["param-id"] = json!("sc-8_prm_9");
    value_at["statements"][0]["description"] =
        json!("Protects the {{ insert: param, sc-8_prm_9 }}.");
    let report = validate_value(&value, &context);
    assert_eq!(
        codes(&report.problems),
        vec![
            (
                format!("{requirement}/set-parameters/0/param-id").as_str(),
                code::UNKNOWN_PARAM
            ),
            (
                format!("{requirement}/statements/0/description").as_str(),
                code::UNKNOWN_PARAM
            ),
        ],
        "{}",
        show(&report)
    );
    // Without the baseline the same document has no error, only the note.
    let report = validate_value(&value, &Context::new());
    assert!(report.is_valid(), "{}", show(&report));
}

fn has_param(catalog: &Catalog, id: &str) -> bool {
    let mut found = catalog.params.iter().flatten().any(|p| p.id == id);
    catalog.for_each_control(|control| {
        found |= control.params.iter().flatten().any(|p| p.id == id);
    });
    found
}

/// A folder in the temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("shinrai-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, value: &Value) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const UUID_1: &str = "11111111-1111-4111-8111-111111111111";
const UUID_2: &str = "22222222-2222-4222-8222-222222222222";
const UUID_3: &str = "33333333-3333-4333-8333-333333333333";
const UUID_4: &str = "44444444-4444-4444-8444-444444444444";
const UUID_5: &str = "55555555-5555-4555-8555-555555555555";

fn tiny_catalog() -> Value {
    json!({"catalog": {
        "uuid": UUID_1,
        "metadata": {"title": "Tiny", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2"},
        "controls": [{"id": "x-1", "title": "One", "params": [{"id": "x-1_prm_1", "label": "what"}]}]
    }})
}

/// A component definition with one implementation whose `source` is `source`.
fn component_definition(source: &str, roles: &[&str]) -> Value {
    let responsible: Vec<Value> = roles.iter().map(|r| json!({"role-id": r})).collect();
    let mut document = json!({"component-definition": {
        "uuid": UUID_2,
        "metadata": {
            "title": "Tiny components", "last-modified": "2024-01-01T00:00:00Z", "version": "1",
            "oscal-version": "1.1.2",
            "roles": [{"id": "owner", "title": "Owner"}],
            "responsible-parties": [{"role-id": "owner", "party-uuids": [UUID_4]}],
            "parties": [{"uuid": UUID_4, "type": "organization", "name": "Vendor"}]
        },
        "components": [{
            "uuid": UUID_3, "type": "software", "title": "Thing", "description": "A thing.",
            "responsible-roles": responsible,
            "control-implementations": [{
                "uuid": UUID_1, "source": source, "description": "How.",
                "set-parameters": [{"param-id": "x-1_prm_1", "values": ["daily"]}],
                "implemented-requirements": [{
                    "uuid": UUID_5, "control-id": "x-1",
                    "description": "Runs {{ insert: param, x-1_prm_1 }}."
                }]
            }]
        }]
    }});
    if roles.is_empty() {
        // The schema wants at least one, or none at all.
        let component = &mut document["component-definition"]["components"][0];
        component
            .as_object_mut()
            .unwrap()
            .remove("responsible-roles");
    }
    document
}

#[test]
fn a_local_source_is_found_beside_the_file_and_its_parameters_checked() {
    let scratch = Scratch::new("component-source");
    scratch.write("tiny-catalog.json", &tiny_catalog());
    let document = component_definition("tiny-catalog.json", &["provider"]);
    let path = scratch.write("components.json", &document);
    let loaded = component_sources(&document, "components.json", &path, &options(None));
    assert_eq!(loaded.len(), 1);
    assert!(loaded[0].catalog.is_ok(), "{:?}", loaded[0].catalog);
    let report = validate_value(&document, &context_of(&loaded));
    assert!(report.is_valid(), "{}", show(&report));
    assert!(report.notes.is_empty(), "{}", show(&report));

    let mut wrong = document.clone();
    wrong["component-definition"]["components"][0]["control-implementations"][0]["set-parameters"]
        [0]["param-id"] = json!("x-1_prm_2");
    let report = validate_value(&wrong, &context_of(&loaded));
    assert_eq!(
        codes(&report.problems),
        vec![(
            "/component-definition/components/0/control-implementations/0/set-parameters/0/param-id",
            code::UNKNOWN_PARAM
        )]
    );
}

#[test]
fn a_source_that_cannot_be_loaded_is_a_note_not_an_error() {
    let scratch = Scratch::new("component-missing-source");
    let remote = "https://example.org/catalogs/missing-catalog.json";
    let document = component_definition(remote, &[]);
    let path = scratch.write("components.json", &document);
    let loaded = component_sources(&document, "components.json", &path, &options(None));
    assert_eq!(loaded.len(), 1);
    let error = loaded[0].catalog.as_ref().unwrap_err();
    assert_eq!(error.kind, ErrorKind::Import);
    assert_eq!(
        error.place,
        shinrai_oscal::Place::Pointer(
            "/component-definition/components/0/control-implementations/0/source".to_owned()
        )
    );
    let report = validate_value(&document, &context_of(&loaded));
    assert!(report.is_valid(), "{}", show(&report));
    assert_eq!(
        codes(&report.notes),
        vec![(
            "/component-definition/components/0/control-implementations/0/source",
            code::SOURCE_NOT_CHECKED
        )]
    );
}

#[test]
fn responsible_roles_need_not_be_declared_but_responsible_parties_do() {
    let roles = ["provider", "maintainer", "asset-owner", "owner", "customer"];
    let mut document = component_definition("tiny-catalog.json", &roles);
    let report = validate_value(&document, &Context::new());
    assert!(report.is_valid(), "{}", show(&report));
    let role_notes: Vec<_> = codes(&report.notes)
        .into_iter()
        .filter(|(_, c)| *c != code::SOURCE_NOT_CHECKED)
        .collect();
    assert_eq!(
        role_notes,
        vec![(
            "/component-definition/components/0/responsible-roles/4/role-id",
            code::UNDECLARED_ROLE
        )]
    );

    // Metadata's responsible parties must name a declared role, model roles included.
    document["component-definition"]["metadata"]["responsible-parties"][0]["role-id"] =
        json!("provider");
    let report = validate_value(&document, &Context::new());
    assert_eq!(
        codes(&report.problems),
        vec![(
            "/component-definition/metadata/responsible-parties/0/role-id",
            code::UNKNOWN_ROLE
        )]
    );
}
