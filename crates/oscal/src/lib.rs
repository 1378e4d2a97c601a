//! OSCAL for shinrai: typed models of the seven document models, reading and writing JSON, YAML
//! and XML, validation, profile resolution and lossless conversion.

pub mod convert;
pub mod error;
pub mod model;
pub mod output;
pub mod resolve;
pub mod source;
pub mod validate;
pub mod xml;

pub use error::{ErrorKind, OscalError, Place};
pub use model::{Document, Model, ModelKind};
pub use source::{Format, Limits, Source};
