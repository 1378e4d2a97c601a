//! The services eligible for a system narrowed as its procurer asks, and its watch list: put on
//! and taken off once each, only live services, its own; the organisations watching a service
//! told what happens to it apart from its users.

use serde_json::{Value, json};

use super::flow::{assert_log_intact, call, logged_actions, ok, refused, text};
use crate::world::workflow_world;

fn ids(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            item.get("id")
                .or_else(|| item.get("service"))
                .and_then(Value::as_str)
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// A system at level 2 needing no particular model, recorded by the procurer; its uri.
async fn level_two_system(w: &crate::world::World, name: &str) -> String {
    let body = json!({
        "name": text(name, name),
        "function": text("管理・支援", "Administration"),
        "information": [{"name": text("職員情報", "staff records"), "confidentiality": 2}],
        "availability": 1,
    });
    let created = ok(w, "procurer", "POST", "/api/v1/systems", Some(body)).await;
    format!("/api/v1/systems/{}", created["id"].as_str().unwrap())
}

#[tokio::test]
async fn a_procurer_narrows_the_eligible_services_and_keeps_a_watch_list() {
    let world = workflow_world().await;
    let w = &world;
    let uri = level_two_system(w, "庶務").await;
    let eligible = |query: &str| format!("{uri}/eligible{query}");

    let all = ids(&ok(w, "procurer", "GET", &eligible(""), None).await);
    assert!(all.contains(&"C24-0006".to_owned()), "{all:?}");
    // Out of the registry, suspended or below level 2: not eligible.
    for absent in ["C23-0002", "C25-0002", "C25-0005"] {
        assert!(!all.contains(&absent.to_owned()), "{absent}");
    }
    let community_saas = ok(
        w,
        "procurer",
        "GET",
        &eligible("?model=SaaS&deployment=community"),
        None,
    )
    .await;
    assert_eq!(sorted(ids(&community_saas)), ["C24-0006", "C25-0010"]);
    let high_iaas = ok(w, "procurer", "GET", &eligible("?level=3&model=IaaS"), None).await;
    assert_eq!(sorted(ids(&high_iaas)), ["C23-0001", "C23-0003"]);
    let minato = ok(w, "procurer", "GET", &eligible("?q=Minato"), None).await;
    assert_eq!(
        sorted(ids(&minato)),
        ["C24-0006", "C24-0007", "C25-0009", "C26-0002"]
    );
    let below = ok(w, "procurer", "GET", &eligible("?level=1"), None).await;
    assert!(ids(&below).is_empty());
    let by_name = ids(&ok(
        w,
        "procurer",
        "GET",
        &eligible("?q=Minato&sort=name&lang=en"),
        None,
    )
    .await);
    assert_eq!(
        by_name,
        ["C25-0009", "C24-0007", "C24-0006", "C26-0002"],
        "Analytics, Messaging, Secure Mail, e-Application (the registry's order of names)"
    );
    for bad in [
        "?level=9",
        "?sort=price",
        "?model=DaaS",
        "?lang=fr",
        "?colour=red",
    ] {
        let answer = call(w, "procurer", "GET", &eligible(bad), None).await;
        assert_eq!(answer.status.as_u16(), 400, "{bad}");
    }

    // The watch list: live services only, once each, its own.
    let watch = |service: &str| format!("{uri}/watch/{service}");
    let list = ok(w, "procurer", "PUT", &watch("C24-0006"), None).await;
    assert_eq!(ids(&list), ["C24-0006"]);
    assert_eq!(list["items"][0]["eligible"], true);
    assert_eq!(list["items"][0]["entry"]["level"], 2);
    ok(w, "procurer", "PUT", &watch("C24-0006"), None).await;
    let suspended = ok(w, "procurer", "PUT", &watch("C25-0002"), None).await;
    assert_eq!(ids(&suspended), ["C24-0006", "C25-0002"]);
    assert_eq!(suspended["items"][1]["eligible"], false);
    let expired = refused(w, "procurer", "PUT", &watch("C23-0002"), None, 409).await;
    assert_eq!(expired["detail_code"], "entry_status");
    refused(w, "procurer", "PUT", &watch("C99-0001"), None, 404).await;
    refused(w, "procurer", "DELETE", &watch("C24-0007"), None, 404).await;
    for role in ["provider", "operator_admin"] {
        refused(w, role, "PUT", &watch("C24-0007"), None, 404).await;
        refused(w, role, "GET", &format!("{uri}/watch"), None, 404).await;
    }
    let system = ok(w, "procurer", "GET", &uri, None).await;
    assert_eq!(system["watching"], json!(["C24-0006", "C25-0002"]));
    let watched_only = ok(w, "procurer", "GET", &eligible("?watched=true"), None).await;
    assert_eq!(ids(&watched_only), ["C24-0006"]);

    let left = ok(w, "procurer", "DELETE", &watch("C25-0002"), None).await;
    assert_eq!(ids(&left), ["C24-0006"]);
    assert_eq!(
        ids(&ok(w, "procurer", "GET", &format!("{uri}/watch"), None).await),
        ["C24-0006"]
    );

    let actions = logged_actions(w).await;
    let count = |name: &str| actions.iter().filter(|a| *a == name).count();
    assert_eq!(count("system.watch"), 2, "the second PUT wrote nothing");
    assert_eq!(count("system.unwatch"), 1);
    assert_log_intact(w).await;
}

async fn inbox(w: &crate::world::World) -> Vec<Value> {
    let inbox = ok(w, "procurer", "GET", "/api/v1/inbox", None).await;
    inbox["items"].as_array().unwrap().clone()
}

fn measure(kind: &str) -> Value {
    json!({
        "measure": kind,
        "reason": text("調査のため", "under investigation"),
        "notice_title": text("措置", "Measure"),
        "notice_body": text("措置の公示", "The measure."),
    })
}

#[tokio::test]
async fn the_organisations_watching_a_service_are_told_apart_from_its_users() {
    let world = workflow_world().await;
    let w = &world;
    let watching = level_two_system(w, "庶務").await;
    ok(
        w,
        "procurer",
        "PUT",
        &format!("{watching}/watch/C24-0006"),
        None,
    )
    .await;
    let measures = "/api/v1/registry/C24-0006/measures";
    ok(
        w,
        "operator_admin",
        "POST",
        measures,
        Some(measure("suspend")),
    )
    .await;
    let messages = inbox(w).await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0]["kind"], "service_watched");
    let body = messages[0]["body"]["en"].as_str().unwrap();
    assert!(
        body.contains("as a candidate for its systems (庶務)"),
        "{body}"
    );
    assert!(!body.contains("recorded as using"), "{body}");

    // Another system of the same organisation uses it: one message, as a user, naming both.
    let using = level_two_system(w, "会計").await;
    let usage = json!({"service": "C24-0006", "from": "2026-01-01"});
    ok(
        w,
        "procurer",
        "POST",
        &format!("{using}/usages"),
        Some(usage),
    )
    .await;
    ok(
        w,
        "operator_admin",
        "POST",
        measures,
        Some(measure("reinstate")),
    )
    .await;
    let messages = inbox(w).await;
    assert_eq!(messages.len(), 2, "{messages:?}");
    let latest = messages
        .iter()
        .find(|m| m["kind"] == "service_in_use")
        .expect("told as a user");
    let body = latest["body"]["en"].as_str().unwrap();
    assert!(
        body.contains("systems (会計) are recorded as using"),
        "{body}"
    );
    assert!(
        body.contains("as a candidate for its systems (庶務)"),
        "{body}"
    );

    // No longer watched, no longer used: told nothing more.
    ok(
        w,
        "procurer",
        "DELETE",
        &format!("{watching}/watch/C24-0006"),
        None,
    )
    .await;
    let usages = ok(w, "procurer", "GET", &format!("{using}/usages"), None).await;
    let usage_id = usages["items"][0]["id"].as_str().unwrap();
    ok(
        w,
        "procurer",
        "POST",
        &format!("/api/v1/usages/{usage_id}/end"),
        Some(json!({"until": "2026-02-01"})),
    )
    .await;
    ok(
        w,
        "operator_admin",
        "POST",
        measures,
        Some(measure("suspend")),
    )
    .await;
    assert_eq!(inbox(w).await.len(), 2);
    assert_log_intact(w).await;
}
