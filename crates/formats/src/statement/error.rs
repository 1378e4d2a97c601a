//! What can be wrong with a statement file, and where: the file, sheet, row, column and cell,
//! in Japanese and English, as the criteria tables say it.

use std::fmt;
use std::io;

use shinrai_domain::criteria::Part;
use shinrai_domain::text::Bilingual;

use crate::table::{CellType, Place, TableError};
use crate::workbook::limits::MAX_PROBLEMS;

/// One problem reading or writing a statement file.
#[derive(Debug, thiserror::Error)]
pub enum StatementError {
    /// The file as a container: too large, not UTF-8, broken CSV, not a workbook, over a bound
    /// of [`crate::workbook::limits`] (the reader shared with the criteria tables says which).
    Table(TableError),
    /// The workbook lacks a sheet the statement needs.
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
    /// No statement row (CSV) or no row on the sheet `statement`.
    NoStatementRow { at: Box<Place> },
    /// A second statement row.
    ExtraStatementRow { at: Box<Place>, first_row: usize },
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
    /// A criteria version id that cannot be one.
    BadVersionId { at: Box<Place>, value: String },
    /// A level other than 1, 2 or 3.
    BadLevel { at: Box<Place>, value: String },
    /// A choice other than `selected` or `excluded`.
    UnknownChoice { at: Box<Place>, value: String },
    /// A responsibility other than `csp`, `customer` or `shared`.
    UnknownResponsibility { at: Box<Place>, value: String },
    /// A status other than `implemented`, `partial` or `not_implemented`.
    UnknownStatus { at: Box<Place>, value: String },
    /// An answer in a row whose choice (or status) is empty.
    AnswerWithoutChoice {
        at: Box<Place>,
        choice: &'static str,
    },
    /// An answer a row's choice does not take (a reason on a selected control, a responsibility
    /// on an excluded one).
    NotForChoice {
        at: Box<Place>,
        choice: &'static str,
    },
    /// An excluded control with no reason in either language.
    ExclusionWithoutReason { at: Box<Place> },
    /// A document with no title in either language.
    DocumentWithoutTitle { at: Box<Place> },
    /// A control or item answered in an earlier row too.
    Duplicate {
        at: Box<Place>,
        id: String,
        first_sheet: Option<String>,
        first_row: usize,
    },
    /// An id the criteria do not have (as an item or control of this part).
    Unknown {
        at: Box<Place>,
        id: String,
        part: Part,
        version: String,
    },
    /// The file's criteria version is not the one given to check it against.
    OtherCriteria {
        at: Box<Place>,
        given: String,
        expected: String,
    },
    /// A technology name over the bound.
    BadTechnology { at: Box<Place>, max: usize },
    /// A technology named twice in one row.
    DuplicateTechnology { at: Box<Place>, technology: String },
    /// More technologies in one row than a control may name.
    TooManyTechnologies {
        at: Box<Place>,
        count: usize,
        max: usize,
    },
    /// A text longer than a statement keeps.
    TextTooLong {
        at: Box<Place>,
        chars: usize,
        max: usize,
    },
    /// More rows of a kind than a statement may hold.
    TooMany {
        at: Box<Place>,
        kind: &'static str,
        count: usize,
        max: usize,
    },
    /// The content read breaks a rule of the statement (a safety net after the checks above).
    Content { at: Box<Place>, why: Bilingual },
    /// A technology the table cannot hold: empty, padded, or with a line break.
    UnwritableTechnology { control: String, technology: String },
    /// Writing the output failed.
    Write {
        #[source]
        source: io::Error,
    },
    /// The XLSX writer refused.
    XlsxWrite { detail: String },
}

