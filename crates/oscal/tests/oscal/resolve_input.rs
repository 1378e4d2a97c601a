//! What resolution checks before it starts: the input profile must pass validation (problems
//! stop it, notes do not), and validation accepts what OSCAL's profile model allows.

use serde_json::{Value, json};
use shinrai_oscal::validate::{Context, code, validate_value};

fn metadata() -> Value {
    json!({"title": "Checked first", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"})
}

fn profile_with_merge(merge: Value) -> Value {
    json!({"profile": {
        "uuid": "00000000-0000-4000-8000-0000000000d1",
        "metadata": metadata(),
        "imports": [{"href": "catalog.json", "include-all": {}}],
        "merge": merge
    }})
}

/// `(pointer, code)` of every problem validation finds in `document`, alone.
fn problems(document: &Value) -> Vec<(String, &'static str)> {
    validate_value(document, &Context::new())
        .problems
        .into_iter()
        .map(|problem| (problem.pointer, problem.code))
        .collect()
}

#[test]
fn combine_takes_the_methods_of_the_profile_model() {
    for method in ["use-first", "merge", "keep"] {
        let profile = profile_with_merge(json!({"as-is": true, "combine": {"method": method}}));
        assert_eq!(problems(&profile), [], "{method}");
    }
    let profile = profile_with_merge(json!({"as-is": true, "combine": {"method": "newest"}}));
    assert_eq!(
        problems(&profile),
        [("/profile/merge/combine/method".to_owned(), code::SCHEMA)]
    );
}
