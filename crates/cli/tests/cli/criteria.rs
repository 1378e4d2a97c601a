//! `shinrai criteria …` as operators run it: import (table and OSCAL with level profiles), check,
//! show, list, export, round trips, diff and publish, on a fresh data directory.

use serde_json::Value;

use crate::oscal::data_dir;
use crate::support::{Scratch, shinrai, shinrai_within};

struct Place {
    dir: std::path::PathBuf,
}

impl Place {
    fn new(label: &str) -> Place {
        let dir =
            std::env::temp_dir().join(format!("shinrai-criteria-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Place { dir }
    }

    fn file(&self, name: &str) -> String {
        self.dir.join(name).to_string_lossy().into_owned()
    }

    fn run(&self, args: &[&str]) -> crate::support::Run {
        let data = self.file("data");
        let mut all = vec!["--lang", "en", "--data-dir", data.as_str(), "criteria"];
        all.extend_from_slice(args);
        shinrai(&all)
    }

    fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.status, 0, "{args:?}: {}{}", run.stdout, run.stderr);
        run.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn demo_csv(place: &Place) -> String {
    let mut bytes = Vec::new();
    let demo = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    shinrai_formats::table::write_csv(&demo, &mut bytes).unwrap();
    let path = place.file("demo.csv");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn by_level(shown: &Value) -> [u64; 3] {
    ["1", "2", "3"].map(|l| shown["counts"]["by_level"][l].as_u64().unwrap())
}

#[test]
fn the_demo_criteria_import_check_show_export_and_come_back_equal() {
    let place = Place::new("demo");
    let csv = demo_csv(&place);
    let out = place.ok(&["import", &csv]);
    assert!(out.starts_with("demo-2026: imported as a draft"), "{out}");
    assert!(place.ok(&["check", "demo-2026"]).contains("consistent"));
    let shown = place.json(&["show", "demo-2026", "--json"]);
    assert_eq!(shown["version"], "demo-2026");
    assert_eq!(shown["status"], "draft");
    assert_eq!(shown["titles"]["ja"], "shinrai デモ管理基準 2026 年版");
    assert!(shown["counts"]["controls"].as_u64().unwrap() >= 250);
    assert_eq!(shown["counts"]["objectives"], 121);
    let control = place.ok(&["show", "demo-2026", "12.3.1.1"]);
    assert!(
        control.starts_with("12.3.1.1 [Control criteria]"),
        "{control}"
    );
    // Technology examples one a line with the id a statement cites; items with level and models.
    let mfa = place.ok(&["show", "demo-2026", "9.4.2.2"]);
    assert!(
        mfa.contains("\ntechnology examples:\n  totp: One-time passwords from an authenticator app\n  fido2: FIDO2/WebAuthn support\n"),
        "{mfa}"
    );
    let item = place.json(&["show", "demo-2026", "M.3.6", "--json"]);
    assert_eq!(item["min_level"], 2);
    assert_eq!(item["service_models"], serde_json::json!(["PaaS", "SaaS"]));
    assert_eq!(item["technology_examples"][0]["id"], "underlying-register");
    assert_eq!(
        item["technology_examples"][0]["name"]["en"],
        "A register of underlying services with their registration level and terms"
    );

    // Every format gives back an equal version.
    let oscal_dir = place.file("oscal");
    let written = place.ok(&["export", "demo-2026", "--format", "oscal", "-o", &oscal_dir]);
    assert_eq!(written.lines().count(), 4, "{written}");
    for file in written.lines() {
        let validated = shinrai(&["oscal", "validate", file]);
        assert_eq!(
            validated.status, 0,
            "{file}: {}{}",
            validated.stdout, validated.stderr
        );
    }
    let catalog = format!("{oscal_dir}/catalog.json");
    let profiles = format!(
        "{oscal_dir}/profile-level-1.json,{oscal_dir}/profile-level-2.json,{oscal_dir}/profile-level-3.json"
    );
    place.ok(&[
        "import",
        &catalog,
        "--version",
        "via-oscal",
        "--level-profiles",
        &profiles,
    ]);
    place.ok(&[
        "export",
        "demo-2026",
        "--format",
        "csv",
        "-o",
        &place.file("out.csv"),
    ]);
    place.ok(&["import", &place.file("out.csv"), "--version", "via-csv"]);
    place.ok(&[
        "export",
        "demo-2026",
        "--format",
        "xlsx",
        "-o",
        &place.file("out.xlsx"),
    ]);
    place.ok(&["import", &place.file("out.xlsx"), "--version", "via-xlsx"]);
    for copy in ["via-oscal", "via-csv", "via-xlsx"] {
        assert_no_difference(&place.json(&["diff", "demo-2026", copy, "--json"]), copy);
        assert_eq!(
            by_level(&place.json(&["show", copy, "--json"])),
            by_level(&shown)
        );
    }

    // The risk map travels in the table: a band edited there shows in the difference.
    let table = std::fs::read_to_string(place.file("out.csv")).unwrap();
    let edited: String = table
        .split_inclusive("\r\n")
        .map(|line| {
            if line.starts_with("risk,H01,") {
                line.replacen(",high,", ",medium,", 1)
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert_ne!(edited, table, "the CSV holds risk H01");
    std::fs::write(place.file("edited.csv"), edited).unwrap();
    place.ok(&["import", &place.file("edited.csv"), "--version", "via-edit"]);
    let text = place.ok(&["diff", "demo-2026", "via-edit", "--lang", "en"]);
    assert!(text.contains("~ risk H01  [changed]"), "{text}");

    let listed = place.json(&["list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 5);

    // Published once, then never again.
    let published = place.ok(&["publish", "demo-2026", "--date", "2026-04-01"]);
    assert_eq!(published, "demo-2026 published 2026-04-01\n");
    let again = place.run(&["publish", "demo-2026"]);
    assert_eq!(again.status, 1, "{}", again.stderr);
    assert!(
        again.stderr.contains("is published and cannot change"),
        "{}",
        again.stderr
    );
    let twice = place.run(&["import", &csv]);
    assert_eq!(twice.status, 1);

    // A transition day: never before the publication.
    let early = place.run(&[
        "publish",
        "via-csv",
        "--date",
        "2026-11-01",
        "--transition-on",
        "2026-10-31",
    ]);
    assert_eq!(early.status, 1, "{}", early.stderr);
    assert!(
        early
            .stderr
            .contains("the transition day 2026-10-31 is before the publication date 2026-11-01"),
        "{}",
        early.stderr
    );
    let with_transition = place.ok(&[
        "publish",
        "via-csv",
        "--date",
        "2026-11-01",
        "--transition-on",
        "2027-04-01",
    ]);
    assert_eq!(with_transition, "via-csv published 2026-11-01\n");
}

#[test]
fn the_nist_catalog_with_three_baselines_as_levels() {
    let place = Place::new("nist");
    let data = data_dir();
    let file = |name: &str| data.join(name).to_string_lossy().into_owned();
    let profiles = format!(
        "{},{},{}",
        file("NIST_SP-800-53_rev5_LOW-baseline_profile.json"),
        file("NIST_SP-800-53_rev5_MODERATE-baseline_profile.json"),
        file("NIST_SP-800-53_rev5_HIGH-baseline_profile.json"),
    );
    let run = place.run(&[
        "import",
        &file("NIST_SP-800-53_rev5_catalog.json"),
        "--version",
        "nist-r5",
        "--level-profiles",
        &profiles,
    ]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("note:"),
        "the left-out controls are reported: {}",
        run.stderr
    );
    let shown = place.json(&["show", "nist-r5", "--json"]);
    assert_eq!(by_level(&shown), [149, 287, 370]);
    assert!(place.ok(&["check", "nist-r5"]).contains("consistent"));

    let csv = place.file("nist.csv");
    place.ok(&["export", "nist-r5", "--format", "csv", "-o", &csv]);
    place.ok(&["import", &csv, "--version", "nist-csv"]);
    let oscal_dir = place.file("oscal");
    place.ok(&["export", "nist-r5", "--format", "oscal", "-o", &oscal_dir]);
    place.ok(&[
        "import",
        &format!("{oscal_dir}/catalog.json"),
        "--version",
        "nist-oscal",
    ]);
    let xlsx = place.file("nist.xlsx");
    place.ok(&["export", "nist-r5", "--format", "xlsx", "-o", &xlsx]);
    place.ok(&["import", &xlsx, "--version", "nist-xlsx"]);
    for copy in ["nist-csv", "nist-oscal", "nist-xlsx"] {
        assert_no_difference(&place.json(&["diff", "nist-r5", copy, "--json"]), copy);
        assert_eq!(
            by_level(&place.json(&["show", copy, "--json"])),
            [149, 287, 370]
        );
    }
}

#[test]
fn a_broken_table_names_its_place_and_stores_nothing() {
    let place = Place::new("broken");
    let csv = std::fs::read_to_string(demo_csv(&place)).unwrap();
    // Level 4 in the first control row.
    let broken: String = csv
        .lines()
        .enumerate()
        .map(|(n, line)| {
            let line = if n > 0
                && line.starts_with("control,")
                && !csv.lines().take(n).any(|l| l.starts_with("control,"))
            {
                line.replacen(",1,", ",4,", 1)
            } else {
                line.to_owned()
            };
            format!("{line}\n")
        })
        .collect();
    assert_ne!(broken, csv.replace("\r\n", "\n"));
    let file = Scratch::new("broken-level.csv", broken.as_bytes());
    let run = place.run(&["import", file.path()]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("row") && run.stderr.contains("min_level"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("level 4 is not 1, 2 or 3"),
        "{}",
        run.stderr
    );
    assert_eq!(place.json(&["list", "--json"]), serde_json::json!([]));

    // `check` reads a file before it is imported and lists every problem.
    let mut version = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    version.controls[10].id = "99.1.1.1".to_owned();
    let mut bytes = Vec::new();
    shinrai_formats::table::write_csv(&version, &mut bytes).unwrap();
    let inconsistent = Scratch::new("inconsistent.csv", &bytes);
    let checked = place.run(&["check", inconsistent.path()]);
    assert_eq!(checked.status, 1, "{}", checked.stdout);
    assert!(
        checked
            .stdout
            .contains("99.1.1.1: its id does not continue"),
        "{}",
        checked.stdout
    );

    let template = place.file("template.xlsx");
    place.ok(&["template", "--format", "xlsx", "-o", &template]);
    let empty = place.run(&["import", &template]);
    assert_eq!(empty.status, 1);
    let missing = place.run(&["import", &place.file("no-such.csv")]);
    assert_eq!(missing.status, 2, "{}", missing.stderr);
    assert!(empty.stderr.contains("version"), "{}", empty.stderr);
}

#[test]
fn a_workbook_declaring_the_whole_grid_is_refused_naming_the_sheet_and_the_bound() {
    // The security review's 1.5 KB file: cells A1 and XFD1048576 declaring A1:XFD1048576 made
    // `check` abort on an allocation of 512 GiB. Now it is unreadable input, in bounded memory.
    let place = Place::new("whole-grid");
    let file = Scratch::new(
        "whole-grid.xlsx",
        &shinrai_testdata::xlsx::whole_grid("criteria"),
    );
    let data = place.file("data");
    for (lang, message) in [
        (
            "en",
            "sheet criteria: declares A1:XFD1048576 (17,179,869,184 cells), more than the 1,000,000 allowed",
        ),
        (
            "ja",
            "シート criteria: 範囲 A1:XFD1048576（17,179,869,184 セル）が宣言されており、上限の 1,000,000 セルを超えています",
        ),
    ] {
        let args = [
            "--lang",
            lang,
            "--data-dir",
            &data,
            "criteria",
            "check",
            file.path(),
        ];
        let run = shinrai_within(&args, 1 << 30);
        assert_eq!(run.status, 2, "{}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains(message), "{}", run.stderr);
        assert!(run.stderr.contains(file.path()), "{}", run.stderr);
    }
    let run = place.run(&["import", file.path()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert_eq!(place.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn japanese_messages() {
    let place = Place::new("ja");
    let csv = demo_csv(&place);
    let data = place.file("data");
    let run = shinrai(&[
        "--lang",
        "ja",
        "--data-dir",
        &data,
        "criteria",
        "import",
        &csv,
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("案として取り込みました"),
        "{}",
        run.stdout
    );
    let shown = shinrai(&[
        "--lang",
        "ja",
        "--data-dir",
        &data,
        "criteria",
        "show",
        "demo-2026",
        "12.3.1.1",
    ]);
    assert!(
        shown.stdout.contains("[管理策基準]") && shown.stdout.contains("統制目標: 12.3.1"),
        "{}",
        shown.stdout
    );
    assert!(
        shown
            .stdout
            .contains("実装され得る技術の例:\n  backup-storage-separate: "),
        "{}",
        shown.stdout
    );
}

#[test]
fn a_progress_bar_shows_while_importing_on_a_terminal_only() {
    let place = Place::new("progress");
    let catalog = data_dir()
        .join("NIST_SP-800-53_rev5_catalog.json")
        .to_string_lossy()
        .into_owned();
    // `script` runs the command under a pseudo-terminal, as a user's shell would.
    let command = format!(
        "{} --lang en --data-dir {} criteria import {catalog} --version on-terminal",
        env!("CARGO_BIN_EXE_shinrai"),
        place.file("data")
    );
    let terminal = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    assert!(terminal.status.success());
    let shown = String::from_utf8_lossy(&terminal.stdout);
    assert!(
        shown.contains("reading"),
        "progress on a terminal: {shown:?}"
    );
    let piped = place.run(&["import", &catalog, "--version", "piped"]);
    assert_eq!(piped.status, 0);
    assert!(!piped.stderr.contains("reading") && !piped.stdout.contains("reading"));
}

/// A difference that finds nothing added, removed or changed, controls and risks alike.
fn assert_no_difference(difference: &Value, copy: &str) {
    for key in [
        "added",
        "removed",
        "changed",
        "risks_added",
        "risks_removed",
        "risks_changed",
    ] {
        assert_eq!(difference[key], serde_json::json!([]), "{copy} {key}");
    }
}
