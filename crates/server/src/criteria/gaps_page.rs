//! The page of what registered services lack of a criteria version (`/criteria/{version}/gaps`):
//! every service for the operator's staff, its own for a provider, with the version's transition
//! day; the same facts as `GET /api/v1/criteria/{version}/gaps`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::criteria::transition::{ServiceGap, gaps};
use shinrai_domain::text::Lang;

use super::api::visible;
use super::transition::{readable_by, registered_services};
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::criteria_gaps_labels::CriteriaGapsLabels;
use crate::web::form::{acting, failure_page, private, to_sign_in};
use crate::web::page::Page;
use crate::web::render;

/// One registered service that lacks something.
pub struct GapRow {
    pub entry: String,
    pub entry_href: String,
    pub service: String,
    pub level: u8,
    pub written_for: String,
    /// (id, text) of each control not covered.
    pub missing: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "criteria_gaps.html")]
struct GapsPage {
    page: Page,
    g: CriteriaGapsLabels,
    intro: &'static str,
    version: String,
    version_href: String,
    transition_on: String,
    rows: Vec<GapRow>,
}

fn row(gap: &ServiceGap, lang: Lang) -> GapRow {
    GapRow {
        entry: gap.entry.clone(),
        entry_href: format!("/registry/{}?lang={}", gap.entry, lang.code()),
        service: gap.service_name.get(lang).to_owned(),
        level: gap.level.get(),
        written_for: gap.statement_criteria.clone(),
        missing: gap
            .missing
            .iter()
            .map(|missing| (missing.control.clone(), missing.text.get(lang).to_owned()))
            .collect(),
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(version): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let provider = match readable_by(&by.member) {
        Ok(provider) => provider,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let loaded = match visible(&state, &ctx.caller, &version).await {
        Ok(loaded) => loaded,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let services = match registered_services(&state.store, provider).await {
        Ok(services) => services,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &ApiError::from(error)),
    };
    let g = CriteriaGapsLabels::of(ctx.lang);
    let criteria = &loaded.version;
    let view = GapsPage {
        page: ctx.page(g.title),
        intro: if provider.is_some() {
            g.intro_provider
        } else {
            g.intro_operator
        },
        version: format!("{} ({})", criteria.title.get(ctx.lang), criteria.version),
        version_href: format!("/criteria/{}?lang={}", criteria.version, ctx.lang.code()),
        transition_on: criteria
            .transition_on
            .map(|day| day.to_string())
            .unwrap_or_default(),
        rows: gaps(criteria, &services)
            .iter()
            .map(|gap| row(gap, ctx.lang))
            .collect(),
        g,
    };
    private(render(&view, StatusCode::OK))
}
