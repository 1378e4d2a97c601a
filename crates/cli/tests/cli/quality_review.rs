//! `shinrai quality-review check`: a review's draw seeded from its opening's log event
//! recomputes exactly; one drawn from anywhere else is named, exit status 1; an unknown review
//! is unusable, exit status 2.

use shinrai_domain::workflow::quality_review::{self, OPENED};
use shinrai_domain::workflow::working_papers::LogPoint;
use shinrai_store::documents::Batch;
use shinrai_testdata::workflow::{admin, review_at, story};

use crate::service::{DataDir, json, with_dir};
use crate::story_batch::signed_audit;
use crate::support::shinrai;

/// A data directory with the story's signed audit and its quality review opened, then drawn
/// from `point` (the opening's own event when `None`).
fn reviewed(label: &str, point: Option<LogPoint>) -> DataDir {
    let data = DataDir::new(label);
    let story = story();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.story_store().await;
        let batch = signed_audit(&story);
        store.commit(batch).await.unwrap();
        let opened = &story.quality_review.opened;
        store
            .commit(Batch::new().create(opened).unwrap())
            .await
            .unwrap();
        let events = store.events_about("qr-1", OPENED).await.unwrap();
        let point = point.unwrap_or_else(|| LogPoint {
            seq: events[0].seq,
            hash: events[0].hash.clone(),
        });
        let drawn = quality_review::draw_engagements(&opened.state, &point, &admin(), review_at(2))
            .unwrap();
        store
            .commit(Batch::new().update(&drawn, 1).unwrap())
            .await
            .unwrap();
        store.close().await;
    });
    data
}

#[test]
fn a_draw_seeded_from_the_opening_recomputes_exactly() {
    let data = reviewed("review-ok", None);
    let dir = data.arg();
    let run = shinrai(&with_dir(
        &dir,
        &["quality-review", "check", "qr-1", "--json"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    let answer = json(&run);
    assert_eq!(answer["holds"], true);
    assert_eq!(answer["check"]["recorded"], serde_json::json!(["au-1"]));
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "ja", "quality-review", "check", "qr-1"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("ok 品質レビュー qr-1"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_draw_from_elsewhere_is_named_and_an_unknown_review_is_unusable() {
    let forged = LogPoint {
        seq: 2,
        hash: "00".repeat(32),
    };
    let data = reviewed("review-forged", Some(forged));
    let dir = data.arg();
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "quality-review", "check", "qr-1"],
    ));
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.starts_with("NG"), "{}", run.stdout);
    assert!(
        run.stdout.contains("is not the opening of review qr-1"),
        "{}",
        run.stdout
    );
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "quality-review", "check", "qr-9"],
    ));
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("there is no quality review qr-9"),
        "{}",
        run.stderr
    );
}
