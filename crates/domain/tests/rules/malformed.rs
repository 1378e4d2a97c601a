//! Malformed cases of every kind: exit status 2 at the CLI, here a CaseError with the right
//! JSON pointer and problem code.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::case::Problem;
use shinrai_domain::text::Lang;

use crate::support::malformed;

pub fn valid(kind: DecisionKind) -> Value {
    match kind {
        DecisionKind::Classification => json!({
            "system": "s", "function": "f",
            "information": [{"name": "a", "confidentiality": 2}],
            "aggregate_confidentiality": 3,
            "availability": 1
        }),
        DecisionKind::Registration => {
            let mut case = crate::registration::base();
            case["explanations"] = json!([{"control": "5.1.1.2", "accepted": true}]);
            case["validity_months"] = json!(16);
            case["auditor_requirements"] = json!({"qualifications_any": ["CISA"]});
            case
        }
        DecisionKind::Cascade => json!({
            "registry": [
                {"service": "a", "status": "registered"},
                {"service": "b", "status": "registered", "depends_on": ["a"], "underlying_evaluated_in_audit": ["a"]}
            ],
            "leaving": ["a"]
        }),
        DecisionKind::Sample => {
            json!({"frequency": "daily", "population": 10, "seed": 1, "table": {"daily": 3}})
        }
        DecisionKind::Availability => json!({
            "users": 10, "days": 30, "outages": [{"minutes": 10, "affected_users": 2}],
            "credit_tiers": [{"below": 99.9, "credit_percent": 25}]
        }),
    }
}

/// How to break a valid case, where the error must point, and its problem code.
pub struct Row {
    pub kind: DecisionKind,
    pub pointer: &'static str,
    pub code: &'static str,
    pub change: Change,
}

pub enum Change {
    Set(Value),
    Remove,
    /// Replace the whole document.
    Document(Value),
}

/// Whether JSON Schema alone can see the problem (cross-references and consistency it cannot).
pub fn structural(code: &str) -> bool {
    !matches!(
        code,
        "unknown_reference" | "duplicate" | "inconsistent" | "syntax"
    )
}

