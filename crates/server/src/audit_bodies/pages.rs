//! The audit bodies the scheme knows: where each stands today, its selection, the measures
//! taken against it, and the services it has audited for the registry.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::EntryStatus;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::audit_body::{AuditBodyRecord, Measure, MeasureKind, Standing};

use crate::error::ApiError;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{Fields, Problems};
use crate::web::page::Page;
use crate::web::render;
use crate::web::review_labels::ReviewLabels;
use shinrai_domain::workflow::quality_review::public_ratings;

pub struct MeasureRow {
    pub code: &'static str,
    pub kind: String,
    pub on: String,
    pub facts: String,
    pub reason: String,
    /// The day a suspension was lifted, with why; empty otherwise.
    pub lifted: String,
}

/// One year's status report of a body.
pub struct ReportRow {
    pub year: u32,
    pub due_on: String,
    pub state_code: &'static str,
    pub state: String,
}

/// A closed quality review's rating of one of the body's engagements.
pub struct RatingRow {
    pub reviewed_on: String,
    pub review: String,
    pub audit: String,
    pub code: &'static str,
    pub rating: String,
}

pub struct AuditBodyRow {
    pub id: String,
    pub name: String,
    pub standing: String,
    pub standing_code: &'static str,
    pub selection_period: String,
    pub measures: Vec<MeasureRow>,
    pub reports: Vec<ReportRow>,
    pub ratings: Vec<RatingRow>,
    pub audited: usize,
    pub registered: usize,
    pub href: String,
    pub services: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "audit_bodies.html")]
