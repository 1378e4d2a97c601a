//! `GET /api/v1/systems/{id}/coverage?service=`: what one registered service covers for one of
//! the procurer's systems, read from the risk map of the criteria in force (the latest published
//! version) and the objectives the service's registry entry says its statement implements: per
//! risk, covered, partly covered or not, with the objectives met and missing and what is left to
//! the contract, the SLA or the procurer; the responsibilities the service leaves to its
//! customers (its scope per model, the controls given to the customer or both sides); the
//! questions of the contract, SLA and cyber-attack checklists to put to its provider; and the
//! system's availability need against the figure the entry states, with the arithmetic.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use shinrai_domain::criteria::{CriteriaVersion, Status};
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::procurement::{
    AnswerValue, AvailabilityFit, CandidateAnswers, Checklist, InformationSystem,
    PITFALL_SHARE_PERCENT, availability_fit, checklists, customer_controls, risk_coverage,
};
use shinrai_domain::workflow::statement::Statement;
use utoipa::ToSchema;

use super::actions;
use super::annexes::shared_annexes;
use super::views::{AnswersRequest, CoverageQuery};
use crate::error::{ApiError, ErrorBody, Messages};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::registry::views::messages;
use crate::state::AppState;
use crate::workflow::{Acting, Failure};

/// What a registry entry is called in messages.
const SERVICE: (&str, &str) = ("登録サービス", "registered service");

/// One risk as the service covers it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RiskCoverageView {
    /// e.g. `H01`.
    pub id: String,
    /// `high`, `medium` or `low`.
    pub band: String,
    pub title: Messages,
    /// `before_adoption`, `provider_selection`, `operation`.
    pub stages: Vec<String>,
    /// `covered`, `partial` or `none`.
    pub coverage: String,
    /// The objectives addressing the risk that the service implements.
    pub objectives: Vec<String>,
    /// Those it does not.
    pub missing: Vec<String>,
    /// With the annexes shared: the controls the statement selected under the objectives met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<String>,
    /// What is left to the contract, the SLA or the procurer's own measures.
    pub left_to: Messages,
}

/// Something the service leaves to its customers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResponsibilityView {
    /// `scope` (who does what under a service model) or `control` (a control of the criteria
    /// given to the customer or to both sides).
    pub kind: String,
    /// For `scope`: `IaaS`, `PaaS` or `SaaS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// For `control`: its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
    /// For `control`: `customer` or `both`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    pub text: Messages,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChecklistItemView {
    pub id: String,
    pub title: Messages,
    /// What to confirm with the provider.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<Messages>,
    /// The procurer's answer for this candidate: `yes`, `partly`, `no` or `unknown`; absent
    /// while unanswered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Its note, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChecklistSectionView {
    pub id: String,
    pub title: Messages,
    pub items: Vec<ChecklistItemView>,
}

/// The questions of one checklist to put to the provider, with the procurer's answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChecklistView {
    pub title: Messages,
    pub intro: Messages,
    pub sections: Vec<ChecklistSectionView>,
    /// How many of its questions are answered, and how many each way.
    pub answered: usize,
    pub questions: usize,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
    pub unknown: usize,
}