pub fn rows() -> Vec<Row> {
    use Change::{Document, Remove, Set};
    use DecisionKind::{Availability, Cascade, Classification, Registration, Sample};
    let row = |kind, pointer, code, change| Row {
        kind,
        pointer,
        code,
        change,
    };
    vec![
        // classification
        row(Classification, "/availability", "missing_field", Remove),
        row(
            Classification,
            "/information/0/confidentiality",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Classification,
            "/information/0/confidentiality",
            "out_of_range",
            Set(json!(4)),
        ),
        row(
            Classification,
            "/information/0/confidentiality",
            "wrong_type",
            Set(json!("2")),
        ),
        row(
            Classification,
            "/information/0/name",
            "missing_field",
            Remove,
        ),
        row(Classification, "/information", "empty", Set(json!([]))),
        row(
            Classification,
            "/information",
            "wrong_type",
            Set(json!({"name": "a"})),
        ),
        row(
            Classification,
            "/aggregate_confidentiality",
            "out_of_range",
            Set(json!(4)),
        ),
        row(
            Classification,
            "/aggregate_confidentiality",
            "wrong_type",
            Set(json!([3])),
        ),
        row(Classification, "", "wrong_type", Document(json!([1, 2]))),
        // registration
        row(
            Registration,
            "/application/target_level",
            "missing_field",
            Remove,
        ),
        row(
            Registration,
            "/application/target_level",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Registration,
            "/application/target_level",
            "out_of_range",
            Set(json!(4)),
        ),
        row(
            Registration,
            "/application/target_level",
            "wrong_type",
            Set(json!(2.5)),
        ),
        row(
            Registration,
            "/application/service_models/0",
            "unknown_value",
            Set(json!("FaaS")),
        ),
        row(
            Registration,
            "/application/service_models",
            "empty",
            Set(json!([])),
        ),
        row(
            Registration,
            "/criteria/controls/3/min_level",
            "out_of_range",
            Set(json!(4)),
        ),
        row(
            Registration,
            "/criteria/controls/0/mandatory",
            "wrong_type",
            Set(json!("yes")),
        ),
        row(
            Registration,
            "/criteria/controls/2/objective",
            "unknown_reference",
            Set(json!("6.9.9")),
        ),
        row(
            Registration,
            "/criteria/controls/1/id",
            "duplicate",
            Set(json!("5.1.1.1")),
        ),
        row(
            Registration,
            "/criteria/objectives/1/id",
            "duplicate",
            Set(json!("5.1.1")),
        ),
        row(Registration, "/criteria/version", "empty", Set(json!("  "))),
        row(
            Registration,
            "/registry/0/status",
            "unknown_value",
            Set(json!("active")),
        ),
        row(
            Registration,
            "/registry/0/level",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Registration,
            "/audit_body/status",
            "unknown_value",
            Set(json!("approved")),
        ),
        row(
            Registration,
            "/audit_body/valid_until",
            "invalid_date",
            Set(json!("2028-02-30")),
        ),
        row(
            Registration,
            "/audit_body/valid_from",
            "invalid_date",
            Set(json!("2025/04/01")),
        ),
        row(
            Registration,
            "/audit_body/valid_until",
            "inconsistent",
            Set(json!("2024-01-01")),
        ),
        row(
            Registration,
            "/audit/period_end",
            "inconsistent",
            Set(json!("2025-09-30")),
        ),
        row(
            Registration,
            "/signing_auditor/experience_years",
            "out_of_range",
            Set(json!(-1)),
        ),
        row(Registration, "/signing_auditor", "missing_field", Remove),
        row(Registration, "/statement/excluded", "missing_field", Remove),
        row(
            Registration,
            "/statement/selected/0",
            "wrong_type",
            Set(json!(5111)),
        ),
        row(
            Registration,
            "/report/controls/1/control",
            "duplicate",
            Set(json!("5.1.1.1")),
        ),
        row(
            Registration,
            "/report/objectives/0/effective",
            "missing_field",
            Remove,
        ),
        row(
            Registration,
            "/explanations/0/control",
            "empty",
            Set(json!("")),
        ),
        row(
            Registration,
            "/explanations",
            "wrong_type",
            Set(json!({"control": "5.1.1.2"})),
        ),
        row(
            Registration,
            "/validity_months",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Registration,
            "/auditor_requirements/qualifications_any",
            "empty",
            Set(json!([])),
        ),
        row(
            Registration,
            "/registry/0/service",
            "wrong_type",
            Set(json!(null)),
        ),
        // cascade
        row(
            Cascade,
            "/registry/1/depends_on/0",
            "unknown_reference",
            Set(json!("zz")),
        ),
        row(
            Cascade,
            "/registry/1/underlying_evaluated_in_audit/0",
            "unknown_reference",
            Set(json!("zz")),
        ),
        row(Cascade, "/leaving/0", "unknown_reference", Set(json!("zz"))),
        row(Cascade, "/registry/1/service", "duplicate", Set(json!("a"))),
        row(
            Cascade,
            "/registry/0/status",
            "unknown_value",
            Set(json!("gone")),
        ),
        row(Cascade, "/leaving", "missing_field", Remove),
        row(Cascade, "/registry", "wrong_type", Set(json!("a,b"))),
        // sample
        row(Sample, "/frequency", "unknown_value", Set(json!("hourly"))),
        row(Sample, "/population", "out_of_range", Set(json!(-1))),
        row(Sample, "/seed", "wrong_type", Set(json!("42"))),
        row(Sample, "/seed", "missing_field", Remove),
        row(
            Sample,
            "/table/hourly",
            "unknown_value",
            Set(json!({"hourly": 3})),
        ),
        row(
            Sample,
            "/table/daily",
            "out_of_range",
            Set(json!({"daily": 1_000_001})),
        ),
        // availability
        row(Availability, "/users", "out_of_range", Set(json!(0))),
        row(Availability, "/days", "out_of_range", Set(json!(32))),
        row(
            Availability,
            "/outages/0/affected_users",
            "inconsistent",
            Set(json!(11)),
        ),
        row(
            Availability,
            "/outages/0/minutes",
            "inconsistent",
            Set(json!(43_201)),
        ),
        row(
            Availability,
            "/outages",
            "inconsistent",
            Set(json!([
                {"minutes": 43_200, "affected_users": 10}, {"minutes": 1, "affected_users": 1}
            ])),
        ),
        row(
            Availability,
            "/credit_tiers/0/below",
            "out_of_range",
            Set(json!(101)),
        ),
        row(
            Availability,
            "/credit_tiers/0/credit_percent",
            "wrong_type",
            Set(json!("25%")),
        ),
        row(Availability, "/outages/0/minutes", "missing_field", Remove),
    ]
}

