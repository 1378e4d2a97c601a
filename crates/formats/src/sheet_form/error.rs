//! What can be wrong with a form file, and where: the problems every form shares (the file, its
//! sheets, header and cells), each form's own problems beside them, and all of a file's problems
//! sorted by place, in Japanese and English as the criteria tables say them.

use std::fmt;
use std::io;

use shinrai_domain::text::Bilingual;

use crate::table::{CellType, Place, TableError, alternatives, column_index, said};
use crate::workbook::limits::MAX_PROBLEMS;

/// The problems that only one form has (its codes, its rules across cells): what
/// [`FormError::Own`] holds.
pub trait FormProblem: fmt::Debug {
    /// Where the problem is; `None` for problems writing a file.
    fn place(&self) -> Option<&Place>;
    /// A stable snake_case name of the problem, for scripts and tests.
    fn code(&self) -> &'static str;
    /// What is wrong, without the place, in both languages.
    fn reason(&self) -> Bilingual;
}

/// One problem reading or writing a form file; `P` is the form's own kind of problem.
#[derive(Debug, thiserror::Error)]
pub enum FormError<P> {
    /// The file as a container: too large, not UTF-8, broken CSV, not a workbook, over a bound
    /// of [`crate::workbook::limits`] (the reader shared with the criteria tables says which).
    Table(TableError),
    /// The workbook lacks a sheet the form needs.
    MissingSheet {
        at: Box<Place>,
        sheet: &'static str,
        sheets: Vec<String>,
    },
    /// The sheet or file holds nothing, not even a header row.
    Empty { at: Box<Place> },
    /// A column the header must have is not there.
    MissingColumn { at: Box<Place> },
    /// A header name that is not a column of this sheet.
    UnknownColumn { at: Box<Place>, name: String },
    /// A header name given twice; `first` is the cell of the first one.
    DuplicateColumn { at: Box<Place>, first: String },
    /// A value in a column with an empty header, or right of the last header cell.
    ValueWithoutColumn { at: Box<Place> },
    /// A formula: the file must hold values.
    Formula { at: Box<Place>, formula: String },
    /// A cell of a type the column does not take.
    WrongCellType { at: Box<Place>, found: CellType },
    /// A `part` this table does not hold.
    UnknownPart {
        at: Box<Place>,
        value: String,
        allowed: Vec<&'static str>,
    },
    /// An empty cell that the row needs.
    Required { at: Box<Place>, kind: &'static str },
    /// A value in a column that this kind of row does not use.
    NotApplicable { at: Box<Place>, kind: &'static str },
    /// A text longer than the form keeps.
    TextTooLong {
        at: Box<Place>,
        chars: usize,
        max: usize,
    },
    /// More rows of a kind than the form may hold.
    TooMany {
        at: Box<Place>,
        kind: &'static str,
        count: usize,
        max: usize,
    },
    /// What was read breaks a rule of the domain (a safety net after the form's own checks).
    Content { at: Box<Place>, why: Bilingual },
    /// Writing the output failed.
    Write {
        #[source]
        source: io::Error,
    },
    /// The XLSX writer refused.
    XlsxWrite { detail: String },
    /// A problem of this form alone.
    Own(P),
}

impl<P: FormProblem> fmt::Display for FormError<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl<P: FormProblem> From<P> for FormError<P> {
    fn from(problem: P) -> FormError<P> {
        FormError::Own(problem)
    }
}

impl<P: FormProblem> FormError<P> {
    /// Where the problem is; `None` for problems writing a file.
    pub fn place(&self) -> Option<&Place> {
        use FormError::*;
        match self {
            Table(error) => error.place(),
            MissingSheet { at, .. }
            | Empty { at }
            | MissingColumn { at }
            | UnknownColumn { at, .. }
            | DuplicateColumn { at, .. }
            | ValueWithoutColumn { at }
            | Formula { at, .. }
            | WrongCellType { at, .. }
            | UnknownPart { at, .. }
            | Required { at, .. }
            | NotApplicable { at, .. }
            | TextTooLong { at, .. }
            | TooMany { at, .. }
            | Content { at, .. } => Some(at),
            Write { .. } | XlsxWrite { .. } => None,
            Own(problem) => problem.place(),
        }
    }

    /// A stable snake_case name of the problem, for scripts and tests.
    pub fn code(&self) -> &'static str {
        use FormError::*;
        match self {
            Table(TableError::OverLimit { .. }) => "over_limit",
            Table(_) => "unreadable",
            MissingSheet { .. } => "missing_sheet",
            Empty { .. } => "empty",
            MissingColumn { .. } => "missing_column",
            UnknownColumn { .. } => "unknown_column",
            DuplicateColumn { .. } => "duplicate_column",
            ValueWithoutColumn { .. } => "value_without_column",
            Formula { .. } => "formula",
            WrongCellType { .. } => "wrong_cell_type",
            UnknownPart { .. } => "unknown_part",
            Required { .. } => "required",
            NotApplicable { .. } => "not_applicable",
            TextTooLong { .. } => "text_too_long",
            TooMany { .. } => "too_many",
            Content { .. } => "invalid_content",
            Write { .. } => "write",
            XlsxWrite { .. } => "xlsx_write",
            Own(problem) => problem.code(),
        }
    }

    /// What is wrong, without the place, in both languages.
    pub fn reason(&self) -> Bilingual {
        use FormError::*;
        match self {
            Table(error) => error.reason(),
            MissingSheet { sheet, sheets, .. } => {
                let names: Vec<&str> = sheets.iter().map(String::as_str).collect();
                let (ja, en) = alternatives(&names);
                Bilingual::new(
                    format!("シート {sheet} がありません（あるシート: {ja}）"),
                    format!("no sheet named {sheet} (the sheets are {en})"),
                )
            }
            Empty { .. } => said::empty(),
            MissingColumn { .. } => said::missing_column(),
            UnknownColumn { name, .. } => Bilingual::new(
                format!("このシートに「{name}」という列はありません"),
                format!("this sheet has no column \"{name}\""),
            ),
            DuplicateColumn { first, .. } => said::duplicate_column(first),
            ValueWithoutColumn { .. } => said::value_without_column(),
            Formula { formula, .. } => said::formula(formula),
            WrongCellType { found, .. } => said::wrong_cell_type(*found),
            UnknownPart { value, allowed, .. } => {
                let (ja, en) = alternatives(allowed);
                Bilingual::new(
                    format!("part「{value}」はここでは使えません（{ja} のいずれか）"),
                    format!("part \"{value}\" does not belong here (it must be {en})"),
                )
            }
            Required { kind, .. } => said::required(kind),
            NotApplicable { kind, .. } => said::not_applicable(kind),
            TextTooLong { chars, max, .. } => Bilingual::new(
                format!("文が {chars} 文字あり、上限の {max} 文字を超えています"),
                format!("the text is {chars} characters long, more than the {max} allowed"),
            ),
            TooMany {
                kind, count, max, ..
            } => Bilingual::new(
                format!("{kind} の行が {count} 行あり、上限の {max} 行を超えています"),
                format!("{count} {kind} rows, more than the {max} allowed"),
            ),
            Content { why, .. } => why.clone(),
            Write { source } => said::cannot_write(source),
            XlsxWrite { detail } => said::cannot_make_xlsx(detail),
            Own(problem) => problem.reason(),
        }
    }

    /// The whole message, place and reason, in both languages.
    pub fn message(&self) -> Bilingual {
        let reason = self.reason();
        match self.place() {
            Some(place) => Bilingual::new(
                format!("{}: {}", place.ja(), reason.ja),
                format!("{}: {}", place.en(), reason.en),
            ),
            None => reason,
        }
    }

    /// Sort key: problems of the whole file first, then by sheet (in the order of `sheets`),
    /// row and column.
    fn order(&self, sheets: &[&str]) -> (usize, usize, usize) {
        let place = self.place();
        let sheet = place
            .and_then(|p| p.sheet.as_deref())
            .and_then(|sheet| sheets.iter().position(|known| *known == sheet))
            .map_or(0, |position| position + 1);
        let row = place.and_then(|p| p.row).unwrap_or(0);
        let column = place
            .and_then(|p| p.cell.as_deref())
            .map_or(usize::MAX, column_index);
        (sheet, row, column)
    }
}

/// Problems collected while a file is read: the first [`MAX_PROBLEMS`] are kept, the others
/// only counted, so that a file with a million wrong cells costs no more than one with a
/// thousand.
#[derive(Debug)]
pub(crate) struct Problems<P> {
    kept: Vec<FormError<P>>,
    omitted: usize,
}

impl<P: FormProblem> Problems<P> {
    pub(crate) fn new() -> Problems<P> {
        Problems {
            kept: Vec::new(),
            omitted: 0,
        }
    }

