//! Submitting a draft: the last look at its pre-check, then the version is frozen.

#[allow(clippy::wildcard_imports)]
use super::*;

#[derive(Template)]
#[template(path = "statement_submit.html")]
struct SubmitPage {
    page: Page,
    w: WorkLabels,
    head: Header,
    precheck: PrecheckView,
    problems: Problems,
}

fn submit_page(
    ctx: &PageContext,
    facts: &Facts,
    problems: Problems,
) -> (SubmitPage, axum::http::StatusCode) {
    let w = WorkLabels::of(ctx.lang);
    let page = ctx.page(w.submit_title);
    let status = problems.status();
    (
        SubmitPage {
            head: header(facts, &page),
            precheck: precheck_view(facts, ctx.lang),
            problems,
            page,
            w,
        },
        status,
    )
}

/// `GET /statements/{id}/submit`: what submitting means, and the confirmation.
pub async fn submit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    page_of(&state, &ctx, async |by| {
        let facts = load(&state, by, &id).await?;
        Ok(submit_page(&ctx, &facts, Problems::none()))
    })
    .await
}

/// `POST /statements/{id}/submit`: freezes the version as the one submitting saw it.
pub async fn submit(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let fields = match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
        Ok(fields) => fields,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let expected = Some(fields.revision().unwrap_or(-1));
    match actions::submit_from(&state, &by, &id, expected).await {
        Ok(_) => see_other(&in_lang(&format!("/statements/{id}"), ctx.lang)),
        Err(failure) => match form::shown(&ctx, failure, |_| None) {
            Shown::Again(problems) => match load(&state, &by, &id).await {
                Ok(facts) => {
                    let (view, status) = submit_page(&ctx, &facts, problems);
                    private(render(&view, status))
                }
                Err(failure) => failure_page(&ctx, failure),
            },
            Shown::Page(response) => response,
        },
    }
}
