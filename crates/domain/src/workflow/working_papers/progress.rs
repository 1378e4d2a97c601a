//! How far an engagement has gone, phase by phase: what the engagement page shows the auditors,
//! and (with the requests) what the provider is asked for and by when.

use std::collections::HashMap;

use serde::Serialize;

use super::ControlWork;
use super::fair::FairVerdict;
use super::requests::{EvidenceRequest, RequestStatus};
use super::results::{DesignResult, OperationResult};
use crate::criteria::CriteriaVersion;
use crate::date::CalendarDate;
use crate::workflow::audit::{Audit, selected_objectives};
use crate::workflow::fields::is_blank_text;
use crate::workflow::statement::Statement;

/// One phase: how many of its items are done out of how many, and how many found a problem.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PhaseProgress {
    pub done: usize,
    pub total: usize,
    /// Challenged selections or exclusions, designs not effective, operations not effective.
    pub problems: usize,
}

impl PhaseProgress {
    pub fn is_complete(&self) -> bool {
        self.done == self.total
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Every selected and excluded control, judged on the version the audit is on.
    pub fair_presentation: PhaseProgress,
    pub governance_judged: bool,
    pub design: PhaseProgress,
    pub operation: PhaseProgress,
    pub conclusions: PhaseProgress,
    pub requests_open: usize,
    pub requests_overdue: usize,
}

impl Progress {
    pub fn of(
        audit: &Audit,
        statement: &Statement,
        criteria: &CriteriaVersion,
        work: &[ControlWork],
        requests: &[EvidenceRequest],
        today: CalendarDate,
    ) -> Progress {
        let by_control: HashMap<&str, &ControlWork> =
            work.iter().map(|w| (w.control.as_str(), w)).collect();
        let content = &statement.content;
        let mut progress = Progress {
            governance_judged: audit
                .governance
                .as_ref()
                .is_some_and(|g| g.statement_version == audit.statement_version),
            ..Progress::default()
        };
        let controls = content
            .selected
            .iter()
            .map(|entry| entry.control.as_str())
            .chain(content.excluded.iter().map(|entry| entry.control.as_str()));
        for control in controls {
            let fair = by_control
                .get(control)
                .and_then(|work| work.fair.as_ref())
                .filter(|fair| fair.statement_version == audit.statement_version);
            count(
                &mut progress.fair_presentation,
                fair.is_some(),
                fair.is_some_and(|fair| fair.verdict == FairVerdict::Challenged),
            );
        }
        for entry in &content.selected {
            let work = by_control.get(entry.control.as_str()).copied();
            let design = DesignResult::of(work);
            count(
                &mut progress.design,
                design != DesignResult::NotJudged,
                design == DesignResult::NotEffective,
            );
            let operation = OperationResult::of(work);
            count(
                &mut progress.operation,
                operation.is_done(),
                operation.failed(),
            );
            let concluded = audit
                .conclusions
                .control(&entry.control)
                .is_some_and(|c| !is_blank_text(&c.reason));
            count(&mut progress.conclusions, concluded, false);
        }
        for objective in selected_objectives(statement, criteria) {
            let concluded = audit
                .conclusions
                .objective(objective)
                .is_some_and(|c| !is_blank_text(&c.reason));
            count(&mut progress.conclusions, concluded, false);
        }
        for request in requests {
            if request.status == RequestStatus::Open {
                progress.requests_open += 1;
                if request.is_overdue(today) {
                    progress.requests_overdue += 1;
                }
            }
        }
        progress
    }
}

fn count(phase: &mut PhaseProgress, done: bool, problem: bool) {
    phase.total += 1;
    if done {
        phase.done += 1;
    }
    if problem {
        phase.problems += 1;
    }
}
