//! The Cabinet Office's holiday list (`syukujitsu.csv`, 内閣府) from a file: the bytes are
//! read and decoded here, the lines are read by
//! [`PublishedHolidays::parse`](shinrai_domain::calendar::PublishedHolidays::parse).
//!
//! The Cabinet Office publishes the file in Shift_JIS; a copy saved by an editor is often
//! UTF-8, with or without a byte-order mark. Text that is valid UTF-8 is taken as UTF-8 (a
//! Japanese Shift_JIS text practically never is), anything else as Shift_JIS — unless it
//! starts with a UTF-8 byte-order mark, which says it is meant as UTF-8.

use std::io::{self, Read};
use std::path::Path;

use encoding_rs::SHIFT_JIS;
use shinrai_domain::calendar::{PublishedError, PublishedHolidays};

/// The largest file read. The whole list since 1955 is about 20 KB; a file far larger is
/// not the list.
pub const MAX_HOLIDAY_FILE_BYTES: u64 = 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What is wrong with a holiday file; every error names the file, and the line where there
/// is one.
#[derive(Debug, thiserror::Error)]
pub enum HolidayFileError {
    #[error("{file}: {source}")]
    Io { file: String, source: io::Error },
    #[error("{file}: the file has {size} bytes; at most {max} are read")]
    TooLarge { file: String, size: u64, max: u64 },
    #[error("{file} line {line}: the text is neither UTF-8 nor Shift_JIS")]
    Encoding { file: String, line: usize },
    /// The text is read, but it is not a holiday list; `source` has the line.
    #[error("{file}: {source}")]
    List {
        file: String,
        source: PublishedError,
    },
}

impl HolidayFileError {
    /// The file, as given.
    pub fn file(&self) -> &str {
        match self {
            HolidayFileError::Io { file, .. }
            | HolidayFileError::TooLarge { file, .. }
            | HolidayFileError::Encoding { file, .. }
            | HolidayFileError::List { file, .. } => file,
        }
    }

    /// The line (counted from 1) the problem is on, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            HolidayFileError::Encoding { line, .. } => Some(*line),
            HolidayFileError::List { source, .. } => source.line(),
            HolidayFileError::Io { .. } | HolidayFileError::TooLarge { .. } => None,
        }
    }
}

/// Reads a holiday list file: at most [`MAX_HOLIDAY_FILE_BYTES`], UTF-8 (with or without a
/// byte-order mark) or Shift_JIS.
pub fn read_holiday_file(path: &Path) -> Result<PublishedHolidays, HolidayFileError> {
    let file = path.display().to_string();
    let bytes = read_bounded(path, &file)?;
    let text = decode(&bytes).map_err(|line| HolidayFileError::Encoding {
        file: file.clone(),
        line,
    })?;
    PublishedHolidays::parse(&text).map_err(|source| HolidayFileError::List { file, source })
}

/// The whole file, refused when larger than the bound: by its declared size before reading,
/// and by what was read (a file may grow, or not know its size).
fn read_bounded(path: &Path, file: &str) -> Result<Vec<u8>, HolidayFileError> {
    let io = |source| HolidayFileError::Io {
        file: file.to_owned(),
        source,
    };
    let too_large = |size| HolidayFileError::TooLarge {
        file: file.to_owned(),
        size,
        max: MAX_HOLIDAY_FILE_BYTES,
    };
    let handle = std::fs::File::open(path).map_err(io)?;
    let declared = handle.metadata().map_err(io)?.len();
    if declared > MAX_HOLIDAY_FILE_BYTES {
        return Err(too_large(declared));
    }
    let mut bytes = Vec::new();
    handle
        .take(MAX_HOLIDAY_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_HOLIDAY_FILE_BYTES {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// The text of the bytes, or the line (from 1) where they stop being text.
fn decode(bytes: &[u8]) -> Result<String, usize> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let is_utf8 = |line: &[u8]| std::str::from_utf8(line).is_ok();
    if bytes.starts_with(UTF8_BOM) {
        return Err(first_bad_line(bytes, is_utf8));
    }
    let is_shift_jis = |line: &[u8]| {
        SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(line)
            .is_some()
    };
    match SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => Err(first_bad_line(bytes, is_shift_jis)),
    }
}

/// The first line the check refuses. Lines split at the byte `\n`, which is never part of a
/// multi-byte character in UTF-8 or in Shift_JIS (whose second bytes start at 0x40).
fn first_bad_line(bytes: &[u8], decodes: impl Fn(&[u8]) -> bool) -> usize {
    bytes
        .split(|&byte| byte == b'\n')
        .position(|line| !decodes(line))
        .map_or(1, |index| index + 1)
}
