use super::*;
use crate::accounts::{OrgKind, Role};
use crate::workflow::audit::tests::body;
use crate::workflow::audit_body::{MeasureKind, NewMeasure, take_measure};
use crate::workflow::service::tests::member;

/// 2026-04-01T00:00:00Z.
const APRIL_2026: i64 = 1_775_001_600_000;

fn admin() -> Member {
    member("operator", OrgKind::Operator, &[Role::OperatorAdmin])
}

fn auditor_of_body() -> Member {
    member("ab", OrgKind::AuditBody, &[Role::Auditor])
}

fn declared(user: &str, qualifications: &[&str], signing: bool) -> DeclaredAuditor {
    DeclaredAuditor {
        user: user.into(),
        name: Bilingual::new(format!("監査 {user}"), format!("Auditor {user}")),
        qualifications: qualifications.iter().map(|&q| q.to_owned()).collect(),
        experience_years: 5,
        nationality: "JP".into(),
        signing,
    }
}

fn facts() -> BodyFacts {
    BodyFacts {
        domestic_registration: true,
        quality_control: Bilingual::new("審査担当の二重確認", "every audit file is reviewed twice"),
        subcontracting_rules: Bilingual::new("再委託しない", "no audit work is subcontracted"),
        independence_declaration: true,
        auditors: vec![
            declared("signer", &["CISA"], true),
            declared("signer2", &["RISS"], true),
            declared("junior", &[], false),
            declared("unqualified", &["PMP"], true),
        ],
    }
}

fn submitted() -> SelectionApplication {
    apply(
        "sel-ab-1".into(),
        "ab",
        facts(),
        None,
        &auditor_of_body(),
        Moment::at(APRIL_2026),
    )
    .unwrap()
    .state
}

fn reason() -> Bilingual {
    Bilingual::new("要件を満たす", "the requirements are met")
}

#[test]
fn selecting_writes_the_record_by_the_rule_and_profiles_for_every_declared_auditor() {
    let application = submitted();
    assert_eq!(application.status, SelectionApplicationStatus::Submitted);
    let decided = decide(
        &application,
        &SelectionRequirements::default(),
        true,
        reason(),
        None,
        &admin(),
        Moment::at(APRIL_2026),
    )
    .unwrap();
    let Decided::Selected(selected) = decided else {
        panic!("not selected");
    };
    let decision = selected.application.state.decision.clone().unwrap();
    assert_eq!(decision.qualified_signing_auditors, ["signer", "signer2"]);
    assert_eq!(
        decision
            .findings
            .iter()
            .map(|f| (f.code.as_str(), f.subject.as_str()))
            .collect::<Vec<_>>(),
        [("auditor_not_qualified", "unqualified")]
    );
    let record = &selected.record.state;
    assert_eq!(record.valid_from.to_string(), "2026-04-01");
    assert_eq!(record.valid_until.to_string(), "2029-03-31");
    assert!(record.selected_on(CalendarDate::parse("2027-01-01").unwrap()));
    let may_sign: Vec<(&str, bool)> = selected
        .profiles
        .iter()
        .map(|p| (p.state.user.as_str(), p.state.may_sign))
        .collect();
    assert_eq!(
        may_sign,
        [
            ("signer", true),
            ("signer2", true),
            ("junior", false),
            ("unqualified", false)
        ]
    );
    assert_eq!(
        selected.application.event.action,
        "selection_application.decide"
    );
    assert_eq!(selected.record.event.action, "audit_body.record");
}

#[test]
fn selecting_is_refused_while_the_rule_rejects_and_rejecting_is_always_open() {
    let mut thin = facts();
    thin.auditors.truncate(1);
    thin.independence_declaration = false;
    let application = apply(
        "sel-ab-2".into(),
        "ab",
        thin,
        None,
        &auditor_of_body(),
        Moment::at(APRIL_2026),
    )
    .unwrap()
    .state;
    let requirements = SelectionRequirements::default();
    assert!(matches!(
        decide(
            &application,
            &requirements,
            true,
            reason(),
            None,
            &admin(),
            Moment::at(APRIL_2026)
        ),
        Err(Refusal::Conflict(Conflict::RuleDoesNotSelect))
    ));
    let Decided::Rejected(rejected) = decide(
        &application,
        &requirements,
        false,
        Bilingual::new("独立性の宣言がない", "no declaration of independence"),
        None,
        &admin(),
        Moment::at(APRIL_2026),
    )
    .unwrap() else {
        panic!("not rejected");
    };
    let decision = rejected.state.decision.unwrap();
    assert_eq!(rejected.state.status, SelectionApplicationStatus::Rejected);
    assert_eq!((decision.valid_from, decision.valid_until), (None, None));
    let codes: Vec<&str> = decision.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes,
        ["no_independence_declaration", "too_few_signing_auditors"]
    );
}