impl fmt::Display for StatementError {
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

fn part_names(part: Part) -> (&'static str, &'static str) {
    match part {
        Part::Governance => ("ガバナンス項目", "governance item"),
        Part::Management => ("マネジメント項目", "management item"),
        Part::Control => ("詳細管理策", "detailed control"),
    }
}

impl StatementError {
    /// Where the problem is; `None` for problems writing a file.
    pub fn place(&self) -> Option<&Place> {
        use StatementError::*;
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
            | NoStatementRow { at }
            | ExtraStatementRow { at, .. }
            | UnknownPart { at, .. }
            | Required { at, .. }
            | NotApplicable { at, .. }
            | BadVersionId { at, .. }
            | BadLevel { at, .. }
            | UnknownChoice { at, .. }
            | UnknownResponsibility { at, .. }
            | UnknownStatus { at, .. }
            | AnswerWithoutChoice { at, .. }
            | NotForChoice { at, .. }
            | ExclusionWithoutReason { at }
            | DocumentWithoutTitle { at }
            | Duplicate { at, .. }
            | Unknown { at, .. }
            | OtherCriteria { at, .. }
            | BadTechnology { at, .. }
            | DuplicateTechnology { at, .. }
            | TooManyTechnologies { at, .. }
            | TextTooLong { at, .. }
            | TooMany { at, .. }
            | Content { at, .. } => Some(at),
            UnwritableTechnology { .. } | Write { .. } | XlsxWrite { .. } => None,
        }
    }

