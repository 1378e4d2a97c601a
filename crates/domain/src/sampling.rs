//! Sampling evidence for the operation phase of an audit: how many occurrences of a control to
//! test (from a sample table fixed in advance) and which ones (reproducibly, from a seed).

use serde::{Deserialize, Serialize};

use crate::case::{Node, Problem, Read};
use crate::fast_hash::FastSet;
use crate::random::SeededRandom;

/// How often a control operates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

    pub fn title(self) -> crate::text::Bilingual {
        use crate::text::Bilingual;
        match self {
            Frequency::Annual => Bilingual::new("年次", "Annual"),
            Frequency::Quarterly => Bilingual::new("四半期ごと", "Quarterly"),
            Frequency::Monthly => Bilingual::new("月次", "Monthly"),
            Frequency::Weekly => Bilingual::new("週次", "Weekly"),
            Frequency::Daily => Bilingual::new("日次", "Daily"),
            Frequency::MultipleDaily => Bilingual::new("1 日に複数回", "Several times a day"),
            Frequency::OnDemand => Bilingual::new("随時", "On demand"),
        }
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

/// Largest population accepted: a control operating every second for thirty years stays below
/// it. The draw does not grow with the population (see [`sample`]); the bound keeps occurrence
/// numbers, and so the answer, short.
pub const MAX_POPULATION: u64 = 1_000_000_000;
/// Largest sample-table entry accepted. Audit sample tables stop at a few dozen; the bound keeps
/// the answer at most 1,000 items (about 11 KB). An entry of 0 leaves a control untested.
pub const MAX_TABLE_SIZE: u64 = 1_000;

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
/// one random draw per item, whatever the population). Memory is linear in the sample size too:
/// the bitmap is taken only for populations of at most 128 bits per item.
pub fn sample(case: &SampleCase) -> Sample {
    draw(case, Chosen::for_draw(case.sample_size(), case.population))
}

fn draw(case: &SampleCase, mut chosen: Chosen) -> Sample {
    let size = case.sample_size();
    let population = case.population;
    let mut random = SeededRandom::new(case.seed);
    for upper in (population - size + 1)..=population {
        let candidate = 1 + random.below(upper);
        // `upper` could not be drawn before this step, so it is always new.
        if !chosen.insert(candidate) {
            chosen.insert(upper);
        }
    }
    Sample {
        frequency: case.frequency,
        population,
        sample_size: size,
        items: chosen.into_sorted(),
    }
}

/// The occurrences drawn so far. Which form holds them changes the speed, never the items.
enum Chosen {
    /// One bit per occurrence, for draws that take a large share of the population.
    Dense {
        bits: Vec<u64>,
    },
    Sparse {
        items: FastSet<u64>,
    },
}

impl Chosen {
    /// A bitmap costs population/8 bytes, a hash set about 16 bytes per item: take the bitmap
    /// when it is no larger.
    fn for_draw(size: u64, population: u64) -> Chosen {
        let words = usize::try_from(population.div_ceil(64)).ok();
        match words {
            Some(words) if population / 128 <= size => Chosen::Dense {
                bits: vec![0; words],
            },
            _ => Chosen::Sparse {
                items: FastSet::with_capacity_and_hasher(
                    usize::try_from(size).unwrap_or(0),
                    foldhash::fast::RandomState::default(),
                ),
            },
        }
    }

    /// Adds an occurrence (numbered from 1); `false` when it was already there.
    fn insert(&mut self, item: u64) -> bool {
        match self {
            Chosen::Dense { bits } => {
                let index = item - 1;
                let Some(word) = usize::try_from(index / 64)
                    .ok()
                    .and_then(|w| bits.get_mut(w))
                else {
                    return false;
                };
                let mask = 1u64 << (index % 64);
                let fresh = *word & mask == 0;
                *word |= mask;
                fresh
            }
            Chosen::Sparse { items } => items.insert(item),
        }
    }

    fn into_sorted(self) -> Vec<u64> {
        match self {
            Chosen::Dense { bits } => {
                let mut items = Vec::new();
                for (word_index, mut word) in (0u64..).zip(bits) {
                    while word != 0 {
                        let bit = u64::from(word.trailing_zeros());
                        items.push(word_index * 64 + bit + 1);
                        word &= word - 1;
                    }
                }
                items
            }
            Chosen::Sparse { items } => {
                let mut items: Vec<u64> = items.into_iter().collect();
                items.sort_unstable();
                items
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(population: u64, size: u64, seed: u64) -> SampleCase {
        SampleCase {
            frequency: Frequency::Daily,
            population,
            seed,
            table: vec![(Frequency::Daily, size)],
        }
    }

    #[test]
    fn the_memory_of_a_draw_follows_the_sample_not_the_population() {
        let largest = Chosen::for_draw(MAX_TABLE_SIZE, MAX_POPULATION);
        assert!(matches!(largest, Chosen::Sparse { .. }));
        // The largest bitmap any case can ask for: 128 bits per item of the largest sample.
        match Chosen::for_draw(MAX_TABLE_SIZE, 128 * MAX_TABLE_SIZE) {
            Chosen::Dense { bits } => assert_eq!(bits.len() as u64, 2 * MAX_TABLE_SIZE),
            Chosen::Sparse { .. } => panic!("a dense draw takes the bitmap"),
        }
        let drawn = sample(&case(MAX_POPULATION, MAX_TABLE_SIZE, 1));
        assert_eq!(drawn.items.len() as u64, MAX_TABLE_SIZE);
        assert!(
            drawn
                .items
                .iter()
                .all(|&item| (1..=MAX_POPULATION).contains(&item))
        );
    }

    #[test]
    fn bitmap_and_hash_set_draw_the_same_items() {
        for (population, size) in [
            (1, 1),
            (64, 10),
            (65, 65),
            (1000, 20),
            (100_000, 5_000),
            (129, 1),
        ] {
            for seed in 0..20 {
                let case = case(population, size, seed);
                let dense = draw(
                    &case,
                    Chosen::Dense {
                        bits: vec![0; usize::try_from(population.div_ceil(64)).unwrap()],
                    },
                );
                let sparse = draw(
                    &case,
                    Chosen::Sparse {
                        items: FastSet::default(),
                    },
                );
                assert_eq!(
                    dense, sparse,
                    "population {population}, size {size}, seed {seed}"
                );
                assert_eq!(dense.items.len() as u64, size.min(population));
            }
        }
    }
}
