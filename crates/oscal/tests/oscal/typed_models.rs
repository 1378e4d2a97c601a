//! The typed component definition, SSP, assessment plan, assessment results and POA&M models
//! against the FedRAMP templates and a hand-written component definition, and property tests
//! showing that the readers return errors, never panic or overflow the stack.

use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Value, json};
use shinrai_oscal::model::assessment_results::AssessmentResults;
use shinrai_oscal::model::{
    AssessmentPlan, ComponentDefinition, Model, PlanOfActionAndMilestones, SystemSecurityPlan,
};
use shinrai_oscal::output::{document_to_text, to_text};
use shinrai_oscal::source::{
    Limits, Source, document_from_value, parse_document, parse_value, read_source,
};
use shinrai_oscal::{Document, ErrorKind, Format, OscalError, Place};

use crate::support::{data, read_json};

const SSP: &str = "FedRAMP-SSP-OSCAL-Template.json";
const SAP: &str = "FedRAMP-SAP-OSCAL-Template.json";
const SAR: &str = "FedRAMP-SAR-OSCAL-Template.json";
const POAM: &str = "FedRAMP-POAM-OSCAL-Template.json";

fn read_document(name: &str) -> Document {
    let source = read_source(&data(name), Limits::default()).expect("readable");
    parse_document(&source).unwrap_or_else(|e| panic!("{e}"))
}

fn ssp() -> Box<SystemSecurityPlan> {
    match read_document(SSP).model {
        Model::SystemSecurityPlan(ssp) => ssp,
        other => panic!("not an SSP: {:?}", other.kind()),
    }
}

fn sap() -> Box<AssessmentPlan> {
    match read_document(SAP).model {
        Model::AssessmentPlan(plan) => plan,
        other => panic!("not an assessment plan: {:?}", other.kind()),
    }
}

fn sar() -> Box<AssessmentResults> {
    match read_document(SAR).model {
        Model::AssessmentResults(results) => results,
        other => panic!("not assessment results: {:?}", other.kind()),
    }
}

fn poam() -> Box<PlanOfActionAndMilestones> {
    match read_document(POAM).model {
        Model::PlanOfActionAndMilestones(poam) => poam,
        other => panic!("not a POA&M: {:?}", other.kind()),
    }
}

/// Writes the document as `format`, reads it back, and returns it as a JSON value.
fn through(document: &Document, format: Format) -> Value {
    let text = document_to_text(document, format, "out").expect("writes");
    let again = parse_document(&Source::from_text("again", format, text)).expect("reads back");
    let json = document_to_text(&again, Format::Json, "out").expect("writes");
    serde_json::from_str(&json).expect("JSON")
}

// --- the FedRAMP templates --------------------------------------------------------------------

#[test]
fn fedramp_ssp_template_is_visible_through_typed_fields() {
    let ssp = ssp();
    assert_eq!(ssp.metadata.oscal_version, "1.0.4");
    assert!(
        ssp.import_profile
            .href
            .ends_with("MODERATE-baseline-resolved-profile_catalog.json")
    );

    let characteristics = &ssp.system_characteristics;
    assert_eq!(characteristics.system_ids[0].id, "F00000000");
    assert_eq!(
        characteristics.system_ids[0].identifier_type.as_deref(),
        Some("https://fedramp.gov")
    );
    assert_eq!(characteristics.system_name, "System's Full Name");
    assert!(!characteristics.description.is_empty());
    assert_eq!(
        characteristics.security_sensitivity_level.as_deref(),
        Some("fips-199-moderate")
    );
    let information_type = &characteristics.system_information.information_types[0];
    let confidentiality = information_type
        .confidentiality_impact
        .as_ref()
        .expect("impact");
    assert_eq!(confidentiality.base, "fips-199-moderate");
    let level = characteristics
        .security_impact_level
        .as_ref()
        .expect("impact level");
    assert_eq!(level.security_objective_integrity, "fips-199-moderate");
    assert_eq!(characteristics.status.state, "operational");
    assert!(
        !characteristics
            .authorization_boundary
            .description
            .is_empty()
    );

    let implementation = &ssp.system_implementation;
    assert_eq!(implementation.users.as_ref().map(Vec::len), Some(4));
    assert_eq!(implementation.components.len(), 18);
    assert_eq!(
        implementation.inventory_items.as_ref().map(Vec::len),
        Some(9)
    );
    let leveraged = implementation
        .leveraged_authorizations
        .as_ref()
        .expect("leveraged");
    assert_eq!(leveraged.len(), 1);
    assert!(!leveraged[0].party_uuid.is_empty());
    let this_system = ssp.this_system().expect("a this-system component");
    assert_eq!(ssp.component(&this_system.uuid), Some(this_system));
    assert!(
        implementation
            .components
            .iter()
            .all(|c| !c.status.state.is_empty())
    );

    let ids = ssp.implemented_control_ids();
    assert_eq!(ids.len(), 20);
    assert_eq!(ids[..3], ["ac-1", "ac-2", "at-1"]);
    assert!(ids.contains(&"si-8"));
    let ac_2 = ssp.implemented_requirement("ac-2").expect("ac-2");
    assert!(ac_2.statements.as_ref().is_some_and(|s| !s.is_empty()));
    let requirements = &ssp.control_implementation.implemented_requirements;
    let statements: usize = requirements
        .iter()
        .map(|r| r.statements.as_ref().map_or(0, Vec::len))
        .sum();
    assert_eq!(statements, 74);
    let by_components: Vec<_> = requirements
        .iter()
        .flat_map(|r| r.all_by_components())
        .collect();
    assert_eq!(by_components.len(), 112);
    assert!(
        by_components
            .iter()
            .all(|b| ssp.component(&b.component_uuid).is_some())
    );
    assert_eq!(
        by_components.iter().filter(|b| b.export.is_some()).count(),
        2
    );
    assert_eq!(
        by_components
            .iter()
            .filter(|b| b.inherited.is_some())
            .count(),
        1
    );
    assert_eq!(
        by_components
            .iter()
            .filter(|b| b.satisfied.is_some())
            .count(),
        1
    );
    let provided = by_components
        .iter()
        .filter_map(|b| b.export.as_ref())
        .flat_map(|e| e.provided.iter().flatten());
    assert!(provided.count() > 0);

    // Everything the template holds has a typed field: nothing fell into `extra`.
    assert!(ssp.extra.is_empty() && characteristics.extra.is_empty());
    assert!(implementation.extra.is_empty() && ssp.control_implementation.extra.is_empty());
    assert!(implementation.components.iter().all(|c| c.extra.is_empty()));
    assert!(requirements.iter().all(|r| r.extra.is_empty()));
    assert!(by_components.iter().all(|b| b.extra.is_empty()));
}