impl ChecklistView {
    /// The checklist with the answers `kept` for one candidate filled in.
    pub fn new(checklist: &Checklist, kept: Option<&CandidateAnswers>) -> Self {
        let answer_to = |item: &str| {
            kept.and_then(|kept| kept.answers.iter().find(|answer| answer.item == item))
        };
        let sections: Vec<ChecklistSectionView> = checklist
            .sections
            .iter()
            .map(|section| ChecklistSectionView {
                id: section.id.clone(),
                title: messages(&section.title),
                items: section
                    .items
                    .iter()
                    .map(|item| {
                        let answer = answer_to(&item.id);
                        ChecklistItemView {
                            id: item.id.clone(),
                            title: messages(&item.title),
                            check: item.check.as_ref().map(messages),
                            answer: answer.map(|answer| answer.answer.code().to_owned()),
                            note: answer
                                .map(|answer| answer.note.clone())
                                .filter(|note| !note.is_empty()),
                        }
                    })
                    .collect(),
            })
            .collect();
        let count = |value: AnswerValue| {
            checklist
                .items()
                .filter(|item| answer_to(&item.id).is_some_and(|a| a.answer == value))
                .count()
        };
        let (yes, partly, no, unknown) = (
            count(AnswerValue::Yes),
            count(AnswerValue::Partly),
            count(AnswerValue::No),
            count(AnswerValue::Unknown),
        );
        ChecklistView {
            title: messages(&checklist.title),
            intro: messages(&checklist.intro),
            questions: checklist.items().count(),
            answered: yes + partly + no + unknown,
            yes,
            partly,
            no,
            unknown,
            sections,
        }
    }
}

/// A control the statement selected, as its annex describes it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnnexControlView {
    pub control: String,
    /// The objective (group) it belongs to.
    pub objective: String,
    /// 個別管理策: what the provider does to meet it.
    pub individual_control: Messages,
    /// `csp`, `customer` or `shared`.
    pub responsibility: String,
}

/// A control the statement excluded, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnnexExclusionView {
    pub control: String,
    pub objective: String,
    pub reason: Messages,
}

/// The statement's annexes, when its provider shares them with the reader's organisation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnnexesView {
    /// The statement the entry was registered on.
    pub statement: String,
    pub selected: Vec<AnnexControlView>,
    pub excluded: Vec<AnnexExclusionView>,
}

impl AnnexesView {
    fn new(statement: &Statement, criteria: Option<&CriteriaVersion>) -> Self {
        let objective = |control: &str| {
            criteria
                .and_then(|criteria| criteria.controls.iter().find(|c| c.id == control))
                .map(|c| c.objective.clone())
                .unwrap_or_default()
        };
        AnnexesView {
            statement: statement.id.clone(),
            selected: statement
                .content
                .selected
                .iter()
                .map(|selected| AnnexControlView {
                    objective: objective(&selected.control),
                    control: selected.control.clone(),
                    individual_control: messages(&selected.individual_control),
                    responsibility: selected.responsibility.code().to_owned(),
                })
                .collect(),
            excluded: statement
                .content
                .excluded
                .iter()
                .map(|excluded| AnnexExclusionView {
                    objective: objective(&excluded.control),
                    control: excluded.control.clone(),
                    reason: messages(&excluded.reason),
                })
                .collect(),
        }
    }
}

/// When the answers for a candidate were saved last, and by whom.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnswersSavedView {
    pub by: String,
    pub on: String,
}

/// The system's availability need against the service's stated figure, for a 30-day month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AvailabilityFitView {
    /// What the system's availability level asks for, in percent.
    pub needed_percent: f64,
    /// The downtime for every user that allows in a month, in minutes.
    pub needed_minutes: f64,
    /// The figure the service's entry states, when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committed_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committed_minutes: Option<f64>,
    /// Whether the stated figure reaches the need; absent when the entry states none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets: Option<bool>,
    /// The share of users the pitfall's outage hits, in percent.
    pub pitfall_share_percent: f64,
    /// How long one outage hitting that share may last while the monthly figure still holds.
    pub pitfall_minutes: f64,
    /// The entry's own words on availability.
    pub stated: Messages,
}

impl AvailabilityFitView {
    fn new(fit: AvailabilityFit, entry: &RegistryEntry) -> Self {
        AvailabilityFitView {
            needed_percent: fit.needed_percent,
            needed_minutes: fit.needed_minutes,
            committed_percent: fit.committed_percent,
            committed_minutes: fit.committed_minutes,
            meets: fit.meets,
            pitfall_share_percent: PITFALL_SHARE_PERCENT,
            pitfall_minutes: fit.pitfall_minutes,
            stated: messages(&entry.availability),
        }
    }
}

