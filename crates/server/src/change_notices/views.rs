//! What the change notices' API reads and answers.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::ChangeCategory;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::change_notice::ChangeNotice;
use utoipa::ToSchema;

use crate::error::Messages;
use crate::registry::views::messages;

/// What a change is, which decides its weight.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CategoryCode {
    /// Routine: a procedure of a control changed.
    Procedure,
    /// Routine: a tool used to run a control changed.
    Tool,
    /// Routine: how a control is implemented or run changed.
    Implementation,
    /// Routine: a control not adopted before is now adopted.
    ControlAdopted,
    /// Routine: a registry fact is corrected (`new_name` for the name).
    RegistryFacts,
    /// Significant: the scope grew.
    WiderScope,
    /// Significant: a new architecture or new underlying services.
    NewArchitecture,
    /// Significant: who governs the service changed.
    Governance,
}

impl CategoryCode {
    pub fn category(self) -> ChangeCategory {
        match self {
            CategoryCode::Procedure => ChangeCategory::Procedure,
            CategoryCode::Tool => ChangeCategory::Tool,
            CategoryCode::Implementation => ChangeCategory::Implementation,
            CategoryCode::ControlAdopted => ChangeCategory::ControlAdopted,
            CategoryCode::RegistryFacts => ChangeCategory::RegistryFacts,
            CategoryCode::WiderScope => ChangeCategory::WiderScope,
            CategoryCode::NewArchitecture => ChangeCategory::NewArchitecture,
            CategoryCode::Governance => ChangeCategory::Governance,
        }
    }
}

/// `POST /api/v1/registry/{id}/change-notices`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FileChangeNoticeRequest {
    /// Chosen by the server when absent.
    #[serde(default)]
    pub id: Option<String>,
    pub category: CategoryCode,
    /// What changed, and why.
    #[schema(value_type = Messages)]
    pub summary: Bilingual,
    /// The controls concerned, by id (at most 200).
    #[serde(default)]
    pub controls: Vec<String>,
    /// The corrected name, with `registry_facts` only.
    #[serde(default)]
    #[schema(value_type = Option<Messages>)]
    pub new_name: Option<Bilingual>,
    /// The day the change took (or takes) effect: from the registration day to a year ahead.
    #[schema(value_type = String, format = Date)]
    pub effective_on: CalendarDate,
}

/// `POST /api/v1/change-notices/{id}/acknowledge`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcknowledgeRequest {
    /// A note for the provider and the record.
    #[serde(default)]
    #[schema(value_type = Option<Messages>)]
    pub note: Option<Bilingual>,
    /// For a significant change: the day the new audit's application is due (from the next
    /// business day to 245 business days ahead); 60 business days when absent.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub audit_due_on: Option<CalendarDate>,
}

/// The operator's acknowledgement.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcknowledgementView {
    pub by: String,
    #[schema(format = Date)]
    pub on: String,
    pub note: Messages,
}

/// A significant change's new audit.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewAuditView {
    #[schema(format = Date)]
    pub due_on: String,
    /// The application that met it, once made.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub application: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, format = Date)]
    pub applied_on: Option<String>,
    /// Still owed after its due day.
    pub overdue: bool,
}

/// A change notice.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeNoticeView {
    pub id: String,
    /// The registration number.
    pub entry: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub service: Option<String>,
    pub provider: String,
    pub category: String,
    /// `routine` or `significant`.
    pub weight: String,
    pub summary: Messages,
    pub controls: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub new_name: Option<Messages>,
    #[schema(format = Date)]
    pub effective_on: String,
    /// The last day to report it: business days after `effective_on` on the government's
    /// calendar (20 for a routine change, 10 for a significant one).
    #[schema(format = Date)]
    pub due_on: String,
    #[schema(format = Date)]
    pub filed_on: String,
    pub filed_by: String,
    /// Filed after `due_on`.
    pub late: bool,
    /// `filed`, `acknowledged` or `audit_applied`.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub acknowledgement: Option<AcknowledgementView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub new_audit: Option<NewAuditView>,
}

impl ChangeNoticeView {
    /// The notice as seen on `today` (whether a new audit is overdue depends on it).
    pub fn new(notice: &ChangeNotice, today: CalendarDate) -> ChangeNoticeView {
        ChangeNoticeView {
            id: notice.id.clone(),
            entry: notice.entry.clone(),
            service: notice.service.clone(),
            provider: notice.provider.clone(),
            category: notice.category.code().to_owned(),
            weight: notice.weight().code().to_owned(),
            summary: messages(&notice.summary),
            controls: notice.controls.clone(),
            new_name: notice.new_name.as_ref().map(messages),
            effective_on: notice.effective_on.to_string(),
            due_on: notice.due_on.to_string(),
            filed_on: notice.filed_on.to_string(),
            filed_by: notice.filed_by.clone(),
            late: notice.late,
            status: notice.status.code().to_owned(),
            acknowledgement: notice
                .acknowledgement
                .as_ref()
                .map(|ack| AcknowledgementView {
                    by: ack.by.clone(),
                    on: ack.on.to_string(),
                    note: messages(&ack.note),
                }),
            new_audit: notice.new_audit.as_ref().map(|audit| NewAuditView {
                due_on: audit.due_on.to_string(),
                application: audit.application.clone(),
                applied_on: audit.applied_on.map(|on| on.to_string()),
                overdue: notice.new_audit_overdue(today),
            }),
        }
    }
}

/// A list of change notices, the newest filed first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeNoticeList {
    pub items: Vec<ChangeNoticeView>,
}
