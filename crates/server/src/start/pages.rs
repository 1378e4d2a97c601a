//! The start page of a signed-in user: what their organisation's part in the scheme asks of them
//! today. The operator watches renewals, suspensions and criteria drafts; a provider sees its own
//! services; an audit body the services it audited; a procurer the tools for choosing services.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use shinrai_domain::accounts::OrgKind;
use shinrai_domain::criteria::Status;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};

use super::selection::{BodySelection, OperatorSelection, body_selection, operator_selection};
use super::work::{
    AuditWork, ExplanationWork, QueueGroup, ServiceWork, body_work, explanations_asked,
    provider_work, review_queue,
};
use crate::error::ApiError;
use crate::registry::LoadedRegistry;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::page::{Page, encode};
use crate::web::render;
use crate::web::system_labels::SystemLabels;
use crate::web::work_labels::WorkLabels;

pub struct StartRow {
    pub id: String,
    pub href: String,
    pub name: String,
    pub level: u8,
    pub status: String,
    pub status_code: &'static str,
    pub valid_until: String,
}

pub struct Section {
    pub title: &'static str,
    pub intro: &'static str,
    pub rows: Vec<StartRow>,
    pub links: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "start.html")]
struct StartPage {
    page: Page,
    w: WorkLabels,
    role: &'static str,
    /// A provider's services with where each stands.
    work: Option<Vec<ServiceWork>>,
    /// An audit body's audits.
    audits: Option<Vec<AuditWork>>,
    /// The explanations asked of an audit body and not yet given.
    explanations: Option<Vec<ExplanationWork>>,
    /// The operator's open applications by status.
    queue: Option<Vec<QueueGroup>>,
    sections: Vec<Section>,
    /// An audit body's selection and the status report it owes.
    selection: Option<BodySelection>,
    /// The operator's selection applications to decide and overdue status reports.
    selection_work: Option<OperatorSelection>,
    csrf_token: String,
}

/// How far ahead the operator and providers watch for registrations running out.
const RENEWAL_WATCH_MONTHS: u32 = 3;

