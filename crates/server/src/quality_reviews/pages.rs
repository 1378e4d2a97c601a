//! `/quality-reviews`: the operator's reviews (an administrator opens one from here and closes
//! it; the staff rate each drawn engagement) and, for an audit body, the reviews of its own
//! engagements. A refused form comes back with its problems and the input as sent.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::registry::Period;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::quality_review::{QualityReview, ReviewRating, ReviewStatus};

use super::actions::{self, Opening};
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::field_values::{Reading, day, number};
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, acting, answer_post, bilingual, failure_page, in_lang,
    path_segment, private, read_posted, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::web::review_labels::ReviewLabels;
use crate::workflow::{Acting, Failure};

struct ReviewRow {
    id: String,
    href: String,
    period: String,
    status_code: &'static str,
    status: String,
    eligible: usize,
    drawn: usize,
}

#[derive(Template)]
#[template(path = "quality_reviews.html")]
struct ListPage {
    page: Page,
    r: ReviewLabels,
    reviews: Vec<ReviewRow>,
    administrator: bool,
    csrf_token: String,
    forms: PageForms,
}

struct EngagementRow {
    audit: String,
    audit_body: String,
    signed_on: String,
    papers_href: String,
    rating_code: &'static str,
    rating: String,
    findings: String,
    reviewed_on: String,
}

#[derive(Template)]
#[template(path = "quality_review.html")]
struct ReviewPage {
    page: Page,
    r: ReviewLabels,
    id: String,
    period: String,
    status_code: &'static str,
    status: String,
    asked: u64,
    eligible: usize,
    seed: String,
    seed_from: String,
    engagements: Vec<EngagementRow>,
    /// The staff rate while the review is drawn; an administrator draws and closes.
    may_rate: bool,
    may_close: bool,
    may_draw: bool,
    ratings: Vec<(&'static str, String)>,
    csrf_token: String,
    forms: PageForms,
}

fn token(page: &Page) -> String {
    page.viewer
        .as_ref()
        .map(|viewer| viewer.csrf_token.clone())
        .unwrap_or_default()
}

fn period_text(period: &Period) -> String {
    format!("{} – {}", period.start, period.end)
}

fn row(review: &QualityReview, lang: Lang) -> ReviewRow {
    ReviewRow {
        href: in_lang(&format!("/quality-reviews/{}", review.id), lang),
        period: period_text(&review.period),
        status_code: review.status.code(),
        status: review.status.title().get(lang).to_owned(),
        eligible: review.eligible.len(),
        drawn: review.drawn().len(),
        id: review.id.clone(),
    }
}

async fn render_list(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    refused: Option<SentBack>,
) -> Response {
    let reviews = match actions::readable(state, by).await {
        Ok(reviews) => reviews,
        Err(failure) => return failure_page(ctx, failure),
    };
    let r = ReviewLabels::of(ctx.lang);
    let page = ctx.page(r.title);
    let view = ListPage {
        csrf_token: token(&page),
        reviews: reviews.iter().map(|review| row(review, ctx.lang)).collect(),
        administrator: by.member.is_operator_admin(),
        forms: PageForms::with(refused),
        page,
        r,
    };
    private(render(&view, view.forms.status()))
}

/// `GET /quality-reviews`.
pub async fn list(State(state): State<AppState>, ctx: PageContext) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_list(&state, &ctx, &by, None).await
}

fn opening_of(fields: &Fields) -> Result<Opening, Failure> {
    let mut reading = Reading::default();
    let start = reading.take(day(fields, "period_start"));
    let end = reading.take(day(fields, "period_end"));
    let asked = reading.take(number(fields, "asked"));
    reading.problems()?;
    let (Some(start), Some(end), Some(asked)) = (start, end, asked) else {
        unreachable!("every value was read when no problem was kept")
    };
    Ok(Opening {
        id: None,
        period: Period { start, end },
        asked,
    })
}

/// `POST /quality-reviews`.
pub async fn open(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, form) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match opening_of(&fields) {
        Ok(opening) => actions::open(&state, &by, opening).await,
        Err(failure) => Err(failure),
    };
    let done = |review: QualityReview| {
        in_lang(
            &format!("/quality-reviews/{}", path_segment(&review.id)),
            ctx.lang,
        )
    };
    answer_post(&ctx, outcome, done, "open", fields, |sent_back| {
        render_list(&state, &ctx, &by, Some(sent_back))
    })
    .await
}

