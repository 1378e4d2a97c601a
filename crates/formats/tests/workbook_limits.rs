//! Crafted workbooks, built here byte by byte (so that their zip directories may lie): every
//! one that goes over a bound of `shinrai_formats::workbook::limits` is refused with the bound
//! it goes over, and without allocating more than a small budget. The budget is enforced by the
//! test binary's allocator: going over it aborts the binary ("memory allocation failed").

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use std::alloc::System;
use std::fmt::Write as _;
use std::sync::{Mutex, MutexGuard};

use cap::Cap;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use shinrai_formats::table::{Limit, TableError, diagnose_xlsx_bytes, read_xlsx_bytes};
use shinrai_formats::workbook::{self, CellValue, limits};
use shinrai_testdata::xlsx::{
    Book, Entry, Method, SPREADSHEET_NAMESPACE as MAIN, Sheet, crc32, inline, whole_grid,
    zeros_bomb, zip, zip_with_aliases,
};

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

/// One test at a time: the budget is set for the whole process, so a test building its
/// workbook must not run beside one reading another.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

const MIB: usize = 1024 * 1024;

/// What reading a refused workbook may allocate: its checks, the reader's buffers, a message.
const SMALL: usize = 16 * MIB;

/// Runs `read` allowed `budget` bytes on top of what is allocated now.
fn within<T>(budget: usize, read: impl FnOnce() -> T) -> T {
    ALLOCATOR.set_limit(ALLOCATOR.allocated() + budget).unwrap();
    let result = read();
    ALLOCATOR.set_limit(usize::MAX).unwrap();
    result
}

/// Reads crafted bytes as a criteria table within `budget`; the error it must give.
fn refused(budget: usize, bytes: &[u8]) -> TableError {
    match within(budget, || read_xlsx_bytes("crafted.xlsx", bytes)) {
        Ok(_) => panic!("a crafted workbook was read"),
        Err(error) => error,
    }
}

fn limit_of(error: &TableError) -> &Limit {
    match error {
        TableError::OverLimit { limit, .. } => limit,
        other => panic!("expected a limit, got: {other}"),
    }
}

fn sheet_of(error: &TableError) -> Option<&str> {
    error.place().and_then(|place| place.sheet.as_deref())
}

fn criteria(dimension: Option<&str>, rows: String) -> Book {
    Book::one_sheet("criteria", dimension, rows)
}

