//! Every way a case of each kind can be malformed: where the error must point, and its code.

use super::*;

/// The whole case text is bounded too, whatever it holds.
pub(super) fn oversized_case() -> Value {
    json!({"frequency": "daily", "population": 1, "seed": 1, "padding": "x".repeat(MAX_CASE_BYTES)})
}

pub fn rows() -> Vec<Row> {
    use Change::{Document, Remove, Set};
    use DecisionKind::{
        Availability, Cascade, Classification, Precheck, Registration, Sample, Selection,
    };
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
        // selection
        row(Selection, "/decided_on", "missing_field", Remove),
        row(
            Selection,
            "/decided_on",
            "invalid_date",
            Set(json!("2027-02-29")),
        ),
        row(
            Selection,
            "/decided_on",
            "inconsistent",
            Set(json!("9997-01-02")),
        ),
        row(
            Selection,
            "/requirements",
            "wrong_type",
            Set(json!(["CISA"])),
        ),
        row(
            Selection,
            "/requirements/qualifications_any",
            "empty",
            Set(json!([])),
        ),
        row(
            Selection,
            "/requirements/min_signing_auditors",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Selection,
            "/requirements/validity_years",
            "out_of_range",
            Set(json!(0)),
        ),
        row(
            Selection,
            "/requirements/validity_years",
            "wrong_type",
            Set(json!(2.5)),
        ),
        row(Selection, "/applicant/id", "empty", Set(json!(" \u{3000}"))),
        row(
            Selection,
            "/applicant/domestic_registration",
            "wrong_type",
            Set(json!("yes")),
        ),
        row(
            Selection,
            "/applicant/quality_control",
            "missing_field",
            Remove,
        ),
        row(
            Selection,
            "/applicant/subcontracting_rules",
            "wrong_type",
            Set(json!(null)),
        ),
        row(
            Selection,
            "/applicant/independence_declaration",
            "missing_field",
            Remove,
        ),
        row(
            Selection,
            "/applicant/auditors",
            "wrong_type",
            Set(json!({"name": "Sato"})),
        ),
        row(
            Selection,
            "/applicant/auditors/2/name",
            "duplicate",
            Set(json!("Sato")),
        ),
        row(
            Selection,
            "/applicant/auditors/0/signing",
            "missing_field",
            Remove,
        ),
        row(
            Selection,
            "/applicant/auditors/1/experience_years",
            "out_of_range",
            Set(json!(-1)),
        ),
        row(
            Selection,
            "/applicant/auditors/1/qualifications",
            "wrong_type",
            Set(json!("CISSP")),
        ),
        row(Selection, "/applicant", "missing_field", Remove),
        row(Sample, "", "too_long", Document(oversized_case())),
    ];
    rows.extend(beyond_bounds);
    rows
}
