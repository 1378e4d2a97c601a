//! The pre-check rule of RULES.md (`precheck`), one test per clause.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::precheck::FindingCode;

use crate::support::answer;

/// A draft statement for a SaaS at level 2 that is clean at levels 1 and 2, and has four
/// findings at level 3: control 9.4.1.1 and items G.2.1 and M.2.1 apply only there, and the
/// underlying svc-base is registered at level 2. G.3.1 and 9.4.1.2 concern IaaS only and never
/// apply.
pub fn base() -> Value {
    json!({
        "criteria": {
            "version": "demo-2026",
            "governance": [
                {"id": "G.1.1"},
                {"id": "G.1.2", "min_level": 2},
                {"id": "G.2.1", "min_level": 3},
                {"id": "G.3.1", "service_models": ["IaaS"]}
            ],
            "management": [
                {"id": "M.1.1", "min_level": 2},
                {"id": "M.1.2", "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "M.2.1", "min_level": 3}
            ],
            "objectives": [
                {"id": "5.1.1"}, {"id": "6.1.1"}, {"id": "6.1.2"}, {"id": "9.4.1"}, {"id": "12.3.1"}
            ],
            "controls": [
                {"id": "5.1.1.1", "objective": "5.1.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"], "technology_examples": ["policy-portal"]},
                {"id": "5.1.1.2", "objective": "5.1.1", "mandatory": false, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "6.1.1.1", "objective": "6.1.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"], "technology_examples": ["MFA", "SSO"]},
                {"id": "6.1.1.2", "objective": "6.1.1", "mandatory": false, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"], "technology_examples": ["IdP"]},
                {"id": "6.1.2.1", "objective": "6.1.2", "mandatory": true, "min_level": 2, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "6.1.2.2", "objective": "6.1.2", "mandatory": false, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "9.4.1.1", "objective": "9.4.1", "mandatory": true, "min_level": 3, "service_models": ["IaaS", "PaaS", "SaaS"]},
                {"id": "9.4.1.2", "objective": "9.4.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS"]},
                {"id": "12.3.1.1", "objective": "12.3.1", "mandatory": true, "min_level": 1, "service_models": ["IaaS", "PaaS", "SaaS"], "technology_examples": ["offsite-backup"]},
                {"id": "12.3.1.2", "objective": "12.3.1", "mandatory": false, "min_level": 2, "service_models": ["PaaS", "SaaS"]}
            ]
        },
        "application": {
            "service": "svc-a", "target_level": 2, "service_models": ["SaaS"],
            "depends_on": ["svc-base"], "underlying_evaluated_in_audit": []
        },
        "registry": [{"service": "svc-base", "status": "registered", "level": 2}],
        "statement": {
            "governance": [
                {"item": "G.1.1", "status": "implemented"},
                {"item": "G.1.2", "status": "implemented"}
            ],
            "management": [
                {"item": "M.1.1", "status": "implemented"},
                {"item": "M.1.2", "status": "implemented"}
            ],
            "selected": [
                {"control": "5.1.1.1", "individual_control": "The security policy is approved by the board", "technologies": ["policy-portal"]},
                {"control": "6.1.1.1", "individual_control": "Administrators sign in with MFA", "technologies": ["MFA"], "rationale": ""},
                {"control": "6.1.1.2", "individual_control": "Roles are held in the directory", "technologies": ["LDAP directory"], "rationale": "The directory holds every role and is reviewed monthly"},
                {"control": "6.1.2.1", "individual_control": "Duties are separated in the access matrix"},
                {"control": "6.1.2.2", "individual_control": "Approvals are logged"},
                {"control": "12.3.1.1", "individual_control": "Daily backups to a second region", "technologies": ["offsite-backup"]},
                {"control": "12.3.1.2", "individual_control": "Restores are tested quarterly"}
            ],
            "excluded": [
                {"control": "5.1.1.2", "reason": "Covered by the policy of 5.1.1.1"}
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

fn remove_entry(case: &mut Value, pointer: &str, key: &str, id: &str) {
    let list = at(case, pointer).as_array_mut().expect("array");
    let before = list.len();
    list.retain(|entry| entry[key] != id);
    assert_eq!(list.len() + 1, before, "{id} was in {pointer}");
}

fn entry<'a>(case: &'a mut Value, pointer: &str, key: &str, id: &str) -> &'a mut Value {
    at(case, pointer)
        .as_array_mut()
        .expect("array")
        .iter_mut()
        .find(|entry| entry[key] == id)
        .unwrap_or_else(|| panic!("{id} in {pointer}"))
}

fn selection<'a>(case: &'a mut Value, control: &str) -> &'a mut Value {
    entry(case, "/statement/selected", "control", control)
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

fn by_level(answer: &Value) -> [u64; 3] {
    ["1", "2", "3"].map(|level| {
        answer["findings_by_level"][level]
            .as_u64()
            .expect("a count per level")
    })
}

fn precheck(case: &Value) -> Value {
    answer(DecisionKind::Precheck, case)
}

/// Each mutation gives one finding at level 2 on its own, on a subject no other mutation
/// touches, so all of them can also be applied together.
type Mutation = (FindingCode, &'static str, fn(&mut Value));

fn mutations() -> Vec<Mutation> {
    vec![
        (FindingCode::UnknownControl, "7.7.7.7", |c| {
            push(
                c,
                "/statement/selected",
                json!({"control": "7.7.7.7", "individual_control": "Something extra"}),
            );
        }),
        (FindingCode::UnknownItem, "G.9.9", |c| {
            push(
                c,
                "/statement/governance",
                json!({"item": "G.9.9", "status": "implemented"}),
            );
        }),
        (FindingCode::SelectedAndExcluded, "6.1.2.2", |c| {
            push(
                c,
                "/statement/excluded",
                json!({"control": "6.1.2.2", "reason": "Done by the customer"}),
            );
        }),
        (FindingCode::ControlNotAddressed, "12.3.1.2", |c| {
            remove_entry(c, "/statement/selected", "control", "12.3.1.2");
        }),
        (FindingCode::ExclusionWithoutReason, "9.4.1.2", |c| {
            push(
                c,
                "/statement/excluded",
                json!({"control": "9.4.1.2", "reason": "\u{3000}\u{00A0}\t\n"}),
            );
        }),
        (FindingCode::MandatoryControlExcluded, "6.1.2.1", |c| {
            remove_entry(c, "/statement/selected", "control", "6.1.2.1");
            push(
                c,
                "/statement/excluded",
                json!({"control": "6.1.2.1", "reason": "The customer separates duties"}),
            );
        }),
        (FindingCode::IndividualControlMissing, "5.1.1.1", |c| {
            selection(c, "5.1.1.1")["individual_control"] = json!(" \u{3000} ");
        }),
        (FindingCode::RationaleMissing, "12.3.1.1", |c| {
            selection(c, "12.3.1.1")["technologies"] =
                json!(["offsite-backup", "tape vault", "tape vault"]);
            selection(c, "12.3.1.1")["rationale"] = json!("\u{2003}");
        }),
        (FindingCode::GovernanceItemNotImplemented, "G.1.2", |c| {
            entry(c, "/statement/governance", "item", "G.1.2")["status"] = json!("partial");
        }),
        (FindingCode::ManagementItemNotImplemented, "M.1.1", |c| {
            remove_entry(c, "/statement/management", "item", "M.1.1");
        }),
        (FindingCode::UnderlyingNotRegistered, "svc-gone", |c| {
            push(c, "/application/depends_on", json!("svc-gone"));
        }),
        (FindingCode::UnderlyingLevelTooLow, "svc-base", |c| {
            entry(c, "/registry", "service", "svc-base")["level"] = json!(1);
        }),
    ]
}

#[test]
fn the_base_case_reaches_level_2_and_lists_what_level_3_lacks() {
    let answer = precheck(&base());
    assert_eq!(answer["target_level"], 2);
    assert_eq!(answer["findings"], json!([]));
    assert_eq!(answer["reachable_level"], 2);
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 0, "3": 4}));

    let mut case = base();
    *at(&mut case, "/application/target_level") = json!(3);
    let at_3 = precheck(&case);
    assert_eq!(
        findings(&at_3),
        pairs(&[
            ("control_not_addressed", "9.4.1.1"),
            ("governance_item_not_implemented", "G.2.1"),
            ("management_item_not_implemented", "M.2.1"),
            ("underlying_level_too_low", "svc-base"),
        ])
    );
    assert_eq!(at_3["reachable_level"], 2, "the target does not move it");
    assert_eq!(at_3["findings_by_level"], answer["findings_by_level"]);
}

