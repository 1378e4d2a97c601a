//! Writing a JSON value as block-style YAML that YAML 1.1 and 1.2 readers both read back as the
//! same JSON.
//!
//! serde_norway decides quoting by its own (YAML 1.2) reading, so it leaves `yes`, `on`, `012`,
//! `1_000` or `2024-01-01` unquoted, and YAML 1.1 readers then see booleans, numbers and dates.
//! This writer chooses each scalar's style itself:
//! - plain, only when the text cannot be mistaken for syntax or another type ([`yaml_types`]);
//! - a literal block (`|`) for multi-line text that a block can carry exactly;
//! - otherwise double-quoted, with every character YAML does not allow raw escaped.
//!
//! Layout follows serde_norway's (two spaces, sequences in mappings not indented), so documents
//! look as before.
//!
//! [`yaml_types`]: super::yaml_types

use serde_json::{Map, Number, Value};

use super::yaml_types::reads_as_other_type;

/// The document `value` as YAML text, ending in a newline.
pub(crate) fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => mapping(&mut out, map, 0, false),
        Value::Array(items) if !items.is_empty() => sequence(&mut out, items, 0, false),
        scalar => {
            inline_scalar(&mut out, scalar, 2);
            out.push('\n');
        }
    }
    out
}

/// Implicit keys are limited to 1024 characters by YAML; longer ones are written explicitly.
const MAX_IMPLICIT_KEY: usize = 1000;

/// The entries of a non-empty mapping at `indent`; with `inline_first` the first entry continues
/// the current line (after a sequence's `- `).
fn mapping(out: &mut String, map: &Map<String, Value>, indent: usize, inline_first: bool) {
    for (index, (key, value)) in map.iter().enumerate() {
        if index > 0 || !inline_first {
            pad(out, indent);
        }
        let mut written_key = String::new();
        single_line_string(&mut written_key, key);
        if written_key.len() > MAX_IMPLICIT_KEY {
            out.push_str("? ");
            out.push_str(&written_key);
            out.push('\n');
            pad(out, indent);
        } else {
            out.push_str(&written_key);
        }
        out.push(':');
        node_after_indicator(out, value, indent, true);
    }
}

/// The items of a non-empty sequence at `indent`, as [`mapping`].
fn sequence(out: &mut String, items: &[Value], indent: usize, inline_first: bool) {
    for (index, item) in items.iter().enumerate() {
        if index > 0 || !inline_first {
            pad(out, indent);
        }
        out.push('-');
        node_after_indicator(out, item, indent, false);
    }
}

/// A node after `key:` or `-` (nothing written after the indicator yet) in a collection at
/// `indent`. Collections under a key start on the next line (sequences at the key's own
/// indentation); under `-` they start on the same line.
fn node_after_indicator(out: &mut String, value: &Value, indent: usize, after_key: bool) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            if after_key {
                out.push('\n');
                mapping(out, map, indent + 2, false);
            } else {
                out.push(' ');
                mapping(out, map, indent + 2, true);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            if after_key {
                out.push('\n');
                sequence(out, items, indent, false);
            } else {
                out.push(' ');
                sequence(out, items, indent + 2, true);
            }
        }
        scalar => {
            out.push(' ');
            inline_scalar(out, scalar, indent + 2);
            out.push('\n');
        }
    }
}

/// A scalar or an empty collection; a literal block's lines are indented by `block_indent`.
fn inline_scalar(out: &mut String, value: &Value, block_indent: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => out.push_str(&number_text(number)),
        Value::String(text) if fits_literal_block(text) => literal_block(out, text, block_indent),
        Value::String(text) => single_line_string(out, text),
        Value::Array(_) => out.push_str("[]"),
        Value::Object(_) => out.push_str("{}"),
    }
}

/// A number as both YAML versions read it: YAML 1.1 wants a point and a signed exponent in
/// floats (`1.0e+300`, not serde_json's `1e300`, which it would read as a string).
fn number_text(number: &Number) -> String {
    let text = number.to_string();
    if !number.is_f64() {
        return text;
    }
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (text.as_str(), None),
    };
    let mut written = mantissa.to_owned();
    if !written.contains('.') {
        written.push_str(".0");
    }
    if let Some(exponent) = exponent {
        written.push('e');
        if !exponent.starts_with(['-', '+']) {
            written.push('+');
        }
        written.push_str(exponent);
    }
    written
}

/// A string on one line: plain when that is safe, else double-quoted.
fn single_line_string(out: &mut String, text: &str) {
    if is_plain_safe(text) {
        out.push_str(text);
    } else {
        double_quoted(out, text);
    }
}

/// First characters that would start YAML syntax instead of a plain scalar.
const INDICATORS: &[char] = &[
    '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
];

