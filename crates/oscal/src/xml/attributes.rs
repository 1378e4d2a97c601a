//! The attributes of a start tag, read straight from its text: one pass, borrowing the values
//! that need no change. Attribute values are normalised as XML says (entities resolved, tabs and
//! line ends read as spaces).

use std::borrow::Cow;

use super::bytes::{EQUALS, SPACE, below, class, equal, find, quote_class};
use super::characters::{allowed, first_disallowed};
use super::malformed::Malformed;

/// One attribute as written: its qualified name and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute<'a> {
    pub name: &'a str,
    pub value: Cow<'a, str>,
}

impl<'a> Attribute<'a> {
    /// The prefix, if the name has one (`xmlns:o`, `xsi:schemaLocation`).
    pub fn prefix(&self) -> Option<&'a str> {
        let colon = self.name.bytes().position(|byte| byte == b':')?;
        self.name.get(..colon)
    }

    /// `Some(prefix)` for a namespace declaration: `""` for `xmlns`, `"o"` for `xmlns:o`.
    pub fn declares(&self) -> Option<&'a str> {
        if self.name == "xmlns" {
            Some("")
        } else {
            self.name.strip_prefix("xmlns:")
        }
    }
}

/// Reads the attributes from the text after the element name. Fails on anything that is not
/// `name="value"` or `name='value'` separated by whitespace, and on a name given twice.
#[cfg(test)]
pub(crate) fn scan(raw: &str) -> Result<Vec<Attribute<'_>>, Box<Malformed>> {
    Attributes::new(raw).collect()
}

/// The attributes of a tag's text, read one at a time as asked for: most tags are read once,
/// front to back, and need no list of them. Works on bytes: every delimiter is ASCII, so every
/// cut falls on a character boundary. After an error it yields nothing more.
#[derive(Debug, Clone)]
pub(crate) struct Attributes<'a> {
    raw: &'a str,
    at: usize,
    /// The names read so far, for finding one given twice; past the first few (more than any
    /// OSCAL element has) the names before are read again instead.
    seen: [&'a str; SEEN],
    count: usize,
}

const SEEN: usize = 6;

/// An attribute as written: where its name starts, the name, the value not yet normalised, and
/// whether the value is already as normalising would leave it.
struct RawAttribute<'a> {
    name_start: usize,
    name: &'a str,
    value: &'a str,
    plain: bool,
}

impl<'a> Attributes<'a> {
    pub fn new(raw: &'a str) -> Attributes<'a> {
        Attributes {
            raw,
            at: 0,
            seen: [""; SEEN],
            count: 0,
        }
    }

    /// True when the name was given before this one, which starts at `name_start`.
    fn given_before(&self, name: &str, name_start: usize) -> bool {
        if self.count <= SEEN {
            return self
                .seen
                .iter()
                .take(self.count)
                .any(|seen| same_name(seen, name));
        }
        let mut before = Attributes::new(self.raw.get(..name_start).unwrap_or_default());
        while let Some(Ok(seen)) = before.next_raw() {
            if seen.name == name {
                return true;
            }
        }
        false
    }

    /// The next attribute as written.
    fn next_raw(&mut self) -> Option<Result<RawAttribute<'a>, Box<Malformed>>> {
        let bytes = self.raw.as_bytes();
        let byte = |at: usize| bytes.get(at).copied();
        let text = |from: usize, to: usize| self.raw.get(from..to).unwrap_or_default();
        // The first byte from `at` on that is of none of the classes given.
        let past = |at: usize, classes: u8| {
            bytes.get(at..).map_or(at, |rest| {
                at + rest
                    .iter()
                    .position(|b| class(*b) & classes == 0)
                    .unwrap_or(rest.len())
            })
        };
        let mut at = past(self.at, SPACE);
        // An empty-element tag's text may end in its `/`.
        if at >= bytes.len() || (byte(at) == Some(b'/') && at + 1 == bytes.len()) {
            self.at = bytes.len();
            return None;
        }
        // Whatever happens below, nothing more is read after this attribute fails.
        self.at = bytes.len();
        let name_start = at;
        at = bytes.get(at..).map_or(at, |rest| {
            at + rest
                .iter()
                .position(|b| class(*b) & (SPACE | EQUALS) != 0)
                .unwrap_or(rest.len())
        });
        let name = text(name_start, at);
        let attribute = || name.to_owned();
        at = past(at, SPACE);
        if byte(at) != Some(b'=') {
            return Some(Err(Box::new(Malformed::AttributeWithoutValue {
                attribute: attribute(),
            })));
        }
        at = past(at + 1, SPACE);
        let Some(quote) = byte(at).filter(|b| quote_class(*b) != 0) else {
            return Some(Err(Box::new(Malformed::AttributeNotQuoted {
                attribute: attribute(),
            })));
        };
        let value_start = at + 1;
        // The closing quote, unless a byte that normalising changes or refuses comes first: then
        // the value is not plain, and the quote is searched for past it. All control characters
        // stop the search (one test for tab, line feed and carriage return, which normalising
        // changes, and the others, which it refuses), and so does 0xEF, the first byte of
        // U+FFFE and U+FFFF.
        let first_stop = bytes.get(value_start..).and_then(|rest| {
            find(
                rest,
                |word| {
                    equal(word, quote)
                        | equal(word, b'&')
                        | equal(word, b'<')
                        | below(word, 0x20)
                        | equal(word, 0xEF)
                },
                |b| b == quote || b == b'&' || b == b'<' || b < 0x20 || b == 0xEF,
            )
            .map(|length| value_start + length)
        });
        let plain = first_stop.is_some_and(|found| byte(found) == Some(quote));
        let value_end = if plain {
            first_stop
        } else {
            first_stop.and_then(|found| {
                bytes
                    .get(found..)
                    .and_then(|rest| memchr::memchr(quote, rest))
                    .map(|length| found + length)
            })
        };
        let Some(value_end) = value_end else {
            return Some(Err(Box::new(Malformed::AttributeValueNeverClosed {
                attribute: attribute(),
            })));
        };
        at = value_end + 1;
        if byte(at).is_some_and(|b| class(b) & SPACE == 0 && b != b'/') {
            return Some(Err(Box::new(Malformed::AttributeRunsOn {
                attribute: attribute(),
            })));
        }
        self.at = at;
        Some(Ok(RawAttribute {
            name_start,
            name,
            value: text(value_start, value_end),
            plain,
        }))
    }
}

