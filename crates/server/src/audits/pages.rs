//! The provider's audit pages: ordering an audit of a submitted statement from a selected audit
//! body, and an audit's page (status, body, period, signing auditor, the report's hash once
//! signed). Ordering goes through the API's action, so it is the same event in the signed log.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::audit::{Audit, AuditStatus, selected_objectives};
use shinrai_domain::workflow::audit_body::is_auditor_of;
use shinrai_domain::workflow::service::{acts_for_provider, is_provider};
use shinrai_domain::workflow::statement::StatementStatus;
use shinrai_domain::workflow::{NotAllowed, Refusal};

use super::actions::{self, NewAudit};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, failure_page, in_lang, private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::shown::{day_of, organisation_name};
use crate::workflow::{Acting, Outcome};

/// One choice of a select: (value, text, chosen).
pub type Option3 = (String, String, bool);

#[derive(Template)]
#[template(path = "audit_form.html")]
struct OrderPage {
    page: Page,
    w: WorkLabels,
    statements: Vec<Option3>,
    bodies: Vec<Option3>,
    period_start: String,
    period_end: String,
    /// Each kind of audit: its code, its title, whether it is chosen.
    kinds: Vec<Option3>,
    problems: Problems,
}

#[derive(Debug, serde::Deserialize, Default)]
#[serde(default)]
pub struct OrderQuery {
    statement: String,
}

/// What the order form offers: the submitted statements of the provider's services, and the
/// audit bodies selected today.
async fn order_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    chosen: (&str, &str),
    period: (String, String),
    kind: AuditKind,
    problems: Problems,
) -> Outcome<(OrderPage, axum::http::StatusCode)> {
    let lang = ctx.lang;
    let (statement_chosen, body_chosen) = chosen;
    let mut statements = Vec::new();
    for service in state.store.services_of(&by.member.org_id).await? {
        for stored in state.store.statements_of(&service.value.id).await? {
            let statement = stored.value;
            if statement.status == StatementStatus::Submitted {
                statements.push((
                    statement.id.clone(),
                    format!(
                        "{} v{} ({})",
                        service.value.details.name.get(lang),
                        statement.version,
                        statement.id
                    ),
                    statement.id == statement_chosen,
                ));
            }
        }
    }
    let today = by.at.date();
    let mut bodies = Vec::new();
    for record in state.store.audit_body_records().await? {
        if record.value.selected_on(today) {
            let org = record.value.org;
            bodies.push((
                org.clone(),
                organisation_name(state, &org, lang).await,
                org == body_chosen,
            ));
        }
    }
    let w = WorkLabels::of(lang);
    let status = problems.status();
    Ok((
        OrderPage {
            page: ctx.page(w.order_audit),
            w,
            statements,
            bodies,
            period_start: period.0,
            period_end: period.1,
            kinds: AuditKind::ALL
                .into_iter()
                .map(|each| {
                    (
                        each.code().to_owned(),
                        each.title().get(lang).to_owned(),
                        each == kind,
                    )
                })
                .collect(),
            problems,
        },
        status,
    ))
}

fn not_the_provider(ctx: &PageContext) -> Response {
    failure_page(ctx, Refusal::NotAllowed(NotAllowed::NotTheProvider).into())
}

/// `GET /audits/new`: the order form (providers).
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    query: Result<axum::extract::Query<OrderQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    if !is_provider(&by.member) {
        return not_the_provider(&ctx);
    }
    let statement = query.map(|q| q.0.statement).unwrap_or_default();
    let period = (String::new(), String::new());
    match order_page(
        &state,
        &ctx,
        &by,
        (&statement, ""),
        period,
        AuditKind::ThreePhase,
        Problems::none(),
    )
    .await
    {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(&ctx, failure),
    }
}

/// A date field of the form, or its problem.
fn date(fields: &Fields, name: &str, problems: &mut Problems, w: &WorkLabels) -> CalendarDate {
    match CalendarDate::parse(fields.get(name).trim()) {
        Some(date) => date,
        None => {
            problems.field(format!("/{name}"), w.date_expected);
            CalendarDate::from_unix_ms(0)
        }
    }
}

