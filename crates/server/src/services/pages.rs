//! The service pages: describing a new service, reading one with its statements, audits and
//! applications, editing it, and starting the next version of its statement. Each change goes
//! through the same action as the API's, so it is the same event in the signed log.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::criteria::Status;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{DeploymentModel, ModelScope};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::service::{Service, ServiceDetails, acts_for_provider, is_provider};
use shinrai_domain::workflow::statement::StatementStatus;
use shinrai_domain::workflow::{NotAllowed, Refusal};

use super::actions::{self, NewService};
use crate::certificates::pages::{CertificateRow, certificate_row};
use crate::state::AppState;
use crate::statements::actions::NewVersion;
use crate::web::certificate_labels::CertificateLabels;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, bilingual, failure_page, in_lang, lines, path_segment,
    private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::shown::{day_of, entry_of, organisation_name};
use crate::workflow::{Acting, Failure, Outcome, facts};

/// One service model as the form offers it.
#[derive(Debug)]
pub struct ModelChoice {
    pub code: &'static str,
    pub checked: bool,
    pub scope_ja: String,
    pub scope_en: String,
}

/// One deployment model as the form offers it.
#[derive(Debug)]
pub struct Choice {
    pub code: &'static str,
    pub title: String,
    pub checked: bool,
}

/// What the service form shows: the stored service, or the input as sent.
#[derive(Debug)]
pub struct ServiceForm {
    pub name_ja: String,
    pub name_en: String,
    pub description_ja: String,
    pub description_en: String,
    pub scope_ja: String,
    pub scope_en: String,
    pub availability_ja: String,
    pub availability_en: String,
    pub models: Vec<ModelChoice>,
    pub deployments: Vec<Choice>,
    pub built_on: String,
    pub evaluated: String,
}

