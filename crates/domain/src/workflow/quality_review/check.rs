//! What anyone can recompute of a review's draw: the audits that were eligible when it was
//! opened, the seed from the opening's log point, and the engagements that seed draws.

use serde::Serialize;

use super::draw::{OPENED, REVIEW_SAMPLE};
use super::{Engagement, QualityReview};
use crate::log_chain::Event;
use crate::registry::Period;
use crate::sampling::{Frequency, SampleCase, sample};
use crate::text::Bilingual;
use crate::workflow::audit::{Audit, AuditStatus};
use crate::workflow::working_papers::{LogPoint, sample_seed};

/// The audits signed on a day of `period` no later than `at_ms`, sorted by id.
pub fn eligible_audits(audits: &[Audit], period: &Period, at_ms: i64) -> Vec<Engagement> {
    let mut eligible: Vec<Engagement> = audits
        .iter()
        .filter(|audit| audit.status == AuditStatus::Signed)
        .filter(|audit| audit.signed_at_ms.is_some_and(|signed| signed <= at_ms))
        .filter_map(|audit| {
            let signed_on = audit.signed_on?;
            (period.start <= signed_on && signed_on <= period.end).then(|| Engagement {
                audit: audit.id.clone(),
                audit_body: audit.audit_body.clone(),
                signed_on,
            })
        })
        .collect();
    eligible.sort_by(|a, b| a.audit.cmp(&b.audit));
    eligible
}

/// `asked` of the eligible engagements (all when fewer), drawn by the `sample` rule.
pub(super) fn draw_from(eligible: &[Engagement], asked: u64, seed: u64) -> Vec<Engagement> {
    let population = eligible.len() as u64;
    let drawn = sample(&SampleCase {
        frequency: Frequency::Annual,
        population,
        seed,
        table: vec![(Frequency::Annual, asked.min(population))],
    });
    drawn
        .items
        .iter()
        .filter_map(|item| usize::try_from(item - 1).ok())
        .filter_map(|index| eligible.get(index).cloned())
        .collect()
}

/// The recomputation of a review's draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewCheck {
    pub review: String,
    /// The event at the draw's recorded log point is this review's opening, with that hash.
    pub opening_matches: bool,
    /// The eligible list recomputed from the audits on record matches the recorded one.
    pub eligible_matches: bool,
    /// The recorded seed is the one the opening's log point gives.
    pub seed_matches: bool,
    /// The recorded engagements are the ones that seed draws from the recomputed list.
    pub draw_matches: bool,
    pub expected_seed: u64,
    pub expected: Vec<String>,
    pub recorded: Vec<String>,
    /// Each difference found, in words; empty when the draw recomputes exactly.
    pub problems: Vec<Bilingual>,
}

impl ReviewCheck {
    pub fn holds(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Recomputes the draw of `review` from `audits` (every audit on record now) and `opening`,
/// the log event found at the draw's recorded place (`None` when there is none); `None` while
/// nothing is drawn. Nothing here trusts the review's own word for the seed.
pub fn check_review(
    review: &QualityReview,
    audits: &[Audit],
    opening: Option<&Event>,
) -> Option<ReviewCheck> {
    let draw = review.draw.as_ref()?;
    let mut problems = Vec::new();
    let opening_matches = opening.is_some_and(|event| {
        event.action == OPENED && event.subject == review.id && event.hash == draw.seed_from.hash
    });
    if !opening_matches {
        problems.push(Bilingual::new(
            format!(
                "ログの {} 番目はこのレビュー {} の開始の記録ではありません",
                draw.seed_from.seq, review.id
            ),
            format!(
                "the log's event {} is not the opening of review {}",
                draw.seed_from.seq, review.id
            ),
        ));
    }
    // The seed from the log as it is, not as the review says it was.
    let from = opening.map_or_else(
        || draw.seed_from.clone(),
        |event| LogPoint {
            seq: event.seq,
            hash: event.hash.clone(),
        },
    );
    let eligible = eligible_audits(audits, &review.period, review.opened.at_ms);
    let eligible_matches = eligible == review.eligible;
    if !eligible_matches {
        problems.push(Bilingual::new(
            format!(
                "期間内に署名された監査は {} 件ですが、記録では {} 件です",
                eligible.len(),
                review.eligible.len()
            ),
            format!(
                "{} audits were signed in the period by the opening; the review records {}",
                eligible.len(),
                review.eligible.len()
            ),
        ));
    }
    let expected_seed = sample_seed(&review.id, REVIEW_SAMPLE, 1, &from);
    let seed_matches = draw.seed == expected_seed;
    if !seed_matches {
        problems.push(Bilingual::new(
            format!(
                "種は {expected_seed} のはずですが、記録では {} です",
                draw.seed
            ),
            format!(
                "the seed should be {expected_seed}; the review records {}",
                draw.seed
            ),
        ));
    }
    let expected: Vec<String> = draw_from(&eligible, review.asked, expected_seed)
        .into_iter()
        .map(|engagement| engagement.audit)
        .collect();
    let recorded: Vec<String> = draw
        .engagements
        .iter()
        .map(|engagement| engagement.audit.clone())
        .collect();
    let draw_matches = expected == recorded;
    if !draw_matches {
        problems.push(Bilingual::new(
            format!(
                "抽出されるべき監査は {} ですが、記録は {} です",
                expected.join(", "),
                recorded.join(", ")
            ),
            format!(
                "the draw gives {}; the review records {}",
                expected.join(", "),
                recorded.join(", ")
            ),
        ));
    }
    Some(ReviewCheck {
        review: review.id.clone(),
        opening_matches,
        eligible_matches,
        seed_matches,
        draw_matches,
        expected_seed,
        expected,
        recorded,
        problems,
    })
}
