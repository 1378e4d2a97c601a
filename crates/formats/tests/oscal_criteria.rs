//! Criteria in and out of OSCAL, against NIST SP 800-53 rev. 5 and its baselines.

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Reference, Relation, Status, TechnologyExample,
};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_formats::oscal_criteria::{
    CATALOG_FILE, CriteriaOscalError, Imported, export_catalog, export_to_dir, import_catalog,
    profile_file,
};
use shinrai_oscal::model::{Document, Model};
use shinrai_oscal::resolve::{Lookup, Options, imported_catalogs};
use shinrai_oscal::source::{Limits, parse_document, parse_value, read_source};
use shinrai_oscal::validate::{Context, validate_value};
use shinrai_oscal::{ErrorKind, ModelKind, Place};

/// The folder of public OSCAL files, found as the oscal crate's tests find it:
/// `$SHINRAI_OSCAL_DATA`, else `../shared/data/oscal` beside the repository, else
/// `/work/shared/data/oscal`. A missing folder fails the test.
fn data_dir() -> PathBuf {
    let candidates = [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("NIST_SP-800-53_rev5_catalog.json").is_file())
        .expect("OSCAL test data: set SHINRAI_OSCAL_DATA to the folder of shared OSCAL files")
}

fn data(name: &str) -> PathBuf {
    data_dir().join(name)
}

fn nist_catalog() -> PathBuf {
    data("NIST_SP-800-53_rev5_catalog.json")
}

fn nist_profiles() -> Vec<PathBuf> {
    ["LOW", "MODERATE", "HIGH"]
        .iter()
        .map(|level| {
            data(&format!(
                "NIST_SP-800-53_rev5_{level}-baseline_profile.json"
            ))
        })
        .collect()
}

/// NIST with its three baselines, read once for all tests.
fn nist() -> &'static Imported {
    static NIST: OnceLock<Imported> = OnceLock::new();
    NIST.get_or_init(|| {
        import_catalog(&nist_catalog(), &nist_profiles(), "nist-800-53r5")
            .unwrap_or_else(|e| panic!("{}", e.message().en))
    })
}

fn has_note(imported: &Imported, text: &str) -> bool {
    imported.notes.iter().any(|note| note.en.contains(text))
}

