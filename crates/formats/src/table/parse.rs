//! The rules of the table: from cells to a [`CriteriaVersion`], or every problem found.

use std::collections::{HashMap, HashSet};

use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, ExampleProblem, Group, Part, Reference, Relation, Risk,
    Status, TechnologyExample, example_problems,
};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;

use super::columns::{Col, RowKind, Use, cell_ref};
use super::error::{CellType, Place, Problems, TableError, TableErrors};
use super::examples::{entries, parse_entry};
use super::grid::{Grid, Raw, Row};

mod risk;

/// What reading one cell gave.
enum Value<T> {
    Empty,
    Got(T),
    /// Something was wrong and is already among the problems.
    Reported,
}

/// Reads a whole table, collecting every problem rather than stopping at the first.
pub(crate) fn parse(grid: &Grid) -> Result<CriteriaVersion, TableErrors> {
    let formulas = grid.formula_cells();
    let formula_rows = grid.formula_rows();
    let Some(header) = grid.rows.iter().find(|row| !blank_row(row, &formula_rows)) else {
        let mut problems = Problems::default();
        problems.push(TableError::Empty { at: grid.place() });
        // A sheet of formulas with no values is "empty" too, but say why.
        formula_problems(grid, &[], &mut problems);
        return Err(TableErrors::new(problems).unwrap_or_else(|| empty(grid)));
    };

    let mut parser = Parser {
        grid,
        columns: [None; Col::ALL.len()],
        names: Vec::new(),
        formulas,
        problems: Problems::default(),
    };
    parser.header(header);
    let header_ok = parser.problems.is_empty() && !formula_rows.contains(&header.number);
    formula_problems(grid, &parser.names, &mut parser.problems);
    if !header_ok {
        return Err(TableErrors::new(parser.problems).unwrap_or_else(|| empty(grid)));
    }

    let mut table = Table::default();
    for row in grid.rows.iter().filter(|row| row.number > header.number) {
        if !blank_row(row, &formula_rows) {
            parser.row(row, &mut table);
        }
    }
    parser.objectives(&table);
    parser.risk_objectives(&table);

    match (table.version, TableErrors::new(parser.problems)) {
        (_, Some(problems)) => Err(problems),
        (Some((version, title)), None) => Ok(CriteriaVersion {
            version,
            title,
            status: Status::Draft,
            published_on: None,
            transition_on: None,
            groups: table.groups,
            controls: table.controls,
            risks: table.risks,
        }),
        (None, None) => Err(TableErrors::one(TableError::NoVersionRow {
            at: grid.place(),
        })),
    }
}

fn empty(grid: &Grid) -> TableErrors {
    TableErrors::one(TableError::Empty { at: grid.place() })
}

/// A row with no value and no formula; such rows are skipped (spreadsheets leave them).
fn blank_row(row: &Row, formula_rows: &HashSet<usize>) -> bool {
    row.cells.iter().all(|(_, raw)| raw.is_blank()) && !formula_rows.contains(&row.number)
}

fn formula_problems(grid: &Grid, names: &[Option<&'static str>], problems: &mut Problems) {
    for (row, column, formula) in &grid.formulas {
        let mut at = grid.place();
        at.row = Some(*row);
        at.column = names.get(*column).copied().flatten().map(str::to_owned);
        at.cell = Some(cell_ref(*column, *row));
        problems.push(TableError::Formula {
            at,
            formula: formula.clone(),
        });
    }
}

/// What the rows have given so far.
#[derive(Default)]
struct Table {
    /// The version's id and title, and the row that gave them.
    version: Option<(String, Bilingual)>,
    version_row: Option<usize>,
    groups: Vec<Group>,
    controls: Vec<Control>,
    /// Row of each id's first use; groups and controls share one space of ids.
    ids: HashMap<String, usize>,
    /// Every group id, with its part when that cell was valid.
    group_parts: HashMap<String, Option<Part>>,
    /// Controls' objectives, checked once every group is known: (row, objective, part).
    objectives: Vec<(usize, String, Option<Part>)>,
    risks: Vec<Risk>,
    /// Row of each risk id's first use; risks have a space of ids of their own.
    risk_ids: HashMap<String, usize>,
    /// Risks' objectives, checked once every group is known: (row, objective).
    risk_objectives: Vec<(usize, String)>,
}

struct Parser<'g> {
    grid: &'g Grid,
    /// The 0-based column of each [`Col`], by [`Col::position`].
    columns: [Option<usize>; Col::ALL.len()],
    /// The column name of each 0-based column, `None` for columns without a known header.
    names: Vec<Option<&'static str>>,
    formulas: HashSet<(usize, usize)>,
    problems: Problems,
}

