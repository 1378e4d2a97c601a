//! Criteria in and out of OSCAL, against NIST SP 800-53 rev. 5 and its baselines: the shared
//! helpers here, and one module per concern: NIST and FedRAMP imports, round trips, refused
//! inputs, technology examples.

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
    Actor, Control, CriteriaVersion, Group, Part, Reference, Relation, Risk, RiskBand,
    RiskCategory, RiskStage, Status, TechnologyExample,
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

mod examples;
mod nist;
mod refused;
mod round_trips;
mod statement_ssp;

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
        transition_on: None,
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
        transition_on: None,
        groups: vec![
            group("1", Part::Governance, "方向付け", "Direction"),
            group("2", Part::Management, "運用", "Operation"),
            group("5.1.1", Part::Control, "方針", "Policies"),
            group("5.1.2", Part::Control, "見直し", "Review"),
        ],
        controls,
        risks: vec![
            Risk {
                id: "H01".into(),
                band: RiskBand::High,
                categories: vec![RiskCategory::Continuity, RiskCategory::Loss],
                stages: vec![RiskStage::ProviderSelection, RiskStage::Operation],
                title: Bilingual::new("障害の影響", "A failure reaches far\nand wide"),
                objectives: vec!["5.1.2".into(), "1".into()],
                left_to: Bilingual::new(
                    "SLA で定める。\n複数の地域に置く",
                    "\"Agree\" it in the SLA ",
                ),
            },
            Risk {
                id: "L21".into(),
                band: RiskBand::Low,
                categories: vec![RiskCategory::Cost],
                stages: vec![RiskStage::BeforeAdoption],
                title: Bilingual::new("費用", "Costs"),
                objectives: vec![],
                left_to: Bilingual::new("契約で上限を定める", "Cap them in the contract"),
            },
        ],
    }
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
