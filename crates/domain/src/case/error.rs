//! What can be wrong with a case file, in words for the user in both languages.

use std::fmt;

use super::bounds::MAX_NESTING;
use super::pointer::Pointer;
use crate::text::{Bilingual, Lang};

/// The JSON kinds a field can have, to say what was expected and what was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    pub fn of(value: &serde_json::Value) -> JsonKind {
        match value {
            serde_json::Value::Null => JsonKind::Null,
            serde_json::Value::Bool(_) => JsonKind::Boolean,
            serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => JsonKind::Integer,
            serde_json::Value::Number(_) => JsonKind::Number,
            serde_json::Value::String(_) => JsonKind::String,
            serde_json::Value::Array(_) => JsonKind::Array,
            serde_json::Value::Object(_) => JsonKind::Object,
        }
    }

    fn name(self) -> Bilingual {
        let (ja, en) = match self {
            JsonKind::Null => ("null", "null"),
            JsonKind::Boolean => ("真偽値", "a boolean"),
            JsonKind::Integer => ("整数", "an integer"),
            JsonKind::Number => ("数値", "a number"),
            JsonKind::String => ("文字列", "a string"),
            JsonKind::Array => ("配列", "an array"),
            JsonKind::Object => ("オブジェクト", "an object"),
        };
        Bilingual::new(ja, en)
    }
}

/// How a text failed to be JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    /// The text ends before the document does.
    Truncated,
    /// Nesting beyond what the reader accepts.
    TooDeep,
    Invalid,
}

/// What a length is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthUnit {
    /// Unicode characters (code points), as JSON Schema's `maxLength` counts them.
    Characters,
    /// Members of an array.
    Items,
    /// Bytes of the whole case text.
    Bytes,
}

impl LengthUnit {
    fn name(self) -> Bilingual {
        match self {
            LengthUnit::Characters => Bilingual::new("文字", "characters"),
            LengthUnit::Items => Bilingual::new("件", "items"),
            LengthUnit::Bytes => Bilingual::new("バイト", "bytes"),
        }
    }
}

/// The kind of thing an id refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    Objective,
    Control,
    Service,
    /// An item of the governance criteria.
    GovernanceItem,
    /// An item of the management criteria.
    ManagementItem,
    /// One of an audit body's auditors, named in its application to be selected.
    Auditor,
}

impl Referent {
    fn name(self) -> Bilingual {
        match self {
            Referent::Objective => Bilingual::new("統制目標", "control objective"),
            Referent::Control => Bilingual::new("詳細管理策", "control"),
            Referent::Service => Bilingual::new("サービス", "service"),
            Referent::GovernanceItem => Bilingual::new("ガバナンス基準の項目", "governance item"),
            Referent::ManagementItem => Bilingual::new("マネジメント基準の項目", "management item"),
            Referent::Auditor => Bilingual::new("監査人", "auditor"),
        }
    }
}

/// Why a case is malformed. Each variant has a stable code for machines and a message for people.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The text is not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        kind: SyntaxKind,
        /// The parser's own English wording, shown to English readers.
        detail: String,
    },
    MissingField,
    WrongType {
        expected: JsonKind,
        found: JsonKind,
    },
    IntegerOutOfRange {
        min: u64,
        max: u64,
        found: String,
    },
    NumberOutOfRange {
        min: f64,
        max: f64,
        found: f64,
    },
    UnknownValue {
        allowed: Vec<&'static str>,
        found: String,
    },
    UnknownReference {
        referent: Referent,
        id: String,
    },
    Duplicate {
        referent: Referent,
        id: String,
    },
    Empty,
    /// A string, list or whole case longer than its documented bound.
    TooLong {
        max: usize,
        found: usize,
        unit: LengthUnit,
    },
    InvalidDate {
        found: String,
    },
    /// Fields that are each fine but do not fit together.
    Inconsistent(Bilingual),
}

impl Problem {
    /// Every code [`Problem::code`] can return.
    pub const CODES: [&'static str; 11] = [
        "syntax",
        "missing_field",
        "wrong_type",
        "out_of_range",
        "unknown_value",
        "unknown_reference",
        "duplicate",
        "empty",
        "too_long",
        "invalid_date",
        "inconsistent",
    ];

