//! The map of assurance schemes: each placed by what users expect of it and what it assures.

use serde::{Deserialize, Serialize};

use super::area::CriteriaArea;
use super::object::AssuredObject;
use crate::text::Bilingual;

/// Every scheme a user may meet, and the baseline the field needs. Both axes run from 0 to 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssuranceMap {
    /// The least assurance (and recognition) a scheme needs to be of use in choosing a cloud
    /// service, on the same 0–100 scale as both axes; 1 to 99 so that every zone exists.
    pub baseline: u8,
    /// In the order readers see them.
    pub schemes: Vec<AssuranceScheme>,
}

impl AssuranceMap {
    /// The scheme with this id.
    pub fn scheme(&self, id: &str) -> Option<&AssuranceScheme> {
        self.schemes.iter().find(|scheme| scheme.id == id)
    }
}

/// One certification, report or registration and what it assures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssuranceScheme {
    /// Lowercase, safe in an address (`/assurance/{id}`), e.g. `isms`, `soc2`, `shinrai_1`.
    pub id: String,
    pub name: Bilingual,
    pub object: AssuredObject,
    /// Whether anyone, not only the holder's customers, can read what was assured for a given
    /// holder in enough detail to compare: the controls met, not only that a certificate exists.
    pub details_public: bool,
    /// Whether its criteria were written for cloud services.
    pub cloud_specific: bool,
    /// The areas its criteria cover, in the order of [`CriteriaArea::ALL`] by convention.
    pub areas: Vec<CriteriaArea>,
    /// How much users expect it to assure (x): 0 to 100. Reflects how well it is known and
    /// trusted, and what users take it to cover.
    pub expected: u8,
    /// How much it actually assures for a cloud service (y): 0 to 100.
    pub actual: u8,
    /// What it assures, in plain words.
    pub assures: Bilingual,
    /// What it does not assure, in plain words: what the customer must still cover.
    pub does_not: Bilingual,
    /// Why it stands where it does on the map.
    pub summary: Bilingual,
}

impl AssuranceScheme {
    /// The expectation gap: positive when users expect more than it assures. The further a
    /// scheme lies from the diagonal, the larger the gap.
    pub fn gap(&self) -> i16 {
        i16::from(self.expected) - i16::from(self.actual)
    }
}
