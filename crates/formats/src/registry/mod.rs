//! The public registry as open data: CSV, XLSX (one row per entry, the columns of
//! [`COLUMNS`]) and JSON (every entry whole, with the organisations' names).

use std::collections::HashMap;
use std::io::Write;

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::Serialize;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::text::Bilingual;

/// The columns of the CSV and XLSX exports, in order.
pub const COLUMNS: [&str; 22] = [
    "id",
    "service_name_ja",
    "service_name_en",
    "provider",
    "provider_name_ja",
    "provider_name_en",
    "level",
    "service_models",
    "deployment_models",
    "status",
    "registered_on",
    "valid_until",
    "audit_body",
    "audit_body_name_ja",
    "audit_body_name_en",
    "audit_period_start",
    "audit_period_end",
    "built_on",
    "description_ja",
    "description_en",
    "availability_ja",
    "availability_en",
];

/// Writing failed: the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RegistryExportError {
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing XLSX: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
}

impl RegistryExportError {
    pub fn message(&self) -> Bilingual {
        Bilingual::new(format!("書き出せません: {self}"), self.to_string())
    }
}

/// Organisation names by id; an unknown id is shown as itself.
pub type Names = HashMap<String, Bilingual>;

fn name(names: &Names, id: &str) -> Bilingual {
    names
        .get(id)
        .cloned()
        .unwrap_or_else(|| Bilingual::new(id, id))
}

fn cells(entry: &RegistryEntry, names: &Names) -> [String; 22] {
    let provider = name(names, &entry.provider);
    let body = name(names, &entry.audit_body);
    let models: Vec<&str> = entry
        .service_models
        .iter()
        .map(|s| s.model.name())
        .collect();
    let deployments: Vec<&str> = entry.deployment_models.iter().map(|d| d.code()).collect();
    [
        entry.id.clone(),
        entry.service_name.ja.clone(),
        entry.service_name.en.clone(),
        entry.provider.clone(),
        provider.ja,
        provider.en,
        entry.level.to_string(),
        models.join(";"),
        deployments.join(";"),
        entry.status.code().to_owned(),
        entry.registered_on.to_string(),
        entry.valid_until.to_string(),
        entry.audit_body.clone(),
        body.ja,
        body.en,
        entry.audit_period.start.to_string(),
        entry.audit_period.end.to_string(),
        entry.built_on.join(";"),
        entry.description.ja.clone(),
        entry.description.en.clone(),
        entry.availability.ja.clone(),
        entry.availability.en.clone(),
    ]
}

/// UTF-8 with a byte order mark, so that spreadsheet programs read the Japanese correctly.
pub fn write_csv(
    entries: &[&RegistryEntry],
    names: &Names,
    out: &mut impl Write,
) -> Result<(), RegistryExportError> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    for entry in entries {
        writer.write_record(cells(entry, names))?;
    }
    writer.flush()?;
    Ok(())
}

pub fn write_xlsx(
    entries: &[&RegistryEntry],
    names: &Names,
) -> Result<Vec<u8>, RegistryExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("registry")?;
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    for (column, title) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, column, title, &header)?;
        sheet.set_column_width(
            column,
            if title.contains("description") {
                60
            } else {
                18
            },
        )?;
    }
    for (row, entry) in (1u32..).zip(entries) {
        for (column, value) in (0u16..).zip(cells(entry, names)) {
            if column == 6 {
                // The level is a number, so that spreadsheets can filter and sum it.
                sheet.write_number(row, column, f64::from(entry.level.get()))?;
            } else if !value.is_empty() {
                sheet.write_string(row, column, value)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_column = u16::try_from(COLUMNS.len() - 1).unwrap_or_default();
    let last_row = u32::try_from(entries.len()).unwrap_or(u32::MAX).max(1);
    sheet.autofilter(0, 0, last_row, last_column)?;
    Ok(workbook.save_to_buffer()?)
}

#[derive(Serialize)]
struct OpenData<'a> {
    /// Names of the providers and audit bodies the entries name.
    organisations: std::collections::BTreeMap<&'a str, &'a Bilingual>,
    entries: &'a [&'a RegistryEntry],
}

/// Every entry whole (statement, history, notices), with the organisations' names.
pub fn write_json(
    entries: &[&RegistryEntry],
    names: &Names,
    out: &mut impl Write,
) -> Result<(), RegistryExportError> {
    let organisations = entries
        .iter()
        .flat_map(|e| [e.provider.as_str(), e.audit_body.as_str()])
        .filter_map(|id| names.get_key_value(id).map(|(k, v)| (k.as_str(), v)))
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &OpenData {
            organisations,
            entries,
        },
    )?;
    out.write_all(b"\n")?;
    Ok(())
}
