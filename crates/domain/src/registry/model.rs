//! An entry of the public registry (登録簿): a registered cloud service, what it was audited
//! for, where it stands, and everything that happened to it.

use serde::{Deserialize, Serialize};

use super::reported_change::{NewAuditRequired, ReportedChange};
use crate::date::CalendarDate;
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::Bilingual;

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryStatus {
    Registered,
    Suspended,
    Expired,
    Deregistered,
}

impl EntryStatus {
    pub const ALL: [EntryStatus; 4] = [
        EntryStatus::Registered,
        EntryStatus::Suspended,
        EntryStatus::Expired,
        EntryStatus::Deregistered,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EntryStatus::Registered => "registered",
            EntryStatus::Suspended => "suspended",
            EntryStatus::Expired => "expired",
            EntryStatus::Deregistered => "deregistered",
        }
    }

    pub fn from_code(code: &str) -> Option<EntryStatus> {
        EntryStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            EntryStatus::Registered => Bilingual::new("登録", "Registered"),
            EntryStatus::Suspended => Bilingual::new("一時停止", "Suspended"),
            EntryStatus::Expired => Bilingual::new("期限切れ", "Expired"),
            EntryStatus::Deregistered => Bilingual::new("登録抹消", "Deregistered"),
        }
    }
}

/// How a cloud is deployed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeploymentModel {
    Public,
    Private,
    Community,
    Hybrid,
}

impl DeploymentModel {
    pub const ALL: [DeploymentModel; 4] = [
        DeploymentModel::Public,
        DeploymentModel::Private,
        DeploymentModel::Community,
        DeploymentModel::Hybrid,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeploymentModel::Public => "public",
            DeploymentModel::Private => "private",
            DeploymentModel::Community => "community",
            DeploymentModel::Hybrid => "hybrid",
        }
    }

    pub fn from_code(code: &str) -> Option<DeploymentModel> {
        DeploymentModel::ALL
            .into_iter()
            .find(|model| model.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            DeploymentModel::Public => Bilingual::new("パブリック", "Public"),
            DeploymentModel::Private => Bilingual::new("プライベート", "Private"),
            DeploymentModel::Community => Bilingual::new("コミュニティ", "Community"),
            DeploymentModel::Hybrid => Bilingual::new("ハイブリッド", "Hybrid"),
        }
    }
}

/// One service model the service offers, with who does what under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelScope {
    pub model: ServiceModel,
    pub scope: Bilingual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: CalendarDate,
    pub end: CalendarDate,
}

/// The public part of the service's statement (言明書).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicStatement {
    pub scope: Bilingual,
    /// The control objectives implemented, by id (e.g. `12.3.1`).
    pub objectives: Vec<String>,
    /// 後発事象: what happened after the audit period that a reader should know.
    pub subsequent_events: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub on: CalendarDate,
    pub to: EntryStatus,
    pub reason: Bilingual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Incident,
    Measure,
    Suspension,
    Other,
}

impl NoticeKind {
    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::Incident => "incident",
            NoticeKind::Measure => "measure",
            NoticeKind::Suspension => "suspension",
            NoticeKind::Other => "other",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            NoticeKind::Incident => Bilingual::new("インシデント", "Incident"),
            NoticeKind::Measure => Bilingual::new("措置", "Measure"),
            NoticeKind::Suspension => Bilingual::new("一時停止", "Suspension"),
            NoticeKind::Other => Bilingual::new("お知らせ", "Notice"),
        }
    }
}

/// A public notice about the entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub on: CalendarDate,
    pub kind: NoticeKind,
    pub title: Bilingual,
    pub body: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryEntry {
    /// The registration number, e.g. `C26-0001`.
    pub id: String,
    pub service_name: Bilingual,
    /// The provider's organisation id.
    pub provider: String,
    pub description: Bilingual,
    pub level: Level,
    pub service_models: Vec<ModelScope>,
    pub deployment_models: Vec<DeploymentModel>,
    /// Registration numbers of the services it is built on.
    pub built_on: Vec<String>,
    /// The audit body's organisation id.
    pub audit_body: String,
    pub audit_period: Period,
    pub registered_on: CalendarDate,
    pub valid_until: CalendarDate,
    pub status: EntryStatus,
    /// The availability range the service's SLA covers.
    pub availability: Bilingual,
    pub statement: PublicStatement,
    pub remarks: Bilingual,
    /// Every change of status, oldest first; the last one is the current status.
    pub history: Vec<StatusChange>,
    pub notices: Vec<Notice>,
    /// The provider's service this entry registers (absent in entries loaded from files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The application whose approved decision last wrote this entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    /// The changes its provider reported and the operator acknowledged, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ReportedChange>,
    /// A significant change waiting for its new audit's application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_audit_required: Option<NewAuditRequired>,
}

impl RegistryEntry {
    pub fn offers(&self, model: ServiceModel) -> bool {
        self.service_models.iter().any(|scope| scope.model == model)
    }
}
