//! Crafted XLSX files for the tests of the bounded workbook reader. The zip archive is written
//! byte by byte, so that its directory declares whatever a test wants, true or not; the parts
//! are the least a spreadsheet reader needs (package and workbook relationships, the workbook
//! part, the sheets, optionally shared strings and styles).

use std::fmt::Write as _;
use std::io::Write as _;

const MIB: usize = 1024 * 1024;
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// How an entry's bytes are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflated,
}

impl Method {
    fn code(self) -> u16 {
        match self {
            Method::Stored => 0,
            Method::Deflated => 8,
        }
    }
}

/// One zip entry, as the archive will say it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub method: Method,
    /// The bytes as stored in the archive.
    pub data: Vec<u8>,
    pub crc: u32,
    /// The inflated size the directory declares.
    pub declared: u32,
}

impl Entry {
    /// Stored as it is: inflating costs nothing, so large honest parts keep tests fast.
    pub fn stored(name: &str, content: &[u8]) -> Entry {
        Entry {
            name: name.to_owned(),
            method: Method::Stored,
            data: content.to_vec(),
            crc: crc32(content),
            declared: size(content.len()),
        }
    }

    pub fn deflated(name: &str, content: &[u8]) -> Entry {
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        let data = encoder
            .write_all(content)
            .and_then(|()| encoder.finish())
            .unwrap_or_default();
        Entry {
            name: name.to_owned(),
            method: Method::Deflated,
            data,
            crc: crc32(content),
            declared: size(content.len()),
        }
    }
}

fn size(length: usize) -> u32 {
    u32::try_from(length).unwrap_or(u32::MAX)
}

fn short(length: usize) -> u16 {
    u16::try_from(length).unwrap_or(u16::MAX)
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of the entries, its directory saying what each entry says.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    zip_with_aliases(entries, 0)
}

/// Like [`zip`], with the last entry listed `aliases` more times in the directory, each listing
/// pointing at the same data (the overlapping-entries zip bomb).
pub fn zip_with_aliases(entries: &[Entry], aliases: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let mut listed: usize = 0;
    let mut last_offset = 0;
    for entry in entries {
        last_offset = size(out.len());
        out.extend(header(entry, &entry.name, None));
        out.extend_from_slice(&entry.data);
        directory.extend(header(entry, &entry.name, Some(last_offset)));
        listed += 1;
    }
    if let Some(last) = entries.last() {
        // Names as long as the original, so that its local header reads the same.
        let stem = last
            .name
            .get(..last.name.len().saturating_sub(6))
            .unwrap_or_default();
        for alias in 0..aliases {
            let name = format!("{stem}{alias:0>6}");
            directory.extend(header(last, &name, Some(last_offset)));
            listed += 1;
        }
    }
    let start = size(out.len());
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]); // disk numbers
    out.extend_from_slice(&short(listed).to_le_bytes());
    out.extend_from_slice(&short(listed).to_le_bytes());
    out.extend_from_slice(&size(directory.len()).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    out
}

/// A local header, or a central one when given the local header's offset.
fn header(entry: &Entry, name: &str, central: Option<u32>) -> Vec<u8> {
    let mut h = Vec::new();
    let signature: u32 = if central.is_some() {
        0x0201_4b50
    } else {
        0x0403_4b50
    };
    h.extend_from_slice(&signature.to_le_bytes());
    if central.is_some() {
        h.extend_from_slice(&20u16.to_le_bytes()); // made by
    }
    h.extend_from_slice(&20u16.to_le_bytes()); // needed to extract
    h.extend_from_slice(&0u16.to_le_bytes()); // flags
    h.extend_from_slice(&entry.method.code().to_le_bytes());
    h.extend_from_slice(&0u32.to_le_bytes()); // time and date
    h.extend_from_slice(&entry.crc.to_le_bytes());
    h.extend_from_slice(&size(entry.data.len()).to_le_bytes());
    h.extend_from_slice(&entry.declared.to_le_bytes());
    h.extend_from_slice(&short(name.len()).to_le_bytes());
    h.extend_from_slice(&0u16.to_le_bytes()); // extra field
    if let Some(offset) = central {
        h.extend_from_slice(&0u16.to_le_bytes()); // comment
        h.extend_from_slice(&0u16.to_le_bytes()); // disk
        h.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        h.extend_from_slice(&offset.to_le_bytes());
    }
    h.extend_from_slice(name.as_bytes());
    h
}

