//! Recording the review of each drawn engagement, then closing the review once every one is
//! rated. A rating may be recorded again (to correct it) until the review is closed.

use serde_json::json;

use super::draw::operator_admin;
use super::{EngagementReview, QualityReview, ReviewRating, ReviewStatus};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::working_papers::Judged;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// Reviews are recorded on a drawn review that is not closed yet.
fn check_drawn(review: &QualityReview) -> Result<(), Refusal> {
    match review.status {
        ReviewStatus::Open => Err(Refusal::Conflict(Conflict::QualityReviewNotDrawn {
            review: review.id.clone(),
        })),
        ReviewStatus::Closed => Err(Refusal::Conflict(Conflict::QualityReviewClosed {
            review: review.id.clone(),
        })),
        ReviewStatus::Drawn => Ok(()),
    }
}

/// A member of the operator's staff records the outcome of reviewing the working papers of the
/// drawn engagement `audit`.
pub fn review_engagement(
    review: &QualityReview,
    audit: &str,
    rating: ReviewRating,
    findings: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<QualityReview>, Refusal> {
    if !by.is_operator_staff() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    check_drawn(review)?;
    let Some(drawn) = review.drawn().iter().find(|drawn| drawn.audit == audit) else {
        return Err(Refusal::Conflict(Conflict::AuditNotDrawnForReview {
            review: review.id.clone(),
            audit: audit.to_owned(),
        }));
    };
    let mut problems = Problems::new();
    problems.required_text("/findings", &findings, MAX_TEXT_CHARS);
    problems.finish()?;
    let recorded = EngagementReview {
        audit: drawn.audit.clone(),
        audit_body: drawn.audit_body.clone(),
        rating,
        findings,
        reviewed_on: at.date(),
        reviewed: Judged::now(by, at),
    };
    let mut state = review.clone();
    state.reviews.retain(|earlier| earlier.audit != audit);
    state.reviews.push(recorded);
    // Kept in the draw's order, whatever the order of recording.
    let order = |audit: &str| review.drawn().iter().position(|d| d.audit == audit);
    state.reviews.sort_by_key(|r| order(&r.audit));
    let event = WorkflowEvent::new(
        by,
        at,
        "quality_review.review",
        &state.id,
        json!({ "review": state, "audit": audit }),
    );
    Ok(Change { state, event })
}

/// An administrator closes the review once every drawn engagement is rated; its ratings then
/// join the reviewed bodies' public records.
pub fn close_review(
    review: &QualityReview,
    by: &Member,
    at: Moment,
) -> Result<Change<QualityReview>, Refusal> {
    operator_admin(by)?;
    check_drawn(review)?;
    let missing = review.unreviewed();
    if !missing.is_empty() {
        return Err(Refusal::Conflict(Conflict::QualityReviewIncomplete {
            review: review.id.clone(),
            missing,
        }));
    }
    let mut state = review.clone();
    state.status = ReviewStatus::Closed;
    state.closed = Some(Judged::now(by, at));
    let event = WorkflowEvent::new(
        by,
        at,
        "quality_review.close",
        &state.id,
        json!({ "review": state }),
    );
    Ok(Change { state, event })
}
