//! `shinrai report verify`: a downloaded report is the one signed, whatever its layout; an
//! edited report, a report never signed here, a file that is no report and an altered log are
//! each told apart by the exit status.

use shinrai_store::documents::Batch;
use shinrai_testdata::workflow::story;

use crate::service::{DataDir, json, tamper, with_dir};
use crate::support::{Scratch, shinrai};

/// A data directory holding the testdata story up to the signed report, and the report as a
/// signing auditor would download it (pretty-printed).
fn signed(label: &str) -> (DataDir, String) {
    let data = DataDir::new(label);
    let story = story();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = data.story_store().await;
        let batches = [
            Batch::new()
                .create(&story.body)
                .unwrap()
                .create(&story.profile)
                .unwrap()
                .create(&story.service)
                .unwrap()
                .create(&story.submitted)
                .unwrap(),
            Batch::new()
                .create(&story.ordered)
                .unwrap()
                .update(&story.accepted, 1)
                .unwrap()
                .update(&story.concluded, 2)
                .unwrap()
                .create_recorded_by_next(&story.report, story.signed.event.at_ms)
                .unwrap()
                .update(&story.signed, 3)
                .unwrap(),
        ];
        for batch in batches {
            store.commit(batch).await.unwrap();
        }
        store.close().await;
    });
    let report = serde_json::to_string_pretty(&story.report).unwrap();
    (data, report)
}

#[test]
fn the_signed_report_verifies_in_any_layout() {
    let (data, report) = signed("report-ok");
    let dir = data.arg();
    for (name, text) in [
        ("pretty.json", report.clone()),
        (
            "compact.json",
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&report).unwrap())
                .unwrap(),
        ),
    ] {
        let file = Scratch::new(name, text.as_bytes());
        let run = shinrai(&with_dir(
            &dir,
            &["report", "verify", file.path(), "--json"],
        ));
        assert_eq!(run.status, 0, "{}", run.stderr);
        let answer = json(&run);
        assert_eq!(answer["matches"], true);
        assert_eq!(answer["log_intact"], true);
        assert_eq!(answer["audit"], "au-1");
        assert_eq!(answer["signed_by"], "signer-1");
    }
    let file = Scratch::new("rv-human.json", report.as_bytes());
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "report", "verify", file.path()],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("is the one signed"), "{}", run.stdout);
}

#[test]
fn an_edited_or_unsigned_report_and_a_non_report_are_refused() {
    let (data, report) = signed("report-bad");
    let dir = data.arg();
    let edited = report.replacen("\"conformant\": true", "\"conformant\": false", 1);
    assert_ne!(edited, report);
    let file = Scratch::new("rv-edited.json", edited.as_bytes());
    let run = shinrai(&with_dir(
        &dir,
        &["report", "verify", file.path(), "--json"],
    ));
    assert_eq!(run.status, 1, "{}", run.stderr);
    let answer = json(&run);
    assert_eq!(answer["matches"], false);
    assert!(answer["signed_sha256"].is_string());
    assert!(run.stderr.contains("differs"), "{}", run.stderr);

    let other = report.replace("\"au-1\"", "\"au-9\"");
    let file = Scratch::new("rv-other.json", other.as_bytes());
    let run = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "report", "verify", file.path()],
    ));
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stderr.contains("no signature"), "{}", run.stderr);

    let file = Scratch::new("rv-nothing.json", b"{\"format\": \"something-else\"}");
    let run = shinrai(&with_dir(&dir, &["report", "verify", file.path()]));
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("rv-nothing.json"), "{}", run.stderr);
}

#[test]
fn a_genuine_report_in_an_altered_log_is_not_vouched_for() {
    let (data, report) = signed("report-log");
    let dir = data.arg();
    tamper(
        &dir,
        "UPDATE log_events SET actor = 'someone-else' WHERE action = 'audit.accept'",
    );
    let file = Scratch::new("rv-report.json", report.as_bytes());
    let run = shinrai(&with_dir(
        &dir,
        &["report", "verify", file.path(), "--json"],
    ));
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(json(&run)["log_intact"], false);
}
