//! What the procurer's API reads and answers: systems with their classification, usages, and
//! the operator's view of who uses which services.

use serde::{Deserialize, Serialize};
use shinrai_domain::classification::{INTEGRITY, classify};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::sla_templates::SlaTemplates;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::fields::Problems;
use shinrai_domain::workflow::procurement::{
    AnswerValue, InformationItem, InformationSystem, ItemAnswer, MAX_COMPARED, ServiceUsage,
    SystemDetails,
};
use utoipa::{IntoParams, ToSchema};

use super::eligible::{EligibleFilter, serves};
use super::overview::UsageFilter;
use crate::error::Messages;
use crate::registry::LoadedRegistry;
use crate::registry::api::registry_query;
use crate::registry::views::RegistryQueryParams;
use crate::registry::views::{OrgRef, RegistryItem, messages};

/// A service model as written in the API.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
pub enum ModelCode {
    IaaS,
    PaaS,
    SaaS,
}

impl ModelCode {
    fn model(self) -> ServiceModel {
        match self {
            ModelCode::IaaS => ServiceModel::IaaS,
            ModelCode::PaaS => ServiceModel::PaaS,
            ModelCode::SaaS => ServiceModel::SaaS,
        }
    }
}

/// One kind of information a system holds.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InformationRequest {
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    /// 1 (low) to 3 (high).
    #[schema(minimum = 1, maximum = 3)]
    pub confidentiality: u8,
}

/// `POST /api/v1/systems` and `PUT /api/v1/systems/{id}`: the `classification` case, its texts
/// in both languages.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SystemRequest {
    /// 1 to 64 ASCII letters, digits, `_` or `-`; chosen by the server (`sys-…`) when absent.
    /// Ignored when revising.
    #[serde(default)]
    #[schema(nullable = false)]
    pub id: Option<String>,
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    /// The business function (国民向けサービス, 管理・支援, ...).
    #[schema(value_type = Messages)]
    pub function: Bilingual,
    /// At least one, at most 100.
    pub information: Vec<InformationRequest>,
    /// The level the information reaches held together, when higher than its parts.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 3, nullable = false)]
    pub aggregate_confidentiality: Option<u8>,
    /// 1 (low) to 3 (high).
    #[schema(minimum = 1, maximum = 3)]
    pub availability: u8,
    /// The service models it needs; empty when any will do.
    #[serde(default)]
    pub models: Vec<ModelCode>,
}

fn level_at(problems: &mut Problems, field: &str, value: u8) -> Level {
    Level::new(value).unwrap_or_else(|| {
        problems.push(
            field,
            "out_of_range",
            Bilingual::new(
                format!("{field} は 1〜3 で指定してください（{value}）"),
                format!("{field} must be 1, 2 or 3 ({value})"),
            ),
        );
        Level::LOW
    })
}

impl SystemRequest {
    /// The details it gives, or every level out of range at its field.
    pub fn details(self) -> Result<SystemDetails, Refusal> {
        let mut problems = Problems::new();
        let information = self
            .information
            .into_iter()
            .enumerate()
            .map(|(n, item)| InformationItem {
                name: item.name,
                confidentiality: level_at(
                    &mut problems,
                    &format!("/information/{n}/confidentiality"),
                    item.confidentiality,
                ),
            })
            .collect();
        let aggregate = self
            .aggregate_confidentiality
            .map(|value| level_at(&mut problems, "/aggregate_confidentiality", value));
        let availability = level_at(&mut problems, "/availability", self.availability);
        problems.finish()?;
        Ok(SystemDetails {
            name: self.name,
            function: self.function,
            information,
            aggregate_confidentiality: aggregate,
            availability,
            models: self.models.into_iter().map(ModelCode::model).collect(),
        })
    }
}

/// One kind of information, as answered.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InformationView {
    pub name: Messages,
    pub confidentiality: u8,
}

/// An SLA item to agree for the system's availability.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SlaItemView {
    pub item: String,
    pub title: Messages,
    pub requirement: Messages,
}

/// One line of the system's history of classes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ClassifiedView {
    pub class: String,
    pub registry_level: u8,
    pub by: String,
    pub on: String,
}

