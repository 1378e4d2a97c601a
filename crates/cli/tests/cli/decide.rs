//! `shinrai decide`: every example case gives its recorded answer, every malformed case exit 2
//! with the place of the problem, and nothing ever panics.

use serde_json::Value;

use crate::support::{Scratch, case_files, repo_root, shinrai, shinrai_env, shinrai_stdin};

const KINDS: [&str; 8] = [
    "classification",
    "registration",
    "cascade",
    "sample",
    "availability",
    "precheck",
    "selection",
    "lifecycle",
];

fn answer_path(case: &str) -> std::path::PathBuf {
    repo_root().join(case.replace(".json", ".answer.json"))
}

/// `SHINRAI_BLESS=1 cargo test` rewrites the recorded answers; review the diff before committing.
#[test]
fn every_example_case_gives_its_recorded_answer() {
    let bless = std::env::var_os("SHINRAI_BLESS").is_some();
    for kind in KINDS {
        let cases = case_files(kind, "");
        assert!(cases.len() >= 2, "{kind} has at least two examples");
        for case in cases {
            let run = shinrai(&["decide", kind, &case, "--json", "--lang", "en"]);
            assert_eq!(run.status, 0, "{case}: {}", run.stderr);
            assert!(run.stderr.is_empty(), "{case}: {}", run.stderr);
            let answer: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
            let recorded = answer_path(&case);
            if bless {
                std::fs::write(&recorded, &run.stdout).expect("write answer");
                continue;
            }
            let expected: Value = serde_json::from_str(
                &std::fs::read_to_string(&recorded)
                    .unwrap_or_else(|_| panic!("{} is recorded", recorded.display())),
            )
            .expect("recorded answer is JSON");
            assert_eq!(answer, expected, "{case}");
        }
    }
}

#[test]
fn human_summaries_exist_in_both_languages() {
    for kind in KINDS {
        for case in case_files(kind, "") {
            let en = shinrai(&["decide", kind, &case, "--lang", "en"]);
            let ja = shinrai(&["decide", kind, &case, "--lang", "ja"]);
            assert_eq!((en.status, ja.status), (0, 0), "{case}");
            assert!(!en.stdout.trim().is_empty() && !ja.stdout.trim().is_empty());
            assert_ne!(en.stdout, ja.stdout, "{case}");
            // Japanese labels end with a full-width colon; English ones with ": ".
            assert!(ja.stdout.contains('：'), "{case}: {}", ja.stdout);
            assert!(
                en.stdout.lines().next().is_some_and(|l| l.contains(": ")),
                "{case}"
            );
        }
    }
}

#[test]
fn the_registration_summary_shows_decision_level_validity_and_every_finding() {
    let run = shinrai(&[
        "decide",
        "registration",
        "tests/cases/registration/registers.json",
    ]);
    assert!(
        run.stdout.contains("Decision: register\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Level: 2\n"));
    assert!(run.stdout.contains("Valid until: 2027-07-31\n"));

    let json = shinrai(&[
        "decide",
        "registration",
        "tests/cases/registration/rejected.json",
        "--json",
    ]);
    let answer: Value = serde_json::from_str(&json.stdout).expect("JSON");
    for lang in ["en", "ja"] {
        let run = shinrai(&[
            "decide",
            "registration",
            "tests/cases/registration/rejected.json",
            "--lang",
            lang,
        ]);
        for finding in answer["findings"].as_array().expect("findings") {
            let message = finding["messages"][lang].as_str().expect("message");
            assert!(
                run.stdout.contains(message),
                "{lang} summary lacks: {message}"
            );
            assert!(run.stdout.contains(finding["code"].as_str().expect("code")));
        }
    }
}

