//! Auditors' conclusions as spreadsheets: the template has a row for every objective and
//! control the audited statement selects, with lists and instructions in both languages; what
//! is recorded reads back equal, in XLSX and CSV; blank conclusions are skipped; every broken
//! cell is refused with its sheet, row, column and cell.

use std::io::Cursor;

use calamine::{Data, Range};
use shinrai_domain::workflow::audit::{
    Conclusions, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
};
use shinrai_domain::workflow::statement::StatementContent;
use shinrai_formats::conclusions::{
    Audited, ConclusionsError, ConclusionsErrors, read_csv, read_xlsx, template_csv, template_xlsx,
};
use shinrai_testdata::statement::{answered, large_criteria};

use super::*;

fn audited_statement() -> (CriteriaVersion, StatementContent) {
    let criteria = demo_criteria().unwrap();
    let content = answered(&criteria, Level::MIDDLE, &[ServiceModel::SaaS]);
    (criteria, content)
}

/// A conclusion on everything, by turns yes and no, with reasons in one or both languages.
fn concluded(criteria: &CriteriaVersion, content: &StatementContent) -> Conclusions {
    let objectives = objectives_of_selected(content, criteria)
        .into_iter()
        .enumerate()
        .map(|(n, id)| ObjectiveConclusion {
            objective: id.to_owned(),
            effective: n % 3 != 0,
            reason: Bilingual::new(
                format!("{id} の運用を 3 か月分確かめた。\n「有効」"),
                if n % 2 == 0 {
                    format!("Three months of {id}, \"checked\", ok")
                } else {
                    String::new()
                },
            ),
        })
        .collect();
    let controls = content
        .selected
        .iter()
        .enumerate()
        .map(|(n, selected)| ControlConclusion {
            control: selected.control.clone(),
            conformant: n % 4 != 1,
            reason: Bilingual::new(
                String::new(),
                format!("Sampled 25 of {}, 1, 2", selected.control),
            ),
        })
        .collect();
    Conclusions {
        objectives,
        controls,
    }
}

fn audited<'a>(criteria: &'a CriteriaVersion, content: &'a StatementContent) -> Audited<'a> {
    Audited { criteria, content }
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut workbook = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    workbook.worksheet_range(name).unwrap()
}

fn column(range: &Range<Data>, name: &str) -> Vec<String> {
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let at = header.iter().position(|h| h == name).unwrap();
    range
        .rows()
        .skip(1)
        .map(|row| row[at].to_string())
        .collect()
}

#[test]
fn the_template_has_a_row_for_each_selected_objective_and_control() {
    let (criteria, content) = audited_statement();
    let bytes = template_xlsx(&criteria, &content, &Conclusions::default()).unwrap();
    let workbook = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["instructions", "objectives", "controls"]
    );
    let objectives: Vec<String> = objectives_of_selected(&content, &criteria)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut listed = column(&sheet(&bytes, "objectives"), "id");
    listed.sort();
    assert_eq!(listed, objectives);
    let selected: Vec<String> = criteria
        .controls
        .iter()
        .filter(|c| content.selected(&c.id).is_some())
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(column(&sheet(&bytes, "controls"), "id"), selected);
    // Titles in both languages, the statement's individual control, empty conclusions.
    let objectives_sheet = sheet(&bytes, "objectives");
    let first = &objectives[0];
    let group = criteria.group(first).unwrap();
    let row = column(&objectives_sheet, "id")
        .iter()
        .position(|id| id == first)
        .unwrap();
    assert_eq!(column(&objectives_sheet, "title_ja")[row], group.title.ja);
    assert_eq!(column(&objectives_sheet, "title_en")[row], group.title.en);
    assert!(
        column(&objectives_sheet, "effective")
            .iter()
            .all(String::is_empty)
    );
    let controls_sheet = sheet(&bytes, "controls");
    assert_eq!(
        column(&controls_sheet, "individual_control_en")[0],
        content
            .selected(&selected[0])
            .unwrap()
            .individual_control
            .en
    );
    // Lists of the two codes on the conclusion columns, and the instructions in both languages.
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    for position in [2, 3] {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut archive
                .by_name(&format!("xl/worksheets/sheet{position}.xml"))
                .unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(xml.contains("<formula1>\"yes,no\"</formula1>"), "{xml}");
    }
    let instructions = sheet(&bytes, "instructions");
    let text: String = instructions
        .rows()
        .flat_map(|row| row.iter().map(|c| c.to_string()))
        .collect();
    assert!(text.contains("監査の結論の記入方法") && text.contains("How to record"));
    assert!(text.contains("conformant") && text.contains("reason_ja"));
}

