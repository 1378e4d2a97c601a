//! The registration rule of RULES.md, one test per clause.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::registration::FindingCode;

use crate::support::{answer, strings};

/// A clean application at level 2 for a SaaS that registers. Controls 9.4.1.1 (level 3 only) and
/// 9.4.1.2 (IaaS only) do not apply and are deliberately left unaddressed.
pub fn base() -> Value {
    json!({
        "criteria": {
            "version": "demo-2026",
            "objectives": [
                {"id": "5.1.1"}, {"id": "6.1.1"}, {"id": "6.1.2"}, {"id": "9.4.1"}, {"id": "12.3.1"}
            ],
            "controls": [
                {"id": "5.1.1.1", "objective": "5.1.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "5.1.1.2", "objective": "5.1.1", "mandatory": false, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "6.1.1.1", "objective": "6.1.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "6.1.1.2", "objective": "6.1.1", "mandatory": false, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "6.1.2.1", "objective": "6.1.2", "mandatory": true, "min_level": 2, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "6.1.2.2", "objective": "6.1.2", "mandatory": false, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "9.4.1.1", "objective": "9.4.1", "mandatory": true, "min_level": 3, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "9.4.1.2", "objective": "9.4.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS"]},
                {"id": "12.3.1.1", "objective": "12.3.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "12.3.1.2", "objective": "12.3.1", "mandatory": false, "min_level": 2, "service_models": ["PaaS", "SaaS"]}
            ]
        },
        "application": {
            "service": "svc-a", "target_level": 2, "service_models": ["SaaS"],
            "registered_scope": "svc-a production", "depends_on": ["svc-base"],
            "underlying_evaluated_in_audit": []
        },
        "registry": [{"service": "svc-base", "status": "registered", "level": 3}],
        "audit_body": {"id": "ab-1", "status": "selected", "valid_from": "2025-04-01", "valid_until": "2028-03-31"},
        "signing_auditor": {"name": "auditor-1", "qualifications": ["CISA"], "experience_years": 5, "nationality": "JP"},
        "audit": {"period_start": "2025-10-01", "period_end": "2026-03-31", "audited_scope": "svc-a production"},
        "statement": {
            "selected": ["5.1.1.1", "5.1.1.2", "6.1.1.1", "6.1.1.2", "6.1.2.1", "6.1.2.2", "12.3.1.1", "12.3.1.2"],
            "excluded": []
        },
        "report": {
            "objectives": [
                {"objective": "5.1.1", "effective": true, "reason": "policies approved and reviewed"},
                {"objective": "6.1.1", "effective": true, "reason": "roles assigned"},
                {"objective": "6.1.2", "effective": true, "reason": "duties separated"},
                {"objective": "12.3.1", "effective": true, "reason": "backups restored in test"}
            ],
            "controls": [
                {"control": "5.1.1.1", "conformant": true, "reason": "policy signed 2025-09"},
                {"control": "5.1.1.2", "conformant": true, "reason": "published to staff"},
                {"control": "6.1.1.1", "conformant": true, "reason": "RACI inspected"},
                {"control": "6.1.1.2", "conformant": true, "reason": "job descriptions inspected"},
                {"control": "6.1.2.1", "conformant": true, "reason": "access matrix inspected"},
                {"control": "6.1.2.2", "conformant": true, "reason": "sampled approvals"},
                {"control": "12.3.1.1", "conformant": true, "reason": "20 daily backups sampled"},
                {"control": "12.3.1.2", "conformant": true, "reason": "restore re-performed"}
            ]
        }
    })
}

fn at<'a>(case: &'a mut Value, pointer: &str) -> &'a mut Value {
    case.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the base case"))
}

fn push(case: &mut Value, pointer: &str, item: Value) {
    at(case, pointer).as_array_mut().expect("array").push(item);
}

fn remove_item(case: &mut Value, pointer: &str, keep: impl Fn(&Value) -> bool) {
    at(case, pointer)
        .as_array_mut()
        .expect("array")
        .retain(keep);
}

