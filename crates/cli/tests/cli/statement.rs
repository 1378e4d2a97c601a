//! `shinrai statement`: the template for a level and models, imports of filled templates and
//! of OSCAL plans as statement JSON, exports back to every format, and errors at their place.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::criteria::{CriteriaVersion, Part};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_formats::statement::{StatementFile, write_xlsx};
use shinrai_formats::table;
use shinrai_testdata::statement::answered;

use crate::support::{Scratch, shinrai};

fn criteria_file(tag: &str) -> (CriteriaVersion, Scratch) {
    let criteria = demo_criteria().unwrap();
    let bytes = table::write_xlsx(&criteria).unwrap();
    (
        criteria,
        Scratch::new(&format!("{tag}-criteria.xlsx"), &bytes),
    )
}

fn filled(criteria: &CriteriaVersion) -> StatementFile {
    let models = [ServiceModel::SaaS];
    let content = answered(criteria, Level::MIDDLE, &models);
    StatementFile::new(criteria.version.clone(), Level::MIDDLE, content)
}

fn as_json(statement: &StatementFile) -> serde_json::Value {
    serde_json::to_value(statement).unwrap()
}

#[test]
fn the_template_has_a_row_for_each_control_that_applies() {
    let (criteria, file) = criteria_file("template");
    let out = Scratch::new("template.xlsx", b"");
    let run = shinrai(&[
        "statement",
        "template",
        "--criteria",
        file.path(),
        "--level",
        "2",
        "--models",
        "SaaS",
        "-o",
        out.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let bytes = std::fs::read(&out.0).unwrap();
    let mut workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "instructions",
            "statement",
            "items",
            "controls",
            "documents"
        ]
    );
    let applicable = criteria
        .controls
        .iter()
        .filter(|c| c.part == Part::Control && c.applies(Level::MIDDLE, &[ServiceModel::SaaS]))
        .count();
    let rows = workbook.worksheet_range("controls").unwrap();
    assert_eq!(rows.height() - 1, applicable);

    // The same rows as CSV on standard output; an untouched template imports as no answer.
    let run = shinrai(&[
        "statement",
        "template",
        "--criteria",
        file.path(),
        "--level",
        "2",
        "--models",
        "saas",
        "--format",
        "csv",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("\u{feff}part,criteria_version,target_level")
    );
    let csv = Scratch::new("template.csv", run.stdout.as_bytes());
    let run = shinrai(&["statement", "import", csv.path(), "--criteria", file.path()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let read: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(read["criteria_version"], "demo-2026");
    assert_eq!(read["target_level"], 2);
    assert_eq!(read["selected"], serde_json::json!([]));
}

#[test]
fn a_filled_template_imports_and_exports_to_every_format_and_back() {
    let (criteria, file) = criteria_file("round");
    let statement = filled(&criteria);
    let bytes = write_xlsx(&statement, Some(&criteria), Some(&[ServiceModel::SaaS])).unwrap();
    let xlsx = Scratch::new("filled.xlsx", &bytes);
    let run = shinrai(&[
        "statement",
        "import",
        xlsx.path(),
        "--criteria",
        file.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let read: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(read, as_json(&statement));

    let json = Scratch::new("statement.json", run.stdout.as_bytes());
    for (format, name) in [
        ("oscal-ssp", "ssp.json"),
        ("oscal-ssp", "ssp.yaml"),
        ("xlsx", "again.xlsx"),
        ("csv", "again.csv"),
    ] {
        let out = Scratch::new(name, b"");
        let mut args = vec![
            "statement",
            "export",
            "--format",
            format,
            json.path(),
            "-o",
            out.path(),
        ];
        if format != "oscal-ssp" {
            args.extend(["--criteria", file.path(), "--models", "saas"]);
        }
        let run = shinrai(&args);
        assert_eq!(run.status, 0, "{name}: {}", run.stderr);
        if format == "oscal-ssp" {
            let run = shinrai(&["oscal", "validate", out.path()]);
            assert_eq!(run.status, 0, "{name}: {}{}", run.stdout, run.stderr);
        }
        let run = shinrai(&["statement", "import", out.path()]);
        assert_eq!(run.status, 0, "{name}: {}", run.stderr);
        let back: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(back, as_json(&statement), "{name}");
    }
}

#[test]
fn bad_cells_are_reported_with_their_place_and_exit_2() {
    let (criteria, file) = criteria_file("bad");
    let mut statement = filled(&criteria);
    statement.selected[1].technologies = vec!["x".repeat(201)];
    let bytes = write_xlsx(&statement, Some(&criteria), None).unwrap();
    let xlsx = Scratch::new("bad.xlsx", &bytes);
    let run = shinrai(&[
        "--lang",
        "en",
        "statement",
        "import",
        xlsx.path(),
        "--criteria",
        file.path(),
    ]);
    assert_eq!(run.status, 2, "{}", run.stdout);
    assert!(run.stdout.is_empty());
    let row = 3;
    let expected = format!(
        "error: {}: sheet controls, row {row}, column technologies (J{row}): a technology is named one a line, in at most 200 characters",
        xlsx.path()
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    let run = shinrai(&["--lang", "ja", "statement", "import", xlsx.path()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(&format!(
            "シート controls、{row} 行目、列 technologies (J{row})"
        )),
        "{}",
        run.stderr
    );

    // A statement of another criteria version, unknown models, a file over the bound.
    let mut other = filled(&criteria);
    other.criteria_version = "other-1".to_owned();
    let json = Scratch::new(
        "other.json",
        serde_json::to_string(&other).unwrap().as_bytes(),
    );
    let run = shinrai(&[
        "--lang",
        "en",
        "statement",
        "export",
        "--format",
        "csv",
        json.path(),
        "--criteria",
        file.path(),
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("/criteria_version (criteria version other-1 is not the version demo-2026"),
        "{}",
        run.stderr
    );
    let run = shinrai(&[
        "--lang",
        "en",
        "statement",
        "template",
        "--criteria",
        file.path(),
        "--level",
        "1",
        "--models",
        "faas",
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("service model \"faas\" is not iaas, paas or saas"),
        "{}",
        run.stderr
    );
    let big = Scratch::new("big.csv", &vec![b'a'; 17 * 1024 * 1024]);
    let run = shinrai(&["--lang", "en", "statement", "import", big.path()]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("more than the 16 MiB allowed"),
        "{}",
        run.stderr
    );
    let json = Scratch::new("not-a-plan.json", br#"{"catalog": {}}"#);
    let run = shinrai(&["--lang", "en", "statement", "import", json.path()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
}

#[test]
fn a_statement_as_the_api_answers_it_exports_like_the_file() {
    let (criteria, _file) = criteria_file("record");
    let statement = filled(&criteria);
    let mut record = as_json(&statement);
    let object = record.as_object_mut().unwrap();
    for (field, value) in [
        ("id", serde_json::json!("svc-1-v1")),
        ("service", serde_json::json!("svc-1")),
        ("provider", serde_json::json!("csp")),
        ("version", serde_json::json!(1)),
        ("previous", serde_json::Value::Null),
        ("status", serde_json::json!("submitted")),
        ("created_at_ms", serde_json::json!(1)),
        ("updated_at_ms", serde_json::json!(2)),
        ("submitted_at_ms", serde_json::json!(3)),
    ] {
        object.insert(field.to_owned(), value);
    }
    let answer = Scratch::new("answer.json", record.to_string().as_bytes());
    let out = Scratch::new("from-answer.json", b"");
    let run = shinrai(&[
        "statement",
        "export",
        "--format",
        "oscal-ssp",
        answer.path(),
        "-o",
        out.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let run = shinrai(&["statement", "import", out.path()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let back: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(back, as_json(&statement));

    // A field neither the file nor the API's answer has is still refused, at its place.
    record
        .as_object_mut()
        .unwrap()
        .insert("colour".to_owned(), serde_json::json!("blue"));
    let odd = Scratch::new("odd.json", record.to_string().as_bytes());
    let run = shinrai(&["statement", "export", "--format", "oscal-ssp", odd.path()]);
    assert_eq!(run.status, 2, "{}", run.stdout);
    assert!(run.stderr.contains("odd.json"), "{}", run.stderr);
}
