//! What resolution checks before it starts: the input profile must pass validation (problems
//! stop it, notes do not), and validation accepts what OSCAL's profile model allows.

use serde_json::{Value, json};
use shinrai_oscal::validate::{Context, code, validate_value};
use shinrai_oscal::{ErrorKind, Place};

use crate::modify_rules::{Case, control};

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

#[test]
fn a_merge_may_leave_out_the_structuring_directive() {
    // The released JSON schema requires one, but the specification says what a merge without one
    // means: flat (`req-structure-none`).
    for merge in [json!({"combine": {"method": "use-first"}}), json!({})] {
        assert_eq!(problems(&profile_with_merge(merge.clone())), [], "{merge}");
    }
    let case = Case::new(json!({"merge": {"combine": {"method": "use-first"}}}));
    let resolved = case.resolve().expect("resolves");
    assert!(resolved.catalog.groups.is_none());
    assert!(resolved.catalog.controls.is_some());
    // Anything else is still refused.
    let odd = profile_with_merge(json!({"combine": {"method": "keep"}, "extra": true}));
    assert_eq!(problems(&odd).len(), 1, "{:?}", problems(&odd));
}

#[test]
fn resolve_refuses_a_profile_that_fails_validation_listing_every_problem() {
    // An empty title breaks the schema; a back-matter resource taking the profile's own uuid
    // breaks a semantic rule. Neither would stop resolution itself.
    let case = Case::new(json!({
        "metadata": {"title": "", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"},
        "back-matter": {"resources": [{"uuid": "00000000-0000-4000-8000-0000000000c2", "title": "Same uuid"}]}
    }));
    let error = case.resolve().expect_err("invalid input");
    assert_eq!(error.kind, ErrorKind::Invalid, "{error}");
    assert!(error.file.ends_with("profile.json"), "{error}");
    // Placed at the first problem in document order.
    assert_eq!(
        error.place,
        Place::Pointer("/profile/back-matter/resources/0".to_owned())
    );
    assert!(
        error.why.en.contains("2 problems")
            && error.why.en.contains("[schema]")
            && error.why.en.contains("[duplicate_uuid]"),
        "{error}"
    );
    assert!(error.why.ja.contains("2 件"), "{}", error.why.ja);
}

#[test]
fn validation_notes_do_not_stop_resolution() {
    // A removal naming nothing is only a note for validation, and a no-op for resolution.
    let case = Case::new(
        json!({"modify": {"alters": [{"control-id": "c-1", "removes": [{"by-id": "c-1_nothing"}]}]}}),
    );
    let resolved = case.resolve().expect("a note is no reason to stop");
    assert_eq!(control(&resolved)["parts"][0]["id"], "c-1_smt");
}

#[test]
fn a_profile_the_model_cannot_read_is_refused_with_validations_words() {
    let case = Case::new(json!({"imports": "catalog.json"}));
    let error = case.resolve().expect_err("imports is not a list");
    assert_eq!(error.kind, ErrorKind::Invalid, "{error}");
    assert_eq!(error.place, Place::Pointer("/profile/imports".to_owned()));
    assert!(error.why.en.contains("[schema]"), "{error}");
    // What is no OSCAL model at all stays an input that cannot be read.
    case.write("profile.json", &json!({"neither": {}}));
    assert_eq!(
        case.resolve().expect_err("not OSCAL").kind,
        ErrorKind::NotOscal
    );
}
