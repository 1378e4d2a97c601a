//! Every bound of docs/decide.md: the largest value accepted and the first refused.

use super::*;

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
pub(super) fn list(length: usize) -> Value {
    Value::Array(vec![json!(0); length])
}

pub(super) fn chars(length: usize) -> Value {
    json!("x".repeat(length))
}

/// Every bound of docs/decide.md, one per row.
pub fn bounds() -> Vec<Bound> {
    use DecisionKind::{
        Availability, Cascade, Classification, Lifecycle, Precheck, Registration, Sample, Selection,
    };
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
        // lifecycle
        length(Lifecycle, "/registrations", MAX_REGISTRATIONS, list),
        id(Lifecycle, "/registrations/0/service"),
        number(Lifecycle, "/registrations/0/level", 3),
        length(
            Lifecycle,
            "/registrations/1/depends_on",
            MAX_DEPENDENCIES,
            list,
        ),
        id(Lifecycle, "/registrations/1/depends_on/0"),
        length(
            Lifecycle,
            "/registrations/1/underlying_evaluated_in_audit",
            MAX_DEPENDENCIES,
            list,
        ),
        id(
            Lifecycle,
            "/registrations/1/underlying_evaluated_in_audit/0",
        ),
        length(Lifecycle, "/events", MAX_EVENTS, list),
        id(Lifecycle, "/events/0/service"),
        number(Lifecycle, "/events/1/level", 3),
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
        // selection
        length(
            Selection,
            "/requirements/qualifications_any",
            MAX_QUALIFICATIONS,
            list,
        ),
        id(Selection, "/requirements/qualifications_any/0"),
        number(Selection, "/requirements/min_experience_years", MAX_YEARS),
        id(Selection, "/requirements/nationality"),
        number(
            Selection,
            "/requirements/min_signing_auditors",
            MAX_AUDITORS as u64,
        ),
        number(
            Selection,
            "/requirements/validity_years",
            MAX_VALIDITY_YEARS,
        ),
        id(Selection, "/applicant/id"),
        length(
            Selection,
            "/applicant/quality_control",
            MAX_TEXT_CHARS,
            chars,
        ),
        length(
            Selection,
            "/applicant/subcontracting_rules",
            MAX_TEXT_CHARS,
            chars,
        ),
        length(Selection, "/applicant/auditors", MAX_AUDITORS, list),
        id(Selection, "/applicant/auditors/0/name"),
        length(
            Selection,
            "/applicant/auditors/0/qualifications",
            MAX_QUALIFICATIONS,
            list,
        ),
        id(Selection, "/applicant/auditors/0/qualifications/0"),
        number(
            Selection,
            "/applicant/auditors/0/experience_years",
            MAX_YEARS,
        ),
        id(Selection, "/applicant/auditors/0/nationality"),
    ]
}
