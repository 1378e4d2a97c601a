//! How shinrai's attributes are written into OSCAL and read back: names of shinrai's properties
//! and parts, values that must fit OSCAL's string and token types, and small builders.

use std::collections::HashSet;

use shinrai_oscal::model::common::{Part, Property};

/// Namespace of every property and part shinrai adds.
pub const NS: &str = "https://shinrai.dev/ns/oscal";

/// Metadata property marking a catalog written by [`export_catalog`](super::export_catalog),
/// with the format's version as value: 2 since technology examples are parts with ids (format 1
/// held them as `guidance` prose, which is still read).
pub const FORMAT_PROP: &str = "criteria-format";
pub const FORMAT_VERSION: &str = "2";

/// Property names (all in [`NS`] except [`LABEL`]).
pub mod prop {
    /// OSCAL's own `label` (no namespace): the shinrai id of a group or control.
    pub const LABEL: &str = "label";
    pub const TITLE_JA: &str = "title-ja";
    /// The English title, only when the OSCAL `title` could not hold it as it is.
    pub const TITLE_EN: &str = "title-en";
    pub const PART: &str = "part";
    pub const OBJECTIVE: &str = "objective";
    pub const MANDATORY: &str = "mandatory";
    pub const ACTOR: &str = "actor";
    pub const MIN_LEVEL: &str = "min-level";
    pub const INTEGRITY: &str = "integrity";
    pub const AVAILABILITY: &str = "availability";
    pub const SERVICE_MODEL: &str = "service-model";
    pub const REFERENCE: &str = "reference";
    pub const POSITION: &str = "position";
    /// On an exported profile: the level it stands for.
    pub const LEVEL: &str = "level";
    /// On a technology example part: its id, and its Japanese name.
    pub const EXAMPLE_ID: &str = "example-id";
    pub const NAME_JA: &str = "name-ja";
}

/// Part names. English texts use OSCAL's own names (no namespace) so that OSCAL tools show
/// them; the Japanese twins are shinrai's (in [`NS`]).
pub mod part {
    pub const OVERVIEW: &str = "overview";
    pub const OVERVIEW_JA: &str = "overview-ja";
    pub const STATEMENT: &str = "statement";
    pub const STATEMENT_JA: &str = "statement-ja";
    /// Technology examples as free text, in catalogs of format 1 (read, no longer written).
    pub const GUIDANCE: &str = "guidance";
    pub const GUIDANCE_JA: &str = "guidance-ja";
    /// One technology example (shinrai's): the English name as prose, the id and the Japanese
    /// name as properties.
    pub const TECHNOLOGY_EXAMPLE: &str = "technology-example";
}

/// Whether OSCAL's string type (`^\S(.*\S)?$`) takes `text` as it is. Conservative: any line
/// break, and any white space or byte-order mark at either end, is refused.
fn is_plain(text: &str) -> bool {
    let edge = |c: char| c.is_whitespace() || c == '\u{feff}';
    match (text.chars().next(), text.chars().last()) {
        (Some(first), Some(last)) => {
            !edge(first) && !edge(last) && !text.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
        }
        _ => false,
    }
}

/// A text as a property value: as it is when OSCAL's string type takes it and it does not start
/// with `"`; otherwise as a JSON string literal (quotes included), which always fits.
pub fn encode_value(text: &str) -> String {
    if is_plain(text) && !text.starts_with('"') {
        text.to_owned()
    } else {
        json_literal(text)
    }
}

/// The text of a value written by [`encode_value`]; `None` when a quoted value is not a JSON
/// string literal.
pub fn decode_value(value: &str) -> Option<String> {
    if value.starts_with('"') {
        serde_json::from_str(value).ok()
    } else {
        Some(value.to_owned())
    }
}

/// A JSON literal without raw line or paragraph separators (some regex engines end `.` there).
fn json_literal<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// A reference as a property value: `STANDARD:CLAUSE`, or `["STANDARD","CLAUSE"]` when that
/// form would not read back the same (a standard with `:`, starting with `[`, empty, or a value
/// OSCAL's string type refuses).
pub fn encode_reference(standard: &str, clause: &str) -> String {
    let plain = format!("{standard}:{clause}");
    if !standard.is_empty()
        && !standard.contains(':')
        && !standard.starts_with('[')
        && is_plain(&plain)
    {
        plain
    } else {
        json_literal(&[standard, clause])
    }
}

pub fn decode_reference(value: &str) -> Option<(String, String)> {
    if value.starts_with('[') {
        let [standard, clause]: [String; 2] = serde_json::from_str(value).ok()?;
        Some((standard, clause))
    } else {
        let (standard, clause) = value.split_once(':')?;
        Some((standard.to_owned(), clause.to_owned()))
    }
}

