//! The operator's quality review of the story's signed audit.

use shinrai_domain::registry::Period;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::quality_review::{self, QualityReview, ReviewRating};
use shinrai_domain::workflow::{Change, Moment};

use super::{admin, at, reviewer, story_log_point};

/// The operator's quality review of the story's signed audit, in the order written.
#[derive(Debug, Clone)]
pub struct ReviewStory {
    pub opened: Change<QualityReview>,
    /// Drawn from [`story_log_point`]: the story is built without a log.
    pub drawn: Change<QualityReview>,
    pub rated: Change<QualityReview>,
    pub closed: Change<QualityReview>,
}

/// The review's moments: from 2026-06-03, two days after the story's audit was signed.
pub fn review_at(n: i64) -> Moment {
    at(2 * 86_400_000 + n)
}

/// The quality review of `signed`, the only audit signed on its day.
pub fn quality_review_of(signed: &Audit) -> ReviewStory {
    let day = signed.signed_on.expect("signed");
    let opened = quality_review::open_review(
        "qr-1",
        Period {
            start: day,
            end: day,
        },
        1,
        std::slice::from_ref(signed),
        &admin(),
        review_at(1),
    )
    .expect("open the review");
    let drawn =
        quality_review::draw_engagements(&opened.state, &story_log_point(), &admin(), review_at(2))
            .expect("draw");
    let rated = quality_review::review_engagement(
        &drawn.state,
        &signed.id,
        ReviewRating::Satisfactory,
        Bilingual::new(
            "調書が結論を支えている",
            "the papers support the conclusions",
        ),
        &reviewer(),
        review_at(3),
    )
    .expect("rate");
    let closed = quality_review::close_review(&rated.state, &admin(), review_at(4)).expect("close");
    ReviewStory {
        opened,
        drawn,
        rated,
        closed,
    }
}
