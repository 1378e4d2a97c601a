//! Templates: empty tables in the layout the readers take.

use super::*;

#[test]
fn templates_are_empty_tables() {
    let error = read_csv_bytes("template.csv", &template_csv()).unwrap_err();
    assert!(matches!(error, TableError::NoVersionRow { .. }), "{error}");

    let bytes = template_xlsx().unwrap();
    let error = read_xlsx_bytes("template.xlsx", &bytes).unwrap_err();
    assert!(matches!(error, TableError::NoVersionRow { .. }), "{error}");
    in_sheet(&error, None, None, None);

    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(workbook.sheet_names(), ["criteria", "help"]);
    let header: Vec<String> = workbook
        .worksheet_range("criteria")
        .unwrap()
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|cell| cell.to_string())
        .collect();
    assert_eq!(header, COLUMNS);
    let help = workbook.worksheet_range("help").unwrap();
    let described: Vec<String> = help
        .rows()
        .skip(1)
        .take(COLUMNS.len())
        .map(|row| row[0].to_string())
        .collect();
    assert_eq!(described, COLUMNS);
    for row in help.rows().skip(1).take(COLUMNS.len()) {
        assert!(
            row[2].to_string().chars().any(|c| c > '\u{3000}'),
            "Japanese help"
        );
        assert!(!row[3].to_string().is_empty(), "English help");
    }
}

#[test]
fn unwritable_reference_is_refused() {
    let mut version = sample();
    version.controls[0]
        .references
        .push(reference("A;B", "1", Relation::Equal));
    let mut out = Vec::new();
    let error = write_csv(&version, &mut out).unwrap_err();
    assert!(
        matches!(error, TableError::UnwritableReference { .. }),
        "{error}"
    );
    assert!(write_xlsx(&version).is_err());
}

#[test]
fn unwritable_example_is_refused() {
    let mut version = sample();
    version.controls[0]
        .technology_examples
        .push(TechnologyExample::new(
            "pipe",
            "縦棒 | を含む",
            "Holds a bar",
        ));
    let mut out = Vec::new();
    let error = write_csv(&version, &mut out).unwrap_err();
    assert!(
        matches!(&error, TableError::UnwritableExample { control, id }
            if control == "G1.1" && id == "pipe"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("technology example pipe of control G1.1")
    );
    assert!(write_xlsx(&version).is_err());
}
