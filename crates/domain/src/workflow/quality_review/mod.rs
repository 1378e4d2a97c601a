//! Quality review of audits (品質レビュー): the operator draws signed engagements for review,
//! reads their working papers (read-only since signing) and rates each. Which engagements are
//! reviewed is no one's choice: the audits signed in the period are fixed when the review is
//! opened, and the draw is seeded from the signed log at that opening, so anyone can recompute
//! it (see [`check`]). A closed review's ratings join the audit body's public record beside its
//! measures; the findings stay with the operator and the body.

mod check;
mod draw;
mod public;
mod record;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use super::working_papers::{Judged, LogPoint};
use crate::date::CalendarDate;
use crate::registry::Period;
use crate::text::Bilingual;

pub use check::{ReviewCheck, check_review, eligible_audits};
pub use draw::{MAX_ASKED, OPENED, REVIEW_SAMPLE, draw_engagements, open_review};
pub use public::{PublicRating, public_ratings};
pub use record::{close_review, review_engagement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// The audits signed in the period are fixed; the draw waits for the opening's log point.
    Open,
    /// The engagements to review are drawn; reviews are being recorded.
    Drawn,
    /// Every drawn engagement is rated; the ratings are public.
    Closed,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 3] = [
        ReviewStatus::Open,
        ReviewStatus::Drawn,
        ReviewStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReviewStatus::Open => "open",
            ReviewStatus::Drawn => "drawn",
            ReviewStatus::Closed => "closed",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            ReviewStatus::Open => Bilingual::new("抽出待ち", "Open, not drawn"),
            ReviewStatus::Drawn => Bilingual::new("レビュー中", "Under review"),
            ReviewStatus::Closed => Bilingual::new("完了", "Closed"),
        }
    }
}

/// The outcome of reviewing one engagement's working papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRating {
    /// The papers support the conclusions as the scheme's procedures require.
    Satisfactory,
    /// Shortcomings that did not change a conclusion; the body is to improve.
    ImprovementNeeded,
    /// A conclusion is not supported by the work: grounds for a measure against the body.
    Deficient,
}

impl ReviewRating {
    pub const ALL: [ReviewRating; 3] = [
        ReviewRating::Satisfactory,
        ReviewRating::ImprovementNeeded,
        ReviewRating::Deficient,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReviewRating::Satisfactory => "satisfactory",
            ReviewRating::ImprovementNeeded => "improvement_needed",
            ReviewRating::Deficient => "deficient",
        }
    }

    pub fn from_code(code: &str) -> Option<ReviewRating> {
        ReviewRating::ALL
            .into_iter()
            .find(|rating| rating.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            ReviewRating::Satisfactory => Bilingual::new("適切", "Satisfactory"),
            ReviewRating::ImprovementNeeded => Bilingual::new("要改善", "Improvement needed"),
            ReviewRating::Deficient => Bilingual::new("不備あり", "Deficient"),
        }
    }
}

/// A signed audit the draw may take, as it stood when the review was opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    pub audit: String,
    pub audit_body: String,
    pub signed_on: CalendarDate,
}

/// The engagements drawn, and from what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDraw {
    /// The event that opened the review.
    pub seed_from: LogPoint,
    pub seed: u64,
    /// In the order of the eligible list.
    pub engagements: Vec<Engagement>,
    #[serde(flatten)]
    pub drawn: Judged,
}

/// The review of one drawn engagement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngagementReview {
    pub audit: String,
    pub audit_body: String,
    pub rating: ReviewRating,
    /// What the reviewer found in the working papers.
    pub findings: Bilingual,
    /// The calendar day of the latest record, for the public record.
    pub reviewed_on: CalendarDate,
    #[serde(flatten)]
    pub reviewed: Judged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityReview {
    pub id: String,
    pub status: ReviewStatus,
    /// The days of signing the review covers.
    pub period: Period,
    /// How many engagements the operator asked for (fewer are drawn when fewer were signed).
    pub asked: u64,
    /// The audits signed in the period when the review was opened, sorted by audit id: the
    /// draw numbers them from 1 in this order.
    pub eligible: Vec<Engagement>,
    pub opened: Judged,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draw: Option<ReviewDraw>,
    /// One per reviewed engagement, in the draw's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<EngagementReview>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Judged>,
}

impl QualityReview {
    /// The drawn engagements, none before the draw.
    pub fn drawn(&self) -> &[Engagement] {
        self.draw
            .as_ref()
            .map_or(&[], |draw| draw.engagements.as_slice())
    }

    /// Whether the review touches an engagement of the audit body `org`.
    pub fn concerns_body(&self, org: &str) -> bool {
        self.drawn().iter().any(|drawn| drawn.audit_body == org)
    }

    /// The reviews of the body `org`'s engagements.
    pub fn reviews_of_body<'a>(
        &'a self,
        org: &'a str,
    ) -> impl Iterator<Item = &'a EngagementReview> + 'a {
        self.reviews
            .iter()
            .filter(move |review| review.audit_body == org)
    }

    /// What an audit body reads of the review: its own engagements only (the period, the seed
    /// and the dates stay; other bodies' audits and ratings go).
    pub fn part_for_body(&self, org: &str) -> QualityReview {
        let mut part = self.clone();
        part.eligible.retain(|e| e.audit_body == org);
        if let Some(draw) = part.draw.as_mut() {
            draw.engagements.retain(|e| e.audit_body == org);
        }
        part.reviews.retain(|r| r.audit_body == org);
        part
    }

    /// The drawn engagements not rated yet.
    pub fn unreviewed(&self) -> Vec<String> {
        self.drawn()
            .iter()
            .filter(|drawn| !self.reviews.iter().any(|r| r.audit == drawn.audit))
            .map(|drawn| drawn.audit.clone())
            .collect()
    }
}
