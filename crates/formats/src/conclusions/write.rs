//! The conclusions template as an XLSX workbook or a CSV file: a row for every objective and
//! control the audited statement selects, with the conclusions recorded so far, in the layout
//! the reader takes back.

use rust_xlsxwriter::{Worksheet, XlsxError};
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::workflow::audit::Conclusions;
use shinrai_domain::workflow::statement::StatementContent;

use super::columns::Col;
use super::error::ConclusionsError;
use super::layout::{LAYOUT, Table, rows};
use super::read::{NO, YES};
use crate::sheet_form::{self, list_validation};

/// The conclusions workbook for an audit of `content` (written against `criteria`): one row per
/// objective of a selected control and per selected control, with `recorded` filled in.
pub fn template_xlsx(
    criteria: &CriteriaVersion,
    content: &StatementContent,
    recorded: &Conclusions,
) -> Result<Vec<u8>, ConclusionsError> {
    sheet_form::write_xlsx(&LAYOUT, &rows(criteria, content, recorded), validations)
}

/// The same rows as one CSV table (UTF-8 with a byte order mark, CRLF line ends); the column
/// `part` says what each row concludes on.
pub fn template_csv(
    criteria: &CriteriaVersion,
    content: &StatementContent,
    recorded: &Conclusions,
) -> Result<Vec<u8>, ConclusionsError> {
    sheet_form::write_csv(&LAYOUT, &rows(criteria, content, recorded))
}

/// Drop-down lists of yes and no for the conclusions.
fn validations(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    for col in [Col::Effective, Col::Conformant] {
        list_validation(sheet, table, col, &[YES, NO])?;
    }
    Ok(())
}
