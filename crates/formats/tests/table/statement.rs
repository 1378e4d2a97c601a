//! Statements (言明書) as spreadsheets: the template has a row for every item and control that
//! applies, with drop-down lists and instructions in both languages; what is written reads back
//! equal, in XLSX and CSV; every broken cell is refused with its sheet, row, column and cell.

use std::io::{Cursor, Read as _};

use calamine::{Data, Range};
use shinrai_domain::criteria::Part;
use shinrai_formats::statement::{
    StatementError, StatementErrors, StatementFile, read_csv, read_xlsx, template_csv,
    template_xlsx, write_csv, write_xlsx,
};
use shinrai_testdata::statement::{answered, large_criteria};

use super::*;

const SAAS: [ServiceModel; 1] = [ServiceModel::SaaS];

fn filled(level: Level, models: &[ServiceModel]) -> (CriteriaVersion, StatementFile) {
    let criteria = demo_criteria().unwrap();
    let content = answered(&criteria, level, models);
    let statement = StatementFile::new(criteria.version.clone(), level, content);
    (criteria, statement)
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut workbook = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    workbook.worksheet_range(name).unwrap()
}

/// The XML of a worksheet, by its position among the sheets (1 is the first).
fn sheet_xml(bytes: &[u8], position: usize) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name(&format!("xl/worksheets/sheet{position}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_template_has_a_row_for_each_applicable_control_and_item() {
    let criteria = demo_criteria().unwrap();
    for (level, models) in [
        (Level::MIDDLE, &SAAS[..]),
        (Level::LOW, &[ServiceModel::IaaS][..]),
        (Level::HIGH, &ServiceModel::ALL[..]),
    ] {
        let bytes = template_xlsx(&criteria, level, models).unwrap();
        let applicable = |part: &dyn Fn(Part) -> bool| -> Vec<String> {
            criteria
                .controls
                .iter()
                .filter(|c| part(c.part) && c.applies(level, models))
                .map(|c| c.id.clone())
                .collect()
        };
        let controls = applicable(&|p| p == Part::Control);
        let items = applicable(&|p| p != Part::Control);
        assert!(controls.len() > 20 && !items.is_empty());

        let rows = sheet(&bytes, "controls");
        let header: Vec<String> = rows
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            header,
            [
                "part",
                "objective",
                "id",
                "text_ja",
                "text_en",
                "level",
                "mandatory",
                "choice",
                "responsibility",
                "technologies",
                "technology_examples",
                "rationale_ja",
                "rationale_en",
                "individual_control_ja",
                "individual_control_en",
                "exclusion_reason_ja",
                "exclusion_reason_en",
            ]
        );
        let ids: Vec<String> = rows.rows().skip(1).map(|row| row[2].to_string()).collect();
        assert_eq!(ids, controls, "level {level} {models:?}");
        for row in rows.rows().skip(1) {
            assert_eq!(row[0].to_string(), "control");
            let shown: u8 = row[5].to_string().parse().unwrap();
            assert!(shown <= level.get());
            assert!(row[7].to_string().is_empty(), "no answer yet");
        }
        let listed: Vec<String> = sheet(&bytes, "items")
            .rows()
            .skip(1)
            .map(|row| row[2].to_string())
            .collect();
        assert_eq!(listed, items);

        let statement = sheet(&bytes, "statement");
        let head: Vec<String> = statement
            .rows()
            .nth(1)
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let names: Vec<&str> = models.iter().map(|m| m.name()).collect();
        assert_eq!(
            head,
            [criteria.version.clone(), level.to_string(), names.join(";")]
        );

        // An untouched template reads as a statement with no answer.
        let empty = read_xlsx("template.xlsx", &bytes, Some(&criteria)).unwrap();
        assert_eq!(
            empty,
            StatementFile::new(criteria.version.clone(), level, Default::default())
        );
        let csv = template_csv(&criteria, level, models).unwrap();
        assert_eq!(
            read_csv("template.csv", &csv, Some(&criteria)).unwrap(),
            empty
        );
    }
}