/// `GET /api/v1/systems/{id}/coverage`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CoverageView {
    /// The registration number.
    pub service: String,
    pub system: String,
    /// The criteria version whose risk map was read; empty when none is published.
    pub criteria: String,
    pub risks: Vec<RiskCoverageView>,
    pub customer_responsibilities: Vec<ResponsibilityView>,
    /// By checklist: `contract`, `sla`, `cyber`, each with the procurer's answers for this
    /// candidate.
    pub checklists: BTreeMap<String, ChecklistView>,
    /// When the answers were saved last; absent while none are kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers_saved: Option<AnswersSavedView>,
    pub availability: AvailabilityFitView,
    /// The statement's annexes, only for an organisation its provider shares them with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annexes: Option<AnnexesView>,
}

/// The coverage of `entry` for `system` under `criteria`.
pub fn coverage_view(
    system: &InformationSystem,
    entry: &RegistryEntry,
    criteria: Option<&CriteriaVersion>,
    lists: &[Checklist],
    annexes: Option<&Statement>,
) -> CoverageView {
    let annexes = annexes.map(|statement| AnnexesView::new(statement, criteria));
    let risks = criteria
        .map(|criteria| {
            risk_coverage(criteria, &entry.statement.objectives)
                .into_iter()
                .map(|found| RiskCoverageView {
                    id: found.risk.id.clone(),
                    band: found.risk.band.code().to_owned(),
                    title: messages(&found.risk.title),
                    stages: found
                        .risk
                        .stages
                        .iter()
                        .map(|stage| stage.code().to_owned())
                        .collect(),
                    coverage: found.coverage.code().to_owned(),
                    objectives: found.met.iter().map(|id| (*id).to_owned()).collect(),
                    missing: found.missing.iter().map(|id| (*id).to_owned()).collect(),
                    controls: annexes
                        .as_ref()
                        .map(|annexes| {
                            annexes
                                .selected
                                .iter()
                                .filter(|selected| {
                                    found.met.iter().any(|met| *met == selected.objective)
                                })
                                .map(|selected| selected.control.clone())
                                .collect()
                        })
                        .unwrap_or_default(),
                    left_to: messages(&found.risk.left_to),
                })
                .collect()
        })
        .unwrap_or_default();
    let customer_responsibilities = customer_responsibilities(entry, criteria);
    let kept = system.answers_for(&entry.id);
    CoverageView {
        service: entry.id.clone(),
        system: system.id.clone(),
        criteria: criteria
            .map(|criteria| criteria.version.clone())
            .unwrap_or_default(),
        risks,
        customer_responsibilities,
        checklists: lists
            .iter()
            .map(|checklist| (checklist.id.clone(), ChecklistView::new(checklist, kept)))
            .collect(),
        answers_saved: kept.map(|kept| AnswersSavedView {
            by: kept.by.clone(),
            on: kept.on.to_string(),
        }),
        availability: AvailabilityFitView::new(
            availability_fit(system.details.availability, &entry.availability.en),
            entry,
        ),
        annexes,
    }
}

/// What `entry`'s service leaves to its customers: its scope under each model it offers, then
/// the controls of `criteria` given to the customer or to both sides at its level and models.
pub fn customer_responsibilities(
    entry: &RegistryEntry,
    criteria: Option<&CriteriaVersion>,
) -> Vec<ResponsibilityView> {
    let scopes = entry.service_models.iter().map(|scope| ResponsibilityView {
        kind: "scope".to_owned(),
        model: Some(scope.model.name().to_owned()),
        control: None,
        actor: None,
        text: messages(&scope.scope),
    });
    let controls = criteria
        .map(|criteria| customer_controls(criteria, entry))
        .unwrap_or_default()
        .into_iter()
        .map(|control| ResponsibilityView {
            kind: "control".to_owned(),
            model: None,
            control: Some(control.id.clone()),
            actor: Some(control.actor.code().to_owned()),
            text: messages(&control.text),
        });
    scopes.chain(controls).collect()
}

