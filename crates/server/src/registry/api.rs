//! The public registry (登録簿) as open data: the list with search, filters, sort and pages, and
//! one entry with its dependencies, history and notices. Open to everyone.

use axum::Json;
use axum::extract::State;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Action;
use shinrai_domain::registry::{DeploymentModel, EntryStatus, RegistryQuery, SortKey};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang};

use crate::auth::caller::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::ChangeErrors;
use crate::registry::views::{
    FallenView, MeasureRequest, RegistrationWithdrawalView, RegistryEntryView, RegistryItem,
    RegistryMeasureView, RegistryPage, RegistryQueryParams, WithdrawRegistrationRequest,
};
use crate::state::AppState;
use crate::workflow::Acting;

const DEFAULT_PER_PAGE: usize = 20;
const MAX_PER_PAGE: usize = 200;

fn bad(name: &str, ja: &str, en: &str) -> ApiError {
    ApiError::BadRequest(Bilingual::new(
        format!("パラメータ {name}: {ja}"),
        format!("parameter {name}: {en}"),
    ))
}

/// The query as the domain takes it; a value it does not know is a 400 naming the parameter.
pub fn registry_query(params: &RegistryQueryParams) -> Result<(RegistryQuery, Lang), ApiError> {
    let lang = match params.lang.as_deref() {
        None | Some("ja") => Lang::Ja,
        Some("en") => Lang::En,
        Some(_) => return Err(bad("lang", "ja か en です", "is ja or en")),
    };
    let query = RegistryQuery {
        text: params.q.clone().filter(|q| !q.trim().is_empty()),
        level: params
            .level
            .map(|l| Level::new(l).ok_or_else(|| bad("level", "1〜3 です", "is 1, 2 or 3")))
            .transpose()?,
        model: params
            .model
            .as_deref()
            .filter(|m| !m.is_empty())
            .map(|m| {
                ServiceModel::from_name_any_case(m).ok_or_else(|| {
                    bad(
                        "model",
                        "IaaS・PaaS・SaaS のいずれかです",
                        "is IaaS, PaaS or SaaS",
                    )
                })
            })
            .transpose()?,
        deployment: params
            .deployment
            .as_deref()
            .filter(|d| !d.is_empty())
            .map(|d| {
                DeploymentModel::from_code(d).ok_or_else(|| {
                    bad(
                        "deployment",
                        "public・private・community・hybrid のいずれかです",
                        "is public, private, community or hybrid",
                    )
                })
            })
            .transpose()?,
        status: params
            .status
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                EntryStatus::from_code(s).ok_or_else(|| {
                    bad(
                        "status",
                        "registered・suspended・expired・deregistered のいずれかです",
                        "is registered, suspended, expired or deregistered",
                    )
                })
            })
            .transpose()?,
        provider: params.provider.clone().filter(|p| !p.is_empty()),
        audit_body: params.audit_body.clone().filter(|a| !a.is_empty()),
        sort: match params.sort.as_deref() {
            None | Some("") => SortKey::default(),
            Some(key) => SortKey::from_code(key).ok_or_else(|| {
                bad(
                    "sort",
                    "registered・name・level・valid_until のいずれかです",
                    "is registered, name, level or valid_until",
                )
            })?,
        },
    };
    Ok((query, lang))
}

