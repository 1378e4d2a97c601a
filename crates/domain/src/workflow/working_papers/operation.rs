//! Operation (運用), the third phase: how often a selected control operates, its frozen
//! population, the sample drawn from it by the `sample` rule, and per sampled occurrence the
//! result and the evidence behind it.
//!
//! The seed of a draw is derived from the log point of the event that froze the population
//! ([`sample_seed`]): neither the provider, who listed the occurrences before it existed, nor
//! the auditor, who cannot change it, could choose it, and anyone with the log can recompute
//! the draw (`shinrai audit sample-check`).

use serde::{Deserialize, Serialize};

use super::evidence::Evidence;
use super::{ControlWork, Judged, check_phases, check_working, recorded};
use crate::log_chain::sha256_hex;
use crate::policy::Member;
use crate::sampling::{Frequency, SampleCase, sample};
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::fields::Problems;
use crate::workflow::statement::Statement;
use crate::workflow::{Change, Conflict, Moment, Refusal};

/// Most evidence records one sampled item's result names.
pub const MAX_ITEM_EVIDENCE: usize = 50;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationWork {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<PopulationSummary>,
    /// The first sample, and the second when the first had a failure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub samples: Vec<DrawnSample>,
}

/// What the control's papers keep of its population (the list itself is a row of its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationSummary {
    pub size: u64,
    pub sha256: String,
    #[serde(flatten)]
    pub frozen: Judged,
}

/// A point of the signed log: an event's sequence number and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogPoint {
    pub seq: u64,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawnSample {
    /// 1 for the first sample, 2 for the second.
    pub round: u8,
    /// The event that froze the population.
    pub seed_from: LogPoint,
    pub seed: u64,
    /// Why a second sample was drawn instead of concluding on the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Bilingual>,
    pub items: Vec<SampledItem>,
    #[serde(flatten)]
    pub drawn: Judged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampledItem {
    /// The occurrence's number in the population, from 1.
    pub occurrence: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ItemResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemResult {
    pub passed: bool,
    pub note: Bilingual,
    /// Ids of the evidence records behind the result.
    pub evidence: Vec<String>,
    #[serde(flatten)]
    pub judged: Judged,
}

impl DrawnSample {
    pub fn is_complete(&self) -> bool {
        self.items.iter().all(|item| item.result.is_some())
    }

    pub fn failures(&self) -> usize {
        self.items
            .iter()
            .filter(|item| item.result.as_ref().is_some_and(|r| !r.passed))
            .count()
    }
}

impl OperationWork {
    pub fn sample(&self, round: u8) -> Option<&DrawnSample> {
        self.samples.iter().find(|sample| sample.round == round)
    }
}

/// The seed of a draw: the first eight bytes of a SHA-256 over the audit, the control, the
/// round and the log point of the population's freeze.
pub fn sample_seed(audit: &str, control: &str, round: u8, from: &LogPoint) -> u64 {
    let text = format!(
        "shinrai-sample-seed/1\n{audit}\n{control}\n{round}\n{}\n{}",
        from.seq, from.hash
    );
    let hex = sha256_hex(text.as_bytes());
    hex.get(..16)
        .and_then(|first| u64::from_str_radix(first, 16).ok())
        .unwrap_or(0)
}

/// The occurrences a round draws from a population of `size`, given the first round's items.
/// The first round is the `sample` rule itself; the second draws the same number again from the
/// occurrences the first did not take (fewer when not enough are left).
pub fn draw_items(frequency: Frequency, size: u64, seed: u64, first: Option<&[u64]>) -> Vec<u64> {
    let Some(first) = first else {
        return sample(&SampleCase {
            frequency,
            population: size,
            seed,
            table: Vec::new(),
        })
        .items;
    };
    let taken = first.len() as u64;
    let left = size.saturating_sub(taken);
    let wanted = taken.min(left);
    let positions = sample(&SampleCase {
        frequency,
        population: left,
        seed,
        table: vec![(frequency, wanted)],
    })
    .items;
    // The n-th occurrence the first round left, for each drawn n (both lists ascend).
    let mut out = Vec::with_capacity(positions.len());
    let mut skipped = 0u64;
    let mut first_iter = first.iter().peekable();
    for position in positions {
        let mut candidate = position + skipped;
        while let Some(&&taken) = first_iter.peek() {
            if taken <= candidate {
                skipped += 1;
                candidate += 1;
                first_iter.next();
            } else {
                break;
            }
        }
        out.push(candidate);
    }
    out
}

/// An auditor records how often a selected control operates, before its sample is drawn.
pub fn set_frequency(
    audit: &Audit,
    statement: &Statement,
    existing: Option<&ControlWork>,
    control: &str,
    frequency: Frequency,
    by: &Member,
    at: Moment,
) -> Result<Change<ControlWork>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    if statement.content.selected(control).is_none() {
        let mut problems = Problems::new();
        problems.push(
            "/control",
            "not_selected",
            Bilingual::new(
                format!("{control} は監査中の言明書で選択された管理策ではありません"),
                format!("{control} is not a selected control of the audited statement"),
            ),
        );
        return Err(problems.refusal());
    }
    let mut work = ControlWork::of(audit, control, existing);
    let operation = work.operation.get_or_insert_with(OperationWork::default);
    if !operation.samples.is_empty() {
        return Err(Refusal::Conflict(Conflict::SampleDrawn {
            control: control.to_owned(),
            round: 1,
        }));
    }
    operation.frequency = Some(frequency);
    Ok(recorded(work, "audit.operation.frequency", by, at))
}

/// An auditor draws a round's sample from the frozen population. The second round is drawn only
/// after every item of the first has a result and at least one failed, with the reason.
#[allow(clippy::too_many_arguments)]
pub fn draw_sample(
    audit: &Audit,
    existing: Option<&ControlWork>,
    control: &str,
    round: u8,
    reason: Option<Bilingual>,
    frozen_at: &LogPoint,
    by: &Member,
    at: Moment,
) -> Result<Change<ControlWork>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    let not_frozen = || {
        Refusal::Conflict(Conflict::PopulationNotFrozen {
            control: control.to_owned(),
        })
    };
    let work = existing.ok_or_else(not_frozen)?;
    let operation = work.operation.as_ref().ok_or_else(not_frozen)?;
    let population = operation.population.as_ref().ok_or_else(not_frozen)?;
    let mut problems = Problems::new();
    let Some(frequency) = operation.frequency else {
        problems.push(
            "/frequency",
            "required",
            Bilingual::new(
                "標本を抽出する前に統制の実施頻度を記録してください",
                "record how often the control operates before drawing its sample",
            ),
        );
        return Err(problems.refusal());
    };
    if operation.sample(round).is_some() {
        return Err(Refusal::Conflict(Conflict::SampleDrawn {
            control: control.to_owned(),
            round,
        }));
    }
    let first = match round {
        1 => None,
        2 => {
            let first = operation.sample(1);
            if !first.is_some_and(|first| first.is_complete() && first.failures() > 0) {
                return Err(Refusal::Conflict(Conflict::SecondSampleNotAllowed {
                    control: control.to_owned(),
                }));
            }
            let empty = Bilingual::new("", "");
            problems.long_text("/reason", reason.as_ref().unwrap_or(&empty));
            problems.finish()?;
            first
        }
        _ => {
            problems.push(
                "/round",
                "invalid_round",
                Bilingual::new("抽出回は 1 か 2 です", "the round is 1 or 2"),
            );
            return Err(problems.refusal());
        }
    };
    let first_items: Option<Vec<u64>> =
        first.map(|sample| sample.items.iter().map(|item| item.occurrence).collect());
    let seed = sample_seed(&audit.id, control, round, frozen_at);
    let items = draw_items(frequency, population.size, seed, first_items.as_deref());
    let mut work = work.clone();
    let operation = work.operation.get_or_insert_with(OperationWork::default);
    operation.samples.push(DrawnSample {
        round,
        seed_from: frozen_at.clone(),
        seed,
        reason: if round == 2 { reason } else { None },
        items: items
            .into_iter()
            .map(|occurrence| SampledItem {
                occurrence,
                result: None,
            })
            .collect(),
        drawn: Judged::now(by, at),
    });
    Ok(recorded(work, "audit.operation.sample", by, at))
}

