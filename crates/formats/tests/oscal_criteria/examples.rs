//! Technology examples and the levels and models of items in catalogs: kept, defaulted, refused
//! when malformed, read from the first format.

use super::*;

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
