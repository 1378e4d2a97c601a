//! Small hand-written documents trigger each code of the schema and semantic checks at the right
//! place: roots, schema and format errors, duplicates, references within a document.

use super::*;

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