    /// A stable, language-neutral code (the HTTP API returns it).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Syntax { .. } => "syntax",
            Problem::MissingField => "missing_field",
            Problem::WrongType { .. } => "wrong_type",
            Problem::IntegerOutOfRange { .. } | Problem::NumberOutOfRange { .. } => "out_of_range",
            Problem::UnknownValue { .. } => "unknown_value",
            Problem::UnknownReference { .. } => "unknown_reference",
            Problem::Duplicate { .. } => "duplicate",
            Problem::Empty => "empty",
            Problem::TooLong { .. } => "too_long",
            Problem::InvalidDate { .. } => "invalid_date",
            Problem::Inconsistent(_) => "inconsistent",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            Problem::Syntax { kind, detail, .. } => {
                if *kind == SyntaxKind::TooDeep {
                    return Bilingual::new(
                        format!(
                            "JSON の入れ子が深すぎます（配列とオブジェクトは {MAX_NESTING} 段まで）"
                        ),
                        format!(
                            "not valid JSON: nested deeper than {MAX_NESTING} arrays and objects ({detail})"
                        ),
                    );
                }
                let ja = match kind {
                    SyntaxKind::Truncated => "JSON が途中で終わっています",
                    SyntaxKind::TooDeep | SyntaxKind::Invalid => "JSON の構文が正しくありません",
                };
                Bilingual::new(ja, format!("not valid JSON: {detail}"))
            }
            Problem::MissingField => {
                Bilingual::new("必須の項目がありません", "required field is missing")
            }
            Problem::WrongType { expected, found } => Bilingual::new(
                format!(
                    "{}であるべきところが{}です",
                    expected.name().ja,
                    found.name().ja
                ),
                format!("expected {}, found {}", expected.name().en, found.name().en),
            ),
            Problem::IntegerOutOfRange { min, max, found } => Bilingual::new(
                format!("{min} から {max} までの整数であるべきところが {found} です"),
                format!("must be an integer from {min} to {max}, found {found}"),
            ),
            Problem::NumberOutOfRange { min, max, found } => Bilingual::new(
                format!("{min} から {max} までの数値であるべきところが {found} です"),
                format!("must be a number from {min} to {max}, found {found}"),
            ),
            Problem::UnknownValue { allowed, found } => {
                let list = allowed.join(", ");
                let found = echo(found);
                Bilingual::new(
                    format!("「{found}」は使えません。使える値: {list}"),
                    format!("unknown value \"{found}\"; allowed: {list}"),
                )
            }
            Problem::UnknownReference { referent, id } => {
                let name = referent.name();
                Bilingual::new(
                    format!("{} 「{id}」 はこのケースにありません", name.ja),
                    format!("{} \"{id}\" does not exist in this case", name.en),
                )
            }
            Problem::Duplicate { referent, id } => {
                let name = referent.name();
                Bilingual::new(
                    format!("{} 「{id}」 が重複しています", name.ja),
                    format!("{} \"{id}\" appears more than once", name.en),
                )
            }
            Problem::Empty => Bilingual::new("空にはできません", "must not be empty"),
            Problem::TooLong { max, found, unit } => {
                let unit = unit.name();
                Bilingual::new(
                    format!(
                        "{max} {ja}以内であるべきところが {found} {ja}あります",
                        ja = unit.ja
                    ),
                    format!("must be at most {max} {en}, found {found}", en = unit.en),
                )
            }
            Problem::InvalidDate { found } => {
                let found = echo(found);
                Bilingual::new(
                    format!("YYYY-MM-DD 形式の実在する日付であるべきところが「{found}」です"),
                    format!("must be an existing date written YYYY-MM-DD, found \"{found}\""),
                )
            }
            Problem::Inconsistent(message) => message.clone(),
        }
    }
}

/// The most of a refused value a message repeats, so that an error stays short whatever the case.
const MAX_ECHO_CHARS: usize = 64;

/// `text`, cut to [`MAX_ECHO_CHARS`] characters with an ellipsis when longer.
fn echo(text: &str) -> String {
    match text.char_indices().nth(MAX_ECHO_CHARS) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// A malformed case: where (JSON pointer, or line and column for syntax errors) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseError {
    pub pointer: Pointer,
    pub problem: Problem,
}

impl CaseError {
    pub fn new(pointer: Pointer, problem: Problem) -> CaseError {
        CaseError { pointer, problem }
    }

    /// Where the problem is, as the user should read it: a JSON pointer, or a line and column
    /// when the text could not be read as JSON.
    pub fn place(&self, lang: Lang) -> String {
        match (&self.problem, lang) {
            (Problem::Syntax { line, column, .. }, Lang::Ja) => format!("{line} 行 {column} 列"),
            (Problem::Syntax { line, column, .. }, Lang::En) => {
                format!("line {line} column {column}")
            }
            _ => self.pointer.to_string(),
        }
    }

    /// `place (why)`, the tail of the `error: FILE: place (why)` line.
    pub fn describe(&self, lang: Lang) -> String {
        format!(
            "{} ({})",
            self.place(lang),
            self.problem.message().get(lang)
        )
    }
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for CaseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_value_is_repeated_only_in_part() {
        let long = "ケ".repeat(10_000);
        for problem in [
            Problem::UnknownValue {
                allowed: vec!["daily"],
                found: long.clone(),
            },
            Problem::InvalidDate {
                found: long.clone(),
            },
        ] {
            let message = problem.message();
            for text in [&message.ja, &message.en] {
                assert!(text.chars().count() < 200, "{text}");
                assert!(text.contains(&format!("{}…", "ケ".repeat(MAX_ECHO_CHARS))));
            }
        }
        let short = Problem::UnknownValue {
            allowed: vec!["daily"],
            found: "hourly".to_owned(),
        };
        assert_eq!(
            short.message().en,
            "unknown value \"hourly\"; allowed: daily"
        );
    }
}
