//! The largest answers, as docs/decide.md states them: cases built to make each rule's answer
//! as large as the bounds allow, measured as the API sends it (compact JSON, in whichever
//! language gives the longer text). Strings are made of control characters where that helps,
//! because JSON writes each as six bytes (`\u0001`).

use serde_json::{Value, json};
use shinrai_domain::availability::{MAX_CREDIT_TIERS, MAX_OUTAGES, MAX_USERS};
use shinrai_domain::cascade::{MAX_DEPENDENCIES, MAX_SERVICES};
use shinrai_domain::case::bounds::{MAX_ID_CHARS, MAX_NAME_CHARS};
use shinrai_domain::classification::MAX_INFORMATION;
use shinrai_domain::registration::MAX_CONTROLS;
use shinrai_domain::sampling::{MAX_POPULATION, MAX_TABLE_SIZE};
use shinrai_domain::selection::MAX_AUDITORS;
use shinrai_domain::text::Lang;
use shinrai_domain::{DecisionKind, RuleData, decide};

/// `(case bytes, answer bytes)`.
fn sizes(kind: DecisionKind, case: &Value) -> (usize, usize) {
    let text = case.to_string();
    let answer = decide(kind, &text, &RuleData::default())
        .unwrap_or_else(|error| panic!("{} case: {error}", kind.name()));
    let largest = [Lang::Ja, Lang::En]
        .into_iter()
        .map(|lang| answer.to_json(lang).to_string().len())
        .max()
        .expect("two languages");
    (text.len(), largest)
}

/// A string of `length` characters that JSON writes as six bytes each, distinct for each `n`.
fn escaped(length: usize, n: usize) -> String {
    let tag = format!("{n:x}");
    let mut text = "\u{1}".repeat(length - tag.len());
    text.push_str(&tag);
    text
}

#[test]
fn sample_answers_stay_under_12_kb() {
    let largest = json!({
        "frequency": "daily", "population": MAX_POPULATION, "seed": u64::MAX,
        "table": {"daily": MAX_TABLE_SIZE}
    });
    let (_, answer) = sizes(DecisionKind::Sample, &largest);
    assert!(answer <= 12_000, "{answer} bytes");
}

#[test]
fn availability_answers_stay_under_400_bytes() {
    let outages: Vec<Value> = (0..MAX_OUTAGES)
        .map(|i| json!({"minutes": 1 + i % 3, "affected_users": 123_456_789 + i}))
        .collect();
    let tiers: Vec<Value> = (0..MAX_CREDIT_TIERS)
        .map(|i| json!({"below": 99.999_999 - i as f64 * 0.123_456_7, "credit_percent": 100 - i}))
        .collect();
    let case = json!({"users": MAX_USERS, "days": 31, "outages": outages, "credit_tiers": tiers});
    let (_, answer) = sizes(DecisionKind::Availability, &case);
    assert!(answer <= 400, "{answer} bytes");
}

#[test]
fn classification_answers_stay_under_600_kb() {
    // Every name but one at the top level, so the advice names them all, four times over.
    let information: Vec<Value> = (0..MAX_INFORMATION)
        .map(|i| json!({"name": escaped(MAX_NAME_CHARS, i), "confidentiality": if i == 0 { 1 } else { 3 }}))
        .collect();
    let case = json!({
        "system": escaped(MAX_NAME_CHARS, 0), "function": escaped(MAX_NAME_CHARS, 1),
        "information": information, "aggregate_confidentiality": 3, "availability": 3
    });
    let (_, answer) = sizes(DecisionKind::Classification, &case);
    assert!(answer <= 600_000, "{answer} bytes");
}

/// Every list that names controls or objectives full of ids the criteria lack: one
/// `unknown_control` finding each, the largest family of findings a case can ask for.
fn registration_of_unknown_ids(per_list: usize, id: impl Fn(&str, usize) -> String) -> Value {
    let mut case = crate::registration::base();
    let list = |make: &dyn Fn(usize) -> Value| -> Value { (0..per_list).map(make).collect() };
    case["statement"]["selected"] = list(&|i| json!(id("s", i)));
    case["statement"]["excluded"] = list(&|i| json!({"control": id("e", i), "reason": ""}));
    case["report"]["controls"] =
        list(&|i| json!({"control": id("r", i), "conformant": false, "reason": ""}));
    case["report"]["objectives"] =
        list(&|i| json!({"objective": id("o", i), "effective": false, "reason": ""}));
    case["explanations"] = list(&|i| json!({"control": id("x", i), "accepted": false}));
    case
}

#[test]
fn registration_answers_stay_within_about_ten_times_the_case() {
    // Short ids: the most findings per byte of case; under the API's default 1 MiB body.
    let short = registration_of_unknown_ids(MAX_CONTROLS, |prefix, i| format!("{prefix}{i:x}"));
    let (case, answer) = sizes(DecisionKind::Registration, &short);
    assert!(case <= 1024 * 1024, "{case} bytes of case");
    assert!(answer <= 10_000_000, "{answer} bytes from {case}");
    // Long ids: each is repeated at most four times, so the answer stays a few times the case.
    let long = registration_of_unknown_ids(200, |prefix, i| {
        escaped(MAX_ID_CHARS - prefix.len(), i) + prefix
    });
    let (case, answer) = sizes(DecisionKind::Registration, &long);
    assert!(answer <= 10 * case, "{answer} bytes from {case}");
}