impl Parser<'_> {
    fn header(&mut self, header: &Row) {
        self.names = vec![None; header.width()];
        for (index, raw) in &header.cells {
            let index = *index;
            if self.formulas.contains(&(header.number, index)) {
                continue;
            }
            let name = match raw {
                Raw::Text(text) if text.trim().is_empty() => continue,
                Raw::Text(text) => text.trim(),
                other => {
                    let at = self.place(header.number, Some(index), None);
                    self.problems.push(TableError::WrongCellType {
                        at,
                        found: cell_type(other),
                    });
                    continue;
                }
            };
            let Some(col) = Col::from_name(name) else {
                let at = self.place(header.number, Some(index), Some(name));
                self.problems.push(TableError::UnknownColumn {
                    at,
                    name: name.to_owned(),
                });
                continue;
            };
            match self.columns.get(col.position()).copied().flatten() {
                Some(first) => {
                    let at = self.place(header.number, Some(index), Some(col.name()));
                    self.problems.push(TableError::DuplicateColumn {
                        at,
                        first: cell_ref(first, header.number),
                    });
                }
                None => {
                    if let Some(slot) = self.columns.get_mut(col.position()) {
                        *slot = Some(index);
                    }
                    if let Some(slot) = self.names.get_mut(index) {
                        *slot = Some(col.name());
                    }
                }
            }
        }
        for col in Col::ALL {
            if col.required_in_header() && self.index(col).is_none() {
                let at = self.place(header.number, None, Some(col.name()));
                self.problems.push(TableError::MissingColumn { at });
            }
        }
    }

    fn row(&mut self, row: &Row, table: &mut Table) {
        // Values under no header would be silently lost.
        for (index, raw) in &row.cells {
            let index = *index;
            let named = self.names.get(index).copied().flatten().is_some();
            if !named && !raw.is_blank() && !self.formulas.contains(&(row.number, index)) {
                let at = self.place(row.number, Some(index), None);
                self.problems.push(TableError::ValueWithoutColumn { at });
            }
        }

        let kind = match self.text(row, Col::Kind) {
            Value::Got(code) => match RowKind::from_code(&code) {
                Some(kind) => kind,
                None => {
                    let at = self.at(row, Col::Kind);
                    self.problems
                        .push(TableError::UnknownKind { at, value: code });
                    return;
                }
            },
            Value::Empty => {
                let at = self.at(row, Col::Kind);
                self.problems.push(TableError::UnknownKind {
                    at,
                    value: String::new(),
                });
                return;
            }
            Value::Reported => return,
        };

        for col in Col::ALL {
            if kind.use_of(col) == Use::Unused
                && let Value::Got(_) = self.cell(row, col)
            {
                let at = self.at(row, col);
                self.problems.push(TableError::NotApplicable {
                    at,
                    kind: kind.code(),
                });
            }
        }

        match kind {
            RowKind::Version => self.version(row, table),
            RowKind::Group => self.group(row, table),
            RowKind::Control => self.control(row, table),
            RowKind::Risk => self.risk(row, table),
        }
    }

    fn version(&mut self, row: &Row, table: &mut Table) {
        let kind = RowKind::Version;
        let id = self.required(row, Col::Id, kind, Parser::version_id);
        let title = self.bilingual(row, Col::TitleJa, Col::TitleEn, kind);
        if let Some(first_row) = table.version_row {
            let at = self.at(row, Col::Kind);
            self.problems
                .push(TableError::ExtraVersionRow { at, first_row });
            return;
        }
        table.version_row = Some(row.number);
        if let (Some(id), Some(title)) = (id, title) {
            table.version = Some((id, title));
        }
    }

    fn group(&mut self, row: &Row, table: &mut Table) {
        let kind = RowKind::Group;
        let id = self.id(row, kind, table);
        let part = self.required(row, Col::Part, kind, Parser::part);
        if let Some(id) = &id {
            table.group_parts.entry(id.clone()).or_insert(part);
        }
        let title = self.bilingual(row, Col::TitleJa, Col::TitleEn, kind);
        let text = self.bilingual(row, Col::TextJa, Col::TextEn, kind);
        if let (Some(id), Some(part), Some(title), Some(text)) = (id, part, title, text) {
            table.groups.push(Group {
                id,
                part,
                title,
                text,
            });
        }
    }

    fn control(&mut self, row: &Row, table: &mut Table) {
        let kind = RowKind::Control;
        let id = self.id(row, kind, table);
        let part = self.required(row, Col::Part, kind, Parser::part);
        let objective = self.required(row, Col::Objective, kind, Parser::text);
        if let Some(objective) = &objective {
            table.objectives.push((row.number, objective.clone(), part));
        }
        let text = self.bilingual(row, Col::TextJa, Col::TextEn, kind);
        let mandatory = self.required(row, Col::Mandatory, kind, Parser::boolean);
        let actor = self.required(row, Col::Actor, kind, Parser::actor);
        // Governance and management items may leave their level and models to the defaults:
        // level 1 and every model.
        let item = part.is_some_and(|part| part != Part::Control);
        let min_level = if item {
            self.defaulted(row, Col::MinLevel, Parser::level, Level::LOW)
        } else {
            self.required(row, Col::MinLevel, kind, Parser::level)
        };
        let integrity = self.required(row, Col::Integrity, kind, Parser::boolean);
        let availability = self.required(row, Col::Availability, kind, Parser::boolean);
        let service_models = if item {
            self.defaulted(
                row,
                Col::ServiceModels,
                Parser::service_models,
                ServiceModel::ALL.to_vec(),
            )
        } else {
            self.required(row, Col::ServiceModels, kind, Parser::service_models)
        };
        let technology_examples = self.technology_examples(row, id.as_deref());
        let references = self.optional(row, Col::References, Parser::references);

        let control = (|| {
            Some(Control {
                id: id?,
                part: part?,
                objective: objective?,
                text: text?,
                mandatory: mandatory?,
                actor: actor?,
                min_level: min_level?,
                integrity: integrity?,
                availability: availability?,
                service_models: service_models?,
                technology_examples: technology_examples?,
                references: references?,
            })
        })();
        if let Some(control) = control {
            table.controls.push(control);
        }
    }

    /// Checks each control's objective against the groups, now that all are known.
    fn objectives(&mut self, table: &Table) {
        for (number, objective, part) in &table.objectives {
            let place = |parser: &Parser<'_>| {
                let index = parser.index(Col::Objective);
                parser.place(*number, index, Some(Col::Objective.name()))
            };
            match table.group_parts.get(objective) {
                None => {
                    let at = place(self);
                    self.problems.push(TableError::UnknownObjective {
                        at,
                        objective: objective.clone(),
                    });
                }
                Some(Some(objective_part)) => {
                    if let Some(part) = part
                        && part != objective_part
                    {
                        let at = place(self);
                        self.problems.push(TableError::ObjectivePart {
                            at,
                            objective: objective.clone(),
                            objective_part: *objective_part,
                            part: *part,
                        });
                    }
                }
                // The group's own part was wrong and is reported on its row.
                Some(None) => {}
            }
        }
    }

    /// A group's or control's id, unique among both.
    fn id(&mut self, row: &Row, kind: RowKind, table: &mut Table) -> Option<String> {
        let id = self.required(row, Col::Id, kind, Parser::text)?;
        match table.ids.get(&id) {
            Some(first_row) => {
                let at = self.at(row, Col::Id);
                self.problems.push(TableError::DuplicateId {
                    at,
                    id: id.clone(),
                    first_row: *first_row,
                });
            }
            None => {
                table.ids.insert(id.clone(), row.number);
            }
        }
        Some(id)
    }

    fn bilingual(&mut self, row: &Row, ja: Col, en: Col, kind: RowKind) -> Option<Bilingual> {
        let ja = self.required(row, ja, kind, Parser::text);
        let en = self.required(row, en, kind, Parser::text);
        Some(Bilingual::new(ja?, en?))
    }

    // Cells.

    fn index(&self, col: Col) -> Option<usize> {
        self.columns.get(col.position()).copied().flatten()
    }

    fn place(&self, row: usize, index: Option<usize>, column: Option<&str>) -> Box<Place> {
        let mut at = self.grid.place();
        at.row = Some(row);
        at.column = column.map(str::to_owned);
        at.cell = index.map(|index| cell_ref(index, row));
        at
    }

    fn at(&self, row: &Row, col: Col) -> Box<Place> {
        self.place(row.number, self.index(col), Some(col.name()))
    }

    fn cell<'r>(&self, row: &'r Row, col: Col) -> Value<&'r Raw> {
        let Some(index) = self.index(col) else {
            return Value::Empty;
        };
        if self.formulas.contains(&(row.number, index)) {
            return Value::Reported;
        }
        match row.get(index) {
            Some(raw) if !raw.is_blank() => Value::Got(raw),
            _ => Value::Empty,
        }
    }

    /// A cell the row needs: empty is a problem.
    fn required<T>(
        &mut self,
        row: &Row,
        col: Col,
        kind: RowKind,
        read: fn(&mut Self, &Row, Col) -> Value<T>,
    ) -> Option<T> {
        match read(self, row, col) {
            Value::Got(value) => Some(value),
            Value::Empty => {
                let at = self.at(row, col);
                self.problems.push(TableError::Required {
                    at,
                    kind: kind.code(),
                });
                None
            }
            Value::Reported => None,
        }
    }

    /// A cell that may be empty, giving `default` then.
    fn defaulted<T>(
        &mut self,
        row: &Row,
        col: Col,
        read: fn(&mut Self, &Row, Col) -> Value<T>,
        default: T,
    ) -> Option<T> {
        match read(self, row, col) {
            Value::Got(value) => Some(value),
            Value::Empty => Some(default),
            Value::Reported => None,
        }
    }

    /// A cell that may be empty, giving the default then.
    fn optional<T: Default>(
        &mut self,
        row: &Row,
        col: Col,
        read: fn(&mut Self, &Row, Col) -> Value<T>,
    ) -> Option<T> {
        match read(self, row, col) {
            Value::Got(value) => Some(value),
            Value::Empty => Some(T::default()),
            Value::Reported => None,
        }
    }

    fn wrong_type(&mut self, row: &Row, col: Col, raw: &Raw) {
        let at = self.at(row, col);
        self.problems.push(TableError::WrongCellType {
            at,
            found: cell_type(raw),
        });
    }

    /// Text, trimmed of surrounding whitespace. Numbers are refused rather than formatted: an
    /// id typed as 6.10 would come back as 6.1.
    fn text(&mut self, row: &Row, col: Col) -> Value<String> {
        match self.cell(row, col) {
            Value::Got(Raw::Text(text)) => Value::Got(text.trim().to_owned()),
            Value::Got(other) => {
                self.wrong_type(row, col, other);
                Value::Reported
            }
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    /// A code read from text, without regard to the case of its letters.
    fn code<T>(
        &mut self,
        row: &Row,
        col: Col,
        decode: fn(&str) -> Option<T>,
        problem: fn(Box<Place>, String) -> TableError,
    ) -> Value<T> {
        match self.text(row, col) {
            Value::Got(text) => match decode(&text.to_ascii_lowercase()) {
                Some(value) => Value::Got(value),
                None => {
                    let at = self.at(row, col);
                    self.problems.push(problem(at, text));
                    Value::Reported
                }
            },
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    fn version_id(&mut self, row: &Row, col: Col) -> Value<String> {
        match self.text(row, col) {
            Value::Got(id) => {
                if shinrai_domain::criteria::is_valid_version_id(&id) {
                    Value::Got(id)
                } else {
                    let at = self.at(row, col);
                    self.problems
                        .push(TableError::BadVersionId { at, value: id });
                    Value::Reported
                }
            }
            other => other,
        }
    }

    fn part(&mut self, row: &Row, col: Col) -> Value<Part> {
        self.code(row, col, Part::from_code, |at, value| {
            TableError::UnknownPart { at, value }
        })
    }

    fn actor(&mut self, row: &Row, col: Col) -> Value<Actor> {
        self.code(row, col, Actor::from_code, |at, value| {
            TableError::UnknownActor { at, value }
        })
    }

    /// 1, 2 or 3: a number cell (2 or 2.0) or text.
    fn level(&mut self, row: &Row, col: Col) -> Value<Level> {
        let (level, shown) = match self.cell(row, col) {
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
            Value::Got(other) => {
                self.wrong_type(row, col, other);
                return Value::Reported;
            }
            Value::Empty => return Value::Empty,
            Value::Reported => return Value::Reported,
        };
        match level {
            Some(level) => Value::Got(level),
            None => {
                let at = self.at(row, col);
                self.problems
                    .push(TableError::BadLevel { at, value: shown });
                Value::Reported
            }
        }
    }

    /// yes/no, true/false, 1/0 or はい/いいえ as text, a boolean cell, or a number 1 or 0.
    fn boolean(&mut self, row: &Row, col: Col) -> Value<bool> {
        let (value, shown) = match self.cell(row, col) {
            Value::Got(Raw::Bool(value)) => (Some(*value), value.to_string()),
            Value::Got(Raw::Int(value)) => (
                match value {
                    1 => Some(true),
                    0 => Some(false),
                    _ => None,
                },
                value.to_string(),
            ),
            Value::Got(Raw::Float(value)) => (
                [(1.0, true), (0.0, false)]
                    .into_iter()
                    .find(|(number, _)| number == value)
                    .map(|(_, flag)| flag),
                value.to_string(),
            ),
            Value::Got(Raw::Text(text)) => {
                let text = text.trim();
                let value = match text.to_lowercase().as_str() {
                    "yes" | "true" | "1" | "はい" => Some(true),
                    "no" | "false" | "0" | "いいえ" => Some(false),
                    _ => None,
                };
                (value, text.to_owned())
            }
            Value::Got(other) => {
                self.wrong_type(row, col, other);
                return Value::Reported;
            }
            Value::Empty => return Value::Empty,
            Value::Reported => return Value::Reported,
        };
        match value {
            Some(value) => Value::Got(value),
            None => {
                let at = self.at(row, col);
                self.problems
                    .push(TableError::BadBoolean { at, value: shown });
                Value::Reported
            }
        }
    }

    /// `IaaS;PaaS`: at least one model, in the order given; repeats are dropped.
    fn service_models(&mut self, row: &Row, col: Col) -> Value<Vec<ServiceModel>> {
        let text = match self.text(row, col) {
            Value::Got(text) => text,
            Value::Empty => return Value::Empty,
            Value::Reported => return Value::Reported,
        };
        let mut models = Vec::new();
        let mut bad = false;
        for name in text
            .split(';')
            .map(str::trim)
            .filter(|name| !name.is_empty())
        {
            let model = ServiceModel::ALL
                .into_iter()
                .find(|model| model.name().eq_ignore_ascii_case(name));
            match model {
                Some(model) if !models.contains(&model) => models.push(model),
                Some(_) => {}
                None => {
                    let at = self.at(row, col);
                    self.problems.push(TableError::UnknownServiceModel {
                        at,
                        value: name.to_owned(),
                    });
                    bad = true;
                }
            }
        }
        if bad {
            Value::Reported
        } else if models.is_empty() {
            Value::Empty
        } else {
            Value::Got(models)
        }
    }

    /// `id: 名前 | name` a line (see [`super::examples`]); each malformed line, malformed id and
    /// repeated id is a problem of its own, naming the control.
    fn technology_examples(
        &mut self,
        row: &Row,
        control: Option<&str>,
    ) -> Option<Vec<TechnologyExample>> {
        let col = Col::TechnologyExamples;
        let text = match self.text(row, col) {
            Value::Got(text) => text,
            Value::Empty => return Some(Vec::new()),
            Value::Reported => return None,
        };
        let control = control.unwrap_or_default().to_owned();
        let mut examples = Vec::new();
        let mut bad = false;
        for line in entries(&text) {
            match parse_entry(line) {
                Some(example) => examples.push(example),
                None => {
                    let at = self.at(row, col);
                    self.problems.push(TableError::BadExampleEntry {
                        at,
                        control: control.clone(),
                        value: line.to_owned(),
                    });
                    bad = true;
                }
            }
        }
        for (_, problem) in example_problems(&examples) {
            let at = self.at(row, col);
            let control = control.clone();
            self.problems.push(match problem {
                ExampleProblem::BadExampleId { id } => TableError::BadExampleId { at, control, id },
                ExampleProblem::DuplicateExampleId { id } => {
                    TableError::DuplicateExampleId { at, control, id }
                }
            });
            bad = true;
        }
        (!bad).then_some(examples)
    }

    /// `STANDARD:CLAUSE=relation; …`. The relation follows the last `=` and the standard
    /// precedes the first `:`, so a clause may hold both characters.
    fn references(&mut self, row: &Row, col: Col) -> Value<Vec<Reference>> {
        let text = match self.text(row, col) {
            Value::Got(text) => text,
            Value::Empty => return Value::Empty,
            Value::Reported => return Value::Reported,
        };
        let mut references = Vec::new();
        let mut bad = false;
        for item in text
            .split(';')
            .map(str::trim)
            .filter(|item| !item.is_empty())
        {
            match parse_reference(item) {
                Ok(reference) => references.push(reference),
                Err(problem) => {
                    let at = self.at(row, col);
                    self.problems.push(problem(at, item.to_owned()));
                    bad = true;
                }
            }
        }
        if bad {
            Value::Reported
        } else {
            Value::Got(references)
        }
    }
}

type Problem = fn(Box<Place>, String) -> TableError;

fn parse_reference(item: &str) -> Result<Reference, Problem> {
    let bad: Problem = |at, value| TableError::BadReference { at, value };
    let (key, relation) = item.rsplit_once('=').ok_or(bad)?;
    let (standard, clause) = key.split_once(':').ok_or(bad)?;
    let (standard, clause) = (standard.trim(), clause.trim());
    if standard.is_empty() || clause.is_empty() {
        return Err(bad);
    }
    let relation = Relation::from_code(&relation.trim().to_ascii_lowercase())
        .ok_or((|at, value| TableError::UnknownRelation { at, value }) as Problem)?;
    Ok(Reference {
        standard: standard.to_owned(),
        clause: clause.to_owned(),
        relation,
    })
}

fn cell_type(raw: &Raw) -> CellType {
    match raw {
        Raw::Int(_) | Raw::Float(_) => CellType::Number,
        Raw::Bool(_) => CellType::Boolean,
        Raw::Other(found) => *found,
        // Text is taken by every column; never asked.
        Raw::Text(_) => CellType::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_split_at_first_colon_and_last_equals() {
        let reference = parse_reference("ISO27017:CLD.6.3.1=superset").ok();
        assert_eq!(
            reference,
            Some(Reference {
                standard: "ISO27017".to_owned(),
                clause: "CLD.6.3.1".to_owned(),
                relation: Relation::Superset,
            })
        );
        let reference = parse_reference("X:a:b=c = Equal").ok();
        assert_eq!(reference.map(|r| r.clause), Some("a:b=c".to_owned()));
        assert!(parse_reference("ISO27002 9.2.3=subset").is_err());
        assert!(parse_reference("ISO27002:9.2.3").is_err());
        assert!(parse_reference(":9.2.3=subset").is_err());
        assert!(parse_reference("ISO27002:9.2.3=partly").is_err());
    }
}