#[test]
fn nist_baselines_give_the_published_counts_per_level() {
    let imported = nist();
    let version = &imported.version;
    let counts = version.counts();
    assert_eq!(counts.by_level, [149, 287, 370]);
    assert_eq!(counts.controls, 370);
    assert_eq!(counts.governance + counts.management, 0);
    assert_eq!(version.version, "nist-800-53r5");
    assert_eq!(version.status, Status::Draft);
    assert_eq!(version.published_on, None);
    assert!(version.title.en.contains("800-53"), "{}", version.title.en);
    assert_eq!(version.title.ja, version.title.en);

    // 1,196 controls, 182 withdrawn, 370 in HIGH: 644 are in no baseline.
    assert!(
        has_note(imported, "182 withdrawn controls were left out"),
        "{:?}",
        imported.notes
    );
    assert!(
        has_note(imported, "644 catalog controls are in no level profile"),
        "{:?}",
        imported.notes
    );
    assert!(has_note(imported, "Japanese texts taken from English"));
    // PM and PT are in no security baseline: their families go.
    assert!(
        has_note(imported, "left out: pm, pt"),
        "{:?}",
        imported.notes
    );
    assert_eq!(counts.objectives, 18);

    let family = version.group("ac").expect("family ac");
    assert_eq!(family.part, Part::Control);
    assert_eq!(
        family.title,
        Bilingual::new("Access Control", "Access Control")
    );
    assert_eq!(version.groups[0].id, "ac", "families in document order");

    let ac2 = version.control("ac-2").expect("ac-2");
    assert_eq!(ac2.min_level, Level::LOW);
    assert_eq!(ac2.objective, "ac");
    assert_eq!(ac2.part, Part::Control);
    assert!(ac2.mandatory);
    assert_eq!(ac2.actor, Actor::Provider);
    assert_eq!(ac2.service_models, ServiceModel::ALL.to_vec());
    assert!(!ac2.integrity && !ac2.availability);
    assert_eq!(
        ac2.references,
        vec![Reference {
            standard: "NIST".into(),
            clause: "AC-2".into(),
            relation: Relation::Equal,
        }]
    );
    let text = &ac2.text.en;
    assert!(
        text.starts_with(
            "Account Management:\na. Define and document the types of accounts allowed"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\nc. Require [Assignment: prerequisites and criteria] for group and role membership;"
        ),
        "{text}"
    );
    assert!(
        text.contains("\nd. Specify:\n  1. Authorized users of the system;"),
        "{text}"
    );
    assert!(!text.contains("{{"), "{text}");
    assert_eq!(ac2.text.ja, ac2.text.en);
    // The guidance, a paragraph an example, numbered.
    let guidance = &ac2.technology_examples[0];
    assert_eq!(guidance.id, "ex1");
    assert!(
        guidance
            .name
            .en
            .starts_with("Examples of system account types include")
    );
    assert_eq!(guidance.name.ja, guidance.name.en);
    assert!(ac2.technology_examples.len() > 1);
    // Controls in document order, enhancements right after their control.
    let ids: Vec<&str> = version.controls.iter().map(|c| c.id.as_str()).collect();
    let at = ids.iter().position(|id| *id == "ac-2").unwrap();
    assert_eq!(&ids[at..at + 3], ["ac-2", "ac-2.1", "ac-2.2"]);
    assert_eq!(ids[0], "ac-1");

    // Only in HIGH; a selection with an assignment inside it.
    let ac44 = version.control("ac-4.4").expect("ac-4.4");
    assert_eq!(ac44.min_level, Level::HIGH);
    assert_eq!(ac44.references[0].clause, "AC-4(4)");
    assert!(
        ac44.text.en.contains("[Selection (one or more): decrypting the information; blocking the flow of the encrypted information; terminating communications sessions attempting to pass encrypted information; [Assignment: "),
        "{}",
        ac44.text.en
    );
    assert_eq!(version.control("ac-2.11").unwrap().min_level, Level::HIGH);
    assert_eq!(version.control("ac-4").unwrap().min_level, Level::MIDDLE);
    assert_eq!(
        version.control("ac-2.1").unwrap().references[0].clause,
        "AC-2(1)"
    );

    // Withdrawn controls never come in; nor do controls in no baseline.
    assert!(version.control("ac-2.10").is_none(), "withdrawn");
    assert!(version.control("ac-13").is_none(), "withdrawn");
    assert!(version.control("pm-1").is_none(), "in no baseline");

    // The integrity and availability rule.
    assert!(version.control("si-2").unwrap().integrity);
    assert!(version.control("cp-9").unwrap().availability);
    assert!(version.control("sc-5").unwrap().availability);
    assert!(!version.control("sc-7").unwrap().availability);
    assert!(!version.control("cp-9").unwrap().integrity);
}

#[test]
fn nist_catalog_alone_puts_every_live_control_at_level_1() {
    let imported = import_catalog(&nist_catalog(), &[], "nist").unwrap();
    let counts = imported.version.counts();
    assert_eq!(counts.controls, 1196 - 182);
    assert_eq!(counts.by_level, [1014; 3]);
    assert_eq!(counts.objectives, 20);
    assert!(has_note(
        &imported,
        "no level profiles: every control is at level 1"
    ));
    assert!(imported.version.control("ac-2.10").is_none());
}

/// Validates the four exported files as `shinrai oscal validate` does: schema and semantic
/// checks, the profiles against the catalog they import.
fn assert_valid(dir: &Path) {
    let mut names = vec![CATALOG_FILE.to_owned()];
    names.extend(Level::ALL.map(profile_file));
    for name in names {
        let path = dir.join(&name);
        let source = read_source(&path, Limits::default()).unwrap();
        let value = parse_value(&source).unwrap();
        let document = parse_document(&source).unwrap();
        let catalogs = match &document {
            Document {
                model: Model::Profile(profile),
                ..
            } => {
                let options = Options {
                    lookup: Lookup::default(),
                    timestamp: String::new(),
                    tool: String::new(),
                };
                imported_catalogs(profile, &source.name, &path, &options)
                    .into_iter()
                    .map(|loaded| Some(loaded.unwrap_or_else(|e| panic!("{name}: {e}"))))
                    .collect()
            }
            _ => Vec::new(),
        };
        let expected = if name == CATALOG_FILE {
            ModelKind::Catalog
        } else {
            ModelKind::Profile
        };
        assert_eq!(document.kind(), expected, "{name}");
        let context = Context::with_imports(catalogs.iter().map(Option::as_ref).collect());
        let report = validate_value(&value, &context);
        let problems: Vec<String> = report
            .problems
            .iter()
            .take(10)
            .map(|p| p.describe(shinrai_domain::text::Lang::En))
            .collect();
        assert!(report.is_valid(), "{name}: {problems:#?}");
        assert!(report.notes.is_empty(), "{name}: {:#?}", report.notes);
    }
}

