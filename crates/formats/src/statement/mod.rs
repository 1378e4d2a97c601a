//! A provider's statement (言明書) as files: a spreadsheet to fill in (XLSX or CSV) and an OSCAL
//! system security plan. Every function takes bytes and gives bytes or a value, never a path, so
//! that the command line and the server's upload and download routes call the same code.
//!
//! # The spreadsheet
//!
//! An XLSX workbook has the sheets `instructions` (how to fill it in, in Japanese and English;
//! never read), `statement` (one row: `criteria_version`, `target_level` and, for reference,
//! `service_models`), `items` (one row per governance or management item: `part`, `id`,
//! `status`, `description_ja`, `description_en`), `controls` (one row per detailed control:
//! `part`, `id`, `choice` selected|excluded, `responsibility` csp|customer|shared,
//! `technologies` one a line, `rationale_*`, `individual_control_*`, `exclusion_reason_*`) and
//! `documents` (optional: `title_ja`, `title_en`, `location`). The criteria's own texts
//! (`objective`, `text_*`, `level`, `mandatory`, `technology_examples`, `service_models`) are
//! there for the reader and never read back.
//!
//! A CSV file is the same table in one sheet: its column `part` says what each row is
//! (`statement`, `governance`, `management`, `control`, `document`), and a row leaves empty the
//! columns its part does not use. The exact rules are in [`columns`] and [`read`], and in the
//! guide `docs/statements.md`.
//!
//! Reading is all or nothing, bounded like the criteria tables, and every problem names the
//! file, sheet, row, column and cell: the spreadsheet is a [`sheet_form`](crate::sheet_form),
//! written and read as every form is.
//!
//! # OSCAL
//!
//! [`ssp`] writes a statement as a system security plan and reads one back; the mapping is
//! described there.

mod columns;
mod error;
mod instructions;
mod layout;
mod read;
pub mod ssp;
mod write;

use serde::{Deserialize, Serialize};
use shinrai_domain::level::Level;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, SelectedControl, StatementContent,
};

pub use error::{StatementError, StatementErrors, StatementProblem};
pub use read::{read_csv, read_xlsx};
pub use write::{template_csv, template_xlsx, write_csv, write_xlsx};

/// The statement as a file holds it: the content a provider saves (`PUT /statements/{id}`'s
/// body), with the criteria version and the level it is written for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    pub criteria_version: String,
    pub target_level: Level,
    pub governance: Vec<ItemAnswer>,
    pub management: Vec<ItemAnswer>,
    pub selected: Vec<SelectedControl>,
    pub excluded: Vec<ExcludedControl>,
    #[serde(default)]
    pub documents: Vec<DocumentReference>,
}

/// The fields `GET /api/v1/statements/{id}` adds around a statement's content: who and which
/// version it is, its status and times. A file read back from the API may carry them.
const RECORD_FIELDS: [&str; 9] = [
    "id",
    "service",
    "provider",
    "version",
    "previous",
    "status",
    "created_at_ms",
    "updated_at_ms",
    "submitted_at_ms",
];

impl StatementFile {
    /// Reads a statement as JSON: the file's own shape, or one version as the API answers it
    /// (the record's own fields are set aside; every other unknown field is still an error).
    /// The error is the one the file's own shape gives, so it names the line and column.
    pub fn from_json(bytes: &[u8]) -> Result<StatementFile, serde_json::Error> {
        let error = match serde_json::from_slice::<StatementFile>(bytes) {
            Ok(file) => return Ok(file),
            Err(error) => error,
        };
        let Ok(serde_json::Value::Object(mut object)) = serde_json::from_slice(bytes) else {
            return Err(error);
        };
        if !(object.contains_key("id") && object.contains_key("status")) {
            return Err(error);
        }
        for field in RECORD_FIELDS {
            object.remove(field);
        }
        serde_json::from_value(serde_json::Value::Object(object)).map_err(|_| error)
    }

    pub fn new(criteria_version: String, target_level: Level, content: StatementContent) -> Self {
        StatementFile {
            criteria_version,
            target_level,
            governance: content.governance,
            management: content.management,
            selected: content.selected,
            excluded: content.excluded,
            documents: content.documents,
        }
    }

    /// The content alone, as the domain keeps it.
    pub fn content(&self) -> StatementContent {
        StatementContent {
            governance: self.governance.clone(),
            management: self.management.clone(),
            selected: self.selected.clone(),
            excluded: self.excluded.clone(),
            documents: self.documents.clone(),
        }
    }
}

/// The two spreadsheet formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

impl SheetFormat {
    /// From a file name's extension, of any case.
    pub fn from_name(name: &str) -> Option<SheetFormat> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(SheetFormat::Csv),
            "xlsx" => Some(SheetFormat::Xlsx),
            _ => None,
        }
    }
}
