//! Sampling evidence for the operation phase of an audit: how many occurrences of a control to
//! test (from a sample table fixed in advance) and which ones (reproducibly, from a seed).

use std::collections::HashSet;

use serde::Serialize;

use crate::case::{Node, Problem, Read};
use crate::random::SeededRandom;

/// How often a control operates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Annual,
    Quarterly,
    Monthly,
    Weekly,
    Daily,
    MultipleDaily,
    OnDemand,
}

impl Frequency {
    pub const NAMES: [(&'static str, Frequency); 7] = [
        ("annual", Frequency::Annual),
        ("quarterly", Frequency::Quarterly),
        ("monthly", Frequency::Monthly),
        ("weekly", Frequency::Weekly),
        ("daily", Frequency::Daily),
        ("multiple_daily", Frequency::MultipleDaily),
        ("on_demand", Frequency::OnDemand),
    ];

    pub fn from_name(name: &str) -> Option<Frequency> {
        Frequency::NAMES
            .iter()
            .find(|(candidate, _)| *candidate == name)
            .map(|(_, frequency)| *frequency)
    }

    pub fn name(self) -> &'static str {
        Frequency::NAMES
            .iter()
            .find(|(_, frequency)| *frequency == self)
            .map_or("", |(name, _)| name)
    }

    /// The default sample table.
    pub fn default_sample_size(self) -> u64 {
        match self {
            Frequency::Annual => 1,
            Frequency::Quarterly | Frequency::Monthly => 2,
            Frequency::Weekly => 5,
            Frequency::Daily => 20,
            Frequency::MultipleDaily | Frequency::OnDemand => 25,
        }
    }
}

/// Largest population accepted: the largest integer JSON tools keep exactly (2^53 − 1).
pub const MAX_POPULATION: u64 = (1 << 53) - 1;
/// Largest sample-table entry accepted.
pub const MAX_TABLE_SIZE: u64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleCase {
    pub frequency: Frequency,
    /// Occurrences of the control in the audit period, numbered 1..=population.
    pub population: u64,
    pub seed: u64,
    /// Sample-table entries that replace the defaults.
    pub table: Vec<(Frequency, u64)>,
}

impl SampleCase {
    pub fn read(node: &Node<'_>) -> Read<SampleCase> {
        let mut table = Vec::new();
        node.optional("table", |entries| {
            entries.entries(|key, entry| {
                let frequency = Frequency::from_name(key).ok_or_else(|| {
                    entry.error(Problem::UnknownValue {
                        allowed: Frequency::NAMES.iter().map(|(name, _)| *name).collect(),
                        found: key.to_owned(),
                    })
                })?;
                table.push((frequency, entry.integer(0, MAX_TABLE_SIZE)?));
                Ok(())
            })
        })?;
        Ok(SampleCase {
            frequency: node.field("frequency", |n| n.choice(&Frequency::NAMES))?,
            population: node.field("population", |n| n.integer(0, MAX_POPULATION))?,
            seed: node.field("seed", |n| n.integer(0, u64::MAX))?,
            table,
        })
    }

    pub fn sample_size(&self) -> u64 {
        let table_size = self
            .table
            .iter()
            .rev()
            .find(|(frequency, _)| *frequency == self.frequency)
            .map_or(self.frequency.default_sample_size(), |(_, size)| *size);
        table_size.min(self.population)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sample {
    #[serde(skip)]
    pub frequency: Frequency,
    #[serde(skip)]
    pub population: u64,
    pub sample_size: u64,
    /// Distinct occurrence numbers in `1..=population`, ascending.
    pub items: Vec<u64>,
}

/// Picks `sample_size` distinct occurrences uniformly without replacement (Floyd's algorithm:
/// one random draw per item, whatever the population).
pub fn sample(case: &SampleCase) -> Sample {
    let size = case.sample_size();
    let population = case.population;
    let mut random = SeededRandom::new(case.seed);
    let capacity = usize::try_from(size).unwrap_or(0);
    let mut chosen: HashSet<u64> = HashSet::with_capacity(capacity);
    let mut items = Vec::with_capacity(capacity);
    for upper in (population - size + 1)..=population {
        let candidate = 1 + random.below(upper);
        let pick = if chosen.contains(&candidate) {
            upper
        } else {
            candidate
        };
        chosen.insert(pick);
        items.push(pick);
    }
    items.sort_unstable();
    Sample {
        frequency: case.frequency,
        population,
        sample_size: size,
        items,
    }
}