/// Exports, validates, and imports back with the profiles and without them.
fn round_trip(version: &CriteriaVersion) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let written = export_to_dir(version, dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.len(), 4);
    assert_valid(dir.path());
    let catalog = dir.path().join(CATALOG_FILE);
    let profiles: Vec<PathBuf> = Level::ALL
        .iter()
        .map(|&level| dir.path().join(profile_file(level)))
        .collect();
    let with_profiles = import_catalog(&catalog, &profiles, &version.version)
        .unwrap_or_else(|e| panic!("{}", e.message().en));
    assert_versions_equal(&with_profiles.version, version);
    assert!(with_profiles.notes.is_empty(), "{:?}", with_profiles.notes);
    let alone = import_catalog(&catalog, &[], &version.version)
        .unwrap_or_else(|e| panic!("{}", e.message().en));
    assert_versions_equal(&alone.version, version);
    assert!(alone.notes.is_empty(), "{:?}", alone.notes);
    dir
}

/// Equality with a readable first difference.
fn assert_versions_equal(got: &CriteriaVersion, want: &CriteriaVersion) {
    let draft = CriteriaVersion {
        status: Status::Draft,
        published_on: None,
        ..want.clone()
    };
    if *got == draft {
        return;
    }
    assert_eq!(got.title, draft.title);
    assert_eq!(got.groups.len(), draft.groups.len(), "group count");
    for (a, b) in got.groups.iter().zip(&draft.groups) {
        assert_eq!(a, b);
    }
    assert_eq!(got.controls.len(), draft.controls.len(), "control count");
    for (a, b) in got.controls.iter().zip(&draft.controls) {
        assert_eq!(a, b);
    }
    assert_eq!(*got, draft);
}

#[test]
fn nist_import_survives_export_and_import() {
    let dir = round_trip(&nist().version);
    // The exported profiles select exactly the baselines' controls.
    let catalog = std::fs::read_to_string(dir.path().join(CATALOG_FILE)).unwrap();
    assert!(catalog.contains("\"id\": \"c-ac-2.1\""));
    assert!(
        !catalog.contains("\"position\""),
        "NIST comes in nested order"
    );
}

fn control(id: &str, objective: &str, part: Part, level: Level) -> Control {
    Control {
        id: id.into(),
        part,
        objective: objective.into(),
        text: Bilingual::new(
            format!("管理策 {id} を実施する。"),
            format!("Carry out control {id}."),
        ),
        mandatory: true,
        actor: Actor::Provider,
        min_level: level,
        integrity: false,
        availability: false,
        service_models: vec![ServiceModel::SaaS],
        technology_examples: vec![
            TechnologyExample::new("ex-a", format!("{id} の例"), format!("Examples for {id}")),
            TechnologyExample::new("tls1.3", "TLS 1.3", "TLS 1.3"),
        ],
        references: vec![Reference {
            standard: "ISO27002".into(),
            clause: "5.1".into(),
            relation: Relation::Subset,
        }],
    }
}

fn group(id: &str, part: Part, ja: &str, en: &str) -> Group {
    Group {
        id: id.into(),
        part,
        title: Bilingual::new(ja, en),
        text: Bilingual::new(format!("{ja}を目的とする。"), format!("The aim is {en}.")),
    }
}

