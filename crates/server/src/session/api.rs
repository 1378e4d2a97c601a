//! Signing in and out, and who am I.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use shinrai_domain::policy::Action;

use super::views::{LoginRequest, SessionView};
use crate::accounts::views::{OrganisationView, UserView};
use crate::auth::caller::{Caller, Via};
use crate::auth::client_ip::ClientIp;
use crate::auth::sign_in;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;

/// Signs in with a login and password. Answers the user and sets the `shinrai_session` cookie
/// (HttpOnly, SameSite=Strict); the anti-forgery token in the answer must be sent as
/// `X-CSRF-Token` with every state-changing request of this session.
#[utoipa::path(
    post,
    path = "/api/v1/session",
    tag = "accounts",
    summary = "Sign in / ログイン",
    request_body(content = LoginRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Signed in; the session cookie is set.", body = SessionView),
        (status = 401, description = "Wrong login or password (`invalid_credentials`); which is not said.", body = ErrorBody),
        (status = 429, description = "Too many failed attempts (`too_many_requests`), with `Retry-After`.", body = ErrorBody),
    )
)]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let signed_in = sign_in::sign_in(&state, &request.login, &request.password, address).await?;
    let body = SessionView {
        user: UserView::from(&signed_in.user),
        organisation: OrganisationView::from(&signed_in.organisation),
        csrf_token: Some(signed_in.csrf_token),
        via: "session".to_owned(),
    };
    Ok(([(header::SET_COOKIE, signed_in.cookie)], Json(body)).into_response())
}

/// Signs out: ends the session and clears the cookie.
#[utoipa::path(
    delete,
    path = "/api/v1/session",
    tag = "accounts",
    summary = "Sign out / ログアウト",
    params(("X-CSRF-Token" = String, Header, description = "The session's anti-forgery token.")),
    responses(
        (status = 204, description = "Signed out."),
        (status = 401, description = "Not signed in with a session (`sign_in_required`).", body = ErrorBody),
        (status = 403, description = "The anti-forgery token is missing or wrong (`csrf_failed`).", body = ErrorBody),
    )
)]
pub async fn sign_out(State(state): State<AppState>, caller: Caller) -> Result<Response, ApiError> {
    let cleared = sign_in::sign_out(&state, &caller).await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared)]).into_response())
}

/// The signed-in user and their organisation.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    summary = "Who am I / ログイン中の利用者",
    responses(
        (status = 200, description = "The caller.", body = SessionView),
        (status = 401, description = "Not signed in (`sign_in_required`).", body = ErrorBody),
    ),
)]
pub async fn me(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<SessionView>, ApiError> {
    caller.authorize(&Action::ReadOwnAccount)?;
    let principal = caller.principal()?;
    let organisation = state
        .store
        .organisation(&principal.user.org_id)
        .await?
        .ok_or_else(|| ApiError::internal("a signed-in user without organisation"))?;
    let (csrf_token, via) = match &caller.via {
        Via::Session { csrf_token, .. } => (Some(csrf_token.clone()), "session"),
        Via::Token { .. } | Via::Public => (None, "token"),
    };
    Ok(Json(SessionView {
        user: UserView::from(&principal.user),
        organisation: OrganisationView::from(&organisation),
        csrf_token,
        via: via.to_owned(),
    }))
}
