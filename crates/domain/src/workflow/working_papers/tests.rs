use super::*;
use crate::criteria::demo::demo_criteria;
use crate::date::CalendarDate;
use crate::registry::Period;
use crate::sampling::Frequency;
use crate::text::Bilingual;
use crate::workflow::audit::tests::{
    JUNE_2026, auditor, full_conclusions, in_progress, signed, submitted,
};
use crate::workflow::audit::{Conclusions, conclude};
use crate::workflow::service::tests::provider;
use crate::workflow::statement::{self, Statement};
use crate::workflow::{Conflict, Moment, NotAllowed, Refusal};

fn at(offset: i64) -> Moment {
    Moment::at(JUNE_2026 + 10 + offset)
}

fn text(ja: &str, en: &str) -> Bilingual {
    Bilingual::new(ja, en)
}

fn first_selected(statement: &Statement) -> String {
    statement.content.selected[0].control.clone()
}

fn codes(refusal: Refusal) -> Vec<String> {
    match refusal {
        Refusal::Invalid(errors) => errors.into_iter().map(|e| e.code.to_owned()).collect(),
        other => vec![format!("{other:?}")],
    }
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// `n` daily occurrences from the first day of the audit period (2025-10-01).
fn occurrences(n: usize) -> Vec<Occurrence> {
    let mut on = day("2025-10-01");
    (0..n)
        .map(|i| {
            let occurrence = Occurrence {
                on,
                reference: format!("job-{i}"),
            };
            on = on.add_days(1).unwrap();
            occurrence
        })
        .collect()
}

fn frozen_at() -> LogPoint {
    LogPoint {
        seq: 42,
        hash: "ab".repeat(32),
    }
}

/// Papers of the first selected control with a daily frequency, a frozen population of 180
/// and the first sample drawn.
fn sampled() -> (ControlWork, Vec<u64>) {
    let audit = in_progress();
    let statement = submitted();
    let control = first_selected(&statement);
    let work = set_frequency(
        &audit,
        &statement,
        None,
        &control,
        Frequency::Daily,
        &auditor(),
        at(0),
    )
    .unwrap()
    .state;
    let (_, frozen) = freeze_population(
        &audit,
        &statement,
        Some(&work),
        &control,
        occurrences(180),
        &provider(),
        at(1),
    )
    .unwrap();
    let drawn = draw_sample(
        &audit,
        Some(&frozen.state),
        &control,
        1,
        None,
        &frozen_at(),
        &auditor(),
        at(2),
    )
    .unwrap()
    .state;
    let items = drawn.operation.as_ref().unwrap().samples[0]
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    (drawn, items)
}

fn record_all(work: ControlWork, round: u8, failing: &[u64]) -> ControlWork {
    let audit = in_progress();
    let items: Vec<u64> = work
        .operation
        .as_ref()
        .unwrap()
        .sample(round)
        .unwrap()
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    let control = work.control.clone();
    items.into_iter().fold(work, |work, occurrence| {
        record_item(
            &audit,
            Some(&work),
            &control,
            round,
            occurrence,
            !failing.contains(&occurrence),
            text("確認", "checked"),
            &[],
            &auditor(),
            at(3),
        )
        .unwrap()
        .state
    })
}

#[test]
fn fair_presentation_judges_selections_and_exclusions_of_the_audited_version() {
    let audit = in_progress();
    let statement = submitted();
    let selected = first_selected(&statement);
    let excluded = statement.content.excluded[0].control.clone();
    let work = judge_fair(
        &audit,
        &statement,
        None,
        FairInput {
            control: selected.clone(),
            verdict: FairVerdict::Accepted,
            reason: text("必要十分", "necessary and sufficient"),
        },
        &auditor(),
        at(0),
    )
    .unwrap();
    assert_eq!(work.state.id, format!("au-1/{selected}"));
    let fair = work.state.fair.unwrap();
    assert_eq!(
        (fair.subject, fair.statement_version),
        (FairSubject::Selection, 1)
    );
    assert_eq!(work.event.action, "audit.fair_presentation");
    let challenged = judge_fair(
        &audit,
        &statement,
        None,
        FairInput {
            control: excluded,
            verdict: FairVerdict::Challenged,
            reason: text("除外理由が不十分", "the exclusion is not justified"),
        },
        &auditor(),
        at(1),
    )
    .unwrap()
    .state;
    assert_eq!(challenged.fair.unwrap().subject, FairSubject::Exclusion);
    let unknown = judge_fair(
        &audit,
        &statement,
        None,
        FairInput {
            control: "no-such".into(),
            verdict: FairVerdict::Accepted,
            reason: text("", ""),
        },
        &auditor(),
        at(2),
    )
    .unwrap_err();
    assert_eq!(codes(unknown), ["required", "not_in_statement"]);
    let by_provider = judge_fair(
        &audit,
        &statement,
        None,
        FairInput {
            control: selected,
            verdict: FairVerdict::Accepted,
            reason: text("x", "x"),
        },
        &provider(),
        at(3),
    );
    assert_eq!(
        by_provider,
        Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody))
    );
}

