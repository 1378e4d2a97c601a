//! What can be wrong with a conclusions file, and where: the file, sheet, row, column and cell,
//! in Japanese and English, as the statement and criteria tables say it.

use std::fmt;
use std::io;

use shinrai_domain::text::Bilingual;

use crate::table::{CellType, Place, TableError};
use crate::workbook::limits::MAX_PROBLEMS;

/// One problem reading or writing a conclusions file.
#[derive(Debug, thiserror::Error)]
pub enum ConclusionsError {
    /// The file as a container: too large, not UTF-8, broken CSV, not a workbook, over a bound
    /// of [`crate::workbook::limits`].
    Table(TableError),
    /// The workbook lacks the sheet `objectives` or `controls`.
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
    /// An empty id.
    Required { at: Box<Place>, kind: &'static str },
    /// The other kind's conclusion on this row (`conformant` on an objective).
    NotApplicable { at: Box<Place>, kind: &'static str },
    /// A conclusion other than yes or no.
    UnknownConclusion { at: Box<Place>, value: String },
    /// A reason in a row whose conclusion is empty.
    ReasonWithoutConclusion {
        at: Box<Place>,
        conclusion: &'static str,
    },
    /// A conclusion with no reason in either language.
    ReasonMissing { at: Box<Place> },
    /// An objective or control concluded in an earlier row too.
    Duplicate {
        at: Box<Place>,
        id: String,
        first_sheet: Option<String>,
        first_row: usize,
    },
    /// An id the criteria do not have as an objective or control.
    Unknown {
        at: Box<Place>,
        id: String,
        kind: &'static str,
        version: String,
    },
    /// An objective or control the audited statement does not select.
    NotSelected {
        at: Box<Place>,
        id: String,
        kind: &'static str,
    },
    /// A reason longer than an audit keeps.
    TextTooLong {
        at: Box<Place>,
        chars: usize,
        max: usize,
    },
    /// More rows of a kind than an audit may conclude on.
    TooMany {
        at: Box<Place>,
        kind: &'static str,
        count: usize,
        max: usize,
    },
    /// The conclusions read break a rule of the audit (a safety net after the checks above).
    Content { at: Box<Place>, why: Bilingual },
    /// Writing the output failed.
    Write {
        #[source]
        source: io::Error,
    },
    /// The XLSX writer refused.
    XlsxWrite { detail: String },
}

impl fmt::Display for ConclusionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

fn alternatives(values: &[&str]) -> (String, String) {
    let ja = values.join("、");
    let en = match values.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => values.join(""),
    };
    (ja, en)
}

fn kind_names(kind: &str) -> (&'static str, &'static str) {
    if kind == "objective" {
        ("統制目標", "control objective")
    } else {
        ("詳細管理策", "detailed control")
    }
}

impl ConclusionsError {
    /// Where the problem is; `None` for problems writing a file.
    pub fn place(&self) -> Option<&Place> {
        use ConclusionsError::*;
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
            | UnknownConclusion { at, .. }
            | ReasonWithoutConclusion { at, .. }
            | ReasonMissing { at }
            | Duplicate { at, .. }
            | Unknown { at, .. }
            | NotSelected { at, .. }
            | TextTooLong { at, .. }
            | TooMany { at, .. }
            | Content { at, .. } => Some(at),
            Write { .. } | XlsxWrite { .. } => None,
        }
    }

