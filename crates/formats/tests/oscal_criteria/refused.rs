//! Inputs that are refused, each with a clear place: profiles of other catalogs, non-catalogs,
//! malformed JSON, bad values.

use super::*;

#[test]
fn a_profile_importing_another_catalog_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    export_to_dir(&demo(), dir.path()).unwrap();
    let profile = dir.path().join(profile_file(Level::LOW));
    let error = import_catalog(&nist_catalog(), std::slice::from_ref(&profile), "x").unwrap_err();
    match &error {
        CriteriaOscalError::ForeignImport {
            profile: file,
            pointer,
            href,
            ..
        } => {
            assert_eq!(file, &profile.display().to_string());
            assert_eq!(pointer, "/profile/imports/0/href");
            assert_eq!(href, "catalog.json");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(error.file(), Some(profile.display().to_string().as_str()));
    assert_eq!(
        error.place(),
        Some(Place::Pointer("/profile/imports/0/href".into()))
    );
    let message = error.message();
    assert!(
        message.en.contains("is not the catalog being imported"),
        "{}",
        message.en
    );
    assert!(
        message.ja.contains("ではありません") && message.ja.contains("/profile/imports/0/href")
    );

    // NIST's baselines against the demo catalog: their import leads to NIST's catalog.
    let error =
        import_catalog(&dir.path().join(CATALOG_FILE), &nist_profiles()[..1], "x").unwrap_err();
    assert!(
        matches!(error, CriteriaOscalError::ForeignImport { .. }),
        "{error:?}"
    );
}

#[test]
fn a_file_that_is_not_a_catalog_is_refused() {
    let profile = nist_profiles().remove(0);
    let error = import_catalog(&profile, &[], "x").unwrap_err();
    assert_eq!(
        error,
        CriteriaOscalError::WrongModel {
            file: profile.display().to_string(),
            expected: ModelKind::Catalog,
            found: ModelKind::Profile,
        }
    );
    assert_eq!(error.place(), Some(Place::Pointer(String::new())));
    assert!(error.message().en.contains("not a catalog but a profile"));

    // A catalog given as a level profile.
    let error = import_catalog(&nist_catalog(), &[nist_catalog()], "x").unwrap_err();
    assert!(
        matches!(
            error,
            CriteriaOscalError::WrongModel {
                expected: ModelKind::Profile,
                ..
            }
        ),
        "{error:?}"
    );

    // Not OSCAL at all.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.json");
    std::fs::write(&path, r#"{"hello": "world"}"#).unwrap();
    let error = import_catalog(&path, &[], "x").unwrap_err();
    match &error {
        CriteriaOscalError::Oscal(inner) => {
            assert_eq!(inner.kind, ErrorKind::NotOscal);
            assert_eq!(inner.file, path.display().to_string());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn malformed_json_is_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{\n  \"catalog\": {\n    \"uuid\": ,\n").unwrap();
    let error = import_catalog(&path, &[], "x").unwrap_err();
    match &error {
        CriteriaOscalError::Oscal(inner) => {
            assert_eq!(inner.kind, ErrorKind::Syntax);
            assert_eq!(inner.file, path.display().to_string());
            assert_eq!(
                inner.place,
                Place::LineColumn {
                    line: 3,
                    column: 13
                }
            );
        }
        other => panic!("{other:?}"),
    }
    let message = error.message();
    assert!(
        message.en.contains("broken.json: line 3 column 13"),
        "{}",
        message.en
    );
    assert!(message.ja.contains("3 行 13 列"), "{}", message.ja);

    // A broken profile fails the whole import as well.
    let error = import_catalog(&nist_catalog(), std::slice::from_ref(&path), "x").unwrap_err();
    assert_eq!(error.file(), Some(path.display().to_string().as_str()));

    // A catalog that is well-formed JSON but not a well-typed OSCAL catalog.
    let typed = dir.path().join("typed.json");
    std::fs::write(&typed, r#"{"catalog": {"uuid": 5, "metadata": {}}}"#).unwrap();
    let error = import_catalog(&typed, &[], "x").unwrap_err();
    assert_eq!(error.place(), Some(Place::Pointer("/catalog/uuid".into())));
}

#[test]
fn bad_shinrai_values_are_named_by_pointer() {
    let dir = tempfile::tempdir().unwrap();
    export_to_dir(&demo(), dir.path()).unwrap();
    let path = dir.path().join(CATALOG_FILE);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let prop = &mut value["catalog"]["groups"][0]["groups"][0]["controls"][0]["props"][3];
    assert_eq!(prop["name"], "min-level");
    prop["value"] = "7".into();
    let broken = serde_json::to_string_pretty(&value).unwrap();
    std::fs::write(&path, broken).unwrap();
    let error = import_catalog(&path, &[], "x").unwrap_err();
    match &error {
        CriteriaOscalError::Content { file, place, why } => {
            assert_eq!(file, &path.display().to_string());
            assert_eq!(
                place,
                &Place::Pointer("/catalog/groups/0/groups/0/controls/0/props/3/value".into())
            );
            assert!(why.en.contains("min-level must be 1, 2 or 3"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_risk_with_a_value_out_of_range_is_refused_at_its_property() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = demo_catalog_value(dir.path());
    let resources = &mut value["catalog"]["back-matter"]["resources"];
    assert_eq!(resources.as_array().unwrap().len(), 2);
    let band = resources[0]["props"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .position(|p| p["name"] == "band")
        .unwrap();
    resources[0]["props"][band]["value"] = "severe".into();
    let path = write_catalog(dir.path(), &value);
    let error = import_catalog(&path, &[], "x").unwrap_err();
    assert_eq!(
        error.place(),
        Some(Place::Pointer(format!(
            "/catalog/back-matter/resources/0/props/{band}/value"
        )))
    );
    assert!(
        error
            .message()
            .en
            .contains("band must be one of high, medium, low"),
        "{}",
        error.message().en
    );

    // A resource that is no risk is left alone; a risk without its band is refused.
    let mut value = demo_catalog_value(dir.path());
    let resources = value["catalog"]["back-matter"]["resources"]
        .as_array_mut()
        .unwrap();
    resources.push(serde_json::json!({
        "uuid": "0b7c7a52-8a4f-4e1c-9d59-3b0b7e2f1a11",
        "title": "A policy document",
    }));
    let path = write_catalog(dir.path(), &value);
    assert_eq!(
        import_catalog(&path, &[], "x").unwrap().version.risks.len(),
        2
    );
    let props = value["catalog"]["back-matter"]["resources"][1]["props"]
        .as_array_mut()
        .unwrap();
    props.retain(|p| p["name"] != "band");
    let path = write_catalog(dir.path(), &value);
    let error = import_catalog(&path, &[], "x").unwrap_err();
    assert_eq!(
        error.place(),
        Some(Place::Pointer(
            "/catalog/back-matter/resources/1/props".into()
        ))
    );
}
