use super::*;
use crate::accounts::{OrgKind, Role};
use crate::criteria::demo::demo_criteria;
use crate::registration::AuditBodyStatus;
use crate::workflow::service::tests::{member, provider};
use crate::workflow::statement::tests::{draft, service};
use crate::workflow::statement::{self};
use crate::workflow::working_papers::PhaseResults;

/// 2026-06-01T00:00:00Z: inside the demo body's selection.
pub const JUNE_2026: i64 = 1_780_272_000_000;

pub fn body() -> AuditBodyRecord {
    AuditBodyRecord {
        org: "ab".into(),
        status: AuditBodyStatus::Selected,
        valid_from: CalendarDate::parse("2025-04-01").unwrap(),
        valid_until: CalendarDate::parse("2028-03-31").unwrap(),
        measures: Vec::new(),
        status_reports: Vec::new(),
    }
}

pub fn auditor() -> Member {
    member("ab", OrgKind::AuditBody, &[Role::Auditor])
}

pub fn signer_member() -> Member {
    Member {
        user_id: "signer".into(),
        ..member(
            "ab",
            OrgKind::AuditBody,
            &[Role::Auditor, Role::SigningAuditor],
        )
    }
}

pub fn signer() -> AuditorProfile {
    AuditorProfile {
        user: "signer".into(),
        org: "ab".into(),
        name: Bilingual::new("署名 太郎", "Taro Shomei"),
        qualifications: vec!["CISA".into()],
        experience_years: 5,
        nationality: "JP".into(),
        may_sign: true,
    }
}

pub fn submitted() -> Statement {
    statement::submit(&draft(), &provider(), Moment::at(4))
        .unwrap()
        .state
}

fn the_order() -> Order {
    Order {
        id: "au-1".into(),
        audit_body: "ab".into(),
        period_start: CalendarDate::parse("2025-10-01").unwrap(),
        period_end: CalendarDate::parse("2026-03-31").unwrap(),
        kind: AuditKind::ThreePhase,
    }
}

pub fn requested() -> Audit {
    order(
        the_order(),
        &service(),
        &submitted(),
        Some(&body()),
        &provider(),
        Moment::at(JUNE_2026),
    )
    .unwrap()
    .state
}

pub fn in_progress() -> Audit {
    accept(
        &requested(),
        Some(&signer()),
        "signer",
        &AuditorRequirements::default(),
        &auditor(),
        Moment::at(JUNE_2026 + 1),
    )
    .unwrap()
    .state
}

/// A conclusion for every selected control and its objective, all positive.
pub fn full_conclusions(statement: &Statement) -> Conclusions {
    let criteria = demo_criteria().unwrap();
    Conclusions {
        objectives: selected_objectives(statement, &criteria)
            .into_iter()
            .map(|objective| ObjectiveConclusion {
                objective: objective.to_owned(),
                effective: true,
                reason: Bilingual::new("有効", "effective"),
            })
            .collect(),
        controls: statement
            .content
            .selected
            .iter()
            .map(|entry| ControlConclusion {
                control: entry.control.clone(),
                conformant: true,
                reason: Bilingual::new("適合", "conformant"),
            })
            .collect(),
    }
}

pub fn concluded() -> Audit {
    let statement = submitted();
    conclude(
        &in_progress(),
        &statement,
        &demo_criteria().unwrap(),
        full_conclusions(&statement),
        &PhaseResults::default(),
        &auditor(),
        Moment::at(JUNE_2026 + 2),
    )
    .unwrap()
    .state
}

pub fn signed() -> (Audit, AuditReport) {
    let (change, report) = sign(
        &concluded(),
        Papers::bare(&submitted()),
        &demo_criteria().unwrap(),
        &signer(),
        &AuditorRequirements::default(),
        &signer_member(),
        Moment::at(JUNE_2026 + 3),
    )
    .unwrap();
    (change.state, report)
}

pub fn signed_report() -> AuditReport {
    signed().1
}

#[test]
fn the_whole_audit_from_order_to_signature() {
    let audit = requested();
    assert_eq!(audit.status, AuditStatus::Requested);
    assert_eq!(audit.audited_scope, service().details.scope);
    assert_eq!(audit.statement_version, 1);
    assert_eq!(in_progress().signing_auditor.as_deref(), Some("signer"));
    let (audit, report) = signed();
    assert_eq!(audit.status, AuditStatus::Signed);
    assert_eq!(audit.signed_on.unwrap().to_string(), "2026-06-01");
    assert_eq!(
        audit.report_sha256.as_deref(),
        Some(report.sha256().as_str())
    );
    assert_eq!(report.signing_auditor.qualifications, ["CISA"]);
    assert_eq!(
        report.conclusions.controls.len(),
        submitted().content.selected.len()
    );
}

