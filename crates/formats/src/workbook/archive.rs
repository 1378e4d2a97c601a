//! The zip container of an XLSX file, checked before the spreadsheet reader sees it: the sizes
//! its directory declares, then every entry inflated once, metered, into nothing. Inflating is
//! deterministic, and the zip library the reader uses stops at the declared size too, so the
//! reader that inflates the same bytes afterwards meets no more than was metered here.
//!
//! While an entry is inflated, the XML parts that the reader keeps whole in memory when it
//! opens a workbook are scanned for what sizes alone do not show (see [`super::parts`]).

use std::io::{self, BufReader, Cursor, Read};

use flate2::read::DeflateDecoder;
use zip::{CompressionMethod, ZipArchive};

use super::limits::{
    MAX_COMPRESSION_RATIO, MAX_ENTRY_BYTES, MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_ZIP_ENTRIES,
    RATIO_GRACE_BYTES,
};
use super::parts;
use crate::table::{Limit, Place, TableError};

/// Checks an XLSX file's container and the parts read when it is opened. A file that is not a
/// zip archive passes: the spreadsheet reader refuses it with its own, better, message.
pub(super) fn check(file: &str, bytes: &[u8]) -> Result<(), TableError> {
    let over = |limit| TableError::OverLimit {
        at: Place::file(file),
        limit,
    };
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(over(Limit::FileSize {
            bytes: size,
            max: MAX_FILE_BYTES,
        }));
    }
    let Ok(mut archive) = ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let count = u64::try_from(archive.len()).unwrap_or(u64::MAX);
    if count > MAX_ZIP_ENTRIES {
        return Err(over(Limit::ZipEntries {
            count,
            max: MAX_ZIP_ENTRIES,
        }));
    }

    // What the directory declares, before anything is inflated.
    let mut declared = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            declared.push(None);
            continue;
        };
        let name = entry_name(&entry);
        let size = entry.size();
        if size > MAX_ENTRY_BYTES {
            return Err(over(Limit::EntrySize {
                entry: name,
                max: MAX_ENTRY_BYTES,
            }));
        }
        if size > RATIO_GRACE_BYTES
            && size
                > entry
                    .compressed_size()
                    .saturating_mul(MAX_COMPRESSION_RATIO)
        {
            return Err(over(Limit::CompressionRatio {
                entry: name,
                max: MAX_COMPRESSION_RATIO,
            }));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(over(Limit::TotalSize {
                max: MAX_TOTAL_BYTES,
            }));
        }
        declared.push(Some((name, size)));
    }

    // Every entry inflated, by this module itself and not by the zip library, so that an entry
    // inflating past what its directory declared is seen as such.
    for (index, declared) in declared.into_iter().enumerate() {
        let Some((name, size)) = declared else {
            continue;
        };
        let Ok(raw) = archive.by_index_raw(index) else {
            continue;
        };
        // An entry that cannot be inflated (encrypted, an unknown method) cannot be by the
        // reader either: it fails there if it needs the entry.
        let inflated: Box<dyn Read + '_> = match raw.compression() {
            _ if raw.encrypted() => continue,
            CompressionMethod::Stored => Box::new(raw),
            CompressionMethod::Deflated => Box::new(DeflateDecoder::new(raw)),
            _ => continue,
        };
        let metered = Metered::new(inflated, size);
        parts::scan(BufReader::new(metered), &name).map_err(|problem| match problem {
            parts::Problem::Limit(limit) => over(limit),
            parts::Problem::Undeclared => over(Limit::EntryUndeclared {
                entry: name.clone(),
                declared: size,
            }),
        })?;
    }
    Ok(())
}

fn entry_name<R: Read>(entry: &zip::read::ZipFile<'_, R>) -> String {
    entry
        .name()
        .map(|name| name.into_owned())
        .unwrap_or_else(|_| String::from_utf8_lossy(entry.name_raw()).into_owned())
}

/// Counts the bytes read through it and fails once they exceed a ceiling: first the size the
/// zip directory declares, lowered later for parts held to a smaller bound.
#[derive(Debug)]
pub(super) struct Metered<R> {
    inner: R,
    read: u64,
    declared: u64,
    ceiling: u64,
    exceeded: Option<Exceeded>,
}

/// Which ceiling a metered entry went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Exceeded {
    /// The size the zip directory declares.
    Declared,
    /// A lower bound set for the entry's kind of part.
    Ceiling(u64),
}

impl<R> Metered<R> {
    pub(super) fn new(inner: R, declared: u64) -> Metered<R> {
        Metered {
            inner,
            read: 0,
            declared,
            ceiling: declared,
            exceeded: None,
        }
    }

    /// Holds the entry to `ceiling` bytes as well, from its start.
    pub(super) fn lower_ceiling(&mut self, ceiling: u64) {
        self.ceiling = self.ceiling.min(ceiling);
    }

    /// Whether, and over what, the reading went.
    pub(super) fn exceeded(&self) -> Option<Exceeded> {
        if self.exceeded.is_some() {
            self.exceeded
        } else if self.read > self.declared {
            Some(Exceeded::Declared)
        } else if self.read > self.ceiling {
            Some(Exceeded::Ceiling(self.ceiling))
        } else {
            None
        }
    }
}

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(exceeded) = self.exceeded() {
            self.exceeded = Some(exceeded);
            return Err(io::Error::other("zip entry over its bound"));
        }
        // One byte past the ceiling is enough to know it is exceeded.
        let room = self.ceiling.saturating_sub(self.read).saturating_add(1);
        let wanted = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let Some(window) = buf.get_mut(..wanted) else {
            return Ok(0);
        };
        let got = self.inner.read(window)?;
        self.read = self
            .read
            .saturating_add(u64::try_from(got).unwrap_or(u64::MAX));
        if let Some(exceeded) = self.exceeded() {
            self.exceeded = Some(exceeded);
            return Err(io::Error::other("zip entry over its bound"));
        }
        Ok(got)
    }
}

/// Reads what is left of an entry into nothing; only its metering matters.
pub(super) fn drain<R: Read>(reader: &mut BufReader<Metered<R>>) {
    // An error here is either the metering's, which the caller asks the meter about, or a
    // damaged entry, which the spreadsheet reader meets again if it needs the entry.
    let _ = io::copy(reader, &mut io::sink());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metering_stops_one_byte_past_the_ceiling() {
        let data = [7u8; 100];
        let mut metered = Metered::new(&data[..], 100);
        metered.lower_ceiling(10);
        let mut sink = Vec::new();
        assert!(metered.read_to_end(&mut sink).is_err());
        assert_eq!(metered.read, 11);
        assert_eq!(metered.exceeded(), Some(Exceeded::Ceiling(10)));

        let mut metered = Metered::new(&data[..], 50);
        let mut sink = Vec::new();
        assert!(metered.read_to_end(&mut sink).is_err());
        assert_eq!(metered.exceeded(), Some(Exceeded::Declared));

        let mut metered = Metered::new(&data[..], 100);
        let mut sink = Vec::new();
        assert_eq!(metered.read_to_end(&mut sink).ok(), Some(100));
        assert_eq!(metered.exceeded(), None);
    }
}
