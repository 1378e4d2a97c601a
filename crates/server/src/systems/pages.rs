//! `/systems`: a procuring organisation's systems with the form to record one; `/systems/{id}`:
//! one system's classification, SLA items, history, eligible services and usages, with the forms
//! to revise it, record a usage and end one. The pages are their readers' own.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use shinrai_domain::classification::classify;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::procurement::{
    InformationItem, InformationSystem, ServiceUsage, SystemDetails, is_procurer,
};
use shinrai_domain::workflow::{Refusal, fields::Problems};

use super::actions::{self, NewUsage};
use super::eligible_section::{EligibleForm, EligibleSection, WATCH_FORM, section};
use crate::registry::LoadedRegistry;
use crate::state::AppState;
use crate::web::comparison_labels::ComparisonLabels;
use crate::web::context::PageContext;
use crate::web::coverage_labels::CoverageLabels;
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, acting, answer_post, bilingual, date_field, failure_page,
    in_lang, optional_date_field, path_segment, private, read_posted, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::system_labels::SystemLabels;
use crate::workflow::{Acting, Failure, Outcome};

/// Rows for kinds of information on the form; enough for a first record without scripts.
const INFORMATION_ROWS: usize = 8;

/// The forms' names on the pages.
const SYSTEM_FORM: &str = "system";
const USAGE_FORM: &str = "usage";
const END_FORM: &str = "end";

fn system_href(id: &str, lang: Lang) -> String {
    in_lang(&format!("/systems/{}", path_segment(id)), lang)
}

/// One row of the form's information table.
struct InformationRow {
    number: usize,
    name_ja: String,
    name_en: String,
    level: String,
}

