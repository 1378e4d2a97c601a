//! The statement editor's pages: an overview with progress per objective and the pre-check,
//! the governance and management items, one page per control objective, and submitting. Every
//! page shows the pre-check of the statement as stored; every form carries the revision it was
//! read at, so a save made from an old page is refused instead of undoing a newer one.

mod items;
mod objective;
mod overview;
mod submit;

pub use items::{ItemView, items, save_items};
pub use objective::{ControlView, ExampleChoice, objective, save_objective};
pub use overview::{import, overview};
pub use submit::{submit, submit_form};

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

#[derive(Debug, serde::Deserialize, Default)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}