    /// A stable snake_case name of the problem, for scripts and tests.
    pub fn code(&self) -> &'static str {
        use StatementError::*;
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
            NoStatementRow { .. } => "no_statement_row",
            ExtraStatementRow { .. } => "extra_statement_row",
            UnknownPart { .. } => "unknown_part",
            Required { .. } => "required",
            NotApplicable { .. } => "not_applicable",
            BadVersionId { .. } => "bad_version_id",
            BadLevel { .. } => "bad_level",
            UnknownChoice { .. } => "unknown_choice",
            UnknownResponsibility { .. } => "unknown_responsibility",
            UnknownStatus { .. } => "unknown_status",
            AnswerWithoutChoice { .. } => "answer_without_choice",
            NotForChoice { .. } => "not_for_choice",
            ExclusionWithoutReason { .. } => "exclusion_without_reason",
            DocumentWithoutTitle { .. } => "document_without_title",
            Duplicate { .. } => "duplicate",
            Unknown {
                part: Part::Control,
                ..
            } => "unknown_control",
            Unknown { .. } => "unknown_item",
            OtherCriteria { .. } => "other_criteria",
            BadTechnology { .. } => "bad_technology",
            DuplicateTechnology { .. } => "duplicate_technology",
            TooManyTechnologies { .. } => "too_many_technologies",
            TextTooLong { .. } => "text_too_long",
            TooMany { .. } => "too_many",
            Content { .. } => "invalid_content",
            UnwritableTechnology { .. } => "unwritable_technology",
            Write { .. } => "write",
            XlsxWrite { .. } => "xlsx_write",
        }
    }

    /// What is wrong, without the place, in both languages.
    pub fn reason(&self) -> Bilingual {
        use StatementError::*;
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
            NoStatementRow { .. } => Bilingual::new(
                "言明書の行（管理基準の版と目標レベル）がありません",
                "no statement row (the criteria version and the target level)",
            ),
            ExtraStatementRow { first_row, .. } => Bilingual::new(
                format!("言明書の行は 1 行だけにしてください（{first_row} 行目にもあります）"),
                format!("only one statement row is allowed (row {first_row} is one already)"),
            ),
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
            BadVersionId { value, .. } => Bilingual::new(
                format!("版の ID「{value}」は英数字と . _ - の 64 文字以内にしてください"),
                format!("version id \"{value}\" must be 1 to 64 letters, digits, '.', '_' or '-'"),
            ),
            BadLevel { value, .. } => Bilingual::new(
                format!("レベル {value} は 1、2、3 のいずれでもありません"),
                format!("level {value} is not 1, 2 or 3"),
            ),
            UnknownChoice { value, .. } => Bilingual::new(
                format!("「{value}」は selected（選択）、excluded（除外）のいずれでもありません"),
                format!("\"{value}\" is neither selected nor excluded"),
            ),
            UnknownResponsibility { value, .. } => Bilingual::new(
                format!("責任「{value}」は csp、customer、shared のいずれでもありません"),
                format!("responsibility \"{value}\" is not csp, customer or shared"),
            ),
            UnknownStatus { value, .. } => Bilingual::new(
                format!(
                    "実施状況「{value}」は implemented、partial、not_implemented のいずれでもありません"
                ),
                format!("status \"{value}\" is not implemented, partial or not_implemented"),
            ),
            AnswerWithoutChoice { choice, .. } => Bilingual::new(
                format!("{choice} が空の行に回答があります。先に {choice} を選んでください"),
                format!("an answer in a row whose {choice} is empty; choose the {choice} first"),
            ),
            NotForChoice { choice, .. } => Bilingual::new(
                format!("{choice} の管理策ではこの列は使いません。空にしてください"),
                format!("a {choice} control does not use this column; leave it empty"),
            ),
            ExclusionWithoutReason { .. } => Bilingual::new(
                "除外する管理策には理由（日本語または英語）が必要です",
                "an excluded control needs a reason (in Japanese or English)",
            ),
            DocumentWithoutTitle { .. } => Bilingual::new(
                "文書には名前（日本語または英語）が必要です",
                "a document needs a title (in Japanese or English)",
            ),
            Duplicate {
                id,
                first_sheet,
                first_row,
                ..
            } => match first_sheet {
                Some(sheet) => Bilingual::new(
                    format!("{id} はシート {sheet} の {first_row} 行目でも回答されています"),
                    format!("{id} is answered in row {first_row} of sheet {sheet} already"),
                ),
                None => Bilingual::new(
                    format!("{id} は {first_row} 行目でも回答されています"),
                    format!("{id} is answered in row {first_row} already"),
                ),
            },
            Unknown {
                id, part, version, ..
            } => {
                let (ja, en) = part_names(*part);
                Bilingual::new(
                    format!("管理基準 {version} に{ja} {id} はありません"),
                    format!("criteria version {version} has no {en} {id}"),
                )
            }
            OtherCriteria {
                given, expected, ..
            } => Bilingual::new(
                format!("管理基準の版 {given} は、照合に使う版 {expected} と異なります"),
                format!("criteria version {given} is not the version {expected} checked against"),
            ),
            BadTechnology { max, .. } => Bilingual::new(
                format!("技術名は 1 行に 1 つ、{max} 文字以内で書いてください"),
                format!("a technology is named one a line, in at most {max} characters"),
            ),
            DuplicateTechnology { technology, .. } => Bilingual::new(
                format!("技術「{technology}」が 2 回書かれています"),
                format!("technology \"{technology}\" is named twice"),
            ),
            TooManyTechnologies { count, max, .. } => Bilingual::new(
                format!("技術が {count} 個あり、上限の {max} 個を超えています"),
                format!("{count} technologies, more than the {max} allowed"),
            ),
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
            UnwritableTechnology {
                control,
                technology,
            } => Bilingual::new(
                format!(
                    "管理策 {control} の技術「{technology}」は表に書けません（空、前後の空白、改行のいずれかがあります）"
                ),
                format!(
                    "technology \"{technology}\" of control {control} cannot be held in a table (empty, padded or with a line break)"
                ),
            ),
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
pub struct StatementErrors {
    first: StatementError,
    rest: Vec<StatementError>,
    omitted: usize,
}

impl StatementErrors {
    pub(crate) fn one(problem: StatementError) -> StatementErrors {
        StatementErrors {
            first: problem,
            rest: Vec::new(),
            omitted: 0,
        }
    }

    /// Sorts the problems; `None` when there are none.
    pub(crate) fn new(mut kept: Vec<StatementError>, omitted: usize) -> Option<StatementErrors> {
        kept.sort_by_key(StatementError::order);
        let mut kept = kept.into_iter();
        let first = kept.next()?;
        Some(StatementErrors {
            first,
            rest: kept.collect(),
            omitted,
        })
    }

    pub fn first(&self) -> &StatementError {
        &self.first
    }

    /// The problems listed; see [`StatementErrors::omitted`] for those only counted.
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

    pub fn iter(&self) -> impl Iterator<Item = &StatementError> {
        std::iter::once(&self.first).chain(&self.rest)
    }

    pub fn into_vec(self) -> Vec<StatementError> {
        let mut all = Vec::with_capacity(self.len());
        all.push(self.first);
        all.extend(self.rest);
        all
    }
}

impl From<StatementError> for StatementErrors {
    fn from(problem: StatementError) -> StatementErrors {
        StatementErrors::one(problem)
    }
}

impl fmt::Display for StatementErrors {
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

impl std::error::Error for StatementErrors {}
