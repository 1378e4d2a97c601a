//! The Cabinet Office's holiday list read from files as it comes: Shift_JIS as published,
//! UTF-8 as an editor saves it, and files that are not the list.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::Path;

use shinrai_domain::calendar::{BusinessCalendar, PublishedError};
use shinrai_domain::date::CalendarDate;
use shinrai_formats::holidays::{HolidayFileError, MAX_HOLIDAY_FILE_BYTES, read_holiday_file};

const LIST: &str = "国民の祝日・休日月日,国民の祝日・休日名称\r\n\
2026/1/1,元日\r\n\
2026/1/12,成人の日\r\n\
2026/5/6,休日\r\n\
2026/9/22,休日\r\n";

fn file_with(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    file.flush().unwrap();
    file
}

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn reads_utf8_with_and_without_a_bom() {
    for bytes in [
        LIST.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF".as_slice(), LIST.as_bytes()].concat(),
    ] {
        let file = file_with(&bytes);
        let listed = read_holiday_file(file.path()).unwrap();
        assert_eq!(listed.days().len(), 4);
        assert_eq!(listed.name(date("2026-01-12")), Some("成人の日"));
    }
}

#[test]
fn reads_shift_jis_as_the_cabinet_office_publishes_it() {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(LIST);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let file = file_with(&bytes);
    let listed = read_holiday_file(file.path()).unwrap();
    assert_eq!(listed.name(date("2026-01-01")), Some("元日"));
    assert_eq!(listed.name(date("2026-09-22")), Some("休日"));
    // The list read drives a calendar.
    let calendar = BusinessCalendar::new(listed);
    assert!(!calendar.is_business_day(date("2026-01-12")));
    assert_eq!(calendar.source().published_through_year, 2026);
}

#[test]
fn a_file_over_the_bound_is_refused_naming_it() {
    let mut bytes = LIST.as_bytes().to_vec();
    bytes.resize(usize::try_from(MAX_HOLIDAY_FILE_BYTES).unwrap() + 1, b'\n');
    let file = file_with(&bytes);
    let error = read_holiday_file(file.path()).unwrap_err();
    let HolidayFileError::TooLarge {
        file: named,
        size,
        max,
    } = &error
    else {
        panic!("too large, not {error}");
    };
    assert_eq!(named, &name(file.path()));
    assert_eq!(
        (*size, *max),
        (MAX_HOLIDAY_FILE_BYTES + 1, MAX_HOLIDAY_FILE_BYTES)
    );
    assert!(error.to_string().starts_with(&name(file.path())));
    assert_eq!(error.line(), None);
}

#[test]
fn a_bad_line_is_named_with_the_file() {
    let text = LIST.replace("2026/5/6", "2026/5/32");
    for bytes in [
        text.as_bytes().to_vec(),
        encoding_rs::SHIFT_JIS.encode(&text).0.into_owned(),
    ] {
        let file = file_with(&bytes);
        let error = read_holiday_file(file.path()).unwrap_err();
        assert!(
            matches!(
                &error,
                HolidayFileError::List {
                    source: PublishedError::BadDate { line: 4, text },
                    ..
                } if text == "2026/5/32"
            ),
            "{error}"
        );
        assert_eq!(error.line(), Some(4));
        assert_eq!(error.file(), name(file.path()));
        assert_eq!(
            error.to_string(),
            format!(
                "{}: line 4: \"2026/5/32\" is not a date written yyyy/m/d",
                name(file.path())
            )
        );
    }
}

#[test]
fn bytes_that_are_no_text_are_refused_with_their_line() {
    // 0xFF is neither UTF-8 nor Shift_JIS.
    let shift_jis = encoding_rs::SHIFT_JIS.encode(LIST).0;
    let bytes = [shift_jis.as_ref(), b"2026/11/3,\xFF\n".as_slice()].concat();
    let file = file_with(&bytes);
    let error = read_holiday_file(file.path()).unwrap_err();
    assert!(
        matches!(&error, HolidayFileError::Encoding { line: 6, .. }),
        "{error}"
    );
    assert_eq!(error.line(), Some(6));
    assert!(
        error
            .to_string()
            .starts_with(&format!("{} line 6:", name(file.path())))
    );
    // A UTF-8 byte-order mark says UTF-8: a byte that is not is refused, not read as Shift_JIS.
    let shift_jis = encoding_rs::SHIFT_JIS.encode("2026/11/3,文化の日\n").0;
    let bytes = [
        b"\xEF\xBB\xBF".as_slice(),
        LIST.as_bytes(),
        shift_jis.as_ref(),
    ]
    .concat();
    let file = file_with(&bytes);
    let error = read_holiday_file(file.path()).unwrap_err();
    assert!(
        matches!(&error, HolidayFileError::Encoding { line: 6, .. }),
        "{error}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join("syukujitsu.csv");
    let error = read_holiday_file(&path).unwrap_err();
    assert!(matches!(&error, HolidayFileError::Io { .. }), "{error}");
    assert_eq!(error.file(), name(&path));
}
