//! Line breaking by measured width. Japanese has no spaces, so a line may break between any two
//! wide (CJK) characters, except before closing punctuation or after opening punctuation;
//! English breaks at spaces; a word wider than the line (a hash, a URL) breaks between
//! characters rather than run off the page.

use std::ops::Range;

/// Characters that may not start a line (a light form of the Japanese line-breaking rules).
const NO_LINE_START: &str = "、。，．・：；？！ー）」』】〕〉》｝］)]},.:;?!%";
/// Characters that may not end a line.
const NO_LINE_END: &str = "（「『【〔〈《｛［([{";

/// Wide characters: CJK radicals and punctuation, kana, ideographs, full-width forms.
fn is_wide(c: char) -> bool {
    c >= '\u{2E80}'
}

/// Whether a line may break between `prev` and `next`. Spaces stay on the line they follow
/// (and are trimmed there), so a break comes after them.
fn break_between(prev: char, next: char) -> bool {
    if next == ' ' {
        return false;
    }
    if prev == ' ' {
        return true;
    }
    (is_wide(prev) || is_wide(next)) && !NO_LINE_START.contains(next) && !NO_LINE_END.contains(prev)
}

fn width(chars: &[(char, f32)], range: Range<usize>) -> f32 {
    chars
        .get(range)
        .map_or(0.0, |s| s.iter().map(|(_, w)| w).sum())
}

fn trim_end(chars: &[(char, f32)], start: usize, mut end: usize) -> Range<usize> {
    while end > start && chars.get(end - 1).is_some_and(|(c, _)| *c == ' ') {
        end -= 1;
    }
    start..end
}

fn skip_spaces(chars: &[(char, f32)], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|(c, _)| *c == ' ') {
        at += 1;
    }
    at
}

/// Breaks one paragraph (characters with their widths in points) into lines no wider than `max`
/// points, as ranges of `chars`. A line holds at least one character, so a character wider than
/// `max` still prints. An empty paragraph is one empty line.
pub(crate) fn wrap(chars: &[(char, f32)], max: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let (mut start, mut line_width, mut last_break) = (0, 0.0, None);
    let mut at = 0;
    while let Some(&(c, w)) = chars.get(at) {
        if at > start
            && let Some(&(prev, _)) = chars.get(at - 1)
            && break_between(prev, c)
        {
            last_break = Some(at);
        }
        if at > start && c != ' ' && line_width + w > max {
            let cut = match last_break {
                Some(b) if b > start => b,
                _ => at,
            };
            lines.push(trim_end(chars, start, cut));
            // No break lies between the last one and `at`: the carried part is one word.
            start = skip_spaces(chars, cut);
            line_width = width(chars, start..at);
            last_break = None;
            continue;
        }
        line_width += w;
        at += 1;
    }
    lines.push(trim_end(chars, start, chars.len()));
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;

    /// Lines of `text` with every ASCII character 1 wide and every other 2 wide.
    fn lines(text: &str, max: f32) -> Vec<String> {
        let chars: Vec<(char, f32)> = text
            .chars()
            .map(|c| (c, if c.is_ascii() { 1.0 } else { 2.0 }))
            .collect();
        wrap(&chars, max)
            .into_iter()
            .map(|r| chars[r].iter().map(|(c, _)| c).collect())
            .collect()
    }

    #[test]
    fn english_breaks_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 11.0),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn long_words_break_between_characters() {
        assert_eq!(
            lines("ab 0123456789abcdef", 8.0),
            ["ab", "01234567", "89abcdef"]
        );
    }

    #[test]
    fn japanese_breaks_anywhere_but_before_closing_punctuation() {
        assert_eq!(lines("あいうえお", 6.0), ["あいう", "えお"]);
        // 「。」 may not start a line, so 「う」 goes down with it.
        assert_eq!(lines("あいう。えお", 6.0), ["あい", "う。え", "お"]);
    }

    #[test]
    fn mixed_text_and_edges() {
        assert_eq!(lines("ID 8.1.2.P3 の統制", 12.0), ["ID 8.1.2.P3", "の統制"]);
        assert_eq!(lines("", 5.0), [""]);
        assert_eq!(lines("字", 1.0), ["字"]);
        assert_eq!(lines("a b c d e f g", 3.0), ["a b", "c d", "e f", "g"]);
        // Spaces at a break go; those starting a paragraph stay.
        assert_eq!(lines("  ab    cd", 4.0), ["  ab", "cd"]);
    }
}
