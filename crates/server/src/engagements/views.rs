//! What the working-paper routes read and answer, as documented in the OpenAPI document. The
//! answers are the domain's records as stored (papers, evidence, requests), which are plain
//! JSON objects.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::Period;
use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::working_papers::{
    ControlWork, Equivalence, Evidence, EvidenceMethod, EvidenceRequest, FairVerdict, Progress,
    RelianceKind,
};
use utoipa::{IntoParams, ToSchema};

use super::actions::Overview;
use super::evidence::{Asking, EvidenceMeta};
use crate::error::Messages;
use crate::workflow::schema;

/// `PUT …/work/{control}/fair-presentation`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FairRequest {
    #[schema(schema_with = schema::fair_verdict)]
    pub verdict: FairVerdict,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// `PUT …/governance`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GovernanceRequest {
    pub effective: bool,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// `POST …/statement`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContinueRequest {
    /// A newer submitted version of the audited statement.
    pub statement: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EquivalenceView {
    pub technology: String,
    pub equivalent: bool,
    #[schema(value_type = Messages)]
    pub grounds: Bilingual,
}

/// `PUT …/work/{control}/design`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DesignRequest {
    pub effective: bool,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
    /// One per technology the statement names outside the control's examples.
    #[serde(default)]
    pub equivalences: Vec<EquivalenceView>,
}

impl DesignRequest {
    pub fn equivalences(self) -> Vec<Equivalence> {
        self.equivalences
            .into_iter()
            .map(|e| Equivalence {
                technology: e.technology,
                equivalent: e.equivalent,
                grounds: e.grounds,
            })
            .collect()
    }
}

/// `PUT …/work/{control}/reliance`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RelianceRequest {
    #[schema(schema_with = schema::reliance_kind)]
    pub kind: RelianceKind,
    /// The certificate's or report's number or title.
    pub reference: String,
    pub issuer: String,
    #[schema(value_type = String, format = Date)]
    pub period_start: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub period_end: CalendarDate,
    #[schema(value_type = Messages)]
    pub scope: Bilingual,
    /// The services its scope covers, by id: the audited one must be among them.
    pub covers: Vec<String>,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

impl RelianceRequest {
    pub fn period(&self) -> Period {
        Period {
            start: self.period_start,
            end: self.period_end,
        }
    }
}

/// `PUT …/work/{control}/frequency`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FrequencyRequest {
    #[schema(schema_with = schema::frequency)]
    pub frequency: Frequency,
}

/// `POST …/work/{control}/samples`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SampleRequest {
    /// 1, or 2 for the second sample after a failure.
    #[schema(minimum = 1, maximum = 2)]
    pub round: u8,
    /// Required for the second sample: why the failure is thought not to recur.
    #[schema(value_type = Option<Messages>)]
    pub reason: Option<Bilingual>,
}

/// `PUT …/work/{control}/samples/{round}/items/{occurrence}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    pub passed: bool,
    #[schema(value_type = Messages)]
    pub note: Bilingual,
    /// Evidence ids of this audit (`ev-0000001`).
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// `POST …/evidence/notes`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    #[schema(schema_with = schema::evidence_method)]
    pub method: EvidenceMethod,
    #[schema(value_type = Messages)]
    pub title: Bilingual,
    #[schema(value_type = Messages)]
    pub text: Bilingual,
    /// The day the evidence speaks for.
    #[schema(value_type = String, format = Date)]
    pub speaks_for: CalendarDate,
    /// The request for evidence it answers (`rq-00001`).
    pub request: Option<String>,
}

impl NoteRequest {
    pub fn meta(&self) -> EvidenceMeta {
        EvidenceMeta {
            control: self.control.clone(),
            occurrence: self.occurrence,
            method: self.method,
            title: self.title.clone(),
            speaks_for: self.speaks_for,
            request: self.request.clone(),
        }
    }
}

/// The facts of a file sent as the body of `POST …/evidence`.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FileQuery {
    pub file_name: String,
    #[param(schema_with = schema::evidence_method)]
    pub method: EvidenceMethod,
    /// The day the evidence speaks for.
    #[param(value_type = String, format = Date)]
    pub speaks_for: CalendarDate,
    pub title_ja: Option<String>,
    pub title_en: Option<String>,
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    pub request: Option<String>,
}

impl FileQuery {
    pub fn meta(&self) -> EvidenceMeta {
        EvidenceMeta {
            control: self.control.clone(),
            occurrence: self.occurrence,
            method: self.method,
            title: Bilingual::new(
                self.title_ja.clone().unwrap_or_default(),
                self.title_en
                    .clone()
                    .unwrap_or_else(|| self.file_name.clone()),
            ),
            speaks_for: self.speaks_for,
            request: self.request.clone(),
        }
    }
}

/// `POST …/evidence/{evidence}/withdraw`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRequest {
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// `POST …/requests`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AskRequest {
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    #[schema(value_type = Messages)]
    pub text: Bilingual,
    #[schema(value_type = String, format = Date)]
    pub due_on: CalendarDate,
}

impl From<AskRequest> for Asking {
    fn from(request: AskRequest) -> Asking {
        Asking {
            control: request.control,
            occurrence: request.occurrence,
            text: request.text,
            due_on: request.due_on,
        }
    }
}

/// `POST …/requests/{request}/answer`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    /// Evidence ids of this audit (`ev-0000001`) the provider supplied.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    #[param(minimum = 1)]
    pub page: Option<u32>,
    #[param(minimum = 1, maximum = 500)]
    pub per_page: Option<u32>,
}

/// `GET …/work`: the engagement's progress per phase and every control's papers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorkView {
    #[schema(value_type = Object)]
    pub audit: Audit,
    #[schema(value_type = Object)]
    pub progress: Progress,
    pub evidence: u64,
    #[schema(value_type = Vec<Object>)]
    pub requests: Vec<EvidenceRequest>,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<ControlWork>,
}

impl From<Overview> for WorkView {
    fn from(overview: Overview) -> WorkView {
        WorkView {
            audit: overview.audit,
            progress: overview.progress,
            evidence: overview.evidence,
            requests: overview.requests,
            items: overview.work,
        }
    }
}

/// `GET …/evidence`: one page, in arrival order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceList {
    pub total: u64,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RequestList {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<EvidenceRequest>,
}