#[test]
fn the_template_has_drop_down_lists_and_instructions_in_both_languages() {
    let criteria = demo_criteria().unwrap();
    let bytes = template_xlsx(&criteria, Level::MIDDLE, &SAAS).unwrap();
    let mut workbook = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
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
    // Sheets in order: instructions 1, statement 2, items 3, controls 4.
    let controls = sheet_xml(&bytes, 4);
    assert!(
        controls.contains("<dataValidation type=\"list\""),
        "{controls}"
    );
    assert!(controls.contains("\"selected,excluded\""));
    assert!(controls.contains("\"csp,customer,shared\""));
    let items = sheet_xml(&bytes, 3);
    assert!(items.contains("\"implemented,partial,not_implemented\""));
    assert!(items.contains("\"governance,management\""));
    let statement = sheet_xml(&bytes, 2);
    assert!(
        statement.contains("type=\"whole\""),
        "the target level is 1 to 3"
    );

    let instructions = workbook.worksheet_range("instructions").unwrap();
    let text: Vec<String> = instructions
        .rows()
        .flat_map(|row| row.iter().map(|c| c.to_string()).collect::<Vec<_>>())
        .collect();
    let all = text.join("\n");
    assert!(all.contains("言明書テンプレートの記入方法"));
    assert!(all.contains("How to fill in the statement template"));
    assert!(all.contains("除外の理由"));
    assert!(all.contains("An excluded control needs the reason"));
    for column in [
        "choice",
        "responsibility",
        "technologies",
        "exclusion_reason_ja",
    ] {
        assert!(text.iter().any(|cell| cell == column), "{column} explained");
    }
}

#[test]
fn a_filled_statement_reads_back_equal_from_xlsx_and_csv() {
    for (level, models) in [
        (Level::MIDDLE, &SAAS[..]),
        (Level::HIGH, &ServiceModel::ALL[..]),
    ] {
        let (criteria, statement) = filled(level, models);
        assert!(!statement.excluded.is_empty() && !statement.selected.is_empty());
        assert!(!statement.governance.is_empty() && !statement.management.is_empty());

        let bytes = write_xlsx(&statement, Some(&criteria), Some(models)).unwrap();
        assert_eq!(
            read_xlsx("s.xlsx", &bytes, Some(&criteria)).unwrap(),
            statement
        );
        let csv = write_csv(&statement, Some(&criteria), Some(models)).unwrap();
        assert_eq!(read_csv("s.csv", &csv, Some(&criteria)).unwrap(), statement);

        // Without the criteria: only the answers, and still the same statement.
        let bare = write_xlsx(&statement, None, None).unwrap();
        assert_eq!(read_xlsx("s.xlsx", &bare, None).unwrap(), statement);
        let bare = write_csv(&statement, None, None).unwrap();
        assert_eq!(read_csv("s.csv", &bare, None).unwrap(), statement);
    }
}

#[test]
fn a_template_filled_in_a_spreadsheet_reads_as_what_was_typed() {
    let criteria = demo_criteria().unwrap();
    let template = template_csv(&criteria, Level::MIDDLE, &SAAS).unwrap();
    let mut reader = csv::Reader::from_reader(&template[3..]);
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let first = criteria
        .controls
        .iter()
        .find(|c| c.part == Part::Control && c.applies(Level::MIDDLE, &SAAS))
        .unwrap();
    // A provider's edit: the first control selected, in capitals as a spreadsheet may leave it.
    let edited = records
        .iter_mut()
        .find(|r| r[at("id")] == first.id)
        .unwrap();
    edited[at("choice")] = "Selected".to_owned();
    edited[at("responsibility")] = "CSP".to_owned();
    edited[at("technologies")] = "mfa\n\n 自社 IdP ".to_owned();
    edited[at("individual_control_ja")] = " 管理者は多要素認証を使う。 ".to_owned();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for record in &records {
        writer.write_record(record).unwrap();
    }
    let bytes = writer.into_inner().unwrap();
    let read = read_csv("filled.csv", &bytes, Some(&criteria)).unwrap();
    assert_eq!(read.selected.len(), 1);
    let selected = &read.selected[0];
    assert_eq!(selected.control, first.id);
    assert_eq!(selected.technologies, ["mfa", "自社 IdP"]);
    assert_eq!(selected.individual_control.ja, "管理者は多要素認証を使う。");
    assert_eq!(selected.individual_control.en, "");
}