#[utoipa::path(
    get,
    path = "/api/v1/registry",
    tag = "registry",
    summary = "The registry: search, filter, sort, pages / 登録簿の検索",
    params(RegistryQueryParams),
    responses(
        (status = 200, description = "A page of matching entries.", body = RegistryPage),
        (status = 400, description = "`bad_request`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<RegistryQueryParams>,
) -> Result<Json<RegistryPage>, ApiError> {
    caller.authorize(&Action::ReadRegistry)?;
    let (query, lang) = registry_query(&params)?;
    let registry = state.registry.get(&state.store).await?;
    let page = params.page.unwrap_or(1).max(1);
    let per_page = params
        .per_page
        .unwrap_or(DEFAULT_PER_PAGE)
        .clamp(1, MAX_PER_PAGE);
    let matches = registry.index.find(&query);
    let items = registry
        .index
        .page(
            &matches,
            query.sort,
            lang,
            (page - 1).saturating_mul(per_page),
            per_page,
        )
        .into_iter()
        .filter_map(|i| registry.entries.get(i))
        .map(|entry| RegistryItem::new(&registry, entry))
        .collect();
    Ok(Json(RegistryPage {
        total: matches.len(),
        page,
        per_page,
        items,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/registry/{id}",
    tag = "registry",
    summary = "One registry entry / 登録簿の 1 件",
    params(("id" = String, Path, description = "The registration number, e.g. `C26-0001`")),
    responses(
        (status = 200, description = "The entry with its scopes, dependencies, history and notices.", body = RegistryEntryView),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn entry(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<RegistryEntryView>, ApiError> {
    caller.authorize(&Action::ReadRegistry)?;
    let registry = state.registry.get(&state.store).await?;
    let entry = registry.entry(&id).ok_or_else(|| {
        ApiError::NotFound(Bilingual::new(
            format!("登録番号 {id} の登録はありません"),
            format!("there is no registry entry {id}"),
        ))
    })?;
    let mut view = RegistryEntryView::new(&registry, entry);
    view.renewal_under_review_since = super::renewals::under_review(&state.store)
        .await?
        .get(&entry.id)
        .map(ToString::to_string);
    Ok(Json(view))
}

#[utoipa::path(
    post,
    path = "/api/v1/registry/{id}/withdraw",
    operation_id = "withdraw_registration",
    tag = "registry",
    summary = "Withdraw a registration (its provider) / 登録を取り下げる（提供する事業者）",
    description = "Ends the registration for good with the provider's reason in its history and a \
        public notice in both languages (`registry.withdraw`), then runs the lifecycle job at once: \
        the services built on it that their own audit did not evaluate fall in cascade \
        (`registry.cascade`, each with its notice), listed in `fallen`. Only a registered or \
        suspended entry (409 `entry_status`); only its provider (403). / 登録を終了し、\
        基盤とするサービスを連鎖して登録抹消します。",
    params(("id" = String, Path, description = "The registration number, e.g. `C26-0001`")),
    request_body(content = WithdrawRegistrationRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The entry as withdrawn, and what fell with it.", body = RegistrationWithdrawalView),
        ChangeErrors,
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<WithdrawRegistrationRequest>,
) -> Result<Json<RegistrationWithdrawalView>, ApiError> {
    let done = super::status::withdraw(&state, &acting, &id, request.reason).await?;
    let registry = state.registry.get(&state.store).await?;
    let entry = registry.entry(&id).unwrap_or(&done.entry);
    Ok(Json(RegistrationWithdrawalView {
        entry: RegistryEntryView::new(&registry, entry),
        fallen: done
            .fallen
            .map(|fallen| fallen.iter().map(FallenView::of).collect()),
    }))
}

#[utoipa::path(
    post,
    path = "/api/v1/registry/{id}/measures",
    operation_id = "take_registry_measure",
    tag = "registry",
    summary = "Take a measure on a registration (operator administrators) / 登録への措置（運用者の管理者）",
    description = "`suspend` (registered → suspended), `reinstate` (suspended → registered, \
        while still valid), `deregister` (ends it for good), `expire` (records an expiry after \
        `valid_until`). The entry's history gets `reason`, a public notice in both languages is \
        published (`registry.suspend`, `registry.reinstate`, `registry.deregister`, \
        `registry.expire`), and the provider is told in its inbox. After a deregistration or an \
        expiry the lifecycle job runs at once and what is built on the entry falls (`fallen`). \
        409 `entry_status` from a status that does not allow it. / 一時停止・解除・抹消・期限切れ\
        の記録。履歴と公示を加え、事業者に通知します。",
    params(("id" = String, Path, description = "The registration number, e.g. `C26-0001`")),
    request_body(content = MeasureRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The entry after the measure, and what fell with it.", body = RegistryMeasureView),
        ChangeErrors,
    )
)]
pub async fn measure(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<MeasureRequest>,
) -> Result<Json<RegistryMeasureView>, ApiError> {
    let decision = shinrai_domain::workflow::registry_status::StatusDecision {
        reason: request.reason,
        notice: shinrai_domain::workflow::registry_status::NoticeText {
            title: request.notice_title,
            body: request.notice_body,
        },
        remarks: request.remarks,
    };
    let done = super::status::take_measure(
        &state,
        &acting,
        &id,
        request.measure.status_move(),
        decision,
    )
    .await?;
    let registry = state.registry.get(&state.store).await?;
    let entry = registry.entry(&id).unwrap_or(&done.entry);
    Ok(Json(RegistryMeasureView {
        entry: RegistryEntryView::new(&registry, entry),
        fallen: done
            .fallen
            .map(|fallen| fallen.iter().map(FallenView::of).collect()),
    }))
}
