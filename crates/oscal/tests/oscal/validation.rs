//! Validation: the shared published documents pass (but for two known real errors), and small
//! hand-written documents trigger every code at the right place.

use std::sync::OnceLock;

use serde_json::{Value, json};
use shinrai_domain::text::Lang;
use shinrai_oscal::ModelKind;
use shinrai_oscal::model::{Catalog, Model};
use shinrai_oscal::source::{Limits, parse_document, parse_value, read_source};
use shinrai_oscal::validate::{Context, Report, code, validate_value};

use crate::support::{data, oscal_files, show};

/// The SP 800-53 rev5 catalog every shared profile imports, read once for all tests.
fn nist_catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let source =
            read_source(&data("NIST_SP-800-53_rev5_catalog.json"), Limits::default()).unwrap();
        match parse_document(&source).unwrap().model {
            Model::Catalog(catalog) => *catalog,
            other => panic!("not a catalog: {:?}", other.kind()),
        }
    })
}

/// `(pointer, code)` of every problem.
fn problems(report: &Report) -> Vec<(&str, &str)> {
    report
        .problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.code))
        .collect()
}

fn notes(report: &Report) -> Vec<(&str, &str)> {
    report
        .notes
        .iter()
        .map(|p| (p.pointer.as_str(), p.code))
        .collect()
}

#[test]
fn shared_documents_pass_but_for_two_empty_titles() {
    let catalog = nist_catalog();
    let mut profiles = 0;
    for path in oscal_files() {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let source = read_source(&path, Limits::default()).unwrap();
        let value = parse_value(&source).unwrap();
        let is_profile = value.get("profile").is_some();
        if is_profile {
            // Every shared profile has one import, of the SP 800-53 rev5 catalog.
            assert_eq!(
                value["profile"]["imports"].as_array().unwrap().len(),
                1,
                "{name}"
            );
            profiles += 1;
        }
        let context = if is_profile {
            Context::with_imports(vec![Some(catalog)])
        } else {
            Context::new()
        };
        let report = validate_value(&value, &context);
        assert_eq!(
            report.model,
            Some(parse_document(&source).unwrap().kind()),
            "{name}"
        );
        let expected: Vec<(&str, &str)> = match name.as_str() {
            "FedRAMP-SAP-OSCAL-Template.json" => {
                vec![("/assessment-plan/metadata/roles/14/title", code::SCHEMA)]
            }
            "FedRAMP-SAR-OSCAL-Template.json" => {
                vec![(
                    "/assessment-results/results/0/risks/1/remediations/0/title",
                    code::SCHEMA,
                )]
            }
            _ => vec![],
        };
        assert_eq!(problems(&report), expected, "{name}:\n{}", show(&report));
        assert_eq!(report.is_valid(), expected.is_empty(), "{name}");
        if is_profile {
            // Checked against the catalog: nothing was skipped. FedRAMP's baselines add their
            // CORE property with a `by-id` naming the control itself, which the specification
            // makes inoperative (`req-modify-alter-add-explicit-id`): a note for each.
            let expected_notes = match name.as_str() {
                "FedRAMP_rev5_LOW-baseline_profile.json" => 34,
                "FedRAMP_rev5_MODERATE-baseline_profile.json" => 79,
                "FedRAMP_rev5_HIGH-baseline_profile.json" => 100,
                _ => 0,
            };
            let bound_to_control = report
                .notes
                .iter()
                .filter(|note| {
                    note.code == code::UNKNOWN_PART
                        && note.message.en.contains("names the control itself")
                })
                .count();
            assert_eq!(bound_to_control, expected_notes, "{name}");
            assert_eq!(
                report.notes.len(),
                expected_notes,
                "{name}:\n{}",
                show(&report)
            );
        }
        // No note is an error in disguise: each has a code that is documented as a note.
        for note in &report.notes {
            assert!(
                [
                    code::DUPLICATE_UUID,
                    code::UNKNOWN_LINK,
                    code::IMPORT_NOT_CHECKED,
                    code::UNKNOWN_PART
                ]
                .contains(&note.code),
                "{name}: {}",
                note.describe(Lang::En)
            );
        }
    }
    assert_eq!(profiles, 7, "the shared data holds 7 profiles");
}

