//! Criteria tables in CSV and XLSX: what is written reads back equal, and every broken table
//! is refused with the sheet, row and column of its problem.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use calamine::{Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Workbook};
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Reference, Relation, Status,
};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_formats::table::{
    CellType, TableError, diagnose_csv_bytes, read_csv, read_csv_bytes, read_table, read_xlsx,
    read_xlsx_bytes, template_csv, template_xlsx, write_csv, write_xlsx,
};

const COLUMNS: [&str; 17] = [
    "kind",
    "id",
    "part",
    "objective",
    "title_ja",
    "title_en",
    "text_ja",
    "text_en",
    "mandatory",
    "actor",
    "min_level",
    "integrity",
    "availability",
    "service_models",
    "examples_ja",
    "examples_en",
    "references",
];

// A version with every attribute used.

fn group(id: &str, part: Part, n: usize) -> Group {
    Group {
        id: id.to_owned(),
        part,
        title: Bilingual::new(
            format!("見出し{n}、「引用」"),
            format!("Title {n}, \"quoted\""),
        ),
        text: Bilingual::new(
            format!("目的{n}。\n二行目、カンマ"),
            format!("Aim {n}, with a comma;\nand \"a second line\""),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn control(
    id: &str,
    part: Part,
    objective: &str,
    actor: Actor,
    level: u8,
    flags: (bool, bool, bool),
    models: &[ServiceModel],
    references: Vec<Reference>,
) -> Control {
    Control {
        id: id.to_owned(),
        part,
        objective: objective.to_owned(),
        text: Bilingual::new(
            format!("{id} の本文、\"引用符\" と\n改行"),
            format!("Text of {id}, \"quoted\",\r\nwith lines"),
        ),
        mandatory: flags.0,
        actor,
        min_level: Level::new(level).unwrap(),
        integrity: flags.1,
        availability: flags.2,
        service_models: models.to_vec(),
        examples: if references.is_empty() {
            Bilingual::new("", "")
        } else {
            Bilingual::new(
                "- 例, その1\n- 例2",
                "- an example, first\n- =not a formula",
            )
        },
        references,
    }
}

fn reference(standard: &str, clause: &str, relation: Relation) -> Reference {
    Reference {
        standard: standard.to_owned(),
        clause: clause.to_owned(),
        relation,
    }
}

fn sample() -> CriteriaVersion {
    use ServiceModel::*;
    let groups = vec![
        group("G1", Part::Governance, 1),
        group("G2", Part::Governance, 2),
        group("M1", Part::Management, 3),
        group("M2", Part::Management, 4),
        group("M3", Part::Management, 5),
        group("6.1.1", Part::Control, 6),
        group("9.2.3", Part::Control, 7),
        group("CLD.6.3", Part::Control, 8),
    ];
    let all = [IaaS, PaaS, SaaS];
    let controls = vec![
        control(
            "G1.1",
            Part::Governance,
            "G1",
            Actor::Provider,
            1,
            (true, false, false),
            &all,
            vec![],
        ),
        control(
            "G2.1",
            Part::Governance,
            "G2",
            Actor::Both,
            2,
            (false, true, true),
            &all,
            vec![],
        ),
        control(
            "M1.1",
            Part::Management,
            "M1",
            Actor::Provider,
            1,
            (true, true, false),
            &[SaaS],
            vec![reference("ISO27001", "5.1", Relation::Equal)],
        ),
        control(
            "M2.1",
            Part::Management,
            "M2",
            Actor::Customer,
            3,
            (false, false, true),
            &[PaaS, IaaS],
            vec![],
        ),
        control(
            "M3.1",
            Part::Management,
            "M3",
            Actor::Both,
            2,
            (true, false, false),
            &all,
            vec![],
        ),
        control(
            "6.1.1.1",
            Part::Control,
            "6.1.1",
            Actor::Provider,
            1,
            (true, true, true),
            &[IaaS, PaaS],
            vec![
                reference("ISO27002", "6.1.1", Relation::Subset),
                reference("NIST", "PM-2", Relation::Intersect),
            ],
        ),
        control(
            "9.2.3.1",
            Part::Control,
            "9.2.3",
            Actor::Customer,
            3,
            (false, true, false),
            &[SaaS, IaaS],
            vec![
                reference("ISO27002", "9.2.3", Relation::Subset),
                reference("NIST", "AC-6", Relation::Intersect),
                reference("X", "a:b=c", Relation::Superset),
            ],
        ),
        control(
            "9.2.3.2",
            Part::Control,
            "9.2.3",
            Actor::Both,
            2,
            (true, false, true),
            &[PaaS],
            vec![],
        ),
        control(
            "CLD.6.3.1",
            Part::Control,
            "CLD.6.3",
            Actor::Provider,
            2,
            (true, false, false),
            &all,
            vec![reference("ISO27017", "CLD.6.3.1", Relation::Equal)],
        ),
    ];
    CriteriaVersion {
        version: "test-2026.1".to_owned(),
        title: Bilingual::new("試験用の基準、第 1 版", "Test criteria, \"first\" edition"),
        status: Status::Draft,
        published_on: None,
        groups,
        controls,
    }
}

fn csv_of(version: &CriteriaVersion) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_csv(version, &mut bytes).unwrap();
    bytes
}

// Round trips.

#[test]
fn csv_round_trip_is_equal() {
    let version = sample();
    let bytes = csv_of(&version);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "CSV starts with a BOM");
    assert_eq!(read_csv_bytes("sample.csv", &bytes).unwrap(), version);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.CSV");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(read_table(&path).unwrap(), version);
    assert_eq!(read_csv(&path).unwrap(), version);
}

#[test]
fn xlsx_round_trip_is_equal() {
    let version = sample();
    let bytes = write_xlsx(&version).unwrap();
    assert_eq!(read_xlsx_bytes("sample.xlsx", &bytes).unwrap(), version);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(read_table(&path).unwrap(), version);
    assert_eq!(read_xlsx(&path).unwrap(), version);

    // Levels are written as numbers; the workbook explains itself in a second sheet.
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), ["criteria", "help"]);
    let range = workbook.worksheet_range("criteria").unwrap();
    let level = range.get_value((2 + 8, 10)).unwrap();
    assert_eq!(*level, calamine::Data::Float(1.0));
}

