//! The audit body's form to apply to be selected: its facts, and a fixed number of auditor
//! rows of which the empty ones are left out. The post goes through the API's action, so a
//! refused field comes back beside its row with what was typed kept.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::accounts::OrgKind;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::selection_application::{BodyFacts, DeclaredAuditor};

use super::actions;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    self, Fields, Problems, Shown, acting, failure_page, in_lang, private, see_other, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::work_labels::WorkLabels;
use crate::workflow::Acting;

/// How many auditor rows the form offers.
pub const AUDITOR_ROWS: usize = 5;

/// One auditor row as typed (or empty), with its problems.
#[derive(Default)]
pub struct AuditorRow {
    pub index: usize,
    pub user: String,
    pub name_ja: String,
    pub name_en: String,
    pub qualifications: String,
    pub years: String,
    pub nationality: String,
    pub signing: bool,
    pub problems: Vec<String>,
}

impl AuditorRow {
    fn read(fields: &Fields, index: usize) -> AuditorRow {
        let get = |name: &str| fields.get(&format!("a{index}_{name}")).trim().to_owned();
        AuditorRow {
            index,
            user: get("user"),
            name_ja: get("name_ja"),
            name_en: get("name_en"),
            qualifications: get("qualifications"),
            years: get("years"),
            nationality: get("nationality"),
            signing: fields.has(&format!("a{index}_signing")),
            problems: Vec::new(),
        }
    }

    /// A row with nothing typed in it is no auditor.
    fn is_empty(&self) -> bool {
        [
            &self.user,
            &self.name_ja,
            &self.name_en,
            &self.qualifications,
            &self.years,
            &self.nationality,
        ]
        .iter()
        .all(|text| text.is_empty())
            && !self.signing
    }
}

/// What the form shows: the facts as typed.
#[derive(Default)]
pub struct Typed {
    pub domestic: bool,
    pub quality_ja: String,
    pub quality_en: String,
    pub subcontracting_ja: String,
    pub subcontracting_en: String,
    pub independence: bool,
    pub rows: Vec<AuditorRow>,
}

impl Typed {
    fn empty() -> Typed {
        Typed {
            rows: (0..AUDITOR_ROWS)
                .map(|index| AuditorRow {
                    index,
                    ..AuditorRow::default()
                })
                .collect(),
            ..Typed::default()
        }
    }

    fn read(fields: &Fields) -> Typed {
        let text = |name: &str| fields.get(name).trim().to_owned();
        Typed {
            domestic: fields.has("domestic_registration"),
            quality_ja: text("quality_control_ja"),
            quality_en: text("quality_control_en"),
            subcontracting_ja: text("subcontracting_rules_ja"),
            subcontracting_en: text("subcontracting_rules_en"),
            independence: fields.has("independence_declaration"),
            rows: (0..AUDITOR_ROWS)
                .map(|index| AuditorRow::read(fields, index))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "selection_apply.html")]
struct ApplyPage {
    page: Page,
    w: WorkLabels,
    csrf_token: String,
    org: String,
    body: String,
    /// The body's users: (id, login).
    users: Vec<(String, String)>,
    typed: Typed,
    problems: Problems,
}

/// Whether the one acting belongs to the audit body `org`.
async fn of_the_body(state: &AppState, by: &Acting, org: &str) -> bool {
    by.member.org_id == org
        && matches!(
            state.store.organisation(org).await,
            Ok(Some(found)) if found.kind == OrgKind::AuditBody
        )
}

async fn form_page(
    state: &AppState,
    ctx: &PageContext,
    org: &str,
    mut typed: Typed,
    problems: Problems,
) -> Response {
    let users = match state.store.users(Some(org)).await {
        Ok(users) => users
            .into_iter()
            .filter(|user| !user.disabled)
            .map(|user| (user.id, user.login))
            .collect(),
        Err(error) => return failure_page(ctx, error.into()),
    };
    for row in &mut typed.rows {
        row.problems = problems
            .at(&format!("/auditors/{}", row.index))
            .into_iter()
            .map(str::to_owned)
            .collect();
    }
    let w = WorkLabels::of(ctx.lang);
    let page = ctx.page(w.sel_apply);
    let status = problems.status();
    let view = ApplyPage {
        csrf_token: page
            .viewer
            .as_ref()
            .map(|v| v.csrf_token.clone())
            .unwrap_or_default(),
        body: crate::workflow::shown::organisation_name(state, org, ctx.lang).await,
        page,
        w,
        org: org.to_owned(),
        users,
        typed,
        problems,
    };
    private(render(&view, status))
}

/// `GET /audit-bodies/{org}/apply`: the form (the body's own users; others see no such page).
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(org): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    if !of_the_body(&state, &by, &org).await {
        return crate::web::not_found_page(ctx.lang, &ctx.uri);
    }
    form_page(&state, &ctx, &org, Typed::empty(), Problems::none()).await
}