fn result_for<'a>(case: &'a mut Value, list: &str, key: &str, id: &str) -> &'a mut Value {
    at(case, list)
        .as_array_mut()
        .expect("array")
        .iter_mut()
        .find(|item| item[key] == id)
        .expect("result present")
}

/// Each mutation triggers one finding code on its own, on a subject no other mutation touches,
/// so all of them can also be applied together.
type Mutation = (FindingCode, &'static str, fn(&mut Value));

fn mutations() -> Vec<Mutation> {
    vec![
        (FindingCode::AuditBodyNotSelected, "ab-1", |c| {
            *at(c, "/audit_body/status") = json!("revoked");
        }),
        (FindingCode::AuditorNotQualified, "auditor-1", |c| {
            *at(c, "/signing_auditor/experience_years") = json!(1);
        }),
        (FindingCode::AuditKindNotAllowed, "svc-a", |c| {
            at(c, "/audit")["kind"] = json!("internal_audit_evaluation");
        }),
        (FindingCode::ScopeMismatch, "svc-a", |c| {
            *at(c, "/audit/audited_scope") = json!("svc-a staging");
        }),
        (FindingCode::UnknownControl, "7.7.7.7", |c| {
            push(c, "/statement/selected", json!("7.7.7.7"));
        }),
        (FindingCode::SelectedAndExcluded, "5.1.1.2", |c| {
            push(
                c,
                "/statement/excluded",
                json!({"control": "5.1.1.2", "reason": "covered elsewhere"}),
            );
        }),
        (FindingCode::ControlNotAddressed, "12.3.1.2", |c| {
            remove_item(c, "/statement/selected", |id| id != "12.3.1.2");
        }),
        (FindingCode::ExclusionWithoutReason, "9.4.1.1", |c| {
            push(
                c,
                "/statement/excluded",
                json!({"control": "9.4.1.1", "reason": " \t "}),
            );
        }),
        (FindingCode::MandatoryControlExcluded, "6.1.2.1", |c| {
            remove_item(c, "/statement/selected", |id| id != "6.1.2.1");
            push(
                c,
                "/statement/excluded",
                json!({"control": "6.1.2.1", "reason": "done by the customer"}),
            );
        }),
        (FindingCode::ReportIncomplete, "5.1.1.1", |c| {
            remove_item(c, "/report/controls", |r| r["control"] != "5.1.1.1");
        }),
        (FindingCode::ObjectiveNotEffective, "6.1.1", |c| {
            result_for(c, "/report/objectives", "objective", "6.1.1")["effective"] = json!(false);
        }),
        (
            FindingCode::MandatoryControlNonconformant,
            "12.3.1.1",
            |c| {
                result_for(c, "/report/controls", "control", "12.3.1.1")["conformant"] =
                    json!(false);
            },
        ),
        (FindingCode::UnderlyingNotRegistered, "svc-gone", |c| {
            push(c, "/application/depends_on", json!("svc-gone"));
        }),
        (FindingCode::UnderlyingLevelTooLow, "svc-base", |c| {
            result_for(c, "/registry", "service", "svc-base")["level"] = json!(1);
        }),
        (FindingCode::ExplanationRejected, "6.1.2.2", |c| {
            result_for(c, "/report/controls", "control", "6.1.2.2")["conformant"] = json!(false);
            c["explanations"] = json!([{"control": "6.1.2.2", "accepted": false}]);
        }),
    ]
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

fn assert_rejected(answer: &Value) {
    assert_eq!(answer["decision"], "reject");
    assert_eq!(answer["level"], Value::Null);
    assert_eq!(answer["valid_until"], Value::Null);
}

#[test]
fn the_base_case_registers_at_its_target_level_with_default_validity() {
    let answer = answer(DecisionKind::Registration, &base());
    assert_eq!(answer["decision"], "register");
    assert_eq!(answer["level"], 2);
    assert_eq!(answer["valid_until"], "2027-07-31");
    assert_eq!(answer["findings"], json!([]));
    assert_eq!(answer["explanations_requested"], json!([]));
}

#[test]
fn the_mutations_cover_every_finding_code() {
    let covered: Vec<FindingCode> = mutations().iter().map(|(code, _, _)| *code).collect();
    for code in FindingCode::ALL {
        assert!(covered.contains(&code), "{code:?} has no test");
    }
}

#[test]
fn every_finding_code_is_triggered_alone() {
    for (code, subject, mutate) in mutations() {
        let mut case = base();
        mutate(&mut case);
        let answer = answer(DecisionKind::Registration, &case);
        assert_eq!(
            findings(&answer),
            vec![(code.as_str().to_owned(), subject.to_owned())],
            "mutation for {}",
            code.as_str()
        );
        assert_rejected(&answer);
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
    expected.sort();
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(findings(&answer), expected);
    assert_rejected(&answer);
}

#[test]
fn every_finding_has_a_message_in_both_languages() {
    let mut case = base();
    for (_, _, mutate) in mutations() {
        mutate(&mut case);
    }
    let answer = answer(DecisionKind::Registration, &case);
    for finding in answer["findings"].as_array().expect("findings") {
        let ja = finding["messages"]["ja"].as_str().expect("ja");
        let en = finding["messages"]["en"].as_str().expect("en");
        assert!(
            ja.chars().any(|c| c > '\u{3000}'),
            "Japanese text expected: {ja}"
        );
        assert!(
            en.is_ascii() || en.contains('"'),
            "English text expected: {en}"
        );
        assert_eq!(finding["message"], finding["messages"]["en"]);
        assert!(ja.contains(finding["subject"].as_str().expect("subject")));
        assert!(en.contains(finding["subject"].as_str().expect("subject")));
    }
}

#[test]
fn controls_that_do_not_apply_need_no_decision() {
    // 9.4.1.1 (level 3) and 9.4.1.2 (IaaS) are unaddressed in the base case, which registers.
    let mut case = base();
    *at(&mut case, "/application/target_level") = json!(3);
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![("control_not_addressed".to_owned(), "9.4.1.1".to_owned())],
        "at level 3 the level-3 control applies, the IaaS one still does not"
    );

    let mut case = base();
    *at(&mut case, "/application/service_models") = json!(["SaaS", "IaaS"]);
    let answer = crate::support::answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![("control_not_addressed".to_owned(), "9.4.1.2".to_owned())],
        "offering IaaS too makes the IaaS control apply"
    );

    let mut case = base();
    *at(&mut case, "/application/target_level") = json!(1);
    remove_item(&mut case, "/statement/selected", |id| {
        id != "6.1.2.1" && id != "12.3.1.2"
    });
    let answer = crate::support::answer(DecisionKind::Registration, &case);
    assert_eq!(
        answer["decision"], "register",
        "level-2 controls need no decision at level 1"
    );
    assert_eq!(answer["level"], 1);
}

#[test]
fn an_excluded_mandatory_control_that_does_not_apply_is_fine() {
    let mut case = base();
    push(
        &mut case,
        "/statement/excluded",
        json!({"control": "9.4.1.2", "reason": "no IaaS offered"}),
    );
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
}

#[test]
fn audit_body_outside_its_selection_period_is_not_selected() {
    for (from, until) in [("2025-10-02", "2028-03-31"), ("2025-04-01", "2026-03-30")] {
        let mut case = base();
        *at(&mut case, "/audit_body/valid_from") = json!(from);
        *at(&mut case, "/audit_body/valid_until") = json!(until);
        let answer = answer(DecisionKind::Registration, &case);
        assert_eq!(
            findings(&answer),
            vec![("audit_body_not_selected".into(), "ab-1".into())]
        );
    }
    // Both ends of the range count as inside.
    let mut case = base();
    *at(&mut case, "/audit_body/valid_from") = json!("2025-10-01");
    *at(&mut case, "/audit_body/valid_until") = json!("2026-03-31");
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
    for status in ["suspended", "revoked", "expired"] {
        let mut case = base();
        *at(&mut case, "/audit_body/status") = json!(status);
        assert_eq!(
            findings(&answer(DecisionKind::Registration, &case)).len(),
            1,
            "{status}"
        );
    }
}

#[test]
fn each_auditor_requirement_is_checked() {
    let changes: [(&str, Value); 3] = [
        ("/signing_auditor/qualifications", json!(["CISM", "PMP"])),
        ("/signing_auditor/experience_years", json!(2)),
        ("/signing_auditor/nationality", json!("US")),
    ];
    for (pointer, value) in changes {
        let mut case = base();
        *at(&mut case, pointer) = value;
        let answer = answer(DecisionKind::Registration, &case);
        assert_eq!(
            findings(&answer),
            vec![("auditor_not_qualified".into(), "auditor-1".into())],
            "{pointer}"
        );
    }
}

#[test]
fn auditor_requirements_default_and_can_be_overridden_field_by_field() {
    // Defaults: one of CISSP, CISA, RISS, CAIS; 3 years; JP.
    for (qualification, years, ok) in [
        ("RISS", 3, true),
        ("CAIS", 3, true),
        ("CISSP", 2, false),
        ("CISM", 9, false),
    ] {
        let mut case = base();
        *at(&mut case, "/signing_auditor/qualifications") = json!([qualification]);
        *at(&mut case, "/signing_auditor/experience_years") = json!(years);
        let decision = answer(DecisionKind::Registration, &case)["decision"].clone();
        assert_eq!(decision == "register", ok, "{qualification} {years}");
    }
    let mut case = base();
    case["auditor_requirements"] = json!({"min_experience_years": 10});
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![("auditor_not_qualified".into(), "auditor-1".into())]
    );

    let mut case = base();
    case["auditor_requirements"] = json!({"qualifications_any": ["ISMS-LA"], "nationality": "SG"});
    *at(&mut case, "/signing_auditor/qualifications") = json!(["ISMS-LA"]);
    *at(&mut case, "/signing_auditor/nationality") = json!("SG");
    assert_eq!(
        crate::support::answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
}

#[test]
fn scopes_are_compared_after_trimming_outer_white_space_only() {
    let mut case = base();
    *at(&mut case, "/audit/audited_scope") = json!("  svc-a production\n");
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
    let mut case = base();
    *at(&mut case, "/audit/audited_scope") = json!("svc-a  production");
    assert_eq!(
        findings(&answer(DecisionKind::Registration, &case))[0].0,
        "scope_mismatch"
    );
}

#[test]
fn unknown_ids_in_the_report_and_the_exclusions_are_found_once_each() {
    let mut case = base();
    push(
        &mut case,
        "/report/controls",
        json!({"control": "8.8.8.8", "conformant": true, "reason": "x"}),
    );
    push(
        &mut case,
        "/report/objectives",
        json!({"objective": "8.8.8", "effective": true, "reason": "x"}),
    );
    push(
        &mut case,
        "/statement/excluded",
        json!({"control": "8.8.8.8", "reason": "n/a"}),
    );
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![
            ("unknown_control".into(), "8.8.8".into()),
            ("unknown_control".into(), "8.8.8.8".into())
        ]
    );
    let message = &answer["findings"][1]["message"];
    assert!(
        message
            .as_str()
            .expect("text")
            .contains("named in the statement and report"),
        "{message}"
    );
}

