//! What can stop an OSCAL import or export of criteria. Every error names the file and, where
//! there is one, the place in it (the oscal crate's [`Place`]: a JSON pointer, or a line and
//! column for syntax errors).

use shinrai_domain::text::{Bilingual, Lang};
use shinrai_oscal::{ModelKind, OscalError, Place};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CriteriaOscalError {
    /// Reading, parsing or resolving a file failed; the oscal crate's error names the file and
    /// the place.
    #[error("{0}")]
    Oscal(#[from] OscalError),
    /// The file holds another OSCAL model than the one expected (e.g. a profile given as the
    /// catalog).
    #[error("{}", self.message().en)]
    WrongModel {
        file: String,
        expected: ModelKind,
        found: ModelKind,
    },
    /// More level profiles than the scheme has levels.
    #[error("{}", self.message().en)]
    TooManyProfiles { given: usize },
    /// A level profile imports something other than the catalog being imported.
    #[error("{}", self.message().en)]
    ForeignImport {
        /// The profile, as given.
        profile: String,
        /// JSON pointer of the import's `href`.
        pointer: String,
        /// The `href` as written in the profile.
        href: String,
        /// The file the import points at, when it could be worked out.
        target: Option<String>,
        /// The catalog being imported, as given.
        catalog: String,
    },
    /// The document is OSCAL, but something in it cannot be read as criteria (e.g. a shinrai
    /// property with a value it cannot have).
    #[error("{}", self.message().en)]
    Content {
        file: String,
        place: Place,
        why: Bilingual,
    },
    /// An exported file could not be written.
    #[error("{}", self.message().en)]
    Write { file: String, why: String },
}

impl CriteriaOscalError {
    /// The file the error is about, as given (none for a wrong number of profiles).
    pub fn file(&self) -> Option<&str> {
        match self {
            CriteriaOscalError::Oscal(error) => Some(&error.file),
            CriteriaOscalError::WrongModel { file, .. }
            | CriteriaOscalError::Content { file, .. }
            | CriteriaOscalError::Write { file, .. } => Some(file),
            CriteriaOscalError::ForeignImport { profile, .. } => Some(profile),
            CriteriaOscalError::TooManyProfiles { .. } => None,
        }
    }

    /// Where in the file.
    pub fn place(&self) -> Option<Place> {
        match self {
            CriteriaOscalError::Oscal(error) => Some(error.place.clone()),
            CriteriaOscalError::WrongModel { .. } => Some(Place::Pointer(String::new())),
            CriteriaOscalError::ForeignImport { pointer, .. } => {
                Some(Place::Pointer(pointer.clone()))
            }
            CriteriaOscalError::Content { place, .. } => Some(place.clone()),
            CriteriaOscalError::Write { .. } => Some(Place::WholeFile),
            CriteriaOscalError::TooManyProfiles { .. } => None,
        }
    }

    /// The whole message, `FILE: PLACE (WHY)`, in both languages.
    pub fn message(&self) -> Bilingual {
        let located = |file: &str, place: &Place, why: &Bilingual| {
            Bilingual::new(
                format!("{file}: {} ({})", place.describe(Lang::Ja), why.ja),
                format!("{file}: {} ({})", place.describe(Lang::En), why.en),
            )
        };
        match self {
            CriteriaOscalError::Oscal(error) => {
                Bilingual::new(error.describe(Lang::Ja), error.describe(Lang::En))
            }
            CriteriaOscalError::WrongModel {
                file,
                expected,
                found,
            } => {
                let (expected, found) = (expected.root_key(), found.root_key());
                located(
                    file,
                    &Place::Pointer(String::new()),
                    &Bilingual::new(
                        format!("{expected} ではなく {found} です"),
                        format!("not a {expected} but a {found}"),
                    ),
                )
            }
            CriteriaOscalError::TooManyProfiles { given } => Bilingual::new(
                format!(
                    "レベルのプロファイルが {given} 個あります。0 個か、レベル 1 から順に 1〜3 個を指定してください"
                ),
                format!(
                    "{given} level profiles given: give none, or one to three for levels 1 upwards"
                ),
            ),
            CriteriaOscalError::ForeignImport {
                profile,
                pointer,
                href,
                target,
                catalog,
            } => {
                let target = target.as_deref().unwrap_or(href);
                located(
                    profile,
                    &Place::Pointer(pointer.clone()),
                    &Bilingual::new(
                        format!(
                            "取り込み先 {href}（{target}）は、取り込むカタログ {catalog} ではありません"
                        ),
                        format!(
                            "the import {href} ({target}) is not the catalog being imported, {catalog}"
                        ),
                    ),
                )
            }
            CriteriaOscalError::Content { file, place, why } => located(file, place, why),
            CriteriaOscalError::Write { file, why } => located(
                file,
                &Place::WholeFile,
                &Bilingual::new(
                    format!("書き込めません: {why}"),
                    format!("cannot write: {why}"),
                ),
            ),
        }
    }
}
