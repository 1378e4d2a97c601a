//! `model!` declares an OSCAL object: a struct whose known fields are typed, in OSCAL's order,
//! with every field this version does not know kept in `extra`, so that reading and writing a
//! document never loses anything. Optional fields are `Option<_>` and are written only when
//! present; an empty array that was present stays present.
//!
//! Reading is written out by the macro rather than derived: serde's derived `flatten` buffers
//! every object before typing it, which made reading the 10 MB SP 800-53 catalog about twice as
//! slow. Here each key is matched against the field names directly and only unknown keys are
//! kept as JSON values.

use std::borrow::Cow;
use std::fmt;

/// How a field type behaves when writing (is it left out?) and reading (may it be missing? does
/// it keep room it does not need?).
pub trait Field: Sized {
    /// Whether the field is left out when writing: only `None` is.
    fn is_absent(&self) -> bool;
    /// The value of a missing field, or `None` when the field is required.
    fn when_missing() -> Option<Self>;
    /// Gives back the room an array grew beyond its length while it was read. An array read
    /// from JSON grows as it goes (to four items at first), and most of OSCAL's arrays hold one
    /// or two: in the SP 800-53 catalog the spare room came to more memory than the items
    /// themselves. Given back at once, it is used again by the next array read.
    fn fit(&mut self) {}
}

impl<T: Field> Field for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }

    fn when_missing() -> Option<Self> {
        Some(None)
    }

    fn fit(&mut self) {
        if let Some(value) = self {
            value.fit();
        }
    }
}

macro_rules! required_field {
    ($($type:ty),*) => {
        $(
            impl Field for $type {
                fn is_absent(&self) -> bool {
                    false
                }

                fn when_missing() -> Option<Self> {
                    None
                }
            }
        )*
    };
}

required_field!(String, bool, serde_json::Value);

impl<T> Field for Vec<T> {
    fn is_absent(&self) -> bool {
        false
    }

    fn when_missing() -> Option<Self> {
        None
    }

    fn fit(&mut self) {
        self.shrink_to_fit();
    }
}

/// A key of a JSON or YAML object, borrowed from the text when it can be.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a field name")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }

            fn visit_string<E: serde::de::Error>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Whether a JSON key is the OSCAL name of a Rust field: `last_modified` is `last-modified`,
/// `r#type` is `type`.
pub fn is_json_name(key: &str, field: &str) -> bool {
    let field = field.strip_prefix("r#").unwrap_or(field);
    key.len() == field.len()
        && key
            .bytes()
            .zip(field.bytes())
            .all(|(k, f)| if f == b'_' { k == b'-' } else { k == f })
}

/// The OSCAL name of a Rust field, for messages.
pub fn json_name(field: &str) -> String {
    field.strip_prefix("r#").unwrap_or(field).replace('_', "-")
}

macro_rules! model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident : $type:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(skip_serializing_if = "crate::model::macros::Field::is_absent")]
                pub $field: $type,
            )*
            /// Fields not modelled here, kept as they were read.
            #[serde(flatten)]
            pub extra: crate::model::Extra,
        }

        impl crate::model::macros::Field for $name {
            fn is_absent(&self) -> bool {
                false
            }

            fn when_missing() -> Option<Self> {
                None
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;

                impl<'de> serde::de::Visitor<'de> for Visitor {
                    type Value = $name;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        formatter.write_str(concat!("an OSCAL object (", stringify!($name), ")"))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        use crate::model::macros::{Field, Key, is_json_name, json_name};
                        use serde::de::Error;
                        $( let mut $field: Option<$type> = None; )*
                        let mut extra = crate::model::Extra::new();
                        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                            $(
                                if is_json_name(&key, stringify!($field)) {
                                    if $field.is_some() {
                                        return Err(A::Error::custom(format_args!(
                                            "duplicate field `{}`",
                                            json_name(stringify!($field))
                                        )));
                                    }
                                    let mut value = map.next_value::<$type>()?;
                                    Field::fit(&mut value);
                                    $field = Some(value);
                                    continue;
                                }
                            )*
                            let value: serde_json::Value = map.next_value()?;
                            extra.insert(key.into_owned(), value);
                        }
                        Ok($name {
                            $(
                                $field: match $field.or_else(<$type as Field>::when_missing) {
                                    Some(value) => value,
                                    None => {
                                        return Err(A::Error::custom(format_args!(
                                            "missing field `{}`",
                                            json_name(stringify!($field))
                                        )));
                                    }
                                },
                            )*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(Visitor)
            }
        }
    };
}

pub(crate) use model;

#[cfg(test)]
mod tests {
    use super::{is_json_name, json_name};

    #[test]
    fn field_names_map_to_oscal_names() {
        assert!(is_json_name("last-modified", "last_modified"));
        assert!(is_json_name("type", "r#type"));
        assert!(!is_json_name("last_modified", "last_modified"));
        assert!(!is_json_name("title", "titles"));
        assert_eq!(json_name("oscal_version"), "oscal-version");
    }

    #[test]
    fn arrays_read_keep_no_spare_room() {
        use crate::model::common::Part;
        let part: Part = serde_json::from_str(
            r#"{"name": "item", "props": [{"name": "label", "value": "a."}],
                "parts": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}, {"name": "e"}]}"#,
        )
        .unwrap();
        let props = part.props.unwrap();
        let parts = part.parts.unwrap();
        // Read without fitting, these would hold room for four and eight.
        assert_eq!((props.len(), props.capacity()), (1, 1));
        assert_eq!((parts.len(), parts.capacity()), (5, 5));
    }
}
