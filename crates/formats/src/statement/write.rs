//! A statement out to an XLSX workbook or a CSV file, and the templates pre-filled from the
//! criteria: the same layout, so that what is downloaded, edited and uploaded reads back.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign, Workbook,
    Worksheet, XlsxError,
};
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::statement::{ItemStatus, Responsibility};

use super::StatementFile;
use super::columns::Col;
use super::error::StatementError;
use super::instructions::instructions_sheet;
use super::layout::{CSV_TABLE, Out, SHEETS, Table, TableRow, rows};
use super::read::{EXCLUDED, SELECTED};

/// Excel's last row (0-based): drop-down lists cover every row a provider may add.
const LAST_ROW: u32 = 1_048_575;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The template of a statement for a service of `models` aiming at `level`: one row per
/// governance and management item and per detailed control of `criteria` that applies, with
/// the criteria's texts and empty answers.
pub fn template_xlsx(
    criteria: &CriteriaVersion,
    level: Level,
    models: &[ServiceModel],
) -> Result<Vec<u8>, StatementError> {
    write_xlsx(&empty(criteria, level), Some(criteria), Some(models))
}

/// The template as CSV (see [`template_xlsx`]).
pub fn template_csv(
    criteria: &CriteriaVersion,
    level: Level,
    models: &[ServiceModel],
) -> Result<Vec<u8>, StatementError> {
    write_csv(&empty(criteria, level), Some(criteria), Some(models))
}

fn empty(criteria: &CriteriaVersion, level: Level) -> StatementFile {
    StatementFile {
        criteria_version: criteria.version.clone(),
        target_level: level,
        governance: Vec::new(),
        management: Vec::new(),
        selected: Vec::new(),
        excluded: Vec::new(),
        documents: Vec::new(),
    }
}

/// A statement as an XLSX workbook in the template's layout. With `criteria` its rows carry
/// the criteria's texts; with `models` too, every item and control that applies has a row.
pub fn write_xlsx(
    statement: &StatementFile,
    criteria: Option<&CriteriaVersion>,
    models: Option<&[ServiceModel]>,
) -> Result<Vec<u8>, StatementError> {
    let rows = rows(statement, criteria, models)?;
    workbook(&rows).map_err(|error| StatementError::XlsxWrite {
        detail: error.to_string(),
    })
}

/// A statement as one CSV table (UTF-8 with a byte order mark, CRLF line ends).
pub fn write_csv(
    statement: &StatementFile,
    criteria: Option<&CriteriaVersion>,
    models: Option<&[ServiceModel]>,
) -> Result<Vec<u8>, StatementError> {
    let rows = rows(statement, criteria, models)?;
    let mut bytes = BOM.to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        let failed = |error: csv::Error| StatementError::Write {
            source: std::io::Error::other(error.to_string()),
        };
        writer
            .write_record(CSV_TABLE.columns.iter().map(|col| col.name()))
            .map_err(failed)?;
        for row in &rows {
            writer
                .write_record(CSV_TABLE.columns.iter().map(|col| match row.get(*col) {
                    Some(Out::Text(text)) => text.clone(),
                    Some(Out::Number(number)) => number.to_string(),
                    None => String::new(),
                }))
                .map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|source| StatementError::Write { source })?;
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
            let format = match (col.is_answer(), col.wraps()) {
                (true, true) => &answer_wrapped,
                (true, false) => &answer,
                (false, true) => &reference_wrapped,
                (false, false) => &reference,
            };
            match row.get(*col) {
                Some(Out::Text(text)) => {
                    sheet.write_string_with_format(number, column, text, format)?;
                }
                Some(Out::Number(value)) => {
                    sheet.write_number_with_format(number, column, *value, format)?;
                }
                None => {
                    sheet.write_blank(number, column, format)?;
                }
            }
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
    validations(&mut sheet, table)?;
    Ok(sheet)
}

/// Drop-down lists for the columns of codes.
fn validations(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let statuses: Vec<&str> = ItemStatus::ALL.into_iter().map(ItemStatus::code).collect();
    let responsibilities: Vec<&str> = Responsibility::ALL
        .into_iter()
        .map(Responsibility::code)
        .collect();
    let parts: Vec<&str> = table.kinds.iter().map(|kind| kind.code()).collect();
    let lists: [(Col, &[&str]); 4] = [
        (Col::Choice, &[SELECTED, EXCLUDED]),
        (Col::Responsibility, &responsibilities),
        (Col::Status, &statuses),
        (Col::Part, &parts),
    ];
    for (col, values) in lists {
        let Some(column) = column_of(table, col) else {
            continue;
        };
        let validation = DataValidation::new()
            .allow_list_strings(values)?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(1, column, LAST_ROW, column, &validation)?;
    }
    if let Some(column) = column_of(table, Col::TargetLevel) {
        let levels = DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 3));
        sheet.add_data_validation(1, column, 1, column, &levels)?;
    }
    Ok(())
}

fn column_of(table: &Table, col: Col) -> Option<u16> {
    let position = table.columns.iter().position(|given| *given == col)?;
    u16::try_from(position).ok()
}
