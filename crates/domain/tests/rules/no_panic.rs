//! No input makes any decision kind panic: arbitrary JSON, and valid cases with one part
//! replaced by arbitrary JSON (which reaches far deeper into the rules). Every error must also
//! point into the document it was given.

use proptest::prelude::*;
use serde_json::{Map, Value};
use shinrai_domain::case::Problem;
use shinrai_domain::{DecisionKind, RuleData, decide};

use crate::malformed::valid;

/// Field names and values the case readers know, so that generated objects often look like
/// cases and get past the first checks.
const WORDS: &[&str] = &[
    "system",
    "function",
    "information",
    "name",
    "confidentiality",
    "aggregate_confidentiality",
    "availability",
    "criteria",
    "version",
    "objectives",
    "controls",
    "id",
    "objective",
    "mandatory",
    "min_level",
    "service_models",
    "application",
    "service",
    "target_level",
    "registered_scope",
    "depends_on",
    "underlying_evaluated_in_audit",
    "registry",
    "status",
    "level",
    "audit_body",
    "valid_from",
    "valid_until",
    "auditor_requirements",
    "qualifications_any",
    "signing_auditor",
    "audit",
    "period_start",
    "period_end",
    "audited_scope",
    "statement",
    "selected",
    "excluded",
    "control",
    "reason",
    "report",
    "effective",
    "conformant",
    "explanations",
    "accepted",
    "validity_months",
    "leaving",
    "frequency",
    "population",
    "seed",
    "table",
    "daily",
    "users",
    "days",
    "outages",
    "minutes",
    "affected_users",
    "credit_tiers",
    "below",
    "credit_percent",
    "governance",
    "management",
    "item",
    "implemented",
    "partial",
    "individual_control",
    "technologies",
    "technology_examples",
    "rationale",
    "registered",
    "selected",
    "IaaS",
    "SaaS",
    "2026-03-31",
    "9999-12-31",
    "a",
    "",
    " ",
    "~/",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..50).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        word().prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec((word(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn kind() -> impl Strategy<Value = DecisionKind> {
    proptest::sample::select(DecisionKind::ALL.to_vec())
}

/// Every JSON pointer inside a document, the root included.
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{here}/{index}"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{here}/{escaped}"), out);
            }
        }
        _ => {}
    }
}

fn check(kind: DecisionKind, document: &Value) {
    match decide(kind, &document.to_string(), &RuleData::default()) {
        Ok(answer) => {
            let _ = answer.to_json(shinrai_domain::text::Lang::Ja);
        }
        Err(error) => {
            let place = if error.problem == Problem::MissingField {
                error.pointer.parent()
            } else {
                error.pointer.clone()
            };
            assert!(
                document.pointer(place.as_str()).is_some(),
                "{} answered with {error}, which is not in the document",
                kind.name()
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(kind in kind(), document in json_value()) {
        check(kind, &document);
    }

    #[test]
    fn a_valid_case_with_one_part_replaced_never_panics(
        kind in kind(),
        choice in any::<proptest::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut document = valid(kind);
        let mut places = Vec::new();
        pointers(&document, String::new(), &mut places);
        let place = choice.get(&places).clone();
        if let Some(slot) = document.pointer_mut(&place) {
            *slot = replacement;
        }
        check(kind, &document);
    }

    #[test]
    fn arbitrary_text_never_panics(kind in kind(), text in any::<String>()) {
        let _ = decide(kind, &text, &RuleData::default());
    }
}
