//! A statement out to an XLSX workbook or a CSV file, and the templates pre-filled from the
//! criteria: the same layout, so that what is downloaded, edited and uploaded reads back.

use rust_xlsxwriter::{DataValidation, DataValidationRule, Worksheet, XlsxError};
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::statement::{ItemStatus, Responsibility};

use super::StatementFile;
use super::columns::Col;
use super::error::StatementError;
use super::layout::{LAYOUT, Table, rows};
use super::read::{EXCLUDED, SELECTED};
use crate::sheet_form::{self, Kind, column_of, list_validation};

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
    sheet_form::write_xlsx(&LAYOUT, &rows, validations)
}

/// A statement as one CSV table (UTF-8 with a byte order mark, CRLF line ends).
pub fn write_csv(
    statement: &StatementFile,
    criteria: Option<&CriteriaVersion>,
    models: Option<&[ServiceModel]>,
) -> Result<Vec<u8>, StatementError> {
    let rows = rows(statement, criteria, models)?;
    sheet_form::write_csv(&LAYOUT, &rows)
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
        list_validation(sheet, table, col, values)?;
    }
    if let Some(column) = column_of(table, Col::TargetLevel) {
        let levels = DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 3));
        sheet.add_data_validation(1, column, 1, column, &levels)?;
    }
    Ok(())
}