/// A small version in shinrai's own shape: numeric ids, all three parts, Japanese everywhere.
fn demo() -> CriteriaVersion {
    let mut controls = vec![
        control("1.1", "1", Part::Governance, Level::LOW),
        control("1.2", "1", Part::Governance, Level::MIDDLE),
        control("2.1", "2", Part::Management, Level::LOW),
        control("5.1.1.1", "5.1.1", Part::Control, Level::LOW),
        control("5.1.1.2", "5.1.1", Part::Control, Level::HIGH),
        control("5.1.2.1", "5.1.2", Part::Control, Level::MIDDLE),
    ];
    controls[1].actor = Actor::Both;
    controls[1].mandatory = false;
    controls[2].actor = Actor::Customer;
    controls[3].integrity = true;
    controls[3].availability = true;
    controls[3].service_models = vec![ServiceModel::IaaS, ServiceModel::PaaS, ServiceModel::SaaS];
    controls[3].references = vec![
        Reference {
            standard: "NIST".into(),
            clause: "AC-2(1)".into(),
            relation: Relation::Equal,
        },
        Reference {
            standard: "ISO27017".into(),
            clause: "CLD.9.5.1".into(),
            relation: Relation::Intersect,
        },
    ];
    controls[4].service_models = Vec::new();
    controls[4].references = Vec::new();
    controls[4].text = Bilingual::new(
        "次を行う。\na) 記録する\nb) 見直す",
        "Do the following:\na) record\nb) review",
    );
    controls[5].technology_examples = Vec::new();
    controls[5].references[0].relation = Relation::Superset;
    CriteriaVersion {
        version: "demo-2026".into(),
        title: Bilingual::new("クラウド管理基準 2026", "Cloud criteria 2026"),
        status: Status::Published,
        published_on: CalendarDate::new(2026, 4, 1),
        groups: vec![
            group("1", Part::Governance, "方向付け", "Direction"),
            group("2", Part::Management, "運用", "Operation"),
            group("5.1.1", Part::Control, "方針", "Policies"),
            group("5.1.2", Part::Control, "見直し", "Review"),
        ],
        controls,
    }
}

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
        groups: Vec::new(),
        controls: Vec::new(),
    };
    round_trip(&empty);
}

