//! JSON ⇄ YAML conversion gives back an equal document for every shared file.

use shinrai_oscal::convert::convert;
use shinrai_oscal::source::{Limits, Source, parse_document, read_source};
use shinrai_oscal::{ErrorKind, Format, Place};

use crate::support::{oscal_files, read_json};

#[test]
fn every_shared_document_survives_json_to_yaml_and_back() {
    for path in oscal_files() {
        let source = read_source(&path, Limits::default()).expect("readable");
        let yaml = convert(&source, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
        let yaml_source = Source::from_text("converted.yaml", Format::Yaml, yaml);
        // The YAML is a real OSCAL document in its own right.
        parse_document(&yaml_source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = convert(&yaml_source, Format::Json).unwrap_or_else(|e| panic!("{e}"));
        let back: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(
            back,
            read_json(&path),
            "{} changed on the way",
            path.display()
        );
    }
}

#[test]
fn strings_that_look_like_other_yaml_types_stay_strings() {
    let text = r#"{"catalog": {"uuid": "u", "metadata": {"title": "yes", "last-modified": "2024-01-01T00:00:00Z",
        "version": "1.0", "oscal-version": "1.1.2", "remarks": "null", "props": [
        {"name": "n", "value": "0x1F"}, {"name": "on", "value": "1e3"}, {"name": "~", "value": "- item"},
        {"name": "t", "value": "2024-01-01"}, {"name": "multi", "value": "line one\nline two: yes"}]}}}"#;
    let source = Source::from_text("in.json", Format::Json, text.to_owned());
    let yaml = convert(&source, Format::Yaml).expect("yaml");
    let back = convert(
        &Source::from_text("in.yaml", Format::Yaml, yaml),
        Format::Json,
    )
    .expect("json");
    let original: serde_json::Value = serde_json::from_str(text).expect("json");
    let again: serde_json::Value = serde_json::from_str(&back).expect("json");
    assert_eq!(again, original);
}

#[test]
fn conversion_refuses_what_is_not_one_oscal_document() {
    for text in [
        r#"{"catalogue": {}}"#,
        "[1, 2]",
        r#"{"catalog": {}, "profile": {}}"#,
    ] {
        let source = Source::from_text("in.json", Format::Json, text.to_owned());
        let error = convert(&source, Format::Yaml).expect_err("not OSCAL");
        assert_eq!(error.kind, ErrorKind::NotOscal, "{text}");
        assert_eq!(error.place, Place::Pointer(String::new()), "{error}");
        assert!(error.to_string().starts_with("in.json: / ("), "{error}");
    }
}
