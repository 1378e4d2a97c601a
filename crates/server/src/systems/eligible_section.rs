//! The system page's eligible services: the filters a procurer narrows them by (sent as the
//! page's query, values the form never sends ignored), the rows with a button to watch or stop
//! watching each, and the watch list with whether each service on it is still eligible; and
//! `POST /systems/{id}/watch`, the buttons' target.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use serde::Deserialize;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{DeploymentModel, RegistryQuery, SortKey};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::procurement::{InformationSystem, is_procurer};

use super::actions;
use super::coverage_page::coverage_href;
use super::eligible::{EligibleFilter, eligible, serves};
use super::pages::{ServiceRow, sent_back_page, service_row};
use crate::registry::LoadedRegistry;
use crate::registry::pages::{Select, select};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{Posted, SentBack, answer_post, in_lang, path_segment, read_posted};
use crate::web::page::Page;
use crate::web::system_labels::SystemLabels;
use crate::workflow::Acting;

/// The watch buttons' form name on the page.
pub(super) const WATCH_FORM: &str = "watch";

/// The page's query: the eligible services' filters, as the form sends them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EligibleForm {
    pub q: String,
    pub level: String,
    pub model: String,
    pub deployment: String,
    pub sort: String,
    pub watched: String,
}

impl EligibleForm {
    /// The filter the form asks for.
    pub fn filter(&self, lang: Lang) -> EligibleFilter {
        let sort = SortKey::from_code(&self.sort);
        EligibleFilter {
            query: RegistryQuery {
                text: Some(self.q.trim().to_owned()).filter(|q| !q.is_empty()),
                level: self.level.parse::<u8>().ok().and_then(Level::new),
                model: ServiceModel::from_name(&self.model),
                deployment: DeploymentModel::from_code(&self.deployment),
                sort: sort.unwrap_or_default(),
                ..RegistryQuery::default()
            },
            sorted: sort.is_some(),
            lang,
            watched_only: self.watched == "true",
        }
    }
}

/// One eligible service with whether the system watches it.
pub(super) struct EligibleRow {
    pub(super) service: ServiceRow,
    pub(super) watched: bool,
    /// What it covers for the system, with the checklists.
    pub(super) coverage_href: String,
}

/// One service on the watch list.
pub(super) struct WatchRow {
    pub(super) service: ServiceRow,
    pub(super) coverage_href: String,
    pub(super) since: String,
    pub(super) eligible: bool,
}

/// What the page shows of the eligible services and the watch list.
pub(super) struct EligibleSection {
    pub(super) q: String,
    pub(super) selects: Vec<Select>,
    pub(super) watched_only: bool,
    pub(super) rows: Vec<EligibleRow>,
    pub(super) watch_list: Vec<WatchRow>,
    /// Where the buttons post, for a procurer.
    pub(super) watch_action: Option<String>,
}

pub(super) fn section(
    registry: &LoadedRegistry,
    system: &InformationSystem,
    form: &EligibleForm,
    by: &Acting,
    page: &Page,
    s: &SystemLabels,
) -> EligibleSection {
    let lang = page.language;
    let l = &page.l;
    let filter = form.filter(lang);
    let rows = eligible(registry, system, &filter)
        .into_iter()
        .map(|entry| EligibleRow {
            service: service_row(registry, &entry.id, lang),
            watched: system.watches(&entry.id),
            coverage_href: coverage_href(&system.id, &entry.id, lang),
        })
        .collect();
    let watch_list = system
        .watching
        .iter()
        .map(|watched| WatchRow {
            service: service_row(registry, &watched.entry, lang),
            coverage_href: coverage_href(&system.id, &watched.entry, lang),
            since: watched.on.to_string(),
            eligible: registry
                .entry(&watched.entry)
                .is_some_and(|entry| serves(entry, system)),
        })
        .collect();
    let selects = vec![
        select(
            "level",
            l.level,
            l.any,
            &form.level,
            Level::ALL
                .iter()
                .filter(|level| **level >= system.registry_level)
                .map(|level| (level.to_string(), format!("{} {level}", l.level)))
                .collect(),
        ),
        select(
            "model",
            l.service_model,
            l.any,
            &form.model,
            ServiceModel::ALL
                .iter()
                .map(|model| (model.name().to_owned(), model.name().to_owned()))
                .collect(),
        ),
        select(
            "deployment",
            l.deployment_model,
            l.any,
            &form.deployment,
            DeploymentModel::ALL
                .iter()
                .map(|d| (d.code().to_owned(), d.title().get(lang).to_owned()))
                .collect(),
        ),
        select(
            "sort",
            l.sort,
            s.sort_lowest_level,
            &form.sort,
            vec![
                (SortKey::Name.code().to_owned(), l.sort_name.to_owned()),
                (SortKey::Level.code().to_owned(), l.sort_level.to_owned()),
                (
                    SortKey::Registered.code().to_owned(),
                    l.sort_registered.to_owned(),
                ),
                (
                    SortKey::ValidUntil.code().to_owned(),
                    l.sort_valid_until.to_owned(),
                ),
            ],
        ),
    ];
    EligibleSection {
        q: form.q.clone(),
        selects,
        watched_only: filter.watched_only,
        rows,
        watch_list,
        watch_action: is_procurer(&by.member).then(|| {
            in_lang(
                &format!("/systems/{}/watch", path_segment(&system.id)),
                lang,
            )
        }),
    }
}

/// `POST /systems/{id}/watch`: `service` put on the watch list, or taken off it when `remove`
/// is set; back to the system page's watch list.
pub async fn watch(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let service = fields.get("service").trim().to_owned();
    let outcome = if fields.get("remove").is_empty() {
        actions::watch(&state, &by, &id, &service).await
    } else {
        actions::unwatch(&state, &by, &id, &service).await
    };
    let done = |system: InformationSystem| {
        format!(
            "{}#watch",
            in_lang(&format!("/systems/{}", path_segment(&system.id)), ctx.lang)
        )
    };
    answer_post(
        &ctx,
        outcome,
        done,
        WATCH_FORM,
        fields,
        |sent_back: SentBack| sent_back_page(&state, &ctx, &by, &id, sent_back),
    )
    .await
}
