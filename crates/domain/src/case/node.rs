//! A cursor over a parsed JSON case that knows its own JSON pointer, so every read can fail with
//! the exact place of the problem. Case readers are written against it field by field.

use serde_json::Value;

use super::bounds::MAX_ID_CHARS;
use super::error::{CaseError, JsonKind, LengthUnit, Problem, Referent};
use super::pointer::Pointer;
use crate::date::CalendarDate;
use crate::fast_hash::FastSet;

/// One value of the case and the way from the root to it.
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    value: &'a Value,
    place: Place<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Place<'a> {
    Root,
    Key(&'a Node<'a>, &'a str),
    Index(&'a Node<'a>, usize),
}

pub type Read<T> = Result<T, CaseError>;

/// 2^53: every integer up to here has an exact `f64`.
const MAX_EXACT_FLOAT: f64 = 9_007_199_254_740_992.0;

impl<'a> Node<'a> {
    pub fn root(value: &'a Value) -> Node<'a> {
        Node {
            value,
            place: Place::Root,
        }
    }

    pub fn value(&self) -> &'a Value {
        self.value
    }

    /// Built only when a problem is reported, so reading stays cheap.
    pub fn pointer(&self) -> Pointer {
        match self.place {
            Place::Root => Pointer::root(),
            Place::Key(parent, key) => parent.pointer().key(key),
            Place::Index(parent, index) => parent.pointer().index(index),
        }
    }

    pub fn error(&self, problem: Problem) -> CaseError {
        CaseError::new(self.pointer(), problem)
    }

    fn wrong_type(&self, expected: JsonKind) -> CaseError {
        self.error(Problem::WrongType {
            expected,
            found: JsonKind::of(self.value),
        })
    }

