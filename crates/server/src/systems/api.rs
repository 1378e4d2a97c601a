//! `/api/v1/systems…` and `/api/v1/usages…`: a procuring organisation's information systems with
//! their classification, the registered services eligible for each and the ones each watches,
//! which services each uses
//! from when to when; the operator's staff read who uses which services. A procurer's systems
//! are its own: anyone else finds none.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::text::Bilingual;

use super::actions::{self, NewUsage};
use super::views::{
    EligibleList, EligibleQuery, EndUsageRequest, SystemList, SystemRequest, SystemView, UsageList,
    UsageQuery, UsageRequest, UsageView, WatchList,
};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::registry::LoadedRegistry;
use crate::registry::views::{OrgRef, RegistryItem};
use crate::state::AppState;
use crate::workflow::Acting;

type Answer<T> = Result<Json<T>, ApiError>;

fn view(
    state: &AppState,
    system: &shinrai_domain::workflow::procurement::InformationSystem,
) -> SystemView {
    SystemView::new(system, &state.rule_data.sla_templates)
}

/// A usage as answered, with its entry as the registry shows it today.
pub fn usage_view(
    registry: &LoadedRegistry,
    usage: &shinrai_domain::workflow::procurement::ServiceUsage,
    today: shinrai_domain::date::CalendarDate,
) -> UsageView {
    let entry = registry
        .entry(&usage.entry)
        .map(|entry| RegistryItem::new(registry, entry));
    UsageView::new(usage, OrgRef::new(registry, &usage.org), entry, today)
}

#[utoipa::path(
    post,
    path = "/api/v1/systems",
    operation_id = "create_system",
    tag = "procurement",
    summary = "Record and classify an information system (procurer) / 情報システムの登録と格付け（調達機関）",
    description = "The `classification` case with its texts in both languages. The answer \
        carries the class (`C{c}-I-A{a}`), the registry level to ask for, the advice and the SLA \
        items for its availability. Event `system.create`. / 情報システムを記録し、格付けします。",
    request_body(content = SystemRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The system.", body = SystemView),
        ChangeErrors,
    )
)]
pub async fn create(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<SystemRequest>,
) -> Result<(StatusCode, Json<SystemView>), ApiError> {
    let id = request.id.clone();
    let details = request.details().map_err(crate::workflow::Failure::from)?;
    let system = actions::create(&state, &acting, id, details).await?;
    Ok((StatusCode::CREATED, Json(view(&state, &system))))
}

#[utoipa::path(
    get,
    path = "/api/v1/systems",
    operation_id = "list_systems",
    tag = "procurement",
    summary = "The systems of one's organisation / 自組織の情報システム",
    description = "By name. Anyone but a procuring organisation's members gets an empty list. / \
        自組織の情報システムの一覧です。",
    responses((status = 200, description = "The systems.", body = SystemList), ReadErrors)
)]
pub async fn list(State(state): State<AppState>, acting: Acting) -> Answer<SystemList> {
    let items = actions::list(&state, &acting)
        .await?
        .iter()
        .map(|system| view(&state, system))
        .collect();
    Ok(Json(SystemList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}",
    operation_id = "get_system",
    tag = "procurement",
    summary = "One system with its classification / 情報システムと格付け",
    params(("id" = String, Path, description = "The system id")),
    responses((status = 200, description = "The system.", body = SystemView), ReadErrors)
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<SystemView> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(view(&state, &stored.value)))
}

