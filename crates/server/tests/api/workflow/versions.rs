//! Statement versions: a new version starts as a copy of the latest one, which stays as it
//! was submitted.

use serde_json::json;

use super::flow::{new_service, ok, refused, statement_body, submitted_statement};
use crate::world::workflow_world;

#[tokio::test]
async fn a_new_version_copies_the_previous_one_which_stays_frozen() {
    let world = workflow_world().await;
    let service = new_service(&world).await;
    let first = submitted_statement(&world, &service).await;
    let second = ok(
        &world,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"criteria_version": "demo-2026", "target_level": 2})),
    )
    .await;
    assert_eq!(second["version"], 2);
    assert_eq!(second["previous"], json!(first));
    assert_eq!(second["status"], "draft");
    assert_eq!(second["target_level"], 2);
    let original = ok(
        &world,
        "provider",
        "GET",
        &format!("/api/v1/statements/{first}"),
        None,
    )
    .await;
    for part in ["governance", "management", "selected", "excluded"] {
        assert_eq!(second[part], original[part], "{part}");
    }
    assert!(!second["selected"].as_array().unwrap().is_empty());
    assert_eq!(second["id"], json!(format!("{service}-v2")));
    // A request may name the version it starts.
    let third = ok(
        &world,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"id": "my-third", "criteria_version": "demo-2026", "target_level": 1})),
    )
    .await;
    assert_eq!(
        (&third["id"], &third["version"]),
        (&json!("my-third"), &json!(3))
    );
    assert_eq!(third["previous"], second["id"]);

    // The copy changes; the submitted version does not, and cannot.
    let second_id = second["id"].as_str().unwrap();
    let mut edited = statement_body();
    edited["excluded"] = json!([]);
    let saved = ok(
        &world,
        "provider",
        "PUT",
        &format!("/api/v1/statements/{second_id}"),
        Some(edited.clone()),
    )
    .await;
    assert_eq!(saved["excluded"], json!([]));
    let error = refused(
        &world,
        "provider",
        "PUT",
        &format!("/api/v1/statements/{first}"),
        Some(edited),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "statement_frozen");
    let again = ok(
        &world,
        "provider",
        "GET",
        &format!("/api/v1/statements/{first}"),
        None,
    )
    .await;
    assert_eq!(again, original);
}