/// `POST /audits/new`: orders the audit and shows it.
pub async fn order(
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
    if !is_provider(&by.member) {
        return not_the_provider(&ctx);
    }
    let w = WorkLabels::of(ctx.lang);
    let mut problems = Problems::none();
    let period_start = date(&fields, "period_start", &mut problems, &w);
    let period_end = date(&fields, "period_end", &mut problems, &w);
    let statement = fields.get("statement").to_owned();
    let audit_body = fields.get("audit_body").to_owned();
    let kind = match fields.get("kind").trim() {
        "" => AuditKind::ThreePhase,
        code => AuditKind::from_code(code).unwrap_or_else(|| {
            problems.field("/kind", w.not_a_choice);
            AuditKind::ThreePhase
        }),
    };
    let again = async |problems: Problems| {
        let period = (
            fields.get("period_start").to_owned(),
            fields.get("period_end").to_owned(),
        );
        match order_page(
            &state,
            &ctx,
            &by,
            (&statement, &audit_body),
            period,
            kind,
            problems,
        )
        .await
        {
            Ok((view, status)) => private(render(&view, status)),
            Err(failure) => failure_page(&ctx, failure),
        }
    };
    if !problems.is_empty() {
        return again(problems).await;
    }
    // The statement names its service; one the provider may not know of is refused at the
    // statement, as the action refuses it.
    let service = match state.store.statement(&statement).await {
        Ok(found) => found.map(|s| s.value.service).unwrap_or_default(),
        Err(error) => return failure_page(&ctx, error.into()),
    };
    let new = NewAudit {
        id: None,
        service,
        statement: statement.clone(),
        audit_body: audit_body.clone(),
        period_start,
        period_end,
        kind,
    };
    match actions::order(&state, &by, new).await {
        Ok(audit) => see_other(&in_lang(&format!("/audits/{}", audit.id), ctx.lang)),
        Err(failure) => match form::shown(&ctx, failure, |pointer| {
            (pointer == "/service").then(|| ("/statement".to_owned(), "/statement".to_owned()))
        }) {
            Shown::Again(problems) => again(problems).await,
            Shown::Page(response) => response,
        },
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    w: WorkLabels,
    audit: Audit,
    status: String,
    kind: String,
    body: String,
    service: String,
    service_href: String,
    statement_href: String,
    signer: Option<String>,
    requested_on: String,
    declined_reason: Option<String>,
    signed: bool,
    apply_href: Option<String>,
    /// The reader is an auditor of the body and the audit waits for its answer.
    may_accept: bool,
    /// The body's auditors who may sign: (user, name).
    signers: Vec<(String, String)>,
    /// The selected objectives with conclusions recorded / to record, for the body.
    objectives: Vec<ObjectiveRow>,
    /// The reader is the named signing auditor and the audit runs.
    may_sign: bool,
    report_href: Option<String>,
    /// The applications resting on the audit the reader may see: (id, address, status).
    applications: Vec<(String, String, String)>,
    csrf_token: String,
    problems: Problems,
    /// The reader may import the conclusions from a spreadsheet: an auditor of the body while
    /// the audit runs; the revision the upload must find.
    may_import: bool,
    revision: i64,
}

/// One selected objective of the audited statement, as the audit body's page lists it.
#[derive(Debug)]
pub struct ObjectiveRow {
    pub id: String,
    pub title: String,
    pub concluded: usize,
    pub total: usize,
    pub href: String,
}

/// `GET /audits/{id}`: the audit as its provider and its body see it.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    audit_page(&state, &ctx, &by, &id, Problems::none()).await
}

/// The audit's page, with `problems` from a form of it when there are some.
pub async fn audit_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    problems: Problems,
) -> Response {
    match audit_view(state, ctx, by, id, problems).await {
        Ok(view) => {
            let status = view.problems.status();
            private(render(&view, status))
        }
        Err(failure) => failure_page(ctx, failure),
    }
}

