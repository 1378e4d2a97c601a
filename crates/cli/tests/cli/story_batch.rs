//! The testdata story's world written as one batch, up to the point a command test starts from.

use shinrai_domain::workflow::Change;
use shinrai_domain::workflow::audit::Audit;
use shinrai_store::documents::Batch;
use shinrai_testdata::workflow::Story;

/// The story's world up to `accepted` (its audit as accepted, or a variant of it).
pub fn accepted_audit(story: &Story, accepted: &Change<Audit>) -> Batch {
    Batch::new()
        .create(&story.body)
        .unwrap()
        .create(&story.profile)
        .unwrap()
        .create(&story.service)
        .unwrap()
        .create(&story.submitted)
        .unwrap()
        .create(&story.ordered)
        .unwrap()
        .update(accepted, 1)
        .unwrap()
}

/// The story's world up to its signed audit and report.
pub fn signed_audit(story: &Story) -> Batch {
    accepted_audit(story, &story.accepted)
        .update(&story.concluded, 2)
        .unwrap()
        .create_recorded_by_next(&story.report, story.signed.event.at_ms)
        .unwrap()
        .update(&story.signed, 3)
        .unwrap()
}