#[test]
fn a_signed_report_never_changes() {
    let (audit, _) = signed();
    let statement = submitted();
    let criteria = demo_criteria().unwrap();
    let not_in_progress = Refusal::Conflict(Conflict::AuditNotInProgress {
        audit: "au-1".into(),
    });
    assert_eq!(
        conclude(
            &audit,
            &statement,
            &criteria,
            Conclusions::default(),
            &PhaseResults::default(),
            &auditor(),
            Moment::at(JUNE_2026 + 9)
        ),
        Err(not_in_progress.clone())
    );
    assert_eq!(
        sign(
            &audit,
            Papers::bare(&statement),
            &criteria,
            &signer(),
            &AuditorRequirements::default(),
            &signer_member(),
            Moment::at(JUNE_2026 + 9)
        )
        .map(|(change, _)| change),
        Err(not_in_progress)
    );
}

#[test]
fn audits_are_of_submitted_statements_by_selected_bodies_over_at_most_a_year() {
    let ordering = |order_: Order, statement: &Statement, record: Option<&AuditBodyRecord>| {
        order(
            order_,
            &service(),
            statement,
            record,
            &provider(),
            Moment::at(JUNE_2026),
        )
    };
    assert_eq!(
        ordering(the_order(), &draft(), Some(&body()))
            .unwrap_err()
            .code(),
        "statement_not_submitted"
    );
    let fields = |result: Result<Change<Audit>, Refusal>| match result {
        Err(Refusal::Invalid(errors)) => errors
            .iter()
            .map(|e| (e.field.clone(), e.code))
            .collect::<Vec<_>>(),
        other => panic!("expected invalid, got {other:?}"),
    };
    let long = Order {
        period_end: CalendarDate::parse("2026-10-01").unwrap(),
        ..the_order()
    };
    assert_eq!(
        fields(ordering(long, &submitted(), Some(&body()))),
        [("/period_end".to_owned(), "period_too_long")]
    );
    // Twelve months exactly is allowed: 2025-10-01 to 2026-09-30.
    let year = Order {
        period_end: CalendarDate::parse("2026-09-30").unwrap(),
        ..the_order()
    };
    assert!(ordering(year, &submitted(), Some(&body())).is_ok());
    let reversed = Order {
        period_end: CalendarDate::parse("2025-09-30").unwrap(),
        ..the_order()
    };
    assert_eq!(
        fields(ordering(reversed, &submitted(), Some(&body()))),
        [("/period_end".to_owned(), "period_reversed")]
    );
    let suspended = AuditBodyRecord {
        status: AuditBodyStatus::Suspended,
        ..body()
    };
    assert_eq!(
        fields(ordering(the_order(), &submitted(), Some(&suspended))),
        [("/audit_body".to_owned(), "not_selected")]
    );
    assert_eq!(
        fields(ordering(the_order(), &submitted(), None)),
        [("/audit_body".to_owned(), "not_selected")]
    );
    // An evaluation of the internal audit is for level 1 statements only.
    let evaluation = Order {
        kind: AuditKind::InternalAuditEvaluation,
        ..the_order()
    };
    let ordered = ordering(evaluation.clone(), &submitted(), Some(&body())).unwrap();
    assert_eq!(ordered.state.kind, AuditKind::InternalAuditEvaluation);
    let level_two = Statement {
        target_level: Level::MIDDLE,
        ..submitted()
    };
    assert_eq!(
        fields(ordering(evaluation, &level_two, Some(&body()))),
        [("/kind".to_owned(), "kind_below_level")]
    );
}

#[test]
fn the_full_audit_is_left_out_of_the_stored_form_so_older_audits_read_and_write_alike() {
    let stored = serde_json::to_value(requested()).unwrap();
    assert!(stored.get("kind").is_none(), "{stored}");
    let evaluation = Audit {
        kind: AuditKind::InternalAuditEvaluation,
        ..requested()
    };
    let stored = serde_json::to_value(&evaluation).unwrap();
    assert_eq!(stored["kind"], "internal_audit_evaluation");
    let back: Audit = serde_json::from_value(stored).unwrap();
    assert_eq!(back, evaluation);
}

#[test]
fn only_a_qualified_signing_auditor_of_the_body_may_be_named() {
    let naming = |profile: AuditorProfile| {
        accept(
            &requested(),
            Some(&profile),
            &profile.user.clone(),
            &AuditorRequirements::default(),
            &auditor(),
            Moment::at(JUNE_2026),
        )
    };
    for profile in [
        AuditorProfile {
            may_sign: false,
            ..signer()
        },
        AuditorProfile {
            org: "ab2".into(),
            ..signer()
        },
        AuditorProfile {
            experience_years: 2,
            ..signer()
        },
        AuditorProfile {
            qualifications: vec!["PMP".into()],
            ..signer()
        },
        AuditorProfile {
            nationality: "US".into(),
            ..signer()
        },
    ] {
        match naming(profile.clone()) {
            Err(Refusal::Invalid(errors)) => assert_eq!(errors[0].field, "/signing_auditor"),
            other => panic!("{profile:?} was accepted: {other:?}"),
        }
    }
    let outsider = member("ab2", OrgKind::AuditBody, &[Role::SigningAuditor]);
    assert_eq!(
        accept(
            &requested(),
            Some(&signer()),
            "signer",
            &AuditorRequirements::default(),
            &outsider,
            Moment::at(JUNE_2026)
        ),
        Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody))
    );
}