#[test]
fn the_empty_titles_are_explained_in_both_languages() {
    let source = read_source(&data("FedRAMP-SAP-OSCAL-Template.json"), Limits::default()).unwrap();
    let report = validate_value(&parse_value(&source).unwrap(), &Context::new());
    let problem = &report.problems[0];
    assert_eq!(
        problem.message.en,
        r#"value "" does not match the pattern ^[^\n]+$"#
    );
    assert_eq!(problem.message.ja, r#"値 "" が形式 ^[^\n]+$ に合いません"#);
}

#[test]
fn a_profile_without_its_catalog_is_valid_with_a_note() {
    let source = read_source(
        &data("FedRAMP_rev5_LOW-baseline_profile.json"),
        Limits::default(),
    )
    .unwrap();
    let report = validate_value(&parse_value(&source).unwrap(), &Context::new());
    assert!(report.is_valid(), "{}", show(&report));
    assert_eq!(
        notes(&report),
        vec![("/profile/imports/0", code::IMPORT_NOT_CHECKED)]
    );
    let unloaded = validate_value(
        &parse_value(&source).unwrap(),
        &Context::with_imports(vec![None]),
    );
    assert_eq!(unloaded, report);
}

// ---------------------------------------------------------------------------------------------
// Hand-written documents.

const UUID_1: &str = "11111111-1111-4111-8111-111111111111";
const UUID_2: &str = "22222222-2222-4222-8222-222222222222";
const UUID_3: &str = "33333333-3333-4333-8333-333333333333";
const UUID_4: &str = "44444444-4444-4444-8444-444444444444";

fn metadata() -> Value {
    json!({
        "title": "Test",
        "last-modified": "2024-01-01T00:00:00Z",
        "version": "1",
        "oscal-version": "1.1.2"
    })
}

/// A small valid catalog: one group with a control and an enhancement, a parameter used in
/// prose, a related link and a reference to a back-matter resource.
fn small_catalog() -> Value {
    json!({
        "catalog": {
            "uuid": UUID_1,
            "metadata": metadata(),
            "groups": [{
                "id": "ac",
                "title": "Access Control",
                "controls": [{
                    "id": "ac-1",
                    "title": "Policy",
                    "params": [{"id": "ac-1_prm_1", "label": "who"}],
                    "parts": [{
                        "id": "ac-1_smt",
                        "name": "statement",
                        "prose": "Give the policy to {{ insert: param, ac-1_prm_1 }}.",
                        "parts": [{"id": "ac-1_smt.a", "name": "item", "prose": "First."}]
                    }],
                    "links": [
                        {"href": "#ac-2", "rel": "related"},
                        {"href": format!("#{UUID_2}"), "rel": "reference"}
                    ]
                }, {
                    "id": "ac-2",
                    "title": "Accounts",
                    "controls": [{
                        "id": "ac-2.1",
                        "title": "Withdrawn",
                        "props": [{"name": "status", "value": "withdrawn"}]
                    }]
                }]
            }],
            "back-matter": {"resources": [{"uuid": UUID_2, "title": "A reference"}]}
        }
    })
}

fn check(document: &Value) -> Report {
    validate_value(document, &Context::new())
}

fn typed_catalog(document: &Value) -> Catalog {
    serde_json::from_value(document["catalog"].clone()).unwrap()
}

#[test]
fn the_small_catalog_is_valid() {
    let report = check(&small_catalog());
    assert_eq!(report.model, Some(ModelKind::Catalog));
    assert!(report.is_valid(), "{}", show(&report));
    assert!(report.notes.is_empty(), "{}", show(&report));
}

#[test]
fn a_root_that_is_not_one_model_is_not_oscal() {
    for document in [
        json!({"something": {}}),
        json!([1, 2]),
        json!({}),
        json!({"catalog": {}, "profile": {}}),
    ] {
        let report = check(&document);
        assert_eq!(report.model, None);
        assert_eq!(problems(&report), vec![("", code::NOT_OSCAL)], "{document}");
        assert!(!report.problems[0].message.ja.is_empty());
    }
}

#[test]
fn schema_errors_point_inside_the_document() {
    let mut document = small_catalog();
    document["catalog"]["uuid"] = json!("not-a-uuid");
    let control = document["catalog"]["groups"][0]["controls"][1]
        .as_object_mut()
        .unwrap();
    control.remove("title");
    control.insert("colour".to_owned(), json!("blue"));
    // A group is an anyOf in the schema: the error still names the missing field.
    document["catalog"]["groups"][0]
        .as_object_mut()
        .unwrap()
        .remove("title");
    document["catalog"]["metadata"]["version"] = json!(3);
    document["catalog"]["metadata"]["props"] = json!([]);
    let report = check(&document);
    let found = problems(&report);
    assert_eq!(
        found,
        vec![
            ("/catalog/groups/0", code::SCHEMA),
            ("/catalog/groups/0/controls/1", code::SCHEMA),
            ("/catalog/groups/0/controls/1", code::SCHEMA),
            ("/catalog/metadata/props", code::SCHEMA),
            ("/catalog/metadata/version", code::SCHEMA),
            ("/catalog/uuid", code::SCHEMA),
        ],
        "{}",
        show(&report)
    );
    let messages: Vec<&str> = report
        .problems
        .iter()
        .map(|p| p.message.en.as_str())
        .collect();
    assert_eq!(messages[0], r#"required property "title" is missing"#);
    assert!(
        messages[1..3].contains(&r#"required property "title" is missing"#),
        "{messages:?}"
    );
    assert!(
        messages[1..3].contains(&r#"property not allowed here: "colour""#),
        "{messages:?}"
    );
    assert_eq!(messages[3], "needs at least 1 item(s), has 0");
    assert_eq!(messages[4], "expected string, found number");
    assert!(
        messages[5].starts_with(r#"value "not-a-uuid" does not match the pattern ^[0-9A-Fa-f]{8}"#)
    );
    assert_eq!(
        report.problems[0].message.ja,
        r#"必須の項目 "title" がありません"#
    );
}

#[test]
fn enum_and_format_errors_are_reported() {
    let mut document = small_catalog();
    document["catalog"]["metadata"]["last-modified"] = json!("yesterday");
    document["catalog"]["metadata"]["parties"] = json!([{"uuid": UUID_3, "type": "robot"}]);
    document["catalog"]["groups"][0]["controls"][0]["links"][0]["href"] = json!("a b\\c");
    let report = check(&document);
    let found: Vec<(&str, &str)> = report
        .problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.message.en.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "/catalog/groups/0/controls/0/links/0/href",
                r#"value "a b\\c" is not a valid uri-reference"#
            ),
            // The date-time pattern is too long to be of use in a message.
            (
                "/catalog/metadata/last-modified",
                r#"value "yesterday" does not have the required form"#
            ),
            (
                "/catalog/metadata/last-modified",
                r#"value "yesterday" is not a valid date-time"#
            ),
            (
                "/catalog/metadata/parties/0/type",
                r#"value "robot" is not one of ["person","organization"]"#
            ),
        ],
        "{}",
        show(&report)
    );
    assert_eq!(
        report.problems[3].message.ja,
        r#"値 "robot" は許された値 ["person","organization"] のいずれでもありません"#
    );
}

#[test]
fn duplicate_ids_and_uuids_are_found() {
    let mut document = small_catalog();
    let group = &mut document["catalog"]["groups"][0];
    // An enhancement with a part's id: controls, groups and parts share one namespace.
    group["controls"][1]["controls"][0]["id"] = json!("ac-1_smt");
    group["controls"][1]["params"] = json!([{"id": "ac-1_prm_1"}]);
    document["catalog"]["back-matter"]["resources"] = json!([
        {"uuid": UUID_2, "title": "A"},
        {"uuid": UUID_2.to_uppercase(), "title": "B"}
    ]);
    document["catalog"]["metadata"]["roles"] = json!([
        {"id": "author", "title": "Author"},
        {"id": "author", "title": "Writer"}
    ]);
    let report = check(&document);
    assert_eq!(
        problems(&report),
        vec![
            ("/catalog/back-matter/resources/1", code::DUPLICATE_UUID),
            (
                "/catalog/groups/0/controls/1/controls/0",
                code::DUPLICATE_ID
            ),
            ("/catalog/groups/0/controls/1/params/0", code::DUPLICATE_ID),
            ("/catalog/metadata/roles/1", code::DUPLICATE_ID),
        ],
        "{}",
        show(&report)
    );
    assert!(
        report.problems[1]
            .message
            .en
            .contains("/catalog/groups/0/controls/0/parts/0")
    );
}

#[test]
fn references_within_a_catalog_must_resolve() {
    let mut document = small_catalog();
    let control = &mut document["catalog"]["groups"][0]["controls"][0];
    control["links"] = json!([
        {"href": "#ac-9", "rel": "related"},
        {"href": format!("#{UUID_4}"), "rel": "reference"},
        {"href": "#nowhere", "rel": "assessment-for"}
    ]);
    control["parts"][0]["prose"] = json!("Give it to {{ insert: param, ac-1_prm_9 }}.");
    control["params"][0]["select"] =
        json!({"choice": ["{{ insert: param, ac-1_prm_1 }}", "{{ insert: param, nope }}"]});
    document["catalog"]["metadata"]["responsible-parties"] = json!([
        {"role-id": "author", "party-uuids": [UUID_3]}
    ]);
    document["catalog"]["metadata"]["parties"] = json!([
        {"uuid": UUID_4, "type": "person", "location-uuids": [UUID_1], "member-of-organizations": [UUID_2]}
    ]);
    let report = check(&document);
    assert_eq!(
        problems(&report),
        vec![
            (
                "/catalog/groups/0/controls/0/links/0/href",
                code::UNKNOWN_LINK
            ),
            (
                "/catalog/groups/0/controls/0/links/1/href",
                code::UNKNOWN_RESOURCE
            ),
            (
                "/catalog/groups/0/controls/0/params/0/select/choice/1",
                code::UNKNOWN_PARAM
            ),
            (
                "/catalog/groups/0/controls/0/parts/0/prose",
                code::UNKNOWN_PARAM
            ),
            (
                "/catalog/metadata/parties/0/location-uuids/0",
                code::UNKNOWN_LOCATION
            ),
            (
                "/catalog/metadata/parties/0/member-of-organizations/0",
                code::UNKNOWN_PARTY
            ),
            (
                "/catalog/metadata/responsible-parties/0/party-uuids/0",
                code::UNKNOWN_PARTY
            ),
            (
                "/catalog/metadata/responsible-parties/0/role-id",
                code::UNKNOWN_ROLE
            ),
        ],
        "{}",
        show(&report)
    );
    // A relation OSCAL does not constrain is only a note.
    assert_eq!(
        notes(&report),
        vec![(
            "/catalog/groups/0/controls/0/links/2/href",
            code::UNKNOWN_LINK
        )]
    );
}

#[test]
fn a_resolved_catalog_may_link_to_controls_it_did_not_select() {
    let mut document = small_catalog();
    document["catalog"]["metadata"]["props"] =
        json!([{"name": "resolution-tool", "value": "test"}]);
    document["catalog"]["groups"][0]["controls"][0]["links"] =
        json!([{"href": "#pm-9", "rel": "related"}]);
    assert!(check(&document).is_valid());
    document["catalog"]["metadata"]
        .as_object_mut()
        .unwrap()
        .remove("props");
    assert_eq!(
        problems(&check(&document)),
        vec![(
            "/catalog/groups/0/controls/0/links/0/href",
            code::UNKNOWN_LINK
        )]
    );
}

/// A POA&M that imports nothing: its references must all resolve inside it.
fn small_poam() -> Value {
    json!({
        "plan-of-action-and-milestones": {
            "uuid": UUID_1,
            "metadata": metadata(),
            "system-id": {"identifier-type": "https://ietf.org/rfc/rfc4122", "id": "sys"},
            "observations": [{
                "uuid": UUID_2,
                "methods": ["TEST"],
                "collected": "2024-01-01T00:00:00Z",
                "description": "Seen."
            }],
            "poam-items": [{
                "uuid": UUID_3,
                "title": "Fix it",
                "description": "Something to fix.",
                "related-observations": [{"observation-uuid": UUID_2}]
            }]
        }
    })
}

#[test]
fn uuid_references_must_name_the_right_kind_of_object() {
    let report = check(&small_poam());
    assert!(report.is_valid(), "{}", show(&report));
    let mut document = small_poam();
    let item = &mut document["plan-of-action-and-milestones"]["poam-items"][0];
    item["related-observations"] = json!([{"observation-uuid": UUID_3}]);
    item["related-risks"] = json!([{"risk-uuid": UUID_4}]);
    item["related-findings"] = json!([{"finding-uuid": UUID_2}]);
    let report = check(&document);
    assert_eq!(
        problems(&report),
        vec![
            (
                "/plan-of-action-and-milestones/poam-items/0/related-findings/0/finding-uuid",
                code::UNKNOWN_UUID
            ),
            (
                "/plan-of-action-and-milestones/poam-items/0/related-observations/0/observation-uuid",
                code::UNKNOWN_UUID
            ),
            (
                "/plan-of-action-and-milestones/poam-items/0/related-risks/0/risk-uuid",
                code::UNKNOWN_UUID
            ),
        ],
        "{}",
        show(&report)
    );
}

#[test]
fn outside_catalogs_and_profiles_only_registry_duplicates_are_errors() {
    let mut document = small_poam();
    let poam = &mut document["plan-of-action-and-milestones"];
    poam["poam-items"][0]["uuid"] = json!(UUID_2);
    poam["metadata"]["parties"] = json!([
        {"uuid": UUID_4, "type": "person"},
        {"uuid": UUID_4, "type": "organization"}
    ]);
    let report = check(&document);
    assert_eq!(
        problems(&report),
        vec![(
            "/plan-of-action-and-milestones/metadata/parties/1",
            code::DUPLICATE_UUID
        )],
        "{}",
        show(&report)
    );
    assert_eq!(
        notes(&report),
        vec![(
            "/plan-of-action-and-milestones/poam-items/0",
            code::DUPLICATE_UUID
        )]
    );
}

#[test]
fn a_document_that_imports_another_may_name_what_it_defines() {
    let mut document = small_poam();
    let poam = &mut document["plan-of-action-and-milestones"];
    poam["import-ssp"] = json!({"href": "ssp.json"});
    poam["poam-items"][0]["origins"] =
        json!([{"actors": [{"type": "party", "actor-uuid": UUID_4, "role-id": "assessor"}]}]);
    assert!(check(&document).is_valid(), "{}", show(&check(&document)));
    // Observations still live in the document that cites them.
    document["plan-of-action-and-milestones"]["poam-items"][0]["related-observations"] =
        json!([{"observation-uuid": UUID_4}]);
    assert_eq!(
        problems(&check(&document)),
        vec![(
            "/plan-of-action-and-milestones/poam-items/0/related-observations/0/observation-uuid",
            code::UNKNOWN_UUID
        )]
    );
    // An import's `#` href must name a back-matter resource.
    document["plan-of-action-and-milestones"]["import-ssp"] = json!({"href": format!("#{UUID_4}")});
    document["plan-of-action-and-milestones"]["poam-items"][0]
        .as_object_mut()
        .unwrap()
        .remove("related-observations");
    assert_eq!(
        problems(&check(&document)),
        vec![(
            "/plan-of-action-and-milestones/import-ssp/href",
            code::UNKNOWN_RESOURCE
        )]
    );
}

/// A profile of the small catalog, valid against it.
fn small_profile() -> Value {
    json!({
        "profile": {
            "uuid": UUID_3,
            "metadata": metadata(),
            "imports": [{
                "href": format!("#{UUID_4}"),
                "include-controls": [{"with-ids": ["ac-1", "ac-2"]}]
            }],
            "merge": {"custom": {"groups": [{
                "id": "mine",
                "title": "Mine",
                "insert-controls": [{"include-controls": [{"with-ids": ["ac-1"]}]}]
            }]}},
            "modify": {
                "set-parameters": [{"param-id": "ac-1_prm_1", "values": ["everyone"]}],
                "alters": [{
                    "control-id": "ac-1",
                    "adds": [{
                        "position": "after",
                        "by-id": "ac-1_smt.a",
                        "parts": [{
                            "id": "ac-1_extra",
                            "name": "item",
                            "prose": "Also {{ insert: param, ac-1_prm_1 }} and {{ insert: param, ac-1_prm_x }}.",
                            "links": [{"href": "#ac-2", "rel": "related"}]
                        }],
                        "params": [{"id": "ac-1_prm_x", "label": "added"}]
                    }, {
                        "position": "ending",
                        "parts": [{"id": "ac-1_more", "name": "item", "prose": "More."}]
                    }],
                    "removes": [{"by-id": "ac-1_extra"}]
                }]
            },
            "back-matter": {"resources": [{"uuid": UUID_4, "rlinks": [{"href": "catalog.json"}]}]}
        }
    })
}

#[test]
fn a_profile_is_checked_against_its_catalog() {
    let catalog = typed_catalog(&small_catalog());
    let context = Context::with_imports(vec![Some(&catalog)]);
    let report = validate_value(&small_profile(), &context);
    assert!(report.is_valid(), "{}", show(&report));
    assert!(report.notes.is_empty(), "{}", show(&report));

    let mut document = small_profile();
    let profile = &mut document["profile"];
    profile["imports"][0]["include-controls"][0]["with-ids"] = json!(["ac-1", "ac-7", "ac-2.1"]);
    profile["imports"][0]["exclude-controls"] = json!([{"with-ids": ["ac-8"]}]);
    profile["merge"]["custom"]["groups"][0]["insert-controls"][0]["include-controls"][0]["with-ids"] =
        json!(["ac-9"]);
    profile["modify"]["set-parameters"][0]["param-id"] = json!("ac-1_prm_7");
    profile["modify"]["alters"][0]["adds"][0]["by-id"] = json!("ac-1_smt.z");
    profile["modify"]["alters"][0]["adds"][1]["by-id"] = json!("ac-1");
    profile["modify"]["alters"][0]["removes"][0]["by-id"] = json!("ac-1_smt.y");
    profile["modify"]["alters"][0]["adds"][0]["parts"][0]["prose"] =
        json!("{{ insert: param, zz }}");
    profile["modify"]["alters"][0]["adds"][0]["parts"][0]["links"] =
        json!([{"href": "#ac-99", "rel": "related"}]);
    profile["modify"]["alters"]
        .as_array_mut()
        .unwrap()
        .push(json!({"control-id": "ac-5", "adds": [{"props": [{"name": "x", "value": "y"}]}]}));
    let report = validate_value(&document, &context);
    assert_eq!(
        problems(&report),
        vec![
            (
                "/profile/imports/0/exclude-controls/0/with-ids/0",
                code::MISSING_CONTROL
            ),
            (
                "/profile/imports/0/include-controls/0/with-ids/1",
                code::MISSING_CONTROL
            ),
            (
                "/profile/imports/0/include-controls/0/with-ids/2",
                code::WITHDRAWN_CONTROL
            ),
            (
                "/profile/merge/custom/groups/0/insert-controls/0/include-controls/0/with-ids/0",
                code::MISSING_CONTROL
            ),
            (
                "/profile/modify/alters/0/adds/0/parts/0/prose",
                code::UNKNOWN_PARAM
            ),
            ("/profile/modify/alters/1/control-id", code::MISSING_CONTROL),
        ],
        "{}",
        show(&report)
    );
    // The dangling `#ac-99` link is not a relation OSCAL constrains in a profile: a note. So are
    // an add aimed at nothing or at the control itself (ignored), a remove matching nothing (a
    // no-op) and a setting for no parameter (skipped): resolution goes on past them.
    assert_eq!(
        notes(&report),
        vec![
            ("/profile/modify/alters/0/adds/0/by-id", code::UNKNOWN_PART),
            (
                "/profile/modify/alters/0/adds/0/parts/0/links/0/href",
                code::UNKNOWN_LINK
            ),
            ("/profile/modify/alters/0/adds/1/by-id", code::UNKNOWN_PART),
            (
                "/profile/modify/alters/0/removes/0/by-id",
                code::UNKNOWN_PART
            ),
            (
                "/profile/modify/set-parameters/0/param-id",
                code::UNKNOWN_PARAM
            ),
        ]
    );
    assert!(
        report.notes[2]
            .message
            .en
            .contains("names the control itself")
    );
    assert!(report.notes[3].message.en.contains("removes nothing"));
    for problem in &report.problems {
        assert!(!problem.message.ja.is_empty() && !problem.message.en.is_empty());
    }
}

#[test]
fn without_its_catalog_a_profile_is_checked_only_within_itself() {
    let mut document = small_profile();
    document["profile"]["imports"][0]["include-controls"][0]["with-ids"] = json!(["ac-7"]);
    document["profile"]["imports"][0]["href"] = json!("#missing");
    let report = check(&document);
    assert_eq!(
        problems(&report),
        vec![("/profile/imports/0/href", code::UNKNOWN_RESOURCE)],
        "{}",
        show(&report)
    );
    assert_eq!(
        notes(&report),
        vec![("/profile/imports/0", code::IMPORT_NOT_CHECKED)]
    );
}

#[test]
fn problems_come_sorted_in_document_order() {
    let mut document = small_catalog();
    let controls = document["catalog"]["groups"][0]["controls"]
        .as_array_mut()
        .unwrap();
    for n in 0..11 {
        controls.push(json!({"id": format!("x-{n}"), "title": "X", "links": [{"href": "#none", "rel": "related"}]}));
    }
    let report = check(&document);
    let pointers: Vec<&str> = report.problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(pointers.len(), 11);
    assert_eq!(pointers[0], "/catalog/groups/0/controls/2/links/0/href");
    assert_eq!(pointers[10], "/catalog/groups/0/controls/12/links/0/href");
}

/// Validating the 10 MB SP 800-53 catalog from text: run with
/// `cargo test --release -p shinrai-oscal --test oscal -- --ignored --nocapture timing`.
#[test]
#[ignore = "timing; meaningful only in a release build"]
fn timing_of_the_full_catalog() {
    use std::time::{Duration, Instant};
    let source = read_source(&data("NIST_SP-800-53_rev5_catalog.json"), Limits::default()).unwrap();
    let started = Instant::now();
    shinrai_oscal::validate::schema::validator(ModelKind::Catalog).unwrap();
    let compile = started.elapsed();
    let (mut best, mut parse, mut check) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        let started = Instant::now();
        let value = parse_value(&source).unwrap();
        let parsed = started.elapsed();
        let report = validate_value(&value, &Context::new());
        let total = started.elapsed();
        assert!(report.is_valid());
        best = best.min(total);
        parse = parse.min(parsed);
        check = check.min(total - parsed);
    }
    eprintln!(
        "catalog validator compiled in {compile:?}; best of 5: parse {parse:?}, schema + semantic {check:?}, together {best:?}"
    );
    if !cfg!(debug_assertions) {
        assert!(best.as_millis() < 500, "{best:?}");
    }
}

#[test]
fn yaml_is_validated_and_syntax_errors_stay_errors() {
    use shinrai_oscal::source::Source;
    use shinrai_oscal::validate::validate_source;
    use shinrai_oscal::{ErrorKind, Format};
    let yaml = serde_norway::to_string(&small_catalog()).unwrap();
    let source = Source::from_text(
        "small.yaml",
        Format::Yaml,
        yaml.replace("title: Policy", "titel: Policy"),
    );
    let report = validate_source(&source, &Context::new()).unwrap();
    assert_eq!(
        problems(&report),
        vec![
            ("/catalog/groups/0/controls/0", code::SCHEMA),
            ("/catalog/groups/0/controls/0", code::SCHEMA)
        ],
        "{}",
        show(&report)
    );
    let broken = Source::from_text("broken.json", Format::Json, "{\"catalog\": ".to_owned());
    assert_eq!(
        validate_source(&broken, &Context::new()).unwrap_err().kind,
        ErrorKind::Syntax
    );
}
