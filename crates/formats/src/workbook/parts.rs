//! The XML parts that the spreadsheet reader keeps whole in memory when it opens a workbook,
//! scanned as they stream by for what their size alone does not bound:
//!
//! - the shared string table, whose declared count the reader reserves room for at once, and
//!   whose strings it keeps;
//! - the styles, where every cell format gets its own copy of the font name and number format
//!   it refers to, so that one long name shared by many formats multiplies;
//! - the workbook part, which lists the sheets.
//!
//! A part is recognised by its root element, wherever it lies in the zip, since the reader finds
//! parts through relationships that the file itself sets. The scan reads XML the way the reader
//! does (same parser, same settings): where the XML is broken, the reader stops too.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};

use quick_xml::Reader as XmlReader;
use quick_xml::events::{BytesStart, Event};

use super::archive::{Exceeded, Metered, drain};
use super::limits::{
    MAX_CELL_FORMATS, MAX_PART_BYTES, MAX_SHARED_STRINGS, MAX_SHARED_STRINGS_BYTES, MAX_SHEETS,
    MAX_STYLE_BYTES,
};
use crate::table::Limit;

/// Why an entry is refused.
#[derive(Debug)]
pub(super) enum Problem {
    Limit(Limit),
    /// It inflates to more than its zip directory declares.
    Undeclared,
}

type Xml<R> = XmlReader<BufReader<Metered<R>>>;

/// Reads one entry to its end, scanning it when it is one of the parts above.
pub(super) fn scan<R: Read>(mut input: BufReader<Metered<R>>, entry: &str) -> Result<(), Problem> {
    let mut found = Ok(());
    if looks_like_xml(&mut input) {
        let mut xml = XmlReader::from_reader(input);
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        found = scan_part(&mut xml);
        input = xml.into_inner();
    }
    if found.is_ok() {
        drain(&mut input);
    }
    match input.get_ref().exceeded() {
        Some(Exceeded::Declared) => Err(Problem::Undeclared),
        Some(Exceeded::Ceiling(max)) => Err(Problem::Limit(Limit::EntrySize {
            entry: entry.to_owned(),
            max,
        })),
        None => found,
    }
}

/// XML starts with `<`, after a byte order mark and white space; anything else (pictures,
/// binary parts) is only metered.
fn looks_like_xml<R: Read>(input: &mut BufReader<Metered<R>>) -> bool {
    let Ok(head) = input.fill_buf() else {
        return false;
    };
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|byte| *byte == b'<')
}

/// Finds the root element and scans the part it makes.
fn scan_part<R: Read>(xml: &mut Xml<R>) -> Result<(), Problem> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(root)) => {
                return match root.local_name().as_ref() {
                    "sst" => {
                        let declared = declared_count(&root, "uniqueCount");
                        shared_strings(xml, declared)
                    }
                    "styleSheet" => {
                        lower_ceiling(xml);
                        styles(xml)
                    }
                    "workbook" => {
                        lower_ceiling(xml);
                        sheets(xml)
                    }
                    "Relationships" => {
                        lower_ceiling(xml);
                        Ok(())
                    }
                    _ => Ok(()),
                };
            }
            // Broken XML: the reader cannot read it either.
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

/// Parts read whole when a workbook is opened are held to [`MAX_PART_BYTES`].
fn lower_ceiling<R: Read>(xml: &mut Xml<R>) {
    xml.get_mut().get_mut().lower_ceiling(MAX_PART_BYTES);
}

