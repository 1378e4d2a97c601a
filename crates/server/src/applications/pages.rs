//! The provider's application pages: applying for registration (new or renewal) with a signed
//! audit report, and an application's page (status, decision, the registry entry it wrote).
//! Applying goes through the API's action, so it is the same event in the signed log.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::workflow::application::ApplicationKind;
use shinrai_domain::workflow::audit::AuditStatus;
use shinrai_domain::workflow::service::is_provider;
use shinrai_domain::workflow::{NotAllowed, Refusal};

use super::actions::{self, NewApplication};
use crate::audits::pages::Option3;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, failure_page, in_lang, private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::{Acting, Outcome};

const KINDS: [ApplicationKind; 2] = [ApplicationKind::New, ApplicationKind::Renewal];

#[derive(Template)]
#[template(path = "application_form.html")]
struct ApplyPage {
    page: Page,
    w: WorkLabels,
    audits: Vec<Option3>,
    kinds: Vec<Option3>,
    problems: Problems,
}

#[derive(Debug, serde::Deserialize, Default)]
#[serde(default)]
pub struct ApplyQuery {
    audit: String,
}

/// The form offers the signed audits of the provider's services.
async fn apply_page(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    chosen: (&str, &str),
    problems: Problems,
) -> Outcome<(ApplyPage, axum::http::StatusCode)> {
    let lang = ctx.lang;
    let (audit_chosen, kind_chosen) = chosen;
    let mut audits = Vec::new();
    for service in state.store.services_of(&by.member.org_id).await? {
        for stored in state.store.audits_of_service(&service.value.id).await? {
            let audit = stored.value;
            if audit.status == AuditStatus::Signed {
                audits.push((
                    audit.id.clone(),
                    format!(
                        "{} — {} ({} – {})",
                        service.value.details.name.get(lang),
                        audit.id,
                        audit.period.start,
                        audit.period.end
                    ),
                    audit.id == audit_chosen,
                ));
            }
        }
    }
    let w = WorkLabels::of(lang);
    let status = problems.status();
    Ok((
        ApplyPage {
            page: ctx.page(w.apply),
            w,
            audits,
            kinds: KINDS
                .into_iter()
                .map(|kind| {
                    (
                        kind.code().to_owned(),
                        kind.title().get(lang).to_owned(),
                        kind.code() == kind_chosen,
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

/// `GET /applications/new`: the application form (providers).
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    query: Result<axum::extract::Query<ApplyQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    if !is_provider(&by.member) {
        return not_the_provider(&ctx);
    }
    let audit = query.map(|q| q.0.audit).unwrap_or_default();
    match apply_page(&state, &ctx, &by, (&audit, ""), Problems::none()).await {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(&ctx, failure),
    }
}

/// `POST /applications/new`: applies and shows the application.
pub async fn apply(
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
    let audit = fields.get("audit").to_owned();
    let kind_code = fields.get("kind").to_owned();
    let again = async |problems: Problems| match apply_page(
        &state,
        &ctx,
        &by,
        (&audit, &kind_code),
        problems,
    )
    .await
    {
        Ok((view, status)) => private(render(&view, status)),
        Err(failure) => failure_page(&ctx, failure),
    };
    let Some(kind) = ApplicationKind::from_code(&kind_code) else {
        let mut problems = Problems::none();
        problems.field("/kind", WorkLabels::of(ctx.lang).choose_kind);
        return again(problems).await;
    };
    // The audit names its service; one the provider may not know of is refused at the audit.
    let service = match state.store.audit(&audit).await {
        Ok(found) => found.map(|a| a.value.service).unwrap_or_default(),
        Err(error) => return failure_page(&ctx, error.into()),
    };
    let new = NewApplication {
        id: None,
        service,
        audit: audit.clone(),
        kind,
    };
    match actions::apply(&state, &by, new).await {
        Ok(application) => see_other(&in_lang(
            &format!("/applications/{}", application.id),
            ctx.lang,
        )),
        Err(failure) => match form::shown(&ctx, failure, |pointer| {
            (pointer == "/service").then(|| ("/audit".to_owned(), "/audit".to_owned()))
        }) {
            Shown::Again(problems) => again(problems).await,
            Shown::Page(response) => response,
        },
    }
}

/// `GET /applications/{id}`: the application as the reader's part in it sees it.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let empty = (String::new(), String::new(), String::new());
    super::page::application_page(&state, &ctx, &by, &id, Problems::none(), empty).await
}