/// The system form's values: as posted, else the system's, else empty.
struct SystemForm {
    action: String,
    csrf_token: String,
    title: &'static str,
    submit: &'static str,
    problems: Vec<String>,
    name_ja: String,
    name_en: String,
    function_ja: String,
    function_en: String,
    rows: Vec<InformationRow>,
    aggregate: String,
    availability: String,
    models: Vec<(&'static str, bool)>,
}

fn system_form(
    ctx: &PageContext,
    forms: &PageForms,
    system: Option<&InformationSystem>,
    action: String,
    s: &SystemLabels,
) -> SystemForm {
    let posted = forms
        .sent_back
        .as_ref()
        .filter(|sent| sent.form == SYSTEM_FORM)
        .map(|sent| &sent.posted);
    let details = system.map(|system| &system.details);
    let value = |name: &str, kept: Option<String>| match posted {
        Some(fields) => fields.get(name).to_owned(),
        None => kept.unwrap_or_default(),
    };
    let rows = (1..=INFORMATION_ROWS)
        .map(|number| {
            let item = details.and_then(|d| d.information.get(number - 1));
            InformationRow {
                number,
                name_ja: value(&format!("info{number}_ja"), item.map(|i| i.name.ja.clone())),
                name_en: value(&format!("info{number}_en"), item.map(|i| i.name.en.clone())),
                level: value(
                    &format!("c{number}"),
                    item.map(|i| i.confidentiality.to_string()),
                ),
            }
        })
        .collect();
    let models = ServiceModel::ALL
        .into_iter()
        .map(|model| {
            let chosen = match posted {
                Some(fields) => fields.all("model").contains(&model.name()),
                None => details.is_some_and(|d| d.models.contains(&model)),
            };
            (model.name(), chosen)
        })
        .collect();
    SystemForm {
        action,
        csrf_token: ctx.csrf_token(),
        title: if system.is_some() {
            s.revise_title
        } else {
            s.new_title
        },
        submit: if system.is_some() {
            s.save_revision
        } else {
            s.save_new
        },
        problems: forms.problems(SYSTEM_FORM),
        name_ja: value("name_ja", details.map(|d| d.name.ja.clone())),
        name_en: value("name_en", details.map(|d| d.name.en.clone())),
        function_ja: value("function_ja", details.map(|d| d.function.ja.clone())),
        function_en: value("function_en", details.map(|d| d.function.en.clone())),
        rows,
        aggregate: value(
            "aggregate",
            details.and_then(|d| d.aggregate_confidentiality.map(|l| l.to_string())),
        ),
        availability: value("availability", details.map(|d| d.availability.to_string())),
        models,
    }
}

/// A level chosen on the form, or the problem at its field, naming it as the form labels it.
fn level_field(
    problems: &mut Problems,
    fields: &Fields,
    (name, pointer): (&str, &str),
    label: &Bilingual,
) -> Level {
    let text = fields.get(name).trim();
    text.parse::<u8>()
        .ok()
        .and_then(Level::new)
        .unwrap_or_else(|| {
            problems.push(
                pointer,
                "out_of_range",
                Bilingual::new(
                    format!("{}を 1〜3 から選んでください", label.ja),
                    format!("choose {} from 1 to 3", label.en),
                ),
            );
            Level::LOW
        })
}

/// The details the system form describes (rows left empty are skipped).
fn details(fields: &Fields) -> Outcome<SystemDetails> {
    let mut problems = Problems::new();
    let mut information = Vec::new();
    for number in 1..=INFORMATION_ROWS {
        let name = bilingual(fields, &format!("info{number}"));
        let level = fields.get(&format!("c{number}")).trim();
        if name.ja.is_empty() && name.en.is_empty() && level.is_empty() {
            continue;
        }
        let pointer = format!("/information/{}/confidentiality", information.len());
        let label = Bilingual::new(
            format!("情報 {number} の機密性"),
            format!("the confidentiality of information {number}"),
        );
        let field = format!("c{number}");
        let confidentiality = level_field(&mut problems, fields, (&field, &pointer), &label);
        information.push(InformationItem {
            name,
            confidentiality,
        });
    }
    let aggregate = (!fields.get("aggregate").trim().is_empty()).then(|| {
        level_field(
            &mut problems,
            fields,
            ("aggregate", "/aggregate_confidentiality"),
            &Bilingual::new("集約時の機密性", "the confidentiality held together"),
        )
    });
    let availability = level_field(
        &mut problems,
        fields,
        ("availability", "/availability"),
        &Bilingual::new("可用性", "availability"),
    );
    let models = fields
        .all("model")
        .into_iter()
        .filter_map(ServiceModel::from_name)
        .collect();
    problems.finish().map_err(Failure::from)?;
    Ok(SystemDetails {
        name: bilingual(fields, "name"),
        function: bilingual(fields, "function"),
        information,
        aggregate_confidentiality: aggregate,
        availability,
        models,
    })
}

/// A system as the list shows it.
struct SystemRow {
    id: String,
    href: String,
    name: String,
    function: String,
    class: String,
    registry_level: u8,
    updated: String,
}

fn system_row(system: &InformationSystem, lang: Lang) -> SystemRow {
    SystemRow {
        id: system.id.clone(),
        href: system_href(&system.id, lang),
        name: system.details.name.get(lang).to_owned(),
        function: system.details.function.get(lang).to_owned(),
        class: system.class.clone(),
        registry_level: system.registry_level.get(),
        updated: shinrai_domain::date::CalendarDate::from_unix_ms(system.updated_at_ms).to_string(),
    }
}

#[derive(Template)]
#[template(path = "systems.html")]
struct ListPage {
    page: Page,
    s: SystemLabels,
    rows: Vec<SystemRow>,
    levels: Vec<(String, String)>,
    form: Option<SystemForm>,
    usages_href: String,
}

fn level_choices(page: &Page) -> Vec<(String, String)> {
    let l = page.l;
    Level::ALL
        .iter()
        .map(|level| {
            let name = match level.get() {
                1 => l.level_low,
                2 => l.level_middle,
                _ => l.level_high,
            };
            (level.to_string(), format!("{level} — {name}"))
        })
        .collect()
}

async fn render_list(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    forms: PageForms,
) -> Response {
    let systems = match actions::list(state, by).await {
        Ok(systems) => systems,
        Err(failure) => return failure_page(ctx, failure),
    };
    let s = SystemLabels::of(ctx.lang);
    let form = is_procurer(&by.member)
        .then(|| system_form(ctx, &forms, None, in_lang("/systems", ctx.lang), &s));
    let page = ctx.page(s.list_title);
    let view = ListPage {
        rows: systems
            .iter()
            .map(|system| system_row(system, ctx.lang))
            .collect(),
        levels: level_choices(&page),
        usages_href: in_lang("/usages", ctx.lang),
        page,
        form,
        s,
    };
    private(render(&view, forms.status()))
}

/// `GET /systems`.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_list(&state, &ctx, &by, PageForms::default()).await
}

/// `POST /systems`.
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match details(&fields) {
        Ok(details) => actions::create(&state, &by, None, details).await,
        Err(failure) => Err(failure),
    };
    let done = |system: InformationSystem| system_href(&system.id, ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        SYSTEM_FORM,
        fields,
        |sent_back: SentBack| render_list(&state, &ctx, &by, PageForms::with(Some(sent_back))),
    )
    .await
}

/// A registered service as the system page shows it.
pub(super) struct ServiceRow {
    pub(super) id: String,
    pub(super) href: String,
    pub(super) name: String,
    pub(super) provider: String,
    pub(super) level: u8,
    pub(super) models: String,
    pub(super) status: String,
    pub(super) status_code: &'static str,
}

