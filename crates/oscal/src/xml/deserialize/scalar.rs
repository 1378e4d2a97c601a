//! Values of OSCAL's types (text, numbers, booleans) as serde reads them.

use std::borrow::Cow;

use serde::de::{self, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Number;

use super::super::shapes::ValueType;
use super::Error;

/// A value of one of OSCAL's types: numbers and booleans as such, everything else as a string.
#[derive(Debug)]
pub(super) enum Scalar<'t> {
    Text(Cow<'t, str>),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Bool(bool),
}

impl<'t> Scalar<'t> {
    /// The text as a value of the type; the text back when it is not one.
    pub(super) fn of(
        text: Cow<'t, str>,
        value_type: ValueType,
    ) -> Result<Scalar<'t>, Cow<'t, str>> {
        // Trimmed only for the types that are read from it: most values are text.
        let trimmed = || text.trim();
        let value = match value_type {
            ValueType::Text | ValueType::MarkupLine | ValueType::MarkupMultiline => {
                return Ok(Scalar::Text(text));
            }
            ValueType::Integer => trimmed()
                .strip_prefix('+')
                .unwrap_or(trimmed())
                .parse::<i64>()
                .ok()
                .map(Scalar::integer),
            ValueType::Decimal => serde_json::from_str::<Number>(trimmed())
                .ok()
                .or_else(|| trimmed().parse::<f64>().ok().and_then(Number::from_f64))
                .map(Scalar::number),
            ValueType::Boolean => match trimmed() {
                "true" | "1" => Some(Scalar::Bool(true)),
                "false" | "0" => Some(Scalar::Bool(false)),
                _ => None,
            },
        };
        value.ok_or(text)
    }

    pub(super) fn integer(number: i64) -> Scalar<'t> {
        u64::try_from(number).map_or(Scalar::Signed(number), Scalar::Unsigned)
    }

    /// As JSON reads a number: a whole number as an integer, anything else as a float.
    pub(super) fn number(number: Number) -> Scalar<'t> {
        if let Some(unsigned) = number.as_u64() {
            Scalar::Unsigned(unsigned)
        } else if let Some(signed) = number.as_i64() {
            Scalar::Signed(signed)
        } else {
            Scalar::Float(number.as_f64().unwrap_or_default())
        }
    }
}

impl<'de> de::Deserializer<'de> for Scalar<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Scalar::Text(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Scalar::Text(Cow::Owned(text)) => visitor.visit_string(text),
            Scalar::Unsigned(number) => visitor.visit_u64(number),
            Scalar::Signed(number) => visitor.visit_i64(number),
            Scalar::Float(number) => visitor.visit_f64(number),
            Scalar::Bool(value) => visitor.visit_bool(value),
        }
    }

    present_value_methods!('de);
}
