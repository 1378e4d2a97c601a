//! The registry pages: the list (search, filters, sort, pages, downloads with the same filters)
//! and one entry with everything public about it.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use shinrai_domain::registry::{DeploymentModel, EntryStatus, RegistryEntry, SortKey};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Lang;

use super::api::registry_query;
use super::dependency_picture::{Picture, Service, lay_out};
use super::withdraw_form::WithdrawForm;
use crate::certificates::pages::{CertificateRow, certificate_row};
use crate::change_notices::entry_form::ChangeNoticeForm;
use crate::error::ApiError;
use crate::incidents::entry_form::QuickReportForm;
use crate::registry::LoadedRegistry;
use crate::registry::views::RegistryQueryParams;
use crate::state::AppState;
use crate::web::assurance_labels::AssuranceLabels;
use crate::web::certificate_labels::CertificateLabels;
use crate::web::change_notice_labels::ChangeNoticeLabels;
use crate::web::context::PageContext;
use crate::web::form::{PageForms, in_lang, path_segment};
use crate::web::incident_labels::IncidentLabels;
use crate::web::page::Page;
use crate::web::render;

const PER_PAGE: usize = 20;

/// The list's form, as submitted; every field may be empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Form {
    pub q: String,
    pub level: String,
    pub model: String,
    pub deployment: String,
    pub status: String,
    pub provider: String,
    pub audit_body: String,
    pub sort: String,
    pub page: String,
}

impl Form {
    /// The form as the API's parameters; a value the API would refuse is a 400 here too.
    fn params(&self, lang: Lang) -> Result<RegistryQueryParams, ApiError> {
        let number = |name: &str, text: &str| -> Result<Option<usize>, ApiError> {
            if text.is_empty() {
                return Ok(None);
            }
            text.parse().map(Some).map_err(|_| {
                ApiError::BadRequest(shinrai_domain::text::Bilingual::new(
                    format!("パラメータ {name} は数です"),
                    format!("parameter {name} is a number"),
                ))
            })
        };
        Ok(RegistryQueryParams {
            q: Some(self.q.clone()),
            level: number("level", &self.level)?.map(|l| u8::try_from(l).unwrap_or(u8::MAX)),
            model: Some(self.model.clone()),
            deployment: Some(self.deployment.clone()),
            status: Some(self.status.clone()),
            provider: Some(self.provider.clone()),
            audit_body: Some(self.audit_body.clone()),
            sort: Some(self.sort.clone()),
            lang: Some(lang.code().to_owned()),
            page: number("page", &self.page)?,
            per_page: Some(PER_PAGE),
        })
    }

    /// The filters as query pairs, for links that keep them.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("q", self.q.clone()),
            ("level", self.level.clone()),
            ("model", self.model.clone()),
            ("deployment", self.deployment.clone()),
            ("status", self.status.clone()),
            ("provider", self.provider.clone()),
            ("audit_body", self.audit_body.clone()),
            ("sort", self.sort.clone()),
        ]
    }
}

