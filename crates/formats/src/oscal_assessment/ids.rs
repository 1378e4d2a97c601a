//! Names in the two documents that must not change from one export to the next: uuids derived
//! from the report's hash, and the criteria export's tokens for controls and objectives.

use std::collections::{BTreeSet, HashMap, HashSet};

use shinrai_domain::workflow::report::AuditReport;
use uuid::Uuid;

use crate::oscal_criteria::NS;
use crate::oscal_criteria::codec::token;

pub(super) struct Ids {
    /// The report's SHA-256, computed once per document.
    pub sha256: String,
    /// `NS/audit-report/SHA256/`: what every uuid's name starts with.
    base: String,
    controls: HashMap<String, String>,
    objectives: HashMap<String, String>,
    /// Every control the report concludes on or has work for, sorted.
    pub audited: Vec<String>,
}

impl Ids {
    pub fn of(report: &AuditReport) -> Ids {
        let sha256 = report.sha256();
        let audited: BTreeSet<&str> = report
            .conclusions
            .controls
            .iter()
            .map(|c| c.control.as_str())
            .chain(report.work.iter().map(|line| line.control.as_str()))
            .collect();
        let objectives: BTreeSet<&str> = report
            .conclusions
            .objectives
            .iter()
            .map(|o| o.objective.as_str())
            .collect();
        Ids {
            base: format!("{NS}/audit-report/{sha256}/"),
            sha256,
            controls: tokens("c-", audited.iter().copied()),
            objectives: tokens("g-", objectives),
            audited: audited.into_iter().map(str::to_owned).collect(),
        }
    }

    /// The uuid of the element `what` (a kind and shinrai id, e.g. `finding/control/1.2.3`).
    pub fn uuid(&self, what: &str) -> String {
        let mut name = String::with_capacity(self.base.len() + what.len());
        name.push_str(&self.base);
        name.push_str(what);
        Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
    }

    /// The control's OSCAL id, as the criteria export writes it.
    pub fn control(&self, id: &str) -> String {
        self.controls
            .get(id)
            .cloned()
            .unwrap_or_else(|| token("c-", id, &mut HashSet::new()))
    }

    /// The objective's OSCAL id: its group's, as the criteria export writes it.
    pub fn objective(&self, id: &str) -> String {
        self.objectives
            .get(id)
            .cloned()
            .unwrap_or_else(|| token("g-", id, &mut HashSet::new()))
    }
}

/// Tokens given in sorted id order, so two ids that clean to the same token always get the same
/// suffixes.
fn tokens<'a>(prefix: &str, ids: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let mut used = HashSet::new();
    ids.into_iter()
        .map(|id| (id.to_owned(), token(prefix, id, &mut used)))
        .collect()
}
