//! `/api/v1/change-notices…` and `POST /api/v1/registry/{id}/change-notices`: the provider
//! reports a change of its registered service; the operator's staff acknowledge it. Notices are
//! the provider's and the operator's: anyone else finds none.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::change_notice::{
    AcknowledgeDecision, ChangeDraft, ChangeNoticeStatus,
};

use super::actions;
use super::views::{
    AcknowledgeRequest, ChangeNoticeList, ChangeNoticeView, FileChangeNoticeRequest,
};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::state::AppState;
use crate::web::record_filter::StateAndEntry;
use crate::workflow::Acting;

type Answer<T> = Result<Json<T>, ApiError>;

#[utoipa::path(
    post,
    path = "/api/v1/registry/{id}/change-notices",
    operation_id = "file_change_notice",
    tag = "change notices",
    summary = "Report a change of a registered service (its provider) / 変更届出（事業者）",
    description = "Routine categories (`procedure`, `tool`, `implementation`, \
        `control_adopted`, `registry_facts`) are recorded on the entry once acknowledged; \
        significant ones (`wider_scope`, `new_architecture`, `governance`) also need a new \
        audit. The notice is due 20 (routine) or 10 (significant) business days after \
        `effective_on`, counted on the government's calendar (weekends, public holidays and \
        29 December to 3 January are closed); a later one is accepted with `late`. Only the \
        entry's provider, while it is registered or suspended. Event `change_notice.file`. / \
        軽微な変更は受理後に登録簿へ記録され、重要な変更は新たな監査が必要です。期限は開庁日で数えます。",
    params(("id" = String, Path, description = "The registration number, e.g. `C26-0001`")),
    request_body(content = FileChangeNoticeRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The notice filed.", body = ChangeNoticeView),
        ChangeErrors,
    )
)]
pub async fn file(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<FileChangeNoticeRequest>,
) -> Result<(StatusCode, Json<ChangeNoticeView>), ApiError> {
    let draft = ChangeDraft {
        category: request.category.category(),
        summary: request.summary,
        controls: request.controls,
        new_name: request.new_name,
        effective_on: request.effective_on,
    };
    let filed = actions::file(&state, &acting, &id, request.id, draft).await?;
    let view = ChangeNoticeView::new(&filed, acting.at.date());
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(
    get,
    path = "/api/v1/change-notices",
    operation_id = "list_change_notices",
    tag = "change notices",
    summary = "Change notices: all of them for the operator, its own for a provider / 変更届出の一覧",
    description = "The newest filed first; `new_audit.overdue` says a significant change's new \
        audit is still owed after its due day. Anyone else gets an empty list. / 新しい順。",
    params(StateAndEntry),
    responses(
        (status = 200, description = "The notices.", body = ChangeNoticeList),
        (status = 400, description = "`bad_request`: an unknown `status`", body = ErrorBody),
        ReadErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(query): ApiQuery<StateAndEntry>,
) -> Answer<ChangeNoticeList> {
    let codes = ChangeNoticeStatus::ALL.map(ChangeNoticeStatus::code);
    let status = query.state(ChangeNoticeStatus::from_code, &codes)?;
    let today = acting.at.date();
    let items = actions::list(&state, &acting, status, query.entry())
        .await?
        .iter()
        .map(|notice| ChangeNoticeView::new(notice, today))
        .collect();
    Ok(Json(ChangeNoticeList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/change-notices/{id}",
    operation_id = "get_change_notice",
    tag = "change notices",
    summary = "One change notice / 変更届出",
    params(("id" = String, Path, description = "The change notice id")),
    responses((status = 200, description = "The notice.", body = ChangeNoticeView), ReadErrors)
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<ChangeNoticeView> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(ChangeNoticeView::new(&stored.value, acting.at.date())))
}

#[utoipa::path(
    post,
    path = "/api/v1/change-notices/{id}/acknowledge",
    operation_id = "acknowledge_change_notice",
    tag = "change notices",
    summary = "Acknowledge a change notice (operator staff) / 変更届出の受理（運用者）",
    description = "The entry records the change (`changes`; a corrected name replaces the \
        entry's name) with event `registry.change`; a significant change marks the entry \
        `new_audit_required` until the provider applies with an audit whose period reaches \
        the change's day (`change_notice.audit_applied`). The provider is told in its inbox. \
        409 `change_notice_state` when already acknowledged. An entry that ended meanwhile is \
        left as it is. / 受理すると登録簿に記録し、事業者に通知します。",
    params(("id" = String, Path, description = "The change notice id")),
    request_body(content = AcknowledgeRequest, content_type = "application/json"),
    responses((status = 200, description = "The notice acknowledged.", body = ChangeNoticeView), ChangeErrors)
)]
pub async fn acknowledge(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<AcknowledgeRequest>,
) -> Answer<ChangeNoticeView> {
    let decision = AcknowledgeDecision {
        note: request.note.unwrap_or_else(|| Bilingual::new("", "")),
        audit_due_on: request.audit_due_on,
    };
    let done = actions::acknowledge(&state, &acting, &id, decision).await?;
    Ok(Json(ChangeNoticeView::new(&done, acting.at.date())))
}