#[test]
fn only_the_named_signer_signs_and_only_when_every_conclusion_has_a_reason() {
    let statement = submitted();
    let criteria = demo_criteria().unwrap();
    let signing = |audit: &Audit, by: &Member, profile: &AuditorProfile| {
        sign(
            audit,
            Papers::bare(&statement),
            &criteria,
            profile,
            &AuditorRequirements::default(),
            by,
            Moment::at(JUNE_2026 + 5),
        )
        .map(|(change, _)| change)
    };
    let other_signer = Member {
        user_id: "signer2".into(),
        ..signer_member()
    };
    let other_profile = AuditorProfile {
        user: "signer2".into(),
        ..signer()
    };
    assert_eq!(
        signing(&concluded(), &other_signer, &other_profile),
        Err(Refusal::NotAllowed(NotAllowed::NotTheSigningAuditor))
    );
    let mut partial = full_conclusions(&statement);
    partial.controls[1].reason = Bilingual::new(" ", "\u{3000}");
    partial.objectives.pop();
    let audit = conclude(
        &in_progress(),
        &statement,
        &criteria,
        partial,
        &PhaseResults::default(),
        &auditor(),
        Moment::at(JUNE_2026 + 4),
    )
    .unwrap()
    .state;
    match signing(&audit, &signer_member(), &signer()) {
        Err(Refusal::Conflict(Conflict::ConclusionsIncomplete { missing, .. })) => {
            assert_eq!(missing.len(), 2, "{missing:?}");
        }
        other => panic!("signed with gaps: {other:?}"),
    }
    let lapsed = AuditorProfile {
        qualifications: vec![],
        ..signer()
    };
    assert_eq!(
        signing(&concluded(), &signer_member(), &lapsed)
            .unwrap_err()
            .code(),
        "signer_not_qualified"
    );
}

#[test]
fn conclusions_name_only_selected_controls_and_their_objectives() {
    let statement = submitted();
    let criteria = demo_criteria().unwrap();
    let excluded = statement.content.excluded[0].control.clone();
    let mut bad = full_conclusions(&statement);
    let first_extra = bad.controls.len();
    bad.controls.push(ControlConclusion {
        control: excluded,
        conformant: true,
        reason: Bilingual::new("x", "x"),
    });
    bad.objectives.push(ObjectiveConclusion {
        objective: "99.9".into(),
        effective: true,
        reason: Bilingual::new("x", "x"),
    });
    bad.controls.push(bad.controls[0].clone());
    let Err(Refusal::Invalid(errors)) = conclude(
        &in_progress(),
        &statement,
        &criteria,
        bad.clone(),
        &PhaseResults::default(),
        &auditor(),
        Moment::at(JUNE_2026),
    ) else {
        panic!("expected invalid");
    };
    let last = bad.objectives.len() - 1;
    let found: Vec<(String, &str)> = errors.iter().map(|e| (e.field.clone(), e.code)).collect();
    assert_eq!(
        found,
        [
            (format!("/objectives/{last}/objective"), "not_selected"),
            (format!("/controls/{first_extra}/control"), "not_selected"),
            (
                format!("/controls/{}/control", first_extra + 1),
                "duplicate"
            ),
        ]
    );
    assert_eq!(
        conclude(
            &requested(),
            &statement,
            &criteria,
            full_conclusions(&statement),
            &PhaseResults::default(),
            &auditor(),
            Moment::at(JUNE_2026)
        )
        .unwrap_err()
        .code(),
        "audit_not_in_progress"
    );
}

#[test]
fn conclusions_are_checked_against_a_statement_content_alone() {
    let statement = submitted();
    let criteria = demo_criteria().unwrap();
    let objectives = objectives_of_selected(&statement.content, &criteria);
    assert_eq!(objectives, selected_objectives(&statement, &criteria));
    assert!(!objectives.is_empty());
    for control in &statement.content.selected {
        let objective = &criteria.control(&control.control).unwrap().objective;
        assert!(objectives.contains(objective.as_str()));
    }
    let full = full_conclusions(&statement);
    assert_eq!(full.check_against(&statement.content, &criteria), Ok(()));
    let mut other = statement.content.clone();
    let dropped = other.selected.remove(0).control;
    let Err(Refusal::Invalid(errors)) = full.check_against(&other, &criteria) else {
        panic!("a conclusion on a control the content does not select is refused");
    };
    assert!(
        errors
            .iter()
            .any(|e| e.code == "not_selected" && e.message.en.contains(&dropped))
    );
}
