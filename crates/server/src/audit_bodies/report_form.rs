//! The audit body's yearly status report sent from its start page: the API's action, then
//! back to the start page; a refusal is shown on the error page in the reader's language.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;

use super::actions;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, acting, bilingual, failure_page, in_lang, see_other, to_sign_in,
};

/// `POST /audit-bodies/{org}/status-reports`: sends the oldest report owed.
pub async fn send(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(org): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let fields: Fields =
        match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
            Ok(fields) => fields,
            Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
        };
    match actions::report(&state, &by, &org, bilingual(&fields, "text")).await {
        Ok(_) => see_other(&format!("{}#status-report", in_lang("/start", ctx.lang))),
        Err(failure) => failure_page(&ctx, failure),
    }
}
