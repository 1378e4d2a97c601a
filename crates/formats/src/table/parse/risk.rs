//! Rows of kind `risk`: one risk of the map, its band, kinds of harm and stages read as codes,
//! its objectives checked against the group rows once every row is read.

use shinrai_domain::criteria::{Risk, RiskBand, RiskCategory, RiskStage};

use super::super::columns::{Col, RowKind};
use super::super::error::TableError;
use super::super::grid::Row;
use super::{Parser, Table, Value};

impl Parser<'_> {
    pub(super) fn risk(&mut self, row: &Row, table: &mut Table) {
        let kind = RowKind::Risk;
        let id = self.required(row, Col::Id, kind, Parser::text);
        if let Some(id) = &id {
            match table.risk_ids.get(id) {
                Some(first_row) => {
                    let at = self.at(row, Col::Id);
                    self.problems.push(TableError::DuplicateId {
                        at,
                        id: id.clone(),
                        first_row: *first_row,
                    });
                }
                None => {
                    table.risk_ids.insert(id.clone(), row.number);
                }
            }
        }
        let title = self.bilingual(row, Col::TitleJa, Col::TitleEn, kind);
        let left_to = self.bilingual(row, Col::TextJa, Col::TextEn, kind);
        let band = self.required(row, Col::Band, kind, |parser, row, col| {
            parser.risk_code(row, col, RiskBand::ALL, RiskBand::code)
        });
        let categories = self.required(row, Col::RiskCategories, kind, |parser, row, col| {
            parser.risk_codes(row, col, RiskCategory::ALL, RiskCategory::code)
        });
        let stages = self.required(row, Col::Stages, kind, |parser, row, col| {
            parser.risk_codes(row, col, RiskStage::ALL, RiskStage::code)
        });
        let objectives = self.optional(row, Col::Objectives, Parser::list);
        if let Some(objectives) = &objectives {
            for objective in objectives {
                table.risk_objectives.push((row.number, objective.clone()));
            }
        }
        let risk = (|| {
            Some(Risk {
                id: id?,
                band: band?,
                categories: categories?,
                stages: stages?,
                title: title?,
                objectives: objectives?,
                left_to: left_to?,
            })
        })();
        if let Some(risk) = risk {
            table.risks.push(risk);
        }
    }

    /// Checks each risk's objectives against the groups, now that all are known.
    pub(super) fn risk_objectives(&mut self, table: &Table) {
        for (number, objective) in &table.risk_objectives {
            if !table.group_parts.contains_key(objective) {
                let index = self.index(Col::Objectives);
                let at = self.place(*number, index, Some(Col::Objectives.name()));
                self.problems.push(TableError::UnknownObjective {
                    at,
                    objective: objective.clone(),
                });
            }
        }
    }

    /// One of `all`'s codes, without regard to case.
    fn risk_code<T: Copy>(
        &mut self,
        row: &Row,
        col: Col,
        all: &[T],
        code: fn(T) -> &'static str,
    ) -> Value<T> {
        match self.text(row, col) {
            Value::Got(text) => match decode(&text, all, code) {
                Some(value) => Value::Got(value),
                None => {
                    self.unknown_risk_code(row, col, text, all, code);
                    Value::Reported
                }
            },
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }

    /// `a;b`: at least one of `all`'s codes, in the order given; repeats are dropped.
    fn risk_codes<T: Copy + PartialEq>(
        &mut self,
        row: &Row,
        col: Col,
        all: &[T],
        code: fn(T) -> &'static str,
    ) -> Value<Vec<T>> {
        let items = match self.list(row, col) {
            Value::Got(items) => items,
            Value::Empty => return Value::Empty,
            Value::Reported => return Value::Reported,
        };
        let mut values = Vec::new();
        let mut bad = false;
        for item in items {
            match decode(&item, all, code) {
                Some(value) if !values.contains(&value) => values.push(value),
                Some(_) => {}
                None => {
                    self.unknown_risk_code(row, col, item, all, code);
                    bad = true;
                }
            }
        }
        if bad {
            Value::Reported
        } else if values.is_empty() {
            Value::Empty
        } else {
            Value::Got(values)
        }
    }

    fn unknown_risk_code<T: Copy>(
        &mut self,
        row: &Row,
        col: Col,
        value: String,
        all: &[T],
        code: fn(T) -> &'static str,
    ) {
        let at = self.at(row, col);
        let allowed = all.iter().map(|v| code(*v)).collect::<Vec<_>>().join(", ");
        self.problems
            .push(TableError::UnknownRiskCode { at, value, allowed });
    }

    /// `a; b`: the items separated by `;`, trimmed, empty ones dropped, in order.
    fn list(&mut self, row: &Row, col: Col) -> Value<Vec<String>> {
        match self.text(row, col) {
            Value::Got(text) => {
                let items: Vec<String> = text
                    .split(';')
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .map(str::to_owned)
                    .collect();
                if items.is_empty() {
                    Value::Empty
                } else {
                    Value::Got(items)
                }
            }
            Value::Empty => Value::Empty,
            Value::Reported => Value::Reported,
        }
    }
}

/// The value of `all` whose code is `text`, without regard to case.
fn decode<T: Copy>(text: &str, all: &[T], code: fn(T) -> &'static str) -> Option<T> {
    all.iter()
        .copied()
        .find(|value| code(*value).eq_ignore_ascii_case(text.trim()))
}