/// A controls sheet of the given rows below the template's header, with a statement sheet.
fn workbook_with_controls(rows: &[[&str; 5]]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let statement = workbook.add_worksheet().set_name("statement").unwrap();
    statement.write_string(0, 0, "criteria_version").unwrap();
    statement.write_string(0, 1, "target_level").unwrap();
    statement.write_string(1, 0, "demo-2026").unwrap();
    statement.write_number(1, 1, 2).unwrap();
    let items = workbook.add_worksheet().set_name("items").unwrap();
    for (column, name) in (0u16..).zip(["part", "id", "status"]) {
        items.write_string(0, column, name).unwrap();
    }
    let controls = workbook.add_worksheet().set_name("controls").unwrap();
    let header = [
        "id",
        "choice",
        "responsibility",
        "individual_control_en",
        "exclusion_reason_en",
    ];
    for (column, name) in (0u16..).zip(header) {
        controls.write_string(0, column, name).unwrap();
    }
    for (number, row) in (1u32..).zip(rows) {
        for (column, value) in (0u16..).zip(row) {
            if !value.is_empty() {
                controls.write_string(number, column, *value).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn problems(errors: StatementErrors) -> Vec<(String, String, String)> {
    errors
        .iter()
        .map(|e| {
            let place = e.place().unwrap();
            (
                e.code().to_owned(),
                place.cell.clone().unwrap_or_default(),
                e.message().en,
            )
        })
        .collect()
}

#[test]
fn broken_cells_are_refused_with_sheet_row_column_and_cell() {
    let criteria = demo_criteria().unwrap();
    let ids: Vec<&str> = criteria
        .controls
        .iter()
        .filter(|c| c.part == Part::Control)
        .map(|c| c.id.as_str())
        .take(4)
        .collect();
    let bytes = workbook_with_controls(&[
        [ids[0], "selected", "csp", "We do it.", ""],
        ["99.9.9.9", "selected", "csp", "", ""],
        [ids[1], "selected", "boss", "", ""],
        [ids[2], "excluded", "", "", ""],
        [ids[0], "excluded", "", "", "Not offered."],
        [ids[3], "", "customer", "", ""],
        [ids[3], "maybe", "", "", ""],
    ]);
    let errors = read_xlsx("bad.xlsx", &bytes, Some(&criteria)).unwrap_err();
    let found = problems(errors);
    let codes: Vec<(&str, &str)> = found
        .iter()
        .map(|(c, cell, _)| (c.as_str(), cell.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("unknown_control", "A3"),
            ("unknown_responsibility", "C4"),
            ("exclusion_without_reason", "E5"),
            ("duplicate", "A6"),
            ("answer_without_choice", "C7"),
            ("duplicate", "A8"),
            ("unknown_choice", "B8"),
        ],
        "{found:#?}"
    );
    assert_eq!(
        found[1].2,
        "bad.xlsx: sheet controls, row 4, column responsibility (C4): responsibility \"boss\" is not csp, customer or shared"
    );
    assert!(found[3].2.ends_with(&format!(
        "{} is answered in row 2 of sheet controls already",
        ids[0]
    )));
    assert!(
        found[0]
            .2
            .contains("criteria version demo-2026 has no detailed control 99.9.9.9")
    );
    let error = read_xlsx("bad.xlsx", &bytes, Some(&criteria)).unwrap_err();
    let japanese = error.first().message().ja;
    assert_eq!(
        japanese,
        "bad.xlsx: シート controls、3 行目、列 id (A3): 管理基準 demo-2026 に詳細管理策 99.9.9.9 はありません"
    );
    // Without criteria, ids are not checked, and the other problems remain.
    let errors = read_xlsx("bad.xlsx", &bytes, None).unwrap_err();
    assert_eq!(errors.len(), 6);
}

#[test]
fn broken_csv_rows_name_their_row_and_column() {
    let csv = "\u{feff}part,criteria_version,target_level,id,choice,responsibility,exclusion_reason_en,status\r\n\
               statement,demo-2026,4,,,,,\r\n\
               control,,,5.1.1.1,selected,shared,,\r\n\
               control,,,5.1.1.2,excluded,,,\r\n\
               governance,,,G.1,,,,done\r\n\
               control,demo-2026,,5.1.1.3,excluded,,why,\r\n\
               stuff,,,,,,,\r\n";
    let found = problems(read_csv("s.csv", csv.as_bytes(), None).unwrap_err());
    let codes: Vec<(&str, &str)> = found
        .iter()
        .map(|(c, cell, _)| (c.as_str(), cell.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("bad_level", "C2"),
            ("exclusion_without_reason", "G4"),
            ("unknown_status", "H5"),
            ("not_applicable", "B6"),
            ("unknown_part", "A7"),
        ],
        "{found:#?}"
    );
    assert_eq!(
        found[0].2,
        "s.csv: row 2, column target_level (C2): level 4 is not 1, 2 or 3"
    );
    assert!(found[4].2.ends_with("part \"stuff\" does not belong here (it must be statement, governance, management, control or document)"));
}

#[test]
fn files_over_the_bounds_and_sheets_missing_are_refused() {
    let big = vec![b'a'; 17 * 1024 * 1024];
    for error in [
        read_csv("big.csv", &big, None).unwrap_err(),
        read_xlsx("big.xlsx", &big, None).unwrap_err(),
    ] {
        assert_eq!(error.first().code(), "over_limit", "{error}");
        assert!(
            error
                .first()
                .message()
                .en
                .contains("more than the 16 MiB allowed"),
            "{error}"
        );
    }
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("controls").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let error = read_xlsx("partial.xlsx", &bytes, None).unwrap_err();
    let codes: Vec<&str> = error.iter().map(StatementError::code).collect();
    assert_eq!(
        codes,
        [
            "missing_sheet",
            "missing_sheet",
            "no_statement_row",
            "empty"
        ],
        "{error}"
    );
    assert!(
        error
            .first()
            .message()
            .en
            .contains("no sheet named statement")
    );
}

#[test]
fn twelve_hundred_controls_read_back() {
    let criteria = large_criteria("large-1", 1_200, 1);
    let every_model = ServiceModel::ALL;
    let content = answered(&criteria, Level::HIGH, &every_model);
    let applicable = criteria
        .controls
        .iter()
        .filter(|control| {
            control.part == Part::Control && control.applies(Level::HIGH, &every_model)
        })
        .count();
    assert_eq!(content.selected.len() + content.excluded.len(), applicable);
    assert!(applicable > 1_100, "{applicable}");
    let statement = StatementFile::new(criteria.version.clone(), Level::HIGH, content);
    let bytes = write_xlsx(&statement, Some(&criteria), Some(&every_model)).unwrap();
    // How fast is the workflow bench's business (docs/benchmarks.md); here, that it reads back.
    let read = read_xlsx("large.xlsx", &bytes, Some(&criteria)).unwrap();
    assert_eq!(read, statement);
    let csv = write_csv(&statement, Some(&criteria), Some(&every_model)).unwrap();
    assert_eq!(
        read_csv("large.csv", &csv, Some(&criteria)).unwrap(),
        statement
    );
}
