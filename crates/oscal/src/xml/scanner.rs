//! The lexical layer of XML over a `&str`: start tags, end tags and text (CDATA sections are
//! text), with comments, processing instructions and the XML declaration passed over. Names,
//! attributes and text are sliced from the document: every delimiter is ASCII, so every cut falls
//! on a character boundary and nothing is checked for UTF-8 again. Text is copied only where a
//! reference or a carriage return must be replaced.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memmem};

use super::attributes::resolve_entity;
use super::bytes::{QUOTE, SPACE, TAG_END, below, class, equal, find};
use super::characters::first_disallowed;
use super::malformed::Malformed;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lexeme<'t> {
    /// `<name attributes>`, or `<name attributes/>` when `empty`. `attributes` is the text
    /// between the name and the tag's end.
    Start {
        name: &'t str,
        attributes: &'t str,
        empty: bool,
    },
    End {
        name: &'t str,
    },
    /// Character data with its references resolved and its line ends normalised.
    Text(Cow<'t, str>),
    DocType,
    Eof,
}

/// Why the text is not well-formed, and the byte offset where that was found. Boxed: every
/// lexeme is returned in a `Result` with it, and the error is rare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexError {
    pub offset: usize,
    pub why: Box<Malformed>,
}

pub(crate) struct Scanner<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Scanner<'t> {
    pub fn new(text: &'t str) -> Scanner<'t> {
        Scanner { text, at: 0 }
    }

    /// Where the next lexeme starts.
    pub fn offset(&self) -> usize {
        self.at
    }

    /// Goes back to where a lexeme read before started.
    pub fn rewind(&mut self, at: usize) {
        self.at = at;
    }

    /// Inlined into the tokenizer, so that the kind of lexeme found is dispatched on once
    /// there, not returned and matched again.
    #[inline]
    pub fn next(&mut self) -> Result<Lexeme<'t>, LexError> {
        loop {
            let start = self.at;
            let rest = self.text.get(start..).unwrap_or_default();
            if rest.is_empty() {
                return Ok(Lexeme::Eof);
            }
            let bytes = rest.as_bytes();
            if bytes.first() != Some(&b'<') {
                if let Some(blank) = indentation(bytes) {
                    self.at = start + blank;
                    return Ok(Lexeme::Text(Cow::Borrowed(
                        rest.get(..blank).unwrap_or_default(),
                    )));
                }
                let length = memchr(b'<', bytes).unwrap_or(bytes.len());
                self.at = start + length;
                let raw = rest.get(..length).unwrap_or_default();
                return character_data(raw, start).map(Lexeme::Text);
            }
            match bytes.get(1) {
                Some(b'/') => return self.end_tag(start, rest),
                Some(b'?') => {
                    self.skip_past(start, rest, "?>", Malformed::InstructionNeverClosed)?
                }
                Some(b'!') if rest.starts_with("<!--") => {
                    self.skip_past(start, rest, "-->", Malformed::CommentNeverClosed)?;
                }
                Some(b'!') if rest.starts_with("<![CDATA[") => return self.cdata(start, rest),
                Some(b'!') if rest.starts_with("<!DOCTYPE") => {
                    // A DOCTYPE is refused, not read: nothing after it is scanned.
                    self.at = self.text.len();
                    return Ok(Lexeme::DocType);
                }
                Some(b'!') => return Err(error(start, Malformed::UnknownMarkup)),
                _ => return self.start_tag(start, rest),
            }
        }
    }

    /// Passes over indentation that stands next, for readers that would drop it as text.
    pub fn skip_indentation(&mut self) {
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        if let Some(blank) = indentation(rest) {
            self.at += blank;
        }
    }

    fn skip_past(
        &mut self,
        start: usize,
        rest: &str,
        end: &str,
        unclosed: Malformed,
    ) -> Result<(), LexError> {
        let length = memmem::find(rest.as_bytes().get(2..).unwrap_or_default(), end.as_bytes())
            .ok_or_else(|| error(start, unclosed))?;
        self.at = start + 2 + length + end.len();
        Ok(())
    }

    /// A CDATA section, as text. Kept out of `next`, which is inlined, since OSCAL rarely
    /// holds one.
    #[cold]
    fn cdata(&mut self, start: usize, rest: &'t str) -> Result<Lexeme<'t>, LexError> {
        let inside = rest.get(9..).unwrap_or_default();
        let length = memmem::find(inside.as_bytes(), b"]]>")
            .ok_or_else(|| error(start, Malformed::CdataNeverClosed))?;
        self.at = start + 9 + length + 3;
        let data = inside.get(..length).unwrap_or_default();
        allowed_characters(data, start + 9)?;
        Ok(Lexeme::Text(line_ends(data)))
    }

    fn end_tag(&mut self, start: usize, rest: &'t str) -> Result<Lexeme<'t>, LexError> {
        // A byte at a time, with no search called: end tags are short (six bytes on average in
        // FedRAMP's HIGH catalog).
        let close = rest
            .bytes()
            .position(|byte| byte == b'>')
            .ok_or_else(|| error(start, Malformed::EndTagNeverClosed))?;
        let inside = rest.get(2..close).unwrap_or_default();
        let name_length = inside
            .bytes()
            .rposition(|byte| class(byte) & SPACE == 0)
            .map_or(0, |last| last + 1);
        let name = inside.get(..name_length).unwrap_or_default();
        if !is_name(name) {
            return Err(error(
                start,
                Malformed::InvalidEndTag {
                    name: name.to_owned(),
                },
            ));
        }
        self.at = start + close + 1;
        Ok(Lexeme::End { name })
    }

    fn start_tag(&mut self, start: usize, rest: &'t str) -> Result<Lexeme<'t>, LexError> {
        let bytes = rest.as_bytes();
        let name_end = bytes
            .iter()
            .skip(1)
            .position(|byte| class(*byte) & (SPACE | TAG_END) != 0 || *byte == b'/')
            .map_or(bytes.len(), |length| length + 1);
        let name = rest.get(1..name_end).unwrap_or_default();
        if !is_name(name) {
            return Err(error(
                start,
                Malformed::InvalidStartTag {
                    name: name.to_owned(),
                },
            ));
        }
        // The tag ends at the first `>` outside a quoted attribute value.
        let mut at = name_end;
        let close = loop {
            let found = bytes.get(at..).and_then(|tail| {
                find(
                    tail,
                    |word| equal(word, b'>') | equal(word, b'"') | equal(word, b'\''),
                    |byte| class(byte) & (TAG_END | QUOTE) != 0,
                )
                .map(|length| at + length)
            });
            match found.and_then(|found| bytes.get(found).map(|byte| (found, *byte))) {
                Some((found, b'>')) => break found,
                Some((found, quote)) => {
                    let closing = bytes
                        .get(found + 1..)
                        .and_then(|tail| {
                            find(tail, |word| equal(word, quote), |byte| byte == quote)
                        })
                        .ok_or_else(|| {
                            error(
                                start,
                                Malformed::QuoteNeverClosed {
                                    element: name.to_owned(),
                                },
                            )
                        })?;
                    at = found + 1 + closing + 1;
                }
                None => {
                    return Err(error(
                        start,
                        Malformed::StartTagNeverClosed {
                            element: name.to_owned(),
                        },
                    ));
                }
            }
        };
        let empty = close > name_end && bytes.get(close - 1) == Some(&b'/');
        let attributes_end = if empty { close - 1 } else { close };
        let attributes = rest.get(name_end..attributes_end).unwrap_or_default();
        self.at = start + close + 1;
        Ok(Lexeme::Start {
            name,
            attributes,
            empty,
        })
    }
}

/// The length of the indentation the text starts with: whitespace up to the next tag, found
/// without a search, since most text between tags is that. `None` when other text comes before
/// the tag (a carriage return counts as other text, to be read as a line end).
fn indentation(bytes: &[u8]) -> Option<usize> {
    let blank = bytes
        .iter()
        .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n'))
        .unwrap_or(bytes.len());
    (bytes.get(blank) == Some(&b'<')).then_some(blank)
}

#[cold]
fn error(offset: usize, why: Malformed) -> LexError {
    LexError {
        offset,
        why: Box::new(why),
    }
}

/// Refuses text that holds a character XML does not allow, placed at that character.
fn allowed_characters(text: &str, start: usize) -> Result<(), LexError> {
    match first_disallowed(text) {
        Some((at, character)) => Err(error(start + at, Malformed::NotAllowed { character })),
        None => Ok(()),
    }
}

/// Text between tags: references resolved, line ends normalised; borrowed when neither occurs.
/// Refused if it holds a character XML does not allow.
fn character_data(raw: &str, start: usize) -> Result<Cow<'_, str>, LexError> {
    // One pass settles most text: with no `&`, no control character (line ends among them) and
    // no 0xEF (which begins U+FFFE and U+FFFF), there is nothing to refuse or replace.
    let closer_look = find(
        raw.as_bytes(),
        |word| equal(word, b'&') | below(word, 0x20) | equal(word, 0xEF),
        |byte| byte == b'&' || byte < 0x20 || byte == 0xEF,
    );
    if closer_look.is_none() {
        return Ok(Cow::Borrowed(raw));
    }
    allowed_characters(raw, start)?;
    if memchr2(b'&', b'\r', raw.as_bytes()).is_none() {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&line_ends(rest.get(..amp).unwrap_or_default()));
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semicolon = after
            .find(';')
            .filter(|at| *at <= 32)
            .ok_or_else(|| error(start, Malformed::ReferenceWithoutSemicolon))?;
        let name = after.get(..semicolon).unwrap_or_default();
        out.push(resolve_entity(name).map_err(|why| error(start, why))?);
        rest = after.get(semicolon + 1..).unwrap_or_default();
    }
    out.push_str(&line_ends(rest));
    Ok(Cow::Owned(out))
}