impl ServiceForm {
    fn of(details: Option<&ServiceDetails>, lang: Lang) -> ServiceForm {
        let text = |pick: fn(&ServiceDetails) -> &shinrai_domain::text::Bilingual| {
            details.map_or((String::new(), String::new()), |d| {
                let t = pick(d);
                (t.ja.clone(), t.en.clone())
            })
        };
        let (name_ja, name_en) = text(|d| &d.name);
        let (description_ja, description_en) = text(|d| &d.description);
        let (scope_ja, scope_en) = text(|d| &d.scope);
        let (availability_ja, availability_en) = text(|d| &d.availability);
        ServiceForm {
            name_ja,
            name_en,
            description_ja,
            description_en,
            scope_ja,
            scope_en,
            availability_ja,
            availability_en,
            models: ServiceModel::ALL
                .into_iter()
                .map(|model| {
                    let scope = details
                        .and_then(|d| d.service_models.iter().find(|s| s.model == model))
                        .map(|s| &s.scope);
                    ModelChoice {
                        code: model.name(),
                        checked: scope.is_some(),
                        scope_ja: scope.map(|s| s.ja.clone()).unwrap_or_default(),
                        scope_en: scope.map(|s| s.en.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
            deployments: DeploymentModel::ALL
                .into_iter()
                .map(|model| Choice {
                    code: model.code(),
                    title: model.title().get(lang).to_owned(),
                    checked: details.is_some_and(|d| d.deployment_models.contains(&model)),
                })
                .collect(),
            built_on: details.map(|d| d.built_on.join("\n")).unwrap_or_default(),
            evaluated: details
                .map(|d| d.underlying_evaluated_in_audit.join("\n"))
                .unwrap_or_default(),
        }
    }

    /// The form as posted, shown again when it has problems.
    fn posted(fields: &Fields, lang: Lang) -> ServiceForm {
        let mut form = ServiceForm::of(None, lang);
        form.name_ja = fields.get("name_ja").to_owned();
        form.name_en = fields.get("name_en").to_owned();
        form.description_ja = fields.get("description_ja").to_owned();
        form.description_en = fields.get("description_en").to_owned();
        form.scope_ja = fields.get("scope_ja").to_owned();
        form.scope_en = fields.get("scope_en").to_owned();
        form.availability_ja = fields.get("availability_ja").to_owned();
        form.availability_en = fields.get("availability_en").to_owned();
        let models = fields.all("model");
        for choice in &mut form.models {
            choice.checked = models.contains(&choice.code);
            choice.scope_ja = fields.get(&format!("scope_{}_ja", choice.code)).to_owned();
            choice.scope_en = fields.get(&format!("scope_{}_en", choice.code)).to_owned();
        }
        let deployments = fields.all("deployment");
        for choice in &mut form.deployments {
            choice.checked = deployments.contains(&choice.code);
        }
        form.built_on = fields.get("built_on").to_owned();
        form.evaluated = fields.get("evaluated").to_owned();
        form
    }
}

/// The details a posted service form says; the domain checks them.
fn details_from(fields: &Fields) -> ServiceDetails {
    let models = fields.all("model");
    ServiceDetails {
        name: bilingual(fields, "name"),
        description: bilingual(fields, "description"),
        service_models: ServiceModel::ALL
            .into_iter()
            .filter(|model| models.contains(&model.name()))
            .map(|model| ModelScope {
                model,
                scope: bilingual(fields, &format!("scope_{}", model.name())),
            })
            .collect(),
        deployment_models: fields
            .all("deployment")
            .into_iter()
            .filter_map(DeploymentModel::from_code)
            .collect(),
        built_on: lines(fields.get("built_on")),
        underlying_evaluated_in_audit: lines(fields.get("evaluated")),
        scope: bilingual(fields, "scope"),
        availability: bilingual(fields, "availability"),
    }
}

/// The domain's pointers into the details as the form's fields: a service model by its name
/// rather than its place among those checked.
fn form_field(details: &ServiceDetails) -> impl Fn(&str) -> Option<(String, String)> + '_ {
    move |pointer: &str| {
        let rest = pointer.strip_prefix("/service_models/")?;
        let (index, tail) = rest.split_once('/').unwrap_or((rest, ""));
        let model = details.service_models.get(index.parse::<usize>().ok()?)?;
        let field = format!("/service_models/{}/{tail}", model.model.name());
        let field = field.trim_end_matches('/').to_owned();
        Some((field.clone(), field))
    }
}

#[derive(Template)]
#[template(path = "service_form.html")]
struct ServiceFormPage {
    page: Page,
    w: WorkLabels,
    action: String,
    revision: String,
    form: ServiceForm,
    problems: Problems,
}

fn form_page(
    ctx: &PageContext,
    title: &str,
    action: String,
    revision: String,
    form: ServiceForm,
    problems: Problems,
) -> Response {
    let status = problems.status();
    private(render(
        &ServiceFormPage {
            page: ctx.page(title),
            w: WorkLabels::of(ctx.lang),
            action,
            revision,
            form,
            problems,
        },
        status,
    ))
}

fn not_the_provider(ctx: &PageContext) -> Response {
    failure_page(ctx, Refusal::NotAllowed(NotAllowed::NotTheProvider).into())
}

/// `GET /services/new`: the form for a new service (providers).
pub async fn new_form(State(state): State<AppState>, ctx: PageContext) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    if !is_provider(&by.member) {
        return not_the_provider(&ctx);
    }
    let w = WorkLabels::of(ctx.lang);
    form_page(
        &ctx,
        w.new_service_title,
        in_lang("/services/new", ctx.lang),
        String::new(),
        ServiceForm::of(None, ctx.lang),
        Problems::none(),
    )
}

/// `POST /services/new`: creates the service and shows it.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let fields = match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
        Ok(fields) => fields,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let details = details_from(&fields);
    let new = NewService {
        id: None,
        details: details.clone(),
    };
    match actions::create(&state, &by, new).await {
        Ok(service) => see_other(&in_lang(&format!("/services/{}", service.id), ctx.lang)),
        Err(failure) => match form::shown(&ctx, failure, form_field(&details)) {
            Shown::Again(problems) => form_page(
                &ctx,
                WorkLabels::of(ctx.lang).new_service_title,
                in_lang("/services/new", ctx.lang),
                String::new(),
                ServiceForm::posted(&fields, ctx.lang),
                problems,
            ),
            Shown::Page(response) => response,
        },
    }
}

/// `GET /services/{id}/edit`: the form filled with what the service says now.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let stored = match actions::visible(&state, &by, &id).await {
        Ok(stored) => stored,
        Err(failure) => return failure_page(&ctx, failure),
    };
    if !acts_for_provider(&by.member, &stored.value.provider) {
        return not_the_provider(&ctx);
    }
    form_page(
        &ctx,
        WorkLabels::of(ctx.lang).edit_service_title,
        in_lang(&format!("/services/{id}/edit"), ctx.lang),
        stored.revision.to_string(),
        ServiceForm::of(Some(&stored.value.details), ctx.lang),
        Problems::none(),
    )
}

