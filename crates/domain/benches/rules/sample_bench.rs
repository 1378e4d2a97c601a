//! Samples drawn from populations of 1,000,000 and of 1,000,000,000.

use super::*;

pub(super) const POPULATION: u64 = 1_000_000;

pub(super) fn bench_sampling(budget: &Budget, rows: &mut Vec<Row>) -> Check {
    let cases = [
        (
            "sample, population 1,000,000: daily default (20)",
            POPULATION,
            None,
            20,
        ),
        (
            "sample, population 1,000,000: table 1,000 (largest allowed)",
            POPULATION,
            Some(MAX_TABLE_SIZE),
            MAX_TABLE_SIZE,
        ),
        (
            "sample, population 1,000,000,000: table 1,000 (largest case allowed)",
            MAX_POPULATION,
            Some(MAX_TABLE_SIZE),
            MAX_TABLE_SIZE,
        ),
    ];
    let data = RuleData::default();
    for (name, population, table_size, expected_size) in cases {
        let text = sample_json(population, table_size);
        bench(
            budget,
            rows,
            name,
            None,
            || decide(DecisionKind::Sample, black_box(&text), &data),
            |answer| match answer {
                Ok(Answer::Sample(sample)) => valid_sample(sample, population, expected_size),
                Ok(_) => Err("a sample case gave another kind of answer".to_owned()),
                Err(error) => Err(error.describe(Lang::En)),
            },
        )?;
    }
    Ok(())
}

pub(super) fn sample_json(population: u64, table_size: Option<u64>) -> String {
    let mut case = json!({ "frequency": "daily", "population": population, "seed": 20_240_401 });
    if let (Some(size), Some(fields)) = (table_size, case.as_object_mut()) {
        fields.insert("table".to_owned(), json!({ "daily": size }));
    }
    case.to_string()
}

/// The right number of distinct occurrences, ascending, within the population.
pub(super) fn valid_sample(sample: &Sample, population: u64, expected_size: u64) -> Check {
    let count = u64::try_from(sample.items.len()).unwrap_or(u64::MAX);
    let ascending = sample
        .items
        .windows(2)
        .all(|pair| pair.first() < pair.last());
    let in_range = sample.items.first().is_some_and(|&first| first >= 1)
        && sample.items.last().is_some_and(|&last| last <= population);
    ensure(
        sample.sample_size == expected_size && count == expected_size && ascending && in_range,
        || {
            format!(
                "expected {expected_size} distinct ascending items in 1..={population}, got {} \
                 (sample_size {})",
                sample.items.len(),
                sample.sample_size
            )
        },
    )
}
