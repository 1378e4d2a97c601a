//! One control objective's page: its controls with the provider's answers, and saving them.

#[allow(clippy::wildcard_imports)]
use super::*;

/// One example technology offered for a control.
#[derive(Debug)]
pub struct ExampleChoice {
    pub id: String,
    pub name: String,
    pub checked: bool,
}

/// One control on its objective's page, as stored or as posted.
#[derive(Debug)]
pub struct ControlView {
    pub id: String,
    pub anchor: String,
    pub text: String,
    pub mandatory: bool,
    pub min_level: u8,
    pub state: &'static str,
    pub individual_ja: String,
    pub individual_en: String,
    pub responsibility: &'static str,
    pub examples: Vec<ExampleChoice>,
    pub other: String,
    pub rationale_ja: String,
    pub rationale_en: String,
    pub reason_ja: String,
    pub reason_en: String,
    pub findings: Vec<String>,
    pub problems: Vec<String>,
    pub field: String,
}

fn control_view(
    control: &Control,
    content: &shinrai_domain::workflow::statement::StatementContent,
    outcome: &PrecheckOutcome,
    problems: &Problems,
    lang: Lang,
) -> ControlView {
    let selected = content.selected(&control.id);
    let excluded = content.excluded(&control.id);
    let state = match (selected, excluded) {
        (Some(_), _) => "selected",
        (None, Some(_)) => "excluded",
        (None, None) => "open",
    };
    let technologies = selected.map(|s| s.technologies.as_slice()).unwrap_or(&[]);
    ControlView {
        id: control.id.clone(),
        anchor: anchor(&control.id),
        text: control.text.get(lang).to_owned(),
        mandatory: control.mandatory,
        min_level: control.min_level.get(),
        state,
        individual_ja: selected
            .map(|s| s.individual_control.ja.clone())
            .unwrap_or_default(),
        individual_en: selected
            .map(|s| s.individual_control.en.clone())
            .unwrap_or_default(),
        responsibility: selected.map_or("", |s| s.responsibility.code()),
        examples: control
            .technology_examples
            .iter()
            .map(|example| ExampleChoice {
                id: example.id.clone(),
                name: example.name.get(lang).to_owned(),
                checked: technologies.contains(&example.id),
            })
            .collect(),
        other: technologies
            .iter()
            .filter(|t| control.technology_example(t).is_none())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
        rationale_ja: selected.map(|s| s.rationale.ja.clone()).unwrap_or_default(),
        rationale_en: selected.map(|s| s.rationale.en.clone()).unwrap_or_default(),
        reason_ja: excluded.map(|e| e.reason.ja.clone()).unwrap_or_default(),
        reason_en: excluded.map(|e| e.reason.en.clone()).unwrap_or_default(),
        findings: outcome
            .findings
            .iter()
            .filter(|finding| finding.subject == control.id)
            .map(|finding| finding.message.get(lang).to_owned())
            .collect(),
        problems: problems
            .at(&place(&control.id))
            .into_iter()
            .map(str::to_owned)
            .collect(),
        field: control.id.clone(),
    }
}

#[derive(Template)]
#[template(path = "statement_objective.html")]
struct ObjectivePage {
    page: Page,
    w: WorkLabels,
    head: Header,
    precheck: PrecheckView,
    objective: String,
    objective_text: String,
    controls: Vec<ControlView>,
    responsibilities: Vec<(&'static str, String)>,
    problems: Problems,
    saved: bool,
    previous_objective: Option<String>,
    next_objective: Option<String>,
}

fn objective_page(
    ctx: &PageContext,
    facts: &Facts,
    objective: &str,
    content: &shinrai_domain::workflow::statement::StatementContent,
    revision: Option<i64>,
    problems: Problems,
    saved: bool,
) -> Outcome<(ObjectivePage, axum::http::StatusCode)> {
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let criteria = &facts.criteria.version;
    let group = criteria
        .group(objective)
        .filter(|group| group.part == Part::Control)
        .ok_or_else(|| crate::workflow::Failure::not_found(OBJECTIVE, objective))?;
    let statement = facts.statement();
    let models = facts.models();
    let controls = editor::applicable(criteria, statement, &models, Part::Control, Some(objective));
    let objectives: Vec<&str> = criteria
        .groups
        .iter()
        .filter(|g| g.part == Part::Control)
        .map(|g| g.id.as_str())
        .collect();
    let here = objectives.iter().position(|id| *id == objective);
    let neighbour = |step: isize| {
        here.and_then(|i| i.checked_add_signed(step))
            .and_then(|i| objectives.get(i))
            .map(|id| {
                in_lang(
                    &format!("/statements/{}/objectives/{id}", statement.id),
                    lang,
                )
            })
    };
    let page = ctx.page(format!("{} {}", group.id, group.title.get(lang)));
    let mut head = header(facts, &page);
    if let Some(revision) = revision {
        head.revision = revision;
    }
    let status = problems.status();
    Ok((
        ObjectivePage {
            head,
            precheck: precheck_view(facts, lang),
            objective: group.id.clone(),
            objective_text: group.text.get(lang).to_owned(),
            controls: controls
                .iter()
                .map(|control| control_view(control, content, &facts.outcome, &problems, lang))
                .collect(),
            responsibilities: Responsibility::ALL
                .into_iter()
                .map(|r| (r.code(), r.title().get(lang).to_owned()))
                .collect(),
            problems,
            saved,
            previous_objective: neighbour(-1),
            next_objective: neighbour(1),
            page,
            w,
        },
        status,
    ))
}

const OBJECTIVE: (&str, &str) = ("統制目標", "control objective");

/// `GET /statements/{id}/objectives/{objective}`: every applicable control of the objective.
pub async fn objective(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, objective)): Path<(String, String)>,
    query: Result<axum::extract::Query<SavedQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let saved = query.is_ok_and(|q| q.0.saved.is_some());
    page_of(&state, &ctx, async |by| {
        let facts = load(&state, by, &id).await?;
        let content = facts.statement().content.clone();
        objective_page(
            &ctx,
            &facts,
            &objective,
            &content,
            None,
            Problems::none(),
            saved,
        )
    })
    .await
}

/// `POST /statements/{id}/objectives/{objective}`: saves the objective's answers into the
/// draft (the rest of it unchanged), then shows the page again with the new pre-check.
pub async fn save_objective(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, objective)): Path<(String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
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
    let criteria = &facts.criteria.version;
    if criteria
        .group(&objective)
        .is_none_or(|group| group.part != Part::Control)
    {
        return crate::web::not_found_page(ctx.lang, &ctx.uri);
    }
    let models = facts.models();
    let statement = facts.statement();
    let controls = editor::applicable(
        criteria,
        statement,
        &models,
        Part::Control,
        Some(&objective),
    );
    let (content, problems) =
        editor::apply_controls(&statement.content, &controls, &fields, ctx.lang);
    let again = |problems: Problems| match objective_page(
        &ctx,
        &facts,
        &objective,
        &content,
        fields.revision(),
        problems,
        false,
    ) {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(&ctx, failure),
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
            in_lang(
                &format!("/statements/{id}/objectives/{objective}"),
                ctx.lang
            )
        )),
        Err(failure) => match form::shown(&ctx, failure, |pointer| {
            editor::page_field(&content, pointer)
        }) {
            Shown::Again(problems) => again(problems),
            Shown::Page(response) => response,
        },
    }
}
