//! The characters XML 1.0 allows: tab, line feed, carriage return, and the rest of Unicode but
//! the other control characters below U+0020, U+FFFE and U+FFFF (a `str` holds no surrogates).
//! A document holding another is not XML, and other readers refuse it, so it is refused when
//! read and never written.

use super::bytes::{below, equal, find};

/// True for a character XML allows.
pub(crate) fn allowed(character: char) -> bool {
    !matches!(character, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The first character of `text` that XML does not allow: its byte offset and code point.
/// Text is read eight bytes at a time, stopping only at control characters (line ends and tabs
/// among them) and at the lead byte 0xEF, which begins U+FFFE and U+FFFF.
pub(crate) fn first_disallowed(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes.get(from..).and_then(|rest| {
        find(
            rest,
            |word| below(word, 0x20) | equal(word, 0xEF),
            |byte| byte < 0x20 || byte == 0xEF,
        )
    }) {
        let at = from + found;
        if let Some(character) = text.get(at..).and_then(|rest| rest.chars().next())
            && !allowed(character)
        {
            return Some((at, character));
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_what_xml_allows() {
        for character in [
            '\t', '\n', '\r', ' ', 'a', '\u{d7ff}', '\u{e000}', '\u{fffd}', '信',
        ] {
            assert!(allowed(character), "{character:?}");
        }
        for character in [
            '\0', '\u{1}', '\u{8}', '\u{b}', '\u{c}', '\u{1f}', '\u{fffe}',
        ] {
            assert!(!allowed(character), "{character:?}");
        }
        assert!(!allowed('\u{ffff}') && allowed('\u{10000}') && allowed('\u{10ffff}'));
    }

    #[test]
    fn finds_the_first_character_xml_does_not_allow_at_any_offset() {
        // Neighbours that stop the search but are allowed: line ends, tabs, and characters
        // whose UTF-8 begins with 0xEF (U+FF01, U+FFFD).
        for filler in ["a", "\n", "\t", "！", "\u{fffd}", "信"] {
            for length in 0..12 {
                let text = filler.repeat(length);
                assert_eq!(first_disallowed(&text), None, "{text:?}");
                for at in 0..=length {
                    for bad in ['\u{1}', '\u{1f}', '\u{fffe}', '\u{ffff}'] {
                        let text = format!(
                            "{}{bad}{}\u{2}",
                            filler.repeat(at),
                            filler.repeat(length - at)
                        );
                        assert_eq!(
                            first_disallowed(&text),
                            Some((filler.len() * at, bad)),
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }
}
