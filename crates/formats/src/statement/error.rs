//! What can be wrong with a statement file beyond what every form shares
//! ([`FormError`](crate::sheet_form::FormError)): its statement row, its codes, its answers'
//! rules and its technologies, in Japanese and English, as the criteria tables say it.

use shinrai_domain::criteria::Part;
use shinrai_domain::text::Bilingual;

use crate::sheet_form::{FormError, FormErrors, FormProblem};
use crate::table::Place;

/// One problem reading or writing a statement file.
pub type StatementError = FormError<StatementProblem>;

/// Every problem of a statement file, sorted by place.
pub type StatementErrors = FormErrors<StatementProblem>;

/// A problem only a statement file has.
#[derive(Debug)]
pub enum StatementProblem {
    /// No statement row (CSV) or no row on the sheet `statement`.
    NoStatementRow { at: Box<Place> },
    /// A second statement row.
    ExtraStatementRow { at: Box<Place>, first_row: usize },
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
    /// A technology the table cannot hold: empty, padded, or with a line break.
    UnwritableTechnology { control: String, technology: String },
}

fn part_names(part: Part) -> (&'static str, &'static str) {
    match part {
        Part::Governance => ("ガバナンス項目", "governance item"),
        Part::Management => ("マネジメント項目", "management item"),
        Part::Control => ("詳細管理策", "detailed control"),
    }
}

impl FormProblem for StatementProblem {
    fn place(&self) -> Option<&Place> {
        use StatementProblem::*;
        match self {
            NoStatementRow { at }
            | ExtraStatementRow { at, .. }
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
            | TooManyTechnologies { at, .. } => Some(at),
            UnwritableTechnology { .. } => None,
        }
    }

    fn code(&self) -> &'static str {
        use StatementProblem::*;
        match self {
            NoStatementRow { .. } => "no_statement_row",
            ExtraStatementRow { .. } => "extra_statement_row",
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
            UnwritableTechnology { .. } => "unwritable_technology",
        }
    }

    fn reason(&self) -> Bilingual {
        use StatementProblem::*;
        match self {
            NoStatementRow { .. } => Bilingual::new(
                "言明書の行（管理基準の版と目標レベル）がありません",
                "no statement row (the criteria version and the target level)",
            ),
            ExtraStatementRow { first_row, .. } => Bilingual::new(
                format!("言明書の行は 1 行だけにしてください（{first_row} 行目にもあります）"),
                format!("only one statement row is allowed (row {first_row} is one already)"),
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
        }
    }
}
