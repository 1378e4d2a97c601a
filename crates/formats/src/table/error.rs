//! What can be wrong with a criteria table, and where.

use std::fmt;
use std::io;

use shinrai_domain::criteria::{ExampleProblem, Part};
use shinrai_domain::text::Bilingual;

use super::limit::{Limit, grouped};
use super::said;
use crate::workbook::limits::MAX_PROBLEMS;

/// Where in a table a problem is. Only `file` is always known; a sheet is named for XLSX, and
/// the row, column and cell as far as the problem has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file name as the caller gave it (a path or an upload's name).
    pub file: String,
    /// The sheet, for XLSX files.
    pub sheet: Option<String>,
    /// 1-based row number as a spreadsheet shows it (the header is row 1 in a CSV).
    pub row: Option<usize>,
    /// The column's header name, when the column has a known one.
    pub column: Option<String>,
    /// The cell reference such as `F12`, when row and column are known.
    pub cell: Option<String>,
}

impl Place {
    pub(crate) fn file(file: &str) -> Box<Place> {
        Box::new(Place {
            file: file.to_owned(),
            sheet: None,
            row: None,
            column: None,
            cell: None,
        })
    }

    pub(crate) fn sheet(file: &str, sheet: &str) -> Box<Place> {
        let mut at = Place::file(file);
        at.sheet = Some(sheet.to_owned());
        at
    }

    /// The place in Japanese: `FILE: シート criteria、12 行目、列 min_level (F12)`.
    pub fn ja(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.sheet {
            parts.push(format!("シート {sheet}"));
        }
        if let Some(row) = self.row {
            parts.push(format!("{row} 行目"));
        }
        match (&self.column, &self.cell) {
            (Some(column), Some(cell)) => parts.push(format!("列 {column} ({cell})")),
            (Some(column), None) => parts.push(format!("列 {column}")),
            (None, Some(cell)) => parts.push(format!("セル {cell}")),
            (None, None) => {}
        }
        if parts.is_empty() {
            self.file.clone()
        } else {
            format!("{}: {}", self.file, parts.join("、"))
        }
    }