impl<'a> Iterator for Attributes<'a> {
    type Item = Result<Attribute<'a>, Box<Malformed>>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        // Most tags hold no attribute, or none left: settled here, without reading on.
        if self.at >= self.raw.len() {
            return None;
        }
        let RawAttribute {
            name_start,
            name,
            value,
            plain,
        } = match self.next_raw()? {
            Ok(found) => found,
            Err(why) => return Some(Err(why)),
        };
        if self.given_before(name, name_start) {
            self.at = self.raw.len();
            return Some(Err(Box::new(Malformed::AttributeGivenTwice {
                attribute: name.to_owned(),
            })));
        }
        if let Some(slot) = self.seen.get_mut(self.count) {
            *slot = name;
        }
        self.count += 1;
        if plain {
            return Some(Ok(Attribute {
                name,
                value: Cow::Borrowed(value),
            }));
        }
        Some(
            normalise(value)
                .map(|value| Attribute {
                    name,
                    value: Cow::Owned(value),
                })
                .inspect_err(|_| self.at = self.raw.len()),
        )
    }
}

/// Two names compared by length, then byte by byte in line: names are a few bytes long, and a
/// call to compare them cost more than the comparison (measured: XML / JSON 1.81–1.92 with this,
/// 1.89–1.98 with `==`, six runs each in turns; docs/benchmarks.md).
#[inline]
pub(crate) fn same_name(one: &str, other: &str) -> bool {
    one.len() == other.len() && one.bytes().zip(other.bytes()).all(|(a, b)| a == b)
}

/// True when a tag's text may declare a namespace: most tags do not, and need no scan for it.
pub(crate) fn may_declare(raw: &str) -> bool {
    // Looked for from each `x`: most attribute text holds none.
    let mut rest = raw.as_bytes();
    while let Some(at) = memchr::memchr(b'x', rest) {
        if rest.get(at..at + 5) == Some(b"xmlns".as_slice()) {
            return true;
        }
        rest = rest.get(at + 1..).unwrap_or_default();
    }
    false
}

