//! Fair presentation: selections and exclusions judged on the audited version, the audit
//! continuing on the provider's new version, governance.

use super::*;

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