/// Raw deflate data inflating to `mib` MiB of zeros in about a kilobyte a MiB: one block of
/// 1 MiB of zeros, flushed to a byte boundary, repeated, then a final empty block.
pub fn zeros_bomb(mib: usize) -> Vec<u8> {
    let zeros = vec![0u8; MIB];
    let mut block = Vec::with_capacity(64 * 1024);
    let _ = flate2::Compress::new(flate2::Compression::best(), false).compress_vec(
        &zeros,
        &mut block,
        flate2::FlushCompress::Full,
    );
    let mut out = Vec::with_capacity(block.len() * mib + 16);
    for _ in 0..mib {
        out.extend_from_slice(&block);
    }
    let mut last = Vec::with_capacity(64);
    let _ = flate2::Compress::new(flate2::Compression::best(), false).compress_vec(
        &[],
        &mut last,
        flate2::FlushCompress::Finish,
    );
    out.extend_from_slice(&last);
    out
}

/// One sheet: its name, the dimension it declares (if any) and the content of its `sheetData`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    pub name: String,
    pub dimension: Option<String>,
    pub rows: String,
}

/// A workbook to craft.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
    /// The whole shared string part, if any.
    pub shared_strings: Option<String>,
    /// The whole styles part, if any.
    pub styles: Option<String>,
    /// Sheets listed in the workbook part after those given, with no part of their own.
    pub listed_only: usize,
    /// Entries added after the parts.
    pub extra: Vec<Entry>,
}

impl Book {
    /// A workbook of one sheet.
    pub fn one_sheet(name: &str, dimension: Option<&str>, rows: String) -> Book {
        Book {
            sheets: vec![Sheet {
                name: name.to_owned(),
                dimension: dimension.map(str::to_owned),
                rows,
            }],
            ..Book::default()
        }
    }

    /// The entries, every part stored.
    pub fn entries(&self) -> Vec<Entry> {
        let mut entries = vec![Entry::stored(
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            )
            .as_bytes(),
        )];
        let mut sheets = String::new();
        let mut relationships = String::new();
        for index in 0..self.sheets.len() + self.listed_only {
            let name = self
                .sheets
                .get(index)
                .map_or_else(|| format!("s{index}"), |sheet| sheet.name.clone());
            let _ = write!(
                sheets,
                r#"<sheet name="{name}" sheetId="{}" r:id="rId{index}"/>"#,
                index + 1
            );
            let _ = write!(
                relationships,
                r#"<Relationship Id="rId{index}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{index}.xml"/>"#
            );
        }
        entries.push(Entry::stored(
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>{sheets}</sheets></workbook>"#
            )
            .as_bytes(),
        ));
        entries.push(Entry::stored(
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE}">{relationships}</Relationships>"#
            )
            .as_bytes(),
        ));
        for (index, sheet) in self.sheets.iter().enumerate() {
            let dimension = sheet
                .dimension
                .as_ref()
                .map(|range| format!(r#"<dimension ref="{range}"/>"#))
                .unwrap_or_default();
            entries.push(Entry::stored(
                &format!("xl/worksheets/sheet{index}.xml"),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{dimension}<sheetData>{}</sheetData></worksheet>"#,
                    sheet.rows
                )
                .as_bytes(),
            ));
        }
        if let Some(strings) = &self.shared_strings {
            entries.push(Entry::stored("xl/sharedStrings.xml", strings.as_bytes()));
        }
        if let Some(styles) = &self.styles {
            entries.push(Entry::stored("xl/styles.xml", styles.as_bytes()));
        }
        entries.extend(self.extra.iter().cloned());
        entries
    }

    pub fn bytes(&self) -> Vec<u8> {
        zip(&self.entries())
    }

    /// The workbook with the entry of the same name replaced by `entry`.
    pub fn with_entry(&self, entry: Entry) -> Vec<u8> {
        let entries: Vec<Entry> = self
            .entries()
            .into_iter()
            .map(|old| {
                if old.name == entry.name {
                    entry.clone()
                } else {
                    old
                }
            })
            .collect();
        zip(&entries)
    }
}

/// The namespace of the spreadsheet parts, for shared strings and styles written by hand.
pub const SPREADSHEET_NAMESPACE: &str = MAIN;

/// A cell holding `text` as an inline string.
pub fn inline(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// What the security review sent: a sheet `sheet` with only cells `A1` and `XFD1048576`, which
/// declares the whole grid `A1:XFD1048576`. About 1.5 KB.
pub fn whole_grid(sheet: &str) -> Vec<u8> {
    let rows = format!(
        r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
        inline("A1", "kind"),
        inline("XFD1048576", "x")
    );
    Book::one_sheet(sheet, Some("A1:XFD1048576"), rows).bytes()
}