#[test]
fn the_mutations_cover_every_finding_code() {
    let covered: Vec<FindingCode> = mutations().iter().map(|(code, _, _)| *code).collect();
    for code in FindingCode::ALL {
        assert!(covered.contains(&code), "{code:?} has no test");
    }
}

#[test]
fn every_finding_code_is_found_alone() {
    for (code, subject, mutate) in mutations() {
        let mut case = base();
        mutate(&mut case);
        let answer = precheck(&case);
        assert_eq!(
            findings(&answer),
            pairs(&[(code.as_str(), subject)]),
            "mutation for {}",
            code.as_str()
        );
        // Every one of them stands in the way of level 2; those that do not mention the level
        // stand in the way of level 1 too.
        let expected_reach = if code.counts_at_every_level() {
            Value::Null
        } else {
            json!(1)
        };
        assert_eq!(answer["reachable_level"], expected_reach, "{code:?}");
        assert_eq!(by_level(&answer)[1], 1, "{code:?}");
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
    let answer = precheck(&case);
    assert_eq!(findings(&answer), expected);
    assert_eq!(answer["reachable_level"], Value::Null);
    let at_every_level = FindingCode::ALL
        .iter()
        .filter(|code| code.counts_at_every_level())
        .count() as u64;
    assert_eq!(by_level(&answer), [at_every_level, 12, 15]);
}

#[test]
fn every_finding_has_a_message_in_both_languages_naming_its_subject() {
    let mut case = base();
    for (_, _, mutate) in mutations() {
        mutate(&mut case);
    }
    let english = precheck(&case);
    let japanese = shinrai_domain::decide(
        DecisionKind::Precheck,
        &case.to_string(),
        &shinrai_domain::RuleData::default(),
    )
    .expect("well-formed")
    .to_json(shinrai_domain::text::Lang::Ja);
    for (finding, in_japanese) in english["findings"]
        .as_array()
        .expect("findings")
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
}

#[test]
fn the_reachable_level_is_the_highest_level_without_findings() {
    // Level 3: everything level 3 asks for is there.
    let mut case = base();
    push(
        &mut case,
        "/statement/governance",
        json!({"item": "G.2.1", "status": "implemented"}),
    );
    push(
        &mut case,
        "/statement/management",
        json!({"item": "M.2.1", "status": "implemented"}),
    );
    push(
        &mut case,
        "/statement/selected",
        json!({"control": "9.4.1.1", "individual_control": "Keys are held in an HSM"}),
    );
    entry(&mut case, "/registry", "service", "svc-base")["level"] = json!(3);
    let answer = precheck(&case);
    assert_eq!(answer["reachable_level"], 3);
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 0, "3": 0}));

    // Level 2: the base case.
    assert_eq!(precheck(&base())["reachable_level"], 2);

    // Level 1: the underlying service is registered at level 1 only.
    let mut case = base();
    entry(&mut case, "/registry", "service", "svc-base")["level"] = json!(1);
    let answer = precheck(&case);
    assert_eq!(answer["reachable_level"], 1);
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 1, "3": 4}));

    // None: a finding that counts at every level.
    let mut case = base();
    selection(&mut case, "6.1.2.2")["individual_control"] = json!("");
    let answer = precheck(&case);
    assert_eq!(answer["reachable_level"], Value::Null);
    assert_eq!(answer["findings_by_level"], json!({"1": 1, "2": 1, "3": 5}));
}

