//! Reading case files: JSON text in, typed case or a [`CaseError`] with a JSON pointer out.

pub mod bounds;
mod error;
mod node;
mod pointer;
pub(crate) mod services;

pub use error::{CaseError, JsonKind, LengthUnit, Problem, Referent, SyntaxKind};
pub use node::{Node, Read};
pub use pointer::Pointer;

use serde_json::Value;

/// Parses a case text and hands its root to `read`. A text over [`bounds::MAX_CASE_BYTES`] is
/// refused before it is parsed.
pub fn read_case<T>(text: &str, read: impl FnOnce(&Node<'_>) -> Read<T>) -> Read<T> {
    read_case_within(text, bounds::MAX_CASE_BYTES, read)
}

/// [`read_case`] for a kind whose cases may be larger: a text over `max_bytes` is refused
/// before it is parsed.
pub fn read_case_within<T>(
    text: &str,
    max_bytes: usize,
    read: impl FnOnce(&Node<'_>) -> Read<T>,
) -> Read<T> {
    if text.len() > max_bytes {
        return Err(CaseError::new(
            Pointer::root(),
            Problem::TooLong {
                max: max_bytes,
                found: text.len(),
                unit: LengthUnit::Bytes,
            },
        ));
    }
    let value = parse_json(text)?;
    read(&Node::root(&value))
}

/// Parses JSON text; a syntax error becomes a [`CaseError`] with line and column.
pub fn parse_json(text: &str) -> Read<Value> {
    serde_json::from_str(text).map_err(|error| syntax_error(&error))
}

fn syntax_error(error: &serde_json::Error) -> CaseError {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the place is reported separately.
    let detail = match full.rfind(" at line ") {
        Some(at) => full.get(..at).unwrap_or(&full).to_owned(),
        None => full.clone(),
    };
    let kind = if error.is_eof() {
        SyntaxKind::Truncated
    } else if detail.contains("recursion limit") {
        SyntaxKind::TooDeep
    } else {
        SyntaxKind::Invalid
    };
    CaseError::new(
        Pointer::root(),
        Problem::Syntax {
            line: error.line(),
            column: error.column(),
            kind,
            detail,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = parse_json("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(err.problem.code(), "syntax");
        assert_eq!(err.place(Lang::En), "line 3 column 7");
        assert!(
            err.describe(Lang::En)
                .starts_with("line 3 column 7 (not valid JSON: expected `:`")
        );
    }

    #[test]
    fn truncated_and_deep_documents_are_told_apart() {
        let truncated = parse_json("{\"a\": [1, 2").unwrap_err();
        assert!(matches!(
            truncated.problem,
            Problem::Syntax {
                kind: SyntaxKind::Truncated,
                ..
            }
        ));
        let deep = "[".repeat(10_000);
        let too_deep = parse_json(&deep).unwrap_err();
        assert!(matches!(
            too_deep.problem,
            Problem::Syntax {
                kind: SyntaxKind::TooDeep,
                ..
            }
        ));
        assert_eq!(
            too_deep.problem.message().ja,
            "JSON の入れ子が深すぎます（配列とオブジェクトは 127 段まで）"
        );
    }

    #[test]
    fn nesting_is_bounded_where_the_docs_say() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse_json(&nested(bounds::MAX_NESTING)).is_ok());
        let error = parse_json(&nested(bounds::MAX_NESTING + 1)).unwrap_err();
        assert!(matches!(
            error.problem,
            Problem::Syntax {
                kind: SyntaxKind::TooDeep,
                ..
            }
        ));
        assert!(
            error
                .describe(Lang::En)
                .contains("nested deeper than 127 arrays and objects"),
            "{error}"
        );
    }

    #[test]
    fn a_case_text_over_the_bound_is_refused_unread() {
        let text = format!("{{\"a\": \"{}\"}}", "x".repeat(bounds::MAX_CASE_BYTES));
        let error = read_case(&text, |_| Ok(())).unwrap_err();
        assert_eq!(error.pointer, Pointer::root());
        assert_eq!(error.problem.code(), "too_long");
        let fits = format!("{{\"a\": \"{}\"}}", "x".repeat(bounds::MAX_CASE_BYTES - 10));
        assert!(read_case(&fits, |_| Ok(())).is_ok());
    }
}