/// A line for an OSCAL `title` (non-empty, no line feed): the text itself when it fits, else the
/// text with line breaks as spaces, else `fallback`.
pub fn display_line(text: &str, fallback: &str) -> String {
    if !text.is_empty() && !text.contains('\n') {
        return text.to_owned();
    }
    let joined = text.split(['\r', '\n']).map(str::trim).collect::<Vec<_>>();
    let joined = joined
        .iter()
        .filter(|piece| !piece.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if !joined.is_empty() {
        joined
    } else if !fallback.is_empty() && !fallback.contains('\n') {
        fallback.to_owned()
    } else {
        "untitled".to_owned()
    }
}

/// A unique OSCAL token for a shinrai id: `prefix` (which starts with a letter) and the id with
/// every character but ASCII letters, digits, `.`, `-` and `_` as `_`; a repeat gets `-2`, `-3`…
pub fn token(prefix: &str, id: &str, used: &mut HashSet<String>) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let base = format!("{prefix}{clean}");
    let mut candidate = base.clone();
    let mut n = 2usize;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// A property in shinrai's namespace.
pub fn ours(name: &str, value: impl Into<String>) -> Property {
    Property {
        name: name.to_owned(),
        uuid: None,
        ns: Some(NS.to_owned()),
        value: value.into(),
        class: None,
        group: None,
        remarks: None,
        extra: Default::default(),
    }
}

/// OSCAL's `label` property (no namespace).
pub fn label(id: &str) -> Property {
    Property {
        ns: None,
        ..ours(prop::LABEL, encode_value(id))
    }
}

/// A prose part: OSCAL's own name when `shinrai` is false, else in shinrai's namespace.
pub fn prose_part(name: &str, shinrai: bool, prose: &str) -> Part {
    Part {
        id: None,
        name: name.to_owned(),
        ns: shinrai.then(|| NS.to_owned()),
        class: None,
        title: None,
        props: None,
        prose: Some(prose.to_owned()),
        parts: None,
        links: None,
        extra: Default::default(),
    }
}

/// The index and value of the first shinrai property named `name`.
pub fn find_ours<'a>(props: Option<&'a [Property]>, name: &str) -> Option<(usize, &'a Property)> {
    props
        .unwrap_or_default()
        .iter()
        .enumerate()
        .find(|(_, p)| p.name == name && p.ns.as_deref() == Some(NS))
}

/// Every shinrai property named `name`, with its index.
pub fn all_ours<'a>(
    props: Option<&'a [Property]>,
    name: &'a str,
) -> impl Iterator<Item = (usize, &'a Property)> + 'a {
    props
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(move |(_, p)| p.name == name && p.ns.as_deref() == Some(NS))
}

/// The first `label` property without namespace or class, with its index.
pub fn find_label(props: Option<&[Property]>) -> Option<(usize, &Property)> {
    props
        .unwrap_or_default()
        .iter()
        .enumerate()
        .find(|(_, p)| p.name == prop::LABEL && p.ns.is_none() && p.class.is_none())
}

/// A technology example as a part: `technology-example` in shinrai's namespace with the
/// properties `example-id` and `name-ja` and the English name as prose.
pub fn example_part(id: &str, ja: &str, en: &str) -> Part {
    Part {
        props: Some(vec![
            ours(prop::EXAMPLE_ID, encode_value(id)),
            ours(prop::NAME_JA, encode_value(ja)),
        ]),
        ..prose_part(part::TECHNOLOGY_EXAMPLE, true, en)
    }
}

/// Every shinrai part named `name`, with its index.
pub fn all_our_parts<'a>(
    parts: Option<&'a [Part]>,
    name: &'a str,
) -> impl Iterator<Item = (usize, &'a Part)> + 'a {
    parts
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(move |(_, p)| p.name == name && p.ns.as_deref() == Some(NS))
}

/// The first part named `name`: shinrai's when `shinrai`, else OSCAL's own (no namespace).
pub fn find_part<'a>(parts: Option<&'a [Part]>, name: &str, shinrai: bool) -> Option<&'a Part> {
    let ns = shinrai.then_some(NS);
    parts
        .unwrap_or_default()
        .iter()
        .find(|p| p.name == name && p.ns.as_deref() == ns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_whatever_they_hold() {
        for text in [
            "plain",
            "",
            " padded ",
            "two\nlines",
            "\"quoted\"",
            "a\u{2028}b",
            "日本語",
        ] {
            let value = encode_value(text);
            assert!(is_plain(&value), "{value:?}");
            assert_eq!(decode_value(&value).as_deref(), Some(text));
        }
        assert_eq!(encode_value("5.1.1"), "5.1.1");
        for (standard, clause) in [
            ("NIST", "AC-2(1)"),
            ("ISO:27002", "9.2"),
            ("", "x"),
            ("[x", "y"),
            ("A", ""),
            ("A", "b "),
            ("A", "b:c"),
        ] {
            let value = encode_reference(standard, clause);
            assert!(is_plain(&value), "{value:?}");
            assert_eq!(
                decode_reference(&value),
                Some((standard.to_owned(), clause.to_owned()))
            );
        }
        assert_eq!(encode_reference("NIST", "AC-2(1)"), "NIST:AC-2(1)");
    }

    #[test]
    fn tokens_are_unique_and_well_formed() {
        let mut used = HashSet::new();
        assert_eq!(token("c-", "5.1.1.1", &mut used), "c-5.1.1.1");
        assert_eq!(token("c-", "5 1", &mut used), "c-5_1");
        assert_eq!(token("c-", "5_1", &mut used), "c-5_1-2");
        assert_eq!(token("c-", "", &mut used), "c-");
        assert_eq!(display_line("a\nb", "x"), "a b");
        assert_eq!(display_line("", "x"), "x");
        assert_eq!(display_line("", ""), "untitled");
    }
}
