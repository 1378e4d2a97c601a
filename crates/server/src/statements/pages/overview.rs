//! The statement's overview: progress per part and objective, the pre-check, the changes from
//! the previous version, and the spreadsheet upload.

#[allow(clippy::wildcard_imports)]
use super::*;

#[derive(Template)]
#[template(path = "statement.html")]
struct OverviewPage {
    page: Page,
    w: WorkLabels,
    head: Header,
    precheck: PrecheckView,
    /// Governance and management.
    parts: Vec<Progress>,
    objectives: Vec<Progress>,
    previous: Option<String>,
    changes: Vec<(String, String, Option<String>)>,
    /// The problems of a refused spreadsheet upload.
    problems: Problems,
}

/// `GET /statements/{id}`: parts and objectives with their progress, the pre-check, and what
/// changed from the previous version.
pub async fn overview(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    page_of(&state, &ctx, async |by| {
        overview_page(&state, &ctx, by, &id, Problems::none()).await
    })
    .await
}

/// The overview, with the problems of a refused upload when there are some.
async fn overview_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    problems: Problems,
) -> Outcome<(OverviewPage, axum::http::StatusCode)> {
    let facts = load(state, by, id).await?;
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let statement = facts.statement();
    let page = ctx.page(format!(
        "{} — {} v{}",
        w.statement,
        facts.service.details.name.get(lang),
        statement.version
    ));
    let models = facts.models();
    let criteria = &facts.criteria.version;
    let mut changes = Vec::new();
    if let Some(previous) = &statement.previous
        && let Some(before) = state.store.statement(previous).await?
    {
        for difference in differences(&before.value.content, &statement.content) {
            let href = finding_href(&facts, &difference.subject, lang);
            changes.push((
                difference.subject,
                difference.kind.title().get(lang).to_owned(),
                href,
            ));
        }
    }
    let status = problems.status();
    let view = OverviewPage {
        head: header(&facts, &page),
        precheck: precheck_view(&facts, lang),
        parts: [Part::Governance, Part::Management]
            .into_iter()
            .map(|part| {
                editor::part_progress(criteria, statement, &models, &facts.outcome, part, lang)
            })
            .collect(),
        objectives: editor::objective_progress(criteria, statement, &models, &facts.outcome, lang),
        previous: statement.previous.clone(),
        changes,
        problems,
        page,
        w,
    };
    Ok((view, status))
}

/// `POST /statements/{id}/import`: the provider's spreadsheet replaces the draft's content,
/// all of it or nothing; a refused file is listed on the overview, cell by cell.
pub async fn import(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let outcome = match upload::import_posted(
        &ctx,
        form,
        async |format, bytes, expected| {
            files::import_sheet_from(&state, &by, &id, format, bytes, expected).await
        },
        async || {
            files::draft_for_provider(&state, &by, &id)
                .await
                .map(|_| ())
        },
    )
    .await
    {
        Ok(outcome) => outcome,
        Err(page) => return page,
    };
    match outcome {
        Ok(_) => see_other(&in_lang(&format!("/statements/{id}"), ctx.lang)),
        Err(failure) => match form::shown(&ctx, failure, |_| None) {
            Shown::Again(problems) => match overview_page(&state, &ctx, &by, &id, problems).await {
                Ok((view, status)) => private(render(&view, status)),
                Err(failure) => failure_page(&ctx, failure),
            },
            Shown::Page(response) => response,
        },
    }
}