#[test]
fn a_profile_importing_another_catalog_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    export_to_dir(&demo(), dir.path()).unwrap();
    let profile = dir.path().join(profile_file(Level::LOW));
    let error = import_catalog(&nist_catalog(), std::slice::from_ref(&profile), "x").unwrap_err();
    match &error {
        CriteriaOscalError::ForeignImport {
            profile: file,
            pointer,
            href,
            ..
        } => {
            assert_eq!(file, &profile.display().to_string());
            assert_eq!(pointer, "/profile/imports/0/href");
            assert_eq!(href, "catalog.json");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(error.file(), Some(profile.display().to_string().as_str()));
    assert_eq!(
        error.place(),
        Some(Place::Pointer("/profile/imports/0/href".into()))
    );
    let message = error.message();
    assert!(
        message.en.contains("is not the catalog being imported"),
        "{}",
        message.en
    );
    assert!(
        message.ja.contains("ではありません") && message.ja.contains("/profile/imports/0/href")
    );

    // NIST's baselines against the demo catalog: their import leads to NIST's catalog.
    let error =
        import_catalog(&dir.path().join(CATALOG_FILE), &nist_profiles()[..1], "x").unwrap_err();
    assert!(
        matches!(error, CriteriaOscalError::ForeignImport { .. }),
        "{error:?}"
    );
}

#[test]
fn a_file_that_is_not_a_catalog_is_refused() {
    let profile = nist_profiles().remove(0);
    let error = import_catalog(&profile, &[], "x").unwrap_err();
    assert_eq!(
        error,
        CriteriaOscalError::WrongModel {
            file: profile.display().to_string(),
            expected: ModelKind::Catalog,
            found: ModelKind::Profile,
        }
    );
    assert_eq!(error.place(), Some(Place::Pointer(String::new())));
    assert!(error.message().en.contains("not a catalog but a profile"));

    // A catalog given as a level profile.
    let error = import_catalog(&nist_catalog(), &[nist_catalog()], "x").unwrap_err();
    assert!(
        matches!(
            error,
            CriteriaOscalError::WrongModel {
                expected: ModelKind::Profile,
                ..
            }
        ),
        "{error:?}"
    );

    // Not OSCAL at all.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.json");
    std::fs::write(&path, r#"{"hello": "world"}"#).unwrap();
    let error = import_catalog(&path, &[], "x").unwrap_err();
    match &error {
        CriteriaOscalError::Oscal(inner) => {
            assert_eq!(inner.kind, ErrorKind::NotOscal);
            assert_eq!(inner.file, path.display().to_string());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_json_is_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{\n  \"catalog\": {\n    \"uuid\": ,\n").unwrap();
    let error = import_catalog(&path, &[], "x").unwrap_err();
    match &error {
        CriteriaOscalError::Oscal(inner) => {
            assert_eq!(inner.kind, ErrorKind::Syntax);
            assert_eq!(inner.file, path.display().to_string());
            assert_eq!(
                inner.place,
                Place::LineColumn {
                    line: 3,
                    column: 13
                }
            );
        }
        other => panic!("{other:?}"),
    }
    let message = error.message();
    assert!(
        message.en.contains("broken.json: line 3 column 13"),
        "{}",
        message.en
    );
    assert!(message.ja.contains("3 行 13 列"), "{}", message.ja);

    // A broken profile fails the whole import as well.
    let error = import_catalog(&nist_catalog(), std::slice::from_ref(&path), "x").unwrap_err();
    assert_eq!(error.file(), Some(path.display().to_string().as_str()));

    // A catalog that is well-formed JSON but not a well-typed OSCAL catalog.
    let typed = dir.path().join("typed.json");
    std::fs::write(&typed, r#"{"catalog": {"uuid": 5, "metadata": {}}}"#).unwrap();
    let error = import_catalog(&typed, &[], "x").unwrap_err();
    assert_eq!(error.place(), Some(Place::Pointer("/catalog/uuid".into())));
}

#[test]
fn bad_shinrai_values_are_named_by_pointer() {
    let dir = tempfile::tempdir().unwrap();
    export_to_dir(&demo(), dir.path()).unwrap();
    let path = dir.path().join(CATALOG_FILE);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let prop = &mut value["catalog"]["groups"][0]["groups"][0]["controls"][0]["props"][3];
    assert_eq!(prop["name"], "min-level");
    prop["value"] = "7".into();
    let broken = serde_json::to_string_pretty(&value).unwrap();
    std::fs::write(&path, broken).unwrap();
    let error = import_catalog(&path, &[], "x").unwrap_err();
    match &error {
        CriteriaOscalError::Content { file, place, why } => {
            assert_eq!(file, &path.display().to_string());
            assert_eq!(
                place,
                &Place::Pointer("/catalog/groups/0/groups/0/controls/0/props/3/value".into())
            );
            assert!(why.en.contains("min-level must be 1, 2 or 3"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn more_than_three_profiles_are_refused() {
    let profiles = vec![nist_catalog(); 4];
    let error = import_catalog(&nist_catalog(), &profiles, "x").unwrap_err();
    assert_eq!(error, CriteriaOscalError::TooManyProfiles { given: 4 });
    assert!(error.message().en.contains("4 level profiles given"));
}

#[test]
fn fewer_profiles_mean_the_lower_levels() {
    let imported = import_catalog(&nist_catalog(), &nist_profiles()[..2], "nist-lm").unwrap();
    let counts = imported.version.counts();
    assert_eq!(counts.by_level, [149, 287, 287]);
    assert!(has_note(
        &imported,
        "727 catalog controls are in no level profile"
    ));
}

#[test]
fn fedramp_baselines_find_the_catalog_beside_them_even_by_url() {
    // FedRAMP MODERATE imports the catalog by an absolute URL; LOW and HIGH by a bare name.
    let profiles: Vec<PathBuf> = ["LOW", "MODERATE", "HIGH"]
        .iter()
        .map(|level| data(&format!("FedRAMP_rev5_{level}-baseline_profile.json")))
        .collect();
    let imported = import_catalog(&nist_catalog(), &profiles, "fedramp-rev5").unwrap();
    let version = &imported.version;
    assert_eq!(version.counts().by_level, [156, 323, 410]);
    assert_eq!(version.control("ac-2").unwrap().min_level, Level::LOW);
}

/// The demo version's catalog as JSON, to be edited into something else.
fn demo_catalog_value(dir: &Path) -> serde_json::Value {
    export_to_dir(&demo(), dir).unwrap();
    serde_json::from_str(&std::fs::read_to_string(dir.join(CATALOG_FILE)).unwrap()).unwrap()
}

fn write_catalog(dir: &Path, value: &serde_json::Value) -> PathBuf {
    let path = dir.join("edited.json");
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path
}

#[test]
fn items_keep_level_and_models_and_default_to_every_model() {
    let version = demo();
    let dir = round_trip(&version);
    let imported = import_catalog(&dir.path().join(CATALOG_FILE), &[], "demo-2026").unwrap();
    let item = imported.version.control("1.2").unwrap();
    assert_eq!(item.part, Part::Governance);
    assert_eq!(item.min_level, Level::MIDDLE);
    assert_eq!(item.service_models, [ServiceModel::SaaS]);

    // An item written by another tool without models and level: every model, level 1.
    let mut value = demo_catalog_value(dir.path());
    let item = &mut value["catalog"]["groups"][0]["groups"][0]["controls"][1];
    assert_eq!(item["title"], "1.2");
    let props = item["props"].as_array_mut().unwrap();
    props.retain(|p| p["name"] != "service-model" && p["name"] != "min-level");
    let path = write_catalog(dir.path(), &value);
    let read = import_catalog(&path, &[], "x").unwrap().version;
    let item = read.control("1.2").unwrap();
    assert_eq!(item.service_models, ServiceModel::ALL);
    assert_eq!(item.min_level, Level::LOW);
    // A detailed control without models keeps none, for `check` to report.
    assert!(read.control("5.1.1.2").unwrap().service_models.is_empty());
}

#[test]
fn a_repeated_or_malformed_example_id_is_refused_at_its_property() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = demo_catalog_value(dir.path());
    let control = &mut value["catalog"]["groups"][2]["groups"][0]["controls"][0];
    assert_eq!(control["title"], "5.1.1.1");
    let parts = control["parts"].as_array_mut().unwrap();
    let first = parts
        .iter()
        .position(|p| p["name"] == "technology-example")
        .unwrap();
    assert_eq!(parts[first]["props"][0]["name"], "example-id");
    parts[first + 1]["props"][0]["value"] = "ex-a".into();
    let path = write_catalog(dir.path(), &value);
    let error = import_catalog(&path, &[], "x").unwrap_err();
    let pointer = format!(
        "/catalog/groups/2/groups/0/controls/0/parts/{}/props/0/value",
        first + 1
    );
    assert_eq!(error.place(), Some(Place::Pointer(pointer)));
    let message = error.message();
    assert!(
        message
            .en
            .contains("control 5.1.1.1: technology example id \"ex-a\" is used more than once"),
        "{}",
        message.en
    );
    assert!(message.ja.contains("管理策 5.1.1.1"), "{}", message.ja);

    let control = &mut value["catalog"]["groups"][2]["groups"][0]["controls"][0];
    control["parts"][first]["props"][0]["value"] = "Not A Token".into();
    let path = write_catalog(dir.path(), &value);
    let error = import_catalog(&path, &[], "x").unwrap_err();
    assert!(
        error
            .message()
            .en
            .contains("technology example id \"Not A Token\" must be"),
        "{}",
        error.message().en
    );

    // An example without its id.
    let control = &mut value["catalog"]["groups"][2]["groups"][0]["controls"][0];
    control["parts"][first]["props"] = serde_json::json!([]);
    let path = write_catalog(dir.path(), &value);
    let error = import_catalog(&path, &[], "x").unwrap_err();
    assert_eq!(
        error.place(),
        Some(Place::Pointer(format!(
            "/catalog/groups/2/groups/0/controls/0/parts/{first}"
        )))
    );
    assert!(error.message().en.contains("has no example-id property"));
}

#[test]
fn a_catalog_of_the_first_format_reads_its_guidance_as_numbered_examples() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = demo_catalog_value(dir.path());
    value["catalog"]["metadata"]["props"][0]["value"] = "1".into();
    let control = &mut value["catalog"]["groups"][2]["groups"][0]["controls"][0];
    let parts = control["parts"].as_array_mut().unwrap();
    parts.retain(|p| p["name"] != "technology-example");
    parts.push(serde_json::json!({"name": "guidance", "prose": "Audit logs\nSIEM"}));
    parts.push(
        serde_json::json!({"name": "guidance-ja", "ns": "https://shinrai.dev/ns/oscal",
        "prose": "監査ログ\nSIEM"}),
    );
    let path = write_catalog(dir.path(), &value);
    let read = import_catalog(&path, &[], "x").unwrap().version;
    assert_eq!(
        read.control("5.1.1.1").unwrap().technology_examples,
        [
            TechnologyExample::new("ex1", "監査ログ", "Audit logs"),
            TechnologyExample::new("ex2", "SIEM", "SIEM"),
        ]
    );
    assert_eq!(
        read.control("5.1.1.2").unwrap().technology_examples.len(),
        2
    );
}

#[test]
fn the_demo_criteria_survive_export_and_import_and_stay_valid() {
    let mut demo = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    demo.status = Status::Draft;
    demo.published_on = None;
    round_trip(&demo);
}
