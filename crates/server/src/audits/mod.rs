//! Audits (監査): the API that orders an audit, lets the audit body accept or decline it,
//! record its conclusions (as JSON or a spreadsheet) and sign its report, and reads the audit and its report; the actions
//! behind it (shared with the pages), and the shapes it reads and answers.

pub mod actions;
pub mod api;
pub mod files;
pub mod views;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::order))
        .routes(routes!(api::get))
        .routes(routes!(api::accept))
        .routes(routes!(api::decline))
        .routes(routes!(api::conclude))
        .routes(routes!(api::conclusions_template))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(api::import_conclusions))
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::workflow::files::MAX_SHEET_BYTES,
                )),
        )
        .routes(routes!(api::sign))
        .routes(routes!(api::report))
}