    fn object(&self) -> Read<&'a serde_json::Map<String, Value>> {
        self.value
            .as_object()
            .ok_or_else(|| self.wrong_type(JsonKind::Object))
    }

    /// Reads a required member of this object.
    pub fn field<'s, T>(
        &'s self,
        key: &'s str,
        read: impl FnOnce(&Node<'s>) -> Read<T>,
    ) -> Read<T> {
        match self.object()?.get(key) {
            Some(value) => read(&Node {
                value,
                place: Place::Key(self, key),
            }),
            None => Err(CaseError::new(
                self.pointer().key(key),
                Problem::MissingField,
            )),
        }
    }

    /// Reads an optional member; absent and `null` both mean "not given".
    pub fn optional<'s, T>(
        &'s self,
        key: &'s str,
        read: impl FnOnce(&Node<'s>) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.object()?.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(&Node {
                value,
                place: Place::Key(self, key),
            })
            .map(Some),
        }
    }

    /// Reads every element of this array, which may hold at most `max` of them. The length is
    /// checked first, so an oversized list costs nothing to refuse.
    pub fn items<'s, T>(
        &'s self,
        max: usize,
        mut read: impl FnMut(&Node<'s>) -> Read<T>,
    ) -> Read<Vec<T>> {
        let array = self
            .value
            .as_array()
            .ok_or_else(|| self.wrong_type(JsonKind::Array))?;
        if array.len() > max {
            return Err(self.error(Problem::TooLong {
                max,
                found: array.len(),
                unit: LengthUnit::Items,
            }));
        }
        let mut out = Vec::with_capacity(array.len());
        for (index, value) in array.iter().enumerate() {
            out.push(read(&Node {
                value,
                place: Place::Index(self, index),
            })?);
        }
        Ok(out)
    }

    /// Like [`Node::items`], but an empty array is a problem.
    pub fn non_empty_items<'s, T>(
        &'s self,
        max: usize,
        read: impl FnMut(&Node<'s>) -> Read<T>,
    ) -> Read<Vec<T>> {
        let out = self.items(max, read)?;
        if out.is_empty() {
            return Err(self.error(Problem::Empty));
        }
        Ok(out)
    }

    /// Visits every member of this object in document order.
    pub fn entries<'s>(
        &'s self,
        mut visit: impl FnMut(&'s str, &Node<'s>) -> Read<()>,
    ) -> Read<()> {
        for (key, value) in self.object()? {
            visit(
                key,
                &Node {
                    value,
                    place: Place::Key(self, key),
                },
            )?;
        }
        Ok(())
    }

    /// Any string, unbounded: for values that must match a fixed name or form (choices, dates),
    /// which bounds them anyway.
    pub fn text(&self) -> Read<&'a str> {
        self.value
            .as_str()
            .ok_or_else(|| self.wrong_type(JsonKind::String))
    }

    /// A string of at most `max` characters (Unicode code points, as JSON Schema counts them).
    fn bounded_text(&self, max: usize) -> Read<&'a str> {
        let text = self.text()?;
        // A string has at least one byte per character, so a short one needs no counting.
        if text.len() > max {
            let found = text.chars().count();
            if found > max {
                return Err(self.error(Problem::TooLong {
                    max,
                    found,
                    unit: LengthUnit::Characters,
                }));
            }
        }
        Ok(text)
    }

    /// Any string of at most `max` characters, white space and empty included (names, scopes,
    /// reasons).
    pub fn string(&self, max: usize) -> Read<String> {
        self.bounded_text(max).map(str::to_owned)
    }

    /// An identifier: a string of at most [`MAX_ID_CHARS`] characters with something in it
    /// besides white space. Kept exactly as written, because ids are compared exactly.
    pub fn id(&self) -> Read<String> {
        let text = self.bounded_text(MAX_ID_CHARS)?;
        if text.trim().is_empty() {
            return Err(self.error(Problem::Empty));
        }
        Ok(text.to_owned())
    }

    /// An id that may appear only once in its list: `seen` holds the ids read before it, and
    /// gets this one. A repeat is a [`Problem::Duplicate`] of `referent`.
    pub(crate) fn unique_id(&self, seen: &mut FastSet<String>, referent: Referent) -> Read<String> {
        let id = self.id()?;
        if seen.contains(&id) {
            return Err(self.error(Problem::Duplicate { referent, id }));
        }
        seen.insert(id.clone());
        Ok(id)
    }

    /// A list of at most `max` ids.
    pub fn ids(&self, max: usize) -> Read<Vec<String>> {
        self.items(max, Node::id)
    }

    pub fn boolean(&self) -> Read<bool> {
        self.value
            .as_bool()
            .ok_or_else(|| self.wrong_type(JsonKind::Boolean))
    }

    /// A whole number within `min..=max`. Like JSON Schema, a number with a zero fraction
    /// (`2.0`) counts as an integer.
    pub fn integer(&self, min: u64, max: u64) -> Read<u64> {
        let out_of_range = || {
            self.error(Problem::IntegerOutOfRange {
                min,
                max,
                found: self.value.to_string(),
            })
        };
        let Value::Number(number) = self.value else {
            return Err(self.wrong_type(JsonKind::Integer));
        };
        let value = if let Some(value) = number.as_u64() {
            value
        } else if number.is_i64() {
            return Err(out_of_range());
        } else {
            let float = number.as_f64().unwrap_or(f64::NAN);
            if float.fract() != 0.0 || !float.is_finite() {
                return Err(self.wrong_type(JsonKind::Integer));
            }
            // Integral floats beyond 2^53 are not exact; treat them as out of range.
            if !(0.0..=MAX_EXACT_FLOAT).contains(&float) {
                return Err(out_of_range());
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let whole = float as u64;
            whole
        };
        if (min..=max).contains(&value) {
            Ok(value)
        } else {
            Err(out_of_range())
        }
    }

    /// Any JSON number (integer or not) within `min..=max`.
    pub fn number(&self, min: f64, max: f64) -> Read<f64> {
        let value = self
            .value
            .as_f64()
            .ok_or_else(|| self.wrong_type(JsonKind::Number))?;
        if value >= min && value <= max {
            Ok(value)
        } else {
            Err(self.error(Problem::NumberOutOfRange {
                min,
                max,
                found: value,
            }))
        }
    }

    pub fn date(&self) -> Read<CalendarDate> {
        let text = self.text()?;
        CalendarDate::parse(text).ok_or_else(|| {
            self.error(Problem::InvalidDate {
                found: text.to_owned(),
            })
        })
    }

    /// One of a fixed set of names, each standing for a value of `T`.
    pub fn choice<T: Copy>(&self, table: &[(&'static str, T)]) -> Read<T> {
        let text = self.text()?;
        table
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, value)| *value)
            .ok_or_else(|| {
                self.error(Problem::UnknownValue {
                    allowed: table.iter().map(|(name, _)| *name).collect(),
                    found: text.to_owned(),
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn pointer_of<T: std::fmt::Debug>(result: Read<T>) -> String {
        result.unwrap_err().pointer.as_str().to_owned()
    }

    #[test]
    fn errors_carry_the_pointer_of_the_offending_value() {
        let doc = json!({"a": [{"b": "x"}, {"b": 7}]});
        let root = Node::root(&doc);
        let result = root.field("a", |a| a.items(5, |item| item.field("b", |b| b.string(9))));
        assert_eq!(pointer_of(result), "/a/1/b");
    }

    #[test]
    fn a_missing_field_points_at_where_it_should_be() {
        let doc = json!({"a": {}});
        let root = Node::root(&doc);
        let result = root.field("a", |a| a.field("level", |n| n.integer(1, 3)));
        let error = result.unwrap_err();
        assert_eq!(error.pointer.as_str(), "/a/level");
        assert_eq!(error.problem, Problem::MissingField);
    }

    #[test]
    fn integers_are_checked_for_type_and_range() {
        for (value, code) in [
            (json!(0), "out_of_range"),
            (json!(4), "out_of_range"),
            (json!(-1), "out_of_range"),
            (json!(2.5), "wrong_type"),
            (json!(-2.0), "out_of_range"),
            (json!("2"), "wrong_type"),
        ] {
            let err = Node::root(&value).integer(1, 3).unwrap_err();
            assert_eq!(err.problem.code(), code, "{value}");
        }
        assert_eq!(Node::root(&json!(3)).integer(1, 3).unwrap(), 3);
        assert_eq!(Node::root(&json!(2.0)).integer(1, 3).unwrap(), 2);
    }

    #[test]
    fn null_counts_as_absent_for_optional_fields() {
        let doc = json!({"x": null});
        let root = Node::root(&doc);
        assert_eq!(root.optional("x", Node::boolean).unwrap(), None);
        assert_eq!(root.optional("y", Node::boolean).unwrap(), None);
        assert!(root.optional("x", |n| n.integer(0, 1)).is_ok());
    }

    #[test]
    fn ids_must_have_content() {
        let doc = json!(["a", "  "]);
        assert_eq!(pointer_of(Node::root(&doc).ids(2)), "/1");
    }

    #[test]
    fn a_repeated_id_is_a_duplicate_where_it_repeats() {
        let doc = json!(["a", "b", "a"]);
        let mut seen = FastSet::default();
        let error = Node::root(&doc)
            .items(3, |n| n.unique_id(&mut seen, Referent::Control))
            .unwrap_err();
        assert_eq!(error.pointer.as_str(), "/2");
        assert_eq!(
            error.problem,
            Problem::Duplicate {
                referent: Referent::Control,
                id: "a".to_owned()
            }
        );
    }

    #[test]
    fn lists_and_strings_are_bounded() {
        let list = json!([1, 2, 3]);
        let error = Node::root(&list).items(2, |n| n.integer(0, 9)).unwrap_err();
        assert_eq!(
            error.problem,
            Problem::TooLong {
                max: 2,
                found: 3,
                unit: LengthUnit::Items
            }
        );
        assert_eq!(
            Node::root(&list)
                .items(3, |n| n.integer(0, 9))
                .unwrap()
                .len(),
            3
        );
        // Characters, not bytes: three Japanese characters are nine bytes of UTF-8.
        let word = json!("信頼性");
        assert_eq!(Node::root(&word).string(3).unwrap(), "信頼性");
        let error = Node::root(&word).string(2).unwrap_err();
        assert_eq!(error.problem.code(), "too_long");
        assert_eq!(
            error.problem.message().en,
            "must be at most 2 characters, found 3"
        );
        let long_id = json!("x".repeat(MAX_ID_CHARS + 1));
        assert_eq!(
            Node::root(&long_id).id().unwrap_err().problem.code(),
            "too_long"
        );
        let longest_id = json!("x".repeat(MAX_ID_CHARS));
        assert!(Node::root(&longest_id).id().is_ok());
    }

    #[test]
    fn choices_list_the_allowed_names() {
        let doc = json!("Paas");
        let err = Node::root(&doc)
            .choice(&[("IaaS", 1), ("PaaS", 2)])
            .unwrap_err();
        assert_eq!(
            err.problem.message().en,
            "unknown value \"Paas\"; allowed: IaaS, PaaS"
        );
    }
}
