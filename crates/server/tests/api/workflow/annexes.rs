//! A provider shares its statement's annexes with a named procuring organisation: that
//! organisation's coverage then shows the controls behind each objective, every read is an
//! event; the grant is revocable, only for procuring organisations and only by the provider.

use serde_json::{Value, json};

use super::flow::{assert_log_intact, call, logged_actions, ok, refused, registered_service, text};
use crate::world::workflow_world;

#[tokio::test]
async fn a_procurer_reads_the_annexes_a_provider_shares_with_it_until_they_are_revoked() {
    let world = workflow_world().await;
    let w = &world;
    let (service, entry_id) = registered_service(w).await;
    let entry = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry_id}"),
        None,
    )
    .await;
    let level = entry["level"].as_u64().unwrap();
    let body = json!({
        "name": text("窓口", "Counter"),
        "function": text("住民向けサービス", "Service to residents"),
        "information": [{"name": text("氏名", "names"), "confidentiality": level.min(3)}],
        "availability": 1,
    });
    let system = ok(w, "procurer", "POST", "/api/v1/systems", Some(body)).await;
    let coverage = format!(
        "/api/v1/systems/{}/coverage?service={entry_id}",
        system["id"].as_str().unwrap()
    );
    let grants = format!("/api/v1/services/{service}/annex-grants");

    // Not shared yet: no annexes, no controls.
    let before = ok(w, "procurer", "GET", &coverage, None).await;
    assert!(before.get("annexes").is_none());
    assert!(
        before["risks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("controls").is_none())
    );

    let granted = ok(w, "provider", "PUT", &format!("{grants}/gov"), None).await;
    assert_eq!(granted["items"][0]["org"], "gov");
    // Granting again writes nothing.
    let count = |actions: &[String], action: &str| actions.iter().filter(|a| *a == action).count();
    let log = logged_actions(w).await;
    ok(w, "provider", "PUT", &format!("{grants}/gov"), None).await;
    assert_eq!(
        count(&logged_actions(w).await, "service.annex_grant"),
        count(&log, "service.annex_grant")
    );
    assert_eq!(
        ok(w, "operator_admin", "GET", &grants, None).await["items"][0]["org"],
        "gov"
    );

    let shared = ok(w, "procurer", "GET", &coverage, None).await;
    let annexes = &shared["annexes"];
    let selected = annexes["selected"].as_array().unwrap();
    assert!(!selected.is_empty(), "{annexes}");
    assert!(
        !selected[0]["individual_control"]["en"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    let with_controls: Vec<&Value> = shared["risks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("controls").is_some())
        .collect();
    assert!(!with_controls.is_empty(), "some risk shows its controls");
    for risk in with_controls {
        for control in risk["controls"].as_array().unwrap() {
            let objective = selected
                .iter()
                .find(|s| &s["control"] == control)
                .map(|s| s["objective"].clone())
                .unwrap();
            assert!(risk["objectives"].as_array().unwrap().contains(&objective));
        }
    }
    let reads = count(&logged_actions(w).await, "statement.annex_read");
    assert_eq!(reads, 1, "the read is an event");

    // Only the provider grants, only to procuring organisations, only organisations that exist.
    refused(w, "procurer", "PUT", &format!("{grants}/gov"), None, 404).await;
    refused(
        w,
        "other_provider",
        "PUT",
        &format!("{grants}/gov"),
        None,
        404,
    )
    .await;
    let audit_body = call(w, "provider", "PUT", &format!("{grants}/ab"), None).await;
    assert_eq!(audit_body.status.as_u16(), 422);
    refused(w, "provider", "PUT", &format!("{grants}/nobody"), None, 404).await;

    // Revoked: the coverage no longer shows them.
    let revoked = ok(w, "provider", "DELETE", &format!("{grants}/gov"), None).await;
    assert!(revoked["items"].as_array().unwrap().is_empty());
    refused(w, "provider", "DELETE", &format!("{grants}/gov"), None, 404).await;
    let after = ok(w, "procurer", "GET", &coverage, None).await;
    assert!(after.get("annexes").is_none());
    assert_eq!(count(&logged_actions(w).await, "statement.annex_read"), 1);
    assert_log_intact(w).await;
}