pub(super) fn service_row(registry: &LoadedRegistry, id: &str, lang: Lang) -> ServiceRow {
    match registry.entry(id) {
        Some(entry) => ServiceRow {
            id: entry.id.clone(),
            href: in_lang(&format!("/registry/{}", path_segment(&entry.id)), lang),
            name: entry.service_name.get(lang).to_owned(),
            provider: registry.name_in(&entry.provider, lang).to_owned(),
            level: entry.level.get(),
            models: crate::registry::pages::models_text(entry),
            status: entry.status.title().get(lang).to_owned(),
            status_code: entry.status.code(),
        },
        None => ServiceRow {
            id: id.to_owned(),
            href: in_lang(&format!("/registry/{}", path_segment(id)), lang),
            name: id.to_owned(),
            provider: String::new(),
            level: 0,
            models: String::new(),
            status: String::new(),
            status_code: "unknown",
        },
    }
}

/// A usage as the pages show it.
pub(super) struct UsageRow {
    pub(super) id: String,
    pub(super) organisation: String,
    pub(super) system: String,
    pub(super) system_href: Option<String>,
    pub(super) service: ServiceRow,
    pub(super) from: String,
    pub(super) until: String,
    pub(super) note: String,
    pub(super) in_use: bool,
    pub(super) below_level: bool,
    /// The form to record its last day, while it has none and the reader may.
    pub(super) end_action: Option<String>,
}

pub(super) fn usage_row(
    registry: &LoadedRegistry,
    usage: &ServiceUsage,
    system: Option<&InformationSystem>,
    by: &Acting,
    lang: Lang,
) -> UsageRow {
    let service = service_row(registry, &usage.entry, lang);
    let mine = usage.org == by.member.org_id;
    UsageRow {
        id: usage.id.clone(),
        organisation: registry.name_in(&usage.org, lang).to_owned(),
        system: system.map_or_else(
            || usage.system.clone(),
            |system| system.details.name.get(lang).to_owned(),
        ),
        system_href: mine.then(|| system_href(&usage.system, lang)),
        below_level: system.is_some_and(|system| {
            service.level != 0 && service.level < system.registry_level.get()
        }),
        service,
        from: usage.from.to_string(),
        until: usage.until.map(|day| day.to_string()).unwrap_or_default(),
        note: usage.note.get(lang).to_owned(),
        in_use: usage.in_use_on(by.at.date()),
        end_action: (mine && usage.until.is_none() && is_procurer(&by.member))
            .then(|| in_lang(&format!("/usages/{}/end", path_segment(&usage.id)), lang)),
    }
}

struct UsageForm {
    action: String,
    problems: Vec<String>,
    service: String,
    from: String,
    until: String,
    note_ja: String,
    note_en: String,
}

#[derive(Template)]
#[template(path = "system.html")]
struct SystemPage {
    page: Page,
    s: SystemLabels,
    c: CoverageLabels,
    m: ComparisonLabels,
    compare_action: String,
    system: SystemRow,
    confidentiality: u8,
    availability: u8,
    models: String,
    advice: Vec<String>,
    sla: Vec<(String, String)>,
    history: Vec<(String, String, u8, String)>,
    eligible: EligibleSection,
    watch_problems: Vec<String>,
    usages: Vec<UsageRow>,
    end_problems: Vec<String>,
    csrf_token: String,
    levels: Vec<(String, String)>,
    usage_form: Option<UsageForm>,
    form: Option<SystemForm>,
    list_href: String,
}

