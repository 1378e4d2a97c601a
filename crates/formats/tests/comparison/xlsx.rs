//! The workbook read back with calamine, and its print setup from the sheet's XML.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use super::{english, japanese, large, row, section};
use shinrai_formats::comparison::{ComparisonSheet, comparison_xlsx};

type Workbook = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Workbook {
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

/// One part of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The 0-based row of the column headings: under the title, the header pairs and a blank row.
fn heading_row(sheet: &ComparisonSheet) -> u32 {
    u32::try_from(sheet.header.len()).unwrap() + 2
}

/// Where every text of `sheet` is expected, as (row, column, text), and the rows of the
/// section headings.
fn expected_cells(sheet: &ComparisonSheet) -> (Vec<(u32, u32, String)>, Vec<u32>) {
    let mut cells = vec![(0, 0, sheet.title.clone())];
    for (row, (label, value)) in (1..).zip(&sheet.header) {
        cells.push((row, 0, label.clone()));
        cells.push((row, 1, value.clone()));
    }
    let mut row = heading_row(sheet);
    cells.push((row, 0, sheet.corner.clone()));
    for (column, heading) in (1..).zip(&sheet.columns) {
        cells.push((row, column, heading.clone()));
    }
    let mut section_rows = Vec::new();
    for section in &sheet.sections {
        row += 1;
        cells.push((row, 0, section.heading.clone()));
        section_rows.push(row);
        for compared in &section.rows {
            row += 1;
            cells.push((row, 0, compared.label.clone()));
            for (column, cell) in (1..).zip(&compared.cells) {
                cells.push((row, column, cell.clone()));
            }
        }
    }
    (cells, section_rows)
}

fn assert_reads_back(sheet: &ComparisonSheet) {
    let mut workbook = open(comparison_xlsx(sheet).unwrap());
    assert_eq!(
        workbook.sheet_names(),
        std::slice::from_ref(&sheet.sheet_name)
    );
    let range = workbook.worksheet_range(&sheet.sheet_name).unwrap();
    let (cells, section_rows) = expected_cells(sheet);
    for (row, column, text) in &cells {
        assert_eq!(
            range.get_value((*row, *column)),
            Some(&Data::String(text.clone())),
            "cell ({row}, {column})"
        );
    }
    let last_row = cells.iter().map(|(row, _, _)| *row).max().unwrap();
    assert_eq!(range.end().map(|(row, _)| row), Some(last_row));

    // Each section's heading spans the label column and every service's column.
    let last_column = u32::try_from(sheet.columns.len()).unwrap();
    let merged: Vec<_> = workbook
        .merge_cells_by_sheet_name(&sheet.sheet_name)
        .unwrap()
        .into_iter()
        .map(|dimensions| (dimensions.start, dimensions.end))
        .collect();
    let expected: Vec<_> = section_rows
        .iter()
        .map(|&row| ((row, 0), (row, last_column)))
        .collect();
    assert_eq!(merged, expected);
}

#[test]
fn comparison_xlsx_reads_back_every_text_in_japanese() {
    assert_reads_back(&japanese());
}

#[test]
fn comparison_xlsx_reads_back_every_text_in_english() {
    assert_reads_back(&english());
}

#[test]
fn comparison_xlsx_of_one_service_and_of_a_large_sheet() {
    let mut one = english();
    one.columns.truncate(1);
    for section in &mut one.sections {
        for compared in &mut section.rows {
            compared.cells.truncate(1);
        }
    }
    assert_reads_back(&one);
    assert_reads_back(&large());
}

#[test]
fn comparison_xlsx_keeps_line_breaks_in_cells() {
    let mut sheet = japanese();
    let text = "一行目の説明\n二行目の説明\r\nthird line";
    sheet.sections = vec![section(
        "改行",
        vec![row("複数行の回答", &[text, "a\n\nb", "末尾の改行\n"])],
    )];
    assert_reads_back(&sheet);
}

#[test]
fn comparison_xlsx_freezes_the_headings_and_prints_landscape_one_page_wide() {
    let sheet = japanese();
    let bytes = comparison_xlsx(&sheet).unwrap();
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    let first_scrolled = heading_row(&sheet) + 2;
    for expected in [
        format!(
            r#"<pane xSplit="1" ySplit="{}" topLeftCell="B{first_scrolled}""#,
            first_scrolled - 1
        ),
        r#"state="frozen""#.to_owned(),
        r#"<pageSetUpPr fitToPage="1"/>"#.to_owned(),
        r#"paperSize="9""#.to_owned(),
        r#"orientation="landscape""#.to_owned(),
        r#"fitToHeight="0""#.to_owned(),
        r#"<col min="1" max="1" width="36.7109375""#.to_owned(),
        r#"<col min="2" max="4" width="40.7109375""#.to_owned(),
    ] {
        assert!(xml.contains(&expected), "{expected} not in:\n{xml}");
    }
    let workbook = part(&bytes, "xl/workbook.xml");
    let row = heading_row(&sheet) + 1;
    let titles = format!(
        r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">{}!${row}:${row}</definedName>"#,
        sheet.sheet_name
    );
    assert!(workbook.contains(&titles), "{titles} not in:\n{workbook}");
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>サービスの比較</dc:title>"),
        "{core}"
    );
}
