//! What the statement routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::level::Level;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, Responsibility, SelectedControl,
    Statement, StatementContent, StatementStatus,
};
use utoipa::ToSchema;

use super::actions::{Draft, NewVersion};
use crate::error::Messages;
use crate::workflow::schema;

fn blank() -> Bilingual {
    Bilingual::new("", "")
}

/// `POST /api/v1/services/{id}/statements`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewVersionRequest {
    /// Chosen by the server when absent: the service's id and the version number
    /// (`SERVICE-vN`).
    #[schema(nullable = false)]
    pub id: Option<String>,
    /// A published criteria version.
    #[schema(example = "demo-2026")]
    pub criteria_version: String,
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub target_level: Level,
}

impl From<NewVersionRequest> for NewVersion {
    fn from(request: NewVersionRequest) -> NewVersion {
        NewVersion {
            id: request.id,
            criteria_version: request.criteria_version,
            target_level: request.target_level,
        }
    }
}

/// The answer for one governance or management item.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswerView {
    pub item: String,
    #[schema(schema_with = schema::item_status)]
    pub status: ItemStatus,
    /// How it is implemented, or why not yet.
    #[serde(default = "blank")]
    #[schema(value_type = Messages)]
    pub description: Bilingual,
}

/// A detailed control selected, with the provider's own way of meeting it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectedView {
    pub control: String,
    /// 個別管理策: what the provider does to meet the control.
    #[schema(value_type = Messages)]
    pub individual_control: Bilingual,
    #[schema(schema_with = schema::responsibility)]
    pub responsibility: Responsibility,
    /// Each an id of the control's technology examples, or a free name (which needs a
    /// rationale).
    #[serde(default)]
    pub technologies: Vec<String>,
    /// Why a technology that is not among the examples is equivalent.
    #[serde(default = "blank")]
    #[schema(value_type = Messages)]
    pub rationale: Bilingual,
}

/// A detailed control excluded, and why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExcludedView {
    pub control: String,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// A document an auditor can inspect.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentView {
    #[schema(value_type = Messages)]
    pub title: Bilingual,
    /// Where it is kept.
    pub location: String,
}

/// `PUT /api/v1/statements/{id}`: the whole content of a draft.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftRequest {
    /// A published criteria version; the draft may move to another one.
    pub criteria_version: String,
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub target_level: Level,
    #[serde(default)]
    pub governance: Vec<ItemAnswerView>,
    #[serde(default)]
    pub management: Vec<ItemAnswerView>,
    #[serde(default)]
    pub selected: Vec<SelectedView>,
    #[serde(default)]
    pub excluded: Vec<ExcludedView>,
    #[serde(default)]
    pub documents: Vec<DocumentView>,
}

fn item(view: ItemAnswerView) -> ItemAnswer {
    ItemAnswer {
        item: view.item,
        status: view.status,
        description: view.description,
    }
}

fn item_view(answer: ItemAnswer) -> ItemAnswerView {
    ItemAnswerView {
        item: answer.item,
        status: answer.status,
        description: answer.description,
    }
}

impl From<DraftRequest> for Draft {
    fn from(request: DraftRequest) -> Draft {
        Draft {
            criteria_version: request.criteria_version,
            target_level: request.target_level,
            content: StatementContent {
                governance: request.governance.into_iter().map(item).collect(),
                management: request.management.into_iter().map(item).collect(),
                selected: request
                    .selected
                    .into_iter()
                    .map(|view| SelectedControl {
                        control: view.control,
                        individual_control: view.individual_control,
                        responsibility: view.responsibility,
                        technologies: view.technologies,
                        rationale: view.rationale,
                    })
                    .collect(),
                excluded: request
                    .excluded
                    .into_iter()
                    .map(|view| ExcludedControl {
                        control: view.control,
                        reason: view.reason,
                    })
                    .collect(),
                documents: request
                    .documents
                    .into_iter()
                    .map(|view| DocumentReference {
                        title: view.title,
                        location: view.location,
                    })
                    .collect(),
            },
        }
    }
}

/// One version of a service's statement.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatementVersionView {
    /// `SERVICE-vN`.
    pub id: String,
    pub service: String,
    pub provider: String,
    /// 1 for the first statement of the service, then one more for each.
    pub version: u32,
    /// The version this one was copied from.
    pub previous: Option<String>,
    /// `draft`, then `submitted` for good.
    #[schema(schema_with = schema::statement_status)]
    pub status: StatementStatus,
    pub criteria_version: String,
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub target_level: Level,
    pub governance: Vec<ItemAnswerView>,
    pub management: Vec<ItemAnswerView>,
    pub selected: Vec<SelectedView>,
    pub excluded: Vec<ExcludedView>,
    pub documents: Vec<DocumentView>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub submitted_at_ms: Option<i64>,
}

impl From<Statement> for StatementVersionView {
    fn from(statement: Statement) -> StatementVersionView {
        let content = statement.content;
        StatementVersionView {
            id: statement.id,
            service: statement.service,
            provider: statement.provider,
            version: statement.version,
            previous: statement.previous,
            status: statement.status,
            criteria_version: statement.criteria_version,
            target_level: statement.target_level,
            governance: content.governance.into_iter().map(item_view).collect(),
            management: content.management.into_iter().map(item_view).collect(),
            selected: content
                .selected
                .into_iter()
                .map(|entry| SelectedView {
                    control: entry.control,
                    individual_control: entry.individual_control,
                    responsibility: entry.responsibility,
                    technologies: entry.technologies,
                    rationale: entry.rationale,
                })
                .collect(),
            excluded: content
                .excluded
                .into_iter()
                .map(|entry| ExcludedView {
                    control: entry.control,
                    reason: entry.reason,
                })
                .collect(),
            documents: content
                .documents
                .into_iter()
                .map(|document| DocumentView {
                    title: document.title,
                    location: document.location,
                })
                .collect(),
            created_at_ms: statement.created_at_ms,
            updated_at_ms: statement.updated_at_ms,
            submitted_at_ms: statement.submitted_at_ms,
        }
    }
}
