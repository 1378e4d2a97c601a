//! Validation: the shared published documents pass (but for two known real errors), and small
//! hand-written documents trigger every code at the right place. Shared here: the documents the
//! tests start from and the report readers; one module per concern.

use std::sync::OnceLock;

use serde_json::{Value, json};
use shinrai_domain::text::Lang;
use shinrai_oscal::ModelKind;
use shinrai_oscal::model::{Catalog, Model};
use shinrai_oscal::source::{Limits, parse_document, parse_value, read_source};
use shinrai_oscal::validate::{Context, Report, code, validate_value};

use crate::support::{data, oscal_files, show};

mod documents;
mod profiles;
mod published;

/// The SP 800-53 rev5 catalog every shared profile imports, read once for all tests.
fn nist_catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let source =
            read_source(&data("NIST_SP-800-53_rev5_catalog.json"), Limits::default()).unwrap();
        match parse_document(&source).unwrap().model {
            Model::Catalog(catalog) => *catalog,
            other => panic!("not a catalog: {:?}", other.kind()),
        }
    })
}

/// `(pointer, code)` of every problem.
fn problems(report: &Report) -> Vec<(&str, &str)> {
    report
        .problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.code))
        .collect()
}

fn notes(report: &Report) -> Vec<(&str, &str)> {
    report
        .notes
        .iter()
        .map(|p| (p.pointer.as_str(), p.code))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Hand-written documents.

const UUID_1: &str = "11111111-1111-4111-8111-111111111111";
const UUID_2: &str = "22222222-2222-4222-8222-222222222222";
const UUID_3: &str = "33333333-3333-4333-8333-333333333333";
const UUID_4: &str = "44444444-4444-4444-8444-444444444444";

fn metadata() -> Value {
    json!({
        "title": "Test",
        "last-modified": "2024-01-01T00:00:00Z",
        "version": "1",
        "oscal-version": "1.1.2"
    })
}

/// A small valid catalog: one group with a control and an enhancement, a parameter used in
/// prose, a related link and a reference to a back-matter resource.
fn small_catalog() -> Value {
    json!({
        "catalog": {
            "uuid": UUID_1,
            "metadata": metadata(),
            "groups": [{
                "id": "ac",
                "title": "Access Control",
                "controls": [{
                    "id": "ac-1",
                    "title": "Policy",
                    "params": [{"id": "ac-1_prm_1", "label": "who"}],
                    "parts": [{
                        "id": "ac-1_smt",
                        "name": "statement",
                        "prose": "Give the policy to {{ insert: param, ac-1_prm_1 }}.",
                        "parts": [{"id": "ac-1_smt.a", "name": "item", "prose": "First."}]
                    }],
                    "links": [
                        {"href": "#ac-2", "rel": "related"},
                        {"href": format!("#{UUID_2}"), "rel": "reference"}
                    ]
                }, {
                    "id": "ac-2",
                    "title": "Accounts",
                    "controls": [{
                        "id": "ac-2.1",
                        "title": "Withdrawn",
                        "props": [{"name": "status", "value": "withdrawn"}]
                    }]
                }]
            }],
            "back-matter": {"resources": [{"uuid": UUID_2, "title": "A reference"}]}
        }
    })
}

fn check(document: &Value) -> Report {
    validate_value(document, &Context::new())
}

fn typed_catalog(document: &Value) -> Catalog {
    serde_json::from_value(document["catalog"].clone()).unwrap()
}

/// A POA&M that imports nothing: its references must all resolve inside it.
fn small_poam() -> Value {
    json!({
        "plan-of-action-and-milestones": {
            "uuid": UUID_1,
            "metadata": metadata(),
            "system-id": {"identifier-type": "https://ietf.org/rfc/rfc4122", "id": "sys"},
            "observations": [{
                "uuid": UUID_2,
                "methods": ["TEST"],
                "collected": "2024-01-01T00:00:00Z",
                "description": "Seen."
            }],
            "poam-items": [{
                "uuid": UUID_3,
                "title": "Fix it",
                "description": "Something to fix.",
                "related-observations": [{"observation-uuid": UUID_2}]
            }]
        }
    })
}

/// A profile of the small catalog, valid against it.
fn small_profile() -> Value {
    json!({
        "profile": {
            "uuid": UUID_3,
            "metadata": metadata(),
            "imports": [{
                "href": format!("#{UUID_4}"),
                "include-controls": [{"with-ids": ["ac-1", "ac-2"]}]
            }],
            "merge": {"custom": {"groups": [{
                "id": "mine",
                "title": "Mine",
                "insert-controls": [{"include-controls": [{"with-ids": ["ac-1"]}]}]
            }]}},
            "modify": {
                "set-parameters": [{"param-id": "ac-1_prm_1", "values": ["everyone"]}],
                "alters": [{
                    "control-id": "ac-1",
                    "adds": [{
                        "position": "after",
                        "by-id": "ac-1_smt.a",
                        "parts": [{
                            "id": "ac-1_extra",
                            "name": "item",
                            "prose": "Also {{ insert: param, ac-1_prm_1 }} and {{ insert: param, ac-1_prm_x }}.",
                            "links": [{"href": "#ac-2", "rel": "related"}]
                        }],
                        "params": [{"id": "ac-1_prm_x", "label": "added"}]
                    }, {
                        "position": "ending",
                        "parts": [{"id": "ac-1_more", "name": "item", "prose": "More."}]
                    }],
                    "removes": [{"by-id": "ac-1_extra"}]
                }]
            },
            "back-matter": {"resources": [{"uuid": UUID_4, "rlinks": [{"href": "catalog.json"}]}]}
        }
    })
}