pub async fn start(State(state): State<AppState>, ctx: PageContext) -> Response {
    let Some(principal) = ctx.caller.principal.clone() else {
        let next = encode(&format!("/start?lang={}", ctx.lang.code()));
        return Redirect::to(&format!("/login?lang={}&next={next}", ctx.lang.code()))
            .into_response();
    };
    let outcome = async {
        let registry = state.registry.get(&state.store).await?;
        let today = CalendarDate::from_unix_ms(state.wall.now_ms());
        let page = ctx.page(ctx.labels().start_title);
        let sections = match principal.org_kind {
            OrgKind::Operator => operator(&state, &page, &registry, today).await?,
            OrgKind::Provider => vec![own_services(&page, &registry, &principal.user.org_id, true)],
            OrgKind::AuditBody => vec![own_services(
                &page,
                &registry,
                &principal.user.org_id,
                false,
            )],
            OrgKind::Procurer => vec![procurer(&page)],
        };
        let work = match principal.org_kind {
            OrgKind::Provider => Some(provider_work(&state, &page, &principal.user.org_id).await?),
            _ => None,
        };
        let audits = match principal.org_kind {
            OrgKind::AuditBody => Some(body_work(&state, &page, &principal.user.org_id).await?),
            _ => None,
        };
        let acting = crate::web::form::acting(&ctx, &state);
        let queue = match (&principal.org_kind, &acting) {
            (OrgKind::Operator, Some(by)) if by.member.is_operator_staff() => {
                Some(review_queue(&state, &page, by).await?)
            }
            _ => None,
        };
        let explanations = match (&principal.org_kind, &acting) {
            (OrgKind::AuditBody, Some(by)) => Some(explanations_asked(&state, &page, by).await?),
            _ => None,
        };
        let selection = match (&principal.org_kind, &acting) {
            (OrgKind::AuditBody, Some(by)) => Some(body_selection(&state, &page, by, today).await?),
            _ => None,
        };
        let selection_work = match (&principal.org_kind, &acting) {
            (OrgKind::Operator, Some(by)) if by.member.is_operator_staff() => {
                Some(operator_selection(&state, &page, today).await?)
            }
            _ => None,
        };
        let l = page.l;
        let role = match principal.org_kind {
            OrgKind::Operator => l.role_operator,
            OrgKind::Provider => l.role_provider,
            OrgKind::AuditBody => l.role_audit_body,
            OrgKind::Procurer => l.role_procurer,
        };
        Ok::<_, ApiError>(StartPage {
            csrf_token: page
                .viewer
                .as_ref()
                .map(|v| v.csrf_token.clone())
                .unwrap_or_default(),
            selection,
            selection_work,
            w: WorkLabels::of(page.language),
            page,
            work,
            audits,
            explanations,
            queue,
            role,
            sections,
        })
    }
    .await;
    let mut response = match outcome {
        Ok(view) => render(&view, StatusCode::OK),
        Err(error) => crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    // A page about one user must not be kept by shared caches.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    response
}

fn row(page: &Page, entry: &RegistryEntry) -> StartRow {
    let lang = page.language;
    StartRow {
        id: entry.id.clone(),
        href: page.href(&format!("/registry/{}", entry.id), &[]),
        name: entry.service_name.get(lang).to_owned(),
        level: entry.level.get(),
        status: entry.status.title().get(lang).to_owned(),
        status_code: entry.status.code(),
        valid_until: entry.valid_until.to_string(),
    }
}

async fn operator(
    state: &AppState,
    page: &Page,
    registry: &LoadedRegistry,
    today: CalendarDate,
) -> Result<Vec<Section>, ApiError> {
    let l = page.l;
    let horizon = today
        .add_months_clamped(RENEWAL_WATCH_MONTHS)
        .unwrap_or(today);
    let mut due: Vec<&RegistryEntry> = registry
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Registered)
        .filter(|e| e.valid_until >= today && e.valid_until <= horizon)
        .collect();
    due.sort_by(|a, b| a.valid_until.cmp(&b.valid_until).then(a.id.cmp(&b.id)));
    let suspended = registry
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Suspended)
        .map(|e| row(page, e))
        .collect();
    let versions = state.store.criteria_list().await?;
    let latest_published = versions
        .iter()
        .filter(|v| v.status == Status::Published)
        .max_by(|a, b| a.published_on.cmp(&b.published_on))
        .map(|v| v.version.clone());
    let lang = page.language;
    let drafts = versions
        .iter()
        .filter(|v| v.status == Status::Draft)
        .map(|draft| {
            let href = match &latest_published {
                Some(from) => page.href(
                    "/criteria/diff",
                    &[("from", from.clone()), ("to", draft.version.clone())],
                ),
                None => page.href(&format!("/criteria/{}", draft.version), &[]),
            };
            (
                format!(
                    "{} ({}) — {}",
                    draft.title.get(lang),
                    draft.version,
                    l.compare_with_published
                ),
                href,
            )
        })
        .collect();
    Ok(vec![
        Section {
            title: l.renewals_due,
            intro: l.renewals_due_intro,
            rows: due.into_iter().map(|e| row(page, e)).collect(),
            links: vec![
                (
                    l.registry_by_expiry.to_owned(),
                    page.href(
                        "/registry",
                        &[
                            ("sort", "valid_until".to_owned()),
                            ("status", "registered".to_owned()),
                        ],
                    ),
                ),
                (
                    SystemLabels::of(page.language).link_to_usages.to_owned(),
                    page.href("/usages", &[]),
                ),
            ],
        },
        Section {
            title: l.suspended_services,
            intro: l.suspended_services_intro,
            rows: suspended,
            links: Vec::new(),
        },
        Section {
            title: l.criteria_drafts,
            intro: l.criteria_drafts_intro,
            rows: Vec::new(),
            links: drafts,
        },
    ])
}

/// A provider's services, or the services an audit body audited.
fn own_services(page: &Page, registry: &LoadedRegistry, org: &str, as_provider: bool) -> Section {
    let l = page.l;
    let mut rows: Vec<StartRow> = registry
        .entries
        .iter()
        .filter(|e| {
            if as_provider {
                e.provider == org
            } else {
                e.audit_body == org
            }
        })
        .map(|e| row(page, e))
        .collect();
    rows.sort_by(|a, b| a.valid_until.cmp(&b.valid_until).then(a.id.cmp(&b.id)));
    let filter = if as_provider {
        "provider"
    } else {
        "audit_body"
    };
    Section {
        title: if as_provider {
            l.own_services
        } else {
            l.audited_services
        },
        intro: if as_provider {
            l.own_services_intro
        } else {
            l.audited_services_intro
        },
        rows,
        links: vec![(
            l.open_in_registry.to_owned(),
            page.href("/registry", &[(filter, org.to_owned())]),
        )],
    }
}

fn procurer(page: &Page) -> Section {
    let l = page.l;
    Section {
        title: l.choosing_services,
        intro: l.choosing_services_intro,
        rows: Vec::new(),
        links: vec![
            (
                SystemLabels::of(page.language).list_title.to_owned(),
                page.href("/systems", &[]),
            ),
            (
                SystemLabels::of(page.language).link_to_usages.to_owned(),
                page.href("/usages", &[]),
            ),
            (
                l.classification_title.to_owned(),
                page.href("/tools/classification", &[]),
            ),
            (
                l.availability_title.to_owned(),
                page.href("/tools/availability", &[]),
            ),
            (
                l.nav_registry.to_owned(),
                page.href("/registry", &[("status", "registered".to_owned())]),
            ),
        ],
    }
}