    /// A stable snake_case name of the problem, for scripts and tests.
    pub fn code(&self) -> &'static str {
        use ConclusionsError::*;
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
            UnknownConclusion { .. } => "unknown_conclusion",
            ReasonWithoutConclusion { .. } => "reason_without_conclusion",
            ReasonMissing { .. } => "reason_missing",
            Duplicate { .. } => "duplicate",
            Unknown { kind, .. } if *kind == "objective" => "unknown_objective",
            Unknown { .. } => "unknown_control",
            NotSelected { .. } => "not_selected",
            TextTooLong { .. } => "text_too_long",
            TooMany { .. } => "too_many",
            Content { .. } => "invalid_content",
            Write { .. } => "write",
            XlsxWrite { .. } => "xlsx_write",
        }
    }

    /// What is wrong, without the place, in both languages.
    pub fn reason(&self) -> Bilingual {
        use ConclusionsError::*;
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
            Empty { .. } => Bilingual::new(
                "空です。1 行目に見出し行が必要です",
                "it is empty; the first row must be the header",
            ),
            MissingColumn { .. } => Bilingual::new(
                "見出し行にこの列がありません",
                "the header has no such column",
            ),
            UnknownColumn { name, .. } => Bilingual::new(
                format!("このシートに「{name}」という列はありません"),
                format!("this sheet has no column \"{name}\""),
            ),
            DuplicateColumn { first, .. } => Bilingual::new(
                format!("同じ列が {first} にもあります"),
                format!("the same column is in {first} already"),
            ),
            ValueWithoutColumn { .. } => Bilingual::new(
                "見出しのない列に値があります",
                "a value in a column without a header",
            ),
            Formula { formula, .. } => Bilingual::new(
                format!("数式（{formula}）は使えません。値を入力してください"),
                format!("a formula ({formula}) is not accepted; enter the value itself"),
            ),
            WrongCellType { found, .. } => {
                let (ja, en) = match found {
                    CellType::Number => ("数値", "a number"),
                    CellType::Boolean => ("真偽値", "a boolean"),
                    CellType::Date => ("日付", "a date"),
                    CellType::Duration => ("時間の長さ", "a duration"),
                    CellType::Error => ("エラー値", "an error value"),
                };
                Bilingual::new(
                    format!("{ja}のセルは使えません。文字列として入力してください"),
                    format!("{en} cell is not accepted here; enter it as text"),
                )
            }
            UnknownPart { value, allowed, .. } => {
                let (ja, en) = alternatives(allowed);
                Bilingual::new(
                    format!("part「{value}」はここでは使えません（{ja} のいずれか）"),
                    format!("part \"{value}\" does not belong here (it must be {en})"),
                )
            }
            Required { kind, .. } => Bilingual::new(
                format!("{kind} の行では空にできません"),
                format!("must not be empty in a {kind} row"),
            ),
            NotApplicable { kind, .. } => Bilingual::new(
                format!("{kind} の行ではこの列は使いません。空にしてください"),
                format!("a {kind} row does not use this column; leave it empty"),
            ),
            UnknownConclusion { value, .. } => Bilingual::new(
                format!("結論「{value}」は yes、no のいずれでもありません"),
                format!("conclusion \"{value}\" is neither yes nor no"),
            ),
            ReasonWithoutConclusion { conclusion, .. } => Bilingual::new(
                format!(
                    "{conclusion} が空の行に理由があります。先に {conclusion} を yes か no にしてください"
                ),
                format!(
                    "a reason in a row whose {conclusion} is empty; set {conclusion} to yes or no first"
                ),
            ),
            ReasonMissing { .. } => Bilingual::new(
                "結論には理由（日本語または英語）が必要です",
                "a conclusion needs a reason (in Japanese or English)",
            ),
            Duplicate {
                id,
                first_sheet,
                first_row,
                ..
            } => match first_sheet {
                Some(sheet) => Bilingual::new(
                    format!("{id} はシート {sheet} の {first_row} 行目にもあります"),
                    format!("{id} is in row {first_row} of sheet {sheet} already"),
                ),
                None => Bilingual::new(
                    format!("{id} は {first_row} 行目にもあります"),
                    format!("{id} is in row {first_row} already"),
                ),
            },
            Unknown {
                id, kind, version, ..
            } => {
                let (ja, en) = kind_names(kind);
                Bilingual::new(
                    format!("管理基準 {version} に{ja} {id} はありません"),
                    format!("criteria version {version} has no {en} {id}"),
                )
            }
            NotSelected { id, kind, .. } => {
                if *kind == "objective" {
                    Bilingual::new(
                        format!(
                            "{id} は監査対象の言明書で選択された管理策の統制目標ではありません"
                        ),
                        format!(
                            "{id} is not an objective of a control the audited statement selects"
                        ),
                    )
                } else {
                    Bilingual::new(
                        format!("{id} は監査対象の言明書で選択された管理策ではありません"),
                        format!("{id} is not a control the audited statement selects"),
                    )
                }
            }
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
            Write { source } => Bilingual::new(
                format!("書き出せません: {source}"),
                format!("cannot write: {source}"),
            ),
            XlsxWrite { detail } => Bilingual::new(
                format!("XLSX を作れません: {detail}"),
                format!("cannot make the XLSX file: {detail}"),
            ),
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

    /// Sort key: problems of the whole file first, then by sheet order, row and column.
    fn order(&self) -> (usize, usize, usize) {
        let place = self.place();
        let sheet = place
            .and_then(|p| p.sheet.as_deref())
            .and_then(|sheet| {
                super::layout::SHEETS
                    .iter()
                    .position(|table| table.sheet == Some(sheet))
            })
            .map_or(0, |position| position + 1);
        let row = place.and_then(|p| p.row).unwrap_or(0);
        let column = place
            .and_then(|p| p.cell.as_deref())
            .map_or(usize::MAX, column_index);
        (sheet, row, column)
    }
}

/// The 1-based column number of a cell reference (`F12` → 6), for ordering.
fn column_index(cell: &str) -> usize {
    cell.bytes()
        .take_while(u8::is_ascii_uppercase)
        .fold(0, |acc, letter| {
            acc.saturating_mul(26)
                .saturating_add(usize::from(letter - b'A' + 1))
        })
}

/// Every problem of a file, sorted by place, or the first [`MAX_PROBLEMS`] and the count of the
/// others. Never empty.
#[derive(Debug)]
pub struct ConclusionsErrors {
    first: ConclusionsError,
    rest: Vec<ConclusionsError>,
    omitted: usize,
}

impl ConclusionsErrors {
    pub(crate) fn one(problem: ConclusionsError) -> ConclusionsErrors {
        ConclusionsErrors {
            first: problem,
            rest: Vec::new(),
            omitted: 0,
        }
    }

    /// Sorts the problems; `None` when there are none.
    pub(crate) fn new(
        mut kept: Vec<ConclusionsError>,
        omitted: usize,
    ) -> Option<ConclusionsErrors> {
        kept.sort_by_key(ConclusionsError::order);
        let mut kept = kept.into_iter();
        let first = kept.next()?;
        Some(ConclusionsErrors {
            first,
            rest: kept.collect(),
            omitted,
        })
    }

    pub fn first(&self) -> &ConclusionsError {
        &self.first
    }

    /// The problems listed; see [`ConclusionsErrors::omitted`] for those only counted.
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

    pub fn iter(&self) -> impl Iterator<Item = &ConclusionsError> {
        std::iter::once(&self.first).chain(&self.rest)
    }

    pub fn into_vec(self) -> Vec<ConclusionsError> {
        let mut all = Vec::with_capacity(self.len());
        all.push(self.first);
        all.extend(self.rest);
        all
    }
}

impl From<ConclusionsError> for ConclusionsErrors {
    fn from(problem: ConclusionsError) -> ConclusionsErrors {
        ConclusionsErrors::one(problem)
    }
}

impl fmt::Display for ConclusionsErrors {
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

impl std::error::Error for ConclusionsErrors {}