#[test]
fn an_explanation_of_an_unknown_control_is_an_unknown_control() {
    let mut case = base();
    case["explanations"] = json!([{"control": "6.1.1.3", "accepted": true}]);
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![("unknown_control".into(), "6.1.1.3".into())]
    );
    assert!(
        answer["findings"][0]["message"]
            .as_str()
            .expect("text")
            .contains("explanations")
    );
}

#[test]
fn report_incomplete_covers_missing_and_blank_results_for_controls_and_objectives() {
    let mut case = base();
    result_for(&mut case, "/report/controls", "control", "6.1.1.2")["reason"] = json!("   ");
    assert_eq!(
        findings(&answer(DecisionKind::Registration, &case)),
        vec![("report_incomplete".into(), "6.1.1.2".into())]
    );

    let mut case = base();
    remove_item(&mut case, "/report/objectives", |r| {
        r["objective"] != "12.3.1"
    });
    assert_eq!(
        findings(&answer(DecisionKind::Registration, &case)),
        vec![("report_incomplete".into(), "12.3.1".into())]
    );

    let mut case = base();
    result_for(&mut case, "/report/objectives", "objective", "5.1.1")["reason"] = json!("");
    assert_eq!(
        findings(&answer(DecisionKind::Registration, &case)),
        vec![("report_incomplete".into(), "5.1.1".into())]
    );
}