/// An auditor records the result of one sampled occurrence, with the evidence behind it (each
/// a record of this audit and control that is not withdrawn).
#[allow(clippy::too_many_arguments)]
pub fn record_item(
    audit: &Audit,
    existing: Option<&ControlWork>,
    control: &str,
    round: u8,
    occurrence: u64,
    passed: bool,
    note: Bilingual,
    evidence: &[&Evidence],
    by: &Member,
    at: Moment,
) -> Result<Change<ControlWork>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    let mut problems = Problems::new();
    problems.long_text("/note", &note);
    if problems.list_size("/evidence", evidence.len(), MAX_ITEM_EVIDENCE) {
        for (i, record) in evidence.iter().enumerate() {
            if record.audit != audit.id
                || record.control.as_deref() != Some(control)
                || record.withdrawn.is_some()
            {
                problems.push(
                    format!("/evidence/{i}"),
                    "not_evidence_of_control",
                    Bilingual::new(
                        format!("証跡 {} はこの管理策の有効な証跡ではありません", record.id),
                        format!(
                            "evidence {} is not standing evidence of this control",
                            record.id
                        ),
                    ),
                );
            }
        }
    }
    let mut work = ControlWork::of(audit, control, existing);
    let item = work
        .operation
        .as_mut()
        .and_then(|operation| operation.samples.iter_mut().find(|s| s.round == round))
        .and_then(|sample| {
            sample
                .items
                .iter_mut()
                .find(|item| item.occurrence == occurrence)
        });
    let Some(item) = item else {
        return Err(Refusal::Conflict(Conflict::ItemNotSampled {
            control: control.to_owned(),
            round,
            occurrence,
        }));
    };
    problems.finish()?;
    item.result = Some(ItemResult {
        passed,
        note,
        evidence: evidence.iter().map(|record| record.id.clone()).collect(),
        judged: Judged::now(by, at),
    });
    Ok(recorded(work, "audit.operation.result", by, at))
}
