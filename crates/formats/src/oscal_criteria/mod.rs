//! Criteria as OSCAL: a catalog with one profile per level.
//!
//! # Import ([`import_catalog`])
//!
//! A catalog with none, or one to three, level profiles (levels 1, 2, 3 in that order). Each
//! profile is resolved against the catalog with the oscal crate; a control's `min_level` is the
//! lowest level whose profile selects it, and controls no profile selects are left out (a note
//! gives the count). Each of a profile's imports must lead to the given catalog (an error names
//! the profile and the import's `href` otherwise). Withdrawn controls are never taken.
//!
//! A catalog from elsewhere (e.g. NIST SP 800-53) becomes:
//! - groups: the catalog's top-level groups (families), part Control, id the group's id, title
//!   the group's title, text its `overview` part or else the title; groups none of whose
//!   controls is kept are left out (noted). Controls outside any group go to a group
//!   `ungrouped`.
//! - controls: every control and enhancement, flattened in document order; id the control's id,
//!   objective the top-level group's id; text `TITLE: STATEMENT` with item labels (`a.`, `1.`)
//!   and nested items on lines of their own, parameters written `[Assignment: LABEL or
//!   GUIDELINE]`, `[Selection (one or more): x; y]` (set values as they are), and Markdown links
//!   to `#fragments` reduced to their text; technology examples the `guidance` prose, one per
//!   paragraph, numbered `ex1`, `ex2`… Japanese texts are the English ones (noted).
//! - mandatory, provider, all three service models; integrity for family SI; availability for
//!   family CP and for SC-5 (denial-of-service protection), SC-6 (resource availability) and
//!   their enhancements.
//! - one reference `{standard, clause: the control's label (e.g. AC-2(1)), relation: equal}`;
//!   the standard is `NIST` when the catalog's title names NIST or 800-53, else the version id.
//! - without profiles, level 1 unless the control carries shinrai's `min-level` property.
//! - the version's title is the catalog's title; status Draft, no publication date.
//!
//! # Export ([`export_catalog`])
//!
//! One top-level group per part (`part-governance`, `part-management`, `part-control`, with a
//! shinrai `part` property), the version's groups inside (ids `g-ID`), their controls inside
//! those (ids `c-ID`): OSCAL ids must be tokens, so the original id is kept in OSCAL's `label`
//! property, and characters a token cannot hold become `_` (repeats get `-2`…). A control whose
//! objective names no group of its part sits at the catalog's top level with `part` and
//! `objective` properties. Everything else is in shinrai's namespace [`NS`]:
//! - properties `mandatory`, `actor`, `min-level`, `integrity`, `availability`, one
//!   `service-model` per model, one `reference` per reference (`STANDARD:CLAUSE`, class the
//!   relation), `title-ja` (and `title-en` when OSCAL's one-line `title` could not hold the
//!   English title), and `position` on every group and control when nesting alone would not
//!   give the version's order back;
//! - parts: English in OSCAL's `overview` (group text) and `statement` (control text), Japanese
//!   in shinrai's `overview-ja`, `statement-ja`; one shinrai part `technology-example` per
//!   technology example, in order, with the English name as prose and the properties
//!   `example-id` and `name-ja`;
//! - metadata: title (English), `title-ja`, `criteria-format` = 2 (what marks the catalog as
//!   shinrai's), version = the version id, last-modified from `published_on` or
//!   2026-01-01T00:00:00Z for drafts, uuids v5 of the version id.
//!
//! - back-matter: one resource per risk of the map, its fields as shinrai properties (see
//!   `risk_map`); read back in order, other resources ignored.
//!
//! Governance and management items carry `min-level` and `service-model` like detailed
//! controls; read back, an item without `service-model` concerns every model, and any control
//! without `min-level` (and no profiles) is at level 1. Example ids must be tokens unique in
//! their control (an error points at the `example-id` refused). A catalog of format 1 held
//! examples as `guidance`/`guidance-ja` prose; it still reads, its examples numbered `ex1`…
//! as [`examples_from_free_text`](shinrai_domain::criteria::examples_from_free_text) does.
//!
//! Property values OSCAL's string type refuses (empty, padded, several lines, or starting with
//! `"`) are written as JSON string literals, so every text survives. Profile L selects, by
//! `include-controls`/`with-ids`, every control with `min_level` ≤ L, and imports `catalog.json`.
//! Importing the export (with its profiles, or the catalog alone) gives back an equal version
//! (as a draft with no publication date).

pub(crate) mod codec;
mod error;
mod export;
mod import;
mod render;
mod risk_map;

use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::text::Bilingual;

pub use codec::NS;
pub use error::CriteriaOscalError;
pub use export::{
    CATALOG_FILE, Exported, OSCAL_VERSION, export_catalog, export_to_dir, profile_file,
};
pub use import::import_catalog;

/// `last-modified` of drafts, and resolution time of level profiles.
const DRAFT_TIMESTAMP: &str = "2026-01-01T00:00:00Z";

/// A version read from OSCAL, and what the reader wants the user to know (what was left out or
/// filled in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub version: CriteriaVersion,
    pub notes: Vec<Bilingual>,
}
