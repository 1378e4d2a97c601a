//! Conclusions and signing follow the work.

use super::*;

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