#[utoipa::path(
    put,
    path = "/api/v1/systems/{id}",
    operation_id = "revise_system",
    tag = "procurement",
    summary = "Revise a system (its organisation's procurer) / 情報システムの修正",
    description = "The same body as recording it (`id` ignored). When the class or the registry \
        level changes, the history gains a line. Event `system.revise`. / 格付けが変わると履歴に\
        残ります。",
    params(("id" = String, Path, description = "The system id")),
    request_body(content = SystemRequest, content_type = "application/json"),
    responses((status = 200, description = "The system.", body = SystemView), ChangeErrors)
)]
pub async fn revise(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<SystemRequest>,
) -> Answer<SystemView> {
    let details = request.details().map_err(crate::workflow::Failure::from)?;
    let system = actions::revise(&state, &acting, &id, details).await?;
    Ok(Json(view(&state, &system)))
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/eligible",
    operation_id = "eligible_services",
    tag = "procurement",
    summary = "Registered services eligible for a system / 情報システムが利用できる登録サービス",
    description = "Registered (not suspended) at the system's registry level or higher, offering \
        every service model the system needs; narrowed by the registry search's conditions or to \
        the system's watch list; the lowest level first unless `sort` says otherwise. / システムの\
        格付け以上のレベルで登録され、必要なサービスモデルを提供するサービスです。条件や候補リストで\
        絞り込めます。",
    params(("id" = String, Path, description = "The system id"), EligibleQuery),
    responses(
        (status = 200, description = "The eligible services.", body = EligibleList),
        (status = 400, description = "`bad_request`: a condition out of range", body = ErrorBody),
        ReadErrors
    )
)]
pub async fn eligible(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<EligibleQuery>,
) -> Answer<EligibleList> {
    let filter = query.filter()?;
    let stored = actions::visible(&state, &acting, &id).await?;
    let registry = state.registry.get(&state.store).await?;
    let items = super::eligible::eligible(&registry, &stored.value, &filter)
        .into_iter()
        .map(|entry| RegistryItem::new(&registry, entry))
        .collect();
    Ok(Json(EligibleList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/watch",
    operation_id = "system_watch_list",
    tag = "procurement",
    summary = "The services a system watches as candidates / 情報システムの候補リスト",
    description = "In the order they were added, each with whether it is eligible today. Its \
        organisation is told what happens to them, as to the services it uses. / 候補として注視する\
        サービスです。",
    params(("id" = String, Path, description = "The system id")),
    responses((status = 200, description = "The watch list.", body = WatchList), ReadErrors)
)]
pub async fn watch_list(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<WatchList> {
    let stored = actions::visible(&state, &acting, &id).await?;
    let registry = state.registry.get(&state.store).await?;
    Ok(Json(WatchList::new(&registry, &stored.value)))
}

#[utoipa::path(
    put,
    path = "/api/v1/systems/{id}/watch/{service}",
    operation_id = "watch_service",
    tag = "procurement",
    summary = "Watch a registered service as a candidate (its organisation's procurer) / 候補リストへの追加",
    description = "A service in the registry (registered or suspended; 409 `entry_status` \
        otherwise), at most 20 per system (409 `watch_list_full`); putting one there again changes \
        nothing. Event `system.watch`. / サービスを候補リストに加えます。",
    params(
        ("id" = String, Path, description = "The system id"),
        ("service" = String, Path, description = "The registration number"),
    ),
    responses((status = 200, description = "The watch list.", body = WatchList), ChangeErrors)
)]
pub async fn watch(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, service)): ApiPath<(String, String)>,
) -> Answer<WatchList> {
    let system = actions::watch(&state, &acting, &id, &service).await?;
    let registry = state.registry.get(&state.store).await?;
    Ok(Json(WatchList::new(&registry, &system)))
}