#[test]
fn recorded_conclusions_read_back_equal_in_both_formats() {
    let (criteria, content) = audited_statement();
    let recorded = concluded(&criteria, &content);
    let xlsx = template_xlsx(&criteria, &content, &recorded).unwrap();
    let read = read_xlsx("c.xlsx", &xlsx, audited(&criteria, &content)).unwrap();
    assert_eq!(read.sorted(), recorded.sorted());
    let csv = template_csv(&criteria, &content, &recorded).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let read = read_csv("c.csv", &csv, audited(&criteria, &content)).unwrap();
    assert_eq!(read.sorted(), recorded.sorted());
}

#[test]
fn rows_without_a_conclusion_are_skipped() {
    let (criteria, content) = audited_statement();
    let empty = template_csv(&criteria, &content, &Conclusions::default()).unwrap();
    assert_eq!(
        read_csv("c.csv", &empty, audited(&criteria, &content)).unwrap(),
        Conclusions::default()
    );
    let mut part = concluded(&criteria, &content);
    part.objectives.truncate(1);
    part.controls.truncate(2);
    let xlsx = template_xlsx(&criteria, &content, &part).unwrap();
    let read = read_xlsx("c.xlsx", &xlsx, audited(&criteria, &content)).unwrap();
    assert_eq!(read.sorted(), part.sorted());
}

// Broken files: the CSV template of the full conclusions, edited cell by cell.

