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
    // Examples one a line, in the column the help names.
    let examples = range.get_value((2 + 8 + 2, 14)).unwrap().to_string();
    assert_eq!(
        examples,
        "ex-1: 例, その1「引用」: 注 | an example, \"first\"\ntls1.3: =not a formula | TLS 1.3 (RFC 8446)"
    );
}

#[test]
fn items_keep_their_level_and_models_in_both_formats() {
    let version = sample();
    let item = version.control("M2.1").unwrap();
    assert_eq!(item.min_level, Level::HIGH);
    assert_eq!(
        item.service_models,
        [ServiceModel::PaaS, ServiceModel::IaaS]
    );
    let csv = read_csv_bytes("s.csv", &csv_of(&version)).unwrap();
    let xlsx = read_xlsx_bytes("s.xlsx", &write_xlsx(&version).unwrap()).unwrap();
    for back in [csv, xlsx] {
        let read = back.control("M2.1").unwrap();
        assert_eq!(
            (read.min_level, &read.service_models),
            (item.min_level, &item.service_models)
        );
        assert_eq!(
            back.control("9.2.3.1").unwrap().technology_examples.len(),
            2
        );
    }
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
