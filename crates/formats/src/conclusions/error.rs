//! What can be wrong with a conclusions file beyond what every form shares
//! ([`FormError`](crate::sheet_form::FormError)): its conclusions, their reasons and the ids
//! they are on, in Japanese and English, as the statement and criteria tables say it.

use shinrai_domain::text::Bilingual;

use crate::sheet_form::{FormError, FormErrors, FormProblem};
use crate::table::Place;

/// One problem reading or writing a conclusions file.
pub type ConclusionsError = FormError<ConclusionsProblem>;

/// Every problem of a conclusions file, sorted by place.
pub type ConclusionsErrors = FormErrors<ConclusionsProblem>;

/// A problem only a conclusions file has.
#[derive(Debug)]
pub enum ConclusionsProblem {
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
}

fn kind_names(kind: &str) -> (&'static str, &'static str) {
    if kind == "objective" {
        ("統制目標", "control objective")
    } else {
        ("詳細管理策", "detailed control")
    }
}

impl FormProblem for ConclusionsProblem {
    fn place(&self) -> Option<&Place> {
        use ConclusionsProblem::*;
        match self {
            UnknownConclusion { at, .. }
            | ReasonWithoutConclusion { at, .. }
            | ReasonMissing { at }
            | Duplicate { at, .. }
            | Unknown { at, .. }
            | NotSelected { at, .. } => Some(at),
        }
    }

    fn code(&self) -> &'static str {
        use ConclusionsProblem::*;
        match self {
            UnknownConclusion { .. } => "unknown_conclusion",
            ReasonWithoutConclusion { .. } => "reason_without_conclusion",
            ReasonMissing { .. } => "reason_missing",
            Duplicate { .. } => "duplicate",
            Unknown { kind, .. } if *kind == "objective" => "unknown_objective",
            Unknown { .. } => "unknown_control",
            NotSelected { .. } => "not_selected",
        }
    }

    fn reason(&self) -> Bilingual {
        use ConclusionsProblem::*;
        match self {
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
        }
    }
}
