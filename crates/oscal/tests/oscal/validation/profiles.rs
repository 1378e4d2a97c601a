//! A profile checked against the catalog it imports, and within itself when the catalog is not
//! there.

use super::*;

#[test]
fn a_profile_is_checked_against_its_catalog() {
    let catalog = typed_catalog(&small_catalog());
    let context = Context::with_imports(vec![Some(&catalog)]);
    let report = validate_value(&small_profile(), &context);
    assert!(report.is_valid(), "{}", show(&report));
    assert!(report.notes.is_empty(), "{}", show(&report));

    let mut document = small_profile();
    let profile = &mut document["profile"];
    profile["imports"][0]["include-controls"][0]["with-ids"] = json!(["ac-1", "ac-7", "ac-2.1"]);
    profile["imports"][0]["exclude-controls"] = json!([{"with-ids": ["ac-8"]}]);
    profile["merge"]["custom"]["groups"][0]["insert-controls"][0]["include-controls"][0]["with-ids"] =
        json!(["ac-9"]);
    profile["modify"]["set-parameters"][0]["param-id"] = json!("ac-1_prm_7");
    profile["modify"]["alters"][0]["adds"][0]["by-id"] = json!("ac-1_smt.z");
    profile["modify"]["alters"][0]["adds"][1]["by-id"] = json!("ac-1");
    profile["modify"]["alters"][0]["removes"][0]["by-id"] = json!("ac-1_smt.y");
    profile["modify"]["alters"][0]["adds"][0]["parts"][0]["prose"] =
        json!("{{ insert: param, zz }}");
    profile["modify"]["alters"][0]["adds"][0]["parts"][0]["links"] =
        json!([{"href": "#ac-99", "rel": "related"}]);
    profile["modify"]["alters"]
        .as_array_mut()
        .unwrap()
        .push(json!({"control-id": "ac-5", "adds": [{"props": [{"name": "x", "value": "y"}]}]}));
    let report = validate_value(&document, &context);
    assert_eq!(
        problems(&report),
        vec![
            (
                "/profile/imports/0/exclude-controls/0/with-ids/0",
                code::MISSING_CONTROL
            ),
            (
                "/profile/imports/0/include-controls/0/with-ids/1",
                code::MISSING_CONTROL
            ),
            (
                "/profile/imports/0/include-controls/0/with-ids/2",
                code::WITHDRAWN_CONTROL
            ),
            (
                "/profile/merge/custom/groups/0/insert-controls/0/include-controls/0/with-ids/0",
                code::MISSING_CONTROL
            ),
            (
                "/profile/modify/alters/0/adds/0/parts/0/prose",
                code::UNKNOWN_PARAM
            ),
            ("/profile/modify/alters/1/control-id", code::MISSING_CONTROL),
        ],
        "{}",
        show(&report)
    );
    // The dangling `#ac-99` link is not a relation OSCAL constrains in a profile: a note. So are
    // an add aimed at nothing or at the control itself (ignored), a remove matching nothing (a
    // no-op) and a setting for no parameter (skipped): resolution goes on past them.
    assert_eq!(
        notes(&report),
        vec![
            ("/profile/modify/alters/0/adds/0/by-id", code::UNKNOWN_PART),
            (
                "/profile/modify/alters/0/adds/0/parts/0/links/0/href",
                code::UNKNOWN_LINK
            ),
            ("/profile/modify/alters/0/adds/1/by-id", code::UNKNOWN_PART),
            (
                "/profile/modify/alters/0/removes/0/by-id",
                code::UNKNOWN_PART
            ),
            (
                "/profile/modify/set-parameters/0/param-id",
                code::UNKNOWN_PARAM
            ),
        ]
    );
    assert!(
        report.notes[2]
            .message
            .en
            .contains("names the control itself")
    );
    assert!(report.notes[3].message.en.contains("removes nothing"));
    for problem in &report.problems {
        assert!(!problem.message.ja.is_empty() && !problem.message.en.is_empty());
    }
}

#[test]
fn without_its_catalog_a_profile_is_checked_only_within_itself() {
    let mut document = small_profile();
    document["profile"]["imports"][0]["include-controls"][0]["with-ids"] = json!(["ac-7"]);
    document["profile"]["imports"][0]["href"] = json!("#missing");
    let report = check(&document);
    assert_eq!(
        problems(&report),
        vec![("/profile/imports/0/href", code::UNKNOWN_RESOURCE)],
        "{}",
        show(&report)
    );
    assert_eq!(
        notes(&report),
        vec![("/profile/imports/0", code::IMPORT_NOT_CHECKED)]
    );
}
