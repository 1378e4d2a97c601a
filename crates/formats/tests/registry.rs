//! The registry's open data: every entry once, in the documented columns, readable back by
//! ordinary CSV, spreadsheet and JSON readers, Japanese intact.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx};
use shinrai_domain::registry::demo::demo_registry;
use shinrai_domain::text::Bilingual;
use shinrai_formats::registry::{COLUMNS, write_csv, write_json, write_xlsx};

fn names() -> HashMap<String, Bilingual> {
    let registry = demo_registry().unwrap();
    registry
        .providers
        .iter()
        .chain(&registry.audit_bodies)
        .map(|org| (org.id.clone(), org.name.clone()))
        .collect()
}

#[test]
fn csv_has_a_bom_the_columns_and_every_entry() {
    let registry = demo_registry().unwrap();
    let entries: Vec<_> = registry.entries.iter().collect();
    let mut bytes = Vec::new();
    write_csv(&entries, &names(), &mut bytes).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), entries.len());
    for (row, entry) in rows.iter().zip(&entries) {
        assert_eq!(&row[0], entry.id);
        assert_eq!(&row[1], entry.service_name.ja);
        assert_eq!(&row[6], entry.level.to_string());
        assert_eq!(&row[9], entry.status.code());
        assert_eq!(&row[17], entry.built_on.join(";"));
    }
    // A provider of the registry's own has its name; one of the wider world shows its id.
    let own = rows.iter().find(|r| names().contains_key(&r[3])).unwrap();
    assert_ne!(&own[4], &own[3]);
}

#[test]
fn xlsx_reads_back_with_numbers_for_levels() {
    let registry = demo_registry().unwrap();
    let entries: Vec<_> = registry.entries.iter().collect();
    let bytes = write_xlsx(&entries, &names()).unwrap();
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("registry").unwrap();
    assert_eq!(range.height(), entries.len() + 1);
    assert_eq!(range.get((0, 0)), Some(&Data::String("id".to_owned())));
    for (row, entry) in entries.iter().enumerate() {
        assert_eq!(
            range.get((row + 1, 0)),
            Some(&Data::String(entry.id.clone()))
        );
        assert_eq!(
            range.get((row + 1, 6)),
            Some(&Data::Float(f64::from(entry.level.get())))
        );
        assert_eq!(
            range.get((row + 1, 2)),
            Some(&Data::String(entry.service_name.en.clone()))
        );
    }
}

#[test]
fn json_carries_every_entry_whole() {
    let registry = demo_registry().unwrap();
    let entries: Vec<_> = registry.entries.iter().take(5).collect();
    let mut bytes = Vec::new();
    write_json(&entries, &names(), &mut bytes).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let back: Vec<shinrai_domain::registry::RegistryEntry> =
        serde_json::from_value(value["entries"].clone()).unwrap();
    assert_eq!(back, entries.into_iter().cloned().collect::<Vec<_>>());
    assert!(!value["organisations"].as_object().unwrap().is_empty());
}
