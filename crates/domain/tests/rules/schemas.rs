//! The JSON Schemas printed by `decide KIND --schema` describe the cases the readers accept:
//! every example case passes them, and every malformed case whose problem is structural fails.

use serde_json::Value;
use shinrai_domain::DecisionKind;

use crate::malformed::{bounds, broken, rows, structural, valid};
use crate::support::case_files;

fn validator(kind: DecisionKind) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(kind.schema()).expect("schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema",
        "{} schema declares 2020-12",
        kind.name()
    );
    jsonschema::meta::validate(&schema).expect("schema obeys the 2020-12 meta-schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

#[test]
fn example_and_base_cases_satisfy_their_schema() {
    for kind in DecisionKind::ALL {
        let validator = validator(kind);
        assert!(
            validator.is_valid(&valid(kind)),
            "{} base case",
            kind.name()
        );
        let files = case_files(kind.name());
        assert!(
            !files.is_empty(),
            "tests/cases/{} has examples",
            kind.name()
        );
        for file in files {
            let case: Value =
                serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
            let errors: Vec<String> = validator
                .iter_errors(&case)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        }
    }
}

#[test]
fn structurally_malformed_cases_fail_their_schema() {
    for row in rows().iter().filter(|row| structural(row)) {
        let case = broken(row);
        assert!(
            !validator(row.kind).is_valid(&case),
            "{} schema accepts a case broken at {} ({})",
            row.kind.name(),
            row.pointer,
            row.code
        );
    }
}

/// The schemas are no stricter than the readers: wherever the largest value a bound allows
/// makes a well-formed case, the schema accepts it too. (Lists at their bound hold placeholders
/// that the readers refuse one level down, so they are not checked here.)
#[test]
fn the_largest_values_the_readers_accept_satisfy_the_schemas() {
    let mut checked = 0;
    for bound in bounds() {
        let mut case = valid(bound.kind);
        if bound.pointer.starts_with("/table/") {
            case["table"] = bound.largest.clone();
        } else {
            *case.pointer_mut(bound.pointer).expect("pointer") = bound.largest.clone();
        }
        let well_formed = shinrai_domain::decide(
            bound.kind,
            &case.to_string(),
            &shinrai_domain::RuleData::default(),
        )
        .is_ok();
        if well_formed {
            let errors: Vec<String> = validator(bound.kind)
                .iter_errors(&case)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{} at {}: {errors:?}",
                bound.kind.name(),
                bound.pointer
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} bounds checked");
}
