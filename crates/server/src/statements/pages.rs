//! The statement editor's pages: an overview with progress per objective and the pre-check,
//! the governance and management items, one page per control objective, and submitting. Every
//! page shows the pre-check of the statement as stored; every form carries the revision it was
//! read at, so a save made from an old page is refused instead of undoing a newer one.

use std::sync::Arc;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Multipart, Path, State};
use axum::response::Response;
use shinrai_domain::criteria::{Control, Part};
use shinrai_domain::precheck::PrecheckOutcome;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::precheck::{self, PrecheckFacts};
use shinrai_domain::workflow::service::{Service, acts_for_provider};
use shinrai_domain::workflow::statement::{ItemStatus, Responsibility, Statement, differences};
use shinrai_store::documents::Stored;

use super::actions::{self, Draft};
use super::editor::{self, Progress, place};
use super::files;
use crate::criteria::Loaded;
use crate::services::pages::status_title;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, failure_page, in_lang, private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::upload;
use crate::web::work_labels::WorkLabels;
use crate::workflow::facts::{self, SERVICE};
use crate::workflow::{Acting, Outcome};

/// What every page of one statement is built from.
struct Facts {
    stored: Stored<Statement>,
    service: Service,
    criteria: Arc<Loaded>,
    outcome: PrecheckOutcome,
    own: bool,
}

impl Facts {
    fn statement(&self) -> &Statement {
        &self.stored.value
    }

    fn models(&self) -> Vec<ServiceModel> {
        self.service
            .details
            .service_models
            .iter()
            .map(|scope| scope.model)
            .collect()
    }

    /// Whether the one reading may change it: its provider, while it is a draft.
    fn editable(&self) -> bool {
        self.own && self.statement().is_draft()
    }
}

async fn load(state: &AppState, by: &Acting, id: &str) -> Outcome<Facts> {
    let stored = actions::visible(state, by, id).await?;
    let criteria = facts::criteria_of(state, &stored.value.criteria_version).await?;
    let service = state
        .store
        .service(&stored.value.service)
        .await?
        .ok_or_else(|| facts::missing(SERVICE, &stored.value.service))?
        .value;
    let registry = facts::registry(state).await?;
    let outcome = precheck::check(&PrecheckFacts {
        criteria: &criteria.version,
        service: &service,
        registry: &registry.entries,
        statement: &stored.value,
    });
    let own = acts_for_provider(&by.member, &stored.value.provider);
    Ok(Facts {
        stored,
        service,
        criteria,
        outcome,
        own,
    })
}

/// The heading every statement page shares.
#[derive(Debug)]
pub struct Header {
    pub id: String,
    pub service_href: String,
    pub service_name: String,
    pub version: u32,
    pub status: &'static str,
    pub criteria_version: String,
    pub target_level: u8,
    pub revision: i64,
    pub editable: bool,
    pub draft: bool,
    pub overview_href: String,
    pub csrf_token: String,
}

/// One finding of the pre-check, linking to the page of the control or item it is about.
#[derive(Debug)]
pub struct FindingView {
    pub code: &'static str,
    pub subject: String,
    pub message: String,
    pub href: Option<String>,
}

/// The pre-check as every page shows it.
#[derive(Debug)]
pub struct PrecheckView {
    pub target_level: u8,
    pub reachable: Option<u8>,
    pub by_level: Vec<(u8, usize)>,
    pub total: usize,
    pub findings: Vec<FindingView>,
}

fn header(facts: &Facts, page: &Page) -> Header {
    let statement = facts.statement();
    let lang = page.language;
    Header {
        id: statement.id.clone(),
        service_href: in_lang(&format!("/services/{}", statement.service), lang),
        service_name: facts.service.details.name.get(lang).to_owned(),
        version: statement.version,
        status: status_title(statement.status, &WorkLabels::of(lang)),
        criteria_version: statement.criteria_version.clone(),
        target_level: statement.target_level.get(),
        revision: facts.stored.revision,
        editable: facts.editable(),
        draft: statement.is_draft(),
        overview_href: in_lang(&format!("/statements/{}", statement.id), lang),
        csrf_token: page
            .viewer
            .as_ref()
            .map(|viewer| viewer.csrf_token.clone())
            .unwrap_or_default(),
    }
}

/// Where a finding about `subject` is fixed: the page of its control or item.
fn finding_href(facts: &Facts, subject: &str, lang: Lang) -> Option<String> {
    let id = &facts.statement().id;
    let criteria = &facts.criteria.version;
    if let Some(control) = criteria.control(subject) {
        let path = match control.part {
            Part::Governance => format!("/statements/{id}/governance"),
            Part::Management => format!("/statements/{id}/management"),
            Part::Control => format!("/statements/{id}/objectives/{}", control.objective),
        };
        return Some(format!("{}#c-{}", in_lang(&path, lang), anchor(subject)));
    }
    criteria
        .group(subject)
        .filter(|group| group.part == Part::Control)
        .map(|group| in_lang(&format!("/statements/{id}/objectives/{}", group.id), lang))
}

/// An id as a fragment of an address and an element id (ids of controls hold dots only).
fn anchor(id: &str) -> String {
    id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
}

fn precheck_view(facts: &Facts, lang: Lang) -> PrecheckView {
    let outcome = &facts.outcome;
    PrecheckView {
        target_level: outcome.target_level.get(),
        reachable: outcome.reachable_level.map(|level| level.get()),
        by_level: outcome
            .findings_by_level
            .iter()
            .map(|(level, count)| (level.get(), *count))
            .collect(),
        total: outcome.findings.len(),
        findings: outcome
            .findings
            .iter()
            .map(|finding| FindingView {
                code: finding.code.as_str(),
                subject: finding.subject.clone(),
                message: finding.message.get(lang).to_owned(),
                href: finding_href(facts, &finding.subject, lang),
            })
            .collect(),
    }
}

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

/// Runs `build` for a signed-in reader and renders its page; failures are their own pages.
async fn page_of<T: Template>(
    state: &AppState,
    ctx: &PageContext,
    build: impl AsyncFnOnce(&Acting) -> Outcome<(T, axum::http::StatusCode)>,
) -> Response {
    let Some(by) = acting(ctx, state) else {
        return to_sign_in(ctx);
    };
    match build(&by).await {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(ctx, failure),
    }
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
    let post = match upload::read_sheet(&ctx, form).await {
        Ok(post) => post,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let expected = post.expected();
    let outcome = match post.format {
        Some(format) if !post.bytes.is_empty() => {
            files::import_sheet_from(&state, &by, &id, format, post.bytes, expected).await
        }
        // Who may upload is answered before what is wrong with the file.
        _ => match files::draft_for_provider(&state, &by, &id).await {
            Ok(_) => Err(upload::not_a_sheet(&post)),
            Err(failure) => Err(failure),
        },
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

#[derive(Debug, serde::Deserialize, Default)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}

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
