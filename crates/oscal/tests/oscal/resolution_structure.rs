//! Profile resolution's structuring directives (specification, Merge Phase): where loose
//! parameters go under `flat`, `as-is` and `custom`, and how `as-is` treats a selected control
//! whose parent control was excluded.

use serde_json::{Value, json};
use shinrai_domain::text::Lang;
use shinrai_oscal::model::Catalog;
use shinrai_oscal::resolve::resolve_file;
use shinrai_oscal::validate::{Context, validate_value};

use crate::resolution_rules::{Scratch, find, json_of, metadata, options, profile};

/// Two groups whose parameters the controls insert across group boundaries, a control whose
/// parameter another control inserts, and nested controls three levels deep.
fn catalog() -> Value {
    json!({"catalog": {
        "uuid": "00000000-0000-4000-8000-000000000002",
        "metadata": metadata("Structure catalog"),
        "groups": [
            {"id": "g", "title": "Group G",
             "params": [
                {"id": "g_prm", "label": "inserted by g-1"},
                {"id": "g_unused", "label": "inserted by nothing"}
             ],
             "controls": [
                {"id": "g-1", "title": "One", "parts": [{"id": "g-1_smt", "name": "statement",
                    "prose": "Use {{ insert: param, g_prm }} and {{ insert: param, h_prm }}."}]},
                {"id": "g-2", "title": "Two", "params": [{"id": "g-2_prm", "label": "of g-2"}]},
                {"id": "g-3", "title": "Three", "parts": [{"id": "g-3_smt", "name": "statement",
                    "prose": "As g-2 says: {{ insert: param, g-2_prm }}."}]}
             ]},
            {"id": "h", "title": "Group H",
             "params": [
                {"id": "h_prm", "label": "inserted by g-1",
                 "select": {"choice": ["never", "as {{ insert: param, h_choice }} says"]}},
                {"id": "h_choice", "label": "inserted by a choice of h_prm"},
                {"id": "h_late", "label": "inserted only by the profile's additions"}
             ],
             "controls": [
                {"id": "p", "title": "Parent", "params": [{"id": "p_prm", "label": "of the parent"}],
                 "controls": [
                    {"id": "p.1", "title": "Child one", "parts": [{"id": "p.1_smt", "name": "statement",
                        "prose": "Per the parent: {{ insert: param, p_prm }}."}]},
                    {"id": "p.2", "title": "Child two", "controls": [
                        {"id": "p.2.a", "title": "Grandchild", "controls": [
                            {"id": "p.2.a.i", "title": "Great-grandchild"}
                        ]}
                    ]}
                 ]}
             ]}
        ],
        "controls": [
            {"id": "q", "title": "Ungrouped parent", "controls": [{"id": "q.1", "title": "Ungrouped child"}]}
        ]
    }})
}

fn resolve(imports: Value, rest: Value) -> Catalog {
    let scratch = Scratch::new();
    scratch.write("structure_catalog.json", &catalog());
    let path = scratch.write("profile.json", &profile(imports, rest));
    resolve_file(&path, &options(None))
        .unwrap_or_else(|e| panic!("{e}"))
        .catalog
}

fn with_ids(ids: &[&str]) -> Value {
    json!([{"href": "structure_catalog.json", "include-controls": [{"with-ids": ids}]}])
}

fn loose_params(catalog: &Catalog) -> Vec<String> {
    catalog
        .params
        .iter()
        .flatten()
        .map(|p| p.id.clone())
        .collect()
}

/// The crate's own validation of the resolved catalog finds nothing wrong.
fn assert_valid(catalog: &Catalog) {
    let report = validate_value(&json!({"catalog": json_of(catalog)}), &Context::new());
    let problems: Vec<_> = report
        .problems
        .iter()
        .map(|p| p.describe(Lang::En))
        .collect();
    assert!(report.is_valid(), "{problems:#?}");
}

/// One level of a structure: `(group id, its control ids)` or `(control id, its child ids)`.
fn outline(value: &Value, key: &str) -> Vec<(String, Vec<String>)> {
    value[key]
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| {
            let children = item["controls"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c["id"].as_str().unwrap_or_default().to_owned())
                .collect();
            (item["id"].as_str().unwrap_or_default().to_owned(), children)
        })
        .collect()
}

