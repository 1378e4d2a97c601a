//! `/api/v1/inbox…`: the notifications of the caller's organisation and the addresses they go
//! to by e-mail. Every member reads and marks their organisation's messages; no one reads
//! another's (a message of another organisation is not found).

use axum::Json;
use axum::extract::State;

use super::actions;
use super::views::{InboxView, MailAddressesView, MarkRequest, NotificationView};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::state::AppState;
use crate::workflow::Acting;

type Answer<T> = Result<Json<T>, ApiError>;

#[utoipa::path(
    get,
    path = "/api/v1/inbox",
    operation_id = "get_inbox",
    tag = "notifications",
    summary = "The notifications of the caller's organisation / 自組織への通知",
    description = "The newest first, with the count of unread ones. Sent by the service: \
        expiries and falls in cascade of the registrations the organisation provides, \
        reminders that a renewal or an audit's report falls due. / 新しい順。未読の件数付き。",
    responses((status = 200, description = "The inbox.", body = InboxView), ReadErrors)
)]
pub async fn inbox(State(state): State<AppState>, acting: Acting) -> Answer<InboxView> {
    let items: Vec<NotificationView> = actions::inbox(&state, &acting)
        .await?
        .into_iter()
        .map(NotificationView::from)
        .collect();
    let unread = items.iter().filter(|item| !item.read).count();
    Ok(Json(InboxView { unread, items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/inbox/{id}",
    operation_id = "get_notification",
    tag = "notifications",
    summary = "One notification of the caller's organisation / 通知",
    params(("id" = String, Path, description = "The notification id")),
    responses((status = 200, description = "The notification.", body = NotificationView), ReadErrors)
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<NotificationView> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(stored.value.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/inbox/{id}/read",
    operation_id = "mark_notification",
    tag = "notifications",
    summary = "Mark a notification read or unread / 通知を既読・未読にする",
    description = "Event `notification.read` or `notification.unread`, readable by the \
        organisation and the operator's staff; marking it as it already is changes nothing. \
        A read message no longer waits to go by e-mail. / 既読の通知はメールで送られません。",
    params(("id" = String, Path, description = "The notification id")),
    request_body(content = MarkRequest, content_type = "application/json"),
    responses((status = 200, description = "The notification.", body = NotificationView), ChangeErrors)
)]
pub async fn mark(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<MarkRequest>,
) -> Answer<NotificationView> {
    let marked = actions::mark(&state, &acting, &id, request.read).await?;
    Ok(Json(marked.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/inbox/addresses",
    operation_id = "get_mail_addresses",
    tag = "notifications",
    summary = "The addresses the organisation's notifications go to / 通知先のメールアドレス",
    responses((status = 200, description = "The addresses.", body = MailAddressesView), ReadErrors)
)]
pub async fn addresses(State(state): State<AppState>, acting: Acting) -> Answer<MailAddressesView> {
    let addresses = actions::addresses(&state, &acting).await?;
    Ok(Json(MailAddressesView { addresses }))
}

#[utoipa::path(
    put,
    path = "/api/v1/inbox/addresses",
    operation_id = "set_mail_addresses",
    tag = "notifications",
    summary = "Set the addresses the organisation's notifications go to / 通知先のメールアドレスを設定する",
    description = "At most 10; each checked at its place (`/addresses/N`); an empty list stops \
        the e-mails. Used when the service has SMTP configured (`smtp_url`). Event \
        `inbox.addresses`. / 最大 10 件。空にするとメールは送られません。",
    request_body(content = MailAddressesView, content_type = "application/json"),
    responses((status = 200, description = "The addresses kept.", body = MailAddressesView), ChangeErrors)
)]
pub async fn set_addresses(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<MailAddressesView>,
) -> Answer<MailAddressesView> {
    let kept = actions::set_addresses(&state, &acting, request.addresses).await?;
    Ok(Json(MailAddressesView {
        addresses: kept.addresses,
    }))
}
