//! The audit bodies the scheme knows, with the services each has audited for the registry and
//! links to those services.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::accounts::OrgKind;
use shinrai_domain::registry::EntryStatus;

use crate::error::ApiError;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::page::Page;
use crate::web::render;

pub struct AuditBodyRow {
    pub id: String,
    pub name: String,
    pub audited: usize,
    pub registered: usize,
    pub href: String,
    pub services: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "audit_bodies.html")]
struct AuditBodies {
    page: Page,
    bodies: Vec<AuditBodyRow>,
}

pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Response {
    let page = ctx.page(ctx.labels().audit_bodies_title);
    let lang = page.language;
    let outcome = async {
        let registry = state.registry.get(&state.store).await?;
        let organisations = state.store.organisations().await?;
        Ok::<_, ApiError>((registry, organisations))
    }
    .await;
    let (registry, organisations) = match outcome {
        Ok(found) => found,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let mut bodies: Vec<AuditBodyRow> = organisations
        .into_iter()
        .filter(|org| org.kind == OrgKind::AuditBody)
        .map(|org| {
            let audited: Vec<_> = registry
                .entries
                .iter()
                .filter(|e| e.audit_body == org.id)
                .collect();
            AuditBodyRow {
                name: org.name.get(lang).to_owned(),
                audited: audited.len(),
                registered: audited
                    .iter()
                    .filter(|e| e.status == EntryStatus::Registered)
                    .count(),
                href: page.href("/registry", &[("audit_body", org.id.clone())]),
                services: audited
                    .iter()
                    .map(|e| {
                        (
                            e.service_name.get(lang).to_owned(),
                            page.href(&format!("/registry/{}", e.id), &[]),
                        )
                    })
                    .collect(),
                id: org.id,
            }
        })
        .collect();
    bodies.sort_by(|a, b| a.name.cmp(&b.name));
    render(&AuditBodies { page, bodies }, StatusCode::OK)
}
