//! A service's statement (言明書): written against one published criteria version and a target
//! level, versioned (v1, v2 …), a draft until its provider submits it, then frozen for good.

mod content;
mod diff;

pub use content::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, MAX_DOCUMENTS, MAX_TECHNOLOGIES,
    Responsibility, SelectedControl, StatementContent, check_criteria,
};
pub use diff::{Difference, DifferenceKind, differences};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::fields::Problems;
use super::service::{Service, acts_for_provider};
use super::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::criteria::CriteriaVersion;
use crate::level::Level;
use crate::policy::Member;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementStatus {
    Draft,
    Submitted,
}

impl StatementStatus {
    pub fn code(self) -> &'static str {
        match self {
            StatementStatus::Draft => "draft",
            StatementStatus::Submitted => "submitted",
        }
    }

    pub fn from_code(code: &str) -> Option<StatementStatus> {
        [StatementStatus::Draft, StatementStatus::Submitted]
            .into_iter()
            .find(|status| status.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub service: String,
    /// The provider organisation that owns the service.
    pub provider: String,
    /// 1 for the first statement of the service, then one more for each.
    pub version: u32,
    /// The statement this version was copied from.
    pub previous: Option<String>,
    pub status: StatementStatus,
    pub criteria_version: String,
    pub target_level: Level,
    pub content: StatementContent,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub submitted_at_ms: Option<i64>,
}

impl Statement {
    pub fn is_draft(&self) -> bool {
        self.status == StatementStatus::Draft
    }
}

/// A provider starts a new version of its service's statement. It copies the latest version's
/// content (`latest`, the highest version of the service, if any), keeping what the criteria
/// version still has.
pub fn start(
    id: String,
    service: &Service,
    latest: Option<&Statement>,
    criteria: &CriteriaVersion,
    target_level: Level,
    by: &Member,
    at: Moment,
) -> Result<Change<Statement>, Refusal> {
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.finish()?;
    check_criteria(criteria)?;
    let statement = Statement {
        id,
        service: service.id.clone(),
        provider: service.provider.clone(),
        version: latest.map_or(1, |latest| latest.version.saturating_add(1)),
        previous: latest.map(|latest| latest.id.clone()),
        status: StatementStatus::Draft,
        criteria_version: criteria.version.clone(),
        target_level,
        content: latest.map_or_else(StatementContent::default, |latest| {
            latest.content.kept_for(criteria)
        }),
        created_at_ms: at.at_ms,
        updated_at_ms: at.at_ms,
        submitted_at_ms: None,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "statement.start",
        &statement.id,
        json!({ "statement": statement }),
    );
    Ok(Change {
        state: statement,
        event,
    })
}

/// Its provider replaces a draft's content (and may move it to another criteria version or
/// target level). Nothing is stored unless all of it is valid.
pub fn replace(
    statement: &Statement,
    criteria: &CriteriaVersion,
    target_level: Level,
    content: StatementContent,
    by: &Member,
    at: Moment,
) -> Result<Change<Statement>, Refusal> {
    if !acts_for_provider(by, &statement.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if !statement.is_draft() {
        return Err(Refusal::Conflict(Conflict::StatementFrozen {
            statement: statement.id.clone(),
        }));
    }
    check_criteria(criteria)?;
    content.check(criteria)?;
    let statement = Statement {
        criteria_version: criteria.version.clone(),
        target_level,
        content,
        updated_at_ms: at.at_ms,
        ..statement.clone()
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "statement.save",
        &statement.id,
        json!({ "statement": statement }),
    );
    Ok(Change {
        state: statement,
        event,
    })
}

/// Its provider submits a draft: from now on it never changes. Findings of the pre-check do
/// not stop it — the audit judges the statement.
pub fn submit(
    statement: &Statement,
    by: &Member,
    at: Moment,
) -> Result<Change<Statement>, Refusal> {
    if !acts_for_provider(by, &statement.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if !statement.is_draft() {
        return Err(Refusal::Conflict(Conflict::StatementFrozen {
            statement: statement.id.clone(),
        }));
    }
    let statement = Statement {
        status: StatementStatus::Submitted,
        submitted_at_ms: Some(at.at_ms),
        updated_at_ms: at.at_ms,
        ..statement.clone()
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "statement.submit",
        &statement.id,
        json!({ "statement": statement }),
    );
    Ok(Change {
        state: statement,
        event,
    })
}

#[cfg(test)]
pub(crate) mod tests;
