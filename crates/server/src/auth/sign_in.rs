//! Signing in and out, shared by the API (`/api/v1/session`) and the sign-in page: checks the
//! password off the async workers, throttles guessing, and starts or ends a stored session.

use std::net::IpAddr;

use axum::http::HeaderValue;
use shinrai_store::model::{ChangeBy, Organisation, Session, User};

use super::caller::{Caller, Via};
use super::{cookie, secret};
use crate::error::ApiError;
use crate::state::AppState;

/// A session just started.
pub struct SignedIn {
    pub user: User,
    pub organisation: Organisation,
    /// The `Set-Cookie` value that hands the session to the browser.
    pub cookie: HeaderValue,
    /// The session's anti-forgery token.
    pub csrf_token: String,
}

/// Written without the cookie and token: both are secrets and must not reach a log.
impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("user", &self.user.id)
            .field("organisation", &self.organisation.id)
            .finish_non_exhaustive()
    }
}

pub async fn sign_in(
    state: &AppState,
    login: &str,
    password: &str,
    address: IpAddr,
) -> Result<SignedIn, ApiError> {
    let admitted = state.login_limiter.check(login, address)?;
    if !admitted.slow_down.is_zero() {
        // Many addresses are guessing at this login: slow every attempt at it a little (the
        // task waits, no CPU is spent), but never refuse one that has not failed itself.
        tokio::time::sleep(admitted.slow_down).await;
    }
    let found = state.store.user_for_login(login).await?;
    let passwords = state.passwords.clone();
    let password = password.to_owned();
    let stored = found
        .as_ref()
        .map(|(user, hash)| (user.disabled, hash.clone()));
    // Hashing takes tens of milliseconds of CPU on purpose: keep it off the async workers. An
    // unknown login costs the same time as a known one, so timing does not reveal logins.
    let accepted = state
        .cpu
        .run_password(move || match stored {
            Some((disabled, hash)) => {
                passwords.verify(&password, &hash).unwrap_or(false) && !disabled
            }
            None => passwords.verify_unknown_login(&password),
        })
        .await?;
    let Some((user, _)) = found.filter(|_| accepted) else {
        state.login_limiter.record_failure(login, address);
        tracing::info!(%login, %address, "failed sign-in");
        return Err(ApiError::InvalidCredentials);
    };
    state.login_limiter.record_success(login, address);
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
    let by = ChangeBy {
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
    Ok(SignedIn {
        user,
        organisation,
        cookie,
        csrf_token,
    })
}

/// Ends the caller's session; answers the `Set-Cookie` value that clears it in the browser.
pub async fn sign_out(state: &AppState, caller: &Caller) -> Result<HeaderValue, ApiError> {
    let Via::Session { secret_hash, .. } = &caller.via else {
        return Err(ApiError::SignInRequired);
    };
    let principal = caller.principal()?;
    let by = caller.change_by(state.wall.now_ms());
    state
        .store
        .end_session(secret_hash, &principal.user.id, &by)
        .await?;
    Ok(cookie::clear_session_cookie(state.settings.secure_cookies))
}