#[test]
fn a_nonconformant_recommended_control_needs_an_explanation() {
    let mut case = base();
    result_for(&mut case, "/report/controls", "control", "6.1.1.2")["conformant"] = json!(false);
    let asked = answer(DecisionKind::Registration, &case);
    assert_eq!(asked["decision"], "request_explanation");
    assert_eq!(asked["level"], Value::Null);
    assert_eq!(asked["valid_until"], Value::Null);
    assert_eq!(asked["findings"], json!([]));
    assert_eq!(strings(&asked["explanations_requested"]), vec!["6.1.1.2"]);

    case["explanations"] = json!([{"control": "6.1.1.2", "accepted": true}]);
    let accepted = answer(DecisionKind::Registration, &case);
    assert_eq!(accepted["decision"], "register");
    assert_eq!(accepted["level"], 2);

    case["explanations"] = json!([{"control": "6.1.1.2", "accepted": false}]);
    let rejected = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&rejected),
        vec![("explanation_rejected".into(), "6.1.1.2".into())]
    );
}

#[test]
fn no_explanation_is_asked_when_the_objective_itself_failed() {
    let mut case = base();
    result_for(&mut case, "/report/controls", "control", "6.1.1.2")["conformant"] = json!(false);
    result_for(&mut case, "/report/objectives", "objective", "6.1.1")["effective"] = json!(false);
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![("objective_not_effective".into(), "6.1.1".into())]
    );
    assert_eq!(answer["explanations_requested"], json!([]));
}