    pub(crate) fn push(&mut self, problem: impl Into<FormError<P>>) {
        if u64::try_from(self.kept.len()).unwrap_or(u64::MAX) < MAX_PROBLEMS {
            self.kept.push(problem.into());
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    /// How many were found, kept or not: a change tells that something was found.
    pub(crate) fn found(&self) -> usize {
        self.kept.len() + self.omitted
    }

    /// The problems sorted by place, sheets in the order of `sheets`; `None` when there are
    /// none.
    pub(crate) fn sorted(self, sheets: &[&str]) -> Option<FormErrors<P>> {
        let Problems { mut kept, omitted } = self;
        kept.sort_by_key(|problem| problem.order(sheets));
        let mut kept = kept.into_iter();
        let first = kept.next()?;
        Some(FormErrors {
            first,
            rest: kept.collect(),
            omitted,
        })
    }
}

/// Every problem of a file, sorted by place, or the first [`MAX_PROBLEMS`] and the count of the
/// others. Never empty.
#[derive(Debug)]
pub struct FormErrors<P> {
    first: FormError<P>,
    rest: Vec<FormError<P>>,
    omitted: usize,
}

impl<P: FormProblem> FormErrors<P> {
    pub(crate) fn one(problem: impl Into<FormError<P>>) -> FormErrors<P> {
        FormErrors {
            first: problem.into(),
            rest: Vec::new(),
            omitted: 0,
        }
    }

    pub fn first(&self) -> &FormError<P> {
        &self.first
    }

    /// The problems listed; see [`FormErrors::omitted`] for those only counted.
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// Always false; here because clippy expects it beside `len`.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// What to say of the problems not listed, if there are any.
    pub fn omitted_message(&self) -> Option<Bilingual> {
        (self.omitted > 0).then(|| {
            Bilingual::new(
                format!(
                    "ほかに {} 件の問題があります（最初の {MAX_PROBLEMS} 件だけを示しています）",
                    self.omitted
                ),
                format!(
                    "and {} more problems (only the first {MAX_PROBLEMS} are listed)",
                    self.omitted
                ),
            )
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = &FormError<P>> {
        std::iter::once(&self.first).chain(&self.rest)
    }

    pub fn into_vec(self) -> Vec<FormError<P>> {
        let mut all = Vec::with_capacity(self.len());
        all.push(self.first);
        all.extend(self.rest);
        all
    }
}

impl<P: FormProblem> From<FormError<P>> for FormErrors<P> {
    fn from(problem: FormError<P>) -> FormErrors<P> {
        FormErrors::one(problem)
    }
}

impl<P: FormProblem> fmt::Display for FormErrors<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        if let Some(omitted) = self.omitted_message() {
            write!(f, "\n{}", omitted.en)?;
        }
        Ok(())
    }
}

impl<P: FormProblem> std::error::Error for FormErrors<P> {}