fn grid(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn to_csv(table: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in table {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

fn cell_of(table: &[Vec<String>], name: &str) -> usize {
    table[0].iter().position(|h| h == name).unwrap()
}

/// The 1-based row number of the row with `id` of `part`.
fn row_of(table: &[Vec<String>], part: &str, id: &str) -> usize {
    let (p, i) = (cell_of(table, "part"), cell_of(table, "id"));
    table
        .iter()
        .position(|r| r[p] == part && r[i] == id)
        .unwrap()
        + 1
}

fn put(table: &mut [Vec<String>], row: usize, name: &str, value: &str) {
    let at = cell_of(table, name);
    table[row - 1][at] = value.to_owned();
}

fn found(errors: &ConclusionsErrors) -> Vec<(&'static str, Option<usize>, Option<String>)> {
    errors
        .iter()
        .map(|e| {
            let place = e.place().unwrap();
            assert!(!e.message().ja.is_empty() && e.message().en.contains(&place.file));
            (e.code(), place.row, place.cell.clone())
        })
        .collect()
}

fn letter(table: &[Vec<String>], name: &str) -> char {
    char::from(b'A' + u8::try_from(cell_of(table, name)).unwrap())
}

#[test]
fn every_broken_cell_is_refused_with_its_place_and_nothing_is_read() {
    let (criteria, content) = audited_statement();
    let recorded = concluded(&criteria, &content);
    let mut table = grid(&template_csv(&criteria, &content, &recorded).unwrap());
    let objective = recorded.objectives[0].objective.clone();
    let controls: Vec<String> = recorded
        .controls
        .iter()
        .map(|c| c.control.clone())
        .collect();
    let excluded = content.excluded[0].control.clone();

    let o = row_of(&table, "objective", &objective);
    put(&mut table, o, "effective", "maybe");
    let c1 = row_of(&table, "control", &controls[0]);
    put(&mut table, c1, "reason_ja", "");
    put(&mut table, c1, "reason_en", "");
    let c2 = row_of(&table, "control", &controls[1]);
    put(&mut table, c2, "conformant", "");
    let c3 = row_of(&table, "control", &controls[2]);
    put(&mut table, c3, "id", &excluded);
    let c4 = row_of(&table, "control", &controls[3]);
    put(&mut table, c4, "id", "99.9.9.9");
    let c5 = row_of(&table, "control", &controls[4]);
    let c5_first = row_of(&table, "control", &controls[5]);
    put(&mut table, c5, "id", &controls[5]);
    let c6 = row_of(&table, "control", &controls[6]);
    put(&mut table, c6, "effective", "yes");
    let c7 = row_of(&table, "control", &controls[7]);
    put(&mut table, c7, "reason_en", &"x".repeat(10_001));

    let errors = read_csv("broken.csv", &to_csv(&table), audited(&criteria, &content)).unwrap_err();
    let cell = |name: &str, row: usize| Some(format!("{}{row}", letter(&table, name)));
    let mut expected = vec![
        ("unknown_conclusion", Some(o), cell("effective", o)),
        ("reason_missing", Some(c1), cell("reason_ja", c1)),
        ("reason_without_conclusion", Some(c2), cell("reason_en", c2)),
        ("not_selected", Some(c3), cell("id", c3)),
        ("unknown_control", Some(c4), cell("id", c4)),
        ("not_applicable", Some(c6), cell("effective", c6)),
        ("text_too_long", Some(c7), cell("reason_en", c7)),
    ];
    // The repeated id is reported where it comes second.
    let c_dup = c5_first.max(c5);
    expected.push(("duplicate", Some(c_dup), cell("id", c_dup)));
    expected.sort_by_key(|(_, row, cell)| (*row, cell.clone()));
    assert_eq!(found(&errors), expected);
}

#[test]
fn a_workbook_names_the_sheet_and_needs_both_sheets() {
    let (criteria, content) = audited_statement();
    let selected = content.selected[0].control.clone();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("controls").unwrap();
    for (column, name) in ["id", "conformant", "reason_ja", "reason_en"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    sheet.write_string(1, 0, &selected).unwrap();
    sheet.write_number(1, 1, 1.0).unwrap();
    sheet.write_string(1, 2, "理由").unwrap();
    sheet.write_string(2, 0, &selected).unwrap();
    sheet.write_formula(2, 1, "=\"yes\"").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let errors = read_xlsx("book.xlsx", &bytes, audited(&criteria, &content)).unwrap_err();
    let seen: Vec<(&str, Option<&str>, Option<&str>)> = errors
        .iter()
        .map(|e| {
            let place = e.place().unwrap();
            (e.code(), place.sheet.as_deref(), place.cell.as_deref())
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("missing_sheet", None, None),
            ("wrong_cell_type", Some("controls"), Some("B2")),
            ("duplicate", Some("controls"), Some("A3")),
            ("formula", Some("controls"), Some("B3")),
        ]
    );
    assert!(matches!(
        errors.first(),
        ConclusionsError::MissingSheet { .. }
    ));
}

#[test]
fn a_large_audit_reads_back_whole() {
    let criteria = large_criteria("big-1", 1_200, 7);
    let content = answered(&criteria, Level::HIGH, &ServiceModel::ALL);
    let recorded = concluded(&criteria, &content);
    assert!(recorded.controls.len() > 500);
    let bytes = template_xlsx(&criteria, &content, &recorded).unwrap();
    let read = read_xlsx("big.xlsx", &bytes, audited(&criteria, &content)).unwrap();
    assert_eq!(read.sorted(), recorded.sorted());
}
