//! Organisations, users and API tokens. Every handler names its action and lets the policy
//! decide; stored changes are logged by the store.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::accounts::{self, OrgKind, Role};
use shinrai_domain::policy::Action;
use shinrai_domain::text::Bilingual;
use shinrai_store::model::{NewApiToken, NewOrganisation, NewUser};

use super::views::{
    CreatedToken, NewOrganisationRequest, NewTokenRequest, NewUserRequest, OrganisationView,
    TokenView, UserView,
};
use crate::auth::caller::{Caller, Via};
use crate::auth::secret;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;

fn invalid(message: Bilingual, pointer: &str, code: &'static str) -> ApiError {
    ApiError::InvalidInput {
        message,
        pointer: Some(pointer.to_owned()),
        detail_code: Some(code),
    }
}

/// Organisation ids appear in addresses: lowercase letters, digits and `-`, 2 to 64.
fn check_org_id(id: &str) -> Result<(), ApiError> {
    let shape = (2..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if shape {
        Ok(())
    } else {
        Err(invalid(
            Bilingual::new(
                "組織 ID は 2〜64 文字の英小文字・数字・「-」にしてください",
                "an organisation id is 2 to 64 lowercase letters, digits or '-'",
            ),
            "/id",
            "invalid_id",
        ))
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    tag = "accounts",
    summary = "All organisations (operator staff) / 組織の一覧",
    responses(
        (status = 200, description = "Every organisation, by id.", body = Vec<OrganisationView>),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
    )
)]
pub async fn list_organisations(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<OrganisationView>>, ApiError> {
    caller.authorize(&Action::ListOrganisations)?;
    let organisations = state.store.organisations().await?;
    Ok(Json(
        organisations.iter().map(OrganisationView::from).collect(),
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations",
    tag = "accounts",
    summary = "Add an organisation (operator administrators) / 組織を追加する",
    request_body(content = NewOrganisationRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Added.", body = OrganisationView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` or `csrf_failed`", body = ErrorBody),
        (status = 409, description = "The id is taken (`conflict`).", body = ErrorBody),
        (status = 422, description = "`invalid_input`", body = ErrorBody),
    )
)]
pub async fn create_organisation(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<NewOrganisationRequest>,
) -> Result<(StatusCode, Json<OrganisationView>), ApiError> {
    caller.authorize(&Action::CreateOrganisation)?;
    check_org_id(&request.id)?;
    let kind = OrgKind::from_code(&request.kind).ok_or_else(|| {
        invalid(
            Bilingual::new(
                "組織の種類は operator・provider・audit_body・procurer のいずれかです",
                "the kind is one of operator, provider, audit_body, procurer",
            ),
            "/kind",
            "unknown_value",
        )
    })?;
    accounts::check_name(&request.name.ja)
        .map_err(|problem| with_pointer(problem.into(), "/name/ja"))?;
    accounts::check_name(&request.name.en)
        .map_err(|problem| with_pointer(problem.into(), "/name/en"))?;
    let new = NewOrganisation {
        id: request.id,
        kind,
        name: Bilingual::new(request.name.ja, request.name.en),
    };
    let created = state
        .store
        .create_organisation(&new, &caller.change_by(state.wall.now_ms()))
        .await?;
    Ok((StatusCode::CREATED, Json(OrganisationView::from(&created))))
}

fn with_pointer(error: ApiError, at: &str) -> ApiError {
    match error {
        ApiError::InvalidInput {
            message,
            detail_code,
            ..
        } => ApiError::InvalidInput {
            message,
            pointer: Some(at.to_owned()),
            detail_code,
        },
        other => other,
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}",
    tag = "accounts",
    summary = "One organisation (operator staff and its members) / 組織",
    params(("id" = String, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The organisation.", body = OrganisationView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get_organisation(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<OrganisationView>, ApiError> {
    // The policy speaks first, so that nobody learns which ids exist by trying them.
    caller.authorize(&Action::ReadOrganisation { org: &id })?;
    let organisation = state
        .store
        .organisation(&id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(OrganisationView::from(&organisation)))
}

#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}/users",
    tag = "accounts",
    summary = "The users of an organisation / 組織の利用者",
    params(("id" = String, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "Its users, by login.", body = Vec<UserView>),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Vec<UserView>>, ApiError> {
    caller.authorize(&Action::ListUsers { org: &id })?;
    state
        .store
        .organisation(&id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let users = state.store.users(Some(&id)).await?;
    Ok(Json(users.iter().map(UserView::from).collect()))
}

#[utoipa::path(
    post,
    path = "/api/v1/organisations/{id}/users",
    tag = "accounts",
    summary = "Add a user to an organisation (operator administrators) / 利用者を追加する",
    params(("id" = String, Path, description = "Organisation id")),
    request_body(content = NewUserRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Added.", body = UserView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` or `csrf_failed`", body = ErrorBody),
        (status = 404, description = "No such organisation (`not_found`).", body = ErrorBody),
        (status = 409, description = "The login is taken (`conflict`).", body = ErrorBody),
        (status = 422, description = "`invalid_input`: login, password, name or roles.", body = ErrorBody),
    )
)]
pub async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(org_id): ApiPath<String>,
    ApiJson(request): ApiJson<NewUserRequest>,
) -> Result<(StatusCode, Json<UserView>), ApiError> {
    caller.authorize(&Action::CreateUser { org: &org_id })?;
    let organisation = state
        .store
        .organisation(&org_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    accounts::check_login(&request.login).map_err(|p| with_pointer(p.into(), "/login"))?;
    accounts::check_name(&request.display_name)
        .map_err(|p| with_pointer(p.into(), "/display_name"))?;
    accounts::check_password(&request.login, &request.password)
        .map_err(|p| with_pointer(p.into(), "/password"))?;
    let mut roles = Vec::new();
    for (index, code) in request.roles.iter().enumerate() {
        roles.push(Role::from_code(code).ok_or_else(|| {
            invalid(
                Bilingual::new(
                    format!("ロール「{code}」はありません"),
                    format!("there is no role {code}"),
                ),
                &format!("/roles/{index}"),
                "unknown_value",
            )
        })?);
    }
    accounts::check_roles(organisation.kind, &roles)
        .map_err(|p| with_pointer(p.into(), "/roles"))?;
    let passwords = state.passwords.clone();
    let password = request.password;
    let hash = state
        .cpu
        .run_password(move || passwords.hash(&password))
        .await?
        .map_err(ApiError::internal)?;
    let new = NewUser {
        id: uuid::Uuid::new_v4().to_string(),
        org_id,
        login: request.login,
        display_name: request.display_name,
        roles,
        password_hash: hash,
    };
    let created = state
        .store
        .create_user(&new, &caller.change_by(state.wall.now_ms()))
        .await?;
    Ok((StatusCode::CREATED, Json(UserView::from(&created))))
}

async fn set_disabled(
    state: &AppState,
    caller: &Caller,
    id: &str,
    disabled: bool,
) -> Result<Json<UserView>, ApiError> {
    let user = state.store.user(id).await?;
    // Unknown users are refused like known ones the caller may not touch: no probing for ids.
    let org = user.as_ref().map_or("", |user| user.org_id.as_str());
    caller.authorize(&Action::DisableUser { org, user: id })?;
    let user = user.ok_or_else(ApiError::not_found)?;
    state
        .store
        .set_user_disabled(id, disabled, &caller.change_by(state.wall.now_ms()))
        .await?;
    let updated = state.store.user(id).await?.unwrap_or(user);
    Ok(Json(UserView::from(&updated)))
}

#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/disable",
    tag = "accounts",
    summary = "Disable a user and end their sessions (operator administrators) / 利用者を無効にする",
    params(("id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "Disabled.", body = UserView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` (nobody disables themselves) or `csrf_failed`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn disable_user(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<UserView>, ApiError> {
    set_disabled(&state, &caller, &id, true).await
}

#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/enable",
    tag = "accounts",
    summary = "Enable a disabled user (operator administrators) / 利用者を有効に戻す",
    params(("id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "Enabled.", body = UserView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` or `csrf_failed`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn enable_user(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<UserView>, ApiError> {
    set_disabled(&state, &caller, &id, false).await
}

#[utoipa::path(
    get,
    path = "/api/v1/tokens",
    tag = "accounts",
    summary = "My API tokens / 自分の API トークン",
    responses(
        (status = 200, description = "The caller's tokens, revoked and expired ones included, each with its expiry.", body = Vec<TokenView>),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
    )
)]
pub async fn list_tokens(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    caller.authorize(&Action::ReadOwnAccount)?;
    let tokens = state.store.tokens(&caller.principal()?.user.id).await?;
    Ok(Json(tokens.iter().map(TokenView::from).collect()))
}

#[utoipa::path(
    post,
    path = "/api/v1/tokens",
    tag = "accounts",
    summary = "Create an API token for scripts; its secret is shown once / API トークンを発行する",
    description = "Needs a signed-in session (the session cookie and `X-CSRF-Token`): an API token cannot create tokens, so that revoking a stolen token leaves none behind. The token expires after `expires_in_days` days, or the service's default.",
    params(("X-CSRF-Token" = String, Header, description = "The session's anti-forgery token.")),
    request_body(content = NewTokenRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Created; keep the secret now, it is never shown again.", body = CreatedToken),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`csrf_failed`, or `session_required` when asked with an API token.", body = ErrorBody),
        (status = 422, description = "`invalid_input`: the name, or `expires_in_days` outside 1 to the maximum.", body = ErrorBody),
    )
)]
pub async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<NewTokenRequest>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    caller.authorize(&Action::CreateOwnToken)?;
    // A token that could mint tokens would outlive its own revocation through them.
    if !matches!(caller.via, Via::Session { .. }) {
        return Err(ApiError::SessionRequired);
    }
    accounts::check_name(&request.name).map_err(|p| with_pointer(p.into(), "/name"))?;
    let days = token_days(&state, request.expires_in_days)?;
    let user_id = caller.principal()?.user.id.clone();
    let issued = secret::new_api_token();
    let now = state.wall.now_ms();
    let new = NewApiToken {
        id: uuid::Uuid::new_v4().to_string(),
        user_id,
        name: request.name,
        secret_hash: issued.digest.clone(),
        expires_at_ms: now.saturating_add(days.saturating_mul(DAY_MS)),
    };
    let token = state
        .store
        .create_token(&new, &caller.change_by(now))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedToken {
            token: TokenView::from(&token),
            secret: issued.value,
        }),
    ))
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The lifetime asked for, or the default; from 1 day to the configured maximum.
fn token_days(state: &AppState, asked: Option<u64>) -> Result<i64, ApiError> {
    let max = state.settings.token_max_days;
    let days = asked.unwrap_or(state.settings.token_days);
    if (1..=max).contains(&days) {
        Ok(i64::try_from(days).unwrap_or(i64::MAX))
    } else {
        Err(invalid(
            Bilingual::new(
                format!("有効日数は 1 から {max} までにしてください"),
                format!("the lifetime must be from 1 to {max} days"),
            ),
            "/expires_in_days",
            "out_of_range",
        ))
    }
}

#[utoipa::path(
    delete,
    path = "/api/v1/tokens/{id}",
    tag = "accounts",
    summary = "Revoke an API token (its owner or an operator administrator) / API トークンを失効させる",
    params(("id" = String, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked."),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` or `csrf_failed`", body = ErrorBody),
        (status = 404, description = "No such active token (`not_found`).", body = ErrorBody),
    )
)]
pub async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let token = state.store.token(&id).await?;
    let owner = token.as_ref().map_or("", |token| token.user_id.as_str());
    caller.authorize(&Action::RevokeToken { owner })?;
    token.ok_or_else(ApiError::not_found)?;
    state
        .store
        .revoke_token(&id, &caller.change_by(state.wall.now_ms()))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