/// A system with its classification.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SystemView {
    pub id: String,
    /// The procuring organisation that keeps it.
    pub org: String,
    pub name: Messages,
    pub function: Messages,
    pub information: Vec<InformationView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregate_confidentiality: Option<u8>,
    pub availability: u8,
    /// `IaaS`, `PaaS`, `SaaS`; empty when any will do.
    pub models: Vec<String>,
    /// `C{c}-I-A{a}`.
    pub class: String,
    pub confidentiality: u8,
    /// Always `high` for a government system.
    pub integrity: String,
    /// The lowest level a service it uses must be registered at.
    pub registry_level: u8,
    /// Advice that never changes the class (consider a split, aggregation raises the level).
    pub advice: Vec<Messages>,
    /// The SLA items to agree at its availability level.
    pub sla_requirements: Vec<SlaItemView>,
    /// Each class it was given, oldest first.
    pub history: Vec<ClassifiedView>,
    /// The registration numbers on its watch list, in the order they were added.
    pub watching: Vec<String>,
    pub updated_at_ms: i64,
}

impl SystemView {
    pub fn new(system: &InformationSystem, templates: &SlaTemplates) -> SystemView {
        let details = &system.details;
        let (ja, en) = (
            classify(&details.case(Lang::Ja), templates),
            classify(&details.case(Lang::En), templates),
        );
        SystemView {
            id: system.id.clone(),
            org: system.org.clone(),
            name: messages(&details.name),
            function: messages(&details.function),
            information: details
                .information
                .iter()
                .map(|item| InformationView {
                    name: messages(&item.name),
                    confidentiality: item.confidentiality.get(),
                })
                .collect(),
            aggregate_confidentiality: details.aggregate_confidentiality.map(Level::get),
            availability: details.availability.get(),
            models: details.models.iter().map(|m| m.name().to_owned()).collect(),
            class: system.class.clone(),
            confidentiality: en.confidentiality.get(),
            integrity: INTEGRITY.to_owned(),
            registry_level: system.registry_level.get(),
            advice: ja
                .advice
                .iter()
                .zip(&en.advice)
                .map(|(ja, en)| Messages {
                    ja: ja.message().ja,
                    en: en.message().en,
                })
                .collect(),
            sla_requirements: en
                .sla_requirements
                .iter()
                .map(|item| SlaItemView {
                    item: item.item.clone(),
                    title: messages(&item.title),
                    requirement: messages(&item.requirement),
                })
                .collect(),
            history: system
                .history
                .iter()
                .map(|line| ClassifiedView {
                    class: line.class.clone(),
                    registry_level: line.registry_level.get(),
                    by: line.by.clone(),
                    on: line.on.to_string(),
                })
                .collect(),
            watching: system
                .watching
                .iter()
                .map(|watched| watched.entry.clone())
                .collect(),
            updated_at_ms: system.updated_at_ms,
        }
    }
}

/// `GET /api/v1/systems`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SystemList {
    pub items: Vec<SystemView>,
}

/// `GET /api/v1/systems/{id}/eligible`: registry items (the registry list's shape).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EligibleList {
    pub items: Vec<RegistryItem>,
}

/// `GET /api/v1/systems/{id}/eligible`: the conditions that narrow the eligible services.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EligibleQuery {
    /// Words that must all occur in the name, description or provider (Japanese by substring).
    #[param(nullable = false)]
    pub q: Option<String>,
    /// Only services registered at this level (1 to 3; below the system's level none are).
    #[param(nullable = false, minimum = 1, maximum = 3)]
    pub level: Option<u8>,
    /// Only services offering this model too (`IaaS`, `PaaS`, `SaaS`).
    #[param(nullable = false)]
    pub model: Option<String>,
    /// `public`, `private`, `community` or `hybrid`.
    #[param(nullable = false)]
    pub deployment: Option<String>,
    /// A provider's organisation id.
    #[param(nullable = false)]
    pub provider: Option<String>,
    /// An audit body's organisation id.
    #[param(nullable = false)]
    pub audit_body: Option<String>,
    /// `registered`, `name`, `level` or `valid_until`; the lowest level first when absent.
    #[param(nullable = false)]
    pub sort: Option<String>,
    /// `ja` or `en`: the language names are sorted in (default `ja`).
    #[param(nullable = false)]
    pub lang: Option<String>,
    /// Only the services on the system's watch list (`true`).
    #[param(nullable = false)]
    pub watched: Option<bool>,
}

