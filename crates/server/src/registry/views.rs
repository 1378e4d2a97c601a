//! What the registry API answers with (and documents in OpenAPI).

use serde::{Deserialize, Serialize};
use shinrai_domain::registry::{Reached, RegistryEntry};
use shinrai_domain::text::Bilingual;
use utoipa::ToSchema;

use super::LoadedRegistry;
use crate::error::Messages;

pub fn messages(text: &Bilingual) -> Messages {
    Messages {
        ja: text.ja.clone(),
        en: text.en.clone(),
    }
}

/// An organisation named in an entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrgRef {
    pub id: String,
    pub name: Messages,
}

impl OrgRef {
    pub(crate) fn new(registry: &LoadedRegistry, id: &str) -> Self {
        OrgRef {
            id: id.to_owned(),
            name: match registry.names.get(id) {
                Some(name) => messages(name),
                None => Messages {
                    ja: id.to_owned(),
                    en: id.to_owned(),
                },
            },
        }
    }
}

/// An entry as listed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistryItem {
    /// The registration number.
    pub id: String,
    pub service_name: Messages,
    pub provider: OrgRef,
    pub level: u8,
    /// `IaaS`, `PaaS`, `SaaS`.
    pub service_models: Vec<String>,
    /// `public`, `private`, `community`, `hybrid`.
    pub deployment_models: Vec<String>,
    /// `registered`, `suspended`, `expired` or `deregistered`.
    pub status: String,
    pub registered_on: String,
    pub valid_until: String,
    pub audit_body: OrgRef,
}

impl RegistryItem {
    pub fn new(registry: &LoadedRegistry, entry: &RegistryEntry) -> Self {
        RegistryItem {
            id: entry.id.clone(),
            service_name: messages(&entry.service_name),
            provider: OrgRef::new(registry, &entry.provider),
            level: entry.level.get(),
            service_models: entry
                .service_models
                .iter()
                .map(|s| s.model.name().to_owned())
                .collect(),
            deployment_models: entry
                .deployment_models
                .iter()
                .map(|d| d.code().to_owned())
                .collect(),
            status: entry.status.code().to_owned(),
            registered_on: entry.registered_on.to_string(),
            valid_until: entry.valid_until.to_string(),
            audit_body: OrgRef::new(registry, &entry.audit_body),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistryPage {
    /// How many entries match, over all pages.
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub items: Vec<RegistryItem>,
}

#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistryQueryParams {
    /// Words that must all occur in the name, description or provider (Japanese by substring).
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 3)]
    pub level: Option<u8>,
    /// `IaaS`, `PaaS` or `SaaS`.
    pub model: Option<String>,
    /// `public`, `private`, `community` or `hybrid`.
    pub deployment: Option<String>,
    /// `registered`, `suspended`, `expired` or `deregistered`.
    pub status: Option<String>,
    /// A provider's organisation id.
    pub provider: Option<String>,
    /// An audit body's organisation id.
    pub audit_body: Option<String>,
    /// `registered` (newest first, default), `name`, `level` or `valid_until`.
    pub sort: Option<String>,
    /// `ja` or `en`: the language names are sorted in (default `ja`).
    pub lang: Option<String>,
    #[param(minimum = 1)]
    pub page: Option<usize>,
    /// 1 to 200 (default 20).
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<usize>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScopeView {
    pub model: String,
    /// Who does what under this service model.
    pub scope: Messages,
}

/// A service reached through `built_on`, and how far away.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DependencyView {
    pub id: String,
    pub service_name: Messages,
    pub level: u8,
    pub status: String,
    /// 1 = directly.
    pub depth: usize,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusChangeView {
    pub on: String,
    pub to: String,
    pub reason: Messages,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NoticeView {
    pub on: String,
    /// `incident`, `measure`, `suspension` or `other`.
    pub kind: String,
    pub title: Messages,
    pub body: Messages,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatementView {
    pub scope: Messages,
    /// Control objectives implemented.
    pub objectives: Vec<String>,
    pub subsequent_events: Messages,
}

/// One entry with everything public about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistryEntryView {
    #[serde(flatten)]
    pub item: RegistryItem,
    pub description: Messages,
    pub scopes: Vec<ScopeView>,
    pub audit_period: PeriodView,
    pub availability: Messages,
    pub statement: StatementView,
    pub remarks: Messages,
    /// Services this one is built on, nearest first.
    pub built_on: Vec<DependencyView>,
    /// Services built on this one, nearest first.
    pub used_by: Vec<DependencyView>,
    pub history: Vec<StatusChangeView>,
    pub notices: Vec<NoticeView>,
    /// The application whose approved decision last wrote this entry; absent for entries
    /// that were loaded rather than decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub application: Option<String>,
    /// The day a renewal under review was applied for: the registration stays valid past
    /// `valid_until` while it is reviewed. Absent when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub renewal_under_review_since: Option<String>,
    /// The changes its provider reported and the operator acknowledged (変更届出), oldest first.
    pub changes: Vec<ReportedChangeView>,
    /// A significant change waiting for its new audit's application; absent when none is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub new_audit_required: Option<NewAuditRequiredView>,
}

/// An acknowledged change in an entry's record of changes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportedChangeView {
    /// The day the operator acknowledged it.
    #[schema(format = Date)]
    pub on: String,
    #[schema(format = Date)]
    pub effective_on: String,
    /// The change notice's id.
    pub notice: String,
    /// `procedure`, `tool`, `implementation`, `control_adopted`, `registry_facts`,
    /// `wider_scope`, `new_architecture` or `governance`.
    pub category: String,
    /// `routine` or `significant`.
    pub weight: String,
    pub summary: Messages,
}

/// A significant change's new audit, owed until the provider applies with it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NewAuditRequiredView {
    pub notice: String,
    #[schema(format = Date)]
    pub since: String,
    #[schema(format = Date)]
    pub due_on: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PeriodView {
    pub start: String,
    pub end: String,
}

fn dependencies(registry: &LoadedRegistry, reached: &[Reached]) -> Vec<DependencyView> {
    reached
        .iter()
        .filter_map(|r| {
            registry.entry(&r.id).map(|entry| DependencyView {
                id: entry.id.clone(),
                service_name: messages(&entry.service_name),
                level: entry.level.get(),
                status: entry.status.code().to_owned(),
                depth: r.depth,
            })
        })
        .collect()
}

impl RegistryEntryView {
    pub fn new(registry: &LoadedRegistry, entry: &RegistryEntry) -> Self {
        RegistryEntryView {
            item: RegistryItem::new(registry, entry),
            description: messages(&entry.description),
            scopes: entry
                .service_models
                .iter()
                .map(|s| ScopeView {
                    model: s.model.name().to_owned(),
                    scope: messages(&s.scope),
                })
                .collect(),
            audit_period: PeriodView {
                start: entry.audit_period.start.to_string(),
                end: entry.audit_period.end.to_string(),
            },
            availability: messages(&entry.availability),
            statement: StatementView {
                scope: messages(&entry.statement.scope),
                objectives: entry.statement.objectives.clone(),
                subsequent_events: messages(&entry.statement.subsequent_events),
            },
            remarks: messages(&entry.remarks),
            built_on: dependencies(registry, &registry.graph.below(&entry.id)),
            used_by: dependencies(registry, &registry.graph.above(&entry.id)),
            history: entry
                .history
                .iter()
                .map(|h| StatusChangeView {
                    on: h.on.to_string(),
                    to: h.to.code().to_owned(),
                    reason: messages(&h.reason),
                })
                .collect(),
            notices: entry
                .notices
                .iter()
                .map(|n| NoticeView {
                    on: n.on.to_string(),
                    kind: n.kind.code().to_owned(),
                    title: messages(&n.title),
                    body: messages(&n.body),
                })
                .collect(),
            application: entry.application.clone(),
            renewal_under_review_since: None,
            changes: entry
                .changes
                .iter()
                .map(|c| ReportedChangeView {
                    on: c.on.to_string(),
                    effective_on: c.effective_on.to_string(),
                    notice: c.notice.clone(),
                    category: c.category.code().to_owned(),
                    weight: c.weight().code().to_owned(),
                    summary: messages(&c.summary),
                })
                .collect(),
            new_audit_required: entry.new_audit_required.as_ref().map(|required| {
                NewAuditRequiredView {
                    notice: required.notice.clone(),
                    since: required.since.to_string(),
                    due_on: required.due_on.to_string(),
                }
            }),
        }
    }
}

/// `POST /api/v1/registry/{id}/withdraw`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawRegistrationRequest {
    /// Why the provider withdraws the registration; published in the notice.
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// The operator's measure on a registration.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasureCode {
    /// Registered → suspended, while an incident or a measure is examined.
    Suspend,
    /// Suspended → registered.
    Reinstate,
    /// Ends the registration for good; what is built on it falls.
    Deregister,
    /// Records an expiry the calendar already made.
    Expire,
}

