//! What the incidents' API reads and answers.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::incident::{Filed, Incident, IncidentMeasure};
use utoipa::ToSchema;

use crate::error::Messages;
use crate::registry::views::{FallenView, RegistryEntryView, messages};

/// `POST /api/v1/registry/{id}/incidents`: the quick report (速報).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuickReportRequest {
    /// Chosen by the server when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// The day the incident was discovered: within the last year, not after today.
    #[schema(value_type = String, format = Date)]
    pub discovered_on: CalendarDate,
    /// What happened, as known now.
    #[schema(value_type = Messages)]
    pub summary: Bilingual,
}

/// `POST /api/v1/incidents/{id}/final-report`: the final report (確報).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinalReportRequest {
    #[schema(value_type = Messages)]
    pub cause: Bilingual,
    #[schema(value_type = Messages)]
    pub impact: Bilingual,
    /// What was done, and what is done so that it does not recur.
    #[schema(value_type = Messages)]
    pub measures: Bilingual,
    /// Registration numbers of the services affected (at most 500), each in the registry.
    #[serde(default)]
    pub services_affected: Vec<String>,
}

/// The operator's measure on an incident.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IncidentMeasureCode {
    /// The registration stands; the notice says why.
    None,
    Suspend,
    Reinstate,
    /// Ends the registration; what is built on it falls.
    Deregister,
}

impl IncidentMeasureCode {
    pub fn measure(self) -> IncidentMeasure {
        match self {
            IncidentMeasureCode::None => IncidentMeasure::None,
            IncidentMeasureCode::Suspend => IncidentMeasure::Suspend,
            IncidentMeasureCode::Reinstate => IncidentMeasure::Reinstate,
            IncidentMeasureCode::Deregister => IncidentMeasure::Deregister,
        }
    }
}

/// `POST /api/v1/incidents/{id}/decisions`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentDecisionRequest {
    pub measure: IncidentMeasureCode,
    /// Why; for a status change, the line in the entry's history.
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
    #[schema(value_type = Messages)]
    pub notice_title: Bilingual,
    #[schema(value_type = Messages)]
    pub notice_body: Bilingual,
}

/// Who filed a report, when, and whether late.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiledView {
    pub by: String,
    #[schema(format = Date)]
    pub on: String,
    pub late: bool,
}

impl From<&Filed> for FiledView {
    fn from(filed: &Filed) -> Self {
        FiledView {
            by: filed.by.clone(),
            on: filed.on.to_string(),
            late: filed.late,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuickReportView {
    pub summary: Messages,
    pub filed: FiledView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FinalReportView {
    pub cause: Messages,
    pub impact: Messages,
    pub measures: Messages,
    pub services_affected: Vec<String>,
    pub filed: FiledView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentDecisionView {
    /// `none`, `suspend`, `reinstate` or `deregister`.
    pub measure: String,
    pub reason: Messages,
    pub by: String,
    #[schema(format = Date)]
    pub on: String,
}

/// An incident with its reports and the operator's decisions.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentView {
    pub id: String,
    pub entry: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub service: Option<String>,
    pub provider: String,
    #[schema(format = Date)]
    pub discovered_on: String,
    /// Three business days after discovery on the government's calendar.
    #[schema(format = Date)]
    pub quick_due_on: String,
    /// Twenty business days after discovery.
    #[schema(format = Date)]
    pub final_due_on: String,
    /// `quick_reported` or `final_reported`.
    pub status: String,
    /// The final report is still awaited after its due day.
    pub final_overdue: bool,
    pub quick: QuickReportView,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub final_report: Option<FinalReportView>,
    pub decisions: Vec<IncidentDecisionView>,
}

impl IncidentView {
    pub fn new(incident: &Incident, today: CalendarDate) -> IncidentView {
        IncidentView {
            id: incident.id.clone(),
            entry: incident.entry.clone(),
            service: incident.service.clone(),
            provider: incident.provider.clone(),
            discovered_on: incident.discovered_on.to_string(),
            quick_due_on: incident.quick_due_on.to_string(),
            final_due_on: incident.final_due_on.to_string(),
            status: incident.status.code().to_owned(),
            final_overdue: incident.final_overdue(today),
            quick: QuickReportView {
                summary: messages(&incident.quick.summary),
                filed: (&incident.quick.filed).into(),
            },
            final_report: incident
                .final_report
                .as_ref()
                .map(|report| FinalReportView {
                    cause: messages(&report.cause),
                    impact: messages(&report.impact),
                    measures: messages(&report.measures),
                    services_affected: report.services_affected.clone(),
                    filed: (&report.filed).into(),
                }),
            decisions: incident
                .decisions
                .iter()
                .map(|decision| IncidentDecisionView {
                    measure: decision.measure.code().to_owned(),
                    reason: messages(&decision.reason),
                    by: decision.by.clone(),
                    on: decision.on.to_string(),
                })
                .collect(),
        }
    }
}

/// The incidents, the newest reported first.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentList {
    pub items: Vec<IncidentView>,
}

/// The incident after the decision, the entry as it now stands, and what fell with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentDecidedView {
    pub incident: IncidentView,
    pub entry: RegistryEntryView,
    /// The services taken out of the registry with a deregistered entry (empty otherwise);
    /// `null` when another process was running the lifecycle job throughout.
    pub fallen: Option<Vec<FallenView>>,
}
