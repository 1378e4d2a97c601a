//! Versions exported to OSCAL and imported back equal: NIST, Japanese texts, awkward values, the
//! demo criteria.

use super::*;

#[test]
fn a_version_with_japanese_texts_survives_export_and_import() {
    let version = demo();
    let dir = round_trip(&version);
    let catalog = std::fs::read_to_string(dir.path().join(CATALOG_FILE)).unwrap();
    for expected in [
        "\"id\": \"part-governance\"",
        "\"id\": \"g-5.1.1\"",
        "\"id\": \"c-5.1.1.1\"",
        "\"value\": \"5.1.1.1\"",
        "\"name\": \"statement-ja\"",
        "\"name\": \"technology-example\"",
        "\"name\": \"example-id\"",
        "\"value\": \"tls1.3\"",
        "\"name\": \"name-ja\"",
        "\"value\": \"5.1.1.1 の例\"",
        "\"prose\": \"Examples for 5.1.1.1\"",
        "\"name\": \"criteria-format\",\n          \"ns\": \"https://shinrai.dev/ns/oscal\",\n          \"value\": \"2\"",
        "\"ns\": \"https://shinrai.dev/ns/oscal\"",
        "\"value\": \"NIST:AC-2(1)\"",
        "\"last-modified\": \"2026-04-01T00:00:00Z\"",
        "\"version\": \"demo-2026\"",
    ] {
        assert!(catalog.contains(expected), "{expected} in {catalog}");
    }
    assert!(!catalog.contains("\"position\""));
    let level1 = std::fs::read_to_string(dir.path().join(profile_file(Level::LOW))).unwrap();
    assert!(level1.contains("\"href\": \"catalog.json\""));
    assert!(level1.contains("\"c-5.1.1.1\"") && !level1.contains("\"c-5.1.1.2\""));
    let level3 = std::fs::read_to_string(dir.path().join(profile_file(Level::HIGH))).unwrap();
    assert!(level3.contains("\"c-5.1.1.2\""));

    // The same version always gives the same files.
    let again = tempfile::tempdir().unwrap();
    export_to_dir(&version, again.path()).unwrap();
    for name in [CATALOG_FILE.to_owned(), profile_file(Level::MIDDLE)] {
        assert_eq!(
            std::fs::read(dir.path().join(&name)).unwrap(),
            std::fs::read(again.path().join(&name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn awkward_versions_survive_too() {
    // Texts OSCAL's one-line and string types refuse, ids that are not tokens, groups out of
    // part order, controls out of group order, a control whose objective names no group, a
    // level with no control, repeated ids.
    let mut version = demo();
    version.version = "odd".into();
    version.status = Status::Draft;
    version.published_on = None;
    version.title = Bilingual::new("", " two\nlines ");
    version.groups.swap(0, 3);
    version.groups[1].title = Bilingual::new("\"引用\"", "");
    version.groups[2].id = "5 1/2".into();
    version.groups[2].text = Bilingual::new("", "");
    version.controls.swap(0, 5);
    version.controls[1].id = "日本語 id".into();
    version.controls[1].references = vec![
        Reference {
            standard: "A:B".into(),
            clause: " padded ".into(),
            relation: Relation::Equal,
        },
        Reference {
            standard: "".into(),
            clause: "".into(),
            relation: Relation::Subset,
        },
        Reference {
            standard: "[x".into(),
            clause: "y".into(),
            relation: Relation::Intersect,
        },
    ];
    version.controls[2].objective = "nowhere".into();
    version.controls[3].service_models = vec![ServiceModel::SaaS, ServiceModel::SaaS];
    version.controls[4].id = "5.1.1.1".into(); // a repeat of controls[3]'s id
    version.controls[4].technology_examples = vec![
        TechnologyExample::new("only-ja", "例のみ", ""),
        TechnologyExample::new("odd", "\"引用\"", " padded\nlines "),
    ];
    for control in &mut version.controls {
        if control.min_level == Level::LOW {
            control.min_level = Level::MIDDLE;
        }
    }
    let exported = export_catalog(&version);
    assert!(exported.profiles[0].imports[0].include_all.is_some());
    let dir = round_trip(&version);
    let catalog = std::fs::read_to_string(dir.path().join(CATALOG_FILE)).unwrap();
    assert!(catalog.contains("\"position\""));
    assert!(catalog.contains("\"id\": \"c-5.1.1.1-2\""));

    // An empty version.
    let empty = CriteriaVersion {
        version: "empty".into(),
        title: Bilingual::new("空", "Empty"),
        status: Status::Draft,
        published_on: None,
        transition_on: None,
        groups: Vec::new(),
        controls: Vec::new(),
        risks: Vec::new(),
    };
    round_trip(&empty);
}

#[test]
fn the_demo_criteria_survive_export_and_import_and_stay_valid() {
    let mut demo = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    demo.status = Status::Draft;
    demo.published_on = None;
    round_trip(&demo);
}
