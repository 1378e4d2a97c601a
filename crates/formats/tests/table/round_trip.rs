//! What is written reads back equal.

use super::*;

#[test]
fn csv_round_trip_is_equal() {
    let version = sample();
    let bytes = csv_of(&version);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "CSV starts with a BOM");
    assert_eq!(read_csv_bytes("sample.csv", &bytes).unwrap(), version);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.CSV");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(read_table(&path).unwrap(), version);
    assert_eq!(read_csv(&path).unwrap(), version);
}

#[test]
fn xlsx_round_trip_is_equal() {
    let version = sample();
    let bytes = write_xlsx(&version).unwrap();
    assert_eq!(read_xlsx_bytes("sample.xlsx", &bytes).unwrap(), version);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(read_table(&path).unwrap(), version);
    assert_eq!(read_xlsx(&path).unwrap(), version);

    // Levels are written as numbers; the workbook explains itself in a second sheet.
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), ["criteria", "help"]);
    let range = workbook.worksheet_range("criteria").unwrap();
    let level = range.get_value((2 + 8, 10)).unwrap();
    assert_eq!(*level, calamine::Data::Float(1.0));
}

#[test]
fn published_versions_come_back_as_drafts() {
    let mut published = sample();
    published.status = Status::Published;
    published.published_on = CalendarDate::new(2026, 4, 1);
    let back = read_csv_bytes("p.csv", &csv_of(&published)).unwrap();
    assert_eq!(back.status, Status::Draft);
    assert_eq!(back.published_on, None);
    assert_eq!(back, sample());
}

#[test]
fn demo_criteria_round_trip_in_both_formats() {
    let mut demo = demo_criteria().unwrap();
    demo.status = Status::Draft;
    demo.published_on = None;
    assert_eq!(read_csv_bytes("demo.csv", &csv_of(&demo)).unwrap(), demo);
    let xlsx = write_xlsx(&demo).unwrap();
    assert_eq!(read_xlsx_bytes("demo.xlsx", &xlsx).unwrap(), demo);
}