struct AuditBodies {
    page: Page,
    r: ReviewLabels,
    bodies: Vec<AuditBodyRow>,
    /// For an administrator of the operator: the measures to choose from (code, title), and
    /// the token the form sends back; empty for everyone else.
    measure_kinds: Vec<(&'static str, String)>,
    csrf_token: String,
    today: String,
    /// A measure form sent back with problems: shown again beside that body's form.
    refused: Option<RefusedMeasure>,
}

/// The measure form of one body as it was sent, with what was wrong with it.
pub struct RefusedMeasure {
    pub org: String,
    pub problems: Problems,
    /// The fields as sent, by name.
    pub posted: Fields,
}

impl AuditBodies {
    /// The problems at `pointer` of `org`'s form, when it is the one sent back.
    fn problems_at(&self, org: &str, pointer: &str) -> Vec<String> {
        self.refused
            .as_ref()
            .filter(|refused| refused.org == org)
            .map(|refused| {
                refused
                    .problems
                    .at(pointer)
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What `org`'s form shows in `name`: the value sent back, else `default`.
    fn posted_or(&self, org: &str, name: &str, default: &str) -> String {
        self.refused
            .as_ref()
            .filter(|refused| refused.org == org)
            .map_or_else(
                || default.to_owned(),
                |refused| refused.posted.get(name).to_owned(),
            )
    }

    /// The whole-form problems of `org`'s form (a stale page, a state that refuses it).
    fn form_problems(&self, org: &str) -> Vec<String> {
        self.refused
            .as_ref()
            .filter(|refused| refused.org == org)
            .map(|refused| {
                refused
                    .problems
                    .list
                    .iter()
                    .filter(|problem| problem.field.is_empty())
                    .map(|problem| problem.message.clone())
                    .collect()
            })
            .unwrap_or_default()
    }
}

pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Response {
    render_list(&state, &ctx, None).await
}

/// The audit bodies' page, with a refused measure form shown again when there is one.
pub async fn render_list(
    state: &AppState,
    ctx: &PageContext,
    refused: Option<RefusedMeasure>,
) -> Response {
    let page = ctx.page(ctx.labels().audit_bodies_title);
    let administrator =
        crate::web::form::acting(ctx, state).is_some_and(|by| by.member.has(Role::OperatorAdmin));
    let measure_kinds = if administrator {
        MeasureKind::ALL
            .into_iter()
            .map(|kind| (kind.code(), kind.title().get(page.language).to_owned()))
            .collect()
    } else {
        Vec::new()
    };
    let csrf_token = page
        .viewer
        .as_ref()
        .map(|viewer| viewer.csrf_token.clone())
        .unwrap_or_default();
    let lang = page.language;
    let today = CalendarDate::from_unix_ms(state.wall.now_ms());
    let outcome = async {
        let registry = state.registry.get(&state.store).await?;
        let organisations = state.store.organisations().await?;
        let records = state.store.audit_body_records().await?;
        let reviews: Vec<_> = state
            .store
            .quality_reviews()
            .await?
            .into_iter()
            .map(|stored| stored.value)
            .collect();
        Ok::<_, ApiError>((registry, organisations, records, reviews))
    }
    .await;
    let (registry, organisations, records, reviews) = match outcome {
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
            let record = records
                .iter()
                .find(|r| r.value.org == org.id)
                .map(|r| &r.value);
            let standing = record.map(|record| record.standing_on(today));
            AuditBodyRow {
                standing: standing.map_or_else(
                    || page.l.not_selected_yet.to_owned(),
                    |standing| standing.title().get(lang).to_owned(),
                ),
                standing_code: standing.map_or("none", standing_code),
                selection_period: record.map_or_else(String::new, |record| {
                    format!("{} – {}", record.valid_from, record.valid_until)
                }),
                measures: record.map_or_else(Vec::new, |record| {
                    record
                        .measures
                        .iter()
                        .map(|m| measure_row(m, lang))
                        .collect()
                }),
                reports: record.map_or_else(Vec::new, |record| report_rows(record, today, lang)),
                ratings: public_ratings(&reviews, &org.id)
                    .into_iter()
                    .map(|rated| RatingRow {
                        reviewed_on: rated.reviewed_on.to_string(),
                        review: rated.review,
                        audit: rated.audit,
                        code: rated.rating.code(),
                        rating: rated.rating.title().get(lang).to_owned(),
                    })
                    .collect(),
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
    let administrator = !measure_kinds.is_empty();
    let view = AuditBodies {
        r: ReviewLabels::of(lang),
        page,
        bodies,
        measure_kinds,
        csrf_token,
        today: today.to_string(),
        refused,
    };
    let status = view
        .refused
        .as_ref()
        .map_or(StatusCode::OK, |refused| refused.problems.status());
    // The administrator's page carries a form token: it is theirs alone.
    let response = render(&view, status);
    if administrator {
        crate::web::form::private(response)
    } else {
        response
    }
}

fn standing_code(standing: Standing) -> &'static str {
    match standing {
        Standing::Selected => "selected",
        Standing::NotYetSelected => "not_yet_selected",
        Standing::Lapsed => "lapsed",
        Standing::Suspended { .. } => "suspended",
        Standing::Revoked { .. } => "revoked",
        Standing::Recorded(status) => status.name(),
    }
}

fn measure_row(measure: &Measure, lang: Lang) -> MeasureRow {
    let lifted = match (&measure.lifted_on, &measure.lift_reason) {
        (Some(on), Some(why)) => format!("{on}: {}", why.get(lang)),
        (Some(on), None) => on.to_string(),
        _ => String::new(),
    };
    MeasureRow {
        code: measure.kind.code(),
        kind: measure.kind.title().get(lang).to_owned(),
        on: measure.on.to_string(),
        facts: measure.facts.get(lang).to_owned(),
        reason: measure.reason.get(lang).to_owned(),
        lifted,
    }
}

fn report_rows(record: &AuditBodyRecord, today: CalendarDate, lang: Lang) -> Vec<ReportRow> {
    record
        .reports_due(today)
        .into_iter()
        .map(|due| ReportRow {
            year: due.year,
            due_on: due.due_on.to_string(),
            state_code: due.state.code(),
            state: due.state.title().get(lang).to_owned(),
        })
        .collect()
}