/// Every number given to attribute `key`, read from the raw text so that no spelling the reader
/// accepts escapes: each `key="digits"` counts, whatever precedes it.
fn declared_numbers(element: &BytesStart<'_>, key: &str) -> Vec<u64> {
    let mut numbers = Vec::new();
    let mut rest = element.attributes_raw();
    while let Some(at) = rest.find(key) {
        rest = rest.get(at + key.len()..).unwrap_or_default();
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let Some(value) = value.strip_prefix('"').or_else(|| value.strip_prefix('\'')) else {
            continue;
        };
        let value = value.strip_prefix('+').unwrap_or(value);
        let digits = value
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or_default();
        if !digits.is_empty() {
            numbers.push(digits.bytes().fold(0u64, |acc, digit| {
                acc.saturating_mul(10)
                    .saturating_add(u64::from(digit - b'0'))
            }));
        }
    }
    numbers
}

/// The largest number given to attribute `key`: what a reader reserving room for it could ask.
fn declared_count(element: &BytesStart<'_>, key: &str) -> Option<u64> {
    declared_numbers(element, key).into_iter().max()
}

/// Counts the strings of the shared string table and their text.
fn shared_strings<R: Read>(xml: &mut Xml<R>, declared: Option<u64>) -> Result<(), Problem> {
    if let Some(count) = declared
        && count > MAX_SHARED_STRINGS
    {
        return Err(Problem::Limit(Limit::SharedStrings {
            count,
            max: MAX_SHARED_STRINGS,
        }));
    }
    let mut strings: u64 = 0;
    let mut text: u64 = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let length = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(element)) => {
                if element.local_name().as_ref() == "si" {
                    strings = strings.saturating_add(1);
                }
                0
            }
            Ok(Event::Text(content)) => content.len(),
            Ok(Event::CData(content)) => content.len(),
            // `&amp;` and the like: never more bytes than their name and delimiters.
            Ok(Event::GeneralRef(reference)) => reference.len() + 2,
            Ok(Event::End(element)) if element.local_name().as_ref() == "sst" => break,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => 0,
        };
        text = text.saturating_add(u64::try_from(length).unwrap_or(u64::MAX));
        if text > MAX_SHARED_STRINGS_BYTES {
            return Err(Problem::Limit(Limit::SharedStringsBytes {
                max: MAX_SHARED_STRINGS_BYTES,
            }));
        }
    }
    if strings > MAX_SHARED_STRINGS {
        return Err(Problem::Limit(Limit::SharedStrings {
            count: strings,
            max: MAX_SHARED_STRINGS,
        }));
    }
    Ok(())
}

/// Counts the sheets the workbook part lists.
fn sheets<R: Read>(xml: &mut Xml<R>) -> Result<(), Problem> {
    let mut count: u64 = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(element)) if element.local_name().as_ref() == "sheet" => {
                count = count.saturating_add(1);
            }
            Ok(Event::End(element)) if element.local_name().as_ref() == "workbook" => break,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    if count > MAX_SHEETS {
        return Err(Problem::Limit(Limit::Sheets {
            count,
            max: MAX_SHEETS,
        }));
    }
    Ok(())
}

/// What the reader keeps for each cell format: its own record, and copies of the font name
/// and number format code it refers to. Sections are read in the order of the document, as
/// the reader does: a format refers only to fonts and number formats defined before it.
#[derive(Debug, Default)]
struct Styles {
    /// The longest name given in each font, by the font's index.
    font_names: Vec<u64>,
    /// The longest code given to each number format id.
    format_codes: HashMap<u64, u64>,
    cell_formats: u64,
    bytes: u64,
}

/// Room for a number format code the reader knows by its id alone (`0.00%`, `mm-dd-yy`, …).
const BUILTIN_FORMAT_BYTES: u64 = 64;

fn styles<R: Read>(xml: &mut Xml<R>) -> Result<(), Problem> {
    let mut styles = Styles::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(section)) => match section.local_name().as_ref() {
                "numFmts" => number_formats(xml, &mut styles),
                "fonts" => fonts(xml, &mut styles),
                "cellXfs" => cell_formats(xml, &mut styles)?,
                _ => {}
            },
            Ok(Event::End(element)) if element.local_name().as_ref() == "styleSheet" => break,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    if styles.cell_formats > MAX_CELL_FORMATS {
        return Err(Problem::Limit(Limit::CellFormats {
            count: styles.cell_formats,
            max: MAX_CELL_FORMATS,
        }));
    }
    Ok(())
}

