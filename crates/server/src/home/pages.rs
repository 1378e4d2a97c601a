//! The home page: what the scheme is, and the registry's figures by level, model and status.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{EntryStatus, RegistryQuery};
use shinrai_domain::service_model::ServiceModel;

use crate::state::AppState;
use crate::web::Labels;
use crate::web::chart::Chart;
use crate::web::context::PageContext;
use crate::web::page::Page;
use crate::web::render;

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    charts: Vec<Chart>,
}

pub async fn home(State(state): State<AppState>, ctx: PageContext) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let registry = match state.registry.get(&state.store).await {
        Ok(registry) => registry,
        Err(error) => return crate::web::error_page(lang, &uri, &error),
    };
    let page = ctx.page(Labels::of(lang).home_title);
    // Counted from the index's filter sets, without reading every entry.
    let count = |query: RegistryQuery| registry.index.find(&query).len();
    let by_level = Level::ALL
        .iter()
        .map(|level| {
            (
                format!("{} {level}", page.l.level),
                count(RegistryQuery {
                    level: Some(*level),
                    ..RegistryQuery::default()
                }),
                page.href("/registry", &[("level", level.to_string())]),
            )
        })
        .collect();
    let by_model = ServiceModel::ALL
        .iter()
        .map(|model| {
            (
                model.name().to_owned(),
                count(RegistryQuery {
                    model: Some(*model),
                    ..RegistryQuery::default()
                }),
                page.href("/registry", &[("model", model.name().to_owned())]),
            )
        })
        .collect();
    let by_status = EntryStatus::ALL
        .iter()
        .map(|status| {
            (
                status.title().get(lang).to_owned(),
                count(RegistryQuery {
                    status: Some(*status),
                    ..RegistryQuery::default()
                }),
                page.href("/registry", &[("status", status.code().to_owned())]),
            )
        })
        .collect();
    let charts = vec![
        Chart::new("by-level", page.l.by_level.to_owned(), by_level),
        Chart::new("by-model", page.l.by_model.to_owned(), by_model),
        Chart::new("by-status", page.l.by_status.to_owned(), by_status),
    ];
    render(&Home { page, charts }, StatusCode::OK)
}