#[test]
fn published_versions_come_back_as_drafts() {
    let mut published = sample();
    published.status = Status::Published;
    published.published_on = CalendarDate::new(2026, 4, 1);
    let back = read_csv_bytes("p.csv", &csv_of(&published)).unwrap();
    assert_eq!(back.status, Status::Draft);
    assert_eq!(back.published_on, None);
    assert_eq!(back, sample());
}

#[test]
fn demo_criteria_round_trip_in_both_formats() {
    let mut demo = demo_criteria().unwrap();
    demo.status = Status::Draft;
    demo.published_on = None;
    assert_eq!(read_csv_bytes("demo.csv", &csv_of(&demo)).unwrap(), demo);
    let xlsx = write_xlsx(&demo).unwrap();
    assert_eq!(read_xlsx_bytes("demo.xlsx", &xlsx).unwrap(), demo);
}

// Broken CSV tables, built from a small valid one.

/// Header (row 1), version (2), two groups (3, 4), two controls (5, 6).
fn base() -> Vec<Vec<String>> {
    let rows: [&[(&str, &str)]; 6] = [
        &[],
        &[
            ("kind", "version"),
            ("id", "v1"),
            ("title_ja", "版"),
            ("title_en", "Version"),
        ],
        &[
            ("kind", "group"),
            ("id", "G1"),
            ("part", "governance"),
            ("title_ja", "統治"),
            ("title_en", "Governance"),
            ("text_ja", "目的"),
            ("text_en", "Aim"),
        ],
        &[
            ("kind", "group"),
            ("id", "6.1.1"),
            ("part", "control"),
            ("title_ja", "組織"),
            ("title_en", "Organisation"),
            ("text_ja", "目的"),
            ("text_en", "Aim"),
        ],
        &[
            ("kind", "control"),
            ("id", "G1.1"),
            ("part", "governance"),
            ("objective", "G1"),
            ("text_ja", "本文"),
            ("text_en", "Text"),
            ("mandatory", "yes"),
            ("actor", "provider"),
            ("min_level", "1"),
            ("integrity", "no"),
            ("availability", "no"),
            ("service_models", "IaaS;PaaS;SaaS"),
        ],
        &[
            ("kind", "control"),
            ("id", "6.1.1.1"),
            ("part", "control"),
            ("objective", "6.1.1"),
            ("text_ja", "本文"),
            ("text_en", "Text"),
            ("mandatory", "yes"),
            ("actor", "both"),
            ("min_level", "2"),
            ("integrity", "yes"),
            ("availability", "no"),
            ("service_models", "SaaS"),
            ("references", "ISO27002:9.2.3=subset; NIST:AC-6=intersect"),
        ],
    ];
    let mut table = vec![COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    for cells in rows.iter().skip(1) {
        table.push(
            COLUMNS
                .iter()
                .map(|column| {
                    cells
                        .iter()
                        .find(|(name, _)| name == column)
                        .map(|(_, value)| value.to_string())
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    table
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

/// Sets a cell by 1-based row number and column name.
fn set(table: &mut [Vec<String>], row: usize, column: &str, value: &str) {
    table[row - 1][col(column)] = value.to_owned();
}

fn csv_bytes(table: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in table {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

fn csv_error(table: &[Vec<String>]) -> TableError {
    read_csv_bytes("t.csv", &csv_bytes(table)).unwrap_err()
}

/// Checks the place: row, column name and cell; the sheet is absent for CSV.
fn at(error: &TableError, row: Option<usize>, column: Option<&str>, cell: Option<&str>) {
    let place = error.place().expect("a reading problem has a place");
    assert_eq!(
        (place.row, place.column.as_deref(), place.cell.as_deref()),
        (row, column, cell),
        "{error}"
    );
    let message = error.message();
    assert!(!message.ja.is_empty() && !message.en.is_empty());
    assert_eq!(error.to_string(), message.en);
}

#[test]
fn the_base_table_reads() {
    let version = read_csv_bytes("t.csv", &csv_bytes(&base())).unwrap();
    assert_eq!(version.version, "v1");
    assert_eq!(version.groups.len(), 2);
    assert_eq!(version.controls.len(), 2);
    assert_eq!(version.controls[1].references.len(), 2);
}

#[test]
fn missing_column() {
    let mut table = base();
    for row in &mut table {
        row.remove(col("actor"));
    }
    let error = csv_error(&table);
    assert!(matches!(error, TableError::MissingColumn { .. }), "{error}");
    at(&error, Some(1), Some("actor"), None);
    assert_eq!(
        error.to_string(),
        "t.csv: row 1, column actor: the header has no such column"
    );
}

#[test]
fn optional_columns_may_be_left_out() {
    let mut table = base();
    for row in &mut table {
        row.truncate(col("examples_ja"));
    }
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert!(version.controls[1].references.is_empty());
}

#[test]
fn unknown_column() {
    let mut table = base();
    table[0][col("actor")] = "Actor".to_owned();
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownColumn { name, .. } if name == "Actor"),
        "{error}"
    );
    at(&error, Some(1), Some("Actor"), Some("J1"));
}

#[test]
fn duplicate_column() {
    let mut table = base();
    for row in &mut table {
        let id = row[col("id")].clone();
        row.push(id);
    }
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::DuplicateColumn { first, .. } if first == "B1"),
        "{error}"
    );
    at(&error, Some(1), Some("id"), Some("R1"));
}

#[test]
fn columns_in_any_order() {
    let mut table = base();
    for row in &mut table {
        row.reverse();
    }
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert_eq!(
        version,
        read_csv_bytes("t.csv", &csv_bytes(&base())).unwrap()
    );
}

#[test]
fn duplicate_id_names_the_first_row() {
    let mut table = base();
    set(&mut table, 6, "id", "G1.1");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::DuplicateId { id, first_row: 5, .. } if id == "G1.1"),
        "{error}"
    );
    at(&error, Some(6), Some("id"), Some("B6"));
    assert!(
        error
            .to_string()
            .ends_with("id G1.1 is used in row 5 already")
    );
}

#[test]
fn level_four() {
    let mut table = base();
    set(&mut table, 6, "min_level", "4");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::BadLevel { value, .. } if value == "4"),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "t.csv: row 6, column min_level (K6): level 4 is not 1, 2 or 3"
    );
    assert_eq!(
        error.message().ja,
        "t.csv: 6 行目、列 min_level (K6): レベル 4 は 1、2、3 のいずれでもありません"
    );
}

