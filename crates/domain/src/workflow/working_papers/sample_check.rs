//! Recomputing a control's samples from what anyone holding the data can read: the event that
//! froze the population (its place in the log and its hash), the population as stored, and the
//! `sample` rule. Nothing here trusts the papers' own word for the seed or the items.

use serde::Serialize;

use super::ControlWork;
use super::internal_audit::{ReperformanceSample, draw_controls, selected_controls};
use super::operation::{draw_items, sample_seed};
use super::population::{Population, population_sha256};
use crate::log_chain::Event;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::statement::Statement;

/// What recomputing one round's sample found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SampleCheck {
    pub control: String,
    pub round: u8,
    pub items: usize,
    /// Empty when the round's seed and items are exactly what the log and the rule give.
    pub problems: Vec<Bilingual>,
}

/// Every drawn round of `work`, checked against the freezing event found at its recorded place
/// in the log (`None` when there is no event there) and the stored population.
pub fn check_samples(
    work: &ControlWork,
    population: Option<&Population>,
    freeze: Option<&Event>,
) -> Vec<SampleCheck> {
    let Some(operation) = &work.operation else {
        return Vec::new();
    };
    let mut checks = Vec::new();
    for sample in &operation.samples {
        let mut problems = Vec::new();
        match freeze {
            None => problems.push(Bilingual::new(
                format!(
                    "ログの {} 番目に母集団の記録がありません",
                    sample.seed_from.seq
                ),
                format!("the log has no event at {}", sample.seed_from.seq),
            )),
            Some(event) => {
                if event.hash != sample.seed_from.hash {
                    problems.push(Bilingual::new(
                        format!("ログの {} 番目のハッシュが種の元と異なります", event.seq),
                        format!("the hash of event {} is not the seed's source", event.seq),
                    ));
                }
                if event.action != "audit.population.freeze" || event.subject != work.id {
                    problems.push(Bilingual::new(
                        format!(
                            "ログの {} 番目は {} の母集団の記録ではありません",
                            event.seq, work.control
                        ),
                        format!(
                            "event {} is not the freeze of the population of {}",
                            event.seq, work.control
                        ),
                    ));
                }
            }
        }
        let summary = operation.population.as_ref();
        match population {
            None => problems.push(Bilingual::new(
                "母集団が保存されていません",
                "the population is not stored",
            )),
            Some(population) => {
                let actual = population_sha256(&population.occurrences);
                if actual != population.sha256 || summary.is_none_or(|s| s.sha256 != actual) {
                    problems.push(Bilingual::new(
                        "母集団の内容が記録されたハッシュと一致しません",
                        "the population does not hash to what was recorded",
                    ));
                }
            }
        }
        let expected_seed =
            sample_seed(&work.audit, &work.control, sample.round, &sample.seed_from);
        if expected_seed != sample.seed {
            problems.push(Bilingual::new(
                format!("種が {} ではなく {} です", expected_seed, sample.seed),
                format!("the seed is {}, not {expected_seed}", sample.seed),
            ));
        }
        let first: Option<Vec<u64>> = (sample.round == 2)
            .then(|| operation.sample(1))
            .flatten()
            .map(|first| first.items.iter().map(|item| item.occurrence).collect());
        let drawn: Vec<u64> = sample.items.iter().map(|item| item.occurrence).collect();
        if let (Some(frequency), Some(population)) = (operation.frequency, population) {
            let size = population.occurrences.len() as u64;
            let expected = draw_items(frequency, size, expected_seed, first.as_deref());
            if expected != drawn {
                problems.push(Bilingual::new(
                    "抽出された発生が規則と種から求めたものと異なります",
                    "the items drawn are not those the rule and the seed give",
                ));
            }
        }
        checks.push(SampleCheck {
            control: work.control.clone(),
            round: sample.round,
            items: drawn.len(),
            problems,
        });
    }
    checks
}

/// The name a re-performance sample is checked under, where a control's samples name the
/// control.
pub const REPERFORMANCE: &str = "internal-audit";

/// An evaluation's re-performance sample checked against the event found at its recorded place
/// in the log (`None` when there is none) and the statement it was drawn from; `None` when the
/// audit drew no such sample.
pub fn check_reperformance(
    audit: &Audit,
    statement: Option<&Statement>,
    evaluated: Option<&Event>,
) -> Option<SampleCheck> {
    let sample: &ReperformanceSample = audit.internal_audit.as_ref()?.sample.as_ref()?;
    let mut problems = Vec::new();
    match evaluated {
        None => problems.push(Bilingual::new(
            format!(
                "ログの {} 番目に内部監査の評価の記録がありません",
                sample.from.seq
            ),
            format!("the log has no event at {}", sample.from.seq),
        )),
        Some(event) => {
            if event.hash != sample.from.hash {
                problems.push(Bilingual::new(
                    format!("ログの {} 番目のハッシュが種の元と異なります", event.seq),
                    format!("the hash of event {} is not the seed's source", event.seq),
                ));
            }
            if event.action != "audit.internal_audit" || event.subject != audit.id {
                problems.push(Bilingual::new(
                    format!(
                        "ログの {} 番目は監査 {} の内部監査の評価の記録ではありません",
                        event.seq, audit.id
                    ),
                    format!(
                        "event {} is not the evaluation of the internal audit in audit {}",
                        event.seq, audit.id
                    ),
                ));
            }
        }
    }
    let expected_seed = sample_seed(&audit.id, REPERFORMANCE, 1, &sample.from);
    if expected_seed != sample.seed {
        problems.push(Bilingual::new(
            format!("種が {} ではなく {} です", expected_seed, sample.seed),
            format!("the seed is {}, not {expected_seed}", sample.seed),
        ));
    }
    match statement {
        Some(statement) if statement.id == sample.statement => {
            let selected = selected_controls(statement);
            if draw_controls(&selected, expected_seed) != sample.controls {
                problems.push(Bilingual::new(
                    "抽出された管理策が規則と種から求めたものと異なります",
                    "the controls drawn are not those the rule and the seed give",
                ));
            }
        }
        _ => problems.push(Bilingual::new(
            format!("抽出元の言明書 {} が保存されていません", sample.statement),
            format!(
                "the statement drawn from, {}, is not stored",
                sample.statement
            ),
        )),
    }
    Some(SampleCheck {
        control: REPERFORMANCE.to_owned(),
        round: 1,
        items: sample.controls.len(),
        problems,
    })
}