#[test]
fn explanations_requested_are_listed_even_when_rejecting_and_sorted() {
    let mut case = base();
    for id in ["6.1.2.2", "5.1.1.2"] {
        result_for(&mut case, "/report/controls", "control", id)["conformant"] = json!(false);
    }
    *at(&mut case, "/audit/audited_scope") = json!("elsewhere");
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(answer["decision"], "reject");
    assert_eq!(
        strings(&answer["explanations_requested"]),
        vec!["5.1.1.2", "6.1.2.2"]
    );
}

#[test]
fn underlying_services_must_be_registered_at_the_level_unless_evaluated_in_the_audit() {
    for status in ["suspended", "expired", "deregistered"] {
        let mut case = base();
        result_for(&mut case, "/registry", "service", "svc-base")["status"] = json!(status);
        let answer = answer(DecisionKind::Registration, &case);
        assert_eq!(
            findings(&answer),
            vec![("underlying_not_registered".into(), "svc-base".into())]
        );
        assert!(
            answer["findings"][0]["message"]
                .as_str()
                .expect("text")
                .contains(status)
        );
    }
    let mut case = base();
    result_for(&mut case, "/registry", "service", "svc-base")["level"] = json!(2);
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register",
        "equal level is enough"
    );

    let mut case = base();
    result_for(&mut case, "/registry", "service", "svc-base")["status"] = json!("suspended");
    push(&mut case, "/application/depends_on", json!("svc-unlisted"));
    result_for(&mut case, "/registry", "service", "svc-base")["level"] = json!(1);
    *at(&mut case, "/application/underlying_evaluated_in_audit") =
        json!(["svc-base", "svc-unlisted"]);
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
}

