//! Criteria out to a CSV file or an XLSX workbook, and the empty templates.

use std::io::{self, Write};

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign, Workbook,
    Worksheet, XlsxError,
};
use shinrai_domain::criteria::{Actor, CriteriaVersion, Part, Reference, RiskBand};
use shinrai_domain::level::Level;

use super::columns::{Col, RowKind};
use super::error::TableError;
use super::examples::format_examples;
use super::grid::SHEET;

/// The sheet explaining the columns.
const HELP_SHEET: &str = "help";
/// Excel's last row (0-based); validations cover every row a user may add.
const LAST_ROW: u32 = 1_048_575;

/// One table cell to write.
enum Out {
    Text(String),
    Level(Level),
}

impl Out {
    fn csv(&self) -> String {
        match self {
            Out::Text(text) => text.clone(),
            Out::Level(level) => level.to_string(),
        }
    }
}

/// Every row after the header: the version, then groups, then controls, then risks.
fn rows(version: &CriteriaVersion) -> Result<Vec<Vec<Out>>, TableError> {
    let mut rows = Vec::with_capacity(1 + version.groups.len() + version.controls.len());
    rows.push(row(&[
        (Col::Kind, text(RowKind::Version.code())),
        (Col::Id, text(&version.version)),
        (Col::TitleJa, text(&version.title.ja)),
        (Col::TitleEn, text(&version.title.en)),
    ]));
    for group in &version.groups {
        rows.push(row(&[
            (Col::Kind, text(RowKind::Group.code())),
            (Col::Id, text(&group.id)),
            (Col::Part, text(group.part.code())),
            (Col::TitleJa, text(&group.title.ja)),
            (Col::TitleEn, text(&group.title.en)),
            (Col::TextJa, text(&group.text.ja)),
            (Col::TextEn, text(&group.text.en)),
        ]));
    }
    for control in &version.controls {
        let models: Vec<&str> = control.service_models.iter().map(|m| m.name()).collect();
        let references = control
            .references
            .iter()
            .map(|reference| reference_text(&control.id, reference))
            .collect::<Result<Vec<_>, _>>()?;
        let examples = format_examples(&control.id, &control.technology_examples)?;
        rows.push(row(&[
            (Col::Kind, text(RowKind::Control.code())),
            (Col::Id, text(&control.id)),
            (Col::Part, text(control.part.code())),
            (Col::Objective, text(&control.objective)),
            (Col::TextJa, text(&control.text.ja)),
            (Col::TextEn, text(&control.text.en)),
            (Col::Mandatory, text(yes_no(control.mandatory))),
            (Col::Actor, text(control.actor.code())),
            (Col::MinLevel, Out::Level(control.min_level)),
            (Col::Integrity, text(yes_no(control.integrity))),
            (Col::Availability, text(yes_no(control.availability))),
            (Col::ServiceModels, text(&models.join(";"))),
            (Col::TechnologyExamples, text(&examples)),
            (Col::References, text(&references.join("; "))),
        ]));
    }
    for risk in &version.risks {
        for objective in &risk.objectives {
            if objective.is_empty() || objective.trim() != objective || objective.contains(';') {
                return Err(TableError::UnwritableRiskObjective {
                    risk: risk.id.clone(),
                    objective: objective.clone(),
                });
            }
        }
        let codes = |codes: Vec<&str>| codes.join(";");
        rows.push(row(&[
            (Col::Kind, text(RowKind::Risk.code())),
            (Col::Id, text(&risk.id)),
            (Col::TitleJa, text(&risk.title.ja)),
            (Col::TitleEn, text(&risk.title.en)),
            (Col::TextJa, text(&risk.left_to.ja)),
            (Col::TextEn, text(&risk.left_to.en)),
            (Col::Band, text(risk.band.code())),
            (
                Col::RiskCategories,
                text(&codes(risk.categories.iter().map(|c| c.code()).collect())),
            ),
            (
                Col::Stages,
                text(&codes(risk.stages.iter().map(|s| s.code()).collect())),
            ),
            (Col::Objectives, text(&risk.objectives.join("; "))),
        ]));
    }
    Ok(rows)
}

