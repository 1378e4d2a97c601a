//! Organisations, their users and their API tokens: the API that lists, creates, disables and
//! revokes them, and the shapes it reads and answers.

pub mod api;
pub mod views;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list_organisations, api::create_organisation))
        .routes(routes!(api::get_organisation))
        .routes(routes!(api::list_users, api::create_user))
        .routes(routes!(api::disable_user))
        .routes(routes!(api::enable_user))
        .routes(routes!(api::list_tokens, api::create_token))
        .routes(routes!(api::revoke_token))
}