/// `POST /services/{id}/edit`: saves the change unless someone saved after the form was read.
pub async fn edit(
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
    let details = details_from(&fields);
    let outcome = actions::edit(&state, &by, &id, details.clone(), fields.revision()).await;
    match outcome {
        Ok(service) => see_other(&in_lang(&format!("/services/{}", service.id), ctx.lang)),
        Err(failure) => match form::shown(&ctx, failure, form_field(&details)) {
            Shown::Again(problems) => form_page(
                &ctx,
                WorkLabels::of(ctx.lang).edit_service_title,
                in_lang(&format!("/services/{id}/edit"), ctx.lang),
                fields.get("revision").to_owned(),
                ServiceForm::posted(&fields, ctx.lang),
                problems,
            ),
            Shown::Page(response) => response,
        },
    }
}

#[derive(Debug)]
pub struct Row {
    pub id: String,
    pub href: String,
    pub cells: Vec<String>,
    /// A next step offered on the row: (label, address).
    pub act: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage {
    page: Page,
    w: WorkLabels,
    service: Service,
    name: String,
    description: String,
    scope: String,
    availability: String,
    models: Vec<(String, String)>,
    deployments: String,
    built_on: String,
    own: bool,
    statements: Vec<Row>,
    audits: Vec<Row>,
    applications: Vec<Row>,
    entry: Option<(String, String, String)>,
    criteria: Vec<(String, String)>,
    next_criteria: String,
    /// Each level, and whether the form offers it first.
    levels: Vec<(u8, bool)>,
    problems: Problems,
    csrf_token: String,
    /// Who the annexes are shared with, for the provider.
    annexes: Option<super::annex_page::AnnexSection>,
    t: CertificateLabels,
    certificates: Vec<CertificateRow>,
    /// The form to declare one, for the provider.
    declare_href: Option<String>,
}

/// `GET /services/{id}`: the service, its statements, audits and applications.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    service_page(&state, &ctx, &id, Problems::none()).await
}

/// The service page with a form's problems.
pub(super) async fn page_with_problems(
    state: &AppState,
    ctx: &PageContext,
    id: &str,
    problems: Problems,
) -> Response {
    service_page(state, ctx, id, problems).await
}

async fn service_page(
    state: &AppState,
    ctx: &PageContext,
    id: &str,
    problems: Problems,
) -> Response {
    let Some(by) = acting(ctx, state) else {
        return to_sign_in(ctx);
    };
    match service_view(state, ctx, &by, id, problems).await {
        Ok(view) => {
            let status = view.problems.status();
            private(render(&view, status))
        }
        Err(failure) => failure_page(ctx, failure),
    }
}

