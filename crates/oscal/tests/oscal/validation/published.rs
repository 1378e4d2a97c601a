//! The shared published documents pass validation, but for two known real errors, explained in
//! both languages; and the full catalog validates fast enough.

use super::*;

#[test]
fn shared_documents_pass_but_for_two_empty_titles() {
    let catalog = nist_catalog();
    let mut profiles = 0;
    for path in oscal_files() {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let source = read_source(&path, Limits::default()).unwrap();
        let value = parse_value(&source).unwrap();
        let is_profile = value.get("profile").is_some();
        if is_profile {
            // Every shared profile has one import, of the SP 800-53 rev5 catalog.
            assert_eq!(
                value["profile"]["imports"].as_array().unwrap().len(),
                1,
                "{name}"
            );
            profiles += 1;
        }
        let context = if is_profile {
            Context::with_imports(vec![Some(catalog)])
        } else {
            Context::new()
        };
        let report = validate_value(&value, &context);
        assert_eq!(
            report.model,
            Some(parse_document(&source).unwrap().kind()),
            "{name}"
        );
        let expected: Vec<(&str, &str)> = match name.as_str() {
            "FedRAMP-SAP-OSCAL-Template.json" => {
                vec![("/assessment-plan/metadata/roles/14/title", code::SCHEMA)]
            }
            "FedRAMP-SAR-OSCAL-Template.json" => {
                vec![(
                    "/assessment-results/results/0/risks/1/remediations/0/title",
                    code::SCHEMA,
                )]
            }
            _ => vec![],
        };
        assert_eq!(problems(&report), expected, "{name}:\n{}", show(&report));
        assert_eq!(report.is_valid(), expected.is_empty(), "{name}");
        if is_profile {
            // Checked against the catalog: nothing was skipped. FedRAMP's baselines add their
            // CORE property with a `by-id` naming the control itself, which the specification
            // makes inoperative (`req-modify-alter-add-explicit-id`): a note for each.
            let expected_notes = match name.as_str() {
                "FedRAMP_rev5_LOW-baseline_profile.json" => 34,
                "FedRAMP_rev5_MODERATE-baseline_profile.json" => 79,
                "FedRAMP_rev5_HIGH-baseline_profile.json" => 100,
                _ => 0,
            };
            let bound_to_control = report
                .notes
                .iter()
                .filter(|note| {
                    note.code == code::UNKNOWN_PART
                        && note.message.en.contains("names the control itself")
                })
                .count();
            assert_eq!(bound_to_control, expected_notes, "{name}");
            assert_eq!(
                report.notes.len(),
                expected_notes,
                "{name}:\n{}",
                show(&report)
            );
        }
        // No note is an error in disguise: each has a code that is documented as a note.
        for note in &report.notes {
            assert!(
                [
                    code::DUPLICATE_UUID,
                    code::UNKNOWN_LINK,
                    code::IMPORT_NOT_CHECKED,
                    code::UNKNOWN_PART
                ]
                .contains(&note.code),
                "{name}: {}",
                note.describe(Lang::En)
            );
        }
    }
    assert_eq!(profiles, 7, "the shared data holds 7 profiles");
}

#[test]
fn the_empty_titles_are_explained_in_both_languages() {
    let source = read_source(&data("FedRAMP-SAP-OSCAL-Template.json"), Limits::default()).unwrap();
    let report = validate_value(&parse_value(&source).unwrap(), &Context::new());
    let problem = &report.problems[0];
    assert_eq!(
        problem.message.en,
        r#"value "" does not match the pattern ^[^\n]+$"#
    );
    assert_eq!(problem.message.ja, r#"値 "" が形式 ^[^\n]+$ に合いません"#);
}

#[test]
fn a_profile_without_its_catalog_is_valid_with_a_note() {
    let source = read_source(
        &data("FedRAMP_rev5_LOW-baseline_profile.json"),
        Limits::default(),
    )
    .unwrap();
    let report = validate_value(&parse_value(&source).unwrap(), &Context::new());
    assert!(report.is_valid(), "{}", show(&report));
    assert_eq!(
        notes(&report),
        vec![("/profile/imports/0", code::IMPORT_NOT_CHECKED)]
    );
    let unloaded = validate_value(
        &parse_value(&source).unwrap(),
        &Context::with_imports(vec![None]),
    );
    assert_eq!(unloaded, report);
}

/// Validating the 10 MB SP 800-53 catalog from text: run with
/// `cargo test --release -p shinrai-oscal --test oscal -- --ignored --nocapture timing`.
#[test]
#[ignore = "timing; meaningful only in a release build"]
fn timing_of_the_full_catalog() {
    use std::time::{Duration, Instant};
    let source = read_source(&data("NIST_SP-800-53_rev5_catalog.json"), Limits::default()).unwrap();
    let started = Instant::now();
    shinrai_oscal::validate::schema::validator(ModelKind::Catalog).unwrap();
    let compile = started.elapsed();
    let (mut best, mut parse, mut check) = (Duration::MAX, Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        let started = Instant::now();
        let value = parse_value(&source).unwrap();
        let parsed = started.elapsed();
        let report = validate_value(&value, &Context::new());
        let total = started.elapsed();
        assert!(report.is_valid());
        best = best.min(total);
        parse = parse.min(parsed);
        check = check.min(total - parsed);
    }
    eprintln!(
        "catalog validator compiled in {compile:?}; best of 5: parse {parse:?}, schema + semantic {check:?}, together {best:?}"
    );
    if !cfg!(debug_assertions) {
        assert!(best.as_millis() < 500, "{best:?}");
    }
}