#[test]
fn unknown_objective() {
    let mut table = base();
    set(&mut table, 6, "objective", "6.1.2");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownObjective { objective, .. } if objective == "6.1.2"),
        "{error}"
    );
    at(&error, Some(6), Some("objective"), Some("D6"));
}

#[test]
fn objective_of_another_part() {
    let mut table = base();
    set(&mut table, 6, "objective", "G1");
    let error = csv_error(&table);
    assert!(
        matches!(
            error,
            TableError::ObjectivePart {
                objective_part: Part::Governance,
                part: Part::Control,
                ..
            }
        ),
        "{error}"
    );
    at(&error, Some(6), Some("objective"), Some("D6"));
}

#[test]
fn objective_may_come_after_its_controls() {
    let mut table = base();
    let group = table.remove(3);
    table.push(group);
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert_eq!(version.groups[1].id, "6.1.1");
}

#[test]
fn empty_japanese_text() {
    let mut table = base();
    set(&mut table, 5, "text_ja", "  \u{3000} ");
    let error = csv_error(&table);
    assert!(
        matches!(
            error,
            TableError::Required {
                kind: "control",
                ..
            }
        ),
        "{error}"
    );
    at(&error, Some(5), Some("text_ja"), Some("G5"));
    assert_eq!(
        error.to_string(),
        "t.csv: row 5, column text_ja (G5): a control row needs the Japanese text"
    );
    assert!(error.message().ja.contains("日本語の文が必要です"));

    let mut table = base();
    set(&mut table, 2, "title_en", "");
    let error = csv_error(&table);
    at(&error, Some(2), Some("title_en"), Some("F2"));
}

