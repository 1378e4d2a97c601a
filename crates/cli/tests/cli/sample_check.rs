//! `shinrai audit sample-check`: a sample drawn from the log event that froze its population
//! recomputes exactly; one whose seed did not come from that event is named, exit status 1.

use shinrai_domain::workflow::Change;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::working_papers::{self, LogPoint};
use shinrai_store::documents::Batch;
use shinrai_testdata::workflow::{at, signer, story};

use crate::service::{DataDir, json, with_dir};
use crate::story_batch::accepted_audit;
use crate::support::shinrai;

/// A data directory with the story's audit up to its frozen population and a sample drawn
/// from `point` (the freeze event's own place when `None`).
fn sampled(label: &str, point: Option<LogPoint>) -> DataDir {
    let data = DataDir::new(label);
    let story = story();
    let papers = &story.papers;
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.story_store().await;
        let batch = accepted_audit(&story, &story.accepted)
            .create(&papers.fair)
            .unwrap()
            .update(&papers.design, 1)
            .unwrap()
            .update(&papers.frequency, 2)
            .unwrap()
            .create_recorded_by_next(&papers.population, papers.frozen.event.at_ms)
            .unwrap()
            .update(&papers.frozen, 3)
            .unwrap();
        store.commit(batch).await.unwrap();
        let work = &papers.frozen.state;
        let freeze = store
            .events_about(&work.id, "audit.population.freeze")
            .await
            .unwrap();
        let point = point.unwrap_or_else(|| LogPoint {
            seq: freeze[0].seq,
            hash: freeze[0].hash.clone(),
        });
        let drawn = working_papers::draw_sample(
            &story.accepted.state,
            Some(work),
            &work.control,
            1,
            None,
            &point,
            &signer(),
            at(9),
        )
        .unwrap();
        store
            .commit(Batch::new().update(&drawn, 4).unwrap())
            .await
            .unwrap();
        store.close().await;
    });
    data
}

#[test]
fn a_sample_seeded_from_its_freeze_recomputes_exactly() {
    let data = sampled("sample-ok", None);
    let dir = data.arg();
    let run = shinrai(&with_dir(
        &dir,
        &["audit", "sample-check", "au-1", "--json"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    let answer = json(&run);
    assert_eq!(answer["differing"], 0);
    assert_eq!(answer["samples"][0]["round"], 1);
    assert_eq!(
        answer["samples"][0]["items"], 2,
        "a monthly control samples 2"
    );
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "ja", "audit", "sample-check", "au-1"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("2 件のうち 0 件") || run.stdout.contains("1 件のうち 0 件"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_sample_whose_seed_came_from_elsewhere_is_named() {
    let forged = LogPoint {
        seq: 3,
        hash: "00".repeat(32),
    };
    let data = sampled("sample-forged", Some(forged));
    let dir = data.arg();
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "audit", "sample-check", "au-1"],
    ));
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("NG"), "{}", run.stdout);
    assert!(
        run.stdout.contains("1 of 1 samples differ"),
        "{}",
        run.stdout
    );
}

/// A data directory with the story's audit made an evaluation of the internal audit, the
/// internal audit evaluated and the controls to re-perform drawn from `point` (the
/// evaluation's own event when `None`).
fn reperformed(label: &str, point: Option<LogPoint>) -> DataDir {
    use shinrai_domain::audit_kind::AuditKind;
    use shinrai_domain::registry::Period;
    use shinrai_domain::text::Bilingual;
    use shinrai_domain::workflow::working_papers::{InternalAuditInput, InternalAuditReport};

    let data = DataDir::new(label);
    let story = story();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.story_store().await;
        let accepted = Change {
            state: Audit {
                kind: AuditKind::InternalAuditEvaluation,
                ..story.accepted.state.clone()
            },
            event: story.accepted.event.clone(),
        };
        let batch = accepted_audit(&story, &accepted);
        store.commit(batch).await.unwrap();
        let audit = &accepted.state;
        let evaluated = working_papers::evaluate_internal_audit(
            audit,
            InternalAuditInput {
                report: InternalAuditReport {
                    reference: "IA-1".into(),
                    performed_by: "Internal audit office".into(),
                    period: Period {
                        start: audit.period.start,
                        end: audit.period.end,
                    },
                    scope: Bilingual::new("全体", "everything"),
                    covers: vec![audit.service.clone()],
                },
                reliable: true,
                reason: Bilingual::new("十分", "sufficient"),
            },
            &signer(),
            at(8),
        )
        .unwrap();
        store
            .commit(Batch::new().update(&evaluated, 2).unwrap())
            .await
            .unwrap();
        let events = store
            .events_about(&audit.id, "audit.internal_audit")
            .await
            .unwrap();
        let point = point.unwrap_or_else(|| LogPoint {
            seq: events[0].seq,
            hash: events[0].hash.clone(),
        });
        let drawn = working_papers::draw_reperformance(
            &evaluated.state,
            &story.submitted.state,
            &point,
            &signer(),
            at(9),
        )
        .unwrap();
        store
            .commit(Batch::new().update(&drawn, 3).unwrap())
            .await
            .unwrap();
        store.close().await;
    });
    data
}

#[test]
fn the_controls_drawn_for_re_performance_recompute_from_the_evaluation_event() {
    let data = reperformed("reperform-ok", None);
    let dir = data.arg();
    let run = shinrai(&with_dir(
        &dir,
        &["audit", "sample-check", "au-1", "--json"],
    ));
    assert_eq!(run.status, 0, "{}", run.stdout);
    let answer = json(&run);
    assert_eq!(answer["differing"], 0);
    assert_eq!(answer["samples"][0]["control"], "internal-audit");
    assert!(answer["samples"][0]["items"].as_u64().unwrap() >= 1);

    let forged = LogPoint {
        seq: 2,
        hash: "00".repeat(32),
    };
    let data = reperformed("reperform-forged", Some(forged));
    let dir = data.arg();
    let run = shinrai(&with_dir(
        &dir,
        &[
            "--lang",
            "en",
            "audit",
            "sample-check",
            "au-1",
            "--control",
            "internal-audit",
        ],
    ));
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("NG internal-audit"), "{}", run.stdout);
}
