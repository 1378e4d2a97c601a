//! Signing in and out, and who am I.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use shinrai_domain::policy::Action;
use shinrai_store::model::Session;

use crate::auth::caller::{Caller, Via};
use crate::auth::client_ip::ClientIp;
use crate::auth::{cookie, secret};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::views::{LoginRequest, OrganisationView, SessionView, UserView};

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
    state.login_limiter.check(&request.login, address)?;
    let found = state.store.user_for_login(&request.login).await?;
    let passwords = state.passwords.clone();
    let password = request.password.clone();
    let stored = found
        .as_ref()
        .map(|(user, hash)| (user.disabled, hash.clone()));
    // Hashing takes tens of milliseconds of CPU on purpose: keep it off the async workers. An
    // unknown login costs the same time as a known one, so timing does not reveal logins.
    let accepted = state
        .cpu
        .run(move || match stored {
            Some((disabled, hash)) => {
                passwords.verify(&password, &hash).unwrap_or(false) && !disabled
            }
            None => passwords.verify_unknown_login(&password),
        })
        .await?;
    let Some((user, _)) = found.filter(|_| accepted) else {
        state.login_limiter.record_failure(&request.login, address);
        tracing::info!(login = %request.login, %address, "failed sign-in");
        return Err(ApiError::InvalidCredentials);
    };
    state.login_limiter.record_success(&request.login);
    let now = state.wall.now_ms();
    let session_secret = secret::new_secret();
    let csrf_token = secret::new_secret().value;
    let lifetime_ms =
        i64::try_from(state.settings.session_lifetime.as_millis()).unwrap_or(i64::MAX);
    let session = Session {
        secret_hash: session_secret.digest.clone(),
        user_id: user.id.clone(),
        csrf_token: csrf_token.clone(),
        created_at_ms: now,
        expires_at_ms: now.saturating_add(lifetime_ms),
    };
    let by = shinrai_store::model::ChangeBy {
        actor: user.id.clone(),
        org: user.org_id.clone(),
        at_ms: now,
    };
    state.store.create_session(&session, &by).await?;
    let organisation = state
        .store
        .organisation(&user.org_id)
        .await?
        .ok_or_else(|| ApiError::internal(format!("user {} has no organisation", user.id)))?;
    let cookie = cookie::session_cookie(
        &session_secret.value,
        state.settings.secure_cookies,
        state.settings.session_lifetime,
    )
    .map_err(ApiError::internal)?;
    let body = SessionView {
        user: UserView::from(&user),
        organisation: OrganisationView::from(&organisation),
        csrf_token: Some(csrf_token),
        via: "session".to_owned(),
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(body)).into_response())
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
    let Via::Session { secret_hash, .. } = &caller.via else {
        return Err(ApiError::SignInRequired);
    };
    let principal = caller.principal()?;
    let by = caller.change_by(state.wall.now_ms());
    state
        .store
        .end_session(secret_hash, &principal.user.id, &by)
        .await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            cookie::clear_session_cookie(state.settings.secure_cookies),
        )],
    )
        .into_response())
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