/// A newer submitted version of the audited statement, without its last selected control.
fn second_version() -> Statement {
    let criteria = demo_criteria().unwrap();
    let first = submitted();
    let mut next = statement::start(
        "st-2".into(),
        &statement::tests::service(),
        Some(&first),
        &criteria,
        first.target_level,
        &provider(),
        at(5),
    )
    .unwrap()
    .state;
    let dropped = next.content.selected.pop().unwrap();
    next.content.excluded.push(statement::ExcludedControl {
        control: dropped.control,
        reason: text("範囲外", "out of scope"),
    });
    statement::submit(&next, &provider(), at(6)).unwrap().state
}

#[test]
fn the_audit_continues_on_the_providers_new_version_and_keeps_every_version_it_looked_at() {
    let criteria = demo_criteria().unwrap();
    let first = submitted();
    let audit = conclude(
        &in_progress(),
        &first,
        &criteria,
        full_conclusions(&first),
        &PhaseResults::default(),
        &auditor(),
        at(0),
    )
    .unwrap()
    .state;
    let next = second_version();
    let continued = continue_on(&audit, &next, &criteria, &provider(), at(7))
        .unwrap()
        .state;
    assert_eq!(
        (continued.statement.as_str(), continued.statement_version),
        ("st-2", 2)
    );
    let versions: Vec<u32> = continued.examined.iter().map(|v| v.version).collect();
    assert_eq!(versions, [1, 2]);
    assert_eq!(
        continued.conclusions.controls.len(),
        next.content.selected.len(),
        "the conclusion of the control no longer selected is dropped"
    );
    assert_eq!(
        continue_on(&audit, &next, &criteria, &auditor(), at(8)),
        Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
    );
    let again = continue_on(&continued, &next, &criteria, &provider(), at(8)).unwrap_err();
    assert_eq!(codes(again), ["not_newer"]);
}

#[test]
fn governance_is_judged_on_the_audited_version() {
    let audit = in_progress();
    let judged = judge_governance(&audit, true, text("有効", "effective"), &auditor(), at(0))
        .unwrap()
        .state;
    let governance = judged.governance.unwrap();
    assert!(governance.effective);
    assert_eq!(governance.statement_version, 1);
    let empty = judge_governance(&audit, true, text("", ""), &auditor(), at(0)).unwrap_err();
    assert_eq!(codes(empty), ["required"]);
}

#[test]
fn a_technology_outside_the_examples_needs_an_equivalence_judgement_with_grounds() {
    let criteria = demo_criteria().unwrap();
    let audit = in_progress();
    let mut statement = submitted();
    let control_id = first_selected(&statement);
    statement.content.selected[0].technologies = vec!["own-vault".into()];
    let control = &criteria;
    let input = |equivalences: Vec<Equivalence>, effective: bool| DesignInput {
        control: control_id.clone(),
        effective,
        reason: text("設計は妥当", "the design meets the control"),
        equivalences,
    };
    let missing = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(vec![], true),
        &auditor(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(codes(missing), ["equivalence_missing"]);
    let not_equivalent = Equivalence {
        technology: "own-vault".into(),
        equivalent: false,
        grounds: text("鍵の分離がない", "keys are not separated"),
    };
    let contradicted = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(vec![not_equivalent.clone()], true),
        &auditor(),
        at(1),
    )
    .unwrap_err();
    assert_eq!(codes(contradicted), ["not_equivalent"]);
    let judged = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(vec![not_equivalent], false),
        &auditor(),
        at(2),
    )
    .unwrap()
    .state;
    assert_eq!(DesignResult::of(Some(&judged)), DesignResult::NotEffective);
    let stray = Equivalence {
        technology: "unnamed".into(),
        equivalent: true,
        grounds: text("x", "x"),
    };
    let stray = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(
            vec![
                stray,
                Equivalence {
                    technology: "own-vault".into(),
                    equivalent: true,
                    grounds: text("同等", "equivalent"),
                },
            ],
            true,
        ),
        &auditor(),
        at(3),
    )
    .unwrap_err();
    assert_eq!(codes(stray), ["not_a_free_technology"]);
}

