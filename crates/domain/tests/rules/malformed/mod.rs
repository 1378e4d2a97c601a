//! Malformed cases of every kind: exit status 2 at the CLI, here a CaseError with the right
//! JSON pointer and problem code. The tables are beside: `bounds` (every documented bound at its
//! largest and just beyond) and `rows` (every way a case can be malformed).

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::availability::{MAX_CREDIT_TIERS, MAX_OUTAGE_MINUTES, MAX_OUTAGES, MAX_USERS};
use shinrai_domain::cascade::{MAX_DEPENDENCIES, MAX_SERVICES};
use shinrai_domain::case::Problem;
use shinrai_domain::case::bounds::{MAX_CASE_BYTES, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use shinrai_domain::classification::MAX_INFORMATION;
use shinrai_domain::lifecycle::{MAX_EVENTS, MAX_REGISTRATIONS};
use shinrai_domain::precheck::MAX_TECHNOLOGIES;
use shinrai_domain::registration::{MAX_CONTROLS, MAX_QUALIFICATIONS, MAX_YEARS};
use shinrai_domain::sampling::{MAX_POPULATION, MAX_TABLE_SIZE};
use shinrai_domain::selection::{MAX_AUDITORS, MAX_VALIDITY_YEARS};
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
            case["auditor_requirements"] = json!({
                "qualifications_any": ["CISA"], "min_experience_years": 3, "nationality": "JP"
            });
            // Every list of the case holds an entry, so that every bound has a place to break.
            case["application"]["underlying_evaluated_in_audit"] = json!(["svc-base"]);
            case["statement"]["excluded"] = json!([{"control": "9.4.1.2", "reason": "IaaS only"}]);
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
        DecisionKind::Precheck => {
            let mut case = crate::precheck::base();
            // Every list of the case holds an entry, and every optional field a value, so that
            // every bound has a place to break.
            case["criteria"]["governance"][0] =
                json!({"id": "G.1.1", "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]});
            case["statement"]["selected"][0]["rationale"] = json!("");
            case["statement"]["excluded"]
                .as_array_mut()
                .expect("excluded")
                .push(json!({"control": "9.4.1.2", "reason": "No IaaS is offered"}));
            case["application"]["underlying_evaluated_in_audit"] = json!(["svc-old"]);
            case["registry"]
                .as_array_mut()
                .expect("registry")
                .push(json!({"service": "svc-old", "status": "expired", "level": 1}));
            case
        }
        DecisionKind::Selection => {
            let mut case = crate::selection::base();
            // Every optional field holds a value, so that every bound has a place to break.
            case["requirements"] = json!({
                "qualifications_any": ["CISA", "RISS"], "min_experience_years": 3,
                "nationality": "JP", "min_signing_auditors": 2, "validity_years": 3
            });
            case
        }
        DecisionKind::Lifecycle => json!({
            "as_of": "2027-06-30",
            "registrations": [
                {"service": "a", "level": 2, "valid_until": "2027-12-31"},
                {"service": "b", "level": 1, "valid_until": "2028-03-31", "depends_on": ["a"], "underlying_evaluated_in_audit": ["a"]}
            ],
            "events": [
                {"on": "2027-01-10", "service": "a", "kind": "renewal_applied"},
                {"on": "2027-02-10", "service": "a", "kind": "renewal_registered", "valid_until": "2029-12-31", "level": 3}
            ]
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

/// Whether JSON Schema alone can see the problem (cross-references, consistency and the size
/// of the whole text it cannot).
pub fn structural(row: &Row) -> bool {
    let whole_text = row.code == "too_long" && row.pointer.is_empty();
    !whole_text
        && !matches!(
            row.code,
            "unknown_reference" | "duplicate" | "inconsistent" | "syntax"
        )
}

mod bounds;
mod rows;

pub use bounds::bounds;
use bounds::{chars, list};
use rows::oversized_case;
pub use rows::rows;

/// Applies a row's change to the valid case of its kind. Where the pointer names a table
/// member (`/table/hourly`), `Set` replaces the table itself.
pub fn broken(row: &Row) -> Value {
    match &row.change {
        Change::Document(document) => document.clone(),
        Change::Set(value) => with_value(row.kind, row.pointer, value),
        Change::Remove => {
            let mut case = valid(row.kind);
            let (parent, key) = row.pointer.rsplit_once('/').expect("a pointer");
            case.pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .expect("parent object")
                .remove(key)
                .expect("field present");
            case
        }
    }
}

/// The valid case of `kind` with the value at `pointer` replaced.
fn with_value(kind: DecisionKind, pointer: &str, value: &Value) -> Value {
    let mut case = valid(kind);
    if pointer.starts_with("/table/") {
        case["table"] = value.clone();
    } else {
        *case
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} in the valid case")) = value.clone();
    }
    case
}

#[test]
fn every_bound_admits_its_largest_value() {
    for bound in bounds() {
        let case = with_value(bound.kind, bound.pointer, &bound.largest);
        if let Err(error) = shinrai_domain::decide(
            bound.kind,
            &case.to_string(),
            &shinrai_domain::RuleData::default(),
        ) {
            // Placeholder items, or a value inconsistent with the rest of the case, may be
            // refused, but never for the bound itself.
            assert!(
                !(error.pointer.as_str() == bound.pointer && error.problem.code() == bound.code),
                "{} refuses its largest value at {}: {error}",
                bound.kind.name(),
                bound.pointer
            );
        }
    }
}

#[test]
fn bound_messages_name_the_bound_and_what_was_found() {
    let case = with_value(
        DecisionKind::Classification,
        "/system",
        &chars(MAX_NAME_CHARS + 1),
    );
    let error = malformed(DecisionKind::Classification, &case);
    assert_eq!(
        error.describe(Lang::En),
        "/system (must be at most 200 characters, found 201)"
    );
    assert_eq!(
        error.describe(Lang::Ja),
        "/system (200 文字以内であるべきところが 201 文字あります)"
    );
    let case = with_value(DecisionKind::Cascade, "/leaving", &list(MAX_SERVICES + 1));
    assert_eq!(
        malformed(DecisionKind::Cascade, &case).describe(Lang::En),
        "/leaving (must be at most 100000 items, found 100001)"
    );
    let error = malformed(DecisionKind::Sample, &oversized_case());
    assert_eq!(error.pointer.as_str(), "");
    assert!(
        error
            .describe(Lang::En)
            .contains("must be at most 16777216 bytes"),
        "{error}"
    );
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
