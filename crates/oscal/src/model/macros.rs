//! `model!` declares an OSCAL object: a struct whose known fields are typed, in OSCAL's order,
//! with every field this version does not know kept in `extra`, so that reading and writing a
//! document never loses anything. Optional fields are `Option<_>` and are written only when
//! present; an empty array that was present stays present.

/// Whether a field is left out when writing: only `None` is.
pub trait Absent {
    fn is_absent(&self) -> bool;
}

impl<T> Absent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl Absent for String {
    fn is_absent(&self) -> bool {
        false
    }
}

impl<T> Absent for Vec<T> {
    fn is_absent(&self) -> bool {
        false
    }
}

impl Absent for serde_json::Value {
    fn is_absent(&self) -> bool {
        false
    }
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
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(skip_serializing_if = "crate::model::macros::Absent::is_absent")]
                pub $field: $type,
            )*
            /// Fields not modelled here, kept as they were read.
            #[serde(flatten)]
            pub extra: crate::model::Extra,
        }

        impl crate::model::macros::Absent for $name {
            fn is_absent(&self) -> bool {
                false
            }
        }
    };
}

pub(crate) use model;
