//! What a byte is to the scanner and the attribute reader, found with one lookup in a table of
//! classes: tags and attribute values are read a byte at a time (they are too short for a
//! search to pay), and a lookup costs one test per byte where comparisons cost several.

/// XML whitespace: space, tab, line feed, carriage return.
pub(crate) const SPACE: u8 = 1;
pub(crate) const EQUALS: u8 = 1 << 1;
pub(crate) const DOUBLE_QUOTE: u8 = 1 << 2;
pub(crate) const SINGLE_QUOTE: u8 = 1 << 3;
pub(crate) const QUOTE: u8 = DOUBLE_QUOTE | SINGLE_QUOTE;
/// `>`, which ends a tag.
pub(crate) const TAG_END: u8 = 1 << 4;
/// What normalising an attribute value changes (a reference, a tab, a line end) or refuses
/// (`<`).
pub(crate) const NORMALISED: u8 = 1 << 5;

static CLASSES: [u8; 256] = classes();

/// The classes of a byte, as a set of the bits above.
#[inline]
pub(crate) fn class(byte: u8) -> u8 {
    CLASSES.get(usize::from(byte)).copied().unwrap_or_default()
}

/// The class bit of a quote character; 0 for any other byte.
#[inline]
pub(crate) fn quote_class(byte: u8) -> u8 {
    class(byte) & QUOTE
}

const fn classes() -> [u8; 256] {
    // Evaluated by the compiler: an index out of range would fail the build, not a run.
    #![allow(clippy::indexing_slicing)]
    let mut table = [0; 256];
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE | NORMALISED;
    table[b'\n' as usize] = SPACE | NORMALISED;
    table[b'\r' as usize] = SPACE | NORMALISED;
    table[b'=' as usize] = EQUALS;
    table[b'"' as usize] = DOUBLE_QUOTE;
    table[b'\'' as usize] = SINGLE_QUOTE;
    table[b'>' as usize] = TAG_END;
    table[b'&' as usize] = NORMALISED;
    table[b'<' as usize] = NORMALISED;
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_has_the_classes_its_character_has() {
        for byte in 0..=u8::MAX {
            let expected = [
                (matches!(byte, b' ' | b'\t' | b'\n' | b'\r'), SPACE),
                (byte == b'=', EQUALS),
                (byte == b'"', DOUBLE_QUOTE),
                (byte == b'\'', SINGLE_QUOTE),
                (byte == b'>', TAG_END),
                (
                    matches!(byte, b'&' | b'<' | b'\t' | b'\n' | b'\r'),
                    NORMALISED,
                ),
            ]
            .iter()
            .filter(|(holds, _)| *holds)
            .fold(0, |classes, (_, bit)| classes | bit);
            assert_eq!(class(byte), expected, "byte {byte:#04x}");
        }
        assert_eq!(quote_class(b'"'), DOUBLE_QUOTE);
        assert_eq!(quote_class(b'a'), 0);
    }
}