#[test]
fn empty_csv() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\r\n", b",,,\r\n"] {
        let error = read_csv_bytes("e.csv", bytes).unwrap_err();
        assert!(matches!(error, TableError::Empty { .. }), "{error}");
        at(&error, None, None, None);
        assert_eq!(error.place().unwrap().file, "e.csv");
    }
}

#[test]
fn no_version_row_and_two_version_rows() {
    let mut table = base();
    table.remove(1);
    let error = csv_error(&table);
    assert!(matches!(error, TableError::NoVersionRow { .. }), "{error}");

    let mut table = base();
    let version = table[1].clone();
    table.push(version);
    let error = csv_error(&table);
    assert!(
        matches!(error, TableError::ExtraVersionRow { first_row: 2, .. }),
        "{error}"
    );
    at(&error, Some(7), Some("kind"), Some("A7"));
}

#[test]
fn bad_codes_are_named() {
    let cases: [(usize, &str, &str, &str); 9] = [
        (3, "kind", "groupe", "A3"),
        (3, "part", "controls", "C3"),
        (5, "actor", "vendor", "J5"),
        (5, "mandatory", "maybe", "I5"),
        (5, "service_models", "IaaS;FaaS", "N5"),
        (5, "service_models", " ; ", "N5"),
        (6, "references", "ISO27002 9.2.3=subset", "Q6"),
        (6, "references", "ISO27002:9.2.3=partly", "Q6"),
        (2, "id", "v 1", "B2"),
    ];
    for (row, column, value, cell) in cases {
        let mut table = base();
        set(&mut table, row, column, value);
        let error = csv_error(&table);
        let expected = match column {
            "kind" => matches!(error, TableError::UnknownKind { .. }),
            "part" => matches!(error, TableError::UnknownPart { .. }),
            "actor" => matches!(error, TableError::UnknownActor { .. }),
            "mandatory" => matches!(error, TableError::BadBoolean { .. }),
            "service_models" if value.contains('F') => {
                matches!(&error, TableError::UnknownServiceModel { value, .. } if value == "FaaS")
            }
            "service_models" => matches!(error, TableError::Required { .. }),
            "references" if value.contains("partly") => {
                matches!(error, TableError::UnknownRelation { .. })
            }
            "references" => matches!(error, TableError::BadReference { .. }),
            "id" => matches!(error, TableError::BadVersionId { .. }),
            _ => false,
        };
        assert!(expected, "{column}={value}: {error}");
        at(&error, Some(row), Some(column), Some(cell));
    }
}

#[test]
fn row_without_kind() {
    let mut table = base();
    set(&mut table, 4, "kind", "");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownKind { value, .. } if value.is_empty()),
        "{error}"
    );
    at(&error, Some(4), Some("kind"), Some("A4"));
    assert!(
        error
            .to_string()
            .ends_with("kind is empty; it must be version, group or control")
    );
}