/// Whether `text` can be written unquoted and read back as this same string by any reader.
fn is_plain_safe(text: &str) -> bool {
    let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) else {
        return false;
    };
    !INDICATORS.contains(&first)
        && !first.is_whitespace()
        && !last.is_whitespace()
        && last != ':'
        && !text.starts_with("...")
        && !text.contains(": ")
        && !text.contains(" #")
        && text
            .chars()
            .all(|c| c != '\t' && is_printable(c) && !is_break(c))
        && !reads_as_other_type(text)
}

/// Characters YAML (both versions) allows unescaped in a document, tab aside.
fn is_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && c != '\u{FEFF}'
}

/// Line breaks, YAML 1.1's included (NEL, LINE and PARAGRAPH SEPARATOR).
fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Multi-line text a literal block carries exactly: only `\n` breaks, nothing that needs escaping,
/// no line of blanks only (its spaces would be read as indentation), and a first non-empty line
/// that does not start with a blank (which would change the detected indentation).
fn fits_literal_block(text: &str) -> bool {
    if !text.contains('\n') || text.trim().is_empty() {
        return false;
    }
    let clean = text
        .chars()
        .all(|c| c == '\n' || c == '\t' || (is_printable(c) && !is_break(c)));
    let no_blank_lines = text
        .split('\n')
        .all(|line| line.is_empty() || !line.trim_matches([' ', '\t']).is_empty());
    let first_starts_clean = text
        .split('\n')
        .find(|line| !line.is_empty())
        .is_some_and(|line| !line.starts_with([' ', '\t']));
    clean && no_blank_lines && first_starts_clean
}

/// `|`, with the chomping indicator that keeps exactly the text's final newlines.
fn literal_block(out: &mut String, text: &str, indent: usize) {
    let body = text.trim_end_matches('\n');
    let final_newlines = text.len() - body.len();
    out.push_str(match final_newlines {
        0 => "|-",
        1 => "|",
        _ => "|+",
    });
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            pad(out, indent);
            out.push_str(line);
        }
    }
    // The last newline ends the block's line (written by the caller); the others are kept.
    for _ in 1..final_newlines {
        out.push('\n');
    }
}

/// `"..."` with YAML escapes (valid in YAML 1.1 and 1.2) for everything not printable.
fn double_quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_printable(c) && !is_break(c) => out.push(c),
            c if u32::from(c) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn layout_matches_block_style() {
        let value =
            json!({"a": {"b": [1, {"c": "x", "d": []}, [2, 3]], "e": {}}, "f": "two\nlines\n"});
        assert_eq!(
            to_yaml(&value),
            "a:\n  b:\n  - 1\n  - c: x\n    d: []\n  - - 2\n    - 3\n  e: {}\nf: |\n  two\n  lines\n"
        );
    }

    #[test]
    fn strings_typed_by_either_yaml_version_are_quoted() {
        let value = json!({"yes": "no", "d": "2024-01-01", "o": "012", "u": "1_000", "s": "1:20",
            "v": "1.0.4", "e": "1e3", "z": "~", "m": "<<", "k": "ok"});
        assert_eq!(
            to_yaml(&value),
            "\"yes\": \"no\"\nd: \"2024-01-01\"\no: \"012\"\nu: \"1_000\"\ns: \"1:20\"\nv: \"1.0.4\"\ne: \"1e3\"\nz: \"~\"\nm: \"<<\"\nk: ok\n"
        );
    }

    #[test]
    fn floats_carry_a_point_and_a_signed_exponent() {
        let value = json!([1e300, 2.5e-7, 100.0, 3, -4]);
        assert_eq!(
            to_yaml(&value),
            "- 1.0e+300\n- 2.5e-7\n- 100.0\n- 3\n- -4\n"
        );
    }

    #[test]
    fn text_a_block_cannot_carry_is_escaped() {
        assert_eq!(
            to_yaml(&json!([
                "a\r\nb",
                " lead\nx",
                "x\n  \ny",
                "\u{85}",
                "tab\there",
                "\u{2028}"
            ])),
            "- \"a\\r\\nb\"\n- \" lead\\nx\"\n- \"x\\n  \\ny\"\n- \"\\u0085\"\n- \"tab\\there\"\n- \"\\u2028\"\n"
        );
    }

    #[test]
    fn literal_blocks_keep_final_newlines() {
        assert_eq!(to_yaml(&json!({"a": "x\ny"})), "a: |-\n  x\n  y\n");
        assert_eq!(
            to_yaml(&json!({"a": "x\n\ny\n\n"})),
            "a: |+\n  x\n\n  y\n\n"
        );
    }
}
