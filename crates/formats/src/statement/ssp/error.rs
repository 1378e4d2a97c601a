//! What can stop writing or reading a statement as an SSP: the file and the JSON pointer.

use shinrai_domain::text::{Bilingual, Lang};
use shinrai_oscal::{OscalError, Place};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SspError {
    /// The file cannot be read as an OSCAL document (size, syntax, model); the oscal crate's
    /// error names the file and the place.
    #[error("{0}")]
    Oscal(#[from] OscalError),
    /// The document is OSCAL, but something in it cannot be read as a statement.
    #[error("{}", self.message().en)]
    Content {
        file: String,
        pointer: String,
        why: Bilingual,
    },
    /// A statement with no answer: OSCAL needs at least one implemented requirement.
    #[error("{}", self.message().en)]
    NothingToWrite,
}

impl SspError {
    pub(crate) fn at(file: &str, pointer: impl Into<String>, why: Bilingual) -> SspError {
        SspError::Content {
            file: file.to_owned(),
            pointer: pointer.into(),
            why,
        }
    }

    /// The JSON pointer (or other place) of the problem, when there is one.
    pub fn place(&self) -> Option<Place> {
        match self {
            SspError::Oscal(error) => Some(error.place.clone()),
            SspError::Content { pointer, .. } => Some(Place::Pointer(pointer.clone())),
            SspError::NothingToWrite => None,
        }
    }

    /// `FILE: PLACE (WHY)` in both languages.
    pub fn message(&self) -> Bilingual {
        match self {
            SspError::Oscal(error) => {
                Bilingual::new(error.describe(Lang::Ja), error.describe(Lang::En))
            }
            SspError::Content { file, pointer, why } => {
                let place = Place::Pointer(pointer.clone());
                Bilingual::new(
                    format!("{file}: {} ({})", place.describe(Lang::Ja), why.ja),
                    format!("{file}: {} ({})", place.describe(Lang::En), why.en),
                )
            }
            SspError::NothingToWrite => Bilingual::new(
                "回答が 1 つもない言明書は OSCAL の SSP にできません（実装要件が 1 つ以上必要です）",
                "a statement with no answer cannot be an OSCAL SSP (it needs at least one implemented requirement)",
            ),
        }
    }
}
