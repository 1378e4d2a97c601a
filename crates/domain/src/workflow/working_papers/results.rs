//! What the phases found for a control, read off its papers, and the judging rule fixed before
//! any sample is drawn: one failed item means the control did not operate effectively, unless a
//! second sample of the same size passes entirely (with the reason recorded).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::ControlWork;
use super::internal_audit::InternalAuditPaper;
use super::operation::OperationWork;
use crate::text::Bilingual;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesignResult {
    NotJudged,
    Effective,
    NotEffective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationResult {
    /// No population or no sample yet.
    NotStarted,
    /// A sample is drawn and some of its items have no result yet.
    InProgress,
    Effective,
    /// The first sample had a failure; a second of the same size passed entirely.
    EffectiveOnSecondSample,
    NotEffective,
    /// The population is empty: the control did not occur in the period.
    NoOccurrences,
    /// Another certification or the provider's internal audit is relied on instead.
    ReliedOn,
}

impl DesignResult {
    pub fn of(work: Option<&ControlWork>) -> DesignResult {
        match work.and_then(|work| work.design.as_ref()) {
            None => DesignResult::NotJudged,
            Some(design) if design.effective => DesignResult::Effective,
            Some(_) => DesignResult::NotEffective,
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            DesignResult::NotJudged => Bilingual::new("未評価", "Not judged"),
            DesignResult::Effective => Bilingual::new("有効", "Effective"),
            DesignResult::NotEffective => Bilingual::new("有効でない", "Not effective"),
        }
    }
}

impl OperationResult {
    pub fn of(work: Option<&ControlWork>) -> OperationResult {
        let Some(work) = work else {
            return OperationResult::NotStarted;
        };
        if work.reliance.is_some() {
            return OperationResult::ReliedOn;
        }
        work.operation
            .as_ref()
            .map_or(OperationResult::NotStarted, judge)
    }

    pub fn failed(self) -> bool {
        self == OperationResult::NotEffective
    }

    pub fn is_done(self) -> bool {
        !matches!(
            self,
            OperationResult::NotStarted | OperationResult::InProgress
        )
    }

    pub fn title(self) -> Bilingual {
        match self {
            OperationResult::NotStarted => Bilingual::new("未着手", "Not started"),
            OperationResult::InProgress => Bilingual::new("評価中", "In progress"),
            OperationResult::Effective => Bilingual::new("有効", "Effective"),
            OperationResult::EffectiveOnSecondSample => Bilingual::new(
                "有効（追加標本で全件合格）",
                "Effective (a second sample passed entirely)",
            ),
            OperationResult::NotEffective => Bilingual::new("有効でない", "Not effective"),
            OperationResult::NoOccurrences => {
                Bilingual::new("期間中の発生なし", "No occurrence in the period")
            }
            OperationResult::ReliedOn => Bilingual::new("他の認証等に依拠", "Relied on"),
        }
    }
}

/// The judging rule applied to a control's samples.
fn judge(operation: &OperationWork) -> OperationResult {
    if operation.population.as_ref().is_some_and(|p| p.size == 0) {
        return OperationResult::NoOccurrences;
    }
    let Some(first) = operation.sample(1) else {
        return OperationResult::NotStarted;
    };
    if !first.is_complete() {
        return OperationResult::InProgress;
    }
    if first.failures() == 0 {
        return OperationResult::Effective;
    }
    match operation.sample(2) {
        None => OperationResult::NotEffective,
        Some(second) if !second.is_complete() => OperationResult::InProgress,
        Some(second) if second.failures() == 0 => OperationResult::EffectiveOnSecondSample,
        Some(_) => OperationResult::NotEffective,
    }
}

/// A control's results in both phases that conclusions depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlResults {
    pub design: DesignResult,
    pub operation: OperationResult,
}

/// The results of every control with papers, for checking conclusions against the work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhaseResults {
    by_control: HashMap<String, ControlResults>,
    /// An evaluation of the internal audit, whose findings bar conformance instead.
    internal_audit: Option<InternalAuditPaper>,
}

impl PhaseResults {
    pub fn of<'a>(work: impl IntoIterator<Item = &'a ControlWork>) -> PhaseResults {
        PhaseResults {
            by_control: work
                .into_iter()
                .map(|work| {
                    (
                        work.control.clone(),
                        ControlResults {
                            design: DesignResult::of(Some(work)),
                            operation: OperationResult::of(Some(work)),
                        },
                    )
                })
                .collect(),
            internal_audit: None,
        }
    }

    /// The results with the audit's evaluation of the internal audit, when it has one.
    pub fn with_internal_audit(mut self, paper: Option<&InternalAuditPaper>) -> PhaseResults {
        self.internal_audit = paper.cloned();
        self
    }

    pub fn control(&self, control: &str) -> ControlResults {
        self.by_control
            .get(control)
            .copied()
            .unwrap_or(ControlResults {
                design: DesignResult::NotJudged,
                operation: OperationResult::NotStarted,
            })
    }

    /// Why a control cannot be concluded conformant, when its design or operation failed.
    pub fn bars_conformance(&self, control: &str) -> Option<Bilingual> {
        if let Some(paper) = &self.internal_audit {
            return paper.bars_conformance(control);
        }
        let results = self.control(control);
        if results.design == DesignResult::NotEffective {
            return Some(Bilingual::new(
                format!("{control} の整備状況は有効でないと評価されています"),
                format!("the design of {control} was judged not effective"),
            ));
        }
        if results.operation.failed() {
            return Some(Bilingual::new(
                format!("{control} の運用状況は標本の評価で有効でないと判断されています"),
                format!("the operation of {control} was found not effective on its sample"),
            ));
        }
        None
    }
}
