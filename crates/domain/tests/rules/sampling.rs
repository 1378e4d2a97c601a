//! The sample rule of RULES.md.

use serde_json::{Value, json};
use shinrai_domain::DecisionKind;

use crate::support::answer;

fn items(answer: &Value) -> Vec<u64> {
    answer["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i.as_u64().expect("number"))
        .collect()
}

fn draw(case: Value) -> (u64, Vec<u64>) {
    let answer = answer(DecisionKind::Sample, &case);
    (
        answer["sample_size"].as_u64().expect("size"),
        items(&answer),
    )
}

#[test]
fn the_default_table() {
    let expected = [
        ("annual", 1),
        ("quarterly", 2),
        ("monthly", 2),
        ("weekly", 5),
        ("daily", 20),
        ("multiple_daily", 25),
        ("on_demand", 25),
    ];
    for (frequency, size) in expected {
        let (sample_size, picked) =
            draw(json!({"frequency": frequency, "population": 1000, "seed": 1}));
        assert_eq!(sample_size, size, "{frequency}");
        assert_eq!(picked.len() as u64, size);
    }
}

#[test]
fn the_same_seed_gives_the_same_items_and_another_seed_others() {
    let case = json!({"frequency": "daily", "population": 365, "seed": 42});
    let (_, first) = draw(case.clone());
    let (_, again) = draw(case);
    assert_eq!(first, again);
    let (_, other) = draw(json!({"frequency": "daily", "population": 365, "seed": 43}));
    assert_ne!(first, other);
}

#[test]
fn items_are_distinct_sorted_and_within_the_population() {
    for seed in 0..200 {
        for population in [1, 2, 5, 20, 21, 365, 1_000_000] {
            let (size, picked) =
                draw(json!({"frequency": "daily", "population": population, "seed": seed}));
            assert_eq!(size, population.min(20));
            assert_eq!(picked.len() as u64, size);
            assert!(
                picked.windows(2).all(|w| w[0] < w[1]),
                "sorted and distinct: {picked:?}"
            );
            assert!(picked.iter().all(|&i| (1..=population).contains(&i)));
        }
    }
}

#[test]
fn a_population_smaller_than_the_table_is_taken_whole() {
    let (size, picked) = draw(json!({"frequency": "on_demand", "population": 7, "seed": 9}));
    assert_eq!(size, 7);
    assert_eq!(picked, (1..=7).collect::<Vec<u64>>());
}

#[test]
fn a_population_of_zero_gives_nothing() {
    let (size, picked) = draw(json!({"frequency": "daily", "population": 0, "seed": 1}));
    assert_eq!(size, 0);
    assert!(picked.is_empty());
}

#[test]
fn the_table_overrides_only_its_entries() {
    let table = json!({"daily": 25, "weekly": 0});
    let (daily, _) =
        draw(json!({"frequency": "daily", "population": 365, "seed": 1, "table": table}));
    assert_eq!(daily, 25);
    let (weekly, picked) =
        draw(json!({"frequency": "weekly", "population": 52, "seed": 1, "table": table}));
    assert_eq!(weekly, 0);
    assert!(picked.is_empty());
    let (monthly, _) =
        draw(json!({"frequency": "monthly", "population": 12, "seed": 1, "table": table}));
    assert_eq!(monthly, 2, "entries not in the table keep their default");
}

#[test]
fn every_occurrence_is_equally_likely() {
    // 5 of 50, over 4,000 fixed seeds: each occurrence is expected 400 times. The seeds are
    // fixed, so this cannot flake; a biased draw (e.g. modulo bias, or always keeping the top of
    // the range on collisions) lands well outside the band.
    let mut counts = [0u32; 50];
    for seed in 0..4_000 {
        let (_, picked) = draw(json!({"frequency": "weekly", "population": 50, "seed": seed}));
        for item in picked {
            counts[usize::try_from(item - 1).expect("index")] += 1;
        }
    }
    let chi_square: f64 = counts
        .iter()
        .map(|&c| (f64::from(c) - 400.0).powi(2) / 400.0)
        .sum();
    // 49 degrees of freedom: the 99.9th percentile is about 85.
    assert!(
        chi_square < 85.0,
        "chi-square {chi_square:.1}, counts {counts:?}"
    );
}

#[test]
fn the_case_that_answered_17_mb_is_refused_and_the_largest_allowed_is_small() {
    use shinrai_domain::sampling::{MAX_POPULATION, MAX_TABLE_SIZE};
    let attack = json!({
        "frequency": "daily", "population": 9_007_199_254_740_991_u64, "seed": 1,
        "table": {"daily": 1_000_000}
    });
    let error = crate::support::malformed(DecisionKind::Sample, &attack);
    assert_eq!(
        (error.pointer.as_str(), error.problem.code()),
        ("/table/daily", "out_of_range")
    );
    let too_many = json!({"frequency": "daily", "population": MAX_POPULATION + 1, "seed": 1});
    let error = crate::support::malformed(DecisionKind::Sample, &too_many);
    assert_eq!(
        (error.pointer.as_str(), error.problem.code()),
        ("/population", "out_of_range")
    );
    // The largest case allowed: 1,000 items, each at most ten digits.
    let largest = json!({
        "frequency": "daily", "population": MAX_POPULATION, "seed": 1,
        "table": {"daily": MAX_TABLE_SIZE}
    });
    let (size, picked) = draw(largest.clone());
    assert_eq!(
        (size, picked.len() as u64),
        (MAX_TABLE_SIZE, MAX_TABLE_SIZE)
    );
    let bytes = answer(DecisionKind::Sample, &largest).to_string().len();
    assert!(bytes <= 12_000, "{bytes} bytes");
}
