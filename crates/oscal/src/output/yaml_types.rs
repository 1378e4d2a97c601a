//! Which strings a YAML reader would not read back as strings if written plain (unquoted).
//!
//! Readers disagree: YAML 1.1 ones (PyYAML, and compliance-trestle through it) read `yes`, `on`,
//! `2024-01-01`, `012` (octal), `1:20` (base 60) or `1_000` as booleans, timestamps and numbers;
//! YAML 1.2 ones read `1e3` and `0o7` as numbers. A string is written plain only when no reader of
//! either version would type it, so these patterns are the union of both versions' implicit types
//! (the YAML 1.1 type repository and the YAML 1.2 core schema), deliberately a little wider than
//! either: quoting a string that did not need it costs nothing.

use std::sync::LazyLock;

use regex::RegexSet;

/// Anchored patterns, one per implicit type.
const PATTERNS: [&str; 9] = [
    // null (both versions); the empty string is handled by the caller.
    r"^(?:~|(?i:null))$",
    // booleans: YAML 1.1's y/n/yes/no/on/off/true/false, in any case.
    r"^(?i:y|n|yes|no|on|off|true|false)$",
    // integers: decimal and 1.1's leading-zero octal (underscores allowed), binary, octal, hex.
    r"^[-+]?(?:[0-9][0-9_]*|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+)$",
    // base 60 integers and floats (YAML 1.1).
    r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$",
    // floats with a point: 1.1's pattern lets the digits after it hold more points (`1.2.3`).
    r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9._]*(?:[eE][-+]?[0-9]+)?$",
    // floats with an exponent and no point (YAML 1.2).
    r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$",
    // infinity and not-a-number.
    r"^[-+]?\.(?i:inf|nan)$",
    // YAML 1.1 timestamps: a date, optionally with a time and zone.
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*Z|[ \t]*[-+][0-9]{1,2}(?::[0-9]{2})?)?)?$",
    // YAML 1.1's merge key and value key.
    r"^(?:<<|=)$",
];

static IMPLICIT_TYPES: LazyLock<Option<RegexSet>> = LazyLock::new(|| RegexSet::new(PATTERNS).ok());

/// Whether a YAML 1.1 or 1.2 reader would give the plain scalar `text` a type other than string.
/// (If the patterns failed to compile, which a test rules out, every string counts as typed and
/// is quoted: safe, only less tidy.)
pub(crate) fn reads_as_other_type(text: &str) -> bool {
    if text.is_empty() {
        return true;
    }
    IMPLICIT_TYPES.as_ref().is_none_or(|set| set.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_compile() {
        assert!(IMPLICIT_TYPES.is_some());
    }

    #[test]
    fn typed_scalars_of_either_version_are_recognised() {
        for text in [
            "",
            "~",
            "null",
            "NULL",
            "nUll",
            "y",
            "N",
            "yes",
            "No",
            "ON",
            "off",
            "True",
            "fAlse",
            "0",
            "12",
            "-7",
            "+3",
            "012",
            "09",
            "1_000",
            "0b101",
            "0o17",
            "0x1F",
            "0x_1f",
            "1:20",
            "-190:20:30",
            "1:20.5",
            "1.0",
            "1.",
            ".5",
            "-.5",
            "1.2.3",
            "1.0e+3",
            "1e3",
            "1E-3",
            "6.8523015e+5",
            ".inf",
            "-.Inf",
            "+.INF",
            ".nan",
            ".NaN",
            "2024-01-01",
            "2024-1-1",
            "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5",
            "2001-12-15T02:59:43.1Z",
            "2001-12-14 21:59:43.10 Z",
            "<<",
            "=",
        ] {
            assert!(reads_as_other_type(text), "{text:?}");
        }
    }

    #[test]
    fn ordinary_strings_are_not() {
        for text in [
            "yesterday",
            "onward",
            "nil",
            "None",
            "1.0a",
            "v1.2",
            "1-2",
            "2024-01",
            "2024-01-01x",
            "12:30 pm",
            "0x",
            "0b",
            "ac-1",
            "ac-1_prm_1",
            "e3",
            "inf",
            "nan",
            ".",
            "<",
            "==",
            "91f646c5-b1b6-4786-9ec3-2305a044e217",
            "AC-2 (3)",
            "fedramp2.1.0-oscal1.0.4",
        ] {
            // `.` is a 1.1 float by the type repository's pattern; the rest are plain strings.
            assert_eq!(reads_as_other_type(text), text == ".", "{text:?}");
        }
    }
}