impl EligibleQuery {
    /// The filter it asks for, or the parameter out of range.
    pub fn filter(&self) -> Result<EligibleFilter, crate::error::ApiError> {
        let params = RegistryQueryParams {
            q: self.q.clone(),
            level: self.level,
            model: self.model.clone(),
            deployment: self.deployment.clone(),
            status: None,
            provider: self.provider.clone(),
            audit_body: self.audit_body.clone(),
            sort: self.sort.clone(),
            lang: self.lang.clone(),
            page: None,
            per_page: None,
        };
        let (query, lang) = registry_query(&params)?;
        Ok(EligibleFilter {
            query,
            sorted: self.sort.as_deref().is_some_and(|sort| !sort.is_empty()),
            lang,
            watched_only: self.watched == Some(true),
        })
    }
}

/// `GET /api/v1/systems/{id}/coverage`: the candidate.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CoverageQuery {
    /// The registration number of the candidate, e.g. `C25-0001`.
    pub service: String,
}

/// An answer to one question of a checklist, as the API writes it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerCode {
    Yes,
    Partly,
    No,
    Unknown,
}

impl AnswerCode {
    fn value(self) -> AnswerValue {
        match self {
            AnswerCode::Yes => AnswerValue::Yes,
            AnswerCode::Partly => AnswerValue::Partly,
            AnswerCode::No => AnswerValue::No,
            AnswerCode::Unknown => AnswerValue::Unknown,
        }
    }
}

/// The answer to one question.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    /// The question's id, e.g. `C05`, `S12` or `K4.2`.
    pub item: String,
    pub answer: AnswerCode,
    /// What was found, at most 500 characters.
    #[serde(default)]
    pub note: String,
}

/// `PUT /api/v1/systems/{id}/answers/{service}`: every answer kept for the candidate (those not
/// listed are no longer answered; an empty list forgets them all).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersRequest {
    pub answers: Vec<AnswerRequest>,
}

impl AnswersRequest {
    pub fn answers(self) -> Vec<ItemAnswer> {
        self.answers
            .into_iter()
            .map(|answer| ItemAnswer {
                item: answer.item,
                answer: answer.answer.value(),
                note: answer.note,
            })
            .collect()
    }
}

/// `GET /api/v1/systems/{id}/comparison` and its exports: the candidates.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ComparisonQuery {
    /// One to four registration numbers, separated by commas, e.g. `C24-0006,C25-0001`.
    pub services: String,
    /// `ja` or `en`, for the exports; else the request's `Accept-Language`.
    #[serde(default)]
    pub lang: Option<String>,
}

impl ComparisonQuery {
    /// The registration numbers asked for, each once, in the order given.
    pub fn services(&self) -> Result<Vec<String>, crate::error::ApiError> {
        compared_services(self.services.split(','))
    }
}

/// One to [`MAX_COMPARED`] registration numbers, each once, in the order given; 400 otherwise.
pub fn compared_services<'a>(
    given: impl Iterator<Item = &'a str>,
) -> Result<Vec<String>, crate::error::ApiError> {
    let mut services: Vec<String> = Vec::new();
    for service in given.map(str::trim).filter(|service| !service.is_empty()) {
        if !services.iter().any(|kept| kept == service) {
            services.push(service.to_owned());
        }
    }
    let count = services.len();
    if count == 0 || count > MAX_COMPARED {
        return Err(crate::error::ApiError::BadRequest(Bilingual::new(
            format!(
                "services には比較するサービスの登録番号を 1〜{MAX_COMPARED} 件指定してください（{count} 件）"
            ),
            format!(
                "services must name 1 to {MAX_COMPARED} registration numbers to compare ({count} given)"
            ),
        )));
    }
    Ok(services)
}

/// A service on a system's watch list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WatchedView {
    /// The registration number.
    pub service: String,
    /// The day it was put on the list, and by whom.
    pub since: String,
    pub by: String,
    /// Whether it is eligible for the system today (registered at its level, with its models).
    pub eligible: bool,
    /// The entry as the registry shows it today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<RegistryItem>,
}