#[test]
fn fedramp_sap_template_is_visible_through_typed_fields() {
    let plan = sap();
    assert!(plan.import_ssp.href.starts_with('#'));
    let local = plan.local_definitions.as_ref().expect("local definitions");
    assert_eq!(local.activities.as_ref().map(Vec::len), Some(8));
    assert_eq!(local.objectives_and_methods.as_ref().map(Vec::len), Some(2));
    assert_eq!(local.users.as_ref().map(Vec::len), Some(2));
    let terms = plan
        .terms_and_conditions
        .as_ref()
        .and_then(|t| t.parts.as_ref())
        .expect("terms");
    assert_eq!(terms.len(), 9);
    assert_eq!(terms[0].name, "background");
    assert!(plan.reviewed_controls.includes_all());
    let subjects = plan.assessment_subjects.as_ref().expect("subjects");
    assert_eq!(subjects.len(), 6);
    assert_eq!(subjects[0].r#type.as_deref(), Some("component"));
    assert!(subjects[0].include_all.is_some());
    assert_eq!(subjects[3].include_subjects.as_ref().map(Vec::len), Some(2));
    let assets = plan.assessment_assets.as_ref().expect("assets");
    assert_eq!(assets.components.as_ref().map(Vec::len), Some(4));
    assert_eq!(assets.assessment_platforms.len(), 1);
    let tasks = plan.tasks.as_ref().expect("tasks");
    assert_eq!(tasks.len(), 16);
    assert_eq!(tasks[0].title, "Prepare SAP");
    assert!(
        tasks[0]
            .timing
            .as_ref()
            .is_some_and(|t| t.within_date_range.is_some())
    );
    let sub_task = &tasks[14].tasks.as_ref().expect("sub-tasks")[0];
    assert_eq!(plan.task(&sub_task.uuid), Some(sub_task));
    assert!(plan.extra.is_empty() && local.extra.is_empty() && assets.extra.is_empty());
    assert!(tasks.iter().all(|t| t.extra.is_empty()));
}

#[test]
fn fedramp_sar_template_is_visible_through_typed_fields() {
    let results = sar();
    assert!(!results.import_ap.href.is_empty());
    assert_eq!(results.results.len(), 3);
    let latest = &results.results[0];
    assert_eq!(latest.title, "2023 Annual Assessment");
    assert!(!latest.start.is_empty());
    assert!(!latest.reviewed_controls.control_selections.is_empty());
    assert_eq!(latest.attestations.as_ref().map(Vec::len), Some(1));
    let log = latest.assessment_log.as_ref().expect("assessment log");
    assert_eq!(log.entries.len(), 14);
    assert_eq!(results.observations().count(), 13);
    assert_eq!(results.risks().count(), 4);
    assert_eq!(results.risks().filter(|r| r.is_open()).count(), 3);
    assert!(
        results
            .risks()
            .all(|r| r.characterizations.as_ref().is_some_and(|c| !c.is_empty()))
    );
    let findings: Vec<_> = results.findings().collect();
    assert_eq!(findings.len(), 8);
    assert_eq!(findings[0].target.r#type, "objective-id");
    assert_eq!(findings[0].target.target_id, "ac-1.a.1_obj.1");
    assert_eq!(findings[3].target.target_id, "au-1_smt.a");
    assert!(findings[3].is_not_satisfied());
    assert!(
        results
            .observations()
            .all(|o| !o.methods.is_empty() && !o.collected.is_empty())
    );
    assert!(results.extra.is_empty() && latest.extra.is_empty());
    assert!(results.observations().all(|o| o.extra.is_empty()));
    assert!(results.risks().all(|r| r.extra.is_empty()));
    assert!(
        findings
            .iter()
            .all(|f| f.extra.is_empty() && f.target.extra.is_empty())
    );
}

#[test]
fn fedramp_poam_template_is_visible_through_typed_fields() {
    let poam = poam();
    assert_eq!(
        poam.system_id.as_ref().map(|id| id.id.as_str()),
        Some("F00000000")
    );
    assert!(
        poam.import_ssp
            .as_ref()
            .is_some_and(|i| i.href.starts_with('#'))
    );
    let local = poam.local_definitions.as_ref().expect("local definitions");
    assert_eq!(local.components.as_ref().map(Vec::len), Some(2));
    assert_eq!(local.inventory_items.as_ref().map(Vec::len), Some(1));
    assert_eq!(poam.observations.as_ref().map(Vec::len), Some(6));
    assert_eq!(poam.risks.as_ref().map(Vec::len), Some(2));
    assert_eq!(poam.poam_items.len(), 2);
    for item in &poam.poam_items {
        assert!(!item.title.is_empty());
        let risks: Vec<_> = poam.item_risks(item).collect();
        assert_eq!(risks.len(), 1, "{}", item.title);
        assert!(risks[0].is_open());
        for related in item.related_observations.iter().flatten() {
            assert!(poam.observation(&related.observation_uuid).is_some());
        }
    }
    let second = poam
        .risk("ae628cc5-b64c-4030-af30-57e6b24a6ae7")
        .expect("risk");
    assert_eq!(second.remediations.as_ref().map(Vec::len), Some(3));
    assert!(
        second
            .risk_log
            .as_ref()
            .is_some_and(|log| !log.entries.is_empty())
    );
    assert!(poam.extra.is_empty() && local.extra.is_empty());
    assert!(poam.poam_items.iter().all(|item| item.extra.is_empty()));
}

#[test]
fn fedramp_templates_round_trip_through_json_and_yaml() {
    for name in [SSP, SAP, SAR, POAM] {
        let original = read_json(&data(name));
        let document = read_document(name);
        assert_eq!(
            through(&document, Format::Json),
            original,
            "{name} through JSON"
        );
        assert_eq!(
            through(&document, Format::Yaml),
            original,
            "{name} through YAML"
        );
        let typed = document_from_value(
            &Source::from_text(name, Format::Json, String::new()),
            &original,
        )
        .expect("types from a value");
        assert_eq!(typed, document, "{name}: from a value and from text alike");
    }
}

// --- a hand-written component definition ------------------------------------------------------

fn component_definition_value() -> Value {
    json!({
        "$schema": "https://github.com/usnistgov/OSCAL/releases/download/v1.2.1/oscal_component_schema.json",
        "component-definition": {
            "uuid": "8d3c7f2e-5a41-4c2b-9e0d-1f6a2b3c4d5e",
            "metadata": {
                "title": "Shinrai test components",
                "last-modified": "2025-04-01T09:00:00+09:00",
                "version": "1.0",
                "oscal-version": "1.2.1",
                "x-title-ja": "テスト用コンポーネント"
            },
            "components": [
                {
                    "uuid": "0a6f1c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b",
                    "type": "service",
                    "title": "Managed database",
                    "description": "A managed PostgreSQL service.",
                    "purpose": "Stores tenant data.",
                    "props": [{"name": "version", "value": "16"}],
                    "control-implementations": [
                        {
                            "uuid": "1b7a2d4f-3c5e-4f6a-9b0c-1d2e3f4a5b6c",
                            "source": "https://example.org/profiles/moderate.json",
                            "description": "Moderate baseline controls met by the service.",
                            "set-parameters": [{"param-id": "sc-28_prm_1", "values": ["customer data"]}],
                            "implemented-requirements": [
                                {
                                    "uuid": "2c8b3e5a-4d6f-4a7b-8c1d-2e3f4a5b6c7d",
                                    "control-id": "sc-28",
                                    "description": "Storage is encrypted with AES-256.",
                                    "statements": [
                                        {
                                            "statement-id": "sc-28_smt",
                                            "uuid": "3d9c4f6b-5e7a-4b8c-9d2e-3f4a5b6c7d8e",
                                            "description": "Keys are held in a KMS.",
                                            "x-reviewed": null
                                        }
                                    ],
                                    "x-maturity": 3
                                },
                                {
                                    "uuid": "4e0d5a7c-6f8b-4c9d-8e3f-4a5b6c7d8e9f",
                                    "control-id": "cp-9",
                                    "description": "Daily backups, kept 35 days.",
                                    "responsible-roles": [{"role-id": "provider"}]
                                }
                            ],
                            "x-evidence": ["https://example.org/evidence/1", {"kind": "report", "pages": 12}]
                        }
                    ],
                    "x-vendor-sku": "DB-16-HA"
                },
                {
                    "uuid": "5f1e6b8d-7a9c-4dae-9f4a-5b6c7d8e9fa0",
                    "type": "software",
                    "title": "Audit agent",
                    "description": "Ships logs to the SIEM.",
                    "protocols": [
                        {"uuid": "6a2f7c9e-8bad-4ebf-8a5b-6c7d8e9fa0b1", "name": "https", "port-ranges": [{"start": 443, "end": 443, "transport": "TCP"}]}
                    ],
                    "control-implementations": [
                        {
                            "uuid": "7b3a8daf-9cbe-4fc0-9b6c-7d8e9fa0b1c2",
                            "source": "https://example.org/profiles/moderate.json",
                            "description": "Audit controls.",
                            "implemented-requirements": [
                                {
                                    "uuid": "8c4b9eb0-adcf-40d1-8c7d-8e9fa0b1c2d3",
                                    "control-id": "au-2",
                                    "description": "Logs the events listed in the SSP."
                                },
                                {
                                    "uuid": "9d5cafc1-bed0-41e2-9d8e-9fa0b1c2d3e4",
                                    "control-id": "sc-28",
                                    "description": "Log files are encrypted at rest."
                                }
                            ]
                        }
                    ]
                }
            ],
            "capabilities": [
                {
                    "uuid": "ae6db0d2-cfe1-42f3-8e9f-a0b1c2d3e4f5",
                    "name": "Encrypted storage",
                    "description": "Database and logs encrypted at rest.",
                    "incorporates-components": [
                        {"component-uuid": "0a6f1c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "description": "Data store."},
                        {"component-uuid": "5f1e6b8d-7a9c-4dae-9f4a-5b6c7d8e9fa0", "description": "Log store."}
                    ],
                    "control-implementations": [
                        {
                            "uuid": "bf7ec1e3-d0f2-43a4-9fa0-b1c2d3e4f5a6",
                            "source": "https://example.org/profiles/moderate.json",
                            "description": "Together.",
                            "implemented-requirements": [
                                {
                                    "uuid": "c08fd2f4-e1a3-44b5-8ab1-c2d3e4f5a6b7",
                                    "control-id": "sc-13",
                                    "description": "FIPS-validated modules."
                                }
                            ]
                        }
                    ],
                    "x-capability-tier": "gold"
                }
            ],
            "x-registry": {"scheme": "shinrai", "entries": [1, 2.5, true, null]}
        },
        "x-root-note": "kept"
    })
}

fn component_definition(document: &Document) -> &ComponentDefinition {
    match &document.model {
        Model::ComponentDefinition(definition) => definition,
        other => panic!("not a component definition: {:?}", other.kind()),
    }
}

fn check_component_definition(document: &Document) {
    let definition = component_definition(document);
    let components = definition.components.as_ref().expect("components");
    assert_eq!(components.len(), 2);
    assert_eq!(components[0].r#type, "service");
    assert_eq!(
        definition.implemented_control_ids(),
        ["sc-28", "cp-9", "au-2", "sc-13"]
    );
    assert_eq!(definition.control_implementations().count(), 3);
    let database = definition
        .component("0a6f1c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b")
        .expect("database");
    let implementation = &database
        .control_implementations
        .as_ref()
        .expect("implementations")[0];
    let set = &implementation
        .set_parameters
        .as_ref()
        .expect("set-parameters")[0];
    assert_eq!(
        (set.param_id.as_str(), set.values.as_slice()),
        ("sc-28_prm_1", &["customer data".to_owned()][..])
    );
    let requirement = &implementation.implemented_requirements[0];
    assert_eq!(
        requirement.statements.as_ref().expect("statements")[0].statement_id,
        "sc-28_smt"
    );
    let capability = &definition.capabilities.as_ref().expect("capabilities")[0];
    assert_eq!(
        capability.incorporates_components.as_ref().map(Vec::len),
        Some(2)
    );
    let protocol = &components[1].protocols.as_ref().expect("protocols")[0];
    assert_eq!(protocol.name.as_deref(), Some("https"));

    // The unknown fields are kept where they were.
    assert_eq!(document.extra["x-root-note"], "kept");
    assert_eq!(
        definition.extra["x-registry"]["entries"],
        json!([1, 2.5, true, null])
    );
    assert_eq!(
        definition.metadata.extra["x-title-ja"],
        "テスト用コンポーネント"
    );
    assert_eq!(database.extra["x-vendor-sku"], "DB-16-HA");
    assert_eq!(implementation.extra["x-evidence"][1]["pages"], 12);
    assert_eq!(requirement.extra["x-maturity"], 3);
    assert_eq!(
        requirement.statements.as_ref().expect("statements")[0].extra["x-reviewed"],
        Value::Null
    );
    assert_eq!(capability.extra["x-capability-tier"], "gold");
}

#[test]
fn a_component_definition_round_trips_through_json_unchanged() {
    let value = component_definition_value();
    let text = to_text(&value, Format::Json, "in").expect("writes");
    let document =
        parse_document(&Source::from_text("cd.json", Format::Json, text.clone())).expect("reads");
    check_component_definition(&document);
    // Typed fields are written in OSCAL order and unknown ones after them, as in the input: the
    // text comes back byte for byte.
    assert_eq!(
        document_to_text(&document, Format::Json, "out").expect("writes"),
        text
    );
}

#[test]
fn a_component_definition_round_trips_through_yaml_unchanged() {
    let value = component_definition_value();
    let yaml = to_text(&value, Format::Yaml, "in").expect("writes");
    let source = Source::from_text("cd.yaml", Format::Yaml, yaml.clone());
    assert_eq!(parse_value(&source).expect("YAML"), value);
    let document = parse_document(&source).expect("reads");
    check_component_definition(&document);
    assert_eq!(
        document_to_text(&document, Format::Yaml, "out").expect("writes"),
        yaml
    );
    assert_eq!(through(&document, Format::Json), value);
}

// --- errors with their kind and place ---------------------------------------------------------

/// A file in the temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(tag: &str, bytes: &[u8]) -> TempFile {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("shinrai-oscal-{}-{n}-{tag}", std::process::id()));
        std::fs::write(&path, bytes).expect("temp file");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_root_without_a_model_is_not_oscal_at_the_empty_pointer() {
    for (format, text) in [
        (Format::Json, r#"{"catalogue": {}}"#),
        (Format::Yaml, "catalogue: {}\n"),
    ] {
        let error = parse_document(&Source::from_text("x", format, text.to_owned()))
            .expect_err("not OSCAL");
        assert_eq!(error.kind, ErrorKind::NotOscal, "{error}");
        assert_eq!(error.place, Place::Pointer(String::new()));
        assert!(error.to_string().contains("catalogue"), "{error}");
    }
}

#[test]
fn a_root_that_is_no_object_or_holds_nothing_is_told_as_such_in_both_languages() {
    for (format, text, found) in [
        (Format::Json, "[1]", "配列"),
        (Format::Json, "\"x\"", "文字列 \"x\""),
        (Format::Yaml, "- 1\n", "配列"),
    ] {
        let error = parse_document(&Source::from_text("x", format, text.to_owned()))
            .expect_err("not an object");
        assert!(
            error
                .why
                .en
                .contains("expected an object holding one OSCAL model"),
            "{error}"
        );
        assert!(
            error.why.ja.contains(&format!(
                "OSCAL のモデルを一つ持つオブジェクトが必要なところに{found}"
            )),
            "{:?}",
            error.why
        );
    }
    let error =
        parse_document(&Source::from_text("x", Format::Json, "{}".to_owned())).expect_err("empty");
    assert_eq!(error.kind, ErrorKind::NotOscal, "{error}");
    assert!(error.why.en.contains("the root holds nothing"), "{error}");
    assert!(
        error.why.ja.contains("ルートに catalog") && !error.why.ja.contains("nothing"),
        "{:?}",
        error.why
    );
}

#[test]
fn a_truncated_catalog_is_a_syntax_error_at_its_end() {
    let path = data("NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json");
    let text = std::fs::read_to_string(path).expect("read");
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let truncated = &text[..cut];
    let error = parse_document(&Source::from_text(
        "cut.json",
        Format::Json,
        truncated.to_owned(),
    ))
    .expect_err("truncated");
    assert_eq!(error.kind, ErrorKind::Syntax, "{error}");
    assert_eq!(error.place, end_of(truncated), "{error}");
}

/// Where serde_json reports the end of the text: the last line, and the bytes on it.
fn end_of(text: &str) -> Place {
    let line = 1 + text.matches('\n').count();
    let column = text.len() - text.rfind('\n').map_or(0, |at| at + 1);
    Place::LineColumn { line, column }
}

// --- property tests: the readers never panic --------------------------------------------------

fn config(cases: u32) -> ProptestConfig {
    // No regression files: this test must not write into the source tree.
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Reads the text both ways; either may fail, neither may panic.
fn read_both_ways(
    text: &str,
    format: Format,
) -> (Result<Document, OscalError>, Result<Value, OscalError>) {
    let source = Source::from_text("prop", format, text.to_owned());
    (parse_document(&source), parse_value(&source))
}

fn tokens(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(list), 0..48).prop_map(|parts| parts.concat())
}

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "\\u00",
    "\\ud800",
    " ",
    "\n",
    "0",
    "-1",
    "1e999",
    "1.5",
    "true",
    "null",
    "\"catalog\"",
    "\"profile\"",
    "\"uuid\"",
    "\"metadata\"",
    "\"title\"",
    "\"system-security-plan\"",
    "\"assessment-results\"",
    "\"results\"",
    "\"props\"",
    "\"x\"",
    "\u{0}",
    "\u{feff}",
    "é",
];

const YAML_TOKENS: &[&str] = &[
    "- ",
    ": ",
    "\n",
    "  ",
    "\t",
    "&a ",
    "*a",
    "<<: *a",
    "!!str ",
    "!!binary ",
    "!tag ",
    "? ",
    "| ",
    "> ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "'",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "catalog",
    "uuid",
    "metadata",
    "title",
    "plan-of-action-and-milestones",
    "poam-items",
    "~",
    "null",
    ".inf",
    "0x1F",
    "1e999",
    "é",
    "\u{feff}",
];

/// Arbitrary JSON, with OSCAL field names among the keys so typed fields get wrong shapes.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Exactly representable, so a round trip through text is exact.
        (-4000i32..4000).prop_map(|n| Value::from(f64::from(n) / 8.0)),
        ".{0,12}".prop_map(Value::String),
        Just(Value::String(String::new())),
    ];
    let key = prop_oneof![
        prop::sample::select(
            &[
                "uuid",
                "title",
                "id",
                "name",
                "value",
                "href",
                "props",
                "links",
                "parts",
                "remarks",
                "control-id",
                "description",
                "state",
                "type",
                "tasks",
                "groups",
                "controls",
                "metadata",
                "implemented-requirements",
                "by-components",
                "status",
                "include-all",
                "$schema",
            ][..]
        )
        .prop_map(str::to_owned),
        ".{0,8}",
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..5)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

fn contains_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.iter().any(contains_null),
        Value::Object(map) => map.values().any(contains_null),
        _ => false,
    }
}

/// Where the cut-down catalog is among the mutation targets.
const CATALOG: usize = 6;

/// Small real documents, with the JSON pointer of every value in each.
fn mutation_targets() -> &'static [(Value, Vec<String>)] {
    static TARGETS: OnceLock<Vec<(Value, Vec<String>)>> = OnceLock::new();
    TARGETS.get_or_init(|| {
        let mut documents: Vec<Value> = [
            SSP,
            SAP,
            SAR,
            POAM,
            "NIST_SP-800-53_rev5_LOW-baseline_profile.json",
        ]
        .into_iter()
        .map(|name| read_json(&data(name)))
        .collect();
        documents.push(component_definition_value());
        // A catalog: the real SP 800-53 catalog cut down to its first group's first few controls.
        let mut catalog = read_json(&data("NIST_SP-800-53_rev5_catalog.json"));
        let groups = catalog["catalog"]["groups"].as_array_mut().expect("groups");
        groups.truncate(1);
        groups[0]["controls"]
            .as_array_mut()
            .expect("controls")
            .truncate(3);
        catalog["catalog"]
            .as_object_mut()
            .expect("catalog")
            .remove("back-matter");
        documents.push(catalog);
        documents
            .into_iter()
            .map(|document| {
                let mut pointers = Vec::new();
                collect_pointers(&document, String::new(), &mut pointers);
                (document, pointers)
            })
            .collect()
    })
}