async fn service_view(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    problems: Problems,
) -> Outcome<ServicePage> {
    let service = actions::visible(state, by, id).await?.value;
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let own = acts_for_provider(&by.member, &service.provider);
    let statements = state.store.statements_of(&service.id).await?;
    let audits = state.store.audits_of_service(&service.id).await?;
    let applications = state.store.applications_of_service(&service.id).await?;
    let registry = facts::registry(state).await?;
    let page = ctx.page(service.details.name.get(lang));
    let statement_rows = statements
        .iter()
        .rev()
        .map(|stored| {
            let s = &stored.value;
            let submitted = s.status == StatementStatus::Submitted;
            Row {
                id: s.id.clone(),
                href: in_lang(&format!("/statements/{}", s.id), lang),
                cells: vec![
                    format!("v{}", s.version),
                    status_title(s.status, &w).to_owned(),
                    s.criteria_version.clone(),
                    s.target_level.get().to_string(),
                ],
                act: (own && submitted).then(|| {
                    (
                        w.order_audit.to_owned(),
                        page.href("/audits/new", &[("statement", s.id.clone())]),
                    )
                }),
            }
        })
        .collect();
    let mut audit_rows = Vec::new();
    for stored in audits.iter().rev() {
        let a = &stored.value;
        let signed = a.status == shinrai_domain::workflow::audit::AuditStatus::Signed;
        audit_rows.push(Row {
            id: a.id.clone(),
            href: in_lang(&format!("/audits/{}", a.id), lang),
            cells: vec![
                a.status.title().get(lang).to_owned(),
                organisation_name(state, &a.audit_body, lang).await,
                format!("{} – {}", a.period.start, a.period.end),
                a.statement.clone(),
            ],
            act: (own && signed).then(|| {
                (
                    w.apply.to_owned(),
                    page.href("/applications/new", &[("audit", a.id.clone())]),
                )
            }),
        });
    }
    let application_rows = applications
        .iter()
        .rev()
        .map(|stored| {
            let a = &stored.value;
            Row {
                id: a.id.clone(),
                href: in_lang(&format!("/applications/{}", a.id), lang),
                cells: vec![
                    a.kind.title().get(lang).to_owned(),
                    a.status.title().get(lang).to_owned(),
                    day_of(a.submitted_at_ms),
                    a.audit.clone(),
                ],
                act: None,
            }
        })
        .collect();
    let entry = entry_of(&registry.entries, &service.id).map(|entry| {
        (
            in_lang(&format!("/registry/{}", entry.id), lang),
            entry.status.title().get(lang).to_owned(),
            entry.valid_until.to_string(),
        )
    });
    let latest = statements.last().map(|stored| &stored.value);
    let criteria: Vec<(String, String)> = state
        .store
        .criteria_list()
        .await?
        .into_iter()
        .filter(|v| v.status == Status::Published)
        .map(|v| {
            let title = format!("{} ({})", v.title.get(lang), v.version);
            (v.version, title)
        })
        .collect();
    let next_criteria = latest
        .map(|s| s.criteria_version.clone())
        .or_else(|| criteria.last().map(|(version, _)| version.clone()))
        .unwrap_or_default();
    let details = &service.details;
    let annexes = if own {
        Some(super::annex_page::section(state, &service, lang).await?)
    } else {
        None
    };
    let certificates = state
        .store
        .certificates_of(&service.id)
        .await?
        .iter()
        .map(|stored| certificate_row(&stored.value, by.at.date(), lang))
        .collect();
    Ok(ServicePage {
        annexes,
        t: CertificateLabels::of(lang),
        certificates,
        declare_href: own.then(|| {
            in_lang(
                &format!("/services/{}/certificates/new", path_segment(&service.id)),
                lang,
            )
        }),
        w,
        name: details.name.get(lang).to_owned(),
        description: details.description.get(lang).to_owned(),
        scope: details.scope.get(lang).to_owned(),
        availability: details.availability.get(lang).to_owned(),
        models: details
            .service_models
            .iter()
            .map(|s| (s.model.name().to_owned(), s.scope.get(lang).to_owned()))
            .collect(),
        deployments: details
            .deployment_models
            .iter()
            .map(|m| m.title().get(lang).to_owned())
            .collect::<Vec<_>>()
            .join(", "),
        built_on: details.built_on.join(", "),
        own,
        statements: statement_rows,
        audits: audit_rows,
        applications: application_rows,
        entry,
        criteria,
        next_criteria,
        levels: Level::ALL
            .iter()
            .map(|level| {
                let next = latest.map_or(1, |s| s.target_level.get());
                (level.get(), level.get() == next)
            })
            .collect(),
        problems,
        csrf_token: page
            .viewer
            .as_ref()
            .map(|v| v.csrf_token.clone())
            .unwrap_or_default(),
        page,
        service,
    })
}

pub fn status_title(status: StatementStatus, w: &WorkLabels) -> &'static str {
    match status {
        StatementStatus::Draft => w.statement_draft,
        StatementStatus::Submitted => w.statement_submitted,
    }
}

/// `POST /services/{id}/statements`: starts the next version, a copy of the latest, and shows
/// it with its differences from that one.
pub async fn start_statement(
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
    let level = fields
        .get("target_level")
        .parse::<u8>()
        .ok()
        .and_then(Level::new);
    let Some(target_level) = level else {
        let mut problems = Problems::none();
        problems.field("/target_level", WorkLabels::of(ctx.lang).level_out_of_range);
        return service_page(&state, &ctx, &id, problems).await;
    };
    let new = NewVersion {
        id: None,
        criteria_version: fields.get("criteria_version").to_owned(),
        target_level,
    };
    match crate::statements::actions::start(&state, &by, &id, new).await {
        Ok(statement) => see_other(&in_lang(&format!("/statements/{}", statement.id), ctx.lang)),
        Err(failure @ Failure::NotFound(_)) => failure_page(&ctx, failure),
        Err(failure) => match form::shown(&ctx, failure, |_| None) {
            Shown::Again(problems) => service_page(&state, &ctx, &id, problems).await,
            Shown::Page(response) => response,
        },
    }
}
