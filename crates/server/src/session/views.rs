//! What the session routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::views::{OrganisationView, UserView};

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
}

/// The signed-in user, their organisation and, for a browser session, the anti-forgery token
/// to send as `X-CSRF-Token` with every state-changing request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionView {
    pub user: UserView,
    pub organisation: OrganisationView,
    pub csrf_token: Option<String>,
    /// `session` or `token`.
    pub via: String,
}
