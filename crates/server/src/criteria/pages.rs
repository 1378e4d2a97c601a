//! The criteria browser: published versions (drafts stay with the operator), the tree of a
//! version by part and objective with each item's level and service models, and one control or
//! item with its level, models, flags, technology examples and references.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use shinrai_domain::criteria::{Actor, Control, Part, Status};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Lang;

use crate::criteria::Loaded;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::criteria_gaps_labels::CriteriaGapsLabels;
use crate::web::page::Page;
use crate::web::{Labels, render};

pub struct VersionRow {
    pub id: String,
    pub href: String,
    pub title: String,
    pub status: &'static str,
    pub published_on: String,
    pub controls: usize,
}

#[derive(Template)]
#[template(path = "criteria.html")]
struct Versions {
    page: Page,
    versions: Vec<VersionRow>,
}

pub struct ControlRow {
    pub id: String,
    pub href: String,
    pub level: u8,
    pub kind: &'static str,
    /// The service models it concerns, e.g. `PaaS / SaaS`.
    pub models: String,
    pub text: String,
}

/// A technology example as the control page lists it.
pub struct ExampleRow {
    pub id: String,
    pub name: String,
}

pub struct GroupRow {
    pub id: String,
    pub title: String,
    pub text: String,
    pub controls: Vec<ControlRow>,
}

pub struct PartRow {
    pub title: String,
    pub groups: Vec<GroupRow>,
}

#[derive(Template)]
#[template(path = "criteria_version.html")]
struct Version {
    page: Page,
    id: String,
    title: String,
    status: &'static str,
    published_on: String,
    transition_on: String,
    /// For the operator's staff and providers: the link to what registered services lack.
    gaps: Option<(String, &'static str)>,
    parts: Vec<PartRow>,
    risks: Vec<RiskRow>,
}

/// One risk of the version's map, in the reader's language.
struct RiskRow {
    id: String,
    band: String,
    band_code: &'static str,
    title: String,
    categories: String,
    stages: String,
    objectives: String,
    left_to: String,
}

fn risk_row(risk: &shinrai_domain::criteria::Risk, lang: Lang) -> RiskRow {
    let join = |titles: Vec<shinrai_domain::text::Bilingual>| {
        titles
            .iter()
            .map(|title| title.get(lang).to_owned())
            .collect::<Vec<_>>()
            .join(if lang == Lang::Ja { "、" } else { ", " })
    };
    RiskRow {
        id: risk.id.clone(),
        band: risk.band.title().get(lang).to_owned(),
        band_code: risk.band.code(),
        title: risk.title.get(lang).to_owned(),
        categories: join(risk.categories.iter().map(|c| c.title()).collect()),
        stages: join(risk.stages.iter().map(|s| s.title()).collect()),
        objectives: risk.objectives.join(", "),
        left_to: risk.left_to.get(lang).to_owned(),
    }
}

#[derive(Template)]
#[template(path = "criteria_control.html")]
struct ControlPage {
    page: Page,
    id: String,
    level: u8,
    kind: &'static str,
    models: String,
    text: String,
    facts: Vec<(&'static str, String)>,
    examples: Vec<ExampleRow>,
    version_href: String,
    version_title: String,
}

fn status(l: &Labels, status: Status) -> &'static str {
    match status {
        Status::Draft => l.draft,
        Status::Published => l.published,
    }
}

fn models(models: &[ServiceModel]) -> String {
    models
        .iter()
        .map(|m| m.name())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn kind(l: &Labels, control: &Control) -> &'static str {
    if control.mandatory {
        l.mandatory
    } else {
        l.recommended
    }
}

/// Published versions only: drafts are the operator's work in progress.
async fn published(state: &AppState, version: &str) -> Option<std::sync::Arc<Loaded>> {
    state
        .criteria
        .get(&state.store, version)
        .await
        .ok()
        .flatten()
        .filter(|loaded| loaded.summary.status == Status::Published)
}

fn not_found(lang: Lang, uri: &Uri) -> Response {
    crate::web::not_found_page(lang, uri)
}

pub async fn versions(State(state): State<AppState>, ctx: PageContext) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let page = ctx.page(Labels::of(lang).criteria_title);
    let summaries = match state.store.criteria_list().await {
        Ok(list) => list,
        Err(error) => {
            return crate::web::error_page(lang, &uri, &crate::error::ApiError::from(error));
        }
    };
    let mut versions = Vec::new();
    for summary in summaries.iter().filter(|s| s.status == Status::Published) {
        if let Some(loaded) = published(&state, &summary.version).await {
            versions.push(VersionRow {
                id: summary.version.clone(),
                href: page.href(&format!("/criteria/{}", summary.version), &[]),
                title: summary.title.get(lang).to_owned(),
                status: status(&page.l, summary.status),
                published_on: summary.published_on.clone().unwrap_or_default(),
                controls: loaded.counts.controls,
            });
        }
    }
    render(&Versions { page, versions }, StatusCode::OK)
}