fn text(value: &str) -> Out {
    Out::Text(value.to_owned())
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// A full row from the cells given; the others are empty.
fn row(cells: &[(Col, Out)]) -> Vec<Out> {
    Col::ALL
        .into_iter()
        .map(|col| match cells.iter().find(|(given, _)| *given == col) {
            Some((_, Out::Text(value))) => Out::Text(value.clone()),
            Some((_, Out::Level(level))) => Out::Level(*level),
            None => Out::Text(String::new()),
        })
        .collect()
}

/// `STANDARD:CLAUSE=relation`, refusing what would read back differently.
fn reference_text(control: &str, reference: &Reference) -> Result<String, TableError> {
    let standard = &reference.standard;
    let clause = &reference.clause;
    let fits = !standard.is_empty()
        && !clause.is_empty()
        && standard.trim() == standard
        && clause.trim() == clause
        && !standard.contains([':', ';'])
        && !clause.contains(';');
    if fits {
        Ok(format!("{standard}:{clause}={}", reference.relation.code()))
    } else {
        Err(TableError::UnwritableReference {
            control: control.to_owned(),
            reference: reference.key(),
        })
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the version as CSV: UTF-8 with a byte order mark (so that Excel takes it as UTF-8),
/// CRLF line ends, cells quoted where needed.
pub fn write_csv(version: &CriteriaVersion, out: &mut impl Write) -> Result<(), TableError> {
    let rows = rows(version)?;
    let mut writer = csv_writer(out)?;
    for row in rows {
        writer
            .write_record(row.iter().map(Out::csv))
            .map_err(csv_error)?;
    }
    writer
        .flush()
        .map_err(|source| TableError::Write { source })
}

/// The empty table as CSV: the byte order mark and the header.
pub fn template_csv() -> Vec<u8> {
    let mut bytes = BOM.to_vec();
    let names: Vec<&str> = Col::ALL.into_iter().map(Col::name).collect();
    bytes.extend_from_slice(names.join(",").as_bytes());
    bytes.extend_from_slice(b"\r\n");
    bytes
}

fn csv_writer<W: Write>(out: W) -> Result<csv::Writer<W>, TableError> {
    let mut out = out;
    out.write_all(BOM)
        .map_err(|source| TableError::Write { source })?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer
        .write_record(Col::ALL.into_iter().map(Col::name))
        .map_err(csv_error)?;
    Ok(writer)
}

fn csv_error(error: csv::Error) -> TableError {
    match error.into_kind() {
        csv::ErrorKind::Io(source) => TableError::Write { source },
        other => TableError::Write {
            source: io::Error::other(format!("{other:?}")),
        },
    }
}

/// Writes the version as an XLSX workbook: sheet `criteria` with the table and sheet `help`
/// explaining each column.
pub fn write_xlsx(version: &CriteriaVersion) -> Result<Vec<u8>, TableError> {
    let rows = rows(version)?;
    workbook(&rows).map_err(xlsx_error)
}

/// The empty table as an XLSX workbook: the header, with the `help` sheet.
pub fn template_xlsx() -> Result<Vec<u8>, TableError> {
    workbook(&[]).map_err(xlsx_error)
}

fn xlsx_error(error: XlsxError) -> TableError {
    TableError::XlsxWrite {
        detail: error.to_string(),
    }
}

fn workbook(rows: &[Vec<Out>]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.push_worksheet(criteria_sheet(rows)?);
    workbook.push_worksheet(help_sheet()?);
    workbook.save_to_buffer()
}

fn criteria_sheet(rows: &[Vec<Out>]) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(SHEET)?;
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    let plain = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_align(FormatAlign::Top).set_text_wrap();

    for (column, col) in (0u16..).zip(Col::ALL) {
        sheet.write_string_with_format(0, column, col.name(), &header)?;
        sheet.set_column_width(column, col.width())?;
    }
    for (number, row) in (1u32..).zip(rows) {
        for ((column, col), cell) in (0u16..).zip(Col::ALL).zip(row) {
            let format = if col.wraps() { &wrapped } else { &plain };
            match cell {
                Out::Text(value) if value.is_empty() => {}
                Out::Text(value) => {
                    sheet.write_string_with_format(number, column, value, format)?;
                }
                Out::Level(level) => {
                    sheet.write_number_with_format(number, column, level.get(), format)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_column = u16::try_from(Col::ALL.len() - 1).unwrap_or_default();
    let last_row = u32::try_from(rows.len()).unwrap_or(LAST_ROW).max(1);
    sheet.autofilter(0, 0, last_row, last_column)?;
    validations(&mut sheet)?;
    Ok(sheet)
}

/// Drop-down lists for the coded columns. Yes/no columns only warn, since the reader takes
/// more spellings than the list shows.
fn validations(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let kinds: Vec<&str> = RowKind::ALL.into_iter().map(RowKind::code).collect();
    let parts: Vec<&str> = Part::ALL.into_iter().map(Part::code).collect();
    let actors: Vec<&str> = Actor::ALL.into_iter().map(Actor::code).collect();
    let bands: Vec<&str> = RiskBand::ALL.iter().map(|band| band.code()).collect();
    let lists: [(Col, &[&str], DataValidationErrorStyle); 7] = [
        (Col::Kind, &kinds, DataValidationErrorStyle::Stop),
        (Col::Band, &bands, DataValidationErrorStyle::Stop),
        (Col::Part, &parts, DataValidationErrorStyle::Stop),
        (Col::Actor, &actors, DataValidationErrorStyle::Stop),
        (
            Col::Mandatory,
            &["yes", "no"],
            DataValidationErrorStyle::Warning,
        ),
        (
            Col::Integrity,
            &["yes", "no"],
            DataValidationErrorStyle::Warning,
        ),
        (
            Col::Availability,
            &["yes", "no"],
            DataValidationErrorStyle::Warning,
        ),
    ];
    for (col, values, style) in lists {
        let column = column_number(col);
        let validation = DataValidation::new()
            .allow_list_strings(values)?
            .set_error_style(style);
        sheet.add_data_validation(1, column, LAST_ROW, column, &validation)?;
    }
    let column = column_number(Col::MinLevel);
    let levels = DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 3));
    sheet.add_data_validation(1, column, LAST_ROW, column, &levels)?;
    Ok(())
}

fn column_number(col: Col) -> u16 {
    u16::try_from(col.position()).unwrap_or_default()
}

fn help_sheet() -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(HELP_SHEET)?;
    let header = Format::new().set_bold().set_background_color("#DDEBF7");
    let wrapped = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let headings = [
        "column / 列",
        "rows / 使う行",
        "説明",
        "description",
        "example / 例",
    ];
    let widths = [16.0, 22.0, 60.0, 60.0, 36.0];
    for ((column, heading), width) in (0u16..).zip(headings).zip(widths) {
        sheet.write_string_with_format(0, column, heading, &header)?;
        sheet.set_column_width(column, width)?;
    }
    for (number, col) in (1u32..).zip(Col::ALL) {
        let help = col.help();
        let cells = [col.name(), col.rows(), &help.ja, &help.en, col.example()];
        for (column, value) in (0u16..).zip(cells) {
            sheet.write_string_with_format(number, column, value, &wrapped)?;
        }
    }
    // A closing note on the rules that span columns.
    let note_row = u32::try_from(Col::ALL.len() + 2).unwrap_or_default();
    let notes = [
        (
            "1 行目は見出し。version の行はちょうど 1 行。group と control は表の順が文書の順になります。セルには値を入力し、数式は使わないでください。",
            "Row 1 is the header. Exactly one version row. Groups and controls keep the order of the table. Cells hold values; formulas are refused.",
        ),
        (
            "CSV で保存するときは「CSV UTF-8 (コンマ区切り)」を選んでください。",
            "When saving as CSV choose \"CSV UTF-8 (Comma delimited)\".",
        ),
    ];
    for (number, (ja, en)) in (note_row..).zip(notes) {
        sheet.write_string_with_format(number, 2, ja, &wrapped)?;
        sheet.write_string_with_format(number, 3, en, &wrapped)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use shinrai_domain::criteria::Relation;

    use super::*;

    #[test]
    fn template_csv_is_the_header() {
        let template = template_csv();
        assert!(template.starts_with(BOM));
        let text = String::from_utf8_lossy(template.get(BOM.len()..).unwrap_or_default());
        assert!(text.starts_with("kind,id,part,objective,title_ja"));
        assert!(text.ends_with("references,band,risk_categories,stages,objectives\r\n"));
    }

    #[test]
    fn references_that_would_not_read_back_are_refused() {
        let reference = |standard: &str, clause: &str| Reference {
            standard: standard.to_owned(),
            clause: clause.to_owned(),
            relation: Relation::Equal,
        };
        assert_eq!(
            reference_text("c", &reference("NIST", "AC-2")).ok(),
            Some("NIST:AC-2=equal".to_owned())
        );
        assert!(reference_text("c", &reference("NIST", "a=b:c")).is_ok());
        assert!(reference_text("c", &reference("A:B", "1")).is_err());
        assert!(reference_text("c", &reference("NIST", "1;2")).is_err());
        assert!(reference_text("c", &reference("NIST", " 1")).is_err());
        assert!(reference_text("c", &reference("", "1")).is_err());
    }
}
