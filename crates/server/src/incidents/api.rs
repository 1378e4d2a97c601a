//! `/api/v1/incidents…` and `POST /api/v1/registry/{id}/incidents`: the provider's quick and
//! final reports, the operator's decisions. Incidents are the provider's and the operator's:
//! anyone else finds none; the decisions are public through the entry's notices.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::workflow::incident::{FinalDraft, IncidentStatus, MeasureDecision, QuickDraft};
use shinrai_domain::workflow::registry_status::NoticeText;

use super::actions;
use super::views::{
    FinalReportRequest, IncidentDecidedView, IncidentDecisionRequest, IncidentList, IncidentView,
    QuickReportRequest,
};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::registry::views::{FallenView, RegistryEntryView};
use crate::state::AppState;
use crate::web::record_filter::StateAndEntry;
use crate::workflow::Acting;

type Answer<T> = Result<Json<T>, ApiError>;

#[utoipa::path(
    post,
    path = "/api/v1/registry/{id}/incidents",
    operation_id = "report_incident",
    tag = "incidents",
    summary = "Report an incident of a registered service: the quick report (its provider) / インシデントの速報（事業者）",
    description = "The quick report is due 3 business days after `discovered_on`, the final \
        report 20, counted on the government's calendar; a later report is accepted with \
        `late`. Only the entry's provider, while it is registered or suspended. The operator's \
        organisations are told in their inboxes. Event `incident.quick_report`. / 速報は発見から\
        3 開庁日、確報は 20 開庁日以内です。",
    params(("id" = String, Path, description = "The registration number, e.g. `C26-0001`")),
    request_body(content = QuickReportRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The incident.", body = IncidentView),
        ChangeErrors,
    )
)]
pub async fn report(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<QuickReportRequest>,
) -> Result<(StatusCode, Json<IncidentView>), ApiError> {
    let draft = QuickDraft {
        discovered_on: request.discovered_on,
        summary: request.summary,
    };
    let incident = actions::report_quick(&state, &acting, &id, request.id, draft).await?;
    let view = IncidentView::new(&incident, acting.at.date());
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(
    get,
    path = "/api/v1/incidents",
    operation_id = "list_incidents",
    tag = "incidents",
    summary = "Incidents: all of them for the operator, its own for a provider / インシデントの一覧",
    description = "The newest reported first; `final_overdue` says the final report is still \
        awaited after its due day. Anyone else gets an empty list. / 新しい順。",
    params(StateAndEntry),
    responses(
        (status = 200, description = "The incidents.", body = IncidentList),
        (status = 400, description = "`bad_request`: an unknown `status`", body = ErrorBody),
        ReadErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(query): ApiQuery<StateAndEntry>,
) -> Answer<IncidentList> {
    let codes = IncidentStatus::ALL.map(IncidentStatus::code);
    let status = query.state(IncidentStatus::from_code, &codes)?;
    let today = acting.at.date();
    let items = actions::list(&state, &acting, status, query.entry())
        .await?
        .iter()
        .map(|incident| IncidentView::new(incident, today))
        .collect();
    Ok(Json(IncidentList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/incidents/{id}",
    operation_id = "get_incident",
    tag = "incidents",
    summary = "One incident / インシデント",
    params(("id" = String, Path, description = "The incident id")),
    responses((status = 200, description = "The incident.", body = IncidentView), ReadErrors)
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<IncidentView> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(IncidentView::new(&stored.value, acting.at.date())))
}

#[utoipa::path(
    post,
    path = "/api/v1/incidents/{id}/final-report",
    operation_id = "file_final_report",
    tag = "incidents",
    summary = "File the final report of an incident (its provider) / インシデントの確報（事業者）",
    description = "Once; 409 `incident_state` after. Each of `services_affected` must be a \
        registration number in the registry (`/services_affected/N`). The operator's \
        organisations are told. Event `incident.final_report`. / 確報は一度だけ提出します。",
    params(("id" = String, Path, description = "The incident id")),
    request_body(content = FinalReportRequest, content_type = "application/json"),
    responses((status = 200, description = "The incident.", body = IncidentView), ChangeErrors)
)]
pub async fn final_report(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<FinalReportRequest>,
) -> Answer<IncidentView> {
    let draft = FinalDraft {
        cause: request.cause,
        impact: request.impact,
        measures: request.measures,
        services_affected: request.services_affected,
    };
    let incident = actions::report_final(&state, &acting, &id, draft).await?;
    Ok(Json(IncidentView::new(&incident, acting.at.date())))
}

#[utoipa::path(
    post,
    path = "/api/v1/incidents/{id}/decisions",
    operation_id = "decide_incident",
    tag = "incidents",
    summary = "Decide the measure on an incident (operator administrators) / インシデントへの措置の決定（運用者の管理者）",
    description = "`none` publishes the notice and changes nothing else (event \
        `registry.notice`); `suspend`, `reinstate` and `deregister` change the entry's status \
        as the measures do, with `reason` in its history. Either way the notice is public in \
        both languages, the incident keeps the decision (`incident.decide`) and the provider is \
        told. After a deregistration what is built on the entry falls (`fallen`). Decisions may \
        follow one another (suspend, then reinstate). / 措置なし・一時停止・解除・抹消。いずれも\
        公示します。",
    params(("id" = String, Path, description = "The incident id")),
    request_body(content = IncidentDecisionRequest, content_type = "application/json"),
    responses((status = 200, description = "The decision's outcome.", body = IncidentDecidedView), ChangeErrors)
)]
pub async fn decide(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<IncidentDecisionRequest>,
) -> Answer<IncidentDecidedView> {
    let decision = MeasureDecision {
        measure: request.measure.measure(),
        reason: request.reason,
        notice: NoticeText {
            title: request.notice_title,
            body: request.notice_body,
        },
    };
    let done = actions::decide(&state, &acting, &id, decision).await?;
    let registry = state.registry.get(&state.store).await?;
    let entry = registry.entry(&done.entry.id).unwrap_or(&done.entry);
    Ok(Json(IncidentDecidedView {
        incident: IncidentView::new(&done.incident, acting.at.date()),
        entry: RegistryEntryView::new(&registry, entry),
        fallen: done
            .fallen
            .map(|fallen| fallen.iter().map(FallenView::of).collect()),
    }))
}
