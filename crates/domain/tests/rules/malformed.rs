//! Malformed cases of every kind: exit status 2 at the CLI, here a CaseError with the right
//! JSON pointer and problem code.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::availability::{MAX_CREDIT_TIERS, MAX_OUTAGE_MINUTES, MAX_OUTAGES, MAX_USERS};
use shinrai_domain::cascade::{MAX_DEPENDENCIES, MAX_SERVICES};
use shinrai_domain::case::Problem;
use shinrai_domain::case::bounds::{MAX_CASE_BYTES, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use shinrai_domain::classification::MAX_INFORMATION;
use shinrai_domain::precheck::MAX_TECHNOLOGIES;
use shinrai_domain::registration::{MAX_CONTROLS, MAX_QUALIFICATIONS};
use shinrai_domain::sampling::{MAX_POPULATION, MAX_TABLE_SIZE};
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

/// A documented bound: at `pointer`, `largest` is accepted and `beyond` refused with `code`.
pub struct Bound {
    pub kind: DecisionKind,
    pub pointer: &'static str,
    pub code: &'static str,
    pub largest: Value,
    pub beyond: Value,
}

/// An array of `length` placeholders: only its length matters, it is refused before its items
/// are read.
fn list(length: usize) -> Value {
    Value::Array(vec![json!(0); length])
}

fn chars(length: usize) -> Value {
    json!("x".repeat(length))
}

/// Every bound of docs/decide.md, one per row.
pub fn bounds() -> Vec<Bound> {
    use DecisionKind::{Availability, Cascade, Classification, Precheck, Registration, Sample};
    let length = |kind, pointer, max: usize, make: fn(usize) -> Value| Bound {
        kind,
        pointer,
        code: "too_long",
        largest: make(max),
        beyond: make(max + 1),
    };
    let number = |kind, pointer, max: u64| Bound {
        kind,
        pointer,
        code: "out_of_range",
        largest: json!(max),
        beyond: json!(max + 1),
    };
    let models = |count: usize| json!(["IaaS", "PaaS", "SaaS", "IaaS"][..count]);
    let id = |kind, pointer| length(kind, pointer, MAX_ID_CHARS, chars);
    let text = |pointer| length(Registration, pointer, MAX_TEXT_CHARS, chars);
    let controls = |pointer| length(Registration, pointer, MAX_CONTROLS, list);
    let models_of = |kind, pointer| Bound {
        kind,
        pointer,
        code: "too_long",
        largest: models(3),
        beyond: models(4),
    };
    let precheck_text = |pointer| length(Precheck, pointer, MAX_TEXT_CHARS, chars);
    let precheck_list = |pointer| length(Precheck, pointer, MAX_CONTROLS, list);
    vec![
        // classification
        length(Classification, "/system", MAX_NAME_CHARS, chars),
        length(Classification, "/function", MAX_NAME_CHARS, chars),
        length(Classification, "/information", MAX_INFORMATION, list),
        length(Classification, "/information/0/name", MAX_NAME_CHARS, chars),
        // registration
        id(Registration, "/criteria/version"),
        controls("/criteria/objectives"),
        id(Registration, "/criteria/objectives/0/id"),
        controls("/criteria/controls"),
        id(Registration, "/criteria/controls/0/id"),
        id(Registration, "/criteria/controls/0/objective"),
        Bound {
            kind: Registration,
            pointer: "/criteria/controls/0/service_models",
            code: "too_long",
            largest: models(3),
            beyond: models(4),
        },
        id(Registration, "/application/service"),
        Bound {
            kind: Registration,
            pointer: "/application/service_models",
            code: "too_long",
            largest: models(3),
            beyond: models(4),
        },
        text("/application/registered_scope"),
        length(
            Registration,
            "/application/depends_on",
            MAX_DEPENDENCIES,
            list,
        ),
        id(Registration, "/application/depends_on/0"),
        length(
            Registration,
            "/application/underlying_evaluated_in_audit",
            MAX_DEPENDENCIES,
            list,
        ),
        id(Registration, "/application/underlying_evaluated_in_audit/0"),
        length(Registration, "/registry", MAX_SERVICES, list),
        id(Registration, "/registry/0/service"),
        id(Registration, "/audit_body/id"),
        length(
            Registration,
            "/auditor_requirements/qualifications_any",
            MAX_QUALIFICATIONS,
            list,
        ),
        id(Registration, "/auditor_requirements/qualifications_any/0"),
        number(
            Registration,
            "/auditor_requirements/min_experience_years",
            100,
        ),
        id(Registration, "/auditor_requirements/nationality"),
        id(Registration, "/signing_auditor/name"),
        length(
            Registration,
            "/signing_auditor/qualifications",
            MAX_QUALIFICATIONS,
            list,
        ),
        id(Registration, "/signing_auditor/qualifications/0"),
        number(Registration, "/signing_auditor/experience_years", 100),
        id(Registration, "/signing_auditor/nationality"),
        text("/audit/audited_scope"),
        controls("/statement/selected"),
        id(Registration, "/statement/selected/0"),
        controls("/statement/excluded"),
        id(Registration, "/statement/excluded/0/control"),
        text("/statement/excluded/0/reason"),
        controls("/report/objectives"),
        id(Registration, "/report/objectives/0/objective"),
        text("/report/objectives/0/reason"),
        controls("/report/controls"),
        id(Registration, "/report/controls/0/control"),
        text("/report/controls/0/reason"),
        controls("/explanations"),
        id(Registration, "/explanations/0/control"),
        number(Registration, "/validity_months", 120),
        // cascade
        length(Cascade, "/registry", MAX_SERVICES, list),
        id(Cascade, "/registry/0/service"),
        length(Cascade, "/registry/1/depends_on", MAX_DEPENDENCIES, list),
        id(Cascade, "/registry/1/depends_on/0"),
        length(
            Cascade,
            "/registry/1/underlying_evaluated_in_audit",
            MAX_DEPENDENCIES,
            list,
        ),
        id(Cascade, "/registry/1/underlying_evaluated_in_audit/0"),
        length(Cascade, "/leaving", MAX_SERVICES, list),
        id(Cascade, "/leaving/0"),
        // sample: a table entry is set as the whole table (see `broken`)
        number(Sample, "/population", MAX_POPULATION),
        Bound {
            kind: Sample,
            pointer: "/table/daily",
            code: "out_of_range",
            largest: json!({"daily": MAX_TABLE_SIZE}),
            beyond: json!({"daily": MAX_TABLE_SIZE + 1}),
        },
        // availability
        number(Availability, "/users", MAX_USERS),
        length(Availability, "/outages", MAX_OUTAGES, list),
        number(Availability, "/outages/0/minutes", MAX_OUTAGE_MINUTES),
        number(Availability, "/outages/0/affected_users", MAX_USERS),
        length(Availability, "/credit_tiers", MAX_CREDIT_TIERS, list),
        // precheck
        id(Precheck, "/criteria/version"),
        precheck_list("/criteria/governance"),
        id(Precheck, "/criteria/governance/0/id"),
        models_of(Precheck, "/criteria/governance/0/service_models"),
        precheck_list("/criteria/management"),
        id(Precheck, "/criteria/management/0/id"),
        precheck_list("/criteria/objectives"),
        id(Precheck, "/criteria/objectives/0/id"),
        precheck_list("/criteria/controls"),
        id(Precheck, "/criteria/controls/0/id"),
        id(Precheck, "/criteria/controls/0/objective"),
        models_of(Precheck, "/criteria/controls/0/service_models"),
        length(
            Precheck,
            "/criteria/controls/0/technology_examples",
            MAX_TECHNOLOGIES,
            list,
        ),
        id(Precheck, "/criteria/controls/0/technology_examples/0"),
        id(Precheck, "/application/service"),
        models_of(Precheck, "/application/service_models"),
        length(Precheck, "/application/depends_on", MAX_DEPENDENCIES, list),
        id(Precheck, "/application/depends_on/0"),
        length(
            Precheck,
            "/application/underlying_evaluated_in_audit",
            MAX_DEPENDENCIES,
            list,
        ),
        id(Precheck, "/application/underlying_evaluated_in_audit/0"),
        length(Precheck, "/registry", MAX_SERVICES, list),
        id(Precheck, "/registry/0/service"),
        precheck_list("/statement/governance"),
        id(Precheck, "/statement/governance/0/item"),
        precheck_list("/statement/management"),
        id(Precheck, "/statement/management/0/item"),
        precheck_list("/statement/selected"),
        id(Precheck, "/statement/selected/0/control"),
        precheck_text("/statement/selected/0/individual_control"),
        length(
            Precheck,
            "/statement/selected/0/technologies",
            MAX_TECHNOLOGIES,
            list,
        ),
        length(
            Precheck,
            "/statement/selected/0/technologies/0",
            MAX_NAME_CHARS,
            chars,
        ),
        precheck_text("/statement/selected/0/rationale"),
        precheck_list("/statement/excluded"),
        id(Precheck, "/statement/excluded/0/control"),
        precheck_text("/statement/excluded/0/reason"),
    ]
}

/// The whole case text is bounded too, whatever it holds.
fn oversized_case() -> Value {
    json!({"frequency": "daily", "population": 1, "seed": 1, "padding": "x".repeat(MAX_CASE_BYTES)})
}

pub fn rows() -> Vec<Row> {
    use Change::{Document, Remove, Set};
    use DecisionKind::{Availability, Cascade, Classification, Precheck, Registration, Sample};
    let row = |kind, pointer, code, change| Row {
        kind,
        pointer,
        code,
        change,
    };
    let beyond_bounds = bounds().into_iter().map(|bound| Row {
        kind: bound.kind,
        pointer: bound.pointer,
        code: bound.code,
        change: Set(bound.beyond),
    });
    let mut rows = vec![
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
        // precheck
        row(
            Precheck,
            "/application/target_level",
            "missing_field",
            Remove,
        ),
        row(
            Precheck,
            "/application/target_level",
            "out_of_range",
            Set(json!(4)),
        ),
        row(
            Precheck,
            "/application/service_models/0",
            "unknown_value",
            Set(json!("FaaS")),
        ),
        row(
            Precheck,
            "/criteria/governance/1/min_level",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Precheck,
            "/criteria/management/0/min_level",
            "wrong_type",
            Set(json!("2")),
        ),
        row(
            Precheck,
            "/criteria/governance/3/service_models/0",
            "unknown_value",
            Set(json!("iaas")),
        ),
        row(
            Precheck,
            "/criteria/management/1/service_models",
            "empty",
            Set(json!([])),
        ),
        row(
            Precheck,
            "/criteria/governance/1/id",
            "duplicate",
            Set(json!("G.1.1")),
        ),
        row(
            Precheck,
            "/criteria/management/2/id",
            "duplicate",
            Set(json!("M.1.1")),
        ),
        row(
            Precheck,
            "/criteria/objectives/1/id",
            "duplicate",
            Set(json!("5.1.1")),
        ),
        row(
            Precheck,
            "/criteria/controls/1/id",
            "duplicate",
            Set(json!("5.1.1.1")),
        ),
        row(
            Precheck,
            "/criteria/controls/2/objective",
            "unknown_reference",
            Set(json!("6.9.9")),
        ),
        row(
            Precheck,
            "/criteria/controls/3/mandatory",
            "wrong_type",
            Set(json!("no")),
        ),
        row(
            Precheck,
            "/criteria/controls/0/technology_examples",
            "wrong_type",
            Set(json!("policy-portal")),
        ),
        row(
            Precheck,
            "/criteria/controls/0/technology_examples/0",
            "empty",
            Set(json!(" ")),
        ),
        row(
            Precheck,
            "/registry/0/status",
            "unknown_value",
            Set(json!("active")),
        ),
        row(Precheck, "/registry/0/level", "out_of_range", Set(json!(4))),
        row(
            Precheck,
            "/registry/1/service",
            "duplicate",
            Set(json!("svc-base")),
        ),
        row(
            Precheck,
            "/statement/governance/0/status",
            "unknown_value",
            Set(json!("done")),
        ),
        row(
            Precheck,
            "/statement/management/1/status",
            "missing_field",
            Remove,
        ),
        row(
            Precheck,
            "/statement/governance/1/item",
            "duplicate",
            Set(json!("G.1.1")),
        ),
        row(
            Precheck,
            "/statement/management/1/item",
            "duplicate",
            Set(json!("M.1.1")),
        ),
        row(
            Precheck,
            "/statement/governance",
            "wrong_type",
            Set(json!({"item": "G.1.1", "status": "implemented"})),
        ),
        row(Precheck, "/statement/selected", "missing_field", Remove),
        row(
            Precheck,
            "/statement/selected/1/control",
            "duplicate",
            Set(json!("5.1.1.1")),
        ),
        row(
            Precheck,
            "/statement/excluded/1/control",
            "duplicate",
            Set(json!("5.1.1.2")),
        ),
        row(
            Precheck,
            "/statement/selected/0/individual_control",
            "missing_field",
            Remove,
        ),
        row(
            Precheck,
            "/statement/selected/0/technologies",
            "wrong_type",
            Set(json!("MFA")),
        ),
        row(
            Precheck,
            "/statement/selected/0/technologies/0",
            "empty",
            Set(json!("\u{3000} ")),
        ),
        row(
            Precheck,
            "/statement/selected/0/rationale",
            "wrong_type",
            Set(json!(["because"])),
        ),
        row(
            Precheck,
            "/statement/excluded/0/reason",
            "wrong_type",
            Set(json!(null)),
        ),
        row(Precheck, "", "wrong_type", Document(json!("a case"))),
        row(Sample, "", "too_long", Document(oversized_case())),
    ];
    rows.extend(beyond_bounds);
    rows
}

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