#[test]
fn findings_are_listed_at_the_target_level_only() {
    let mut case = base();
    *at(&mut case, "/application/target_level") = json!(1);
    remove_entry(&mut case, "/statement/selected", "control", "6.1.2.1");
    let answer = precheck(&case);
    assert_eq!(
        answer["findings"],
        json!([]),
        "6.1.2.1 applies from level 2"
    );
    assert_eq!(answer["reachable_level"], 1);
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 1, "3": 5}));

    *at(&mut case, "/application/target_level") = json!(2);
    let answer = precheck(&case);
    assert_eq!(
        findings(&answer),
        pairs(&[("control_not_addressed", "6.1.2.1")])
    );
    assert_eq!(
        answer["findings"][0]["message"],
        "Control 6.1.2.1 is required at level 2 but is neither selected nor excluded."
    );
}

#[test]
fn items_apply_from_their_level_to_services_sharing_a_model() {
    // G.3.1 concerns IaaS only; offering IaaS too makes it apply, with control 9.4.1.2.
    let mut case = base();
    *at(&mut case, "/application/service_models") = json!(["SaaS", "IaaS"]);
    assert_eq!(
        findings(&precheck(&case)),
        pairs(&[
            ("control_not_addressed", "9.4.1.2"),
            ("governance_item_not_implemented", "G.3.1"),
        ])
    );
    // Without min_level and service_models an item applies at every level to every service.
    let mut case = base();
    *at(&mut case, "/application/target_level") = json!(1);
    *at(&mut case, "/application/service_models") = json!(["PaaS"]);
    remove_entry(&mut case, "/statement/governance", "item", "G.1.1");
    remove_entry(&mut case, "/statement/management", "item", "M.1.2");
    assert_eq!(
        findings(&precheck(&case)),
        pairs(&[
            ("governance_item_not_implemented", "G.1.1"),
            ("management_item_not_implemented", "M.1.2"),
        ])
    );
}

