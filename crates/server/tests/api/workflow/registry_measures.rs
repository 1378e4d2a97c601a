//! The operator's measures on a registration: suspended (shown first on its page), reinstated,
//! deregistered with what is built on it falling at once; each with its history line, public
//! notice and a message to the provider; only administrators, only from a status that allows it.

use serde_json::{Value, json};

use super::flow::{
    assert_log_intact, built_on, logged_actions, ok, refused, registered_entry, text,
};
use super::story::conforms;
use crate::world::workflow_world;

fn measure(kind: &str) -> Value {
    json!({
        "measure": kind,
        "reason": text(&format!("{kind} の理由"), &format!("why {kind}")),
        "notice_title": text(&format!("{kind} の公示"), &format!("Notice of {kind}")),
        "notice_body": text("本文", &format!("The operator decided to {kind}.")),
    })
}

#[tokio::test]
async fn the_operator_suspends_reinstates_and_deregisters_with_notices_and_messages() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let uri = format!("/api/v1/registry/{entry}/measures");
    for role in ["provider", "auditor", "procurer", "operator_reviewer"] {
        let error = refused(w, role, "POST", &uri, Some(measure("suspend")), 403).await;
        assert_eq!(error["detail_code"], "not_an_administrator", "{role}");
    }
    let error = refused(
        w,
        "operator_admin",
        "POST",
        &uri,
        Some(measure("reinstate")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "entry_status");
    let mut blank = measure("suspend");
    blank["reason"] = text(" ", "");
    refused(w, "operator_admin", "POST", &uri, Some(blank), 422).await;
    refused(
        w,
        "operator_admin",
        "POST",
        &uri,
        Some(measure("pause")),
        422,
    )
    .await;

    let suspended = ok(w, "operator_admin", "POST", &uri, Some(measure("suspend"))).await;
    conforms(w, "RegistryMeasureView", &suspended).await;
    assert_eq!(suspended["entry"]["status"], "suspended");
    assert_eq!(suspended["fallen"], json!([]));
    let notices = suspended["entry"]["notices"].as_array().unwrap();
    assert_eq!(notices.last().unwrap()["kind"], "suspension");
    for (lang, words) in [
        ("en", "This registration is suspended."),
        ("ja", "この登録は一時停止中です。"),
    ] {
        let html = crate::support::get(&w.app, &format!("/registry/{entry}?lang={lang}"))
            .await
            .text();
        assert!(
            html.contains("suspended-banner") && html.contains(words),
            "{html}"
        );
        assert!(
            html.contains("why suspend") || html.contains("suspend の理由"),
            "{html}"
        );
    }
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let told = inbox["items"].as_array().unwrap();
    assert_eq!(told.len(), 1, "{inbox}");
    assert_eq!(told[0]["kind"], "measure");
    assert!(
        told[0]["body"]["en"]
            .as_str()
            .unwrap()
            .contains("why suspend")
    );

    let reinstated = ok(
        w,
        "operator_admin",
        "POST",
        &uri,
        Some(measure("reinstate")),
    )
    .await;
    assert_eq!(reinstated["entry"]["status"], "registered");
    let html = crate::support::get(&w.app, &format!("/registry/{entry}?lang=en"))
        .await
        .text();
    assert!(
        !html.contains("suspended-banner"),
        "no banner once reinstated"
    );

    // A service built on it falls when it is deregistered.
    built_on(w, &entry, &[("C26-0921", entry.as_str())]).await;
    let ended = ok(
        w,
        "operator_admin",
        "POST",
        &uri,
        Some(measure("deregister")),
    )
    .await;
    assert_eq!(ended["entry"]["status"], "deregistered");
    let fallen = ended["fallen"].as_array().unwrap();
    assert!(
        fallen
            .iter()
            .any(|f| f["entry"] == "C26-0921" && f["because"] == entry.as_str()),
        "{ended}"
    );
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let kinds: Vec<&str> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "measure").count(),
        3,
        "{kinds:?}"
    );
    assert!(kinds.contains(&"fell_in_cascade"), "{kinds:?}");
    refused(
        w,
        "operator_admin",
        "POST",
        &uri,
        Some(measure("suspend")),
        409,
    )
    .await;

    let actions = logged_actions(w).await;
    for action in [
        "registry.suspend",
        "registry.reinstate",
        "registry.deregister",
        "registry.cascade",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} missing");
    }
    assert_log_intact(w).await;
}
