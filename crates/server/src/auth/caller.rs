//! Who is asking: the public, a browser session (cookie), or a script (API token). Every route
//! that needs to know takes a [`Caller`] and asks `shinrai_domain::policy` through
//! [`Caller::authorize`]; no route decides permissions itself.

use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::request::Parts;
use shinrai_domain::policy::{self, Action, Actor, Member};
use shinrai_store::model::{ChangeBy, Principal};

use super::{cookie, csrf, secret};
use crate::error::ApiError;
use crate::state::AppState;

/// How the caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    Public,
    /// A browser session; state-changing requests must echo its anti-forgery token.
    Session {
        secret_hash: String,
        csrf_token: String,
    },
    /// `Authorization: Bearer shinrai_…`; no cookie, so no forgery to guard against.
    Token {
        id: String,
    },
}

#[derive(Debug, Clone)]
pub struct Caller {
    pub actor: Actor,
    pub principal: Option<Principal>,
    pub via: Via,
}

impl Caller {
    pub fn public() -> Caller {
        Caller {
            actor: Actor::Anonymous,
            principal: None,
            via: Via::Public,
        }
    }

    fn signed_in(principal: Principal, via: Via) -> Caller {
        let member = Member {
            user_id: principal.user.id.clone(),
            org_id: principal.user.org_id.clone(),
            org_kind: principal.org_kind,
            roles: principal.user.roles.clone(),
        };
        Caller {
            actor: Actor::Member(member),
            principal: Some(principal),
            via,
        }
    }

    /// Asks the policy; a refusal becomes `sign_in_required` (401) or `forbidden` (403).
    pub fn authorize(&self, action: &Action<'_>) -> Result<(), ApiError> {
        policy::authorize(&self.actor, action).map_err(ApiError::from)
    }

    /// The signed-in user, or `sign_in_required`.
    pub fn principal(&self) -> Result<&Principal, ApiError> {
        self.principal.as_ref().ok_or(ApiError::SignInRequired)
    }

    /// Who to name in the log for a change made now.
    pub fn change_by(&self, at_ms: i64) -> ChangeBy {
        match &self.principal {
            Some(principal) => ChangeBy {
                actor: principal.user.id.clone(),
                org: principal.user.org_id.clone(),
                at_ms,
            },
            None => ChangeBy {
                actor: "public".to_owned(),
                org: String::new(),
                at_ms,
            },
        }
    }
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Who sent the request, and the session's anti-forgery token when it came with a session
/// cookie; the token is not checked here.
pub async fn identify(parts: &Parts, state: &AppState) -> Result<Caller, ApiError> {
    let now = state.wall.now_ms();
    if let Some(presented) = bearer(parts) {
        // A token that does not work is refused outright: a script should learn at once that
        // its token is wrong, not be treated as the public.
        if !secret::is_api_token(presented) {
            return Err(ApiError::SignInRequired);
        }
        let found = state
            .store
            .principal_for_token(&secret::digest(presented), now)
            .await
            .map_err(ApiError::internal)?;
        return match found {
            Some((token, principal)) => {
                Ok(Caller::signed_in(principal, Via::Token { id: token.id }))
            }
            None => Err(ApiError::SignInRequired),
        };
    }
    let Some(value) = cookie::session_from_headers(&parts.headers) else {
        return Ok(Caller::public());
    };
    let secret_hash = secret::digest(value);
    let found = state
        .store
        .live_session(&secret_hash, now)
        .await
        .map_err(ApiError::internal)?;
    // An expired or unknown cookie is just the public: signing in again fixes it.
    let Some((session, principal)) = found else {
        return Ok(Caller::public());
    };
    Ok(Caller::signed_in(
        principal,
        Via::Session {
            secret_hash,
            csrf_token: session.csrf_token,
        },
    ))
}

impl Caller {
    /// Refuses a session request whose anti-forgery token (form field or header) is not the
    /// session's; requests without a session carry no cookie to forge.
    pub fn check_csrf(&self, presented: Option<&str>) -> Result<(), ApiError> {
        match &self.via {
            Via::Session { csrf_token, .. } => Ok(csrf::verify(csrf_token, presented)?),
            Via::Public | Via::Token { .. } => Ok(()),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let caller = identify(parts, state).await?;
        if changes_state(&parts.method) {
            caller.check_csrf(csrf::presented(&parts.headers, None))?;
        }
        Ok(caller)
    }
}

/// The credentials of `Authorization: Bearer …`, if the request has them.
pub(crate) fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}
