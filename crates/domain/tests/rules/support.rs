//! Helpers shared by the rule tests.

use serde_json::Value;
use shinrai_domain::case::CaseError;
use shinrai_domain::text::Lang;
use shinrai_domain::{DecisionKind, RuleData, decide};

/// Decides a case given as a JSON value and returns the English JSON answer.
pub fn answer(kind: DecisionKind, case: &Value) -> Value {
    match decide(kind, &case.to_string(), &RuleData::default()) {
        Ok(answer) => answer.to_json(Lang::En),
        Err(error) => panic!("case should be well-formed, got {error}"),
    }
}

/// Decides a case that must be malformed and returns the error.
pub fn malformed(kind: DecisionKind, case: &Value) -> CaseError {
    match decide(kind, &case.to_string(), &RuleData::default()) {
        Ok(answer) => panic!(
            "case should be malformed, got {:?}",
            answer.to_json(Lang::En)
        ),
        Err(error) => error,
    }
}

/// Strings of a JSON array.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|item| item.as_str().expect("a string").to_owned())
        .collect()
}

/// The folder of shared case files at the repository root.
pub fn cases_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// Every `*.json` case file of one kind that is meant to be well-formed (not under malformed/,
/// not an expected answer).
pub fn case_files(kind: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(cases_dir().join(kind))
        .expect("case folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            name.ends_with(".json") && !name.ends_with(".answer.json")
        })
        .collect();
    files.sort();
    files
}
