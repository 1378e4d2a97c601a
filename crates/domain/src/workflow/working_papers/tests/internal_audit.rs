//! The evaluation of the provider's internal audit: the report, the re-performance sample, the
//! signature.

use super::*;

/// An evaluation of the internal audit in progress (the demo statement is for level 1).
fn evaluation_in_progress() -> Audit {
    Audit {
        kind: crate::audit_kind::AuditKind::InternalAuditEvaluation,
        ..in_progress()
    }
}

fn internal_audit_input(covers: &str) -> InternalAuditInput {
    InternalAuditInput {
        report: InternalAuditReport {
            reference: "IA-2026-01".into(),
            performed_by: "Internal audit office".into(),
            period: Period {
                start: day("2025-09-01"),
                end: day("2026-02-28"),
            },
            scope: text("本番環境の全体", "the whole production service"),
            covers: vec![covers.to_owned()],
        },
        reliable: true,
        reason: text(
            "手続と記録が揃っている",
            "procedures and records are complete",
        ),
    }
}

#[test]
fn the_re_performance_sample_is_a_tenth_at_least_five_never_more_than_there_are() {
    assert_eq!(reperformance_size(0), 0);
    assert_eq!(reperformance_size(3), 3);
    assert_eq!(reperformance_size(5), 5);
    assert_eq!(reperformance_size(49), 5);
    assert_eq!(reperformance_size(51), 6);
    assert_eq!(reperformance_size(1_194), 120);
    let selected: Vec<String> = (1..=200).map(|n| format!("c-{n}")).collect();
    let drawn = draw_controls(&selected, 7);
    assert_eq!(drawn.len(), 20);
    assert_eq!(
        drawn,
        draw_controls(&selected, 7),
        "the same seed, the same controls"
    );
    assert_ne!(drawn, draw_controls(&selected, 8));
    let mut unique = drawn.clone();
    unique.dedup();
    assert_eq!(unique.len(), drawn.len());
    assert!(drawn.iter().all(|c| selected.contains(c)));
}