/// Entities resolved and whitespace characters read as spaces, for a value that holds a byte
/// that needs it; refused if it holds a character XML does not allow.
fn normalise(value: &str) -> Result<String, Box<Malformed>> {
    if let Some((_, character)) = first_disallowed(value) {
        return Err(Box::new(Malformed::NotAllowed { character }));
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find(['&', '\t', '\n', '\r', '<']) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        if tail.starts_with('<') {
            return Err(Box::new(Malformed::LessThanInAttribute));
        }
        if tail.starts_with("\r\n") {
            out.push(' ');
            rest = tail.get(2..).unwrap_or_default();
            continue;
        }
        if !tail.starts_with('&') {
            out.push(' ');
            rest = tail.get(1..).unwrap_or_default();
            continue;
        }
        let end = tail
            .find(';')
            .ok_or_else(|| Box::new(Malformed::EntityInAttributeNeverClosed))?;
        let entity = tail.get(1..end).unwrap_or_default();
        out.push(resolve_entity(entity).map_err(Box::new)?);
        rest = tail.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// A predefined entity or a character reference.
pub(crate) fn resolve_entity(entity: &str) -> Result<char, Malformed> {
    let number = |digits: &str, radix: u32| {
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|c| allowed(*c))
            .ok_or_else(|| Malformed::NotACharacter {
                entity: entity.to_owned(),
            })
    };
    match entity {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        _ => match entity.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => {
                number(hex.get(1..).unwrap_or_default(), 16)
            }
            Some(decimal) => number(decimal, 10),
            None => Err(Malformed::UnknownEntity {
                entity: entity.to_owned(),
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_values_and_quotes() {
        let attributes = scan(r#" id="ac-1"  class='x y' xmlns="urn:a" xmlns:o="urn:o"/"#).unwrap();
        let pairs: Vec<(&str, &str)> = attributes
            .iter()
            .map(|a| (a.name, a.value.as_ref()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("id", "ac-1"),
                ("class", "x y"),
                ("xmlns", "urn:a"),
                ("xmlns:o", "urn:o")
            ]
        );
        assert_eq!(attributes[2].declares(), Some(""));
        assert_eq!(attributes[3].declares(), Some("o"));
        assert_eq!(attributes[3].prefix(), Some("xmlns"));
        assert!(matches!(attributes[0].value, Cow::Borrowed(_)));
    }

    #[test]
    fn normalises_entities_and_whitespace() {
        let attributes = scan("v=\"a&amp;b&#x41;&#66;\tc\r\nd&quot;\"").unwrap();
        assert_eq!(attributes[0].value, "a&bAB c d\"");
        // The other quote inside a value, and a value that needs normalising before its end.
        let attributes = scan(" v='a\"b&amp;c' w=\"d'e\" x=\"\nf\"").unwrap();
        let values: Vec<&str> = attributes.iter().map(|a| a.value.as_ref()).collect();
        assert_eq!(values, ["a\"b&c", "d'e", " f"]);
        assert!(matches!(attributes[1].value, Cow::Borrowed(_)));
    }

    #[test]
    fn refuses_what_is_not_an_attribute_list() {
        let attribute = |name: &str| name.to_owned();
        for (bad, why) in [
            (
                " id",
                Malformed::AttributeWithoutValue {
                    attribute: attribute("id"),
                },
            ),
            (
                " id=x",
                Malformed::AttributeNotQuoted {
                    attribute: attribute("id"),
                },
            ),
            (
                " id=\"x",
                Malformed::AttributeValueNeverClosed {
                    attribute: attribute("id"),
                },
            ),
            (
                " id=\"x\"class=\"y\"",
                Malformed::AttributeRunsOn {
                    attribute: attribute("id"),
                },
            ),
            (
                " id=\"a\" id=\"b\"",
                Malformed::AttributeGivenTwice {
                    attribute: attribute("id"),
                },
            ),
            (
                " a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" c=\"8\"",
                Malformed::AttributeGivenTwice {
                    attribute: attribute("c"),
                },
            ),
            (
                " v=\"&bogus;\"",
                Malformed::UnknownEntity {
                    entity: attribute("bogus"),
                },
            ),
            (
                " v=\"a&amp;b",
                Malformed::AttributeValueNeverClosed {
                    attribute: attribute("v"),
                },
            ),
            (
                " v='a\tb\"",
                Malformed::AttributeValueNeverClosed {
                    attribute: attribute("v"),
                },
            ),
            (" v=\"a<b\"", Malformed::LessThanInAttribute),
            (" v=\"a&amp b\"", Malformed::EntityInAttributeNeverClosed),
            (
                " v=\"a\u{1}b\"",
                Malformed::NotAllowed { character: '\u{1}' },
            ),
            (
                " v=\"\u{fffe}\"",
                Malformed::NotAllowed {
                    character: '\u{fffe}',
                },
            ),
            (
                " v=\"&#x1F;\"",
                Malformed::NotACharacter {
                    entity: attribute("#x1F"),
                },
            ),
            (
                " v=\"&#0;\"",
                Malformed::NotACharacter {
                    entity: attribute("#0"),
                },
            ),
        ] {
            assert_eq!(scan(bad), Err(Box::new(why)), "{bad}");
        }
    }
}