/// The declared facts, with the form row each declared auditor came from; rows whose years
/// are no number are problems at their field.
fn facts_of(typed: &Typed, lang: Lang, problems: &mut Problems) -> (BodyFacts, Vec<usize>) {
    let mut auditors = Vec::new();
    let mut rows = Vec::new();
    for row in typed.rows.iter().filter(|row| !row.is_empty()) {
        let years = if row.years.is_empty() {
            Some(0)
        } else {
            row.years.parse::<u64>().ok()
        };
        let Some(experience_years) = years else {
            problems.field(
                format!("/auditors/{}/experience_years", row.index),
                WorkLabels::of(lang).sel_not_a_number,
            );
            continue;
        };
        rows.push(row.index);
        auditors.push(DeclaredAuditor {
            user: row.user.clone(),
            name: Bilingual::new(row.name_ja.clone(), row.name_en.clone()),
            qualifications: row
                .qualifications
                .split([',', '、'])
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(str::to_owned)
                .collect(),
            experience_years,
            nationality: row.nationality.clone(),
            signing: row.signing,
        });
    }
    let facts = BodyFacts {
        domestic_registration: typed.domestic,
        quality_control: Bilingual::new(typed.quality_ja.clone(), typed.quality_en.clone()),
        subcontracting_rules: Bilingual::new(
            typed.subcontracting_ja.clone(),
            typed.subcontracting_en.clone(),
        ),
        independence_declaration: typed.independence,
        auditors,
    };
    (facts, rows)
}

/// The form's pointer for the action's `pointer`: a declared auditor's index becomes its row.
fn to_row(pointer: &str, rows: &[usize]) -> Option<(String, String)> {
    let rest = pointer.strip_prefix("/auditors/")?;
    let (index, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let row = rows.get(index.parse::<usize>().ok()?)?;
    let field = if tail.is_empty() {
        format!("/auditors/{row}")
    } else {
        format!("/auditors/{row}/{tail}")
    };
    Some((field.clone(), field))
}

/// `POST /audit-bodies/{org}/apply`: applies and shows the application.
pub async fn apply(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(org): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let fields = match Fields::read(form).and_then(|f| form::check_token(&ctx, &f).map(|()| f)) {
        Ok(fields) => fields,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    if !of_the_body(&state, &by, &org).await {
        return crate::web::not_found_page(ctx.lang, &ctx.uri);
    }
    let typed = Typed::read(&fields);
    let mut problems = Problems::none();
    let (facts, rows) = facts_of(&typed, ctx.lang, &mut problems);
    if !problems.is_empty() {
        problems.status = Some(StatusCode::UNPROCESSABLE_ENTITY);
        return form_page(&state, &ctx, &org, typed, problems).await;
    }
    match actions::apply(&state, &by, &org, facts).await {
        Ok(application) => see_other(&in_lang(
            &format!("/selection-applications/{}", application.id),
            ctx.lang,
        )),
        Err(failure) => match form::shown(&ctx, failure, |pointer| to_row(pointer, &rows)) {
            Shown::Again(problems) => form_page(&state, &ctx, &org, typed, problems).await,
            Shown::Page(response) => response,
        },
    }
}