#[utoipa::path(
    delete,
    path = "/api/v1/systems/{id}/watch/{service}",
    operation_id = "unwatch_service",
    tag = "procurement",
    summary = "Take a service off a system's watch list (its organisation's procurer) / 候補リストからの削除",
    description = "404 when it is not on the list. Event `system.unwatch`. / サービスを候補リスト\
        から外します。",
    params(
        ("id" = String, Path, description = "The system id"),
        ("service" = String, Path, description = "The registration number"),
    ),
    responses((status = 200, description = "The watch list.", body = WatchList), ChangeErrors)
)]
pub async fn unwatch(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, service)): ApiPath<(String, String)>,
) -> Answer<WatchList> {
    let system = actions::unwatch(&state, &acting, &id, &service).await?;
    let registry = state.registry.get(&state.store).await?;
    Ok(Json(WatchList::new(&registry, &system)))
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/usages",
    operation_id = "list_system_usages",
    tag = "procurement",
    summary = "The services a system uses / 情報システムが利用するサービス",
    description = "The earliest first, each with its entry as the registry shows it today and \
        whether it is in use today. / 利用の記録です。",
    params(("id" = String, Path, description = "The system id")),
    responses((status = 200, description = "The usages.", body = UsageList), ReadErrors)
)]
pub async fn system_usages(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<UsageList> {
    let usages = actions::usages_of_system(&state, &acting, &id).await?;
    let registry = state.registry.get(&state.store).await?;
    let today = acting.at.date();
    let items = usages
        .iter()
        .map(|usage| usage_view(&registry, usage, today))
        .collect();
    Ok(Json(UsageList { items }))
}

#[utoipa::path(
    post,
    path = "/api/v1/systems/{id}/usages",
    operation_id = "record_usage",
    tag = "procurement",
    summary = "Record that a system uses a registered service (its organisation's procurer) / サービスの利用の記録",
    description = "From `from`, until `until` when known (required for a service no longer \
        registered). One service is recorded once per period (409 `usage_overlaps`). The \
        organisation is then told when the service changes, has an incident, is suspended or \
        leaves the registry. Event `usage.record`. / 利用中のサービスに変化があると通知されます。",
    params(("id" = String, Path, description = "The system id")),
    request_body(content = UsageRequest, content_type = "application/json"),
    responses((status = 201, description = "The usage.", body = UsageView), ChangeErrors)
)]
pub async fn record(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<UsageRequest>,
) -> Result<(StatusCode, Json<UsageView>), ApiError> {
    let usage = NewUsage {
        id: request.id,
        entry: request.service,
        from: request.from,
        until: request.until,
        note: request.note.unwrap_or_else(|| Bilingual::new("", "")),
    };
    let usage = actions::record(&state, &acting, &id, usage).await?;
    let registry = state.registry.get(&state.store).await?;
    let view = usage_view(&registry, &usage, acting.at.date());
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(
    post,
    path = "/api/v1/usages/{id}/end",
    operation_id = "end_usage",
    tag = "procurement",
    summary = "Record the last day of a usage (its organisation's procurer) / 利用の終了日の記録",
    description = "Once (409 `usage_ended` after), not before the usage began. Event \
        `usage.end`. / 終了日は一度だけ記録します。",
    params(("id" = String, Path, description = "The usage id")),
    request_body(content = EndUsageRequest, content_type = "application/json"),
    responses((status = 200, description = "The usage.", body = UsageView), ChangeErrors)
)]
pub async fn end(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<EndUsageRequest>,
) -> Answer<UsageView> {
    let usage = actions::end(&state, &acting, &id, request.until).await?;
    let registry = state.registry.get(&state.store).await?;
    Ok(Json(usage_view(&registry, &usage, acting.at.date())))
}

#[utoipa::path(
    get,
    path = "/api/v1/usages",
    operation_id = "list_usages",
    tag = "procurement",
    summary = "Who uses which services: all for the operator's staff, its own for a procurer / サービスの利用状況",
    description = "The earliest first, each with the organisation and the entry as the registry \
        shows it today (its level, models and status); `service` narrows to one registration \
        number, `in_use` to the usages in force today or not, `level` and `model` to the \
        services registered at that level and offering that model. Anyone else gets an empty \
        list. / \
        運用者はどの組織がどのサービスを利用しているかを確認できます。",
    params(UsageQuery),
    responses(
        (status = 200, description = "The usages.", body = UsageList),
        (status = 400, description = "`bad_request`: an unknown parameter, a level out of range", body = ErrorBody),
        ReadErrors,
    )
)]
pub async fn usages(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(query): ApiQuery<UsageQuery>,
) -> Answer<UsageList> {
    let filter = query.filter()?;
    let usages = actions::usages(&state, &acting, filter.entry).await?;
    let registry = state.registry.get(&state.store).await?;
    let today = acting.at.date();
    let items = usages
        .iter()
        .filter(|usage| filter.keeps(usage, &registry, today))
        .map(|usage| usage_view(&registry, usage, today))
        .collect();
    Ok(Json(UsageList { items }))
}