#[test]
fn an_item_must_be_implemented_not_partial_nor_missing() {
    for (status, words) in [
        (
            Some("partial"),
            "its status is \"partial\", not implemented",
        ),
        (
            Some("not_implemented"),
            "its status is \"not_implemented\", not implemented",
        ),
        (None, "the statement does not address it"),
    ] {
        let mut case = base();
        match status {
            Some(status) => {
                entry(&mut case, "/statement/management", "item", "M.1.2")["status"] =
                    json!(status);
            }
            None => remove_entry(&mut case, "/statement/management", "item", "M.1.2"),
        }
        let answer = precheck(&case);
        assert_eq!(
            findings(&answer),
            pairs(&[("management_item_not_implemented", "M.1.2")])
        );
        assert_eq!(
            answer["findings"][0]["message"],
            format!("Management item M.1.2 is required at level 2 but {words}.")
        );
    }
}

#[test]
fn a_statement_that_does_not_apply_needs_nothing() {
    // An item or control that does not apply may be left out, stated any way, or excluded.
    let mut case = base();
    push(
        &mut case,
        "/statement/governance",
        json!({"item": "G.3.1", "status": "not_implemented"}),
    );
    push(
        &mut case,
        "/statement/excluded",
        json!({"control": "9.4.1.2", "reason": "No IaaS is offered"}),
    );
    let answer = precheck(&case);
    assert_eq!(answer["findings"], json!([]));
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 0, "3": 4}));
}

#[test]
fn excluding_a_mandatory_control_counts_from_the_level_it_applies() {
    let mut case = base();
    push(
        &mut case,
        "/statement/excluded",
        json!({"control": "9.4.1.1", "reason": "Keys are the customer's"}),
    );
    let answer = precheck(&case);
    assert_eq!(answer["findings"], json!([]));
    // At level 3 it is addressed (excluded), but a mandatory control cannot be excluded.
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 0, "3": 4}));
    *at(&mut case, "/application/target_level") = json!(3);
    let codes: Vec<String> = findings(&precheck(&case))
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert!(codes.contains(&"mandatory_control_excluded".to_owned()));
    assert!(!codes.contains(&"control_not_addressed".to_owned()));
}

