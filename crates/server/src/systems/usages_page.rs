//! `/usages`: who uses which services (all for the operator's staff, its own for a procurer's
//! organisation), narrowed by registration number, use today, level and model, with the count of
//! organisations and services in use today per level and model.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::procurement::InformationSystem;

use super::actions;
use super::overview::{UsageFilter, in_use_by_level_and_model};
use super::pages::{UsageRow, usage_row};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{acting, failure_page, private, to_sign_in};
use crate::web::page::Page;
use crate::web::render;
use crate::web::system_labels::SystemLabels;

/// What `/usages` narrows to.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct OverviewQuery {
    service: String,
    in_use: String,
    level: String,
    model: String,
}

/// One cell of the summary as shown: level, model, organisations, services.
struct SummaryCell {
    level: u8,
    model: &'static str,
    organisations: usize,
    services: usize,
}

#[derive(Template)]
#[template(path = "usages.html")]
struct OverviewPage {
    page: Page,
    s: SystemLabels,
    intro: &'static str,
    rows: Vec<UsageRow>,
    service: String,
    only_in_use: bool,
    /// Each choice with whether it is chosen.
    levels: Vec<(u8, bool)>,
    models: Vec<(&'static str, bool)>,
    summary: Vec<SummaryCell>,
}

/// `GET /usages`.
pub async fn overview(
    State(state): State<AppState>,
    ctx: PageContext,
    query: Result<Query<OverviewQuery>, QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let service = query.service.trim().to_owned();
    // Values the form never sends are ignored, as an empty choice.
    let filter = UsageFilter {
        entry: (!service.is_empty()).then_some(service.as_str()),
        in_use: (query.in_use == "true").then_some(true),
        level: query.level.parse::<u8>().ok().and_then(Level::new),
        model: ServiceModel::from_name(&query.model),
    };
    let usages = match actions::usages(&state, &by, filter.entry).await {
        Ok(usages) => usages,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let registry = match state.registry.get(&state.store).await {
        Ok(registry) => registry,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let own: Vec<InformationSystem> = match actions::list(&state, &by).await {
        Ok(systems) => systems,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let today = by.at.date();
    let summary = in_use_by_level_and_model(&usages, &registry, today)
        .into_iter()
        .filter(|cell| cell.services > 0)
        .map(|cell| SummaryCell {
            level: cell.level.get(),
            model: cell.model.name(),
            organisations: cell.organisations,
            services: cell.services,
        })
        .collect();
    let rows = usages
        .iter()
        .filter(|usage| filter.keeps(usage, &registry, today))
        .map(|usage| {
            let system = own.iter().find(|system| system.id == usage.system);
            usage_row(&registry, usage, system, &by, ctx.lang)
        })
        .collect();
    let s = SystemLabels::of(ctx.lang);
    let view = OverviewPage {
        page: ctx.page(s.overview_title),
        intro: if by.member.is_operator_staff() {
            s.overview_intro_operator
        } else {
            s.overview_intro_procurer
        },
        rows,
        only_in_use: filter.in_use == Some(true),
        levels: Level::ALL
            .into_iter()
            .map(|level| (level.get(), filter.level == Some(level)))
            .collect(),
        models: ServiceModel::ALL
            .into_iter()
            .map(|model| (model.name(), filter.model == Some(model)))
            .collect(),
        summary,
        service,
        s,
    };
    private(render(&view, axum::http::StatusCode::OK))
}
