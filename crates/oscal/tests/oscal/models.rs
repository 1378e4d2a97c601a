//! Typed models read every shared document and write it back unchanged.

use shinrai_oscal::source::{Limits, parse_document, read_source};
use shinrai_oscal::{Format, ModelKind};

use crate::support::{oscal_files, read_json};

#[test]
fn every_shared_document_round_trips_through_its_typed_model() {
    let mut kinds = Vec::new();
    for path in oscal_files() {
        let source = read_source(&path, Limits::default()).expect("readable");
        let document = parse_document(&source).unwrap_or_else(|e| panic!("{e}"));
        kinds.push(document.kind());
        let written = shinrai_oscal::output::document_to_text(&document, Format::Json, "out")
            .expect("writes");
        let again: serde_json::Value = serde_json::from_str(&written).expect("JSON");
        assert_eq!(
            again,
            read_json(&path),
            "{} changed in a round trip",
            path.display()
        );
    }
    for kind in [
        ModelKind::Catalog,
        ModelKind::Profile,
        ModelKind::SystemSecurityPlan,
        ModelKind::AssessmentPlan,
        ModelKind::AssessmentResults,
        ModelKind::PlanOfActionAndMilestones,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} among the shared files");
    }
}