/// Applies a row's change to the valid case of its kind. Where the pointer names a table
/// member (`/table/hourly`), `Set` replaces the table itself.
pub fn broken(row: &Row) -> Value {
    let mut case = valid(row.kind);
    match &row.change {
        Change::Document(document) => return document.clone(),
        Change::Set(value) if row.pointer.starts_with("/table/") => case["table"] = value.clone(),
        Change::Set(value) => {
            *case
                .pointer_mut(row.pointer)
                .unwrap_or_else(|| panic!("{} in the valid case", row.pointer)) = value.clone();
        }
        Change::Remove => {
            let (parent, key) = row.pointer.rsplit_once('/').expect("a pointer");
            case.pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .expect("parent object")
                .remove(key)
                .expect("field present");
        }
    }
    case
}

#[test]
fn every_valid_base_case_is_well_formed() {
    for kind in DecisionKind::ALL {
        crate::support::answer(kind, &valid(kind));
    }
}

#[test]
fn every_malformed_case_is_reported_at_its_pointer() {
    for row in rows() {
        let case = broken(&row);
        let error = malformed(row.kind, &case);
        assert_eq!(
            (error.pointer.as_str(), error.problem.code()),
            (row.pointer, row.code),
            "{} case with {} changed: {}",
            row.kind.name(),
            row.pointer,
            error
        );
        // The pointer leads into the document (for a missing field, its parent does).
        let target = if row.code == "missing_field" {
            error.pointer.parent()
        } else {
            error.pointer.clone()
        };
        assert!(
            case.pointer(target.as_str()).is_some(),
            "{} does not resolve in the case",
            target
        );
        let ja = error.describe(Lang::Ja);
        let en = error.describe(Lang::En);
        assert!(ja.chars().any(|c| c > '\u{3000}'), "Japanese message: {ja}");
        assert_ne!(ja, en);
    }
}

#[test]
fn every_kind_and_problem_family_is_covered() {
    let rows = rows();
    for kind in DecisionKind::ALL {
        let codes: Vec<&str> = rows
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.code)
            .collect();
        for needed in ["missing_field", "wrong_type", "out_of_range"] {
            let covered = codes.contains(&needed)
                || (needed == "out_of_range" && kind == DecisionKind::Cascade);
            assert!(covered, "{} lacks a {needed} case", kind.name());
        }
    }
    let all: Vec<&str> = rows.iter().map(|r| r.code).collect();
    // Syntax errors have a test of their own below.
    for code in Problem::CODES.iter().filter(|code| **code != "syntax") {
        assert!(all.contains(code), "no {code} case");
    }
}

#[test]
fn text_that_is_not_json_gives_line_and_column() {
    use shinrai_domain::{RuleData, decide};
    for kind in DecisionKind::ALL {
        let error =
            decide(kind, "{\"a\": 1,\n \"b\": }", &RuleData::default()).expect_err("syntax");
        assert_eq!(error.problem.code(), "syntax");
        assert_eq!(error.place(Lang::En), "line 2 column 7");
        let error = decide(kind, "", &RuleData::default()).expect_err("empty input");
        assert_eq!(error.problem.code(), "syntax");
    }
}