#[test]
fn technologies_are_examples_by_exact_id_or_free_names_that_need_a_rationale() {
    // "mfa" is not the example "MFA": ids are compared exactly.
    let mut case = base();
    selection(&mut case, "6.1.1.1")["technologies"] = json!(["MFA", "mfa", "Okta", "SSO", "Okta"]);
    let answer = precheck(&case);
    assert_eq!(
        findings(&answer),
        pairs(&[("rationale_missing", "6.1.1.1")]),
        "one finding however many free names"
    );
    assert_eq!(
        answer["findings"][0]["message"],
        "Control 6.1.1.1 names technologies that are not among its examples (\"Okta\", \"mfa\") \
         but gives no rationale for how it meets the control."
    );
    assert_eq!(
        answer["findings"][0]["messages"]["ja"],
        "管理策 6.1.1.1 に技術の例にない技術（「Okta」「mfa」）を挙げていますが、それで管理策を満たす根拠が書かれていません。"
    );

    // A rationale of white space only is no rationale; a real one settles it.
    selection(&mut case, "6.1.1.1")["rationale"] = json!("\u{3000}\n");
    assert_eq!(findings(&precheck(&case)).len(), 1);
    selection(&mut case, "6.1.1.1")["rationale"] = json!("Okta enforces MFA for every sign-in");
    assert_eq!(precheck(&case)["findings"], json!([]));

    // Examples only, or no technology at all: nothing to justify.
    let mut case = base();
    selection(&mut case, "6.1.1.1")["technologies"] = json!(["SSO", "MFA"]);
    selection(&mut case, "6.1.2.1")["rationale"] = json!(null);
    assert_eq!(precheck(&case)["findings"], json!([]));
}

#[test]
fn a_control_the_criteria_lack_has_no_examples() {
    let mut case = base();
    push(
        &mut case,
        "/statement/selected",
        json!({"control": "8.8.8.8", "individual_control": "", "technologies": ["MFA"]}),
    );
    assert_eq!(
        findings(&precheck(&case)),
        pairs(&[
            ("individual_control_missing", "8.8.8.8"),
            ("rationale_missing", "8.8.8.8"),
            ("unknown_control", "8.8.8.8"),
        ])
    );
}

