//! Broken workbooks: each refused with its sheet, row and column.

use super::*;

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
    in_sheet(&error, Some(1), Some("refs"), Some("P1"));
}

#[test]
fn xlsx_new_columns_are_checked_and_name_the_sheet() {
    // An item's unknown model and bad level.
    let mut table = base();
    set(&mut table, 5, "service_models", "IaaS;CaaS");
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(
        matches!(&error, TableError::UnknownServiceModel { value, .. } if value == "CaaS"),
        "{error}"
    );
    in_sheet(&error, Some(5), Some("service_models"), Some("N5"));

    let bytes = xlsx_with(&base(), |sheet| {
        sheet.write_number(4, col("min_level") as u16, 2.5).unwrap();
    });
    let error = xlsx_error(&bytes);
    assert!(
        matches!(&error, TableError::BadLevel { value, .. } if value == "2.5"),
        "{error}"
    );
    in_sheet(&error, Some(5), Some("min_level"), Some("K5"));

    // Examples: a line of its own (Alt+Enter) per example, a duplicate id, a malformed line.
    let mut table = base();
    set(
        &mut table,
        6,
        "technology_examples",
        "mfa: 多要素認証 | MFA\r\nmfa: 多要素認証 | MFA",
    );
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(
        matches!(&error, TableError::DuplicateExampleId { control, id, .. }
            if control == "6.1.1.1" && id == "mfa"),
        "{error}"
    );
    in_sheet(&error, Some(6), Some("technology_examples"), Some("O6"));
    assert!(error.to_string().starts_with(
        "t.xlsx: sheet criteria, row 6, column technology_examples (O6): control 6.1.1.1:"
    ));

    set(&mut table, 6, "technology_examples", "mfa = 多要素認証");
    let error = xlsx_error(&xlsx_with(&table, |_| {}));
    assert!(
        matches!(error, TableError::BadExampleEntry { .. }),
        "{error}"
    );
    in_sheet(&error, Some(6), Some("technology_examples"), Some("O6"));

    // A number where the examples go.
    let bytes = xlsx_with(&base(), |sheet| {
        sheet
            .write_number(5, col("technology_examples") as u16, 13)
            .unwrap();
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
    in_sheet(&error, Some(6), Some("technology_examples"), Some("O6"));
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
