//! Profile resolution's final operations (specification, Final Operations): back-matter
//! resolution and pruning, and the resolved catalog's metadata.

use serde_json::{Value, json};
use shinrai_oscal::model::Catalog;
use shinrai_oscal::resolve::resolve_file;

use crate::resolution_rules::{Scratch, json_of, metadata, options, profile};

const CITED: &str = "11111111-1111-4111-8111-111111111111";
const KEPT: &str = "22222222-2222-4222-8222-222222222222";
const UNCITED: &str = "33333333-3333-4333-8333-333333333333";
const FOREIGN_KEEP: &str = "44444444-4444-4444-8444-444444444444";

fn keep_always() -> Value {
    json!([{"name": "keep", "value": "always"}])
}

/// One control citing one resource; beside it a resource marked to keep always, one nothing
/// cites, and one marked `keep` in a namespace other than OSCAL's.
fn catalog(oscal_version: &str) -> Value {
    let mut metadata = metadata("Back-matter catalog");
    metadata["oscal-version"] = json!(oscal_version);
    json!({"catalog": {
        "uuid": "00000000-0000-4000-8000-000000000003",
        "metadata": metadata,
        "controls": [
            {"id": "c-1", "title": "One", "links": [{"href": format!("#{CITED}"), "rel": "reference"}]}
        ],
        "back-matter": {"resources": [
            {"uuid": CITED, "title": "Cited, from the catalog"},
            {"uuid": KEPT, "title": "Kept, from the catalog", "props": keep_always()},
            {"uuid": UNCITED, "title": "Not cited"},
            {"uuid": FOREIGN_KEEP, "title": "Kept in another sense",
             "props": [{"name": "keep", "value": "always", "ns": "https://example.org/ns"}]}
        ]}
    }})
}

/// Resolves a profile importing every control of [`catalog`], with `rest` beside its imports.
fn resolve(catalog_version: &str, profile_version: &str, rest: Value) -> Catalog {
    let scratch = Scratch::new();
    scratch.write("catalog.json", &catalog(catalog_version));
    let mut document = profile(json!([{"href": "catalog.json", "include-all": {}}]), rest);
    document["profile"]["metadata"]["oscal-version"] = json!(profile_version);
    let path = scratch.write("profile.json", &document);
    resolve_file(&path, &options(None))
        .unwrap_or_else(|e| panic!("{e}"))
        .catalog
}

/// `(uuid, title)` of every resource of the result, in order.
fn resources(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .back_matter
        .iter()
        .flat_map(|m| m.resources.iter().flatten())
        .map(|r| (r.uuid.clone(), r.title.clone().unwrap_or_default()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(uuid, title)| ((*uuid).to_owned(), (*title).to_owned()))
        .collect()
}

fn profile_back_matter(resources: Value) -> Value {
    json!({"back-matter": {"resources": resources}})
}

#[test]
fn a_resource_marked_keep_always_is_never_pruned() {
    let catalog = resolve("1.1.2", "1.1.2", json!({}));
    assert_eq!(
        resources(&catalog),
        pairs(&[
            (CITED, "Cited, from the catalog"),
            (KEPT, "Kept, from the catalog")
        ])
    );
}

#[test]
fn a_resource_the_metadata_refers_to_is_not_pruned() {
    // `req-prune-ref`: a reference "anywhere in the final result catalog" keeps the object; the
    // metadata comes from the profile, whose party shows a logo and whose remarks cite a source.
    let mut metadata = metadata("Test profile");
    metadata["parties"] = json!([{
        "uuid": "55555555-5555-4555-8555-555555555555",
        "type": "organization",
        "name": "Owner",
        "links": [{"href": format!("#{UNCITED}"), "rel": "logo"}]
    }]);
    metadata["remarks"] = json!(format!("See [the source](#{FOREIGN_KEEP})."));
    let catalog = resolve("1.1.2", "1.1.2", json!({"metadata": metadata}));
    assert_eq!(
        resources(&catalog),
        pairs(&[
            (CITED, "Cited, from the catalog"),
            (KEPT, "Kept, from the catalog"),
            (UNCITED, "Not cited"),
            (FOREIGN_KEEP, "Kept in another sense")
        ])
    );
}

#[test]
fn a_profile_resource_replaces_the_catalog_resource_of_the_same_uuid() {
    let rest = profile_back_matter(json!([{"uuid": CITED, "title": "Cited, from the profile"}]));
    let catalog = resolve("1.1.2", "1.1.2", rest);
    // The earlier copy is removed and the later one added after what is already there.
    assert_eq!(
        resources(&catalog),
        pairs(&[
            (KEPT, "Kept, from the catalog"),
            (CITED, "Cited, from the profile")
        ])
    );
}

#[test]
fn a_resource_kept_always_is_replaced_only_by_one_kept_always() {
    let plain = profile_back_matter(json!([{"uuid": KEPT, "title": "Kept, from the profile"}]));
    let catalog = resolve("1.1.2", "1.1.2", plain);
    assert_eq!(
        resources(&catalog),
        pairs(&[
            (CITED, "Cited, from the catalog"),
            (KEPT, "Kept, from the catalog")
        ])
    );
    let marked = profile_back_matter(
        json!([{"uuid": KEPT, "title": "Kept, from the profile", "props": keep_always()}]),
    );
    let catalog = resolve("1.1.2", "1.1.2", marked);
    assert_eq!(
        resources(&catalog),
        pairs(&[
            (CITED, "Cited, from the catalog"),
            (KEPT, "Kept, from the profile")
        ])
    );
}

#[test]
fn the_oscal_version_is_the_most_recent_release_among_the_inputs() {
    for (catalog_version, profile_version, expected) in [
        ("1.0.0", "1.0.0-rc2", "1.0.0"),
        ("1.0.0-rc2", "1.0.0", "1.0.0"),
        ("1.1.0-rc1", "1.0.4", "1.0.4"),
        ("1.0.4", "1.1.2", "1.1.2"),
        ("1.0.0-rc1", "1.0.0-rc2", "1.0.0-rc2"),
    ] {
        let catalog = resolve(catalog_version, profile_version, json!({}));
        assert_eq!(
            catalog.metadata.oscal_version, expected,
            "catalog {catalog_version}, profile {profile_version}"
        );
    }
}

#[test]
fn the_resolution_tool_and_source_profile_properties_are_in_the_oscal_namespace() {
    let catalog = json_of(&resolve("1.1.2", "1.1.2", json!({})));
    // `req-meta-resolution-tool`, and `req-meta-source-profile`: "a child prop object with
    // name:source-profile MUST be created", naming the profile.
    assert_eq!(
        catalog["metadata"]["props"],
        json!([
            {"name": "resolution-tool", "value": "test"},
            {"name": "source-profile", "value": "profile.json"}
        ])
    );
}
