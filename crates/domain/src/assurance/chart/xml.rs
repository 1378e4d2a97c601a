//! Text made safe for the chart's markup.

/// `text` escaped for SVG text and quoted attributes. Characters XML 1.0 cannot carry at all
/// (most control characters) are dropped, since no escape would make them valid.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// `id` as one segment of a relative address: letters, digits, `_` and `-` as they are, every
/// other byte percent-encoded, so that an unchecked id can never leave `/assurance/` (`..`, `/`).
pub(super) fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped_and_invalid_characters_dropped() {
        assert_eq!(
            escape("a<b>&\"c'\u{0}\u{1B}改行\n"),
            "a&lt;b&gt;&amp;&quot;c&#39;改行\n"
        );
    }

    #[test]
    fn ids_stay_one_segment() {
        assert_eq!(path_segment("shinrai_1"), "shinrai_1");
        assert_eq!(path_segment("../x y"), "%2E%2E%2Fx%20y");
        assert_eq!(path_segment("あ"), "%E3%81%82");
    }
}
