//! Reading a statement from its spreadsheet: every sheet (or the one CSV table) row by row,
//! collecting every problem with its place, and giving the statement only when there is none.
//!
//! Rules, beyond the columns each kind of row uses ([`RowKind::use_of`]):
//! - one statement row, with a criteria version id and a target level 1–3;
//! - an item row with an empty `status` is not answered, and then has no description either;
//! - a control row with an empty `choice` is not answered, and then has no other answer;
//!   `selected` needs a `responsibility` and takes no exclusion reason; `excluded` needs a reason
//!   in at least one language and takes nothing else;
//! - an id is answered once; with criteria to check against, it must be an item or control of
//!   the row's part, and the criteria version must be theirs;
//! - texts and lists keep to the statement's bounds (the domain's `MAX_TEXT_CHARS`,
//!   `MAX_TECHNOLOGIES`, …); technologies are one a line.
//!
//! Text is trimmed of surrounding white space; codes are read without regard to case. The
//! header, the `part` of each row and the cells are read as in every form
//! ([`sheet_form`](crate::sheet_form)).

use std::collections::HashMap;

use shinrai_domain::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use shinrai_domain::criteria::{CriteriaVersion, Part, is_valid_version_id};
use shinrai_domain::level::Level;
use shinrai_domain::registration::MAX_CONTROLS;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, MAX_DOCUMENTS, MAX_TECHNOLOGIES,
    Responsibility, SelectedControl,
};

use super::StatementFile;
use super::columns::{Col, RowKind};
use super::error::{StatementErrors, StatementProblem};
use super::layout::LAYOUT;
use crate::sheet_form::{self, FormError, FormErrors, RowReader, Value};
use crate::table::{Raw, Row};

/// The choices of a control row.
pub(crate) const SELECTED: &str = "selected";
pub(crate) const EXCLUDED: &str = "excluded";

type Cells<'g> = sheet_form::Cells<'g, RowKind>;
type Reading = sheet_form::Reading<StatementProblem>;

/// Reads a statement from XLSX bytes named `name` in messages. With `criteria`, ids are checked
/// against it.
pub fn read_xlsx(
    name: &str,
    bytes: &[u8],
    criteria: Option<&CriteriaVersion>,
) -> Result<StatementFile, StatementErrors> {
    let mut reader = Reader::new(criteria);
    let reading = sheet_form::read_xlsx(name, bytes, &LAYOUT, &mut reader)?;
    reader.finish(reading)
}

/// Reads a statement from CSV bytes (UTF-8, with or without a byte order mark) named `name`.
pub fn read_csv(
    name: &str,
    bytes: &[u8],
    criteria: Option<&CriteriaVersion>,
) -> Result<StatementFile, StatementErrors> {
    let mut reader = Reader::new(criteria);
    let reading = sheet_form::read_csv(name, bytes, &LAYOUT, &mut reader)?;
    reader.finish(reading)
}

/// Where an id was first answered: its sheet and row.
type Seen = HashMap<String, (Option<String>, usize)>;

/// What the rows have given so far.
struct Reader<'c> {
    criteria: Option<&'c CriteriaVersion>,
    parts: HashMap<&'c str, Part>,
    head: Option<(String, Level)>,
    head_row: Option<usize>,
    governance: Vec<ItemAnswer>,
    management: Vec<ItemAnswer>,
    selected: Vec<SelectedControl>,
    excluded: Vec<ExcludedControl>,
    documents: Vec<DocumentReference>,
    items_seen: Seen,
    controls_seen: Seen,
}

impl RowReader for Reader<'_> {
    type Kind = RowKind;
    type Problem = StatementProblem;

    fn row(&mut self, cells: &Cells<'_>, row: &Row, kind: RowKind, reading: &mut Reading) {
        match kind {
            RowKind::Statement => self.statement(cells, row, reading),
            RowKind::Governance => self.item(cells, row, Part::Governance, reading),
            RowKind::Management => self.item(cells, row, Part::Management, reading),
            RowKind::Control => self.control(cells, row, reading),
            RowKind::Document => self.document(cells, row, reading),
        }
    }
}