#[test]
fn unknown_ids_are_found_once_each_naming_where_they_are() {
    let mut case = base();
    push(
        &mut case,
        "/statement/selected",
        json!({"control": "8.8.8.8", "individual_control": "x"}),
    );
    push(
        &mut case,
        "/statement/excluded",
        json!({"control": "8.8.8.8", "reason": "y"}),
    );
    push(
        &mut case,
        "/statement/governance",
        json!({"item": "X.1", "status": "implemented"}),
    );
    push(
        &mut case,
        "/statement/management",
        json!({"item": "X.1", "status": "partial"}),
    );
    // Items are known per part: a governance item named among management items is unknown.
    push(
        &mut case,
        "/statement/management",
        json!({"item": "G.1.1", "status": "implemented"}),
    );
    let answer = precheck(&case);
    assert_eq!(
        findings(&answer),
        pairs(&[
            ("selected_and_excluded", "8.8.8.8"),
            ("unknown_control", "8.8.8.8"),
            ("unknown_item", "G.1.1"),
            ("unknown_item", "X.1"),
        ])
    );
    let messages: Vec<&str> = answer["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["message"].as_str().expect("message"))
        .collect();
    assert_eq!(
        messages[1],
        "8.8.8.8 is among the statement's selected and excluded controls but is not in the criteria."
    );
    assert_eq!(
        messages[2],
        "G.1.1 is among the statement's management items but is not in the criteria."
    );
    assert_eq!(
        messages[3],
        "X.1 is among the statement's governance and management items but is not in the criteria."
    );
}

#[test]
fn underlying_services_count_as_for_registration_with_the_level_in_question() {
    for status in ["suspended", "expired", "deregistered"] {
        let mut case = base();
        entry(&mut case, "/registry", "service", "svc-base")["status"] = json!(status);
        let answer = precheck(&case);
        assert_eq!(
            findings(&answer),
            pairs(&[("underlying_not_registered", "svc-base")])
        );
        assert_eq!(answer["reachable_level"], Value::Null);
        assert!(
            answer["findings"][0]["message"]
                .as_str()
                .expect("text")
                .contains(status)
        );
    }
    // Registered at level 2: too low for level 3 only, and at level 3 never too low.
    let answer = precheck(&base());
    assert_eq!(by_level(&answer), [0, 0, 4]);
    let mut case = base();
    entry(&mut case, "/registry", "service", "svc-base")["level"] = json!(3);
    assert_eq!(by_level(&precheck(&case)), [0, 0, 3]);

    // Evaluated within the service's own audit: neither status nor level matters.
    let mut case = base();
    entry(&mut case, "/registry", "service", "svc-base")["level"] = json!(1);
    push(&mut case, "/application/depends_on", json!("svc-unlisted"));
    push(&mut case, "/application/depends_on", json!("svc-unlisted"));
    *at(&mut case, "/application/underlying_evaluated_in_audit") =
        json!(["svc-base", "svc-unlisted"]);
    assert_eq!(by_level(&precheck(&case)), [0, 0, 3]);

    // A service named twice is one finding.
    let mut case = base();
    push(&mut case, "/application/depends_on", json!("svc-unlisted"));
    push(&mut case, "/application/depends_on", json!("svc-unlisted"));
    assert_eq!(
        findings(&precheck(&case)),
        pairs(&[("underlying_not_registered", "svc-unlisted")])
    );
}

#[test]
fn optional_lists_and_texts_default_to_empty() {
    let mut case = base();
    for pointer in ["/criteria", "/statement"] {
        let object = at(&mut case, pointer).as_object_mut().expect("object");
        object.remove("governance");
        object.remove("management");
    }
    let application = at(&mut case, "/application")
        .as_object_mut()
        .expect("object");
    application.remove("depends_on");
    application.remove("underlying_evaluated_in_audit");
    for control in at(&mut case, "/criteria/controls")
        .as_array_mut()
        .expect("array")
    {
        control
            .as_object_mut()
            .expect("object")
            .remove("technology_examples");
    }
    for selection in at(&mut case, "/statement/selected")
        .as_array_mut()
        .expect("array")
    {
        let selection = selection.as_object_mut().expect("object");
        selection.remove("technologies");
        selection.remove("rationale");
    }
    let answer = precheck(&case);
    assert_eq!(answer["findings"], json!([]));
    assert_eq!(answer["findings_by_level"], json!({"1": 0, "2": 0, "3": 1}));

    // Without examples every technology is a free name; without a rationale it needs one.
    let mut case = base();
    at(&mut case, "/criteria/controls/2")
        .as_object_mut()
        .expect("object")
        .remove("technology_examples");
    assert_eq!(
        findings(&precheck(&case)),
        pairs(&[("rationale_missing", "6.1.1.1")])
    );
    // `null` is "not given" too.
    let mut case = base();
    case["statement"]["governance"] = Value::Null;
    case["criteria"]["governance"] = Value::Null;
    assert_eq!(precheck(&case)["findings"], json!([]));
}

#[test]
fn white_space_of_any_kind_is_empty_and_ids_are_exact() {
    for blank in [
        "",
        " ",
        "\u{3000}",
        "\u{00A0}",
        "\t\r\n",
        "\u{2028}\u{2003}",
    ] {
        let mut case = base();
        selection(&mut case, "6.1.2.1")["individual_control"] = json!(blank);
        assert_eq!(
            findings(&precheck(&case)),
            pairs(&[("individual_control_missing", "6.1.2.1")]),
            "{blank:?}"
        );
    }
    // A zero-width space is a character, not white space.
    let mut case = base();
    selection(&mut case, "6.1.2.1")["individual_control"] = json!("\u{200B}");
    assert_eq!(precheck(&case)["findings"], json!([]));

    let mut case = base();
    selection(&mut case, "6.1.2.1")["control"] = json!("6.1.2.1 ");
    assert_eq!(
        findings(&precheck(&case)),
        pairs(&[
            ("control_not_addressed", "6.1.2.1"),
            ("unknown_control", "6.1.2.1 "),
        ])
    );
}

#[test]
fn extra_fields_are_ignored() {
    let mut case = base();
    case["comment"] = json!("draft of 2026-04");
    selection(&mut case, "6.1.2.1")["responsibility"] = json!("csp");
    entry(&mut case, "/statement/governance", "item", "G.1.1")["description"] =
        json!({"ja": "取締役会が承認", "en": "Approved by the board"});
    case["application"]["registered_scope"] = json!("svc-a production");
    assert_eq!(precheck(&case), precheck(&base()));
}