async fn render_review(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    refused: Option<SentBack>,
) -> Response {
    let review = match actions::visible(state, by, id).await {
        Ok(stored) => actions::shown_to(by, stored.value),
        Err(failure) => return failure_page(ctx, failure),
    };
    let lang = ctx.lang;
    let r = ReviewLabels::of(lang);
    let page = ctx.page(format!("{} {}", r.review, review.id));
    let staff = by.member.is_operator_staff();
    let engagements = review
        .drawn()
        .iter()
        .map(|drawn| {
            let rated = review.reviews.iter().find(|r| r.audit == drawn.audit);
            EngagementRow {
                audit: drawn.audit.clone(),
                audit_body: drawn.audit_body.clone(),
                signed_on: drawn.signed_on.to_string(),
                papers_href: in_lang(&format!("/audits/{}/work", drawn.audit), lang),
                rating_code: rated.map_or("none", |rated| rated.rating.code()),
                rating: rated.map_or_else(
                    || r.not_rated.to_owned(),
                    |rated| rated.rating.title().get(lang).to_owned(),
                ),
                findings: rated
                    .map_or_else(String::new, |rated| rated.findings.get(lang).to_owned()),
                reviewed_on: rated.map_or_else(String::new, |rated| rated.reviewed_on.to_string()),
            }
        })
        .collect();
    let drawn = review.status == ReviewStatus::Drawn;
    let view = ReviewPage {
        csrf_token: token(&page),
        id: review.id.clone(),
        period: period_text(&review.period),
        status_code: review.status.code(),
        status: review.status.title().get(lang).to_owned(),
        asked: review.asked,
        eligible: review.eligible.len(),
        seed: review
            .draw
            .as_ref()
            .map_or_else(String::new, |draw| draw.seed.to_string()),
        seed_from: review.draw.as_ref().map_or_else(String::new, |draw| {
            format!("#{} {}", draw.seed_from.seq, draw.seed_from.hash)
        }),
        engagements,
        may_rate: staff && drawn,
        may_close: by.member.is_operator_admin() && drawn,
        may_draw: by.member.is_operator_admin() && review.status == ReviewStatus::Open,
        ratings: ReviewRating::ALL
            .into_iter()
            .map(|rating| (rating.code(), rating.title().get(lang).to_owned()))
            .collect(),
        forms: PageForms::with(refused),
        page,
        r,
    };
    private(render(&view, view.forms.status()))
}

/// `GET /quality-reviews/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_review(&state, &ctx, &by, &id, None).await
}

/// Runs a form's action on the review `id`: back to the review (at `anchor`) when it is done,
/// the review again with the form's problems when it is refused.
async fn act(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    form_name: &str,
    fields: Fields,
    outcome: Result<QualityReview, Failure>,
) -> Response {
    let done = |_| {
        format!(
            "{}#{form_name}",
            in_lang(&format!("/quality-reviews/{}", path_segment(id)), ctx.lang)
        )
    };
    answer_post(ctx, outcome, done, form_name, fields, |sent_back| {
        render_review(state, ctx, by, id, Some(sent_back))
    })
    .await
}

/// `POST /quality-reviews/{id}/audits/{audit}`.
pub async fn rate(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, audit)): Path<(String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, form) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match ReviewRating::from_code(fields.get("rating")) {
        Some(rating) => {
            let findings = bilingual(&fields, "findings");
            actions::rate(&state, &by, &id, &audit, rating, findings).await
        }
        None => Err(Refusal::invalid(
            "/rating",
            "unknown_rating",
            Bilingual::new("評価を選んでください", "choose a rating"),
        )
        .into()),
    };
    act(&state, &ctx, &by, &id, &audit, fields, outcome).await
}

/// `POST /quality-reviews/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, form) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = actions::close(&state, &by, &id).await;
    act(&state, &ctx, &by, &id, "close", fields, outcome).await
}

/// `POST /quality-reviews/{id}/draw`: for a review whose opening stopped before its draw.
pub async fn draw(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, form) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = actions::draw(&state, &by, &id).await;
    act(&state, &ctx, &by, &id, "close", fields, outcome).await
}
