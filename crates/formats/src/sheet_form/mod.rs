//! Spreadsheet forms: a workbook (or one CSV table) that shinrai writes as a template, someone
//! fills in, and shinrai reads back all or nothing. A form is its columns, its kinds of rows
//! and its sheets ([`Layout`]); this module does the rest for every form alike: writing the
//! sheets and the instructions sheet, reading the header and the cells with every problem
//! placed at its file, sheet, row, column and cell, bounded like the criteria tables (the same
//! [`workbook`](crate::workbook) reader and [`limits`](crate::workbook::limits)).
//!
//! What a form's rows mean stays with the form: [`statement`](crate::statement) and
//! [`conclusions`](crate::conclusions).

mod error;
mod instructions;
mod read;
mod write;

use std::fmt::Debug;
use std::hash::Hash;

use shinrai_domain::text::Bilingual;

pub use error::{FormError, FormErrors, FormProblem};
pub(crate) use read::{Cells, Reading, RowReader, Value, read_csv, read_xlsx};
pub(crate) use write::{FormRow, Out, column_of, list_validation, write_csv, write_xlsx};

/// One column of a form.
pub(crate) trait Column: Copy + Eq + Hash + Debug + 'static {
    /// Every column, in the order of the CSV table.
    const EVERY: &'static [Self];
    /// The column `part`, which says what a row is.
    const PART: Self;
    /// The column `id`: the sheet keeps it and those left of it in view.
    const ID: Self;

    /// The header name.
    fn name(self) -> &'static str;

    /// Header names match exactly, as in the criteria tables.
    fn from_name(name: &str) -> Option<Self> {
        Self::EVERY.iter().copied().find(|col| col.name() == name)
    }

    /// Whether it is shown in the colour of the cells to fill in (the others show texts for
    /// reference).
    fn is_answer(self) -> bool;

    /// Width in Excel character units.
    fn width(self) -> f64;

    /// Free texts wrap; codes stay on one line.
    fn wraps(self) -> bool;

    /// What the column holds, for the instructions sheet.
    fn help(self) -> Bilingual;
}

/// What a row of a form is, from its `part` cell (or its sheet).
pub(crate) trait Kind: Copy + Eq + Debug + 'static {
    type Col: Column;
    /// Every kind, in the order `part` lists them.
    const EVERY: &'static [Self];

    /// The value of `part`.
    fn code(self) -> &'static str;

    /// Letters compare without case: spreadsheets like to capitalise the first letter.
    fn from_code(code: &str) -> Option<Self> {
        Self::EVERY
            .iter()
            .copied()
            .find(|kind| kind.code().eq_ignore_ascii_case(code))
    }

    /// Whether a row of this kind must leave `col` empty: a value there would be lost.
    fn leaves_empty(self, col: Self::Col) -> bool;
}

/// One table of a form: a sheet of a workbook, or the whole CSV file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table<K: Kind> {
    /// The sheet's name; `None` for a CSV file.
    pub(crate) sheet: Option<&'static str>,
    /// Its columns, in the order they are written.
    pub(crate) columns: &'static [K::Col],
    /// The kinds of rows it may hold.
    pub(crate) kinds: &'static [K],
    /// The kind of a row whose `part` is empty or has no column.
    pub(crate) default: Option<K>,
    /// The columns its header must have.
    pub(crate) required: &'static [K::Col],
    /// Whether a workbook must have the sheet.
    pub(crate) needed: bool,
}

/// A whole form: its sheets, its CSV table and the steps its instructions sheet gives.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout<K: Kind> {
    /// The sheets read and written, in the workbook's order (after the instructions).
    pub(crate) sheets: &'static [Table<K>],
    pub(crate) csv: Table<K>,
    /// How to fill the form in, Japanese beside English; the first is the title.
    pub(crate) steps: &'static [(&'static str, &'static str)],
}

impl<K: Kind> Layout<K> {
    /// The sheets' names in the workbook's order, by which problems are sorted.
    pub(crate) fn sheet_names(&self) -> Vec<&'static str> {
        self.sheets.iter().filter_map(|table| table.sheet).collect()
    }
}

/// The sheet that explains the others; never read.
pub(crate) const INSTRUCTIONS_SHEET: &str = "instructions";
