//! A measure against an audit body taken from the audit bodies' page by an administrator of the
//! operator: the API's action, then back to the body's measures; invalid fields or a refused
//! state show the page again with the form as sent and each problem beside its field.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit_body::{MeasureKind, NewMeasure};
use shinrai_domain::workflow::{FieldError, Refusal};

use super::actions;
use super::pages::RefusedMeasure;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{self, Fields, Shown, acting, bilingual, in_lang, see_other, to_sign_in};
use crate::workflow::Failure;

/// The measure the form describes, or the problems of its fields.
fn measure_of(fields: &Fields) -> Result<NewMeasure, Failure> {
    let mut problems = Vec::new();
    let kind = MeasureKind::from_code(fields.get("kind"));
    if kind.is_none() {
        problems.push(FieldError::new(
            "/kind",
            "unknown_kind",
            Bilingual::new("措置の種類を選んでください", "choose the kind of measure"),
        ));
    }
    let on = CalendarDate::parse(fields.get("on").trim());
    if on.is_none() {
        problems.push(FieldError::new(
            "/on",
            "invalid_date",
            Bilingual::new(
                "日付は YYYY-MM-DD で入力してください",
                "give the day as YYYY-MM-DD",
            ),
        ));
    }
    match (kind, on) {
        (Some(kind), Some(on)) => Ok(NewMeasure {
            kind,
            on,
            facts: bilingual(fields, "facts"),
            reason: bilingual(fields, "reason"),
        }),
        _ => Err(Refusal::Invalid(problems).into()),
    }
}

/// `POST /audit-bodies/{org}/measures`.
pub async fn take(
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
    let outcome = match measure_of(&fields) {
        Ok(measure) => actions::measure(&state, &by, &org, measure).await,
        Err(failure) => Err(failure),
    };
    match outcome {
        Ok(_) => see_other(&format!(
            "{}#measures-{org}",
            in_lang("/audit-bodies", ctx.lang)
        )),
        Err(failure) => match form::shown(&ctx, failure, |_| None) {
            Shown::Again(problems) => {
                let refused = RefusedMeasure {
                    org,
                    problems,
                    posted: fields,
                };
                super::pages::render_list(&state, &ctx, Some(refused)).await
            }
            Shown::Page(response) => response,
        },
    }
}
