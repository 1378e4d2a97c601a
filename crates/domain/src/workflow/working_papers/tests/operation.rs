//! Operation: the population frozen once, the sample seeded from the freeze, the judging rule
//! and the second sample.

use super::*;

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