fn owned(pairs: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    pairs
        .iter()
        .map(|(id, children)| {
            (
                (*id).to_owned(),
                children.iter().map(|c| (*c).to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn flat_keeps_the_group_parameters_selected_controls_insert() {
    let catalog = resolve(with_ids(&["g-1"]), json!({"merge": {"flat": {}}}));
    assert!(catalog.groups.is_none());
    // `h_choice` comes because the kept `h_prm` inserts it in a choice; `g_unused` is pruned.
    assert_eq!(loose_params(&catalog), ["g_prm", "h_prm", "h_choice"]);
    assert_valid(&catalog);
}

#[test]
fn without_a_directive_group_parameters_are_kept_as_under_flat() {
    let catalog = resolve(with_ids(&["g-1"]), json!({}));
    assert_eq!(loose_params(&catalog), ["g_prm", "h_prm", "h_choice"]);
    assert_valid(&catalog);
}

#[test]
fn a_parameter_of_an_unselected_control_that_selected_prose_inserts_is_kept() {
    let catalog = resolve(with_ids(&["g-3"]), json!({}));
    assert_eq!(loose_params(&catalog), ["g-2_prm"]);
    assert_valid(&catalog);
    // Selected by another import, the control keeps its parameter: no second copy at the top.
    let imports = json!([
        {"href": "structure_catalog.json", "include-controls": [{"with-ids": ["g-2"]}]},
        {"href": "structure_catalog.json", "include-controls": [{"with-ids": ["g-3"]}]}
    ]);
    let catalog = resolve(imports, json!({}));
    assert!(catalog.params.is_none(), "{:?}", loose_params(&catalog));
    assert_valid(&catalog);
}

#[test]
fn a_loose_parameter_brought_by_two_imports_is_kept_once() {
    let imports = json!([
        {"href": "structure_catalog.json", "include-controls": [{"with-ids": ["g-1"]}]},
        {"href": "structure_catalog.json", "include-controls": [{"with-ids": ["g-3"]}]}
    ]);
    let catalog = resolve(imports, json!({}));
    // In the catalog's order, each once.
    assert_eq!(
        loose_params(&catalog),
        ["g_prm", "g-2_prm", "h_prm", "h_choice"]
    );
    assert_valid(&catalog);
}

#[test]
fn the_modify_phase_reaches_loose_parameters_and_can_make_more_of_them_needed() {
    let rest = json!({"modify": {
        "set-parameters": [{"param-id": "g_prm", "values": ["weekly"]}],
        "alters": [{"control-id": "g-3", "adds": [{"parts": [
            {"id": "g-3_added", "name": "item", "prose": "Also {{ insert: param, h_late }}."}
        ]}]}]
    }});
    let catalog = json_of(&resolve(with_ids(&["g-1", "g-3"]), rest));
    assert_eq!(find(&catalog, "g_prm")["values"], json!(["weekly"]));
    assert_eq!(
        find(&catalog, "h_late")["label"],
        "inserted only by the profile's additions"
    );
}

#[test]
fn custom_groups_keep_the_catalog_group_parameters_selected_controls_insert() {
    let rest = json!({"merge": {"custom": {"groups": [
        {"id": "mine", "title": "Mine", "insert-controls": [{"include-all": {}}]}
    ]}}});
    let catalog = resolve(with_ids(&["g-1"]), rest);
    assert_eq!(loose_params(&catalog), ["g_prm", "h_prm", "h_choice"]);
    assert_valid(&catalog);
}

#[test]
fn as_is_keeps_a_kept_group_whole_and_lifts_only_what_a_dropped_group_lends() {
    let catalog = resolve(with_ids(&["g-1"]), json!({"merge": {"as-is": true}}));
    let value = json_of(&catalog);
    assert_eq!(outline(&value, "groups"), owned(&[("g", &["g-1"])]));
    // A group that holds an included control keeps all its non-control children.
    let group_params: Vec<_> = value["groups"][0]["params"]
        .as_array()
        .expect("params")
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    assert_eq!(group_params, [json!("g_prm"), json!("g_unused")]);
    // Group H is gone; the parameters g-1 needs from it are loose.
    assert_eq!(loose_params(&catalog), ["h_prm", "h_choice"]);
    assert_valid(&catalog);
}

/// `with_ids`, with the ancestors the inclusion would bring excluded: a control both included
/// and excluded is excluded (`req-exclude`), which is how a parent is left out.
fn with_ids_but(ids: &[&str], excluded: &[&str]) -> Value {
    json!([{
        "href": "structure_catalog.json",
        "include-controls": [{"with-ids": ids}],
        "exclude-controls": [{"with-ids": excluded}]
    }])
}

#[test]
fn as_is_moves_a_selected_control_into_the_place_of_its_unselected_parent() {
    let catalog = resolve(
        with_ids_but(&["p.1", "p.2", "p.2.a.i"], &["p", "p.2.a"]),
        json!({"merge": {"as-is": true}}),
    );
    let value = json_of(&catalog);
    // p's children take its place in group H; p.2.a.i is lifted past p.2.a to sit under p.2.
    assert_eq!(outline(&value, "groups"), owned(&[("h", &["p.1", "p.2"])]));
    let p2 = find(&value, "p.2");
    assert_eq!(outline(p2, "controls"), owned(&[("p.2.a.i", &[])]));
    assert!(
        !value.to_string().contains("\"p.2.a\""),
        "p.2.a is not kept"
    );
    assert!(!value.to_string().contains("\"Parent\""), "p is not kept");
    // The parent's parameter that p.1 inserts outlives the parent.
    assert_eq!(loose_params(&catalog), ["p_prm"]);
    assert_valid(&catalog);
}

#[test]
fn as_is_lifts_a_control_to_the_catalog_when_its_parent_was_there() {
    let catalog = resolve(
        with_ids_but(&["q.1"], &["q"]),
        json!({"merge": {"as-is": true}}),
    );
    let value = json_of(&catalog);
    assert_eq!(outline(&value, "controls"), owned(&[("q.1", &[])]));
    assert!(catalog.groups.is_none());
    assert_valid(&catalog);
}
