//! The catalogs a component definition's control implementations name as their `source`, loaded
//! as profile imports are: a `#uuid` of a back-matter resource, a path relative to the component
//! definition, or a URL looked up by file name in the catalog folder; a profile is resolved.

use std::path::Path;

use serde_json::Value;

use super::loader::{ImportSite, identity};
use super::{Options, Resolver};
use crate::error::{OscalError, Place};
use crate::model::Catalog;
use crate::model::common::BackMatter;

/// One distinct `source` and what loading it gave.
#[derive(Debug)]
pub struct SourceCatalog {
    /// The `source` as written, the key validation looks it up by.
    pub source: String,
    pub catalog: Result<Catalog, OscalError>,
}

/// Loads every distinct `source` of the component definition `document` (the whole root object),
/// read from `path` and shown to the user as `file`. A document that is not a component
/// definition has none.
pub fn component_sources(
    document: &Value,
    file: &str,
    path: &Path,
    options: &Options,
) -> Vec<SourceCatalog> {
    let Some(body) = document.get("component-definition") else {
        return Vec::new();
    };
    // An unreadable back matter only makes `#uuid` sources fail to load, each with its error.
    let back_matter: Option<BackMatter> = body
        .get("back-matter")
        .and_then(|matter| serde_json::from_value(matter.clone()).ok());
    let mut resolver = Resolver {
        options,
        chain: vec![identity(path)],
        notes: Vec::new(),
    };
    let mut loaded: Vec<SourceCatalog> = Vec::new();
    for (pointer, source) in source_pointers(body) {
        if loaded.iter().any(|done| done.source == source) {
            continue;
        }
        let site = ImportSite {
            file,
            path,
            pointer: pointer.clone(),
        };
        let catalog = resolver
            .import(source, back_matter.as_ref(), &site)
            .map_err(|error| at_source(error, &pointer));
        loaded.push(SourceCatalog {
            source: source.to_owned(),
            catalog,
        });
    }
    loaded
}

/// The loader names an import's `href`; here the same text is the control implementation's
/// `source`. Errors from deeper files keep their own place.
fn at_source(mut error: OscalError, implementation: &str) -> OscalError {
    if error.place == Place::Pointer(format!("{implementation}/href")) {
        error.place = Place::Pointer(format!("{implementation}/source"));
    }
    error
}

/// Each control implementation's `source`, with a pointer to its control implementation.
fn source_pointers(body: &Value) -> Vec<(String, &str)> {
    let mut found = Vec::new();
    for owners in ["components", "capabilities"] {
        let owner_list = body.get(owners).and_then(Value::as_array);
        for (i, owner) in owner_list.into_iter().flatten().enumerate() {
            let implementations = owner
                .get("control-implementations")
                .and_then(Value::as_array);
            for (j, implementation) in implementations.into_iter().flatten().enumerate() {
                if let Some(source) = implementation.get("source").and_then(Value::as_str) {
                    let pointer =
                        format!("/component-definition/{owners}/{i}/control-implementations/{j}");
                    found.push((pointer, source));
                }
            }
        }
    }
    found
}
