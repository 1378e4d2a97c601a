//! The selection rule of RULES.md (`selection`), one test per clause.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::selection::FindingCode;

use crate::support::{answer, strings};

/// An audit body that is selected under the default requirements: two qualified signing
/// auditors, and a third auditor who would not qualify but does not sign.
pub fn base() -> Value {
    json!({
        "decided_on": "2026-04-01",
        "applicant": {
            "id": "aoba-audit",
            "domestic_registration": true,
            "quality_control": "Every report is reviewed by a partner who took no part in the audit",
            "subcontracting_rules": "Nothing is subcontracted without the provider's written consent",
            "independence_declaration": true,
            "auditors": [
                {"name": "Sato", "qualifications": ["CISA"], "experience_years": 5, "nationality": "JP", "signing": true},
                {"name": "Suzuki", "qualifications": ["CISSP", "RISS"], "experience_years": 8, "nationality": "JP", "signing": true},
                {"name": "Tanaka", "qualifications": [], "experience_years": 0, "nationality": "US", "signing": false}
            ]
        }
    })
}

fn selection(case: &Value) -> Value {
    answer(DecisionKind::Selection, case)
}

fn findings(answer: &Value) -> Vec<(String, String)> {
    answer["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_owned(),
                f["subject"].as_str().expect("subject").to_owned(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(code, subject)| ((*code).to_owned(), (*subject).to_owned()))
        .collect()
}

fn auditors(case: &mut Value) -> &mut Vec<Value> {
    case["applicant"]["auditors"]
        .as_array_mut()
        .expect("auditors")
}

/// Each mutation gives one finding on its own, on a subject or code no other mutation
/// touches, so all of them can also be applied together.
type Mutation = (FindingCode, &'static str, fn(&mut Value));

fn mutations() -> Vec<Mutation> {
    vec![
        (FindingCode::NotDomestic, "aoba-audit", |c| {
            c["applicant"]["domestic_registration"] = json!(false);
        }),
        (FindingCode::NoQualityControl, "aoba-audit", |c| {
            c["applicant"]["quality_control"] = json!("\u{3000}\u{00A0}\t\n");
        }),
        (FindingCode::NoSubcontractingRules, "aoba-audit", |c| {
            c["applicant"]["subcontracting_rules"] = json!("");
        }),
        (FindingCode::NoIndependenceDeclaration, "aoba-audit", |c| {
            c["applicant"]["independence_declaration"] = json!(false);
        }),
        (FindingCode::TooFewSigningAuditors, "aoba-audit", |c| {
            c["requirements"] = json!({"min_signing_auditors": 3});
        }),
        (FindingCode::AuditorNotQualified, "Ito", |c| {
            auditors(c).push(json!({"name": "Ito", "qualifications": ["CPA"],
                "experience_years": 2, "nationality": "JP", "signing": true}));
        }),
    ]
}

#[test]
fn the_base_case_is_selected_for_three_years_from_the_decision() {
    let answer = selection(&base());
    assert_eq!(
        answer,
        json!({
            "decision": "select",
            "valid_from": "2026-04-01",
            "valid_until": "2029-03-31",
            "qualified_signing_auditors": ["Sato", "Suzuki"],
            "findings": []
        })
    );
}

#[test]
fn the_mutations_cover_every_finding_code() {
    let covered: Vec<FindingCode> = mutations().iter().map(|(code, _, _)| *code).collect();
    for code in FindingCode::ALL {
        assert!(covered.contains(&code), "{code:?} has no test");
    }
}

#[test]
fn every_finding_code_is_found_alone_and_rejects_as_the_table_says() {
    for (code, subject, mutate) in mutations() {
        let mut case = base();
        mutate(&mut case);
        let answer = selection(&case);
        assert_eq!(
            findings(&answer),
            pairs(&[(code.as_str(), subject)]),
            "mutation for {}",
            code.as_str()
        );
        let rejects = code != FindingCode::AuditorNotQualified;
        assert_eq!(code.rejects(), rejects);
        if rejects {
            assert_eq!(answer["decision"], "reject", "{code:?}");
            assert_eq!(answer["valid_from"], Value::Null);
            assert_eq!(answer["valid_until"], Value::Null);
        } else {
            assert_eq!(answer["decision"], "select", "{code:?}");
            assert_eq!(answer["valid_until"], "2029-03-31");
        }
    }
}

#[test]
fn all_findings_together_are_all_reported_sorted_by_code_then_subject() {
    let mut case = base();
    let mut expected = Vec::new();
    for (code, subject, mutate) in mutations() {
        mutate(&mut case);
        expected.push((code.as_str().to_owned(), subject.to_owned()));
    }
    // A second unqualified signing auditor whose name sorts before the first.
    auditors(&mut case).push(json!({"name": "Abe", "qualifications": ["CISA"],
        "experience_years": 9, "nationality": "KR", "signing": true}));
    expected.push(("auditor_not_qualified".to_owned(), "Abe".to_owned()));
    expected.sort();
    let answer = selection(&case);
    assert_eq!(findings(&answer), expected);
    assert_eq!(answer["decision"], "reject");
    assert_eq!(
        strings(&answer["qualified_signing_auditors"]),
        ["Sato", "Suzuki"]
    );
}

#[test]
fn every_finding_has_a_message_in_both_languages_naming_its_subject() {
    let mut case = base();
    for (_, _, mutate) in mutations() {
        mutate(&mut case);
    }
    let english = selection(&case);
    let japanese = shinrai_domain::decide(
        DecisionKind::Selection,
        &case.to_string(),
        &shinrai_domain::RuleData::default(),
    )
    .expect("well-formed")
    .to_json(shinrai_domain::text::Lang::Ja);
    let listed = english["findings"].as_array().expect("findings");
    assert_eq!(listed.len(), FindingCode::ALL.len());
    for (finding, in_japanese) in listed
        .iter()
        .zip(japanese["findings"].as_array().expect("findings"))
    {
        let subject = finding["subject"].as_str().expect("subject");
        let ja = finding["messages"]["ja"].as_str().expect("ja");
        let en = finding["messages"]["en"].as_str().expect("en");
        assert!(ja.chars().any(|c| c > '\u{3000}'), "Japanese text: {ja}");
        assert!(en.is_ascii(), "English text: {en}");
        assert!(ja.contains(subject) && en.contains(subject), "{subject}");
        assert_eq!(finding["message"], finding["messages"]["en"]);
        assert_eq!(in_japanese["message"], finding["messages"]["ja"]);
    }
    let too_few = &listed[5];
    assert_eq!(
        too_few["message"],
        "Audit body aoba-audit has 2 qualified signing auditors, fewer than the 3 required."
    );
    let ito = &listed[0];
    assert_eq!(
        ito["message"],
        "Signing auditor Ito does not meet the requirements and may not sign: \
         holds none of the required qualifications; has 2 years of experience, fewer than 3."
    );
}

#[test]
fn the_validity_runs_to_the_day_before_the_anniversary() {
    for (decided_on, years, until) in [
        ("2026-04-01", None, "2029-03-31"),
        ("2028-02-29", None, "2031-02-28"),
        ("2028-02-29", Some(4), "2032-02-28"),
        ("2026-01-01", Some(1), "2026-12-31"),
        ("2027-03-01", Some(1), "2028-02-29"),
        ("9996-12-31", None, "9999-12-30"),
        ("9997-01-01", None, "9999-12-31"),
    ] {
        let mut case = base();
        case["decided_on"] = json!(decided_on);
        if let Some(years) = years {
            case["requirements"] = json!({"validity_years": years});
        }
        let answer = selection(&case);
        assert_eq!(answer["valid_from"], decided_on);
        assert_eq!(answer["valid_until"], until, "{decided_on} + {years:?}");
    }
}

#[test]
fn a_selection_past_the_calendar_is_malformed() {
    let mut case = base();
    case["decided_on"] = json!("9997-01-02");
    let error = crate::support::malformed(DecisionKind::Selection, &case);
    assert_eq!(
        (error.pointer.as_str(), error.problem.code()),
        ("/decided_on", "inconsistent")
    );
}

#[test]
fn the_requirements_default_key_by_key() {
    let defaults = selection(&base());
    let mut written_out = base();
    written_out["requirements"] = json!({
        "qualifications_any": ["CISSP", "CISA", "RISS", "CAIS"], "min_experience_years": 3,
        "nationality": "JP", "min_signing_auditors": 2, "validity_years": 3
    });
    assert_eq!(selection(&written_out), defaults);
    for empty in [json!({}), Value::Null] {
        let mut case = base();
        case["requirements"] = empty;
        assert_eq!(selection(&case), defaults);
    }
    let mut nulls = base();
    nulls["requirements"] = json!({"qualifications_any": null, "min_signing_auditors": null});
    assert_eq!(selection(&nulls), defaults);
}

#[test]
fn each_requirement_can_be_overridden_alone() {
    let with = |requirements: Value| {
        let mut case = base();
        case["requirements"] = requirements;
        selection(&case)
    };
    // Only RISS counts: Sato holds CISA alone.
    let answer = with(json!({"qualifications_any": ["RISS"]}));
    assert_eq!(
        findings(&answer),
        pairs(&[
            ("auditor_not_qualified", "Sato"),
            ("too_few_signing_auditors", "aoba-audit"),
        ])
    );
    assert_eq!(strings(&answer["qualified_signing_auditors"]), ["Suzuki"]);
    // Six years: Sato has five.
    let answer = with(json!({"min_experience_years": 6, "min_signing_auditors": 1}));
    assert_eq!(
        findings(&answer),
        pairs(&[("auditor_not_qualified", "Sato")])
    );
    assert_eq!(answer["decision"], "select");
    // Another nationality: neither qualifies, and the non-signing US auditor is never checked.
    let answer = with(json!({"nationality": "US"}));
    assert_eq!(
        findings(&answer),
        pairs(&[
            ("auditor_not_qualified", "Sato"),
            ("auditor_not_qualified", "Suzuki"),
            ("too_few_signing_auditors", "aoba-audit"),
        ])
    );
    assert_eq!(answer["qualified_signing_auditors"], json!([]));
    // One signing auditor is enough when one is asked for.
    let mut case = base();
    auditors(&mut case).remove(1);
    case["requirements"] = json!({"min_signing_auditors": 1, "validity_years": 5});
    let answer = selection(&case);
    assert_eq!(answer["decision"], "select");
    assert_eq!(answer["valid_until"], "2031-03-31");
}

#[test]
fn only_signing_auditors_count_and_are_checked() {
    let mut case = base();
    auditors(&mut case)[1]["signing"] = json!(false);
    let answer = selection(&case);
    assert_eq!(
        findings(&answer),
        pairs(&[("too_few_signing_auditors", "aoba-audit")])
    );
    assert_eq!(strings(&answer["qualified_signing_auditors"]), ["Sato"]);
    // The same auditor as a signer would be a finding of its own.
    let mut case = base();
    auditors(&mut case)[2]["signing"] = json!(true);
    assert_eq!(
        findings(&selection(&case)),
        pairs(&[("auditor_not_qualified", "Tanaka")])
    );
    // No auditors at all.
    let mut case = base();
    auditors(&mut case).clear();
    let answer = selection(&case);
    assert_eq!(
        findings(&answer),
        pairs(&[("too_few_signing_auditors", "aoba-audit")])
    );
    assert!(
        answer["findings"][0]["message"]
            .as_str()
            .expect("message")
            .contains("has 0 qualified signing auditors")
    );
}

#[test]
fn qualifications_and_nationality_are_compared_exactly() {
    let mut case = base();
    auditors(&mut case)[0]["qualifications"] = json!(["cisa", "CISA "]);
    auditors(&mut case)[1]["nationality"] = json!("jp");
    assert_eq!(
        findings(&selection(&case)),
        pairs(&[
            ("auditor_not_qualified", "Sato"),
            ("auditor_not_qualified", "Suzuki"),
            ("too_few_signing_auditors", "aoba-audit"),
        ])
    );
}

#[test]
fn white_space_of_any_kind_is_empty() {
    for blank in [
        "",
        " ",
        "\u{3000}",
        "\u{00A0}",
        "\t\r\n",
        "\u{2028}\u{2003}",
    ] {
        let mut case = base();
        case["applicant"]["quality_control"] = json!(blank);
        assert_eq!(
            findings(&selection(&case)),
            pairs(&[("no_quality_control", "aoba-audit")]),
            "{blank:?}"
        );
    }
    // A zero-width space is a character, not white space.
    let mut case = base();
    case["applicant"]["subcontracting_rules"] = json!("\u{200B}");
    assert_eq!(selection(&case)["findings"], json!([]));
}

#[test]
fn extra_fields_are_ignored() {
    let mut case = base();
    case["comment"] = json!("application of 2026-03");
    case["applicant"]["name"] = json!({"ja": "青葉監査法人", "en": "Aoba Audit"});
    auditors(&mut case)[0]["employed_since"] = json!("2019-04-01");
    case["requirements"] = json!({"review": "annual"});
    assert_eq!(selection(&case), selection(&base()));
}