/// The latest published criteria version, whose map is in force.
pub(crate) async fn criteria_in_force(
    state: &AppState,
) -> Result<Option<std::sync::Arc<crate::criteria::Loaded>>, ApiError> {
    let latest = state
        .store
        .criteria_list()
        .await?
        .into_iter()
        .filter(|summary| summary.status == Status::Published)
        .max_by(|a, b| a.published_on.cmp(&b.published_on));
    match latest {
        Some(summary) => state.criteria.get(&state.store, &summary.version).await,
        None => Ok(None),
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/coverage",
    operation_id = "system_coverage",
    tag = "procurement",
    summary = "What a registered service covers for a system / 登録サービスが担保する範囲",
    description = "Per risk of the map of the criteria in force: `covered` when the service's \
        statement implements every objective the map names, `partial` when some, `none` \
        otherwise, with what is left to the contract, the SLA or the procurer; the \
        responsibilities the service leaves to its customers; the checklists' questions; the \
        system's availability need against the service's stated figure. / リスクごとの担保の\
        範囲、利用者に残る責任、確認事項、可用性の比較です。",
    params(("id" = String, Path, description = "The system id"), CoverageQuery),
    responses(
        (status = 200, description = "The coverage.", body = CoverageView),
        (status = 400, description = "`bad_request`: no `service`", body = ErrorBody),
        ReadErrors
    )
)]
pub async fn coverage(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<CoverageQuery>,
) -> Result<Json<CoverageView>, ApiError> {
    let stored = actions::visible(&state, &acting, &id).await?;
    let registry = state.registry.get(&state.store).await?;
    let entry = registry
        .entry(&query.service)
        .ok_or_else(|| Failure::not_found(SERVICE, &query.service))?;
    let criteria = criteria_in_force(&state).await?;
    let lists = checklists().map_err(|error| ApiError::internal(error.to_string()))?;
    let annexes = shared_annexes(&state, &acting, entry, &stored.value.id).await?;
    Ok(Json(coverage_view(
        &stored.value,
        entry,
        criteria.as_ref().map(|loaded| &loaded.version),
        &lists,
        annexes.as_ref(),
    )))
}

#[utoipa::path(
    put,
    path = "/api/v1/systems/{id}/answers/{service}",
    operation_id = "answer_checklists",
    tag = "procurement",
    summary = "Save the checklist answers for a candidate (its organisation's procurer) / 確認項目への回答の保存",
    description = "Replaces the answers kept for the candidate: each question of the contract, \
        SLA and cyber-attack checklists at most once (`unknown_item`, `duplicate`), a note of at \
        most 500 characters; an empty list forgets them. New answers only for a service in the \
        registry (409 `entry_status`), for at most 20 candidates per system (409 \
        `answered_candidates_full`); the same answers again change nothing. Event \
        `system.answer`. Answers with the coverage. / 候補ごとの確認項目への回答を保存します。",
    params(
        ("id" = String, Path, description = "The system id"),
        ("service" = String, Path, description = "The registration number"),
    ),
    request_body(content = AnswersRequest, content_type = "application/json"),
    responses((status = 200, description = "The coverage with the answers.", body = CoverageView), ChangeErrors)
)]
pub async fn answer(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, service)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<AnswersRequest>,
) -> Result<Json<CoverageView>, ApiError> {
    let system = actions::answer(&state, &acting, &id, &service, request.answers()).await?;
    let registry = state.registry.get(&state.store).await?;
    let entry = registry
        .entry(&service)
        .ok_or_else(|| Failure::not_found(SERVICE, &service))?;
    let criteria = criteria_in_force(&state).await?;
    let lists = checklists().map_err(|error| ApiError::internal(error.to_string()))?;
    let annexes = shared_annexes(&state, &acting, entry, &system.id).await?;
    Ok(Json(coverage_view(
        &system,
        entry,
        criteria.as_ref().map(|loaded| &loaded.version),
        &lists,
        annexes.as_ref(),
    )))
}
