//! What the quality-review routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::quality_review::{
    Engagement, EngagementReview, QualityReview, ReviewCheck, ReviewRating, ReviewStatus,
};
use utoipa::ToSchema;

use crate::error::Messages;
use crate::workflow::schema;

/// `POST /api/v1/quality-reviews`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenRequest {
    /// The review's id; chosen by the server (`qr-…`) when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// The first day of signing the review covers.
    #[schema(value_type = String, format = Date)]
    pub period_start: CalendarDate,
    /// The last day of signing it covers: before today.
    #[schema(value_type = String, format = Date)]
    pub period_end: CalendarDate,
    /// How many engagements to draw, 1 to 100 (all when fewer were signed).
    pub asked: u64,
}

/// `PUT /api/v1/quality-reviews/{id}/audits/{audit}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RateRequest {
    #[schema(schema_with = schema::review_rating)]
    pub rating: ReviewRating,
    /// What the reviewer found in the engagement's working papers.
    #[schema(value_type = Messages)]
    pub findings: Bilingual,
}

/// An audit signed in the review's period.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EngagementView {
    pub audit: String,
    pub audit_body: String,
    #[schema(value_type = String, format = Date)]
    pub signed_on: CalendarDate,
}

impl From<Engagement> for EngagementView {
    fn from(engagement: Engagement) -> EngagementView {
        EngagementView {
            audit: engagement.audit,
            audit_body: engagement.audit_body,
            signed_on: engagement.signed_on,
        }
    }
}

/// The draw: its seed, the log point it came from, and the engagements drawn.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DrawView {
    /// The sequence number of the review's opening event in the signed log.
    pub seed_from_seq: u64,
    /// That event's hash.
    pub seed_from_hash: String,
    pub seed: u64,
    pub engagements: Vec<EngagementView>,
    pub drawn_by: String,
    pub drawn_at_ms: i64,
}

/// The rating of one drawn engagement.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RatingView {
    pub audit: String,
    pub audit_body: String,
    #[schema(schema_with = schema::review_rating)]
    pub rating: &'static str,
    #[schema(value_type = Messages)]
    pub findings: Bilingual,
    #[schema(value_type = String, format = Date)]
    pub reviewed_on: CalendarDate,
    pub reviewed_by: String,
    pub reviewed_at_ms: i64,
}

impl From<EngagementReview> for RatingView {
    fn from(review: EngagementReview) -> RatingView {
        RatingView {
            audit: review.audit,
            audit_body: review.audit_body,
            rating: review.rating.code(),
            findings: review.findings,
            reviewed_on: review.reviewed_on,
            reviewed_by: review.reviewed.by,
            reviewed_at_ms: review.reviewed.at_ms,
        }
    }
}

/// A quality review as its reader may see it: whole for the operator's staff, an audit body's
/// own engagements for its auditors.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QualityReviewView {
    pub id: String,
    #[schema(schema_with = schema::review_status)]
    pub status: &'static str,
    #[schema(value_type = String, format = Date)]
    pub period_start: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub period_end: CalendarDate,
    pub asked: u64,
    /// The audits signed in the period when the review was opened, sorted by id.
    pub eligible: Vec<EngagementView>,
    pub opened_by: String,
    pub opened_at_ms: i64,
    /// Absent until drawn.
    pub draw: Option<DrawView>,
    /// In the draw's order.
    pub ratings: Vec<RatingView>,
    /// The drawn engagements without a rating yet.
    pub unrated: Vec<String>,
    pub closed_at_ms: Option<i64>,
}

impl From<QualityReview> for QualityReviewView {
    fn from(review: QualityReview) -> QualityReviewView {
        let unrated = review.unreviewed();
        let status: ReviewStatus = review.status;
        QualityReviewView {
            id: review.id,
            status: status.code(),
            period_start: review.period.start,
            period_end: review.period.end,
            asked: review.asked,
            eligible: review.eligible.into_iter().map(Into::into).collect(),
            opened_by: review.opened.by,
            opened_at_ms: review.opened.at_ms,
            draw: review.draw.map(|draw| DrawView {
                seed_from_seq: draw.seed_from.seq,
                seed_from_hash: draw.seed_from.hash,
                seed: draw.seed,
                engagements: draw.engagements.into_iter().map(Into::into).collect(),
                drawn_by: draw.drawn.by,
                drawn_at_ms: draw.drawn.at_ms,
            }),
            ratings: review.reviews.into_iter().map(Into::into).collect(),
            unrated,
            closed_at_ms: review.closed.map(|closed| closed.at_ms),
        }
    }
}

/// `GET /api/v1/quality-reviews`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QualityReviewList {
    /// The newest first.
    pub items: Vec<QualityReviewView>,
}

/// `GET /api/v1/quality-reviews/{id}/check`: the draw recomputed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReviewCheckView {
    pub review: String,
    /// Every check below holds.
    pub holds: bool,
    /// The event at the draw's recorded log point is the review's opening, with that hash.
    pub opening_matches: bool,
    /// The audits signed in the period by the opening, recomputed, are the ones recorded.
    pub eligible_matches: bool,
    /// The seed is the one the opening's log point gives.
    pub seed_matches: bool,
    /// The engagements recorded are the ones that seed draws.
    pub draw_matches: bool,
    pub expected_seed: u64,
    pub expected: Vec<String>,
    pub recorded: Vec<String>,
    /// Each difference found.
    #[schema(value_type = Vec<Messages>)]
    pub problems: Vec<Bilingual>,
}

impl From<ReviewCheck> for ReviewCheckView {
    fn from(check: ReviewCheck) -> ReviewCheckView {
        ReviewCheckView {
            review: check.review.clone(),
            holds: check.holds(),
            opening_matches: check.opening_matches,
            eligible_matches: check.eligible_matches,
            seed_matches: check.seed_matches,
            draw_matches: check.draw_matches,
            expected_seed: check.expected_seed,
            expected: check.expected,
            recorded: check.recorded,
            problems: check.problems,
        }
    }
}
