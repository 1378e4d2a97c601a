//! The operator's quality reviews of signed audits: an administrator opens a review (which
//! fixes the audits signed in the period) and draws its engagements from the opening's log
//! point; the staff rate each drawn engagement's working papers; an administrator closes it.

use shinrai_domain::registry::Period;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::access;
use shinrai_domain::workflow::quality_review::{
    self, OPENED, QualityReview, ReviewCheck, ReviewRating,
};
use shinrai_domain::workflow::working_papers::LogPoint;
use shinrai_domain::workflow::{Conflict, Refusal};
use shinrai_store::documents::{Batch, Stored};

use crate::state::AppState;
use crate::workflow::facts::QUALITY_REVIEW;
use crate::workflow::{Acting, Failure, Outcome, ids};

/// What an administrator asks for when opening a review.
#[derive(Debug, Clone)]
pub struct Opening {
    pub id: Option<String>,
    pub period: Period,
    pub asked: u64,
}

/// Opens the review, then draws its engagements in a second commit: the draw's seed comes from
/// the opening's event, which exists only once the first commit is in the log.
pub async fn open(state: &AppState, by: &Acting, opening: Opening) -> Outcome<QualityReview> {
    let id = ids::chosen(opening.id, ids::QUALITY_REVIEW);
    let audits: Vec<_> = state
        .store
        .all_audits()
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    let change = quality_review::open_review(
        &id,
        opening.period,
        opening.asked,
        &audits,
        &by.member,
        by.at,
    )?;
    state.store.commit(Batch::new().create(&change)?).await?;
    draw(state, by, &id).await
}

/// The log point of the review's opening event.
async fn opening_point(state: &AppState, id: &str) -> Outcome<LogPoint> {
    let events = state.store.events_about(id, OPENED).await?;
    let event = events.last().ok_or_else(|| {
        Failure::from(Refusal::Conflict(Conflict::QualityReviewNotDrawn {
            review: id.to_owned(),
        }))
    })?;
    Ok(LogPoint {
        seq: event.seq,
        hash: event.hash.clone(),
    })
}

/// Draws the engagements of an open review (again, when opening stopped before its draw).
pub async fn draw(state: &AppState, by: &Acting, id: &str) -> Outcome<QualityReview> {
    let stored = visible(state, by, id).await?;
    let point = opening_point(state, id).await?;
    let change = quality_review::draw_engagements(&stored.value, &point, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// Records the rating of the drawn engagement `audit`.
pub async fn rate(
    state: &AppState,
    by: &Acting,
    id: &str,
    audit: &str,
    rating: ReviewRating,
    findings: Bilingual,
) -> Outcome<QualityReview> {
    let stored = visible(state, by, id).await?;
    let change = quality_review::review_engagement(
        &stored.value,
        audit,
        rating,
        findings,
        &by.member,
        by.at,
    )?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

pub async fn close(state: &AppState, by: &Acting, id: &str) -> Outcome<QualityReview> {
    let stored = visible(state, by, id).await?;
    let change = quality_review::close_review(&stored.value, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The review `id` whole, when the one acting may read it.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<QualityReview>> {
    let stored = state
        .store
        .quality_review(id)
        .await?
        .ok_or_else(|| Failure::not_found(QUALITY_REVIEW, id))?;
    access::read_quality_review(&by.actor(), &stored.value)
        .map_err(|hidden| Failure::hidden(hidden, QUALITY_REVIEW, id))?;
    Ok(stored)
}

/// What the one acting reads of a review: the whole for the operator's staff, its own
/// engagements for an audit body.
pub fn shown_to(by: &Acting, review: QualityReview) -> QualityReview {
    if by.member.is_operator_staff() {
        review
    } else {
        review.part_for_body(&by.member.org_id)
    }
}

/// The reviews the one acting may read, as they may read them, the newest first.
pub async fn readable(state: &AppState, by: &Acting) -> Outcome<Vec<QualityReview>> {
    let actor = by.actor();
    let mut found: Vec<QualityReview> = state
        .store
        .quality_reviews()
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .filter(|review| access::read_quality_review(&actor, review).is_ok())
        .map(|review| shown_to(by, review))
        .collect();
    found.sort_by(|a, b| b.opened.at_ms.cmp(&a.opened.at_ms).then(a.id.cmp(&b.id)));
    Ok(found)
}

/// The recomputation of the review's draw from the audits on record and the log (the
/// operator's staff: it reads every body's audits).
pub async fn check(state: &AppState, by: &Acting, id: &str) -> Outcome<ReviewCheck> {
    let stored = visible(state, by, id).await?;
    if !by.member.is_operator_staff() {
        return Err(Failure::hidden(
            access::Hidden::NotFound,
            QUALITY_REVIEW,
            id,
        ));
    }
    let not_drawn = || {
        Failure::from(Refusal::Conflict(Conflict::QualityReviewNotDrawn {
            review: id.to_owned(),
        }))
    };
    let draw = stored.value.draw.as_ref().ok_or_else(not_drawn)?;
    let opening = state.store.event_at(draw.seed_from.seq).await?;
    let audits: Vec<_> = state
        .store
        .all_audits()
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    quality_review::check_review(&stored.value, &audits, opening.as_ref()).ok_or_else(not_drawn)
}