/// A header row and one version row: a table that reads.
fn good_rows() -> String {
    let columns = [
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
    ];
    let letters = "ABCDEFGHIJKLMN";
    let mut header = String::from(r#"<row r="1">"#);
    for (letter, name) in letters.chars().zip(columns) {
        header.push_str(&inline(&format!("{letter}1"), name));
    }
    header.push_str("</row>");
    format!(
        r#"{header}<row r="2">{}{}{}{}</row>"#,
        inline("A2", "version"),
        inline("B2", "v1"),
        inline("E2", "版"),
        inline("F2", "Version")
    )
}

#[test]
fn a_good_crafted_workbook_reads() {
    let _serial = serial();
    let bytes = criteria(Some("A1:N2"), good_rows()).bytes();
    let version = within(SMALL, || read_xlsx_bytes("crafted.xlsx", &bytes)).unwrap();
    assert_eq!(version.version, "v1");
    assert_eq!(version.title.en, "Version");
}

// The finding: two cells declaring the whole sheet.

#[test]
fn a_sheet_declaring_the_whole_grid_for_two_cells_is_refused_before_any_cell() {
    let _serial = serial();
    let bytes = whole_grid("criteria");
    assert!(bytes.len() < 2_000, "{} bytes", bytes.len());
    let error = refused(SMALL, &bytes);
    assert_eq!(
        limit_of(&error),
        &Limit::DeclaredCells {
            range: "A1:XFD1048576".to_owned(),
            cells: 17_179_869_184,
            max: limits::MAX_CELLS,
        }
    );
    assert_eq!(
        error.to_string(),
        "crafted.xlsx: sheet criteria: declares A1:XFD1048576 (17,179,869,184 cells), more than the 1,000,000 allowed"
    );
    assert_eq!(
        error.message().ja,
        "crafted.xlsx: シート criteria: 範囲 A1:XFD1048576（17,179,869,184 セル）が宣言されており、上限の 1,000,000 セルを超えています"
    );
}

#[test]
fn a_sheet_that_declares_nothing_is_held_to_the_cells_it_holds() {
    let _serial = serial();
    let rows = format!(
        r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
        inline("A1", "kind"),
        inline("XFD1048576", "x")
    );
    let error = refused(SMALL, &criteria(None, rows).bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::Row {
            max: limits::MAX_ROWS
        }
    );
    let place = error.place().unwrap();
    assert_eq!(place.sheet.as_deref(), Some("criteria"));
    assert_eq!(place.cell.as_deref(), Some("XFD1048576"));
}

#[test]
fn a_sheet_declaring_one_cell_and_holding_a_million_is_refused_as_it_is_read() {
    let _serial = serial();
    // 100,000 rows of eleven cells, each row with a number: 1,100,000 cells.
    let mut rows = String::with_capacity(9 * MIB);
    for row in 1..=100_000 {
        let _ = write!(
            rows,
            r#"<row r="{row}"><c><v>1</v></c><c/><c/><c/><c/><c/><c/><c/><c/><c/><c/></row>"#
        );
    }
    let bytes = criteria(Some("A1"), rows).bytes();
    // Memory follows the cells read: 100,000 numbers kept, the empty cells only counted.
    let error = refused(SMALL, &bytes);
    assert_eq!(
        limit_of(&error),
        &Limit::Cells {
            max: limits::MAX_CELLS
        }
    );
    assert_eq!(sheet_of(&error), Some("criteria"));
}

#[test]
fn a_sheet_declaring_columns_beyond_the_bound_is_refused() {
    let _serial = serial();
    let error = refused(SMALL, &criteria(Some("A1:AMK1"), good_rows()).bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::DeclaredColumns {
            range: "A1:AMK1".to_owned(),
            max: limits::MAX_COLUMNS
        }
    );
    let error = refused(SMALL, &criteria(Some("A1:A100001"), good_rows()).bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::DeclaredRows {
            range: "A1:A100001".to_owned(),
            max: limits::MAX_ROWS
        }
    );
}

// Zip bombs.

#[test]
fn an_entry_declaring_gigabytes_is_refused_from_the_directory() {
    let _serial = serial();
    let book = criteria(Some("A1:N2"), good_rows());
    let mut bomb = Entry::deflated("xl/worksheets/sheet0.xml", b"<worksheet/>");
    bomb.declared = 4_000_000_000;
    let error = refused(SMALL, &book.with_entry(bomb));
    assert_eq!(
        limit_of(&error),
        &Limit::EntrySize {
            entry: "xl/worksheets/sheet0.xml".to_owned(),
            max: limits::MAX_ENTRY_BYTES
        }
    );
    assert_eq!(sheet_of(&error), None);
}

#[test]
fn an_entry_inflating_to_a_gigabyte_from_a_megabyte_is_refused() {
    let _serial = serial();
    let book = criteria(Some("A1:N2"), good_rows());
    // Honest about its size: 48 MiB in 50 KB, refused for its ratio before inflating.
    let mut bomb = Entry {
        name: "xl/worksheets/sheet0.xml".to_owned(),
        method: Method::Deflated,
        data: zeros_bomb(48),
        crc: 0,
        declared: 48 * MIB as u32,
    };
    let error = refused(SMALL, &book.with_entry(bomb.clone()));
    assert_eq!(
        limit_of(&error),
        &Limit::CompressionRatio {
            entry: "xl/worksheets/sheet0.xml".to_owned(),
            max: limits::MAX_COMPRESSION_RATIO
        }
    );

    // Lying about it: a gigabyte in a megabyte declared as 10 KB, refused while inflating as
    // soon as it passes what it declared.
    bomb.data = zeros_bomb(1024);
    assert!(bomb.data.len() < 1_100_000, "{} bytes", bomb.data.len());
    bomb.declared = 10_000;
    let error = refused(SMALL, &book.with_entry(bomb));
    assert_eq!(
        limit_of(&error),
        &Limit::EntryUndeclared {
            entry: "xl/worksheets/sheet0.xml".to_owned(),
            declared: 10_000
        }
    );
}

#[test]
fn entries_sharing_one_compressed_kernel_are_refused_from_the_directory() {
    let _serial = serial();
    // 900 listings of 1 MiB of zeros compressed to about a kilobyte: 900 MiB from 60 KB.
    let mut entries = criteria(Some("A1:N2"), good_rows()).entries();
    entries.push(Entry {
        name: "xl/media/kernel.bin".to_owned(),
        method: Method::Deflated,
        data: zeros_bomb(1),
        crc: crc32(&vec![0; MIB]),
        declared: MIB as u32,
    });
    let bytes = zip_with_aliases(&entries, 900);
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
    let error = refused(SMALL, &bytes);
    assert_eq!(
        limit_of(&error),
        &Limit::TotalSize {
            max: limits::MAX_TOTAL_BYTES
        }
    );
}

#[test]
fn entries_adding_up_to_more_than_the_total_are_refused_from_the_directory() {
    let _serial = serial();
    let mut book = criteria(Some("A1:N2"), good_rows());
    for index in 0..3 {
        book.extra.push(Entry {
            name: format!("xl/media/image{index}.bin"),
            method: Method::Stored,
            data: vec![1; 600 * 1024],
            crc: 0,
            declared: 50 * MIB as u32,
        });
    }
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::TotalSize {
            max: limits::MAX_TOTAL_BYTES
        }
    );
}