#[test]
fn values_in_unused_or_unnamed_columns() {
    let mut table = base();
    set(&mut table, 3, "min_level", "2");
    let error = csv_error(&table);
    assert!(
        matches!(error, TableError::NotApplicable { kind: "group", .. }),
        "{error}"
    );
    at(&error, Some(3), Some("min_level"), Some("K3"));

    let mut table = base();
    table[0].push(String::new());
    for row in &mut table {
        row.resize(18, String::new());
    }
    table[3][17] = "stray".to_owned();
    let error = csv_error(&table);
    assert!(
        matches!(error, TableError::ValueWithoutColumn { .. }),
        "{error}"
    );
    at(&error, Some(4), None, Some("R4"));
}

#[test]
fn lenient_where_it_is_safe() {
    let mut table = base();
    set(&mut table, 5, "kind", " Control ");
    set(&mut table, 5, "actor", "Provider");
    set(&mut table, 5, "mandatory", "はい");
    set(&mut table, 5, "integrity", "FALSE");
    set(&mut table, 5, "availability", "0");
    set(&mut table, 5, "service_models", "saas; IaaS;SaaS;");
    set(&mut table, 5, "text_en", "  Text\n");
    set(&mut table, 6, "references", "ISO27002:9.2.3 = Subset;");
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    let control = &version.controls[0];
    assert_eq!(control.actor, Actor::Provider);
    assert!(control.mandatory && !control.integrity && !control.availability);
    assert_eq!(
        control.service_models,
        [ServiceModel::SaaS, ServiceModel::IaaS]
    );
    assert_eq!(control.text.en, "Text");
    assert_eq!(
        version.controls[1].references,
        [reference("ISO27002", "9.2.3", Relation::Subset)]
    );
}

#[test]
fn every_problem_sorted_by_row() {
    let mut table = base();
    set(&mut table, 6, "min_level", "4");
    set(&mut table, 5, "actor", "vendor");
    set(&mut table, 3, "text_en", "");
    let problems = diagnose_csv_bytes("t.csv", &csv_bytes(&table)).unwrap_err();
    let rows: Vec<_> = problems.iter().map(|p| p.place().unwrap().row).collect();
    assert_eq!(rows, [Some(3), Some(5), Some(6)]);
    assert!(matches!(problems.first(), TableError::Required { .. }));
    assert_eq!(problems.to_string().lines().count(), 3);
    // The single-error readers give the earliest.
    assert!(matches!(csv_error(&table), TableError::Required { .. }));
}

#[test]
fn a_table_of_countless_problems_lists_the_first_thousand_and_counts_the_rest() {
    // Each of these rows has an unknown kind: 5,000 problems, of which 1,000 are listed.
    let mut bytes = csv_bytes(&base());
    for row in 0..5_000 {
        bytes.extend_from_slice(format!("nonsense{row},x\r\n").as_bytes());
    }
    let problems = diagnose_csv_bytes("t.csv", &bytes).unwrap_err();
    assert_eq!(problems.len(), 1_000);
    assert_eq!(problems.omitted(), 4_000);
    assert!(matches!(problems.first(), TableError::UnknownKind { .. }));
    let shown = problems.to_string();
    assert_eq!(shown.lines().count(), 1_001);
    assert!(
        shown.ends_with("and 4,000 more problems (only the first 1,000 are listed)"),
        "{}",
        shown.lines().last().unwrap()
    );
    assert!(
        problems
            .omitted_message()
            .unwrap()
            .ja
            .contains("ほかに 4,000 件の問題があります")
    );
}

#[test]
fn not_utf8() {
    // 管理 in Shift_JIS, as Excel's plain "CSV" saves it.
    let mut bytes = csv_bytes(&base());
    bytes.extend_from_slice(b"control,\x8a\xc7\x97\x9d\r\n");
    let error = read_csv_bytes("sjis.csv", &bytes).unwrap_err();
    assert!(matches!(error, TableError::NotUtf8 { .. }), "{error}");
    at(&error, Some(7), None, Some("B7"));
    assert!(error.to_string().contains("CSV UTF-8"));
}