fn collect_pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect_pointers(item, format!("{here}/{index}"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                collect_pointers(item, format!("{here}/{escaped}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics_a_reader(text in any::<String>()) {
        for format in [Format::Json, Format::Yaml] {
            let _ = read_both_ways(&text, format);
        }
    }

    #[test]
    fn json_like_text_never_panics_a_reader(text in tokens(JSON_TOKENS)) {
        let (document, value) = read_both_ways(&text, Format::Json);
        // Whatever parses as a value but not as a document fails as a model, not as syntax.
        if let (Ok(_), Err(error)) = (&value, &document) {
            prop_assert!(matches!(error.kind, ErrorKind::Model | ErrorKind::NotOscal), "{error}");
        }
        let _ = read_both_ways(&text, Format::Yaml);
    }

    #[test]
    fn yaml_like_text_never_panics_a_reader(text in tokens(YAML_TOKENS)) {
        let _ = read_both_ways(&text, Format::Yaml);
        let _ = read_both_ways(&text, Format::Json);
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn real_documents_with_one_value_replaced_never_panic_a_reader(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        replacement in arbitrary_json(),
    ) {
        let targets = mutation_targets();
        let (original, pointers) = which.get(targets);
        let pointer = at.get(pointers);
        let mut mutated = original.clone();
        *mutated.pointer_mut(pointer).expect("pointer from the document") = replacement.clone();

        let json = serde_json::to_string_pretty(&mutated).expect("JSON");
        let read = parse_document(&Source::from_text("mutated.json", Format::Json, json));
        match &read {
            Ok(document) => {
                // Nothing is lost: what reads writes back the same, except a `null` where the
                // model has an optional field, which reads as absent.
                if !contains_null(&replacement) {
                    prop_assert_eq!(&through(document, Format::Json), &mutated, "at {}", pointer);
                }
            }
            Err(error) => {
                let kind = error.kind;
                prop_assert!(matches!(kind, ErrorKind::Model | ErrorKind::NotOscal), "{}", error);
                prop_assert!(matches!(error.place, Place::Pointer(_)), "{}", error);
            }
        }

        let yaml = to_text(&mutated, Format::Yaml, "mutated").expect("YAML");
        let read_yaml = parse_document(&Source::from_text("mutated.yaml", Format::Yaml, yaml));
        prop_assert_eq!(read_yaml.is_ok(), read.is_ok(), "JSON and YAML agree at {}", pointer);
    }

    #[test]
    fn any_truncation_of_a_catalog_is_a_syntax_error_at_its_end(
        at in any::<prop::sample::Index>(),
    ) {
        let catalog = &mutation_targets()[CATALOG].0;
        let text = serde_json::to_string_pretty(catalog).expect("JSON");
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let truncated = &text[..*at.get(&boundaries)];
        let source = Source::from_text("cut.json", Format::Json, truncated.to_owned());
        let error = parse_document(&source).expect_err("truncated");
        prop_assert_eq!(error.kind, ErrorKind::Syntax);
        prop_assert_eq!(error.place, end_of(truncated));
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_byte_offset(
        prefix in ".{0,40}",
        bad in prop::sample::select(BAD_UTF8),
        suffix in ".{0,10}",
    ) {
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.extend_from_slice(bad);
        bytes.extend_from_slice(suffix.as_bytes());
        let file = TempFile::new("bad.json", &bytes);
        let error = read_source(&file.0, Limits::default()).expect_err("not UTF-8");
        prop_assert_eq!(error.kind, ErrorKind::NotUtf8);
        prop_assert_eq!(error.place, Place::ByteOffset(prefix.len()));
    }

    #[test]
    fn files_over_the_limit_are_refused(size in 0usize..300, limit in 0u64..300) {
        let file = TempFile::new("sized.json", &vec![b' '; size]);
        let read = read_source(&file.0, Limits { max_bytes: limit });
        if size as u64 > limit {
            let error = read.expect_err("too large");
            prop_assert_eq!(error.kind, ErrorKind::TooLarge);
            prop_assert_eq!(error.place, Place::WholeFile);
        } else {
            prop_assert_eq!(read.expect("within the limit").text.len(), size);
        }
    }
}

// --- deep nesting -----------------------------------------------------------------------------

fn assert_too_deep(text: &str, format: Format, what: &str) {
    let (document, value) = read_both_ways(text, format);
    for error in [
        document.map(|_| ()).expect_err(what),
        value.map(|_| ()).expect_err(what),
    ] {
        assert!(
            matches!(error.kind, ErrorKind::TooDeep | ErrorKind::Syntax),
            "{what}: {error}"
        );
    }
}

/// Byte sequences that are not UTF-8: a stray byte, truncated sequences, a surrogate, a
/// five-byte form, an overlong encoding.
const BAD_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\xc0\xaf",
];

const METADATA: &str = r#""metadata": {"title": "t", "last-modified": "2025-01-01T00:00:00Z", "version": "1", "oscal-version": "1.2.1"}"#;

fn arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn objects(depth: usize) -> String {
    format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth))
}

#[test]
fn json_nested_thousands_deep_is_an_error_not_a_crash() {
    for depth in [129, 1_000, 10_000, 200_000] {
        // A bare array is no document (a model error, found before any nesting is read), but
        // as a value it is too deep.
        let source = Source::from_text("deep", Format::Json, arrays(depth));
        let error = parse_value(&source).expect_err("too deep");
        assert_eq!(error.kind, ErrorKind::TooDeep, "{error}");
        let in_object = format!(r#"{{"a": {}}}"#, arrays(depth));
        assert_too_deep(&in_object, Format::Json, &format!("arrays {depth}"));
        assert_too_deep(&objects(depth), Format::Json, &format!("objects {depth}"));
        let in_catalog = format!(
            r#"{{"catalog": {{"uuid": "u", {METADATA}, "x-deep": {}}}}}"#,
            arrays(depth)
        );
        assert_too_deep(
            &in_catalog,
            Format::Json,
            &format!("catalog holding {depth}"),
        );
    }
}

#[test]
fn yaml_nested_thousands_deep_is_an_error_not_a_crash() {
    // Block sequences: `- - - x` nests one level per dash.
    for depth in [129, 1_000, 10_000, 200_000] {
        let dashes = format!("catalog:\n  x-deep:\n    {}x\n", "- ".repeat(depth));
        assert_too_deep(&dashes, Format::Yaml, &format!("block sequences {depth}"));
    }
    // Block mappings need indentation, so their size grows with the square of the depth.
    let mut mappings = String::new();
    for level in 0..2_000 {
        mappings.push_str(&" ".repeat(level));
        mappings.push_str("a:\n");
    }
    assert_too_deep(&mappings, Format::Yaml, "block mappings 2000");
    // Flow style. The YAML scanner takes time quadratic in the flow depth (about 5 s for 10,000
    // levels in a debug build), so these stay at a few thousand.
    for depth in [129, 2_000] {
        let source = Source::from_text("deep", Format::Yaml, arrays(depth));
        let error = parse_value(&source).expect_err("too deep");
        assert_eq!(error.kind, ErrorKind::TooDeep, "{error}");
        let in_mapping = format!("a: {}\n", arrays(depth));
        assert_too_deep(
            &in_mapping,
            Format::Yaml,
            &format!("flow sequences {depth}"),
        );
        assert_too_deep(
            &objects(depth),
            Format::Yaml,
            &format!("flow mappings {depth}"),
        );
    }
}

#[test]
fn typed_recursion_nested_thousands_deep_is_an_error_not_a_crash() {
    // Groups within groups, parts within parts, tasks within tasks: the models' own recursion.
    let groups = format!(
        r#"{}{{"title": "leaf"}}{}"#,
        r#"{"title": "g", "groups": ["#.repeat(1_000),
        "]}".repeat(1_000)
    );
    let catalog = format!(r#"{{"catalog": {{"uuid": "u", {METADATA}, "groups": [{groups}]}}}}"#);
    assert_too_deep(&catalog, Format::Json, "catalog groups");
    assert_too_deep(&catalog, Format::Yaml, "catalog groups as YAML flow");
    let mut block = String::from(
        "catalog:\n  uuid: u\n  metadata: {title: t, last-modified: x, version: '1', oscal-version: 1.2.1}\n  groups:\n",
    );
    for level in 0..1_000 {
        let indent = " ".repeat(2 * level + 2);
        block.push_str(&format!("{indent}- title: g\n{indent}  groups:\n"));
    }
    assert_too_deep(&block, Format::Yaml, "catalog groups as YAML blocks");
    let tasks = format!(
        r#"{}{{"uuid": "u", "type": "action", "title": "t"}}{}"#,
        r#"{"uuid": "u", "type": "milestone", "title": "t", "tasks": ["#.repeat(5_000),
        "]}".repeat(5_000)
    );
    let plan = format!(
        r#"{{"assessment-plan": {{"uuid": "u", {METADATA}, "import-ssp": {{"href": "ssp.json"}}, "reviewed-controls": {{"control-selections": [{{"include-all": {{}}}}]}}, "tasks": [{tasks}]}}}}"#
    );
    assert_too_deep(&plan, Format::Json, "plan tasks");
}

#[test]
fn nesting_just_under_the_limit_reads_on_a_test_thread() {
    // Tasks within tasks as deep as the parsers allow, well formed and then with the innermost
    // one broken (the error path reads again with the place tracked): neither overflows.
    for broken in [false, true] {
        let mut tasks = if broken {
            String::from(r#"{"uuid": "u", "type": "action"}"#)
        } else {
            String::from(r#"{"uuid": "u", "type": "action", "title": "t"}"#)
        };
        for _ in 0..61 {
            tasks = format!(
                r#"{{"uuid": "u", "type": "milestone", "title": "t", "tasks": [{tasks}]}}"#
            );
        }
        let plan = format!(
            r#"{{"assessment-plan": {{"uuid": "u", {METADATA}, "import-ssp": {{"href": "ssp.json"}}, "reviewed-controls": {{"control-selections": [{{"include-all": {{}}}}]}}, "tasks": [{tasks}]}}}}"#
        );
        let value: Value = serde_json::from_str(&plan).expect("within serde_json's limit");
        let yaml = to_text(&value, Format::Yaml, "plan").expect("YAML");
        for (format, text) in [(Format::Json, plan.clone()), (Format::Yaml, yaml)] {
            let read = parse_document(&Source::from_text("deep", format, text));
            match (broken, read) {
                (false, Ok(document)) => {
                    assert_eq!(document.kind(), shinrai_oscal::ModelKind::AssessmentPlan)
                }
                (true, Err(error)) => {
                    assert_eq!(error.kind, ErrorKind::Model, "{error}");
                    let Place::Pointer(pointer) = &error.place else {
                        panic!("{error}")
                    };
                    assert_eq!(pointer.matches("/tasks/0").count(), 62, "{error}");
                }
                (_, read) => panic!("{format:?} broken={broken}: {read:?}"),
            }
        }
    }
}