#[test]
fn the_precheck_summary_shows_the_levels_and_every_finding_at_the_target() {
    let case = "tests/cases/precheck/draft-aiming-at-level-3.json";
    let run = shinrai(&["decide", "precheck", case, "--lang", "en"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Target level: 3\nReachable level: 1\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Findings by level: 1: 0 · 2: 3 · 3: 6\n"),
        "{}",
        run.stdout
    );
    let json = shinrai(&["decide", "precheck", case, "--json"]);
    let answer: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(answer["findings"].as_array().expect("findings").len(), 6);
    for lang in ["en", "ja"] {
        let run = shinrai(&["decide", "precheck", case, "--lang", lang]);
        for finding in answer["findings"].as_array().expect("findings") {
            let message = finding["messages"][lang].as_str().expect("message");
            assert!(
                run.stdout.contains(message),
                "{lang} summary lacks: {message}"
            );
            assert!(run.stdout.contains(finding["code"].as_str().expect("code")));
        }
    }
    let ja = shinrai(&["decide", "precheck", case, "--lang", "ja"]);
    assert!(ja.stdout.contains("到達できるレベル：1\n"), "{}", ja.stdout);

    let ready = shinrai(&[
        "decide",
        "precheck",
        "tests/cases/precheck/ready-for-level-2.json",
        "--lang",
        "en",
    ]);
    assert!(
        ready.stdout.ends_with("Findings at level 2: none\n"),
        "{}",
        ready.stdout
    );
    let nowhere = shinrai(&[
        "decide",
        "precheck",
        "tests/cases/precheck/rules-example.json",
        "--lang",
        "ja",
    ]);
    assert!(
        nowhere
            .stdout
            .contains("到達できるレベル：なし（どのレベルにも指摘があります）\n"),
        "{}",
        nowhere.stdout
    );
}

#[test]
fn the_selection_summary_shows_decision_validity_auditors_and_every_finding() {
    let case = "tests/cases/selection/leap-day-three-years.json";
    let run = shinrai(&["decide", "selection", case, "--lang", "en"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Decision: select\nValid: 2028-02-29 – 2031-02-28\n\
         Qualified signing auditors: Sato Hanako, Suzuki Ichiro\nFindings: none\n"
    );
    let case = "tests/cases/selection/all-findings.json";
    let json = shinrai(&["decide", "selection", case, "--json"]);
    let answer: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(answer["findings"].as_array().expect("findings").len(), 7);
    for lang in ["en", "ja"] {
        let run = shinrai(&["decide", "selection", case, "--lang", lang]);
        for finding in answer["findings"].as_array().expect("findings") {
            let message = finding["messages"][lang].as_str().expect("message");
            assert!(
                run.stdout.contains(message),
                "{lang} summary lacks: {message}"
            );
            assert!(run.stdout.contains(finding["code"].as_str().expect("code")));
        }
    }
    let ja = shinrai(&["decide", "selection", case, "--lang", "ja"]);
    assert!(
        ja.stdout.starts_with("判定：却下 (reject)\n有効期間：—\n"),
        "{}",
        ja.stdout
    );
}

#[test]
fn the_availability_summary_shows_what_one_user_really_lost() {
    let case = "tests/cases/availability/one-user-down-a-working-day.json";
    let en = shinrai(&["decide", "availability", case, "--lang", "en"]);
    assert!(
        en.stdout.contains("Monthly availability: 99.99 %"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout.contains("480-minute outage (8 h)"),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("up only 98.92 %"), "{}", en.stdout);
    let ja = shinrai(&["decide", "availability", case, "--lang", "ja"]);
    assert!(ja.stdout.contains("480 分（8 時間）"), "{}", ja.stdout);
    // When every outage hit every user there is nothing hidden to tell.
    let all_hit =
        r#"{"users": 10, "days": 30, "outages": [{"minutes": 60, "affected_users": 10}]}"#;
    let run = shinrai_stdin(&["decide", "availability", "-"], all_hit.as_bytes());
    assert_eq!(run.status, 0);
    assert!(!run.stdout.contains("lost"), "{}", run.stdout);
}

#[test]
fn every_malformed_case_exits_2_naming_file_and_place() {
    let mut count = 0;
    for kind in KINDS {
        let cases = case_files(kind, "malformed");
        assert!(cases.len() >= 4, "{kind} has malformed examples");
        for case in cases {
            let expect =
                std::fs::read_to_string(repo_root().join(case.replace(".json", ".expect")))
                    .expect("expected place recorded");
            let place = expect.trim();
            let run = shinrai(&["decide", kind, &case, "--lang", "en"]);
            assert_eq!(run.status, 2, "{case}: {}", run.stderr);
            assert!(run.stdout.is_empty(), "{case}: nothing on stdout");
            let prefix = format!("error: {case}: {place} (");
            assert!(
                run.stderr.starts_with(&prefix),
                "{case}: expected {prefix}…, got {}",
                run.stderr
            );
            assert!(
                run.stderr.ends_with(")\n") && run.stderr.lines().count() == 1,
                "{}",
                run.stderr
            );
            assert!(!run.stderr.contains("panicked"));
            let ja = shinrai(&["decide", kind, &case, "--lang", "ja", "--json"]);
            assert_eq!(ja.status, 2);
            assert!(
                ja.stderr.chars().any(|c| c > '\u{3000}'),
                "Japanese error: {}",
                ja.stderr
            );
            count += 1;
        }
    }
    assert!(count >= 20);
}

#[test]
fn standard_input_gives_the_same_answer_as_the_file() {
    let case = "tests/cases/cascade/chain-with-cycle.json";
    let from_file = shinrai(&["decide", "cascade", case, "--json"]);
    let text = std::fs::read(repo_root().join(case)).expect("read case");
    let from_stdin = shinrai_stdin(&["decide", "cascade", "-", "--json"], &text);
    assert_eq!(from_stdin.status, 0);
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let broken = shinrai_stdin(&["decide", "cascade", "-"], b"{\"registry\": [}");
    assert_eq!(broken.status, 2);
    assert!(
        broken
            .stderr
            .starts_with("error: <stdin>: line 1 column 15 ("),
        "{}",
        broken.stderr
    );
}

#[test]
fn unreadable_input_exits_2() {
    let missing = shinrai(&["decide", "sample", "/nonexistent/case.json"]);
    assert_eq!(missing.status, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: /nonexistent/case.json: cannot read ("),
        "{}",
        missing.stderr
    );

    let invalid = Scratch::new("latin1.json", b"{\"frequency\": \"daily\xe9\"}");
    let run = shinrai(&["decide", "sample", invalid.path()]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: {}: byte offset 20 (not valid UTF-8)\n",
            invalid.path()
        )
    );

    let deep = Scratch::new("deep.json", "[".repeat(100_000).as_bytes());
    let run = shinrai(&["decide", "classification", deep.path()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("recursion limit exceeded"),
        "{}",
        run.stderr
    );

    let directory = shinrai(&["decide", "sample", "/tmp"]);
    assert_eq!(directory.status, 2);
}

#[test]
fn schemas_are_printed_and_parse() {
    for kind in KINDS {
        let run = shinrai(&["decide", kind, "--schema"]);
        assert_eq!(run.status, 0);
        let schema: Value = serde_json::from_str(&run.stdout).expect("schema is JSON");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let on_disk = std::fs::read_to_string(
            repo_root().join(format!("crates/domain/schemas/{kind}.schema.json")),
        )
        .expect("schema file");
        assert_eq!(run.stdout, on_disk);
    }
}

#[test]
fn the_language_follows_the_locale_unless_a_flag_says_otherwise() {
    let case = "tests/cases/sample/table-override.json";
    let ja = shinrai_env(&["decide", "sample", case], &[("LANG", "ja_JP.UTF-8")]);
    assert!(ja.stdout.starts_with("サンプル数："), "{}", ja.stdout);
    let en = shinrai_env(
        &["decide", "sample", case, "--lang", "en"],
        &[("LANG", "ja_JP.UTF-8")],
    );
    assert!(en.stdout.starts_with("Sample size: "), "{}", en.stdout);
    let default = shinrai_env(&["decide", "sample", case], &[("LANG", "C.UTF-8")]);
    assert!(
        default.stdout.starts_with("Sample size: "),
        "{}",
        default.stdout
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(shinrai(&["decide", "lottery", "x.json"]).status, 2);
    assert_eq!(shinrai(&["decide", "sample"]).status, 2);
    assert_eq!(
        shinrai(&["decide", "sample", "x.json", "--schema"]).status,
        2
    );
    let help = shinrai(&["decide", "--help"]);
    assert_eq!(help.status, 0);
    for kind in KINDS {
        assert!(help.stdout.contains(kind), "help lists {kind}");
    }
    assert!(help.stdout.contains("判定"), "help is bilingual");
    assert_eq!(shinrai(&["--help"]).status, 0);
    assert_eq!(shinrai(&["--version"]).status, 0);
}

#[test]
fn a_case_file_over_16_mib_is_refused_unread_naming_the_file() {
    const MAX_CASE_BYTES: usize = 16 * 1024 * 1024;
    let case = br#"{"frequency": "daily", "population": 10, "seed": 1}"#;
    // White space after the document is still JSON, so only the size can be wrong.
    let padded = |size: usize| {
        let mut bytes = case.to_vec();
        bytes.resize(size, b' ');
        bytes
    };
    let largest = Scratch::new("largest.json", &padded(MAX_CASE_BYTES));
    let run = shinrai(&["decide", "sample", largest.path(), "--json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);

    let over = Scratch::new("over.json", &padded(MAX_CASE_BYTES + 1));
    let run = shinrai(&["decide", "sample", over.path(), "--lang", "en"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: {}: larger than 16777216 bytes, the most this command reads\n",
            over.path()
        )
    );
    let ja = shinrai(&["decide", "sample", over.path(), "--lang", "ja"]);
    assert_eq!(ja.status, 2);
    assert!(
        ja.stderr.contains("16777216 バイトを超えています"),
        "{}",
        ja.stderr
    );
}

#[test]
fn a_lifecycle_case_may_hold_a_registry_history_past_16_mib_up_to_128() {
    const MAX_LIFECYCLE_CASE_BYTES: u64 = 128 * 1024 * 1024;
    let case = br#"{"as_of": "2027-01-01", "registrations": [{"service": "a", "level": 1, "valid_until": "2027-12-31"}], "events": []}"#;
    let mut bytes = case.to_vec();
    bytes.resize(16 * 1024 * 1024 + 1, b' ');
    let history = Scratch::new("history.json", &bytes);
    let run = shinrai(&["decide", "lifecycle", history.path(), "--json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"status\": \"registered\""));

    // Past its own bound it is refused unread: the file is sparse, its size is all that counts.
    let over = Scratch::new("over-history.json", b"{}");
    std::fs::OpenOptions::new()
        .write(true)
        .open(over.path())
        .and_then(|file| file.set_len(MAX_LIFECYCLE_CASE_BYTES + 1))
        .expect("extend the file");
    let run = shinrai(&["decide", "lifecycle", over.path(), "--lang", "en"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: {}: larger than 134217728 bytes, the most this command reads\n",
            over.path()
        )
    );
}
