//! Requests for evidence (証跡依頼): an auditor asks the provider for evidence about a control
//! or a sampled occurrence, by a due date; the provider answers by supplying evidence that names
//! the request. A request open after its due date is overdue.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::evidence::Evidence;
use super::{Judged, check_open, check_working};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::fields::Problems;
use crate::workflow::service::acts_for_provider;
use crate::workflow::statement::Statement;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// Most evidence records one answer lists.
pub const MAX_ANSWER_EVIDENCE: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Answered,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Answered => "answered",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            RequestStatus::Open => Bilingual::new("依頼中", "Open"),
            RequestStatus::Answered => Bilingual::new("回答済み", "Answered"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRequest {
    /// `{audit}/rq-{number}`.
    pub id: String,
    pub audit: String,
    pub service: String,
    pub provider: String,
    pub audit_body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u64>,
    pub text: Bilingual,
    pub due_on: CalendarDate,
    pub status: RequestStatus,
    #[serde(flatten)]
    pub asked: Judged,
    /// The evidence the provider answered with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered_with: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at_ms: Option<i64>,
}

impl EvidenceRequest {
    pub fn is_overdue(&self, today: CalendarDate) -> bool {
        self.status == RequestStatus::Open && today > self.due_on
    }
}

pub fn request_id(audit: &str, number: u64) -> String {
    format!("{audit}/rq-{number:05}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub id: String,
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    pub text: Bilingual,
    pub due_on: CalendarDate,
}

/// An auditor of the body asks the provider for evidence, due on a day from today on.
pub fn ask(
    audit: &Audit,
    statement: &Statement,
    new: NewRequest,
    by: &Member,
    at: Moment,
) -> Result<Change<EvidenceRequest>, Refusal> {
    check_working(audit, by)?;
    let mut problems = Problems::new();
    problems.required_text("/text", &new.text, MAX_TEXT_CHARS);
    if new.due_on < at.date() {
        problems.push(
            "/due_on",
            "in_the_past",
            Bilingual::new(
                format!("期限 {} は今日より前です", new.due_on),
                format!("the due date {} is before today", new.due_on),
            ),
        );
    }
    if let Some(control) = &new.control {
        if statement.content.selected(control).is_none() {
            problems.push(
                "/control",
                "not_selected",
                Bilingual::new(
                    format!("{control} は監査中の言明書で選択された管理策ではありません"),
                    format!("{control} is not a selected control of the audited statement"),
                ),
            );
        }
    } else if new.occurrence.is_some() {
        problems.push(
            "/occurrence",
            "control_required",
            Bilingual::new(
                "発生を指定するときは管理策も指定してください",
                "an occurrence is named together with its control",
            ),
        );
    }
    problems.finish()?;
    let request = EvidenceRequest {
        id: new.id,
        audit: audit.id.clone(),
        service: audit.service.clone(),
        provider: audit.provider.clone(),
        audit_body: audit.audit_body.clone(),
        control: new.control,
        occurrence: new.occurrence,
        text: new.text,
        due_on: new.due_on,
        status: RequestStatus::Open,
        asked: Judged::now(by, at),
        answered_with: Vec::new(),
        answered_at_ms: None,
    };
    Ok(request_change(request, "audit.request.ask", by, at))
}

/// The provider answers an open request with evidence it supplied for this audit.
pub fn answer_request(
    audit: &Audit,
    request: &EvidenceRequest,
    evidence: &[&Evidence],
    by: &Member,
    at: Moment,
) -> Result<Change<EvidenceRequest>, Refusal> {
    if !acts_for_provider(by, &audit.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    check_open(audit)?;
    if request.status != RequestStatus::Open {
        return Err(Refusal::Conflict(Conflict::RequestNotOpen {
            request: request.id.clone(),
        }));
    }
    let mut problems = Problems::new();
    if evidence.is_empty() {
        problems.push(
            "/evidence",
            "required",
            Bilingual::new(
                "回答には証跡を 1 件以上添えてください",
                "an answer names at least one evidence record",
            ),
        );
    }
    if problems.list_size("/evidence", evidence.len(), MAX_ANSWER_EVIDENCE) {
        for (i, record) in evidence.iter().enumerate() {
            if record.audit != audit.id || record.withdrawn.is_some() {
                problems.push(
                    format!("/evidence/{i}"),
                    "not_evidence_of_audit",
                    Bilingual::new(
                        format!("証跡 {} はこの監査の有効な証跡ではありません", record.id),
                        format!(
                            "evidence {} is not standing evidence of this audit",
                            record.id
                        ),
                    ),
                );
            }
        }
    }
    problems.finish()?;
    let request = EvidenceRequest {
        status: RequestStatus::Answered,
        answered_with: evidence.iter().map(|record| record.id.clone()).collect(),
        answered_at_ms: Some(at.at_ms),
        ..request.clone()
    };
    Ok(request_change(request, "audit.request.answer", by, at))
}

fn request_change(
    request: EvidenceRequest,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<EvidenceRequest> {
    let event = WorkflowEvent::new(by, at, action, &request.id, json!({ "request": request }));
    Change {
        state: request,
        event,
    }
}