impl<'c> Reader<'c> {
    fn new(criteria: Option<&'c CriteriaVersion>) -> Reader<'c> {
        Reader {
            criteria,
            parts: criteria
                .map(|c| c.controls.iter().map(|x| (x.id.as_str(), x.part)).collect())
                .unwrap_or_default(),
            head: None,
            head_row: None,
            governance: Vec::new(),
            management: Vec::new(),
            selected: Vec::new(),
            excluded: Vec::new(),
            documents: Vec::new(),
            items_seen: HashMap::new(),
            controls_seen: HashMap::new(),
        }
    }

    fn finish(self, mut reading: Reading) -> Result<StatementFile, StatementErrors> {
        let bounds = [
            ("governance", self.governance.len(), MAX_CONTROLS),
            ("management", self.management.len(), MAX_CONTROLS),
            (SELECTED, self.selected.len(), MAX_CONTROLS),
            (EXCLUDED, self.excluded.len(), MAX_CONTROLS),
            ("document", self.documents.len(), MAX_DOCUMENTS),
        ];
        for (kind, count, max) in bounds {
            if count > max {
                let rows = if matches!(kind, SELECTED | EXCLUDED) {
                    "control"
                } else {
                    kind
                };
                let at = reading.rows_place(rows);
                reading.push(FormError::TooMany {
                    at,
                    kind,
                    count,
                    max,
                });
            }
        }
        let file = reading.file_place();
        if self.head.is_none() && self.head_row.is_none() {
            reading.push(StatementProblem::NoStatementRow { at: file.clone() });
        }
        reading.finish(&LAYOUT)?;
        let Some((criteria_version, target_level)) = self.head else {
            return Err(FormErrors::one(StatementProblem::NoStatementRow {
                at: file,
            }));
        };
        let statement = StatementFile {
            criteria_version,
            target_level,
            governance: self.governance,
            management: self.management,
            selected: self.selected,
            excluded: self.excluded,
            documents: self.documents,
        };
        // Every rule of the content was checked above with its place; this catches one that
        // the domain adds later, so nothing it would refuse gets through.
        if let Some(criteria) = self.criteria
            && let Err(refusal) = statement.content().check(criteria)
        {
            return Err(FormErrors::one(FormError::Content {
                at: file,
                why: refusal.message(),
            }));
        }
        Ok(statement)
    }

    fn statement(&mut self, cells: &Cells<'_>, row: &Row, reading: &mut Reading) {
        let kind = RowKind::Statement;
        if let Some(first_row) = self.head_row {
            let at = cells.at(row, Col::Part);
            reading.push(StatementProblem::ExtraStatementRow { at, first_row });
            return;
        }
        self.head_row = Some(row.number);
        let version = match cells.text(row, Col::CriteriaVersion, reading) {
            Value::Got(id) if !is_valid_version_id(&id) => {
                let at = cells.at(row, Col::CriteriaVersion);
                reading.push(StatementProblem::BadVersionId { at, value: id });
                Value::Reported
            }
            other => other,
        };
        let version = cells.required(row, Col::CriteriaVersion, kind, version, reading);
        if let (Some(version), Some(criteria)) = (&version, self.criteria)
            && *version != criteria.version
        {
            let at = cells.at(row, Col::CriteriaVersion);
            reading.push(StatementProblem::OtherCriteria {
                at,
                given: version.clone(),
                expected: criteria.version.clone(),
            });
        }
        let level = level(cells, row, Col::TargetLevel, reading);
        let level = cells.required(row, Col::TargetLevel, kind, level, reading);
        if let (Some(version), Some(level)) = (version, level) {
            self.head = Some((version, level));
        }
    }

    /// The row's id, once per id in `seen`, and of `part` in the criteria when there are some.
    fn id(
        &mut self,
        cells: &Cells<'_>,
        row: &Row,
        kind: RowKind,
        part: Part,
        reading: &mut Reading,
    ) -> Option<String> {
        let id = cells.text(row, Col::Id, reading);
        let id = cells.required(row, Col::Id, kind, id, reading)?;
        if let Some(criteria) = self.criteria
            && self.parts.get(id.as_str()) != Some(&part)
        {
            let at = cells.at(row, Col::Id);
            reading.push(StatementProblem::Unknown {
                at,
                id: id.clone(),
                part,
                version: criteria.version.clone(),
            });
        }
        let seen = if part == Part::Control {
            &mut self.controls_seen
        } else {
            &mut self.items_seen
        };
        match seen.get(&id) {
            Some((first_sheet, first_row)) => {
                let problem = StatementProblem::Duplicate {
                    at: cells.at(row, Col::Id),
                    id: id.clone(),
                    first_sheet: first_sheet.clone(),
                    first_row: *first_row,
                };
                reading.push(problem);
                None
            }
            None => {
                seen.insert(id.clone(), (cells.sheet(), row.number));
                Some(id)
            }
        }
    }

    fn item(&mut self, cells: &Cells<'_>, row: &Row, part: Part, reading: &mut Reading) {
        let kind = if part == Part::Governance {
            RowKind::Governance
        } else {
            RowKind::Management
        };
        let id = self.id(cells, row, kind, part, reading);
        let status = cells.code(
            row,
            Col::Status,
            ItemStatus::from_code,
            |at, value| StatementProblem::UnknownStatus { at, value },
            reading,
        );
        let description = cells.bilingual(
            row,
            (Col::DescriptionJa, Col::DescriptionEn),
            MAX_TEXT_CHARS,
            reading,
        );
        let status = match status {
            Value::Got(status) => status,
            Value::Empty => {
                for col in [Col::DescriptionJa, Col::DescriptionEn] {
                    if cells.filled(row, col) {
                        let at = cells.at(row, col);
                        reading.push(StatementProblem::AnswerWithoutChoice {
                            at,
                            choice: "status",
                        });
                        break;
                    }
                }
                return;
            }
            Value::Reported => return,
        };
        if let (Some(item), Some(description)) = (id, description) {
            let answer = ItemAnswer {
                item,
                status,
                description,
            };
            match part {
                Part::Governance => self.governance.push(answer),
                _ => self.management.push(answer),
            }
        }
    }

    fn control(&mut self, cells: &Cells<'_>, row: &Row, reading: &mut Reading) {
        let kind = RowKind::Control;
        let id = self.id(cells, row, kind, Part::Control, reading);
        let choice = cells.code(
            row,
            Col::Choice,
            |code| [SELECTED, EXCLUDED].into_iter().find(|c| *c == code),
            |at, value| StatementProblem::UnknownChoice { at, value },
            reading,
        );
        const SELECTED_ONLY: [Col; 6] = [
            Col::Responsibility,
            Col::Technologies,
            Col::RationaleJa,
            Col::RationaleEn,
            Col::IndividualControlJa,
            Col::IndividualControlEn,
        ];
        const EXCLUDED_ONLY: [Col; 2] = [Col::ExclusionReasonJa, Col::ExclusionReasonEn];
        let choice = match choice {
            Value::Got(choice) => choice,
            Value::Empty => {
                let answered = SELECTED_ONLY
                    .into_iter()
                    .chain(EXCLUDED_ONLY)
                    .find(|col| cells.filled(row, *col));
                if let Some(col) = answered {
                    let at = cells.at(row, col);
                    reading.push(StatementProblem::AnswerWithoutChoice {
                        at,
                        choice: "choice",
                    });
                }
                return;
            }
            Value::Reported => return,
        };
        let (others, wanted): (&[Col], _) = if choice == SELECTED {
            (&EXCLUDED_ONLY, SELECTED)
        } else {
            (&SELECTED_ONLY, EXCLUDED)
        };
        for col in others {
            if cells.filled(row, *col) {
                let at = cells.at(row, *col);
                reading.push(StatementProblem::NotForChoice { at, choice: wanted });
            }
        }
        if choice == SELECTED {
            let responsibility = cells.code(
                row,
                Col::Responsibility,
                Responsibility::from_code,
                |at, value| StatementProblem::UnknownResponsibility { at, value },
                reading,
            );
            let responsibility =
                cells.required(row, Col::Responsibility, kind, responsibility, reading);
            let technologies = technologies(cells, row, reading);
            let individual_control = cells.bilingual(
                row,
                (Col::IndividualControlJa, Col::IndividualControlEn),
                MAX_TEXT_CHARS,
                reading,
            );
            let rationale = cells.bilingual(
                row,
                (Col::RationaleJa, Col::RationaleEn),
                MAX_TEXT_CHARS,
                reading,
            );
            if let (Some(control), Some(responsibility), Some(technologies)) =
                (id, responsibility, technologies)
                && let (Some(individual_control), Some(rationale)) = (individual_control, rationale)
            {
                self.selected.push(SelectedControl {
                    control,
                    individual_control,
                    responsibility,
                    technologies,
                    rationale,
                });
            }
        } else {
            let reason = cells.bilingual(
                row,
                (Col::ExclusionReasonJa, Col::ExclusionReasonEn),
                MAX_TEXT_CHARS,
                reading,
            );
            if reason
                .as_ref()
                .is_some_and(|r| r.ja.is_empty() && r.en.is_empty())
            {
                let col = cells.either(Col::ExclusionReasonJa, Col::ExclusionReasonEn);
                let at = cells.at(row, col);
                reading.push(StatementProblem::ExclusionWithoutReason { at });
                return;
            }
            if let (Some(control), Some(reason)) = (id, reason) {
                self.excluded.push(ExcludedControl { control, reason });
            }
        }
    }

    fn document(&mut self, cells: &Cells<'_>, row: &Row, reading: &mut Reading) {
        let title = cells.bilingual(row, (Col::TitleJa, Col::TitleEn), MAX_NAME_CHARS, reading);
        let location = cells.bounded(row, Col::Location, MAX_TEXT_CHARS, reading);
        let Some(title) = title else { return };
        if title.ja.is_empty() && title.en.is_empty() {
            let col = cells.either(Col::TitleJa, Col::TitleEn);
            let at = cells.at(row, col);
            reading.push(StatementProblem::DocumentWithoutTitle { at });
            return;
        }
        if let Some(location) = location {
            self.documents.push(DocumentReference { title, location });
        }
    }
}

/// 1, 2 or 3: a number cell (2 or 2.0) or text.
fn level(cells: &Cells<'_>, row: &Row, col: Col, reading: &mut Reading) -> Value<Level> {
    let (level, shown) = match cells.raw(row, col) {
        Value::Got(Raw::Int(value)) => (
            u8::try_from(*value).ok().and_then(Level::new),
            value.to_string(),
        ),
        Value::Got(Raw::Float(value)) => (
            Level::ALL
                .into_iter()
                .find(|level| f64::from(level.get()) == *value),
            value.to_string(),
        ),
        Value::Got(Raw::Text(text)) => {
            let text = text.trim();
            (text.parse().ok().and_then(Level::new), text.to_owned())
        }
        Value::Got(other) => return cells.wrong_type(row, col, other, reading),
        Value::Empty => return Value::Empty,
        Value::Reported => return Value::Reported,
    };
    match level {
        Some(level) => Value::Got(level),
        None => {
            let at = cells.at(row, col);
            reading.push(StatementProblem::BadLevel { at, value: shown });
            Value::Reported
        }
    }
}

/// One technology a line, blank lines skipped.
fn technologies(cells: &Cells<'_>, row: &Row, reading: &mut Reading) -> Option<Vec<String>> {
    let cell = match cells.text(row, Col::Technologies, reading) {
        Value::Got(text) => text,
        Value::Empty => return Some(Vec::new()),
        Value::Reported => return None,
    };
    let mut technologies: Vec<String> = Vec::new();
    let mut ok = true;
    for line in cell.lines().map(str::trim).filter(|line| !line.is_empty()) {
        if line.chars().count() > MAX_NAME_CHARS {
            let at = cells.at(row, Col::Technologies);
            reading.push(StatementProblem::BadTechnology {
                at,
                max: MAX_NAME_CHARS,
            });
            ok = false;
        } else if technologies.iter().any(|known| known == line) {
            let at = cells.at(row, Col::Technologies);
            reading.push(StatementProblem::DuplicateTechnology {
                at,
                technology: line.to_owned(),
            });
            ok = false;
        } else {
            technologies.push(line.to_owned());
        }
    }
    if technologies.len() > MAX_TECHNOLOGIES {
        let at = cells.at(row, Col::Technologies);
        reading.push(StatementProblem::TooManyTechnologies {
            at,
            count: technologies.len(),
            max: MAX_TECHNOLOGIES,
        });
        ok = false;
    }
    ok.then_some(technologies)
}