    /// The place in English: `FILE: sheet criteria, row 12, column min_level (F12)`.
    pub fn en(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sheet) = &self.sheet {
            parts.push(format!("sheet {sheet}"));
        }
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        match (&self.column, &self.cell) {
            (Some(column), Some(cell)) => parts.push(format!("column {column} ({cell})")),
            (Some(column), None) => parts.push(format!("column {column}")),
            (None, Some(cell)) => parts.push(format!("cell {cell}")),
            (None, None) => {}
        }
        if parts.is_empty() {
            self.file.clone()
        } else {
            format!("{}: {}", self.file, parts.join(", "))
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// A kind of cell the table does not accept where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellType {
    Number,
    Boolean,
    Date,
    Duration,
    /// An error value such as `#N/A`.
    Error,
}

impl CellType {
    /// What the cell holds, in Japanese and in English (with its article).
    pub(crate) fn names(self) -> (&'static str, &'static str) {
        match self {
            CellType::Number => ("数値", "a number"),
            CellType::Boolean => ("真偽値", "a boolean"),
            CellType::Date => ("日付", "a date"),
            CellType::Duration => ("時間の長さ", "a duration"),
            CellType::Error => ("エラー値", "an error value"),
        }
    }
}

/// One problem reading or writing a criteria table. Reading problems carry their [`Place`];
/// [`TableError::message`] says what and where in Japanese and English, and `Display` is the
/// English message.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// The file cannot be read.
    Io {
        at: Box<Place>,
        #[source]
        source: io::Error,
    },
    /// The file name ends neither in `.csv` nor in `.xlsx`.
    UnsupportedFormat { at: Box<Place> },
    /// A CSV file that is not UTF-8 (Excel's plain "CSV" saves Shift_JIS).
    NotUtf8 { at: Box<Place> },
    /// Broken CSV syntax.
    Csv { at: Box<Place>, detail: String },
    /// Not an XLSX workbook, or one that cannot be read.
    Workbook { at: Box<Place>, detail: String },
    /// The file goes over one of the bounds of [`crate::workbook::limits`] (a zip bomb, a
    /// sheet declaring millions of cells, …); nothing more of it is read.
    OverLimit { at: Box<Place>, limit: Limit },
    /// The workbook has no sheet named `criteria`.
    MissingSheet { at: Box<Place>, sheets: Vec<String> },
    /// The file or sheet holds nothing, not even a header row.
    Empty { at: Box<Place> },
    /// A column the header must have is not there.
    MissingColumn { at: Box<Place> },
    /// A header name that is not one of the table's columns.
    UnknownColumn { at: Box<Place>, name: String },
    /// A header name given twice; `first` is the cell of the first one.
    DuplicateColumn { at: Box<Place>, first: String },
    /// A value in a column with an empty header, or right of the last header cell.
    ValueWithoutColumn { at: Box<Place> },
    /// No row of kind `version`.
    NoVersionRow { at: Box<Place> },
    /// A second row of kind `version`; `first_row` is the row of the first.
    ExtraVersionRow { at: Box<Place>, first_row: usize },
    /// A kind other than `version`, `group` or `control`.
    UnknownKind { at: Box<Place>, value: String },
    /// An empty cell that this kind of row needs.
    Required { at: Box<Place>, kind: &'static str },
    /// A value in a column that this kind of row does not use.
    NotApplicable { at: Box<Place>, kind: &'static str },
    /// The version id has characters other than letters, digits, `.`, `_` and `-`.
    BadVersionId { at: Box<Place>, value: String },
    /// An id used before, in row `first_row`.
    DuplicateId {
        at: Box<Place>,
        id: String,
        first_row: usize,
    },
    /// A part other than `governance`, `management` or `control`.
    UnknownPart { at: Box<Place>, value: String },
    /// An objective that no group row of the table has as its id.
    UnknownObjective { at: Box<Place>, objective: String },
    /// An objective of another part than the control's.
    ObjectivePart {
        at: Box<Place>,
        objective: String,
        objective_part: Part,
        part: Part,
    },
    /// A level other than 1, 2 or 3.
    BadLevel { at: Box<Place>, value: String },
    /// A yes/no cell holding something else.
    BadBoolean { at: Box<Place>, value: String },
    /// An actor other than `provider`, `customer` or `both`.
    UnknownActor { at: Box<Place>, value: String },
    /// A service model other than `IaaS`, `PaaS` or `SaaS`.
    UnknownServiceModel { at: Box<Place>, value: String },
    /// A risk's band, category or stage that is none of `allowed` (the codes, comma-separated).
    UnknownRiskCode {
        at: Box<Place>,
        value: String,
        allowed: String,
    },
    /// A reference not written `STANDARD:CLAUSE=relation`.
    BadReference { at: Box<Place>, value: String },
    /// A reference whose relation is not `equal`, `subset`, `superset` or `intersect`.
    UnknownRelation { at: Box<Place>, value: String },
    /// A line of `technology_examples` not written `id: 名前 | name` (of `control`).
    BadExampleEntry {
        at: Box<Place>,
        control: String,
        value: String,
    },
    /// An example id that is not a short token.
    BadExampleId {
        at: Box<Place>,
        control: String,
        id: String,
    },
    /// An example id given twice in one control.
    DuplicateExampleId {
        at: Box<Place>,
        control: String,
        id: String,
    },
    /// A formula cell: the sheet must hold values, since a formula's result is whatever the
    /// program that last saved the file computed, if anything.
    Formula { at: Box<Place>, formula: String },
    /// A cell of a type the column does not take (a date, an error value, a number for an id).
    WrongCellType { at: Box<Place>, found: CellType },
    /// Writing the output failed.
    Write {
        #[source]
        source: io::Error,
    },
    /// The XLSX writer refused (e.g. a text over Excel's 32,767 characters per cell).
    XlsxWrite { detail: String },
    /// A reference the table cannot hold: it would not read back the same.
    UnwritableReference { control: String, reference: String },
    /// A technology example the table cannot hold: an id that is not a token, or a name that is
    /// empty, padded, or holds a line break or `|`.
    UnwritableExample { control: String, id: String },
    /// An objective a risk names that the table cannot hold: empty, padded, or holding `;`.
    UnwritableRiskObjective { risk: String, objective: String },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

/// Lists values for messages: `a, b or c` and `a、b、c`.
pub(crate) fn alternatives(values: &[&str]) -> (String, String) {
    let ja = values.join("、");
    let en = match values.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => values.join(""),
    };
    (ja, en)
}

fn lang_names(column: Option<&str>) -> Option<(&'static str, &'static str)> {
    let column = column?;
    if column.ends_with("_ja") {
        Some(("日本語", "Japanese"))
    } else if column.ends_with("_en") {
        Some(("英語", "English"))
    } else {
        None
    }
}

impl TableError {
    /// Where the problem is; `None` for problems writing a table.
    pub fn place(&self) -> Option<&Place> {
        use TableError::*;
        match self {
            Io { at, .. }
            | UnsupportedFormat { at }
            | NotUtf8 { at }
            | Csv { at, .. }
            | Workbook { at, .. }
            | OverLimit { at, .. }
            | MissingSheet { at, .. }
            | Empty { at }
            | MissingColumn { at }
            | UnknownColumn { at, .. }
            | DuplicateColumn { at, .. }
            | ValueWithoutColumn { at }
            | NoVersionRow { at }
            | ExtraVersionRow { at, .. }
            | UnknownKind { at, .. }
            | Required { at, .. }
            | NotApplicable { at, .. }
            | BadVersionId { at, .. }
            | DuplicateId { at, .. }
            | UnknownPart { at, .. }
            | UnknownObjective { at, .. }
            | ObjectivePart { at, .. }
            | BadLevel { at, .. }
            | BadBoolean { at, .. }
            | UnknownActor { at, .. }
            | UnknownServiceModel { at, .. }
            | UnknownRiskCode { at, .. }
            | BadReference { at, .. }
            | UnknownRelation { at, .. }
            | BadExampleEntry { at, .. }
            | BadExampleId { at, .. }
            | DuplicateExampleId { at, .. }
            | Formula { at, .. }
            | WrongCellType { at, .. } => Some(at),
            Write { .. }
            | XlsxWrite { .. }
            | UnwritableReference { .. }
            | UnwritableExample { .. }
            | UnwritableRiskObjective { .. } => None,
        }
    }

    /// What is wrong, without the place, in both languages.
    pub fn reason(&self) -> Bilingual {
        use TableError::*;
        let column = self.place().and_then(|place| place.column.as_deref());
        match self {
            Io { source, .. } => Bilingual::new(
                format!("ファイルを読めません: {source}"),
                format!("cannot read the file: {source}"),
            ),
            UnsupportedFormat { .. } => Bilingual::new(
                "表は .csv または .xlsx ファイルにしてください",
                "a table is a .csv or an .xlsx file",
            ),
            NotUtf8 { .. } => Bilingual::new(
                "UTF-8 ではありません。Excel では「CSV UTF-8 (コンマ区切り)」で保存してください",
                "not UTF-8; in Excel save as \"CSV UTF-8 (Comma delimited)\"",
            ),
            Csv { detail, .. } => Bilingual::new(
                format!("CSV として正しくありません: {detail}"),
                format!("not valid CSV: {detail}"),
            ),
            Workbook { detail, .. } => Bilingual::new(
                format!("XLSX ブックとして読めません: {detail}"),
                format!("cannot be read as an XLSX workbook: {detail}"),
            ),
            OverLimit { limit, .. } => limit.reason(),
            MissingSheet { sheets, .. } => {
                let names: Vec<&str> = sheets.iter().map(String::as_str).collect();
                let (ja, en) = alternatives(&names);
                if sheets.is_empty() {
                    Bilingual::new(
                        "シート criteria がありません（シートが 1 つもありません）",
                        "no sheet named criteria (the workbook has no sheets)",
                    )
                } else {
                    Bilingual::new(
                        format!("シート criteria がありません（あるシート: {ja}）"),
                        format!("no sheet named criteria (the sheets are {en})"),
                    )
                }
            }
            Empty { .. } => said::empty(),
            MissingColumn { .. } => said::missing_column(),
            UnknownColumn { name, .. } if name == "examples_ja" || name == "examples_en" => {
                Bilingual::new(
                    format!(
                        "「{name}」という列はありません。技術の例は technology_examples 列に 1 行 1 つ「ID: 日本語の名前 | 英語の名前」で書きます"
                    ),
                    format!(
                        "there is no column \"{name}\"; technology examples go in the column technology_examples, one \"id: Japanese name | English name\" a line"
                    ),
                )
            }
            UnknownColumn { name, .. } => Bilingual::new(
                format!("「{name}」という列はありません"),
                format!("there is no column \"{name}\""),
            ),
            DuplicateColumn { first, .. } => said::duplicate_column(first),
            ValueWithoutColumn { .. } => said::value_without_column(),
            NoVersionRow { .. } => Bilingual::new(
                "kind が version の行がありません（版の ID と見出しを書く行が 1 行必要です）",
                "no row of kind version (one row must give the version's id and title)",
            ),
            ExtraVersionRow { first_row, .. } => Bilingual::new(
                format!("version の行は 1 行だけにしてください（{first_row} 行目にもあります）"),
                format!("only one row may be of kind version (row {first_row} is one already)"),
            ),
            UnknownKind { value, .. } if value.is_empty() => Bilingual::new(
                "kind が空です。version、group、control、risk のいずれかにしてください",
                "kind is empty; it must be version, group, control or risk",
            ),
            UnknownKind { value, .. } => Bilingual::new(
                format!("kind「{value}」は version、group、control、risk のいずれでもありません"),
                format!("kind \"{value}\" is not version, group, control or risk"),
            ),
            Required { kind, .. } => match lang_names(column) {
                Some((ja, en)) => Bilingual::new(
                    format!("{kind} の行には{ja}の文が必要です"),
                    format!("a {kind} row needs the {en} text"),
                ),
                None => said::required(kind),
            },
            NotApplicable { kind, .. } => said::not_applicable(kind),
            BadVersionId { value, .. } => Bilingual::new(
                format!(
                    "版の ID「{value}」は英数字と . _ - の 64 文字以内（diff 以外）にしてください"
                ),
                format!(
                    "version id \"{value}\" must be 1 to 64 letters, digits, '.', '_' or '-', other than \"diff\""
                ),
            ),
            DuplicateId { id, first_row, .. } => Bilingual::new(
                format!("ID {id} は {first_row} 行目でも使われています"),
                format!("id {id} is used in row {first_row} already"),
            ),
            UnknownPart { value, .. } => Bilingual::new(
                format!("部「{value}」は governance、management、control のいずれでもありません"),
                format!("part \"{value}\" is not governance, management or control"),
            ),
            UnknownObjective { objective, .. } => Bilingual::new(
                format!("統制目標 {objective} の group 行が表にありません"),
                format!("objective {objective} is not a group of the table"),
            ),
            ObjectivePart {
                objective,
                objective_part,
                part,
                ..
            } => Bilingual::new(
                format!(
                    "統制目標 {objective} は {} の group ですが、この行は {} です",
                    objective_part.code(),
                    part.code()
                ),
                format!(
                    "objective {objective} is a {} group but this row is {}",
                    objective_part.code(),
                    part.code()
                ),
            ),
            BadLevel { value, .. } => Bilingual::new(
                format!("レベル {value} は 1、2、3 のいずれでもありません"),
                format!("level {value} is not 1, 2 or 3"),
            ),
            BadBoolean { value, .. } => Bilingual::new(
                format!("「{value}」は yes/no（true/false、1/0、はい/いいえ）ではありません"),
                format!("\"{value}\" is not yes or no (nor true/false, 1/0, はい/いいえ)"),
            ),
            UnknownActor { value, .. } => Bilingual::new(
                format!("実施者「{value}」は provider、customer、both のいずれでもありません"),
                format!("actor \"{value}\" is not provider, customer or both"),
            ),
            UnknownServiceModel { value, .. } => Bilingual::new(
                format!("サービスモデル「{value}」は IaaS、PaaS、SaaS のいずれでもありません"),
                format!("service model \"{value}\" is not IaaS, PaaS or SaaS"),
            ),
            UnknownRiskCode { value, allowed, .. } => Bilingual::new(
                format!("「{value}」は {allowed} のいずれでもありません"),
                format!("\"{value}\" is not one of {allowed}"),
            ),
            BadReference { value, .. } => Bilingual::new(
                format!(
                    "参照「{value}」は 規格:条項=関係 の形ではありません（例: ISO27002:9.2.3=subset）"
                ),
                format!(
                    "reference \"{value}\" is not STANDARD:CLAUSE=relation (e.g. ISO27002:9.2.3=subset)"
                ),
            ),
            UnknownRelation { value, .. } => Bilingual::new(
                format!(
                    "関係「{value}」は equal、subset、superset、intersect のいずれでもありません"
                ),
                format!("relation \"{value}\" is not equal, subset, superset or intersect"),
            ),
            BadExampleEntry { control, value, .. } => Bilingual::new(
                format!(
                    "管理策 {control} の技術の例「{value}」は「ID: 日本語の名前 | 英語の名前」の形ではありません（例: mfa: 多要素認証 | Multi-factor authentication）"
                ),
                format!(
                    "technology example \"{value}\" of control {control} is not \"id: Japanese name | English name\" (e.g. mfa: 多要素認証 | Multi-factor authentication)"
                ),
            ),
            BadExampleId { control, id, .. } => {
                ExampleProblem::BadExampleId { id: id.clone() }.message_for(control)
            }
            DuplicateExampleId { control, id, .. } => {
                ExampleProblem::DuplicateExampleId { id: id.clone() }.message_for(control)
            }
            Formula { formula, .. } => said::formula(formula),
            WrongCellType { found, .. } => said::wrong_cell_type(*found),
            Write { source } => said::cannot_write(source),
            XlsxWrite { detail } => said::cannot_make_xlsx(detail),
            UnwritableRiskObjective { risk, objective } => Bilingual::new(
                format!(
                    "リスク {risk} の統制目標「{objective}」は表に書けません（; を含むか、空か、前後に空白があります）"
                ),
                format!(
                    "objective \"{objective}\" of risk {risk} cannot be held in a table (a ';', nothing, or surrounding spaces)"
                ),
            ),
            UnwritableReference { control, reference } => Bilingual::new(
                format!(
                    "管理策 {control} の参照「{reference}」は表に書けません（規格名に : や ;、条項に ; を含むか、空か、前後に空白があります）"
                ),
                format!(
                    "reference \"{reference}\" of control {control} cannot be held in a table (a ':' or ';' in the standard, a ';' in the clause, an empty part or surrounding spaces)"
                ),
            ),
            UnwritableExample { control, id } => Bilingual::new(
                format!(
                    "管理策 {control} の技術の例 {id} は表に書けません（ID が英小文字・数字・- _ . でないか、名前が空か、前後に空白があるか、改行や | を含みます）"
                ),
                format!(
                    "technology example {id} of control {control} cannot be held in a table (an id other than lowercase letters, digits, - _ ., or a name that is empty, padded, or holds a line break or '|')"
                ),
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

    /// Sort key: problems of the whole file first, then by row and column; in a row, problems
    /// of no one cell (a column missing from the header) come last.
    pub(crate) fn order(&self) -> (usize, usize) {
        let place = self.place();
        let row = place.and_then(|place| place.row).unwrap_or(0);
        let column = place
            .and_then(|place| place.cell.as_deref())
            .map_or(usize::MAX, column_index);
        (row, column)
    }
}

/// The 1-based column number of a cell reference (`F12` → 6), for ordering.
pub(crate) fn column_index(cell: &str) -> usize {
    cell.bytes()
        .take_while(u8::is_ascii_uppercase)
        .fold(0, |acc, letter| {
            acc.saturating_mul(26)
                .saturating_add(usize::from(letter - b'A' + 1))
        })
}

/// Every problem of a table, sorted by row (problems of the whole file first), or the first
/// [`MAX_PROBLEMS`] found and the count of the others. Never empty.
#[derive(Debug)]
pub struct TableErrors {
    first: TableError,
    rest: Vec<TableError>,
    omitted: usize,
}

/// Problems collected while a table is read: the first [`MAX_PROBLEMS`] are kept, the others
/// only counted, so that a file with a million wrong cells costs no more than one with a
/// thousand.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    kept: Vec<TableError>,
    omitted: usize,
}

impl Problems {
    pub(crate) fn push(&mut self, problem: TableError) {
        if u64::try_from(self.kept.len()).unwrap_or(u64::MAX) < MAX_PROBLEMS {
            self.kept.push(problem);
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

impl TableErrors {
    /// Sorts the problems kept; `None` when there are none.
    pub(crate) fn new(problems: Problems) -> Option<TableErrors> {
        let Problems { mut kept, omitted } = problems;
        kept.sort_by_key(TableError::order);
        let mut kept = kept.into_iter();
        let first = kept.next()?;
        Some(TableErrors {
            first,
            rest: kept.collect(),
            omitted,
        })
    }

    pub(crate) fn one(problem: TableError) -> TableErrors {
        TableErrors {
            first: problem,
            rest: Vec::new(),
            omitted: 0,
        }
    }

    /// The problem in the earliest row.
    pub fn first(&self) -> &TableError {
        &self.first
    }

    pub fn into_first(self) -> TableError {
        self.first
    }

    /// The problems listed; see [`TableErrors::omitted`] for those only counted.
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// How many problems were found past the first [`MAX_PROBLEMS`] and not listed.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// What to say of the problems not listed, if there are any.
    pub fn omitted_message(&self) -> Option<Bilingual> {
        (self.omitted > 0).then(|| {
            let count = grouped(u64::try_from(self.omitted).unwrap_or(u64::MAX));
            Bilingual::new(
                format!(
                    "ほかに {count} 件の問題があります（最初の {} 件だけを示しています）",
                    grouped(MAX_PROBLEMS)
                ),
                format!(
                    "and {count} more problems (only the first {} are listed)",
                    grouped(MAX_PROBLEMS)
                ),
            )
        })
    }

    /// Always false; here because clippy expects it beside `len`.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn iter(&self) -> impl Iterator<Item = &TableError> {
        std::iter::once(&self.first).chain(&self.rest)
    }

    pub fn into_vec(self) -> Vec<TableError> {
        let mut all = Vec::with_capacity(self.len());
        all.push(self.first);
        all.extend(self.rest);
        all
    }
}

impl fmt::Display for TableErrors {
    /// One problem a line.
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

impl std::error::Error for TableErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_reads_like_the_spreadsheet() {
        let place = Place {
            file: "c.xlsx".to_owned(),
            sheet: Some("criteria".to_owned()),
            row: Some(12),
            column: Some("min_level".to_owned()),
            cell: Some("K12".to_owned()),
        };
        let error = TableError::BadLevel {
            at: Box::new(place),
            value: "4".to_owned(),
        };
        assert_eq!(
            error.to_string(),
            "c.xlsx: sheet criteria, row 12, column min_level (K12): level 4 is not 1, 2 or 3"
        );
        assert_eq!(
            error.message().ja,
            "c.xlsx: シート criteria、12 行目、列 min_level (K12): レベル 4 は 1、2、3 のいずれでもありません"
        );
        assert_eq!(error.order(), (12, 11));
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(
            alternatives(&["a", "b", "c"]),
            ("a、b、c".to_owned(), "a, b or c".to_owned())
        );
        assert_eq!(alternatives(&["a"]).1, "a");
        assert_eq!(column_index("AA3"), 27);
    }
}
