//! Writing a form: its rows as one CSV table, or as the sheets of an XLSX workbook after the
//! instructions sheet, in the layout the reader takes back.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::error::{FormError, FormProblem};
use super::instructions::instructions_sheet;
use super::{Column, Kind, Layout, Table};

/// Excel's last row (0-based): drop-down lists cover every row the one filling in may add.
const LAST_ROW: u32 = 1_048_575;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Out {
    Text(String),
    Number(u8),
}

/// One row to write: its kind and its cells (others empty).
#[derive(Debug, Clone)]
pub(crate) struct FormRow<K: Kind> {
    pub(crate) kind: K,
    pub(crate) cells: Vec<(K::Col, Out)>,
}

impl<K: Kind> FormRow<K> {
    /// A row of `kind`, saying so in its `part`.
    pub(crate) fn new(kind: K) -> FormRow<K> {
        FormRow {
            kind,
            cells: vec![(K::Col::PART, Out::Text(kind.code().to_owned()))],
        }
    }

    /// Writes `value` in `col`; an empty text leaves the cell empty.
    pub(crate) fn text(&mut self, col: K::Col, value: &str) {
        if !value.is_empty() {
            self.cells.push((col, Out::Text(value.to_owned())));
        }
    }

    pub(crate) fn number(&mut self, col: K::Col, value: u8) {
        self.cells.push((col, Out::Number(value)));
    }

    pub(crate) fn get(&self, col: K::Col) -> Option<&Out> {
        self.cells
            .iter()
            .find(|(given, _)| *given == col)
            .map(|(_, out)| out)
    }
}

/// The rows as the form's one CSV table (UTF-8 with a byte order mark, CRLF line ends).
pub(crate) fn write_csv<K: Kind, P: FormProblem>(
    layout: &Layout<K>,
    rows: &[FormRow<K>],
) -> Result<Vec<u8>, FormError<P>> {
    let columns = layout.csv.columns;
    let mut bytes = BOM.to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        let failed = |error: csv::Error| FormError::Write {
            source: std::io::Error::other(error.to_string()),
        };
        writer
            .write_record(columns.iter().map(|col| col.name()))
            .map_err(failed)?;
        for row in rows {
            writer
                .write_record(columns.iter().map(|col| match row.get(*col) {
                    Some(Out::Text(text)) => text.clone(),
                    Some(Out::Number(number)) => number.to_string(),
                    None => String::new(),
                }))
                .map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|source| FormError::Write { source })?;
    }
    Ok(bytes)
}

/// The rows as an XLSX workbook: the instructions, then each sheet of `layout` with the rows of
/// its kinds; `validate` adds a sheet's drop-down lists.
pub(crate) fn write_xlsx<K: Kind, P: FormProblem>(
    layout: &Layout<K>,
    rows: &[FormRow<K>],
    validate: fn(&mut Worksheet, &Table<K>) -> Result<(), XlsxError>,
) -> Result<Vec<u8>, FormError<P>> {
    workbook(layout, rows, validate).map_err(|error| FormError::XlsxWrite {
        detail: error.to_string(),
    })
}

fn workbook<K: Kind>(
    layout: &Layout<K>,
    rows: &[FormRow<K>],
    validate: fn(&mut Worksheet, &Table<K>) -> Result<(), XlsxError>,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.push_worksheet(instructions_sheet(layout)?);
    for table in layout.sheets {
        let mine: Vec<&FormRow<K>> = rows
            .iter()
            .filter(|row| table.kinds.contains(&row.kind))
            .collect();
        let mut sheet = sheet(table, &mine)?;
        validate(&mut sheet, table)?;
        workbook.push_worksheet(sheet);
    }
    workbook.save_to_buffer()
}

fn sheet<K: Kind>(table: &Table<K>, rows: &[&FormRow<K>]) -> Result<Worksheet, XlsxError> {
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
    let frozen = column_of(table, K::Col::ID).map_or(0, |position| position.saturating_add(1));
    sheet.set_freeze_panes(1, frozen)?;
    Ok(sheet)
}

/// A drop-down list of `values` over every row below the header of `col`, if the sheet has it.
pub(crate) fn list_validation<K: Kind>(
    sheet: &mut Worksheet,
    table: &Table<K>,
    col: K::Col,
    values: &[&str],
) -> Result<(), XlsxError> {
    let Some(column) = column_of(table, col) else {
        return Ok(());
    };
    let validation = DataValidation::new()
        .allow_list_strings(values)?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(1, column, LAST_ROW, column, &validation)?;
    Ok(())
}

/// The 0-based column of `col` in the sheet, if it has it.
pub(crate) fn column_of<K: Kind>(table: &Table<K>, col: K::Col) -> Option<u16> {
    let position = table.columns.iter().position(|given| *given == col)?;
    u16::try_from(position).ok()
}
