//! Opening a review and drawing its engagements. The opening fixes the eligible audits; the
//! draw takes its seed from the log point of the opening's event, which did not exist when the
//! operator chose the period and the number, so the operator cannot steer which bodies' work
//! is read.

use serde_json::json;

use super::check::{draw_from, eligible_audits};
use super::{QualityReview, ReviewDraw, ReviewStatus};
use crate::policy::Member;
use crate::registry::Period;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::fields::Problems;
use crate::workflow::working_papers::{Judged, LogPoint, sample_seed};
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The most engagements one review asks for: a year's reviews are a handful per body.
pub const MAX_ASKED: u64 = 100;

/// The action of the opening's event, whose log point seeds the draw.
pub const OPENED: &str = "quality_review.open";

/// What the seed names in place of a control (see [`sample_seed`]).
pub const REVIEW_SAMPLE: &str = "quality-review";

pub(super) fn operator_admin(by: &Member) -> Result<(), Refusal> {
    if by.is_operator_admin() {
        Ok(())
    } else {
        Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
    }
}

/// An administrator opens a review of the audits signed in `period` (which must be over, so no
/// later signing joins it), asking for `asked` of them. `audits` are every audit on record.
pub fn open_review(
    id: &str,
    period: Period,
    asked: u64,
    audits: &[Audit],
    by: &Member,
    at: Moment,
) -> Result<Change<QualityReview>, Refusal> {
    operator_admin(by)?;
    let mut problems = Problems::new();
    problems.id("/id", id);
    if period.start > period.end {
        problems.push(
            "/period_end",
            "before_start",
            Bilingual::new(
                format!(
                    "期間の終わり {} が始まり {} より前です",
                    period.end, period.start
                ),
                format!(
                    "the period ends on {} before it starts on {}",
                    period.end, period.start
                ),
            ),
        );
    }
    let today = at.date();
    if period.end >= today {
        problems.push(
            "/period_end",
            "period_not_over",
            Bilingual::new(
                format!(
                    "期間の終わり {} は今日 {today} より前でなければなりません",
                    period.end
                ),
                format!(
                    "the period must end before today ({today}), not on {}",
                    period.end
                ),
            ),
        );
    }
    if !(1..=MAX_ASKED).contains(&asked) {
        problems.push(
            "/asked",
            "out_of_range",
            Bilingual::new(
                format!("抽出する件数は 1 から {MAX_ASKED} までです（{asked}）"),
                format!("the number to draw must be from 1 to {MAX_ASKED}, not {asked}"),
            ),
        );
    }
    problems.finish()?;
    let eligible = eligible_audits(audits, &period, at.at_ms);
    if eligible.is_empty() {
        return Err(Refusal::Invalid(vec![crate::workflow::FieldError::new(
            "/period_start",
            "no_signed_audits",
            Bilingual::new(
                format!(
                    "{}〜{} に署名された監査がありません",
                    period.start, period.end
                ),
                format!(
                    "no audit was signed from {} to {}",
                    period.start, period.end
                ),
            ),
        )]));
    }
    let state = QualityReview {
        id: id.to_owned(),
        status: ReviewStatus::Open,
        period,
        asked,
        eligible,
        opened: Judged::now(by, at),
        draw: None,
        reviews: Vec::new(),
        closed: None,
    };
    let event = WorkflowEvent::new(by, at, OPENED, &state.id, json!({ "review": state }));
    Ok(Change { state, event })
}

/// An administrator draws the engagements, seeded from `opened_at`, the log point of the
/// review's opening event.
pub fn draw_engagements(
    review: &QualityReview,
    opened_at: &LogPoint,
    by: &Member,
    at: Moment,
) -> Result<Change<QualityReview>, Refusal> {
    operator_admin(by)?;
    if review.status != ReviewStatus::Open {
        return Err(Refusal::Conflict(Conflict::QualityReviewDrawn {
            review: review.id.clone(),
        }));
    }
    let seed = sample_seed(&review.id, REVIEW_SAMPLE, 1, opened_at);
    let mut state = review.clone();
    state.status = ReviewStatus::Drawn;
    state.draw = Some(ReviewDraw {
        seed_from: opened_at.clone(),
        seed,
        engagements: draw_from(&review.eligible, review.asked, seed),
        drawn: Judged::now(by, at),
    });
    let event = WorkflowEvent::new(
        by,
        at,
        "quality_review.draw",
        &state.id,
        json!({ "review": state }),
    );
    Ok(Change { state, event })
}