/// `\r\n` and a lone `\r` read as `\n`, as XML says.
fn line_ends(text: &str) -> Cow<'_, str> {
    if memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// An XML name: a letter, `_` or `:` (or any character beyond ASCII) first, then also digits,
/// `-` and `.`.
fn is_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    let Some(first) = bytes.next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || matches!(first, b'_' | b':') || !first.is_ascii())
        && bytes.all(|byte| {
            byte.is_ascii_alphanumeric()
                || matches!(byte, b'_' | b':' | b'-' | b'.')
                || !byte.is_ascii()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<Lexeme<'_>>, LexError> {
        let mut scanner = Scanner::new(text);
        let mut out = Vec::new();
        loop {
            match scanner.next()? {
                Lexeme::Eof => return Ok(out),
                lexeme => out.push(lexeme),
            }
        }
    }

    #[test]
    fn reads_tags_text_and_references() {
        let lexemes = all(
            "<?xml version=\"1.0\"?><!-- c --><a x=\"1>2\" y='q\"'>A &amp; B&#x41;&#66;\r\n<b/>\
             <![CDATA[<raw>]]></a >",
        )
        .unwrap();
        assert_eq!(
            lexemes,
            vec![
                Lexeme::Start {
                    name: "a",
                    attributes: " x=\"1>2\" y='q\"'",
                    empty: false
                },
                Lexeme::Text(Cow::Owned("A & BAB\n".to_owned())),
                Lexeme::Start {
                    name: "b",
                    attributes: "",
                    empty: true
                },
                Lexeme::Text(Cow::Borrowed("<raw>")),
                Lexeme::End { name: "a" },
            ]
        );
    }

    #[test]
    fn refuses_what_is_not_well_formed() {
        let name = |text: &str| text.to_owned();
        for (text, why) in [
            (
                "<a>&bogus;</a>",
                Malformed::UnknownEntity {
                    entity: name("bogus"),
                },
            ),
            (
                "<a>&#0;</a>",
                Malformed::NotACharacter { entity: name("#0") },
            ),
            ("<a>& b</a>", Malformed::ReferenceWithoutSemicolon),
            (
                "<a x=\"1></a>",
                Malformed::QuoteNeverClosed { element: name("a") },
            ),
            (
                "<a x=\"1\"",
                Malformed::StartTagNeverClosed { element: name("a") },
            ),
            ("<1a></1a>", Malformed::InvalidStartTag { name: name("1a") }),
            ("<a></ a>", Malformed::InvalidEndTag { name: name(" a") }),
            ("<a></a", Malformed::EndTagNeverClosed),
            ("<!-- open", Malformed::CommentNeverClosed),
            ("<?pi open", Malformed::InstructionNeverClosed),
            ("<![CDATA[x", Malformed::CdataNeverClosed),
            ("<!ELEMENT a>", Malformed::UnknownMarkup),
            (
                "<a>b\u{1}</a>",
                Malformed::NotAllowed { character: '\u{1}' },
            ),
            (
                "<a><![CDATA[\u{ffff}]]></a>",
                Malformed::NotAllowed {
                    character: '\u{ffff}',
                },
            ),
            (
                "<a>&#1;</a>",
                Malformed::NotACharacter { entity: name("#1") },
            ),
        ] {
            let error = all(text).unwrap_err();
            assert_eq!(*error.why, why, "{text}");
        }
        assert_eq!(
            all("<!DOCTYPE a><a/>").unwrap().first(),
            Some(&Lexeme::DocType)
        );
    }

    #[test]
    fn names_may_hold_prefixes_and_characters_beyond_ascii() {
        assert!(is_name("o:catalog") && is_name("名前") && is_name("a-b.c_d"));
        assert!(!is_name("") && !is_name("-a") && !is_name("a b"));
    }
}
