//! The expectation gap over the API: the map of assurance schemes is public, the shipped one
//! until an administrator of the operator replaces it (checked whole, one event per change, a
//! stale revision refused); and every registration's account of what it assures and does not.

use serde_json::{Value, json};

use super::flow::{
    assert_log_intact, excluded_control, logged_actions, ok, pointers, refused, registered_service,
    text,
};
use crate::world::workflow_world;

/// The map as `GET` gives it, made into the body `PUT` takes.
fn as_request(map: &Value) -> Value {
    let schemes: Vec<Value> = map["schemes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|scheme| {
            let mut scheme = scheme.clone();
            let object = scheme.as_object_mut().unwrap();
            object.remove("gap");
            object.remove("zone");
            scheme
        })
        .collect();
    json!({"revision": map["revision"], "baseline": map["baseline"], "schemes": schemes})
}

fn revisions(actions: &[String]) -> usize {
    actions.iter().filter(|a| *a == "assurance.revise").count()
}

#[tokio::test]
async fn the_map_is_public_and_the_operators_administrators_edit_it_whole() {
    let world = workflow_world().await;
    let w = &world;
    let shipped = ok(w, "public", "GET", "/api/v1/assurance", None).await;
    assert_eq!(shipped["revision"], 0);
    assert!(shipped.get("revised_on").is_none());
    assert_eq!(shipped["schemes"].as_array().unwrap().len(), 14);
    assert_eq!(shipped["zones"].as_array().unwrap().len(), 4);
    let isms = ok(w, "public", "GET", "/api/v1/assurance/isms", None).await;
    assert_eq!(isms["object"], "management_system");
    assert_eq!(
        isms["gap"],
        isms["expected"].as_i64().unwrap() - isms["actual"].as_i64().unwrap()
    );
    refused(w, "public", "GET", "/api/v1/assurance/nothing", None, 404).await;

    // Only the operator's administrators edit it.
    let mut edited = as_request(&shipped);
    edited["baseline"] = json!(60);
    refused(
        w,
        "public",
        "PUT",
        "/api/v1/assurance",
        Some(edited.clone()),
        401,
    )
    .await;
    for role in ["operator_reviewer", "provider", "procurer"] {
        refused(
            w,
            role,
            "PUT",
            "/api/v1/assurance",
            Some(edited.clone()),
            403,
        )
        .await;
    }

    // Every problem at once, each at its pointer; nothing written.
    let mut broken = edited.clone();
    broken["baseline"] = json!(0);
    broken["schemes"][2]["expected"] = json!(120);
    broken["schemes"][3]["id"] = broken["schemes"][0]["id"].clone();
    broken["schemes"][4]["areas"] = json!([]);
    broken["schemes"][5]["name"]["en"] = json!(" ");
    let error = refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/assurance",
        Some(broken),
        422,
    )
    .await;
    let mut found = pointers(&error);
    found.sort();
    assert_eq!(
        found,
        [
            "/baseline",
            "/schemes/2/expected",
            "/schemes/3/id",
            "/schemes/4/areas",
            "/schemes/5/name/en"
        ]
    );
    // An unknown area is a malformed body, named at its place.
    let mut unknown = edited.clone();
    unknown["schemes"][0]["areas"] = json!(["astrology"]);
    refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/assurance",
        Some(unknown),
        422,
    )
    .await;
    assert_eq!(revisions(&logged_actions(w).await), 0);

    // A sound edit: the baseline moves the zones, one event, the revision moves on.
    let saved = ok(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/assurance",
        Some(edited.clone()),
    )
    .await;
    assert_eq!(saved["baseline"], 60);
    assert_eq!(saved["revision"], 1);
    assert!(saved["revised_on"].is_string());
    let isms_now = ok(w, "public", "GET", "/api/v1/assurance/isms", None).await;
    assert_eq!(isms_now["expected"], isms["expected"]);
    assert_eq!(revisions(&logged_actions(w).await), 1);

    // The same map again writes nothing; a form read before the edit is refused as stale.
    let mut again = as_request(&saved);
    ok(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/assurance",
        Some(again.clone()),
    )
    .await;
    assert_eq!(revisions(&logged_actions(w).await), 1);
    refused(
        w,
        "operator_admin",
        "PUT",
        "/api/v1/assurance",
        Some(edited),
        409,
    )
    .await;

    // A scheme removed and one added, with no revision named.
    let mut schemes = again["schemes"].as_array().unwrap().clone();
    schemes.retain(|scheme| scheme["id"] != "pci_dss");
    let mut added = schemes[0].clone();
    added["id"] = json!("regional_mark");
    added["name"] = text("地域の認定", "A regional mark");
    schemes.push(added);
    again["schemes"] = json!(schemes);
    again.as_object_mut().unwrap().remove("revision");
    let changed = ok(w, "operator_admin", "PUT", "/api/v1/assurance", Some(again)).await;
    assert_eq!(changed["revision"], 2);
    refused(w, "public", "GET", "/api/v1/assurance/pci_dss", None, 404).await;
    ok(w, "public", "GET", "/api/v1/assurance/regional_mark", None).await;
    assert_log_intact(w).await;
}

#[tokio::test]
async fn a_registrations_account_says_what_it_assures_and_what_it_does_not() {
    let world = workflow_world().await;
    let w = &world;
    let (service, entry) = registered_service(w).await;
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/certificates"),
        Some(json!({
            "kind": "iso27001",
            "issuer": text("認証機関", "A certification body"),
            "scope": text("クラウド事業部", "The cloud division"),
            "valid_from": "2025-04-01",
            "valid_until": "2028-03-31",
        })),
    )
    .await;
    let account = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}/assurance"),
        None,
    )
    .await;
    assert_eq!(account["entry"], entry.as_str());
    assert_eq!(account["level"], 1);
    assert_eq!(account["scheme"]["id"], "shinrai_1");
    assert!(!account["criteria"].as_str().unwrap().is_empty());
    let ids = |field: &str| -> Vec<String> {
        account[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|one| one["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let implemented = ids("implemented");
    assert!(!implemented.is_empty());
    // A level 1 registration says nothing of what only higher levels call for.
    let above = ids("above_level");
    assert!(!above.is_empty());
    assert!(above.iter().all(|id| !implemented.contains(id)));
    // The excluded control with the statement's reason, under its objective.
    let excluded = excluded_control();
    let exclusion = account["exclusions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|one| one["control"] == excluded.as_str())
        .unwrap_or_else(|| panic!("{account}"));
    assert!(!exclusion["reason"]["en"].as_str().unwrap().is_empty());
    assert!(exclusion["objective"].is_string());
    for risk in account["open_risks"].as_array().unwrap() {
        assert!(["partial", "none"].contains(&risk["coverage"].as_str().unwrap()));
    }
    assert!(
        !account["customer_responsibilities"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(account["certificates"][0]["kind"], "iso27001");
    assert_eq!(account["history"][0]["to"], "registered");

    // An entry loaded from the registry file has no statement in the store: no exclusions.
    let registry = ok(w, "public", "GET", "/api/v1/registry", None).await;
    let loaded = registry["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .find(|id| *id != entry)
        .unwrap();
    let other = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{loaded}/assurance"),
        None,
    )
    .await;
    assert_eq!(other["exclusions"], json!([]));
    assert!(
        other["scheme"]["id"]
            .as_str()
            .unwrap()
            .starts_with("shinrai_")
    );
    refused(
        w,
        "public",
        "GET",
        "/api/v1/registry/C99-9999/assurance",
        None,
        404,
    )
    .await;
}
