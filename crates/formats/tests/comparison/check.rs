//! Every sheet refused, by both writers alike, before anything is written.

use super::{english, font, japanese, row, section};
use shinrai_formats::comparison::{
    ComparisonError, ComparisonSheet, MAX_CELL_CHARS, MAX_COMPARED, MAX_COMPARISON_ROWS,
    comparison_pdf, comparison_xlsx,
};
use shinrai_formats::report_pdf::ReportPdfError;

/// The error both writers give for `sheet`, which must be the same.
fn refused(sheet: &ComparisonSheet) -> ComparisonError {
    let xlsx = comparison_xlsx(sheet).unwrap_err();
    let pdf = comparison_pdf(sheet, &font()).unwrap_err();
    assert_eq!(xlsx, pdf);
    xlsx
}

#[test]
fn comparison_without_columns_is_refused() {
    let mut sheet = english();
    sheet.columns.clear();
    sheet.sections.clear();
    let error = refused(&sheet);
    assert_eq!(error, ComparisonError::NoColumns);
    assert_eq!(error.to_string(), "the comparison has no service column");
}

#[test]
fn comparison_of_more_than_four_services_is_refused() {
    let mut sheet = english();
    sheet.columns = (1..=5).map(|n| format!("Service {n}")).collect();
    let error = refused(&sheet);
    assert_eq!(
        error,
        ComparisonError::TooManyColumns {
            count: 5,
            max: MAX_COMPARED
        }
    );
    assert_eq!(
        error.to_string(),
        "the comparison has 5 service columns, more than 4"
    );
}

#[test]
fn comparison_row_without_a_cell_per_column_is_refused() {
    let mut sheet = japanese();
    sheet
        .sections
        .push(section("追加", vec![row("暗号化", &["あり", "なし"])]));
    let error = refused(&sheet);
    assert_eq!(
        error,
        ComparisonError::CellCount {
            section: "追加".to_owned(),
            row: "暗号化".to_owned(),
            expected: 3,
            found: 2,
        }
    );
    assert_eq!(
        error.to_string(),
        r#"row "暗号化" of section "追加" has 2 cells, but there are 3 columns"#
    );
}

#[test]
fn comparison_with_too_many_rows_is_refused() {
    let mut sheet = english();
    // 2 sections of 200 rows: 402 in all with their headings.
    sheet.sections = (1..=2)
        .map(|s| {
            let rows = (1..=200)
                .map(|r| row(&format!("Item {s}.{r}"), &["yes", "no"]))
                .collect();
            section(&format!("Part {s}"), rows)
        })
        .collect();
    let error = refused(&sheet);
    assert_eq!(
        error,
        ComparisonError::TooManyRows {
            count: 402,
            max: MAX_COMPARISON_ROWS
        }
    );
    assert!(
        error.to_string().contains("402 sections and rows"),
        "{error}"
    );

    // At the bound exactly, both are written.
    if let Some(last) = sheet.sections.last_mut() {
        last.rows.truncate(198);
    }
    assert!(comparison_xlsx(&sheet).is_ok());
    assert!(comparison_pdf(&sheet, &font()).is_ok());
}

#[test]
fn comparison_cell_longer_than_the_bound_is_refused() {
    let mut sheet = english();
    let long = "x".repeat(MAX_CELL_CHARS + 1);
    sheet
        .sections
        .push(section("Extra", vec![row("Encryption", &["yes", &long])]));
    let error = refused(&sheet);
    assert_eq!(
        error,
        ComparisonError::CellTooLong {
            row: "Encryption".to_owned(),
            column: "C24-0011 Shinrai storage".to_owned(),
            chars: MAX_CELL_CHARS + 1,
            max: MAX_CELL_CHARS,
        }
    );
    assert_eq!(
        error.to_string(),
        r#"the cell of row "Encryption" in column "C24-0011 Shinrai storage" has 2001 characters, more than 2000"#
    );

    // Characters are counted, not bytes: 2,000 Japanese characters are fine.
    let mut sheet = japanese();
    let most = "字".repeat(MAX_CELL_CHARS);
    sheet
        .sections
        .push(section("追加", vec![row("長文", &[&most, "", ""])]));
    assert!(comparison_xlsx(&sheet).is_ok());
}

#[test]
fn comparison_long_heading_or_title_is_refused_naming_its_beginning() {
    let mut sheet = japanese();
    sheet.sections.push(section(&"見出し".repeat(700), vec![]));
    let error = refused(&sheet);
    let ComparisonError::CellTooLong { row, column, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(row, &format!("{}…", "見出し".repeat(20)));
    assert_eq!(column, "");
    assert!(
        error.to_string().starts_with("the text of \"見出し"),
        "{error}"
    );

    let mut sheet = english();
    if let Some(first) = sheet.columns.first_mut() {
        *first = "n".repeat(MAX_CELL_CHARS + 1);
    }
    let error = refused(&sheet);
    assert!(
        matches!(&error, ComparisonError::CellTooLong { row, .. } if row == "Item"),
        "{error:?}"
    );
}

#[test]
fn comparison_with_a_name_excel_refuses_for_a_sheet_is_refused() {
    for name in [
        "",
        "a name of thirty-two characters!",
        "比較[1]",
        "A/B",
        "what?",
        "'quoted'",
        "history",
        "History",
    ] {
        let mut sheet = english();
        sheet.sheet_name = name.to_owned();
        let error = refused(&sheet);
        assert_eq!(
            error,
            ComparisonError::BadSheetName {
                name: name.to_owned()
            }
        );
        assert!(error.to_string().contains("cannot name a worksheet"));
    }
    for name in [
        "サービスの比較（人事給与システム）2025年度版の比較表です",
        "Comparison 2025-04",
    ] {
        let mut sheet = japanese();
        sheet.sheet_name = name.to_owned();
        assert!(comparison_xlsx(&sheet).is_ok(), "{name}");
    }
}

#[test]
fn comparison_writer_errors_say_which_document() {
    let error = ComparisonError::Pdf(ReportPdfError::Pdf {
        why: "too many pages".to_owned(),
    });
    assert_eq!(
        error.to_string(),
        "the comparison's PDF cannot be written: too many pages"
    );
    let font = ComparisonError::Pdf(ReportPdfError::FontMissing {
        path: "/fonts/none.ttf".to_owned(),
    });
    assert!(
        font.to_string()
            .starts_with("/fonts/none.ttf: no font file")
    );
    let xlsx = ComparisonError::Xlsx("disk full".to_owned());
    assert_eq!(
        xlsx.to_string(),
        "the comparison's workbook cannot be written: disk full"
    );
}
