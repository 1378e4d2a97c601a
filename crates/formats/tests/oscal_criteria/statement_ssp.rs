//! Statements (言明書) as OSCAL system security plans: valid by the validator, read back equal,
//! and refused at the JSON pointer of what cannot be read.

use serde_json::Value;
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_formats::statement::StatementFile;
use shinrai_formats::statement::ssp::{SspError, SspOptions, export_ssp, import_ssp, write_ssp};
use shinrai_oscal::source::Format;
use shinrai_testdata::statement::{answered, large_criteria};

use super::*;

fn filled() -> StatementFile {
    let criteria = demo_criteria().unwrap();
    let models = [ServiceModel::SaaS, ServiceModel::PaaS];
    let content = answered(&criteria, Level::MIDDLE, &models);
    StatementFile::new(criteria.version, Level::MIDDLE, content)
}

#[test]
fn a_statement_is_a_valid_plan_that_reads_back_equal() {
    let statement = filled();
    let options = SspOptions::default();
    let plan = export_ssp(&statement, &options).unwrap();
    let report = validate_value(&plan, &Context::new());
    assert!(report.is_valid(), "{:#?}", report.problems);

    let ssp = &plan["system-security-plan"];
    let requirements = ssp["control-implementation"]["implemented-requirements"]
        .as_array()
        .unwrap();
    let answers = statement.governance.len()
        + statement.management.len()
        + statement.selected.len()
        + statement.excluded.len();
    assert_eq!(requirements.len(), answers);
    assert_eq!(ssp["import-profile"]["href"], "profile-level-2.json");
    // A selected control: the token of the catalog export, the English individual control as
    // the description, the Japanese as a property, responsibility and technologies as props.
    let selected = &statement.selected[0];
    let requirement = requirements
        .iter()
        .find(|r| r["control-id"] == format!("c-{}", selected.control))
        .unwrap();
    let prop = |name: &str| -> Vec<String> {
        requirement["props"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["name"] == name && p["ns"] == shinrai_formats::oscal_criteria::NS)
            .map(|p| p["value"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(prop("selection"), ["selected"]);
    assert_eq!(prop("responsibility"), [selected.responsibility.code()]);
    assert_eq!(prop("technology").len(), selected.technologies.len());
    let by = &requirement["by-components"][0];
    assert_eq!(by["description"], selected.individual_control.en);
    assert_eq!(by["implementation-status"]["state"], "implemented");
    let excluded = &statement.excluded[0];
    let requirement = requirements
        .iter()
        .find(|r| r["control-id"] == format!("c-{}", excluded.control))
        .unwrap();
    assert_eq!(
        requirement["by-components"][0]["implementation-status"]["state"],
        "not-applicable"
    );

    for format in [Format::Json, Format::Yaml] {
        let bytes = write_ssp(&statement, &options, format).unwrap();
        let name = if format == Format::Json {
            "ssp.json"
        } else {
            "ssp.yaml"
        };
        assert_eq!(import_ssp(name, &bytes).unwrap(), statement, "{name}");
    }
}

#[test]
fn a_plan_of_twelve_hundred_controls_is_valid_and_reads_back() {
    let criteria = large_criteria("large-1", 1_200, 1);
    let content = answered(&criteria, Level::HIGH, &ServiceModel::ALL);
    assert!(content.selected.len() > 1_000, "{}", content.selected.len());
    let statement = StatementFile::new(criteria.version, Level::HIGH, content);
    let plan = export_ssp(&statement, &SspOptions::default()).unwrap();
    assert!(validate_value(&plan, &Context::new()).is_valid());
    let bytes = serde_json::to_vec(&plan).unwrap();
    assert_eq!(import_ssp("large.json", &bytes).unwrap(), statement);
}

#[test]
fn what_cannot_be_read_is_named_by_its_json_pointer() {
    let statement = filled();
    let plan = export_ssp(&statement, &SspOptions::default()).unwrap();
    let broken = |edit: &dyn Fn(&mut Value)| -> SspError {
        let mut plan = plan.clone();
        edit(&mut plan);
        import_ssp("broken.json", &serde_json::to_vec(&plan).unwrap()).unwrap_err()
    };
    let requirements = "/system-security-plan/control-implementation/implemented-requirements";
    let first_selected = statement.governance.len() + statement.management.len();
    let error = broken(&|plan| {
        let props = plan
            .pointer_mut(&format!("{requirements}/{first_selected}/props"))
            .unwrap();
        props[3]["value"] = "boss".into();
    });
    assert_eq!(
        error.place(),
        Some(Place::Pointer(format!(
            "{requirements}/{first_selected}/props/3/value"
        )))
    );
    assert!(
        error
            .message()
            .en
            .contains("responsibility \"boss\" is not one of csp, customer, shared")
    );
    assert!(error.message().ja.contains("responsibility の値「boss」"));

    let error = broken(&|plan| {
        let list = plan
            .pointer_mut(requirements)
            .unwrap()
            .as_array_mut()
            .unwrap();
        let copy = list[first_selected].clone();
        list.push(copy);
    });
    let last = statement.governance.len()
        + statement.management.len()
        + statement.selected.len()
        + statement.excluded.len();
    assert_eq!(
        error.place(),
        Some(Place::Pointer(format!("{requirements}/{last}/control-id")))
    );

    let error = broken(&|plan| {
        plan.pointer_mut("/system-security-plan/metadata/props")
            .unwrap()
            .as_array_mut()
            .unwrap()
            .clear();
    });
    assert_eq!(
        error.place(),
        Some(Place::Pointer(
            "/system-security-plan/metadata/props".to_owned()
        ))
    );
    // Not a plan at all, and not OSCAL at all.
    let catalog = br#"{"catalog": {"uuid": "x"}}"#;
    assert!(matches!(
        import_ssp("c.json", catalog),
        Err(SspError::Oscal(_)) | Err(SspError::Content { .. })
    ));
    let error = import_ssp("n.json", b"{\"nothing\": 1").unwrap_err();
    assert!(
        matches!(error, SspError::Oscal(ref e) if e.kind == ErrorKind::Syntax),
        "{error}"
    );
}

#[test]
fn a_statement_with_no_answer_is_not_a_plan() {
    let empty = StatementFile::new("demo-2026".to_owned(), Level::LOW, Default::default());
    assert_eq!(
        export_ssp(&empty, &SspOptions::default()).unwrap_err(),
        SspError::NothingToWrite
    );
}