#[test]
fn broken_csv_syntax_and_files() {
    // The csv crate takes an unclosed quote to the end of the file: the header lacks columns.
    let error = read_csv_bytes("q.csv", b"kind,id\r\n\"version,v1\r\n").unwrap_err();
    assert!(matches!(error, TableError::MissingColumn { .. }), "{error}");

    let dir = tempfile::tempdir().unwrap();
    let error = read_table(&dir.path().join("criteria.ods")).unwrap_err();
    assert!(
        matches!(error, TableError::UnsupportedFormat { .. }),
        "{error}"
    );
    let error = read_table(&dir.path().join("absent.csv")).unwrap_err();
    assert!(matches!(error, TableError::Io { .. }), "{error}");
    assert!(error.to_string().contains("absent.csv"));
}

// Broken workbooks.

/// A workbook with a `criteria` sheet holding `table`, written by `edit` too.
fn xlsx_with(table: &[Vec<String>], edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("criteria").unwrap();
    for (r, row) in table.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r as u32, c as u16, value).unwrap();
            }
        }
    }
    edit(sheet);
    workbook.save_to_buffer().unwrap()
}

fn xlsx_error(bytes: &[u8]) -> TableError {
    read_xlsx_bytes("t.xlsx", bytes).unwrap_err()
}

fn in_sheet(error: &TableError, row: Option<usize>, column: Option<&str>, cell: Option<&str>) {
    assert_eq!(
        error.place().unwrap().sheet.as_deref(),
        Some("criteria"),
        "{error}"
    );
    at(error, row, column, cell);
}

#[test]
fn xlsx_formula_cell_is_refused() {
    let bytes = xlsx_with(&base(), |sheet| {
        sheet
            .write_formula(5, col("min_level") as u16, "=1+1")
            .unwrap();
    });
    let error = xlsx_error(&bytes);
    assert!(
        matches!(&error, TableError::Formula { formula, .. } if formula.contains("1+1")),
        "{error}"
    );
    in_sheet(&error, Some(6), Some("min_level"), Some("K6"));
    assert!(
        error
            .to_string()
            .starts_with("t.xlsx: sheet criteria, row 6, column min_level (K6): a formula")
    );
}

#[test]
fn xlsx_level_four_and_number_cells() {
    let bytes = xlsx_with(&base(), |sheet| {
        sheet.write_number(5, col("min_level") as u16, 4).unwrap();
    });
    let error = xlsx_error(&bytes);
    assert!(
        matches!(&error, TableError::BadLevel { value, .. } if value == "4"),
        "{error}"
    );
    in_sheet(&error, Some(6), Some("min_level"), Some("K6"));
    assert_eq!(
        error.to_string(),
        "t.xlsx: sheet criteria, row 6, column min_level (K6): level 4 is not 1, 2 or 3"
    );

    // Numbers and booleans are fine where they mean something.
    let bytes = xlsx_with(&base(), |sheet| {
        sheet.write_number(5, col("min_level") as u16, 3.0).unwrap();
        sheet
            .write_boolean(5, col("integrity") as u16, false)
            .unwrap();
        sheet
            .write_number(5, col("availability") as u16, 1)
            .unwrap();
    });
    let version = read_xlsx_bytes("t.xlsx", &bytes).unwrap();
    let control = &version.controls[1];
    assert_eq!(control.min_level, Level::HIGH);
    assert!(!control.integrity && control.availability);

    // But not for ids, where 6.10 would come back as 6.1.
    let bytes = xlsx_with(&base(), |sheet| {
        sheet.write_number(3, col("id") as u16, 6.1).unwrap();
    });
    let error = xlsx_error(&bytes);
    assert!(
        matches!(
            error,
            TableError::WrongCellType {
                found: CellType::Number,
                ..
            }
        ),
        "{error}"
    );
    in_sheet(&error, Some(4), Some("id"), Some("B4"));
}

#[test]
fn xlsx_date_cell_is_refused() {
    let bytes = xlsx_with(&base(), |sheet| {
        let date = ExcelDateTime::from_ymd(2026, 4, 1).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet
            .write_datetime_with_format(4, col("text_en") as u16, &date, &format)
            .unwrap();
    });
    let error = xlsx_error(&bytes);
    assert!(
        matches!(
            error,
            TableError::WrongCellType {
                found: CellType::Date,
                ..
            }
        ),
        "{error}"
    );
    in_sheet(&error, Some(5), Some("text_en"), Some("H5"));
}