#[test]
fn the_population_is_frozen_once_and_checked_against_the_period() {
    let audit = in_progress();
    let statement = submitted();
    let control = first_selected(&statement);
    let mut outside = occurrences(3);
    outside[1].on = day("2026-04-01");
    outside[2].reference = String::new();
    let refused = freeze_population(
        &audit,
        &statement,
        None,
        &control,
        outside,
        &provider(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(codes(refused), ["outside_period", "invalid_reference"]);
    let (population, change) = freeze_population(
        &audit,
        &statement,
        None,
        &control,
        occurrences(10),
        &provider(),
        at(1),
    )
    .unwrap();
    assert_eq!(
        population.sha256,
        population_sha256(&population.occurrences)
    );
    assert_eq!(change.event.action, "audit.population.freeze");
    assert_eq!(
        change.event.payload["population"]["occurrences"][0]["reference"],
        "job-0"
    );
    let again = freeze_population(
        &audit,
        &statement,
        Some(&change.state),
        &control,
        occurrences(10),
        &provider(),
        at(2),
    );
    assert_eq!(
        again.map(|_| ()),
        Err(Refusal::Conflict(Conflict::PopulationFrozen { control }))
    );
}

#[test]
fn the_sample_is_the_sample_rule_seeded_from_the_freeze_and_recomputable() {
    let (work, items) = sampled();
    let sample = &work.operation.as_ref().unwrap().samples[0];
    assert_eq!(items.len(), 20, "daily controls sample 20");
    assert_eq!(
        sample.seed,
        sample_seed("au-1", &work.control, 1, &frozen_at())
    );
    assert_eq!(
        items,
        draw_items(Frequency::Daily, 180, sample.seed, None),
        "anyone can recompute the draw"
    );
    let other_point = LogPoint {
        seq: 43,
        hash: "cd".repeat(32),
    };
    assert_ne!(
        sample_seed("au-1", &work.control, 1, &frozen_at()),
        sample_seed("au-1", &work.control, 1, &other_point)
    );
    let redraw = draw_sample(
        &in_progress(),
        Some(&work),
        &work.control,
        1,
        None,
        &frozen_at(),
        &auditor(),
        at(9),
    );
    assert!(matches!(
        redraw,
        Err(Refusal::Conflict(Conflict::SampleDrawn { round: 1, .. }))
    ));
}

#[test]
fn drawing_before_the_population_is_frozen_is_refused() {
    let audit = in_progress();
    let statement = submitted();
    let control = first_selected(&statement);
    let refused = draw_sample(
        &audit,
        None,
        &control,
        1,
        None,
        &frozen_at(),
        &auditor(),
        at(0),
    );
    assert_eq!(
        refused,
        Err(Refusal::Conflict(Conflict::PopulationNotFrozen { control }))
    );
}

#[test]
fn one_failed_item_fails_the_control_unless_a_second_sample_passes_entirely() {
    let (work, items) = sampled();
    let passed = record_all(work.clone(), 1, &[]);
    assert_eq!(
        OperationResult::of(Some(&passed)),
        OperationResult::Effective
    );

    let failed = record_all(work, 1, &items[..1]);
    assert_eq!(
        OperationResult::of(Some(&failed)),
        OperationResult::NotEffective
    );
    let audit = in_progress();
    let control = failed.control.clone();
    let without_reason = draw_sample(
        &audit,
        Some(&failed),
        &control,
        2,
        None,
        &frozen_at(),
        &auditor(),
        at(4),
    )
    .unwrap_err();
    assert_eq!(codes(without_reason), ["required"]);
    let second = draw_sample(
        &audit,
        Some(&failed),
        &control,
        2,
        Some(text("単発の手順漏れ", "a one-off slip in the procedure")),
        &frozen_at(),
        &auditor(),
        at(5),
    )
    .unwrap()
    .state;
    let second_items: Vec<u64> = second.operation.as_ref().unwrap().samples[1]
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    assert_eq!(second_items.len(), items.len(), "the same size again");
    assert!(second_items.iter().all(|item| !items.contains(item)));
    assert_eq!(
        OperationResult::of(Some(&second)),
        OperationResult::InProgress
    );
    let cleared = record_all(second.clone(), 2, &[]);
    assert_eq!(
        OperationResult::of(Some(&cleared)),
        OperationResult::EffectiveOnSecondSample
    );
    let failed_again = record_all(second, 2, &second_items[..1]);
    assert_eq!(
        OperationResult::of(Some(&failed_again)),
        OperationResult::NotEffective
    );
    let third = draw_sample(
        &audit,
        Some(&failed_again),
        &control,
        3,
        Some(text("x", "x")),
        &frozen_at(),
        &auditor(),
        at(6),
    );
    assert!(matches!(
        third,
        Err(Refusal::Conflict(Conflict::SampleDrawn { .. }) | Refusal::Invalid(_))
    ));
}

#[test]
fn a_second_sample_needs_a_complete_first_one_with_a_failure() {
    let (work, _) = sampled();
    let refused = draw_sample(
        &in_progress(),
        Some(&work),
        &work.control,
        2,
        Some(text("x", "x")),
        &frozen_at(),
        &auditor(),
        at(4),
    );
    assert_eq!(
        refused,
        Err(Refusal::Conflict(Conflict::SecondSampleNotAllowed {
            control: work.control.clone()
        }))
    );
}

#[test]
fn the_second_round_draws_distinct_occurrences_the_first_left() {
    for size in [0u64, 1, 2, 5, 21, 40, 41, 365] {
        for seed in 0..20 {
            let first = draw_items(Frequency::Daily, size, seed, None);
            let second = draw_items(Frequency::Daily, size, seed + 1000, Some(&first));
            let expected = (first.len() as u64).min(size - first.len() as u64);
            assert_eq!(second.len() as u64, expected, "size {size}");
            assert!(second.windows(2).all(|w| w[0] < w[1]));
            assert!(
                second
                    .iter()
                    .all(|n| (1..=size).contains(n) && !first.contains(n))
            );
        }
    }
}

fn file_evidence(id: &str, control: Option<String>, occurrence: Option<u64>) -> NewEvidence {
    NewEvidence {
        id: id.into(),
        control,
        occurrence,
        method: EvidenceMethod::Inspection,
        title: text("ジョブ記録", "job log"),
        content: EvidenceContent::File {
            sha256: "0f".repeat(32),
            size: 1024,
            media_type: "text/plain".into(),
            file_name: "job.log".into(),
        },
        speaks_for: day("2025-10-02"),
        request: None,
    }
}

#[test]
fn evidence_names_a_selected_control_and_a_sampled_occurrence_and_is_only_withdrawn() {
    let audit = in_progress();
    let statement = submitted();
    let (work, items) = sampled();
    let control = work.control.clone();
    let added = add_evidence(
        &audit,
        &statement,
        Some(&work),
        file_evidence(
            &evidence_id("au-1", 1),
            Some(control.clone()),
            Some(items[0]),
        ),
        &provider(),
        at(3),
    )
    .unwrap()
    .state;
    assert_eq!(added.id, "au-1/ev-0000001");
    assert_eq!(added.supplied_by_org, provider().org_id);
    let not_sampled = (1..=180).find(|n| !items.contains(n)).unwrap();
    let refused = add_evidence(
        &audit,
        &statement,
        Some(&work),
        NewEvidence {
            speaks_for: day("2099-01-01"),
            ..file_evidence("au-1/ev-0000002", Some(control.clone()), Some(not_sampled))
        },
        &provider(),
        at(3),
    )
    .unwrap_err();
    assert_eq!(codes(refused), ["in_the_future", "not_sampled"]);
    let withdrawn = withdraw_evidence(
        &audit,
        &added,
        text("誤り", "wrong file"),
        &provider(),
        at(4),
    )
    .unwrap()
    .state;
    assert!(withdrawn.withdrawn.is_some());
    assert_eq!(
        withdraw_evidence(&audit, &withdrawn, text("x", "x"), &provider(), at(5)),
        Err(Refusal::Conflict(Conflict::EvidenceWithdrawn {
            evidence: added.id.clone()
        }))
    );
    let result = record_item(
        &audit,
        Some(&work),
        &control,
        1,
        items[0],
        true,
        text("確認", "checked"),
        &[&withdrawn],
        &auditor(),
        at(6),
    )
    .unwrap_err();
    assert_eq!(codes(result), ["not_evidence_of_control"]);
    let (signed, _) = signed();
    assert_eq!(
        withdraw_evidence(&signed, &added, text("x", "x"), &provider(), at(7)),
        Err(Refusal::Conflict(Conflict::AuditNotInProgress {
            audit: "au-1".into()
        }))
    );
}

#[test]
fn requests_for_evidence_are_due_answered_and_overdue() {
    let audit = in_progress();
    let statement = submitted();
    let today = at(0).date();
    let request = ask(
        &audit,
        &statement,
        NewRequest {
            id: request_id("au-1", 1),
            control: Some(first_selected(&statement)),
            occurrence: None,
            text: text("設定画面の写しを", "a copy of the settings"),
            due_on: today.add_days(7).unwrap(),
        },
        &auditor(),
        at(0),
    )
    .unwrap()
    .state;
    assert!(!request.is_overdue(today));
    assert!(request.is_overdue(today.add_days(8).unwrap()));
    let past = ask(
        &audit,
        &statement,
        NewRequest {
            id: request_id("au-1", 2),
            control: None,
            occurrence: None,
            text: text("x", "x"),
            due_on: today.add_days(-1).unwrap(),
        },
        &auditor(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(codes(past), ["in_the_past"]);
    let evidence = add_evidence(
        &audit,
        &statement,
        None,
        file_evidence("au-1/ev-0000001", None, None),
        &provider(),
        at(1),
    )
    .unwrap()
    .state;
    let answered = answer_request(&audit, &request, &[&evidence], &provider(), at(2))
        .unwrap()
        .state;
    assert_eq!(answered.status, RequestStatus::Answered);
    assert!(!answered.is_overdue(today.add_days(30).unwrap()));
    assert_eq!(
        answer_request(&audit, &answered, &[&evidence], &provider(), at(3)),
        Err(Refusal::Conflict(Conflict::RequestNotOpen {
            request: request.id
        }))
    );
}

fn reliance(period: Period, covers: &[&str]) -> RelianceInput {
    RelianceInput {
        control: first_selected(&submitted()),
        kind: RelianceKind::Soc2,
        reference: "SOC2-2025".into(),
        issuer: "Audit Firm".into(),
        period,
        scope: text("東京リージョン", "the Tokyo region"),
        covers: covers.iter().map(|s| (*s).to_owned()).collect(),
        reason: text("同じ統制", "the same control"),
    }
}

#[test]
fn reliance_needs_an_overlapping_period_and_a_scope_covering_the_service() {
    let audit = in_progress();
    let statement = submitted();
    let overlapping = Period {
        start: day("2025-01-01"),
        end: day("2025-12-31"),
    };
    let before = Period {
        start: day("2024-01-01"),
        end: day("2024-12-31"),
    };
    let refused = rely(
        &audit,
        &statement,
        None,
        reliance(before, &["other"]),
        &auditor(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(
        codes(refused),
        ["period_outside_audit", "scope_does_not_cover"]
    );
    let relied = rely(
        &audit,
        &statement,
        None,
        reliance(overlapping, &["svc-a"]),
        &auditor(),
        at(1),
    )
    .unwrap()
    .state;
    assert_eq!(
        OperationResult::of(Some(&relied)),
        OperationResult::ReliedOn
    );
}

#[test]
fn conclusions_and_signing_follow_the_work() {
    let criteria = demo_criteria().unwrap();
    let statement = submitted();
    let (work, items) = sampled();
    let failed = record_all(work, 1, &items[..1]);
    let results = PhaseResults::of([&failed]);
    let refused = conclude(
        &in_progress(),
        &statement,
        &criteria,
        full_conclusions(&statement),
        &results,
        &auditor(),
        at(5),
    )
    .unwrap_err();
    assert_eq!(codes(refused), ["contradicts_work"]);
    let mut honest: Conclusions = full_conclusions(&statement);
    honest.controls[0].conformant = false;
    let concluded = conclude(
        &in_progress(),
        &statement,
        &criteria,
        honest,
        &results,
        &auditor(),
        at(6),
    )
    .unwrap()
    .state;
    let progress = Progress::of(
        &concluded,
        &statement,
        &criteria,
        &[failed],
        &[],
        at(6).date(),
    );
    assert_eq!(progress.operation.done, 1);
    assert_eq!(progress.operation.problems, 1);
    assert_eq!(progress.conclusions.done, progress.conclusions.total);
    assert_eq!(progress.fair_presentation.done, 0);
}

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
    if let Some(not_drawn) = not_drawn {
        assert_eq!(
            record_reperformance(&audit, &not_drawn, true, text("x", "x"), &auditor(), at(4))
                .unwrap_err()
                .code(),
            "control_not_reperformed"
        );
    }

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