#[test]
fn cascade_answers_stay_within_twice_the_case() {
    // A chain: every service but the first falls, each caused by the one before it.
    let chain = |count: usize, id: &dyn Fn(usize) -> String| {
        let registry: Vec<Value> = (0..count)
            .map(|i| match i {
                0 => json!({"service": id(0), "status": "registered"}),
                _ => json!({"service": id(i), "status": "registered", "depends_on": [id(i - 1)]}),
            })
            .collect();
        json!({"registry": registry, "leaving": [id(0)]})
    };
    // The ratio holds at any size; 100,000 services give 2.2 MB from 6.4 MB.
    let short = chain(MAX_SERVICES / 5, &|i| format!("{i:x}"));
    let (case, answer) = sizes(DecisionKind::Cascade, &short);
    assert!(answer <= 2 * case, "{answer} bytes from {case}");
    let long = chain(2_000, &|i| escaped(MAX_ID_CHARS, i));
    let (case, answer) = sizes(DecisionKind::Cascade, &long);
    assert!(answer <= 2 * case, "{answer} bytes from {case}");
}

/// A statement that gets every finding it can: `per_list` controls and items of the criteria
/// left unaddressed, and as many selections, exclusions and item statements of ids the
/// criteria lack, each with every fault an entry can have.
fn precheck_of_every_fault(per_list: usize, id: impl Fn(&str, usize) -> String) -> Value {
    let mut case = crate::precheck::base();
    let list = |make: &dyn Fn(usize) -> Value| -> Value { (0..per_list).map(make).collect() };
    case["criteria"]["governance"] = list(&|i| json!({"id": id("g", i)}));
    case["criteria"]["management"] = list(&|i| json!({"id": id("m", i)}));
    case["criteria"]["controls"] = list(&|i| {
        json!({"id": id("c", i), "objective": "5.1.1", "mandatory": true, "min_level": 1,
               "service_models": ["SaaS"]})
    });
    case["statement"]["governance"] = list(&|i| json!({"item": id("x", i), "status": "partial"}));
    case["statement"]["management"] = list(&|i| json!({"item": id("y", i), "status": "partial"}));
    case["statement"]["selected"] = list(
        &|i| json!({"control": id("s", i), "individual_control": "", "technologies": [id("t", i)]}),
    );
    case["statement"]["excluded"] = list(&|i| json!({"control": id("s", i), "reason": ""}));
    case["application"]["depends_on"] = (0..MAX_DEPENDENCIES).map(|i| json!(id("d", i))).collect();
    case
}

#[test]
fn precheck_answers_stay_within_about_fifteen_times_the_case() {
    // Short ids: the most findings per byte of case; under the API's default 1 MiB body.
    let short = precheck_of_every_fault(3_000, |prefix, i| format!("{prefix}{i:x}"));
    let (case, answer) = sizes(DecisionKind::Precheck, &short);
    assert!(case <= 1024 * 1024, "{case} bytes of case");
    assert!(answer <= 15 * case, "{answer} bytes from {case}");
    // Every list as long as the bounds allow.
    let largest = precheck_of_every_fault(MAX_CONTROLS, |prefix, i| format!("{prefix}{i:x}"));
    let (case, answer) = sizes(DecisionKind::Precheck, &largest);
    assert!(answer <= 15 * case, "{answer} bytes from {case}");
    // Long ids: the answer repeats ids more than the case does, but adds less around them, so
    // it stays a few times the case (5.3 measured).
    let long = precheck_of_every_fault(200, |prefix, i| {
        escaped(MAX_ID_CHARS - prefix.len(), i) + prefix
    });
    let (case, answer) = sizes(DecisionKind::Precheck, &long);
    assert!(answer <= 10 * case, "{answer} bytes from {case}");
}

/// An application whose every auditor signs and lacks all three requirements, under
/// requirements as long as the bounds allow: each auditor gets a finding.
fn selection_of_unqualified_auditors(name: impl Fn(usize) -> String, nationality: &str) -> Value {
    let mut case = crate::selection::base();
    case["requirements"] = json!({
        "qualifications_any": (0..100).map(|i| escaped(MAX_ID_CHARS, i)).collect::<Vec<_>>(),
        "min_experience_years": 100,
        "nationality": escaped(MAX_ID_CHARS, 0),
        "min_signing_auditors": MAX_AUDITORS,
    });
    case["applicant"]["auditors"] = (0..MAX_AUDITORS)
        .map(|i| {
            json!({"name": name(i), "qualifications": [], "experience_years": 0,
                   "nationality": nationality, "signing": true})
        })
        .collect();
    case
}

#[test]
fn selection_answers_stay_within_about_ten_times_the_case() {
    // Short names and one required qualification: the most findings per byte of case (8.5
    // times measured, 0.77 MB). The required qualifications are not repeated in the findings.
    let mut short = selection_of_unqualified_auditors(|i| format!("{i:x}"), "US");
    short["requirements"]["qualifications_any"] = json!(["CISA"]);
    let (case, answer) = sizes(DecisionKind::Selection, &short);
    assert!(answer <= 10 * case, "{answer} bytes from {case}");
    assert!(answer <= 1_000_000, "{answer} bytes");
    // Long names and nationalities: each is repeated a few times (3.7 times measured; 4.9 MB).
    let long =
        selection_of_unqualified_auditors(|i| escaped(MAX_ID_CHARS, i), &escaped(MAX_ID_CHARS, 1));
    let (case, answer) = sizes(DecisionKind::Selection, &long);
    assert!(answer <= 4 * case, "{answer} bytes from {case}");
    assert!(answer <= 5_000_000, "{answer} bytes");
}