#[test]
fn dependency_lists_and_explanations_default_to_empty() {
    let mut case = base();
    let application = at(&mut case, "/application")
        .as_object_mut()
        .expect("object");
    application.remove("depends_on");
    application.remove("underlying_evaluated_in_audit");
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );

    // Without underlying_evaluated_in_audit nothing is exempt.
    let mut case = base();
    at(&mut case, "/application")
        .as_object_mut()
        .expect("object")
        .remove("underlying_evaluated_in_audit");
    result_for(&mut case, "/registry", "service", "svc-base")["status"] = json!("expired");
    assert_eq!(
        findings(&answer(DecisionKind::Registration, &case))[0].0,
        "underlying_not_registered"
    );

    // Without explanations, a non-conformant recommended control is asked about.
    let mut case = base();
    case.as_object_mut().expect("object").remove("explanations");
    result_for(&mut case, "/report/controls", "control", "5.1.1.2")["conformant"] = json!(false);
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "request_explanation"
    );
}

#[test]
fn validity_runs_sixteen_months_from_the_audit_period_clamped_to_month_end() {
    let mut case = base();
    *at(&mut case, "/audit/period_end") = json!("2026-03-31");
    assert_eq!(
        answer(DecisionKind::Registration, &case)["valid_until"],
        "2027-07-31"
    );

    let mut case = base();
    *at(&mut case, "/audit_body/valid_from") = json!("2024-04-01");
    *at(&mut case, "/audit/period_start") = json!("2024-11-01");
    *at(&mut case, "/audit/period_end") = json!("2025-10-31");
    assert_eq!(
        answer(DecisionKind::Registration, &case)["valid_until"],
        "2027-02-28"
    );
}

#[test]
fn validity_months_can_be_set() {
    let mut case = base();
    case["validity_months"] = json!(12);
    assert_eq!(
        answer(DecisionKind::Registration, &case)["valid_until"],
        "2027-03-31"
    );
    case["validity_months"] = json!(11);
    assert_eq!(
        answer(DecisionKind::Registration, &case)["valid_until"],
        "2027-02-28"
    );
}

#[test]
fn extra_fields_are_ignored() {
    let mut case = base();
    case["comment"] = json!("drafted for pre-consultation");
    at(&mut case, "/application")
        .as_object_mut()
        .expect("object")
        .insert("name_ja".into(), json!("サービスA"));
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
}

#[test]
fn ids_are_compared_exactly() {
    let mut case = base();
    remove_item(&mut case, "/statement/selected", |id| id != "6.1.1.1");
    push(&mut case, "/statement/selected", json!("6.1.1.1 "));
    let answer = answer(DecisionKind::Registration, &case);
    assert_eq!(
        findings(&answer),
        vec![
            ("control_not_addressed".into(), "6.1.1.1".into()),
            ("unknown_control".into(), "6.1.1.1 ".into())
        ]
    );
}

#[test]
fn an_evaluation_of_the_internal_audit_registers_at_level_1_only() {
    let mut case = base();
    at(&mut case, "/audit")["kind"] = json!("three_phase");
    assert_eq!(
        answer(DecisionKind::Registration, &case)["decision"],
        "register"
    );
    at(&mut case, "/audit")["kind"] = json!("internal_audit_evaluation");
    for (level, expected) in [(3, false), (2, false), (1, true)] {
        *at(&mut case, "/application/target_level") = json!(level);
        let answer = answer(DecisionKind::Registration, &case);
        let codes: Vec<String> = findings(&answer)
            .into_iter()
            .map(|(code, _)| code)
            .collect();
        assert_eq!(
            codes.contains(&"audit_kind_not_allowed".to_owned()),
            !expected,
            "level {level}: {answer}"
        );
    }
    *at(&mut case, "/application/target_level") = json!(2);
    let answer = answer(DecisionKind::Registration, &case);
    let message = &answer["findings"][0]["messages"];
    assert!(
        message["en"].as_str().unwrap().contains("level 1 only"),
        "{message}"
    );
    assert!(
        message["ja"].as_str().unwrap().contains("レベル1"),
        "{message}"
    );
}
