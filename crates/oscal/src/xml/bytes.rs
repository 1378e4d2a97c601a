//! What a byte is to the scanner and the attribute reader: its classes, found with one lookup
//! in a table where comparisons would cost several tests; and the first byte of a kind, found
//! eight bytes at a time in a word. Tags and attribute values are short (a value is 13 bytes
//! on average in FedRAMP's HIGH catalog): searched with memchr, one call each, the searches
//! were 11 % of a profile of reading that catalog; read a byte at a time, they cost more
//! instructions than read a word at a time (docs/benchmarks.md).

/// XML whitespace: space, tab, line feed, carriage return.
pub(crate) const SPACE: u8 = 1;
pub(crate) const EQUALS: u8 = 1 << 1;
pub(crate) const DOUBLE_QUOTE: u8 = 1 << 2;
pub(crate) const SINGLE_QUOTE: u8 = 1 << 3;
pub(crate) const QUOTE: u8 = DOUBLE_QUOTE | SINGLE_QUOTE;
/// `>`, which ends a tag.
pub(crate) const TAG_END: u8 = 1 << 4;

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

/// Where the first byte of `bytes` that `hit` marks lies, found eight bytes at a time: the
/// text inside a tag is read this way (every byte up to its end, a few dozen in most tags).
/// `hits` marks the hits in a word of eight bytes (as [`equal`] and [`below`] do); `hit` says
/// the same of one byte, for the last few.
#[inline]
pub(crate) fn find(
    bytes: &[u8],
    hits: impl Fn(u64) -> u64,
    hit: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let marks = hits(u64::from_le_bytes(eight));
        if marks != 0 {
            // The lowest mark is the first hit: a false mark can only stand above a true one.
            return Some(at + (marks.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|byte| hit(*byte))
        .map(|length| at + length)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is below `limit` (at most 128) marked.
#[inline]
pub(crate) fn below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH_BITS
}

/// The high bit of each byte of `word` that is `byte` marked.
#[inline]
pub(crate) fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * u64::from(byte)), 1)
}

const fn classes() -> [u8; 256] {
    // Evaluated by the compiler: an index out of range would fail the build, not a run.
    #![allow(clippy::indexing_slicing)]
    let mut table = [0; 256];
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b'=' as usize] = EQUALS;
    table[b'"' as usize] = DOUBLE_QUOTE;
    table[b'\'' as usize] = SINGLE_QUOTE;
    table[b'>' as usize] = TAG_END;
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
            ]
            .iter()
            .filter(|(holds, _)| *holds)
            .fold(0, |classes, (_, bit)| classes | bit);
            assert_eq!(class(byte), expected, "byte {byte:#04x}");
        }
        assert_eq!(quote_class(b'"'), DOUBLE_QUOTE);
        assert_eq!(quote_class(b'a'), 0);
    }

    /// Every place of a hit in texts of up to twenty bytes (words and the rest after them),
    /// with bytes around it that could carry a false mark: the hit's neighbours, bytes just
    /// above the limit, and bytes beyond ASCII.
    #[test]
    fn finds_the_first_hit_eight_bytes_at_a_time() {
        let hits = |word: u64| equal(word, b'>') | equal(word, b'"') | below(word, 0x20);
        let hit = |byte: u8| byte == b'>' || byte == b'"' || byte < 0x20;
        for filler in [b'a', b'=', b'?', b'!', b' ', 0xE3, 0x80, 0x3F] {
            for length in 0..20 {
                let mut text = vec![filler; length];
                assert_eq!(find(&text, hits, hit), None, "{filler} {length}");
                for at in 0..length {
                    for target in [b'>', b'"', b'\n', 0x00, 0x1F] {
                        text.fill(filler);
                        if let Some(place) = text.get_mut(at) {
                            *place = target;
                        }
                        // Later hits must not move the first.
                        for later in at + 1..length {
                            if let Some(place) = text.get_mut(later) {
                                *place = if later % 2 == 0 { 0x00 } else { b'>' };
                            }
                        }
                        assert_eq!(find(&text, hits, hit), Some(at), "{text:?}");
                    }
                }
            }
        }
    }
}