/// The service models an entry offers, as the pages print them (`IaaS / PaaS`).
pub(crate) fn models_text(entry: &RegistryEntry) -> String {
    entry
        .service_models
        .iter()
        .map(|s| s.model.name())
        .collect::<Vec<_>>()
        .join(" / ")
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct Select {
    pub name: &'static str,
    pub label: &'static str,
    pub options: Vec<Choice>,
}

pub(crate) fn select(
    name: &'static str,
    label: &'static str,
    any: &str,
    current: &str,
    options: Vec<(String, String)>,
) -> Select {
    let mut choices = vec![Choice {
        value: String::new(),
        label: any.to_owned(),
        selected: current.is_empty(),
    }];
    choices.extend(options.into_iter().map(|(value, label)| Choice {
        selected: value == current,
        value,
        label,
    }));
    Select {
        name,
        label,
        options: choices,
    }
}

pub struct Row {
    pub id: String,
    pub href: String,
    pub name: String,
    pub provider: String,
    pub level: u8,
    pub models: String,
    pub status: String,
    pub status_code: &'static str,
    pub valid_until: String,
    /// "renewal under review since …" when one is.
    pub renewal: Option<String>,
    /// "new audit required (apply by …)" while a significant change waits for its audit.
    pub new_audit: Option<String>,
}

/// What the registry says of a renewal under review, applied for on `since`.
fn renewal_text(since: Option<&shinrai_domain::date::CalendarDate>, lang: Lang) -> Option<String> {
    let l = crate::web::Labels::of(lang);
    since.map(|on| format!("{} ({} {on})", l.renewal_under_review, l.renewal_applied_on))
}

#[derive(Template)]
#[template(path = "registry.html")]
struct List {
    page: Page,
    form: Form,
    selects: Vec<Select>,
    total: usize,
    rows: Vec<Row>,
    page_number: usize,
    pages: usize,
    previous: Option<String>,
    next: Option<String>,
    downloads: Vec<(&'static str, String)>,
}

fn selects(page: &Page, form: &Form, registry: &LoadedRegistry, lang: Lang) -> Vec<Select> {
    let l = &page.l;
    let orgs = |ids: Vec<&str>| -> Vec<(String, String)> {
        ids.into_iter()
            .map(|id| (id.to_owned(), registry.name_in(id, lang).to_owned()))
            .collect()
    };
    vec![
        select(
            "level",
            l.level,
            l.any,
            &form.level,
            (1..=3)
                .map(|n| (n.to_string(), format!("{} {n}", l.level)))
                .collect(),
        ),
        select(
            "model",
            l.service_model,
            l.any,
            &form.model,
            ServiceModel::ALL
                .iter()
                .map(|m| (m.name().to_owned(), m.name().to_owned()))
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
            "status",
            l.status,
            l.any,
            &form.status,
            EntryStatus::ALL
                .iter()
                .map(|s| (s.code().to_owned(), s.title().get(lang).to_owned()))
                .collect(),
        ),
        select(
            "provider",
            l.provider,
            l.any,
            &form.provider,
            orgs(registry.index.providers()),
        ),
        select(
            "audit_body",
            l.audit_body,
            l.any,
            &form.audit_body,
            orgs(registry.index.audit_bodies()),
        ),
        select(
            "sort",
            l.sort,
            l.sort_registered,
            if form.sort == SortKey::Registered.code() {
                ""
            } else {
                &form.sort
            },
            vec![
                (SortKey::Name.code().to_owned(), l.sort_name.to_owned()),
                (SortKey::Level.code().to_owned(), l.sort_level.to_owned()),
                (
                    SortKey::ValidUntil.code().to_owned(),
                    l.sort_valid_until.to_owned(),
                ),
            ],
        ),
    ]
}

fn row(
    registry: &LoadedRegistry,
    renewals: &std::collections::BTreeMap<String, shinrai_domain::date::CalendarDate>,
    entry: &RegistryEntry,
    page: &Page,
    lang: Lang,
) -> Row {
    Row {
        renewal: renewal_text(renewals.get(&entry.id), lang),
        new_audit: entry.new_audit_required.as_ref().map(|required| {
            let c = ChangeNoticeLabels::of(lang);
            format!(
                "{} ({} {})",
                c.new_audit_required, c.new_audit_required_by, required.due_on
            )
        }),
        id: entry.id.clone(),
        href: page.href(&format!("/registry/{}", entry.id), &[]),
        name: entry.service_name.get(lang).to_owned(),
        provider: registry.name_in(&entry.provider, lang).to_owned(),
        level: entry.level.get(),
        models: models_text(entry),
        status: entry.status.title().get(lang).to_owned(),
        status_code: entry.status.code(),
        valid_until: entry.valid_until.to_string(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Query<Form>, QueryRejection>,
) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let form = match form {
        Ok(Query(form)) => form,
        Err(rejection) => return crate::web::error_page(lang, &uri, &ApiError::from(rejection)),
    };
    let page = ctx.page(crate::web::Labels::of(lang).registry_title);
    let outcome = async {
        let params = form.params(lang)?;
        let (query, _) = registry_query(&params)?;
        let registry = state.registry.get(&state.store).await?;
        let matches = registry.index.find(&query);
        let renewals = super::renewals::under_review(&state.store).await?;
        Ok::<_, ApiError>((registry, renewals, query.sort, matches))
    }
    .await;
    let (registry, renewals, sort, matches) = match outcome {
        Ok(done) => done,
        Err(error) => return crate::web::error_page(lang, &uri, &error),
    };
    let pages = matches.len().div_ceil(PER_PAGE).max(1);
    let number = form.page.parse::<usize>().unwrap_or(1).clamp(1, pages);
    let rows = registry
        .index
        .page(&matches, sort, lang, (number - 1) * PER_PAGE, PER_PAGE)
        .into_iter()
        .filter_map(|i| registry.entries.get(i))
        .map(|entry| row(&registry, &renewals, entry, &page, lang))
        .collect();
    let link_to = |n: usize| {
        let mut pairs = form.pairs();
        pairs.push(("page", n.to_string()));
        page.href("/registry", &pairs)
    };
    let downloads = ["csv", "json", "xlsx"]
        .into_iter()
        .map(|format| {
            (
                format,
                page.href(&format!("/registry/export/{format}"), &form.pairs()),
            )
        })
        .collect();
    let list = List {
        selects: selects(&page, &form, &registry, lang),
        total: matches.len(),
        rows,
        page_number: number,
        pages,
        previous: (number > 1).then(|| link_to(number - 1)),
        next: (number < pages).then(|| link_to(number + 1)),
        downloads,
        form,
        page,
    };
    render(&list, StatusCode::OK)
}

/// The list's entries as a file, with the filters of the page it was asked from.
pub async fn export(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(format): Path<String>,
    form: Result<Query<Form>, QueryRejection>,
) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let form = match form {
        Ok(Query(form)) => form,
        Err(rejection) => return crate::web::error_page(lang, &uri, &ApiError::from(rejection)),
    };
    let outcome = async {
        let params = form.params(lang)?;
        let (query, _) = registry_query(&params)?;
        let registry = state.registry.get(&state.store).await?;
        let chosen: Vec<&RegistryEntry> = registry
            .index
            .search(&query, lang)
            .into_iter()
            .filter_map(|i| registry.entries.get(i))
            .collect();
        let mut bytes = Vec::new();
        let media = match format.as_str() {
            "csv" => {
                shinrai_formats::registry::write_csv(&chosen, &registry.names, &mut bytes)
                    .map_err(ApiError::internal)?;
                "text/csv; charset=utf-8"
            }
            "json" => {
                shinrai_formats::registry::write_json(&chosen, &registry.names, &mut bytes)
                    .map_err(ApiError::internal)?;
                "application/json"
            }
            "xlsx" => {
                bytes = shinrai_formats::registry::write_xlsx(&chosen, &registry.names)
                    .map_err(ApiError::internal)?;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            _ => return Err(ApiError::not_found()),
        };
        Ok((media, bytes))
    }
    .await;
    match outcome {
        Ok((media, bytes)) => (
            [
                (header::CONTENT_TYPE, media.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"registry.{format}\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => crate::web::error_page(lang, &uri, &error),
    }
}

pub struct Dependency {
    pub id: String,
    pub href: String,
    pub name: String,
    pub level: u8,
    pub status: String,
    pub depth: usize,
}

#[derive(Template)]
#[template(path = "entry.html")]
struct Entry {
    page: Page,
    t: CertificateLabels,
    /// Its provider's other certifications, lapsed and withdrawn ones marked.
    certificates: Vec<CertificateRow>,
    /// The registration's plain account of what it assures: its address and link text.
    assurance: (String, &'static str),
    name: String,
    level: u8,
    status: String,
    status_code: &'static str,
    renewal: Option<String>,
    description: String,
    facts: Vec<(&'static str, String)>,
    scopes: Vec<(&'static str, String)>,
    below: Vec<Dependency>,
    above: Vec<Dependency>,
    picture: Picture,
    statement_scope: String,
    objectives: String,
    subsequent_events: String,
    remarks: String,
    history: Vec<(String, String, String)>,
    notices: Vec<(String, String, String, String)>,
    /// The provider's form to withdraw the registration, for its provider only.
    withdraw: Option<WithdrawForm>,
    /// The operator's form to take a measure, for its administrators only.
    measure: Option<super::measure_form::MeasureForm>,
    /// Since when and why the entry is suspended, shown above everything else.
    suspended: Option<(String, String)>,
    c: ChangeNoticeLabels,
    /// The acknowledged changes: (day, weight, what changed, summary, notice id), oldest first.
    changes: Vec<(String, String, String, String, String)>,
    /// A significant change's new audit still owed: (notice, due day).
    new_audit: Option<(String, String)>,
    /// The provider's form to report a change, for its provider only.
    change_form: Option<ChangeNoticeForm>,
    /// The entry's change notices and incidents, for its provider and the operator's staff.
    change_notices_link: Option<String>,
    incidents_link: Option<String>,
    i: IncidentLabels,
    /// The provider's form to report an incident, for its provider only.
    incident_form: Option<QuickReportForm>,
}

pub async fn entry(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    render_entry(&state, &ctx, &id, PageForms::default()).await
}

/// The entry's page; `forms` holds a form sent back with its problems.
pub async fn render_entry(
    state: &AppState,
    ctx: &PageContext,
    id: &str,
    forms: PageForms,
) -> Response {
    let (lang, uri) = (ctx.lang, ctx.uri.clone());
    let registry = match state.registry.get(&state.store).await {
        Ok(registry) => registry,
        Err(error) => return crate::web::error_page(lang, &uri, &error),
    };
    let Some(entry) = registry.entry(id) else {
        return crate::web::not_found_page(lang, &uri);
    };
    let withdraw = WithdrawForm::for_reader(ctx, entry, &forms);
    let measure = super::measure_form::MeasureForm::for_reader(ctx, entry, &forms);
    let change_form = ChangeNoticeForm::for_reader(ctx, entry, &forms);
    let incident_form = QuickReportForm::for_reader(ctx, entry, &forms);
    let its_party = matches!(&ctx.caller.actor, shinrai_domain::policy::Actor::Member(member)
            if member.is_operator_staff() || member.org_id == entry.provider);
    let listed = |path: &str| {
        its_party.then(|| in_lang(&format!("{path}?entry={}", path_segment(&entry.id)), lang))
    };
    let change_notices_link = listed("/change-notices");
    let incidents_link = listed("/incidents");
    let suspended = (entry.status == EntryStatus::Suspended).then(|| {
        entry
            .history
            .iter()
            .rev()
            .find(|change| change.to == EntryStatus::Suspended)
            .map_or_else(
                || (String::new(), String::new()),
                |change| (change.on.to_string(), change.reason.get(lang).to_owned()),
            )
    });
    let renewal = match super::renewals::under_review(&state.store).await {
        Ok(renewals) => renewal_text(renewals.get(&entry.id), lang),
        Err(error) => return crate::web::error_page(lang, &uri, &ApiError::from(error)),
    };
    let name = entry.service_name.get(lang).to_owned();
    let page = ctx.page(name.clone());
    let l = page.l;
    let dependencies = |reached: Vec<shinrai_domain::registry::Reached>| -> Vec<Dependency> {
        reached
            .into_iter()
            .filter_map(|r| registry.entry(&r.id).map(|e| (r.depth, e)))
            .map(|(depth, e)| Dependency {
                id: e.id.clone(),
                href: page.href(&format!("/registry/{}", e.id), &[]),
                name: e.service_name.get(lang).to_owned(),
                level: e.level.get(),
                status: e.status.title().get(lang).to_owned(),
                depth,
            })
            .collect()
    };
    let reached_below = registry.graph.below(&entry.id);
    let reached_above = registry.graph.above(&entry.id);
    let service = |e: &RegistryEntry| Service {
        id: e.id.clone(),
        href: page.href(&format!("/registry/{}", e.id), &[]),
        name: e.service_name.get(lang).to_owned(),
        level: e.level.get(),
        status_code: e.status.code(),
        built_on: e.built_on.clone(),
    };
    let placed = |reached: &[shinrai_domain::registry::Reached]| -> Vec<(usize, Service)> {
        reached
            .iter()
            .filter_map(|r| registry.entry(&r.id).map(|e| (r.depth, service(e))))
            .collect()
    };
    let picture = lay_out(
        service(entry),
        placed(&reached_below),
        placed(&reached_above),
    );
    let today = shinrai_domain::workflow::Moment::at(state.wall.now_ms()).date();
    let certificates = match crate::certificates::actions::of_entry(state, &entry.id).await {
        Ok(certificates) => certificates
            .iter()
            .map(|certificate| certificate_row(certificate, today, lang))
            .collect(),
        Err(failure) => return crate::web::form::failure_page(ctx, failure),
    };
    let view = Entry {
        t: CertificateLabels::of(lang),
        certificates,
        assurance: (
            in_lang(
                &format!("/registry/{}/assurance", path_segment(&entry.id)),
                lang,
            ),
            AssuranceLabels::of(lang).registration_link,
        ),
        picture,
        level: entry.level.get(),
        status: entry.status.title().get(lang).to_owned(),
        status_code: entry.status.code(),
        renewal,
        description: entry.description.get(lang).to_owned(),
        facts: vec![
            (l.registration_number, entry.id.clone()),
            (
                l.provider,
                registry.name_in(&entry.provider, lang).to_owned(),
            ),
            (l.service_model, models_text(entry)),
            (
                l.deployment_model,
                entry
                    .deployment_models
                    .iter()
                    .map(|d| d.title().get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(" / "),
            ),
            (
                l.audit_body,
                registry.name_in(&entry.audit_body, lang).to_owned(),
            ),
            (
                l.audit_period,
                format!("{} – {}", entry.audit_period.start, entry.audit_period.end),
            ),
            (l.registered_on, entry.registered_on.to_string()),
            (l.valid_until, entry.valid_until.to_string()),
            (l.availability, entry.availability.get(lang).to_owned()),
        ],
        scopes: entry
            .service_models
            .iter()
            .map(|s| (s.model.name(), s.scope.get(lang).to_owned()))
            .collect(),
        below: dependencies(reached_below),
        above: dependencies(reached_above),
        statement_scope: entry.statement.scope.get(lang).to_owned(),
        objectives: entry.statement.objectives.join(", "),
        subsequent_events: entry.statement.subsequent_events.get(lang).to_owned(),
        remarks: entry.remarks.get(lang).to_owned(),
        history: entry
            .history
            .iter()
            .map(|h| {
                (
                    h.on.to_string(),
                    h.to.title().get(lang).to_owned(),
                    h.reason.get(lang).to_owned(),
                )
            })
            .collect(),
        notices: entry
            .notices
            .iter()
            .map(|n| {
                (
                    n.on.to_string(),
                    n.kind.title().get(lang).to_owned(),
                    n.title.get(lang).to_owned(),
                    n.body.get(lang).to_owned(),
                )
            })
            .collect(),
        c: ChangeNoticeLabels::of(lang),
        changes: entry
            .changes
            .iter()
            .map(|c| {
                (
                    c.on.to_string(),
                    c.weight().title().get(lang).to_owned(),
                    c.category.title().get(lang).to_owned(),
                    c.summary.get(lang).to_owned(),
                    c.notice.clone(),
                )
            })
            .collect(),
        new_audit: entry
            .new_audit_required
            .as_ref()
            .map(|required| (required.notice.clone(), required.due_on.to_string())),
        change_form,
        change_notices_link,
        incidents_link,
        i: IncidentLabels::of(lang),
        incident_form,
        name,
        page,
        withdraw,
        measure,
        suspended,
    };
    // The forms are their readers' own: such a page is no one else's to keep.
    if view.withdraw.is_some()
        || view.measure.is_some()
        || view.change_form.is_some()
        || view.change_notices_link.is_some()
    {
        return crate::web::form::private(render(&view, forms.status()));
    }
    render(&view, forms.status())
}
