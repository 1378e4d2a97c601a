//! The conclusions template as an XLSX workbook or a CSV file: a row for every objective and
//! control the audited statement selects, with the conclusions recorded so far, in the layout
//! the reader takes back.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::workflow::audit::Conclusions;
use shinrai_domain::workflow::statement::StatementContent;

use super::columns::Col;
use super::error::ConclusionsError;
use super::instructions::instructions_sheet;
use super::layout::{CSV_TABLE, SHEETS, Table, TableRow, rows};
use super::read::{NO, YES};

/// Excel's last row (0-based): drop-down lists cover every row an auditor may add.
const LAST_ROW: u32 = 1_048_575;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The conclusions workbook for an audit of `content` (written against `criteria`): one row per
/// objective of a selected control and per selected control, with `recorded` filled in.
pub fn template_xlsx(
    criteria: &CriteriaVersion,
    content: &StatementContent,
    recorded: &Conclusions,
) -> Result<Vec<u8>, ConclusionsError> {
    let rows = rows(criteria, content, recorded);
    workbook(&rows).map_err(|error| ConclusionsError::XlsxWrite {
        detail: error.to_string(),
    })
}

/// The same rows as one CSV table (UTF-8 with a byte order mark, CRLF line ends); the column
/// `part` says what each row concludes on.
pub fn template_csv(
    criteria: &CriteriaVersion,
    content: &StatementContent,
    recorded: &Conclusions,
) -> Result<Vec<u8>, ConclusionsError> {
    let rows = rows(criteria, content, recorded);
    let mut bytes = BOM.to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        let failed = |error: csv::Error| ConclusionsError::Write {
            source: std::io::Error::other(error.to_string()),
        };
        writer
            .write_record(CSV_TABLE.columns.iter().map(|col| col.name()))
            .map_err(failed)?;
        for row in &rows {
            writer
                .write_record(
                    CSV_TABLE
                        .columns
                        .iter()
                        .map(|col| row.get(*col).unwrap_or_default()),
                )
                .map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|source| ConclusionsError::Write { source })?;
    }
    Ok(bytes)
}

fn workbook(rows: &[TableRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.push_worksheet(instructions_sheet()?);
    for table in SHEETS {
        let mine: Vec<&TableRow> = rows
            .iter()
            .filter(|row| table.kinds.contains(&row.kind))
            .collect();
        workbook.push_worksheet(sheet(&table, &mine)?);
    }
    workbook.save_to_buffer()
}

fn sheet(table: &Table, rows: &[&TableRow]) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(table.sheet.unwrap_or_default())?;
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    let reference = Format::new()
        .set_align(FormatAlign::Top)
        .set_background_color("#F2F2F2");
    let reference_wrapped = reference.clone().set_text_wrap();
    let answer = Format::new()
        .set_align(FormatAlign::Top)
        .set_background_color("#FFF9E5");
    let answer_wrapped = answer.clone().set_text_wrap();
    for (column, col) in (0u16..).zip(table.columns) {
        sheet.write_string_with_format(0, column, col.name(), &header)?;
        sheet.set_column_width(column, col.width())?;
    }
    for (number, row) in (1u32..).zip(rows) {
        for (column, col) in (0u16..).zip(table.columns) {
            // The id is the auditor's to keep, not to write: it shows as the criteria's texts do.
            let answered = col.is_answer() && *col != Col::Id;
            let format = match (answered, col.wraps()) {
                (true, true) => &answer_wrapped,
                (true, false) => &answer,
                (false, true) => &reference_wrapped,
                (false, false) => &reference,
            };
            match row.get(*col) {
                Some(text) => sheet.write_string_with_format(number, column, text, format)?,
                None => sheet.write_blank(number, column, format)?,
            };
        }
    }
    let frozen = u16::try_from(
        table
            .columns
            .iter()
            .position(|col| *col == Col::Id)
            .map_or(0, |position| position + 1),
    )
    .unwrap_or_default();
    sheet.set_freeze_panes(1, frozen)?;
    let yes_no = DataValidation::new()
        .allow_list_strings(&[YES, NO])?
        .set_error_style(DataValidationErrorStyle::Stop);
    for col in [Col::Effective, Col::Conformant] {
        if let Some(column) = column_of(table, col) {
            sheet.add_data_validation(1, column, LAST_ROW, column, &yes_no)?;
        }
    }
    Ok(sheet)
}

fn column_of(table: &Table, col: Col) -> Option<u16> {
    let position = table.columns.iter().position(|given| *given == col)?;
    u16::try_from(position).ok()
}