fn number_formats<R: Read>(xml: &mut Xml<R>, styles: &mut Styles) {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(format)) if format.local_name().as_ref() == "numFmt" => {
                let code = u64::try_from(format.attributes_raw().len()).unwrap_or(u64::MAX);
                for id in declared_numbers(&format, "numFmtId") {
                    let longest = styles.format_codes.entry(id).or_default();
                    *longest = (*longest).max(code);
                }
            }
            Ok(Event::End(element)) if element.local_name().as_ref() == "numFmts" => return,
            Ok(Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

fn fonts<R: Read>(xml: &mut Xml<R>, styles: &mut Styles) {
    let mut buf = Vec::new();
    // The font being read, with the longest name given in it so far.
    let mut font: Option<u64> = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(element)) => match (element.local_name().as_ref(), font) {
                ("font", None) => font = Some(0),
                ("name", Some(longest)) => {
                    let name = u64::try_from(element.attributes_raw().len()).unwrap_or(u64::MAX);
                    font = Some(longest.max(name));
                }
                _ => {}
            },
            Ok(Event::End(element)) => match (element.local_name().as_ref(), font) {
                ("font", Some(longest)) => {
                    styles.font_names.push(longest);
                    font = None;
                }
                ("fonts", None) => return,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

fn cell_formats<R: Read>(xml: &mut Xml<R>, styles: &mut Styles) -> Result<(), Problem> {
    let record = u64::try_from(size_of::<calamine::Style>()).unwrap_or(u64::MAX);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(format)) if format.local_name().as_ref() == "xf" => {
                styles.cell_formats = styles.cell_formats.saturating_add(1);
                // Whichever spelling of an id the reader takes, count the largest it could.
                let font = declared_numbers(&format, "fontId")
                    .into_iter()
                    .filter_map(|id| usize::try_from(id).ok())
                    .filter_map(|id| styles.font_names.get(id).copied())
                    .max()
                    .unwrap_or(0);
                let code = declared_numbers(&format, "numFmtId")
                    .into_iter()
                    .map(|id| {
                        styles
                            .format_codes
                            .get(&id)
                            .copied()
                            .unwrap_or(BUILTIN_FORMAT_BYTES)
                    })
                    .max()
                    .unwrap_or(0);
                styles.bytes = styles
                    .bytes
                    .saturating_add(record)
                    .saturating_add(font)
                    .saturating_add(code);
                if styles.bytes > MAX_STYLE_BYTES {
                    return Err(Problem::Limit(Limit::StyleBytes {
                        max: MAX_STYLE_BYTES,
                    }));
                }
            }
            Ok(Event::End(element)) if element.local_name().as_ref() == "cellXfs" => return Ok(()),
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(tag: &str) -> BytesStart<'_> {
        let name = tag.split(' ').next().unwrap_or_default();
        BytesStart::from_content(tag, name.len())
    }

    #[test]
    fn declared_counts_take_every_spelling() {
        assert_eq!(
            declared_count(&start(r#"sst count="3" uniqueCount="2""#), "uniqueCount"),
            Some(2)
        );
        assert_eq!(
            declared_count(
                &start(r#"sst uniqueCount = '+99999999999999999999999'"#),
                "uniqueCount"
            ),
            Some(u64::MAX)
        );
        assert_eq!(
            declared_count(
                &start(r#"sst uniqueCount="7" uniqueCount="9""#),
                "uniqueCount"
            ),
            Some(9)
        );
        assert_eq!(
            declared_count(&start(r#"sst uniqueCount="many""#), "uniqueCount"),
            None
        );
        assert_eq!(declared_count(&start("sst"), "uniqueCount"), None);
    }
}