#[test]
fn an_evaluation_of_the_internal_audit_from_the_report_to_the_signature() {
    let audit = evaluation_in_progress();
    let statement = submitted();
    // The three phases are not part of it.
    let control = first_selected(&statement);
    assert_eq!(
        judge_design(
            &audit,
            &statement,
            &demo_criteria().unwrap(),
            None,
            DesignInput {
                control: control.clone(),
                effective: true,
                reason: text("有効", "effective"),
                equivalences: Vec::new(),
            },
            &auditor(),
            at(0),
        )
        .unwrap_err()
        .code(),
        "wrong_audit_kind"
    );
    // Nor is this work part of the full audit.
    assert_eq!(
        evaluate_internal_audit(
            &in_progress(),
            internal_audit_input(&audit.service),
            &auditor(),
            at(0)
        )
        .unwrap_err()
        .code(),
        "wrong_audit_kind"
    );
    // Re-performance waits for the evaluation.
    assert_eq!(
        draw_reperformance(&audit, &statement, &frozen_at(), &auditor(), at(0))
            .unwrap_err()
            .code(),
        "internal_audit_not_evaluated"
    );
    // The report must overlap the audit period and cover the service.
    let mut outside = internal_audit_input("another-service");
    outside.report.period = Period {
        start: day("2024-01-01"),
        end: day("2024-12-31"),
    };
    outside.report.reference = " ".into();
    assert_eq!(
        codes(evaluate_internal_audit(&audit, outside, &auditor(), at(0)).unwrap_err()),
        ["required", "period_outside_audit", "scope_does_not_cover"]
    );
    assert!(matches!(
        evaluate_internal_audit(
            &audit,
            internal_audit_input(&audit.service),
            &provider(),
            at(0)
        ),
        Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody))
    ));
    let evaluated = evaluate_internal_audit(
        &audit,
        internal_audit_input(&audit.service),
        &auditor(),
        at(1),
    )
    .unwrap();
    assert_eq!(evaluated.event.action, "audit.internal_audit");
    let audit = evaluated.state;

    // The controls drawn from the log point of the evaluation's event.
    let drawn = draw_reperformance(&audit, &statement, &frozen_at(), &auditor(), at(2)).unwrap();
    let audit = drawn.state;
    let sample = audit
        .internal_audit
        .as_ref()
        .unwrap()
        .sample
        .clone()
        .unwrap();
    let selected = statement.content.selected.len() as u64;
    assert_eq!(sample.selected, selected);
    assert_eq!(sample.controls.len() as u64, reperformance_size(selected));
    assert_eq!(
        sample.seed,
        sample_seed(&audit.id, "internal-audit", 1, &frozen_at())
    );
    assert_eq!(
        draw_reperformance(&audit, &statement, &frozen_at(), &auditor(), at(3))
            .unwrap_err()
            .code(),
        "reperformance_drawn"
    );
    assert_eq!(
        evaluate_internal_audit(
            &audit,
            internal_audit_input(&audit.service),
            &auditor(),
            at(3)
        )
        .unwrap_err()
        .code(),
        "reperformance_drawn"
    );
    let not_drawn = statement
        .content
        .selected
        .iter()
        .map(|e| e.control.clone())
        .find(|c| !sample.controls.contains(c));
    // The demo statement selects more controls than the five drawn.
    let not_drawn = not_drawn.expect("a selected control left out of the draw");
    assert_eq!(
        record_reperformance(&audit, &not_drawn, true, text("x", "x"), &auditor(), at(4))
            .unwrap_err()
            .code(),
        "control_not_reperformed"
    );

    // Signing waits for every drawn control's result.
    let statement_conclusions = full_conclusions(&statement);
    let concluded = |audit: &Audit| {
        conclude(
            audit,
            &statement,
            &demo_criteria().unwrap(),
            statement_conclusions.clone(),
            &PhaseResults::default().with_internal_audit(audit.internal_audit.as_ref()),
            &auditor(),
            at(5),
        )
    };
    let signing = |audit: &Audit| {
        crate::workflow::audit::sign(
            audit,
            crate::workflow::report::Papers::bare(&statement),
            &demo_criteria().unwrap(),
            &crate::workflow::audit::tests::signer(),
            &crate::registration::AuditorRequirements::default(),
            &crate::workflow::audit::tests::signer_member(),
            at(9),
        )
    };
    let early = concluded(&audit).unwrap().state;
    match signing(&early).unwrap_err() {
        Refusal::Conflict(Conflict::ReperformanceIncomplete { missing, .. }) => {
            assert_eq!(missing, sample.controls);
        }
        other => panic!("{other:?}"),
    }
    let mut audit = audit;
    for (i, control) in sample.controls.iter().enumerate() {
        let passed = i != 0;
        audit = record_reperformance(
            &audit,
            control,
            passed,
            text("再実施", "re-performed"),
            &auditor(),
            at(6),
        )
        .unwrap()
        .state;
    }
    // The failed control cannot be concluded conformant; concluded otherwise, the report signs
    // and says what kind of audit it was.
    let failed = sample.controls[0].clone();
    assert_eq!(codes(concluded(&audit).unwrap_err()), ["contradicts_work"]);
    let mut honest = statement_conclusions.clone();
    for conclusion in &mut honest.controls {
        if conclusion.control == failed {
            conclusion.conformant = false;
            conclusion.reason = text("再実施で不備", "failed on re-performance");
        }
    }
    let audit = conclude(
        &audit,
        &statement,
        &demo_criteria().unwrap(),
        honest,
        &PhaseResults::default().with_internal_audit(audit.internal_audit.as_ref()),
        &auditor(),
        at(7),
    )
    .unwrap()
    .state;
    let (signed, report) = signing(&audit).unwrap();
    assert_eq!(
        report.kind,
        crate::audit_kind::AuditKind::InternalAuditEvaluation
    );
    assert_eq!(report.internal_audit, audit.internal_audit);
    assert_eq!(signed.state.report_sha256, Some(report.sha256()));
    // After signing nothing changes.
    assert_eq!(
        record_reperformance(
            &signed.state,
            &failed,
            true,
            text("x", "x"),
            &auditor(),
            at(10)
        )
        .unwrap_err()
        .code(),
        "audit_not_in_progress"
    );
}

#[test]
fn an_unreliable_internal_audit_bars_every_conformant_conclusion() {
    let audit = evaluation_in_progress();
    let mut input = internal_audit_input(&audit.service);
    input.reliable = false;
    input.reason = text("記録が欠けている", "records are missing");
    let audit = evaluate_internal_audit(&audit, input, &auditor(), at(0))
        .unwrap()
        .state;
    let results = PhaseResults::default().with_internal_audit(audit.internal_audit.as_ref());
    let control = first_selected(&submitted());
    let why = results.bars_conformance(&control).unwrap();
    assert!(
        why.en.contains("unreliable") && why.en.contains("IA-2026-01"),
        "{why:?}"
    );
}
