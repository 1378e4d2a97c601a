//! The comparison as one worksheet: the title and header pairs on top, then a table whose first
//! row holds the column headings and stays in view (frozen panes) and on every printed page.

use rust_xlsxwriter::{
    ColNum, DocProperties, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet,
    XlsxError,
};

use super::ComparisonSheet;

/// Column widths in characters: labels are short phrases, services' answers run longer.
const LABEL_WIDTH: f64 = 36.0;
const SERVICE_WIDTH: f64 = 40.0;
/// Excel's paper size code for A4.
const PAPER_A4: u8 = 9;
const HEADING_FILL: &str = "#DDEBF7";
const SECTION_FILL: &str = "#F2F2F2";

/// The formats of the sheet's kinds of cell.
struct Formats {
    title: Format,
    header_label: Format,
    column_heading: Format,
    section: Format,
    /// Labels and answers alike.
    cell: Format,
}

impl Formats {
    fn new() -> Self {
        // Top-aligned, so that a short answer beside a long one reads from the row's top.
        let text = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border_bottom(FormatBorder::Thin)
            .set_border_bottom_color("#BFBFBF");
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header_label: Format::new().set_font_color("#595959"),
            column_heading: text.clone().set_bold().set_background_color(HEADING_FILL),
            section: text.clone().set_bold().set_background_color(SECTION_FILL),
            cell: text,
        }
    }
}

/// Writes the workbook; the sheet has been checked, so only the writer itself can fail.
pub(super) fn write(sheet: &ComparisonSheet) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(&sheet.title));
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(&sheet.sheet_name)?;
    let formats = Formats::new();
    let last_column =
        ColNum::try_from(sheet.columns.len()).map_err(|_| XlsxError::RowColumnLimitError)?;

    worksheet.write_string_with_format(0, 0, &sheet.title, &formats.title)?;
    let mut row: RowNum = 1;
    for (label, value) in &sheet.header {
        worksheet.write_string_with_format(row, 0, label, &formats.header_label)?;
        worksheet.write_string(row, 1, value)?;
        row += 1;
    }
    // A blank row between the header and the table.
    let heading_row = row + 1;
    write_headings(worksheet, sheet, heading_row, &formats)?;

    row = heading_row + 1;
    for section in &sheet.sections {
        worksheet.merge_range(row, 0, row, last_column, &section.heading, &formats.section)?;
        row += 1;
        for compared in &section.rows {
            worksheet.write_string_with_format(row, 0, &compared.label, &formats.cell)?;
            for (column, cell) in (1..).zip(&compared.cells) {
                worksheet.write_string_with_format(row, column, cell, &formats.cell)?;
            }
            row += 1;
        }
    }

    set_up_view_and_print(worksheet, heading_row)?;
    workbook.save_to_buffer()
}

fn write_headings(
    worksheet: &mut Worksheet,
    sheet: &ComparisonSheet,
    row: RowNum,
    formats: &Formats,
) -> Result<(), XlsxError> {
    worksheet.write_string_with_format(row, 0, &sheet.corner, &formats.column_heading)?;
    worksheet.set_column_width(0, LABEL_WIDTH)?;
    for (column, heading) in (1..).zip(&sheet.columns) {
        worksheet.write_string_with_format(row, column, heading, &formats.column_heading)?;
        worksheet.set_column_width(column, SERVICE_WIDTH)?;
    }
    Ok(())
}

/// Labels and headings stay in view while scrolling; printed, the table is one landscape A4
/// page wide and every page starts with the column headings.
fn set_up_view_and_print(worksheet: &mut Worksheet, heading_row: RowNum) -> Result<(), XlsxError> {
    worksheet.set_freeze_panes(heading_row + 1, 1)?;
    worksheet.set_landscape();
    worksheet.set_paper_size(PAPER_A4);
    worksheet.set_print_fit_to_pages(1, 0);
    worksheet.set_repeat_rows(heading_row, heading_row)?;
    Ok(())
}
