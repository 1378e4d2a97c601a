//! The provider withdraws a registration: the entry ends with its reason and notice, and the
//! services built on it fall in cascade at once, each with its own notice naming the cause.

use serde_json::json;

use super::flow::{assert_log_intact, logged_actions, ok, refused, registered_entry, text};
use super::story::conforms;
use crate::world::workflow_world;

#[tokio::test]
async fn the_provider_withdraws_its_registration_and_what_is_built_on_it_falls() {
    let world = workflow_world().await;
    let w = &world;
    let entry_id = registered_entry(w).await;

    // Two services registered on top of it, in a chain, and one beside it.
    let stored = w.store.registry_entries().await.unwrap();
    let ours = stored.iter().find(|entry| entry.id == entry_id).unwrap();
    let built = |id: &str, on: &[&str]| {
        let mut entry = ours.clone();
        entry.id = id.to_owned();
        entry.built_on = on.iter().map(|base| (*base).to_owned()).collect();
        entry.service = None;
        entry.application = None;
        entry
    };
    let on_top = [
        built("C26-0901", &[entry_id.as_str()]),
        built("C26-0902", &["C26-0901"]),
        built("C26-0903", &[]),
    ];
    w.store
        .create_registry_entries(&on_top, &shinrai_store::model::ChangeBy::system(1_000))
        .await
        .unwrap();

    let withdraw = format!("/api/v1/registry/{entry_id}/withdraw");
    let reason = json!({"reason": text("サービスを終了するため", "the service is being closed")});
    for role in ["auditor", "procurer", "operator_admin"] {
        let error = refused(w, role, "POST", &withdraw, Some(reason.clone()), 403).await;
        assert_eq!(error["detail_code"], "not_the_provider", "{role}");
    }
    let blank = json!({"reason": text(" ", "")});
    refused(w, "provider", "POST", &withdraw, Some(blank), 422).await;

    let done = ok(w, "provider", "POST", &withdraw, Some(reason.clone())).await;
    conforms(w, "RegistrationWithdrawalView", &done).await;
    assert_eq!(done["entry"]["status"], "deregistered");
    let fallen = done["fallen"].as_array().unwrap();
    for (entry, because) in [("C26-0901", entry_id.as_str()), ("C26-0902", "C26-0901")] {
        assert!(
            fallen.iter().any(|one| one["entry"] == entry
                && one["fall"] == "cascade"
                && one["because"] == because),
            "{entry} falls with {because}: {done}"
        );
    }
    assert!(!fallen.iter().any(|one| one["entry"] == "C26-0903"));

    let top = ok(w, "public", "GET", "/api/v1/registry/C26-0902", None).await;
    assert_eq!(top["status"], "deregistered");
    let notice = top["notices"].as_array().unwrap().last().unwrap().clone();
    assert!(notice.to_string().contains("C26-0901"), "{notice}");
    let beside = ok(w, "public", "GET", "/api/v1/registry/C26-0903", None).await;
    assert_eq!(beside["status"], "registered");

    let again = refused(w, "provider", "POST", &withdraw, Some(reason), 409).await;
    assert_eq!(again["detail_code"], "entry_status");

    let actions = logged_actions(w).await;
    for action in ["registry.withdraw", "registry.cascade"] {
        assert!(actions.iter().any(|a| a == action), "{action} missing");
    }
    assert_log_intact(w).await;
}
