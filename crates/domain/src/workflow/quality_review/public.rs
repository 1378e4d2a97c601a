//! What the public reads of quality reviews: for each closed review, the day and the rating of
//! each of a body's reviewed engagements, never the findings. A review still open says nothing
//! yet, so that a rating is never shown and then withdrawn.

use super::{QualityReview, ReviewRating, ReviewStatus};
use crate::date::CalendarDate;

/// One engagement's rating as the public reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicRating {
    pub audit_body: String,
    pub review: String,
    pub audit: String,
    pub reviewed_on: CalendarDate,
    pub rating: ReviewRating,
}

/// The closed reviews' ratings of the body `org`'s engagements, oldest first (then by audit).
pub fn public_ratings(reviews: &[QualityReview], org: &str) -> Vec<PublicRating> {
    let mut ratings: Vec<PublicRating> = reviews
        .iter()
        .filter(|review| review.status == ReviewStatus::Closed)
        .flat_map(|review| {
            review.reviews_of_body(org).map(|rated| PublicRating {
                audit_body: org.to_owned(),
                review: review.id.clone(),
                audit: rated.audit.clone(),
                reviewed_on: rated.reviewed_on,
                rating: rated.rating,
            })
        })
        .collect();
    ratings.sort_by(|a, b| {
        a.reviewed_on
            .cmp(&b.reviewed_on)
            .then_with(|| a.audit.cmp(&b.audit))
    });
    ratings
}
