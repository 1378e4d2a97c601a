//! The sheet `instructions` of a form's workbook: the form's steps, in Japanese and English,
//! and what each column holds and on which sheets. It is never read back.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{Column, INSTRUCTIONS_SHEET, Kind, Layout};

pub(crate) fn instructions_sheet<K: Kind>(layout: &Layout<K>) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    let wrapped = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let widths = [24.0, 22.0, 60.0, 60.0];
    for (column, width) in (0u16..).zip(widths) {
        sheet.set_column_width(column, width)?;
    }
    let mut row = 0u32;
    for (index, (ja, en)) in layout.steps.iter().enumerate() {
        let format = if index == 0 { &title } else { &wrapped };
        sheet.write_string_with_format(row, 2, *ja, format)?;
        sheet.write_string_with_format(row, 3, *en, format)?;
        row += 1;
    }
    row += 1;
    let headings = ["column / 列", "sheets / シート", "説明", "description"];
    for (column, heading) in (0u16..).zip(headings) {
        sheet.write_string_with_format(row, column, heading, &header)?;
    }
    row += 1;
    for col in K::Col::EVERY {
        let sheets: Vec<&str> = layout
            .sheets
            .iter()
            .filter(|table| table.columns.contains(col))
            .filter_map(|table| table.sheet)
            .collect();
        // A column of no sheet is one that only the CSV table has.
        let shown = if sheets.is_empty() {
            "CSV".to_owned()
        } else {
            sheets.join(", ")
        };
        let help = col.help();
        let cells = [col.name(), shown.as_str(), &help.ja, &help.en];
        for (column, value) in (0u16..).zip(cells) {
            sheet.write_string_with_format(row, column, value, &wrapped)?;
        }
        row += 1;
    }
    Ok(sheet)
}