async fn audit_view(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    problems: Problems,
) -> Outcome<AuditPage> {
    let stored = actions::visible(state, by, id).await?;
    let (audit, revision) = (stored.value, stored.revision);
    let lang = ctx.lang;
    let w = WorkLabels::of(lang);
    let service = state.store.service(&audit.service).await?.map_or_else(
        || audit.service.clone(),
        |s| s.value.details.name.get(lang).to_owned(),
    );
    let signer = match &audit.signing_auditor {
        Some(user) => Some(
            state
                .store
                .user(user)
                .await?
                .map_or_else(|| user.clone(), |u| u.display_name),
        ),
        None => None,
    };
    let signed = audit.status == AuditStatus::Signed;
    let own = acts_for_provider(&by.member, &audit.provider);
    let of_body = is_auditor_of(&by.member, &audit.audit_body);
    let may_accept = of_body && audit.status == AuditStatus::Requested;
    let signers = if may_accept {
        state
            .store
            .auditor_profiles(&audit.audit_body)
            .await?
            .into_iter()
            .map(|stored| stored.value)
            .filter(|profile| profile.may_sign)
            .map(|profile| (profile.user, profile.name.get(lang).to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let objectives =
        if of_body && matches!(audit.status, AuditStatus::InProgress | AuditStatus::Signed) {
            objective_rows(state, &audit, lang).await?
        } else {
            Vec::new()
        };
    let applications = crate::applications::actions::list(state, by, None, Some(&audit.service))
        .await?
        .into_iter()
        .filter(|application| application.audit == audit.id)
        .map(|application| {
            (
                application.id.clone(),
                in_lang(&format!("/applications/{}", application.id), lang),
                application.status.title().get(lang).to_owned(),
            )
        })
        .collect();
    let page = ctx.page(format!("{} {}", w.audit, audit.id));
    Ok(AuditPage {
        applications,
        status: audit.status.title().get(lang).to_owned(),
        kind: audit.kind.title().get(lang).to_owned(),
        body: organisation_name(state, &audit.audit_body, lang).await,
        service,
        service_href: in_lang(&format!("/services/{}", audit.service), lang),
        statement_href: in_lang(&format!("/statements/{}", audit.statement), lang),
        signer,
        requested_on: day_of(audit.requested_at_ms),
        declined_reason: audit
            .declined_reason
            .as_ref()
            .map(|reason| reason.get(lang).to_owned()),
        signed,
        apply_href: (own && signed).then(|| {
            format!(
                "{}&audit={}",
                in_lang("/applications/new", lang),
                crate::web::page::encode(&audit.id)
            )
        }),
        may_accept,
        signers,
        objectives,
        may_sign: audit.status == AuditStatus::InProgress
            && audit.signing_auditor.as_deref() == Some(by.member.user_id.as_str()),
        report_href: signed.then(|| in_lang(&format!("/audits/{}/report", audit.id), lang)),
        csrf_token: page
            .viewer
            .as_ref()
            .map(|v| v.csrf_token.clone())
            .unwrap_or_default(),
        problems,
        may_import: of_body && audit.status == AuditStatus::InProgress,
        revision,
        page,
        w,
        audit,
    })
}

/// The selected objectives of the audited statement with how many of their conclusions (the
/// objective's and its controls') are recorded.
async fn objective_rows(
    state: &AppState,
    audit: &Audit,
    lang: shinrai_domain::text::Lang,
) -> Outcome<Vec<ObjectiveRow>> {
    let Some(statement) = state.store.statement(&audit.statement).await? else {
        return Ok(Vec::new());
    };
    let criteria = crate::workflow::facts::criteria_of(state, &audit.criteria_version).await?;
    let criteria = &criteria.version;
    let statement = statement.value;
    Ok(selected_objectives(&statement, criteria)
        .into_iter()
        .map(|objective| {
            let controls: Vec<&str> = statement
                .content
                .selected
                .iter()
                .filter(|s| {
                    criteria
                        .control(&s.control)
                        .is_some_and(|c| c.objective == objective)
                })
                .map(|s| s.control.as_str())
                .collect();
            let concluded = usize::from(audit.conclusions.objective(objective).is_some())
                + controls
                    .iter()
                    .filter(|c| audit.conclusions.control(c).is_some())
                    .count();
            ObjectiveRow {
                id: objective.to_owned(),
                title: criteria
                    .group(objective)
                    .map_or_else(String::new, |g| g.title.get(lang).to_owned()),
                concluded,
                total: controls.len() + 1,
                href: in_lang(
                    &format!("/audits/{}/conclusions/{objective}", audit.id),
                    lang,
                ),
            }
        })
        .collect())
}
