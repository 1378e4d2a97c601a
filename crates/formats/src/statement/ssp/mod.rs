//! A statement as an OSCAL system security plan (SSP), and back.
//!
//! # Mapping
//!
//! Everything shinrai adds is in its namespace [`NS`](crate::oscal_criteria::NS). English texts
//! go where OSCAL tools show them (the `description` of a `by-component`); the Japanese twin is
//! a shinrai property beside it. Property values OSCAL's string type refuses (several lines,
//! padded, empty) are written as JSON string literals, as the criteria export does, so every text
//! survives.
//!
//! - metadata: properties `statement-format` (1), `criteria-version`, `target-level`;
//!   `import-profile` is `profile-level-L.json`, the level's profile of the criteria export.
//! - one component of type `this-system` stands for the service; every `by-component` points at
//!   it.
//! - one `implemented-requirement` per answered item and control, in the statement's order
//!   (governance, management, selected, excluded). `control-id` is the token the criteria export
//!   gives the control (`c-` and the id); the id itself is the property `control`, and `part` says
//!   governance, management or control.
//!   - a selected control: `selection` = selected, `responsibility` = csp|customer|shared, one
//!     `technology` per technology in order; its `by-component` has the individual control in
//!     English as `description` and in Japanese as `description-ja`, the rationale as
//!     `rationale-ja`/`rationale-en` when given, and implementation status `implemented`;
//!   - an excluded control: `selection` = excluded; its `by-component` has the reason (English
//!     `description`, Japanese `description-ja`) and implementation status `not-applicable`;
//!   - a governance or management item: `status` = implemented|partial|not_implemented; its
//!     `by-component` has the description (English `description`, Japanese `description-ja`) and
//!     the implementation status `implemented`, `partial` or `planned`.
//! - documents: back-matter resources with `title-ja`, `title-en` and `location`, the title
//!   also as the resource's `title`.
//!
//! OSCAL needs at least one implemented requirement, so a statement with no answer at all is
//! not written. Reading back gives the statement written (equal, field by field); an error
//! names the JSON pointer of what cannot be read.

mod error;
mod export;
mod import;

pub use error::SspError;
pub use export::{SspOptions, export_ssp, write_ssp};
pub use import::{MAX_SSP_BYTES, import_ssp};

/// Names of shinrai's properties in the plan.
pub(crate) mod prop {
    pub const FORMAT: &str = "statement-format";
    pub const CRITERIA_VERSION: &str = "criteria-version";
    pub const TARGET_LEVEL: &str = "target-level";
    pub const CONTROL: &str = "control";
    pub const PART: &str = "part";
    pub const SELECTION: &str = "selection";
    pub const RESPONSIBILITY: &str = "responsibility";
    pub const TECHNOLOGY: &str = "technology";
    pub const STATUS: &str = "status";
    pub const DESCRIPTION_JA: &str = "description-ja";
    pub const RATIONALE_JA: &str = "rationale-ja";
    pub const RATIONALE_EN: &str = "rationale-en";
    pub const TITLE_JA: &str = "title-ja";
    pub const TITLE_EN: &str = "title-en";
    pub const LOCATION: &str = "location";
}

/// The format's version, in the metadata property `statement-format`.
pub(crate) const FORMAT_VERSION: &str = "1";
