//! `shinrai audit conclusions`: the template of an audited statement, imports of filled files as
//! the body of `PUT /audits/{id}/conclusions`, and errors at their place in both languages.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::{
    Conclusions, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
};
use shinrai_formats::conclusions::template_csv;
use shinrai_formats::statement::{StatementFile, write_xlsx};
use shinrai_formats::table;
use shinrai_testdata::statement::answered;

use crate::support::{Scratch, shinrai};

struct Files {
    criteria: CriteriaVersion,
    statement: StatementFile,
    criteria_file: Scratch,
    statement_file: Scratch,
}

fn files(tag: &str) -> Files {
    let criteria = demo_criteria().unwrap();
    let content = answered(&criteria, Level::MIDDLE, &[ServiceModel::SaaS]);
    let statement = StatementFile::new(criteria.version.clone(), Level::MIDDLE, content);
    let criteria_file = Scratch::new(
        &format!("{tag}-criteria.xlsx"),
        &table::write_xlsx(&criteria).unwrap(),
    );
    let statement_file = Scratch::new(
        &format!("{tag}-statement.json"),
        serde_json::to_string(&statement).unwrap().as_bytes(),
    );
    Files {
        criteria,
        statement,
        criteria_file,
        statement_file,
    }
}

fn every_conclusion(files: &Files) -> Conclusions {
    let content = files.statement.content();
    Conclusions {
        objectives: objectives_of_selected(&content, &files.criteria)
            .into_iter()
            .map(|id| ObjectiveConclusion {
                objective: id.to_owned(),
                effective: true,
                reason: Bilingual::new(format!("{id} は有効"), format!("{id} is effective")),
            })
            .collect(),
        controls: content
            .selected
            .iter()
            .map(|s| ControlConclusion {
                control: s.control.clone(),
                conformant: s.control.ends_with('1'),
                reason: Bilingual::new("", format!("Sampled {}", s.control)),
            })
            .collect(),
    }
}

#[test]
fn the_template_has_a_row_for_each_selected_objective_and_control() {
    let files = files("audit-template");
    let out = Scratch::new("conclusions.xlsx", b"");
    let run = shinrai(&[
        "audit",
        "conclusions",
        "template",
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        files.statement_file.path(),
        "-o",
        out.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mut workbook = Xlsx::new(Cursor::new(std::fs::read(&out.0).unwrap())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["instructions", "objectives", "controls"]
    );
    let content = files.statement.content();
    let objectives = objectives_of_selected(&content, &files.criteria).len();
    assert_eq!(
        workbook.worksheet_range("objectives").unwrap().height() - 1,
        objectives
    );
    assert_eq!(
        workbook.worksheet_range("controls").unwrap().height() - 1,
        content.selected.len()
    );

    // As CSV on standard output; untouched, it imports as no conclusion at all.
    let run = shinrai(&[
        "audit",
        "conclusions",
        "template",
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        files.statement_file.path(),
        "--format",
        "csv",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("\u{feff}part,objective,id"));
    let csv = Scratch::new("conclusions-empty.csv", run.stdout.as_bytes());
    let run = shinrai(&[
        "audit",
        "conclusions",
        "import",
        csv.path(),
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        files.statement_file.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let read: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(read, serde_json::json!({"objectives": [], "controls": []}));
}

#[test]
fn a_filled_file_imports_as_the_body_of_the_conclusions_route() {
    let files = files("audit-filled");
    let conclusions = every_conclusion(&files);
    let recorded = Scratch::new(
        "recorded.json",
        serde_json::to_string(&conclusions).unwrap().as_bytes(),
    );
    // The statement may be given as its spreadsheet too.
    let statement_xlsx = Scratch::new(
        "audited-statement.xlsx",
        &write_xlsx(&files.statement, Some(&files.criteria), None).unwrap(),
    );
    let out = Scratch::new("filled.xlsx", b"");
    let run = shinrai(&[
        "audit",
        "conclusions",
        "template",
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        statement_xlsx.path(),
        "--conclusions",
        recorded.path(),
        "-o",
        out.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let run = shinrai(&[
        "audit",
        "conclusions",
        "import",
        out.path(),
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        files.statement_file.path(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let read: Conclusions = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(read.sorted(), conclusions.sorted());
}

#[test]
fn bad_cells_are_reported_with_their_place_and_exit_2() {
    let files = files("audit-bad");
    let mut conclusions = every_conclusion(&files);
    conclusions.controls[0].reason = Bilingual::new("", "");
    let csv = template_csv(&files.criteria, &files.statement.content(), &conclusions).unwrap();
    let file = Scratch::new("bad-conclusions.csv", &csv);
    let row = 2 + conclusions.objectives.len();
    for (lang, expected) in [
        (
            "en",
            format!(
                "error: {}: row {row}, column reason_ja (N{row}): a conclusion needs a reason (in Japanese or English)",
                file.path()
            ),
        ),
        (
            "ja",
            format!(
                "{}: {row} 行目、列 reason_ja (N{row}): 結論には理由（日本語または英語）が必要です",
                file.path()
            ),
        ),
    ] {
        let run = shinrai(&[
            "--lang",
            lang,
            "audit",
            "conclusions",
            "import",
            file.path(),
            "--criteria",
            files.criteria_file.path(),
            "--statement",
            files.statement_file.path(),
        ]);
        assert_eq!(run.status, 2, "{}", run.stdout);
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains(&expected), "{}", run.stderr);
    }

    // Recorded conclusions naming a control the statement does not select.
    let mut wrong = every_conclusion(&files);
    wrong.controls[0].control = files.statement.excluded[0].control.clone();
    let recorded = Scratch::new(
        "wrong.json",
        serde_json::to_string(&wrong).unwrap().as_bytes(),
    );
    let run = shinrai(&[
        "--lang",
        "en",
        "audit",
        "conclusions",
        "template",
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        files.statement_file.path(),
        "--conclusions",
        recorded.path(),
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("/controls/0/control")
            && run.stderr.contains("is not a selected control"),
        "{}",
        run.stderr
    );

    // Neither .xlsx nor .csv.
    let run = shinrai(&[
        "--lang",
        "en",
        "audit",
        "conclusions",
        "import",
        recorded.path(),
        "--criteria",
        files.criteria_file.path(),
        "--statement",
        files.statement_file.path(),
    ]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("neither in .xlsx nor in .csv"),
        "{}",
        run.stderr
    );
}
