//! Closed vocabularies of this module: a code for files and addresses, a title for readers.

/// Gives a fieldless enum `ALL`, `code`, `from_code` and a bilingual `title`. The serde names
/// of the enum must equal its codes (a test checks each vocabulary).
macro_rules! coded {
    ($name:ident { $($variant:ident => $code:literal, $ja:literal, $en:literal;)+ }) => {
        impl $name {
            /// Every value, in the order readers see them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code used in files and addresses.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Reads a code without regard to case or surrounding white space.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code().eq_ignore_ascii_case(code.trim()))
            }

            /// The name readers see, in both languages.
            pub fn title(self) -> $crate::text::Bilingual {
                match self {
                    $($name::$variant => $crate::text::Bilingual::new($ja, $en),)+
                }
            }
        }
    };
}

pub(super) use coded;