pub async fn version(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let Some(loaded) = published(&state, &id).await else {
        return not_found(lang, &uri);
    };
    let criteria = &loaded.version;
    let page = ctx.page(criteria.title.get(lang).to_owned());
    let parts = Part::ALL
        .iter()
        .map(|part| PartRow {
            title: part.title().get(lang).to_owned(),
            groups: criteria
                .groups
                .iter()
                .filter(|g| g.part == *part)
                .map(|group| GroupRow {
                    id: group.id.clone(),
                    title: group.title.get(lang).to_owned(),
                    text: group.text.get(lang).to_owned(),
                    controls: criteria
                        .controls
                        .iter()
                        .filter(|c| c.objective == group.id)
                        .map(|c| ControlRow {
                            id: c.id.clone(),
                            href: page.href(&format!("/criteria/{id}/{}", c.id), &[]),
                            level: c.min_level.get(),
                            kind: kind(&page.l, c),
                            models: models(&c.service_models),
                            text: c.text.get(lang).to_owned(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .filter(|part| !part.groups.is_empty())
        .collect();
    let view = Version {
        id: id.clone(),
        title: criteria.title.get(lang).to_owned(),
        status: status(&page.l, criteria.status),
        published_on: criteria
            .published_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        transition_on: criteria
            .transition_on
            .map(|d| d.to_string())
            .unwrap_or_default(),
        gaps: crate::web::form::acting(&ctx, &state)
            .filter(|by| {
                by.member.is_operator_staff()
                    || shinrai_domain::workflow::service::is_provider(&by.member)
            })
            .map(|_| {
                (
                    page.href(&format!("/criteria/{id}/gaps"), &[]),
                    CriteriaGapsLabels::of(lang).link,
                )
            }),
        parts,
        risks: criteria
            .risks
            .iter()
            .map(|risk| risk_row(risk, lang))
            .collect(),
        page,
    };
    render(&view, StatusCode::OK)
}

pub async fn control(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((version, id)): Path<(String, String)>,
) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let Some(loaded) = published(&state, &version).await else {
        return not_found(lang, &uri);
    };
    let Some(control) = loaded.version.control(&id) else {
        return not_found(lang, &uri);
    };
    let page = ctx.page(control.id.clone());
    let l = page.l;
    let yes_no = |flag: bool| match (lang, flag) {
        (Lang::Ja, true) => "該当",
        (Lang::Ja, false) => "―",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    };
    let actor = match (lang, control.actor) {
        (Lang::Ja, Actor::Provider) => "クラウドサービス事業者",
        (Lang::Ja, Actor::Customer) => "利用者",
        (Lang::Ja, Actor::Both) => "事業者と利用者",
        (Lang::En, Actor::Provider) => "the provider",
        (Lang::En, Actor::Customer) => "the customer",
        (Lang::En, Actor::Both) => "the provider and the customer",
    };
    let objective = loaded
        .version
        .group(&control.objective)
        .map(|g| format!("{} {}", g.id, g.title.get(lang)))
        .unwrap_or_else(|| control.objective.clone());
    let view = ControlPage {
        id: control.id.clone(),
        level: control.min_level.get(),
        kind: kind(&l, control),
        models: models(&control.service_models),
        text: control.text.get(lang).to_owned(),
        facts: vec![
            (l.objective, objective),
            (l.actor, actor.to_owned()),
            (l.service_model, models(&control.service_models)),
            (l.integrity, yes_no(control.integrity).to_owned()),
            (l.availability_flag, yes_no(control.availability).to_owned()),
            (
                l.references,
                control
                    .references
                    .iter()
                    .map(|r| r.key())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ],
        examples: control
            .technology_examples
            .iter()
            .map(|example| ExampleRow {
                id: example.id.clone(),
                name: example.name.get(lang).to_owned(),
            })
            .collect(),
        version_href: page.href(&format!("/criteria/{version}"), &[]),
        version_title: loaded.version.title.get(lang).to_owned(),
        page,
    };
    render(&view, StatusCode::OK)
}