#[test]
fn a_decided_application_is_not_decided_again_and_only_administrators_decide() {
    let application = submitted();
    let requirements = SelectionRequirements::default();
    let reviewer = member("operator", OrgKind::Operator, &[Role::OperatorReviewer]);
    assert!(matches!(
        decide(
            &application,
            &requirements,
            true,
            reason(),
            None,
            &reviewer,
            Moment::at(APRIL_2026)
        ),
        Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
    ));
    let Decided::Rejected(rejected) = decide(
        &application,
        &requirements,
        false,
        reason(),
        None,
        &admin(),
        Moment::at(APRIL_2026),
    )
    .unwrap() else {
        panic!("not rejected");
    };
    assert!(matches!(
        decide(
            &rejected.state,
            &requirements,
            false,
            reason(),
            None,
            &admin(),
            Moment::at(APRIL_2026)
        ),
        Err(Refusal::Conflict(
            Conflict::SelectionApplicationDecided { .. }
        ))
    ));
    assert!(matches!(
        decide(
            &application,
            &requirements,
            false,
            Bilingual::new("", " "),
            None,
            &admin(),
            Moment::at(APRIL_2026)
        ),
        Err(Refusal::Invalid(_))
    ));
}

#[test]
fn a_new_selection_keeps_the_measures_taken_against_the_body() {
    let cautioned = take_measure(
        &body(),
        NewMeasure {
            kind: MeasureKind::Caution,
            on: CalendarDate::parse("2026-01-10").unwrap(),
            facts: Bilingual::new("事実", "facts"),
            reason: Bilingual::new("理由", "reason"),
        },
        &admin(),
        Moment::at(1),
    )
    .unwrap()
    .state;
    let Decided::Selected(selected) = decide(
        &submitted(),
        &SelectionRequirements::default(),
        true,
        reason(),
        Some(&cautioned),
        &admin(),
        Moment::at(APRIL_2026),
    )
    .unwrap() else {
        panic!("not selected");
    };
    assert_eq!(selected.record.state.measures, cautioned.measures);
}

#[test]
fn only_the_bodys_auditors_apply_one_application_at_a_time_with_checked_facts() {
    let provider = member("csp", OrgKind::Provider, &[Role::Provider]);
    let other_body = member("other-ab", OrgKind::AuditBody, &[Role::Auditor]);
    for by in [provider, other_body, admin()] {
        assert!(matches!(
            apply("sel-x".into(), "ab", facts(), None, &by, Moment::at(1)),
            Err(Refusal::NotAllowed(_))
        ));
    }
    let open = submitted();
    assert!(matches!(
        apply(
            "sel-ab-9".into(),
            "ab",
            facts(),
            Some(&open),
            &auditor_of_body(),
            Moment::at(2)
        ),
        Err(Refusal::Conflict(Conflict::SelectionApplicationOpen { .. }))
    ));
    let mut bad = facts();
    bad.auditors[1].user = "signer".into();
    bad.auditors[2].nationality = "jp".into();
    bad.auditors[3].experience_years = 81;
    let Err(Refusal::Invalid(errors)) = apply(
        "sel-ab-3".into(),
        "ab",
        bad,
        None,
        &auditor_of_body(),
        Moment::at(3),
    ) else {
        panic!("accepted bad facts");
    };
    let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        fields,
        [
            ("/auditors/2/nationality", "invalid_country"),
            ("/auditors/3/experience_years", "out_of_range"),
            ("/auditors/1/user", "duplicate")
        ]
    );
}

#[test]
fn a_renewal_without_a_gap_keeps_the_first_day_of_the_selection_in_force() {
    let renew = |before: AuditBodyRecord| {
        let Decided::Selected(selected) = decide(
            &submitted(),
            &SelectionRequirements::default(),
            true,
            reason(),
            Some(&before),
            &admin(),
            Moment::at(APRIL_2026),
        )
        .unwrap() else {
            panic!("not selected");
        };
        let record = selected.record.state;
        (
            record.valid_from.to_string(),
            record.valid_until.to_string(),
        )
    };
    let day = |text: &str| CalendarDate::parse(text).unwrap();
    // In force until after the decision, or until its eve: the selection runs on.
    for until in ["2028-03-31", "2026-03-31"] {
        let before = AuditBodyRecord {
            valid_from: day("2023-04-01"),
            valid_until: day(until),
            ..body()
        };
        assert_eq!(
            renew(before),
            ("2023-04-01".to_owned(), "2029-03-31".to_owned()),
            "{until}"
        );
    }
    // Lapsed before the eve, or suspended as a whole: a new selection starts today.
    for (until, status) in [
        ("2026-03-30", AuditBodyStatus::Selected),
        ("2028-03-31", AuditBodyStatus::Suspended),
    ] {
        let before = AuditBodyRecord {
            valid_from: day("2023-04-01"),
            valid_until: day(until),
            status,
            ..body()
        };
        assert_eq!(
            renew(before),
            ("2026-04-01".to_owned(), "2029-03-31".to_owned()),
            "{until}"
        );
    }
}
