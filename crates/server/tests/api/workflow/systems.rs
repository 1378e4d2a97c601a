//! The procurer's records over the API: a system recorded and classified, revised with its
//! history, the services eligible for it, the services it uses from when to when; and the
//! organisations recorded as a service's users told when it is suspended, has an incident or is
//! withdrawn. A procurer's systems are its own.

use serde_json::{Value, json};

use super::flow::{
    assert_log_intact, call, logged_actions, ok, pointers, refused, registered_entry, text,
};
use crate::world::workflow_world;

fn system(levels: &[u8], availability: u8) -> Value {
    json!({
        "name": text("施設予約", "Facility bookings"),
        "function": text("国民向けサービス", "Service to residents"),
        "information": levels.iter().enumerate().map(|(n, level)| json!({
            "name": text(&format!("情報{n}"), &format!("information {n}")),
            "confidentiality": level,
        })).collect::<Vec<_>>(),
        "availability": availability,
    })
}

fn items(list: &Value) -> &Vec<Value> {
    list["items"].as_array().unwrap()
}

#[tokio::test]
async fn a_procurer_records_classifies_revises_and_records_what_its_system_uses() {
    let world = workflow_world().await;
    let w = &world;
    for role in ["provider", "operator_admin", "auditor"] {
        let error = refused(
            w,
            role,
            "POST",
            "/api/v1/systems",
            Some(system(&[1], 1)),
            403,
        )
        .await;
        assert_eq!(error["detail_code"], "not_a_procurer", "{role}");
    }
    let mut bad = system(&[4], 1);
    bad["information"][0]["name"] = text("", " ");
    let error = refused(w, "procurer", "POST", "/api/v1/systems", Some(bad), 422).await;
    assert_eq!(
        pointers(&error),
        ["/information/0/confidentiality"],
        "{error}"
    );
    let error = refused(
        w,
        "procurer",
        "POST",
        "/api/v1/systems",
        Some(system(&[], 1)),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/information"], "{error}");

    let created = ok(
        w,
        "procurer",
        "POST",
        "/api/v1/systems",
        Some(system(&[1, 2], 3)),
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("sys-"), "{created}");
    assert_eq!(created["class"], "C2-I-A3");
    assert_eq!(created["registry_level"], 2);
    assert_eq!(created["integrity"], "high");
    assert!(!created["sla_requirements"].as_array().unwrap().is_empty());
    assert_eq!(
        created["advice"][0]["en"]
            .as_str()
            .map(|t| t.contains("information 1")),
        Some(true)
    );
    let uri = format!("/api/v1/systems/{id}");

    // Its own: anyone else finds none.
    for role in ["provider", "operator_admin"] {
        refused(w, role, "GET", &uri, None, 404).await;
        let listed = ok(w, role, "GET", "/api/v1/systems", None).await;
        assert!(items(&listed).is_empty(), "{role}");
    }
    let listed = ok(w, "procurer", "GET", "/api/v1/systems", None).await;
    assert_eq!(items(&listed).len(), 1);

    // A revision that raises the level adds a history line; one that does not, none.
    let revised = ok(w, "procurer", "PUT", &uri, Some(system(&[3], 3))).await;
    assert_eq!(revised["class"], "C3-I-A3");
    let again = ok(w, "procurer", "PUT", &uri, Some(system(&[3, 1], 3))).await;
    let classes: Vec<&str> = again["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["class"].as_str().unwrap())
        .collect();
    assert_eq!(classes, ["C2-I-A3", "C3-I-A3"]);

    // Eligible: registered at the system's level or higher.
    let entry = registered_entry(w).await;
    let eligible = ok(w, "procurer", "GET", &format!("{uri}/eligible"), None).await;
    assert!(
        items(&eligible)
            .iter()
            .all(|item| item["level"].as_u64() >= Some(3) && item["status"] == "registered")
    );
    ok(w, "procurer", "PUT", &uri, Some(system(&[1], 1))).await;
    let eligible = ok(w, "procurer", "GET", &format!("{uri}/eligible"), None).await;
    assert!(
        items(&eligible)
            .iter()
            .any(|item| item["id"] == entry.as_str()),
        "{eligible}"
    );

    // A usage from the day it was registered, once per period, ended once.
    let usages = format!("{uri}/usages");
    let usage = json!({"service": entry, "from": "2026-06-01", "note": text("予約", "bookings")});
    let recorded = ok(w, "procurer", "POST", &usages, Some(usage.clone())).await;
    assert_eq!(recorded["status"], "open");
    assert_eq!(recorded["in_use"], true);
    assert_eq!(recorded["entry"]["id"], entry.as_str());
    let error = refused(w, "procurer", "POST", &usages, Some(usage), 409).await;
    assert_eq!(error["detail_code"], "usage_overlaps");
    let unknown = json!({"service": "C99-9999", "from": "2026-06-01"});
    refused(w, "procurer", "POST", &usages, Some(unknown), 404).await;
    let backwards = json!({"service": entry, "from": "2027-06-01", "until": "2027-05-01"});
    let error = refused(w, "procurer", "POST", &usages, Some(backwards), 422).await;
    assert_eq!(pointers(&error), ["/until"]);

    let usage_id = recorded["id"].as_str().unwrap();
    let end = format!("/api/v1/usages/{usage_id}/end");
    refused(
        w,
        "provider",
        "POST",
        &end,
        Some(json!({"until": "2026-12-31"})),
        404,
    )
    .await;
    let ended = ok(
        w,
        "procurer",
        "POST",
        &end,
        Some(json!({"until": "2026-12-31"})),
    )
    .await;
    assert_eq!(ended["status"], "ended");
    assert_eq!(ended["until"], "2026-12-31");
    let error = refused(
        w,
        "procurer",
        "POST",
        &end,
        Some(json!({"until": "2027-01-31"})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "usage_ended");

    // The operator's staff read who uses what; a provider reads none.
    let all = ok(
        w,
        "operator_reviewer",
        "GET",
        &format!("/api/v1/usages?service={entry}"),
        None,
    )
    .await;
    assert_eq!(items(&all).len(), 1);
    assert_eq!(items(&all)[0]["org"]["id"], "gov");
    let in_use = ok(
        w,
        "operator_admin",
        "GET",
        "/api/v1/usages?in_use=false",
        None,
    )
    .await;
    assert!(items(&in_use).is_empty());
    // By the level and a model of the service used.
    let level = recorded["entry"]["level"].as_u64().unwrap();
    let model = recorded["entry"]["service_models"][0].as_str().unwrap();
    let at_level = format!("/api/v1/usages?level={level}&model={model}");
    assert_eq!(
        items(&ok(w, "operator_admin", "GET", &at_level, None).await).len(),
        1
    );
    let other = format!("/api/v1/usages?level={}", level % 3 + 1);
    assert!(items(&ok(w, "operator_admin", "GET", &other, None).await).is_empty());
    let out_of_range = call(w, "operator_admin", "GET", "/api/v1/usages?level=9", None).await;
    assert_eq!(out_of_range.status.as_u16(), 400);
    let none = ok(w, "provider", "GET", "/api/v1/usages", None).await;
    assert!(items(&none).is_empty());
    let mine = ok(w, "procurer", "GET", &usages, None).await;
    assert_eq!(items(&mine).len(), 1);

    let actions = logged_actions(w).await;
    for action in [
        "system.create",
        "system.revise",
        "usage.record",
        "usage.end",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
    assert_log_intact(w).await;
}

async fn told(w: &crate::world::World) -> Vec<Value> {
    let inbox = ok(w, "procurer", "GET", "/api/v1/inbox", None).await;
    inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|message| message["kind"] == "service_in_use")
        .cloned()
        .collect()
}

#[tokio::test]
async fn the_users_of_a_service_are_told_what_happens_to_it() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let created = ok(
        w,
        "procurer",
        "POST",
        "/api/v1/systems",
        Some(system(&[1], 1)),
    )
    .await;
    let uri = format!("/api/v1/systems/{}/usages", created["id"].as_str().unwrap());
    let usage = json!({"service": entry, "from": "2026-06-01"});
    ok(w, "procurer", "POST", &uri, Some(usage)).await;
    assert!(told(w).await.is_empty());

    // An incident reported: the users learn that one was, not what the provider wrote.
    let quick = json!({
        "discovered_on": "2026-06-01",
        "summary": text("秘密の詳細", "private details"),
    });
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{entry}/incidents"),
        Some(quick),
    )
    .await;
    let messages = told(w).await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    let body = messages[0]["body"]["en"].as_str().unwrap();
    assert!(body.contains("discovered on 2026-06-01"), "{body}");
    assert!(body.contains("(Facility bookings)"), "{body}");
    assert!(!body.contains("private details"), "{body}");
    assert_eq!(messages[0]["entry"], entry.as_str());

    // Suspended by the operator, then withdrawn by its provider.
    let measure = json!({
        "measure": "suspend",
        "reason": text("調査のため", "under investigation"),
        "notice_title": text("一時停止", "Suspended"),
        "notice_body": text("調査中です", "Under investigation."),
    });
    ok(
        w,
        "operator_admin",
        "POST",
        &format!("/api/v1/registry/{entry}/measures"),
        Some(measure),
    )
    .await;
    let messages = told(w).await;
    assert_eq!(messages.len(), 2);
    assert!(messages.iter().any(|m| {
        m["body"]["en"]
            .as_str()
            .unwrap()
            .contains("under investigation")
    }));

    let reason = json!({"reason": text("終了するため", "the service is closing")});
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{entry}/withdraw"),
        Some(reason),
    )
    .await;
    let messages = told(w).await;
    assert_eq!(messages.len(), 3);
    assert!(
        messages
            .iter()
            .any(|m| m["title"]["ja"].as_str().unwrap().contains("登録の取下げ")),
        "{messages:?}"
    );
    // Nobody else was told as a user.
    let provider_inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    assert!(
        items(&provider_inbox)
            .iter()
            .all(|m| m["kind"] != "service_in_use")
    );
    assert_log_intact(w).await;
}