// Sheets.

#[test]
fn thousands_of_sheets_are_refused() {
    let _serial = serial();
    let mut book = criteria(Some("A1:N2"), good_rows());
    book.listed_only = 3_000;
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::Sheets {
            count: 3_001,
            max: limits::MAX_SHEETS
        }
    );

    let mut book = criteria(Some("A1:N2"), good_rows());
    for index in 0..1_500 {
        book.sheets.push(Sheet {
            name: format!("s{index}"),
            dimension: Some("A1".to_owned()),
            rows: String::new(),
        });
    }
    let error = refused(SMALL, &book.bytes());
    assert!(matches!(
        limit_of(&error),
        Limit::ZipEntries { max, .. } if *max == limits::MAX_ZIP_ENTRIES
    ));
}

// Text.

#[test]
fn a_cell_longer_than_excel_allows_is_refused_naming_it() {
    let _serial = serial();
    let long = "字".repeat(40_000);
    let mut book = criteria(
        Some("A1:N2"),
        format!(
            r#"{}<row r="3"><c r="B3" t="s"><v>0</v></c></row>"#,
            good_rows()
        ),
    );
    book.shared_strings = Some(format!(
        r#"<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{long}</t></si></sst>"#
    ));
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::CellText {
            chars: 40_000,
            max: limits::MAX_CELL_CHARS
        }
    );
    assert_eq!(error.place().unwrap().cell.as_deref(), Some("B3"));

    let rows = format!(r#"{}<row r="3">{}</row>"#, good_rows(), inline("C3", &long));
    let error = refused(SMALL, &criteria(None, rows).bytes());
    assert_eq!(error.place().unwrap().cell.as_deref(), Some("C3"));

    let formula = format!("\"{}\"", "x".repeat(40_000));
    let rows = format!(
        r#"{}<row r="3"><c r="D3" t="str"><f>{formula}</f><v>x</v></c></row>"#,
        good_rows()
    );
    let error = refused(SMALL, &criteria(None, rows).bytes());
    assert!(matches!(limit_of(&error), Limit::CellText { .. }));
    assert_eq!(error.place().unwrap().cell.as_deref(), Some("D3"));
}

