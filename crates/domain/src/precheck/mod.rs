//! The statement pre-check (事前チェック): how far could this draft statement (言明書) go?
//!
//! Every check that needs no audit runs at each of the three levels, so a provider can run it
//! on a draft at any time and see which level the statement could reach today and what stands
//! in the way of the level it aims at. Nothing stops at the first problem.

mod case;
mod checks;
mod finding;
mod messages;

use serde_json::{Value, json};

pub use case::{
    Application, Control, Criteria, Item, ItemStatement, ItemStatus, MAX_TECHNOLOGIES,
    PrecheckCase, Selection, Statement,
};
pub use finding::{Finding, FindingCode};

use crate::level::Level;
use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrecheckOutcome {
    pub target_level: Level,
    /// The findings at the target level, sorted by code, then subject.
    pub findings: Vec<Finding>,
    /// The highest level with no finding; `None` when even level 1 has some.
    pub reachable_level: Option<Level>,
    /// How many findings each level has, from level 1 up.
    pub findings_by_level: [(Level, usize); 3],
}

impl PrecheckOutcome {
    pub fn to_json(&self, lang: Lang) -> Value {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|finding| {
                json!({
                    "code": finding.code,
                    "subject": finding.subject,
                    "message": finding.message.get(lang),
                    "messages": finding.message,
                })
            })
            .collect();
        let by_level: serde_json::Map<String, Value> = self
            .findings_by_level
            .iter()
            .map(|(level, count)| (level.to_string(), json!(count)))
            .collect();
        json!({
            "target_level": self.target_level,
            "findings": findings,
            "reachable_level": self.reachable_level,
            "findings_by_level": by_level,
        })
    }
}

pub fn check(case: &PrecheckCase) -> PrecheckOutcome {
    let gaps = checks::gaps(case);
    let target = case.application.target_level;
    let findings_by_level = Level::ALL.map(|level| {
        (
            level,
            gaps.iter().filter(|gap| gap.counts_at(level)).count(),
        )
    });
    let reachable_level = findings_by_level
        .iter()
        .filter(|(_, count)| *count == 0)
        .map(|(level, _)| *level)
        .max();
    let mut findings: Vec<Finding> = gaps
        .iter()
        .filter(|gap| gap.counts_at(target))
        .map(|gap| Finding {
            code: gap.kind.code(),
            subject: gap.subject.to_owned(),
            message: messages::message(gap, target),
        })
        .collect();
    findings.sort_by(|a, b| {
        (a.code.as_str(), a.subject.as_str()).cmp(&(b.code.as_str(), b.subject.as_str()))
    });
    PrecheckOutcome {
        target_level: target,
        findings,
        reachable_level,
        findings_by_level,
    }
}