pub(super) async fn render_system(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    forms: PageForms,
    filters: Option<&EligibleForm>,
) -> Response {
    let system = match actions::visible(state, by, id).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(ctx, failure),
    };
    let usages = match actions::usages_of_system(state, by, id).await {
        Ok(usages) => usages,
        Err(failure) => return failure_page(ctx, failure),
    };
    let registry = match state.registry.get(&state.store).await {
        Ok(registry) => registry,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let lang = ctx.lang;
    let s = SystemLabels::of(lang);
    let classified = classify(&system.details.case(lang), &state.rule_data.sla_templates);
    let may_write = is_procurer(&by.member);
    let usage_form = may_write.then(|| UsageForm {
        action: in_lang(
            &format!("/systems/{}/usages", path_segment(&system.id)),
            lang,
        ),
        problems: forms.problems(USAGE_FORM),
        service: forms.posted_or(USAGE_FORM, "service", ""),
        from: forms.posted_or(USAGE_FORM, "from", ""),
        until: forms.posted_or(USAGE_FORM, "until", ""),
        note_ja: forms.posted_or(USAGE_FORM, "note_ja", ""),
        note_en: forms.posted_or(USAGE_FORM, "note_en", ""),
    });
    let form = may_write.then(|| {
        system_form(
            ctx,
            &forms,
            Some(&system),
            system_href(&system.id, lang),
            &s,
        )
    });
    let page = ctx.page(format!(
        "{} — {}",
        s.list_title,
        system.details.name.get(lang)
    ));
    let unfiltered = EligibleForm::default();
    let eligible = section(
        &registry,
        &system,
        filters.unwrap_or(&unfiltered),
        by,
        &page,
        &s,
    );
    let view = SystemPage {
        watch_problems: forms.problems(WATCH_FORM),
        confidentiality: classified.confidentiality.get(),
        availability: classified.availability.get(),
        models: if system.details.models.is_empty() {
            s.any_model.to_owned()
        } else {
            system
                .details
                .models
                .iter()
                .map(|m| m.name())
                .collect::<Vec<_>>()
                .join(", ")
        },
        advice: classified
            .advice
            .iter()
            .map(|a| a.message().get(lang).to_owned())
            .collect(),
        sla: classified
            .sla_requirements
            .iter()
            .map(|item| {
                (
                    item.title.get(lang).to_owned(),
                    item.requirement.get(lang).to_owned(),
                )
            })
            .collect(),
        history: system
            .history
            .iter()
            .map(|line| {
                (
                    line.on.to_string(),
                    line.class.clone(),
                    line.registry_level.get(),
                    line.by.clone(),
                )
            })
            .collect(),
        eligible,
        usages: usages
            .iter()
            .map(|usage| usage_row(&registry, usage, Some(&system), by, lang))
            .collect(),
        end_problems: forms.problems(END_FORM),
        csrf_token: ctx.csrf_token(),
        levels: level_choices(&page),
        usage_form,
        form,
        list_href: in_lang("/systems", lang),
        compare_action: format!("/systems/{}/compare", path_segment(&system.id)),
        system: system_row(&system, lang),
        page,
        s,
        c: CoverageLabels::of(lang),
        m: ComparisonLabels::of(lang),
    };
    private(render(&view, forms.status()))
}

/// The system page with a form sent back with its problems.
pub(super) async fn sent_back_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    sent_back: SentBack,
) -> Response {
    render_system(state, ctx, by, id, PageForms::with(Some(sent_back)), None).await
}

/// `GET /systems/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    filters: Result<Query<EligibleForm>, QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    // Values the form never sends are ignored, as an empty choice.
    let filters = filters.map(|Query(form)| form).unwrap_or_default();
    render_system(&state, &ctx, &by, &id, PageForms::default(), Some(&filters)).await
}

/// `POST /systems/{id}`: the revision.
pub async fn revise(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match details(&fields) {
        Ok(details) => actions::revise(&state, &by, &id, details).await,
        Err(failure) => Err(failure),
    };
    let done = |system: InformationSystem| system_href(&system.id, ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        SYSTEM_FORM,
        fields,
        |sent_back: SentBack| sent_back_page(&state, &ctx, &by, &id, sent_back),
    )
    .await
}

/// The usage the form describes.
fn new_usage(fields: &Fields) -> Outcome<NewUsage> {
    let service = fields.get("service").trim().to_owned();
    if service.is_empty() {
        return Err(Failure::from(Refusal::invalid(
            "/service",
            "required",
            Bilingual::new("登録番号を入力してください", "give the registration number"),
        )));
    }
    Ok(NewUsage {
        id: None,
        entry: service,
        from: date_field(fields, "from")?,
        until: optional_date_field(fields, "until")?,
        note: bilingual(fields, "note"),
    })
}

/// `POST /systems/{id}/usages`.
pub async fn record(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match new_usage(&fields) {
        Ok(usage) => match actions::record(&state, &by, &id, usage).await {
            // An unknown registration number is the form's problem, not a missing page.
            Err(Failure::NotFound(_)) => Err(Failure::from(Refusal::invalid(
                "/service",
                "unknown_entry",
                Bilingual::new(
                    format!(
                        "登録番号 {} は登録簿にありません",
                        fields.get("service").trim()
                    ),
                    format!(
                        "registration {} is not in the registry",
                        fields.get("service").trim()
                    ),
                ),
            ))),
            other => other,
        },
        Err(failure) => Err(failure),
    };
    let done = |usage: ServiceUsage| system_href(&usage.system, ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        USAGE_FORM,
        fields,
        |sent_back: SentBack| sent_back_page(&state, &ctx, &by, &id, sent_back),
    )
    .await
}

/// `POST /usages/{id}/end`.
pub async fn end(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let usage = match actions::visible_usage(&state, &by, &id).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let outcome = match date_field(&fields, "until") {
        Ok(until) => actions::end(&state, &by, &id, until).await,
        Err(failure) => Err(failure),
    };
    let done = |usage: ServiceUsage| system_href(&usage.system, ctx.lang);
    let system = usage.system.clone();
    answer_post(
        &ctx,
        outcome,
        done,
        END_FORM,
        fields,
        |sent_back: SentBack| sent_back_page(&state, &ctx, &by, &system, sent_back),
    )
    .await
}