#[test]
fn xlsx_broken_tables_name_the_sheet() {
    let mut table = base();
    set(&mut table, 6, "id", "G1.1");
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(
        matches!(error, TableError::DuplicateId { first_row: 5, .. }),
        "{error}"
    );
    in_sheet(&error, Some(6), Some("id"), Some("B6"));

    let mut table = base();
    set(&mut table, 6, "objective", "9.9.9");
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(
        matches!(error, TableError::UnknownObjective { .. }),
        "{error}"
    );
    in_sheet(&error, Some(6), Some("objective"), Some("D6"));

    let mut table = base();
    set(&mut table, 3, "title_ja", "");
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(
        matches!(error, TableError::Required { kind: "group", .. }),
        "{error}"
    );
    in_sheet(&error, Some(3), Some("title_ja"), Some("E3"));

    let mut table = base();
    for row in &mut table {
        row.remove(col("min_level"));
    }
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(matches!(error, TableError::MissingColumn { .. }), "{error}");
    in_sheet(&error, Some(1), Some("min_level"), None);

    let mut table = base();
    table[0][col("references")] = "refs".to_owned();
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(matches!(error, TableError::UnknownColumn { .. }), "{error}");
    in_sheet(&error, Some(1), Some("refs"), Some("Q1"));
}

#[test]
fn xlsx_rows_and_cells_are_those_of_the_sheet() {
    // The table placed at C3: rows and cell references still match what Excel shows.
    let bytes = xlsx_with(&[], |sheet| {
        let mut table = base();
        set(&mut table, 6, "min_level", "4");
        for (r, row) in table.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if !value.is_empty() {
                    sheet
                        .write_string(r as u32 + 2, c as u16 + 2, value)
                        .unwrap();
                }
            }
        }
    });
    let error = xlsx_error(&bytes);
    in_sheet(&error, Some(8), Some("min_level"), Some("M8"));
}

#[test]
fn xlsx_empty_sheet() {
    let bytes = xlsx_with(&[], |_| {});
    let error = xlsx_error(&bytes);
    assert!(matches!(error, TableError::Empty { .. }), "{error}");
    in_sheet(&error, None, None, None);
    assert!(
        error
            .to_string()
            .starts_with("t.xlsx: sheet criteria: it is empty")
    );
}

#[test]
fn xlsx_missing_sheet_lists_the_sheets() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("Sheet1").unwrap();
    workbook.add_worksheet().set_name("基準").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let error = xlsx_error(&bytes);
    assert!(
        matches!(&error, TableError::MissingSheet { sheets, .. } if sheets == &["Sheet1", "基準"]),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "t.xlsx: no sheet named criteria (the sheets are Sheet1 or 基準)"
    );
}

#[test]
fn not_a_workbook() {
    let error = xlsx_error(&csv_bytes(&base()));
    assert!(matches!(error, TableError::Workbook { .. }), "{error}");
}

// Templates.

#[test]
fn templates_are_empty_tables() {
    let error = read_csv_bytes("template.csv", &template_csv()).unwrap_err();
    assert!(matches!(error, TableError::NoVersionRow { .. }), "{error}");

    let bytes = template_xlsx().unwrap();
    let error = read_xlsx_bytes("template.xlsx", &bytes).unwrap_err();
    assert!(matches!(error, TableError::NoVersionRow { .. }), "{error}");
    in_sheet(&error, None, None, None);

    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), ["criteria", "help"]);
    let header: Vec<String> = workbook
        .worksheet_range("criteria")
        .unwrap()
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|cell| cell.to_string())
        .collect();
    assert_eq!(header, COLUMNS);
    let help = workbook.worksheet_range("help").unwrap();
    let described: Vec<String> = help
        .rows()
        .skip(1)
        .take(17)
        .map(|row| row[0].to_string())
        .collect();
    assert_eq!(described, COLUMNS);
    for row in help.rows().skip(1).take(17) {
        assert!(
            row[2].to_string().chars().any(|c| c > '\u{3000}'),
            "Japanese help"
        );
        assert!(!row[3].to_string().is_empty(), "English help");
    }
}

#[test]
fn unwritable_reference_is_refused() {
    let mut version = sample();
    version.controls[0]
        .references
        .push(reference("A;B", "1", Relation::Equal));
    let mut out = Vec::new();
    let error = write_csv(&version, &mut out).unwrap_err();
    assert!(
        matches!(error, TableError::UnwritableReference { .. }),
        "{error}"
    );
    assert!(write_xlsx(&version).is_err());
}
