//! What a signed report says of each selected control's work: the phases' results and the
//! hashes of the evidence behind them, so a reader can match every file to the report.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::ControlWork;
use super::design::Equivalence;
use super::evidence::Evidence;
use super::fair::FairVerdict;
use super::reliance::RelianceKind;
use super::results::{DesignResult, OperationResult};
use crate::registry::Period;
use crate::sampling::Frequency;
use crate::text::Bilingual;
use crate::workflow::statement::Statement;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlWorkLine {
    pub control: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fair_presentation: Option<FairVerdict>,
    pub design: DesignResult,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
    pub operation: OperationResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Items sampled over both rounds, and how many of them failed.
    pub sampled: u64,
    pub failed: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_sample_reason: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliance: Option<RelianceLine>,
    /// SHA-256 of every standing evidence record of the control, sorted.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelianceLine {
    pub kind: RelianceKind,
    pub reference: String,
    pub period: Period,
}

/// One line per selected control of the statement, sorted by control.
pub fn report_lines(
    statement: &Statement,
    work: &[ControlWork],
    evidence: &[Evidence],
) -> Vec<ControlWorkLine> {
    let by_control: HashMap<&str, &ControlWork> =
        work.iter().map(|w| (w.control.as_str(), w)).collect();
    let mut hashes: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for record in evidence.iter().filter(|record| record.withdrawn.is_none()) {
        if let Some(control) = &record.control {
            hashes
                .entry(control.as_str())
                .or_default()
                .insert(record.content.sha256());
        }
    }
    let mut lines: Vec<ControlWorkLine> = statement
        .content
        .selected
        .iter()
        .map(|entry| {
            let control = entry.control.as_str();
            let work = by_control.get(control).copied();
            line(control, work, hashes.remove(control).unwrap_or_default())
        })
        .collect();
    lines.sort_by(|a, b| a.control.cmp(&b.control));
    lines
}

fn line(control: &str, work: Option<&ControlWork>, evidence: BTreeSet<String>) -> ControlWorkLine {
    let operation = work.and_then(|w| w.operation.as_ref());
    let items = operation
        .into_iter()
        .flat_map(|o| &o.samples)
        .flat_map(|s| &s.items);
    let (mut sampled, mut failed) = (0, 0);
    for item in items {
        sampled += 1;
        if item.result.as_ref().is_some_and(|r| !r.passed) {
            failed += 1;
        }
    }
    ControlWorkLine {
        control: control.to_owned(),
        fair_presentation: work.and_then(|w| w.fair.as_ref()).map(|f| f.verdict),
        design: DesignResult::of(work),
        equivalences: work
            .and_then(|w| w.design.as_ref())
            .map(|d| d.equivalences.clone())
            .unwrap_or_default(),
        operation: OperationResult::of(work),
        frequency: operation.and_then(|o| o.frequency),
        population: operation
            .and_then(|o| o.population.as_ref())
            .map(|p| p.size),
        sampled,
        failed,
        second_sample_reason: operation
            .and_then(|o| o.sample(2))
            .and_then(|s| s.reason.clone()),
        reliance: work
            .and_then(|w| w.reliance.as_ref())
            .map(|r| RelianceLine {
                kind: r.kind,
                reference: r.reference.clone(),
                period: r.period,
            }),
        evidence: evidence.into_iter().collect(),
    }
}
