//! `shinrai oscal resolve|convert|validate` as users run them, on the shared public OSCAL files.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::{Scratch, shinrai};

/// The shared OSCAL files: `$SHINRAI_OSCAL_DATA`, else beside the repository, else
/// `/work/shared/data/oscal`. Missing data fails the test rather than skipping it.
pub fn data_dir() -> PathBuf {
    [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(crate::support::repo_root().join("../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ]
    .into_iter()
    .flatten()
    .find(|dir| dir.join("NIST_SP-800-53_rev5_catalog.json").is_file())
    .expect("OSCAL test data: set SHINRAI_OSCAL_DATA")
}

fn data(name: &str) -> String {
    data_dir().join(name).to_string_lossy().into_owned()
}

fn control_count(catalog: &Value) -> usize {
    fn walk(node: &Value) -> usize {
        let controls = node["controls"].as_array().into_iter().flatten();
        let groups = node["groups"].as_array().into_iter().flatten();
        controls.map(|control| 1 + walk(control)).sum::<usize>() + groups.map(walk).sum::<usize>()
    }
    walk(&catalog["catalog"])
}

#[test]
fn resolve_writes_a_catalog_to_stdout_or_a_file_in_json_or_yaml() {
    let dir = data_dir().to_string_lossy().into_owned();
    let profile = data("FedRAMP_rev5_HIGH-baseline_profile.json");
    let run = shinrai(&["oscal", "resolve", &profile, "--catalog-dir", &dir]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // No progress when not on a terminal; only notes. FedRAMP HIGH adds its CORE property 100 times
    // with a `by-id` naming the control itself, which the specification makes inoperative
    // (`req-modify-alter-add-explicit-id`): one note each, at the addition's `by-id`.
    let notes: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(notes.len(), 100, "{}", run.stderr);
    assert!(
        notes
            .iter()
            .all(|line| line.starts_with("note: ") && line.contains("/by-id (")),
        "{}",
        run.stderr
    );
    let from_stdout: Value = serde_json::from_str(&run.stdout).expect("JSON catalog");
    assert_eq!(control_count(&from_stdout), 410);

    let out = Scratch::new("resolved.yaml", b"");
    let run = shinrai(&[
        "oscal",
        "resolve",
        &profile,
        "--catalog-dir",
        &dir,
        "-o",
        out.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let from_yaml: Value =
        serde_norway::from_str(&std::fs::read_to_string(out.path()).expect("read")).expect("YAML");
    let mut left = from_stdout.clone();
    let mut right = from_yaml.clone();
    // Only the resolution time may differ.
    left["catalog"]["metadata"]["last-modified"] = Value::Null;
    right["catalog"]["metadata"]["last-modified"] = Value::Null;
    assert_eq!(left, right);
}

#[test]
fn resolve_refuses_remote_imports_without_a_catalog_folder_and_names_the_place() {
    let profile = data("FedRAMP_rev5_MODERATE-baseline_profile.json");
    let run = shinrai(&["oscal", "resolve", &profile]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with(&format!("error: {profile}: /profile/imports/0/href (")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--catalog-dir"));
    let japanese = shinrai(&["--lang", "ja", "oscal", "resolve", &profile]);
    assert!(
        japanese.stderr.contains("--catalog-dir") && japanese.stderr.contains("フォルダ"),
        "{}",
        japanese.stderr
    );

    let catalog = data("NIST_SP-800-53_rev5_catalog.json");
    let run = shinrai(&["oscal", "resolve", &catalog]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("not a profile"), "{}", run.stderr);
}

#[test]
fn convert_round_trips_through_yaml() {
    let original = data("FedRAMP-SSP-OSCAL-Template.json");
    let yaml = Scratch::new("ssp.yaml", b"");
    let json = Scratch::new("ssp-again.json", b"");
    assert_eq!(
        shinrai(&["oscal", "convert", &original, "-o", yaml.path()]).status,
        0
    );
    assert!(
        std::fs::read_to_string(yaml.path())
            .expect("yaml")
            .starts_with("system-security-plan:")
    );
    let back = shinrai(&["oscal", "convert", yaml.path(), "-o", json.path()]);
    assert_eq!(back.status, 0, "{}", back.stderr);
    let read = |path: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
    };
    assert_eq!(read(json.path()), read(&original));
}

#[test]
fn bad_input_exits_2_naming_file_and_place() {
    let truncated = Scratch::new(
        "truncated.json",
        b"{\"catalog\": {\"uuid\": \"x\",\n  \"metadata\": {",
    );
    let run = shinrai(&["oscal", "convert", truncated.path(), "-o", "/dev/null"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with(&format!("error: {}: line 2 column 15 (", truncated.path())),
        "{}",
        run.stderr
    );

    let wrong_root = Scratch::new("wrong.json", b"{\"catalogue\": {}}");
    let run = shinrai(&["oscal", "convert", wrong_root.path(), "-o", "/dev/null"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(": / (not an OSCAL document"),
        "{}",
        run.stderr
    );

    let deep = Scratch::new(
        "deep.json",
        format!("{{\"catalog\": {}", "[".repeat(50_000)).as_bytes(),
    );
    let run = shinrai(&["oscal", "convert", deep.path(), "-o", "/dev/null"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("recursion limit"), "{}", run.stderr);

    let latin1 = Scratch::new("latin1.json", b"{\"catalog\": \"caf\xe9\"}");
    let run = shinrai(&["oscal", "convert", latin1.path(), "-o", "/dev/null"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("byte offset 16 (not valid UTF-8)"),
        "{}",
        run.stderr
    );

    let catalog = data("NIST_SP-800-53_rev5_catalog.json");
    let run = shinrai(&[
        "oscal",
        "convert",
        &catalog,
        "-o",
        "/dev/null",
        "--max-bytes",
        "1000000",
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("over the limit of 1000000 bytes"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_progress_bar_shows_on_a_terminal_only() {
    // `script` runs the command under a pseudo-terminal, as a user's shell would.
    let out = Scratch::new("progress.yaml", b"");
    let catalog = data("NIST_SP-800-53_rev5_catalog.json");
    let command = format!(
        "{} oscal convert {catalog} -o {}",
        env!("CARGO_BIN_EXE_shinrai"),
        out.path()
    );
    let terminal = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script runs");
    assert!(terminal.status.success());
    let shown = String::from_utf8_lossy(&terminal.stdout);
    assert!(
        shown.contains("reading") || shown.contains("MiB"),
        "progress on a terminal: {shown:?}"
    );
    let piped = shinrai(&["oscal", "convert", &catalog, "-o", out.path()]);
    assert_eq!(piped.status, 0);
    assert!(piped.stdout.is_empty() && piped.stderr.is_empty());
}

#[test]
fn validate_passes_every_shared_document_but_the_two_broken_templates() {
    let dir = data_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("data")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json") && !name.starts_with("oscal_"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 15);
    let dir_arg = dir.to_string_lossy().into_owned();
    for name in names {
        let path = data(&name);
        let run = shinrai(&[
            "oscal",
            "validate",
            &path,
            "--catalog-dir",
            &dir_arg,
            "--json",
        ]);
        let report: Value =
            serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{name}: {}", run.stderr));
        let pointers: Vec<&str> = report["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|p| p["pointer"].as_str().expect("pointer"))
            .collect();
        let expected: &[&str] = match name.as_str() {
            "FedRAMP-SAP-OSCAL-Template.json" => &["/assessment-plan/metadata/roles/14/title"],
            "FedRAMP-SAR-OSCAL-Template.json" => {
                &["/assessment-results/results/0/risks/1/remediations/0/title"]
            }
            _ => &[],
        };
        assert_eq!(pointers, expected, "{name}");
        assert_eq!(
            run.status,
            if expected.is_empty() { 0 } else { 1 },
            "{name}"
        );
        assert_eq!(report["valid"], Value::Bool(expected.is_empty()));
    }
}

#[test]
fn validate_lists_problems_in_the_chosen_language_and_exits_1() {
    let broken = "tests/cases/oscal/broken_catalog.json";
    let en = shinrai(&["oscal", "validate", broken]);
    assert_eq!(en.status, 1);
    assert!(
        en.stderr.is_empty(),
        "the problems are the output: {}",
        en.stderr
    );
    assert!(
        en.stdout.contains("[duplicate_id]")
            && en.stdout.contains("[schema]")
            && en.stdout.contains("[unknown_param]")
    );
    let ja = shinrai(&["--lang", "ja", "oscal", "validate", broken]);
    assert_eq!(ja.status, 1);
    assert!(ja.stdout.contains("3 件の問題があります"), "{}", ja.stdout);
}

#[test]
fn validate_checks_a_profile_against_its_catalog_and_notes_what_it_cannot_load() {
    let scratch = Scratch::new("profile-unknown.json", br#"{"profile": {
        "uuid": "2c4e6a8b-1d3f-4a5c-9e7b-0d2f4a6c8e92",
        "metadata": {"title": "t", "last-modified": "2026-11-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"},
        "imports": [{"href": "missing_catalog.json", "include-all": {}}]}}"#);
    let run = shinrai(&["oscal", "validate", scratch.path()]);
    assert_eq!(
        run.status, 0,
        "an import that cannot be loaded is a note: {}",
        run.stdout
    );
    assert!(run.stdout.contains("import_not_checked"), "{}", run.stdout);

    // The same demo profile, selecting a control its catalog does not have, beside a copy of
    // the catalog.
    let root = crate::support::repo_root().join("tests/cases/oscal");
    let mut profile: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("demo_profile.json")).expect("demo"),
    )
    .expect("json");
    profile["profile"]["imports"][0]["include-controls"][0]["with-ids"][1] = Value::from("bk-7");
    let catalog = Scratch::new(
        "demo_catalog.json",
        &std::fs::read(root.join("demo_catalog.json")).expect("catalog"),
    );
    let wrong = Scratch::new(
        "wrong-id_profile.json",
        profile
            .to_string()
            .replace("demo_catalog.json", catalog.path())
            .as_bytes(),
    );
    let run = shinrai(&["oscal", "validate", wrong.path()]);
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("/profile/imports/0/include-controls/0/with-ids/1")
            && run.stdout.contains("[missing_control]"),
        "{}",
        run.stdout
    );
}

/// The shared OSCAL XML files, beside the JSON ones.
fn xml_data(name: &str) -> String {
    data_dir()
        .join("../oscal-xml")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn xml_converts_to_json_and_back_and_validates() {
    let original = xml_data("examples/ifa_ssp-example.xml");
    let json = Scratch::new("ssp.json", b"");
    let xml = Scratch::new("ssp-again.xml", b"");
    let run = shinrai(&["oscal", "convert", &original, "-o", json.path()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let value: Value =
        serde_json::from_str(&std::fs::read_to_string(json.path()).expect("json")).expect("JSON");
    assert!(value["system-security-plan"]["uuid"].is_string());
    let back = shinrai(&["oscal", "convert", json.path(), "-o", xml.path()]);
    assert_eq!(back.status, 0, "{}", back.stderr);
    let text = std::fs::read_to_string(xml.path()).expect("xml");
    assert!(
        text.contains("<system-security-plan xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\""),
        "{}",
        &text[..200.min(text.len())]
    );
    for file in [original.as_str(), xml.path()] {
        let run = shinrai(&["oscal", "validate", file]);
        assert_eq!(run.status, 0, "{file}: {}", run.stdout);
        assert!(
            run.stdout.contains("valid (system-security-plan)"),
            "{}",
            run.stdout
        );
    }
    // `--format xml` where the file name does not say.
    let out = Scratch::new("ssp-out", b"");
    let run = shinrai(&[
        "oscal",
        "convert",
        json.path(),
        "-o",
        out.path(),
        "--format",
        "xml",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(out.path())
            .expect("out")
            .starts_with("<?xml")
    );
}

#[test]
fn bad_xml_exits_2_naming_the_line() {
    let scratch = Scratch::new(
        "broken.xml",
        b"<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"u\">\n  <widget/>\n</catalog>\n",
    );
    let run = shinrai(&["oscal", "convert", scratch.path(), "-o", "out.json"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("broken.xml: line 2 column 3")
            && run.stderr.contains("<widget> is not allowed in <catalog>"),
        "{}",
        run.stderr
    );
}

#[test]
fn xml_that_is_not_well_formed_is_told_in_the_language_asked_for() {
    let scratch = Scratch::new(
        "unclosed.xml",
        b"<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\"\n uuid=\"u>\n</catalog>\n",
    );
    let en = shinrai(&["oscal", "validate", scratch.path()]);
    let ja = shinrai(&["--lang", "ja", "oscal", "validate", scratch.path()]);
    assert_eq!((en.status, ja.status), (2, 2), "{}{}", en.stderr, ja.stderr);
    assert!(
        en.stderr
            .contains("not well-formed XML: an attribute value in <catalog> is never closed"),
        "{}",
        en.stderr
    );
    assert!(
        ja.stderr
            .contains("XML の構文が正しくありません: <catalog> の属性値が閉じられていません"),
        "{}",
        ja.stderr
    );
}

#[test]
fn an_import_that_does_not_fit_the_model_is_told_in_the_language_asked_for() {
    let catalog = Scratch::new(
        "misfit-catalog.xml",
        br#"<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724">
  <metadata><title>t</title><last-modified>2026-11-01T00:00:00Z</last-modified><version>1</version><oscal-version>1.1.2</oscal-version></metadata>
  <control><title>no id</title></control>
</catalog>
"#,
    );
    let name = catalog.0.file_name().unwrap().to_str().unwrap().to_owned();
    let profile = Scratch::new(
        "misfit-profile.json",
        format!(
            r#"{{"profile": {{"uuid": "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c725",
            "metadata": {{"title": "t", "last-modified": "2026-11-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2"}},
            "imports": [{{"href": "{name}", "include-all": {{}}}}]}}}}"#
        )
        .as_bytes(),
    );
    let en = shinrai(&["oscal", "resolve", profile.path()]);
    let ja = shinrai(&["--lang", "ja", "oscal", "resolve", profile.path()]);
    assert_eq!((en.status, ja.status), (2, 2), "{}{}", en.stderr, ja.stderr);
    assert!(
        en.stderr.contains("line 3 column")
            && en
                .stderr
                .contains("does not fit the OSCAL model: missing field `id`"),
        "{}",
        en.stderr
    );
    assert!(
        ja.stderr
            .contains("OSCAL のモデルに合いません: 必須の項目 `id` がありません"),
        "{}",
        ja.stderr
    );
}

#[test]
fn validate_checks_a_component_definition_against_its_source_catalogs() {
    // NIST's MongoDB example names the FedRAMP MODERATE baseline as its source; with the shared
    // folder as the catalog folder, the parameters are checked and no note says otherwise.
    let example = xml_data("examples/example-component-definition.xml");
    let dir = data_dir().to_string_lossy().into_owned();
    let run = shinrai(&["oscal", "validate", &example, "--catalog-dir", &dir]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("source_not_checked"), "{}", run.stdout);
    // Without it the source cannot be loaded: valid, with a note saying what was not checked.
    let run = shinrai(&["oscal", "validate", &example]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(run.stdout.contains("source_not_checked"), "{}", run.stdout);
}