/// `GET /api/v1/systems/{id}/watch`: the system's watch list, in the order it was made.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WatchList {
    pub items: Vec<WatchedView>,
}

impl WatchList {
    pub fn new(registry: &LoadedRegistry, system: &InformationSystem) -> WatchList {
        WatchList {
            items: system
                .watching
                .iter()
                .map(|watched| {
                    let entry = registry.entry(&watched.entry);
                    WatchedView {
                        service: watched.entry.clone(),
                        since: watched.on.to_string(),
                        by: watched.by.clone(),
                        eligible: entry.is_some_and(|entry| serves(entry, system)),
                        entry: entry.map(|entry| RegistryItem::new(registry, entry)),
                    }
                })
                .collect(),
        }
    }
}

/// `POST /api/v1/systems/{id}/usages`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UsageRequest {
    /// Chosen by the server (`use-…`) when absent.
    #[serde(default)]
    #[schema(nullable = false)]
    pub id: Option<String>,
    /// The registration number of the service used, e.g. `C25-0001`.
    pub service: String,
    #[schema(value_type = String, format = Date)]
    pub from: CalendarDate,
    /// The last day of use, if known; required for a service no longer registered.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date, nullable = false)]
    pub until: Option<CalendarDate>,
    /// What the system uses it for.
    #[serde(default)]
    #[schema(value_type = Option<Messages>, nullable = false)]
    pub note: Option<Bilingual>,
}

/// `POST /api/v1/usages/{id}/end`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndUsageRequest {
    #[schema(value_type = String, format = Date)]
    pub until: CalendarDate,
}

/// A system's use of a registered service.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UsageView {
    pub id: String,
    pub system: String,
    /// The organisation that keeps the system.
    pub org: OrgRef,
    /// The registration number used.
    pub service: String,
    /// Its name, level, models and status today, when it is in the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<RegistryItem>,
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub note: Messages,
    /// `open` (no last day yet) or `ended`.
    pub status: String,
    /// Whether the system uses it today.
    pub in_use: bool,
    pub recorded_by: String,
}

impl UsageView {
    pub fn new(
        usage: &ServiceUsage,
        org: OrgRef,
        entry: Option<RegistryItem>,
        today: CalendarDate,
    ) -> UsageView {
        UsageView {
            id: usage.id.clone(),
            system: usage.system.clone(),
            org,
            service: usage.entry.clone(),
            entry,
            from: usage.from.to_string(),
            until: usage.until.map(|day| day.to_string()),
            note: messages(&usage.note),
            status: usage.status.code().to_owned(),
            in_use: usage.in_use_on(today),
            recorded_by: usage.recorded_by.clone(),
        }
    }
}

/// `GET /api/v1/usages` and `GET /api/v1/systems/{id}/usages`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UsageList {
    pub items: Vec<UsageView>,
}

/// What `GET /api/v1/usages` narrows to.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UsageQuery {
    /// Only the usages of this registration number.
    #[param(nullable = false)]
    pub service: Option<String>,
    /// Only the usages in force today (`true`) or not (`false`).
    #[param(nullable = false)]
    pub in_use: Option<bool>,
    /// Only the usages of services registered at this level (1 to 3).
    #[param(nullable = false, minimum = 1, maximum = 3)]
    pub level: Option<u8>,
    /// Only the usages of services offering this model (`IaaS`, `PaaS`, `SaaS`).
    #[param(nullable = false)]
    pub model: Option<ModelCode>,
}

impl UsageQuery {
    /// The filter it asks for, or the parameter out of range.
    pub fn filter(&self) -> Result<UsageFilter<'_>, crate::error::ApiError> {
        let level = match self.level {
            None => None,
            Some(value) => Some(Level::new(value).ok_or_else(|| {
                crate::error::ApiError::BadRequest(Bilingual::new(
                    format!("level は 1〜3 で指定してください（{value}）"),
                    format!("level must be 1, 2 or 3 ({value})"),
                ))
            })?),
        };
        Ok(UsageFilter {
            entry: self.service.as_deref().filter(|id| !id.is_empty()),
            in_use: self.in_use,
            level,
            model: self.model.map(ModelCode::model),
        })
    }
}