impl MeasureCode {
    pub fn status_move(self) -> shinrai_domain::workflow::registry_status::StatusMove {
        use shinrai_domain::workflow::registry_status::StatusMove;
        match self {
            MeasureCode::Suspend => StatusMove::Suspend,
            MeasureCode::Reinstate => StatusMove::Reinstate,
            MeasureCode::Deregister => StatusMove::Deregister,
            MeasureCode::Expire => StatusMove::Expire,
        }
    }
}

/// A measure with its reason (the history's line) and its public notice, both in both
/// languages; `remarks` replaces the entry's remarks when given.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureRequest {
    pub measure: MeasureCode,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
    #[schema(value_type = Messages)]
    pub notice_title: Bilingual,
    #[schema(value_type = Messages)]
    pub notice_body: Bilingual,
    #[serde(default)]
    #[schema(value_type = Option<Messages>)]
    pub remarks: Option<Bilingual>,
}

/// The entry after the measure, and what fell with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistryMeasureView {
    pub entry: RegistryEntryView,
    /// The services taken out of the registry by the lifecycle run made at once after a
    /// deregistration or an expiry (empty after a suspension or a reinstatement); `null` when
    /// another process was running the job throughout.
    pub fallen: Option<Vec<FallenView>>,
}

/// A service that left the registry in the lifecycle run a change started.
#[derive(Debug, Serialize, ToSchema)]
pub struct FallenView {
    /// The registration number.
    pub entry: String,
    /// `expired`, or `cascade` when it fell with `because`.
    pub fall: String,
    #[schema(format = Date)]
    pub since: String,
    pub because: Option<String>,
}

/// The withdrawn entry, and what fell with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationWithdrawalView {
    pub entry: RegistryEntryView,
    /// Every service the lifecycle run made at once took out of the registry, this one's
    /// dependants among them; `null` when another process was running the job throughout (its
    /// run, or the next, brings them down).
    pub fallen: Option<Vec<FallenView>>,
}

impl FallenView {
    pub fn of(change: &crate::jobs::lifecycle::RunChange) -> FallenView {
        FallenView {
            entry: change.entry.clone(),
            fall: change.fall.to_owned(),
            since: change.since.to_string(),
            because: change.because.clone(),
        }
    }
}