#[test]
fn one_long_shared_string_in_many_cells_is_refused_once_the_sheet_text_is_spent() {
    let _serial = serial();
    let long = "x".repeat(30_000);
    let mut rows = good_rows();
    for row in 3..=2_300 {
        let _ = write!(
            rows,
            r#"<row r="{row}"><c r="O{row}" t="s"><v>0</v></c></row>"#
        );
    }
    let mut book = criteria(None, rows);
    book.shared_strings = Some(format!(
        r#"<sst xmlns="{MAIN}" uniqueCount="1"><si><t>{long}</t></si></sst>"#
    ));
    // The copies kept before the bound is reached are the bound itself.
    let error = refused(
        limits::MAX_SHEET_TEXT_BYTES as usize + 32 * MIB,
        &book.bytes(),
    );
    assert_eq!(
        limit_of(&error),
        &Limit::SheetText {
            max: limits::MAX_SHEET_TEXT_BYTES
        }
    );
}

// Shared strings.

#[test]
fn a_shared_string_table_declaring_billions_is_refused_before_it_is_loaded() {
    let _serial = serial();
    let mut book = criteria(Some("A1:N2"), good_rows());
    book.shared_strings = Some(format!(
        r#"<sst xmlns="{MAIN}" count="1" uniqueCount="4000000000"><si><t>a</t></si></sst>"#
    ));
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::SharedStrings {
            count: 4_000_000_000,
            max: limits::MAX_SHARED_STRINGS
        }
    );
}

#[test]
fn a_million_and_one_shared_strings_are_refused_before_they_are_loaded() {
    let _serial = serial();
    let mut strings = String::with_capacity(12 * MIB);
    let _ = write!(strings, r#"<sst xmlns="{MAIN}">"#);
    for _ in 0..=limits::MAX_SHARED_STRINGS {
        strings.push_str("<si><t/></si>");
    }
    strings.push_str("</sst>");
    let mut book = criteria(Some("A1:N2"), good_rows());
    book.shared_strings = Some(strings);
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::SharedStrings {
            count: limits::MAX_SHARED_STRINGS + 1,
            max: limits::MAX_SHARED_STRINGS
        }
    );
}

// Styles.

#[test]
fn one_long_font_name_in_many_cell_formats_is_refused() {
    let _serial = serial();
    let name = "f".repeat(100_000);
    let formats = r#"<xf numFmtId="0" fontId="0"/>"#.repeat(1_000);
    let mut book = criteria(Some("A1:N2"), good_rows());
    book.styles = Some(format!(
        r#"<styleSheet xmlns="{MAIN}"><fonts count="1"><font><name val="{name}"/></font></fonts><cellXfs>{formats}</cellXfs></styleSheet>"#
    ));
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::StyleBytes {
            max: limits::MAX_STYLE_BYTES
        }
    );
}

#[test]
fn more_cell_formats_than_excel_allows_are_refused() {
    let _serial = serial();
    let formats = "<xf/>".repeat(70_000);
    let mut book = criteria(Some("A1:N2"), good_rows());
    book.styles = Some(format!(
        r#"<styleSheet xmlns="{MAIN}"><cellXfs>{formats}</cellXfs></styleSheet>"#
    ));
    let error = refused(SMALL, &book.bytes());
    assert_eq!(
        limit_of(&error),
        &Limit::CellFormats {
            count: 70_000,
            max: limits::MAX_CELL_FORMATS
        }
    );
}

// Formulas.

