//! The governance and management items of one part, and saving them.

#[allow(clippy::wildcard_imports)]
use super::*;

/// One governance or management item on its part's page.
#[derive(Debug)]
pub struct ItemView {
    pub id: String,
    pub anchor: String,
    pub text: String,
    pub status: &'static str,
    pub description_ja: String,
    pub description_en: String,
    pub findings: Vec<String>,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "statement_items.html")]
struct ItemsPage {
    page: Page,
    w: WorkLabels,
    head: Header,
    precheck: PrecheckView,
    part: &'static str,
    items: Vec<ItemView>,
    statuses: Vec<(&'static str, String)>,
    problems: Problems,
    saved: bool,
}

fn part_of(code: &str) -> Option<Part> {
    match code {
        "governance" => Some(Part::Governance),
        "management" => Some(Part::Management),
        _ => None,
    }
}

fn items_page(
    ctx: &PageContext,
    facts: &Facts,
    part: Part,
    content: &shinrai_domain::workflow::statement::StatementContent,
    revision: Option<i64>,
    problems: Problems,
    saved: bool,
) -> (ItemsPage, axum::http::StatusCode) {
    let lang = ctx.lang;
    let statement = facts.statement();
    let models = facts.models();
    let items = editor::applicable(&facts.criteria.version, statement, &models, part, None);
    let answers = match part {
        Part::Governance => &content.governance,
        Part::Management | Part::Control => &content.management,
    };
    let page = ctx.page(part.title().get(lang));
    let mut head = header(facts, &page);
    if let Some(revision) = revision {
        head.revision = revision;
    }
    let status = problems.status();
    let views = items
        .iter()
        .map(|item| {
            let answer = answers.iter().find(|answer| answer.item == item.id);
            ItemView {
                id: item.id.clone(),
                anchor: anchor(&item.id),
                text: item.text.get(lang).to_owned(),
                status: answer.map_or("open", |a| a.status.code()),
                description_ja: answer.map(|a| a.description.ja.clone()).unwrap_or_default(),
                description_en: answer.map(|a| a.description.en.clone()).unwrap_or_default(),
                findings: facts
                    .outcome
                    .findings
                    .iter()
                    .filter(|finding| finding.subject == item.id)
                    .map(|finding| finding.message.get(lang).to_owned())
                    .collect(),
                problems: problems
                    .at(&place(&item.id))
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            }
        })
        .collect();
    (
        ItemsPage {
            head,
            precheck: precheck_view(facts, lang),
            part: part.code(),
            items: views,
            statuses: ItemStatus::ALL
                .into_iter()
                .map(|s| (s.code(), s.title().get(lang).to_owned()))
                .collect(),
            problems,
            saved,
            page,
            w: WorkLabels::of(lang),
        },
        status,
    )
}

/// `GET /statements/{id}/governance` and `/management`: every applicable item of the part.
pub async fn items(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, part)): Path<(String, String)>,
    query: Result<axum::extract::Query<SavedQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(part) = part_of(&part) else {
        return crate::web::not_found_page(ctx.lang, &ctx.uri);
    };
    let saved = query.is_ok_and(|q| q.0.saved.is_some());
    page_of(&state, &ctx, async |by| {
        let facts = load(&state, by, &id).await?;
        let content = facts.statement().content.clone();
        Ok(items_page(
            &ctx,
            &facts,
            part,
            &content,
            None,
            Problems::none(),
            saved,
        ))
    })
    .await
}

/// `POST /statements/{id}/governance` and `/management`: saves the part's answers.
pub async fn save_items(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, part_code)): Path<(String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(part) = part_of(&part_code) else {
        return crate::web::not_found_page(ctx.lang, &ctx.uri);
    };
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let fields = match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
        Ok(fields) => fields,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let facts = match load(&state, &by, &id).await {
        Ok(facts) => facts,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let statement = facts.statement();
    let models = facts.models();
    let items = editor::applicable(&facts.criteria.version, statement, &models, part, None);
    let (content, problems) =
        editor::apply_items(&statement.content, &items, part, &fields, ctx.lang);
    let again = |problems: Problems| {
        let (view, status) = items_page(
            &ctx,
            &facts,
            part,
            &content,
            fields.revision(),
            problems,
            false,
        );
        private(render(&view, status))
    };
    if !problems.is_empty() {
        return again(problems);
    }
    let draft = Draft {
        criteria_version: statement.criteria_version.clone(),
        target_level: statement.target_level,
        content: content.clone(),
    };
    let expected = Some(fields.revision().unwrap_or(-1));
    match actions::replace_from(&state, &by, &id, draft, expected).await {
        Ok(_) => see_other(&format!(
            "{}&saved=1",
            in_lang(&format!("/statements/{id}/{part_code}"), ctx.lang)
        )),
        Err(failure) => match form::shown(&ctx, failure, |pointer| {
            editor::page_field(&content, pointer)
        }) {
            Shown::Again(problems) => again(problems),
            Shown::Page(response) => response,
        },
    }
}
