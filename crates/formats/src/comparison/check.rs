//! The one check both writers make before writing anything, so that the XLSX and the PDF of a
//! sheet are either both written or both refused with the same error.

use super::{ComparisonError, ComparisonSheet, MAX_CELL_CHARS, MAX_COMPARED, MAX_COMPARISON_ROWS};

/// Excel's longest worksheet name, counted as Excel counts: in UTF-16 units.
const MAX_SHEET_NAME: usize = 31;
const SHEET_NAME_FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];
/// How much of a long text an error quotes to name its place.
const QUOTED_CHARS: usize = 60;

/// Checks the columns, the worksheet's name, the number of rows, every row's cells and every
/// text's length, in that order; the first problem found is the error.
pub(super) fn check(sheet: &ComparisonSheet) -> Result<(), ComparisonError> {
    check_columns(sheet.columns.len())?;
    check_sheet_name(&sheet.sheet_name)?;
    check_row_count(sheet)?;
    check_cell_counts(sheet)?;
    check_lengths(sheet)
}

fn check_columns(count: usize) -> Result<(), ComparisonError> {
    match count {
        0 => Err(ComparisonError::NoColumns),
        count if count > MAX_COMPARED => Err(ComparisonError::TooManyColumns {
            count,
            max: MAX_COMPARED,
        }),
        _ => Ok(()),
    }
}

/// Excel's own rules; "History" is the name Excel keeps for its change-tracking sheet.
fn check_sheet_name(name: &str) -> Result<(), ComparisonError> {
    let units = name.encode_utf16().count();
    let fine = (1..=MAX_SHEET_NAME).contains(&units)
        && !name.contains(SHEET_NAME_FORBIDDEN)
        && !name.starts_with('\'')
        && !name.ends_with('\'')
        && !name.eq_ignore_ascii_case("history");
    if fine {
        Ok(())
    } else {
        Err(ComparisonError::BadSheetName {
            name: name.to_owned(),
        })
    }
}

fn check_row_count(sheet: &ComparisonSheet) -> Result<(), ComparisonError> {
    let count = sheet
        .sections
        .iter()
        .map(|section| 1 + section.rows.len())
        .sum();
    if count > MAX_COMPARISON_ROWS {
        return Err(ComparisonError::TooManyRows {
            count,
            max: MAX_COMPARISON_ROWS,
        });
    }
    Ok(())
}

fn check_cell_counts(sheet: &ComparisonSheet) -> Result<(), ComparisonError> {
    let expected = sheet.columns.len();
    for section in &sheet.sections {
        if let Some(row) = section.rows.iter().find(|row| row.cells.len() != expected) {
            return Err(ComparisonError::CellCount {
                section: section.heading.clone(),
                row: row.label.clone(),
                expected,
                found: row.cells.len(),
            });
        }
    }
    Ok(())
}

/// Every text of the sheet, in the order it prints, against [`MAX_CELL_CHARS`].
fn check_lengths(sheet: &ComparisonSheet) -> Result<(), ComparisonError> {
    let fits = |row: &str, column: &str, text: &str| {
        let chars = text.chars().count();
        if chars > MAX_CELL_CHARS {
            Err(ComparisonError::CellTooLong {
                row: quoted(row),
                column: quoted(column),
                chars,
                max: MAX_CELL_CHARS,
            })
        } else {
            Ok(())
        }
    };
    fits(&sheet.title, "", &sheet.title)?;
    for (label, value) in &sheet.header {
        fits(label, "", label)?;
        fits(label, "", value)?;
    }
    fits(&sheet.corner, &sheet.corner, &sheet.corner)?;
    for column in &sheet.columns {
        fits(&sheet.corner, column, column)?;
    }
    for section in &sheet.sections {
        fits(&section.heading, "", &section.heading)?;
        for row in &section.rows {
            fits(&row.label, &sheet.corner, &row.label)?;
            for (column, cell) in sheet.columns.iter().zip(&row.cells) {
                fits(&row.label, column, cell)?;
            }
        }
    }
    fits(&sheet.hash_label, "", &sheet.hash_label)?;
    fits(&sheet.sha256, "", &sheet.sha256)?;
    fits(&sheet.page_label, "", &sheet.page_label)
}

/// `text` as an error names a place with it: a long text by its beginning.
fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}