#[test]
fn a_shared_formula_with_a_huge_index_costs_nothing() {
    let _serial = serial();
    let rows = format!(
        r#"{}<row r="3"><c r="B3"><f t="shared" si="4000000000" ref="B3:B4">1+1</f><v>2</v></c></row><row r="4"><c r="B4"><f t="shared" si="4000000000"/><v>2</v></c></row>"#,
        good_rows()
    );
    let bytes = criteria(None, rows).bytes();
    let problems = within(SMALL, || diagnose_xlsx_bytes("crafted.xlsx", &bytes)).unwrap_err();
    let formulas: Vec<(String, String)> = problems
        .iter()
        .filter_map(|problem| match problem {
            TableError::Formula { at, formula } => Some((at.cell.clone()?, formula.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        formulas,
        vec![
            ("B3".to_owned(), "1+1".to_owned()),
            ("B4".to_owned(), "1+1".to_owned())
        ]
    );
}

// The reader itself, as statements and conclusions will use it.

#[test]
fn the_workbook_reader_keeps_only_cells_that_hold_something() {
    let _serial = serial();
    let rows = format!(
        r#"<row r="1">{}<c r="B1" s="1"/><c r="C1"><v>3</v></c></row><row r="7"><c r="D7" t="b"><v>1</v></c></row>"#,
        inline("A1", "a")
    );
    let bytes = criteria(Some("A1:D7"), rows).bytes();
    let mut book = workbook::open("crafted.xlsx", &bytes).unwrap();
    assert_eq!(book.sheet_names(), vec!["criteria".to_owned()]);
    let sheet = book.read_sheet("criteria").unwrap();
    let cells: Vec<(u32, u32, CellValue)> = sheet
        .rows
        .iter()
        .flat_map(|row| {
            row.cells
                .iter()
                .map(move |cell| (row.number, cell.column, cell.value.clone()))
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            (1, 0, CellValue::Text("a".to_owned())),
            (1, 2, CellValue::Float(3.0)),
            (7, 3, CellValue::Bool(true)),
        ]
    );
}

// Any crafted workbook: refused for the right bound, within the budget.

/// What a crafted workbook must be refused for.
#[derive(Debug, Clone)]
enum Expect {
    DeclaredCells,
    Row,
    Column,
    EntrySize,
    Undeclared,
    Ratio,
    Sheets,
    SharedStrings,
    CellText,
}

fn expected(error: &TableError, expect: &Expect) -> bool {
    let TableError::OverLimit { limit, .. } = error else {
        return false;
    };
    matches!(
        (expect, limit),
        (Expect::DeclaredCells, Limit::DeclaredCells { .. })
            | (Expect::Row, Limit::Row { .. })
            | (Expect::Column, Limit::Column { .. })
            | (Expect::EntrySize, Limit::EntrySize { .. })
            | (Expect::Undeclared, Limit::EntryUndeclared { .. })
            | (Expect::Ratio, Limit::CompressionRatio { .. })
            | (Expect::Sheets, Limit::Sheets { .. })
            | (Expect::SharedStrings, Limit::SharedStrings { .. })
            | (Expect::CellText, Limit::CellText { .. })
    )
}

fn column_name(mut index: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap()
}

fn crafted() -> impl Strategy<Value = (Vec<u8>, Expect)> {
    let huge_dimension = (1_000u32..16_384, 1_001u32..1_048_576).prop_map(|(column, row)| {
        let last = format!("{}{row}", column_name(column));
        let rows = format!(
            r#"<row r="1">{}</row><row r="{row}">{}</row>"#,
            inline("A1", "kind"),
            inline(&last, "x")
        );
        (
            criteria(Some(&format!("A1:{last}")), rows).bytes(),
            Expect::DeclaredCells,
        )
    });
    let lying_row = (100_001u32..1_048_577, 0u32..1_000).prop_map(|(row, column)| {
        let cell = format!("{}{row}", column_name(column));
        let rows = format!(
            r#"{}<row r="{row}">{}</row>"#,
            good_rows(),
            inline(&cell, "x")
        );
        (criteria(Some("A1"), rows).bytes(), Expect::Row)
    });
    let lying_column = (1_024u32..16_384).prop_map(|column| {
        let cell = format!("{}3", column_name(column));
        let rows = format!(r#"{}<row r="3">{}</row>"#, good_rows(), inline(&cell, "x"));
        (criteria(Some("A1:N3"), rows).bytes(), Expect::Column)
    });
    let declared_bomb = (limits::MAX_ENTRY_BYTES + 1..u64::from(u32::MAX)).prop_map(|size| {
        let book = criteria(Some("A1:N2"), good_rows());
        let mut bomb = Entry::deflated("xl/worksheets/sheet0.xml", b"<worksheet/>");
        bomb.declared = size as u32;
        (book.with_entry(bomb), Expect::EntrySize)
    });
    let lying_bomb = (65usize..512, 1u32..100_000).prop_map(|(mib, declared)| {
        let book = criteria(Some("A1:N2"), good_rows());
        let bomb = Entry {
            name: "xl/sharedStrings.xml".to_owned(),
            method: Method::Deflated,
            data: zeros_bomb(mib),
            crc: 0,
            declared,
        };
        let mut entries = book.entries();
        entries.push(bomb);
        (zip(&entries), Expect::Undeclared)
    });
    let ratio_bomb = (2usize..64).prop_map(|mib| {
        let book = criteria(Some("A1:N2"), good_rows());
        let data = zeros_bomb(mib);
        let bomb = Entry {
            name: "xl/media/zeros.bin".to_owned(),
            method: Method::Deflated,
            data,
            crc: 0,
            declared: (mib * MIB) as u32,
        };
        let mut entries = book.entries();
        entries.push(bomb);
        (zip(&entries), Expect::Ratio)
    });
    let many_sheets = (257usize..5_000).prop_map(|listed| {
        let mut book = criteria(Some("A1:N2"), good_rows());
        book.listed_only = listed;
        (book.bytes(), Expect::Sheets)
    });
    let declared_strings = (limits::MAX_SHARED_STRINGS + 1..u64::MAX).prop_map(|count| {
        let mut book = criteria(Some("A1:N2"), good_rows());
        book.shared_strings = Some(format!(
            r#"<sst xmlns="{MAIN}" uniqueCount="{count}"><si><t>a</t></si></sst>"#
        ));
        (book.bytes(), Expect::SharedStrings)
    });
    let long_text = (limits::MAX_CELL_CHARS as usize + 1..200_000).prop_map(|length| {
        let rows = format!(
            r#"{}<row r="3">{}</row>"#,
            good_rows(),
            inline("B3", &"a".repeat(length))
        );
        (criteria(None, rows).bytes(), Expect::CellText)
    });
    prop_oneof![
        huge_dimension,
        lying_row,
        lying_column,
        declared_bomb,
        lying_bomb,
        ratio_bomb,
        many_sheets,
        declared_strings,
        long_text,
    ]
}

/// A part of the good workbook, damaged: cut short, or with bytes overwritten.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let book = criteria(Some("A1:N2"), good_rows());
    let part = prop::sample::select(vec![
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet0.xml",
    ]);
    (
        part,
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<u8>(), 0..16),
        any::<bool>(),
    )
        .prop_map(move |(part, at, noise, cut)| {
            let entries = book.entries();
            let original = entries.iter().find(|entry| entry.name == part).unwrap();
            let mut content = original.data.clone();
            let at = at.index(content.len());
            if cut {
                content.truncate(at);
            } else {
                for (offset, byte) in noise.iter().enumerate() {
                    if let Some(slot) = content.get_mut(at + offset) {
                        *slot = *byte;
                    }
                }
            }
            book.with_entry(Entry::stored(part, &content))
        })
}

fn config(cases: u32) -> ProptestConfig {
    // No regression files: this test must not write into the source tree.
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[test]
fn every_crafted_workbook_is_refused_for_its_bound_within_the_budget() {
    let _serial = serial();
    let mut runner = TestRunner::new(config(48));
    runner
        .run(&crafted(), |(bytes, expect)| {
            let result = within(SMALL, || read_xlsx_bytes("crafted.xlsx", &bytes));
            let error = result.expect_err("refused");
            prop_assert!(
                expected(&error, &expect),
                "expected {expect:?}, got: {error}"
            );
            prop_assert!(error.to_string().starts_with("crafted.xlsx"), "{error}");
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_damaged_workbook_is_read_or_refused_within_the_budget() {
    let _serial = serial();
    let mut runner = TestRunner::new(config(256));
    runner
        .run(&damaged(), |bytes| {
            // Never a panic, never a large allocation; reading what survived is fine.
            let _ = within(SMALL, || read_xlsx_bytes("crafted.xlsx", &bytes));
            Ok(())
        })
        .unwrap();
}
